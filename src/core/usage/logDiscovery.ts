/**
 * Where the agents keep their logs, for the current user on Linux, macOS and Windows. Only folders
 * that exist are returned; nothing is created or written there.
 *
 * - Claude Code: `$CLAUDE_CONFIG_DIR` (comma-separated list allowed, as Claude Code and ccusage
 *   accept), else `$XDG_CONFIG_HOME/claude` (default `~/.config/claude`) and `~/.claude`; the logs are
 *   `projects/<project>/**.jsonl`.
 * - Codex CLI: `$CODEX_HOME` (default `~/.codex`), logs under `sessions/**.jsonl`.
 * - Gemini CLI: `~/.gemini/tmp/<project hash>/chats/**` (`session-*.json` and `.jsonl`).
 * - VS Code Copilot Chat: the chat sessions VS Code itself stores, for every flavour's user data
 *   folder (`vscodeUserDirs`): `User/workspaceStorage/<id>/chatSessions/*.json[l]` and, for windows
 *   with no folder open, `User/globalStorage/emptyWindowChatSessions/` (and
 *   `transferredChatSessions/`, a session on its way to another workspace). VS Code keeps these in the
 *   default profile's storage whatever profile is active, so other profiles add no folders.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRegularFileSync } from '../files/readRegularFile';
import type { AgentId } from './usageRecord';

export interface LogRoot {
  agent: AgentId;
  /** The folder searched. */
  dir: string;
  /** How it was found, for `--verbose` style explanations. */
  reason: string;
  /**
   * How its files are laid out when not simply every log below it: `workspaceStorage` (only
   * `<id>/chatSessions/*`: the rest of a workspace storage folder is other extensions' data) or
   * `flat` (only the folder's own `.json`/`.jsonl` files).
   */
  layout?: 'workspaceStorage' | 'flat';
}

export interface DiscoveryEnvironment {
  env: Record<string, string | undefined>;
  home: string;
  /** Where VS Code keeps its user data depends on it; default the running platform. */
  platform?: NodeJS.Platform;
}

/** The VS Code flavours whose chat sessions are read: the folder name of each one's user data. */
export const VSCODE_FLAVOURS = ['Code', 'Code - Insiders', 'Code - OSS', 'VSCodium', 'VSCodium - Insiders', 'Cursor'] as const;

/**
 * The `User` folders of VS Code's flavours: `%APPDATA%\<flavour>\User` on Windows,
 * `~/Library/Application Support/<flavour>/User` on macOS, `$XDG_CONFIG_HOME/<flavour>/User`
 * (default `~/.config`) elsewhere; code-server's `$XDG_DATA_HOME/code-server/User` (default
 * `~/.local/share`); and a portable installation's `$VSCODE_PORTABLE/user-data/User`.
 */
export function vscodeUserDirs({ env, home, platform = process.platform }: DiscoveryEnvironment): { dir: string; reason: string }[] {
  const nonEmpty = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
  const base =
    platform === 'win32'
      ? (nonEmpty(env.APPDATA) ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (nonEmpty(env.XDG_CONFIG_HOME) ?? path.join(home, '.config'));
  const dirs = VSCODE_FLAVOURS.map((flavour) => ({ dir: path.join(base, flavour, 'User'), reason: `${flavour} user data` }));
  if (platform !== 'win32') {
    const data = nonEmpty(env.XDG_DATA_HOME) ?? path.join(home, '.local', 'share');
    dirs.push({ dir: path.join(data, 'code-server', 'User'), reason: 'code-server user data' });
  }
  const portable = nonEmpty(env.VSCODE_PORTABLE);
  if (portable) dirs.push({ dir: path.join(path.resolve(portable), 'user-data', 'User'), reason: 'VSCODE_PORTABLE' });
  return dirs;
}

export function candidateLogRoots({ env, home, platform }: DiscoveryEnvironment): LogRoot[] {
  const roots: LogRoot[] = [];
  const claudeDirs = (env.CLAUDE_CONFIG_DIR ?? '').split(',').map((d) => d.trim()).filter((d) => d !== '');
  if (claudeDirs.length > 0) {
    for (const dir of claudeDirs) roots.push({ agent: 'claude-code', dir: path.join(path.resolve(dir), 'projects'), reason: 'CLAUDE_CONFIG_DIR' });
  } else {
    const xdgConfig = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.trim() !== '' ? env.XDG_CONFIG_HOME : path.join(home, '.config');
    roots.push({ agent: 'claude-code', dir: path.join(xdgConfig, 'claude', 'projects'), reason: 'default (XDG config)' });
    roots.push({ agent: 'claude-code', dir: path.join(home, '.claude', 'projects'), reason: 'default' });
  }
  const codexHome = env.CODEX_HOME && env.CODEX_HOME.trim() !== '' ? path.resolve(env.CODEX_HOME.trim()) : path.join(home, '.codex');
  roots.push({ agent: 'codex', dir: path.join(codexHome, 'sessions'), reason: env.CODEX_HOME ? 'CODEX_HOME' : 'default' });
  roots.push({ agent: 'gemini-cli', dir: path.join(home, '.gemini', 'tmp'), reason: 'default' });
  for (const user of vscodeUserDirs({ env, home, platform })) {
    roots.push({ agent: 'copilot-chat', dir: path.join(user.dir, 'workspaceStorage'), reason: user.reason, layout: 'workspaceStorage' });
    roots.push({ agent: 'copilot-chat', dir: path.join(user.dir, 'globalStorage', 'emptyWindowChatSessions'), reason: `${user.reason}, empty windows`, layout: 'flat' });
    roots.push({ agent: 'copilot-chat', dir: path.join(user.dir, 'globalStorage', 'transferredChatSessions'), reason: `${user.reason}, transferred`, layout: 'flat' });
  }
  return dedupeRoots(roots);
}

/** The candidate roots that exist as folders. */
export function existingLogRoots(environment: DiscoveryEnvironment): LogRoot[] {
  return candidateLogRoots(environment).filter((root) => isDirectory(root.dir));
}

export interface LogFile {
  agent: AgentId;
  path: string;
  /** The root it was found under (for the project name of Claude Code logs). */
  root: string;
}

/** Every log file under the roots, in a stable order. Unreadable folders are skipped, never fatal. */
export function listLogFiles(roots: readonly LogRoot[]): LogFile[] {
  const files: LogFile[] = [];
  for (const root of roots) {
    const add = (file: string) => files.push({ agent: root.agent, path: file, root: root.dir });
    if (root.layout === 'flat') {
      listSessionFiles(root.dir, add);
    } else if (root.layout === 'workspaceStorage') {
      for (const workspace of subfolders(root.dir)) listSessionFiles(path.join(root.dir, workspace, 'chatSessions'), add);
    } else {
      walk(root.dir, (file, name) => {
        if (wanted(root.agent, file, name, root.dir)) add(file);
      });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return files;
}

function wanted(agent: AgentId, file: string, name: string, root: string): boolean {
  if (agent === 'gemini-cli') {
    const relative = path.relative(root, file).split(path.sep);
    // <hash>/chats/session-*.json(l) and subagent recordings nested under chats/<parent id>/
    return relative.length >= 3 && relative[1] === 'chats' && /\.jsonl?$/.test(name);
  }
  return name.endsWith('.jsonl');
}

/** A folder's own chat session files (`<session id>.json` and `.jsonl`); nothing below it. */
function listSessionFiles(dir: string, visit: (file: string) => void): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) if (entry.isFile() && /\.jsonl?$/.test(entry.name)) visit(path.join(dir, entry.name));
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

/**
 * The project of a VS Code chat session file: the folder (or `.code-workspace` file) that its
 * workspace storage's `workspace.json` names, a path for local folders and the URI otherwise;
 * "(empty window)" for sessions of windows with no folder open.
 */
export function vscodeChatProject(sessionFile: string): string {
  const chatSessions = path.dirname(sessionFile);
  if (path.basename(chatSessions) !== 'chatSessions') return '(empty window)';
  const storage = path.dirname(chatSessions);
  const id = path.basename(storage);
  if (id === 'no-workspace') return '(empty window)';
  const read = readRegularFileSync(path.join(storage, 'workspace.json'), 'config');
  if (read.ok) {
    try {
      const data: unknown = JSON.parse(read.bytes.toString('utf8'));
      const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
      const uri = typeof record.folder === 'string' ? record.folder : typeof record.workspace === 'string' ? record.workspace : undefined;
      if (uri) return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    } catch {
      // An unreadable workspace.json names no project; the storage id below does.
    }
  }
  return `(workspace ${id})`;
}

function walk(dir: string, visit: (file: string, name: string) => void): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  // `dir` is already normal and an entry's name holds no separator: concatenation gives what
  // path.join would, without normalising every one of thousands of paths again.
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  for (const entry of entries) {
    const full = prefix + entry.name;
    if (entry.isDirectory()) walk(full, visit);
    else if (entry.isFile()) visit(full, entry.name);
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function dedupeRoots(roots: LogRoot[]): LogRoot[] {
  const seen = new Set<string>();
  return roots.filter((root) => {
    const key = `${root.agent}\0${root.dir}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
