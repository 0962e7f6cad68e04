/**
 * Reading a file an agent would load, without ever throwing: a missing file is simply absent, an
 * unreadable or oversized one becomes a problem on its item.
 */
import * as fs from 'node:fs';

/** Memory files far above this are not what agents load in full; reading them whole would stall us. */
const MAX_CONTEXT_FILE_BYTES = 2 * 1024 * 1024;

export type ReadResult = { kind: 'text'; text: string } | { kind: 'absent' } | { kind: 'problem'; problem: string };

export function readContextFile(file: string): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
    return { kind: 'problem', problem: `cannot read ${file} (${code ?? (error as Error).message})` };
  }
  if (!stat.isFile()) return { kind: 'absent' };
  if (stat.size > MAX_CONTEXT_FILE_BYTES) {
    return {
      kind: 'problem',
      problem: `${file} is ${Math.round(stat.size / 1024)} KiB, more than the ${MAX_CONTEXT_FILE_BYTES / 1024 / 1024} MiB read for a memory file; it was not counted`,
    };
  }
  try {
    return { kind: 'text', text: fs.readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      kind: 'problem',
      problem: `cannot read ${file} (${code ?? (error as Error).message}); check its permissions`,
    };
  }
}

/** Files of a folder (not recursive unless asked), sorted, never throwing. */
export function listFiles(folder: string, options: { recursive?: boolean; suffix?: string } = {}): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (options.recursive && depth < 8 && entry.name !== 'node_modules' && !entry.name.startsWith('.git'))
          walk(full, depth + 1);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (!options.suffix || entry.name.endsWith(options.suffix)) found.push(full);
      }
    }
  };
  walk(folder, 0);
  return found;
}

/** The folder and its ancestors, nearest first, up to (and including) the filesystem root. */
export function ancestorsOf(folder: string): string[] {
  const out: string[] = [];
  let current = folder;
  for (;;) {
    out.push(current);
    const parent = current.replace(/[\\/][^\\/]*$/, '') || '/';
    if (parent === current || out.length > 64) break;
    current = parent;
  }
  return out;
}
