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
import type { AgentLoadSource } from '../energyPanel/agentLoadSource';
import { buildAgentLoad } from '../energyPanel/sections/agentLoad';

export const REPORT_VIEW_TYPE = 'mvp.report';

const REPORT_COMMANDS = [
  'mvp.applyFix',
  'mvp.explainEstimate',
  'mvp.chooseModel',
  'mvp.revealRange',
  'mvp.startFreshSession',
  'mvp.crossCheckTokens',
  'mvp.showAgentContext',
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

  private readonly agentLoadWatch: vscode.Disposable | undefined;

  /**
   * @param agentWeek this week's agent usage from the local logs, once read (the Energy view's loader)
   * @param agentLoad the workspace agent's fixed load (the Energy view's, so both show the same figures); none: no section
   */
  constructor(
    private readonly agentWeek: () => RecentUsage | undefined = () => undefined,
    private readonly agentLoad?: AgentLoadSource,
  ) {
    // A load measured (or gone stale) after the report opened: show it.
    this.agentLoadWatch = agentLoad?.onDidChange(() => this.render());
  }

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
      agentLoad: this.agentLoadView(),
      agentWeek: this.agentWeek(),
    });
    this.panel.webview.html = this.html;
  }

  /** The fixed load of the agent of the report's document (or file), for its model; none without a source. */
  private agentLoadView() {
    const subject = this.subject;
    const uri = subject?.documentUri ?? (subject?.analysis.file ? vscode.Uri.file(subject.analysis.file) : undefined);
    if (!this.agentLoad || !subject || !uri) return undefined;
    return buildAgentLoad(subject.analysis, this.agentLoad.stateFor(uri.toString(), subject.analysis.model.id)) ?? undefined;
  }

  dispose(): void {
    this.agentLoadWatch?.dispose();
    this.panel?.dispose();
  }
}
