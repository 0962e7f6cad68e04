import { strict as assert } from 'node:assert';
import { analysedFindings, buildContext, findingsOf, partOf, rulesOn, testProfile } from '../ruleContextBuilder';

describe('oversized-model', () => {
  const small = testProfile({
    id: 'tiny',
    name: 'Tiny',
    parameters: { total: { min: 8, max: 8 }, active: { min: 8, max: 8 } },
  });
  it('is off by default', () => {
    assert.equal(
      findingsOf('oversized-model', buildContext({ text: 'Translate "hello" to French.', profiles: [small] })).length,
      0,
    );
  });
  it('when enabled, states the trade-off for a simple task on a large model', () => {
    const [f] = findingsOf(
      'oversized-model',
      buildContext({ text: 'Translate "hello" to French.', profiles: [small] }),
      { 'oversized-model': { severity: 'info', options: {} } },
    );
    assert.match(f.message, /Tiny has ~8B, ≈25\.0× fewer/);
    assert.match(f.message, /Trade-off/);
  });
  it('stays quiet for a task with code or attachments', () => {
    const text = 'Fix:\n```ts\nlet a = 1\n```';
    assert.equal(
      findingsOf(
        'oversized-model',
        buildContext({ text, parts: [partOf(text, '```ts\nlet a = 1\n```', 'codeBlock')], profiles: [small] }),
        { 'oversized-model': { severity: 'info', options: {} } },
      ).length,
      0,
    );
  });

  describe('on real prompt files (issue 12)', () => {
    it('not on standing instructions, agent runs or code tasks (github/awesome-copilot prompts/dataverse-python-quickstart.prompt.md)', async () => {
      const cfg = rulesOn('oversized-model');
      assert.equal(
        (
          await analysedFindings(
            'Always answer in British English.',
            '/nonexistent-repo/AGENTS.md',
            'oversized-model',
            cfg,
          )
        ).length,
        0,
      );
      assert.equal(
        (
          await analysedFindings(
            '---\nmode: agent\n---\nList my open issues.',
            '/nonexistent-repo/my-issues.prompt.md',
            'oversized-model',
            cfg,
          )
        ).length,
        0,
      );
      assert.equal(
        (
          await analysedFindings(
            'Generate concise Python snippets that create a DataverseClient.',
            '/nonexistent-repo/q.prompt.md',
            'oversized-model',
            cfg,
          )
        ).length,
        0,
      );
      assert.equal(
        (
          await analysedFindings(
            'What is the capital of Australia?',
            '/nonexistent-repo/q.prompt.md',
            'oversized-model',
            cfg,
          )
        ).length,
        1,
      );
    });
  });
});
