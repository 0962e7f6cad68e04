/**
 * Checks across the built-in rules. Each rule's own behaviour is tested in builtin/<rule-id>.test.ts,
 * and its docs page's examples in ruleDocExamples.test.ts.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinRules } from '../../../src/core/rules/builtinRules';

const repoRoot = path.resolve(__dirname, '../../..');
const ruleTestsDir = path.join(__dirname, 'builtin');

describe('built-in rules', () => {
  it('every rule has a docs page path, tags, an options schema and valid defaults', () => {
    const ids = new Set<string>();
    for (const r of builtinRules) {
      assert.ok(!ids.has(r.id), r.id);
      ids.add(r.id);
      assert.equal(r.docs, `docs/rules/${r.id}.md`);
      assert.ok(existsSync(path.resolve(repoRoot, r.docs)), `${r.docs} exists`);
      assert.equal((r.optionsSchema as { type: string }).type, 'object');
      for (const key of Object.keys(r.defaultOptions)) {
        assert.ok(key in ((r.optionsSchema as { properties: object }).properties ?? {}), `${r.id}.${key}`);
      }
    }
  });

  it('the rules index (docs/rules/README.md) lists every rule with its description', () => {
    const index = readFileSync(path.join(repoRoot, 'docs/rules/README.md'), 'utf8');
    for (const r of builtinRules) {
      assert.ok(index.includes(`| [\`${r.id}\`](${r.id}.md) | ${r.description} |`), r.id);
    }
  });

  it('every rule has its own test file, and every test file there is a rule', () => {
    const files = readdirSync(ruleTestsDir).filter((f) => f.endsWith('.test.ts'));
    const expected = builtinRules.map((r) => `${r.id}.test.ts`);
    const missing = expected.filter((f) => !files.includes(f));
    assert.deepEqual(missing, [], `add test/unit/rules/builtin/${missing[0]} for the new rule`);
    const stray = files.filter((f) => !expected.includes(f));
    assert.deepEqual(stray, [], 'a test file for a rule that no longer exists (or a misspelt id)');
  });
});
