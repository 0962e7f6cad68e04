/**
 * Exact token counts for the offline encodings, loaded lazily and cached at two levels:
 *  - piece → count: the pre-split pieces of prompts repeat a lot (words, indentation, log lines),
 *    so most pieces never reach byte-pair encoding (gpt-tokenizer does the same);
 *  - chunk → count: text is cut at safe boundaries (chunkText.ts) into chunks whose counts add up
 *    exactly, so counting a text that differs from an earlier one by an edit re-tokenizes only
 *    the chunks around the edit.
 * Special-token strings such as "<|endoftext|>" are ordinary text here: they are pre-split and
 * encoded like any other characters, as `encode(text, [], [])` does in js-tiktoken.
 */
import type { EncodingName } from '../profiles/modelProfile';
import { BoundedCache } from '../boundedCache';
import { bytePairCount } from './bytePairCount';
import { chunkLengths } from './chunkText';
import { loadRankTable } from './loadRankTable';
import { PreSplitter } from './preSplit';
import type { RankHashTable } from './rankHashTable';

export interface TokenCounter {
  readonly encoding: EncodingName;
  /** Exact number of tokens of `text` in this encoding, with special tokens counted as text. */
  count(text: string): number;
  /**
   * Count of a text the caller already cut at safe boundaries (IncrementalDocumentCount does):
   * cached as one chunk, not cut again.
   */
  countChunk(chunk: string): number;
}

/** Chunk cache budget in UTF-16 chars per generation (two generations are kept). */
const CHUNK_CACHE_CHARS = 8_000_000;
/** Piece cache budget in entries per generation. */
const PIECE_CACHE_ENTRIES = 200_000;

interface Tokenizer {
  preSplit: PreSplitter;
  ranks: RankHashTable;
}

class CachedTokenCounter implements TokenCounter {
  private tokenizer: Tokenizer | undefined;
  private readonly pieceCounts = new BoundedCache<number>(PIECE_CACHE_ENTRIES);
  private readonly chunkCounts = new BoundedCache<number>(CHUNK_CACHE_CHARS, (key) => key.length);

  constructor(readonly encoding: EncodingName) {}

  count(text: string): number {
    const lengths = chunkLengths(text);
    if (lengths.length <= 1) return this.countChunk(text);
    let total = 0;
    let at = 0;
    for (const length of lengths) {
      total += this.countChunk(text.slice(at, at + length));
      at += length;
    }
    return total;
  }

  countChunk(chunk: string): number {
    if (chunk.length === 0) return 0;
    const cached = this.chunkCounts.get(chunk);
    if (cached !== undefined) return cached;
    const count = this.countPieces(chunk);
    this.chunkCounts.set(chunk, count);
    return count;
  }

  private countPieces(text: string): number {
    const { preSplit, ranks } = this.load();
    let total = 0;
    preSplit.forEachPiece(text, (piece) => {
      let count = this.pieceCounts.get(piece);
      if (count === undefined) {
        count = bytePairCount(utf8AsLatin1(piece), ranks);
        this.pieceCounts.set(piece, count);
      }
      total += count;
    });
    return total;
  }

  private load(): Tokenizer {
    if (!this.tokenizer) {
      const table = loadRankTable(this.encoding);
      this.tokenizer = { preSplit: new PreSplitter(table.preSplit), ranks: table.ranks };
    }
    return this.tokenizer;
  }
}

/** The UTF-8 bytes of `text`, one latin1 char per byte: the key form of the rank table. */
function utf8AsLatin1(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80) return Buffer.from(text, 'utf8').toString('latin1');
  }
  return text;
}

const counters = new Map<EncodingName, TokenCounter>();

/** The shared counter of `encoding`. Cheap: the ranks load on its first count. */
export function getTokenCounter(encoding: EncodingName): TokenCounter {
  let counter = counters.get(encoding);
  if (!counter) {
    counter = new CachedTokenCounter(encoding);
    counters.set(encoding, counter);
  }
  return counter;
}

/** A counter with empty caches of its own (benchmarks measure cold caches with it). */
export function createTokenCounter(encoding: EncodingName): TokenCounter {
  return new CachedTokenCounter(encoding);
}
