/**
 * The "user prompt submit" event as coding agents send it on stdin, reduced to what `mvp hook`
 * needs. Claude Code writes snake_case fields (`hook_event_name`, `session_id`, `transcript_path`,
 * `cwd`, `prompt`); VS Code's agent hooks write camelCase common fields (`hookEventName`,
 * `sessionId`, `timestamp`) next to snake_case `transcript_path` and `cwd`. The agent is told apart
 * by those fields, because each agent expects its own output contract (see ./hookResponse.ts).
 */

export type HookAgent = 'claude-code' | 'vscode';

export const HOOK_AGENTS: readonly HookAgent[] = ['claude-code', 'vscode'];

export interface HookEvent {
  agent: HookAgent;
  /** `UserPromptSubmit` for the event this command handles; other events are left alone. */
  eventName: string;
  prompt: string;
  /** The agent's working directory: `#file`/`@path` references and `.mvp.jsonc` are found from here. */
  cwd?: string;
  /** The session transcript so far (Claude Code JSONL, or VS Code's Copilot agent JSONL). */
  transcriptPath?: string;
  sessionId?: string;
}

/** The payload is not an event this command can read: reported on stderr, never to the agent. */
export class HookPayloadError extends Error {}

export function parseHookEvent(text: string, forcedAgent?: HookAgent): HookEvent {
  if (text.trim() === '') {
    throw new HookPayloadError('no hook event on stdin (expected the JSON object the agent sends for UserPromptSubmit)');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    throw new HookPayloadError(`the hook event on stdin is not JSON (${(error as Error).message})`);
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new HookPayloadError('the hook event on stdin must be a JSON object');
  }
  const p = payload as Record<string, unknown>;
  const agent = forcedAgent ?? detectAgent(p);
  const eventName = str(p.hook_event_name) ?? str(p.hookEventName) ?? 'UserPromptSubmit';
  const prompt = p.prompt;
  if (eventName === 'UserPromptSubmit' && typeof prompt !== 'string') {
    throw new HookPayloadError(`the ${eventName} event has no "prompt" string (fields present: ${Object.keys(p).join(', ') || 'none'})`);
  }
  return {
    agent,
    eventName,
    prompt: typeof prompt === 'string' ? prompt : '',
    cwd: str(p.cwd),
    transcriptPath: str(p.transcript_path) ?? str(p.transcriptPath),
    sessionId: str(p.session_id) ?? str(p.sessionId),
  };
}

function detectAgent(p: Record<string, unknown>): HookAgent {
  if ('hookEventName' in p || 'sessionId' in p || 'timestamp' in p) return 'vscode';
  return 'claude-code';
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
