import { strict as assert } from 'node:assert';
import { buildContext, findingsOf, sessionWith } from '../ruleContextBuilder';

describe('energy-budget', () => {
  it('reports a request and a session over their Wh budgets', () => {
    const session = sessionWith('s');
    session.totals.wh = { low: 1, central: 2, high: 4 };
    const found = findingsOf(
      'energy-budget',
      buildContext({ text: 'x', energyWh: 0.5, budgets: { whPerRequest: 0.3, whPerSession: 1 }, session }),
    );
    assert.equal(found.length, 2);
    assert.match(found[0].message, /500 mWh \(range 0\.25–1 Wh\) .*budget is 300 mWh per request/);
    // The session counts this request (2 + 0.5 Wh), as the status bar and the hook do.
    assert.match(found[1].message, /With this request the session reaches 2\.5 Wh .*budget is 1 Wh per session/);
  });
  it('is quiet under budget', () => {
    assert.equal(
      findingsOf('energy-budget', buildContext({ text: 'x', energyWh: 0.2, budgets: { whPerRequest: 0.3 } })).length,
      0,
    );
  });
});
