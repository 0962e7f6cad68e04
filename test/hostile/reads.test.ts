/**
 * Hostile inputs, reads: every file MVP reads goes through one policy — regular files only (a FIFO
 * or device is refused, never waited on or read without end), a size cap per kind — and a refusal
 * is a clear message, never a hang, a crash or a changed file.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadConfigFor } from '../../src/core/config/loadConfig';
import { readRegularFileSync } from '../../src/core/files/readRegularFile';
import { fifo, fingerprint, HAS_FIFOS, removeScratch, runCli, scratch, sparseFile } from './hostileKit';

const posix = HAS_FIFOS ? it : it.skip;
const hasDevZero = process.platform === 'linux' || process.platform === 'darwin';
const withDevZero = hasDevZero ? it : it.skip;

describe('hostile inputs: reads', () => {
  afterEach(removeScratch);

  withDevZero(
    'High: "extends": ["/dev/zero"] is refused at once with a message naming the device (mvp lint)',
    async () => {
      const root = scratch({ '.mvp.jsonc': '{ "extends": ["/dev/zero"] }', 'a.prompt.md': 'Summarise the report.\n' });
      const before = fingerprint(root);
      const run = await runCli(['lint', 'a.prompt.md'], root);
      assert.equal(run.code, 2);
      assert.match(run.stdout, /\/dev\/zero: is a character device, not a regular file/);
      assert.equal(fingerprint(root), before);
    },
  );

  posix('an extends entry naming a FIFO is refused, not waited on', () => {
    const root = scratch({ '.mvp.jsonc': '{ "extends": ["./pack.json"] }' });
    fifo(path.join(root, 'pack.json'));
    const config = loadConfigFor(path.join(root, 'a.prompt.md'), { trusted: false });
    assert.equal(config.problems.length, 1);
    assert.match(config.problems[0].message, /pack\.json: is a named pipe \(FIFO\), not a regular file/);
  });

  posix('a FIFO named .mvp.jsonc is reported, not read and not silently skipped', () => {
    const root = scratch();
    fifo(path.join(root, '.mvp.jsonc'));
    const config = loadConfigFor(path.join(root, 'a.prompt.md'), { trusted: false });
    assert.match(config.problems[0]?.message ?? '', /\.mvp\.jsonc: is a named pipe/);
  });

  it('a config file over the 4 MB cap is refused with its size', () => {
    const root = scratch();
    sparseFile(path.join(root, '.mvp.jsonc'), 5 * 1024 * 1024);
    const config = loadConfigFor(path.join(root, 'a.prompt.md'), { trusted: false });
    assert.match(config.problems[0]?.message ?? '', /5\.0 MB is over the 4\.0 MB limit for a config file/);
  });

  posix('a prompt file that is a FIFO: mvp analyse exits 2 with a message instead of hanging', async () => {
    const root = scratch();
    fifo(path.join(root, 'p.md'));
    const run = await runCli(['analyse', 'p.md'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /p\.md: is a named pipe \(FIFO\), not a regular file/);
  });

  withDevZero('mvp lint /dev/zero says it is a device (it used to say "no such file")', async () => {
    const root = scratch();
    const run = await runCli(['lint', '/dev/zero'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\/dev\/zero: is a character device, not a regular file/);
    assert.doesNotMatch(run.stderr, /no such file/);
  });

  withDevZero('mvp tokens /dev/zero is refused at once', async () => {
    const run = await runCli(['tokens', '/dev/zero'], scratch());
    assert.equal(run.code, 2);
    assert.match(run.stderr, /character device/);
  });

  it('a 400 MB prompt (sparse) is refused by size before any byte is read', async () => {
    const root = scratch();
    sparseFile(path.join(root, 'huge.md'), 400 * 1024 * 1024);
    const run = await runCli(['analyse', 'huge.md'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /huge\.md: 400\.0 MB is over the 16\.0 MB limit for a prompt file/);
  });

  posix('an attachment that is a FIFO is one problem of the analysis, not a hang', async () => {
    const root = scratch({ 'p.md': 'Look at #file:data.csv please.\n' });
    fifo(path.join(root, 'data.csv'));
    const run = await runCli(['analyse', 'p.md', '--format', 'json'], root);
    assert.equal(run.code, 0);
    const json = JSON.parse(run.stdout) as { attachments: { problems: { message: string }[] }[] };
    assert.match(json.attachments[0].problems[0].message, /data\.csv: is a named pipe|not a regular file/);
  });

  posix('a transcript (--history) that is a FIFO is refused with a message', async () => {
    const root = scratch({ 'p.md': 'Go on.\n' });
    fifo(path.join(root, 't.jsonl'));
    const run = await runCli(['analyse', 'p.md', '--history', 't.jsonl'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /t\.jsonl: is a named pipe/);
  });

  posix('mvp session on a FIFO transcript is refused, not waited on', async () => {
    const root = scratch();
    fifo(path.join(root, 't.jsonl'));
    const run = await runCli(['session', 't.jsonl'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is a named pipe/);
  });

  it('a smaller cap given by the caller (the attachment limit) is honoured', () => {
    const root = scratch();
    const file = path.join(root, 'grows.md');
    writeFileSync(file, 'x'.repeat(2048));
    const read = readRegularFileSync(file, 'prompt', { maxBytes: 1024 });
    assert.equal(read.ok, false);
    assert.match(!read.ok ? read.message : '', /over the 1\.0 KB limit/);
  });
});
