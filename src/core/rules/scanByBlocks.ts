/**
 * Runs a text scan block by block — a block is the text between blank lines — and remembers each
 * block's results in the document's version, so that after a keystroke only the edited block is
 * scanned again. Only for patterns that can never span a blank line (base64 runs, short phrases).
 * Several rules scanning the same prompt share one split into blocks.
 */
import { DocumentVersion } from '../document/documentVersion';
import type { ParsedPrompt } from '../prompt/parsedPrompt';
import type { TextRange } from '../textRange';

const BLANK_LINE = /\n[ \t]*\n/g;

function blocksOf(text: string): TextRange[] {
  const blocks: TextRange[] = [];
  const add = (start: number, end: number) => {
    if (end > start) blocks.push({ start, end });
  };
  let blockStart = 0;
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
    add(blockStart, m.index + 1);
    blockStart = m.index + m[0].length - 1;
    BLANK_LINE.lastIndex = blockStart;
  }
  add(blockStart, text.length);
  return blocks;
}

/**
 * @param scanId names the scan; results are remembered per scan id and block.
 * @param find returns ranges relative to the block it is given; it must depend on that text alone.
 */
export function scanByBlocks(
  prompt: Pick<ParsedPrompt, 'text' | 'version'>,
  scanId: string,
  find: (block: string) => TextRange[],
): TextRange[] {
  const version = prompt.version ?? new DocumentVersion(prompt.text);
  const memo = version.memo<readonly TextRange[]>(`scan:${scanId}`);
  const found: TextRange[] = [];
  for (const block of version.once('blank-line-blocks', () => blocksOf(version.text))) {
    for (const r of memo.get(block.start, block.end, find)) found.push({ start: r.start + block.start, end: r.end + block.start });
  }
  return found;
}
