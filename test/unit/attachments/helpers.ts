/** Shared test plumbing: fixture paths, scratch folders, a reference builder, file fingerprints. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AttachmentReference } from '../../../src/core/prompt/parsedPrompt';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/attachments');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export function ref(filePath: string, sheet?: string): AttachmentReference {
  return { syntax: 'cli', rawPath: path.basename(filePath), path: filePath, sheet };
}

export function scratchDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mvp-attachments-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Content hash + mtime: proves a reader left the file untouched. */
export function fingerprint(filePath: string): string {
  const stat = statSync(filePath);
  // Huge generated files are sparse zeros: size + mtime is proof enough, and hashing is slow.
  const content = stat.size > 16 * 1024 * 1024 ? `${stat.size} bytes` : createHash('sha256').update(readFileSync(filePath)).digest('hex');
  return `${content}@${stat.mtimeMs}`;
}
