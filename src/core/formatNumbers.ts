/**
 * How numbers read on every surface (CLI, hovers, status bar, report, chat, panel): tokens exactly,
 * estimates with two significant figures and a unit that fits.
 */
import type { Estimate3 } from './energy/estimate';

// Intl formatters are costly to create and these run on every keystroke (status bar): make each once.
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMALS = new Map<number, Intl.NumberFormat>();

export function formatTokens(n: number): string {
  return INTEGER.format(Math.round(n));
}

/** Compact token count for the status bar: 950, 12.3k, 1.25M. */
export function formatTokensShort(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n < 1_000_000) return `${trim(n / 1000, n < 10_000 ? 2 : 1)}k`;
  return `${trim(n / 1_000_000, 2)}M`;
}

function trim(x: number, decimals: number): string {
  return x.toFixed(decimals).replace(/\.?0+$/, '');
}

/** Two significant figures; estimates are ranges, more digits would claim false precision. */
export function significant(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  // toPrecision rounds 99.5 up to "1.0e+2"; Number() undoes the notation, the formatter groups.
  const rounded = Number(x.toPrecision(digits));
  const decimals = Math.min(20, Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(rounded)))));
  let format = DECIMALS.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
    DECIMALS.set(decimals, format);
  }
  return format.format(rounded);
}

const ENERGY_UNITS: [number, string][] = [
  [1000, 'kWh'],
  [1, 'Wh'],
  [1e-3, 'mWh'],
  [1e-6, 'µWh'],
];

export function formatWh(wh: number): string {
  const abs = Math.abs(wh);
  for (const [scale, unit] of ENERGY_UNITS) {
    if (abs >= scale) return `${significant(wh / scale)} ${unit}`;
  }
  return wh === 0 ? '0 Wh' : `${significant(wh / 1e-6)} µWh`;
}

export function formatGrams(g: number): string {
  const abs = Math.abs(g);
  if (abs >= 1000) return `${significant(g / 1000)} kg`;
  if (abs >= 1 || abs === 0) return `${significant(g)} g`;
  return `${significant(g * 1000)} mg`;
}

export function formatMl(ml: number): string {
  const abs = Math.abs(ml);
  if (abs >= 1000) return `${significant(ml / 1000)} L`;
  return `${significant(ml)} mL`;
}

/** "0.31 Wh (0.12–0.9 Wh)". */
export function formatRange(e: Estimate3, format: (x: number) => string): string {
  return `${format(e.central)} (${format(e.low)}–${format(e.high)})`;
}

export function percent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const p = (part / whole) * 100;
  return `${p < 10 ? significant(p) : Math.round(p)}%`;
}
