/**
 * On the first prompt of a session the agent's own load (system prompt, tool schemas, memory files,
 * skills, MCP tools) is most of the request, yet the prompt is all the hook sees. This adds it, from
 * the agent-context model: MCP tools from the cache only (a server is never started from the hook),
 * the built-in load learned from the last logs of the folder or the shipped baseline, said which.
 */
import { profileRegistryFor, type AnalysisWithNotices } from '../../core/analyse';
import { analyseAgentContext } from '../../core/agentContext/analyseAgentContext';
import { estimateRequest } from '../../core/energy';
import { formatRange, formatTokens, formatWh } from '../../core/format';
import type { HookAgent } from './hookEvent';

/** Logs read from the hook: enough to learn the load, few enough to stay within its time. */
const HOOK_LOG_SESSIONS = 3;

export function isFirstRequest(analysis: AnalysisWithNotices): boolean {
  return !analysis.session || analysis.session.turns.length === 0;
}

/** One line for the first request of a session, or undefined when nothing is known to add. */
export async function fixedLoadLine(
  agent: HookAgent,
  folder: string,
  analysis: AnalysisWithNotices,
): Promise<string | undefined> {
  const context = await analyseAgentContext({
    folder,
    agent,
    model: analysis.model.id,
    probeMcp: false,
    maxLogSessions: HOOK_LOG_SESSIONS,
  });
  if (context.total.tokens <= 0) return undefined;
  const profile = profileRegistryFor(analysis.config).get(analysis.model.id);
  const builtIn = context.items.filter(
    (i) => i.source === 'baseline' || i.source === 'learned' || i.source === 'client-format',
  );
  const fromFolder = context.items.filter((i) => !builtIn.includes(i) && i.tokens > 0);
  const sum = (items: typeof context.items) => items.reduce((n, i) => n + i.tokens, 0);
  const builtInSource = builtIn.some((i) => i.source === 'learned')
    ? 'learned from your logs'
    : (context.notes
        .find((n) => n.startsWith('built-in load: baseline'))
        ?.replace(/^built-in load: /, '')
        .replace(/ \(.*$/, '') ?? 'no baseline for this agent');
  const parts = [
    builtIn.length ? `${formatTokens(sum(builtIn))} built in (${builtInSource})` : undefined,
    fromFolder.length
      ? `${formatTokens(sum(fromFolder))} from this folder (${[...new Set(fromFolder.map((i) => i.kind))].join(', ')})`
      : undefined,
  ].filter(Boolean);
  const withLoad = profile
    ? estimateRequest(profile, {
        inputTokens: analysis.tokens.total + context.total.tokens,
        outputTokens: analysis.estimate.tokens.output,
        region: analysis.estimate.grid.zone,
      }).energyWh
    : undefined;
  return (
    `Fixed load of this first request: ${agent} also sends ≈${formatTokens(context.total.tokens)} tokens before your prompt (${parts.join(' + ')})` +
    (withLoad
      ? ` — ≈${formatTokens(analysis.tokens.total + context.total.tokens)} tokens, ≈${formatRange(withLoad, formatWh)} for this turn in all`
      : '') +
    '. Details: mvp context.'
  );
}
