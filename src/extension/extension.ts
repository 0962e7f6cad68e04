/**
 * Minimal Viable Prompt in VS Code: wires the engine to the editor's surfaces. Activation only
 * creates objects and listeners — rank files, profiles and spreadsheets load on first analysis.
 * Layout follows vscode-markdownlint: one DiagnosticCollection, debounced analysis with a
 * generation counter, QuickFix + source.fixAll, watchers on config files, re-analysis on trust.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { AnalysisWithNotices } from '../core/analyse';
import { globToRegExp } from '../core/config/promptFileGlobs';
import { formatTokens } from '../core/format';
import { loadedEncodings } from '../core/tokens/loadRankTable';
import { EQUIVALENCE_DEVICES, equivalence } from '../core/energy/equivalences';
import { analysePromptCommand } from './commands/analyseCommand';
import { MvpCodeActionProvider } from './fixes/codeActions';
import { documentFor, toUri } from './commands/commandArguments';
import { crossCheckTokens } from './commands/crossCheck';
import { disableRuleInConfig, disableTarget } from './problems/disableRuleInConfig';
import { DiagnosticsPublisher } from './problems/diagnostics';
import { type DocumentAnalysis, DocumentAnalyser } from './engine/documentAnalyser';
import type { EditorServices } from './engine/editorServices';
import { EnergyPanelProvider } from './energyPanel/energyPanelProvider';
import { EXPLAIN_SCHEME, ExplanationProvider, explanationMarkdown, explanationUri } from './explain/explainEstimate';
import { FixActionRunner } from './fixes/fixActions';
import { registerFixCommands } from './fixes/fixCommands';
import { MvpHoverProvider } from './problems/hoverProvider';
import { LiveCounts, shiftRange } from './engine/liveUpdate';
import { chooseModel, saveModelChoice } from './commands/modelPicker';
import { isModelTarget } from '../core/profiles/modelTargets';
import { configClaims, isAnalysableScheme, isPromptDocument } from './engine/promptDocuments';
import { ReportPanel } from './report/reportPanel';
import { SessionCommands } from './commands/sessionCommands';
import { affectsAnalysis, readSettings, SETTINGS_SECTION } from './engine/settings';
import { convertSpreadsheetCommand, convertWithEngine, pickSheet } from './fixes/spreadsheetConversion';
import { PromptStatusBar } from './statusBar/statusBar';
import { createTeamConfig } from './commands/teamConfigCommand';
import { registerAgentContext } from './commands/agentContext';

export const PROMPT_CONTEXT_KEY = 'mvp.activeEditorIsPrompt';

/** What the extension exports: for other extensions, and for the integration tests and benchmarks. */
export interface MvpApi {
  /** Milliseconds spent inside activate(). */
  activationMs: number;
  /** The analysis of the document's current text, if done. */
  analysisOf(uri: vscode.Uri): AnalysisWithNotices | undefined;
  /** Analyse now (skipping the debounce) and return the result. */
  analyse(uri: vscode.Uri): Promise<AnalysisWithNotices | undefined>;
  onDidAnalyse: vscode.Event<{ uri: vscode.Uri; version: number; durationMs: number; analysis: AnalysisWithNotices }>;
  /**
   * After an edit, before the full analysis: exact count and estimate of the edited text;
   * `processingMs` is the time from receiving the change event to the update being shown.
   */
  onDidLiveUpdate: vscode.Event<{ uri: vscode.Uri; version: number; total: number; processingMs: number }>;
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

export function activate(context: vscode.ExtensionContext): MvpApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Minimal Viable Prompt', { log: true });
  /** The engine-backed services, loaded with the first analysis (see editorServices.ts). */
  let services: EditorServices | undefined;
  let loading: Promise<EditorServices> | undefined;
  const loadServices = (): Promise<EditorServices> =>
    (loading ??= import('./engine/editorServices').then((m) => {
      const loaded = m.createEditorServices(context.extensionUri);
      context.subscriptions.push(
        loaded,
        loaded.attachments.onDidChangeAttachment((file) => {
          for (const uri of analyser.documentsUsingAttachment(file)) {
            const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
            if (document) analyser.schedule(document, 0);
          }
        }),
        loaded.configs.onDidChange(() => analyseAllTracked()),
      );
      services = loaded;
      // Documents only the team config names as prompts are recognisable now.
      setTimeout(() => {
        for (const document of vscode.workspace.textDocuments) {
          if (!analyser.last(document.uri) && isTracked(document)) analyser.schedule(document, 0);
        }
        setActiveContext();
      }, 0);
      return loaded;
    }));
  const analyser = new DocumentAnalyser(async (options) => (await loadServices()).engine.analyse(options), log);
  const diagnostics = new DiagnosticsPublisher(context.extensionUri);
  const statusBar = new PromptStatusBar((wh, kind) => {
    const device = EQUIVALENCE_DEVICES.find((d) => d.id === kind);
    if (!device) return undefined;
    const e = equivalence(wh, device);
    return { text: e.text, assumption: `${device.assumption} Source: [${device.source.title}](${device.source.url}).` };
  });
  const panel = new EnergyPanelProvider(context.extensionUri, context.globalState, undefined, context.globalStorageUri.fsPath);
  const report = new ReportPanel(() => panel.recentAgentUsage());
  const explanations = new ExplanationProvider();
  const runner = new FixActionRunner(analyser, convertWithEngine);
  const sessions = new SessionCommands(analyser, report, runner);
  /** Documents the user analysed explicitly: they stay live even when not matching the prompt globs. */
  const explicit = new Set<string>();
  const analysedEvents = new vscode.EventEmitter<{ uri: vscode.Uri; version: number; durationMs: number; analysis: AnalysisWithNotices }>();
  const shownNotices = new Set<string>();
  const live = new LiveCounts();
  const liveEvents = new vscode.EventEmitter<{ uri: vscode.Uri; version: number; total: number; processingMs: number }>();
  const profileOf = (analysis: AnalysisWithNotices) => services?.profileRegistryFor(analysis.config).get(analysis.model.id);

  const isTracked = (document: vscode.TextDocument): boolean => {
    if (!isAnalysableScheme(document.uri)) return false;
    if (explicit.has(document.uri.toString())) return true;
    const settings = readSettings(document.uri);
    if (isPromptDocument(document, settings.files)) return true;
    if (document.uri.scheme !== 'file') return false;
    // The team config may name more prompt files; checked only for text-like documents, once the
    // engine is loaded (the first analysis loads it; analyseAllTracked runs again then).
    if (!services || !['markdown', 'plaintext'].includes(document.languageId)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const config = services.engine.configFor({ text: '', file: document.uri.fsPath, workspaceRoot: folder?.uri.fsPath, trusted: vscode.workspace.isTrusted });
    return configClaims(document.uri.fsPath, config.files, config.filesBase, globToRegExp);
  };

  const setActiveContext = () => {
    const document = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', PROMPT_CONTEXT_KEY, !!document && isTracked(document));
  };

  /** The prompt the panel shows: kept while a non-prompt editor (a CSV, settings) has focus. */
  let panelDocument: string | undefined;
  const updatePanel = (result: DocumentAnalysis | undefined) => {
    panelDocument = result?.document.uri.toString();
    if (!result || !services) {
      panel.update(undefined, 'Open a prompt file (for example *.prompt.md, AGENTS.md) to see its tokens and energy.');
      return;
    }
    const analysis = result.analysis;
    // Priced by the engine on a smaller and an open model (Analysis.modelComparisons).
    panel.update({ documentUri: result.document.uri.toString(), analysis, comparisons: analysis.modelComparisons });
  };

  const refreshActive = () => {
    const document = vscode.window.activeTextEditor?.document;
    const current = document ? analyser.last(document.uri) : undefined;
    if (document && isTracked(document) && !current) {
      // The first analysis of a session loads the tokenizer and profiles: say so while it runs.
      statusBar.showAnalysing(path.basename(document.uri.path));
      return;
    }
    if (!document || !isTracked(document) || !current) {
      statusBar.hide();
      // Another kind of editor (or none) took focus: the panel keeps the last prompt, unless it was closed.
      if (!panelDocument) updatePanel(undefined);
      return;
    }
    statusBar.show(current.analysis, readSettings(document.uri), document.uri, false, panel.recentAgentUsage());
    // This week's agent usage for the tooltip: read in a worker, at most every few minutes.
    panel.refreshAgentUsage();
    updatePanel(current);
  };

  // A fresh reading of the agents' logs updates the tooltip of the prompt on screen.
  panel.watchAgentUsage(() => refreshActive());

  const analyseAllTracked = () => {
    for (const document of vscode.workspace.textDocuments) {
      if (isTracked(document)) analyser.schedule(document, 0);
      else if (diagnostics.get(document.uri).length) diagnostics.clear(document.uri);
    }
    setActiveContext();
  };

  context.subscriptions.push(
    log,
    analyser,
    diagnostics,
    statusBar,
    report,
    explanations,
    panel,
    analysedEvents,
    liveEvents,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explanations),
    vscode.window.registerWebviewViewProvider(EnergyPanelProvider.viewType, panel, { webviewOptions: { retainContextWhenHidden: false } }),
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new MvpCodeActionProvider(diagnostics, analyser, (document, text) => {
        const last = analyser.last(document.uri)?.analysis;
        const profile = last && profileOf(last);
        return profile && services ? services.countForProfile(profile, text).tokens : undefined;
      }), MvpCodeActionProvider.metadata),
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new MvpHoverProvider(analyser)),

    analyser.onDidAnalyse((result) => {
      const { document, analysis } = result;
      const settings = readSettings(document.uri);
      const profile = profileOf(analysis);
      if (profile) live.analysed(document, result.version, profile);
      if (settings.diagnosticsEnabled) diagnostics.publish(document, analysis.findings);
      else diagnostics.clear(document.uri);
      for (const notice of analysis.notices) {
        if (!shownNotices.has(notice)) {
          shownNotices.add(notice);
          log.warn(notice);
        }
      }
      if (vscode.window.activeTextEditor?.document === document) {
        statusBar.show(analysis, settings, document.uri, false, panel.recentAgentUsage());
        updatePanel(result);
      }
      report.update(document.uri, analysis, result.version);
      analysedEvents.fire({ uri: document.uri, version: result.version, durationMs: result.durationMs, analysis });
    }),
    analyser.onDidFail(({ document, error }) => {
      if (vscode.window.activeTextEditor?.document === document) statusBar.showError(error.message);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => (services ? services.configs.invalidate() : analyseAllTracked())),

    vscode.workspace.onDidOpenTextDocument((document) => {
      if (isTracked(document)) analyser.schedule(document, 0);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const received = performance.now();
      if (!e.contentChanges.length || !isTracked(e.document)) return;
      analyser.schedule(e.document);
      if (e.contentChanges.length === 1) diagnostics.shift(e.document, e.contentChanges[0], shiftRange);
      const last = analyser.last(e.document.uri);
      const settings = readSettings(e.document.uri);
      const figures = services
        ? live.edited(e, last, last && profileOf(last.analysis), services.estimateRequest, {
            outputTokens: settings.expectedOutputTokens,
            region: settings.region ?? last?.analysis.config.region,
          })
        : undefined;
      if (figures) {
        if (vscode.window.activeTextEditor?.document === e.document) statusBar.show(figures.analysis, settings, e.document.uri, true, panel.recentAgentUsage());
        liveEvents.fire({ uri: e.document.uri, version: figures.version, total: figures.analysis.tokens.total, processingMs: performance.now() - received });
      }
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      analyser.forget(document);
      services?.engine.forget(document.uri.toString());
      live.forget(document.uri);
      diagnostics.clear(document.uri);
      explicit.delete(document.uri.toString());
      if (panelDocument === document.uri.toString()) {
        panelDocument = undefined;
        refreshActive();
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(() => {
      setActiveContext();
      refreshActive();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsAnalysis(e)) {
        if (!readSettings().diagnosticsEnabled) diagnostics.clearAll();
        analyseAllTracked();
      } else if (e.affectsConfiguration(`${SETTINGS_SECTION}.statusBar`)) {
        refreshActive();
      }
    }),

    vscode.commands.registerCommand('mvp.analysePrompt', async (arg?: unknown) => {
      try {
        const document = arg ? await documentFor(arg) : vscode.window.activeTextEditor?.document;
        if (document && vscode.window.activeTextEditor?.selection.isEmpty !== false) explicit.add(document.uri.toString());
        return await analysePromptCommand(analyser, report, arg);
      } catch (e) {
        void vscode.window.showErrorMessage(`MVP: ${(e as Error).message}`);
        return undefined;
      } finally {
        setActiveContext();
      }
    }),
    vscode.commands.registerCommand('mvp.disableRuleInConfig', async (uri?: unknown, ruleId?: unknown) => {
      const document = await documentFor(uri);
      if (!document || typeof ruleId !== 'string' || !/^[\w./@-]{1,100}$/.test(ruleId)) return false;
      const target = disableTarget(document, analyser.last(document.uri)?.analysis);
      if (!target) {
        void vscode.window.showWarningMessage('MVP: open a folder to keep a team config (.mvp.jsonc) in; meanwhile the disable comments work.');
        return false;
      }
      const ok = await disableRuleInConfig(target, ruleId);
      if (ok) {
        void vscode.window.showInformationMessage(`MVP: '${ruleId}' is off in ${vscode.workspace.asRelativePath(target.file, false)} for every prompt it covers.`);
        analyser.schedule(document, 0);
      }
      return ok;
    }),
    vscode.commands.registerCommand('mvp.clearAgentUsageCache', async () => {
      const removed = await panel.clearAgentUsageCache();
      void vscode.window.showInformationMessage(
        removed ? 'MVP: agent usage cache cleared; the logs are read again.' : 'MVP: there was no agent usage cache to clear.',
      );
    }),
    vscode.commands.registerCommand('mvp.chooseModel', async (modelId?: unknown, target?: unknown) => {
      const active = vscode.window.activeTextEditor?.document;
      const current = active ? analyser.last(active.uri)?.analysis : undefined;
      const { profileRegistryFor, estimateRequest } = await loadServices();
      const registry = profileRegistryFor(current?.config);
      const where = {
        document: current ? active : undefined,
        analysis: current,
        setSessionModel: (id: string | undefined) => {
          if (analyser.sessionModel === id) return;
          analyser.sessionModel = id;
          analyseAllTracked();
        },
      };
      if (typeof modelId === 'string' && modelId) {
        if (!registry.get(modelId)) {
          void vscode.window.showErrorMessage(`MVP: no model profile "${modelId}".`);
          return undefined;
        }
        return saveModelChoice(modelId, where, isModelTarget(target) ? target : undefined);
      }
      return chooseModel(
        {
          profiles: () => registry.list(),
          whPer1kInputTokens: (profile) => estimateRequest(profile, { inputTokens: 1000, outputTokens: 0 }).energyWh.central,
        },
        where,
      );
    }),
    vscode.commands.registerCommand('mvp.convertSpreadsheet', async (arg?: unknown, options?: { sheet?: string; documentUri?: unknown; pickSheet?: boolean }) => {
      try {
        if (arg && options?.documentUri) {
          const document = await documentFor(options.documentUri);
          const file = toUri(arg)?.fsPath;
          const attachment = document && analyser.last(document.uri)?.analysis.attachments.find((a) => a.reference.path === file);
          if (document && attachment) {
            const sheet = options.pickSheet ? await pickSheet(attachment) : (options.sheet ?? attachment.reference.sheet);
            if (options.pickSheet && sheet === undefined) return undefined;
            return await runner.run(document, {
              kind: 'convertSpreadsheet',
              attachmentPath: attachment.reference.path,
              sheet,
              referenceRange: attachment.reference.range,
            });
          }
        }
        return await convertSpreadsheetCommand(analyser, runner, arg);
      } catch (e) {
        void vscode.window.showErrorMessage(`MVP: ${(e as Error).message}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('mvp.analyseChatSession', (arg?: unknown) => sessions.analyseChatSession(arg)),
    vscode.commands.registerCommand('mvp.startFreshSession', async (arg?: unknown) => {
      try {
        return await sessions.startFreshSession(arg);
      } catch (e) {
        void vscode.window.showErrorMessage(`MVP: ${(e as Error).message}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('mvp.explainEstimate', async (arg?: unknown) => {
      const document = await documentFor(arg);
      if (!document) {
        void vscode.window.showInformationMessage('MVP: open a prompt document to explain its estimate.');
        return undefined;
      }
      const result = analyser.current(document) ?? (await analyser.analyseNow(document));
      if (!result) return undefined;
      const uri = explanationUri(document.uri);
      const profile = (await loadServices()).profileRegistryFor(result.analysis.config).get(result.analysis.model.id);
      explanations.set(uri, explanationMarkdown(result.analysis, path.basename(document.uri.path), profile));
      try {
        await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      } catch {
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      }
      return uri;
    }),
    vscode.commands.registerCommand('mvp.createTeamConfig', () => createTeamConfig()),
    vscode.commands.registerCommand('mvp.crossCheckTokens', async (arg?: unknown) => {
      const document = await documentFor(arg);
      if (!document) return undefined;
      const result = analyser.current(document) ?? (await analyser.analyseNow(document));
      if (!result) return undefined;
      const check = await crossCheckTokens(document, result.analysis);
      if (!check) {
        // Visible feedback, not a status bar flash: say what is missing and what to do.
        void vscode.window.showInformationMessage(
          `MVP: no language model in this editor matches ${result.analysis.model.name}, so there is nothing to cross-check against. Install a chat extension that offers one (e.g. GitHub Copilot Chat) and allow MVP to use it; MVP's own count (${result.analysis.model.tokenizer}) is unchanged.`,
        );
        return undefined;
      }
      report.setCrossCheck(document.uri, check);
      void vscode.window.showInformationMessage(
        `MVP: ${check.modelName} counts ${formatTokens(check.tokens)} tokens for this prompt's text; MVP counts ${formatTokens(result.analysis.tokens.total)} for the whole request (${result.analysis.model.tokenizer}).`,
      );
      return check;
    }),
    ...registerFixCommands(analyser, runner),
    registerLazyChatParticipant(context, async (options) => (await loadServices()).engine.analyse(options), log),
  );

  registerAgentContext(context);
  analyseAllTracked();
  refreshActive();

  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  return {
    activationMs,
    analysisOf: (uri) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return document ? analyser.current(document)?.analysis : undefined;
    },
    analyse: async (uri) => (await analyser.analyseNow(await vscode.workspace.openTextDocument(uri)))?.analysis,
    onDidAnalyse: analysedEvents.event,
    onDidLiveUpdate: liveEvents.event,
    isTracked: (uri) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return !!document && isTracked(document);
    },
    statusBar: () => ({ visible: statusBar.visible, text: statusBar.text, tooltip: statusBar.tooltip, warning: statusBar.warning }),
    reportHtml: () => report.html,
    attachmentReads: () => services?.attachments.reads ?? 0,
    attachmentReadReasons: () => [...(services?.attachments.readReasons ?? [])],
    loadedEncodings: () => loadedEncodings(),
    encodingsLoadedAtActivation: loadedEncodings(),
  };
}

/**
 * `@mvp` in the chat (chatParticipant.ts). Registered at activation so the chat can route to it,
 * but its module — which needs the engine — loads with the first request.
 */
function registerLazyChatParticipant(
  context: vscode.ExtensionContext,
  analyse: (options: import('../core/analyseOptions').AnalyseOptions) => Promise<AnalysisWithNotices>,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  const chat = (vscode as { chat?: typeof vscode.chat }).chat;
  if (!chat?.createChatParticipant) return new vscode.Disposable(() => undefined);
  let handler: Promise<vscode.ChatRequestHandler> | undefined;
  const participant = chat.createChatParticipant('mvp.chat', async (request, chatContext, stream, token) => {
    handler ??= import('./chat/chatParticipant').then((m) => m.createChatRequestHandler({ analyse, log }));
    return (await handler)(request, chatContext, stream, token);
  });
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
  return participant;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
