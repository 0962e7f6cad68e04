/**
 * A request sent on the user's behalf (`@mvp /send` in the editor's chat): the message it sends,
 * with each attachment inlined as written or in its minimal form, and what it used — the input
 * and the answer counted with the analysed model's tokenizer, and the request's estimate. The
 * adapter only talks to the model and puts these figures into words.
 */
import * as path from 'node:path';
import { profileRegistryFor, type AnalysisWithNotices } from './analyse';
import { estimateRequest, type RequestEstimate } from './energy';
import type { ModelProfile } from './profiles/modelProfile';
import { countForProfile } from './tokens/countForProfile';

export interface SentMessage {
  text: string;
  /** Attachments that could not be inlined (too large, not text), with the reason. */
  left: { name: string; why: string }[];
  /** Attachments sent in their minimal form (`slim`), with that form's description. */
  slimmed: { name: string; form: string }[];
}

/**
 * The user message: the prompt, then each attached file in the form chosen — as written, or with
 * `slim` its minimal form. Some minimal forms are samples (they say "lossy" in their description),
 * which is why each replaced attachment is named.
 */
export function sentMessage(text: string, analysis: AnalysisWithNotices, slim: boolean): SentMessage {
  const parts = [text];
  const left: SentMessage['left'] = [];
  const slimmed: SentMessage['slimmed'] = [];
  for (const attachment of analysis.attachments) {
    const form = slim && attachment.minimal?.text !== undefined ? attachment.minimal : attachment.naive;
    const name = path.basename(attachment.reference.path);
    if (form !== attachment.naive) slimmed.push({ name, form: form.description });
    if (form.text === undefined) {
      left.push({ name, why: attachment.problems[0]?.message ?? 'too large or not text' });
      continue;
    }
    parts.push(`${attachment.reference.path} (${form.description}):\n\`\`\`\`\n${form.text}\n\`\`\`\``);
  }
  return { text: parts.join('\n\n'), left, slimmed };
}

export interface SentRequestMeter {
  /** The analysed model's profile; absent when the model has none (counts fall back to the analysis). */
  profile?: ModelProfile;
  /** Input tokens of the messages sent (this one and the history forwarded with it). */
  inputTokens: number;
  /** Once the answer is in: its tokens and the whole request's estimate. */
  usage(answer: string): { outputTokens: number; estimate: RequestEstimate };
}

/** Counts what is sent for the analysed model, in the analysis's grid zone. */
export function meterSentRequest(analysis: AnalysisWithNotices, sentTexts: readonly string[]): SentRequestMeter {
  const profile = profileRegistryFor(analysis.config).get(analysis.model.id);
  const inputTokens = profile
    ? sentTexts.reduce((n, text) => n + countForProfile(profile, text).tokens, 0)
    : analysis.tokens.total;
  return {
    profile,
    inputTokens,
    usage: (answer) => {
      const outputTokens = profile ? countForProfile(profile, answer).tokens : 0;
      const estimate = profile
        ? estimateRequest(profile, { inputTokens, outputTokens, region: analysis.estimate.grid.zone })
        : analysis.estimate;
      return { outputTokens, estimate };
    },
  };
}
