import assert from 'node:assert/strict';
import {
  formatCompactInteger,
  formatEstimate,
  formatInteger,
  formatPercent,
  formatQuantity,
  formatRange,
  formatSpan,
  formatWh,
  significant,
} from '../../../src/core/format';

describe('core/format: one style for every surface', () => {
  it('keeps two significant digits without exponent notation', () => {
    assert.equal(significant(0.004237), '0.0042');
    assert.equal(significant(1234.5), '1,200');
    assert.equal(significant(99.6), '100');
    assert.equal(significant(0), '0');
    assert.equal(significant(Number.NaN), '—');
    assert.equal(significant(1e-30), '0');
  });

  it('picks the unit that keeps the value at or above 1', () => {
    assert.equal(formatQuantity('wh', 0.42), '420 mWh');
    assert.equal(formatQuantity('wh', 1.26), '1.3 Wh');
    assert.equal(formatQuantity('wh', 2500), '2.5 kWh');
    assert.equal(formatQuantity('wh', 0.0000042), '4.2 µWh');
    assert.equal(formatQuantity('carbonG', 0.03), '30 mg CO₂e');
    assert.equal(formatQuantity('waterMl', 0.26), '260 µL');
    assert.equal(formatQuantity('waterMl', 45), '45 mL');
  });

  it('writes a range in the unit of its upper end', () => {
    assert.equal(formatSpan('wh', { low: 0.21, high: 1.3 }), '0.21–1.3 Wh');
    assert.equal(formatSpan('wh', { low: 0.0021, high: 0.013 }), '2.1–13 mWh');
    assert.equal(formatSpan('wh', { low: 1, high: 1 }), '1 Wh');
  });

  it('writes an estimate as ≈central (range in one unit); the legacy formatRange agrees', () => {
    const e = { low: 0.12, central: 0.41, high: 3.3 };
    assert.equal(formatEstimate('wh', e), '≈410 mWh (0.12–3.3 Wh)');
    assert.equal(formatRange(e, formatWh), '410 mWh (0.12–3.3 Wh)');
    assert.equal(formatSpan('carbonG', { low: 0.0012, high: 0.0034 }, true), '1.2–3.4 mg CO₂e');
    assert.equal(formatWh(0), '0 Wh');
  });

  it('writes token counts exactly, compact only where asked', () => {
    assert.equal(formatInteger(48212), '48,212');
    assert.equal(formatCompactInteger(48212), '48.2k');
    assert.equal(formatCompactInteger(1_250_000), '1.25M');
    assert.equal(formatCompactInteger(999), '999');
  });

  it('writes shares as percentages, tiny ones as <0.1%', () => {
    assert.equal(formatPercent(0.096), '9.6%');
    assert.equal(formatPercent(0.4531), '45.3%');
    assert.equal(formatPercent(0.0004), '<0.1%');
    assert.equal(formatPercent(0), '0%');
  });
});
