/**
 * Hostile inputs, writes: MVP only creates files or replaces regular files it was allowed to
 * overwrite — never a FIFO, device or folder, never an input of the same run — a missing folder is
 * a message (not exit 70), and no temporary file is left behind on any path.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, linkSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeRegularFile } from '../../src/core/files/writeRegularFile';
import { fifo, fingerprint, HAS_FIFOS, removeScratch, runCli, scratch } from './hostileKit';

const posix = HAS_FIFOS ? it : it.skip;
const WORKBOOK = path.resolve(__dirname, '../fixtures/attachments/sales.xlsx');
const TRANSCRIPT = path.resolve(__dirname, '../fixtures/history/claude-code-small.jsonl');

function withWorkbook(): string {
  const root = scratch();
  copyFileSync(WORKBOOK, path.join(root, 'sales.xlsx'));
  return root;
}

function noTempFiles(root: string): void {
  assert.doesNotMatch(fingerprint(root), /\.tmp\b/, 'no temporary file left behind');
}

describe('hostile inputs: writes', () => {
  afterEach(removeScratch);

  posix('mvp convert --out FIFO --force: refused, the FIFO stays a FIFO @slow', async () => {
    const root = withWorkbook();
    fifo(path.join(root, 'out.csv'));
    const before = fingerprint(root);
    const run = await runCli(['convert', 'sales.xlsx', '--sheet', '2', '--out', 'out.csv', '--force'], root);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /out\.csv: is a named pipe \(FIFO\) — MVP only ever replaces regular files, so nothing was written/,
    );
    assert.ok(lstatSync(path.join(root, 'out.csv')).isFIFO());
    assert.equal(fingerprint(root), before);
  });

  it('mvp convert --out FOLDER --force: refused with a message (was exit 70 and a *.tmp left behind) @slow', async () => {
    const root = withWorkbook();
    mkdirSync(path.join(root, 'out'));
    const before = fingerprint(root);
    const run = await runCli(['convert', 'sales.xlsx', '--sheet', '2', '--out', 'out', '--force'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /out: is a folder — MVP only ever replaces regular files/);
    assert.equal(fingerprint(root), before);
  });

  it('mvp convert --out into a missing folder: a clear message, exit 2, nothing written @slow', async () => {
    const root = withWorkbook();
    const before = fingerprint(root);
    const run = await runCli(
      ['convert', 'sales.xlsx', '--sheet', '2', '--out', 'no/such/dir/out.csv', '--force'],
      root,
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the folder .*no[\\/]such[\\/]dir does not exist — create it first/);
    assert.equal(fingerprint(root), before);
  });

  it('mvp convert --out a hard link to the workbook --force: refused, the workbook intact @slow', async () => {
    const root = withWorkbook();
    linkSync(path.join(root, 'sales.xlsx'), path.join(root, 'alias.csv'));
    const before = fingerprint(root);
    const run = await runCli(['convert', 'sales.xlsx', '--sheet', '2', '--out', 'alias.csv', '--force'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /output path is the workbook itself/);
    assert.equal(fingerprint(root), before);
  });

  it('mvp session t.jsonl --seed-summary t.jsonl --force: refused, the transcript unchanged', async () => {
    const root = scratch();
    copyFileSync(TRANSCRIPT, path.join(root, 't.jsonl'));
    const before = fingerprint(root);
    const run = await runCli(['session', 't.jsonl', '--seed-summary', 't.jsonl', '--force'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /t\.jsonl: is an input of this run — writing there would destroy it/);
    assert.equal(fingerprint(root), before);
  });

  posix('mvp session --seed-summary FIFO --force: refused, not opened for writing (which would block)', async () => {
    const root = scratch();
    copyFileSync(TRANSCRIPT, path.join(root, 't.jsonl'));
    fifo(path.join(root, 'seed.md'));
    const before = fingerprint(root);
    const run = await runCli(['session', 't.jsonl', '--seed-summary', 'seed.md', '--force'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /seed\.md: is a named pipe/);
    assert.equal(fingerprint(root), before);
  });

  it('mvp session --seed-summary into a missing folder: a clear message, exit 2', async () => {
    const root = scratch();
    copyFileSync(TRANSCRIPT, path.join(root, 't.jsonl'));
    const run = await runCli(['session', 't.jsonl', '--seed-summary', 'gone/seed.md'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the folder .*gone does not exist/);
    noTempFiles(root);
  });

  it('a failed replace leaves the old file and no temporary file (read-only folder)', async function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root ignores permissions
    const root = scratch();
    const dir = path.join(root, 'ro');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'x.csv'), 'keep');
    const { chmodSync } = await import('node:fs');
    chmodSync(dir, 0o555);
    try {
      const result = await writeRegularFile(path.join(dir, 'x.csv'), 'new', { overwrite: true });
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.message : '', /cannot write \(permission denied\); nothing was changed/);
      assert.equal(readFileSync(path.join(dir, 'x.csv'), 'utf8'), 'keep');
    } finally {
      chmodSync(dir, 0o755);
    }
    noTempFiles(root);
  });

  it('a replace through a symbolic link replaces the file it points to; the link stays a link', async () => {
    const root = scratch({ 'real.csv': 'old' });
    const { symlinkSync } = await import('node:fs');
    symlinkSync(path.join(root, 'real.csv'), path.join(root, 'link.csv'));
    const result = await writeRegularFile(path.join(root, 'link.csv'), 'new', { overwrite: true });
    assert.equal(result.ok, true);
    assert.ok(lstatSync(path.join(root, 'link.csv')).isSymbolicLink());
    assert.equal(readFileSync(path.join(root, 'real.csv'), 'utf8'), 'new');
    noTempFiles(root);
  });
});
