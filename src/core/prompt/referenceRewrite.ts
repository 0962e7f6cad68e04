/**
 * Rewriting an attachment reference in a prompt to point at a new file (the CSV, the log tail),
 * keeping the way the user wrote it: relative or absolute, `./` or not, the same syntax around it.
 * Pure, so it is unit-tested without the editor.
 */
import * as path from 'node:path';

/** The path to write in a prompt for `target`, in the style of the path it replaces. */
export function referencePathFor(promptFile: string, previousRawPath: string, target: string): string {
  if (path.isAbsolute(previousRawPath)) {
    return target;
  }
  let relative = path.relative(path.dirname(promptFile), target).split(path.sep).join('/');
  if (previousRawPath.startsWith('./') && !relative.startsWith('.')) {
    relative = `./${relative}`;
  }
  return relative;
}

/**
 * The reference text with its path (and any sheet selector after it: `#Sheet`, `?sheet=…`)
 * replaced by `newRawPath`. Undefined when the written path cannot be found in the text.
 */
export function rewriteReferenceText(referenceText: string, rawPath: string, newRawPath: string): string | undefined {
  const at = referenceText.indexOf(rawPath);
  if (at < 0) {
    return undefined;
  }
  let end = at + rawPath.length;
  const selector = /^(#[^\s)\]>]*|\?sheet=[^\s)\]>]*)/.exec(referenceText.slice(end));
  if (selector) {
    end += selector[0].length;
  }
  return referenceText.slice(0, at) + newRawPath + referenceText.slice(end);
}

