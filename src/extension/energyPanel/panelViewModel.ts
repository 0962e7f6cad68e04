/**
 * Turns an analysis into exactly what the energy panel shows: formatted numbers, bar widths, chart
 * points. The webview only draws this, so every number on screen is produced (and unit-tested)
 * here, one builder per section in ./sections/. No vscode import.
 */
import type { PanelInput } from './panelInput';
import type { TodayTotals } from './todayTotals';
import type { AgentUsageState } from './agentUsageLoader';
import type { AgentLoadState } from './agentLoadCache';
import { buildAgentLoad } from './sections/agentLoad';
import { buildCompare } from './sections/compare';
import { buildHeader } from './sections/header';
import { buildNow } from './sections/now';
import { buildParts } from './sections/parts';
import { buildSession } from './sections/session';
import { buildSuggestions } from './sections/suggestions';
import { buildToday } from './sections/today';
export { findingId } from './sections/parts';
export { splitHeadline } from './sections/suggestions';
import type { SectionId, EquivalenceOption, PanelViewModel } from '../../shared/panel/viewModel';
import { SECTION_IDS } from '../../shared/panel/viewModel';
export type {
  SectionId,
  HeaderView,
  MetricView,
  EquivalenceOption,
  NowView,
  RevealTarget,
  PartRow,
  PartsView,
  AgentLoadView,
  AgentLoadSegment,
  ProjectionRow,
  SessionTableRow,
  SessionView,
  SuggestionItem,
  SuggestionsView,
  CompareRow,
  CompareView,
  TodayView,
  PanelViewModel,
} from '../../shared/panel/viewModel';
export { SECTION_IDS } from '../../shared/panel/viewModel';
import type { Severity as CoreSeverity } from '../../core/rules/finding';
import type { Severity as SharedSeverity } from '../../shared/panel/viewModel';

/** The contract's copy of Severity must stay the core's: a compile error here means they drifted. */
const severityMatches: [CoreSeverity, SharedSeverity] extends [SharedSeverity, CoreSeverity] ? true : never = true;
void severityMatches;

// ---------------------------------------------------------------------------------------------
// The view model's types are the shared panel contract (src/shared/panel/viewModel.ts).

export interface PanelViewModelInput {
  /** Undefined when no prompt document is active. */
  panel?: PanelInput;
  today: TodayTotals;
  /** Agent usage read from the local logs (agentUsageLoader.ts); absent when not read. */
  agentUsage?: AgentUsageState;
  /** The workspace agent's fixed load for this prompt (agentLoadCache.ts); absent when not measured. */
  agentLoad?: AgentLoadState;
  /** Equivalences of an energy (Wh), in switcher order. */
  describeEquivalences: (wh: number) => EquivalenceOption[];
  /** The user's switcher choice; the first option when unknown. */
  equivalenceId?: string;
  /** Shown instead of the sections when nothing is analysed. */
  emptyMessage?: string;
}


// ---------------------------------------------------------------------------------------------
// The whole view model

export function buildPanelViewModel(input: PanelViewModelInput): PanelViewModel {
  const panel = input.panel;
  const analysis = panel?.analysis;
  return {
    header: buildHeader(input),
    now: analysis ? buildNow(analysis, input) : null,
    parts: analysis ? buildParts(analysis) : null,
    agentLoad: analysis ? buildAgentLoad(analysis, input.agentLoad) : null,
    session: analysis?.session ? buildSession(analysis.session) : null,
    suggestions: analysis ? buildSuggestions(analysis) : null,
    compare: panel ? buildCompare(panel) : null,
    today: buildToday(input),
  };
}

/** The sections whose content differs, so an update posts only what changed. */
export function changedSections(
  previous: PanelViewModel | undefined,
  next: PanelViewModel,
): Partial<PanelViewModel> {
  const changed: Partial<Record<SectionId, unknown>> = {};
  for (const id of SECTION_IDS) {
    if (!previous || JSON.stringify(previous[id]) !== JSON.stringify(next[id])) {
      changed[id] = next[id];
    }
  }
  return changed as Partial<PanelViewModel>;
}
