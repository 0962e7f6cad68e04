/**
 * How an analysis came to its model, in words, the same on every surface: where the name came from
 * and how it matched a profile. Only the two sources that name a surface's own control differ: what
 * "explicit" was (`--model`, the model picker) and which setting applied.
 */
import type { ModelSource } from './analyseOptions';
import type { ResolutionStep } from './profiles/modelProfile';

export interface SurfaceModelWords {
  /** An explicit choice on this surface, e.g. "from --model" or "chosen for this session only". */
  explicit: string;
  /** The user's setting on this surface, e.g. "from the mvp.defaultModel setting". */
  setting: string;
}

const SHARED: Record<Exclude<ModelSource, 'explicit' | 'setting'>, string> = {
  frontMatter: 'from the front matter',
  transcript: 'from the chat session it continues',
  config: 'from the team config',
  default: 'no model named, so the default',
};

export function modelSourceText(source: ModelSource, surface: SurfaceModelWords): string {
  return source === 'explicit' || source === 'setting' ? surface[source] : SHARED[source];
}

const RESOLUTION: Record<ResolutionStep, string> = {
  exact: 'matched exactly',
  alias: 'matched by alias',
  family: 'nearest profile of the same family',
  default: 'unknown model — the labelled default profile',
};

/** How the requested name matched a model profile. */
export function resolutionWords(step: ResolutionStep): string {
  return RESOLUTION[step];
}
