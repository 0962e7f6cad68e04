/**
 * How a built-in rule is written: `defineRule` takes the rule's typed default options and one JSON
 * Schema per option, and gives the engine a plain `Rule` (./rule.ts). The check receives its options
 * typed and with the defaults filled in, so no rule casts `options.x as number`; the options schema,
 * its defaults and the docs page are derived here once, and docs/generate/configSchema.ts writes
 * them into the config schema.
 */
import type { ResolvedConfig } from '../config/mvpConfig';
import type { Severity } from './finding';
import type { Rule, RuleContext, RuleFinding } from './rule';

interface OptionSchemaBase {
  /** Shown in the config schema's hover and completion; say what the option changes. */
  description: string;
}

/** The JSON Schema of one option, tied to the option's TypeScript type. */
export type OptionSchema<T> = T extends boolean
  ? OptionSchemaBase & { type: 'boolean' }
  : T extends number
    ? OptionSchemaBase & {
        type: 'integer' | 'number';
        minimum?: number;
        exclusiveMinimum?: number;
        maximum?: number;
      }
    : never;

/** One schema per option: a missing or an extra option is a compile error. */
export type OptionsSchema<Options> = { [K in keyof Options]-?: OptionSchema<Options[K]> };

export interface RuleDefinition<Options extends Record<string, unknown>> {
  /** Kebab-case id, used in configs, disable comments and output; the docs page is docs/rules/<id>.md. */
  id: string;
  description: string;
  tags: string[];
  defaultSeverity: Severity;
  /** Off-by-default rules (trade-offs) set false; default true. */
  enabledByDefault?: boolean;
  optionsSchema: NoInfer<OptionsSchema<Options>>;
  defaultOptions: Options;
  check(context: RuleContext, options: Options): RuleFinding[];
}

/** A built-in rule: the engine's `Rule`, with its default options' type kept for callers that know it. */
export interface DefinedRule<Options extends Record<string, unknown>> extends Rule {
  defaultOptions: Options;
}

/** The page that documents a built-in rule, relative to the repository (and to the packaged extension). */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

export function defineRule<Options extends Record<string, unknown>>(
  definition: RuleDefinition<Options>,
): DefinedRule<Options> {
  const { optionsSchema, defaultOptions } = definition;
  const properties: Record<string, object> = {};
  for (const [name, schema] of Object.entries<object>(optionsSchema)) {
    properties[name] = { ...schema, default: defaultOptions[name] };
  }
  return {
    id: definition.id,
    description: definition.description,
    docs: ruleDocsPath(definition.id),
    tags: definition.tags,
    defaultSeverity: definition.defaultSeverity,
    enabledByDefault: definition.enabledByDefault ?? true,
    optionsSchema: { type: 'object', properties, additionalProperties: false },
    defaultOptions,
    // The engine passes the config's options, which the config schema (generated from
    // optionsSchema) has already checked; the defaults fill in what the config leaves out.
    check: (context, options) => definition.check(context, { ...defaultOptions, ...options }),
  };
}

/**
 * A rule's options as a team config sets them, defaults filled in: for code outside the check that
 * follows the rule's settings (the session detector follows polluted-history's thresholds).
 */
export function configuredOptions<Options extends Record<string, unknown>>(
  rule: DefinedRule<Options>,
  config: ResolvedConfig | undefined,
): Options {
  return { ...rule.defaultOptions, ...config?.rules[rule.id]?.options };
}
