/**
 * Runs a text scan block by block — a block is the text between blank lines — and caches each
 * block's result by its text, so that after a keystroke only the edited block is scanned again.
 * Only for patterns that can never span a blank line (base64 runs, short phrases).
 */
import { BoundedCache } from '../boundedCache';
import type { TextRange } from '../textRange';

const BLANK_LINE = /\n[ \t]*\n/g;
const caches = new Map<string, BoundedCache<readonly TextRange[]>>();

/**
 * @param scanId names the scan; results are cached per scan id and block text.
 * @param find returns ranges relative to the block it is given.
 */
export function scanByBlocks(text: string, scanId: string, find: (block: string) => TextRange[]): TextRange[] {
  let cache = caches.get(scanId);
  if (!cache) {
    cache = new BoundedCache<readonly TextRange[]>(4_000_000, (key) => key.length);
    caches.set(scanId, cache);
  }
  const found: TextRange[] = [];
  const scan = (start: number, end: number) => {
    if (end <= start) return;
    const block = text.slice(start, end);
    let ranges = cache.get(block);
    if (!ranges) {
      ranges = find(block);
      cache.set(block, ranges);
    }
    for (const r of ranges) found.push({ start: r.start + start, end: r.end + start });
  };
  let blockStart = 0;
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
    scan(blockStart, m.index + 1);
    blockStart = m.index + m[0].length - 1;
    BLANK_LINE.lastIndex = blockStart;
  }
  scan(blockStart, text.length);
  return found;
}
