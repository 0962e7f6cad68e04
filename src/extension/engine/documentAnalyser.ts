/**
 * Runs the analysis for prompt documents as the user types: debounced per document, with a
 * generation counter so a slow analysis that finishes after a newer edit is dropped instead of
 * overwriting fresher results (the vscode-markdownlint pattern).
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { AnalysisWithNotices } from '../../core/analyse';
import type { Transcript } from '../../core/history/transcript';
import type { AnalyseOptions } from '../../core/analyseOptions';
import type { EditorAnalyseOptions } from './editorEngine';
import { readSettings } from './settings';

export type AnalyseFunction = (options: EditorAnalyseOptions) => Promise<AnalysisWithNotices>;

export interface DocumentAnalysis {
  document: vscode.TextDocument;
  /** The document version the analysis was computed from. */
  version: number;
  analysis: AnalysisWithNotices;
  /** Milliseconds from the edit being scheduled (after the debounce) to the result. */
  durationMs: number;
}

/** Show progress in the status bar only when an analysis is slower than this. */
const PROGRESS_AFTER_MS = 400;

export class DocumentAnalyser implements vscode.Disposable {
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly latest = new Map<string, DocumentAnalysis>();
  private readonly transcripts = new Map<string, Transcript>();
  /** Documents with an analysis running, and whether an edit arrived meanwhile. */
  private readonly inFlight = new Map<string, { rerun: boolean }>();
  /** The engine's notices (a pack that failed to load, …), logged once each rather than on every keystroke. */
  private readonly loggedNotices = new Set<string>();
  private readonly analysed = new vscode.EventEmitter<DocumentAnalysis>();
  private readonly failed = new vscode.EventEmitter<{ document: vscode.TextDocument; error: Error }>();
  readonly onDidAnalyse = this.analysed.event;
  readonly onDidFail = this.failed.event;

  constructor(
    private readonly analyse: AnalyseFunction,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The newest published analysis of a document, if it matches the document's current text. */
  current(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const entry = this.latest.get(document.uri.toString());
    return entry && entry.version === document.version ? entry : undefined;
  }

  /** The newest published analysis, even if the document changed since (for hovers mid-typing). */
  last(uri: vscode.Uri): DocumentAnalysis | undefined {
    return this.latest.get(uri.toString());
  }

  /** A model chosen for this session only (MVP: Choose Model): beats front matter, team config and settings. */
  sessionModel: string | undefined;

  /** Attach a transcript whose history travels with this document's prompt. */
  setTranscript(uri: vscode.Uri, transcript: Transcript | undefined): void {
    if (transcript) {
      this.transcripts.set(uri.toString(), transcript);
    } else {
      this.transcripts.delete(uri.toString());
    }
  }

  /** Re-analyse after the configured delay; a newer call for the same document replaces it. */
  schedule(document: vscode.TextDocument, delayMs = readSettings(document.uri).diagnosticsDelayMs): void {
    const key = document.uri.toString();
    const generation = this.bump(key);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const running = this.inFlight.get(key);
        if (running) {
          // One analysis per document at a time: on a big document a keystroke during an analysis
          // would otherwise start a second full pass whose result is already stale.
          running.rerun = true;
          return;
        }
        void this.run(document, generation);
      }, delayMs),
    );
  }

  /** Analyse now and return the result (commands); also publishes it. */
  async analyseNow(document: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    return this.run(document, this.bump(key));
  }

  /** Analyse any text (a selection, a file picked in a quick pick) without publishing it. */
  analyseText(text: string, file: string | undefined, scope?: vscode.Uri, transcript?: Transcript): Promise<AnalysisWithNotices> {
    const options = this.options(text, file, scope);
    // The transcript's file name goes into its seed summary, as `mvp session` names it.
    return this.analyse(transcript ? { ...options, transcript, transcriptName: scope ? path.posix.basename(scope.path) : undefined } : options);
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.bump(key);
    this.latest.delete(key);
  }

  /** Documents whose last analysis read the given attachment. */
  documentsUsingAttachment(filePath: string): vscode.Uri[] {
    return [...this.latest.values()]
      .filter((d) => d.analysis.attachments.some((a) => a.reference.path === filePath))
      .map((d) => d.document.uri);
  }

  private logNotices(notices: readonly string[]): void {
    for (const notice of notices) {
      if (this.loggedNotices.has(notice)) continue;
      this.loggedNotices.add(notice);
      this.log.warn(notice);
    }
  }

  private bump(key: string): number {
    const next = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, next);
    return next;
  }

  private options(text: string, file: string | undefined, scope?: vscode.Uri): AnalyseOptions {
    const settings = readSettings(scope);
    const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : undefined;
    const transcript = scope ? this.transcripts.get(scope.toString()) : undefined;
    return {
      text,
      file,
      model: this.sessionModel,
      defaultModel: settings.defaultModel,
      region: settings.region,
      outputTokens: settings.expectedOutputTokens,
      workspaceRoot: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
      trusted: vscode.workspace.isTrusted,
      transcript,
      budgets: settings.budgets,
      extensionPackResolver: (extensionId, relativePath) => {
        const extension = vscode.extensions.getExtension(extensionId);
        if (!extension) {
          return undefined;
        }
        const resolved = path.resolve(extension.extensionPath, relativePath);
        // A pack path must stay inside the extension that ships it.
        return resolved.startsWith(extension.extensionPath + path.sep) ? resolved : undefined;
      },
    };
  }

  private async run(document: vscode.TextDocument, generation: number): Promise<DocumentAnalysis | undefined> {
    const key = document.uri.toString();
    const version = document.version;
    const started = performance.now();
    const file = document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
    const flight = { rerun: false };
    this.inFlight.set(key, flight);
    const work = this.analyse({ ...this.options(document.getText(), file, document.uri), documentKey: key });
    const progressTimer = setTimeout(() => {
      void vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Window,
          title: `MVP: analysing ${path.basename(document.uri.path)} and its attachments…`,
        },
        () => work.catch(() => undefined),
      );
    }, PROGRESS_AFTER_MS);
    try {
      const analysis = await work;
      if (this.generations.get(key) !== generation || document.isClosed) {
        return undefined; // a newer edit or analysis superseded this one
      }
      const result: DocumentAnalysis = { document, version, analysis, durationMs: performance.now() - started };
      this.latest.set(key, result);
      this.logNotices(analysis.notices);
      this.analysed.fire(result);
      return result;
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      this.log.error(`Analysis of ${document.uri.fsPath || document.uri.toString()} failed: ${error.stack ?? error.message}`);
      if (this.generations.get(key) === generation) {
        this.failed.fire({ document, error });
      }
      return undefined;
    } finally {
      clearTimeout(progressTimer);
      if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
      if (flight.rerun && !document.isClosed) {
        void this.run(document, this.generations.get(key) ?? generation);
      }
    }
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.analysed.dispose();
    this.failed.dispose();
  }
}
