/**
 * Hostile inputs, the agent hook: it never blocks the agent (FIFO transcript, a device in the
 * config, a deadline, oversized stdin), looks for the team config only up to the repository root
 * or the home folder, and runs JavaScript rules only from a config the user trusted.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { configSearchStop } from '../../src/cli/hook/hookConfigTrust';
import { fifo, HAS_FIFOS, removeScratch, runCli, scratch } from './hostileKit';

const posix = HAS_FIFOS ? it : it.skip;
const withDevZero = process.platform === 'linux' || process.platform === 'darwin' ? it : it.skip;

function event(cwd: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    session_id: 's1',
    hook_event_name: 'UserPromptSubmit',
    cwd,
    prompt: 'Add a test for the parser, please.',
    ...extra,
  });
}

async function hook(cwd: string, stdin: string, args: string[] = []) {
  return runCli(['hook', ...args], cwd, stdin);
}

/** Runs with XDG_CONFIG_HOME pointing at `configHome` (where the trust list lives). */
async function withConfigHome<T>(configHome: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.XDG_CONFIG_HOME;
  process.env.XDG_CONFIG_HOME = configHome;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = before;
  }
}

describe('hostile inputs: mvp hook', () => {
  afterEach(removeScratch);

  posix('a transcript path naming a FIFO: a note on stderr, coaching without the session, exit 0', async () => {
    const root = scratch({ 'repo/.git/HEAD': '' });
    const transcript = fifo(path.join(root, 't.jsonl'));
    const run = await hook(root, event(path.join(root, 'repo'), { transcript_path: transcript }));
    assert.equal(run.code, 0);
    assert.match(run.stderr, /t\.jsonl: is a named pipe \(FIFO\), not a regular file .* The session is not counted/);
    assert.match(run.stdout, /MVP: this request sends/);
  });

  withDevZero('"extends": ["/dev/zero"] in the team config: reported on stderr, the prompt goes through', async () => {
    const root = scratch({ 'repo/.git/HEAD': '', 'repo/.mvp.jsonc': '{ "extends": ["/dev/zero"] }' });
    const run = await hook(root, event(path.join(root, 'repo')));
    assert.equal(run.code, 0);
    assert.match(run.stderr, /\/dev\/zero: is a character device/);
    assert.match(run.stdout, /MVP: this request sends/);
  });

  it('the config search stops at the repository root: a config in a parent folder is not used', async () => {
    const root = scratch({
      '.mvp.jsonc': '{ "budgets": { "tokens": 1 }, "hook": { "block": true } }',
      'repo/.git/HEAD': '',
      'repo/src/x.ts': '',
    });
    const run = await hook(root, event(path.join(root, 'repo', 'src')));
    assert.equal(run.code, 0);
    assert.doesNotMatch(run.stdout, /blocked/i, "the parent folder's budget did not apply");
    assert.match(run.stdout, /MVP: this request sends/);
  });

  it('outside a repository the search stops at the home folder (never a shared parent such as /tmp)', () => {
    const root = scratch();
    const home = path.join(root, 'home');
    assert.equal(configSearchStop(path.join(home, 'proj', 'sub'), home), home);
    // Neither in a repository nor under home: only the folder itself.
    assert.equal(configSearchStop(path.join(root, 'elsewhere'), home), path.join(root, 'elsewhere'));
  });

  it('JavaScript rules run only from a config the user listed as trusted', async () => {
    const root = scratch({ 'repo/.git/HEAD': '', 'repo/.mvp.jsonc': '{ "jsRules": ["./rule.js"] }' });
    const marker = path.join(root, 'ran');
    writeFileSync(
      path.join(root, 'repo', 'rule.js'),
      `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');\nmodule.exports = { id: 'team/js', description: 'd', check: () => [] };\n`,
    );
    const configHome = path.join(root, 'config');
    const untrusted = await withConfigHome(configHome, () => hook(root, event(path.join(root, 'repo'))));
    assert.equal(untrusted.code, 0);
    assert.equal(existsSync(marker), false, 'the module was not loaded');
    assert.match(
      untrusted.stderr,
      /JavaScript rules of .*\.mvp\.jsonc were not run: it is not in your trust list\. To run them, add its path as a line of .*mvp[\\/]trusted-configs/,
    );

    mkdirSync(path.join(configHome, 'mvp'), { recursive: true });
    writeFileSync(
      path.join(configHome, 'mvp', 'trusted-configs'),
      `# trusted team configs\n${path.join(root, 'repo', '.mvp.jsonc')}\n`,
    );
    const trusted = await withConfigHome(configHome, () => hook(root, event(path.join(root, 'repo'))));
    assert.equal(trusted.code, 0);
    assert.equal(existsSync(marker), true, "the trusted config's module ran");
  });

  it('an overall deadline: past it the hook says what it was doing, prints nothing for the agent, exits 0', async () => {
    // A 2,000-message transcript takes well over a millisecond to read and parse.
    const line = (i: number) =>
      JSON.stringify({
        type: 'user',
        uuid: `u${i}`,
        sessionId: 's1',
        message: { role: 'user', content: `Message ${i}: ${'lorem ipsum '.repeat(40)}` },
      });
    const root = scratch({
      'repo/.git/HEAD': '',
      't.jsonl': Array.from({ length: 2000 }, (_, i) => line(i)).join('\n') + '\n',
    });
    const run = await hook(root, event(path.join(root, 'repo'), { transcript_path: path.join(root, 't.jsonl') }), [
      '--deadline',
      '0.001',
    ]);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /stopped after the 0\.001 s deadline while .*; no coaching for this prompt/);
  });

  it('a large attached file (20 MB of one letter: seconds of tokenizing) is cut at a short deadline in a real process', function () {
    this.timeout(90_000);
    const root = scratch({ 'repo/.git/HEAD': '' });
    writeFileSync(path.join(root, 'repo', 'big.txt'), 'a'.repeat(20_000_000));
    const main = path.resolve(__dirname, '../../src/cli/main.ts');
    const run = spawnSync(
      process.execPath,
      ['-r', require.resolve('esbuild-register'), main, 'hook', '--deadline', '0.5'],
      {
        cwd: root,
        input: event(path.join(root, 'repo'), { prompt: 'Summarise @big.txt please.' }),
        encoding: 'utf8',
        timeout: 80_000,
      },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(
      run.stderr,
      /stopped after the 0\.5 s deadline while (starting the analysis|analysing the prompt, its files and the session)/,
    );
  });

  it('more than 4 MB on stdin is refused without reading it all, exit 0 (a real process) @slow', function () {
    this.timeout(60_000);
    const root = scratch();
    const main = path.resolve(__dirname, '../../src/cli/main.ts');
    const run = spawnSync(process.execPath, ['-r', require.resolve('esbuild-register'), main, 'hook'], {
      cwd: root,
      input: Buffer.alloc(5 * 1024 * 1024, 0x61),
      encoding: 'utf8',
      timeout: 50_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /more than 4 MB on standard input; not read/);
  });
});
