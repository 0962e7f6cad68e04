/** Arithmetic on {low, central, high} ranges, for callers that add up turns or sessions. */
import type { Estimate3 } from './estimate';

export function zeroEstimate(): Estimate3 {
  return { low: 0, central: 0, high: 0 };
}

export function addEstimates(a: Estimate3, b: Estimate3): Estimate3 {
  return { low: a.low + b.low, central: a.central + b.central, high: a.high + b.high };
}

export function subtractEstimates(a: Estimate3, b: Estimate3): Estimate3 {
  return { low: a.low - b.low, central: a.central - b.central, high: a.high - b.high };
}

export function scaleEstimate(a: Estimate3, factor: number): Estimate3 {
  return { low: a.low * factor, central: a.central * factor, high: a.high * factor };
}

export function sumEstimates(items: Iterable<Estimate3>): Estimate3 {
  let total = zeroEstimate();
  for (const item of items) total = addEstimates(total, item);
  return total;
}

/** Apply a per-bound function (e.g. a formula evaluated at low/central/high inputs). */
export function mapBounds(f: (bound: keyof Estimate3) => number): Estimate3 {
  return { low: f('low'), central: f('central'), high: f('high') };
}
