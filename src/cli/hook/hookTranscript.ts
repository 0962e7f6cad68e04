/**
 * The session a submitted prompt continues, read from the transcript path the agent gives. Claude
 * Code's JSONL and VS Code's Copilot agent JSONL both go through the history module's readers. The
 * agent may already have written the prompt being submitted as
 * the transcript's last line; that copy is dropped so the prompt is not counted twice.
 */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { readTranscript } from '../../core/history/readTranscript';
import type { Transcript } from '../../core/history/transcript';

/** Above this size the engine streams the file itself (bounded memory) and no duplicate is dropped. */
export const STREAM_ABOVE_BYTES = 32 * 1024 * 1024;

export type HookHistory =
  | { kind: 'none'; notes: string[] }
  | { kind: 'transcript'; transcript: Transcript; format: string; notes: string[]; droppedCurrentPrompt: boolean }
  | { kind: 'file'; file: string; notes: string[] };

export async function readHookTranscript(file: string | undefined, prompt: string): Promise<HookHistory> {
  if (!file) return { kind: 'none', notes: [] };
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    // Agents create the transcript lazily: before the first answer there may be none yet.
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: 'none', notes: code === 'ENOENT' ? [] : [`cannot read the transcript ${file} (${code ?? (error as Error).message}); the session is not counted`] };
  }
  if (size > STREAM_ABOVE_BYTES) return { kind: 'file', file, notes: [] };

  const text = await readFile(file, 'utf8');
  let transcript: Transcript = readTranscript(text, { fileName: path.basename(file) });
  const format = transcript.format;
  const notes = [
    ...transcript.problems.slice(0, 5).map((p) => `${path.basename(file)}:${p.line}: ${p.message}`),
    ...(transcript.problems.length > 5 ? [`${path.basename(file)}: ${transcript.problems.length - 5} more malformed lines skipped`] : []),
  ];
  const last = transcript.messages.at(-1);
  const droppedCurrentPrompt = !!last && last.role === 'user' && last.payloads.length === 0 && last.text.trim() === prompt.trim();
  if (droppedCurrentPrompt) transcript = { ...transcript, messages: transcript.messages.slice(0, -1) };
  return { kind: 'transcript', transcript, format, notes, droppedCurrentPrompt };
}
