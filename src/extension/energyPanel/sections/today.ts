/** "Today": what the panel counted today on this machine. */
import { formatInteger, formatQuantity, plural } from '../../../core/format';
import type { TodayView } from '../../../shared/panel/viewModel';
import type { PanelViewModelInput } from '../panelViewModel';

export function buildToday(input: PanelViewModelInput): TodayView {
  const t = input.today;
  const equivalences = t.prompts > 0 ? input.describeEquivalences(t.wh) : [];
  const equivalence = equivalences.find((e) => e.id === input.equivalenceId) ?? equivalences[0];
  return {
    empty: t.prompts === 0,
    dayText: t.day,
    promptsText: `${plural(t.prompts, 'prompt')} analysed`,
    tokensText: `${formatInteger(t.inputTokens)} tokens`,
    energyText: formatQuantity('wh', t.wh),
    carbonText: formatQuantity('carbonG', t.carbonG),
    waterText: formatQuantity('waterMl', t.waterMl),
    equivalenceText: equivalence?.valueText,
    privacyNote: 'Each prompt counts once, as it stands now. Kept in this editor’s local state; never sent anywhere.',
  };
}
