/**
 * Minimal Viable Prompt in VS Code: wires the engine to the editor's surfaces. Activation only
 * creates objects and listeners — rank files, profiles and spreadsheets load on first analysis.
 * Layout follows vscode-markdownlint: one DiagnosticCollection, debounced analysis with a
 * generation counter, QuickFix + source.fixAll, watchers on config files, re-analysis on trust.
 * What each object does lives in its folder (docs/contributing.md); here they are only connected.
 */
import * as vscode from 'vscode';
import { registerChatParticipant } from './chat/registerChatParticipant';
import { registerAgentContext } from './commands/agentContext';
import { analysePromptCommand } from './commands/analyseCommand';
import { clearAgentUsageCacheCommand } from './commands/clearAgentUsageCache';
import { reportingErrors } from './commands/commandErrors';
import { crossCheckCommand } from './commands/crossCheck';
import { chooseModelCommand } from './commands/modelPicker';
import { SessionCommands } from './commands/sessionCommands';
import { createTeamConfig } from './commands/teamConfigCommand';
import { DocumentAnalyser } from './engine/documentAnalyser';
import { LiveCounts, shiftRange } from './engine/liveUpdate';
import { openDocument, PromptTracker } from './engine/promptTracker';
import { ServiceLoader } from './engine/serviceLoader';
import { affectsAnalysis, readSettings, SETTINGS_SECTION } from './engine/settings';
import { AgentLoadSource } from './energyPanel/agentLoadSource';
import { EnergyPanelProvider } from './energyPanel/energyPanelProvider';
import { EXPLAIN_SCHEME, explainEstimateCommand, ExplanationProvider } from './explain/explainEstimate';
import { MvpCodeActionProvider } from './fixes/codeActions';
import { FixActionRunner } from './fixes/fixActions';
import { registerFixCommands } from './fixes/fixCommands';
import { convertSpreadsheetCommand, convertWithEngine } from './fixes/spreadsheetConversion';
import { type AnalysedEvent, createMvpApi, type LiveUpdateEvent, type MvpApi } from './mvpApi';
import { DiagnosticsPublisher } from './problems/diagnostics';
import { disableRuleInConfigCommand } from './problems/disableRuleInConfig';
import { MvpHoverProvider } from './problems/hoverProvider';
import { ReportPanel } from './report/reportPanel';
import { ActivePromptView } from './statusBar/activePromptView';
import { PromptStatusBar } from './statusBar/statusBar';

export type { MvpApi } from './mvpApi';

export function activate(context: vscode.ExtensionContext): MvpApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Minimal Viable Prompt', { log: true });
  const services = new ServiceLoader(context.extensionUri, (loaded) => {
    context.subscriptions.push(
      loaded.attachments.onDidChangeAttachment((file) => {
        for (const uri of analyser.documentsUsingAttachment(file)) {
          const document = openDocument(uri);
          if (document) analyser.schedule(document, 0);
        }
      }),
      loaded.configs.onDidChange(() => tracker.analyseAll()),
    );
    setTimeout(() => tracker.analyseNewlyClaimed(), 0);
  });
  const loadServices = () => services.load();
  const analyser = new DocumentAnalyser(async (options) => (await loadServices()).engine.analyse(options), log);
  const diagnostics = new DiagnosticsPublisher(context.extensionUri);
  const tracker = new PromptTracker(analyser, diagnostics, () => services.current);
  const statusBar = new PromptStatusBar();
  // One fixed-load cache for the Energy view and the report: measured once, the same figures in both.
  const agentLoad = new AgentLoadSource();
  const panel = new EnergyPanelProvider(
    context.extensionUri,
    context.globalState,
    agentLoad,
    undefined,
    context.globalStorageUri.fsPath,
  );
  const view = new ActivePromptView(statusBar, panel, analyser, tracker, () => !!services.current);
  const report = new ReportPanel(() => panel.recentAgentUsage(), agentLoad);
  const explanations = new ExplanationProvider();
  const runner = new FixActionRunner(analyser, convertWithEngine);
  const sessions = new SessionCommands(analyser, report, runner);
  const live = new LiveCounts();
  const analysed = new vscode.EventEmitter<AnalysedEvent>();
  const liveUpdates = new vscode.EventEmitter<LiveUpdateEvent>();

  // A fresh reading of the agents' logs updates the tooltip of the prompt on screen.
  panel.watchAgentUsage(() => view.refresh());

  context.subscriptions.push(
    log,
    services,
    analyser,
    diagnostics,
    statusBar,
    report,
    explanations,
    panel,
    agentLoad,
    analysed,
    liveUpdates,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explanations),
    vscode.window.registerWebviewViewProvider(EnergyPanelProvider.viewType, panel, {
      webviewOptions: { retainContextWhenHidden: false },
    }),
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }],
      new MvpCodeActionProvider(diagnostics, analyser, (document, text) =>
        services.current?.tokensFor(analyser.last(document.uri)?.analysis, text),
      ),
      MvpCodeActionProvider.metadata,
    ),
    vscode.languages.registerHoverProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }],
      new MvpHoverProvider(analyser),
    ),

    analyser.onDidAnalyse((result) => {
      const { document, version, analysis } = result;
      const profile = services.current?.profileOf(analysis);
      if (profile) live.analysed(document, version, profile);
      diagnostics.update(document, analysis.findings, readSettings(document.uri).diagnosticsEnabled);
      view.analysed(result);
      report.update(document.uri, analysis, version);
      analysed.fire({ uri: document.uri, version, durationMs: result.durationMs, analysis });
    }),
    analyser.onDidFail(({ document, error }) => view.failed(document, error)),
    vscode.workspace.onDidGrantWorkspaceTrust(() =>
      services.current ? services.current.configs.invalidate() : tracker.analyseAll(),
    ),

    vscode.workspace.onDidOpenTextDocument((document) => {
      if (tracker.isTracked(document)) analyser.schedule(document, 0);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const received = performance.now();
      if (!e.contentChanges.length || !tracker.isTracked(e.document)) return;
      analyser.schedule(e.document);
      if (e.contentChanges.length === 1) diagnostics.shift(e.document, e.contentChanges[0], shiftRange);
      const figures =
        services.current &&
        live.edited(e, analyser.last(e.document.uri), services.current, readSettings(e.document.uri));
      if (!figures) return;
      view.edited(e.document, figures.analysis);
      liveUpdates.fire({
        uri: e.document.uri,
        version: figures.version,
        total: figures.analysis.tokens.total,
        processingMs: performance.now() - received,
      });
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      analyser.forget(document);
      services.current?.engine.forget(document.uri.toString());
      live.forget(document.uri);
      diagnostics.clear(document.uri);
      tracker.closed(document.uri);
      view.closed(document.uri);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => {
      tracker.updateActiveContext();
      view.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsAnalysis(e)) {
        if (!readSettings().diagnosticsEnabled) diagnostics.clearAll();
        tracker.analyseAll();
      } else if (e.affectsConfiguration(`${SETTINGS_SECTION}.statusBar`)) {
        view.refresh();
      }
    }),

    vscode.commands.registerCommand('mvp.analysePrompt', (arg?: unknown) =>
      analysePromptCommand(analyser, report, tracker, arg),
    ),
    vscode.commands.registerCommand('mvp.disableRuleInConfig', (uri?: unknown, ruleId?: unknown) =>
      disableRuleInConfigCommand(analyser, uri, ruleId),
    ),
    vscode.commands.registerCommand('mvp.clearAgentUsageCache', () => clearAgentUsageCacheCommand(panel)),
    vscode.commands.registerCommand('mvp.chooseModel', (modelId?: unknown, target?: unknown) =>
      chooseModelCommand(analyser, loadServices, () => tracker.analyseAll(), modelId, target),
    ),
    vscode.commands.registerCommand(
      'mvp.convertSpreadsheet',
      reportingErrors((arg?: unknown, options?: { sheet?: string; documentUri?: unknown; pickSheet?: boolean }) =>
        convertSpreadsheetCommand(analyser, runner, arg, options),
      ),
    ),
    vscode.commands.registerCommand('mvp.analyseChatSession', (arg?: unknown) => sessions.analyseChatSession(arg)),
    vscode.commands.registerCommand(
      'mvp.startFreshSession',
      reportingErrors((arg?: unknown) => sessions.startFreshSession(arg)),
    ),
    vscode.commands.registerCommand('mvp.explainEstimate', (arg?: unknown) =>
      explainEstimateCommand(analyser, explanations, loadServices, arg),
    ),
    vscode.commands.registerCommand('mvp.createTeamConfig', () => createTeamConfig()),
    vscode.commands.registerCommand('mvp.crossCheckTokens', (arg?: unknown) =>
      crossCheckCommand(analyser, report, arg),
    ),
    ...registerFixCommands(analyser, runner),
    registerChatParticipant(
      context.extensionUri,
      async (options) => (await loadServices()).engine.analyse(options),
      log,
    ),
  );

  registerAgentContext(context);
  tracker.analyseAll();
  view.refresh();

  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  return createMvpApi({ activationMs, analyser, tracker, services, statusBar, report, analysed, liveUpdates });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
