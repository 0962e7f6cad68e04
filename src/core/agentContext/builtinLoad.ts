/**
 * The agent's own load (system prompt, built-in tool schemas, reminders), which is not on disk:
 * a baseline we measured with the real client (version recorded in the JSON), or — when the user's
 * own logs for this folder exist (Claude Code, VS Code chat sessions) — learned from the recorded
 * usage of the first request of recent sessions, minus what we count from the folder. VS Code /
 * Copilot has no client outside the editor: its baseline is derived from Copilot Chat's published
 * source (`derivedFrom`), per model family, and says so.
 */
import type { AgentId, ContextItemKind, ContextPiece } from './agentContextTypes';
import claudeCodeBaseline from './baselines/claude-code.json';
import codexBaseline from './baselines/codex.json';
import geminiBaseline from './baselines/gemini.json';
import vscodeBaseline from './baselines/vscode.json';

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
  /** Set when the sizes come from the client's published source, not from a captured request. */
  derivedFrom?: string;
  /** What a derived baseline leaves out, in words. */
  notCounted?: string;
  /** Items per model family when the client's prompt depends on the model (Copilot); `items` otherwise. */
  itemsByModelFamily?: Record<string, BaselineItem[]>;
}

const BASELINES: Partial<Record<AgentId, AgentBaseline>> = {
  'claude-code': claudeCodeBaseline as unknown as AgentBaseline,
  codex: codexBaseline as unknown as AgentBaseline,
  gemini: geminiBaseline as unknown as AgentBaseline,
  vscode: vscodeBaseline as unknown as AgentBaseline,
};

/** Prompt families of Copilot whose name is not a prefix of the model's: its registry's own fallbacks. */
const FAMILY_FALLBACKS: Array<[prefix: string, family: string]> = [
  ['gpt', 'gpt-4.1'], // DefaultOpenAIPrompt, rendered for gpt-4.1
  ['o3', 'gpt-4.1'],
  ['o4', 'gpt-4.1'],
  ['claude', 'claude-sonnet-4.5'],
  ['gemini', 'gemini-2.0-flash'],
  ['grok', 'grok-code-fast-1'],
];

/**
 * The baseline's items for a model: the family whose name is the longest prefix of the model's
 * (dots and dashes alike: "claude-sonnet-4-5" is "claude-sonnet-4.5"), else the vendor's prompt,
 * else the default.
 */
export function baselineItemsFor(
  baseline: AgentBaseline,
  modelId?: string,
): { items: BaselineItem[]; family?: string } {
  const families = baseline.itemsByModelFamily;
  if (!families || !modelId) return { items: baseline.items };
  const norm = (s: string) => s.toLowerCase().replace(/\./g, '-');
  const model = norm(modelId);
  const byPrefix = Object.keys(families)
    .filter((family) => model.startsWith(norm(family)))
    .sort((a, b) => b.length - a.length)[0];
  const family = byPrefix ?? FAMILY_FALLBACKS.find(([prefix]) => model.startsWith(prefix))?.[1];
  return family && families[family]
    ? { items: families[family], family }
    : { items: baseline.items, family: 'default' };
}

/** How a baseline was obtained, in words, for the notes (the part before the parenthesis is the short form). */
export function baselineProvenance(agent: AgentId, baseline: AgentBaseline): string {
  return baseline.derivedFrom
    ? `baseline derived from ${baseline.clientVersion}'s published source on ${baseline.measuredAt} (${baseline.derivedFrom}; not measured with the client)`
    : `baseline measured with ${agent} ${baseline.clientVersion} on ${baseline.measuredAt} (${baseline.mode})`;
}

export function baselineOf(agent: AgentId): AgentBaseline | undefined {
  return BASELINES[agent];
}

export function baselinePieces(agent: AgentId, modelId?: string): ContextPiece[] {
  const baseline = BASELINES[agent];
  if (!baseline) return [];
  return baselineItemsFor(baseline, modelId).items.map((item) => ({
    kind: item.kind as ContextItemKind,
    name: item.name,
    source: 'baseline',
    tokensByEncoding: item.tokensByEncoding,
    origin: baseline.derivedFrom
      ? `${baselineProvenance(agent, baseline)}; your version may differ`
      : `baseline measured with ${agent} ${baseline.clientVersion} (${baseline.mode}) on ${baseline.measuredAt}; your version may differ`,
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
