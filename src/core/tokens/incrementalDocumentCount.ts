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

/** Characters after a region that the cut hash looks at (chunkText.ts hashes 4 on either side). */
const LOOKAHEAD = 4;

export class IncrementalDocumentCount {
  /**
   * The text as its chunks, never as one string: splicing a character into a megabyte string makes
   * V8 copy all of it at the next read, which was most of the cost of a keystroke.
   */
  private chunks: string[] = [];
  private starts: number[] = [];
  private counts: number[] = [];
  private length = 0;
  private sum = 0;

  constructor(
    private readonly counter: TokenCounter,
    text = '',
  ) {
    this.setText(text);
  }

  /** Replaces the whole text (e.g. on open, or when the editor reports a full-content change). */
  setText(text: string): void {
    this.chunks = [];
    this.starts = [];
    this.counts = [];
    this.length = text.length;
    this.sum = 0;
    let at = 0;
    for (const length of chunkLengths(text, 0, text.length, this.counter.isSafeBoundary)) {
      const chunk = text.slice(at, at + length);
      const count = this.counter.countChunk(chunk);
      this.chunks.push(chunk);
      this.starts.push(at);
      this.counts.push(count);
      this.sum += count;
      at += length;
    }
  }

  /** Replaces `deleteLength` chars at `offset` (UTF-16 offsets, as VS Code's rangeOffset) with `insertText`. */
  applyEdit(offset: number, deleteLength: number, insertText: string): void {
    const oldLength = this.length;
    if (!Number.isInteger(offset) || !Number.isInteger(deleteLength) || offset < 0 || deleteLength < 0 || offset + deleteLength > oldLength) {
      throw new RangeError(
        `Edit [offset ${offset}, delete ${deleteLength}] is outside the document (length ${oldLength}); the counted text is out of sync — call setText with the full text`,
      );
    }
    if (this.chunks.length === 0) {
      this.setText(insertText);
      return;
    }
    const delta = insertText.length - deleteLength;
    const editEnd = offset + deleteLength;
    let first = this.chunkAt(Math.max(0, offset - 1));
    let last = editEnd >= oldLength ? this.chunks.length - 1 : this.chunkAt(editEnd);
    // Absorb tiny neighbours left by earlier edits so chunks do not fragment over a session.
    if (first > 0 && this.chunks[first - 1].length < MIN_CHUNK_LENGTH) first--;
    if (last + 1 < this.chunks.length && this.chunks[last + 1].length < MIN_CHUNK_LENGTH) last++;

    // Only the touched chunks are joined and edited; the few characters after them let the cut
    // hash see what it would see in the whole text, so the cuts are where a full pass puts them.
    const regionStart = this.starts[first];
    const oldRegion = this.chunks.slice(first, last + 1).join('');
    const region = oldRegion.slice(0, offset - regionStart) + insertText + oldRegion.slice(editEnd - regionStart);
    const following = last + 1 < this.chunks.length ? this.chunks[last + 1].slice(0, LOOKAHEAD) : '';
    const newChunks: string[] = [];
    const newStarts: number[] = [];
    const newCounts: number[] = [];
    let at = 0;
    for (const length of chunkLengths(region + following, 0, region.length, this.counter.isSafeBoundary)) {
      const chunk = region.slice(at, at + length);
      const count = this.counter.countChunk(chunk);
      newChunks.push(chunk);
      newStarts.push(regionStart + at);
      newCounts.push(count);
      this.sum += count;
      at += length;
    }
    for (let i = first; i <= last; i++) this.sum -= this.counts[i];

    const removed = last - first + 1;
    this.chunks.splice(first, removed, ...newChunks);
    this.starts.splice(first, removed, ...newStarts);
    this.counts.splice(first, removed, ...newCounts);
    if (delta !== 0) {
      for (let i = first + newChunks.length; i < this.starts.length; i++) this.starts[i] += delta;
    }
    this.length += delta;
  }

  /** Exact token count of the current text. */
  total(): number {
    return this.sum;
  }

  /** The text being counted (after all edits); joins the chunks, so not for every keystroke. */
  currentText(): string {
    return this.chunks.join('');
  }

  /** Number of chunks (diagnostics and benchmarks). */
  chunkCount(): number {
    return this.chunks.length;
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
