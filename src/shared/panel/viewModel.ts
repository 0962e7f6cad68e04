/**
 * The energy panel's view model: exactly what the webview draws (formatted text, bar widths, chart
 * points), built by the extension (src/extension/energyPanel/panelViewModel.ts) and sent as JSON.
 * Part of the shared panel contract: the extension and the webview both import it; it imports
 * nothing, so the webview compiles against it alone (webview/tsconfig.json).
 */

/** A finding's severity (the core's `Severity`; panelViewModel.ts checks they stay the same). */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Character offsets in a document (the core's `TextRange`). */
export interface TextRange {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Charts (laid out by the extension, src/extension/energyPanel/lineChart.ts)

export interface ChartTick {
  /** Position along the axis, 0–100 (x: left→right, y: top→bottom). */
  position: number;
  text: string;
}

export interface ChartSeries {
  id: string;
  label: string;
  /** SVG polyline points in plot space: "x,y x,y …". */
  points: string;
  /** The last point, drawn as a dot. */
  last: { x: number; y: number };
}

export interface LineChartView {
  ariaLabel: string;
  xLabel: string;
  yLabel: string;
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  series: ChartSeries[];
}

// ---------------------------------------------------------------------------------------------
// Sections

export type SectionId = 'header' | 'now' | 'parts' | 'agentLoad' | 'session' | 'suggestions' | 'compare' | 'today';
export const SECTION_IDS: readonly SectionId[] = ['header', 'now', 'parts', 'agentLoad', 'session', 'suggestions', 'compare', 'today'];

export interface HeaderView {
  state: 'analysed' | 'empty';
  title: string;
  detail: string;
}

export interface MetricView {
  id: 'energy' | 'carbon' | 'water' | 'sci';
  label: string;
  valueText: string;
  rangeText: string;
  /** Plain-language "why" for the tooltip. */
  explanation: string;
}

export interface EquivalenceOption {
  id: string;
  /** Short name for the switcher: "Phone charge". */
  label: string;
  /** The equivalence itself: "2.1% of a phone charge". */
  valueText: string;
  /** The stated assumption, shown as a tooltip: device power and its source. */
  assumption: string;
}

export interface NowView {
  tokens: {
    valueText: string;
    windowText: string;
    /** 0–100, the bar's fill. */
    fillPercent: number;
    usageText: string;
    level: 'ok' | 'near' | 'over';
    approximateNote?: string;
  };
  metrics: MetricView[];
  model: { name: string; provider: string; resolutionText: string; tokenizerText: string };
  equivalences: EquivalenceOption[];
  selectedEquivalence: string;
  why: { methodText: string; formula: string; gridText: string; assumptions: string[] };
}

/** Where the editor should go when a row is clicked: offsets in `file` (the prompt when absent). */
export interface RevealTarget {
  file?: string;
  range: TextRange;
}

export interface PartRow {
  key: string;
  label: string;
  kindLabel: string;
  tokensText: string;
  shareText: string;
  /** 0–100 relative to the largest part, so small parts still show. */
  barPercent: number;
  /** For attachments: the minimal form next to the naive one. */
  minimal?: { tokensText: string; barPercent: number; description: string; savingText: string };
  naiveDescription?: string;
  reveal?: RevealTarget;
  /** A finding whose fix converts/shrinks this attachment, for the row's action button. */
  fixFindingId?: string;
  fixTitle?: string;
  /** Spreadsheet without a matching fix: the plain convert command. */
  convert?: { attachmentPath: string; sheet?: string };
  ariaLabel: string;
}

export interface PartsView {
  summaryText: string;
  minimalText?: string;
  rows: PartRow[];
}

/** A kind of the agent's fixed load (the core's ContextItemKind), or what the user typed. */
export type AgentLoadKind = 'system' | 'tools' | 'mcp' | 'memory' | 'instructions' | 'skills' | 'messages' | 'typed';

/** One segment of the stacked bar "fixed load vs what you typed". */
export interface AgentLoadSegment {
  kind: AgentLoadKind;
  label: string;
  tokensText: string;
  /** Share of the whole request (fixed load + typed): "62 %". */
  shareText: string;
  /** 0–100, the segment's length: its share of the whole request. */
  percent: number;
  /** Sent with every request (true) or typed for this one (false). */
  fixed: boolean;
}

/**
 * What the workspace's coding agent sends with every request before the user types a word, beside
 * what this prompt adds (issue 13). Shown by the panel and the report alike.
 */
export interface AgentLoadView {
  /** loading: being measured; none: no agent set up (nothing is shown as if it were); error: could not measure. */
  state: 'loading' | 'ready' | 'none' | 'error';
  /** "Sent with every request by Claude Code". */
  title: string;
  /** What to say when not ready. */
  message?: string;
  /** The headline: "Claude Code sends 11,810 tokens (9.1% of this request) before you type a word". */
  summaryText: string;
  /** Fixed-load kinds first (largest kinds of the agent's own order), then what you typed. */
  segments: AgentLoadSegment[];
  /** The whole bar in words, for screen readers. */
  barLabel: string;
  /** "13,213 tokens · 2.4 Wh (300 mWh–27 Wh) per request". */
  fixedText: string;
  /** "11 tokens: prompt 11 · attachments 0 · history 0". */
  typedText: string;
  /** The request in total, fixed load included, with the expected answer. */
  totalText: string;
  /** Where the figures come from: agent and how it was found, built-in load, MCP, files, model. */
  sources: string[];
  /** Items that could not be measured or read (a server never measured, an unreadable file). */
  problems: string[];
}

export interface ProjectionRow {
  id: 'continue' | 'fresh';
  label: string;
  valueText: string;
  cachedText: string;
  barPercent: number;
}

export interface SessionTableRow {
  turn: number;
  inputText: string;
  turnText: string;
  cumulativeText: string;
  cumulativeCachedText: string;
}

export interface SessionView {
  summaryText: string;
  chart: LineChartView;
  table: SessionTableRow[];
  tableNote?: string;
  projection: {
    title: string;
    rows: ProjectionRow[];
    savingText: string;
    breakEvenText: string;
    caveat?: string;
  };
  recordedUsageNote?: string;
}

export interface SuggestionItem {
  id: string;
  ruleId: string;
  severity: Severity;
  message: string;
  /** The message's first sentence, when the message is long enough to fold the rest away. */
  headline: string;
  detail?: string;
  savingText?: string;
  fixTitle?: string;
  /** The fix deletes content (a reference, history): shown as a secondary action, never primary. */
  fixRemovesContent?: boolean;
  reveal?: RevealTarget;
  docsUrl?: string;
}

export interface SuggestionsView {
  items: SuggestionItem[];
  summaryText: string;
}

export interface CompareRow {
  modelId: string;
  name: string;
  roleText: string;
  chosen: boolean;
  tokensText: string;
  energyText: string;
  rangeText: string;
  carbonText: string;
  barPercent: number;
  tradeOff: string;
  tokensNote?: string;
}

export interface CompareView {
  rows: CompareRow[];
  note: string;
}

/** What the coding agents recorded in their own local logs (Claude Code, Codex CLI, Gemini CLI). */
export interface AgentUsageView {
  state: 'loading' | 'ready' | 'none' | 'error';
  /** What to say when not ready (or nothing was found). */
  message?: string;
  /** One row per agent: "12 requests · 3.4 Wh". */
  rows: { name: string; todayText: string; weekText: string }[];
  totalTodayText: string;
  totalWeekText: string;
  /** The last seven days, oldest first, as a sparkline of central Wh, with its reading. */
  sparkline: string;
  sparklineLabel: string;
  note: string;
}

export interface TodayView {
  /** Real usage from the agents' logs; absent where the editor does not read them. */
  agents?: AgentUsageView;
  empty: boolean;
  dayText: string;
  promptsText: string;
  tokensText: string;
  energyText: string;
  carbonText: string;
  waterText: string;
  equivalenceText?: string;
  privacyNote: string;
}

export interface PanelViewModel {
  header: HeaderView;
  now: NowView | null;
  parts: PartsView | null;
  agentLoad: AgentLoadView | null;
  session: SessionView | null;
  suggestions: SuggestionsView | null;
  compare: CompareView | null;
  today: TodayView;
}
