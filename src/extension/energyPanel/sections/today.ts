/** "Today": one request of each prompt worked on today, as it stands (not energy used: sends are not seen). */
import { formatInteger, formatQuantity, plural } from '../../../core/format';
import type { TodayView } from '../../../shared/panel/viewModel';
import type { PanelViewModelInput } from '../panelViewModel';
import { buildAgentUsage } from './agentUsage';

export function buildToday(input: PanelViewModelInput): TodayView {
  const t = input.today;
  const equivalences = t.prompts > 0 ? input.describeEquivalences(t.wh) : [];
  const equivalence = equivalences.find((e) => e.id === input.equivalenceId) ?? equivalences[0];
  return {
    agents: buildAgentUsage(input.agentUsage),
    empty: t.prompts === 0,
    dayText: t.day,
    promptsText: `${plural(t.prompts, 'prompt')} analysed`,
    tokensText: `${formatInteger(t.inputTokens)} tokens`,
    energyText: formatQuantity('wh', t.wh),
    carbonText: formatQuantity('carbonG', t.carbonG),
    waterText: formatQuantity('waterMl', t.waterMl),
    equivalenceText: equivalence?.valueText,
    // Honest about what this is: MVP sees prompts being written, not requests being sent.
    privacyNote:
      'Not energy used: one request of each prompt you worked on today, as it stands now (MVP sees what you write, not what you send). Kept in this editor’s local state; never sent anywhere.',
  };
}
