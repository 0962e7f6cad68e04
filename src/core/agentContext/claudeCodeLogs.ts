/**
 * What the user's own Claude Code logs say about a folder: ~/.claude/projects/<folder with every
 * non-alphanumeric character as "-">/<session>.jsonl. Read: the recorded usage of each session's first
 * request (its full input: uncached + cache writes + cache reads), the number of requests, and the
 * MCP tools the model called ("mcp__SERVER__TOOL"). Bounded: the most recent sessions only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ClaudeSessionFacts {
  file: string;
  modifiedMs: number;
  firstRequestInputTokens?: number;
  /** Characters of the first user prompt, to take it out of the learned load. */
  firstPrompt?: string;
  requests: number;
  /** Recorded usage of each request, in order (one entry per API response). */
  usages: RequestUsage[];
  mcpServersCalled: Set<string>;
  clientVersion?: string;
}

export interface RequestUsage {
  /** Uncached input + cache writes. */
  input: number;
  cacheRead: number;
  output: number;
}

export function claudeProjectLogDir(home: string, folder: string): string {
  return path.join(home, '.claude', 'projects', folder.replace(/[^a-zA-Z0-9]/g, '-'));
}

const MAX_SESSIONS = 10;
const MAX_LOG_BYTES = 20 * 1024 * 1024;

export function recentClaudeSessions(home: string, folder: string, maxSessions = MAX_SESSIONS): ClaudeSessionFacts[] {
  const dir = claudeProjectLogDir(home, folder);
  let files: Array<{ file: string; modifiedMs: number; size: number }>;
  try {
    files = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl'))
      .map((name) => {
        const stat = fs.statSync(path.join(dir, name));
        return { file: path.join(dir, name), modifiedMs: stat.mtimeMs, size: stat.size };
      });
  } catch {
    return [];
  }
  return files
    .sort((a, b) => b.modifiedMs - a.modifiedMs)
    .slice(0, maxSessions)
    .filter((f) => f.size <= MAX_LOG_BYTES)
    .map((f) => readSession(f.file, f.modifiedMs))
    .filter((s): s is ClaudeSessionFacts => s !== undefined && s.requests > 0);
}

function readSession(file: string, modifiedMs: number): ClaudeSessionFacts | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return sessionFactsOf(text, file, modifiedMs);
}

/** The facts of one Claude Code session log's text. */
export function sessionFactsOf(text: string, file = '', modifiedMs = 0): ClaudeSessionFacts {
  const facts: ClaudeSessionFacts = { file, modifiedMs, requests: 0, usages: [], mcpServersCalled: new Set() };
  const seenMessageIds = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (entry.isSidechain === true) continue;
    const message = entry.message as
      { id?: string; role?: string; content?: unknown; usage?: Record<string, number>; model?: string } | undefined;
    if (!message) continue;
    if (entry.type === 'user' && facts.firstPrompt === undefined && typeof message.content === 'string')
      facts.firstPrompt = message.content;
    if (entry.type !== 'assistant') continue;
    if (typeof entry.version === 'string') facts.clientVersion ??= entry.version;
    if (Array.isArray(message.content)) {
      for (const block of message.content as Array<{ type?: string; name?: string }>) {
        const server = block.type === 'tool_use' ? /^mcp__(.+?)__/.exec(block.name ?? '')?.[1] : undefined;
        if (server) facts.mcpServersCalled.add(server);
      }
    }
    // One API response is logged as several entries (one per content block) with the same id.
    if (message.id && seenMessageIds.has(message.id)) continue;
    if (message.id) seenMessageIds.add(message.id);
    if (message.model === '<synthetic>' || !message.usage) continue;
    facts.requests += 1;
    const u = message.usage;
    const usage = {
      input: (u.input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0),
      cacheRead: u.cache_read_input_tokens ?? 0,
      output: u.output_tokens ?? 0,
    };
    facts.usages.push(usage);
    facts.firstRequestInputTokens ??= usage.input + usage.cacheRead;
  }
  return facts;
}
