import * as assert from 'node:assert/strict';
import { readOpenAiMessages } from '../../../src/core/history/openAiMessagesReader';
import { buildSeedSummary } from '../../../src/core/history/seedSummary';
import { SessionAccumulator } from '../../../src/core/history/sessionAccumulator';
import { countO200k, fixture } from './sessionTestKit';

describe('history: seed summary', () => {
  const session = new SessionAccumulator({ countTokens: countO200k }).appendAll(readOpenAiMessages(fixture('polluted-session.json')).messages);
  const summary = buildSeedSummary(session, { sourceName: 'polluted-session.json' });

  it('says at the top that it is a starting point to edit', () => {
    assert.match(summary.split('\n')[0], /Seed summary .* from polluted-session\.json/);
    assert.match(summary.split('\n')[1], /starting point/);
  });

  it('keeps the open question and the constraints the user stated', () => {
    assert.match(summary, /## Open question\n\nWhat about emoji in titles\?/);
    assert.match(summary, /- It must not use regex lookbehind\./);
    assert.match(summary, /- Keep it under 20 lines\./);
  });

  it('keeps only the latest version of the file, not the abandoned or first one', () => {
    assert.match(summary, /### src\/slug\.ts/);
    assert.match(summary, /normalize\('NFKD'\)/);
    assert.ok(!summary.includes('slugify(rest.join'), 'abandoned recursive version left out');
    assert.equal(summary.match(/export function slugify/g)?.length, 1);
  });

  it('keeps the decision and drops the pasted log and the abandoned request', () => {
    assert.match(summary, /We'll use normalize\('NFKD'\) instead of a lookup table/);
    assert.ok(!summary.includes('ERROR slugify failed'));
    assert.ok(!summary.includes('recursive version'));
    assert.match(summary, /Left out: 1 abandoned attempt/);
  });

  it('is much smaller than the session it replaces', () => {
    assert.ok(countO200k(summary) * 5 < session.contextTokens, `${countO200k(summary)} vs ${session.contextTokens}`);
  });

  it('says when no open question was found instead of inventing one', () => {
    const empty = new SessionAccumulator({ countTokens: countO200k });
    assert.match(buildSeedSummary(empty), /none found/);
  });
});
