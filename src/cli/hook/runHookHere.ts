/**
 * The hook's work itself, in the thread that runs it (the isolating worker, or in-process for tests
 * and MVP_HOOK_IN_PROCESS=1): read the event, analyse the prompt with its session, and answer in the
 * agent's hook contract, bounded by the deadline between steps. Never fails the agent.
 */
import * as path from 'node:path';
import { analysePrompt, type AnalysisWithNotices } from '../../core/analyse';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../cliIo';
import { budgetBreaches, hookSettingsOf } from './hookBudget';
import { coachingFor, coachingText } from './hookCoaching';
import { HOOK_AGENTS, parseHookEvent, type HookAgent, type HookEvent } from './hookEvent';
import { blockResponse, coachingResponse, type HookResponse } from './hookResponse';
import { isFirstRequest } from '../../core/agentContext/firstRequestLoad';
import { fixedLoadLine } from './hookFixedLoad';
import { readHookTranscript } from './hookTranscript';
import { chooseHookConfig } from './hookConfigTrust';
import { emptyConfig, loadConfigFile } from '../../core/config/loadConfig';
import { deadlineMessage, deadlineSeconds } from './hookOptions';

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

/** When nothing names the model, the agent's usual one (Claude Code runs Claude models). */
const AGENT_DEFAULT_MODEL: Record<HookAgent, string | undefined> = {
  'claude-code': 'claude-sonnet-4-5',
  vscode: undefined,
};

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
    const message =
      error instanceof UsageError || error instanceof HookInputError
        ? error.message
        : `internal error: ${(error as Error).message}`;
    io.stderr(`mvp hook: ${message}; the prompt goes through unchanged.\n`);
    if (process.env.MVP_DEBUG && !(error instanceof UsageError || error instanceof HookInputError))
      io.stderr(`${(error as Error).stack}\n`);
    return 0;
  } finally {
    clearTimeout(timer);
  }
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
    const fixedLoad = await fixedLoadLine(event.agent, path.resolve(io.cwd, event.cwd ?? '.'), analysis).catch(
      () => undefined,
    );
    if (fixedLoad) lines.splice(1, 0, fixedLoad);
  }
  return coachingResponse(event.agent, lines.join('\n'), { toModel: flags.context === true });
}

async function analyseEvent(
  event: HookEvent,
  model: string | undefined,
  io: CliIo,
  progress: HookProgress,
): Promise<AnalysisWithNotices> {
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
    io.stderr(
      `mvp hook: the JavaScript rules of ${choice.configFile} were not run: it is not in your trust list. To run them, add its path as a line of ${choice.trustList} (docs/hooks.md).\n`,
    );
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
  for (const problem of analysis.config.problems)
    io.stderr(`mvp hook: ${problem.file}:${problem.start.line + 1}: ${problem.message}\n`);
  return analysis;
}
