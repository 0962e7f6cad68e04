/**
 * Several findings' text fixes applied in one edit ("fix all", or all fixes of one rule). Fixes
 * whose edits overlap an already accepted fix are left for the next round, as ESLint and
 * markdownlint do: a fix is applied whole or not at all.
 */
import type { Finding, TextEdit } from './finding';

export function hasTextFix(f: Finding): boolean {
  return !!f.fix?.edits?.length && !f.fix.action;
}

export interface CombinedFixes {
  /** Every accepted edit, in document order. */
  edits: TextEdit[];
  /** Findings whose fix was taken. */
  applied: Finding[];
  /** Findings whose fix overlapped one taken (run fix-all again for them). */
  skipped: Finding[];
}

export interface CombineOptions {
  /**
   * The analysed document's path. A finding about another file (a config or an attachment) has
   * offsets into that file, not this text, so its edits are never applied here.
   */
  file?: string;
  /** Only this rule's fixes ("fix all 'rule' problems in this file"). */
  ruleId?: string;
}

export function combineFixes(findings: readonly Finding[], options: CombineOptions = {}): CombinedFixes {
  const accepted: TextEdit[] = [];
  const applied: Finding[] = [];
  const skipped: Finding[] = [];
  const candidates = findings
    .filter(
      (f) =>
        hasTextFix(f) &&
        aboutThisDocument(f, options.file) &&
        (options.ruleId === undefined || f.ruleId === options.ruleId),
    )
    .sort((a, b) => firstStart(a) - firstStart(b));
  for (const finding of candidates) {
    const edits = finding.fix!.edits!;
    const clash = edits.some((e) => accepted.some((a) => overlaps(a, e)));
    if (clash) {
      skipped.push(finding);
      continue;
    }
    accepted.push(...edits);
    applied.push(finding);
  }
  accepted.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { edits: accepted, applied, skipped };
}

function aboutThisDocument(f: Finding, file: string | undefined): boolean {
  return f.file === undefined || f.file === file;
}

function firstStart(f: Finding): number {
  return Math.min(...f.fix!.edits!.map((e) => e.range.start));
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point would have an undefined order: treat them as overlapping.
  if (a.range.start === b.range.start) return true;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}
