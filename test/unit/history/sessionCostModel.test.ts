import * as assert from 'node:assert/strict';
import { readClaudeCodeJsonl } from '../../../src/core/history/claudeCodeJsonlReader';
import { readOpenAiMessages } from '../../../src/core/history/openAiMessagesReader';
import { SessionAccumulator } from '../../../src/core/history/sessionAccumulator';
import { SessionCostModel } from '../../../src/core/history/sessionCostModel';
import { detectPollution } from '../../../src/core/history/sessionDetections';
import type { RequestInput } from '../../../src/core/energy/estimate';
import { CACHING, countO200k, countWords, fakeEstimate, fixture, message, NO_CACHING } from './sessionTestKit';

const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);

describe('history: session cost model', () => {
  describe('a small session computed by hand', () => {
    // Words as tokens, 1 token of overhead per message:
    //   system "be brief" 2+1=3 | user 4+1=5 | assistant 6 (+1 in later context) | user 2+1=3 | assistant 3 (+1) | user 3+1=4 (unanswered)
    const messages = [
      message('system', 'be brief'),
      message('user', 'one two three four'),
      message('assistant', 'a b c d e f'),
      message('user', 'x y'),
      message('assistant', 'p q r'),
      message('user', 'last question here'),
    ];
    const session = new SessionAccumulator({ countTokens: countWords, perMessageOverheadTokens: 1 }).appendAll(messages);
    const analysis = new SessionCostModel({
      estimate: fakeEstimate,
      caching: CACHING,
      moreTurns: 2,
      minCacheablePrefixTokens: 10,
      seedSummaryTokens: 5,
    }).analyse(session);

    it('sends everything before each reply as input', () => {
      // T1 = 3+5 = 8; T2 = 8 + 7 + 3 = 18; T3 (pending) = 18 + 4 + 4 = 26
      assert.deepEqual(analysis.turns.map((t) => t.inputTokens), [8, 18, 26]);
      assert.deepEqual(analysis.turns.map((t) => t.newInputTokens), [8, 3, 4]);
      // The pending turn's output is the estimator's default (10).
      assert.deepEqual(analysis.turns.map((t) => t.outputTokens), [6, 3, 10]);
      assert.deepEqual(analysis.turns.map((t) => t.pending === true), [false, false, true]);
    });

    it('caches the previous request as prefix once it reaches the minimum', () => {
      // T2's previous input (8) is under the 10-token minimum; T3's (18) is not.
      assert.deepEqual(analysis.turns.map((t) => t.cachedInputTokens), [0, 0, 18]);
    });

    it('estimates each turn with and without caching, and accumulates', () => {
      const [t1, t2, t3] = analysis.turns;
      close(t1.wh.central, 0.008 + 0.03, 'T1'); // 8 input, 6 output
      close(t2.wh.central, 0.018 + 0.015, 'T2'); // 18 input, 3 output
      close(t3.wh.central, 0.026 + 0.05, 'T3'); // 26 input, 10 output
      close(t3.whCached.central, 0.008 + 0.0018 + 0.05, 'T3 cached'); // 8 uncached + 18 cached
      close(t3.cumulativeWh.central, 0.038 + 0.033 + 0.076, 'cumulative');
      close(t3.cumulativeWhCached.central, 0.038 + 0.033 + 0.0598, 'cumulative cached');
      close(t3.wh.low, 0.076 / 2, 'low bound');
      close(t3.carbonG.central, 0.076 * 0.4, 'carbon');
    });

    it('sums totals', () => {
      assert.equal(analysis.totals.inputTokens, 52);
      assert.equal(analysis.totals.cachedInputTokens, 18);
      assert.equal(analysis.totals.outputTokens, 19);
      close(analysis.totals.wh.central, 0.147, 'total Wh');
      close(analysis.totals.whCached.central, 0.1308, 'total Wh cached');
    });

    it('projects continuing vs starting fresh, with the break-even turn', () => {
      const p = analysis.projection;
      // Averages: output (6+3)/2 = 4.5 → 5; new input ((18-8-6) + (26-18-3))/2 = 4.5 → 5.
      assert.equal(p.averageOutputTokens, 5);
      assert.equal(p.averageNewInputTokens, 5);
      // Continue: 26 then 36 tokens; fresh: 3 (system) + 5 (summary) + 4 (the pending message) = 12, then 22.
      assert.equal(p.continueFirstInputTokens, 26);
      assert.equal(p.freshFirstInputTokens, 12);
      close(p.continueWh.central, 0.051 + 0.061, 'continue');
      close(p.freshWh.central, 0.037 + 0.047, 'fresh');
      close(p.savingWh, 0.028, 'saving');
      assert.equal(p.breakEvenTurn, 1);
      // With caching: continue 26 (18 cached) then 36 (26 cached); fresh 12 (system under the minimum: none cached) then 22 (12 cached).
      close(p.continueWhCached.central, 0.0348 + 0.0376, 'continue cached');
      close(p.freshWhCached.central, 0.037 + 0.0362, 'fresh cached');
      close(p.savingWhCached, -0.0008, 'saving cached');
      assert.equal(p.breakEvenTurnCached, null);
      assert.match(p.caveat ?? '', /does not pay back within 2 turns/);
      assert.deepEqual(p.series!.map((s) => s.turn), [1, 2]);
    });

    it('states how much of the next request is history', () => {
      assert.deepEqual(analysis.context, { nextInputTokens: 26, historyTokens: 26 - 4 - 3, systemTokens: 3 });
    });

    it('without provider caching, "with caching" equals "without"', () => {
      const plain = new SessionCostModel({ estimate: fakeEstimate, caching: NO_CACHING, minCacheablePrefixTokens: 10 }).analyse(session);
      assert.deepEqual(plain.turns.map((t) => t.cachedInputTokens), [0, 0, 0]);
      assert.deepEqual(plain.totals.whCached, plain.totals.wh);
      assert.equal(plain.projection.caveat, undefined);
    });
  });

  it('treats each assistant reply of a tool loop as its own request', () => {
    const t = readOpenAiMessages(fixture('openai-small.json'));
    const session = new SessionAccumulator({ countTokens: countO200k }).appendAll(t.messages);
    const turns = new SessionCostModel({ estimate: fakeEstimate, caching: NO_CACHING }).analyse(session).turns;
    assert.equal(turns.length, 3);
    // The second request carries the tool call and its result as new input.
    assert.equal(turns[1].firstNewMessage, 3);
    assert.equal(turns[1].inputTokens, turns[0].inputTokens + session.messages[2].tokens + session.messages[3].tokens);
  });

  it('uses the usage recorded in a Claude Code log, and says so per turn', () => {
    const t = readClaudeCodeJsonl(fixture('claude-code-small.jsonl'));
    const session = new SessionAccumulator({ countTokens: countWords }).appendAll(t.messages);
    const analysis = new SessionCostModel({ estimate: fakeEstimate, caching: CACHING }).analyse(session);
    const [t1, t2] = analysis.turns;
    assert.equal(t1.fromRecordedUsage, true);
    assert.equal(t1.inputTokens, 4 + 12000 + 2100);
    assert.equal(t1.cachedInputTokens, 12000);
    assert.equal(t1.outputTokens, 92);
    assert.equal(t2.inputTokens, 6 + 14100 + 180);
    assert.equal(t2.cachedInputTokens, 14100);
    close(t2.whCached.central, 0.001 * 186 + 0.0001 * 14100 + 0.005 * 48, 'recorded cache reads');
    assert.match(analysis.assumptions!.join(' '), /2 of 2 turns use the token usage recorded/);
  });

  it('tells the estimator that recorded output already includes hidden reasoning tokens, and counted output does not', () => {
    const seen: RequestInput[] = [];
    const spy = (input: RequestInput) => (seen.push(input), fakeEstimate(input));
    const recorded = new SessionAccumulator({ countTokens: countWords }).appendAll(readClaudeCodeJsonl(fixture('claude-code-small.jsonl')).messages);
    new SessionCostModel({ estimate: spy, caching: CACHING }).analyse(recorded);
    assert.ok(seen.length > 0 && seen.every((i) => i.outputIncludesReasoning === true));
    seen.length = 0;
    const counted = new SessionAccumulator({ countTokens: countWords }).appendAll([message('user', 'hi'), message('assistant', 'a b c')]);
    new SessionCostModel({ estimate: spy, caching: NO_CACHING }).analyse(counted);
    assert.ok(seen.length > 0 && seen.every((i) => i.outputIncludesReasoning === false));
  });

  it('never takes a recorded output below the visible reply it counted (some logs record the first stream event)', () => {
    const reply = { ...message('assistant', 'word '.repeat(200)), usage: { inputTokens: 10, outputTokens: 1, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 } };
    const session = new SessionAccumulator({ countTokens: countWords }).appendAll([message('user', 'hi'), reply]);
    const turn = new SessionCostModel({ estimate: fakeEstimate, caching: NO_CACHING }).analyse(session).turns[0];
    assert.equal(turn.outputTokens, 200);
  });

  describe('the long session (65+ requests, real tokenizer)', () => {
    const t = readOpenAiMessages(fixture('long-session.openai.json'));
    const session = new SessionAccumulator({ countTokens: countO200k }).appendAll(t.messages);
    const analysis = new SessionCostModel({ estimate: fakeEstimate, caching: CACHING }).analyse(session);
    const inputs = analysis.turns.map((t) => t.inputTokens);

    it('has more than 60 requests and no reading problems', () => {
      assert.ok(analysis.turns.length > 60, `${analysis.turns.length} turns`);
      assert.deepEqual(t.problems, []);
    });

    it('shows quadratic growth: each request is at least as large as the one before, so the cumulative series is convex', () => {
      for (let i = 1; i < inputs.length; i++) assert.ok(inputs[i] >= inputs[i - 1], `turn ${i + 1} smaller than turn ${i}`);
      const cumulative: number[] = [];
      inputs.reduce((sum, x, i) => (cumulative[i] = sum + x), 0);
      const n = cumulative.length;
      const half = Math.floor(n / 2);
      // Linear growth would double the cumulative input from half the session to all of it; quadratic gives about 4×.
      const ratio = cumulative[n - 1] / cumulative[half - 1];
      assert.ok(ratio > 3, `cumulative input grew ${ratio.toFixed(2)}× from turn ${half} to turn ${n}`);
      const energy = analysis.turns.map((t) => t.cumulativeWh.central);
      assert.ok(energy[n - 1] / energy[half - 1] > 3);
    });

    it('recommends the fresh session over continuing without caching, and states the caching caveat', () => {
      const p = analysis.projection;
      assert.ok(p.savingWh > 0);
      assert.equal(p.breakEvenTurn, 1);
      assert.ok(p.savingWhCached < p.savingWh);
      assert.match(p.caveat ?? '', /prompt caching/);
    });
  });
});

describe('history: tool results inside a reply', () => {
  it('count as input of later requests, not as the reply\'s output (VS Code exports keep them in the response)', () => {
    const reply = {
      role: 'assistant' as const,
      text: 'fixed it',
      payloads: [{ kind: 'toolResult' as const, name: 'r', text: 'one two three four five' }],
      range: { start: 0, end: 1 },
    };
    const session = new SessionAccumulator({ countTokens: countWords, perMessageOverheadTokens: 0 }).appendAll([
      message('user', 'please fix'),
      reply,
      message('user', 'thanks'),
      message('assistant', 'ok'),
    ]);
    const turns = new SessionCostModel({ estimate: fakeEstimate, caching: NO_CACHING }).analyse(session).turns;
    // Reply: 2 words of text + tool result (5 words + 1 word name) = 8 tokens in context, of which 2 are output.
    assert.equal(turns[0].outputTokens, 2);
    assert.equal(turns[1].inputTokens, 2 + 8 + 1);
  });
});

describe('history: a compacted Claude Code session', () => {
  const t = readClaudeCodeJsonl(fixture('claude-code-compacted.jsonl'));
  const session = new SessionAccumulator({ countTokens: countWords, perMessageOverheadTokens: 0 }).appendAll(t.messages);
  const analysis = new SessionCostModel({ estimate: fakeEstimate, caching: CACHING, minCacheablePrefixTokens: 1 }).analyse(session);

  it('restarts the context after the compact boundary, and says so', () => {
    assert.equal(t.messages[4].startsNewContext, true);
    assert.match(t.notes!.join(' '), /compacted 1 time/);
    // Before: 7 words, then 7 + 4 + 11 = 22. After: only the 17-word summary, then 17 + 1 + 4 = 22.
    assert.deepEqual(analysis.turns.map((x) => x.inputTokens), [7, 22, 17, 22]);
    assert.deepEqual(analysis.turns.map((x) => x.newInputTokens), [7, 11, 17, 4]);
    // Nothing before the compaction is a cached prefix of the first request after it.
    assert.deepEqual(analysis.turns.map((x) => x.cachedInputTokens), [0, 7, 0, 17]);
  });

  it('does not report pollution that the compaction already removed', () => {
    assert.equal(session.abandoned.length, 1);
    assert.equal(detectPollution(session, analysis, fakeEstimate).abandoned.length, 0);
  });
});
