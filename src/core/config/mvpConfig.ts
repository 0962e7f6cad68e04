/**
 * The team config file (`.mvp.jsonc` / `.mvp.json`) and packs (`mvp-pack.json`) share one shape,
 * described for editors by ./mvp-config.schema.json. A resolved config is the merge of a file with
 * everything it extends, in order (later overrides earlier, the file itself last).
 */
import type { TextRange, LineColumn } from '../textRange';
import type { Severity } from '../rules/finding';
import type { Budgets, Rule } from '../rules/rule';
import type { ProfileOverride } from '../profiles/profileRegistry';
import type { DeclarativeRule, DeclarativeRuleSpec } from '../rules/declarativeRule';

export type RuleSetting = 'off' | Severity | { severity?: Severity | 'off'; options?: Record<string, unknown> };

/** The file as written. */
export interface MvpConfigFile {
  $schema?: string;
  extends?: string[];
  model?: string;
  region?: string;
  rules?: Record<string, RuleSetting>;
  budgets?: Budgets;
  profiles?: ProfileOverride[];
  declarativeRules?: DeclarativeRuleSpec[];
  /** Globs (relative to the config file's folder) of documents treated as prompts. */
  files?: string[];
  /** JavaScript rule modules (paths relative to the file); loaded only in trusted workspaces. */
  jsRules?: string[];
  /** How `mvp hook` applies the budgets. */
  hook?: HookConfig;
}

export interface HookConfig {
  /** Block a prompt over a budget instead of only coaching. Default false. */
  block?: boolean;
}

export interface ResolvedRuleSetting {
  /** Undefined = the rule's own default. */
  severity?: Severity | 'off';
  options: Record<string, unknown>;
}

export interface ConfigProblem {
  /** The config or pack file the problem is in. */
  file: string;
  /** Offsets into that file; absent when the whole file is concerned (e.g. unreadable). */
  range?: TextRange;
  /** 0-based position of range.start (line 0, character 0 without a range). */
  start: LineColumn;
  message: string;
  severity: 'error' | 'warning';
}

/** A JavaScript rule module a pack asked for. */
export interface JsRuleSource {
  /** Absolute path of the module. */
  module: string;
  /** The config or pack file that listed it. */
  pack: string;
}

export interface ResolvedConfig {
  /** Every file that contributed, in merge order (extended files first, the nearest config last). */
  sourceFiles: string[];
  /** `hook` settings, with the file that set `block` last (later layers win). */
  hook: { block: boolean; source?: string };
  model?: string;
  region?: string;
  rules: Record<string, ResolvedRuleSetting>;
  budgets: Budgets;
  /** Extra model profiles, or partial overrides of built-in ones (validated after merging). */
  profiles: ProfileOverride[];
  declarativeRules: DeclarativeRule[];
  /** Prompt globs, relative to `filesBase`; undefined = the defaults. */
  files?: string[];
  /** Folder the `files` globs are relative to (the folder of the file that set them). */
  filesBase?: string;
  /** Rules loaded from pack JavaScript (trusted workspaces only). */
  jsRules: Rule[];
  /** JavaScript rule modules not loaded because the workspace is not trusted. */
  skippedJsRules: JsRuleSource[];
  problems: ConfigProblem[];
}

export interface LoadConfigOptions {
  /** Whether pack JavaScript may run (the CLI is trusted; the editor follows workspace trust). */
  trusted: boolean;
  /** Discovery stops at this folder (the editor's workspace folder); else at the filesystem root. */
  workspaceRoot?: string;
  /** Maps `extension:<publisher.name>/path` to an absolute file (the editor knows extensions). */
  extensionPackResolver?: (publisherName: string, relPath: string) => string | undefined;
}

export const CONFIG_FILE_NAMES = ['.mvp.jsonc', '.mvp.json'] as const;
