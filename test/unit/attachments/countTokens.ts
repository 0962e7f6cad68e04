/** A real tokenizer for the tests (the analysis passes the chosen model's counter instead). */
import { getEncoding } from 'js-tiktoken';

const encoding = getEncoding('o200k_base');

/** Special-token strings in files are plain text to us: never throw on them. */
export function countTokens(text: string): number {
  return encoding.encode(text, [], []).length;
}
