/**
 * How the panel writes numbers. Estimates are uncertain by a factor of several, so energy, carbon
 * and water get two significant digits (more would claim a precision nobody has); token counts
 * are exact and get all their digits. A range is written in the unit of its upper end so both
 * ends read in one unit ("0.21–1.3 Wh", not "210 mWh–1.3 Wh").
 */
import type { Estimate3 } from '../../core/energy/estimate';
import { significant } from '../../core/formatNumbers';

interface UnitScale {
  /** Multiply a base-unit value by this to express it in `unit`. */
  factor: number;
  unit: string;
}

// Largest first: the first scale under which the value is ≥ 1 wins.
const WH_SCALES: UnitScale[] = [
  { factor: 1e-3, unit: 'kWh' },
  { factor: 1, unit: 'Wh' },
  { factor: 1e3, unit: 'mWh' },
  { factor: 1e6, unit: 'µWh' },
];
const GRAM_SCALES: UnitScale[] = [
  { factor: 1e-3, unit: 'kg CO₂e' },
  { factor: 1, unit: 'g CO₂e' },
  { factor: 1e3, unit: 'mg CO₂e' },
  { factor: 1e6, unit: 'µg CO₂e' },
];
const ML_SCALES: UnitScale[] = [
  { factor: 1e-3, unit: 'L' },
  { factor: 1, unit: 'mL' },
  { factor: 1e3, unit: 'µL' },
];

export type Quantity = 'wh' | 'carbonG' | 'waterMl';

const SCALES: Record<Quantity, UnitScale[]> = { wh: WH_SCALES, carbonG: GRAM_SCALES, waterMl: ML_SCALES };

function pickScale(scales: UnitScale[], reference: number): UnitScale {
  const magnitude = Math.abs(reference);
  for (const scale of scales) {
    if (magnitude * scale.factor >= 1) {
      return scale;
    }
  }
  return scales[scales.length - 1];
}

// Intl formatters are costly to create and the panel formats hundreds of numbers per update.
const INTEGER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatQuantity(quantity: Quantity, value: number): string {
  const scale = pickScale(SCALES[quantity], value);
  return `${significant(value * scale.factor)} ${scale.unit}`;
}

/** "0.21–1.3 Wh": both ends in the unit of the upper end. */
export function formatRange(quantity: Quantity, range: Estimate3): string {
  const scale = pickScale(SCALES[quantity], range.high);
  const low = significant(range.low * scale.factor);
  const high = significant(range.high * scale.factor);
  return low === high ? `${high} ${scale.unit}` : `${low}–${high} ${scale.unit}`;
}

export function formatInteger(value: number): string {
  return INTEGER_FORMAT.format(Math.round(value));
}

/** "12.3k" style, for chart axes and tight spots; exact counts go through formatInteger. */
export function formatCompactInteger(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6) {
    return `${significant(value / 1e6, 3)}M`;
  }
  if (magnitude >= 1e3) {
    return `${significant(value / 1e3, 3)}k`;
  }
  return formatInteger(value);
}

export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  if (percent > 0 && percent < 0.1) {
    return '<0.1%';
  }
  return `${significant(percent, percent >= 10 ? 3 : 2)}%`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(count)} ${count === 1 ? singular : pluralForm}`;
}
