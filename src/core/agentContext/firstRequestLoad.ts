/**
 * What the first request of a session carries besides the prompt: the agent's fixed load, split
 * into what the agent builds in (learned from its logs, or a measured baseline) and what this
 * folder adds (memory files, skills, MCP tools), and the request's size and energy with it. Judged
 * here once, so the hook (and any other surface) only puts it into words.
 */
import { profileRegistryFor, type AnalysisWithNotices } from '../analyse';
import { estimateRequest, type Estimate3 } from '../energy';
import type { AgentContext, ContextItem, ContextItemKind } from './agentContextTypes';

export interface FirstRequestLoad {
  /** Tokens the agent sends before the prompt. */
  tokens: number;
  /** The agent's own system prompt, tools and wrapping text. */
  builtIn?: {
    tokens: number;
    /** `learned`: from the folder's own logs; `baseline`: a measured baseline (`baseline` says which). */
    source: 'learned' | 'baseline';
    /** How the baseline was measured ("baseline measured with codex 0.41 on 2025-10-01"), if known. */
    baseline?: string;
  };
  /** What this folder adds, and of which kinds. */
  fromFolder?: { tokens: number; kinds: ContextItemKind[] };
  /** The whole first request: the analysed prompt plus the fixed load. */
  request: { tokens: number; energyWh?: Estimate3 };
}

/** Whether the analysis is of the first request of its session (no earlier turns). */
export function isFirstRequest(analysis: AnalysisWithNotices): boolean {
  return !analysis.session || analysis.session.turns.length === 0;
}

const BUILT_IN_SOURCES: readonly ContextItem['source'][] = ['baseline', 'learned', 'client-format'];

/** The fixed load of a first request, or undefined when nothing is known to add. */
export function firstRequestLoad(context: AgentContext, analysis: AnalysisWithNotices): FirstRequestLoad | undefined {
  if (context.total.tokens <= 0) return undefined;
  const builtIn = context.items.filter((i) => BUILT_IN_SOURCES.includes(i.source));
  const fromFolder = context.items.filter((i) => !builtIn.includes(i) && i.tokens > 0);
  const sum = (items: readonly ContextItem[]) => items.reduce((n, i) => n + i.tokens, 0);
  const tokens = analysis.tokens.total + context.total.tokens;
  const profile = profileRegistryFor(analysis.config).get(analysis.model.id);
  return {
    tokens: context.total.tokens,
    builtIn: builtIn.length
      ? {
          tokens: sum(builtIn),
          source: builtIn.some((i) => i.source === 'learned') ? 'learned' : 'baseline',
          baseline: baselineNote(context),
        }
      : undefined,
    fromFolder: fromFolder.length
      ? { tokens: sum(fromFolder), kinds: [...new Set(fromFolder.map((i) => i.kind))] }
      : undefined,
    request: {
      tokens,
      energyWh: profile
        ? estimateRequest(profile, {
            inputTokens: tokens,
            outputTokens: analysis.estimate.tokens.output,
            region: analysis.estimate.grid.zone,
          }).energyWh
        : undefined,
    },
  };
}

/** The analysis's own note on the baseline, without its prefix and the measuring mode. */
function baselineNote(context: AgentContext): string | undefined {
  return context.notes
    .find((n) => n.startsWith('built-in load: baseline'))
    ?.replace(/^built-in load: /, '')
    .replace(/ \(.*$/, '');
}
