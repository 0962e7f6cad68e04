/**
 * The per-file digests, kept between runs in the user's cache folder — never next to the logs:
 * `$XDG_CACHE_HOME/minimal-viable-prompt` (default `~/.cache/…`), `~/Library/Caches/…` on macOS,
 * `%LOCALAPPDATA%\minimal-viable-prompt\Cache` on Windows; the editor passes its own storage folder.
 * A damaged or foreign cache file is ignored (and replaced on the next save), never fatal.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FileDigest } from './fileDigest';

/** 3: columns stored as base64 typed arrays (parsing them is ~10× faster than JSON number arrays), later copies of a key dropped. */
const CACHE_FORMAT = 7;
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
    const files = new Map<string, FileDigest>();
    for (const [file, stored] of Object.entries(data.files as unknown as Record<string, StoredDigest>)) files.set(file, fromStored(stored));
    return { files };
  } catch (error) {
    return { files: new Map(), problem: `${file} is damaged (${(error as Error).message}); it will be rebuilt` };
  }
}

/** Writes to a temporary file first and renames it, so a crash never leaves half a cache. */
export function saveDigests(cacheDir: string, files: Map<string, FileDigest>): void {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, USAGE_CACHE_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  const stored: Record<string, StoredDigest> = {};
  for (const [file, digest] of files) stored[file] = toStored(digest);
  writeFileSync(temporary, JSON.stringify({ format: CACHE_FORMAT, files: stored }));
  renameSync(temporary, file);
}

/** Removes the cache file; returns whether there was one. */
export function clearDigests(cacheDir: string): boolean {
  const file = path.join(cacheDir, USAGE_CACHE_FILE);
  if (!existsSync(file)) return false;
  rmSync(file, { force: true });
  return true;
}

type StoredDigest = Omit<FileDigest, 'times' | 'modelIndex' | 'keys' | 'tokens' | 'footprints'> & {
  times: string;
  modelIndex: string;
  /** Dedup keys joined with ",", "" for none (keys are base64 digests, without commas). */
  keys: string;
  tokens: string;
  footprints: string;
};

const COLUMNS = ['times', 'modelIndex', 'keys', 'tokens', 'footprints'] as const;
type Column = (typeof COLUMNS)[number];

/** The stored text of the columns a loaded digest has not decoded or replaced: saved again as is. */
const untouched = new WeakMap<FileDigest, Partial<Record<Column, string>>>();

function encode(column: Column, d: FileDigest): string {
  switch (column) {
    case 'times':
      return base64(Float64Array.from(d.times));
    case 'modelIndex':
      return base64(Uint32Array.from(d.modelIndex));
    case 'keys':
      return d.keys.map((k) => k ?? '').join(',');
    case 'tokens':
      // Token counts of one request fit 32 bits (no context window comes near 4 billion); else 64-bit.
      return fitsUint32(d.tokens) ? base64(Uint32Array.from(d.tokens)) : `f64:${base64(Float64Array.from(d.tokens))}`;
    case 'footprints':
      return base64(Float32Array.from(d.footprints));
  }
}

function decode(column: Column, text: string): FileDigest[Column] {
  switch (column) {
    case 'times':
      return new Float64Array(bytes(text));
    case 'modelIndex':
      return new Uint32Array(bytes(text));
    case 'keys':
      return text === '' ? [] : text.split(',').map((k) => (k === '' ? null : k));
    case 'tokens':
      return text.startsWith('f64:') ? new Float64Array(bytes(text.slice(4))) : new Uint32Array(bytes(text));
    case 'footprints':
      return new Float32Array(bytes(text));
  }
}

function toStored(d: FileDigest): StoredDigest {
  const raw = untouched.get(d) ?? {};
  const out: Record<string, unknown> = {};
  // Copy field by field: reading a column of a loaded digest would decode it for nothing.
  for (const key of Object.keys(d)) if (!(COLUMNS as readonly string[]).includes(key)) out[key] = (d as unknown as Record<string, unknown>)[key];
  for (const column of COLUMNS) out[column] = raw[column] ?? encode(column, d);
  return out as unknown as StoredDigest;
}

/**
 * A digest whose request columns are decoded only when read: a run from the cache mostly adds
 * each file's day cells and never touches its requests.
 */
function fromStored(s: StoredDigest): FileDigest {
  const digest = { ...s } as unknown as FileDigest;
  const raw: Partial<Record<Column, string>> = {};
  for (const column of COLUMNS) {
    const text = s[column];
    raw[column] = text;
    let value: FileDigest[Column] | undefined;
    Object.defineProperty(digest, column, {
      enumerable: true,
      configurable: true,
      get: () => (value ??= decode(column, text)),
      set: (replacement: FileDigest[Column]) => {
        delete raw[column];
        Object.defineProperty(digest, column, { value: replacement, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  untouched.set(digest, raw);
  return digest;
}

function fitsUint32(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!(values[i] >= 0 && values[i] <= 0xffffffff && Number.isInteger(values[i]))) return false;
  return true;
}

function base64(array: Float64Array | Float32Array | Uint32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** A fresh, aligned copy of the bytes (typed arrays need their element alignment). */
function bytes(text: string): ArrayBuffer {
  return new Uint8Array(Buffer.from(text, 'base64')).buffer;
}
