/**
 * Exact token counts for the offline encodings, loaded lazily and cached at two levels:
 *  - piece → count: the pre-split pieces of prompts repeat a lot (words, indentation, log lines),
 *    so most pieces never reach byte-pair encoding (gpt-tokenizer does the same);
 *  - chunk → count: text is cut at safe boundaries (chunkText.ts) into chunks whose counts add up
 *    exactly, so counting a text that differs from an earlier one by an edit re-tokenizes only
 *    the chunks around the edit.
 * Special-token strings such as "<|endoftext|>" are ordinary text here: they are pre-split and
 * encoded like any other characters, as `encode(text, [], [])` does in js-tiktoken.
 * Gemma 3 (SentencePiece-style BPE) has no pre-split: its "pieces" are the stretches between
 * added tokens (sentencePieceCount.ts), and its chunks are cut by its own rule (sentencePieceBoundary.ts).
 */
import type { EncodingName } from '../profiles/modelProfile';
import { BoundedCache } from '../boundedCache';
import { bytePairCount } from './bytePairCount';
import { chunkLengths, type BoundaryRule } from './chunkText';
import { ENCODING_SOURCES } from './encodingSources';
import { loadRankTable } from './loadRankTable';
import { PreSplitter } from './preSplit';
import type { TokenRanks } from './rankHashTable';
import { isSafeBoundary } from './safeBoundary';
import { sentencePieceBoundary } from './sentencePieceBoundary';
import { SentencePieceCounter } from './sentencePieceCount';

export interface TokenCounter {
  readonly encoding: EncodingName;
  /** Exact number of tokens of `text` in this encoding, with special tokens counted as text. */
  count(text: string): number;
  /**
   * Count of a text the caller already cut at safe boundaries (IncrementalDocumentCount does):
   * cached as one chunk, not cut again.
   */
  countChunk(chunk: string): number;
  /** Where this encoding's text may be cut into chunks (default: safeBoundary.ts's rules). */
  readonly isSafeBoundary?: BoundaryRule;
}

/** Chunk cache budget in UTF-16 chars per generation (two generations are kept). */
const CHUNK_CACHE_CHARS = 8_000_000;
/** Piece cache budget in entries per generation. */
const PIECE_CACHE_ENTRIES = 200_000;

type Tokenizer =
  | { kind: 'byte-level'; preSplit: PreSplitter; ranks: TokenRanks }
  | { kind: 'sentencepiece'; counter: SentencePieceCounter; boundary: BoundaryRule };

class CachedTokenCounter implements TokenCounter {
  private tokenizer: Tokenizer | undefined;
  private readonly pieceCounts = new BoundedCache<number>(PIECE_CACHE_ENTRIES);
  private readonly chunkCounts = new BoundedCache<number>(CHUNK_CACHE_CHARS, (key) => key.length);

  constructor(readonly encoding: EncodingName) {}

  get isSafeBoundary(): BoundaryRule {
    if (ENCODING_SOURCES[this.encoding]?.format !== 'sentencepiece-bpe') return isSafeBoundary;
    const tokenizer = this.load();
    return tokenizer.kind === 'sentencepiece' ? tokenizer.boundary : isSafeBoundary;
  }

  count(text: string): number {
    const lengths = chunkLengths(text, 0, text.length, this.isSafeBoundary);
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
    const tokenizer = this.load();
    if (tokenizer.kind === 'sentencepiece')
      return tokenizer.counter.count(text, (stretch) => this.countStretch(tokenizer.counter, stretch));
    const { preSplit, ranks } = tokenizer;
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

  /** A stretch between added tokens, through the piece cache (lines and sentences repeat too). */
  private countStretch(counter: SentencePieceCounter, stretch: string): number {
    let count = this.pieceCounts.get(stretch);
    if (count === undefined) {
      count = counter.countStretch(stretch);
      this.pieceCounts.set(stretch, count);
    }
    return count;
  }

  private load(): Tokenizer {
    if (!this.tokenizer) {
      const table = loadRankTable(this.encoding);
      this.tokenizer = table.sentencePiece
        ? {
            kind: 'sentencepiece',
            counter: new SentencePieceCounter(table),
            boundary: sentencePieceBoundary(table.sentencePiece.charsBeforeSpace),
          }
        : { kind: 'byte-level', preSplit: new PreSplitter(table.preSplit), ranks: table.ranks };
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
