/**
 * `mvp lint [GLOBS…]`: lints a repository's prompt files with the nearest config, for CI and
 * pre-commit. Exit 0 clean, 1 findings at error level (or more warnings than --max-warnings),
 * 2 usage or config errors. Config problems are reported once per config file, not per prompt.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { analysePrompt, configProblemFinding, type AnalysisWithNotices } from '../../core/analyse';
import type { AnalyseOptions } from '../../core/analyseOptions';
import type { ConfigProblem, ResolvedConfig } from '../../core/config/mvpConfig';
import type { Finding } from '../../core/rules/finding';
import { loadConfigFor } from '../../core/config/loadConfig';
import { DEFAULT_PROMPT_GLOBS, SKIPPED_FOLDERS, globToRegExp, matchesPromptGlobs } from '../../core/config/promptFileGlobs';
import { lineStarts, positionAt, type LineColumn } from '../../core/textRange';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../cliIo';
import { lintReportToSarif } from '../sarif';
import { decodeText } from '../../core/attachments/decodeText';
import { readRegularFileSync } from '../../core/files/readRegularFile';
import { formatTokens } from '../../core/format';

export const lintUsage = 'mvp lint [PATH|GLOB…] [--format text|json|sarif] [--max-warnings N] [--model ID]';

/** A finding with 1-based positions in the file it is about. */
export interface LintFinding extends Finding {
  /** Absolute path of the file the finding is in (the prompt, or a config file). */
  location: string;
  start?: LineColumn;
  end?: LineColumn;
}

export interface LintReport {
  cwd: string;
  files: { file: string; model?: string; inputTokens?: number; findings: LintFinding[] }[];
  configProblems: LintFinding[];
  notices: string[];
  counts: { error: number; warning: number; info: number; hint: number };
}

type Analyse = (options: AnalyseOptions & { config?: ResolvedConfig }) => Promise<AnalysisWithNotices>;

/** `analyse` is injectable so tests can lint without the whole pipeline. */
export async function runLint(args: string[], io: CliIo, analyse?: Analyse): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    format: { type: 'string', choices: ['text', 'json', 'sarif'] },
    'max-warnings': { type: 'number' },
    model: { type: 'string', short: 'm' },
  });
  const maxWarnings = flags['max-warnings'] as number | undefined;
  if (maxWarnings !== undefined && !Number.isInteger(maxWarnings)) throw new UsageError(`--max-warnings needs a whole number, got ${maxWarnings}`);

  const configs = new Map<string, ResolvedConfig>();
  const configFor = (file: string): ResolvedConfig => {
    const dir = path.dirname(file);
    let c = configs.get(dir);
    if (!c) {
      c = loadConfigFor(file, { trusted: true });
      configs.set(dir, c);
    }
    return c;
  };

  const files = findPromptFiles(positionals, io.cwd, configFor(path.join(io.cwd, '.')));
  if ('error' in files) {
    io.stderr(`mvp lint: ${files.error}\n`);
    return 2;
  }
  const doAnalyse = analyse ?? analysePrompt;
  // References resolve as the agent resolves them: `#file:` and `/root-relative` links against the repository.
  const workspaceRoot = repositoryRoot(io.cwd);

  const report: LintReport = { cwd: io.cwd, files: [], configProblems: [], notices: [], counts: { error: 0, warning: 0, info: 0, hint: 0 } };
  const seenProblems = new Set<string>();
  let failedFiles = 0;
  for (const file of files.files) {
    const config = configFor(file);
    for (const p of config.problems) {
      const key = `${p.file}:${p.range?.start}:${p.message}`;
      if (seenProblems.has(key)) continue;
      seenProblems.add(key);
      report.configProblems.push(configProblemLintFinding(p));
    }
    // Regular files only, capped, opened non-blocking: a FIFO or device named on the command line is refused.
    const read = readRegularFileSync(file, 'prompt', { label: path.relative(io.cwd, file) || file });
    if (!read.ok) {
      io.stderr(`mvp lint: ${read.message}\n`);
      failedFiles++;
      continue;
    }
    const text = decodeText(read.bytes).text;
    let analysis: AnalysisWithNotices;
    try {
      analysis = await doAnalyse({ text, file, workspaceRoot, model: flags.model as string | undefined, config, trusted: true });
    } catch (e) {
      // One file the engine cannot handle must not cost the report on all the others.
      io.stderr(`mvp lint: ${path.relative(io.cwd, file) || file}: could not be analysed (${(e as Error).message}); the other files are still reported. Please report this as a bug.\n`);
      failedFiles++;
      continue;
    }
    const findings = analysis.findings.filter((f) => f.ruleId !== 'config').map((f) => positioned(f, file, text));
    report.files.push({ file, model: analysis.model.id, inputTokens: analysis.tokens.total, findings });
    for (const n of analysis.notices) if (!report.notices.includes(n)) report.notices.push(n);
  }
  for (const f of [...report.configProblems, ...report.files.flatMap((x) => x.findings)]) report.counts[f.severity]++;

  const format = (flags.format as string | undefined) ?? 'text';
  if (format === 'json') io.stdout(JSON.stringify(lintReportToJson(report), null, 2) + '\n');
  else if (format === 'sarif') io.stdout(JSON.stringify(lintReportToSarif(report), null, 2) + '\n');
  else io.stdout(lintReportToText(report, files.files.length));
  for (const n of report.notices) io.stderr(`mvp lint: note: ${n}\n`);

  if (failedFiles || report.configProblems.some((p) => p.severity === 'error')) return 2;
  if (report.counts.error > 0) return 1;
  if (maxWarnings !== undefined && report.counts.warning > maxWarnings) {
    io.stderr(`mvp lint: ${report.counts.warning} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** Explicit files, folders (searched for prompt files) and globs (relative to cwd); default: the config's `files` or the default globs. */
function findPromptFiles(positionals: string[], cwd: string, cwdConfig: ResolvedConfig): { files: string[] } | { error: string } {
  const found = new Set<string>();
  const isPrompt = (file: string, base: string): boolean => {
    const config = cwdConfig;
    return config.files ? matchesPromptGlobs(path.relative(config.filesBase ?? base, file), config.files) : matchesPromptGlobs(path.relative(base, file), DEFAULT_PROMPT_GLOBS);
  };
  if (!positionals.length) {
    const base = cwdConfig.files && cwdConfig.filesBase ? cwdConfig.filesBase : cwd;
    for (const f of walk(base)) if (isPrompt(f, base)) found.add(f);
    return { files: [...found].sort() };
  }
  for (const arg of positionals) {
    const abs = path.resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat && !stat.isDirectory()) {
      // Devices and FIFOs too: the read refuses them with a message naming what they are.
      found.add(abs);
    } else if (stat?.isDirectory()) {
      for (const f of walk(abs)) if (isPrompt(f, abs)) found.add(f);
    } else if (/[*?{]/.test(arg)) {
      const re = globToRegExp(arg.replace(/\\/g, '/').replace(/^\.\//, ''));
      const before = found.size;
      for (const f of walk(cwd)) if (re.test(path.relative(cwd, f).split(path.sep).join('/'))) found.add(f);
      if (found.size === before) return { error: `no files match '${arg}'` };
    } else {
      return { error: `${arg}: no such file or folder` };
    }
  }
  return { files: [...found].sort() };
}

/** Every file below `root`, skipping node_modules and .git and never following folder symlinks (no loops). */
function* walk(root: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(root, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name)) yield* walk(full);
    } else if (e.isFile()) {
      yield full;
    }
  }
}

const textCache = new Map<string, number[] | undefined>();
/** Line starts of another file a finding points into (a config file), read once. */
function lineStartsOf(file: string): number[] | undefined {
  if (!textCache.has(file)) {
    try {
      const read = readRegularFileSync(file, 'source');
      textCache.set(file, read.ok ? lineStarts(decodeText(read.bytes).text) : undefined);
    } catch {
      textCache.set(file, undefined);
    }
  }
  return textCache.get(file);
}

function positioned(f: Finding, promptFile: string, promptText: string): LintFinding {
  const location = f.file ?? promptFile;
  const starts = f.file && f.file !== promptFile ? lineStartsOf(f.file) : lineStarts(promptText);
  if (!f.range || !starts) return { ...f, location };
  const s = positionAt(starts, f.range.start);
  const e = positionAt(starts, f.range.end);
  return { ...f, location, start: { line: s.line + 1, character: s.character + 1 }, end: { line: e.line + 1, character: e.character + 1 } };
}

function configProblemLintFinding(p: ConfigProblem): LintFinding {
  const starts = p.range ? lineStartsOf(p.file) : undefined;
  const end = p.range && starts ? positionAt(starts, p.range.end) : undefined;
  return {
    ...configProblemFinding(p),
    location: p.file,
    start: { line: p.start.line + 1, character: p.start.character + 1 },
    end: end && { line: end.line + 1, character: end.character + 1 },
  };
}

function lintReportToText(report: LintReport, fileCount: number): string {
  const out: string[] = [];
  const groups = new Map<string, LintFinding[]>();
  for (const f of [...report.configProblems, ...report.files.flatMap((x) => x.findings)]) {
    const list = groups.get(f.location) ?? [];
    list.push(f);
    groups.set(f.location, list);
  }
  for (const [file, findings] of groups) {
    out.push(path.relative(report.cwd, file) || file);
    for (const f of findings) {
      const where = f.start ? `${f.start.line}:${f.start.character}` : '-';
      // Built-in messages state their saving; declarative and pack rules' messages do not.
      const saving = f.saving && f.saving.tokens > 0 && !f.message.includes(formatTokens(f.saving.tokens)) ? ` (saves ${formatTokens(f.saving.tokens)} token${f.saving.tokens === 1 ? '' : 's'})` : '';
      out.push(`  ${where.padEnd(8)} ${f.severity.padEnd(7)}  ${f.message}${saving}  [${f.ruleId}]`);
    }
    out.push('');
  }
  const c = report.counts;
  const total = c.error + c.warning + c.info + c.hint;
  out.push(
    total
      ? `${total} finding${total === 1 ? '' : 's'} (${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info + c.hint} info) in ${fileCount} prompt file${fileCount === 1 ? '' : 's'}`
      : `${fileCount} prompt file${fileCount === 1 ? '' : 's'} checked, no findings`,
  );
  return out.join('\n') + '\n';
}

export const LINT_JSON_VERSION = 1;

function lintReportToJson(report: LintReport): Record<string, unknown> {
  const finding = (f: LintFinding) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: path.relative(report.cwd, f.location),
    // A finding about the whole request (context window, budgets) points at line 1, as in SARIF:
    // tools that read this JSON drop results without a position.
    line: f.start?.line ?? 1,
    column: f.start?.character ?? 1,
    endLine: f.end?.line ?? f.start?.line ?? 1,
    endColumn: f.end?.character ?? f.start?.character ?? 1,
    wholeFile: f.start ? undefined : true,
    range: f.range,
    saving: f.saving,
    fix: f.fix,
    docsUrl: f.docsUrl,
  });
  return {
    version: LINT_JSON_VERSION,
    files: report.files.map((x) => ({ file: path.relative(report.cwd, x.file), model: x.model, inputTokens: x.inputTokens, findings: x.findings.map(finding) })),
    configProblems: report.configProblems.map(finding),
    notices: report.notices,
    summary: { files: report.files.length, ...report.counts },
  };
}

/** The repository the linted files belong to: the nearest folder up from `cwd` with a `.git`, else `cwd`. */
function repositoryRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}
