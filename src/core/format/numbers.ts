/**
 * Counts and shares, the same on every surface (CLI, hovers, status bar, report, chat, panel):
 * token counts exact with grouping, estimates with two significant figures (more would claim a
 * precision nobody has).
 */
import { groupedDecimal } from './groupedDecimal';

/** "12,345": exact counts (tokens, rows, turns). */
export function formatInteger(n: number): string {
  return groupedDecimal(Math.round(n), 0);
}

/** Token counts are exact: all their digits, grouped. */
export const formatTokens = formatInteger;

/** Compact token count for the status bar: 950, 12.3k, 1.25M. */
export function formatTokensShort(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n < 1_000_000) return `${trim(n / 1000, n < 10_000 ? 2 : 1)}k`;
  return `${trim(n / 1_000_000, 2)}M`;
}

/** "12.3k" with three significant figures, for chart axes and tight spots. */
export function formatCompactInteger(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6) return `${significant(value / 1e6, 3)}M`;
  if (magnitude >= 1e3) return `${significant(value / 1e3, 3)}k`;
  return formatInteger(value);
}

function trim(x: number, decimals: number): string {
  return x.toFixed(decimals).replace(/\.?0+$/, '');
}

/** Two significant figures by default, grouped, never in exponent notation. */
export function significant(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  // toPrecision rounds 99.5 up to "1.0e+2"; Number() undoes the notation, the formatter groups.
  const rounded = Number(x.toPrecision(digits));
  const decimals = Math.min(20, Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(rounded)))));
  return groupedDecimal(rounded, decimals);
}

/** `part` as a share of `whole`: "7.3%", "48%". */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const p = (part / whole) * 100;
  return `${p < 10 ? significant(p) : Math.round(p)}%`;
}

/** A fraction (0.073) as a share: "7.3%", "<0.1%" for a sliver. */
export function formatPercent(fraction: number): string {
  const p = fraction * 100;
  if (p > 0 && p < 0.1) return '<0.1%';
  return `${significant(p, p >= 10 ? 3 : 2)}%`;
}

/** "1 turn", "12 turns". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(count)} ${count === 1 ? singular : pluralForm}`;
}

/** File sizes: "512 B", "12.3 KB", "4.1 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
