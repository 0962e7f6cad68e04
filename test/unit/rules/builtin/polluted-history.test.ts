import { strict as assert } from 'node:assert';
import type { Transcript } from '../../../../src/core/history/transcript';
import { buildContext, findingsOf, historyMessage, sessionWith } from '../ruleContextBuilder';

describe('polluted-history', () => {
  const big = 'The quick brown fox jumps over the lazy dog near src/server/cache_layer.ts line 42. '.repeat(30);
  it('names abandoned attempts and repeated pastes, with a fresh-session fix', () => {
    const transcript: Transcript = {
      format: 'markdown',
      problems: [],
      messages: [
        historyMessage('user', `Fix this:\n\n${big}`),
        historyMessage('assistant', 'word '.repeat(600)),
        historyMessage('user', 'Ignore that, start over with the parser instead.'),
        historyMessage('assistant', 'ok'),
        historyMessage('user', `Again:\n\n${big}\n`),
      ],
    };
    const session = sessionWith('Parser rewrite; constraints: keep API.');
    session.projection = {
      ...session.projection,
      moreTurns: 10,
      continueWh: { low: 1, central: 2, high: 4 },
      freshWh: { low: 0.5, central: 0.5, high: 1 },
      breakEvenTurn: 1,
    };
    const ctx = buildContext({ text: 'next', transcript, session });
    const [f] = findingsOf('polluted-history', ctx);
    assert.match(
      f.message,
      /Over the next 10 turns that is ≈1\.5 Wh \(75% of continuing\), breaking even after 1 turn\./,
    );
    assert.match(f.message, /"Ignore that" in message 3/);
    assert.match(f.message, /pasted 2 times/);
    assert.equal(f.fix?.action?.kind, 'writeSeedSummary');
  });
  it('is quiet for a clean session', () => {
    const transcript: Transcript = {
      format: 'markdown',
      problems: [],
      messages: [historyMessage('user', 'How do I sort a list?'), historyMessage('assistant', 'Use sorted().')],
    };
    assert.equal(findingsOf('polluted-history', buildContext({ text: 'q', transcript })).length, 0);
  });
});
