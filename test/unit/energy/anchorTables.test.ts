import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltinProfiles } from '../../../src/core/profiles/builtinProfiles';
import { estimateRequest } from '../../../src/core/energy/estimator';
import { GENERATED_TABLES, sig3, withGeneratedTables } from '../../../src/core/energy/anchorTables';
import { ENERGY_ANCHORS } from '../../../src/core/energy/anchors';

const profiles = new Map(loadBuiltinProfiles().map((p) => [p.id, p] as const));
const estimate = (model: string, input: Parameters<typeof estimateRequest>[1]) => estimateRequest(profiles.get(model)!, input);
const page = fs.readFileSync(path.resolve(__dirname, '../../../docs/energy-model.md'), 'utf8');

describe('docs/energy-model.md generated tables', () => {
  it('are what the estimator computes now (run `npm run docs:energy` when this fails)', () => {
    assert.equal(withGeneratedTables(page, estimate), page);
  });

  it('the calibration table has one row per anchor, the peer table covers the six peer sources', () => {
    const cal = GENERATED_TABLES.calibration.render(estimate);
    for (const a of ENERGY_ANCHORS) assert.ok(cal.includes(`| \`${a.id}\` |`), a.id);
    const peers = GENERATED_TABLES.peers.render(estimate);
    for (const name of ['Jegham et al.', 'ML.ENERGY v3', 'Oviedo et al. v2', 'Epoch AI', 'Google', 'Mistral LCA']) assert.ok(peers.includes(`| ${name}`), name);
  });

  it('a page without markers is reported, not silently rewritten', () => {
    assert.throws(() => withGeneratedTables('# no markers', estimate), /missing the markers/);
  });

  it('numbers are shown with three significant figures', () => {
    assert.equal(sig3(0.30512), '0.305');
    assert.equal(sig3(36.71), '36.7');
    assert.equal(sig3(389.4), '389');
    assert.equal(sig3(0.0044213), '0.00442');
  });
});
