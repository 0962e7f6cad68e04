/**
 * The agent's own load (system prompt, built-in tool schemas, reminders), which is not on disk:
 * a baseline we measured with the real client (version recorded in the JSON), or — when the user's
 * own Claude Code logs for this folder exist — learned from the recorded usage of the first
 * request of recent sessions, minus what we count from the folder.
 */
import type { AgentId, ContextItemKind, ContextPiece } from './agentContextTypes';
import claudeCodeBaseline from './baselines/claude-code.json';
import codexBaseline from './baselines/codex.json';
import geminiBaseline from './baselines/gemini.json';

interface BaselineItem {
  kind: string;
  name: string;
  characters: number;
  tokensByEncoding: { o200k_base: number; cl100k_base: number };
}
export interface AgentBaseline {
  agent: AgentId;
  clientVersion: string;
  mode: string;
  measuredAt: string;
  items: BaselineItem[];
  memoryWrapper?: BaselineItem;
  /** Tools the client adds once as soon as any MCP server is configured (Codex: MCP resource tools). */
  mcpSupport?: BaselineItem;
}

const BASELINES: Partial<Record<AgentId, AgentBaseline>> = {
  'claude-code': claudeCodeBaseline as unknown as AgentBaseline,
  codex: codexBaseline as unknown as AgentBaseline,
  gemini: geminiBaseline as unknown as AgentBaseline,
};

export function baselineOf(agent: AgentId): AgentBaseline | undefined {
  return BASELINES[agent];
}

export function baselinePieces(agent: AgentId): ContextPiece[] {
  const baseline = BASELINES[agent];
  if (!baseline) return [];
  return baseline.items.map((item) => ({
    kind: item.kind as ContextItemKind,
    name: item.name,
    source: 'baseline',
    tokensByEncoding: item.tokensByEncoding,
    origin: `baseline measured with ${agent} ${baseline.clientVersion} (${baseline.mode}) on ${baseline.measuredAt}; your version may differ`,
  }));
}

/** The text a client wraps around memory files, when there are any. */
export function memoryWrapperPiece(agent: AgentId): ContextPiece | undefined {
  const wrapper = BASELINES[agent]?.memoryWrapper;
  if (!wrapper) return undefined;
  return {
    kind: 'messages',
    name: wrapper.name,
    source: 'client-format',
    tokensByEncoding: wrapper.tokensByEncoding,
    origin: `measured with ${agent} ${BASELINES[agent]!.clientVersion}`,
  };
}

/** What a client adds once when any MCP server is configured (measured), besides the servers' own tools. */
export function mcpSupportPiece(agent: AgentId): ContextPiece | undefined {
  const support = BASELINES[agent]?.mcpSupport;
  if (!support) return undefined;
  return {
    kind: support.kind as ContextItemKind,
    name: support.name,
    source: 'client-format',
    tokensByEncoding: support.tokensByEncoding,
    origin: `measured with ${agent} ${BASELINES[agent]!.clientVersion}: added once when any MCP server is configured`,
  };
}
