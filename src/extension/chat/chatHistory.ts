/**
 * The chat history VS Code hands a participant (`context.history`: this participant's earlier
 * requests and responses in the session), as the engine's transcript — so /check counts what a
 * follow-up re-sends — and as the messages /send forwards to the model.
 */
import * as vscode from 'vscode';
import type { Message, Transcript } from '../../core/history/transcript';

type Turn = vscode.ChatRequestTurn | vscode.ChatResponseTurn;

/** One message of the history as plain text. */
export interface HistoryEntry {
  role: 'user' | 'assistant';
  text: string;
}

/**
 * The history as a transcript for the engine. Only /send exchanges are history a model saw: /check
 * answers are MVP's own report, never sent anywhere, so they are left out.
 */
export function historyTranscript(history: readonly Turn[]): Transcript | undefined {
  const sent = sentHistory(history);
  if (!sent.length) return undefined;
  const messages: Message[] = sent.map((entry) => ({ role: entry.role, text: entry.text, payloads: [], range: { start: 0, end: 0 } }));
  // The participant's own view of a VS Code chat: the same content an exported chat holds.
  return { format: 'vscode-chat-export', messages, problems: [], notes: ['History as VS Code gives it to a participant: its own earlier requests and answers only.'] };
}

/** The history /send forwards: the exchanges of earlier /send requests (prompt and model answer). */
export function sentHistory(history: readonly Turn[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (let i = 0; i < history.length; i++) {
    const turn = history[i];
    if (!('prompt' in turn) || turn.command !== 'send') continue;
    entries.push({ role: 'user', text: turn.prompt });
    const next = history[i + 1];
    if (next && 'response' in next) {
      const answer = (next.result.metadata as { answer?: unknown } | undefined)?.answer;
      const text = typeof answer === 'string' ? answer : next.response.map(markdownOf).join('');
      if (text) entries.push({ role: 'assistant', text });
    }
  }
  return entries;
}

export function toChatMessages(entries: readonly HistoryEntry[]): vscode.LanguageModelChatMessage[] {
  return entries.map((e) => (e.role === 'user' ? vscode.LanguageModelChatMessage.User(e.text) : vscode.LanguageModelChatMessage.Assistant(e.text)));
}

function markdownOf(part: unknown): string {
  const value = (part as { value?: unknown }).value;
  if (typeof value === 'string') return value;
  if (value && typeof (value as { value?: unknown }).value === 'string') return (value as { value: string }).value;
  return '';
}
