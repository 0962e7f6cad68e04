/**
 * Between a keystroke and the next full analysis (which on a 1 MB prompt takes a few hundred
 * milliseconds), keep what the user sees right: the exact token count of the edited text — kept
 * per chunk, so an edit re-tokenizes only the chunks it touched (IncrementalDocumentCount) —
 * the energy estimate for that count, and the squiggles moved with the text instead of
 * pointing at where the text used to be. The full analysis then replaces all of it.
 */
import * as vscode from 'vscode';
import type { AnalysisWithNotices } from '../../core/analyse';
import type { EncodingName, ModelProfile } from '../../core/profiles/modelProfile';
import { IncrementalDocumentCount } from '../../core/tokens/incrementalDocumentCount';
import { getTokenCounter } from '../../core/tokens/tokenCounter';
import { rejudgeRequest } from '../../core/requestJudgements';
import type { EditorServices } from './editorServices';
import type { MvpSettings } from './settings';

interface Live {
  encoding: EncodingName;
  counter: IncrementalDocumentCount;
  /** Exact prompt-text counts by document version, to compare with the analysed version. */
  countAt: Map<number, number>;
}

export interface LiveFigures {
  version: number;
  analysis: AnalysisWithNotices;
}

/** Moves a position of the text before a single replacement to where that text is after it. */
export function shiftPosition(p: vscode.Position, change: vscode.TextDocumentContentChangeEvent): vscode.Position | undefined {
  const r = change.range;
  if (p.isBeforeOrEqual(r.start)) return p;
  if (p.isBefore(r.end)) return undefined; // inside the replaced text: gone
  const insertedLines = change.text.split(/\r\n|\r|\n/);
  const lineDelta = insertedLines.length - 1 - (r.end.line - r.start.line);
  if (p.line > r.end.line) return p.translate(lineDelta, 0);
  // Same line as the end of the replaced range.
  const endCharacter = insertedLines.length === 1 ? r.start.character + change.text.length : insertedLines[insertedLines.length - 1].length;
  return new vscode.Position(r.start.line + insertedLines.length - 1, endCharacter + (p.character - r.end.character));
}

export function shiftRange(range: vscode.Range, change: vscode.TextDocumentContentChangeEvent): vscode.Range | undefined {
  const start = shiftPosition(range.start, change);
  const end = shiftPosition(range.end, change);
  return start && end ? new vscode.Range(start, end) : undefined;
}

export class LiveCounts {
  private readonly live = new Map<string, Live>();

  /** After a full analysis of `version`: (re)start counting from the document's current text. */
  analysed(document: vscode.TextDocument, version: number, profile: ModelProfile): void {
    const key = document.uri.toString();
    const encoding = profile.tokenizer.encoding;
    let entry = this.live.get(key);
    if (!entry || entry.encoding !== encoding) {
      if (document.version !== version) {
        this.live.delete(key);
        return; // edited meanwhile: start with the next analysis
      }
      // The analysis just counted this text: the chunk cache makes this pass cheap.
      entry = { encoding, counter: new IncrementalDocumentCount(getTokenCounter(encoding), document.getText()), countAt: new Map() };
      entry.countAt.set(document.version, entry.counter.total());
      this.live.set(key, entry);
    }
    for (const v of [...entry.countAt.keys()]) if (v < version) entry.countAt.delete(v);
  }

  /**
   * Applies an edit event; returns the analysis with the token total and estimate of the text as
   * it is now (findings as last analysed), or undefined when it cannot be derived exactly.
   */
  edited(
    e: vscode.TextDocumentChangeEvent,
    last: { version: number; analysis: AnalysisWithNotices } | undefined,
    engine: Pick<EditorServices, 'profileOf' | 'estimateRequest'>,
    settings: Pick<MvpSettings, 'expectedOutputTokens' | 'region'>,
  ): LiveFigures | undefined {
    const profile = last && engine.profileOf(last.analysis);
    // The same request options as the full analysis: the settings, else the team config's region.
    const input = { outputTokens: settings.expectedOutputTokens, region: settings.region ?? last?.analysis.config.region };
    const key = e.document.uri.toString();
    const entry = this.live.get(key);
    if (!entry) return undefined;
    try {
      for (const change of e.contentChanges) entry.counter.applyEdit(change.rangeOffset, change.rangeLength, change.text);
    } catch {
      this.live.delete(key); // out of sync (should not happen): the next analysis restarts it
      return undefined;
    }
    entry.countAt.set(e.document.version, entry.counter.total());
    const before = last && entry.countAt.get(last.version);
    if (!last || before === undefined || !profile || profile.tokenizer.encoding !== entry.encoding) return undefined;
    const factor = profile.tokenizer.calibrationFactor || 1;
    const total = Math.max(0, Math.round(last.analysis.tokens.total + (entry.counter.total() - before) * factor));
    const provisional = engine.estimateRequest(profile, { ...input, inputTokens: total });
    const analysis: AnalysisWithNotices = {
      ...last.analysis,
      tokens: { ...last.analysis.tokens, total, minimalTotal: Math.max(0, last.analysis.tokens.minimalTotal + (total - last.analysis.tokens.total)) },
      estimate: provisional,
      // The window level and budgets follow the count, judged by the core with the full analysis's options.
      ...rejudgeRequest(last.analysis, total, provisional),
    };
    return { version: e.document.version, analysis };
  }

  forget(uri: vscode.Uri): void {
    this.live.delete(uri.toString());
  }
}
