import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinRules } from '../../../src/core/rules/builtinRules';
import { defaultSettingText } from '../../../docs/generate/configSchemaRules';

/** The rows of docs/rules/README.md's table: rule, what it reports, default, fix. */
function indexRows(): { id: string; link: string; description: string; setting: string }[] {
  const index = readFileSync(path.resolve(__dirname, '../../../docs/rules/README.md'), 'utf8');
  return [...index.matchAll(/^\| \[`([^`]+)`\]\(([^)]+)\) \| (.+?) \| (.+?) \| .+ \|$/gm)].map((m) => ({
    id: m[1],
    link: m[2],
    description: m[3],
    setting: m[4],
  }));
}

describe('the rules index (docs/rules/README.md, hand-kept)', () => {
  const rows = indexRows();
  const fix = 'edit its table row in docs/rules/README.md';

  it('lists every built-in rule once, in the engine order', () => {
    assert.deepEqual(
      rows.map((r) => r.id),
      builtinRules.map((r) => r.id),
      fix,
    );
  });

  it('gives each rule its page, its description and its default as the rule declares them', () => {
    for (const rule of builtinRules) {
      const row = rows.find((r) => r.id === rule.id);
      assert.ok(row, `${rule.id} is missing: ${fix}`);
      assert.equal(row.link, `${rule.id}.md`, `${rule.id}: ${fix}`);
      assert.equal(row.description, rule.description, `${rule.id}: ${fix}`);
      // The column may add a note after the default ("warning (info for minor problems)").
      assert.ok(
        row.setting.startsWith(defaultSettingText(rule)),
        `${rule.id}: default "${row.setting}" should start with "${defaultSettingText(rule)}": ${fix}`,
      );
    }
  });
});
