/**
 * Energy, carbon and water, the same on every surface. One figure has one style: the unit is the
 * one under which the value reads ≥ 1 ("38 mWh", never "0.038 Wh"), two significant figures; a
 * range is written in the unit of its upper end so both ends read in one unit ("0.12–3.3 Wh",
 * not "120 mWh–3.3 Wh"); an estimate is its central figure with "≈" and the range after it.
 * test/unit/format/unitStyles.test.ts scans every surface's output for figures that break this.
 */
import type { Estimate3 } from '../energy/estimate';
import { significant } from './numbers';

export type Quantity = 'wh' | 'carbonG' | 'waterMl';

interface UnitScale {
  /** Multiply a base-unit value by this to express it in `unit`. */
  factor: number;
  unit: string;
}

// Largest first: the first scale under which the value is ≥ 1 wins.
const SCALES: Record<Quantity, UnitScale[]> = {
  wh: [
    { factor: 1e-3, unit: 'kWh' },
    { factor: 1, unit: 'Wh' },
    { factor: 1e3, unit: 'mWh' },
    { factor: 1e6, unit: 'µWh' },
  ],
  carbonG: [
    { factor: 1e-3, unit: 'kg' },
    { factor: 1, unit: 'g' },
    { factor: 1e3, unit: 'mg' },
    { factor: 1e6, unit: 'µg' },
  ],
  waterMl: [
    { factor: 1e-3, unit: 'L' },
    { factor: 1, unit: 'mL' },
    { factor: 1e3, unit: 'µL' },
  ],
};

/** What follows a carbon figure on surfaces that name the gas. */
const SUFFIX: Record<Quantity, string> = { wh: '', carbonG: ' CO₂e', waterMl: '' };

function pickScale(quantity: Quantity, reference: number): UnitScale {
  const scales = SCALES[quantity];
  const magnitude = Math.abs(reference);
  if (magnitude === 0) return scales.find((s) => s.factor === 1)!;
  return scales.find((s) => magnitude * s.factor >= 1) ?? scales[scales.length - 1];
}

/** "38 mWh", "1.2 g", "4.5 mL". */
export function formatAmount(quantity: Quantity, value: number): string {
  const scale = pickScale(quantity, value);
  return `${significant(value * scale.factor)} ${scale.unit}`;
}

/** As formatAmount, with " CO₂e" after carbon: "1.2 g CO₂e". */
export function formatQuantity(quantity: Quantity, value: number): string {
  return `${formatAmount(quantity, value)}${SUFFIX[quantity]}`;
}

/** "0.12–3.3 Wh": both ends in the unit of the upper end. */
export function formatSpan(quantity: Quantity, range: Pick<Estimate3, 'low' | 'high'>, withSuffix = false): string {
  const scale = pickScale(quantity, range.high);
  const low = significant(range.low * scale.factor);
  const high = significant(range.high * scale.factor);
  const suffix = withSuffix ? SUFFIX[quantity] : '';
  return low === high ? `${high} ${scale.unit}${suffix}` : `${low}–${high} ${scale.unit}${suffix}`;
}

/** "≈410 mWh (0.12–3.3 Wh)": an estimate is a central figure within a range. */
export function formatEstimate(quantity: Quantity, e: Estimate3, withSuffix = false): string {
  return `≈${formatAmount(quantity, e.central)}${withSuffix ? SUFFIX[quantity] : ''} (${formatSpan(quantity, e, withSuffix)})`;
}

export const formatWh = (wh: number): string => formatAmount('wh', wh);
export const formatGrams = (g: number): string => formatAmount('carbonG', g);
export const formatMl = (ml: number): string => formatAmount('waterMl', ml);

const QUANTITY_OF = new Map<(x: number) => string, Quantity>([
  [formatWh, 'wh'],
  [formatGrams, 'carbonG'],
  [formatMl, 'waterMl'],
]);

/**
 * "410 mWh (0.12–3.3 Wh)" for an estimate and one of formatWh/formatGrams/formatMl: the central
 * figure, then the range in one unit. (Any other formatter is applied to each figure as is.)
 */
export function formatRange(e: Estimate3, format: (x: number) => string): string {
  const quantity = QUANTITY_OF.get(format);
  return quantity ? `${formatAmount(quantity, e.central)} (${formatSpan(quantity, e)})` : `${format(e.central)} (${format(e.low)}–${format(e.high)})`;
}
