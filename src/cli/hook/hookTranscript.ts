/**
 * The session a submitted prompt continues, read from the transcript path the agent gives. Claude
 * Code's JSONL and VS Code's Copilot agent JSONL both go through the history module's readers. The
 * agent may already have written the prompt being submitted as
 * the transcript's last line; that copy is dropped so the prompt is not counted twice.
 */
import * as path from 'node:path';
import { decodeText } from '../../core/attachments/decodeText';
import { readRegularFile } from '../../core/files/readRegularFile';
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
  // Regular files only, opened non-blocking: a transcript path naming a FIFO or device is refused, not waited on.
  const read = await readRegularFile(file, 'transcript', { maxBytes: STREAM_ABOVE_BYTES });
  if (!read.ok) {
    // Agents create the transcript lazily: before the first answer there may be none yet.
    if (read.code === 'missing') return { kind: 'none', notes: [] };
    if (read.code === 'tooLarge') return { kind: 'file', file, notes: [] };
    return { kind: 'none', notes: [`${read.message} The session is not counted.`] };
  }
  const text = decodeText(read.bytes).text;
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
