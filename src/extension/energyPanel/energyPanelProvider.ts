/**
 * The "Energy" webview view: shows what `update()` is given, posts only the sections that changed,
 * and turns the panel's clicks into the extension's commands (the same ones the quick fixes,
 * the status bar and the command palette run).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Finding } from '../../core/rules/finding';
import { describeEquivalences } from './equivalenceOptions';
import { createNonce, panelHtml } from './panelHtml';
import type { PanelInput } from './panelInput';
import { parseWebviewMessage, type ExtensionMessage, type WebviewMessage } from './panelProtocol';
import { buildPanelViewModel, changedSections, findingId, type PanelViewModel } from './panelViewModel';
import { figuresOf, TodayTotalsStore } from './todayTotals';

/**
 * Command ids the panel runs, with the arguments it passes:
 * - applyFix(documentUri: Uri, finding: Finding) — the quick fix's own command
 * - revealRange(uri: Uri, start: number, end: number) — offsets into that document; select and reveal
 * - chooseModel(modelId?: string) — switch to that model; without an id, open the model picker
 * - startFreshSession(documentUri: Uri) — write the seed summary and open it as a fresh prompt
 * - convertSpreadsheet(attachment: Uri, options: { sheet?: string; documentUri: Uri })
 * - explainEstimate(documentUri: Uri) — the full "why" of the figures
 */
export interface PanelCommands {
  applyFix: string;
  revealRange: string;
  chooseModel: string;
  startFreshSession: string;
  convertSpreadsheet: string;
  explainEstimate: string;
}

export const DEFAULT_PANEL_COMMANDS: PanelCommands = {
  applyFix: 'mvp.applyFix',
  revealRange: 'mvp.revealRange',
  chooseModel: 'mvp.chooseModel',
  startFreshSession: 'mvp.startFreshSession',
  convertSpreadsheet: 'mvp.convertSpreadsheet',
  explainEstimate: 'mvp.explainEstimate',
};

const EQUIVALENCE_STATE_KEY = 'mvp.energyPanel.equivalence';

export class EnergyPanelProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewType = 'mvp.energyPanel';

  private view: vscode.WebviewView | undefined;
  private input: PanelInput | undefined;
  private emptyMessage: string | undefined;
  /** What the current webview document shows; undefined until it has had a full render. */
  private shown: PanelViewModel | undefined;
  private readonly today: TodayTotalsStore;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly globalState: vscode.Memento,
    private readonly commands: PanelCommands = DEFAULT_PANEL_COMMANDS,
  ) {
    this.today = new TodayTotalsStore(globalState);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.shown = undefined;
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    view.webview.options = { enableScripts: true, localResourceRoots: [dist] };
    view.webview.html = panelHtml({
      cspSource: view.webview.cspSource,
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
      nonce: createNonce((size) => randomBytes(size)),
    });
    this.disposables.push(
      view.webview.onDidReceiveMessage((raw) => {
        const message = parseWebviewMessage(raw);
        if (message) {
          void this.handle(message);
        }
      }),
      view.onDidDispose(() => {
        this.view = undefined;
        this.shown = undefined;
      }),
    );
  }

  /**
   * The active prompt's analysis changed (or, with undefined, no prompt is active any more).
   * Cheap to call on every analysis: only changed sections travel to the webview.
   */
  update(input: PanelInput | undefined, emptyMessage?: string): void {
    this.input = input;
    this.emptyMessage = emptyMessage;
    this.render(false);
    if (input) {
      this.today.record(input.documentUri, figuresOf(input.analysis)).then(
        () => this.render(false),
        () => undefined, // Totals are a convenience; a failed write must not disturb the panel.
      );
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
  }

  private viewModel(): PanelViewModel {
    return buildPanelViewModel({
      panel: this.input,
      today: this.today.totals(),
      describeEquivalences,
      equivalenceId: this.globalState.get<string>(EQUIVALENCE_STATE_KEY),
      emptyMessage: this.emptyMessage,
    });
  }

  private render(full: boolean): void {
    const view = this.view;
    // A webview that has not said "ready" yet gets everything when it does.
    if (!view || (!full && !this.shown)) {
      return;
    }
    const next = this.viewModel();
    const sections = full ? next : changedSections(this.shown, next);
    this.shown = next;
    if (Object.keys(sections).length === 0) {
      return;
    }
    const message: ExtensionMessage = { type: 'render', full, sections };
    void view.webview.postMessage(message);
  }

  private documentUri(): vscode.Uri | undefined {
    return this.input ? vscode.Uri.parse(this.input.documentUri) : undefined;
  }

  private findFinding(id: string): Finding | undefined {
    const findings = this.input?.analysis.findings ?? [];
    const index = findings.findIndex((f, i) => findingId(f, i) === id);
    return index >= 0 ? findings[index] : undefined;
  }

  private async run(command: string, ...args: unknown[]): Promise<void> {
    try {
      await vscode.commands.executeCommand(command, ...args);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(`Minimal Viable Prompt: the panel could not run “${command}”: ${reason}`);
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    const documentUri = this.documentUri();
    switch (message.type) {
      case 'ready':
        this.render(true);
        return;
      case 'reveal': {
        const uri = message.target.file ? vscode.Uri.file(message.target.file) : documentUri;
        if (uri) {
          await this.run(this.commands.revealRange, uri, message.target.range.start, message.target.range.end);
        }
        return;
      }
      case 'applyFix': {
        const finding = this.findFinding(message.findingId);
        if (!finding || !documentUri) {
          void vscode.window.showInformationMessage(
            'Minimal Viable Prompt: that suggestion no longer applies to the prompt as it is now; the panel shows the current ones.',
          );
          this.render(true);
          return;
        }
        await this.run(this.commands.applyFix, documentUri, finding);
        return;
      }
      case 'chooseModel':
        await (message.modelId ? this.run(this.commands.chooseModel, message.modelId) : this.run(this.commands.chooseModel));
        return;
      case 'startFreshSession':
        if (documentUri) {
          await this.run(this.commands.startFreshSession, documentUri);
        }
        return;
      case 'convertSpreadsheet': {
        // Only an attachment of the current analysis: the webview cannot name arbitrary files.
        const known = this.input?.analysis.attachments.some((a) => a.reference.path === message.attachmentPath);
        if (known && documentUri) {
          await this.run(this.commands.convertSpreadsheet, vscode.Uri.file(message.attachmentPath), {
            sheet: message.sheet,
            documentUri,
          });
        }
        return;
      }
      case 'explainEstimate':
        if (documentUri) {
          await this.run(this.commands.explainEstimate, documentUri);
        }
        return;
      case 'openDocs': {
        const known = this.input?.analysis.findings.some((f) => f.docsUrl === message.url);
        if (known) {
          await vscode.env.openExternal(vscode.Uri.parse(message.url));
        }
        return;
      }
      case 'selectEquivalence':
        await this.globalState.update(EQUIVALENCE_STATE_KEY, message.equivalenceId);
        this.render(false);
        return;
      case 'resetToday': {
        const answer = await vscode.window.showWarningMessage(
          'Reset today’s totals? They are stored only on this machine.',
          { modal: true },
          'Reset',
        );
        if (answer === 'Reset') {
          await this.today.reset();
          this.render(false);
        }
        return;
      }
    }
  }
}
