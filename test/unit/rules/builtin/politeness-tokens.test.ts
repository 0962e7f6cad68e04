import { strict as assert } from 'node:assert';
import { analysedFindings, buildContext, findingsOf, rulesOn, testTokens } from '../ruleContextBuilder';

describe('politeness-tokens', () => {
  it('measures politeness and calls it negligible', () => {
    const text = 'Please summarise the report. Thank you so much!';
    const ctx = buildContext({ text, totalInputTokens: 20000 });
    assert.equal(findingsOf('politeness-tokens', ctx).length, 0, 'off by default');
    const [f] = findingsOf('politeness-tokens', ctx, { 'politeness-tokens': { severity: 'info', options: {} } });
    assert.equal(f.severity, 'info');
    assert.equal(f.fix, undefined);
    const expected = testTokens(text) - testTokens('summarise the report. ');
    assert.equal(f.saving?.tokens, expected);
    assert.match(f.message, new RegExp(`2 phrases\\) costs ${expected} tokens.*negligible`));
  });
  it('is quiet without politeness', () => {
    assert.equal(findingsOf('politeness-tokens', buildContext({ text: 'Summarise the report.' })).length, 0);
  });

  describe('on real prompt files (issue 12)', () => {
    it('off by default', async () => {
      assert.equal(
        (await analysedFindings('Please fix the failing test.', '/nonexistent-repo/a.prompt.md', 'politeness-tokens'))
          .length,
        0,
      );
    });
    it('not "thanks to", string literals in code, quoted replies (expert-react-frontend-engineer.agent.md, ruby-mcp-server.instructions.md, exam-ready/SKILL.md)', async () => {
      const text = [
        '- Include all necessary imports (no React import needed thanks to new JSX transform)',
        '```ruby\ncontent: MCP::Content::Text.new("Please review this #{language} code")\n```',
        '- If no study material is provided: say "Please share your notes or PDF first."',
        '> Please keep going, thanks!',
      ].join('\n\n');
      assert.equal(
        (await analysedFindings(text, '/nonexistent-repo/AGENTS.md', 'politeness-tokens', rulesOn('politeness-tokens')))
          .length,
        0,
      );
    });
    it('measures the real difference, and says nothing when it is 0 tokens', async () => {
      const [f] = await analysedFindings(
        'Please keep going with the refactor of the billing module.',
        '/nonexistent-repo/a.prompt.md',
        'politeness-tokens',
        rulesOn('politeness-tokens'),
      );
      assert.match(f.message, /costs 1 token/);
    });
  });
});
