import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltinProfiles } from '../../../src/core/profiles/builtinProfiles';
import { estimateRequest } from '../../../src/core/energy/estimator';
import { CALIBRATION_ANCHORS } from './calibrationAnchors';

const profiles = new Map(loadBuiltinProfiles().map((p) => [p.id, p] as const));
const docs = fs.readFileSync(path.resolve(__dirname, '../../../docs/energy-model.md'), 'utf8');

describe('calibration against published per-query figures (ENERGY-MODEL.md §3)', () => {
  for (const anchor of CALIBRATION_ANCHORS) {
    it(`${anchor.id}: ${anchor.source}`, () => {
      const profile = profiles.get(anchor.model);
      assert.ok(profile, `no profile ${anchor.model}`);
      const e = estimateRequest(profile, anchor.scenario);
      const range = e[anchor.metric];
      assert.ok(range, `estimate has no ${anchor.metric}`);
      const shown = `[${range.low.toPrecision(3)}, ${range.central.toPrecision(3)}, ${range.high.toPrecision(3)}]`;
      if (anchor.boundary) {
        assert.ok(docs.includes(anchor.id), `boundary of ${anchor.id} is not documented in docs/energy-model.md`);
        if (anchor.boundary.anchorIs === 'below-central') assert.ok(anchor.figure < range.central, `${anchor.figure} vs ${shown}`);
        else assert.ok(anchor.figure > range.central, `${anchor.figure} vs ${shown}`);
        return;
      }
      assert.ok(range.low <= anchor.figure && anchor.figure <= range.high, `${anchor.figure} outside ${shown}`);
      if (anchor.centralWithinFactor) {
        const ratio = range.central / anchor.figure;
        assert.ok(ratio <= anchor.centralWithinFactor && ratio >= 1 / anchor.centralWithinFactor, `central ${shown} vs ${anchor.figure}`);
      }
    });
  }

  it('the high end covers the EcoLogits method for every built-in profile', () => {
    for (const p of profiles.values()) {
      if (p.local) continue;
      const e = estimateRequest(p, { inputTokens: 2000, outputTokens: 500 });
      assert.ok(e.energyWh.high >= e.ecologitsWh.high * (1 - 1e-12), p.id);
    }
  });
});
