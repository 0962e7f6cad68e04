/**
 * Splits a message into prose and fenced code blocks. Blocks are what people paste (files, logs,
 * JSON); counting them apart lets the session notice the same paste twice and keep only the latest
 * version of a file, without tokenizing anything twice.
 */

export interface FencedBlock {
  /** The whole block, fences included, as sent. */
  text: string;
  /** The block's content without the fence lines. */
  body: string;
  /** The info string after the opening fence (language, sometimes a file name). */
  info: string;
  /** A file the block is a version of, when the info string or the line before names one. */
  file?: string;
}

export interface SplitMessage {
  prose: string;
  blocks: FencedBlock[];
}

const OPEN_FENCE = /^\s{0,3}(`{3,}|~{3,})\s*(.*)$/;
const FILE_NAME = /(?:^|[\s`'"(:])((?:[\w.-]+\/)*[\w-][\w.-]*\.[A-Za-z][\w]{0,9})(?=$|[\s`'"):,])/g;

export function splitFencedBlocks(text: string): SplitMessage {
  if (!text.includes('```') && !text.includes('~~~')) return { prose: text, blocks: [] };
  const lines = text.split('\n');
  const prose: string[] = [];
  const blocks: FencedBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = OPEN_FENCE.exec(lines[i]);
    if (!open) {
      prose.push(lines[i]);
      i++;
      continue;
    }
    const fence = open[1];
    let j = i + 1;
    while (j < lines.length && !closesFence(lines[j], fence)) j++;
    const end = Math.min(j, lines.length - 1);
    const body = lines.slice(i + 1, j).join('\n');
    const info = open[2].trim();
    blocks.push({
      text: lines.slice(i, end + 1).join('\n'),
      body,
      info,
      file: fileNameIn(info) ?? (prose.length > 0 ? lastFileNameIn(prose[prose.length - 1]) : undefined),
    });
    i = end + 1;
  }
  return { prose: prose.join('\n'), blocks };
}

function closesFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith(fence[0].repeat(fence.length)) && trimmed.replace(new RegExp(`\\${fence[0]}`, 'g'), '') === '';
}

function fileNameIn(info: string): string | undefined {
  // "ts src/app.ts", "src/app.ts", "python title=main.py"
  for (const word of info.split(/[\s=]+/)) {
    const cleaned = word.replace(/^["'`]|["'`]$/g, '');
    if (/^(?:[\w.-]+\/)*[\w-][\w.-]*\.[A-Za-z]\w{0,9}$/.test(cleaned)) return cleaned;
  }
  return undefined;
}

/** The line before a block ("Here is `src/app.ts`:") often names its file; take the last name on it. */
function lastFileNameIn(line: string): string | undefined {
  if (line.length > 200) return undefined;
  let last: string | undefined;
  for (const match of line.matchAll(FILE_NAME)) {
    if (!/^\d+(\.\d+)+$/.test(match[1])) last = match[1];
  }
  return last;
}
