/**
 * Where the agents keep their logs, for the current user on Linux, macOS and Windows. Only folders
 * that exist are returned; nothing is created or written there.
 *
 * - Claude Code: `$CLAUDE_CONFIG_DIR` (comma-separated list allowed, as Claude Code and ccusage
 *   accept), else `$XDG_CONFIG_HOME/claude` (default `~/.config/claude`) and `~/.claude`; the logs are
 *   `projects/<project>/**.jsonl`.
 * - Codex CLI: `$CODEX_HOME` (default `~/.codex`), logs under `sessions/**.jsonl`.
 * - Gemini CLI: `~/.gemini/tmp/<project hash>/chats/**` (`session-*.json` and `.jsonl`).
 *
 * VS Code Copilot Chat's session files (workspaceStorage/<id>/chatSessions) are not read: they do not
 * record the tokens each request used, so there is nothing exact to report (docs/usage.md).
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { AgentId } from './usageRecord';

export interface LogRoot {
  agent: AgentId;
  /** The folder searched. */
  dir: string;
  /** How it was found, for `--verbose` style explanations. */
  reason: string;
}

export interface DiscoveryEnvironment {
  env: Record<string, string | undefined>;
  home: string;
}

export function candidateLogRoots({ env, home }: DiscoveryEnvironment): LogRoot[] {
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
    walk(root.dir, (file) => {
      if (wanted(root.agent, file, root.dir)) files.push({ agent: root.agent, path: file, root: root.dir });
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return files;
}

function wanted(agent: AgentId, file: string, root: string): boolean {
  const name = path.basename(file);
  if (agent === 'gemini-cli') {
    const relative = path.relative(root, file).split(path.sep);
    // <hash>/chats/session-*.json(l) and subagent recordings nested under chats/<parent id>/
    return relative.length >= 3 && relative[1] === 'chats' && /\.jsonl?$/.test(name);
  }
  return name.endsWith('.jsonl');
}

function walk(dir: string, visit: (file: string) => void): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else if (entry.isFile()) visit(full);
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
