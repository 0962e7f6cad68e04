import assert from 'node:assert/strict';
import { groupedDecimal } from '../../../src/core/format/groupedDecimal';
import { formatInteger, significant } from '../../../src/core/format';

// The reference: what the formatter replaced. Intl stays in this test only.
const intl = new Map<number, Intl.NumberFormat>();
function reference(value: number, maxFractionDigits: number): string {
  let format = intl.get(maxFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxFractionDigits, minimumFractionDigits: 0 });
    intl.set(maxFractionDigits, format);
  }
  return format.format(value);
}

// A fixed seed: a failure names a value that fails again on the next run.
function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function randomDoubles(count: number): number[] {
  const random = xorshift(20261204);
  const bits = new DataView(new ArrayBuffer(8));
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    // Across magnitudes: a random mantissa times 10^-30 … 10^30.
    values.push(random() * 10 ** Math.floor(random() * 61 - 30));
    // Any bit pattern: subnormals, huge values, every exponent.
    bits.setUint32(0, Math.floor(random() * 2 ** 32));
    bits.setUint32(4, Math.floor(random() * 2 ** 32));
    const anyDouble = bits.getFloat64(0);
    if (Number.isFinite(anyDouble)) values.push(anyDouble);
    // Few decimals, as counts, shares and energy figures have.
    values.push(Math.round(random() * 10 ** Math.floor(random() * 12)) / 10 ** Math.floor(random() * 8));
    // Ties: a 5 just past the kept decimals, as written in source (so their doubles sit either side of it).
    const decimals = Math.floor(random() * 6);
    values.push(
      Number(
        `${Math.floor(random() * 100_000)}.${String(Math.floor(random() * 10 ** decimals)).padStart(decimals, '0')}5`,
      ),
    );
  }
  return values;
}

const NAMED = [
  0,
  -0,
  0.5,
  1.5,
  2.5,
  -0.5,
  -1.5,
  -2.5,
  1.005,
  2.675,
  1.45,
  8.345,
  0.045,
  1.0049999999999999,
  0.1 + 0.2,
  9.995,
  99.95,
  999.5,
  0.0005,
  0.00049,
  123456.789,
  1234.5678,
  999_999.5,
  1e15 + 0.5,
  2 ** 53,
  2 ** 53 + 2,
  1e21,
  -1e21,
  2 ** 70,
  1.2345678901234567e25,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  1e-7,
  5e-7,
  -5e-7,
  1e-300,
  4.35,
  1.255,
  -0.0001,
  1000,
  1_000_000,
  12_345_678.9,
];

describe('core/format/groupedDecimal: en-US numbers without Intl', () => {
  it('writes what Intl.NumberFormat("en-US") writes, for 0 to 20 decimals, over named and random doubles', () => {
    const values = [...NAMED, ...randomDoubles(1200)];
    const negatives = values.map((v) => -v);
    let compared = 0;
    for (const value of [...values, ...negatives]) {
      for (let decimals = 0; decimals <= 20; decimals++) {
        const expected = reference(value, decimals);
        const actual = groupedDecimal(value, decimals);
        if (actual !== expected)
          assert.fail(`groupedDecimal(${value}, ${decimals}) = ${actual}, Intl writes ${expected}`);
        compared++;
      }
    }
    assert.ok(compared > 150_000);
  });

  it('writes NaN, infinities, -0 and grouping as Intl does', () => {
    assert.equal(groupedDecimal(Number.NaN, 2), 'NaN');
    assert.equal(groupedDecimal(Infinity, 0), '∞');
    assert.equal(groupedDecimal(-Infinity, 2), '-∞');
    assert.equal(groupedDecimal(-0, 0), '-0');
    assert.equal(groupedDecimal(-0.0001, 2), '-0');
    assert.equal(groupedDecimal(1234567.891, 2), '1,234,567.89');
    assert.equal(groupedDecimal(2 ** 70, 0), '1,180,591,620,717,411,300,000');
  });

  it('rounds the shortest decimal of the double half away from zero, as V8 Intl does (not as toFixed)', () => {
    assert.equal(groupedDecimal(1.005, 2), '1.01');
    assert.equal((1.005).toFixed(2), '1.00');
    assert.equal(groupedDecimal(2.675, 2), '2.68');
    assert.equal(groupedDecimal(-2.5, 0), '-3');
    assert.equal(groupedDecimal(999.95, 1), '1,000');
  });

  it('keeps formatInteger and significant as they were with Intl', () => {
    for (const value of [...NAMED, ...randomDoubles(200)]) {
      for (const v of [value, -value]) {
        assert.equal(formatInteger(v), reference(Math.round(v), 0));
        const rounded = Number(v.toPrecision(2));
        if (Number.isFinite(v) && v !== 0 && Math.abs(rounded) > 0) {
          const decimals = Math.min(20, Math.max(0, 1 - Math.floor(Math.log10(Math.abs(rounded)))));
          assert.equal(significant(v), reference(rounded, decimals));
        }
      }
    }
  });
});
