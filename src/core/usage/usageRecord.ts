/**
 * One request an agent made to a model, as its own log recorded it. Every reader turns its agent's
 * format into these, so reports, the cache and the footprint work the same for every agent.
 *
 * Token kinds follow the Anthropic convention, where the kinds do not overlap:
 * - `input`: input tokens not read from a prompt cache (OpenAI's and Gemini's prompt counts include
 *   the cached part; their readers subtract it);
 * - `cacheCreation`: input tokens written to the cache (Anthropic only);
 * - `cacheRead`: input tokens read from the cache;
 * - `output`: every output token billed, hidden reasoning included;
 * - `reasoning`: of `output`, the reasoning ("thinking") tokens, where the log separates them.
 */

export type AgentId = 'claude-code' | 'codex' | 'gemini-cli' | 'copilot-chat';

export const AGENT_IDS: readonly AgentId[] = ['claude-code', 'codex', 'gemini-cli', 'copilot-chat'];

export const AGENT_NAMES: Record<AgentId, string> = {
  'claude-code': 'Claude Code',
  codex: 'Codex CLI',
  'gemini-cli': 'Gemini CLI',
  'copilot-chat': 'VS Code Copilot Chat',
};

/**
 * How every surface labels figures counted from a log's text rather than read from recorded
 * usage: they are shown apart from the recorded totals (which equal ccusage's), never added in.
 */
export const ESTIMATED_LABEL = 'estimated from text — Copilot does not record tokens';

export interface TokenCounts {
  input: number;
  output: number;
  cacheCreation: number;
  cacheRead: number;
  reasoning: number;
}

export interface UsageRecord {
  /** Milliseconds since the epoch, from the entry's own timestamp. */
  time: number;
  /** The model the log names for the request ("unknown" when it names none). */
  model: string;
  tokens: TokenCounts;
  /**
   * What identifies the request across files, when the agent's own accounting has it (Claude
   * Code: message id + request id; Gemini CLI: session + message id). Later copies are skipped.
   */
  dedupKey?: string;
  /**
   * The tokens were counted from the log's text with the model's tokenizer, because the agent did
   * not record them (VS Code Copilot Chat). Reports keep these apart from recorded totals.
   */
  estimated?: true;
}

/** A compaction (the agent summarised the conversation and restarted its context) seen in a log. */
export interface CompactionMark {
  time: number;
}

export function zeroTokens(): TokenCounts {
  return { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0 };
}

export function addTokens(into: TokenCounts, add: TokenCounts): void {
  into.input += add.input;
  into.output += add.output;
  into.cacheCreation += add.cacheCreation;
  into.cacheRead += add.cacheRead;
  into.reasoning += add.reasoning;
}

/** Everything the model read for the request: uncached input, cache writes and cache reads. */
export function contextTokens(t: TokenCounts): number {
  return t.input + t.cacheCreation + t.cacheRead;
}

export function totalTokens(t: TokenCounts): number {
  return t.input + t.cacheCreation + t.cacheRead + t.output;
}
