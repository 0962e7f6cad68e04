/**
 * The panel's equivalence switcher over the shared equivalences (src/core/energy/equivalences.ts):
 * one option per stated device, each with its assumption and source for the tooltip, because an
 * equivalence is never shown without what it assumes.
 */
import { equivalences } from '../../core/energy/equivalences';
import type { EquivalenceOption } from './panelViewModel';

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function describeEquivalences(wh: number): EquivalenceOption[] {
  return equivalences(wh).map(({ device, text }) => ({
    id: device.id,
    label: capitalised(device.label),
    valueText: text,
    assumption:
      device.kind === 'runtime'
        ? `${device.assumption} Time = Wh × 3600 / ${device.watts} W. Source: ${device.source.title}.`
        : `${device.assumption} Share = Wh / ${device.wh} Wh. Source: ${device.source.title}.`,
  }));
}
