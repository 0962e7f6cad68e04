/**
 * Measuring an MCP server's tools: start it (stdio) or call it (streamable HTTP, loopback only),
 * initialise, and ask `tools/list` (all pages). Only ever called with the user's consent; capped in
 * time; the child is killed whatever happens. Never throws: every failure is a sentence.
 */
import { spawn } from 'node:child_process';
import type { McpServerConfig } from './mcpConfig';

export interface McpTool {
  name: string;
  description?: string;
  inputSchema?: unknown;
}

export type ProbeResult = { ok: true; tools: McpTool[]; serverVersion?: string } | { ok: false; problem: string };

const PROTOCOL_VERSION = '2025-06-18';
const CLIENT_INFO = { name: 'minimal-viable-prompt', version: '0.1.0' };

export async function probeMcpServer(
  server: McpServerConfig,
  options: { cwd: string; timeoutMs: number },
): Promise<ProbeResult> {
  if (server.url) return probeHttp(server, options.timeoutMs);
  if (server.command) return probeStdio(server, options);
  return { ok: false, problem: server.problem ?? `server "${server.name}" has no command or URL` };
}

function probeStdio(server: McpServerConfig, options: { cwd: string; timeoutMs: number }): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    let stderr = '';
    let buffer = '';
    const tools: McpTool[] = [];
    let serverVersion: string | undefined;
    const child = spawn(server.command!, server.args, {
      cwd: options.cwd,
      env: { ...process.env, ...server.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          problem: `server "${server.name}" did not list its tools within ${Math.round(options.timeoutMs / 1000)} s (${server.command} ${server.args.join(' ')}); it was stopped`,
        }),
      options.timeoutMs,
    );
    const send = (message: object) => {
      try {
        child.stdin.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n');
      } catch {
        // the exit handler reports it
      }
    };
    const listPage = (id: number, cursor?: string) =>
      send({ id, method: 'tools/list', params: cursor ? { cursor } : {} });
    child.on('error', (error) =>
      finish({ ok: false, problem: `cannot start server "${server.name}" (${server.command}): ${error.message}` }),
    );
    child.on('exit', (code, signal) =>
      finish({
        ok: false,
        problem: `server "${server.name}" exited (${signal ?? `code ${code}`}) before listing its tools${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-1)[0].slice(0, 200)}` : ''}`,
      }),
    );
    child.stdin.on('error', () => undefined);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (!line) continue;
        let message: { id?: number; result?: Record<string, unknown>; error?: { message?: string } };
        try {
          message = JSON.parse(line);
        } catch {
          continue; // servers that log on stdout: not a protocol message
        }
        if (message.error && message.id !== undefined) {
          finish({
            ok: false,
            problem: `server "${server.name}" answered an error: ${message.error.message ?? 'unknown'}`,
          });
          return;
        }
        if (message.id === 1 && message.result) {
          serverVersion = (message.result.serverInfo as { version?: string } | undefined)?.version;
          send({ method: 'notifications/initialized' });
          listPage(2);
        } else if (typeof message.id === 'number' && message.id >= 2 && message.result) {
          tools.push(...toolsOf(message.result.tools));
          const next = message.result.nextCursor;
          if (typeof next === 'string' && next && message.id < 50) listPage(message.id + 1, next);
          else finish({ ok: true, tools, serverVersion });
        }
      }
    });
    send({
      id: 1,
      method: 'initialize',
      params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: CLIENT_INFO },
    });
  });
}

function toolsOf(value: unknown): McpTool[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (t): t is Record<string, unknown> =>
        !!t && typeof t === 'object' && typeof (t as { name?: unknown }).name === 'string',
    )
    .map((t) => ({
      name: t.name as string,
      description: typeof t.description === 'string' ? t.description : undefined,
      inputSchema: t.inputSchema,
    }));
}

export function remoteServerProblem(server: McpServerConfig): string {
  return `server "${server.name}" is remote (${server.url}); mvp makes no network requests, so only servers on localhost are measured`;
}

export function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}

async function probeHttp(server: McpServerConfig, timeoutMs: number): Promise<ProbeResult> {
  const url = server.url!;
  if (!isLoopback(url)) {
    return {
      ok: false,
      problem: `server "${server.name}" is remote (${url}); mvp makes no network requests, so only servers on localhost are measured`,
    };
  }
  const deadline = AbortSignal.timeout(timeoutMs);
  let sessionId: string | undefined;
  const call = async (
    id: number | undefined,
    method: string,
    params: object,
  ): Promise<Record<string, unknown> | undefined> => {
    const response = await fetch(url, {
      method: 'POST',
      signal: deadline,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': PROTOCOL_VERSION,
        ...(sessionId ? { 'mcp-session-id': sessionId } : {}),
      },
      body: JSON.stringify({ jsonrpc: '2.0', ...(id === undefined ? {} : { id }), method, params }),
    });
    sessionId = response.headers.get('mcp-session-id') ?? sessionId;
    if (id === undefined) return undefined;
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${method}`);
    const text = await response.text();
    const payloads = (response.headers.get('content-type') ?? '').includes('text/event-stream')
      ? text
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
      : [text];
    for (const payload of payloads) {
      try {
        const message = JSON.parse(payload) as {
          id?: number;
          result?: Record<string, unknown>;
          error?: { message?: string };
        };
        if (message.id !== id) continue;
        if (message.error) throw new Error(message.error.message ?? 'error');
        return message.result;
      } catch (error) {
        if (error instanceof SyntaxError) continue;
        throw error;
      }
    }
    throw new Error(`no answer to ${method}`);
  };
  try {
    const init = await call(1, 'initialize', {
      protocolVersion: PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: CLIENT_INFO,
    });
    await call(undefined, 'notifications/initialized', {});
    const tools: McpTool[] = [];
    let cursor: string | undefined;
    for (let id = 2; id < 50; id++) {
      const page = await call(id, 'tools/list', cursor ? { cursor } : {});
      tools.push(...toolsOf(page?.tools));
      cursor = typeof page?.nextCursor === 'string' && page.nextCursor ? page.nextCursor : undefined;
      if (!cursor) break;
    }
    return { ok: true, tools, serverVersion: (init?.serverInfo as { version?: string } | undefined)?.version };
  } catch (error) {
    const reason = deadline.aborted ? `no answer within ${Math.round(timeoutMs / 1000)} s` : (error as Error).message;
    return { ok: false, problem: `server "${server.name}" at ${url} could not be measured: ${reason}` };
  }
}
