/**
 * The shape of an agent's fixed load: what a coding agent (Claude Code, VS Code / Copilot, Codex,
 * Gemini CLI) sends with every request before the user types a word, item by item.
 */
import type { Estimate3 } from '../energy';

export const AGENT_IDS = ['claude-code', 'vscode', 'codex', 'gemini'] as const;
export type AgentId = (typeof AGENT_IDS)[number];

/** The JSON `kind` of an item (issue 13's contract). */
export type ContextItemKind = 'system' | 'tools' | 'mcp' | 'memory' | 'instructions' | 'skills' | 'messages';

/** Where an item's size comes from, so every number can explain itself. */
export type ContextItemSource =
  | 'file' // read from disk now and counted
  | 'mcp-probe' // the server's tools/list, measured now (consented)
  | 'mcp-cache' // the server's tools/list, measured earlier and cached
  | 'not-measured' // a server whose tools were not measured: 0 tokens, with a problem saying how to measure
  | 'baseline' // the agent's built-in load, measured by us with the real client (version recorded)
  | 'learned' // the agent's built-in load, learned from the user's own logs
  | 'client-format' // text the client wraps around the items (measured with the real client)
  | 'editor'; // tools the editor itself reports as registered (VS Code's vscode.lm.tools)

/** A piece of text the agent sends, before it is counted for a model. */
export interface ContextPiece {
  kind: ContextItemKind;
  name: string;
  path?: string;
  source: ContextItemSource;
  /** The text as the agent sends it (header lines included); absent when only counts are known. */
  text?: string;
  /** Counts per proxy encoding when the text is not shipped (baselines). */
  tokensByEncoding?: Partial<Record<string, number>>;
  /** Already-known tokens for the chosen model (learned from usage logs). */
  tokens?: number;
  /** How the item was found or measured, in words. */
  origin: string;
  /** Something wrong with this item (unreadable file, server that did not answer, import cycle…). */
  problem?: string;
  /** For instruction files: the user's global file or the project's (agents place them apart). */
  scope?: 'global' | 'project';
}

export interface ContextItem {
  kind: ContextItemKind;
  name: string;
  path?: string;
  tokens: number;
  /** This item's share of the fixed load's energy per request (central and range). */
  wh: Estimate3;
  source: ContextItemSource;
  origin: string;
  problem?: string;
}

export interface ContextFinding {
  id:
    | 'unused-mcp-server'
    | 'large-memory-file'
    | 'apply-to-everything'
    | 'long-skill-description'
    | 'duplicated-instructions'
    | 'mcp-not-measured';
  message: string;
  /** The file to change (config or memory file). */
  path?: string;
  /** What to do, concretely (an exact config edit where there is one). */
  fix: string;
  /** Tokens saved per request if the fix is applied. */
  savingTokens?: number;
  /** Wh saved per request (central) and per month at the user's pace. */
  savingWhPerRequest?: number;
  savingWhPerMonth?: number;
}

export interface AgentContext {
  agent: AgentId;
  folder: string;
  model: { id: string; requested: string; approximateTokens: boolean };
  total: { tokens: number; wh: Estimate3 };
  /** Requests per session assumed for `perSession` (from logs, else a stated default). */
  session: { requests: number; requestsSource: string; caching: string; wh: Estimate3 };
  items: ContextItem[];
  findings: ContextFinding[];
  /** Notes on how the built-in load was obtained (baseline version or learned from logs). */
  notes: string[];
}
