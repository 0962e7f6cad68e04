/**
 * References are recognised only where the syntax means "attach". Each false-positive class below
 * is a real excerpt from the public corpus in test/fixtures/real-world/ (source repository, commit
 * and licence in its manifest.json), quoted as written.
 */
import { strict as assert } from 'node:assert';
import { parsePrompt } from '../../../src/core/prompt/parsePrompt';

const refs = (text: string, file = '/repo/.github/instructions/x.instructions.md', workspaceRoot = '/repo') =>
  parsePrompt(text, { baseDir: file.slice(0, file.lastIndexOf('/')), file, workspaceRoot }).references.map((r) => ({
    syntax: r.syntax,
    rawPath: r.rawPath,
    path: r.path,
    sheet: r.sheet,
  }));

describe('findReferences on real prompt files', () => {
  it('ignores npm scoped packages (github/awesome-copilot instructions/tailwind-v4-vite.instructions.md)', () => {
    assert.deepEqual(refs('- **New @tailwindcss/vite plugin** replaces the PostCSS-based approach'), []);
    // Even in a Claude file, where @path imports exist, a scope without a file name is a package.
    assert.deepEqual(
      refs('Deep knowledge of the @modelcontextprotocol/sdk package, Node.js, TypeScript', '/repo/CLAUDE.md'),
      [],
    );
    assert.deepEqual(refs('- [ ] @testing-library/react@16+ installed', '/repo/CLAUDE.md'), []);
  });

  it('ignores decorators (github/awesome-copilot skills/python-pypi-package-builder/SKILL.md)', () => {
    assert.deepEqual(
      refs('asyncio_mode=auto (remove @pytest.mark.asyncio), migration guide.', '/repo/.claude/skills/p/SKILL.md'),
      [],
    );
  });

  it('ignores Markdown syntax shown in inline code (github/awesome-copilot instructions/markdown.instructions.md)', () => {
    assert.deepEqual(
      refs('- **Links**: Inline `[text](url "title")` or reference `[text][label]` / `[text][]` / `[text]`.'),
      [],
    );
    assert.deepEqual(refs('- **Images**: `![alt](src "title")` — same syntax as links prefixed with `!`.'), []);
    assert.deepEqual(refs('ty alt text (e.g., `![](path/to/image.png)`) unless they are explicitly decorative.'), []);
  });

  it('ignores template holes and placeholders (github/awesome-copilot prompts/convert-plaintext-to-md.prompt.md, agents/azure-verified-modules-owner-triage.agent.md)', () => {
    assert.deepEqual(
      refs(
        '- **#file:{{file}}** (required) - The plain or generic text documentation file to convert to markdown.',
        '/repo/prompts/c.prompt.md',
      ),
      [],
    );
    assert.deepEqual(refs('> *- `Azure/<repo>` [#<n>](<url>) - <one-line scope>*'), []);
    assert.deepEqual(refs('Each link must follow: [descriptive-name](relative-url): optional description'), []);
  });

  it('ignores folder links, and resolves root-relative links against the repository, not the disk (github/awesome-copilot agents/specification.agent.md)', () => {
    assert.deepEqual(refs('The specification should be saved in the [/spec/](/spec/) directory'), []);
    assert.deepEqual(refs('See [the spec](/spec/spec-tool.md).'), [
      { syntax: 'markdownLink', rawPath: '/spec/spec-tool.md', path: '/repo/spec/spec-tool.md', sheet: undefined },
    ]);
  });

  it('reads a #anchor on a Markdown file as an anchor, not a spreadsheet sheet (github/awesome-copilot AGENTS.md)', () => {
    assert.deepEqual(refs('See [CONTRIBUTING.md](../../CONTRIBUTING.md#adding-instructions) first.'), [
      { syntax: 'markdownLink', rawPath: '../../CONTRIBUTING.md', path: '/repo/CONTRIBUTING.md', sheet: undefined },
    ]);
    assert.equal(refs('Compare #file:book.xlsx#Q3.', '/repo/a.prompt.md')[0].sheet, 'Q3');
  });

  it('ignores URLs and e-mail addresses', () => {
    assert.deepEqual(
      refs(
        'Source repository: [Hakku/finnish-humanizer](https://github.com/Hakku/finnish-humanizer), mail me@example.com',
        '/repo/CLAUDE.md',
      ),
      [],
    );
  });

  it('@path attaches only in Claude files and chat prompts; in Copilot files @name is a participant or a package', () => {
    assert.deepEqual(refs('Follow @docs/style.md when writing.', '/repo/.github/prompts/a.prompt.md'), []);
    assert.equal(refs('Follow @docs/style.md when writing.', '/repo/CLAUDE.md')[0].path, '/repo/docs/style.md');
    assert.equal(refs('Follow @docs/style.md when writing.', '/repo/.claude/commands/fix.md')[0].syntax, 'atMention');
  });

  it('#file: keeps the workspace root as the second place the agent looks', () => {
    const [ref] = parsePrompt('Use #file:src/app.ts', {
      baseDir: '/repo/.github/prompts',
      file: '/repo/.github/prompts/a.prompt.md',
      workspaceRoot: '/repo',
    }).references;
    assert.equal(ref.path, '/repo/.github/prompts/src/app.ts');
    assert.equal(ref.alsoTried, '/repo/src/app.ts');
  });

  it('still finds real attachments (github/awesome-copilot skills/copilot-pr-autopilot/SKILL.md)', () => {
    const found = refs(
      'Convergence is computed by [scripts/02-check-review-status.ps1](scripts/02-check-review-status.ps1) as a single boolean.',
      '/repo/skills/copilot-pr-autopilot/SKILL.md',
    );
    assert.deepEqual(found, [
      {
        syntax: 'markdownLink',
        rawPath: 'scripts/02-check-review-status.ps1',
        path: '/repo/skills/copilot-pr-autopilot/scripts/02-check-review-status.ps1',
        sheet: undefined,
      },
    ]);
  });

  it("a skill's links are opened on demand, not sent with it", () => {
    const parsed = parsePrompt('---\nname: s\ndescription: d\n---\nSee [guide](references/guide.md).', {
      baseDir: '/repo/skills/s',
      file: '/repo/skills/s/SKILL.md',
    });
    assert.equal(parsed.references[0].onDemand, true);
    assert.equal(
      parsePrompt('See [guide](references/guide.md).', { baseDir: '/repo', file: '/repo/AGENTS.md' }).references[0]
        .onDemand,
      undefined,
    );
  });
});
