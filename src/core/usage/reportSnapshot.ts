/**
 * The last reports built, kept in the cache folder with what they were built from: the log files'
 * paths, sizes and modification times, the report's options, the time zone, the footprint method and
 * the code that built it. A run whose inputs are all the same (the common case: `mvp usage` again,
 * nothing logged since) prints the stored report after one stat per log, without reading the
 * digests; any change (a log grew, another grouping or date range) builds the report from the
 * digests as before and stores it. A few reports are kept, each in its own file (`usage-report-
 * <fingerprint>.json`), so switching between two groupings stays cheap; the size of each is that of
 * the report, bounded by the number of sessions. A damaged snapshot is ignored, never fatal.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { LogFile } from './logDiscovery';
import type { UsageReport, UsageReportOptions } from './usageReport';

export const REPORT_SNAPSHOT_PREFIX = 'usage-report-';
/** Bump when the stored form changes (the report's own changes are covered by the code's identity). */
const SNAPSHOT_FORMAT = 1;
/** Reports kept: a few groupings or date ranges used in turn. */
const KEEP = 4;

export interface SnapshotInputs {
  files: readonly LogFile[];
  options: UsageReportOptions;
  /** FootprintCalculator.key: the method, the profiles and the region. */
  footprintKey: string;
  zone: string;
  /**
   * The digests file the report was built from (usageCache.ts): a snapshot is valid only with it,
   * so a cleared, replaced or damaged digest cache is noticed (and rebuilt) as before.
   */
  digestsFile: string;
}

/** What a file's size and modification time are taken from: a stat now, or the digest the report read. */
export interface FileState {
  size: number;
  mtimeMs: number;
}

/** Each log's size and mtime now, undefined for one that cannot be stat'ed (the scan reports it). */
export function statLogs(files: readonly LogFile[]): (FileState | undefined)[] {
  return files.map((file) => statOrUndefined(file.path));
}

/**
 * The fingerprint of a report's inputs, or undefined when a log has no state (it cannot be stat'ed:
 * the scan reports it) or there is no digests file. `states` gives each file's state in `files` order.
 */
export function snapshotFingerprint(
  inputs: SnapshotInputs,
  states: readonly (FileState | undefined)[],
): string | undefined {
  const hash = createHash('sha256');
  const { grouping, since, until, agents, heaviest } = inputs.options;
  const digests = statOrUndefined(inputs.digestsFile);
  if (!digests) return undefined;
  hash.update(
    JSON.stringify([
      SNAPSHOT_FORMAT,
      codeIdentity(),
      inputs.footprintKey,
      inputs.zone,
      grouping,
      since,
      until,
      agents ?? [],
      heaviest,
    ]),
  );
  hash.update(`\n${inputs.digestsFile}\0${digests.size}\0${digests.mtimeMs}`);
  // One string hashed once: cheaper than thousands of small updates.
  const lines: string[] = new Array(inputs.files.length);
  for (let i = 0; i < inputs.files.length; i++) {
    const file = inputs.files[i];
    const state = states[i];
    if (!state) return undefined;
    lines[i] = `${file.agent}\0${file.root}\0${file.path}\0${state.size}\0${state.mtimeMs}`;
  }
  hash.update(lines.join('\n'));
  return hash.digest('hex').slice(0, 32);
}

/** The stored report with this fingerprint, if any and readable. */
export function loadReportSnapshot(cacheDir: string, fingerprint: string): UsageReport | undefined {
  try {
    const data = JSON.parse(readFileSync(snapshotFile(cacheDir, fingerprint), 'utf8')) as {
      format?: number;
      fingerprint?: string;
      report?: UsageReport;
    };
    if (
      data.format !== SNAPSHOT_FORMAT ||
      data.fingerprint !== fingerprint ||
      typeof data.report !== 'object' ||
      data.report === null
    )
      return undefined;
    return data.report;
  } catch {
    return undefined;
  }
}

/** Stores `report` under its fingerprint and removes all but the newest few snapshots. Never throws. */
export function saveReportSnapshot(cacheDir: string, fingerprint: string, report: UsageReport): void {
  try {
    const file = snapshotFile(cacheDir, fingerprint);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ format: SNAPSHOT_FORMAT, fingerprint, report }));
    renameSync(temporary, file);
    const names = readdirSync(cacheDir);
    const snapshots = names
      .filter((name) => name.startsWith(REPORT_SNAPSHOT_PREFIX) && name.endsWith('.json'))
      .map((name) => ({ name, mtimeMs: statOrUndefined(path.join(cacheDir, name))?.mtimeMs ?? 0 }))
      .sort((a, b) => b.mtimeMs - a.mtimeMs);
    for (const old of snapshots.slice(KEEP)) {
      // The report and what was printed for it (its renderings) go together.
      const stem = old.name.slice(0, -'.json'.length);
      for (const name of names)
        if (name === old.name || name.startsWith(`${stem}.`)) rmSync(path.join(cacheDir, name), { force: true });
    }
  } catch {
    // A snapshot only saves time: without it the next run builds the report from the digests.
  }
}

/**
 * What a caller printed for the stored report with this fingerprint (`key` names the output and
 * whatever else it depends on), so the next run with the same inputs prints it as it is: no JSON to
 * parse, no report to render (a 1.5 MB report: about half of a warm run's work).
 */
export function loadRendering(cacheDir: string, fingerprint: string, key: string): Buffer | undefined {
  try {
    // As bytes: the caller writes them out as they are, with no decoding of a large text.
    return readFileSync(renderingFile(cacheDir, fingerprint, key));
  } catch {
    return undefined;
  }
}

/** Stores a rendering of the report with this fingerprint (which must be stored). Never throws. */
export function saveRendering(cacheDir: string, fingerprint: string, key: string, text: string): void {
  try {
    if (!statOrUndefined(snapshotFile(cacheDir, fingerprint))) return;
    const file = renderingFile(cacheDir, fingerprint, key);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch {
    // Only saves time, like the snapshot itself.
  }
}

function renderingFile(cacheDir: string, fingerprint: string, key: string): string {
  const name = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${REPORT_SNAPSHOT_PREFIX}${fingerprint}.${name}.out`);
}

function snapshotFile(cacheDir: string, fingerprint: string): string {
  return path.join(cacheDir, `${REPORT_SNAPSHOT_PREFIX}${fingerprint}.json`);
}

/**
 * The running code (the bundle, or this source file in tests): a new build or version never reuses a
 * report that older code built.
 */
let identity: string | undefined;
function codeIdentity(): string {
  if (identity === undefined) {
    const self = statOrUndefined(__filename);
    identity = `${__filename}\0${self?.size ?? 0}\0${self?.mtimeMs ?? 0}`;
  }
  return identity;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
