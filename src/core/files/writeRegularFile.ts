/**
 * The one way MVP writes a file the user named (CSV conversions, seed summaries): it only ever
 * creates a new file or replaces a regular file it was allowed to overwrite — never a device, a
 * FIFO, a socket or a folder, never a file that is an input of the same run (compared by device
 * and inode, so links and other spellings of the path are caught) — and it writes to a temporary
 * file beside the target first, renamed into place, which is removed on every failure path.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { describeFileType } from './readRegularFile';

export interface SafeWriteOptions {
  /** Replace an existing regular file (the CLI's --force). Without it an existing target is refused. */
  overwrite: boolean;
  /** Files this run reads: the target may not be any of them. */
  inputs?: string[];
  /** How to tell the user to allow overwriting (default "pass --force"). */
  overwriteHint?: string;
}

export type SafeWriteResult =
  | { ok: true; path: string }
  | { ok: false; code: 'exists' | 'notRegular' | 'isInput' | 'noFolder' | 'failed'; message: string };

export async function writeRegularFile(
  target: string,
  data: string | Uint8Array,
  options: SafeWriteOptions,
): Promise<SafeWriteResult> {
  const resolved = path.resolve(target);
  const folder = path.dirname(resolved);
  const folderStat = await fs.stat(folder).catch(() => undefined);
  if (!folderStat) {
    return {
      ok: false,
      code: 'noFolder',
      message: `${target}: the folder ${folder} does not exist — create it first, or choose another output path.`,
    };
  }
  if (!folderStat.isDirectory()) {
    return {
      ok: false,
      code: 'noFolder',
      message: `${target}: ${folder} is not a folder — choose another output path.`,
    };
  }

  // What the path names now, following links: that is what a write would replace.
  const existing = await fs.stat(resolved).catch(() => undefined);
  if (existing && !existing.isFile()) {
    return {
      ok: false,
      code: 'notRegular',
      message: `${target}: is ${describeFileType(existing)} — MVP only ever replaces regular files, so nothing was written. Choose a file path.`,
    };
  }
  for (const input of options.inputs ?? []) {
    if (await sameFile(resolved, existing, input)) {
      return {
        ok: false,
        code: 'isInput',
        message: `${target}: is ${path.resolve(input) === resolved ? 'an input' : `the same file as the input ${input}`} of this run — writing there would destroy it. Choose another output path.`,
      };
    }
  }
  if (existing && !options.overwrite) {
    return {
      ok: false,
      code: 'exists',
      message: `${target} already exists — not overwritten. Choose another output path, or ${options.overwriteHint ?? 'pass --force'} to replace it.`,
    };
  }

  // Through a symbolic link, the file it points to is replaced (the link stays a link).
  const destination = existing ? await fs.realpath(resolved).catch(() => resolved) : resolved;
  const temporary = path.join(
    path.dirname(destination),
    `.${path.basename(destination)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await fs.writeFile(temporary, data, { flag: 'wx', mode: existing ? existing.mode & 0o777 : 0o666 });
    if (existing) {
      await fs.rename(temporary, destination);
    } else {
      // link() fails if the target appeared meanwhile: creating never replaces anything.
      await fs.link(temporary, destination).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') throw error;
        // Filesystems without hard links: rename, after checking again that nothing is there.
        if (
          await fs.lstat(destination).then(
            () => true,
            () => false,
          )
        )
          throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        await fs.rename(temporary, destination);
      });
    }
    return { ok: true, path: destination };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      return {
        ok: false,
        code: 'exists',
        message: `${target} already exists — not overwritten. Choose another output path, or ${options.overwriteHint ?? 'pass --force'} to replace it.`,
      };
    }
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EROFS'
            ? 'the file system is read-only'
            : (code ?? (error as Error).message);
    return { ok: false, code: 'failed', message: `${target}: cannot write (${why}); nothing was changed.` };
  } finally {
    await fs.unlink(temporary).catch(() => undefined);
  }
}

/** Whether `target` (stat `targetStat` when it exists) is the file `input`, by identity rather than by name. */
async function sameFile(target: string, targetStat: Stats | undefined, input: string): Promise<boolean> {
  if (path.resolve(input) === target) return true;
  if (!targetStat) return false;
  const inputStat = await fs.stat(input).catch(() => undefined);
  return !!inputStat && inputStat.dev === targetStat.dev && inputStat.ino === targetStat.ino;
}
