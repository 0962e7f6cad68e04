/**
 * What one log file contributes, kept in the cache so that a later run reads only what changed:
 * its requests (time, model, tokens, dedup key) in columns, each request's footprint, and the reader's
 * state at the end of the bytes read, so an append-only log is resumed from that offset.
 */
import { closeSync, fstatSync, openSync, readlinkSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { ClaudeCodeUsageReader } from './claudeCodeUsageReader';
import { CodexUsageReader } from './codexUsageReader';
import { CopilotChatUsageReader } from './copilotChatUsageReader';
import { GeminiUsageReader } from './geminiUsageReader';
import type { FootprintCalculator, FootprintVector } from './requestFootprint';
import type { UsageLineReader } from './usageLineReader';
import type { AgentId, UsageRecord } from './usageRecord';
import { localDate } from './localDates';
import { vscodeChatProject } from './logDiscovery';
import { countForProfile } from '../tokens/countForProfile';
import { formatByteSize, MAX_WHOLE_TRANSCRIPT_BYTES } from '../files/fileLimits';

export interface FileDigest {
  agent: AgentId;
  size: number;
  mtimeMs: number;
  /** Bytes read and accounted for (up to the last complete line). */
  offset: number;
  /** Hash of the first bytes, to notice a file replaced rather than appended to. */
  head: string;
  readerState: unknown;
  sessionId?: string;
  project?: string;
  malformedLines: number;
  unneeded: Record<string, number>;
  compactions: number[];
  models: string[];
  /**
   * Indexes into `models` whose requests were counted from the log's text (`UsageRecord.estimated`):
   * the same model name appears once recorded and once estimated, so the two never share a cell.
   */
  estimatedModels?: number[];
  /**
   * Per request: time (ms), index into `models`, dedup key or null. A key seen earlier in the same
   * file is a later copy (another content block of the same reply) and is not kept: the first copy
   * decides whether the request counts, so dropping the rest changes nothing and halves the cache.
   */
  times: NumberColumn;
  modelIndex: NumberColumn;
  keys: (string | null)[];
  /** Per request, 5 numbers: input, output, cacheCreation, cacheRead, reasoning. */
  tokens: NumberColumn;
  /** FootprintCalculator.key the footprints were computed with. */
  footprintKey: string;
  /** Per request, 9 numbers (FootprintVector). */
  footprints: NumberColumn;
  /** Coaching of the whole log, once computed (usageReport.ts), for the method and request count it was made with. */
  coaching?: { footprintKey: string; requests: number; value: import('./sessionCoaching').SessionCoaching };
  /**
   * The requests summed per local day and model, in time zone `cellsZone`: a report adds these
   * instead of every request when none of the file's dedup keys occurs in another file (`sharesKeys`
   * false, set by the scan), which is what makes a run from the cache cheap.
   */
  cells?: DayCell[];
  cellsZone?: string;
  /**
   * Indexes of the requests whose dedup key another file also holds (set by the scan; undefined until
   * decided). They are left out of `cells` and deduplicated one by one in the report.
   */
  shared?: number[];
  /** Those requests themselves, so a report from the cache needs no request columns. */
  sharedRequests?: SharedRequest[];
  /** Requests kept (the length of the columns), readable without reading the columns. */
  requestCount?: number;
  /** Earliest and latest request time (ms), or undefined when the file has none. */
  firstTime?: number;
  lastTime?: number;
}

export interface SharedRequest {
  key: string;
  time: number;
  model: number;
  tokens: number[];
  footprints: number[];
}

export interface DayCell {
  day: string;
  model: number;
  /** input, output, cacheCreation, cacheRead, reasoning. */
  tokens: number[];
  /** Requests, `<synthetic>` entries excluded. */
  requests: number;
  /** Summed FootprintVector. */
  footprints: number[];
}

let zoneFor: { tz: string | undefined; zone: string } | undefined;

/**
 * Names the time zone local dates are computed in, as a key (cached day cells and reports are valid
 * in that zone only); looked up once per TZ value. It is what decides the zone: TZ when set, else the
 * system's `/etc/localtime` link (Linux, macOS), else Intl's answer — asked last because the first
 * Intl.DateTimeFormat of a process costs ~20 ms, a tenth of a warm `mvp usage`.
 */
export function currentZone(): string {
  if (!zoneFor || zoneFor.tz !== process.env.TZ) zoneFor = { tz: process.env.TZ, zone: zoneKey(process.env.TZ) };
  return zoneFor.zone;
}

function zoneKey(tz: string | undefined): string {
  if (tz !== undefined && tz !== '') return `TZ=${tz}`;
  try {
    return `localtime=${readlinkSync('/etc/localtime')}`;
  } catch {
    // Not a link (a copied file), or no such file (Windows): ask Intl.
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

/** Marks the requests at `shared` as held by another file too and keeps a copy of them (see `sharedRequests`). */
export function captureShared(digest: FileDigest, shared: number[]): void {
  digest.shared = shared;
  digest.sharedRequests = shared.map((i) => ({
    key: digest.keys[i] as string,
    time: digest.times[i],
    model: digest.modelIndex[i],
    tokens: Array.from(digest.tokens.slice(i * TOKEN_STRIDE, (i + 1) * TOKEN_STRIDE)),
    footprints: Array.from(digest.footprints.slice(i * FOOTPRINT_STRIDE, (i + 1) * FOOTPRINT_STRIDE)),
  }));
}

/** Sums the requests of a digest per local day and model (see `cells`). */
export function computeCells(digest: FileDigest): void {
  const cells = new Map<string, DayCell>();
  let first = Infinity;
  let last = -Infinity;
  const { times, modelIndex, tokens, footprints, models } = digest;
  const shared = new Set(digest.shared ?? []);
  for (let i = 0; i < times.length; i++) {
    const time = times[i];
    if (time < first) first = time;
    if (time > last) last = time;
    if (shared.has(i)) continue;
    const day = localDate(time);
    const key = `${day}\u0000${modelIndex[i]}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { day, model: modelIndex[i], tokens: [0, 0, 0, 0, 0], requests: 0, footprints: new Array(FOOTPRINT_STRIDE).fill(0) }));
    for (let j = 0; j < TOKEN_STRIDE; j++) cell.tokens[j] += tokens[i * TOKEN_STRIDE + j];
    if (models[modelIndex[i]] === '<synthetic>') continue;
    cell.requests++;
    for (let j = 0; j < FOOTPRINT_STRIDE; j++) cell.footprints[j] += footprints[i * FOOTPRINT_STRIDE + j];
  }
  // Seven significant digits (estimates are shown with two): the cached text stays short, and a
  // number written with its shortest digits reads back as exactly the same number.
  for (const cell of cells.values()) cell.footprints = cell.footprints.map((v) => Number(v.toPrecision(7)));
  digest.cells = [...cells.values()];
  digest.requestCount = times.length;
  digest.cellsZone = currentZone();
  digest.firstTime = times.length > 0 ? first : undefined;
  digest.lastTime = times.length > 0 ? last : undefined;
}

/** Arrays while a file is read; typed arrays straight from the cache (no copy) until it grows. */
export type NumberColumn = number[] | Float64Array | Float32Array | Uint32Array;

const HEAD_BYTES = 4096;
const CHUNK_BYTES = 1 << 20;
export const TOKEN_STRIDE = 5;
export const FOOTPRINT_STRIDE = 9;

export type DigestOutcome = 'cached' | 'appended' | 'read';

/**
 * The digest of `file`, reusing `previous` when the file is unchanged (same size and mtime) and
 * reading only the appended bytes when it grew with the same beginning.
 */
export function digestFile(
  file: string,
  agent: AgentId,
  previous: FileDigest | undefined,
  calculator: FootprintCalculator,
  /** The file's stat, when the caller has just taken it (collectUsage, for the stored report's key). */
  stat?: { size: number; mtimeMs: number },
): { digest: FileDigest; outcome: DigestOutcome } {
  // The common case, an unchanged file, costs one stat and no open.
  const before = stat ?? statSync(file);
  // Estimated tokens depend on the profiles' tokenizers: counted again when the profiles change.
  const estimatesCurrent = agent !== 'copilot-chat' || previous?.footprintKey === calculator.key;
  if (previous && previous.agent === agent && previous.size === before.size && previous.mtimeMs === before.mtimeMs && estimatesCurrent) {
    refreshFootprints(previous, calculator);
    if (!previous.cells || previous.cellsZone !== currentZone()) computeCells(previous);
    return { digest: previous, outcome: 'cached' };
  }
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    const head = headHash(fd, stat.size);
    const wholeFile = (agent === 'gemini-cli' && file.endsWith('.json')) || agent === 'copilot-chat';
    if (wholeFile && stat.size > MAX_WHOLE_TRANSCRIPT_BYTES) {
      throw new Error(`${formatByteSize(stat.size)}, over the ${formatByteSize(MAX_WHOLE_TRANSCRIPT_BYTES)} a whole-JSON log may have`);
    }
    const canAppend =
      !wholeFile && previous !== undefined && previous.agent === agent && stat.size > previous.size && previous.head === head && previous.offset <= stat.size;
    const digest: FileDigest = canAppend
      ? {
          ...previous!,
          size: stat.size,
          mtimeMs: stat.mtimeMs,
          times: Array.from(previous!.times),
          modelIndex: Array.from(previous!.modelIndex),
          keys: [...previous!.keys],
          tokens: Array.from(previous!.tokens),
          footprints: Array.from(previous!.footprints),
        }
      : emptyDigest(agent, stat.size, stat.mtimeMs, head, calculator.key);
    if (canAppend) refreshFootprints(digest, calculator);
    const keysInFile = new Set(digest.keys.filter((k): k is string => k !== null));
    const reader = makeReader(agent, file, canAppend ? previous!.readerState : undefined, calculator);
    const add = (records: UsageRecord[]) => {
      for (const record of records) {
        if (record.dedupKey !== undefined) {
          if (keysInFile.has(record.dedupKey)) continue;
          keysInFile.add(record.dedupKey);
        }
        appendRecord(digest, record, calculator);
      }
    };
    if (wholeFile && reader instanceof GeminiUsageReader) {
      const text = readRange(fd, 0, stat.size).toString('utf8');
      add(reader.readWholeSession(text));
      digest.offset = stat.size;
    } else if (reader instanceof CopilotChatUsageReader) {
      const text = readRange(fd, 0, stat.size).toString('utf8');
      add(reader.readSessionText(text, file.endsWith('.jsonl') ? 'jsonl' : 'json'));
      reader.project = vscodeChatProject(file);
      digest.offset = stat.size;
    } else {
      digest.offset = readLines(fd, digest.offset, stat.size, (line) => add(reader.pushLine(line)));
    }
    digest.readerState = reader.saveState();
    digest.shared = undefined; // decided again by the scan
    digest.sharedRequests = undefined;
    computeCells(digest);
    digest.sessionId = reader.sessionId ?? digest.sessionId;
    digest.project = reader.project ?? digest.project;
    digest.malformedLines = (canAppend ? previous!.malformedLines : 0) + reader.malformedLines;
    digest.unneeded = mergeCounts(canAppend ? previous!.unneeded : {}, reader.unneeded);
    digest.compactions = [...(canAppend ? previous!.compactions : []), ...reader.compactions.map((c) => c.time)];
    return { digest, outcome: canAppend ? 'appended' : 'read' };
  } finally {
    closeSync(fd);
  }
}

function makeReader(agent: AgentId, file: string, state: unknown, calculator: FootprintCalculator): UsageLineReader {
  if (agent === 'claude-code') return new ClaudeCodeUsageReader(state);
  if (agent === 'codex') return new CodexUsageReader(state);
  const name = path.basename(file).replace(/\.jsonl?$/, '');
  if (agent === 'copilot-chat') return new CopilotChatUsageReader(name, (model, text) => (text === '' ? 0 : countForProfile(calculator.model(model).profile, text).tokens));
  return new GeminiUsageReader(name, state);
}

function emptyDigest(agent: AgentId, size: number, mtimeMs: number, head: string, footprintKey: string): FileDigest {
  return {
    agent, size, mtimeMs, offset: 0, head, readerState: undefined, malformedLines: 0, unneeded: {}, compactions: [],
    models: [], times: [], modelIndex: [], keys: [], tokens: [], footprintKey, footprints: [],
  };
}

function appendRecord(digest: FileDigest, record: UsageRecord, calculator: FootprintCalculator): void {
  const estimated = record.estimated === true;
  let index = digest.models.findIndex((m, i) => m === record.model && isEstimatedModel(digest, i) === estimated);
  if (index === -1) {
    index = digest.models.push(record.model) - 1;
    if (estimated) (digest.estimatedModels ??= []).push(index);
  }
  (digest.times as number[]).push(record.time);
  (digest.modelIndex as number[]).push(index);
  digest.keys.push(record.dedupKey === undefined ? null : keyDigest(record.dedupKey));
  const t = record.tokens;
  (digest.tokens as number[]).push(t.input, t.output, t.cacheCreation, t.cacheRead, t.reasoning);
  (digest.footprints as number[]).push(...single(calculator.footprint(record.model, t)));
}

/** Whether the requests of `digest.models[index]` were counted from text (see `estimatedModels`). */
export function isEstimatedModel(digest: Pick<FileDigest, 'estimatedModels'>, index: number): boolean {
  return digest.estimatedModels !== undefined && digest.estimatedModels.includes(index);
}

/** Footprints computed under other profiles or another method are recomputed from the stored tokens. */
function refreshFootprints(digest: FileDigest, calculator: FootprintCalculator): void {
  if (digest.footprintKey === calculator.key) return;
  const footprints: number[] = [];
  for (let i = 0; i < digest.times.length; i++) {
    const o = i * TOKEN_STRIDE;
    const v: FootprintVector = calculator.footprint(digest.models[digest.modelIndex[i]], {
      input: digest.tokens[o], output: digest.tokens[o + 1], cacheCreation: digest.tokens[o + 2], cacheRead: digest.tokens[o + 3], reasoning: digest.tokens[o + 4],
    });
    footprints.push(...single(v));
  }
  digest.footprints = footprints;
  digest.footprintKey = calculator.key;
  if (digest.shared) captureShared(digest, digest.shared);
  computeCells(digest);
}

/**
 * Dedup keys are kept as a 128-bit digest (22 characters instead of ~60 for Claude Code's two ids):
 * a third of the cache's size, and equal keys stay equal.
 */
function keyDigest(key: string): string {
  return createHash('md5').update(key).digest('base64').slice(0, 22);
}

/**
 * Footprints are kept in single precision (7 significant digits, for estimates shown with two), both
 * when computed and in the cache, so a run from the cache reports exactly what a fresh read reports.
 */
function single(v: FootprintVector): number[] {
  return v.map(Math.fround);
}

function headHash(fd: number, size: number): string {
  return createHash('sha1').update(readRange(fd, 0, Math.min(size, HEAD_BYTES))).digest('hex');
}

function readRange(fd: number, start: number, end: number): Buffer {
  const buffer = Buffer.alloc(Math.max(0, end - start));
  let read = 0;
  while (read < buffer.length) {
    const n = readSync(fd, buffer, read, buffer.length - read, start + read);
    if (n === 0) break;
    read += n;
  }
  return read === buffer.length ? buffer : buffer.subarray(0, read);
}

/**
 * Feeds each complete line between `start` and `end` to `onLine`, chunk by chunk (memory bounded by
 * the longest line). A last line without a line break is fed only when it is complete JSON (a log
 * being written may end mid-line); returns the offset after the last line fed.
 */
function readLines(fd: number, start: number, end: number, onLine: (line: string) => void): number {
  let position = start;
  let consumed = start;
  let carry: Buffer | undefined;
  const chunk = Buffer.alloc(CHUNK_BYTES);
  while (position < end) {
    const n = readSync(fd, chunk, 0, Math.min(CHUNK_BYTES, end - position), position);
    if (n === 0) break;
    position += n;
    let data = carry ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
    let lineStart = 0;
    for (let nl = data.indexOf(10, lineStart); nl !== -1; nl = data.indexOf(10, lineStart)) {
      const lineEnd = nl > lineStart && data[nl - 1] === 13 ? nl - 1 : nl;
      onLine(data.toString('utf8', lineStart, lineEnd));
      consumed += nl + 1 - lineStart;
      lineStart = nl + 1;
    }
    carry = lineStart < data.length ? Buffer.from(data.subarray(lineStart)) : undefined;
    data = Buffer.alloc(0);
  }
  if (carry && carry.length > 0) {
    const last = carry.toString('utf8');
    if (isCompleteJson(last)) {
      onLine(last);
      consumed += carry.length;
    }
  }
  return consumed;
}

function isCompleteJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}
