/**
 * What the extension hands the energy panel: the active prompt's analysis, the same context priced
 * on a few other models, and which document it belongs to. Plain data (no vscode types) so the
 * view-model builder and its tests stay free of the editor.
 */
import type { Analysis } from '../../core/analysis';
import type { ModelComparison } from '../../core/profiles/compareModels';

/** The comparison rows are the engine's (`Analysis.modelComparisons`, src/core/profiles/compareModels.ts). */
export type { ComparisonRole, ModelComparison } from '../../core/profiles/compareModels';

export interface PanelInput {
  /** The analysed document, as `vscode.Uri.toString()`. */
  documentUri: string;
  analysis: Analysis;
  /** Usually: the chosen model, a smaller one of the same vendor, an open model. */
  comparisons: ModelComparison[];
}
