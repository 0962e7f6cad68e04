/** Runs `mvp hook` in-process with a recorded payload on stdin and captures what the agent would read. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/hooks');

export interface HookRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (undefined when stdout is empty). */
  json?: Record<string, unknown>;
}

/** A recorded payload with its `{{fixtures}}` placeholder pointed at `root` (the fixtures folder or a copy of it). */
export function payload(agent: 'claude-code' | 'vscode', root = FIXTURES, changes: Record<string, unknown> = {}): string {
  const text = readFileSync(path.join(FIXTURES, agent, 'user-prompt-submit.json'), 'utf8').replaceAll('{{fixtures}}', root.replaceAll('\\', '/'));
  return JSON.stringify({ ...JSON.parse(text), ...changes });
}

export async function runHook(stdin: string | (() => Promise<string>), args: string[] = []): Promise<HookRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['hook', ...args], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: process.cwd(),
    readStdin: typeof stdin === 'string' ? async () => stdin : stdin,
  });
  return { code, stdout, stderr, json: stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : undefined };
}

/** A scratch copy of the fixtures with a team config at the workspace root. */
export function workspaceWithConfig(config: unknown): string {
  const root = mkdtempSync(path.join(tmpdir(), 'mvp-hook-'));
  cpSync(FIXTURES, root, { recursive: true });
  writeFileSync(path.join(root, 'workspace', '.mvp.jsonc'), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return root;
}
