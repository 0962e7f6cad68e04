/**
 * The one result type every surface renders: the CLI prints it, the editor turns it into
 * diagnostics/hovers/status bar, the webview draws it. Plain, serialisable data.
 */
import type { PromptPart } from './prompt/parsedPrompt';
import type { FileKind } from './prompt/fileKind';
import type { AttachmentAnalysis } from './attachments/attachment';
import type { SessionAnalysis } from './history/sessionAnalysis';
import type { RequestEstimate } from './energy/estimate';
import type { Finding } from './rules/finding';
import type { ResolutionStep } from './profiles/modelProfile';
import type { ModelSource } from './analyseOptions';
import type { WindowUse } from './rules/windowUse';
import type { BudgetStatus } from './rules/budgetStatus';
import type { ModelComparison } from './profiles/compareModels';

export interface AnalysedModel {
  id: string;
  name: string;
  provider: string;
  requested: string;
  resolvedBy: ResolutionStep;
  /** Where the requested name came from (CLI flag, front matter, config, setting, default). */
  source: ModelSource;
  contextWindow: number;
  /** True when tokens are counted with a proxy tokenizer + calibration factor. */
  approximateTokens: boolean;
  tokenizer: string;
}

export interface PartSummary extends PromptPart {
  tokens: number;
  /** For attachment parts: the minimal form's tokens. */
  minimalTokens?: number;
  /** For attachment parts: the attachment's absolute path. */
  path?: string;
}

export interface Analysis {
  /** Absolute path of the analysed document, if any. */
  file?: string;
  model: AnalysedModel;
  /** Request (sent once), standing instructions (sent with every request) or skill (see prompt/fileKind.ts). */
  fileKind?: FileKind;
  tokens: {
    /** Input tokens of the request as it would be sent (prompt + attachments naive + history). */
    total: number;
    /** Same, with every attachment in its minimal form. */
    minimalTotal: number;
    /**
     * For a skill: the tokens sent with every request (its name and description); `total` is what
     * it costs when used. Absent for other kinds, which are sent whole.
     */
    alwaysSent?: number;
    parts: PartSummary[];
  };
  estimate: RequestEstimate;
  attachments: AttachmentAnalysis[];
  session?: SessionAnalysis;
  /** In the order every surface offers them (`orderSuggestions`): largest measured saving first, deletions last. */
  findings: Finding[];
  /** How full the context window is, judged with the context-window rule's options (`rules/windowUse.ts`). */
  window: WindowUse;
  /** The budgets that applied and those this request is over (`rules/budgetStatus.ts`). */
  budgets: BudgetStatus;
  /** The request on the chosen model, a smaller one of the same vendor and an open one (`profiles/compareModels.ts`). */
  modelComparisons: ModelComparison[];
  /** This request with its history served from the provider's prompt cache; only when the profile caches and there is history. */
  estimateWithCachedHistory?: RequestEstimate;
  method: { version: string };
}
