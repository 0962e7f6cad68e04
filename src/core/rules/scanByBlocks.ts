/**
 * Runs a text scan block by block — a block is the text between blank lines — and caches each
 * block's results by its text, so that after a keystroke only the edited block is scanned again.
 * Only for patterns that can never span a blank line (base64 runs, short phrases). All scans share
 * one cache entry per block, and the block boundaries of the latest text are kept, so several
 * rules scanning the same prompt split it once and look each block up once.
 */
import { BoundedCache, TEXT_CACHE_CHARS } from '../boundedCache';
import type { TextRange } from '../textRange';

const BLANK_LINE = /\n[ \t]*\n/g;
/** Per block text: each scan's ranges, relative to the block. */
const results = new BoundedCache<Map<string, readonly TextRange[]>>(TEXT_CACHE_CHARS, (key) => key.length);
let lastText: string | undefined;
let lastBlocks: { start: number; end: number; results: Map<string, readonly TextRange[]> }[] = [];

function blocksOf(text: string): typeof lastBlocks {
  if (text === lastText) return lastBlocks;
  const blocks: typeof lastBlocks = [];
  const add = (start: number, end: number) => {
    if (end <= start) return;
    const block = text.slice(start, end);
    let found = results.get(block);
    if (!found) {
      found = new Map();
      results.set(block, found);
    }
    blocks.push({ start, end, results: found });
  };
  let blockStart = 0;
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
    add(blockStart, m.index + 1);
    blockStart = m.index + m[0].length - 1;
    BLANK_LINE.lastIndex = blockStart;
  }
  add(blockStart, text.length);
  lastText = text;
  lastBlocks = blocks;
  return blocks;
}

/**
 * @param scanId names the scan; results are cached per scan id and block text.
 * @param find returns ranges relative to the block it is given.
 */
export function scanByBlocks(text: string, scanId: string, find: (block: string) => TextRange[]): TextRange[] {
  const found: TextRange[] = [];
  for (const block of blocksOf(text)) {
    let ranges = block.results.get(scanId);
    if (!ranges) {
      ranges = find(text.slice(block.start, block.end));
      block.results.set(scanId, ranges);
    }
    for (const r of ranges) found.push({ start: r.start + block.start, end: r.end + block.start });
  }
  return found;
}
