/**
 * Reads a file the user named through the core file-access policy (regular files only, opened
 * non-blocking, a size cap per kind), decoding it like an editor would (UTF-8/UTF-16 byte-order
 * marks honoured), and turns every refusal into one clear line.
 */
import { decodeText } from '../core/attachments/decodeText';
import { readRegularFile, openRegularFile } from '../core/files/readRegularFile';
import type { FileKind } from '../core/files/fileLimits';
import { CliError } from './cliIo';

export async function readTextFile(file: string, kind: FileKind = 'prompt'): Promise<string> {
  const read = await readRegularFile(file, kind);
  if (!read.ok) throw new CliError(read.message);
  return decodeText(read.bytes).text;
}

/** Checks a file the user named can be read (for inputs read elsewhere, e.g. streamed transcripts). */
export async function existingFile(file: string, kind: FileKind = 'transcript'): Promise<string> {
  const opened = await openRegularFile(file, kind);
  if (!opened.ok) throw new CliError(opened.message);
  await opened.handle.close();
  return file;
}
