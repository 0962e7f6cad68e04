/** How numbers read on every surface: same rounding in the CLI, hovers, status bar and panel. */
import type { Estimate3 } from './energy/estimate';

export function formatTokens(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Two significant digits is all an estimate with a 3× band deserves. */
function sig(n: number, digits = 2): string {
  if (n === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(n)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return n.toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

export function formatWh(wh: number): string {
  if (wh !== 0 && Math.abs(wh) < 0.01) return `${sig(wh * 1000)} mWh`;
  if (Math.abs(wh) >= 1000) return `${sig(wh / 1000)} kWh`;
  return `${sig(wh)} Wh`;
}

export function formatGrams(g: number): string {
  if (g !== 0 && Math.abs(g) < 0.01) return `${sig(g * 1000)} mg`;
  if (Math.abs(g) >= 1000) return `${sig(g / 1000)} kg`;
  return `${sig(g)} g`;
}

export function formatMl(ml: number): string {
  if (Math.abs(ml) >= 1000) return `${sig(ml / 1000)} L`;
  return `${sig(ml)} mL`;
}

/** "0.31 Wh (0.12–0.95)": the central value, then the range. */
export function formatRange(e: Estimate3, unit: (n: number) => string): string {
  return `${unit(e.central)} (${unit(e.low)}–${unit(e.high)})`;
}

export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const p = (part / whole) * 100;
  return `${p < 10 && p > 0 ? p.toFixed(1) : Math.round(p)}%`;
}
