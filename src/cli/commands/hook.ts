/**
 * `mvp hook`: the prompt-submit hook for coding agents (Claude Code `UserPromptSubmit`, VS Code
 * agent hooks). Reads the event JSON on stdin, analyses the prompt with the session it continues,
 * and answers in the agent's hook contract: coaching for the user, or — only when the team config
 * opts in with `"hook": { "block": true }` — a block with the budget that was exceeded.
 *
 * It must never get in the way: whatever goes wrong inside (bad payload, unreadable transcript,
 * a bug), it prints nothing on stdout, says why on stderr, and exits 0 so the prompt goes through.
 */
import * as path from 'node:path';
import { analysePrompt, type AnalysisWithNotices } from '../../core/analyse';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../cliIo';
import { budgetBreaches, hookSettingsOf } from '../hook/hookBudget';
import { coachingFor, coachingText } from '../hook/hookCoaching';
import { HOOK_AGENTS, parseHookEvent, type HookAgent, type HookEvent } from '../hook/hookEvent';
import { blockResponse, coachingResponse, type HookResponse } from '../hook/hookResponse';
import { isFirstRequest } from '../../core/agentContext/firstRequestLoad';
import { fixedLoadLine } from '../hook/hookFixedLoad';
import { readHookTranscript } from '../hook/hookTranscript';
import { chooseHookConfig } from '../hook/hookConfigTrust';
import { emptyConfig, loadConfigFile } from '../../core/config/loadConfig';

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

/** What the hook is doing now, so a deadline can say what it skipped. */
interface HookProgress {
  phase: string;
  deadlineAt: number;
  /** Told each step as it starts (the isolating parent, to name the step it had to stop). */
  onPhase?: (phase: string) => void;
}

/** Thrown between steps once the deadline has passed (synchronous work cannot be interrupted by a timer). */
class HookDeadlineError extends Error {}

/** Starts the next step, unless the deadline passed during the previous one. */
function enter(progress: HookProgress, phase: string): void {
  if (Date.now() > progress.deadlineAt) throw new HookDeadlineError();
  progress.phase = phase;
  progress.onPhase?.(phase);
}

export function deadlineMessage(seconds: number, phase: string): string {
  return `mvp hook: stopped after the ${seconds} s deadline while ${phase}; no coaching for this prompt (nothing after that step was done). The prompt goes through unchanged; raise --deadline if the agent's hook timeout allows.\n`;
}

/** Stands for the prompt in the engine: it has no file, but references and config are found from the agent's cwd. */

/** When nothing names the model, the agent's usual one (Claude Code runs Claude models). */
const AGENT_DEFAULT_MODEL: Record<HookAgent, string | undefined> = { 'claude-code': 'claude-sonnet-4-5', vscode: undefined };

/**
 * As the real CLI (`io.standalone`), the work runs in a worker thread (./hook/runHookIsolated.ts)
 * that is terminated at the deadline: counting tokens is synchronous, and a pathological prompt
 * or attached file (4 MB of one letter: 20 s) would otherwise hold the agent however the deadline
 * is checked. In-process callers (tests) run it here, bounded between steps and at I/O.
 */
export async function runHook(args: string[], io: CliIo): Promise<number> {
  // MVP_HOOK_IN_PROCESS=1 skips the worker (to measure its cost, or to debug with one thread).
  if (io.standalone && process.env.MVP_HOOK_IN_PROCESS !== '1') {
    // Loaded only here: in-process callers never need the worker machinery.
    const { runHookIsolated } = require('../hook/runHookIsolated') as typeof import('../hook/runHookIsolated');
    return runHookIsolated(args, io);
  }
  return runHookHere(args, io);
}

export interface HookRunOptions {
  /** When the deadline falls (ms since the epoch); default now + --deadline. */
  deadlineAt?: number;
  onPhase?: (phase: string) => void;
}

export async function runHookHere(args: string[], io: CliIo, options: HookRunOptions = {}): Promise<number> {
  const seconds = deadlineSeconds(args);
  const deadlineAt = options.deadlineAt ?? Date.now() + seconds * 1000;
  const progress: HookProgress = { phase: 'reading the hook event from stdin', deadlineAt, onPhase: options.onPhase };
  let timer: NodeJS.Timeout | undefined;
  // Never block the agent past its timeout: whatever is still running is abandoned, and the
  // process ends (main.ts exits after the hook answers) — the prompt goes through unchanged.
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), Math.max(0, deadlineAt - Date.now()));
  });
  try {
    const response = await Promise.race([respond(args, io, progress), deadline]).catch((error: unknown) => {
      if (error instanceof HookDeadlineError) return 'deadline' as const;
      throw error;
    });
    if (response === 'deadline') {
      io.stderr(deadlineMessage(seconds, progress.phase));
      return 0;
    }
    if (response) io.stdout(response.stdout);
    return response?.exitCode ?? 0;
  } catch (error) {
    const message = error instanceof UsageError || error instanceof HookInputError ? error.message : `internal error: ${(error as Error).message}`;
    io.stderr(`mvp hook: ${message}; the prompt goes through unchanged.\n`);
    if (process.env.MVP_DEBUG && !(error instanceof UsageError || error instanceof HookInputError)) io.stderr(`${(error as Error).stack}\n`);
    return 0;
  } finally {
    clearTimeout(timer);
  }
}

/** --deadline SECONDS, read before the full argument parse so even a slow parse is bounded. */
export function deadlineSeconds(args: string[]): number {
  const i = args.indexOf('--deadline');
  const value = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? Math.min(value, 600) : DEFAULT_HOOK_DEADLINE_SECONDS;
}

class HookInputError extends Error {}

async function respond(args: string[], io: CliIo, progress: HookProgress): Promise<HookResponse | undefined> {
  const { flags, positionals } = parseArgs(args, {
    deadline: { type: 'number' },
    agent: { type: 'string', choices: ['auto', ...HOOK_AGENTS] },
    model: { type: 'string', short: 'm' },
    context: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' (the event comes on stdin)`);
  if (!io.readStdin) throw new HookInputError('no standard input to read the hook event from');
  const forced = flags.agent && flags.agent !== 'auto' ? (flags.agent as HookAgent) : undefined;
  let stdin: string;
  try {
    stdin = await io.readStdin();
  } catch (error) {
    throw new HookInputError(`cannot read the hook event from stdin (${(error as Error).message})`);
  }
  let event: HookEvent;
  try {
    event = parseHookEvent(stdin, forced);
  } catch (error) {
    throw new HookInputError((error as Error).message);
  }
  if (event.eventName !== 'UserPromptSubmit') {
    io.stderr(`mvp hook: ignoring the ${event.eventName} event; register mvp hook for UserPromptSubmit.\n`);
    return undefined;
  }

  const analysis = await analyseEvent(event, flags.model as string | undefined, io, progress);
  enter(progress, 'writing the coaching');
  const breaches = budgetBreaches(analysis);
  const settings = hookSettingsOf(analysis.config);
  const coaching = coachingFor(analysis, { transcriptPath: event.transcriptPath });

  if (breaches.length && settings.block) {
    const where = settings.source ?? analysis.config.sourceFiles.at(-1) ?? '.mvp.jsonc';
    const hint = coaching.suggestions[0] ? ` ${coaching.suggestions[0]}` : '';
    const reason =
      `MVP blocked this prompt: ${breaches.map((b) => b.message).join('; ')} (team config ${where}).${hint} ` +
      `Shorten the prompt or its history (a fresh session) and send again; the team can change the budget or set "hook": {"block": false} there.`;
    return blockResponse(event.agent, reason);
  }
  if (flags.quiet && !breaches.length && !coaching.suggestions.length) return undefined;
  const lines = [coachingText(coaching), ...breaches.map((b) => `• Over budget: ${b.message}.`)];
  if (isFirstRequest(analysis)) {
    // The agent's own load is most of a session's first request; never let measuring it block the prompt.
    const fixedLoad = await fixedLoadLine(event.agent, path.resolve(io.cwd, event.cwd ?? '.'), analysis).catch(() => undefined);
    if (fixedLoad) lines.splice(1, 0, fixedLoad);
  }
  return coachingResponse(event.agent, lines.join('\n'), { toModel: flags.context === true });
}

async function analyseEvent(event: HookEvent, model: string | undefined, io: CliIo, progress: HookProgress): Promise<AnalysisWithNotices> {
  const cwd = path.resolve(io.cwd, event.cwd ?? '.');
  enter(progress, `reading the transcript ${event.transcriptPath ?? ''}`.trim());
  const history = await readHookTranscript(event.transcriptPath, event.prompt);
  for (const note of history.notes) io.stderr(`mvp hook: ${note}\n`);
  // The engine chooses the model the one way every surface does: --model, then the transcript's, then the team config's.
  // The config search stops at the repository root or the home folder; JavaScript rules run only
  // from a config the user listed as trusted (hookConfigTrust.ts).
  enter(progress, 'reading the team config');
  const choice = chooseHookConfig(cwd);
  const config = choice.configFile ? loadConfigFile(choice.configFile, { trusted: choice.trusted }) : emptyConfig();
  if (config.skippedJsRules.length) {
    io.stderr(`mvp hook: the JavaScript rules of ${choice.configFile} were not run: it is not in your trust list. To run them, add its path as a line of ${choice.trustList} (docs/hooks.md).\n`);
  }
  enter(progress, 'analysing the prompt, its files and the session');
  const analysis = await analysePrompt({
    config,
    text: event.prompt,
    baseDir: cwd,
    model,
    defaultModel: AGENT_DEFAULT_MODEL[event.agent],
    transcript: history.kind === 'transcript' ? history.transcript : undefined,
    transcriptName: event.transcriptPath ? path.basename(event.transcriptPath) : undefined,
    historyFile: history.kind === 'file' ? history.file : undefined,
    trusted: choice.trusted,
  });
  for (const notice of analysis.notices) io.stderr(`mvp hook: ${notice}\n`);
  for (const problem of analysis.config.problems) io.stderr(`mvp hook: ${problem.file}:${problem.start.line + 1}: ${problem.message}\n`);
  return analysis;
}
