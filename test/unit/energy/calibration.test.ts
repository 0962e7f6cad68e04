/**
 * Every published anchor of src/core/energy/anchors.ts, checked on the slice of our estimate that
 * matches its boundary (docs/energy-model.md §3 explains each role).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltinProfiles } from '../../../src/core/profiles/builtinProfiles';
import { estimateRequest } from '../../../src/core/energy/estimator';
import { CENTRAL_WITHIN_FACTOR, ENERGY_ANCHORS, compareAnchor } from '../../../src/core/energy/anchors';
import type { RequestInput } from '../../../src/core/energy/estimate';

const profiles = new Map(loadBuiltinProfiles().map((p) => [p.id, p] as const));
const docs = fs.readFileSync(path.resolve(__dirname, '../../../docs/energy-model.md'), 'utf8');
const estimate = (model: string, input: RequestInput) => {
  const profile = profiles.get(model);
  assert.ok(profile, `no profile ${model}`);
  return estimateRequest(profile, input);
};

describe('calibration against published per-query figures (src/core/energy/anchors.ts)', () => {
  for (const anchor of ENERGY_ANCHORS) {
    it(`${anchor.id} [${anchor.role}]: ${anchor.source}`, () => {
      const c = compareAnchor(anchor, estimate);
      const shown = `${anchor.figure} vs ours [${c.ours.low.toPrecision(3)}, ${c.ours.central.toPrecision(3)}, ${c.ours.high.toPrecision(3)}] on ${anchor.slice}`;
      assert.ok(docs.includes(`\`${anchor.id}\``), `${anchor.id} is not in docs/energy-model.md (run npm run docs:energy)`);
      if (anchor.role === 'disagreement') {
        assert.ok(anchor.why, 'a disagreement states why');
        if (anchor.lies === 'above-high') assert.ok(anchor.figure > c.ours.high, shown);
        else assert.ok(anchor.figure < c.ours.low, shown);
        return;
      }
      assert.ok(c.inside, `outside: ${shown}`);
      if (anchor.role === 'calibration' || anchor.role === 'fitted') {
        assert.ok(c.ratio <= CENTRAL_WITHIN_FACTOR && c.ratio >= 1 / CENTRAL_WITHIN_FACTOR, `central off by ${c.ratio.toFixed(2)}×: ${shown}`);
      }
    });
  }

  it('every anchor has a source URL, a scenario in words and a boundary', () => {
    const ids = new Set<string>();
    for (const a of ENERGY_ANCHORS) {
      assert.ok(!ids.has(a.id), `duplicate ${a.id}`);
      ids.add(a.id);
      assert.match(a.url, /^https:\/\//);
      assert.ok(a.scenarioText.length > 5 && a.boundary.length > 5, a.id);
      assert.ok(profiles.has(a.model), `${a.id}: no profile ${a.model}`);
    }
  });

  it('the high end covers the EcoLogits method for every built-in profile', () => {
    for (const p of profiles.values()) {
      if (p.local) continue;
      const e = estimateRequest(p, { inputTokens: 2000, outputTokens: 500 });
      assert.ok(e.energyWh.high >= e.ecologitsWh.high * (1 - 1e-12), p.id);
    }
  });

  it('the boundary breakdown adds up: accelerators + host + PUE overhead = energy', () => {
    for (const p of profiles.values()) {
      const e = estimateRequest(p, { inputTokens: 5000, cachedInputTokens: 1000, outputTokens: 400 });
      for (const b of ['low', 'central', 'high'] as const) {
        const sum = e.breakdown!.gpuWh[b] + e.breakdown!.hostWh[b] + e.breakdown!.pueOverheadWh[b];
        assert.ok(Math.abs(sum - e.energyWh[b]) <= 1e-12 * e.energyWh[b], `${p.id} ${b}`);
        assert.ok(e.breakdown!.pueOverheadWh[b] >= 0);
      }
      assert.deepEqual(e.breakdown!.embodiedCarbonG, e.embodiedCarbonG);
    }
  });
});
