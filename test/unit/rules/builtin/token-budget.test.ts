import { strict as assert } from 'node:assert';
import { buildContext, findingsOf } from '../ruleContextBuilder';

describe('token-budget', () => {
  it('reports input tokens over the budget with the saving of getting under it', () => {
    const [f] = findingsOf(
      'token-budget',
      buildContext({ text: 'x', totalInputTokens: 1200, budgets: { tokens: 1000 } }),
    );
    assert.match(f.message, /1,200 input tokens; the budget is 1,000 \(200 over, \+20%\)/);
    assert.equal(f.saving?.tokens, 200);
  });
  it('is quiet under the budget or without one', () => {
    assert.equal(
      findingsOf('token-budget', buildContext({ text: 'x', totalInputTokens: 900, budgets: { tokens: 1000 } })).length,
      0,
    );
    assert.equal(findingsOf('token-budget', buildContext({ text: 'x', totalInputTokens: 900 })).length, 0);
  });
});
