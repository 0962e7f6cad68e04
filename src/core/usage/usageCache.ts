/**
 * The per-file digests, kept between runs in the user's cache folder — never next to the logs:
 * `$XDG_CACHE_HOME/minimal-viable-prompt` (default `~/.cache/…`), `~/Library/Caches/…` on macOS,
 * `%LOCALAPPDATA%\minimal-viable-prompt\Cache` on Windows; the editor passes its own storage folder.
 *
 * Two files: `usage-digests.json` holds what a report needs (each file's size, mtime, offset, day
 * cells, the few requests shared with other files, coaching) and names the second,
 * `usage-requests-<generation>.json`, which holds every request's columns and is read only when
 * a request is needed one by one (a log grew, a date filter on sessions, new coaching). A run over
 * unchanged logs reads the small file only. A damaged or foreign cache is ignored (and replaced on
 * the next save), never fatal.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FileDigest } from './fileDigest';
import { REPORT_SNAPSHOT_PREFIX } from './reportSnapshot';

/** 8: the request columns in a second file, read on demand. */
const CACHE_FORMAT = 10;
export const USAGE_CACHE_FILE = 'usage-digests.json';
const REQUESTS_PREFIX = 'usage-requests-';

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

/** The request columns of a loaded cache could not be read (the second file is gone or damaged). */
export class CacheColumnsMissing extends Error {}

const COLUMNS = ['times', 'modelIndex', 'keys', 'tokens', 'footprints'] as const;
type Column = (typeof COLUMNS)[number];
type StoredColumns = Record<Column, string>;

/** The stored text of the columns a loaded digest has not replaced: saved again as is. */
const rawColumns = new WeakMap<FileDigest, () => StoredColumns>();

export function loadDigests(cacheDir: string): StoredDigests {
  const file = path.join(cacheDir, USAGE_CACHE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { files: new Map() };
  }
  try {
    const data = JSON.parse(text) as { format?: number; requestsFile?: string; files?: Record<string, FileDigest> };
    if (data.format !== CACHE_FORMAT || typeof data.files !== 'object' || data.files === null || typeof data.requestsFile !== 'string') {
      return { files: new Map(), problem: `${file} was written by another version; it will be rebuilt` };
    }
    const requestsFile = path.join(cacheDir, path.basename(data.requestsFile));
    let requests: Record<string, StoredColumns> | undefined;
    const columnsOf = (logFile: string) => (): StoredColumns => {
      if (!requests) {
        try {
          requests = (JSON.parse(readFileSync(requestsFile, 'utf8')) as { files: Record<string, StoredColumns> }).files;
        } catch (error) {
          throw new CacheColumnsMissing(`${requestsFile} could not be read (${(error as Error).message})`);
        }
      }
      const columns = requests[logFile];
      if (!columns) throw new CacheColumnsMissing(`${requestsFile} has no requests for ${logFile}`);
      return columns;
    };
    const files = new Map<string, FileDigest>();
    for (const [logFile, stored] of Object.entries(data.files)) files.set(logFile, withLazyColumns(stored, columnsOf(logFile)));
    return { files };
  } catch (error) {
    return { files: new Map(), problem: `${file} is damaged (${(error as Error).message}); it will be rebuilt` };
  }
}

/**
 * Writes the requests file under a new name, then the digests file that names it (each to a
 * temporary file renamed into place), then removes older requests files: a crash never leaves a
 * digests file pointing at missing requests.
 */
export function saveDigests(cacheDir: string, files: Map<string, FileDigest>): void {
  mkdirSync(cacheDir, { recursive: true });
  const digests: Record<string, unknown> = {};
  const requests: Record<string, StoredColumns> = {};
  for (const [logFile, digest] of files) {
    const out: Record<string, unknown> = {};
    // Copy field by field: reading a column of a loaded digest would decode it for nothing.
    for (const key of Object.keys(digest)) if (!(COLUMNS as readonly string[]).includes(key)) out[key] = (digest as unknown as Record<string, unknown>)[key];
    digests[logFile] = out;
    requests[logFile] = storedColumns(digest);
  }
  const requestsName = `${REQUESTS_PREFIX}${randomBytes(6).toString('hex')}.json`;
  writeAtomically(path.join(cacheDir, requestsName), JSON.stringify({ format: CACHE_FORMAT, files: requests }));
  writeAtomically(path.join(cacheDir, USAGE_CACHE_FILE), JSON.stringify({ format: CACHE_FORMAT, requestsFile: requestsName, files: digests }));
  for (const name of readdirSync(cacheDir)) {
    if (name.startsWith(REQUESTS_PREFIX) && name !== requestsName) rmSync(path.join(cacheDir, name), { force: true });
  }
}

/** Removes the cache files (digests, requests, report snapshots); returns whether there were any. */
export function clearDigests(cacheDir: string): boolean {
  if (!existsSync(cacheDir)) return false;
  const names = readdirSync(cacheDir).filter((n) => n === USAGE_CACHE_FILE || n.startsWith(REQUESTS_PREFIX) || n.startsWith(REPORT_SNAPSHOT_PREFIX));
  for (const name of names) rmSync(path.join(cacheDir, name), { force: true });
  return names.length > 0;
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

function storedColumns(d: FileDigest): StoredColumns {
  const raw = rawColumns.get(d);
  if (raw && !COLUMNS.some((c) => Object.getOwnPropertyDescriptor(d, c)?.value !== undefined)) return raw();
  const out = {} as StoredColumns;
  for (const column of COLUMNS) out[column] = encode(column, d);
  return out;
}

function encode(column: Column, d: FileDigest): string {
  switch (column) {
    case 'times':
      return base64(Float64Array.from(d.times));
    case 'modelIndex':
      return base64(Uint32Array.from(d.modelIndex));
    case 'keys':
      // Keys are base64 digests, without commas; "" for none.
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

/**
 * A loaded digest: its request columns are read (from the second file) and decoded only when used.
 * The getters live on a prototype, so loading thousands of digests defines no property per digest.
 */
class LazyColumns {
  private readonly decoded: Partial<Record<Column, FileDigest[Column]>> = {};
  constructor(readonly columnsOf: () => StoredColumns) {}
  column(name: Column): FileDigest[Column] {
    return (this.decoded[name] ??= decode(name, this.columnsOf()[name]));
  }
}

const lazySource = new WeakMap<object, LazyColumns>();
const lazyPrototype: Record<string, unknown> = {};
for (const column of COLUMNS) {
  Object.defineProperty(lazyPrototype, column, {
    enumerable: true,
    configurable: true,
    get(this: object) {
      return lazySource.get(this)!.column(column);
    },
    set(this: object, replacement: FileDigest[Column]) {
      Object.defineProperty(this, column, { value: replacement, writable: true, enumerable: true, configurable: true });
    },
  });
}

function withLazyColumns(stored: FileDigest, columnsOf: () => StoredColumns): FileDigest {
  // The parsed object itself becomes the digest (no copy of its fields).
  const digest = Object.setPrototypeOf(stored, lazyPrototype) as FileDigest;
  lazySource.set(digest, new LazyColumns(columnsOf));
  rawColumns.set(digest, columnsOf);
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
