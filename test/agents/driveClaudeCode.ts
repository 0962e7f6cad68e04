/**
 * Runs the real Claude Code client (the devDependency @anthropic-ai/claude-code) once, offline,
 * against the Messages API stand-in, and returns the request it sent. Fresh HOME, so nothing of the
 * machine's own configuration leaks in; nonessential traffic and the updater are off.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CLAUDE_BIN = path.resolve(
  __dirname,
  '..',
  '..',
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'claude.cmd' : 'claude',
);
export const FILESYSTEM_MCP_BIN = path.resolve(
  __dirname,
  '..',
  '..',
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'mcp-server-filesystem.cmd' : 'mcp-server-filesystem',
);

export function claudeCodeInstalled(): boolean {
  return fs.existsSync(CLAUDE_BIN);
}

export async function claudeCodeVersion(): Promise<string> {
  const { stdout } = await run(CLAUDE_BIN, ['--version'], { cwd: process.cwd(), env: process.env, timeoutMs: 30_000 });
  return stdout.trim().split(/\s/)[0];
}

interface StandIn {
  url: string;
  messageRequests: () => Array<{ body: unknown; headers: Record<string, string> }>;
  close: () => Promise<void>;
}

export async function startStandIn(recordDir?: string): Promise<StandIn> {
  // The stand-in is plain ESM so that other suites and shells can use it as is.
  const load = new Function('p', 'return import(p)') as (
    p: string,
  ) => Promise<{ startMessagesApiStandIn: (o: object) => Promise<StandIn> }>;
  const module = await load(path.join(__dirname, 'messagesApiStandIn.mjs'));
  return module.startMessagesApiStandIn({ recordDir, replyText: 'Hello! How can I help?' });
}

export async function captureFirstRequest(options: {
  project: string;
  home: string;
  prompt: string;
  env?: Record<string, string>;
}): Promise<{ body: unknown; userAgent: string; stdout: string }> {
  const standIn = await startStandIn();
  try {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: options.home,
      USERPROFILE: options.home,
      ANTHROPIC_BASE_URL: standIn.url,
      ANTHROPIC_API_KEY: 'sk-ant-stand-in',
      DISABLE_AUTOUPDATER: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      ...options.env,
    };
    const result = await run(CLAUDE_BIN, ['-p', options.prompt], { cwd: options.project, env, timeoutMs: 120_000 });
    const [first] = standIn.messageRequests();
    if (!first)
      throw new Error(
        `Claude Code sent no request to the stand-in (exit ${result.code}): ${result.stderr.slice(-500)}`,
      );
    return { body: first.body, userAgent: first.headers['user-agent'], stdout: result.stdout };
  } finally {
    await standIn.close();
  }
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`${path.basename(command)} ${args.join(' ')} did not finish within ${options.timeoutMs / 1000} s`),
      );
    }, options.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A fresh HOME: settings that let -p mode start the project's .mcp.json servers without a prompt. */
export function freshHome(root: string): string {
  const home = path.join(root, 'home');
  fs.mkdirSync(path.join(home, '.claude'), { recursive: true });
  fs.writeFileSync(path.join(home, '.claude', 'settings.json'), JSON.stringify({ enableAllProjectMcpServers: true }));
  return home;
}
