/**
 * The per-file digests, kept between runs in the user's cache folder — never next to the logs:
 * `$XDG_CACHE_HOME/minimal-viable-prompt` (default `~/.cache/…`), `~/Library/Caches/…` on macOS,
 * `%LOCALAPPDATA%\minimal-viable-prompt\Cache` on Windows; the editor passes its own storage folder.
 * A damaged or foreign cache file is ignored (and replaced on the next save), never fatal.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FileDigest } from './fileDigest';

const CACHE_FORMAT = 1;
export const USAGE_CACHE_FILE = 'usage-digests.json';

export interface CacheLocationEnvironment {
  env: Record<string, string | undefined>;
  home: string;
  platform: NodeJS.Platform;
}

export function defaultCacheDir({ env, home, platform }: CacheLocationEnvironment): string {
  if (env.MVP_CACHE_DIR && env.MVP_CACHE_DIR.trim() !== '') return path.resolve(env.MVP_CACHE_DIR);
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'minimal-viable-prompt', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'minimal-viable-prompt');
  const xdg = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.trim() !== '' ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(xdg, 'minimal-viable-prompt');
}

export interface StoredDigests {
  files: Map<string, FileDigest>;
  /** Why the stored cache could not be used, when it existed but was unreadable. */
  problem?: string;
}

export function loadDigests(cacheDir: string): StoredDigests {
  const file = path.join(cacheDir, USAGE_CACHE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { files: new Map() };
  }
  try {
    const data = JSON.parse(text) as { format?: number; files?: Record<string, FileDigest> };
    if (data.format !== CACHE_FORMAT || typeof data.files !== 'object' || data.files === null) {
      return { files: new Map(), problem: `${file} was written by another version; it will be rebuilt` };
    }
    return { files: new Map(Object.entries(data.files)) };
  } catch (error) {
    return { files: new Map(), problem: `${file} is damaged (${(error as Error).message}); it will be rebuilt` };
  }
}

/** Writes to a temporary file first and renames it, so a crash never leaves half a cache. */
export function saveDigests(cacheDir: string, files: Map<string, FileDigest>): void {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, USAGE_CACHE_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ format: CACHE_FORMAT, files: Object.fromEntries(files) }));
  renameSync(temporary, file);
}

/** Removes the cache file; returns whether there was one. */
export function clearDigests(cacheDir: string): boolean {
  const file = path.join(cacheDir, USAGE_CACHE_FILE);
  if (!existsSync(file)) return false;
  rmSync(file, { force: true });
  return true;
}
