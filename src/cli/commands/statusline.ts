/**
 * `mvp statusline`: a line for Claude Code's `statusLine` setting. Reads the JSON Claude Code
 * passes on stdin (model, transcript_path, context_window) and prints one line: the session's
 * tokens, its energy so far (each request's recorded usage through the one estimator), and how full
 * the context window is. Reads only the transcript it is pointed at; never fails the status line.
 */
import * as fs from 'node:fs';
import { createProfileRegistry, loadBuiltinProfiles } from '../../core/profiles';
import { sessionFactsOf } from '../../core/agentContext/claudeCodeLogs';
import { addEstimates, estimateRequest, zeroEstimate } from '../../core/energy';
import { formatTokensShort, formatWh } from '../../core/format';
import type { CliIo } from '../cliIo';

export const STATUSLINE_USAGE = `Usage: mvp statusline < status.json

For Claude Code's status line: add to ~/.claude/settings.json
  "statusLine": { "type": "command", "command": "mvp statusline" }
Prints: tokens of the session, energy so far (central estimate, range on the right), context use.`;

/** Transcripts beyond this are read from their end only, to stay fast. */
const MAX_TRANSCRIPT_BYTES = 16 * 1024 * 1024;

interface StatusInput {
  model?: { id?: string; display_name?: string };
  transcript_path?: string;
  context_window?: {
    context_window_size?: number;
    used_percentage?: number;
    current_usage?: { input_tokens?: number; cache_creation_input_tokens?: number; cache_read_input_tokens?: number };
  };
}

export async function runStatusline(_args: string[], io: CliIo): Promise<number> {
  let input: StatusInput = {};
  try {
    input = JSON.parse((await io.readStdin?.()) ?? '{}') as StatusInput;
  } catch {
    io.stdout('mvp: status JSON unreadable\n');
    return 0;
  }
  // The profiles alone, not the engine: a status line runs after every message and must start fast.
  const profile = createProfileRegistry(loadBuiltinProfiles()).resolve(input.model?.id ?? 'claude-sonnet-4-5').profile;
  const usages = input.transcript_path ? sessionFactsOf(readTail(input.transcript_path)).usages : [];
  let tokens = 0;
  let wh = zeroEstimate();
  for (const u of usages) {
    tokens += u.input + u.cacheRead + u.output;
    wh = addEstimates(
      wh,
      estimateRequest(profile, {
        inputTokens: u.input + u.cacheRead,
        cachedInputTokens: u.cacheRead,
        outputTokens: u.output,
        // Claude Code logs the API's output_tokens, which already count thinking tokens.
        outputIncludesReasoning: true,
      }).energyWh,
    );
  }
  const parts = [
    `${formatTokensShort(tokens)} tokens`,
    `${formatWh(wh.central)} (${formatWh(wh.low)}–${formatWh(wh.high)})`,
  ];
  const window = input.context_window;
  const current = window?.current_usage;
  if (window?.used_percentage !== undefined) parts.push(`context ${Math.round(window.used_percentage)} %`);
  else if (current && window?.context_window_size) {
    const used =
      (current.input_tokens ?? 0) + (current.cache_creation_input_tokens ?? 0) + (current.cache_read_input_tokens ?? 0);
    parts.push(`context ${Math.round((used / window.context_window_size) * 100)} %`);
  }
  io.stdout(`⚡ ${parts.join(' · ')} · ${usages.length} requests\n`);
  return 0;
}

function readTail(file: string): string {
  try {
    const size = fs.statSync(file).size;
    if (size <= MAX_TRANSCRIPT_BYTES) return fs.readFileSync(file, 'utf8');
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_TRANSCRIPT_BYTES);
      fs.readSync(fd, buffer, 0, MAX_TRANSCRIPT_BYTES, size - MAX_TRANSCRIPT_BYTES);
      return buffer.toString('utf8').replace(/^[^\n]*\n/, '');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}
