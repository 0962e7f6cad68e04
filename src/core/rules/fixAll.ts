/**
 * "Fix all" (VS Code's source.fixAll, or all fixes of one rule): the text edits of many findings
 * applied together. Edits that overlap an edit already taken are left for a later pass, as
 * ESLint does, so applying the result never corrupts the document.
 */
import type { Finding, TextEdit } from './finding';

export interface FixAllResult {
  edits: TextEdit[];
  /** Findings whose fix was taken. */
  applied: Finding[];
  /** Findings with a text fix that overlapped and were skipped (run fix-all again for them). */
  skipped: Finding[];
}

export function fixAllEdits(findings: readonly Finding[], ruleId?: string): FixAllResult {
  const result: FixAllResult = { edits: [], applied: [], skipped: [] };
  const candidates = findings.filter((f) => f.fix?.edits?.length && !f.file && (ruleId === undefined || f.ruleId === ruleId));
  const overlaps = (a: TextEdit, b: TextEdit): boolean =>
    a.range.start < b.range.end && b.range.start < a.range.end ||
    // Two insertions at the same point would have an undefined order.
    (a.range.start === a.range.end && b.range.start === b.range.end && a.range.start === b.range.start);
  for (const f of candidates) {
    const edits = f.fix!.edits!;
    if (edits.some((e) => result.edits.some((taken) => overlaps(e, taken)))) {
      result.skipped.push(f);
      continue;
    }
    result.edits.push(...edits);
    result.applied.push(f);
  }
  result.edits.sort((a, b) => a.range.start - b.range.start);
  return result;
}
