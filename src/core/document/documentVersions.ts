/**
 * The latest analysed version of each document, so the next analysis of that document carries its
 * per-block work over (DocumentVersion). Documents are named by their path (or URI).
 */
import { DocumentVersion } from './documentVersion';

/** Documents kept; the least recently analysed is dropped first (each keeps one text and small per-block results). */
const MAX_DOCUMENTS = 16;
const latest = new Map<string, DocumentVersion>();

/** A version of `text`; with a key, it carries over what the previous analysis of that document found. */
export function nextVersion(text: string, documentKey?: string): DocumentVersion {
  if (documentKey === undefined) return new DocumentVersion(text);
  const previous = latest.get(documentKey);
  latest.delete(documentKey);
  const version = new DocumentVersion(text, previous);
  latest.set(documentKey, version);
  if (latest.size > MAX_DOCUMENTS) latest.delete(latest.keys().next().value as string);
  return version;
}

/** Drops what is kept of a document (the editor calls this when the document is closed). */
export function forgetVersions(documentKey: string): void {
  latest.delete(documentKey);
}
