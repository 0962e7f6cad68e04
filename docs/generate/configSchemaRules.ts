/**
 * The `rules` section of src/core/config/mvp-config.schema.json, written from the built-in rules
 * themselves (id, description, default severity, docs page, options with their defaults), so the
 * schema editors validate and complete against cannot drift from the code. The rest of the schema
 * is hand-kept; the file is plain `JSON.stringify(…, null, 2)` output, so re-serialising it leaves
 * every other part byte for byte as it was.
 */
import type { Rule } from '../../src/core/rules/rule';

/** `"off"` or a severity, for one rule or the `severity` of its object form. */
const SEVERITY_OR_OFF = { $ref: '#/definitions/severityOrOff' };

/** What the rule does when the config does not mention it. */
export function defaultSettingText(rule: Rule): string {
  return rule.enabledByDefault ? rule.defaultSeverity : `off (${rule.defaultSeverity} when on)`;
}

/** The schema of `rules.<id>`: a severity, or `{ severity, options }` with the rule's own options. */
export function ruleSettingSchema(rule: Rule): Record<string, unknown> {
  return {
    description: `${rule.description}. Default: ${defaultSettingText(rule)}. See ${rule.docs}.`,
    anyOf: [
      SEVERITY_OR_OFF,
      {
        type: 'object',
        properties: { severity: SEVERITY_OR_OFF, options: rule.optionsSchema },
        additionalProperties: false,
      },
    ],
  };
}

/** The schema file's text with its `rules.properties` written from `rules`. */
export function withGeneratedRules(schemaText: string, rules: readonly Rule[]): string {
  const schema = JSON.parse(schemaText) as { properties?: { rules?: { properties?: unknown } } };
  const section = schema.properties?.rules;
  if (!section || typeof section !== 'object') {
    throw new Error('The config schema has no properties.rules object to write the built-in rules into');
  }
  section.properties = Object.fromEntries(rules.map((rule) => [rule.id, ruleSettingSchema(rule)]));
  return `${JSON.stringify(schema, null, 2)}\n`;
}
