/**
 * `ecologitsWh` is the EcoLogits figure: checked against a table computed by EcoLogits' own code
 * (version 0.9.1, commit 2d0a1c7, MPL-2.0) for 17 models × 3 output lengths, with the provider's
 * own PUE and WUE. The table and the script that made it are in ./fixtures/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltinProfiles } from '../../../src/core/profiles/builtinProfiles';
import { ecologitsWh } from '../../../src/core/energy/estimator';
import { ecologitsRequest, ecologitsWaterMl } from '../../../src/core/energy/ecologits';
import { ECOLOGITS_ELECTRICITY_MIXES, ECOLOGITS_PROVIDERS, ecologitsProviderFor } from '../../../src/core/energy/ecologitsProviders';

interface Bounds { min: number; max: number }
interface ReferenceRow {
  provider: keyof typeof ECOLOGITS_PROVIDERS;
  model: string;
  profile: string;
  outputTokens: number;
  totalParamsB: Bounds;
  activeParamsB: Bounds;
  pue: Bounds;
  wue: Bounds;
  zone: 'USA' | 'SWE';
  gridGwpKgPerKWh: number;
  gridWaterLPerKWh: number;
  energyKWh: Bounds;
  usageGwpKg: Bounds;
  embodiedGwpKg: Bounds;
  waterL: Bounds;
}

const reference = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures/ecologits-0.9.1-reference.json'), 'utf8')) as {
  ecologits: { version: string; commit: string };
  rows: ReferenceRow[];
};
const profiles = new Map(loadBuiltinProfiles().map((p) => [p.id, p] as const));
const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected), `${what}: ${actual} vs EcoLogits ${expected}`);

describe(`EcoLogits ${reference.ecologits.version} parity (reference computed by EcoLogits' own code)`, () => {
  it('covers at least 10 models', () => {
    assert.ok(new Set(reference.rows.map((r) => r.profile)).size >= 10);
  });

  for (const row of reference.rows) {
    it(`${row.profile} (${row.provider}/${row.model}), ${row.outputTokens} output tokens`, () => {
      const profile = profiles.get(row.profile);
      assert.ok(profile, `no profile ${row.profile}`);
      // The profile still carries EcoLogits' parameter estimates, and maps to the same provider.
      assert.deepEqual(profile.parameters.total, row.totalParamsB, 'total parameters differ from EcoLogits models.json');
      assert.deepEqual(profile.parameters.active, row.activeParamsB, 'active parameters differ from EcoLogits models.json');
      assert.equal(ecologitsProviderFor(profile), row.provider);
      const provider = ECOLOGITS_PROVIDERS[row.provider];
      assert.deepEqual(provider.pue, row.pue);
      assert.deepEqual(provider.wue, row.wue);
      assert.equal(provider.zone, row.zone);
      const mix = ECOLOGITS_ELECTRICITY_MIXES[row.zone];
      assert.equal(mix.gwpKgPerKWh, row.gridGwpKgPerKWh);
      assert.equal(mix.wueLPerKWh, row.gridWaterLPerKWh);

      const ours = ecologitsWh(profile, row.outputTokens);
      close(ours.low, row.energyKWh.min * 1000, 'energy low');
      close(ours.high, row.energyKWh.max * 1000, 'energy high');
      close((ours.low * mix.gwpKgPerKWh), row.usageGwpKg.min * 1000, 'usage carbon low (g)');
      close((ours.high * mix.gwpKgPerKWh), row.usageGwpKg.max * 1000, 'usage carbon high (g)');
      for (const [bound, active, total] of [
        ['min', row.activeParamsB.min, row.totalParamsB.min],
        ['max', row.activeParamsB.max, row.totalParamsB.max],
      ] as const) {
        const r = ecologitsRequest({ activeParamsB: active, totalParamsB: total, outputTokens: row.outputTokens, pue: provider.pue[bound] });
        close(r.embodiedG, row.embodiedGwpKg[bound] * 1000, `embodied ${bound} (g)`);
        close(ecologitsWaterMl(r.energyWh, provider.pue[bound], provider.wue[bound], mix.wueLPerKWh), row.waterL[bound] * 1000, `water ${bound} (mL)`);
      }
    });
  }

  it("EcoLogits' water is PUE × ours for the same energy (the documented formula difference)", () => {
    const energyWh = 1.7, pue = 1.2, wue = 0.569, grid = 3.1321;
    const ours = (energyWh / pue) * wue + energyWh * grid; // WUE on IT energy, grid water on facility energy
    close(ecologitsWaterMl(energyWh, pue, wue, grid), pue * ours, 'water ratio');
  });

  it('a profile PUE different from EcoLogits does not change ecologitsWh (open models use huggingface_hub 1.09–1.14)', () => {
    const llama = profiles.get('llama-3.1-70b')!;
    assert.deepEqual(llama.dataCentre.pue, { min: 1.1, max: 1.56 });
    const row = reference.rows.find((r) => r.profile === 'llama-3.1-70b' && r.outputTokens === 500)!;
    close(ecologitsWh(llama, 500).high, row.energyKWh.max * 1000, 'llama-3.1-70b high');
  });
});
