/**
 * One transcript, one answer: the same session fed through every surface — the engine with the
 * transcript in memory and with the file, `mvp session --format json`, `mvp analyse --history
 * --format json` and `mvp hook` — gives the same model, findings, tokens and Wh (issue 17).
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analysePrompt, type AnalysisWithNotices } from '../../../src/core/analyse';
import { formatTokens, formatWh } from '../../../src/core/format';
import { readTranscript } from '../../../src/core/history/readTranscript';
import { runCli } from '../cli/cliHarness';
import { runHook } from '../hook/hookKit';
import { fixturesDir } from './sessionTestKit';

/** What must agree: the rules' verdicts and what they save. */
const verdicts = (
  findings: readonly { ruleId: string; severity: string; message: string; saving?: { tokens: number } }[],
) => findings.map((f) => `${f.severity} ${f.ruleId} ${f.saving?.tokens ?? '-'}: ${f.message}`);

describe('one session path: every surface gives the same answer for one transcript', function () {
  this.timeout(120_000);
  // A scratch folder with no team config above it, so every surface sees the same (built-in) rules.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mvp-one-path-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  // Two polluted sessions (the history rules must fire) and two more formats (they must agree when quiet too).
  const polluted = new Set(['long-session.jsonl', 'polluted-session.json']);
  for (const name of [...polluted, 'vscode-chat-export.json', 'markdown-headings.md']) {
    describe(name, () => {
      const file = path.join(dir, name);
      let fromTranscript: AnalysisWithNotices;
      let fromFile: AnalysisWithNotices;
      before(async () => {
        copyFileSync(path.join(fixturesDir, name), file);
        writeFileSync(path.join(dir, 'next.prompt.md'), '');
        const transcript = readTranscript(readFileSync(file, 'utf8'), { fileName: name });
        fromTranscript = await analysePrompt({ text: '', baseDir: dir, transcript, transcriptName: name });
        fromFile = await analysePrompt({ text: '', baseDir: dir, historyFile: file });
      });

      it('the engine: the same with the transcript in memory as with the file', () => {
        assert.equal(fromFile.model.id, fromTranscript.model.id);
        if (fromFile.session!.source!.model) assert.equal(fromFile.model.source, 'transcript');
        assert.equal(fromFile.tokens.total, fromTranscript.tokens.total);
        assert.deepEqual(fromFile.estimate.energyWh, fromTranscript.estimate.energyWh);
        assert.deepEqual(fromFile.session!.totals, fromTranscript.session!.totals);
        assert.deepEqual(verdicts(fromFile.findings), verdicts(fromTranscript.findings));
        // The polluted fixtures: the history rules must have something to agree on.
        if (polluted.has(name)) {
          assert.ok(
            fromFile.findings.some((f) => f.ruleId === 'polluted-history'),
            verdicts(fromFile.findings).join('\n'),
          );
        }
      });

      it('mvp session --format json', async () => {
        const r = await runCli(['session', name, '--format', 'json'], dir);
        assert.equal(r.code, 0, r.stderr);
        const json = JSON.parse(r.stdout);
        assert.equal(json.model.id, fromFile.model.id);
        assert.equal(json.nextRequest.inputTokens, fromFile.tokens.total);
        assert.deepEqual(json.nextRequest.wh, fromFile.estimate.energyWh);
        assert.deepEqual(json.totals, fromFile.session!.totals);
        assert.deepEqual(verdicts(json.findings), verdicts(fromFile.findings));
        assert.deepEqual(json.evidence.pollution.saving, fromFile.session!.evidence!.pollution.saving);
      });

      it('mvp analyse --history --format json', async () => {
        const r = await runCli(['analyse', 'next.prompt.md', '--history', name, '--format', 'json'], dir);
        assert.equal(r.code, 0, r.stderr);
        const json = JSON.parse(r.stdout);
        assert.equal(json.model.id, fromFile.model.id);
        assert.equal(json.tokens.total, fromFile.tokens.total);
        assert.deepEqual(json.energy.wh, fromFile.estimate.energyWh);
        assert.deepEqual(json.session.totals, fromFile.session!.totals);
        assert.deepEqual(json.window, fromFile.window);
        assert.deepEqual(json.budgets.breaches, fromFile.budgets.breaches);
        assert.deepEqual(verdicts(json.findings), verdicts(fromFile.findings));
      });

      it('mvp hook', async () => {
        // VS Code's agent hook: like the CLI it has no model of its own to fall back on (Claude Code's
        // hook defaults to claude-sonnet-4-5 when the transcript names none).
        const event = {
          timestamp: '2026-12-04T10:00:00.000Z',
          cwd: dir,
          sessionId: 's',
          hookEventName: 'UserPromptSubmit',
          transcript_path: file,
          prompt: '',
        };
        const r = await runHook(JSON.stringify(event), ['--agent', 'vscode']);
        assert.equal(r.code, 0, r.stderr);
        const text = String(JSON.parse(r.stdout).systemMessage);
        const [headline, ...suggestions] = text.split('\n');
        const expected = fromFile; // the hook reads this file in memory: the engine's transcript path
        assert.ok(
          headline.includes(
            `sends ${expected.model.approximateTokens ? '≈' : ''}${formatTokens(expected.tokens.total)} tokens to ${expected.model.name}`,
          ),
          headline,
        );
        const sessionWh = expected.session!.totals.wh.central + expected.estimate.energyWh.central;
        assert.ok(headline.includes(`session ≈${formatWh(sessionWh)}`), headline);
        // Every suggestion is one of the engine's findings, in the engine's words.
        if (polluted.has(name)) assert.ok(suggestions.length > 0, text);
        const messages = expected.findings.map((f) => f.message);
        for (const s of suggestions.filter((line) => line.startsWith('• ') && !line.startsWith('• Over budget'))) {
          assert.ok(
            messages.some((m) => s.slice(2).startsWith(m)),
            s,
          );
        }
      });
    });
  }
});
