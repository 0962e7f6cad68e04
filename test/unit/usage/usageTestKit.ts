/** Shared set-up for the usage tests: a fresh HOME with the synthetic agent logs, and a cache folder. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const SYNTHETIC = path.join(__dirname, '..', '..', 'fixtures', 'agent-logs', 'synthetic');

export interface Sandbox {
  home: string;
  cacheDir: string;
  env: Record<string, string | undefined>;
  environment: { env: Record<string, string | undefined>; home: string; platform: NodeJS.Platform };
  cleanup(): void;
}

/**
 * A temporary HOME holding copies of the synthetic logs where each agent keeps them:
 * ~/.claude (Claude Code), ~/.codex (Codex CLI), ~/.gemini (Gemini CLI). Copies, so tests may append.
 */
export function makeSandbox(agents: readonly ('claude-code' | 'codex' | 'gemini-cli')[] = ['claude-code', 'codex', 'gemini-cli']): Sandbox {
  const home = mkdtempSync(path.join(os.tmpdir(), 'mvp-usage-home-'));
  if (agents.includes('claude-code')) cpSync(path.join(SYNTHETIC, 'claude-code'), path.join(home, '.claude'), { recursive: true });
  if (agents.includes('codex')) cpSync(path.join(SYNTHETIC, 'codex'), path.join(home, '.codex'), { recursive: true });
  if (agents.includes('gemini-cli')) cpSync(path.join(SYNTHETIC, 'gemini'), path.join(home, '.gemini'), { recursive: true });
  const cacheDir = path.join(home, 'cache');
  const env = { XDG_CACHE_HOME: path.join(home, 'xdg-cache'), XDG_CONFIG_HOME: path.join(home, '.config') };
  return {
    home,
    cacheDir,
    env,
    environment: { env, home, platform: 'linux' },
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Runs `fn` with the process time zone set to UTC (dates in the fixtures are UTC). */
export function inUtc(): { restore(): void } {
  const previous = process.env.TZ;
  process.env.TZ = 'UTC';
  return {
    restore() {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    },
  };
}

/**
 * In a `describe`: each test gets a fresh sandbox (`makeSandbox(agents)`), handed to `use`, and
 * runs in UTC; both are undone after it.
 */
export function sandboxEachTest(use: (box: Sandbox) => void, agents?: Parameters<typeof makeSandbox>[0]): void {
  let box: Sandbox | undefined;
  let tz: { restore(): void } | undefined;
  beforeEach(() => {
    box = makeSandbox(agents);
    tz = inUtc();
    use(box);
  });
  afterEach(() => {
    tz?.restore();
    box?.cleanup();
  });
}
