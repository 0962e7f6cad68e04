/**
 * Precision benchmark, in the manner of eslint-remote-tester: lints every prompt file of the
 * real-world corpus (test/fixtures/real-world/, public files from several repositories, see its
 * manifest.json) as `mvp lint` would in those repositories, and reports per rule how many findings
 * fired, how many of them carry a hand label (labels.json: true / false positive with a one-line
 * reason) and the precision on that labelled sample. Over the whole set it also counts crashes,
 * token counts that differ from js-tiktoken, error-level findings (the corpus is a healthy
 * repository: there should be none) and fixes that break Markdown (every fix is applied and the
 * result re-parsed: an unclosed code fence turns the rest of the file into code).
 *
 *   node bench/precision/run.mjs            table + results.json
 *   node bench/precision/run.mjs --dump     also findings.json: every finding with its context, for labelling
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getEncoding } from 'js-tiktoken';
import { analysePrompt } from '../../src/core/analyse';
import { emptyConfig } from '../../src/core/config/loadConfig';
import { builtinRules } from '../../src/core/rules/builtinRules';
import { matchesPromptGlobs } from '../../src/core/config/promptFileGlobs';
import { lineStarts, positionAt } from '../../src/core/textRange';
import { getTokenCounter } from '../../src/core/tokens/tokenCounter';
import type { Finding } from '../../src/core/rules/finding';
import { applyTextEdits, fenceProblems } from './markdownChecks';

const root = path.resolve(__dirname, '../../test/fixtures/real-world');
const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as {
  sources: { folder: string; repo: string }[];
  files: { local: string; repo: string; licence: string }[];
  notCopied: { local: string }[];
};
/** Files that exist upstream but were not copied (binary, too large): a "missing" finding about one is an artefact of the copy. */
const notCopied = new Set(manifest.notCopied.map((n) => path.join(root, n.local)));
const labels = JSON.parse(readFileSync(path.join(__dirname, 'labels.json'), 'utf8')) as {
  labels: Record<string, { label: 'TP' | 'FP'; reason: string }>;
};
const write = !process.argv.includes('--no-write');
const dump = process.argv.includes('--dump');

interface Fired {
  key: string;
  ruleId: string;
  severity: string;
  file: string;
  line?: number;
  message: string;
  context?: string;
  fix?: string;
}

async function main(): Promise<void> {
  // Rules that are off by default are measured too (the table says which are on).
  const config = {
    ...emptyConfig(),
    rules: Object.fromEntries(
      builtinRules.filter((r) => !r.enabledByDefault).map((r) => [r.id, { severity: r.defaultSeverity, options: {} }]),
    ),
  };
  const tiktoken = getEncoding('o200k_base');
  const ours = getTokenCounter('o200k_base');
  const fired: Fired[] = [];
  const crashes: string[] = [];
  const countMismatches: string[] = [];
  const brokenFixes: string[] = [];
  const errors: string[] = [];
  const copyArtefacts: string[] = [];
  let fixesApplied = 0;
  let promptFiles = 0;
  const kinds = new Map<string, number>();
  const started = Date.now();

  for (const source of manifest.sources) {
    const repoRoot = path.join(root, source.folder);
    const files = manifest.files.filter(
      (f) => f.local.startsWith(source.folder + '/') && matchesPromptGlobs(f.local.slice(source.folder.length + 1)),
    );
    for (const entry of files) {
      promptFiles++;
      const file = path.join(root, entry.local);
      const text = readFileSync(file, 'utf8');
      if (process.env.BENCH_TRACE) console.error(entry.local);
      const expected = tiktoken.encode(text, [], []).length;
      if (ours.count(text) !== expected)
        countMismatches.push(`${entry.local}: ours ${ours.count(text)}, js-tiktoken ${expected}`);
      let findings: Finding[];
      try {
        const analysis = await analysePrompt({
          text,
          file,
          config,
          workspaceRoot: repoRoot,
          trusted: false,
          model: 'gpt-4o',
        });
        findings = analysis.findings;
        const kind = (analysis as { fileKind?: string }).fileKind ?? 'unknown';
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      } catch (e) {
        crashes.push(`${entry.local}: ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
        continue;
      }
      const starts = lineStarts(text);
      const seen = new Map<string, number>();
      for (const f of findings) {
        const line = f.range && !f.file ? positionAt(starts, f.range.start).line + 1 : undefined;
        let key = `${f.ruleId}|${entry.local}|${line ?? '-'}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        if (n > 1) key += `#${n}`;
        const missingPath =
          f.ruleId === 'unreadable-attachment' ? /no such file \(([^)]+)\)/.exec(f.message)?.[1] : undefined;
        if (missingPath && notCopied.has(missingPath)) {
          copyArtefacts.push(key);
          continue;
        }
        if (f.severity === 'error') errors.push(`${key}: ${f.message}`);
        let fixText: string | undefined;
        if (f.fix?.edits?.length) {
          fixesApplied++;
          const fixed = applyTextEdits(text, f.fix.edits);
          const problems = fenceProblems(text, fixed);
          if (problems) brokenFixes.push(`${key}: ${problems}`);
          fixText = f.fix.edits
            .map(
              (e) =>
                `${JSON.stringify(text.slice(e.range.start, e.range.end).slice(0, 160))} -> ${JSON.stringify(e.newText.slice(0, 80))}`,
            )
            .join('; ');
        }
        const context =
          f.range && !f.file
            ? text.slice(Math.max(0, f.range.start - 120), Math.min(text.length, f.range.end + 120))
            : undefined;
        fired.push({
          key,
          ruleId: f.ruleId,
          severity: f.severity,
          file: entry.local,
          line,
          message: f.message,
          context: context?.slice(0, 900),
          fix: fixText,
        });
      }
    }
  }

  const byRule = new Map<string, { fired: number; tp: number; fp: number }>();
  for (const f of fired) {
    const row = byRule.get(f.ruleId) ?? { fired: 0, tp: 0, fp: 0 };
    row.fired++;
    const label = labels.labels[f.key];
    if (label?.label === 'TP') row.tp++;
    if (label?.label === 'FP') row.fp++;
    byRule.set(f.ruleId, row);
  }
  const rows = [...byRule.entries()].sort((a, b) => b[1].fired - a[1].fired);
  const table = [
    '| Rule | On by default | Fired | Labelled | TP | FP | Precision |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(([id, r]) => {
      const labelled = r.tp + r.fp;
      const rule = builtinRules.find((b) => b.id === id);
      return `| ${id} | ${rule ? (rule.enabledByDefault ? 'yes' : 'no') : 'yes (core)'} | ${r.fired} | ${labelled} | ${r.tp} | ${r.fp} | ${labelled ? `${((r.tp / labelled) * 100).toFixed(0)} %` : '–'} |`;
    }),
    ...builtinRules
      .filter((b) => !byRule.has(b.id))
      .map((b) => `| ${b.id} | ${b.enabledByDefault ? 'yes' : 'no'} | 0 | 0 | 0 | 0 | – |`),
  ].join('\n');
  const summary = {
    promptFiles,
    kinds: Object.fromEntries(kinds),
    findings: fired.length,
    missingOnlyInTheCopy: copyArtefacts.length,
    crashes: crashes.length,
    countMismatches: countMismatches.length,
    errorLevelFindings: errors.length,
    fixesApplied,
    fixesBreakingMarkdown: brokenFixes.length,
    seconds: (Date.now() - started) / 1000,
  };
  console.log(table);
  console.log(JSON.stringify(summary, null, 1));
  for (const list of [crashes, countMismatches, errors.slice(0, 20), brokenFixes.slice(0, 20)])
    for (const l of list) console.log('  ' + l);
  if (write)
    writeFileSync(
      path.join(__dirname, 'results.json'),
      JSON.stringify(
        { summary, rules: Object.fromEntries(rows), crashes, countMismatches, errors, brokenFixes },
        null,
        1,
      ) + '\n',
    );
  if (dump) writeFileSync(path.join(__dirname, 'findings.json'), JSON.stringify(fired, null, 1) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
