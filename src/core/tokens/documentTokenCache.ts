/**
 * Whole-document counts for documents analysed again and again (the editor re-analyses after each
 * pause in typing): the previous text of each document is kept with its per-chunk count, the new
 * text is compared with it, and only the changed span is applied as an edit — so a re-analysis
 * re-tokenizes only the chunks the edit touched, and the total stays exact (IncrementalDocumentCount).
 */
import type { EncodingName } from '../profiles/modelProfile';
import { IncrementalDocumentCount } from './incrementalDocumentCount';
import { getTokenCounter } from './tokenCounter';
import { changedSpan } from '../document/changedSpan';

/** Documents kept; the least recently analysed is dropped first. */
const MAX_DOCUMENTS = 16;
const documents = new Map<string, { count: IncrementalDocumentCount; text: string }>();

/** The exact token count of `text` with `encoding`, reusing the count of the document's previous text. */
export function countDocument(documentKey: string, encoding: EncodingName, text: string): number {
  const key = `${encoding}\u0000${documentKey}`;
  let document = documents.get(key);
  if (document) {
    documents.delete(key); // re-inserted below: most recently used last
    if (document.text !== text) {
      const { offset, deleteLength, insertText } = changedSpan(document.text, text);
      document.count.applyEdit(offset, deleteLength, insertText);
      document.text = text;
    }
  } else {
    document = { count: new IncrementalDocumentCount(getTokenCounter(encoding), text), text };
  }
  documents.set(key, document);
  if (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value as string);
  return document.count.total();
}

/** Drops a document's counts, for every encoding (the editor calls this when the document is closed). */
export function forgetDocumentCounts(documentKey: string): void {
  for (const key of [...documents.keys()]) if (key.slice(key.indexOf('\u0000') + 1) === documentKey) documents.delete(key);
}
