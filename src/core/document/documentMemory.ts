/**
 * What is kept between analyses of one document that is analysed again and again — the editor
 * keeps one per open document and passes it with every analysis of that document; the core itself
 * keeps nothing between calls. It holds the document's last version, with its per-block results
 * (DocumentVersion), and the per-chunk token counts of its last text for each tokenizer, so that a
 * re-analysis re-tokenizes only the chunks the edit touched and the total stays exact
 * (IncrementalDocumentCount).
 */
import type { EncodingName } from '../profiles/modelProfile';
import { IncrementalDocumentCount } from '../tokens/incrementalDocumentCount';
import { getTokenCounter } from '../tokens/tokenCounter';
import { changedSpan } from './changedSpan';
import { DocumentVersion } from './documentVersion';

export class DocumentMemory {
  private latest: DocumentVersion | undefined;
  private readonly counts = new Map<EncodingName, { count: IncrementalDocumentCount; text: string }>();

  /** `text` as the document's next version: it carries over what the previous one found. */
  nextVersion(text: string): DocumentVersion {
    this.latest = new DocumentVersion(text, this.latest);
    return this.latest;
  }

  /** The exact token count of `text` with `encoding`, from the count of the document's previous text. */
  countTokens(encoding: EncodingName, text: string): number {
    const kept = this.counts.get(encoding);
    if (!kept) {
      const count = new IncrementalDocumentCount(getTokenCounter(encoding), text);
      this.counts.set(encoding, { count, text });
      return count.total();
    }
    if (kept.text !== text) {
      const { offset, deleteLength, insertText } = changedSpan(kept.text, text);
      kept.count.applyEdit(offset, deleteLength, insertText);
      kept.text = text;
    }
    return kept.count.total();
  }
}
