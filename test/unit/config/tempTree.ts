/** Writes a small folder tree under the OS temp folder for config tests; removed after each test. */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

export function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mvp-config-'));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

/** Installs a folder as node_modules/<name> of `root`, as npm would. */
export function installPackage(root: string, name: string, from: string): void {
  cpSync(from, path.join(root, 'node_modules', name), { recursive: true });
}

export function removeTempTrees(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}
