/** "Compare models": the same request on the chosen, a smaller and an open model. */
import { percentOf } from './parts';
import type { ComparisonRole, PanelInput } from '../panelInput';
import { formatInteger, formatQuantity, formatSpan } from '../../../core/format';
import type { CompareRow, CompareView } from '../../../shared/panel/viewModel';

const ROLE_TEXT: Record<ComparisonRole, string> = {
  chosen: 'Chosen',
  smallerSameVendor: 'Smaller, same vendor',
  open: 'Open model',
};



export function buildCompare(input: PanelInput): CompareView | null {
  if (input.comparisons.length === 0) {
    return null;
  }
  const max = Math.max(...input.comparisons.map((c) => c.estimate.energyWh.central));
  const rows = input.comparisons.map((c): CompareRow => ({
    modelId: c.modelId,
    name: c.name,
    roleText: ROLE_TEXT[c.role],
    chosen: c.role === 'chosen',
    tokensText: `${formatInteger(c.inputTokens)} tokens`,
    energyText: formatQuantity('wh', c.estimate.energyWh.central),
    rangeText: formatSpan('wh', c.estimate.energyWh, true),
    carbonText: formatQuantity('carbonG', c.estimate.carbonG.central),
    barPercent: percentOf(c.estimate.energyWh.central, max),
    tradeOff: c.tradeOff,
    tokensNote: c.tokensConverted ? 'Token count converted from the chosen model’s (different tokenizer).' : undefined,
  }));
  return {
    rows,
    note: 'Same context and expected answer length on each model. Energy alone is not a reason to switch: check the trade-off.',
  };
}
