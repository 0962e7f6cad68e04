/**
 * Turns declarative rules into findings: runs their patterns (in the time-limited worker), keeps
 * matches in the rule's scope, and fills messages and replacement fixes in Vale's manner.
 */
import type { RuleContext, RuleFinding } from './rule';
import type { Severity } from './finding';
import { patternsOf, type DeclarativeRule, type PatternJob } from './declarativeRule';
import { runPatterns, type PatternRunOptions, type PatternRunResult, type StoppedPattern } from './patternRunner';
import { savingOfEdits } from './measureSaving';

const NOT_PROSE = new Set(['codeBlock', 'pastedLog', 'pastedJson', 'pastedTable', 'base64', 'frontMatter']);

export interface DeclarativeFinding extends RuleFinding {
  ruleId: string;
  severity: Severity;
}

export interface DeclarativeRunResult {
  findings: DeclarativeFinding[];
  stopped: StoppedPattern[];
  /** Slowest patterns first (see PatternRunResult.slow). */
  slow: PatternRunResult['slow'];
  budgetSpentMs?: number;
}

/** Vale-style `%s` placeholders, filled in order. */
function fill(message: string, values: string[]): string {
  let i = 0;
  return message.replace(/%s/g, () => values[i++] ?? '');
}

export function declarativeFindings(context: RuleContext, rules: readonly DeclarativeRule[], runOptions?: PatternRunOptions): DeclarativeRunResult {
  const jobs: PatternJob[] = [];
  const owner: { rule: DeclarativeRule; index: number }[] = [];
  for (const rule of rules) {
    patternsOf(rule.spec).forEach((p, index) => {
      jobs.push({ ruleId: rule.spec.id, source: p.source, flags: p.flags });
      owner.push({ rule, index });
    });
  }
  const text = context.prompt.text;
  const { matches, stopped, slow, budgetSpentMs } = runPatterns(text, jobs, runOptions);
  const blocked = context.prompt.parts.filter((p) => NOT_PROSE.has(p.kind)).map((p) => p.range);

  const byRule = new Map<DeclarativeRule, { start: number; end: number; index: number }[]>();
  matches.forEach((found, jobIndex) => {
    const { rule, index } = owner[jobIndex];
    const list = byRule.get(rule) ?? [];
    for (const m of found) {
      if ((rule.spec.scope ?? 'prose') === 'prose' && blocked.some((b) => m.start < b.end && m.end > b.start)) continue;
      list.push({ start: m.start, end: m.end, index });
    }
    byRule.set(rule, list);
  });

  const findings: DeclarativeFinding[] = [];
  for (const [rule, found] of byRule) {
    const spec = rule.spec;
    const base = { ruleId: spec.id, severity: spec.severity ?? 'warning' };
    found.sort((a, b) => a.start - b.start);
    switch (spec.kind) {
      case 'existence':
        for (const m of found) {
          const matched = text.slice(m.start, m.end);
          const edits = spec.replacement === undefined ? undefined : [{ range: { start: m.start, end: m.end }, newText: spec.replacement }];
          findings.push({
            ...base,
            range: { start: m.start, end: m.end },
            message: fill(spec.message, [matched]),
            ...(edits && { saving: savingOfEdits(context, edits), fix: { title: spec.replacement ? `Replace with '${spec.replacement}'` : `Remove '${matched}'`, edits } }),
          });
        }
        break;
      case 'substitution': {
        const replacements = Object.values(spec.swap);
        for (const m of found) {
          const matched = text.slice(m.start, m.end);
          const replacement = replacements[m.index];
          const edits = [{ range: { start: m.start, end: m.end }, newText: replacement }];
          findings.push({
            ...base,
            range: { start: m.start, end: m.end },
            message: fill(spec.message, [replacement, matched]),
            saving: savingOfEdits(context, edits),
            fix: { title: `Replace with '${replacement}'`, edits },
          });
        }
        break;
      }
      case 'occurrence': {
        const count = found.length;
        if (spec.max !== undefined && count > spec.max) {
          const first = found[spec.max];
          findings.push({ ...base, range: { start: first.start, end: first.end }, message: fill(spec.message, [String(count), String(spec.max)]) });
        } else if (spec.min !== undefined && count < spec.min) {
          findings.push({ ...base, message: fill(spec.message, [String(count), String(spec.min)]) });
        }
        break;
      }
    }
  }
  return { findings, stopped, slow, budgetSpentMs };
}
