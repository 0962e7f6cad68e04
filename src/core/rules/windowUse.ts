/**
 * How full the model's context window is, judged once: the context-window rule's options (team
 * config) decide what counts (the expected answer too, by default) and where "near" starts. The
 * analysis carries the result (`Analysis.window`); the status bar, the panel and the hook read
 * its level instead of keeping their own 0.8.
 */
import type { ResolvedConfig } from '../config/mvpConfig';
import type { RequestEstimate } from '../energy/estimate';

/** From this share of the window a request is "near" it: the context-window rule's default `nearShare`. */
export const NEAR_WINDOW_SHARE = 0.8;

export type WindowLevel = 'ok' | 'near' | 'over';

export interface WindowUse {
  contextWindow: number;
  inputTokens: number;
  /** The expected answer and hidden reasoning, when the context-window rule counts them (its default). */
  expectedOutputTokens: number;
  /** inputTokens + expectedOutputTokens: what must fit. */
  neededTokens: number;
  /** neededTokens / contextWindow (0 for a window of 0). */
  share: number;
  nearShare: number;
  /** Whether the expected answer counts (the rule's `includeExpectedOutput`). */
  countsExpectedOutput: boolean;
  level: WindowLevel;
}

export interface WindowOptions {
  nearShare: number;
  includeExpectedOutput: boolean;
}

export const DEFAULT_WINDOW_OPTIONS: WindowOptions = { nearShare: NEAR_WINDOW_SHARE, includeExpectedOutput: true };

/** The context-window rule's options as a team config sets them, defaults filled in. */
export function windowOptionsOf(config: ResolvedConfig | undefined): WindowOptions {
  const configured = config?.rules['context-window']?.options ?? {};
  return { ...DEFAULT_WINDOW_OPTIONS, ...(configured as Partial<WindowOptions>) };
}

export function windowUse(
  contextWindow: number,
  inputTokens: number,
  estimate: Pick<RequestEstimate, 'tokens'>,
  options: WindowOptions = DEFAULT_WINDOW_OPTIONS,
): WindowUse {
  const expectedOutputTokens = options.includeExpectedOutput ? estimate.tokens.output + estimate.tokens.reasoning : 0;
  const neededTokens = inputTokens + expectedOutputTokens;
  const share = contextWindow > 0 ? neededTokens / contextWindow : 0;
  const level: WindowLevel =
    contextWindow > 0 && neededTokens > contextWindow ? 'over' : share >= options.nearShare ? 'near' : 'ok';
  return {
    contextWindow,
    inputTokens,
    expectedOutputTokens,
    neededTokens,
    share,
    nearShare: options.nearShare,
    countsExpectedOutput: options.includeExpectedOutput,
    level,
  };
}
