import * as assert from 'node:assert/strict';
import { profileRegistryFor } from '../../../src/core/analyse';
import { FootprintCalculator } from '../../../src/core/usage/requestFootprint';
import { coachSession, SEED_SUMMARY_TOKENS, type SessionRequest } from '../../../src/core/usage/sessionCoaching';

const calculator = new FootprintCalculator(profileRegistryFor());
const MODEL = 'claude-sonnet-4-5-20250929';

/** A session whose context grows by `growth` tokens a request from a 15k-token system prompt; history read from the cache. */
function growingSession(requests: number, growth: number): SessionRequest[] {
  return Array.from({ length: requests }, (_, i) => {
    const context = 15000 + i * growth;
    const tokens = { input: 10, cacheCreation: growth, cacheRead: context - growth - 10, output: 400, reasoning: 0 };
    if (i === 0) Object.assign(tokens, { cacheCreation: context - 10, cacheRead: 0 });
    const f = calculator.footprint(MODEL, tokens);
    return { time: Date.UTC(2026, 11, 1, 9, i), model: MODEL, tokens, wh: [f[0], f[1], f[2]] as [number, number, number] };
  });
}

describe('coaching of heavy sessions from recorded usage', () => {
  it('a long session that keeps re-reading its history: history share, a restart point and positive saving', () => {
    const session = growingSession(60, 3000);
    const c = coachSession(session, [], calculator);
    // context_i = 15000 + 3000 i; history = Σ 3000 i over Σ context_i.
    const contexts = session.map((_, i) => 15000 + 3000 * i);
    const expectedShare = contexts.reduce((a, c2) => a + (c2 - 15000), 0) / contexts.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(c.historyShare - expectedShare) < 1e-9);
    assert.ok(c.startFresh, 'a restart pays off');
    assert.ok(c.startFresh!.savedWh.central > 0);
    assert.ok(c.startFresh!.savedWh.low <= c.startFresh!.savedWh.central && c.startFresh!.savedWh.central <= c.startFresh!.savedWh.high);
    assert.ok(c.startFresh!.afterRequest > 1 && c.startFresh!.afterRequest < 60);
    assert.ok(c.startFresh!.contextTokens > 15000 + SEED_SUMMARY_TOKENS);
    assert.ok(c.startFresh!.savedShare > 0 && c.startFresh!.savedShare < 1);
    assert.match(c.advice, /Starting fresh from a ~2,000-token summary after request \d+ of 60/);
  });

  it('a short session whose context hardly grows: no restart advised', () => {
    const c = coachSession(growingSession(4, 200), [], calculator);
    assert.equal(c.startFresh, undefined);
    assert.match(c.advice, /starting fresh would not have saved energy/);
  });

  it('the projection stops at a compaction the agent made (it restarted the context itself)', () => {
    const session = growingSession(60, 3000);
    const free = coachSession(session, [], calculator).startFresh!;
    // A compaction right after the best restart point cuts that projection short.
    const compaction = session[free.afterRequest].time + 1;
    const compactedEarly = coachSession(session, [compaction], calculator);
    assert.equal(compactedEarly.compactions, 1);
    assert.ok(compactedEarly.startFresh!.savedWh.central < free.savedWh.central);
    assert.match(compactedEarly.advice, /compacted 1 time/);
  });
});
