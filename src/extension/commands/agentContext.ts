/**
 * The agent's fixed load in the editor: the command "MVP: Show Agent Context" itemises what the
 * workspace's coding agent sends with every request (the same model as `mvp context`), opens the
 * report beside the editor, and puts the findings on the memory, skill and MCP config files as
 * diagnostics. MCP servers are started to measure their tools only in a trusted workspace; the
 * tools registered in VS Code itself (vscode.lm.tools) are counted directly for Copilot. After the
 * first run, saving one of those files refreshes the diagnostics (from the MCP cache, no server).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AgentContext } from '../../core/agentContext/agentContextTypes';
import { formatTokens } from '../../core/format';

/** Files whose change changes an agent's fixed load (the Energy panel watches them too). */
export const RELEVANT_FILE =
  /(^|[\\/])(CLAUDE(\.local)?\.md|AGENTS(\.override)?\.md|GEMINI\.md|SKILL\.md|copilot-instructions\.md|[^\\/]+\.instructions\.md|\.mcp\.json|mcp\.json|settings(\.local)?\.json|config\.toml)$/;

export function registerAgentContext(context: vscode.ExtensionContext): void {
  const collection = vscode.languages.createDiagnosticCollection('mvp-agent-context');
  let shownOnce = false;
  let timer: NodeJS.Timeout | undefined;

  const analyse = async (folder: vscode.WorkspaceFolder, probeMcp: boolean): Promise<AgentContext> => {
    const { analyseAgentContext } = await import('../../core/agentContext/analyseAgentContext');
    const { detectAgent } = await import('../../core/agentContext/detectAgent');
    const agent = detectAgent(folder.uri.fsPath).agent;
    const editorTools =
      agent === 'vscode'
        ? vscode.lm.tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema }))
        : undefined;
    return analyseAgentContext({ folder: folder.uri.fsPath, agent, probeMcp, editorTools });
  };

  const publish = async (result: AgentContext) => {
    const { findingLocations } = await import('../../core/agentContext/findingLocations');
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const { path: file, line, finding } of findingLocations(result)) {
      const saving = finding.savingTokens ? ` Saves ${formatTokens(finding.savingTokens)} tokens per request.` : '';
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
        `${finding.message}.${saving} ${finding.fix}`,
        vscode.DiagnosticSeverity.Information,
      );
      diagnostic.source = 'MVP agent context';
      diagnostic.code = finding.id;
      byFile.set(file, [...(byFile.get(file) ?? []), diagnostic]);
    }
    collection.clear();
    for (const [file, list] of byFile) collection.set(vscode.Uri.file(file), list);
  };

  const show = async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showInformationMessage(
        'MVP: open a folder to see what its coding agent sends with every request.',
      );
      return;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'MVP: measuring the agent context…' },
      () => analyse(folder, vscode.workspace.isTrusted),
    );
    const { agentContextText } = await import('../../core/agentContext/formatAgentContext');
    const trustNote = vscode.workspace.isTrusted
      ? ''
      : '\nNote: MCP servers were not started (untrusted workspace); only cached tool lists were counted.\n';
    const document = await vscode.workspace.openTextDocument({
      content: agentContextText(result) + trustNote,
      language: 'plaintext',
    });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    await publish(result);
    shownOnce = true;
  };

  context.subscriptions.push(
    collection,
    vscode.commands.registerCommand('mvp.showAgentContext', () =>
      show().catch((error: Error) =>
        vscode.window.showErrorMessage(`MVP: could not measure the agent context: ${error.message}`),
      ),
    ),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (!shownOnce || !RELEVANT_FILE.test(path.basename(document.fileName))) return;
      const folder = vscode.workspace.getWorkspaceFolder(document.uri);
      if (!folder) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        analyse(folder, false).then(publish, () => undefined);
      }, 500);
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
