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
