import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { geminiFolderListing } from '../../../src/core/agentContext/geminiFolderListing';

describe("agent context: Gemini CLI's folder listing", () => {
  it('lists files before folders, breadth first, with ignored folders shown but not entered', () => {
    const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-gemini-listing-'));
    for (const file of ['b.md', 'a.md', 'src/x.ts', 'src/deep/y.ts', 'node_modules/pkg/index.js']) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), '');
    }
    assert.equal(
      geminiFolderListing(root),
      [
        'Showing up to 200 items (files + folders). Folders or files indicated with ... contain more items not shown, were ignored, or the display limit (200 items) was reached.',
        '',
        `${root}/`,
        '├───a.md',
        '├───b.md',
        '├───node_modules/...',
        '└───src/',
        '    ├───x.ts',
        '    └───deep/',
        '        └───y.ts',
      ].join('\n'),
    );
  });

  it('stops at the item limit and marks where more was left out', () => {
    const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-gemini-listing-'));
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(root, `f${i}.txt`), '');
    const listing = geminiFolderListing(root, 3);
    // As the client writes it: the last file listed keeps the closing connector even when "..." follows.
    assert.deepEqual(listing.split('\n').slice(3), ['├───f0.txt', '├───f1.txt', '└───f2.txt', '└───...']);
  });
});
