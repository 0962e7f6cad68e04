/**
 * Runs the real Gemini CLI (devDependency @google/gemini-cli) once, offline: `gemini -p PROMPT` with
 * a fresh HOME, an API key, the workspace trusted, and GOOGLE_GEMINI_BASE_URL at the Gemini API
 * stand-in on loopback. Returns the first conversation request (streamGenerateContent) it sent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, firstRequestTo, importStandIn, versionOutput } from './runProcess';

export const GEMINI_BIN = BIN('gemini');

interface StandIn {
  url: string;
  chatRequests: () => Array<{ body: unknown; path: string; headers: Record<string, string> }>;
  close: () => Promise<void>;
}

export function geminiInstalled(): boolean {
  return fs.existsSync(GEMINI_BIN);
}

export async function geminiVersion(): Promise<string> {
  return (await versionOutput(GEMINI_BIN, { ...process.env, NO_COLOR: '1' }, 60_000)).split('\n').pop()?.trim() ?? '';
}

/** A fresh HOME whose settings select API-key auth, plus `settings` merged in (MCP servers…). */
export function freshGeminiHome(root: string, settings: Record<string, unknown> = {}): string {
  const home = path.join(root, 'gemini-home');
  fs.mkdirSync(path.join(home, '.gemini'), { recursive: true });
  fs.writeFileSync(
    path.join(home, '.gemini', 'settings.json'),
    JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } }, ...settings }, null, 2),
  );
  return home;
}

export async function captureGeminiRequest(options: {
  project: string;
  home: string;
  prompt: string;
}): Promise<{ body: unknown; model: string; userAgent: string }> {
  const { startGeminiApiStandIn } = await importStandIn<{ startGeminiApiStandIn: (o: object) => Promise<StandIn> }>(
    'geminiApiStandIn.mjs',
  );
  const standIn = await startGeminiApiStandIn({ replyText: 'Hello! How can I help?' });
  const { first } = await firstRequestTo(standIn, standIn.chatRequests, {
    name: 'Gemini CLI',
    bin: GEMINI_BIN,
    args: ['-p', options.prompt],
    project: options.project,
    home: options.home,
    env: {
      GEMINI_API_KEY: 'stand-in-key',
      GOOGLE_GEMINI_BASE_URL: standIn.url,
      GEMINI_CLI_TRUST_WORKSPACE: 'true',
      NO_COLOR: '1',
    },
  });
  return {
    body: first.body,
    model: /models\/([^:]+):/.exec(first.path)?.[1] ?? '',
    userAgent: first.headers['user-agent'],
  };
}
