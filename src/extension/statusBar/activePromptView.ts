/**
 * The status bar item and the Energy panel follow the prompt in the active editor: its analysis,
 * the live count while typing, a spinner during the first analysis (which loads the tokenizer and
 * profiles). The panel keeps the last prompt while another kind of editor (a CSV, the settings)
 * has focus, until that prompt is closed.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisWithNotices } from '../../core/analyse';
import type { DocumentAnalyser, DocumentAnalysis } from '../engine/documentAnalyser';
import type { PromptTracker } from '../engine/promptTracker';
import { readSettings } from '../engine/settings';
import type { EnergyPanelProvider } from '../energyPanel/energyPanelProvider';
import type { PromptStatusBar } from './statusBar';

export class ActivePromptView {
  /** The prompt the panel shows. */
  private panelDocument: string | undefined;

  constructor(
    private readonly statusBar: PromptStatusBar,
    private readonly panel: EnergyPanelProvider,
    private readonly analyser: DocumentAnalyser,
    private readonly tracker: PromptTracker,
    /** Whether the engine is loaded (the panel's figures need it). */
    private readonly engineLoaded: () => boolean,
  ) {}

  /** The active editor changed, or what is shown about it did: show its prompt's last analysis. */
  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    const current = document ? this.analyser.last(document.uri) : undefined;
    if (document && this.tracker.isTracked(document) && !current) {
      // The first analysis of a session loads the tokenizer and profiles: say so while it runs.
      this.statusBar.showAnalysing(path.basename(document.uri.path));
      return;
    }
    if (!document || !this.tracker.isTracked(document) || !current) {
      this.statusBar.hide();
      // Another kind of editor (or none) took focus: the panel keeps the last prompt, unless it was closed.
      if (!this.panelDocument) this.showInPanel(undefined);
      return;
    }
    this.statusBar.show(
      current.analysis,
      readSettings(document.uri),
      document.uri,
      false,
      this.panel.recentAgentUsage(),
    );
    // This week's agent usage for the tooltip: read in a worker, at most every few minutes.
    this.panel.refreshAgentUsage();
    this.showInPanel(current);
  }

  /** A full analysis finished: shown if its document is the active one. */
  analysed(result: DocumentAnalysis): void {
    if (vscode.window.activeTextEditor?.document !== result.document) return;
    this.statusBar.show(
      result.analysis,
      readSettings(result.document.uri),
      result.document.uri,
      false,
      this.panel.recentAgentUsage(),
    );
    this.showInPanel(result);
  }

  /** The count and estimate of text typed since the last full analysis (the status bar only). */
  edited(document: vscode.TextDocument, provisional: AnalysisWithNotices): void {
    if (vscode.window.activeTextEditor?.document !== document) return;
    this.statusBar.show(provisional, readSettings(document.uri), document.uri, true, this.panel.recentAgentUsage());
  }

  failed(document: vscode.TextDocument, error: Error): void {
    if (vscode.window.activeTextEditor?.document === document) this.statusBar.showError(error.message);
  }

  closed(uri: vscode.Uri): void {
    if (this.panelDocument !== uri.toString()) return;
    this.panelDocument = undefined;
    this.refresh();
  }

  private showInPanel(result: DocumentAnalysis | undefined): void {
    this.panelDocument = result?.document.uri.toString();
    if (!result || !this.engineLoaded()) {
      this.panel.update(
        undefined,
        'Open a prompt file (for example *.prompt.md, AGENTS.md) to see its tokens and energy.',
      );
      return;
    }
    const analysis = result.analysis;
    // Priced by the engine on a smaller and an open model (Analysis.modelComparisons).
    this.panel.update({
      documentUri: result.document.uri.toString(),
      analysis,
      comparisons: analysis.modelComparisons,
    });
  }
}
