/**
 * What the extension hands the energy panel: the active prompt's analysis, the same context priced
 * on a few other models, and which document it belongs to. Plain data (no vscode types) so the
 * view-model builder and its tests stay free of the editor.
 */
import type { Analysis } from '../../core/analysis';
import type { RequestEstimate } from '../../core/energy/estimate';

/** Why a model is in the comparison. */
export type ComparisonRole = 'chosen' | 'smallerSameVendor' | 'open';

export interface ModelComparison {
  role: ComparisonRole;
  modelId: string;
  name: string;
  provider: string;
  contextWindow: number;
  /** The analysed context's input tokens for this model. */
  inputTokens: number;
  /**
   * True when `inputTokens` was converted from the chosen model's count (different tokenizer or
   * calibration) rather than counted with this model's own tokenizer.
   */
  tokensConverted: boolean;
  estimate: RequestEstimate;
  /** What you give up or gain in capability by switching; never energy alone. */
  tradeOff: string;
}

export interface PanelInput {
  /** The analysed document, as `vscode.Uri.toString()`. */
  documentUri: string;
  analysis: Analysis;
  /** Usually: the chosen model, a smaller one of the same vendor, an open model. */
  comparisons: ModelComparison[];
}
