import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { parseTree } from 'jsonc-parser';
import schema from '../../../src/core/config/mvp-config.schema.json';
import { checkAgainstSchema, type JsonSchema } from '../../../src/core/config/schemaCheck';
import { builtinRules } from '../../../src/core/rules/builtinRules';

/** Documents both validators must judge alike (valid → no errors; invalid → some error). */
const samples: [string, unknown, boolean][] = [
  ['empty', {}, true],
  ['full', { $schema: 'x', extends: ['./a.json', 'pkg', 'extension:a.b/c.json'], model: 'gpt-4o', region: 'SE', budgets: { tokens: 10, whPerRequest: 0.1, whPerSession: 2 }, files: ['**/*.md'], jsRules: ['./r.js'], rules: { 'context-window': { severity: 'error', options: { nearShare: 0.5 } }, 'team/x': 'warning', 'team/y': { options: { any: 1 } } }, declarativeRules: [{ id: 'a/b', kind: 'existence', message: 'm', tokens: ['x'], replacement: '' }] }, true],
  ['model number', { model: 1 }, false],
  ['unknown key', { colour: 'blue' }, false],
  ['extends string', { extends: './a.json' }, false],
  ['budget zero', { budgets: { whPerRequest: 0 } }, false],
  ['budget fraction tokens', { budgets: { tokens: 1.5 } }, false],
  ['bad severity', { rules: { 'pasted-log': 'loud' } }, false],
  ['bad severity in object', { rules: { 'pasted-log': { severity: 'loud' } } }, false],
  ['option out of range', { rules: { 'context-window': { options: { nearShare: 2 } } } }, false],
  ['unknown option', { rules: { 'large-json': { options: { nope: 1 } } } }, false],
  ['rule setting number', { rules: { 'large-json': 3 } }, false],
  ['declarative missing message', { declarativeRules: [{ id: 'a', kind: 'existence', tokens: ['x'] }] }, false],
  ['declarative bad kind', { declarativeRules: [{ id: 'a', kind: 'spelling', message: 'm' }] }, false],
  ['declarative empty tokens', { declarativeRules: [{ id: 'a', kind: 'existence', message: 'm', tokens: [] }] }, false],
  ['declarative swap values', { declarativeRules: [{ id: 'a', kind: 'substitution', message: 'm', swap: { a: 1 } }] }, false],
  ['profile without id', { profiles: [{ name: 'x' }] }, false],
];

describe('mvp-config.schema.json', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);

  for (const [name, doc, valid] of samples) {
    it(`Ajv and the positioned checker agree: ${name}`, () => {
      assert.equal(validate(doc), valid, JSON.stringify(validate.errors));
      const violations = checkAgainstSchema(parseTree(JSON.stringify(doc))!, schema as JsonSchema, schema as JsonSchema);
      assert.equal(violations.length === 0, valid, violations.map((v) => v.message).join('\n'));
    });
  }

  it('lists every built-in rule with its own options schema', () => {
    const rules = (schema.properties.rules as { properties: Record<string, { anyOf: { properties?: { options: unknown } }[] }> }).properties;
    assert.deepEqual(Object.keys(rules), builtinRules.map((r) => r.id));
    for (const r of builtinRules) assert.deepEqual(rules[r.id].anyOf[1].properties?.options, r.optionsSchema, r.id);
  });
});
