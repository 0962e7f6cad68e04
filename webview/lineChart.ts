/**
 * Draws a laid-out line chart (see src/extension/energyPanel/lineChart.ts): an SVG stretched to
 * the panel's width with strokes that keep their thickness, and HTML tick labels positioned in
 * percent so they stay at the editor's font size. No arithmetic here beyond placing what came in.
 */
import type { LineChartView } from '../src/shared/panel';
import { h, positioned, svg } from './dom';

export function renderLineChart(chart: LineChartView, idPrefix: string): HTMLElement {
  const plot = svg('svg', {
    class: 'chart-plot',
    viewBox: '0 0 100 100',
    preserveAspectRatio: 'none',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  for (const tick of chart.yTicks) {
    plot.appendChild(svg('line', { class: 'chart-grid', x1: 0, x2: 100, y1: tick.position, y2: tick.position }));
  }
  chart.series.forEach((series, index) => {
    plot.appendChild(
      svg('polyline', { class: `chart-line series-${index}`, 'data-series': series.id, points: series.points, fill: 'none' }),
    );
    // A zero-length line with round caps draws a dot that the stretched viewBox cannot squash.
    plot.appendChild(
      svg('line', {
        class: `chart-dot series-${index}`,
        x1: series.last.x,
        y1: series.last.y,
        x2: series.last.x,
        y2: series.last.y,
      }),
    );
  });

  const yLabels = h('div', { class: 'chart-y-labels', 'aria-hidden': 'true' });
  for (const tick of chart.yTicks) {
    yLabels.appendChild(positioned(h('span', { class: 'chart-tick' }, tick.text), 'top', tick.position));
  }
  const xLabels = h('div', { class: 'chart-x-labels', 'aria-hidden': 'true' });
  for (const tick of chart.xTicks) {
    xLabels.appendChild(positioned(h('span', { class: 'chart-tick' }, tick.text), 'left', tick.position));
  }

  const legend = h(
    'ul',
    { class: 'chart-legend', 'aria-hidden': 'true' },
    ...chart.series.map((series, index) => h('li', {}, h('span', { class: `legend-swatch series-${index}` }), series.label)),
  );

  return h(
    'figure',
    { class: 'chart', role: 'img', 'aria-label': chart.ariaLabel, id: `${idPrefix}-chart` },
    h('div', { class: 'chart-y-title', 'aria-hidden': 'true' }, chart.yLabel),
    h('div', { class: 'chart-body' }, yLabels, h('div', { class: 'chart-area' }, plot), xLabels),
    h('div', { class: 'chart-x-title', 'aria-hidden': 'true' }, chart.xLabel),
    legend,
  );
}
