/**
 * The one result type every surface renders: the CLI prints it, the editor turns it into
 * diagnostics/hovers/status bar, the webview draws it. Plain, serialisable data.
 */
import type { PromptPart } from './prompt/parsedPrompt';
import type { AttachmentAnalysis } from './attachments/attachment';
import type { SessionAnalysis } from './history/sessionAnalysis';
import type { RequestEstimate } from './energy/estimate';
import type { Finding } from './rules/finding';
import type { ResolutionStep } from './profiles/modelProfile';
import type { ModelSource } from './analyseOptions';

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
  tokens: {
    /** Input tokens of the request as it would be sent (prompt + attachments naive + history). */
    total: number;
    /** Same, with every attachment in its minimal form. */
    minimalTotal: number;
    parts: PartSummary[];
  };
  estimate: RequestEstimate;
  attachments: AttachmentAnalysis[];
  session?: SessionAnalysis;
  findings: Finding[];
  method: { version: string };
}
