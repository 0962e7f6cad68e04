import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importReferences, loadWithImports } from '../../../src/core/agentContext/memoryImports';

function tempDir(): string {
  return fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-imports-'));
}

describe('agent context: @imports of memory files', () => {
  it('finds @path references, not those in code spans or fenced blocks, nor e-mail addresses', () => {
    const text =
      'See @docs/a.md and @./b.md.\nMail me at me@example.com.\n`@not/this.md`\n```\n@nor/this.md\n```\n@~/notes.md\n';
    assert.deepEqual(importReferences(text), ['docs/a.md', './b.md', '~/notes.md']);
  });

  it('loads imports relative to the importing file, each once, in send order', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'CLAUDE.md'), 'Read @docs/a.md and @docs/a.md again\n');
    fs.writeFileSync(path.join(dir, 'docs', 'a.md'), 'A imports @b.md\n');
    fs.writeFileSync(path.join(dir, 'docs', 'b.md'), 'B\n');
    const loaded = loadWithImports(path.join(dir, 'CLAUDE.md'), new Set(), { home: dir });
    assert.deepEqual(
      loaded.map((f) => [path.relative(dir, f.path), f.depth]),
      [
        ['CLAUDE.md', 0],
        ['docs/a.md', 1],
        ['docs/b.md', 2],
      ],
    );
  });

  it('stops where Claude Code 2.1.328 stops (5 levels, the memory file included) and says which import was not loaded', () => {
    const dir = tempDir();
    for (let i = 0; i <= 6; i++)
      fs.writeFileSync(path.join(dir, `f${i}.md`), i < 6 ? `level ${i} @f${i + 1}.md\n` : 'too deep\n');
    const loaded = loadWithImports(path.join(dir, 'f0.md'), new Set(), { home: dir });
    assert.equal(loaded.length, 5, 'f0 and four imports');
    assert.match(loaded[4].problem ?? '', /@f5\.md is 5 imports deep; the agent stops at 4/);
  });

  it('reports an import cycle once and never loops', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), '@b.md\n');
    fs.writeFileSync(path.join(dir, 'b.md'), '@a.md\n');
    const loaded = loadWithImports(path.join(dir, 'a.md'), new Set(), { home: dir });
    assert.deepEqual(
      loaded.map((f) => path.basename(f.path)),
      ['a.md', 'b.md'],
    );
    assert.match(loaded[1].problem ?? '', /import cycle a\.md → b\.md → a\.md/);
  });

  it('turns an unreadable memory file into a problem on its item', () => {
    const dir = tempDir();
    fs.symlinkSync(path.join(dir, 'loop.md'), path.join(dir, 'loop.md'));
    fs.writeFileSync(path.join(dir, 'CLAUDE.md'), 'see @loop.md\n');
    const loaded = loadWithImports(path.join(dir, 'CLAUDE.md'), new Set(), { home: dir });
    assert.equal(loaded.length, 2);
    assert.match(loaded[1].problem ?? '', /cannot read .*loop\.md \(ELOOP\)/);
  });
});
