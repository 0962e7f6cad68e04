/**
 * The judgements every surface reads from the analysis (issue 17): how full the window is, which
 * budgets are over, which smaller model, and the order of the findings — made once in the core,
 * with the same options the rules use.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analysePrompt } from '../../../src/core/analyse';
import { estimateRequest } from '../../../src/core/energy/estimator';
import { loadBuiltinProfiles } from '../../../src/core/profiles/builtinProfiles';
import { activeParamsB, pickSmallerModel, pickSmallerSameVendor } from '../../../src/core/profiles/compareModels';
import { rejudgeRequest } from '../../../src/core/requestJudgements';
import { budgetStatus } from '../../../src/core/rules/budgetStatus';
import { orderSuggestions } from '../../../src/core/rules/suggestionOrder';
import { windowUse } from '../../../src/core/rules/windowUse';
import { removeTempTrees, tempTree } from '../config/tempTree';

const tokens = (output: number, reasoning = 0) => ({ tokens: { input: 0, cachedInput: 0, output, reasoning } });

describe('judgements in the analysis', () => {
  after(removeTempTrees);

  describe('windowUse', () => {
    it('counts the expected answer and says ok, near or over at the rule default 0.8', () => {
      assert.equal(windowUse(1000, 700, tokens(99)).level, 'ok');
      assert.equal(windowUse(1000, 700, tokens(100)).level, 'near');
      assert.equal(windowUse(1000, 900, tokens(100)).level, 'near');
      const over = windowUse(1000, 900, tokens(60, 41));
      assert.deepEqual([over.level, over.neededTokens, over.expectedOutputTokens], ['over', 1001, 101]);
    });
    it('follows the options: input only, another threshold', () => {
      const inputOnly = windowUse(1000, 700, tokens(500), { nearShare: 0.8, includeExpectedOutput: false });
      assert.deepEqual([inputOnly.level, inputOnly.share, inputOnly.countsExpectedOutput], ['ok', 0.7, false]);
      assert.equal(windowUse(1000, 500, tokens(0), { nearShare: 0.5, includeExpectedOutput: true }).level, 'near');
    });
  });

  describe('budgetStatus', () => {
    it('lets a personal budget override the team one and says whose it is', () => {
      const s = budgetStatus(
        { tokens: 1000, whPerRequest: 1 },
        { tokens: 500 },
        { inputTokens: 800, requestWh: 2, sessionWhSoFar: 0 },
      );
      assert.deepEqual(s.limits, { tokens: 500, whPerRequest: 1 });
      assert.deepEqual(
        s.breaches.map((b) => [b.budget, b.source, b.limit, b.actual]),
        [
          ['tokens', 'personal', 500, 800],
          ['whPerRequest', 'team', 1, 2],
        ],
      );
      assert.match(s.breaches[0].message, /your budget is 500 per request \(mvp\.budgets\.tokens\)/);
      assert.match(s.breaches[1].message, /the team budget is .* per request \(budgets\.whPerRequest\)/);
    });
    it('counts this request in the session', () => {
      const s = budgetStatus({ whPerSession: 10 }, {}, { inputTokens: 1, requestWh: 0.5, sessionWhSoFar: 9.8 });
      assert.equal(s.sessionWh, 10.3);
      assert.equal(s.breaches[0].budget, 'whPerSession');
      assert.equal(
        budgetStatus({ whPerSession: 10 }, {}, { inputTokens: 1, requestWh: 0.1, sessionWhSoFar: 9.8 }).breaches.length,
        0,
      );
    });
  });

  describe('a smaller model, picked one way', () => {
    const profiles = loadBuiltinProfiles();
    const byId = (id: string) => profiles.find((p) => p.id === id)!;
    it('the panel row is the same-vendor step down', () => {
      assert.equal(pickSmallerSameVendor(byId('gpt-4o'), profiles)?.id, pickSmallerModel(byId('gpt-4o'), profiles)?.id);
    });
    it('with a cap and any vendor: at most the cap, same vendor first, never reasoning when excluded', () => {
      for (const chosen of profiles.filter((p) => activeParamsB(p) > 60)) {
        const pick = pickSmallerModel(chosen, profiles, {
          vendor: 'prefer-same',
          maxActiveParamsB: 20,
          excludeReasoning: true,
        });
        if (!pick) continue;
        assert.ok(activeParamsB(pick) <= 20, `${chosen.id} → ${pick.id}`);
        assert.equal(pick.reasoning.isReasoning, false);
        const sameVendor = profiles.some(
          (p) =>
            p.provider === chosen.provider &&
            p.id !== chosen.id &&
            !p.local &&
            !p.reasoning.isReasoning &&
            activeParamsB(p) <= 20,
        );
        if (sameVendor) assert.equal(pick.provider, chosen.provider, `${chosen.id} → ${pick.id}`);
      }
    });
  });

  describe('analysePrompt', () => {
    it('judges the window with the team config, and the context-window rule agrees', async () => {
      const dir = tempTree({ '.mvp.jsonc': '{ "rules": { "context-window": { "options": { "nearShare": 0.01 } } } }' });
      const text = 'Summarise the attached notes.\n\n' + 'The meeting decided to move the launch. '.repeat(400);
      const near = await analysePrompt({ text, file: path.join(dir, 'a.prompt.md'), model: 'gpt-4o' });
      assert.equal(near.window.nearShare, 0.01);
      assert.equal(near.window.level, 'near');
      assert.ok(near.findings.some((f) => f.ruleId === 'context-window'));
      const plain = await analysePrompt({ text, baseDir: path.dirname(dir), model: 'gpt-4o' });
      assert.equal(plain.window.level, 'ok');
      assert.ok(!plain.findings.some((f) => f.ruleId === 'context-window'));
    });
    it('offers findings in the one suggestion order, with budgets and comparisons filled in', async () => {
      const text =
        'Please could you explain everything about our cache layer in detail. Thank you so much!\n\n' +
        'x '.repeat(3000);
      const a = await analysePrompt({ text, baseDir: '/', model: 'gpt-4o', budgets: { tokens: 100 } });
      assert.ok(a.findings.length >= 2);
      assert.deepEqual(a.findings, orderSuggestions(a.findings));
      assert.equal(a.budgets.breaches[0].budget, 'tokens');
      assert.equal(a.modelComparisons[0].role, 'chosen');
      assert.deepEqual(a.modelComparisons[0].estimate, a.estimate);
    });
    it('re-judges a provisional count with the options of the full analysis', async () => {
      const a = await analysePrompt({
        text: 'Short question?',
        baseDir: '/',
        model: 'gpt-4o',
        budgets: { tokens: 1000 },
      });
      const profile = loadBuiltinProfiles().find((p) => p.id === 'gpt-4o')!;
      const estimate = estimateRequest(profile, { inputTokens: 120_000 });
      const again = rejudgeRequest(a, 120_000, estimate);
      assert.equal(again.window.level, 'near');
      assert.equal(again.window.nearShare, a.window.nearShare);
      assert.deepEqual(
        again.budgets.breaches.map((b) => b.budget),
        ['tokens'],
      );
    });
  });
});
