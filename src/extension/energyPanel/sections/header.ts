/** The panel's header: which prompt, or why there is none. */
import { formatInteger, formatQuantity } from '../../../core/format';
import type { HeaderView } from '../../../shared/panel/viewModel';
import type { PanelViewModelInput } from '../panelViewModel';

export function fileName(path: string | undefined): string {
  if (!path) {
    return 'Untitled prompt';
  }
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}


export function buildHeader(input: PanelViewModelInput): HeaderView {
  const analysis = input.panel?.analysis;
  if (!analysis) {
    return {
      state: 'empty',
      title: 'No prompt analysed',
      detail: input.emptyMessage ?? 'Open a prompt document (for example a *.prompt.md file) to see its tokens and energy.',
    };
  }
  // A one-line summary that stays useful when every section is collapsed.
  return {
    state: 'analysed',
    title: fileName(analysis.file),
    detail: `${analysis.model.name} · ${formatInteger(analysis.tokens.total)} tokens · ${formatQuantity('wh', analysis.estimate.energyWh.central)} per request`,
  };
}
