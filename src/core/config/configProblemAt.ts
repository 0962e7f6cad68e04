/** Builds a ConfigProblem with offsets and the line/column VS Code and the CLI show. */
import { lineStarts, positionAt, type TextRange } from '../textRange';
import type { ConfigProblem } from './mvpConfig';

export function configProblemAt(file: string, text: string | undefined, range: TextRange | undefined, message: string, severity: 'error' | 'warning' = 'error'): ConfigProblem {
  const start = text !== undefined && range ? positionAt(lineStarts(text), range.start) : { line: 0, character: 0 };
  return { file, range, start, message, severity };
}
