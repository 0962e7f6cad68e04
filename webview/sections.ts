/**
 * One renderer per panel section: view model in, DOM out. Every actionable thing is a real
 * <button> or <select> (keyboard and screen readers for free) carrying a `data-focus-key`, so
 * focus survives when its section is re-rendered by an update.
 */
import type { WebviewMessage } from '../src/shared/panel';
import type {
  AgentLoadView,
  CompareView,
  HeaderView,
  NowView,
  PartRow,
  PartsView,
  SessionView,
  SuggestionsView,
  TodayView,
} from '../src/shared/panel';
import { h, withWidth } from './dom';
import { renderLineChart } from './lineChart';

export type Post = (message: WebviewMessage) => void;

function button(
  label: string,
  focusKey: string,
  onClick: () => void,
  attributes: Record<string, string | undefined> = {},
): HTMLElement {
  const element = h('button', { type: 'button', 'data-focus-key': focusKey, ...attributes }, label);
  element.addEventListener('click', onClick);
  return element;
}

function bar(percent: number, className: string): HTMLElement {
  return h('div', { class: 'bar-track' }, withWidth(h('div', { class: `bar-fill ${className}` }), percent));
}

export function renderHeader(view: HeaderView): Node[] {
  return [h('h1', { class: 'panel-title' }, view.title), h('p', { class: 'panel-detail' }, view.detail)];
}

export function renderNow(view: NowView, post: Post): Node[] {
  const t = view.tokens;
  const meter = h(
    'div',
    {
      class: `meter level-${t.level}`,
      role: 'meter',
      'aria-label': 'Context window used',
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': t.fillPercent,
      'aria-valuetext': t.usageText,
    },
    withWidth(h('div', { class: 'meter-fill' }), t.fillPercent),
  );
  const tokens = h(
    'div',
    { class: 'now-tokens' },
    h('div', { class: 'big-number' }, t.valueText, h('span', { class: 'unit' }, ' tokens')),
    meter,
    h('div', { class: `meter-caption level-${t.level}` }, t.usageText),
    t.approximateNote ? h('div', { class: 'note' }, t.approximateNote) : null,
  );

  const metrics = h(
    'dl',
    { class: 'metrics' },
    ...view.metrics.map((m) =>
      h(
        'div',
        { class: 'metric', 'data-metric': m.id, title: m.explanation },
        h('dt', {}, m.label),
        h('dd', {}, h('span', { class: 'metric-value' }, m.valueText), h('span', { class: 'metric-range' }, m.rangeText)),
      ),
    ),
  );

  const model = h(
    'div',
    { class: 'now-model' },
    h('div', {}, h('strong', {}, view.model.name), ` · ${view.model.provider}`),
    h('div', { class: 'note' }, view.model.resolutionText),
    h('div', { class: 'note' }, `Tokenizer: ${view.model.tokenizerText}`),
    button('Change model…', 'now:chooseModel', () => post({ type: 'chooseModel' }), { class: 'secondary' }),
  );

  const selected = view.equivalences.find((e) => e.id === view.selectedEquivalence) ?? view.equivalences[0];
  let equivalence: HTMLElement | null = null;
  if (selected) {
    const select = h(
      'select',
      { id: 'equivalence-select', 'data-focus-key': 'now:equivalence', 'aria-label': 'Compare the energy with' },
      ...view.equivalences.map((e) => h('option', { value: e.id, selected: e.id === selected.id }, e.label)),
    ) as HTMLSelectElement;
    select.addEventListener('change', () => post({ type: 'selectEquivalence', equivalenceId: select.value }));
    equivalence = h(
      'div',
      { class: 'equivalence' },
      h('label', { for: 'equivalence-select', class: 'note' }, 'About the same as'),
      select,
      // The assumption is the tooltip (and, for screen readers, the description): never bare.
      h(
        'p',
        { class: 'equivalence-value', title: selected.assumption, 'aria-describedby': 'equivalence-assumption' },
        selected.valueText,
      ),
      h('span', { class: 'sr-only', id: 'equivalence-assumption' }, selected.assumption),
    );
  }

  const why = h(
    'details',
    { class: 'why' },
    h('summary', { 'data-focus-key': 'now:why' }, 'Why these numbers?'),
    h('p', {}, view.why.methodText),
    h('p', { class: 'formula' }, view.why.formula),
    h('p', {}, `Grid: ${view.why.gridText}`),
    h('ul', {}, ...view.why.assumptions.map((a) => h('li', {}, a))),
    button('Explain estimate', 'now:explain', () => post({ type: 'explainEstimate' }), { class: 'secondary' }),
  );

  return [tokens, metrics, equivalence, model, why].filter((n): n is HTMLElement => n !== null);
}

function partRow(row: PartRow, post: Post): HTMLElement {
  const label = h(
    'span',
    { class: 'bar-label' },
    h('span', { class: 'bar-name' }, row.label),
    h('span', { class: 'bar-value' }, `${row.tokensText} · ${row.shareText}`),
  );
  const bars = h('div', { class: 'bars' }, bar(row.barPercent, 'naive'), row.minimal ? bar(row.minimal.barPercent, 'minimal') : null);
  const main = row.reveal
    ? button('', `parts:${row.key}`, () => post({ type: 'reveal', target: row.reveal! }), {
        class: 'bar-row',
        'aria-label': `${row.ariaLabel}. Show in editor`,
        title: row.naiveDescription ? `${row.naiveDescription}: show in editor` : 'Show in editor',
      })
    : h('div', { class: 'bar-row', 'aria-label': row.ariaLabel, role: 'group' });
  main.append(h('span', { class: 'bar-kind' }, row.kindLabel), label, bars);
  if (row.minimal) {
    main.append(
      h(
        'span',
        { class: 'bar-minimal', 'aria-hidden': 'true' },
        `${row.minimal.description}: ${row.minimal.tokensText} (${row.minimal.savingText})`,
      ),
    );
  }
  const actions: HTMLElement[] = [];
  if (row.fixFindingId && row.fixTitle) {
    const id = row.fixFindingId;
    actions.push(button(row.fixTitle, `parts:${row.key}:fix`, () => post({ type: 'applyFix', findingId: id }), { class: 'secondary' }));
  } else if (row.convert) {
    const convert = row.convert;
    actions.push(
      button('Convert to CSV', `parts:${row.key}:convert`, () => post({ type: 'convertSpreadsheet', ...convert }), {
        class: 'secondary',
      }),
    );
  }
  return h('li', { class: 'part' }, main, actions.length ? h('div', { class: 'row-actions' }, ...actions) : null);
}

export function renderParts(view: PartsView, post: Post): Node[] {
  const hasMinimal = view.rows.some((r) => r.minimal);
  return [
    h('p', { class: 'summary' }, view.summaryText),
    view.minimalText ? h('p', { class: 'note' }, view.minimalText) : null,
    hasMinimal
      ? h(
          'ul',
          { class: 'chart-legend', 'aria-hidden': 'true' },
          h('li', {}, h('span', { class: 'legend-swatch naive' }), 'As sent'),
          h('li', {}, h('span', { class: 'legend-swatch minimal' }), 'Minimal form'),
        )
      : null,
    h('ul', { class: 'part-list', 'aria-label': 'Tokens per part' }, ...view.rows.map((row) => partRow(row, post))),
  ].filter((n): n is HTMLElement => n !== null);
}

/**
 * The agent's fixed load vs what you typed: one stacked bar (a picture, labelled as a whole), then
 * the same figures as text (the legend is the bar's text equivalent, not decoration).
 */
export function renderAgentLoad(view: AgentLoadView, post: Post): Node[] {
  const itemise = button('Itemise (MVP: Show Agent Context)', 'agentLoad:itemise', () => post({ type: 'showAgentContext' }), {
    class: 'secondary',
  });
  if (view.state !== 'ready') {
    return [
      h('p', { class: view.state === 'loading' ? 'loading' : 'note', 'data-agent-load': view.state }, view.message ?? ''),
      // No agent: nothing to itemise, and no made-up load to offer.
      view.state === 'error' ? itemise : null,
    ].filter((n): n is HTMLElement => n !== null);
  }
  const stack = h(
    'div',
    { class: 'stack', role: 'img', 'aria-label': view.barLabel },
    ...view.segments.map((s) =>
      withWidth(h('span', { class: `stack-segment kind-${s.kind}`, 'data-kind': s.kind, title: `${s.label}: ${s.tokensText} tokens (${s.shareText})` }), s.percent),
    ),
  );
  const legend = h(
    'ul',
    { class: 'stack-legend', 'aria-label': 'Tokens per request, by kind' },
    ...view.segments.map((s) =>
      h(
        'li',
        { class: s.fixed ? 'fixed' : 'typed', 'data-kind': s.kind },
        h('span', { class: `legend-swatch kind-${s.kind}`, 'aria-hidden': 'true' }),
        h('span', { class: 'bar-name' }, s.label),
        h('span', { class: 'bar-value' }, `${s.tokensText} · ${s.shareText}`),
      ),
    ),
  );
  const figure = (label: string, value: string, key: string) =>
    h('div', { class: 'agent-load-figure', 'data-figure': key }, h('dt', {}, label), h('dd', {}, value));
  return [
    h('p', { class: 'summary' }, view.summaryText),
    stack,
    legend,
    h(
      'dl',
      { class: 'agent-load-figures' },
      figure('Fixed load', view.fixedText, 'fixed'),
      figure('What you typed', view.typedText, 'typed'),
      figure('Request in total', view.totalText, 'total'),
    ),
    view.problems.length ? h('ul', { class: 'note agent-load-problems' }, ...view.problems.map((p) => h('li', {}, p))) : null,
    h(
      'details',
      { class: 'agent-load-sources' },
      h('summary', { 'data-focus-key': 'agentLoad:sources' }, 'Where these figures come from'),
      h('ul', {}, ...view.sources.map((line) => h('li', {}, line))),
    ),
    itemise,
  ].filter((n): n is HTMLElement => n !== null);
}

export function renderSession(view: SessionView, post: Post): Node[] {
  const table = h(
    'details',
    { class: 'session-table' },
    h('summary', { 'data-focus-key': 'session:table' }, 'Turn by turn (table)'),
    view.tableNote ? h('p', { class: 'note' }, view.tableNote) : null,
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, ...['Turn', 'Input tokens', 'This turn', 'Cumulative', 'Cached'].map((c) => h('th', { scope: 'col' }, c))),
      ),
      h(
        'tbody',
        {},
        ...view.table.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, String(r.turn)),
            h('td', {}, r.inputText),
            h('td', {}, r.turnText),
            h('td', {}, r.cumulativeText),
            h('td', {}, r.cumulativeCachedText),
          ),
        ),
      ),
    ),
  );
  const p = view.projection;
  const projection = h(
    'div',
    { class: 'projection', role: 'group', 'aria-label': p.title },
    h('h3', {}, p.title),
    h(
      'ul',
      { class: 'projection-list' },
      ...p.rows.map((row) =>
        h(
          'li',
          { class: `projection-row ${row.id}`, 'data-projection': row.id },
          h('span', { class: 'bar-label' }, h('span', { class: 'bar-name' }, row.label), h('span', { class: 'bar-value' }, row.valueText)),
          bar(row.barPercent, row.id),
          h('span', { class: 'note' }, row.cachedText),
        ),
      ),
    ),
    h('p', { class: 'saving' }, p.savingText),
    h('p', { class: 'note' }, p.breakEvenText),
    p.caveat ? h('p', { class: 'note caveat' }, p.caveat) : null,
  );
  return [
    h('p', { class: 'summary' }, view.summaryText),
    renderLineChart(view.chart, 'session'),
    table,
    projection,
    button('Start fresh session with summary', 'session:fresh', () => post({ type: 'startFreshSession' }), {
      class: 'primary',
    }),
    view.recordedUsageNote ? h('p', { class: 'note' }, view.recordedUsageNote) : null,
  ].filter((n): n is HTMLElement => n !== null);
}

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' } as const;

export function renderSuggestions(view: SuggestionsView, post: Post): Node[] {
  const list = h(
    'ol',
    { class: 'suggestion-list' },
    ...view.items.map((item) => {
      const actions: HTMLElement[] = [];
      if (item.fixTitle) {
        actions.push(
          button(`Apply: ${item.fixTitle}`, `suggestions:${item.id}:apply`, () => post({ type: 'applyFix', findingId: item.id }), {
            // Deleting content is never the primary, blue action: only a reduction that keeps it is.
            class: item.fixRemovesContent ? 'secondary' : 'primary',
          }),
        );
      }
      if (item.reveal) {
        const target = item.reveal;
        actions.push(
          button('Show', `suggestions:${item.id}:reveal`, () => post({ type: 'reveal', target }), {
            class: 'secondary',
            'aria-label': `Show in editor: ${item.message}`,
          }),
        );
      }
      if (item.docsUrl) {
        const url = item.docsUrl;
        actions.push(
          button('Rule docs', `suggestions:${item.id}:docs`, () => post({ type: 'openDocs', url }), {
            class: 'secondary',
            'aria-label': `Documentation of ${item.ruleId}`,
          }),
        );
      }
      return h(
        'li',
        { class: `suggestion severity-${item.severity}`, 'data-finding': item.id },
        h(
          'div',
          { class: 'suggestion-head' },
          h('span', { class: `severity-badge severity-${item.severity}` }, SEVERITY_LABEL[item.severity]),
          h('code', { class: 'rule-id' }, item.ruleId),
        ),
        h('p', { class: 'suggestion-message' }, item.headline),
        item.detail
          ? h(
              'details',
              { class: 'suggestion-detail' },
              h('summary', { 'data-focus-key': `suggestions:${item.id}:more`, 'aria-label': `More about ${item.ruleId}` }, 'More'),
              h('p', {}, item.detail),
            )
          : null,
        item.savingText ? h('p', { class: 'saving' }, item.savingText) : null,
        actions.length ? h('div', { class: 'row-actions' }, ...actions) : null,
      );
    }),
  );
  return [h('p', { class: 'summary' }, view.summaryText), view.items.length ? list : null].filter(
    (n): n is HTMLElement => n !== null,
  );
}

export function renderCompare(view: CompareView, post: Post): Node[] {
  const rows = view.rows.map((row) => {
    const content: Node[] = [
      h('span', { class: 'bar-kind' }, row.roleText),
      h('span', { class: 'bar-label' }, h('span', { class: 'bar-name' }, row.name), h('span', { class: 'bar-value' }, row.energyText)),
      bar(row.barPercent, row.chosen ? 'chosen' : 'other'),
      h('span', { class: 'note' }, `${row.rangeText} · ${row.carbonText} · ${row.tokensText}`),
    ];
    const main = row.chosen
      ? h('div', { class: 'bar-row chosen', 'aria-current': 'true' }, ...content)
      : button('', `compare:${row.modelId}`, () => post({ type: 'chooseModel', modelId: row.modelId }), {
          class: 'bar-row',
          'aria-label': `Switch to ${row.name}: ${row.energyText} (${row.rangeText}) per request. ${row.tradeOff}`,
          title: `Switch to ${row.name}`,
        });
    if (!row.chosen) {
      main.append(...content);
    }
    return h(
      'li',
      { class: 'compare', 'data-model': row.modelId },
      main,
      h('p', { class: 'trade-off' }, row.tradeOff),
      row.tokensNote ? h('p', { class: 'note' }, row.tokensNote) : null,
    );
  });
  return [h('ul', { class: 'compare-list' }, ...rows), h('p', { class: 'note' }, view.note)];
}

/** What the agents recorded in their own logs, today and this week, per agent (before the prompts' figures). */
function renderAgentUsage(view: TodayView['agents']): HTMLElement[] {
  if (!view) return [];
  const heading = h('p', { class: 'summary' }, 'Your coding agents (from their local logs)');
  if (view.state !== 'ready') return [heading, h('p', { class: 'note' }, view.message ?? ''), h('p', { class: 'note' }, view.note)];
  const row = (cells: string[], header = false) => h('tr', {}, ...cells.map((c) => h(header ? 'th' : 'td', {}, c)));
  return [
    heading,
    h(
      'table',
      { class: 'agent-usage' },
      row(['Agent', 'Today', 'This week'], true),
      ...view.rows.map((r) => row([r.name, r.todayText, r.weekText])),
      ...(view.rows.length > 1 ? [row(['All', view.totalTodayText, view.totalWeekText])] : []),
    ),
    h('p', { class: 'agent-sparkline', title: view.sparklineLabel, 'aria-label': view.sparklineLabel }, view.sparkline),
    h('p', { class: 'note' }, view.note),
  ];
}

export function renderToday(view: TodayView, post: Post): Node[] {
  const figures = view.empty
    ? h('p', { class: 'summary' }, 'No prompts analysed yet today.')
    : h(
        'dl',
        { class: 'metrics today' },
        ...(
          [
            ['Tokens', view.tokensText],
            ['Energy', view.energyText],
            ['Carbon', view.carbonText],
            ['Water', view.waterText],
          ] as const
        ).map(([label, value]) => h('div', { class: 'metric' }, h('dt', {}, label), h('dd', {}, h('span', { class: 'metric-value' }, value)))),
      );
  return [
    ...renderAgentUsage(view.agents),
    h('p', { class: 'summary' }, view.empty ? view.dayText : `${view.dayText}: ${view.promptsText}`),
    figures,
    view.equivalenceText ? h('p', { class: 'equivalence-value' }, `About ${view.equivalenceText}`) : null,
    h('p', { class: 'note' }, view.privacyNote),
    view.empty ? null : button('Reset today’s totals', 'today:reset', () => post({ type: 'resetToday' }), { class: 'secondary' }),
  ].filter((n): n is HTMLElement => n !== null);
}
