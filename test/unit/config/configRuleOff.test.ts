import { strict as assert } from 'node:assert';
import { parse } from 'jsonc-parser';
import { configWithRuleOff } from '../../../src/core/config/configRuleOff';

describe('configWithRuleOff: turning a rule off in .mvp.jsonc', () => {
  it('adds the rule to an existing rules object, keeping comments and other entries', () => {
    const before = '// Team config\n{\n  "budgets": { "tokens": 15000 },\n  "rules": {\n    // off for a reason\n    "unreferenced-attachment": "off"\n  }\n}\n';
    const after = configWithRuleOff(before, 'pasted-log');
    assert.ok(after.includes('// Team config') && after.includes('// off for a reason'), after);
    assert.deepEqual(parse(after), { budgets: { tokens: 15000 }, rules: { 'unreferenced-attachment': 'off', 'pasted-log': 'off' } });
  });
  it('replaces a rule object ({ severity, options }) and creates "rules" when missing or the file is empty', () => {
    assert.deepEqual(parse(configWithRuleOff('{ "rules": { "pasted-log": { "severity": "error" } } }', 'pasted-log')), { rules: { 'pasted-log': 'off' } });
    assert.deepEqual(parse(configWithRuleOff('{ "model": "gpt-4o" }', 'base64-blob')), { model: 'gpt-4o', rules: { 'base64-blob': 'off' } });
    assert.deepEqual(parse(configWithRuleOff('', 'base64-blob')), { rules: { 'base64-blob': 'off' } });
  });
});
