import * as assert from 'node:assert/strict';
import { readOpenAiMessages } from '../../../src/core/history/openAiMessagesReader';
import { SessionAccumulator } from '../../../src/core/history/sessionAccumulator';
import { SessionCostModel } from '../../../src/core/history/sessionCostModel';
import { compareFreshSession, detectPollution, measureSaving } from '../../../src/core/history/sessionDetections';
import { CACHING, countO200k, countWords, fakeEstimate, fixture, message, NO_CACHING } from './sessionTestKit';

describe('history: detections', () => {
  const transcript = readOpenAiMessages(fixture('polluted-session.json'));
  const session = new SessionAccumulator({ countTokens: countO200k }).appendAll(transcript.messages);
  const analysis = new SessionCostModel({ estimate: fakeEstimate, caching: NO_CACHING }).analyse(session);
  const pollution = detectPollution(session, analysis, fakeEstimate);

  it('finds the abandoned attempt, with its messages and range', () => {
    assert.equal(pollution.abandoned.length, 1);
    const a = pollution.abandoned[0];
    assert.equal(a.phrase, 'Never mind');
    assert.deepEqual([a.fromMessage, a.toMessage, a.retractionMessage], [5, 7, 7]);
    const source = fixture('polluted-session.json');
    assert.match(source.slice(a.range.start, a.range.end), /^\{\s*"role": "user",\s*"content": "Let's try a recursive version/);
    assert.equal(a.saving.tokens, session.messages[5].tokens + session.messages[6].tokens);
  });

  it('finds the log pasted twice (identical) and the file pasted in three versions', () => {
    const log = pollution.repeatedPastes.find((p) => p.identical);
    assert.ok(log, 'identical paste');
    assert.deepEqual(log.occurrences.map((o) => o.messageIndex), [3, 9]);
    assert.equal(log.saving.tokens, log.occurrences[0].tokens);
    const file = pollution.repeatedPastes.find((p) => p.label === 'src/slug.ts');
    assert.ok(file, 'file versions');
    assert.equal(file.identical, false);
    assert.deepEqual(file.occurrences.map((o) => o.messageIndex), [2, 6, 8]);
  });

  it('finds the large tool output nobody referred to again', () => {
    assert.deepEqual(pollution.unreferencedToolOutputs.map((o) => o.label), ['run_command ls -l node_modules --recursive (result)']);
    assert.ok(pollution.unreferencedToolOutputs[0].tokens >= 500);
  });

  it('measures savings with the estimator: the next request with and without the tokens', () => {
    const tokens = pollution.abandoned[0].saving.tokens;
    const expected = 0.001 * tokens; // input-only difference under the fake estimator
    assert.ok(Math.abs(pollution.abandoned[0].saving.wh - expected) < 1e-9);
    assert.ok(Math.abs(pollution.abandoned[0].saving.whOverProjection - expected * analysis.projection.moreTurns) < 1e-9);
    // The combined saving counts overlapping messages once (message 6 is abandoned and a superseded version).
    const sum = pollution.abandoned[0].saving.tokens + pollution.repeatedPastes.reduce((s, p) => s + p.saving.tokens, 0) + pollution.unreferencedToolOutputs[0].tokens;
    assert.ok(pollution.saving.tokens < sum);
    assert.ok(pollution.saving.tokens > 0);
  });

  it('a clean session has no pollution', () => {
    const clean = new SessionAccumulator({ countTokens: countO200k }).appendAll(readOpenAiMessages(fixture('openai-small.json')).messages);
    const a = new SessionCostModel({ estimate: fakeEstimate, caching: NO_CACHING }).analyse(clean);
    const p = detectPollution(clean, a, fakeEstimate);
    assert.deepEqual([p.abandoned.length, p.repeatedPastes.length, p.unreferencedToolOutputs.length, p.saving.tokens], [0, 0, 0, 0]);
  });

  it('measureSaving never removes more than the request holds', () => {
    // 4 messages of 1,000 words + overhead 0: the next request is 5,000 tokens.
    const big = (role: 'user' | 'assistant') => message(role, 'w '.repeat(1000));
    const s = new SessionAccumulator({ countTokens: countWords, perMessageOverheadTokens: 0 }).appendAll([big('user'), big('assistant'), big('user'), big('assistant'), big('user')]);
    const a = new SessionCostModel({ estimate: fakeEstimate, caching: NO_CACHING, seedSummaryTokens: 200 }).analyse(s);
    assert.equal(measureSaving(a, 1e9, fakeEstimate).tokens, 5000);
  });

  it('compares continuing with starting fresh, using cached figures when caching applies (no threshold: the rules judge)', () => {
    const long = new SessionAccumulator({ countTokens: countO200k }).appendAll(readOpenAiMessages(fixture('long-session.openai.json')).messages);
    const plain = new SessionCostModel({ estimate: fakeEstimate, caching: NO_CACHING }).analyse(long);
    const cached = new SessionCostModel({ estimate: fakeEstimate, caching: CACHING }).analyse(long);
    const a = compareFreshSession(plain);
    assert.equal(a.withCaching, false);
    assert.ok(Math.abs(a.savingWh - plain.projection.savingWh) < 1e-9);
    assert.ok(Math.abs(a.savingShare - a.savingWh / plain.projection.continueWh.central) < 1e-12);
    const b = compareFreshSession(cached);
    assert.equal(b.withCaching, true);
    assert.ok(Math.abs(b.savingWh - cached.projection.savingWhCached) < 1e-9);
    assert.equal(b.breakEvenTurn, cached.projection.breakEvenTurnCached ?? null);
  });
});
