/**
 * PDF: page count from a plain scan of the file; the text is not extracted, so the tokens are
 * reported as not counted. (Extraction would mean bundling pdf.js — several MB, ESM-only — and
 * running a second hostile-input parser; see docs/attachments.md.)
 */
import type { ReaderContext, ReaderResult } from './readerContext';

/**
 * The smallest a page can take in a file: its page object, even compressed in an object stream,
 * is tens of bytes. A page tree claiming more pages than the file has room for (1e20 pages in a
 * few KB) is not believed.
 */
const MIN_BYTES_PER_PAGE = 16;

export function countPdfPages(bytes: Uint8Array): number | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // Page objects are "/Type /Page" (not "/Pages"); in PDFs with compressed object streams they
  // are invisible, but the page tree root's "/Count" still is.
  const pageObjects = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  let treeCount = 0;
  for (const match of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    treeCount = Math.max(treeCount, Number(match[1] ?? match[2]));
  }
  if (treeCount > bytes.length / MIN_BYTES_PER_PAGE) treeCount = 0;
  const pages = Math.max(pageObjects, treeCount);
  return pages > 0 ? pages : undefined;
}

export function readPdf(bytes: Uint8Array, ctx: ReaderContext): ReaderResult {
  const pages = countPdfPages(bytes);
  const encrypted = /\/Encrypt\s/.test(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4 * 1024 * 1024)).toString('latin1'));
  const details: ReaderResult['details'] = {};
  if (pages !== undefined) details.pages = pages;
  if (encrypted) details.encrypted = true;
  const pageText = pages === undefined ? 'page count unknown' : `${pages} page${pages === 1 ? '' : 's'}`;
  const problem = encrypted
    ? { code: 'encrypted' as const, message: `${ctx.label}: the PDF is encrypted (${pageText}) — its text cannot be read here; tokens not counted.` }
    : {
        code: 'notCounted' as const,
        message: `${ctx.label}: PDF (${pageText}) — text is not extracted here, so its tokens are not counted. Chat clients extract the text (often several hundred tokens per page); attach only the pages you need, or paste the relevant text.`,
      };
  return { format: 'pdf', naive: { description: `PDF, ${pageText} (not counted)`, tokens: 0 }, details, problems: [problem] };
}
