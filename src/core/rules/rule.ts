/**
 * A rule, in the manner of markdownlint: a small object with names, docs and a check that reports
 * findings. Built-in rules live one per file in ./builtin/; packs can add more.
 */
import type { ParsedPrompt } from '../prompt/parsedPrompt';
import type { AttachmentAnalysis } from '../attachments/attachment';
import type { SessionAnalysis } from '../history/sessionAnalysis';
import type { Transcript } from '../history/transcript';
import type { ModelProfile, ResolvedProfile } from '../profiles/modelProfile';
import type { RequestEstimate } from '../energy/estimate';
import type { Finding, Severity } from './finding';

export interface Budgets {
  /** Max input tokens per prompt. */
  tokens?: number;
  whPerRequest?: number;
  whPerSession?: number;
}

/** Everything a rule may look at. Pure data plus two measuring functions. */
export interface RuleContext {
  /** Absolute path of the prompt document, when it has one. */
  file?: string;
  prompt: ParsedPrompt;
  model: ResolvedProfile;
  /** Estimate for the whole request as it stands. */
  estimate: RequestEstimate;
  /** Input tokens of the whole request (prompt + attachments as sent naively + history). */
  totalInputTokens: number;
  attachments: AttachmentAnalysis[];
  transcript?: Transcript;
  session?: SessionAnalysis;
  budgets: Budgets;
  /** Count tokens of any text with the chosen model's tokenizer (calibrated). */
  countTokens(text: string): number;
  /** Central Wh of a request with the given input tokens (other inputs as the current request). */
  whForInputTokens(inputTokens: number): number;
  /** Other profiles, for rules that compare models. */
  profiles: readonly ModelProfile[];
}

/**
 * What a check returns: a finding without the fields the engine fills in. A rule may set
 * `severity` itself when one finding is worse than its default (context over the window vs near it);
 * a severity the user configured always wins.
 */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity' | 'docsUrl'> & { severity?: Severity };

export interface Rule {
  id: string;
  description: string;
  /** Relative docs page, e.g. docs/rules/spreadsheet-attachment.md */
  docs: string;
  tags: string[];
  defaultSeverity: Severity;
  /** Off-by-default rules (trade-offs) set false. */
  enabledByDefault: boolean;
  /** JSON Schema of the rule's options. */
  optionsSchema: Record<string, unknown>;
  defaultOptions: Record<string, unknown>;
  check(context: RuleContext, options: Record<string, unknown>): RuleFinding[] | Finding[];
}
