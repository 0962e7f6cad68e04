import { strict as assert } from 'node:assert';
import { buildContext, findingsOf } from '../ruleContextBuilder';

describe('context-window', () => {
  it('errors with exact numbers when the request does not fit', () => {
    const [f] = findingsOf('context-window', buildContext({ text: 'x', totalInputTokens: 9800, outputTokens: 500 }));
    assert.equal(f.severity, 'error');
    assert.match(f.message, /10,300 tokens \(9,800 input \+ 500 expected output\).*10,000: 300 over/);
  });
  it('warns near the window and is quiet well below it', () => {
    const [near] = findingsOf('context-window', buildContext({ text: 'x', totalInputTokens: 8000 }));
    assert.equal(near.severity, 'warning');
    assert.match(near.message, /85%/);
    assert.equal(findingsOf('context-window', buildContext({ text: 'x', totalInputTokens: 3000 })).length, 0);
  });
  it("a configured severity wins over the rule's own", () => {
    const [f] = findingsOf('context-window', buildContext({ text: 'x', totalInputTokens: 12000 }), {
      'context-window': { severity: 'info', options: {} },
    });
    assert.equal(f.severity, 'info');
  });
});
