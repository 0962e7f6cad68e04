import * as assert from 'node:assert/strict';
import { findGridZone, gridZoneOrWorld, listGridZones } from '../../../src/core/energy/gridIntensity';
import { equivalence, equivalences, EQUIVALENCE_DEVICES } from '../../../src/core/energy/equivalences';

describe('grid intensity table', () => {
  it('states the year and source of every zone, and EcoLogits\' figure differs by at most 1.27× (France) where it has one', () => {
    let widest = 1;
    for (const z of listGridZones()) {
      assert.ok(z.carbonYear >= 2020 && z.carbonSource.length > 10, z.zone);
      if (z.ecologitsGCO2PerKWh !== undefined) {
        const ratio = Math.max(z.gCO2PerKWh / z.ecologitsGCO2PerKWh, z.ecologitsGCO2PerKWh / z.gCO2PerKWh);
        widest = Math.max(widest, ratio);
      }
    }
    assert.ok(widest > 1.26 && widest < 1.28, String(widest));
    assert.equal(findGridZone('FR')!.ecologitsGCO2PerKWh, 44.18);
  });

  it('has every zone the product promises, with plausible figures', () => {
    for (const z of ['WORLD', 'USA', 'EU', 'FR', 'DE', 'SE', 'GB', 'IE', 'NL', 'IN', 'CN', 'JP', 'AU', 'CA', 'BR']) {
      const zone = findGridZone(z);
      assert.ok(zone, z);
      assert.ok(zone.gCO2PerKWh > 10 && zone.gCO2PerKWh < 1000, z);
      assert.ok(zone.waterLPerKWh > 0, z);
    }
    assert.ok(listGridZones().length >= 15);
  });

  it('accepts ISO alpha-3 codes, names and any case', () => {
    assert.equal(findGridZone('fra')?.zone, 'FR');
    assert.equal(findGridZone('Sweden')?.zone, 'SE');
    assert.equal(findGridZone('uk')?.zone, 'GB');
    assert.equal(findGridZone('WOR')?.zone, 'WORLD');
    assert.equal(findGridZone('nowhere'), undefined);
  });

  it('orders clean and dirty grids as expected', () => {
    const g = (z: string) => findGridZone(z)!.gCO2PerKWh;
    assert.ok(g('SE') < g('FR') && g('FR') < g('USA') && g('USA') < g('IN'));
  });

  it('falls back to the world average and says so', () => {
    assert.deepEqual(gridZoneOrWorld('XX').fellBack, true);
    assert.equal(gridZoneOrWorld('XX').zone.zone, 'WORLD');
    assert.equal(gridZoneOrWorld(undefined).fellBack, false);
  });
});

describe('equivalences', () => {
  it('runtime = Wh × 3600 / W', () => {
    const led = EQUIVALENCE_DEVICES.find((d) => d.id === 'led-bulb')!;
    const eq = equivalence(1, led);
    assert.equal(eq.value, 360); // 1 Wh runs a 10 W bulb for 360 s
    assert.equal(eq.text, '6.0 minutes of a LED bulb (10 W)');
  });

  it('a phone charge is a share of a stated 15 Wh battery', () => {
    const phone = EQUIVALENCE_DEVICES.find((d) => d.id === 'phone-charge')!;
    assert.equal(equivalence(0.3, phone).value, 0.02);
    assert.equal(equivalence(0.3, phone).text, '2.0% of a smartphone charge');
    assert.equal(equivalence(30, phone).text, '2.0 smartphone charges');
  });

  it('every device states its assumption and source', () => {
    for (const d of EQUIVALENCE_DEVICES) {
      assert.ok(d.assumption.length > 20, d.id);
      assert.match(d.source.url, /^https:\/\//);
      assert.ok(d.kind === 'runtime' ? d.watts! > 0 : d.wh! > 0);
    }
    assert.equal(equivalences(1).length, EQUIVALENCE_DEVICES.length);
  });

  it('never shows NaN for bad input', () => {
    for (const e of equivalences(Number.NaN)) assert.equal(e.value, 0);
  });
});
