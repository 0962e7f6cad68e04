import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../../src/core/rules/measureSaving';
import { analysedFindings, buildContext, findingsOf, partOf } from '../ruleContextBuilder';

describe('unbounded-output', () => {
  it('asks for a length on an open-ended request', () => {
    const text = 'Explain how our caching layer works.';
    const [f] = findingsOf('unbounded-output', buildContext({ text }));
    assert.equal(f.severity, 'info');
    assert.equal(applyEdits(text, f.fix!.edits!), 'Explain how our caching layer works. Answer in at most 150 words.');
  });
  it('is quiet with length guidance or a closed question', () => {
    assert.equal(
      findingsOf('unbounded-output', buildContext({ text: 'Explain the cache in three bullets.' })).length,
      0,
    );
    assert.equal(findingsOf('unbounded-output', buildContext({ text: 'Briefly describe the cache.' })).length, 0);
    assert.equal(findingsOf('unbounded-output', buildContext({ text: 'What port does the cache use?' })).length, 0);
    assert.equal(
      findingsOf(
        'unbounded-output',
        buildContext({ text: 'Keep latency low.\n\nExplain the cache. At most 100 words.' }),
      ).length,
      0,
    );
  });
  it('ignores length-like words inside pasted data', () => {
    const text = 'Log:\n```\nprinted 120 lines in under 2 ms\n```\n\nExplain the failure.';
    const ctx = buildContext({ text, parts: [partOf(text, '```\nprinted 120 lines in under 2 ms\n```', 'pastedLog')] });
    assert.equal(findingsOf('unbounded-output', ctx).length, 1);
  });

  describe('on real prompt files (issue 12)', () => {
    it('never on standing instructions (github/awesome-copilot agents/electron-angular-native.agent.md)', async () => {
      const text =
        '## Review Output Format\n\nWrite a detailed review: explain every issue you find and describe the fix.\n';
      assert.equal(
        (await analysedFindings(text, '/nonexistent-repo/.github/agents/review.agent.md', 'unbounded-output')).length,
        0,
      );
      assert.equal((await analysedFindings(text, '/nonexistent-repo/AGENTS.md', 'unbounded-output')).length, 0);
      assert.equal(
        (await analysedFindings(text, '/nonexistent-repo/skills/review/SKILL.md', 'unbounded-output')).length,
        0,
      );
    });
    it('never on a task whose output is an artefact (github/awesome-copilot prompts/csharp-mcp-server-generator.prompt.md)', async () => {
      const text =
        '- Include troubleshooting tips\n\nGenerate a complete, production-ready MCP server with comprehensive documentation and error handling.\n';
      assert.equal(
        (await analysedFindings(text, '/nonexistent-repo/.github/prompts/gen.prompt.md', 'unbounded-output')).length,
        0,
      );
    });
    it('still on a chat question that asks for prose', async () => {
      assert.equal(
        (
          await analysedFindings(
            'Explain how the cache invalidation works.\n\nThanks!',
            '/nonexistent-repo/ask.prompt.md',
            'unbounded-output',
          )
        ).length,
        1,
      );
    });
  });
});
