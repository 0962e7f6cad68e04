import * as assert from 'node:assert/strict';
import { runCli } from '../cli/cliHarness';

describe('mvp estimate --format json: energy.breakdown', () => {
  it('gives accelerators, host and PUE overhead that add up to energy.wh, and the embodied share', async () => {
    const { code, stdout } = await runCli(['estimate', '--model', 'gemini-2.5-flash', '--input', '1000', '--output', '400', '--format', 'json']);
    assert.equal(code, 0);
    const out = JSON.parse(stdout);
    const { wh, breakdown } = out.energy;
    for (const b of ['low', 'central', 'high']) {
      const sum = breakdown.gpuWh[b] + breakdown.hostWh[b] + breakdown.pueOverheadWh[b];
      assert.ok(Math.abs(sum - wh[b]) <= 1e-12 * wh[b], b);
    }
    assert.deepEqual(breakdown.embodiedCarbonG, out.carbon.embodiedG);
    // Google's accelerator-only 0.10 Wh for its median prompt lies on this slice, not on the whole.
    assert.ok(breakdown.gpuWh.low <= 0.1 && 0.1 <= breakdown.gpuWh.high);
    assert.match(out.method.version, /mvp-energy 2\.1\.0/);
  });
});
