/**
 * Team rules without code, after Vale's styles: a rule is data (a pattern, a message, a level and
 * an optional replacement that becomes the quick fix). Patterns come from config files that anyone
 * in a repository can edit, so they are executed by ./patternRunner.ts in a worker with a time
 * limit, never on the editor's thread.
 */
import type { Severity } from './finding';

interface DeclarativeRuleBase {
  /** Unique id, conventionally `<pack>/<name>`; used in `rules`, disable comments and output. */
  id: string;
  /** Shown to the user. `%s` placeholders are filled per kind (see docs/config.md). */
  message: string;
  severity?: Severity;
  description?: string;
  /** Where to read more (shown as the finding's docs link). */
  link?: string;
  ignoreCase?: boolean;
  /** `prose` skips fenced code blocks, pasted logs/JSON and base64 parts; `all` looks everywhere. */
  scope?: 'all' | 'prose';
}

/** Reports every match of any of `tokens`. */
export interface ExistenceRuleSpec extends DeclarativeRuleBase {
  kind: 'existence';
  tokens: string[];
  /** By default tokens match whole words; `nonword: true` matches them anywhere. */
  nonword?: boolean;
  /** Replacement text for a quick fix (empty string removes the match). */
  replacement?: string;
}

/** Reports each match of a `swap` key and offers its value as the replacement. */
export interface SubstitutionRuleSpec extends DeclarativeRuleBase {
  kind: 'substitution';
  swap: Record<string, string>;
  nonword?: boolean;
}

/** Reports when `token` occurs more than `max` or fewer than `min` times. */
export interface OccurrenceRuleSpec extends DeclarativeRuleBase {
  kind: 'occurrence';
  token: string;
  max?: number;
  min?: number;
}

export type DeclarativeRuleSpec = ExistenceRuleSpec | SubstitutionRuleSpec | OccurrenceRuleSpec;

/** A declarative rule with where it was defined, for messages about it. */
export interface DeclarativeRule {
  spec: DeclarativeRuleSpec;
  /** Config or pack file that defined the rule. */
  sourceFile: string;
}

/** One regular expression the worker runs, with the rule it belongs to. */
export interface PatternJob {
  ruleId: string;
  source: string;
  flags: string;
}

/** A match found by the worker: offsets into the text and which pattern matched. */
export interface PatternMatch {
  start: number;
  end: number;
  /** Index of the pattern within its rule's pattern list. */
  patternIndex: number;
}

/** The regular expressions that implement one rule, in a fixed order. */
export function patternsOf(spec: DeclarativeRuleSpec): { source: string; flags: string }[] {
  const flags = 'gu' + (spec.ignoreCase ? 'i' : '');
  const wrap = (p: string, nonword: boolean | undefined): string => (nonword ? `(?:${p})` : `(?<![\\p{L}\\p{N}_])(?:${p})(?![\\p{L}\\p{N}_])`);
  switch (spec.kind) {
    case 'existence':
      return spec.tokens.map((t) => ({ source: wrap(t, spec.nonword), flags }));
    case 'substitution':
      return Object.keys(spec.swap).map((t) => ({ source: wrap(t, spec.nonword), flags }));
    case 'occurrence':
      return [{ source: `(?:${spec.token})`, flags }];
  }
}

/** Compiles every pattern once to report syntax errors at load time (compiling cannot hang). */
export function patternSyntaxError(spec: DeclarativeRuleSpec): string | undefined {
  for (const p of patternsOf(spec)) {
    try {
      new RegExp(p.source, p.flags);
    } catch (e) {
      return (e as Error).message;
    }
  }
  return undefined;
}
