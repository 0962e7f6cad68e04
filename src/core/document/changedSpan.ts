/** The one edit that turns a document's previous text into its new text. */

/** Compared a block at a time with native string equality before going char by char. */
const STEP = 1024;

export interface ChangedSpan {
  /** Length of the common prefix: where the edit starts in both texts. */
  offset: number;
  /** Characters of the previous text the edit replaced. */
  deleteLength: number;
  /** What the edit put in their place. */
  insertText: string;
}

/** The span where two texts differ: a common prefix and a common suffix that do not overlap. */
export function changedSpan(before: string, after: string): ChangedSpan {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + STEP <= limit && before.slice(prefix, prefix + STEP) === after.slice(prefix, prefix + STEP)) prefix += STEP;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const room = limit - prefix;
  let suffix = 0;
  while (
    suffix + STEP <= room &&
    before.slice(before.length - suffix - STEP, before.length - suffix) === after.slice(after.length - suffix - STEP, after.length - suffix)
  ) {
    suffix += STEP;
  }
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { offset: prefix, deleteLength: before.length - prefix - suffix, insertText: after.slice(prefix, after.length - suffix) };
}
