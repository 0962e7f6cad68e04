/**
 * Team configs (`.mvp.jsonc`, `.mvp.json`, packs they extend), loaded once per folder and trust
 * state instead of on every keystroke, and dropped when any of their files changes on disk —
 * which also triggers re-analysis of the open prompts.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import { loadConfigFor } from '../../core/config/loadConfig';
import type { LoadConfigOptions, ResolvedConfig } from '../../core/config/mvpConfig';

export class ConfigCache implements vscode.Disposable {
  private readonly configs = new Map<string, ResolvedConfig>();
  private readonly sourceWatchers = new Map<string, vscode.Disposable>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** A config or pack file changed: every cached config is gone; re-analyse. */
  readonly onDidChange = this.changed.event;
  private readonly workspaceWatcher: vscode.FileSystemWatcher;

  constructor() {
    this.workspaceWatcher = vscode.workspace.createFileSystemWatcher('**/{.mvp.json,.mvp.jsonc,mvp-pack.json}');
    const drop = () => this.invalidate();
    this.workspaceWatcher.onDidChange(drop);
    this.workspaceWatcher.onDidCreate(drop);
    this.workspaceWatcher.onDidDelete(drop);
  }

  /** The config for a document in `folder` (its directory). */
  get(folder: string, options: LoadConfigOptions): ResolvedConfig {
    const key = `${folder}\u0000${options.trusted}\u0000${options.workspaceRoot ?? ''}`;
    let config = this.configs.get(key);
    if (!config) {
      // loadConfigFor takes a file or a folder and starts from that folder.
      config = loadConfigFor(folder, options);
      this.configs.set(key, config);
      config.sourceFiles.forEach((f) => this.watchSource(f));
    }
    return config;
  }

  invalidate(): void {
    this.configs.clear();
    this.changed.fire();
  }

  /** Packs can live outside the workspace (node_modules, other extensions): watch them by name. */
  private watchSource(file: string): void {
    if (this.sourceWatchers.has(file)) return;
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)),
    );
    const drop = () => this.invalidate();
    watcher.onDidChange(drop);
    watcher.onDidCreate(drop);
    watcher.onDidDelete(drop);
    this.sourceWatchers.set(file, watcher);
  }

  dispose(): void {
    this.workspaceWatcher.dispose();
    this.sourceWatchers.forEach((w) => w.dispose());
    this.changed.dispose();
  }
}
