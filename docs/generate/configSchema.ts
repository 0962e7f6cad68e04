/**
 * Writes the `rules` section of src/core/config/mvp-config.schema.json from the built-in rules:
 * `npm run generate:schema`. With `--check` it only reports whether the file is stale
 * (test/unit/config/configSchemaGenerated.test.ts does the same check in the unit tests).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinRules } from '../../src/core/rules/builtinRules';
import { withGeneratedRules } from './configSchemaRules';

const file = path.resolve(__dirname, '../../src/core/config/mvp-config.schema.json');
const name = path.relative(process.cwd(), file);
const before = fs.readFileSync(file, 'utf8');
const after = withGeneratedRules(before, builtinRules);
if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error(`${name} is stale: run \`npm run generate:schema\`.`);
    process.exit(1);
  }
  console.log(`${name}: rules section is up to date.`);
} else if (after !== before) {
  fs.writeFileSync(file, after);
  console.log(`${name}: rules section rewritten (${builtinRules.length} rules).`);
} else {
  console.log(`${name}: rules section already up to date.`);
}
