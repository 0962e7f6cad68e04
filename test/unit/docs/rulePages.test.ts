import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinRules } from '../../../src/core/rules/builtinRules';
import { defaultSettingText } from '../../../docs/generate/configSchemaRules';

const ROOT = path.resolve(__dirname, '../../..');

/** The `| \`name\` | \`default\` | meaning |` rows of a page's "## Options" table. */
function optionRows(page: string): Map<string, string> {
  const section = /^## Options\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(page)?.[1] ?? '';
  return new Map([...section.matchAll(/^\| `([^`]+)` \| `([^`]+)` \|/gm)].map((m) => [m[1], m[2]]));
}

describe('each rule page (docs/rules/<id>.md, hand-kept)', () => {
  for (const rule of builtinRules) {
    it(`${rule.id}: its options table and default match the rule`, () => {
      const page = readFileSync(path.join(ROOT, rule.docs), 'utf8');
      const fix = `edit ${rule.docs} to match src/core/rules/builtin/`;
      const documented = optionRows(page);
      assert.deepEqual(
        [...documented.keys()].sort(),
        Object.keys(rule.defaultOptions).sort(),
        `${rule.id}: the Options table lists other options than the rule: ${fix}`,
      );
      for (const [name, value] of Object.entries(rule.defaultOptions)) {
        assert.equal(documented.get(name), JSON.stringify(value), `${rule.id}.${name}: documented default: ${fix}`);
      }
      const header = /^\*\*Default:\*\* (.+?) · \*\*Tags:\*\* (.+?) · /m.exec(page);
      if (header) {
        // The header may add a note after the default ("warning (error when over the window)").
        assert.ok(header[1].startsWith(defaultSettingText(rule)), `${rule.id}: default "${header[1]}": ${fix}`);
        assert.deepEqual(header[2].split(', '), rule.tags, `${rule.id}: tags: ${fix}`);
      }
    });
  }
});
