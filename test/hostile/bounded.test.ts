/**
 * Hostile inputs, bounded work: no recursion on user-controlled depth (a 6 M-character base64 run,
 * JSON nested 5,000 levels, a 10,000-deep extends chain) and a total time budget for declarative
 * rules. Each used to crash (exit 70) or block; here each finishes with a clear message.
 * How long they take is measured in bench/, not asserted here.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { analysePrompt } from '../../src/core/analyse';
import { loadConfigFor, MAX_EXTENDS_DEPTH } from '../../src/core/config/loadConfig';
import { resetPatternRunner, runPatterns } from '../../src/core/rules/patternRunner';
import { findBase64Run } from '../../src/core/prompt/classifyBlock';
import { fingerprint, removeScratch, runCli, scratch } from './hostileKit';

/** Catastrophic on a run of x's without a y: 2^n backtracking steps, tens of ms or more each at n = 24. */
const SLOW_PATTERN = '(x+x+)+y';
const SLOW_TEXT = 'x'.repeat(24);

describe('hostile inputs: bounded work', () => {
  afterEach(removeScratch);
  after(resetPatternRunner);

  it('a 6 M-character base64 run is found without a stack overflow', () => {
    const run = 'QUJDabc123+/'.repeat(500_000);
    const text = `Here is the image:\n\ndata:image/png;base64,${run}==\n`;
    const found = findBase64Run(text);
    assert.ok(found);
    assert.equal(text.slice(found.start, found.start + 5), 'data:');
    assert.equal(found.end, text.length - 1);
  });

  it('mvp analyse of a prompt with a 6 M-character base64 paste exits 0 with a finding @slow', async () => {
    const root = scratch({ 'p.md': `Describe this image.\n\n${'QUJDabc123+/'.repeat(500_000)}\n` });
    const run = await runCli(['analyse', 'p.md', '--format', 'json'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(
      (JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings.some((f) => f.ruleId === 'base64-blob'),
    );
  });

  it('a JSON attachment nested 5,000 levels is counted as written with a problem, and the lint run still reports', async () => {
    const root = scratch({
      'deep.json': '['.repeat(5000) + ']'.repeat(5000),
      'a.prompt.md': 'Check #file:deep.json please.\n',
      'b.prompt.md': 'Please summarise.\n',
    });
    const before = fingerprint(root);
    const run = await runCli(['lint', '--format', 'json'], root);
    assert.notEqual(run.code, 70);
    const report = JSON.parse(run.stdout) as { files: { file: string }[] };
    assert.deepEqual(report.files.map((f) => f.file).sort(), ['a.prompt.md', 'b.prompt.md']);
    const analysis = await analysePrompt({
      text: 'Check #file:deep.json please.\n',
      file: path.join(root, 'a.prompt.md'),
      trusted: false,
    });
    assert.match(
      analysis.attachments[0].problems.map((p) => p.message).join('\n'),
      /nested 5,000 levels deep \(more than 512\)/,
    );
    assert.equal(fingerprint(root), before);
  });

  it('a deep extends chain (the audit used 10,000 levels; 1,000 here) is cut at the depth limit, no stack overflow @slow', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1_000; i++) files[`p${i}.json`] = JSON.stringify({ extends: [`./p${i + 1}.json`] });
    files['p1000.json'] = '{}';
    files['.mvp.jsonc'] = JSON.stringify({ extends: ['./p0.json'] });
    const root = scratch(files);
    const config = loadConfigFor(path.join(root, 'a.prompt.md'), { trusted: false });
    assert.equal(config.problems.length, 1);
    assert.match(config.problems[0].message, new RegExp(`extends chain deeper than ${MAX_EXTENDS_DEPTH} files`));
  });

  it('declarative patterns share a total budget: the rest are skipped and the slow ones named @slow', () => {
    resetPatternRunner();
    const jobs = Array.from({ length: 60 }, (_, i) => ({ ruleId: `team/slow-${i}`, source: SLOW_PATTERN, flags: 'g' }));
    const result = runPatterns(SLOW_TEXT, jobs, { timeoutMs: 60_000, totalBudgetMs: 300 });
    const skipped = result.stopped.filter((s) => s.reason === 'budget');
    assert.equal(result.budgetSpentMs, 300);
    assert.ok(skipped.length >= 50, `most rules skipped (${skipped.length})`);
    assert.ok(
      result.slow.length >= 1 && result.slow[0].job.ruleId.startsWith('team/slow-'),
      'the slow rules are named',
    );
    // Skipped for this run only: a budget is not a verdict on the pattern.
    const again = runPatterns('short', jobs.slice(0, 2), { timeoutMs: 60_000, totalBudgetMs: 300 });
    assert.deepEqual(again.stopped, []);
  });

  it('a 3 MB pattern that times out is not echoed whole in the notice (the audit echoed 4 MB) @slow', async () => {
    resetPatternRunner();
    const huge = `(?:a+)+$|${'q'.repeat(3 * 1024 * 1024)}`;
    const rule = { id: 'team/huge', kind: 'existence', tokens: [huge], nonword: true, message: 'x', scope: 'all' };
    const root = scratch({ 'p.md': 'x' });
    writeFileSync(path.join(root, '.mvp.jsonc'), JSON.stringify({ declarativeRules: [rule] }));
    const analysis = await analysePrompt({
      text: `${'a'.repeat(40)}!\n`,
      file: path.join(root, 'p.md'),
      trusted: false,
    });
    const notice = analysis.notices.find((n) => n.includes('team/huge'));
    assert.ok(notice, analysis.notices.join('\n'));
    assert.ok(notice.length < 1000, `notice of ${notice.length} characters`);
    assert.match(notice, /3,145,\d{3} characters/);
  });
});
