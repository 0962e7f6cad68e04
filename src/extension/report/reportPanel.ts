/**
 * The report panel: one webview panel, reused, that follows the document it was opened for and
 * re-renders when that document is re-analysed (so an applied suggestion disappears from it).
 * No scripts: links run our own commands only (enableCommandUris).
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { Analysis } from '../../core/analysis';
import type { RecentUsage } from '../../core/usage';
import { type CrossCheck, renderReportHtml } from './reportHtml';

export const REPORT_VIEW_TYPE = 'mvp.report';

const REPORT_COMMANDS = [
  'mvp.applyFix',
  'mvp.explainEstimate',
  'mvp.chooseModel',
  'mvp.revealRange',
  'mvp.startFreshSession',
  'mvp.crossCheckTokens',
];

export interface ReportSubject {
  title: string;
  analysis: Analysis;
  /** Set when the report belongs to an open document: it then follows that document's analyses. */
  documentUri?: vscode.Uri;
  version?: number;
  crossCheck?: CrossCheck;
}

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private subject: ReportSubject | undefined;
  /** The last HTML set (tests read it). */
  html = '';

  /** @param agentWeek this week's agent usage from the local logs, once read (the Energy view's loader) */
  constructor(private readonly agentWeek: () => RecentUsage | undefined = () => undefined) {}

  show(subject: ReportSubject): void {
    this.subject = subject;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        REPORT_VIEW_TYPE,
        subject.title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableCommandUris: REPORT_COMMANDS, localResourceRoots: [], retainContextWhenHidden: false },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.subject = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.render();
  }

  /** Called on every analysis: re-renders if the report shows that document. */
  update(uri: vscode.Uri, analysis: Analysis, version: number): void {
    if (this.panel && this.subject?.documentUri?.toString() === uri.toString()) {
      this.subject = { ...this.subject, analysis, version, crossCheck: this.subject.crossCheck };
      this.render();
    }
  }

  setCrossCheck(uri: vscode.Uri, crossCheck: CrossCheck): void {
    if (this.panel && this.subject?.documentUri?.toString() === uri.toString()) {
      this.subject = { ...this.subject, crossCheck };
      this.render();
    }
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  private render(): void {
    if (!this.panel || !this.subject) return;
    this.panel.title = this.subject.title;
    this.html = renderReportHtml(this.subject.analysis, {
      nonce: randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
      documentUri: this.subject.documentUri?.toString(),
      version: this.subject.version,
      title: this.subject.title,
      crossCheck: this.subject.crossCheck,
      agentWeek: this.agentWeek(),
    });
    this.panel.webview.html = this.html;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
