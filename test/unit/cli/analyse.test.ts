import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { getEncoding } from 'js-tiktoken';
import { runCli } from './cliHarness';

const demo = path.resolve(__dirname, '../../../examples/demo/ask-about-q3.prompt.md');

describe('mvp analyse', () => {
  it('prints the documented JSON for the demo prompt @slow', async () => {
    const { code, stdout } = await runCli(['analyse', demo, '--format', 'json']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.model.id, 'gpt-4o');
    assert.equal(json.model.resolvedBy, 'exact');
    assert.equal(json.model.source, 'frontMatter');
    for (const key of ['low', 'central', 'high']) {
      assert.equal(typeof json.energy.wh[key], 'number');
      assert.equal(typeof json.carbon.g[key], 'number');
      assert.equal(typeof json.water.ml[key], 'number');
    }
    assert.ok(json.energy.wh.low <= json.energy.wh.central && json.energy.wh.central <= json.energy.wh.high);
    assert.match(json.method.version, /mvp-energy/);
    const workbook = json.tokens.parts.find((p: { path?: string }) => p.path?.endsWith('sales-2025.xlsx'));
    assert.ok(workbook, 'the workbook is a part');
    assert.ok(workbook.minimalTokens < workbook.tokens, 'its minimal form is smaller');
    const sumOfAttachments = json.attachments.reduce((n: number, a: { naive: { tokens: number } }) => n + a.naive.tokens, 0);
    assert.ok(json.tokens.total > sumOfAttachments, 'total includes the prompt text');
    assert.ok(json.findings.some((f: { ruleId: string }) => f.ruleId === 'spreadsheet-attachment'));
    assert.ok(json.findings.every((f: { range?: { line: number } }) => !f.range || f.range.line >= 1));
  });

  it('counts the prompt text exactly with the model tokenizer @slow', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mvp-cli-'));
    const file = path.join(dir, 'p.prompt.md');
    const text = 'Summarise <|endoftext|> this in three bullets.\n';
    writeFileSync(file, text);
    const { stdout } = await runCli(['analyse', file, '--model', 'gpt-4o', '--format', 'json']);
    const json = JSON.parse(stdout);
    assert.equal(json.tokens.total, getEncoding('o200k_base').encode(text, [], []).length);
    const { stdout: raw } = await runCli(['tokens', file, '--model', 'gpt-4']);
    assert.equal(Number(raw.trim()), getEncoding('cl100k_base').encode(text, [], []).length);
  });

  it('an explicit --model beats the front matter and says so @slow', async () => {
    const { stdout } = await runCli(['analyse', demo, '--model', 'claude-sonnet-4-5', '--format', 'json']);
    const json = JSON.parse(stdout);
    assert.equal(json.model.source, 'explicit');
    assert.equal(json.model.approximateTokens, true);
    assert.equal(json.tokens.approximate, true);
  });

  it('adds a session transcript given with --history as a history part and a session @slow', async () => {
    const history = path.resolve(__dirname, '../../fixtures/history/long-session.jsonl');
    const without = JSON.parse((await runCli(['analyse', demo, '--format', 'json'])).stdout);
    const { code, stdout } = await runCli(['analyse', demo, '--history', history, '--format', 'json']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    const part = json.tokens.parts.find((p: { kind: string }) => p.kind === 'history');
    assert.ok(part && part.tokens > 1000);
    assert.equal(json.tokens.total, without.tokens.total + part.tokens);
    assert.ok(json.session.turns >= 60);
    assert.ok(json.energy.wh.central > without.energy.wh.central);
    const missing = await runCli(['analyse', demo, '--history', 'nope.jsonl']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.jsonl: no such file/);
  });

  it('prints a readable report @slow', async () => {
    const { code, stdout } = await runCli(['analyse', demo]);
    assert.equal(code, 0);
    assert.match(stdout, /Total input/);
    assert.match(stdout, /Energy\s+\S+ m?Wh \(/);
    assert.match(stdout, /spreadsheet-attachment/);
    assert.match(stdout, /Assumptions:/);
  });

  it('fails with one clear line for a missing file, an unknown flag and a bad number', async () => {
    const missing = await runCli(['analyse', 'nope.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.md: no such file/);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
    const flag = await runCli(['analyse', demo, '--modle', 'x']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /unknown option '--modle'/);
    const num = await runCli(['estimate', '--model', 'gpt-4o', '--input', 'many']);
    assert.equal(num.code, 2);
    assert.match(num.stderr, /non-negative number/);
    const cmd = await runCli(['analyze-this']);
    assert.equal(cmd.code, 2);
    assert.match(cmd.stderr, /unknown command/);
  });
});

describe('mvp estimate and models', () => {
  it('estimates a request with the EcoLogits comparison figure', async () => {
    const { code, stdout } = await runCli(['estimate', '--model', 'openai/gpt-4o-2024-08-06', '--input', '10000', '--cached', '2000', '--output', '500', '--region', 'FR', '--format', 'json']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.model.id, 'gpt-4o');
    assert.equal(json.model.resolvedBy, 'alias');
    assert.equal(json.tokens.cachedInput, 2000);
    assert.equal(json.carbon.grid.zone, 'FR');
    assert.ok(json.energy.ecologitsWh.central > 0);
    const us = JSON.parse((await runCli(['estimate', '--model', 'gpt-4o', '--input', '10000', '--cached', '2000', '--output', '500', '--region', 'USA', '--format', 'json'])).stdout);
    assert.ok(json.carbon.g.central < us.carbon.g.central, 'a low-carbon grid lowers carbon');
    assert.equal(json.energy.wh.central, us.energy.wh.central, 'but not energy');
  });

  it('rejects more cached tokens than input tokens and unknown regions', async () => {
    assert.equal((await runCli(['estimate', '--model', 'gpt-4o', '--input', '10', '--cached', '20'])).code, 2);
    const region = await runCli(['estimate', '--model', 'gpt-4o', '--input', '10', '--region', 'Atlantis']);
    assert.equal(region.code, 2);
    assert.match(region.stderr, /unknown --region/);
  });

  it('lists at least 30 models', async () => {
    const { code, stdout } = await runCli(['models', '--format', 'json']);
    assert.equal(code, 0);
    assert.ok(JSON.parse(stdout).length >= 30);
    assert.equal(JSON.parse(stdout).find((p: { id: string }) => p.id === 'phi-4').weights, 'open');
  });

  it('shows whether each model\'s weights are open, in aligned columns', async () => {
    const { code, stdout } = await runCli(['models']);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.match(lines[0], /^id +provider +weights +context /);
    const row = (id: string) => lines.find((l) => l.startsWith(id + ' '))!;
    assert.match(row('llama-3.1-70b'), /^llama-3\.1-70b +meta +open /);
    assert.match(row('codestral'), /^codestral +mistral +closed /);
    assert.match(row('gpt-4o'), /^gpt-4o +openai +closed /);
    assert.ok(lines.some((l) => l.startsWith('weights: open = ')), 'the column is explained');
    // Every row's energy column ends where the header's does.
    const end = lines[0].indexOf('Wh/1k in*') + 'Wh/1k in*'.length;
    for (const l of lines.slice(1).filter((l) => / (m?Wh|µWh) /.test(l))) assert.match(l.slice(end - 2, end), /Wh$/, l);
  });
});
