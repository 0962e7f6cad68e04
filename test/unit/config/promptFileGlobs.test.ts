import { strict as assert } from 'node:assert';
import { globToRegExp, matchesPromptGlobs } from '../../../src/core/config/promptFileGlobs';

describe('prompt file globs', () => {
  it('the defaults match prompt and instruction files anywhere, and nothing else', () => {
    const yes = ['a.prompt.md', 'x/y/a.prompt.md', 'b.instructions.md', 'c.agent.md', 'd.chatmode.md', 'AGENTS.md', 'pkg/AGENTS.md', 'CLAUDE.md', '.github/copilot-instructions.md', 'prompts/a.txt', 'docs/prompts/sub/b.md'];
    const no = ['README.md', 'prompts/a.js', 'AGENTS.md.bak', 'copilot-instructions.md', 'a.prompt.mdx'];
    for (const p of yes) assert.ok(matchesPromptGlobs(p), p);
    for (const p of no) assert.ok(!matchesPromptGlobs(p), p);
  });
  it('supports ** * ? and {a,b}, and Windows separators', () => {
    assert.ok(globToRegExp('src/**/*.{md,txt}').test('src/a/b/c.txt'));
    assert.ok(globToRegExp('src/**/*.{md,txt}').test('src/c.md'));
    assert.ok(!globToRegExp('src/*.md').test('src/a/c.md'));
    assert.ok(globToRegExp('p?.md').test('p1.md'));
    assert.ok(matchesPromptGlobs('team\\review.prompt.md', ['team/*.prompt.md']));
    assert.ok(matchesPromptGlobs('notes.md', ['./notes.md']));
  });
});
