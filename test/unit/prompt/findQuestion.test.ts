import { strict as assert } from 'node:assert';
import { findQuestion, isSignOff } from '../../../src/core/prompt/findQuestion';
import { parsePrompt } from '../../../src/core/prompt/parsePrompt';

const questionOf = (text: string, file = '/w/ask.prompt.md') => {
  const p = parsePrompt(text, { baseDir: '/w', file });
  return p.parts.filter((x) => x.kind === 'question').map((x) => text.slice(x.range.start, x.range.end));
};

describe('question detection', () => {
  it('skips a sign-off: the task is the request, not "Thanks again!" (issue 16)', () => {
    const text =
      'Why does checkout fail after the 14:02 deploy? The log is attached.\n\n#file:checkout-service.log\n\nThanks again!';
    assert.deepEqual(questionOf(text), ['Why does checkout fail after the 14:02 deploy? The log is attached.']);
  });
  it('skips sign-offs with names and greetings', () => {
    for (const s of [
      'Thanks again!',
      'Thank you so much :)',
      'Cheers, Ana',
      'Many thanks',
      'Best regards,\nTom',
      'Hope this helps.',
      'thx',
    ])
      assert.ok(isSignOff(s), s);
    for (const s of [
      'Thanks to the cache, reads are fast. Why are writes slow?',
      'Summarise the attached report.',
      'Best practice for retries?',
    ])
      assert.ok(!isSignOff(s), s);
  });
  it('the last paragraph when it is the task', () => {
    assert.equal(findQuestion(['Context: the service is in Go.', 'Explain why the cache misses.']), 1);
  });
  it('standing instructions and skills have no question (github/awesome-copilot agents/electron-angular-native.agent.md)', () => {
    assert.deepEqual(
      questionOf(
        '## Review Output Format\n\nProduce a report with one section per finding.',
        '/w/.github/agents/review.agent.md',
      ),
      [],
    );
    assert.deepEqual(
      questionOf('---\nname: x\ndescription: y\n---\nExplain each step in detail.', '/w/skills/x/SKILL.md'),
      [],
    );
  });
  it('a "### Gemini" heading is a topic in instructions, a pasted turn only in a request (issue 12)', () => {
    const text = '### Gemini\n\nUse gemini-2.5-flash for summaries.\n';
    assert.ok(parsePrompt(text, { baseDir: '/w', file: '/w/AGENTS.md' }).parts.every((p) => p.kind !== 'history'));
    assert.ok(
      parsePrompt(text + '\n### User\n\nAnd now?\n', { baseDir: '/w', file: '/w/a.prompt.md' }).parts.some(
        (p) => p.kind === 'history',
      ),
    );
  });
  it('a question in the middle of a section is split out with the rest marked continued', () => {
    const text = '## Task\n\nWhy is the p95 latency up since Monday?\n\n#file:latency.csv\n\nThanks!';
    const p = parsePrompt(text, { baseDir: '/w', file: '/w/a.prompt.md' });
    const q = p.parts.find((x) => x.kind === 'question')!;
    assert.equal(text.slice(q.range.start, q.range.end), 'Why is the p95 latency up since Monday?');
    assert.ok(p.parts.some((x) => x.label === 'Section: Task (continued)'));
  });
});
