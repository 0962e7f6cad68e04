/**
 * Splits text into chunks at safe boundaries (see safeBoundary.ts), so that the token count of the
 * text is exactly the sum of its chunks' counts.
 *
 * Cuts are content-defined: past a minimum length, a safe boundary becomes a cut when a small hash
 * of the characters around it hits, so an edit moves only the cuts next to it and the chunks
 * after it keep their exact text — which is what lets the chunk → count cache recognise them.
 * A safe boundary past the maximum length is always taken, to bound the work an edit repeats.
 * Text without any safe boundary (one giant word, one whitespace run) stays one chunk: cutting it
 * anywhere would change the count.
 */
import { isSafeBoundary } from './safeBoundary';

export const MIN_CHUNK_LENGTH = 256;
export const MAX_CHUNK_LENGTH = 4096;
/** One in this many safe boundaries past the minimum is a cut (average chunk ≈ 0.5–1.5 kB). */
const CUT_ONE_IN = 16;

/** Where an encoding may cut text (safeBoundary.ts; sentencePieceBoundary.ts for Gemma 3). */
export type BoundaryRule = (text: string, index: number) => boolean;

/** Lengths of consecutive chunks covering text[from, to); `to` must be a safe boundary or the end. */
export function chunkLengths(text: string, from = 0, to = text.length, isSafe: BoundaryRule = isSafeBoundary): number[] {
  const lengths: number[] = [];
  let start = from;
  let index = from + MIN_CHUNK_LENGTH;
  while (index < to) {
    if (isSafe(text, index) && (index - start >= MAX_CHUNK_LENGTH || hashAround(text, index) % CUT_ONE_IN === 0)) {
      lengths.push(index - start);
      start = index;
      index += MIN_CHUNK_LENGTH;
    } else {
      index++;
    }
  }
  if (to > start) lengths.push(to - start);
  return lengths;
}

/** Cheap hash of the few characters on either side of a boundary; depends on nothing else. */
function hashAround(text: string, index: number): number {
  let hash = 2166136261;
  const end = Math.min(text.length, index + 4);
  for (let i = Math.max(0, index - 4); i < end; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  }
  return (hash >>> 0) ^ (hash >>> 16);
}

/** The chunks themselves (convenience for callers that count a text once). */
export function chunkText(text: string): string[] {
  const chunks: string[] = [];
  let at = 0;
  for (const length of chunkLengths(text)) {
    chunks.push(text.slice(at, at + length));
    at += length;
  }
  return chunks;
}
