/**
 * Runs the real Codex CLI (devDependency @openai/codex) once, offline: `codex exec PROMPT` with a
 * fresh HOME whose config.toml points a model provider at the Responses API stand-in on loopback.
 * Returns the first request it sent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, firstRequestTo, importStandIn, versionOutput } from './runProcess';

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
  return (await versionOutput(CODEX_BIN)).split(/\s/).pop() ?? '';
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
  const { first } = await firstRequestTo(standIn, standIn.responseRequests, {
    name: 'Codex',
    bin: CODEX_BIN,
    args: ['exec', '--skip-git-repo-check', options.prompt],
    project: options.project,
    home: options.home,
    env: { OPENAI_API_KEY: 'sk-stand-in' },
  });
  return { body: first.body, userAgent: first.headers['user-agent'] };
}
