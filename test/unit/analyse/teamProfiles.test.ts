import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analysePrompt } from '../../../src/core/analyse';

function workspace(config: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mvp-profiles-'));
  writeFileSync(path.join(dir, '.mvp.jsonc'), `// team config\n${JSON.stringify(config, null, 2)}\n`);
  return dir;
}

const text = 'Summarise the attached notes in three bullets.\n';

describe('team profiles in .mvp.jsonc', () => {
  it('a partial override adjusts a built-in profile ("we run in Sweden")', async () => {
    const dir = workspace({ model: 'gpt-4o', profiles: [{ id: 'gpt-4o', dataCentre: { gridZone: 'SE' } }] });
    const analysis = await analysePrompt({ text, file: path.join(dir, 'a.prompt.md'), workspaceRoot: dir });
    assert.equal(analysis.model.source, 'config');
    assert.equal(analysis.estimate.grid.zone, 'SE');
    assert.deepEqual(analysis.config.problems, []);
    const plain = await analysePrompt({ text, model: 'gpt-4o', file: path.join(mkdtempSync(path.join(tmpdir(), 'mvp-none-')), 'a.md') });
    assert.equal(plain.estimate.energyWh.central, analysis.estimate.energyWh.central, 'same energy');
    assert.ok(analysis.estimate.carbonG.central < plain.estimate.carbonG.central / 3, 'far less carbon on the Swedish grid');
  });

  it('a self-hosted model with measured energy replaces the parametric model @slow', async () => {
    const dir = workspace({});
    const builtin = (await analysePrompt({ text, model: 'llama-3.1-8b', file: path.join(dir, 'x.md') })).estimate;
    const measured = workspace({
      model: 'our-llama',
      profiles: [
        {
          id: 'llama-3.1-8b',
          aliases: ['our-llama'],
          measuredEnergy: { whPerInputToken: 0.00001, whPerOutputToken: 0.0001, note: 'measured with nvidia-smi on our A100 node, May 2026' },
        },
      ],
    });
    const analysis = await analysePrompt({ text, file: path.join(measured, 'a.prompt.md'), workspaceRoot: measured });
    assert.deepEqual(analysis.config.problems, []);
    assert.equal(analysis.model.id, 'llama-3.1-8b');
    assert.notEqual(analysis.estimate.energyWh.central, builtin.energyWh.central);
  });

  it('an override that breaks a field is a config problem with its position, and is not applied', async () => {
    const dir = workspace({ profiles: [{ id: 'gpt-4o', contextWindow: -5 }] });
    const analysis = await analysePrompt({ text, file: path.join(dir, 'a.prompt.md'), workspaceRoot: dir, model: 'gpt-4o' });
    const problem = analysis.config.problems.find((p) => /contextWindow/.test(p.message));
    assert.ok(problem, JSON.stringify(analysis.config.problems));
    assert.ok(problem.start.line > 0);
    assert.equal(analysis.model.contextWindow, 128000);
    assert.ok(analysis.findings.some((f) => f.ruleId === 'config' && f.file === path.join(dir, '.mvp.jsonc')));
  });
});

describe('personal budgets and attachment readers', () => {
  it('personal budgets override the team config per field, and reach the rules', async () => {
    const dir = workspace({ budgets: { tokens: 100000, whPerRequest: 50 } });
    const file = path.join(dir, 'a.prompt.md');
    const team = await analysePrompt({ text, file, workspaceRoot: dir, model: 'gpt-4o' });
    assert.ok(!team.findings.some((f) => f.ruleId === 'token-budget'));
    const personal = await analysePrompt({ text, file, workspaceRoot: dir, model: 'gpt-4o', budgets: { tokens: 5, whPerRequest: undefined } });
    assert.ok(personal.findings.some((f) => f.ruleId === 'token-budget'), 'the personal 5-token budget applies');
    assert.equal(personal.config.budgets.tokens, 100000, "the team's config is reported unchanged");
  });

  it('a custom attachment reader is called with the resolved model', async () => {
    const dir = workspace({});
    const seen: string[] = [];
    const analysis = await analysePrompt({
      text: '---\nmodel: claude-sonnet-4-5\n---\nSee #file:notes.txt and answer briefly.',
      file: path.join(dir, 'a.prompt.md'),
      readAttachment: async (reference, model) => {
        seen.push(model.id);
        return { reference, format: 'text', bytes: 10, naive: { description: 'text', tokens: 7 }, details: {}, problems: [] };
      },
    });
    assert.deepEqual(seen, ['claude-sonnet-4-5']);
    assert.equal(analysis.attachments[0].naive.tokens, 7);
  });
});
