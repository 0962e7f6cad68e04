/**
 * What every real-client test compares: `mvp context`'s reading of a project (from its files, never
 * the agent's logs) and the first request the real client sent from it, with the same fresh HOME.
 */
import { analyseAgentContext, type AgentContextOptions } from '../../src/core/agentContext/analyseAgentContext';
import type { AgentContext } from '../../src/core/agentContext/agentContextTypes';

export type CaptureRequest = (options: { project: string; home: string; prompt: string }) => Promise<{ body: unknown }>;

export async function oursAndSent(
  capture: CaptureRequest,
  options: AgentContextOptions & { home: string },
): Promise<{ context: AgentContext; body: unknown }> {
  const context = await analyseAgentContext({ useLogs: false, ...options });
  const { body } = await capture({ project: options.folder, home: options.home, prompt: 'hello there' });
  return { context, body };
}
