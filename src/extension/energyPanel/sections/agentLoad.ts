/**
 * "Sent with every request": the workspace agent's fixed load beside what this prompt adds, as one
 * stacked bar (system prompt, tools, MCP, memory, instructions, skills, then what you typed), with
 * tokens, energy per request and where each figure comes from. The panel and the report both
 * show this view, so their figures are the same.
 */
import type { Analysis } from '../../../core/analysis';
import type { AgentId, ContextItem, ContextItemKind } from '../../../core/agentContext/agentContextTypes';
import { formatInteger, formatPercent, formatQuantity, formatSpan, plural } from '../../../core/format';
import type { AgentLoadKind, AgentLoadSegment, AgentLoadView } from '../../../shared/panel/viewModel';
import type { AgentLoad, AgentLoadState } from '../agentLoadCache';

export const AGENT_NAMES: Record<AgentId, string> = {
  'claude-code': 'Claude Code',
  vscode: 'VS Code (Copilot)',
  codex: 'Codex CLI',
  gemini: 'Gemini CLI',
};

/** The bar's order: the agent's own load first, then what the user's files add. */
const KIND_ORDER: readonly ContextItemKind[] = [
  'system',
  'tools',
  'mcp',
  'memory',
  'instructions',
  'skills',
  'messages',
];

const KIND_LABELS: Record<AgentLoadKind, string> = {
  system: 'System prompt',
  tools: 'Built-in tools',
  mcp: 'MCP tools',
  memory: 'Memory files',
  instructions: 'Instructions',
  skills: 'Skills listing',
  messages: 'Reminders and other messages',
  typed: 'What you typed',
};

const EMPTY = {
  summaryText: '',
  segments: [],
  barLabel: '',
  fixedText: '',
  typedText: '',
  totalText: '',
  sources: [],
  problems: [],
};

function energy(wh: { low: number; central: number; high: number }): string {
  return `${formatQuantity('wh', wh.central)} (${formatSpan('wh', wh)})`;
}

/** What the prompt itself sends: its text, its attachments, the history it carries. */
function typedParts(analysis: Analysis): { prompt: number; attachments: number; history: number } {
  let attachments = 0;
  let history = 0;
  for (const part of analysis.tokens.parts) {
    if (part.kind === 'reference') attachments += part.tokens;
    else if (part.kind === 'history') history += part.tokens;
  }
  return { prompt: Math.max(0, analysis.tokens.total - attachments - history), attachments, history };
}

function kindLabel(kind: ContextItemKind, items: ContextItem[]): string {
  // A learned built-in load is one figure for the system prompt and the tool schemas together.
  if (kind === 'system' && items.some((i) => i.source === 'learned')) return 'System prompt and tools (learned)';
  return KIND_LABELS[kind];
}

/** Where the figures come from, in the user's words: agent, built-in load, MCP, files, model. */
function sources(load: AgentLoad): string[] {
  const { context } = load;
  const name = AGENT_NAMES[context.agent];
  const lines = [`Agent: ${name}, because this folder has its files (${load.agentReason}).`];
  const learned = context.items.find((i) => i.source === 'learned');
  const baseline = context.items.find((i) => i.source === 'baseline');
  if (learned) lines.push(`Built-in load ${learned.origin}.`);
  else if (baseline) lines.push(`Built-in load: ${baseline.origin}.`);
  else
    lines.push(
      `No measured baseline for ${name}'s own system prompt and tools: only this folder's files are counted, so the real request is larger.`,
    );
  const servers = context.items.filter((i) => i.kind === 'mcp' && i.name.startsWith('MCP server '));
  if (servers.length) {
    const cached = servers.filter((i) => i.source === 'mcp-cache').length;
    const unmeasured = servers.length - cached;
    lines.push(
      `MCP: ${plural(servers.length, 'server')} configured, ${formatInteger(cached)} from the cache of measured tool lists${unmeasured ? `, ${formatInteger(unmeasured)} not measured (0 tokens counted; MVP: Show Agent Context measures them in a trusted workspace)` : ''}. The panel never starts a server.`,
    );
  }
  const files = context.items.filter((i) => i.source === 'file' && i.path).length;
  if (files) lines.push(`Memory, instruction and skill files: ${plural(files, 'file')} read from disk.`);
  if (context.items.some((i) => i.source === 'editor'))
    lines.push('Tools registered in the editor (vscode.lm.tools), counted with their input schemas.');
  lines.push(
    `Counted for ${context.model.id}${context.model.approximateTokens ? ' (approximate tokens)' : ''}, the prompt's model; energy from the same method as the rest of the panel.`,
  );
  return lines;
}

/** The section for the analysis's prompt, or null when the editor does not measure agents (no state). */
export function buildAgentLoad(analysis: Analysis, state: AgentLoadState | undefined): AgentLoadView | null {
  if (!state) return null;
  if (state.status === 'loading') {
    return {
      state: 'loading',
      title: 'Sent with every request',
      message: 'Measuring the workspace agent’s fixed load…',
      ...EMPTY,
    };
  }
  if (state.status === 'none')
    return { state: 'none', title: 'Sent with every request', message: state.reason, ...EMPTY };
  if (state.status === 'error') {
    return {
      state: 'error',
      title: 'Sent with every request',
      message: `Could not measure the agent’s fixed load: ${state.message}`,
      ...EMPTY,
    };
  }
  const { context } = state.load;
  const typed = analysis.tokens.total;
  const fixed = context.total.tokens;
  const whole = fixed + typed;
  const share = (tokens: number) => (whole > 0 ? tokens / whole : 0);
  const segment = (kind: AgentLoadKind, label: string, tokens: number, isFixed: boolean): AgentLoadSegment => ({
    kind,
    label,
    tokensText: formatInteger(tokens),
    shareText: formatPercent(share(tokens)),
    percent: Math.round(share(tokens) * 1000) / 10,
    fixed: isFixed,
  });
  const segments: AgentLoadSegment[] = [];
  for (const kind of KIND_ORDER) {
    const items = context.items.filter((i) => i.kind === kind);
    const tokens = items.reduce((n, i) => n + i.tokens, 0);
    if (tokens > 0) segments.push(segment(kind, kindLabel(kind, items), tokens, true));
  }
  segments.push(segment('typed', KIND_LABELS.typed, typed, false));

  const parts = typedParts(analysis);
  const estimate = analysis.estimate;
  const total = state.load.requestWh({
    inputTokens: whole,
    cachedInputTokens: estimate.tokens.cachedInput,
    outputTokens: estimate.tokens.output,
    region: estimate.grid.zone,
  });
  const name = AGENT_NAMES[context.agent];
  return {
    state: 'ready',
    title: `Sent with every request by ${name}`,
    summaryText: `${name} sends ${formatInteger(fixed)} tokens (${formatPercent(share(fixed))} of this request) before you type a word`,
    segments,
    barLabel: `Request of ${formatInteger(whole)} tokens: ${segments.map((s) => `${s.label} ${s.tokensText} tokens (${s.shareText})`).join(', ')}`,
    fixedText: `${formatInteger(fixed)} tokens before you type a word · ${energy(context.total.wh)} per request on its own`,
    typedText: `${formatInteger(typed)} tokens: prompt ${formatInteger(parts.prompt)} · attachments ${formatInteger(parts.attachments)} · history ${formatInteger(parts.history)}`,
    totalText: `${formatInteger(whole)} tokens · ${energy(total)} with a ${formatInteger(estimate.tokens.output)}-token answer; ${formatQuantity('wh', estimate.energyWh.central)} without the fixed load`,
    sources: sources(state.load),
    problems: context.items.filter((i) => i.problem).map((i) => `${i.name}: ${i.problem}`),
  };
}
