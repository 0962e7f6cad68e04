import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinRules } from '../../../src/core/rules/builtinRules';
import { defineRule } from '../../../src/core/rules/defineRule';
import { ruleSettingSchema, withGeneratedRules } from '../../../docs/generate/configSchemaRules';

const SCHEMA_FILE = path.resolve(__dirname, '../../../src/core/config/mvp-config.schema.json');

describe('generated rules section of mvp-config.schema.json', () => {
  it('is what the built-in rules generate (run `npm run generate:schema` when this fails)', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const generated = withGeneratedRules(committed, builtinRules);
    assert.ok(
      generated === committed,
      'src/core/config/mvp-config.schema.json differs from the built-in rules: run `npm run generate:schema` and commit the result',
    );
  });

  it('writes each rule with its description, default, docs page and options with their defaults', () => {
    const rule = defineRule({
      id: 'sample-rule',
      description: 'A sample',
      tags: [],
      defaultSeverity: 'info',
      enabledByDefault: false,
      optionsSchema: { limit: { type: 'integer', minimum: 1, description: 'Most allowed.' } },
      defaultOptions: { limit: 3 },
      check: () => [],
    });
    const setting = ruleSettingSchema(rule) as { description: string; anyOf: { properties?: { options: unknown } }[] };
    assert.equal(setting.description, 'A sample. Default: off (info when on). See docs/rules/sample-rule.md.');
    assert.deepEqual(setting.anyOf[1].properties?.options, {
      type: 'object',
      properties: { limit: { type: 'integer', minimum: 1, description: 'Most allowed.', default: 3 } },
      additionalProperties: false,
    });
  });

  it('replaces only the rules properties and keeps the rest of the schema', () => {
    const text = `${JSON.stringify({ title: 't', properties: { model: { type: 'string' }, rules: { description: 'd', properties: { old: {} } } } }, null, 2)}\n`;
    const written = JSON.parse(withGeneratedRules(text, builtinRules.slice(0, 1)));
    assert.equal(written.title, 't');
    assert.deepEqual(written.properties.model, { type: 'string' });
    assert.equal(written.properties.rules.description, 'd');
    assert.deepEqual(Object.keys(written.properties.rules.properties), [builtinRules[0].id]);
  });

  it('says what is wrong when the schema has no rules section', () => {
    assert.throws(() => withGeneratedRules('{"properties": {}}', builtinRules), /no properties\.rules object/);
  });
});
