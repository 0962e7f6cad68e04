/**
 * The rule engine: runs built-in rules, pack JavaScript rules (trusted workspaces only) and
 * declarative rules over one analysis context, applies the config's severities and options and
 * the document's disable comments, and fills in rule ids and docs links.
 */
import { isWebLink } from '../config/webLink';
import type { RuleContext, Rule, RuleFinding } from './rule';
import type { Finding, Severity } from './finding';
import type { ResolvedConfig } from '../config/mvpConfig';
import { builtinRules } from './builtinRules';
import { declarativeFindings } from './declarativeFindings';
import { parseDisableDirectives } from './disableComments';
import type { PatternRunOptions } from './patternRunner';
import { formatInteger } from '../format';

export interface RunRulesOptions {
  /** Whether pack JavaScript may run (CLI: true; editor: workspace trust). */
  trusted: boolean;
  /**
   * Prefix for built-in rules' docs links (e.g. the extension's folder as a URI, or a repository
   * URL ending in `/`); the default leaves the relative `docs/rules/<id>.md`.
   */
  docsBaseUrl?: string;
  /** Time limit per declarative pattern (default 500 ms). */
  patternTimeoutMs?: number;
}

export interface RuleRunResult {
  findings: Finding[];
  /** Things the user should know about the run itself (skipped JavaScript rules, stopped patterns, rule crashes). */
  notices: string[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function runRules(context: RuleContext, config: ResolvedConfig, options: RunRulesOptions): RuleRunResult {
  const notices: string[] = [];
  const findings: Finding[] = [];
  const directives = parseDisableDirectives(context.prompt.text);
  const measured = withTokenCache(context);

  const configured = (id: string): Severity | 'off' | undefined => config.rules[id]?.severity;
  const docsUrl = (rule: Rule): string | undefined => {
    if (!builtinRules.includes(rule)) return rule.docs || undefined;
    return options.docsBaseUrl ? options.docsBaseUrl + rule.docs.replace(/^docs\//, '') : rule.docs;
  };

  const rules: Rule[] = [...builtinRules, ...(options.trusted ? config.jsRules : [])];
  for (const rule of rules) {
    const chosen = configured(rule.id);
    if (chosen === 'off' || (chosen === undefined && !rule.enabledByDefault)) continue;
    const ruleOptions = { ...rule.defaultOptions, ...config.rules[rule.id]?.options };
    let produced: RuleFinding[];
    try {
      produced = rule.check(measured, ruleOptions) as RuleFinding[];
    } catch (e) {
      notices.push(`Rule ${rule.id} failed and was skipped: ${(e as Error).message}`);
      continue;
    }
    for (const f of produced) {
      findings.push({ ...f, ruleId: rule.id, severity: chosen ?? f.severity ?? rule.defaultSeverity, docsUrl: docsUrl(rule) });
    }
  }

  const declarative = config.declarativeRules.filter((r) => configured(r.spec.id) !== 'off');
  if (declarative.length) {
    const runOptions: PatternRunOptions = { timeoutMs: options.patternTimeoutMs };
    const { findings: found, stopped, slow, budgetSpentMs } = declarativeFindings(measured, declarative, runOptions);
    for (const f of found) {
      const spec = declarative.find((r) => r.spec.id === f.ruleId)?.spec;
      // Only web links: a pack's link is shown where a click could otherwise run a command.
      findings.push({ ...f, severity: (configured(f.ruleId) as Severity | undefined) ?? f.severity, docsUrl: isWebLink(spec?.link) ? spec.link : undefined });
    }
    const overBudget = stopped.filter((s) => s.reason === 'budget');
    if (budgetSpentMs !== undefined && overBudget.length) {
      const names = (ids: string[]) => (ids.length > 8 ? `${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more` : ids.join(', '));
      const skipped = [...new Set(overBudget.map((s) => s.job.ruleId))];
      const slowest = slow.slice(0, 5).map((s) => `${s.job.ruleId} (${Math.round(s.ms)} ms)`);
      const source = declarative.find((r) => r.spec.id === (slow[0]?.job.ruleId ?? skipped[0]))?.sourceFile;
      const message =
        `Declarative rules took more than their ${formatInteger(budgetSpentMs)} ms budget for this text, so ${skipped.length === 1 ? 'one rule was' : `${skipped.length} rules were`} skipped: ${names(skipped)}.` +
        (slowest.length ? ` Slowest: ${slowest.join(', ')} — simplify these patterns (anchor them, avoid nested quantifiers).` : '');
      notices.push(message);
      findings.push({ ruleId: skipped[0], severity: 'warning', message, file: source });
    }
    for (const s of stopped) {
      if (s.reason === 'budget') continue;
      const rule = declarative.find((r) => r.spec.id === s.job.ruleId);
      const why =
        s.reason === 'workerFailed'
          ? 'the pattern worker could not start'
          : `its pattern /${shortPattern(s.job.source)}/ ran longer than ${s.timeoutMs} ms${s.reason === 'previouslyTimedOut' ? ' earlier in this session' : ''} (catastrophic backtracking?) and was stopped`;
      const message = `Declarative rule ${s.job.ruleId} from ${rule?.sourceFile ?? 'the config'} was skipped: ${why}. Rewrite the pattern without nested quantifiers such as (a+)+.`;
      notices.push(message);
      findings.push({ ruleId: s.job.ruleId, severity: 'warning', message, file: rule?.sourceFile });
    }
  }

  if (!options.trusted && config.skippedJsRules.length) {
    const packs = [...new Set(config.skippedJsRules.map((s) => s.pack))];
    notices.push(`${plural(config.skippedJsRules.length, 'JavaScript rule module')} from ${packs.join(', ')} ${config.skippedJsRules.length === 1 ? 'was' : 'were'} skipped: the workspace is not trusted. Declarative rules still apply.`);
  }

  const kept = findings.filter((f) => f.file !== undefined || !directives.isDisabled(f.ruleId, f.range?.start));
  kept.sort((a, b) => (a.range?.start ?? -1) - (b.range?.start ?? -1));
  return { findings: kept, notices };
}

/** A pattern as quoted in a message: a 4 MB pattern is not echoed whole. */
function shortPattern(source: string): string {
  return source.length > 120 ? `${source.slice(0, 120)}… (${formatInteger(source.length)} characters)` : source;
}

/** Rules re-count the whole prompt to measure savings; count each distinct text once per run. */
function withTokenCache(context: RuleContext): RuleContext {
  const cache = new Map<string, number>();
  return {
    ...context,
    countTokens(text: string): number {
      let n = cache.get(text);
      if (n === undefined) {
        n = context.countTokens(text);
        if (cache.size > 256) cache.clear();
        cache.set(text, n);
      }
      return n;
    },
  };
}
