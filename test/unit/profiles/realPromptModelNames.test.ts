/**
 * Model names as real prompt files write them in their front matter (issue 12): each resolves to
 * its own generation, never an older one; a newer generation than any profile falls to the
 * labelled default with a notice. Rules' false positives on real files are in
 * test/unit/rules/builtin/<rule-id>.test.ts ("on real prompt files").
 */
import { strict as assert } from 'node:assert';
import { analysePrompt } from '../../../src/core/analyse';
import { emptyConfig } from '../../../src/core/config/loadConfig';
import { createProfileRegistry, loadBuiltinProfiles } from '../../../src/core/profiles';

describe('model names from real prompt files', () => {
  describe('never resolve to an older generation', () => {
    const registry = createProfileRegistry(loadBuiltinProfiles());
    for (const [name, family] of [
      ['GPT-5.4', 'gpt-5'],
      ['GPT-5.3-Codex', 'gpt-5'],
      ['gpt-4o-2024-08-06', 'gpt-4o'],
      ['claude-sonnet-4.5', 'claude-sonnet'],
    ] as const) {
      it(`${name} -> ${family}`, () => assert.equal(registry.resolve(name).profile.family, family));
    }
    it('a newer generation than any profile falls to the labelled default, with a notice', async () => {
      assert.equal(registry.resolve('gpt-6').resolvedBy, 'default');
      const a = await analysePrompt({
        text: '---\nmodel: gpt-6\n---\nHi',
        file: '/nonexistent-repo/a.prompt.md',
        config: emptyConfig(),
        trusted: false,
      });
      assert.ok(a.notices.some((n) => /Model "gpt-6" \(from the front matter\) matches no model profile/.test(n)));
    });
  });
});
