/**
 * Writes the generated tables of docs/energy-model.md (calibration anchors, peer comparison) from
 * the estimator: `npm run docs:energy`. With `--check` it only reports whether the page is stale
 * (test/unit/energy/anchorTables.test.ts does the same check in the unit tests).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltinProfiles } from '../../src/core/profiles/builtinProfiles';
import { estimateRequest } from '../../src/core/energy/estimator';
import { withGeneratedTables } from '../../src/core/energy/anchorTables';

const page = path.resolve(__dirname, '../energy-model.md');
const profiles = new Map(loadBuiltinProfiles().map((p) => [p.id, p] as const));
const before = fs.readFileSync(page, 'utf8');
const after = withGeneratedTables(before, (model, input) => {
  const profile = profiles.get(model);
  if (!profile) throw new Error(`src/core/energy/anchors.ts names the profile "${model}", which model-profiles/ does not have`);
  return estimateRequest(profile, input);
});
if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error('docs/energy-model.md is stale: run `npm run docs:energy`.');
    process.exit(1);
  }
  console.log('docs/energy-model.md tables are up to date.');
} else if (after !== before) {
  fs.writeFileSync(page, after);
  console.log('docs/energy-model.md: tables rewritten.');
} else {
  console.log('docs/energy-model.md: tables already up to date.');
}
