/** Which agent a folder is set up for, from the files each agent reads (first match wins). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AgentId } from './agentContextTypes';

const MARKERS: Array<[AgentId, string[]]> = [
  ['claude-code', ['CLAUDE.md', '.claude', '.mcp.json', 'CLAUDE.local.md']],
  ['vscode', ['.github/copilot-instructions.md', '.github/instructions', '.vscode/mcp.json']],
  ['gemini', ['GEMINI.md', '.gemini']],
  ['codex', ['AGENTS.md', '.codex']],
];

/** `detected` is false when no agent's files are there and Claude Code is only assumed (the editor then shows no load). */
export function detectAgent(folder: string): { agent: AgentId; reason: string; detected: boolean } {
  for (const [agent, markers] of MARKERS) {
    const found = markers.find((marker) => fs.existsSync(path.join(folder, marker)));
    if (found) return { agent, reason: `found ${found}`, detected: true };
  }
  return { agent: 'claude-code', reason: 'no agent files found; assumed Claude Code', detected: false };
}
