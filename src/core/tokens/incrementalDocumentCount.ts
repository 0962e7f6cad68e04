/**
 * The token count of one open document, kept per chunk so that an edit re-tokenizes only the
 * chunks it touched. Chunks are cut at safe boundaries (safeBoundary.ts), so `total()` is always
 * exactly the count of the whole text.
 *
 * After an edit of old text [offset, offset + deleteLength):
 *  - the chunk holding offset − 1 starts at a boundary whose two neighbouring chars are before
 *    the edit, so that boundary is still safe; re-chunking starts there;
 *  - an old boundary b > offset + deleteLength has both neighbours after the edit, so it is still
 *    safe (shifted by the length change); re-chunking stops at the first such boundary.
 * Only the text between is cut again and counted (through the counter's chunk cache).
 */
import { chunkLengths, MIN_CHUNK_LENGTH } from './chunkText';
import type { TokenCounter } from './tokenCounter';

export class IncrementalDocumentCount {
  private text = '';
  private starts: number[] = [];
  private lengths: number[] = [];
  private counts: number[] = [];
  private sum = 0;

  constructor(
    private readonly counter: TokenCounter,
    text = '',
  ) {
    this.setText(text);
  }

  /** Replaces the whole text (e.g. on open, or when the editor reports a full-content change). */
  setText(text: string): void {
    this.text = text;
    this.lengths = chunkLengths(text);
    this.starts = [];
    this.counts = [];
    this.sum = 0;
    let at = 0;
    for (const length of this.lengths) {
      const count = this.counter.countChunk(text.slice(at, at + length));
      this.starts.push(at);
      this.counts.push(count);
      this.sum += count;
      at += length;
    }
  }

  /** Replaces `deleteLength` chars at `offset` (UTF-16 offsets, as VS Code's rangeOffset) with `insertText`. */
  applyEdit(offset: number, deleteLength: number, insertText: string): void {
    const oldLength = this.text.length;
    if (!Number.isInteger(offset) || !Number.isInteger(deleteLength) || offset < 0 || deleteLength < 0 || offset + deleteLength > oldLength) {
      throw new RangeError(
        `Edit [offset ${offset}, delete ${deleteLength}] is outside the document (length ${oldLength}); the counted text is out of sync — call setText with the full text`,
      );
    }
    const text = this.text.slice(0, offset) + insertText + this.text.slice(offset + deleteLength);
    if (this.lengths.length === 0) {
      this.setText(text);
      return;
    }
    const delta = insertText.length - deleteLength;
    const editEnd = offset + deleteLength;
    let first = this.chunkAt(Math.max(0, offset - 1));
    let last = editEnd >= oldLength ? this.lengths.length - 1 : this.chunkAt(editEnd);
    // Absorb tiny neighbours left by earlier edits so chunks do not fragment over a session.
    if (first > 0 && this.lengths[first - 1] < MIN_CHUNK_LENGTH) first--;
    if (last + 1 < this.lengths.length && this.lengths[last + 1] < MIN_CHUNK_LENGTH) last++;

    const regionStart = this.starts[first];
    const regionEnd = this.starts[last] + this.lengths[last] + delta;
    const newLengths = chunkLengths(text, regionStart, regionEnd);
    const newStarts: number[] = [];
    const newCounts: number[] = [];
    let at = regionStart;
    for (const length of newLengths) {
      const count = this.counter.countChunk(text.slice(at, at + length));
      newStarts.push(at);
      newCounts.push(count);
      this.sum += count;
      at += length;
    }
    for (let i = first; i <= last; i++) this.sum -= this.counts[i];

    const removed = last - first + 1;
    this.starts.splice(first, removed, ...newStarts);
    this.lengths.splice(first, removed, ...newLengths);
    this.counts.splice(first, removed, ...newCounts);
    if (delta !== 0) {
      for (let i = first + newLengths.length; i < this.starts.length; i++) this.starts[i] += delta;
    }
    this.text = text;
  }

  /** Exact token count of the current text. */
  total(): number {
    return this.sum;
  }

  /** The text being counted (after all edits). */
  currentText(): string {
    return this.text;
  }

  /** Number of chunks (diagnostics and benchmarks). */
  chunkCount(): number {
    return this.lengths.length;
  }

  /** Index of the chunk that holds char `offset` (0 ≤ offset < text length). */
  private chunkAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
