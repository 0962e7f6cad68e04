/**
 * Helpers for the hostile-input audit: a scratch folder per test, FIFOs (made with mkfifo), the
 * CLI run in-process, and a fingerprint of a folder so a test can assert that nothing changed.
 * Inputs are generated here, small or sparse, never committed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  ftruncateSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export { runCli, type CliRun } from '../unit/cli/cliHarness';

const made: string[] = [];

export function scratch(files: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'mvp-hostile-'));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

export function removeScratch(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** FIFOs exist on POSIX systems only; tests that need one are skipped elsewhere. */
export const HAS_FIFOS = process.platform !== 'win32';

/** A named pipe with no writer: reading it blocks forever unless it is opened non-blocking. */
export function fifo(file: string): string {
  execFileSync('mkfifo', [file]);
  return file;
}

/** A sparse file of `bytes` bytes (no disk space, no memory), for size caps. */
export function sparseFile(file: string, bytes: number): string {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return file;
}

/** Name, type and content hash of everything under `root` (FIFOs and devices by type only). */
export function fingerprint(root: string): string {
  const lines: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = lstatSync(full);
      const rel = path.relative(root, full);
      if (stat.isDirectory()) {
        lines.push(`${rel}/`);
        walk(full);
      } else if (stat.isFile()) {
        lines.push(`${rel} ${stat.size} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
      } else {
        lines.push(`${rel} ${stat.isFIFO() ? 'fifo' : stat.isSymbolicLink() ? 'link' : 'special'}`);
      }
    }
  };
  walk(root);
  return lines.join('\n');
}
