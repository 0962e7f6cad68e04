/** Shared test plumbing: fixture paths, scratch folders, a reference builder, file fingerprints, the one-problem check. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AttachmentAnalysis, AttachmentProblem } from '../../../src/core/attachments/attachment';
import { readAttachment, type AttachmentReadOptions } from '../../../src/core/attachments/readAttachment';
import type { AttachmentReference } from '../../../src/core/prompt/parsedPrompt';
import { countTokens } from './countTokens';

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

/** Reads a file and checks the one problem it must give (one of `code`), that it names the file, and that the file is untouched. */
export async function expectOneProblem(
  filePath: string,
  code: AttachmentProblem['code'] | AttachmentProblem['code'][],
  extra: Partial<AttachmentReadOptions> = {},
): Promise<AttachmentAnalysis> {
  const before = fingerprint(filePath);
  const a = await readAttachment(ref(filePath), { countTokens, ...extra });
  const codes = Array.isArray(code) ? code : [code];
  assert.equal(a.problems.length, 1, `${path.basename(filePath)}: ${JSON.stringify(a.problems)}`);
  assert.ok(codes.includes(a.problems[0].code), `${path.basename(filePath)}: got ${a.problems[0].code}: ${a.problems[0].message}`);
  assert.ok(a.problems[0].message.startsWith(path.basename(filePath) + ':'), 'the message names the file');
  assert.equal(fingerprint(filePath), before, 'the original file is never modified');
  return a;
}
