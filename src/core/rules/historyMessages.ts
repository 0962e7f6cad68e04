/**
 * The history that travels with a prompt, as messages with their token counts: the transcript
 * when one is attached, else the `history` parts written in the prompt document itself.
 *
 * A transcript or history file given to `analysePrompt` is analysed once by the session path
 * (`history/analyseSession.ts`), and the history rules read that analysis (`context.session`:
 * measured tokens, the detector's evidence). This list is for history written in the prompt, and
 * for a context built without a session analysis (a pack rule's test, a hand-made context).
 */
import type { RuleContext } from './rule';
import type { TextRange } from '../textRange';

export interface HistoryMessage {
  role: string;
  text: string;
  /** Tool results and pasted attachments carried by the message. */
  payloads: { kind: string; name: string; text: string }[];
  tokens: number;
  /** Range in the prompt document, for history written in the prompt. */
  promptRange?: TextRange;
}

export function historyMessages(context: RuleContext): HistoryMessage[] {
  if (context.transcript?.messages.length) {
    return context.transcript.messages.map((m) => ({
      role: m.role,
      text: m.text,
      payloads: m.payloads,
      tokens: context.countTokens(m.text) + m.payloads.reduce((n, p) => n + context.countTokens(p.text), 0),
    }));
  }
  return context.prompt.parts
    .filter((p) => p.kind === 'history')
    .map((p) => {
      const text = context.prompt.text.slice(p.range.start, p.range.end);
      const role = /^\W*(assistant|model|ai|bot)\b/i.test(p.label) ? 'assistant' : 'user';
      return { role, text, payloads: [], tokens: context.countTokens(text), promptRange: p.range };
    });
}
