/**
 * Image token cost from each provider's published formula (sources in docs/attachments.md).
 * All three only ever shrink an image before counting; none of them enlarges a small one.
 */
export type ImageProvider = 'openai' | 'anthropic' | 'google';

export interface ImageCost {
  provider: ImageProvider;
  tokens: number;
  /** The size the provider counts after its own resizing. */
  countedWidth: number;
  countedHeight: number;
  /** One line: the formula with these inputs. */
  formula: string;
}

/**
 * OpenAI, detail "high" (GPT-4o, GPT-4.1, o-series tile models): fit in 2048×2048, shrink so the
 * shortest side is at most 768, then 170 tokens per 512-px tile + 85. Some models (gpt-4o-mini,
 * the 32-px-patch models such as gpt-4.1-mini) use other constants; this is the flagship formula.
 */
export function openAiHighDetail(width: number, height: number): ImageCost {
  let w = width;
  let h = height;
  const fit = Math.min(1, 2048 / Math.max(w, h));
  w *= fit;
  h *= fit;
  const shortest = Math.min(1, 768 / Math.min(w, h));
  w = Math.round(w * shortest);
  h = Math.round(h * shortest);
  const tiles = Math.ceil(w / 512) * Math.ceil(h / 512);
  return { provider: 'openai', tokens: 85 + 170 * tiles, countedWidth: w, countedHeight: h, formula: `85 + 170 × ${tiles} tiles of 512 px (image counted at ${w}×${h})` };
}

/** OpenAI, detail "low": a fixed 85 tokens whatever the size. */
export function openAiLowDetail(): ImageCost {
  return { provider: 'openai', tokens: 85, countedWidth: 512, countedHeight: 512, formula: 'detail "low": a fixed 85 tokens' };
}

/**
 * Anthropic: tokens ≈ width × height / 750, after shrinking images whose long edge exceeds
 * 1568 px or that would cost more than about 1,600 tokens (≈1.15 megapixels).
 */
export function anthropicImage(width: number, height: number): ImageCost {
  const scale = Math.min(1, 1568 / Math.max(width, height), Math.sqrt((1600 * 750) / (width * height)));
  const w = Math.max(1, Math.floor(width * scale));
  const h = Math.max(1, Math.floor(height * scale));
  const tokens = Math.ceil((w * h) / 750);
  return { provider: 'anthropic', tokens, countedWidth: w, countedHeight: h, formula: `${w} × ${h} / 750 (image counted at ${w}×${h})` };
}

/**
 * Google Gemini (2.0+ default resolution): 258 tokens when both sides are ≤ 384 px, otherwise
 * 258 per 768×768 tile. Gemini 3's media_resolution setting changes this.
 */
export function geminiImage(width: number, height: number): ImageCost {
  if (width <= 384 && height <= 384) {
    return { provider: 'google', tokens: 258, countedWidth: width, countedHeight: height, formula: 'both sides ≤ 384 px: a fixed 258 tokens' };
  }
  const tiles = Math.ceil(width / 768) * Math.ceil(height / 768);
  return { provider: 'google', tokens: 258 * tiles, countedWidth: width, countedHeight: height, formula: `258 × ${tiles} tiles of 768×768 px` };
}

export function imageCost(provider: ImageProvider, width: number, height: number): ImageCost {
  if (provider === 'anthropic') return anthropicImage(width, height);
  if (provider === 'google') return geminiImage(width, height);
  return openAiHighDetail(width, height);
}

/** Maps a profile's provider name onto a formula; unknown providers get OpenAI's, flagged. */
export function imageProviderFor(provider: string | undefined): { provider: ImageProvider; assumed: boolean } {
  const p = (provider ?? '').toLowerCase();
  if (p === 'openai' || p === 'azure' || p === 'azure-openai') return { provider: 'openai', assumed: false };
  if (p === 'anthropic') return { provider: 'anthropic', assumed: false };
  if (p === 'google' || p === 'gemini' || p === 'vertex') return { provider: 'google', assumed: false };
  return { provider: 'openai', assumed: true };
}
