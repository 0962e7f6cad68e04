/**
 * Real agent usage for the panel's "Today": reads the agents' local logs (Claude Code, Codex CLI,
 * Gemini CLI) in a worker thread, with the digests cached in the extension's global storage, and
 * keeps today / this week per agent. Refreshes when the panel asks, at most every few minutes; the
 * logs never leave the machine and nothing is written next to them (docs/usage.md).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { clearDigests, recentUsageSince, runUsageWorker, summariseRecentUsage, type RecentUsage, type UsageWorkerJob, type UsageWorkerResult } from '../../core/usage';

export type AgentUsageState =
  | { status: 'loading' }
  | { status: 'ready'; recent: RecentUsage; readAt: number }
  | { status: 'error'; message: string };

/** How long a reading stays fresh: agents append to their logs all the time, the panel needs no more. */
export const AGENT_USAGE_REFRESH_MS = 5 * 60 * 1000;

export class AgentUsageLoader {
  private state: AgentUsageState = { status: 'loading' };
  private inFlight: Promise<void> | undefined;
  private lastStart = -Infinity;

  constructor(
    /** Folder for the digests (the extension's global storage). */
    private readonly storageDir: string,
    private readonly onChange: (state: AgentUsageState) => void,
    private readonly run: (job: UsageWorkerJob) => Promise<UsageWorkerResult> = runUsageWorker,
    private readonly now: () => Date = () => new Date(),
    private readonly environment: UsageWorkerJob['environment'] = { env: process.env, home: os.homedir() },
  ) {}

  current(): AgentUsageState {
    return this.state;
  }

  /** Deletes the cached digests (MVP: Clear Agent Usage Cache) and reads the logs afresh; returns whether there was a cache. */
  async clearCache(): Promise<boolean> {
    await this.inFlight;
    const removed = clearDigests(path.join(this.storageDir, 'usage-cache'));
    await this.refresh(true);
    return removed;
  }

  /** Starts a reading unless one is running or the last is recent (`force` skips the wait). */
  refresh(force = false): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const started = this.now().getTime();
    if (!force && started - this.lastStart < AGENT_USAGE_REFRESH_MS) return Promise.resolve();
    this.lastStart = started;
    const now = this.now();
    this.inFlight = this.run({ environment: this.environment, cacheDir: path.join(this.storageDir, 'usage-cache'), since: recentUsageSince(now) })
      .then((result) => {
        this.state = result.ok ? { status: 'ready', recent: summariseRecentUsage(result.periods, now), readAt: started } : { status: 'error', message: result.message };
      })
      .catch((error: unknown) => {
        this.state = { status: 'error', message: error instanceof Error ? error.message : String(error) };
      })
      .finally(() => {
        this.inFlight = undefined;
        this.onChange(this.state);
      });
    return this.inFlight;
  }
}
