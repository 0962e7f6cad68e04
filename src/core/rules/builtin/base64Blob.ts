import type { Rule, RuleFinding } from '../rule';
import type { TextRange } from '../../textRange';
import { savingOfEdits } from '../measureSaving';
import { fencedBody } from '../fencedBody';

/** A data URI, or a long run of base64 characters that the parser did not mark. */
// The lookbehind starts a bare run only where it starts: linear on long prose, not quadratic.
const BLOB = /data:[\w.+-]+\/[\w.+-]+;base64,[A-Za-z0-9+/]{16,}={0,2}|(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{200,}={0,2}/g;

/** Base64 text is the most expensive way to send bytes, and a text model cannot see the image in it. */
export const base64Blob: Rule = {
  id: 'base64-blob',
  description: 'Base64 or binary data pasted into the prompt',
  docs: 'docs/rules/base64-blob.md',
  tags: ['pasted', 'fixable'],
  defaultSeverity: 'warning',
  enabledByDefault: true,
  optionsSchema: {
    type: 'object',
    properties: { minChars: { type: 'integer', minimum: 1, description: 'Shortest blob reported, in characters.' } },
    additionalProperties: false,
  },
  defaultOptions: { minChars: 200 },
  check(context, options) {
    const text = context.prompt.text;
    const blobs: TextRange[] = context.prompt.parts.filter((p) => p.kind === 'base64').map((p) => fencedBody(text, p.range));
    for (const m of text.matchAll(BLOB)) {
      const start = m.index ?? 0;
      const range = { start, end: start + m[0].trimEnd().length };
      if (!blobs.some((b) => range.start < b.end && range.end > b.start)) blobs.push(range);
    }
    const findings: RuleFinding[] = [];
    for (const range of blobs) {
      const chars = range.end - range.start;
      if (chars < (options.minChars as number)) continue;
      const bytes = Math.floor((chars * 3) / 4);
      const placeholder = `[base64 data removed: ~${bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`}]`;
      const edits = [{ range, newText: placeholder }];
      const saving = savingOfEdits(context, edits);
      findings.push({
        range,
        message: `${chars.toLocaleString('en-US')} characters of base64 data cost ${saving.tokens.toLocaleString('en-US')} tokens (≈${saving.wh.toPrecision(2)} Wh) and tell a language model almost nothing. Attach the file itself (images count far fewer tokens as images) or describe it.`,
        saving,
        fix: { title: 'Replace the base64 data with a placeholder', edits },
      });
    }
    return findings;
  },
};
