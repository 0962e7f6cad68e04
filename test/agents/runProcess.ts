/** Runs a client once with a time cap and collects its output; never leaves it running. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`${path.basename(command)} ${args.join(' ')} did not finish within ${options.timeoutMs / 1000} s`),
      );
    }, options.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Loads one of the plain-ESM stand-ins from this folder (the test code is compiled to CommonJS). */
export function importStandIn<T>(file: string): Promise<T> {
  const load = new Function('p', 'return import(p)') as (p: string) => Promise<T>;
  return load(path.join(__dirname, file));
}

export const BIN = (name: string) =>
  path.resolve(__dirname, '..', '..', 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/** What a client printed for `--version` (each client words it its own way: the caller picks the number out). */
export async function versionOutput(
  bin: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 30_000,
): Promise<string> {
  const { stdout } = await runProcess(bin, ['--version'], { cwd: process.cwd(), env, timeoutMs });
  return stdout.trim();
}

/**
 * Runs an agent's client once in `project` with a fresh `home` (so nothing of the machine's own
 * configuration leaks in) and the stand-in's settings in `env`, then closes the stand-in. Returns
 * the first request the stand-in received, or says plainly that none came and why the client exited.
 */
export async function firstRequestTo<R>(
  standIn: { close(): Promise<void> },
  requests: () => R[],
  client: {
    name: string;
    bin: string;
    args: string[];
    project: string;
    home: string;
    env: Record<string, string | undefined>;
  },
): Promise<{ first: R; stdout: string }> {
  try {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: client.home,
      USERPROFILE: client.home,
      ...client.env,
    };
    const result = await runProcess(client.bin, client.args, { cwd: client.project, env, timeoutMs: 120_000 });
    const [first] = requests();
    if (!first) {
      throw new Error(
        `${client.name} sent no request to the stand-in (exit ${result.code}): ${result.stderr.slice(-500)}`,
      );
    }
    return { first, stdout: result.stdout };
  } finally {
    await standIn.close();
  }
}
