/** The hook's usage text and its --deadline option: light, so the CLI's hook entry loads no engine. */

export const HOOK_USAGE = `Usage: mvp hook [--agent auto|claude-code|vscode] [--model ID] [--context] [--quiet] [--deadline SECONDS]

Prompt-submit hook for coding agents: reads the UserPromptSubmit event JSON on stdin (Claude Code
or VS Code agent hooks, detected from the payload), analyses the prompt, its #file/@path
references (relative to the event's cwd) and the session transcript it points to, and prints
coaching in the agent's hook format. Blocks only when .mvp.jsonc sets "hook": {"block": true} and
a budget (budgets.tokens, whPerRequest, whPerSession) is exceeded. Never fails the agent: on any
problem it prints nothing on stdout, explains on stderr and exits 0. See docs/hooks.md.

  --agent NAME   force the payload/output format (default: detected from the payload)
  --model ID     model profile to count and estimate with (default: the model named in the
                 transcript, then the team config's, then claude-sonnet-4-5 for Claude Code and
                 gpt-4o for VS Code)
  --context      Claude Code only: also add the coaching to the model's context (it is then
                 re-sent with every later request; off by default)
  --quiet        print nothing unless there is a suggestion or a budget is exceeded
  --deadline S   give up after S seconds (default 5) and let the prompt through, saying on
                 stderr what was not done; keep it below the agent's hook timeout
`;

/** Below the agents' usual hook timeouts (the documented setups use 10 s). */
export const DEFAULT_HOOK_DEADLINE_SECONDS = 5;

/** --deadline SECONDS, read before the full argument parse so even a slow parse is bounded. */
export function deadlineSeconds(args: string[]): number {
  const i = args.indexOf('--deadline');
  const value = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? Math.min(value, 600) : DEFAULT_HOOK_DEADLINE_SECONDS;
}

export function deadlineMessage(seconds: number, phase: string): string {
  return `mvp hook: stopped after the ${seconds} s deadline while ${phase}; no coaching for this prompt (nothing after that step was done). The prompt goes through unchanged; raise --deadline if the agent's hook timeout allows.\n`;
}
