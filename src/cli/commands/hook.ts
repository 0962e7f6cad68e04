/**
 * `mvp hook`: the prompt-submit hook for coding agents (Claude Code `UserPromptSubmit`, VS Code
 * agent hooks). Reads the event JSON on stdin, analyses the prompt with the session it continues,
 * and answers in the agent's hook contract: coaching for the user, or — only when the team config
 * opts in with `"hook": { "block": true }` — a block with the budget that was exceeded.
 *
 * It must never get in the way: whatever goes wrong inside (bad payload, unreadable transcript,
 * a bug), it prints nothing on stdout, says why on stderr, and exits 0 so the prompt goes through.
 */
import type { CliIo } from '../cliIo';

export { HOOK_USAGE } from '../hook/hookOptions';

/**
 * As the real CLI (`io.standalone`), the work runs in a worker thread (./hook/runHookIsolated.ts)
 * that is terminated at the deadline: counting tokens is synchronous, and a pathological prompt
 * or attached file (4 MB of one letter: 20 s) would otherwise hold the agent however the deadline
 * is checked. In-process callers (tests) run it here, bounded between steps and at I/O.
 */
export async function runHook(args: string[], io: CliIo): Promise<number> {
  // MVP_HOOK_IN_PROCESS=1 skips the worker (to measure its cost, or to debug with one thread).
  if (io.standalone && process.env.MVP_HOOK_IN_PROCESS !== '1') {
    // Loaded only here: in-process callers never need the worker machinery, and the standalone
    // CLI never loads the engine in this thread (the worker bundle has it).
    const { runHookIsolated } = require('../hook/runHookIsolated') as typeof import('../hook/runHookIsolated');
    return runHookIsolated(args, io);
  }
  const { runHookHere } = require('../hook/runHookHere') as typeof import('../hook/runHookHere');
  return runHookHere(args, io);
}
