/** The session a prompt continues: cumulative energy, the table, continue vs start fresh. */
import { percentOf } from './parts';
import type { Estimate3 } from '../../../core/energy/estimate';
import type { SessionAnalysis } from '../../../core/history/sessionAnalysis';
import { layoutLineChart, sampleIndexes } from '../lineChart';
import { formatInteger, formatQuantity, plural } from '../../../core/format';
import type { ProjectionRow, SessionView } from '../../../shared/panel/viewModel';

/** Rows in the session table (the chart shows every turn). */
const MAX_TABLE_ROWS = 30;

function centralSeries(values: Estimate3[]): number[] {
  return values.map((v) => v.central);
}

export function buildSession(session: SessionAnalysis): SessionView | null {
  const turns = session.turns;
  if (turns.length === 0) {
    return null;
  }
  const last = turns[turns.length - 1];
  const uncached = centralSeries(turns.map((t) => t.cumulativeWh));
  const cached = centralSeries(turns.map((t) => t.cumulativeWhCached));
  const unitOf = (wh: number): string => formatQuantity('wh', wh);
  const chart = layoutLineChart(
    [
      { id: 'uncached', label: 'Without caching', values: uncached },
      { id: 'cached', label: 'With prompt caching', values: cached },
    ],
    {
      ariaLabel: `Cumulative energy over ${plural(turns.length, 'turn')}: ${unitOf(last.cumulativeWh.central)} without caching, ${unitOf(last.cumulativeWhCached.central)} with prompt caching.`,
      xLabel: 'Turn',
      yLabel: 'Cumulative energy',
      formatY: (v) => (v === 0 ? '0' : unitOf(v)),
    },
  );
  const tableIndexes = sampleIndexes(turns.length, MAX_TABLE_ROWS);
  const table = tableIndexes.map((i) => {
    const t = turns[i];
    return {
      turn: t.index + 1,
      inputText: formatInteger(t.inputTokens),
      turnText: unitOf(t.wh.central),
      cumulativeText: unitOf(t.cumulativeWh.central),
      cumulativeCachedText: unitOf(t.cumulativeWhCached.central),
    };
  });

  const p = session.projection;
  const maxProjection = Math.max(p.continueWh.central, p.freshWh.central);
  const rows: ProjectionRow[] = [
    {
      id: 'continue',
      label: `Continue ${plural(p.moreTurns, 'more turn')}`,
      valueText: unitOf(p.continueWh.central),
      cachedText: `${unitOf(p.continueWhCached.central)} with caching`,
      barPercent: percentOf(p.continueWh.central, maxProjection),
    },
    {
      id: 'fresh',
      label: `Start fresh (summary of ${formatInteger(p.seedSummaryTokens)} tokens)`,
      valueText: unitOf(p.freshWh.central),
      cachedText: `${unitOf(p.freshWhCached.central)} with caching`,
      barPercent: percentOf(p.freshWh.central, maxProjection),
    },
  ];
  const savingText =
    p.savingWh > 0
      ? `Starting fresh saves ${unitOf(p.savingWh)} over the next ${plural(p.moreTurns, 'turn')} (${unitOf(p.savingWhCached)} with caching).`
      : `Starting fresh would not save energy over the next ${plural(p.moreTurns, 'turn')}.`;
  const breakEvenText =
    p.breakEvenTurn === null
      ? `No break-even within ${plural(p.moreTurns, 'turn')}.`
      : `The fresh session costs less in total from future turn ${formatInteger(p.breakEvenTurn)}.`;
  const recorded = turns.filter((t) => t.fromRecordedUsage).length;
  return {
    summaryText: `${plural(turns.length, 'turn')}, ${formatInteger(session.totals.inputTokens)} input tokens sent in total: ${unitOf(session.totals.wh.central)} (${unitOf(session.totals.whCached.central)} with caching).`,
    chart,
    table,
    tableNote: turns.length > table.length ? `Every ${Math.ceil(turns.length / MAX_TABLE_ROWS)}th turn or so; the chart shows all ${formatInteger(turns.length)}.` : undefined,
    projection: { title: `The next ${plural(p.moreTurns, 'turn')}`, rows, savingText, breakEvenText, caveat: p.caveat },
    recordedUsageNote:
      recorded > 0 ? `${plural(recorded, 'turn')} use the token usage recorded in the log rather than our count.` : undefined,
  };
}

/** Messages longer than this show their first sentence, with the rest behind "More". */
