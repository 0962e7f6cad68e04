/**
 * Findings on an agent's fixed load, each with its fix and what it saves per request and per month
 * at the user's pace.
 */
import * as path from 'node:path';
import type { AgentId, ContextFinding, ContextItem } from './agentContextTypes';
import type { McpServerConfig } from './mcpConfig';
import type { SkillEntry } from './skills';
import { formatInteger, formatTokens } from '../format';

/** A memory file above this share of the fixed load (and this many tokens) is worth moving out. */
export const LARGE_MEMORY_SHARE = 0.1;
export const LARGE_MEMORY_MIN_TOKENS = 500;
/** Without the agent's own load in the total a share means nothing: an absolute size instead. */
export const LARGE_MEMORY_MIN_TOKENS_UNKNOWN_LOAD = 1500;
/** Skill descriptions ride on every request; Anthropic's skill format caps them at 1,024 characters. */
export const LONG_SKILL_DESCRIPTION_CHARS = 500;
/** Sessions without a call before an MCP server counts as unused. */
export const UNUSED_MCP_MIN_SESSIONS = 3;
/** Lines shorter than this are too generic ("## Tests") to call duplicates. */
const DUPLICATE_MIN_CHARS = 40;

export interface FindingInputs {
  agent: AgentId;
  /** Whether the agent's own load is in the total (a baseline or learned); shares are meaningless without it. */
  builtInKnown: boolean;
  items: ContextItem[];
  totalTokens: number;
  whPerToken: number;
  requestsPerMonth: number;
  memoryTexts: Array<{ path: string; name: string; text: string }>;
  servers: McpServerConfig[];
  serverItems: Map<string, ContextItem>;
  /** From logs: servers called in the last sessions, and how many sessions were read. */
  mcpUsage?: { sessions: number; called: Set<string> };
  skills: SkillEntry[];
  applyToEverything: Array<{ path: string; name: string; tokens: number }>;
  countTokens: (text: string) => number;
}

export function contextFindings(input: FindingInputs): ContextFinding[] {
  const findings: ContextFinding[] = [];
  const saving = (tokens: number) => ({
    savingTokens: tokens,
    savingWhPerRequest: tokens * input.whPerToken,
    savingWhPerMonth: tokens * input.whPerToken * input.requestsPerMonth,
  });

  if (input.mcpUsage && input.mcpUsage.sessions >= UNUSED_MCP_MIN_SESSIONS) {
    for (const server of input.servers) {
      if (input.mcpUsage.called.has(server.name)) continue;
      const item = input.serverItems.get(server.name);
      findings.push({
        id: 'unused-mcp-server',
        message: `MCP server "${server.name}" was not called in the last ${input.mcpUsage.sessions} sessions of this folder, yet its tools are sent with every request`,
        path: server.configFile,
        fix: `Disable it for this project: ${server.disableHint}.`,
        ...(item && item.tokens > 0 ? saving(item.tokens) : {}),
      });
    }
  }

  for (const item of input.items) {
    if ((item.kind !== 'memory' && item.kind !== 'instructions') || !item.path) continue;
    if (
      input.builtInKnown
        ? item.tokens < LARGE_MEMORY_MIN_TOKENS || item.tokens < LARGE_MEMORY_SHARE * input.totalTokens
        : item.tokens < LARGE_MEMORY_MIN_TOKENS_UNKNOWN_LOAD
    )
      continue;
    const share = Math.round((item.tokens / input.totalTokens) * 100);
    findings.push({
      id: 'large-memory-file',
      message: input.builtInKnown
        ? `${item.name} is ${formatTokens(item.tokens)} tokens, ${share} % of what ${input.agent} sends before you type a word`
        : `${item.name} is ${formatTokens(item.tokens)} tokens, sent by ${input.agent} with every request`,
      path: item.path,
      fix:
        input.agent === 'claude-code'
          ? `Keep only what every task needs in it; move the rest into a skill (.claude/skills/NAME/SKILL.md: only its description rides along) or reference the file without "@" so it is read when needed.`
          : `Keep only what every task needs in it; move the rest into a skill or a file the agent reads on demand.`,
      ...saving(item.tokens),
    });
  }

  for (const file of input.applyToEverything) {
    findings.push({
      id: 'apply-to-everything',
      message: `${file.name} has applyTo "**": it is added to every request, whatever file you work on`,
      path: file.path,
      fix: 'Narrow applyTo to the files it is about (e.g. "src/**/*.ts"), or make it always-on instructions on purpose.',
      ...saving(file.tokens),
    });
  }

  for (const skill of input.skills) {
    if (skill.description.length <= LONG_SKILL_DESCRIPTION_CHARS) continue;
    const tokens = input.countTokens(skill.description);
    const keep = input.countTokens(skill.description.slice(0, 200));
    findings.push({
      id: 'long-skill-description',
      message: `The description of skill "${skill.name}" is ${formatInteger(skill.description.length)} characters (${formatTokens(tokens)} tokens), sent with every request`,
      path: skill.path,
      fix: 'Say in one or two sentences when to use the skill; move the details into the body of SKILL.md, which loads only when the skill is used.',
      ...saving(Math.max(0, tokens - keep)),
    });
  }

  findings.push(...duplicatedInstructions(input.memoryTexts, input.countTokens, saving));
  return findings;
}

function normalise(line: string): string {
  return line
    .replace(/^[\s>*\-+\d.]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function duplicatedInstructions(
  files: Array<{ path: string; name: string; text: string }>,
  countTokens: (text: string) => number,
  saving: (tokens: number) => Pick<ContextFinding, 'savingTokens' | 'savingWhPerRequest' | 'savingWhPerMonth'>,
): ContextFinding[] {
  const firstSeen = new Map<string, string>();
  const duplicates = new Map<string, { other: string; lines: string[] }>();
  for (const file of files) {
    const inThisFile = new Set<string>();
    for (const raw of file.text.split('\n')) {
      const line = normalise(raw);
      if (line.length < DUPLICATE_MIN_CHARS || inThisFile.has(line)) continue;
      inThisFile.add(line);
      const owner = firstSeen.get(line);
      if (owner === undefined) firstSeen.set(line, file.path);
      else if (owner !== file.path) {
        const entry = duplicates.get(file.path) ?? { other: owner, lines: [] };
        entry.lines.push(raw.trim());
        duplicates.set(file.path, entry);
      }
    }
  }
  return [...duplicates.entries()].map(([file, { other, lines }]) => ({
    id: 'duplicated-instructions' as const,
    message: `${lines.length} line${lines.length > 1 ? 's' : ''} of ${path.basename(file)} repeat ${path.basename(other)} (e.g. "${lines[0].slice(0, 80)}"); both are sent with every request`,
    path: file,
    fix: `Keep each instruction in one memory file; delete the repeated lines from ${file} (or from ${other}).`,
    ...saving(countTokens(lines.join('\n'))),
  }));
}
