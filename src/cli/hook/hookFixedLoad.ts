/**
 * On the first prompt of a session the agent's own load (system prompt, tool schemas, memory files,
 * skills, MCP tools) is most of the request, yet the prompt is all the hook sees. This adds it, from
 * the agent-context model: MCP tools from the cache only (a server is never started from the hook),
 * the built-in load learned from the last logs of the folder or the shipped baseline, said which.
 * The load is judged by the core (firstRequestLoad); the hook puts it into one line.
 */
import type { AnalysisWithNotices } from '../../core/analyse';
import { analyseAgentContext } from '../../core/agentContext/analyseAgentContext';
import { firstRequestLoad } from '../../core/agentContext/firstRequestLoad';
import { formatRange, formatTokens, formatWh } from '../../core/format';
import type { HookAgent } from './hookEvent';

/** Logs read from the hook: enough to learn the load, few enough to stay within its time. */
const HOOK_LOG_SESSIONS = 3;

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
  const load = firstRequestLoad(context, analysis);
  if (!load) return undefined;
  const { builtIn, fromFolder, request } = load;
  const builtInSource =
    builtIn?.source === 'learned' ? 'learned from your logs' : (builtIn?.baseline ?? 'no baseline for this agent');
  const parts = [
    builtIn ? `${formatTokens(builtIn.tokens)} built in (${builtInSource})` : undefined,
    fromFolder ? `${formatTokens(fromFolder.tokens)} from this folder (${fromFolder.kinds.join(', ')})` : undefined,
  ].filter(Boolean);
  // One level of parentheses: the parts after a colon, each with its source in brackets.
  return (
    `Fixed load of this first request: ${agent} also sends ≈${formatTokens(load.tokens)} tokens before your prompt: ${parts.join('; ')}.` +
    (request.energyWh
      ? ` With your prompt — ≈${formatTokens(request.tokens)} tokens, ≈${formatRange(request.energyWh, formatWh)} for this turn in all.`
      : '') +
    ' Details: mvp context.'
  );
}
