/**
 * Whether an attachment may be read, checked before any byte is: it exists, is a file, is not
 * a symlink loop, stays inside the workspace (after resolving symlinks), and is not too large.
 * Files are only ever opened read-only.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AttachmentProblem } from './attachment';
import { formatBytes } from './spreadsheetReader';
import { describeFileType } from '../files/readRegularFile';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export interface FileAccessPolicy {
  /** Workspace folder(s). When given, files outside them are not read unless allowed. */
  workspaceRoot?: string | string[];
  allowOutsideWorkspace?: boolean;
  /** Files larger than this are refused before reading (default 50 MB). */
  maxBytes?: number;
}

export type FileAccess =
  | { ok: true; realPath: string; size: number; outsideWorkspace: boolean }
  | { ok: false; problem: AttachmentProblem; size: number };

export async function checkFileAccess(filePath: string, label: string, policy: FileAccessPolicy): Promise<FileAccess> {
  let realPath: string;
  try {
    realPath = await fs.realpath(filePath);
  } catch (error) {
    return { ok: false, size: 0, problem: problemFor(error, filePath, label) };
  }
  const roots = policy.workspaceRoot === undefined ? [] : Array.isArray(policy.workspaceRoot) ? policy.workspaceRoot : [policy.workspaceRoot];
  let outsideWorkspace = false;
  if (roots.length) {
    const realRoots = await Promise.all(roots.map((r) => fs.realpath(r).catch(() => path.resolve(r))));
    outsideWorkspace = !realRoots.some((root) => isInside(realPath, root));
    if (outsideWorkspace && !policy.allowOutsideWorkspace) {
      return {
        ok: false,
        size: 0,
        problem: {
          code: 'outsideWorkspace',
          message: `${label}: ${realPath === path.resolve(filePath) ? 'the file' : `the file (a link to ${realPath})`} is outside the workspace, so it was not read — the editor reads attachments only inside the workspace; copy the file into it, or analyse this prompt with the mvp CLI.`,
        },
      };
    }
  }
  let stat;
  try {
    stat = await fs.stat(realPath);
  } catch (error) {
    return { ok: false, size: 0, problem: problemFor(error, filePath, label) };
  }
  if (stat.isDirectory()) {
    return { ok: false, size: 0, problem: { code: 'notText', message: `${label}: is a folder, not a file — attach the files you need from it.` } };
  }
  if (!stat.isFile()) {
    return { ok: false, size: 0, problem: { code: 'notText', message: `${label}: is ${describeFileType(stat)}, not a regular file — it was not read.` } };
  }
  const maxBytes = policy.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  if (stat.size > maxBytes) {
    return {
      ok: false,
      size: stat.size,
      problem: {
        code: 'tooLarge',
        message: `${label}: ${formatBytes(stat.size)} is over the ${formatBytes(maxBytes)} attachment limit, so it was not read — send an extract (one sheet, the relevant rows, the log tail) or raise the limit.`,
      },
    };
  }
  return { ok: true, realPath, size: stat.size, outsideWorkspace };
}

function isInside(child: string, root: string): boolean {
  const relative = path.relative(root, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function problemFor(error: unknown, filePath: string, label: string): AttachmentProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') {
    return { code: 'symlinkLoop', message: `${label}: a symbolic link loop (the link points back to itself) — the file cannot be opened; fix or remove the link.` };
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return { code: 'missing', message: `${label}: no such file (${filePath}) — check the path; it is resolved against the prompt's folder.` };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return { code: 'missing', message: `${label}: permission denied — the file exists but cannot be read.` };
  }
  return { code: 'missing', message: `${label}: cannot be opened (${code ?? String(error)}).` };
}
