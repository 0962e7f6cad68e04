/**
 * The one session path. A transcript, held in memory or streamed from a file, goes through the one
 * streaming detector (SessionAccumulator), the cost model (SessionCostModel) and the evidence
 * (what pollutes the history, what a fresh session would save); the result is one
 * SessionAnalysis. `analysePrompt` calls this for `transcript` and `historyFile` alike, so
 * `mvp session`, `mvp analyse --history`, the hook, the editor and the panel all see the same
 * numbers and the history rules judge the same evidence.
 */
import * as path from 'node:path';
import type { RequestEstimate, RequestInput } from '../energy/estimate';
import type { ModelProfile } from '../profiles/modelProfile';
import { readSessionFile } from './readSessionFile';
import { SessionAccumulator, type SessionAccumulatorOptions } from './sessionAccumulator';
import type { SessionAnalysis } from './sessionAnalysis';
import { SessionCostModel } from './sessionCostModel';
import { compareFreshSession, detectPollution } from './sessionDetections';
import type { Transcript } from './transcript';

/** What the detector watches for; the polluted-history rule's options set these (see `detectorOptionsOf`). */
export type SessionDetectorOptions = Pick<SessionAccumulatorOptions, 'largeToolOutputTokens' | 'minRepeatTokens'>;

export interface AnalyseSessionOptions {
  /** The chosen model's tokenizer, calibrated. */
  countTokens: (text: string) => number;
  /** The chosen model's estimator (region already applied). */
  estimate: (input: RequestInput) => RequestEstimate;
  caching: ModelProfile['caching'];
  /** Turns projected for "continue vs start fresh". Default 10. */
  moreTurns?: number;
  detector?: SessionDetectorOptions;
}

export interface AnalysedSession {
  analysis: SessionAnalysis;
  /**
   * Malformed lines of a transcript file, skipped (a transcript read in memory was read by the
   * caller, who has its problems). What a format cannot show is in `analysis.source.notes`.
   */
  notices: string[];
}

/** Malformed lines listed one by one before they are summed up in one notice. */
const LISTED_PROBLEMS = 20;

export async function analyseSession(
  source: { transcript: Transcript; name?: string } | { file: string },
  options: AnalyseSessionOptions,
): Promise<AnalysedSession> {
  const accumulator = new SessionAccumulator({ countTokens: options.countTokens, ...options.detector });
  let read: NonNullable<SessionAnalysis['source']>;
  let sourceName: string | undefined;
  if ('transcript' in source) {
    const t = source.transcript;
    sourceName = source.name;
    accumulator.appendAll(t.messages);
    read = {
      format: t.format,
      messages: t.messages.length,
      model: t.model,
      problems: t.problems,
      notes: t.notes ?? [],
    };
  } else {
    sourceName = path.basename(source.file);
    const r = await readSessionFile(source.file, accumulator);
    read = { format: r.format, messages: r.messageCount, model: r.model, problems: r.problems, notes: r.notes };
  }
  const costs = new SessionCostModel({
    estimate: options.estimate,
    caching: options.caching,
    moreTurns: options.moreTurns,
    sourceName,
  });
  const analysis = costs.analyse(accumulator);
  analysis.source = read;
  analysis.evidence = {
    pollution: detectPollution(accumulator, analysis, options.estimate),
    freshSession: compareFreshSession(analysis),
  };
  return { analysis, notices: 'file' in source ? problemNotices(read, sourceName!) : [] };
}

function problemNotices(read: NonNullable<SessionAnalysis['source']>, name: string): string[] {
  const notices = read.problems.slice(0, LISTED_PROBLEMS).map((p) => `${name}:${p.line}: ${p.message} (skipped)`);
  if (read.problems.length > LISTED_PROBLEMS) {
    notices.push(`${name}: ${read.problems.length - LISTED_PROBLEMS} more malformed lines skipped`);
  }
  return notices;
}

/**
 * The model a transcript names, from its first bytes: the tokenizer must be chosen before a file
 * is streamed. Copilot's "copilot/" prefix and Claude Code's "<synthetic>" placeholder are not models.
 */
export function modelNamedInHead(head: string): string | undefined {
  const match = /"(?:model|modelId)"\s*:\s*"([^"]+)"/.exec(head);
  return match ? transcriptModelName(match[1]) : undefined;
}

/** A model name as a transcript writes it, or undefined when it names none. */
export function transcriptModelName(name: string | undefined): string | undefined {
  if (!name || name === '<synthetic>') return undefined;
  return name.replace(/^copilot\//, '');
}
