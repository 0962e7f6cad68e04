/**
 * Ranges in the core are UTF-16 offsets into the document text, because that is what both
 * VS Code (`document.positionAt`) and JavaScript strings speak. Adapters convert to line/column.
 */
export interface TextRange {
  start: number;
  end: number;
}

export interface LineColumn {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

/** Offsets of the first character of every line; build once per text, then look up in O(log n). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      starts.push(i + 1);
    } else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) {
        i++;
      }
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): LineColumn {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return { line: lo, character: offset - starts[lo] };
}

export function offsetAt(starts: readonly number[], position: LineColumn): number {
  const line = Math.min(Math.max(position.line, 0), starts.length - 1);
  return starts[line] + position.character;
}
