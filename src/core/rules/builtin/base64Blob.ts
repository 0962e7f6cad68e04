import { formatInteger, formatWh } from '../../format';
import type { RuleFinding } from '../rule';
import { defineRule } from '../defineRule';
import type { TextRange } from '../../textRange';
import { savingOfEdits } from '../measureSaving';
import { fencedParts } from '../fencedBody';
import { scanByBlocks } from '../scanByBlocks';

/** A data URI: its literal prefix lets the regex engine skip ahead fast. */
const DATA_URI = /data:[\w.+-]+\/[\w.+-]+;base64,[A-Za-z0-9+/]{16,}={0,2}/g;

function isBase64Char(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
}

/**
 * Bare runs of at least `minChars` base64 characters (plus `=` padding) that the parser did not
 * mark. One pass over the characters: this runs on every keystroke over the whole prompt.
 */
function bareRuns(text: string, minChars: number): TextRange[] {
  const runs: TextRange[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isBase64Char(text.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= minChars) {
      let end = i;
      while (end < text.length && end - i < 2 && text.charCodeAt(end) === 61 /* = */) end++;
      runs.push({ start, end });
    }
    start = -1;
  }
  return runs;
}

/** Base64 text is the most expensive way to send bytes, and a text model cannot see the image in it. */
export const base64Blob = defineRule({
  id: 'base64-blob',
  description: 'Base64 or binary data pasted into the prompt',
  tags: ['pasted', 'fixable'],
  defaultSeverity: 'warning',
  optionsSchema: { minChars: { type: 'integer', minimum: 1, description: 'Shortest blob reported, in characters.' } },
  defaultOptions: { minChars: 200 },
  check(context, options) {
    const blobs: TextRange[] = fencedParts(context.prompt, 'base64').map((p) => p.body);
    const found = scanByBlocks(context.prompt, 'base64-blob', (block) => [
      ...[...block.matchAll(DATA_URI)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length })),
      ...bareRuns(block, 200),
    ]);
    for (const range of found) {
      if (!blobs.some((b) => range.start < b.end && range.end > b.start)) blobs.push(range);
    }
    const findings: RuleFinding[] = [];
    for (const range of blobs) {
      const chars = range.end - range.start;
      if (chars < options.minChars) continue;
      const bytes = Math.floor((chars * 3) / 4);
      const placeholder = `[base64 data removed: ~${bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`}]`;
      const edits = [{ range, newText: placeholder }];
      const saving = savingOfEdits(context, edits);
      findings.push({
        range,
        message: `${formatInteger(chars)} characters of base64 data cost ${formatInteger(saving.tokens)} tokens (≈${formatWh(saving.wh)}) and tell a language model almost nothing. Attach the file itself (images count far fewer tokens as images) or describe it.`,
        saving,
        fix: { title: 'Replace the base64 data with a placeholder', edits },
      });
    }
    return findings;
  },
});
