/**
 * `mvp session FILE [--model ID] [--format text|json] [--seed-summary PATH] [--more-turns N] [--force]`:
 * what a chat session cost request by request (every request re-sends the history), what the
 * next N turns would cost continuing vs starting fresh from a seed summary, and what pollutes it.
 */
import { formatRange, formatTokens, formatWh } from '../../core/format';
import { constants as fsConstants } from 'node:fs';
import { access } from 'node:fs/promises';
import { writeRegularFile } from '../../core/files/writeRegularFile';
import path from 'node:path';
import { analysePrompt, type AnalysisWithNotices } from '../../core/analyse';
import type { Estimate3 } from '../../core/energy/estimate';
import { readHead } from '../../core/history/readSessionFile';
import type { SessionAnalysis } from '../../core/history/sessionAnalysis';
import type { PollutionDetection } from '../../core/history/sessionDetections';
import type { Finding } from '../../core/rules/finding';
import { parseArgs, UsageError } from '../args';

export const SESSION_USAGE = `Usage: mvp session FILE [--model ID] [--format text|json] [--seed-summary PATH] [--more-turns N] [--force]

Analyses a chat transcript (OpenAI messages JSON, VS Code chat export JSON, Claude Code JSONL
session log, or Markdown with role headings): tokens and energy of every request, cumulative
totals, the cost of continuing vs starting fresh, and what pollutes the history. The findings are
the rules' (long-history, polluted-history, context-window, energy-budget; .mvp.jsonc applies),
exactly as \`mvp analyse --history\` and \`mvp hook\` report them for the next request.

  --model ID           model profile to count and estimate with (default: the model named in
                       the transcript, then the team config's, then gpt-4o)
  --format text|json   output format (default text; JSON is documented in docs/cli.md)
  --seed-summary PATH  write the seed summary for a fresh session to PATH (never replaces an
                       existing file unless --force is given)
  --more-turns N       turns to project for "continue vs start fresh" (default 10)
  --force              allow --seed-summary to replace an existing file
`;

export interface SessionIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export async function runSession(args: string[], io: SessionIo): Promise<number> {
  let flags;
  let file: string;
  try {
    const parsed = parseArgs(args, {
      model: { type: 'string', short: 'm' },
      format: { type: 'string', choices: ['text', 'json'] },
      'seed-summary': { type: 'string' },
      'more-turns': { type: 'number' },
      force: { type: 'boolean', short: 'f' },
      help: { type: 'boolean', short: 'h' },
    });
    flags = parsed.flags;
    if (flags.help) {
      io.stdout(SESSION_USAGE);
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length ? 'session takes one FILE' : 'session needs a FILE');
    if (flags['more-turns'] !== undefined && (!Number.isInteger(flags['more-turns']) || (flags['more-turns'] as number) < 1)) {
      throw new UsageError(`option '--more-turns' needs a whole number of at least 1, got '${flags['more-turns']}'`);
    }
    file = path.resolve(io.cwd, parsed.positionals[0]);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mvp session: ${error.message}\n${SESSION_USAGE}`);
      return 2;
    }
    throw error;
  }

  const seedPath = flags['seed-summary'] === undefined ? undefined : path.resolve(io.cwd, flags['seed-summary'] as string);
  const force = flags.force === true;
  // Refuse before doing the work, so the user is not told twice.
  if (seedPath && !force && (await exists(seedPath))) {
    io.stderr(`mvp session: ${seedPath} already exists; choose another --seed-summary path or add --force to replace it.\n`);
    return 2;
  }

  try {
    await readHead(file);
  } catch (error) {
    // The file-access policy's refusals name the file and what to do; raw system errors get both here.
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(code ? `mvp session: cannot read ${file}: ${code}. Check the path.\n` : `mvp session: ${(error as Error).message}\n`);
    return 2;
  }

  // The session is the history of the next request: the engine analyses that request with an empty
  // prompt, so the model, the numbers and the findings are those of every other surface.
  let result: AnalysisWithNotices;
  try {
    result = await analysePrompt({
      text: '',
      baseDir: io.cwd,
      historyFile: file,
      model: flags.model as string | undefined,
      moreTurns: flags['more-turns'] as number | undefined,
      trusted: true,
    });
  } catch (error) {
    io.stderr(`mvp session: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const analysis = result.session!;
  const read = analysis.source!;
  for (const problem of read.problems) io.stderr(`${file}:${problem.line}: ${problem.message}\n`);
  for (const notice of result.notices.filter((n) => !isReadingNotice(n, file))) io.stderr(`mvp session: ${notice}\n`);
  if (read.messages === 0) {
    io.stderr(`mvp session: no messages could be read from ${file} (read as ${read.format}); nothing to analyse.\n`);
    return 1;
  }

  let writtenTo: string | undefined;
  if (seedPath) {
    // Never the transcript itself, never a device or FIFO; a temp file renamed into place.
    const written = await writeRegularFile(seedPath, analysis.seedSummary, { overwrite: force, inputs: [file] });
    if (!written.ok) {
      io.stderr(`mvp session: the seed summary was not written: ${written.message}\n`);
      return 2;
    }
    writtenTo = seedPath;
  }

  const report: SessionReport = { file, result, analysis, writtenTo };
  if (flags.format === 'json') {
    io.stdout(JSON.stringify(sessionJson(report), null, 2) + '\n');
  } else {
    io.stdout(sessionText(report));
  }
  return 0;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, fsConstants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** Malformed lines and the format's notes are printed as such; the engine's copy of them is not repeated. */
function isReadingNotice(notice: string, file: string): boolean {
  return notice.startsWith(`${path.basename(file)}:`);
}

/** Everything one `mvp session` run found, as both output formats print it. */
interface SessionReport {
  file: string;
  /** The engine's analysis of the next request (empty prompt + this history). */
  result: AnalysisWithNotices;
  analysis: SessionAnalysis;
  writtenTo: string | undefined;
}

// --- JSON -------------------------------------------------------------------------------------

function sessionJson({ file, result, analysis, writtenTo }: SessionReport) {
  const read = analysis.source!;
  const m = result.model;
  return {
    file,
    format: read.format,
    model: {
      id: m.id,
      name: m.name,
      requested: m.requested,
      source: m.source,
      resolvedBy: m.resolvedBy,
      contextWindow: m.contextWindow,
      approximateTokens: m.approximateTokens,
      tokenizer: m.tokenizer,
    },
    messages: read.messages,
    problems: read.problems,
    notes: read.notes,
    caching: analysis.caching,
    turns: analysis.turns.map((t) => ({
      turn: t.index + 1,
      inputTokens: t.inputTokens,
      cachedInputTokens: t.cachedInputTokens,
      newInputTokens: t.newInputTokens,
      outputTokens: t.outputTokens,
      wh: t.wh,
      whCached: t.whCached,
      cumulativeWh: t.cumulativeWh,
      cumulativeWhCached: t.cumulativeWhCached,
      carbonG: t.carbonG,
      fromRecordedUsage: t.fromRecordedUsage,
      pending: t.pending === true,
      messages: t.replyMessage === undefined ? [t.firstNewMessage, read.messages - 1] : [t.firstNewMessage, t.replyMessage],
    })),
    totals: analysis.totals,
    projection: analysis.projection,
    context: analysis.context,
    nextRequest: { inputTokens: result.tokens.total, wh: result.estimate.energyWh },
    findings: result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, saving: f.saving })),
    evidence: analysis.evidence,
    seedSummary: { tokens: analysis.seedSummaryTokens, text: analysis.seedSummary, writtenTo },
    assumptions: analysis.assumptions,
  };
}

// --- text -------------------------------------------------------------------------------------

function sessionText({ file, result, analysis, writtenTo }: SessionReport): string {
  const out: string[] = [];
  const read = analysis.source!;
  const m = result.model;
  const turns = analysis.turns;
  const recorded = turns.filter((t) => t.fromRecordedUsage).length;
  out.push(`Session ${file}`);
  out.push(`  ${read.format}, ${read.messages} messages, ${turns.length} requests`);
  out.push(
    `  Model: ${m.name} (${m.id}; ${m.resolvedBy === 'exact' ? 'exact match' : `${m.resolvedBy} match for "${m.requested}"`}), ` +
      `tokens ${m.approximateTokens ? `approximate (${m.tokenizer})` : `exact (${m.tokenizer})`}`,
  );
  if (recorded > 0) out.push(`  Token counts: usage recorded in the log for ${recorded} of ${turns.length} requests; our own count for the rest.`);
  for (const note of read.notes) out.push(`  Note: ${note}`);
  if (read.problems.length > 0) out.push(`  ${read.problems.length} malformed line(s) skipped (listed on stderr).`);
  out.push('');

  out.push('Every request re-sends the whole history, so input grows with each turn.');
  const header = ['Turn', 'Input tok', 'Cached', 'Output', 'Wh', 'Wh cached', 'Cumul. Wh', 'Cumul. cached'];
  const rows = turns.map((t) => [
    `${t.index + 1}${t.pending ? '*' : t.fromRecordedUsage ? 'r' : ''}`,
    formatTokens(t.inputTokens),
    formatTokens(t.cachedInputTokens),
    formatTokens(t.outputTokens),
    wh(t.wh.central),
    wh(t.whCached.central),
    wh(t.cumulativeWh.central),
    wh(t.cumulativeWhCached.central),
  ]);
  const totals = analysis.totals;
  rows.push(['Total', formatTokens(totals.inputTokens), formatTokens(totals.cachedInputTokens), formatTokens(totals.outputTokens), wh(totals.wh.central), wh(totals.whCached.central), '', '']);
  out.push(...table(header, rows));
  const marks: string[] = [];
  if (recorded > 0) marks.push('r = recorded usage');
  if (turns.some((t) => t.pending)) marks.push("* = not answered yet; output is the profile's expected length");
  if (marks.length) out.push(`  ${marks.join('; ')}`);
  out.push(
    `  Session energy: ${formatRange(totals.wh, formatWh)} without caching, ${formatRange(totals.whCached, formatWh)} with caching; carbon ${range(totals.carbonG)} gCO2e (central, low–high).`,
  );
  const half = growthNote(analysis);
  if (half) out.push(`  ${half}`);
  out.push(`  ${analysis.caching?.note ?? ''}`);
  out.push('');

  const p = analysis.projection;
  out.push(
    `Next ${p.moreTurns} turns (assuming ${formatTokens(p.averageNewInputTokens ?? 0)} new input and ${formatTokens(p.averageOutputTokens ?? 0)} output tokens per turn, this session's averages):`,
  );
  out.push(`  Continue this session:  ${formatWh(p.continueWh.central)}   (with caching ${formatWh(p.continueWhCached.central)}); first request ${formatTokens(p.continueFirstInputTokens ?? 0)} tokens`);
  out.push(
    `  Start fresh (seed summary of ${formatTokens(p.seedSummaryTokens)} tokens): ${formatWh(p.freshWh.central)}   (with caching ${formatWh(p.freshWhCached.central)}); first request ${formatTokens(p.freshFirstInputTokens ?? 0)} tokens`,
  );
  out.push(
    `  Saving: ${formatWh(p.savingWh)} (with caching ${formatWh(p.savingWhCached)}); break-even at ${turnOf(p.breakEvenTurn, p.moreTurns)} (with caching ${turnOf(p.breakEvenTurnCached ?? null, p.moreTurns)}).`,
  );
  if (p.caveat) out.push(`  Caveat: ${p.caveat}`);
  out.push('');

  out.push('Findings:');
  const findings = findingLines(result.findings, analysis.evidence?.pollution);
  out.push(...(findings.length ? findings : ['  none']));
  out.push('');
  out.push(
    writtenTo
      ? `Seed summary (${formatTokens(analysis.seedSummaryTokens ?? 0)} tokens) written to ${writtenTo}. It is a starting point: read and edit it before you send it.`
      : `Seed summary: ${formatTokens(analysis.seedSummaryTokens ?? 0)} tokens; write it with --seed-summary PATH (a starting point to edit).`,
  );
  return out.join('\n') + '\n';
}

/** The engine's findings, in its order, with the detector's evidence under polluted-history. */
function findingLines(findings: readonly Finding[], pollution: PollutionDetection | undefined): string[] {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`  ${f.severity.padEnd(8)} ${f.ruleId}: ${f.message}`);
    if (f.ruleId === 'polluted-history' && pollution) lines.push(...evidenceLines(pollution));
  }
  return lines;
}

/** Where the dead weight is, one line per place, with what dropping it saves. */
function evidenceLines(p: PollutionDetection): string[] {
  const lines: string[] = [];
  const saving = (s: { tokens: number; wh: number }) => `saves ${formatTokens(s.tokens)} tokens, ${formatWh(s.wh)} per request`;
  for (const a of p.abandoned) {
    lines.push(
      `           abandoned attempt: messages ${a.fromMessage + 1}–${a.toMessage}${a.line ? ` (from line ${a.line})` : ''} were abandoned ("${a.phrase}") but are still re-sent; dropping them ${saving(a.saving)}.`,
    );
  }
  for (const r of p.repeatedPastes) {
    const where = r.occurrences.map((o) => (o.line ? `line ${o.line}` : `message ${o.messageIndex + 1}`)).join(', ');
    lines.push(
      `           repeated paste: ${r.label} appears ${r.occurrences.length} times (${r.identical ? 'identical' : 'older versions superseded'}; ${where}); keeping only the latest ${saving(r.saving)}.`,
    );
  }
  for (const o of p.unreferencedToolOutputs) {
    lines.push(
      `           unused tool output: ${o.label} (${formatTokens(o.tokens)} tokens${o.line ? `, line ${o.line}` : ''}) is never referred to again; dropping it ${saving(o.saving)}.`,
    );
  }
  return lines;
}

/** States the quadratic growth with the user's own numbers. */
function growthNote(analysis: SessionAnalysis): string | undefined {
  const turns = analysis.turns;
  if (turns.length < 4) return undefined;
  const half = Math.floor(turns.length / 2);
  const firstHalf = turns.slice(0, half).reduce((s, t) => s + t.inputTokens, 0);
  const secondHalf = turns.slice(half).reduce((s, t) => s + t.inputTokens, 0);
  if (firstHalf <= 0) return undefined;
  return `The second half of the session sent ${(secondHalf / firstHalf).toFixed(1)}× the input tokens of the first half.`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)];
}

function wh(n: number): string {
  const a = Math.abs(n);
  if (a === 0) return '0';
  if (a >= 100) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  if (a >= 0.01) return n.toFixed(2);
  return n.toPrecision(2);
}

function range(e: Estimate3): string {
  return `${wh(e.central)} (${wh(e.low)}–${wh(e.high)})`;
}

function turnOf(turn: number | null, moreTurns: number): string {
  return turn === null ? `no turn within ${moreTurns}` : `turn ${turn}`;
}
