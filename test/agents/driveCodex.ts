/**
 * Runs the real Codex CLI (devDependency @openai/codex) once, offline: `codex exec PROMPT` with a
 * fresh HOME whose config.toml points a model provider at the Responses API stand-in on loopback.
 * Returns the first request it sent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, importStandIn, runProcess } from './runProcess';

export const CODEX_BIN = BIN('codex');

interface StandIn {
  url: string;
  responseRequests: () => Array<{ body: unknown; headers: Record<string, string> }>;
  close: () => Promise<void>;
}

export function codexInstalled(): boolean {
  return fs.existsSync(CODEX_BIN);
}

export async function codexVersion(): Promise<string> {
  const { stdout } = await runProcess(CODEX_BIN, ['--version'], {
    cwd: process.cwd(),
    env: process.env,
    timeoutMs: 30_000,
  });
  return stdout.trim().split(/\s/).pop() ?? '';
}

/** A fresh HOME with ~/.codex/config.toml: the stand-in as model provider, plus `extraToml` (MCP servers). */
export function freshCodexHome(root: string, extraToml = ''): string {
  const home = path.join(root, 'codex-home');
  fs.mkdirSync(path.join(home, '.codex'), { recursive: true });
  fs.writeFileSync(
    path.join(home, '.codex', 'config.toml'),
    `model = "gpt-5"\nmodel_provider = "standin"\n\n${extraToml}`,
  );
  return home;
}

export async function captureCodexRequest(options: {
  project: string;
  home: string;
  prompt: string;
}): Promise<{ body: unknown; userAgent: string }> {
  const { startOpenAiResponsesStandIn } = await importStandIn<{
    startOpenAiResponsesStandIn: (o: object) => Promise<StandIn>;
  }>('openaiResponsesStandIn.mjs');
  const standIn = await startOpenAiResponsesStandIn({ replyText: 'Hello! How can I help?' });
  const config = path.join(options.home, '.codex', 'config.toml');
  const base = fs.readFileSync(config, 'utf8').replace(/\n\[model_providers\.standin\][\s\S]*?(?=\n\[|$)/, '');
  fs.writeFileSync(
    config,
    `${base}\n[model_providers.standin]\nname = "loopback stand-in"\nbase_url = "${standIn.url}/v1"\nenv_key = "OPENAI_API_KEY"\nwire_api = "responses"\n`,
  );
  try {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: options.home,
      USERPROFILE: options.home,
      OPENAI_API_KEY: 'sk-stand-in',
    };
    const result = await runProcess(CODEX_BIN, ['exec', '--skip-git-repo-check', options.prompt], {
      cwd: options.project,
      env,
      timeoutMs: 120_000,
    });
    const [first] = standIn.responseRequests();
    if (!first)
      throw new Error(`Codex sent no request to the stand-in (exit ${result.code}): ${result.stderr.slice(-500)}`);
    return { body: first.body, userAgent: first.headers['user-agent'] };
  } finally {
    await standIn.close();
  }
}
