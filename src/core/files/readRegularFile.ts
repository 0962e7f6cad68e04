/**
 * The one way MVP opens a file it reads (prompts, attachments, configs, packs, transcripts): the
 * path is opened read-only and non-blocking (so a FIFO with no writer cannot hang the open), the
 * opened descriptor is checked with fstat (so a file swapped for a device between a check and the
 * read is still caught), anything but a regular file is refused with a message naming what it is,
 * and at most the kind's byte cap is read — the read stops one byte past it, so a file that grows
 * (or a device that lies about its size) cannot exhaust memory.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { formatByteSize, KIND_NAMES, MAX_BYTES, tooLargeAdvice, type FileKind } from './fileLimits';

export type FileRefusalCode =
  'missing' | 'folder' | 'notRegular' | 'tooLarge' | 'permission' | 'symlinkLoop' | 'unreadable';

export interface FileRefusal {
  ok: false;
  code: FileRefusalCode;
  /** One line: which file, what is wrong, what to do. */
  message: string;
  /** Bytes on disk when known (for "too large"). */
  size?: number;
}

export interface FileBytes {
  ok: true;
  bytes: Buffer;
  size: number;
}

export interface ReadLimits {
  /** Overrides the kind's cap (e.g. the attachment limit setting). */
  maxBytes?: number;
  /** How the file is named in messages; default the path as given. */
  label?: string;
}

/** O_NONBLOCK does not exist on Windows (and FIFOs do not either); O_NOCTTY keeps a terminal from becoming ours. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export function readRegularFileSync(file: string, kind: FileKind, limits: ReadLimits = {}): FileBytes | FileRefusal {
  const label = limits.label ?? file;
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    return refusalForError(error, label, kind);
  }
  try {
    const stat = fstatSync(fd);
    const refused = refuseStat(stat, label, kind, limits);
    if (refused) return refused;
    const max = limits.maxBytes ?? MAX_BYTES[kind];
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(
        Math.min(Math.max(stat.size - total, 64 * 1024), max + 1 - total, 16 * 1024 * 1024),
      );
      if (chunk.length === 0) break;
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > max) return tooLarge(label, kind, total, max, true);
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total), size: total };
  } catch (error) {
    return refusalForError(error, label, kind);
  } finally {
    closeSync(fd);
  }
}

export async function readRegularFile(
  file: string,
  kind: FileKind,
  limits: ReadLimits = {},
): Promise<FileBytes | FileRefusal> {
  const opened = await openRegularFile(file, kind, limits);
  if (!opened.ok) return opened;
  const { handle, size } = opened;
  const label = limits.label ?? file;
  const max = limits.maxBytes ?? MAX_BYTES[kind];
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(size - total, 64 * 1024), max + 1 - total, 16 * 1024 * 1024));
      if (chunk.length === 0) break;
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) return tooLarge(label, kind, total, max, true);
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total), size: total };
  } catch (error) {
    return refusalForError(error, label, kind);
  } finally {
    await handle.close();
  }
}

/**
 * Opens a regular file for streaming (transcripts): the same checks, the handle is the caller's to
 * close. Reads through it are plain reads of a regular file: they cannot block on a writer.
 */
export async function openRegularFile(
  file: string,
  kind: FileKind,
  limits: ReadLimits = {},
): Promise<{ ok: true; handle: FileHandle; size: number } | FileRefusal> {
  const label = limits.label ?? file;
  let handle: FileHandle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    return refusalForError(error, label, kind);
  }
  try {
    const stat = await handle.stat();
    const refused = refuseStat(stat, label, kind, limits);
    if (refused) {
      await handle.close();
      return refused;
    }
    return { ok: true, handle, size: stat.size };
  } catch (error) {
    await handle.close();
    return refusalForError(error, label, kind);
  }
}

/** What a path is, in words, for "not a regular file" messages. */
export function describeFileType(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function refuseStat(stat: Stats, label: string, kind: FileKind, limits: ReadLimits): FileRefusal | undefined {
  if (stat.isDirectory()) {
    return {
      ok: false,
      code: 'folder',
      message: `${label}: is a folder, not a file — give the path of ${KIND_NAMES[kind]}.`,
    };
  }
  if (!stat.isFile()) {
    return {
      ok: false,
      code: 'notRegular',
      message: `${label}: is ${describeFileType(stat)}, not a regular file — MVP reads only regular files, so it was not read.`,
    };
  }
  const max = limits.maxBytes ?? MAX_BYTES[kind];
  if (stat.size > max) return tooLarge(label, kind, stat.size, max, false);
  return undefined;
}

function tooLarge(label: string, kind: FileKind, size: number, max: number, grew: boolean): FileRefusal {
  const what = grew ? `more than ${formatByteSize(max)} (it grew while being read)` : formatByteSize(size);
  return {
    ok: false,
    code: 'tooLarge',
    size,
    message: `${label}: ${what} is over the ${formatByteSize(max)} limit for ${KIND_NAMES[kind]}, so it was not read — ${tooLargeAdvice(kind)}.`,
  };
}

export function refusalForError(error: unknown, label: string, kind: FileKind): FileRefusal {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { ok: false, code: 'missing', message: `${label}: no such file — check the path.` };
    case 'EISDIR':
      return {
        ok: false,
        code: 'folder',
        message: `${label}: is a folder, not a file — give the path of ${KIND_NAMES[kind]}.`,
      };
    case 'EACCES':
    case 'EPERM':
      return {
        ok: false,
        code: 'permission',
        message: `${label}: permission denied — the file exists but cannot be read.`,
      };
    case 'ELOOP':
      return {
        ok: false,
        code: 'symlinkLoop',
        message: `${label}: a symbolic link loop (the link points back to itself) — fix or remove the link.`,
      };
    case 'ENXIO':
    case 'ENODEV':
      // Opening a socket, or a device with no driver behind it.
      return {
        ok: false,
        code: 'notRegular',
        message: `${label}: is a socket or device, not a regular file — MVP reads only regular files, so it was not read.`,
      };
    default:
      return {
        ok: false,
        code: 'unreadable',
        message: `${label}: cannot be read (${code ?? (error as Error).message}).`,
      };
  }
}
