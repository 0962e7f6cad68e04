/**
 * What the Energy panel does, without the editor: keeps the latest input, renders view models,
 * posts only the sections that changed, and turns the webview's messages into commands. The
 * WebviewViewProvider supplies the editor through `PanelHost`; tests supply plain functions.
 */
import { isDocsLink } from '../../core/config/webLink';
import type { Finding } from '../../core/rules/finding';
import type { TextRange } from '../../core/textRange';
import type { PanelInput } from './panelInput';
import { parseWebviewMessage, type ExtensionMessage, type WebviewMessage } from './panelProtocol';
import {
  buildPanelViewModel,
  changedSections,
  findingId,
  type EquivalenceOption,
  type PanelViewModel,
} from './panelViewModel';
import { figuresOf, TodayTotalsStore, type GlobalStateLike } from './todayTotals';
import type { AgentUsageState } from './agentUsageLoader';
import type { AgentLoadState } from './agentLoadCache';

/**
 * Command ids the panel runs, with the arguments it passes (U is the editor's Uri):
 * - applyFix(documentUri: U, finding: Finding) — the quick fix's own command
 * - revealRange(uri: U, start: number, end: number) — offsets into that document
 * - chooseModel(modelId?: string) — switch to that model; without an id, open the model picker
 * - startFreshSession(documentUri: U) — write the seed summary and open it as a fresh prompt
 * - convertSpreadsheet(attachment: U, options: { sheet?: string; documentUri: U })
 * - explainEstimate(documentUri: U) — the full "why" of the figures
 * - showAgentContext() — the itemised fixed load of the workspace's agent
 */
export interface PanelCommands {
  applyFix: string;
  revealRange: string;
  chooseModel: string;
  startFreshSession: string;
  convertSpreadsheet: string;
  explainEstimate: string;
  showAgentContext: string;
}

export const DEFAULT_PANEL_COMMANDS: PanelCommands = {
  applyFix: 'mvp.applyFix',
  revealRange: 'mvp.revealRange',
  chooseModel: 'mvp.chooseModel',
  startFreshSession: 'mvp.startFreshSession',
  convertSpreadsheet: 'mvp.convertSpreadsheet',
  explainEstimate: 'mvp.explainEstimate',
  showAgentContext: 'mvp.showAgentContext',
};

/** What the controller needs from the editor. */
export interface PanelHost<U> {
  post(message: ExtensionMessage): void;
  executeCommand(command: string, ...args: unknown[]): PromiseLike<unknown>;
  parseUri(uri: string): U;
  fileUri(path: string): U;
  openExternal(url: string): PromiseLike<unknown>;
  showInformation(message: string): void;
  showError(message: string): void;
  /** Asks before clearing today's totals; resolves true to go ahead. */
  confirmReset(): PromiseLike<boolean>;
}

export const EQUIVALENCE_STATE_KEY = 'mvp.energyPanel.equivalence';

export const STALE_FINDING_MESSAGE =
  'Minimal Viable Prompt: that suggestion no longer applies to the prompt as it is now; the panel shows the current ones.';

export class PanelController<U> {
  private input: PanelInput | undefined;
  private emptyMessage: string | undefined;
  /** What the webview shows; undefined until it said "ready" and got a full render. */
  private shown: PanelViewModel | undefined;
  private host: PanelHost<U> | undefined;
  private readonly today: TodayTotalsStore;
  private agentUsage: AgentUsageState | undefined;
  private agentLoadOf: ((input: PanelInput) => AgentLoadState | undefined) | undefined;

  constructor(
    private readonly state: GlobalStateLike,
    private readonly describeEquivalences: (wh: number) => EquivalenceOption[],
    private readonly commands: PanelCommands = DEFAULT_PANEL_COMMANDS,
    now?: () => Date,
  ) {
    this.today = new TodayTotalsStore(state, now);
  }

  /** A webview (re)appeared: it gets everything once it says "ready". */
  attach(host: PanelHost<U>): void {
    this.host = host;
    this.shown = undefined;
  }

  detach(): void {
    this.host = undefined;
    this.shown = undefined;
  }

  /** The agents' usage read from their logs changed (or its reading started / failed). */
  setAgentUsage(state: AgentUsageState): void {
    this.agentUsage = state;
    this.render(false);
  }

  /**
   * Where the workspace agent's fixed load of an input comes from (cached, measured off the typing
   * path); call agentLoadChanged when a measurement ends.
   */
  setAgentLoadSource(agentLoadOf: (input: PanelInput) => AgentLoadState | undefined): void {
    this.agentLoadOf = agentLoadOf;
    this.render(false);
  }

  /** A fixed load was measured or went stale: render what changed. */
  agentLoadChanged(): void {
    this.render(false);
  }

  /** Resolves once today's totals include this input (the panel itself updates at once). */
  update(input: PanelInput | undefined, emptyMessage?: string): Promise<void> {
    this.input = input;
    this.emptyMessage = emptyMessage;
    this.render(false);
    if (!input) {
      return Promise.resolve();
    }
    return this.today.record(input.documentUri, figuresOf(input.analysis)).then(
      () => this.render(false),
      () => undefined, // Totals are a convenience; a failed write must not disturb the panel.
    );
  }

  viewModel(): PanelViewModel {
    return buildPanelViewModel({
      panel: this.input,
      today: this.today.totals(),
      agentUsage: this.agentUsage,
      agentLoad: this.input && this.agentLoadOf ? this.agentLoadOf(this.input) : undefined,
      describeEquivalences: this.describeEquivalences,
      equivalenceId: this.state.get<string>(EQUIVALENCE_STATE_KEY),
      emptyMessage: this.emptyMessage,
    });
  }

  private render(full: boolean): void {
    const host = this.host;
    if (!host || (!full && !this.shown)) {
      return;
    }
    const next = this.viewModel();
    const sections = full ? next : changedSections(this.shown, next);
    this.shown = next;
    if (Object.keys(sections).length > 0) {
      host.post({ type: 'render', full, sections });
    }
  }

  private findFinding(id: string): Finding | undefined {
    const findings = this.input?.analysis.findings ?? [];
    const index = findings.findIndex((f, i) => findingId(f, i) === id);
    return index >= 0 ? findings[index] : undefined;
  }

  private async run(host: PanelHost<U>, command: string, ...args: unknown[]): Promise<void> {
    try {
      await host.executeCommand(command, ...args);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      host.showError(`Minimal Viable Prompt: the panel could not run “${command}”: ${reason}`);
    }
  }

  /** A message from the webview; anything malformed is ignored. */
  async handle(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    const host = this.host;
    if (message && host) {
      await this.dispatch(message, host);
    }
  }

  private async dispatch(message: WebviewMessage, host: PanelHost<U>): Promise<void> {
    const documentUri = this.input ? host.parseUri(this.input.documentUri) : undefined;
    switch (message.type) {
      case 'ready':
        this.render(true);
        return;
      case 'reveal': {
        const uri = message.target.file ? host.fileUri(message.target.file) : documentUri;
        const range: TextRange = message.target.range;
        if (uri !== undefined) {
          await this.run(host, this.commands.revealRange, uri, range.start, range.end);
        }
        return;
      }
      case 'applyFix': {
        const finding = this.findFinding(message.findingId);
        if (!finding || documentUri === undefined) {
          host.showInformation(STALE_FINDING_MESSAGE);
          this.render(true);
          return;
        }
        await this.run(host, this.commands.applyFix, documentUri, finding);
        return;
      }
      case 'chooseModel':
        await (message.modelId
          ? this.run(host, this.commands.chooseModel, message.modelId)
          : this.run(host, this.commands.chooseModel));
        return;
      case 'startFreshSession':
        if (documentUri !== undefined) {
          await this.run(host, this.commands.startFreshSession, documentUri);
        }
        return;
      case 'convertSpreadsheet': {
        // Only an attachment of the current analysis: the webview cannot name arbitrary files.
        const known = this.input?.analysis.attachments.some((a) => a.reference.path === message.attachmentPath);
        if (known && documentUri !== undefined) {
          await this.run(host, this.commands.convertSpreadsheet, host.fileUri(message.attachmentPath), {
            sheet: message.sheet,
            documentUri,
          });
        }
        return;
      }
      case 'explainEstimate':
        if (documentUri !== undefined) {
          await this.run(host, this.commands.explainEstimate, documentUri);
        }
        return;
      case 'showAgentContext':
        await this.run(host, this.commands.showAgentContext);
        return;
      case 'openDocs':
        // Only a web link the analysis itself carries (a pack's rule link could say command: or file:).
        if (isDocsLink(message.url) && this.input?.analysis.findings.some((f) => f.docsUrl === message.url)) {
          await host.openExternal(message.url);
        }
        return;
      case 'selectEquivalence':
        await this.state.update(EQUIVALENCE_STATE_KEY, message.equivalenceId);
        this.render(false);
        return;
      case 'resetToday':
        if (await host.confirmReset()) {
          await this.today.reset();
          this.render(false);
        }
        return;
    }
  }
}
