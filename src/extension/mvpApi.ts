/** What the extension exports: for other extensions, and for the integration tests and benchmarks. */
import * as vscode from 'vscode';
import type { AnalysisWithNotices } from '../core/analyse';
import { loadedEncodings } from '../core/tokens/loadRankTable';
import type { DocumentAnalyser } from './engine/documentAnalyser';
import { openDocument, type PromptTracker } from './engine/promptTracker';
import type { ServiceLoader } from './engine/serviceLoader';
import type { ReportPanel } from './report/reportPanel';
import type { PromptStatusBar } from './statusBar/statusBar';

export interface AnalysedEvent {
  uri: vscode.Uri;
  version: number;
  durationMs: number;
  analysis: AnalysisWithNotices;
}

export interface LiveUpdateEvent {
  uri: vscode.Uri;
  version: number;
  total: number;
  processingMs: number;
}

export interface MvpApi {
  /** Milliseconds spent inside activate(). */
  activationMs: number;
  /** The analysis of the document's current text, if done. */
  analysisOf(uri: vscode.Uri): AnalysisWithNotices | undefined;
  /** Analyse now (skipping the debounce) and return the result. */
  analyse(uri: vscode.Uri): Promise<AnalysisWithNotices | undefined>;
  onDidAnalyse: vscode.Event<AnalysedEvent>;
  /**
   * After an edit, before the full analysis: exact count and estimate of the edited text;
   * `processingMs` is the time from receiving the change event to the update being shown.
   */
  onDidLiveUpdate: vscode.Event<LiveUpdateEvent>;
  /** Whether the document is treated as a prompt (live diagnostics). */
  isTracked(uri: vscode.Uri): boolean;
  statusBar(): { visible: boolean; text: string; tooltip: string; warning: boolean };
  reportHtml(): string;
  /** How many times attachments were actually read from disk, and why the last ones were. */
  attachmentReads(): number;
  attachmentReadReasons(): string[];
  /** Token encodings whose rank tables are loaded now, and when activate() returned (none). */
  loadedEncodings(): string[];
  encodingsLoadedAtActivation: string[];
}

export function createMvpApi(parts: {
  activationMs: number;
  analyser: DocumentAnalyser;
  tracker: PromptTracker;
  services: ServiceLoader;
  statusBar: PromptStatusBar;
  report: ReportPanel;
  analysed: vscode.EventEmitter<AnalysedEvent>;
  liveUpdates: vscode.EventEmitter<LiveUpdateEvent>;
}): MvpApi {
  const { analyser, tracker, services, statusBar, report } = parts;
  return {
    activationMs: parts.activationMs,
    analysisOf: (uri) => {
      const document = openDocument(uri);
      return document ? analyser.current(document)?.analysis : undefined;
    },
    analyse: async (uri) => (await analyser.analyseNow(await vscode.workspace.openTextDocument(uri)))?.analysis,
    onDidAnalyse: parts.analysed.event,
    onDidLiveUpdate: parts.liveUpdates.event,
    isTracked: (uri) => tracker.isTrackedUri(uri),
    statusBar: () => ({
      visible: statusBar.visible,
      text: statusBar.text,
      tooltip: statusBar.tooltip,
      warning: statusBar.warning,
    }),
    reportHtml: () => report.html,
    attachmentReads: () => services.current?.attachments.reads ?? 0,
    attachmentReadReasons: () => [...(services.current?.attachments.readReasons ?? [])],
    loadedEncodings: () => loadedEncodings(),
    encodingsLoadedAtActivation: loadedEncodings(),
  };
}
