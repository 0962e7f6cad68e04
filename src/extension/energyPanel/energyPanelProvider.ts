/**
 * The "Energy" webview view: VS Code's side of the panel. It serves the page (strict CSP, nonce,
 * resources through asWebviewUri) and lends the editor to PanelController, which does the rest.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { describeEquivalences } from './equivalenceOptions';
import { DEFAULT_PANEL_COMMANDS, PanelController, type PanelCommands } from './panelController';
import { createNonce, panelHtml } from './panelHtml';
import type { PanelInput } from './panelInput';
import { AgentUsageLoader } from './agentUsageLoader';
import type { AgentLoadSource } from './agentLoadSource';
import type { RecentUsage } from '../../core/usage';

export { DEFAULT_PANEL_COMMANDS, type PanelCommands } from './panelController';

export class EnergyPanelProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewType = 'mvp.energyPanel';

  private readonly controller: PanelController<vscode.Uri>;
  private readonly disposables: vscode.Disposable[] = [];

  /** Real agent usage from the local logs, read when the panel shows (absent without a storage folder). */
  private readonly agentUsage: AgentUsageLoader | undefined;

  /**
   * @param agentLoad the workspace agent's fixed load, measured once per folder and model, off the
   *   typing path; the report reads the same one (so both show the same figures)
   */
  constructor(
    private readonly extensionUri: vscode.Uri,
    globalState: vscode.Memento,
    agentLoad: AgentLoadSource,
    commands: PanelCommands = DEFAULT_PANEL_COMMANDS,
    storageDir?: string,
  ) {
    this.controller = new PanelController(globalState, describeEquivalences, commands);
    this.controller.setAgentLoadSource((input) => agentLoad.stateFor(input.documentUri, input.analysis.model.id));
    this.disposables.push(agentLoad.onDidChange(() => this.controller.agentLoadChanged()));
    this.agentUsage = storageDir
      ? new AgentUsageLoader(storageDir, (state) => {
          this.controller.setAgentUsage(state);
          for (const listener of this.agentUsageListeners) listener();
        })
      : undefined;
  }

  private readonly agentUsageListeners: (() => void)[] = [];

  /** This week's agent usage once the logs have been read (the status bar shows it too), else undefined. */
  recentAgentUsage(): RecentUsage | undefined {
    const state = this.agentUsage?.current();
    return state?.status === 'ready' ? state.recent : undefined;
  }

  /** `listener` runs after each reading of the agents' logs. */
  watchAgentUsage(listener: () => void): void {
    this.agentUsageListeners.push(listener);
  }

  /** Reads the agents' logs in a worker unless a reading is running or recent (at most every few minutes). */
  refreshAgentUsage(): void {
    void this.agentUsage?.refresh();
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const webview = view.webview;
    webview.options = { enableScripts: true, localResourceRoots: [dist] };
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
      nonce: createNonce((size) => randomBytes(size)),
    });
    this.controller.attach({
      post: (message) => void webview.postMessage(message),
      executeCommand: (command, ...args) => vscode.commands.executeCommand(command, ...args),
      parseUri: (uri) => vscode.Uri.parse(uri),
      fileUri: (path) => vscode.Uri.file(path),
      openExternal: (url) => vscode.env.openExternal(vscode.Uri.parse(url)),
      showInformation: (message) => void vscode.window.showInformationMessage(message),
      showError: (message) => void vscode.window.showErrorMessage(message),
      confirmReset: async () =>
        (await vscode.window.showWarningMessage(
          'Reset today’s totals? They are stored only on this machine.',
          { modal: true },
          'Reset',
        )) === 'Reset',
    });
    this.disposables.push(
      webview.onDidReceiveMessage((raw) => void this.controller.handle(raw)),
      view.onDidDispose(() => this.controller.detach()),
      view.onDidChangeVisibility(() => {
        if (view.visible) void this.agentUsage?.refresh();
      }),
    );
    if (this.agentUsage) {
      this.controller.setAgentUsage(this.agentUsage.current());
      void this.agentUsage.refresh();
    }
  }

  /**
   * The active prompt's analysis changed (or, with undefined, no prompt is active any more; the
   * message says what to do). Cheap to call on every analysis: only changed sections travel.
   */
  update(input: PanelInput | undefined, emptyMessage?: string): void {
    void this.controller.update(input, emptyMessage);
  }

  /** Deletes the agent-usage cache and reads the logs again; undefined when the panel reads no logs. */
  clearAgentUsageCache(): Promise<boolean> | undefined {
    return this.agentUsage?.clearCache();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
  }
}
