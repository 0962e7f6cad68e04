/**
 * Runs the real Claude Code client (the devDependency @anthropic-ai/claude-code) once, offline,
 * against the Messages API stand-in, and returns the request it sent. Fresh HOME, so nothing of the
 * machine's own configuration leaks in; nonessential traffic and the updater are off.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, firstRequestTo, importStandIn, versionOutput } from './runProcess';

export const CLAUDE_BIN = BIN('claude');
export const FILESYSTEM_MCP_BIN = BIN('mcp-server-filesystem');

export function claudeCodeInstalled(): boolean {
  return fs.existsSync(CLAUDE_BIN);
}

export async function claudeCodeVersion(): Promise<string> {
  return (await versionOutput(CLAUDE_BIN)).split(/\s/)[0];
}

interface StandIn {
  url: string;
  messageRequests: () => Array<{ body: unknown; headers: Record<string, string> }>;
  close: () => Promise<void>;
}

export async function startStandIn(recordDir?: string, countInputTokens?: (body: unknown) => number): Promise<StandIn> {
  const { startMessagesApiStandIn } = await importStandIn<{ startMessagesApiStandIn: (o: object) => Promise<StandIn> }>(
    'messagesApiStandIn.mjs',
  );
  return startMessagesApiStandIn({ recordDir, replyText: 'Hello! How can I help?', countInputTokens });
}

export async function captureFirstRequest(options: {
  project: string;
  home: string;
  prompt: string;
  env?: Record<string, string>;
  /** How the stand-in counts usage.input_tokens (default: characters / 4). */
  countInputTokens?: (body: unknown) => number;
}): Promise<{ body: unknown; userAgent: string; stdout: string }> {
  const standIn = await startStandIn(undefined, options.countInputTokens);
  const { first, stdout } = await firstRequestTo(standIn, standIn.messageRequests, {
    name: 'Claude Code',
    bin: CLAUDE_BIN,
    args: ['-p', options.prompt],
    project: options.project,
    home: options.home,
    env: {
      ANTHROPIC_BASE_URL: standIn.url,
      ANTHROPIC_API_KEY: 'sk-ant-stand-in',
      DISABLE_AUTOUPDATER: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      // -p mode otherwise sends its first request without waiting for MCP servers to connect (on a
      // loaded machine they are then missing from it); the tests compare that request with what
      // mvp counts, so wait as an interactive session's later requests would.
      MCP_CONNECTION_NONBLOCKING: 'false',
      ...options.env,
    },
  });
  return { body: first.body, userAgent: first.headers['user-agent'], stdout };
}

/** A fresh HOME: settings that let -p mode start the project's .mcp.json servers without a prompt. */
export function freshHome(root: string): string {
  const home = path.join(root, 'home');
  fs.mkdirSync(path.join(home, '.claude'), { recursive: true });
  fs.writeFileSync(path.join(home, '.claude', 'settings.json'), JSON.stringify({ enableAllProjectMcpServers: true }));
  return home;
}
