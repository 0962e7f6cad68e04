import * as assert from 'node:assert/strict';
import { readOpenAiMessages } from '../../../src/core/history/openAiMessagesReader';
import { SessionAccumulator } from '../../../src/core/history/sessionAccumulator';
import { SessionCostModel } from '../../../src/core/history/sessionCostModel';
import { CACHING, countO200k, fakeEstimate, fixture } from './sessionTestKit';

describe('history: incremental session accumulator', () => {
  const messages = readOpenAiMessages(fixture('long-session.openai.json')).messages;

  it('appending a message tokenizes only that message, and the result equals a full re-analysis @slow', () => {
    const counted: string[] = [];
    const spy = (text: string) => {
      counted.push(text);
      return countO200k(text);
    };
    const incremental = new SessionAccumulator({ countTokens: spy });
    const model = new SessionCostModel({ estimate: fakeEstimate, caching: CACHING });
    incremental.appendAll(messages.slice(0, -2));
    model.analyse(incremental);

    for (const next of messages.slice(-2)) {
      const before = counted.length;
      incremental.append(next);
      const texts = counted.slice(before);
      // Everything counted belongs to the new message: its text pieces, payload names and texts.
      const own = [next.text, ...next.payloads.flatMap((p) => [p.text, p.name])].join('\n');
      for (const text of texts) assert.ok(own.includes(text), `counted text outside the appended message: ${text.slice(0, 60)}`);
      assert.ok(texts.length <= 2 + 2 * next.payloads.length + (next.text.match(/```/g)?.length ?? 0));
    }
    const updated = model.analyse(incremental);

    const full = new SessionCostModel({ estimate: fakeEstimate, caching: CACHING }).analyse(
      new SessionAccumulator({ countTokens: countO200k }).appendAll(messages),
    );
    assert.deepEqual(updated.turns, full.turns);
    assert.deepEqual(updated.totals, full.totals);
    assert.deepEqual(updated.projection, full.projection);
    assert.equal(updated.seedSummary, full.seedSummary);
  });

  it('keeps the cost of answered turns instead of re-estimating them @slow', () => {
    let calls = 0;
    const counting = (input: Parameters<typeof fakeEstimate>[0]) => {
      calls++;
      return fakeEstimate(input);
    };
    const session = new SessionAccumulator({ countTokens: countO200k }).appendAll(messages.slice(0, -1));
    const model = new SessionCostModel({ estimate: counting, caching: CACHING, moreTurns: 3 });
    model.analyse(session);
    calls = 0;
    session.append(messages[messages.length - 1]);
    model.analyse(session);
    // The new pending turn (≤ 2 estimates: plain and cached), the projection (2 scenarios × 2 × 3 turns).
    assert.ok(calls <= 2 + 12, `${calls} estimates for one appended message`);
  });

  it('counts a message once per piece: prose, each fenced block, each payload', () => {
    const session = new SessionAccumulator({ countTokens: countO200k, perMessageOverheadTokens: 0 });
    const text = 'Intro line\n```ts src/a.ts\nconst a = 1;\n```\nOutro';
    const digest = session.append({ role: 'user', text, payloads: [], range: { start: 0, end: text.length } });
    assert.equal(session.tokenizeCalls, 2);
    assert.equal(digest.tokens, countO200k('Intro line\nOutro') + countO200k('```ts src/a.ts\nconst a = 1;\n```'));
    assert.equal(digest.blocks[0].file, 'src/a.ts');
  });
});
