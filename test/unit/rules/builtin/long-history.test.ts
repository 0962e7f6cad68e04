import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../../src/core/rules/measureSaving';
import type { Transcript } from '../../../../src/core/history/transcript';
import {
  assertMeasured,
  buildContext,
  findingsOf,
  historyMessage,
  partOf,
  sessionWith,
  testTokens,
} from '../ruleContextBuilder';

describe('long-history', () => {
  it('trims history written in the prompt to the last messages', () => {
    const turns = Array.from(
      { length: 8 },
      (_, i) => `## ${i % 2 ? 'Assistant' : 'User'}\n${'word '.repeat(400)}${i}\n`,
    );
    const text = turns.join('\n') + '\nNow the real question?';
    const parts = turns.map((t, i) => partOf(text, t, 'history', i % 2 ? 'Assistant' : 'User'));
    const ctx = buildContext({ text, parts });
    const [f] = findingsOf('long-history', ctx, { 'long-history': { options: { maxTokens: 1000 } } });
    assert.match(f.message, /8 messages/);
    const fixed = applyEdits(text, f.fix!.edits!);
    assert.ok(!fixed.includes('word 0') && !fixed.includes(`${'word '.repeat(400)}3\n`));
    assert.ok(fixed.includes(`${'word '.repeat(400)}7`));
    assertMeasured(ctx, f);
  });
  it('suggests a seed summary for a long transcript', () => {
    const transcript: Transcript = {
      format: 'markdown',
      problems: [],
      messages: Array.from({ length: 10 }, (_, i) =>
        historyMessage(i % 2 ? 'assistant' : 'user', 'token '.repeat(700)),
      ),
    };
    const summary = 'We are fixing the cache; decided on LRU.';
    const [f] = findingsOf('long-history', buildContext({ text: 'next?', transcript, session: sessionWith(summary) }));
    assert.equal(f.fix?.action?.kind, 'writeSeedSummary');
    assert.equal(f.saving?.tokens, 7000 - testTokens(summary));
  });
  it('is quiet for a short history', () => {
    const transcript: Transcript = {
      format: 'markdown',
      problems: [],
      messages: [historyMessage('user', 'hi'), historyMessage('assistant', 'hello')],
    };
    assert.equal(findingsOf('long-history', buildContext({ text: 'q', transcript })).length, 0);
  });
});
