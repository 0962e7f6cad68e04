/** Reads a file the user named, turning the usual failures into one clear line. */
import { promises as fs } from 'node:fs';
import { CliError } from './cliIo';

export async function readTextFile(file: string): Promise<string> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new CliError(`${file} is a folder; give a file`);
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${file}: no such file`);
    if (code === 'EACCES') throw new CliError(`${file}: permission denied`);
    if (code === 'ELOOP') throw new CliError(`${file}: symbolic link loop`);
    throw new CliError(`${file}: cannot read (${(error as Error).message})`);
  }
}

/** Checks a file the user named exists (for inputs read elsewhere, e.g. streamed transcripts). */
export async function existingFile(file: string): Promise<string> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new CliError(`${file} is not a file`);
    return file;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}
