/**
 * Attachments are the slow part of an analysis (a workbook parse can take seconds), and while the
 * user types in the prompt they do not change. This cache reads each attached file once per
 * version on disk: entries are keyed by path + sheet and checked against the file's mtime and
 * size, and a file watcher per attached file tells the analyser to re-run when one changes.
 */
import * as vscode from 'vscode';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { AttachmentAnalysis } from '../../core/attachments/attachment';
import { readAttachment } from '../../core/attachments/readAttachment';
import type { ModelProfile } from '../../core/profiles/modelProfile';
import type { AttachmentReference } from '../../core/prompt/parsedPrompt';
import { countForProfile } from '../../core/tokens/countForProfile';

export type AttachmentReader = (reference: AttachmentReference) => Promise<AttachmentAnalysis>;

/** The uncached read: the engine's reader with the model's tokenizer. */
export function engineReader(profile: ModelProfile, workspaceRoot: string | undefined): AttachmentReader {
  const countTokens = (text: string) => countForProfile(profile, text).tokens;
  return (reference) => readAttachment(reference, { countTokens, provider: profile.provider, workspaceRoot });
}

interface Entry {
  mtimeMs: number;
  size: number;
  result: Promise<AttachmentAnalysis>;
}

const MAX_ENTRIES = 200;

export class AttachmentCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the absolute path of an attached file that changed, was created or deleted. */
  readonly onDidChangeAttachment = this.changed.event;
  /** How many times the underlying reader ran (what the cache exists to keep low). */
  reads = 0;
  /** Why the last reads happened (newest last), for the output log and tests. */
  readonly readReasons: string[] = [];

  private noteRead(reason: string): void {
    this.reads++;
    this.readReasons.push(reason);
    if (this.readReasons.length > 50) this.readReasons.shift();
  }

  constructor(private readonly makeReader: (profile: ModelProfile, workspaceRoot: string | undefined) => AttachmentReader = engineReader) {}

  /**
   * The `readAttachment` option of `analysePrompt` for one model: token counts depend on the
   * tokenizer, so the model is part of the key.
   */
  readerFor(profile: ModelProfile, workspaceRoot: string | undefined): AttachmentReader {
    const read = this.makeReader(profile, workspaceRoot);
    return (reference) => this.cached(reference, `${profile.id}\u0000${workspaceRoot ?? ''}`, read);
  }

  private async cached(reference: AttachmentReference, modelKey: string, read: AttachmentReader): Promise<AttachmentAnalysis> {
    const key = `${reference.path}\u0000${reference.sheet ?? ''}\u0000${modelKey}`;
    this.watch(reference.path);
    let stat: { mtimeMs: number; size: number } | undefined;
    try {
      const s = await fs.stat(reference.path);
      stat = s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size } : undefined;
    } catch {
      stat = undefined;
    }
    if (!stat) {
      // Missing or not a plain file: the reader explains why; nothing worth caching.
      this.entries.delete(key);
      this.noteRead(`${reference.path}: not a readable file`);
      return read(reference);
    }
    let entry = this.entries.get(key);
    if (!entry || entry.mtimeMs !== stat.mtimeMs || entry.size !== stat.size) {
      this.noteRead(entry ? `${key}: changed on disk (mtime ${entry.mtimeMs} → ${stat.mtimeMs}, size ${entry.size} → ${stat.size})` : `${key}: not cached`);
      entry = { ...stat, result: read(reference) };
      this.entries.set(key, entry);
      entry.result.catch(() => this.entries.delete(key));
      this.evictOldest();
    } else {
      // Refresh recency for the LRU order.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    const analysis = await entry.result;
    // The cached analysis describes the file; the reference (its range in the prompt) is today's.
    return { ...analysis, reference };
  }

  invalidate(filePath: string): void {
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(`${filePath}\u0000`)) {
        this.entries.delete(key);
      }
    }
  }

  private watch(filePath: string): void {
    if (this.watchers.has(filePath)) {
      return;
    }
    const pattern = new vscode.RelativePattern(vscode.Uri.file(path.dirname(filePath)), path.basename(filePath));
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onChange = () => {
      this.invalidate(filePath);
      this.changed.fire(filePath);
    };
    watcher.onDidChange(onChange);
    watcher.onDidCreate(onChange);
    watcher.onDidDelete(onChange);
    this.watchers.set(filePath, watcher);
  }

  private evictOldest(): void {
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  dispose(): void {
    this.watchers.forEach((w) => w.dispose());
    this.watchers.clear();
    this.entries.clear();
    this.changed.dispose();
  }
}
