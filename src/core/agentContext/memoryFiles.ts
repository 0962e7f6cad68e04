/**
 * The memory and instruction files each agent loads into every request, by the agent's documented
 * rules (sources in docs/agent-context.md):
 * - Claude Code (code.claude.com/docs/en/memory): managed policy file, ~/.claude/CLAUDE.md and
 *   ~/.claude/rules/, then from the filesystem root down to the working folder CLAUDE.md,
 *   .claude/CLAUDE.md, .claude/rules/**\/*.md (rules with `paths:` load only for matching files) and
 *   CLAUDE.local.md; `@path` imports recursively, 5 levels with the memory file. Each file is sent as
 *   "Contents of PATH (description):" inside one reminder (observed with 2.1.328).
 * - VS Code / Copilot (code.visualstudio.com/docs/agent-customization/custom-instructions):
 *   .github/copilot-instructions.md, AGENTS.md and CLAUDE.md at the workspace root, and
 *   .github/instructions/**\/*.instructions.md whose `applyTo` matches every file.
 * - Codex (developers.openai.com/codex/guides/agents-md): $CODEX_HOME (~/.codex) AGENTS.override.md
 *   or AGENTS.md, then from the project root (Git root) down to the working folder one of
 *   AGENTS.override.md / AGENTS.md per folder, stopping at 32 KiB in all (project_doc_max_bytes).
 * - Gemini CLI (geminicli.com/docs/cli/gemini-md): ~/.gemini/GEMINI.md, then GEMINI.md in the
 *   working folder and its parents (up to the Git root).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AgentId, ContextPiece } from './agentContextTypes';
import { splitFrontMatter } from './frontMatter';
import { loadWithImports } from './memoryImports';
import { ancestorsOf, listFiles, readContextFile } from './readContextFile';

export interface MemoryOptions {
  home: string;
  /** Overrides for the agents' home folders (CODEX_HOME); tests point them at fixtures. */
  env?: Record<string, string | undefined>;
}

export function memoryPieces(agent: AgentId, folder: string, options: MemoryOptions): ContextPiece[] {
  switch (agent) {
    case 'claude-code':
      return claudeCodeMemory(folder, options);
    case 'vscode':
      return vscodeInstructions(folder);
    case 'codex':
      return codexInstructions(folder, options);
    case 'gemini':
      return geminiInstructions(folder, options);
  }
}

const CLAUDE_MANAGED_MEMORY: Record<string, string> = {
  linux: '/etc/claude-code/CLAUDE.md',
  darwin: '/Library/Application Support/ClaudeCode/CLAUDE.md',
  win32: 'C:\\Program Files\\ClaudeCode\\CLAUDE.md',
};

type ClaudeScope = 'managed' | 'user' | 'project' | 'local';
const CLAUDE_SCOPE_LABEL: Record<ClaudeScope, string> = {
  managed: 'managed policy instructions',
  user: "user's private global instructions for all projects",
  project: 'project instructions, checked into the codebase',
  local: "user's private project instructions, not checked in",
};

function claudeCodeMemory(folder: string, options: MemoryOptions): ContextPiece[] {
  const roots: Array<{ file: string; scope: ClaudeScope; origin: string }> = [];
  const managed = CLAUDE_MANAGED_MEMORY[process.platform];
  if (managed) roots.push({ file: managed, scope: 'managed', origin: 'managed policy memory file' });
  const userDir = path.join(options.home, '.claude');
  roots.push({ file: path.join(userDir, 'CLAUDE.md'), scope: 'user', origin: 'user memory (~/.claude/CLAUDE.md)' });
  for (const rule of unconditionalRules(path.join(userDir, 'rules')))
    roots.push({ file: rule, scope: 'user', origin: 'user rule (~/.claude/rules/)' });
  for (const dir of ancestorsOf(folder).reverse()) {
    const where = dir === folder ? 'the working folder' : `a parent folder (${dir})`;
    roots.push({ file: path.join(dir, 'CLAUDE.md'), scope: 'project', origin: `project memory in ${where}` });
    roots.push({
      file: path.join(dir, '.claude', 'CLAUDE.md'),
      scope: 'project',
      origin: `project memory (.claude/CLAUDE.md) in ${where}`,
    });
    if (dir !== options.home) {
      for (const rule of unconditionalRules(path.join(dir, '.claude', 'rules')))
        roots.push({ file: rule, scope: 'project', origin: `project rule (.claude/rules/) in ${where}` });
    }
    roots.push({
      file: path.join(dir, 'CLAUDE.local.md'),
      scope: 'local',
      origin: `local memory (CLAUDE.local.md) in ${where}`,
    });
  }
  const seen = new Set<string>();
  const pieces: ContextPiece[] = [];
  for (const root of roots) {
    if (seen.has(root.file)) continue;
    for (const loaded of loadWithImports(root.file, seen, { home: options.home })) {
      const origin = loaded.importedFrom
        ? `imported by ${path.relative(folder, loaded.importedFrom) || loaded.importedFrom} (${loaded.depth} hop${loaded.depth > 1 ? 's' : ''})`
        : root.origin;
      pieces.push({
        kind: 'memory',
        name: displayPath(loaded.path, folder, options.home),
        path: loaded.path,
        source: 'file',
        text:
          loaded.text === undefined
            ? undefined
            : `Contents of ${loaded.path} (${CLAUDE_SCOPE_LABEL[root.scope]}):\n\n${loaded.text}\n\n`,
        origin,
        problem: loaded.problem,
      });
    }
  }
  return pieces;
}

/** .claude/rules/**\/*.md without a `paths:` front matter: those load with every request. */
function unconditionalRules(rulesDir: string): string[] {
  return listFiles(rulesDir, { recursive: true, suffix: '.md' }).filter((file) => {
    const read = readContextFile(file);
    if (read.kind !== 'text') return read.kind === 'problem';
    const paths = splitFrontMatter(read.text).data.paths;
    return paths === undefined || paths === null || (Array.isArray(paths) && paths.length === 0);
  });
}

function vscodeInstructions(folder: string): ContextPiece[] {
  const pieces: ContextPiece[] = [];
  const always: Array<[string, string]> = [
    [
      path.join(folder, '.github', 'copilot-instructions.md'),
      'repository-wide instructions (.github/copilot-instructions.md)',
    ],
    [path.join(folder, 'AGENTS.md'), 'AGENTS.md at the workspace root (chat.useAgentsMdFile, on by default)'],
    [path.join(folder, 'CLAUDE.md'), 'CLAUDE.md at the workspace root (chat.useClaudeMdFile)'],
  ];
  for (const [file, origin] of always) pushFile(pieces, 'instructions', file, folder, origin);
  for (const file of listFiles(path.join(folder, '.github', 'instructions'), {
    recursive: true,
    suffix: '.instructions.md',
  })) {
    const read = readContextFile(file);
    if (read.kind === 'text') {
      const front = splitFrontMatter(read.text);
      const applyTo = front.data.applyTo;
      if (!appliesToEveryFile(applyTo)) continue;
      pieces.push({
        kind: 'instructions',
        name: path.relative(folder, file),
        path: file,
        source: 'file',
        text: front.body,
        origin: `instruction file with applyTo: "${String(applyTo)}" (added to every request)`,
        problem: front.problem ? `${path.relative(folder, file)}: ${front.problem}` : undefined,
      });
    } else if (read.kind === 'problem') {
      pieces.push({
        kind: 'instructions',
        name: path.relative(folder, file),
        path: file,
        source: 'file',
        origin: 'instruction file',
        problem: read.problem,
      });
    }
  }
  return pieces;
}

/** `applyTo` patterns that match every file, so the instructions ride on every request. */
export function appliesToEveryFile(applyTo: unknown): boolean {
  const patterns = Array.isArray(applyTo) ? applyTo : typeof applyTo === 'string' ? applyTo.split(',') : [];
  return patterns.some((p) => ['**', '*', '**/*', '/**', './**'].includes(String(p).trim()));
}

const CODEX_PROJECT_DOC_MAX_BYTES = 32 * 1024;

function codexInstructions(folder: string, options: MemoryOptions): ContextPiece[] {
  const pieces: ContextPiece[] = [];
  const codexHome = options.env?.CODEX_HOME ?? path.join(options.home, '.codex');
  const globalFile = [path.join(codexHome, 'AGENTS.override.md'), path.join(codexHome, 'AGENTS.md')].find(nonEmptyFile);
  if (globalFile)
    pushFile(pieces, 'instructions', globalFile, folder, 'global Codex instructions ($CODEX_HOME)', 'global');
  const root = gitRootOf(folder);
  const chain = root
    ? ancestorsOf(folder)
        .slice(0, ancestorsOf(folder).indexOf(root) + 1)
        .reverse()
    : [folder];
  let budget = CODEX_PROJECT_DOC_MAX_BYTES;
  for (const dir of chain) {
    const file = [path.join(dir, 'AGENTS.override.md'), path.join(dir, 'AGENTS.md')].find(nonEmptyFile);
    if (!file) continue;
    const before = pieces.length;
    pushFile(
      pieces,
      'instructions',
      file,
      folder,
      dir === folder ? 'project instructions in the working folder' : `project instructions in ${dir}`,
    );
    const piece = pieces[before];
    if (piece?.text !== undefined) {
      const bytes = Buffer.byteLength(piece.text);
      if (budget <= 0) {
        piece.text = '';
        piece.problem = `not loaded: the instruction chain already reached project_doc_max_bytes (${CODEX_PROJECT_DOC_MAX_BYTES} bytes)`;
      } else if (bytes > budget) {
        piece.text = Buffer.from(piece.text).subarray(0, budget).toString('utf8');
        piece.problem = `cut at project_doc_max_bytes (${CODEX_PROJECT_DOC_MAX_BYTES} bytes): the rest of this file never reaches the model`;
      }
      budget -= bytes;
    }
  }
  return pieces;
}

function geminiInstructions(folder: string, options: MemoryOptions): ContextPiece[] {
  const pieces: ContextPiece[] = [];
  pushFile(
    pieces,
    'instructions',
    path.join(options.home, '.gemini', 'GEMINI.md'),
    folder,
    'global context file (~/.gemini/GEMINI.md)',
  );
  const root = gitRootOf(folder);
  const ancestors = ancestorsOf(folder);
  const stop = root ? ancestors.indexOf(root) : ancestors.indexOf(options.home);
  for (const dir of (stop >= 0 ? ancestors.slice(0, stop + 1) : [folder]).reverse()) {
    if (dir === options.home) continue;
    pushFile(
      pieces,
      'instructions',
      path.join(dir, 'GEMINI.md'),
      folder,
      dir === folder ? 'context file in the working folder' : `context file in a parent folder (${dir})`,
    );
  }
  return pieces;
}

function pushFile(
  pieces: ContextPiece[],
  kind: 'instructions' | 'memory',
  file: string,
  folder: string,
  origin: string,
  scope: 'global' | 'project' = 'project',
): void {
  const read = readContextFile(file);
  if (read.kind === 'absent') return;
  pieces.push({
    kind,
    name: path.relative(folder, file).startsWith('..') ? file : path.relative(folder, file),
    path: file,
    source: 'file',
    text: read.kind === 'text' ? read.text : undefined,
    origin,
    problem: read.kind === 'problem' ? read.problem : undefined,
    scope,
  });
}

function nonEmptyFile(file: string): boolean {
  const read = readContextFile(file);
  return read.kind === 'text' ? read.text.trim().length > 0 : read.kind === 'problem';
}

export function gitRootOf(folder: string): string | undefined {
  return ancestorsOf(folder).find((dir) => fs.existsSync(path.join(dir, '.git')));
}

function displayPath(file: string, folder: string, home: string): string {
  const relative = path.relative(folder, file);
  if (!relative.startsWith('..')) return relative;
  const fromHome = path.relative(home, file);
  return fromHome.startsWith('..') ? file : `~/${fromHome}`;
}
