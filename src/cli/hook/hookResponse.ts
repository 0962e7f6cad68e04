/**
 * What each agent reads back from a prompt-submit hook.
 *
 * Claude Code (https://code.claude.com/docs/en/hooks, "UserPromptSubmit" and "JSON output"): on
 * exit 0 stdout is parsed as JSON when it is JSON; `systemMessage` is shown to the user,
 * `hookSpecificOutput.additionalContext` is added to the model's context, and
 * `{"decision": "block", "reason": …}` stops the prompt, erases it and shows the reason to the user.
 *
 * VS Code agent hooks (https://code.visualstudio.com/docs/agent-customization/hooks, "Common output
 * format"; UserPromptSubmit "uses the common output format only"): on exit 0 stdout is parsed as
 * JSON; `systemMessage` is shown to the user; `{"continue": false, "stopReason": …}` stops the
 * processing and shows the reason to the user.
 *
 * Coaching goes to the user by default, not into the model's context: context added by a hook is
 * re-sent with every later request of the session, which is the cost this tool exists to cut.
 */
import type { HookAgent } from './hookEvent';

export interface HookResponse {
  stdout: string;
  exitCode: number;
}

export function coachingResponse(agent: HookAgent, text: string, options: { toModel?: boolean } = {}): HookResponse {
  const output: Record<string, unknown> = { systemMessage: text };
  if (agent === 'claude-code' && options.toModel) {
    output.hookSpecificOutput = { hookEventName: 'UserPromptSubmit', additionalContext: text };
  }
  return { stdout: JSON.stringify(output) + '\n', exitCode: 0 };
}

export function blockResponse(agent: HookAgent, reason: string): HookResponse {
  const output = agent === 'claude-code' ? { decision: 'block', reason } : { continue: false, stopReason: reason, systemMessage: reason };
  return { stdout: JSON.stringify(output) + '\n', exitCode: 0 };
}
