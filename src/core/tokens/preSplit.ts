/**
 * Pre-splitting: the pieces a text is cut into before byte-pair merging, which never crosses a
 * piece. Two conventions, one code path:
 *  - tiktoken (OpenAI, Llama 3, Mistral Tekken): one pattern, every match is a piece;
 *  - Hugging Face `Split` pre-tokenizers with the "Isolated" behaviour (Qwen, DeepSeek): every
 *    match is a piece and so is every stretch of text between matches; several splits in a
 *    `Sequence` apply one after the other, each to the pieces of the one before (DeepSeek splits
 *    out digit groups, then CJK runs, then words and punctuation).
 * The patterns of the encodings we ship match every character, so keeping the unmatched stretches
 * changes nothing for tiktoken's patterns; for DeepSeek's last pattern it does (a lone control or
 * format character such as U+200B matches no alternative, and Hugging Face keeps it as a piece).
 * Normalization (Qwen: NFC) runs on the text before it is split, as in Hugging Face's pipeline.
 */

export type Normalization = 'NFC';

export interface PreSplitSpec {
  /** JavaScript regular expression sources, applied in order (used with the `gu` flags). */
  patterns: string[];
  normalization?: Normalization;
}

export class PreSplitter {
  private readonly levels: RegExp[];
  private readonly normalization: Normalization | undefined;

  constructor(spec: PreSplitSpec) {
    if (spec.patterns.length === 0) throw new Error('A pre-split needs at least one pattern');
    this.levels = spec.patterns.map((source) => new RegExp(source, 'gu'));
    this.normalization = spec.normalization;
  }

  /** Calls `onPiece` with each piece of `text`, in order; the pieces concatenate to the normalized text. */
  forEachPiece(text: string, onPiece: (piece: string) => void): void {
    const normalized = this.normalization ? text.normalize(this.normalization) : text;
    this.split(normalized, 0, onPiece);
  }

  /** The pieces as an array (tests and diagnostics). */
  pieces(text: string): string[] {
    const pieces: string[] = [];
    this.forEachPiece(text, (piece) => pieces.push(piece));
    return pieces;
  }

  private split(text: string, level: number, onPiece: (piece: string) => void): void {
    const pattern = this.levels[level];
    const deeper = level + 1 < this.levels.length;
    const emit = deeper ? (piece: string) => this.split(piece, level + 1, onPiece) : onPiece;
    pattern.lastIndex = 0;
    let end = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const piece = match[0];
      if (piece.length === 0) {
        // No shipped pattern matches the empty string; step over it rather than loop forever.
        pattern.lastIndex++;
        continue;
      }
      if (match.index > end) emit(text.slice(end, match.index));
      // Deeper levels have RegExp objects of their own, so this level's lastIndex survives emit().
      const next = match.index + piece.length;
      emit(piece);
      end = next;
    }
    if (end < text.length) emit(text.slice(end));
  }
}
