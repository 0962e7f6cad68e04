/**
 * Lays out a small line chart as data the webview can draw without arithmetic: points in a
 * 0–100 × 0–100 plot space (the SVG stretches it to the sidebar's width with
 * preserveAspectRatio="none" and non-scaling strokes) and tick labels positioned in percent, so
 * the text stays at the editor's font size at any width.
 */

import type { ChartSeries, ChartTick, LineChartView } from '../../shared/panel/viewModel';
export type { ChartSeries, ChartTick, LineChartView } from '../../shared/panel/viewModel';

export interface ChartSeriesInput {
  id: string;
  label: string;
  values: number[];
}

/** Enough points for a smooth line in a 300-pixel sidebar; a 2,000-turn session stays light. */
const MAX_POINTS = 200;

/** The smallest "nice" step (1, 2, 2.5 or 5 × 10^k) that covers `max` in at most `count` steps. */
export function niceStep(max: number, count: number): number {
  if (!(max > 0)) {
    return 1;
  }
  const raw = max / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const multiple of [1, 2, 2.5, 5, 10]) {
    if (multiple * power >= raw) {
      return multiple * power;
    }
  }
  return 10 * power;
}

/** Indexes 0..length-1 thinned to at most `max`, always keeping the first and the last. */
export function sampleIndexes(length: number, max: number): number[] {
  if (length <= max) {
    return Array.from({ length }, (_, i) => i);
  }
  const indexes: number[] = [];
  for (let k = 0; k < max; k++) {
    indexes.push(Math.round((k * (length - 1)) / (max - 1)));
  }
  return indexes;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface LineChartOptions {
  ariaLabel: string;
  xLabel: string;
  yLabel: string;
  /** Formats a y tick value (in the series' unit). */
  formatY: (value: number) => string;
  /** x value of the first sample (e.g. turn 1). */
  firstX?: number;
}

export function layoutLineChart(series: ChartSeriesInput[], options: LineChartOptions): LineChartView {
  const length = Math.max(0, ...series.map((s) => s.values.length));
  const firstX = options.firstX ?? 1;
  const maxValue = Math.max(0, ...series.flatMap((s) => s.values.filter(Number.isFinite)));
  const yStep = niceStep(maxValue, 4);
  const yMax = Math.max(yStep, Math.ceil(maxValue / yStep - 1e-9) * yStep);

  const xOf = (index: number): number => (length <= 1 ? 50 : round2((index / (length - 1)) * 100));
  const yOf = (value: number): number => round2(100 - (Math.max(0, value) / yMax) * 100);

  const indexes = sampleIndexes(length, MAX_POINTS);
  const laidOut: ChartSeries[] = series
    .filter((s) => s.values.length > 0)
    .map((s) => {
      const own = indexes.filter((i) => i < s.values.length);
      const points = own.map((i) => `${xOf(i)},${yOf(s.values[i])}`).join(' ');
      const lastIndex = s.values.length - 1;
      return { id: s.id, label: s.label, points, last: { x: xOf(lastIndex), y: yOf(s.values[lastIndex]) } };
    });

  const yTicks: ChartTick[] = [];
  for (let value = 0; value <= yMax + yStep / 2; value += yStep) {
    yTicks.push({ position: yOf(value), text: options.formatY(value) });
  }

  const xTicks: ChartTick[] = [];
  if (length === 1) {
    xTicks.push({ position: 50, text: String(firstX) });
  } else if (length > 1) {
    const lastX = firstX + length - 1;
    // Turns are whole numbers: a 2.5 step becomes 5, anything below 1 becomes 1.
    const nice = niceStep(lastX - firstX, 4);
    const xStep = nice < 1 ? 1 : Number.isInteger(nice) ? nice : 2 * nice;
    xTicks.push({ position: 0, text: String(firstX) });
    for (let x = Math.ceil((firstX + xStep * 0.5) / xStep) * xStep; x < lastX - xStep * 0.5; x += xStep) {
      xTicks.push({ position: xOf(x - firstX), text: String(x) });
    }
    xTicks.push({ position: 100, text: String(lastX) });
  }

  return {
    ariaLabel: options.ariaLabel,
    xLabel: options.xLabel,
    yLabel: options.yLabel,
    xTicks,
    yTicks,
    series: laidOut,
  };
}
