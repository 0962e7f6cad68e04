/**
 * The JSON transcript formats share one concern: parse tolerantly (a broken element should cost
 * that element, not the whole file) and know where each element sits so problems carry a line
 * number and messages carry a source range. jsonc-parser's tree gives both.
 */
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { lineStarts, positionAt } from '../textRange';
import type { TranscriptProblem } from './transcript';

export interface JsonTranscriptSource {
  root: Node | undefined;
  problems: TranscriptProblem[];
  /** 1-based line of a UTF-16 offset. */
  lineOf(offset: number): number;
  valueOf(node: Node): unknown;
  /** The node of property `key` of an object node. */
  property(node: Node, key: string): Node | undefined;
}

export function parseJsonTranscript(text: string): JsonTranscriptSource {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const starts = lineStarts(text);
  const lineOf = (offset: number): number => positionAt(starts, offset).line + 1;
  const problems = errors.map((error) => ({
    line: lineOf(error.offset),
    message: `JSON syntax error: ${printParseErrorCode(error.error)}`,
  }));
  return {
    root,
    problems,
    lineOf,
    valueOf: (node) => getNodeValue(node),
    property(node, key) {
      if (node.type !== 'object') return undefined;
      for (const child of node.children ?? []) {
        if (child.children && child.children[0].value === key) return child.children[1];
      }
      return undefined;
    },
  };
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
