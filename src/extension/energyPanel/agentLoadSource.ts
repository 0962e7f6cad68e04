/**
 * VS Code's side of the agent's fixed load (agentLoadCache.ts): which workspace folder a prompt
 * belongs to, the tools the editor has registered, and file watchers that make a load stale when
 * one of the files the agent reads changes (the same files as MVP: Show Agent Context). The
 * watchers start with the first request, so activation pays nothing for them. extension.ts creates
 * one and hands it to the Energy view and the report, so a load is measured once and both show the
 * same figures.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultCacheDir } from '../../core/agentContext/mcpCache';
import { RELEVANT_FILE } from '../commands/agentContext';
import { AgentLoadCache, type AgentLoadState, type MeasureAgentLoad } from './agentLoadCache';

/** Folders in the home directory whose agent files apply to every workspace, with the files watched there. */
const HOME_FILES: ReadonlyArray<[string, string]> = [
  ['', '.claude.json'],
  ['.claude', '{CLAUDE.md,settings.json,settings.local.json}'],
  ['.claude', 'rules/*.md'],
  ['.claude', 'skills/*/SKILL.md'],
  ['.codex', '{AGENTS.md,AGENTS.override.md,config.toml}'],
  ['.gemini', '{GEMINI.md,settings.json}'],
];

/** Rule and instruction folders, whose files may have any name. */
const RULES_FOLDER = /[\\/](\.claude[\\/]rules|\.github[\\/]instructions)[\\/]/;

export class AgentLoadSource implements vscode.Disposable {
  private readonly cache: AgentLoadCache;
  private readonly listeners: (() => void)[] = [];
  private watchers: vscode.Disposable[] | undefined;

  constructor(measure?: MeasureAgentLoad) {
    this.cache = new AgentLoadCache(() => {
      for (const listener of this.listeners) listener();
    }, measure);
  }

  /** `listener` runs when a load has been measured or went stale (the caller asks again). */
  onDidChange(listener: () => void): vscode.Disposable {
    this.listeners.push(listener);
    return { dispose: () => this.listeners.splice(this.listeners.indexOf(listener) >>> 0, 1) };
  }

  /** The load of the agent of the folder holding `documentUri`, counted for `model`. */
  stateFor(documentUri: string, model: string): AgentLoadState {
    let folder: vscode.WorkspaceFolder | undefined;
    try {
      folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(documentUri));
    } catch {
      folder = undefined;
    }
    if (!folder || folder.uri.scheme !== 'file') {
      return {
        status: 'none',
        reason: 'This prompt is not in a workspace folder on disk, so no coding agent’s fixed load applies to it.',
      };
    }
    this.watch();
    return this.cache.get({ folder: folder.uri.fsPath, model, editorTools });
  }

  private watch(): void {
    if (this.watchers) return;
    const changed = (uri: vscode.Uri) => {
      if (!RELEVANT_FILE.test(path.basename(uri.fsPath)) && !RULES_FOLDER.test(uri.fsPath)) return;
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      // A file outside every folder (in the home directory, a parent's CLAUDE.md) concerns them all.
      this.cache.invalidate(folder?.uri.fsPath);
    };
    const staleAll = () => this.cache.invalidate();
    const inWorkspace = vscode.workspace.createFileSystemWatcher('**/*');
    const home = os.homedir();
    const outside = [
      ...HOME_FILES.map(([dir, glob]) => new vscode.RelativePattern(vscode.Uri.file(path.join(home, dir)), glob)),
      // MVP: Show Agent Context and `mvp context --probe-mcp` write measured tool lists here.
      new vscode.RelativePattern(vscode.Uri.file(defaultCacheDir()), '*.json'),
    ].map((pattern) => vscode.workspace.createFileSystemWatcher(pattern));
    this.watchers = [
      inWorkspace,
      inWorkspace.onDidChange(changed),
      inWorkspace.onDidCreate(changed),
      inWorkspace.onDidDelete(changed),
      ...outside.flatMap((w) => [w, w.onDidChange(staleAll), w.onDidCreate(staleAll), w.onDidDelete(staleAll)]),
      vscode.workspace.onDidChangeWorkspaceFolders(staleAll),
    ];
  }

  dispose(): void {
    for (const watcher of this.watchers?.splice(0) ?? []) watcher.dispose();
    this.listeners.length = 0;
  }
}

/** The language-model tools VS Code has registered, with their input schemas (empty outside VS Code's chat). */
function editorTools() {
  try {
    return vscode.lm?.tools?.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema }));
  } catch {
    return undefined;
  }
}
