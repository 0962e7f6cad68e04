/** Images: naive = the provider's cost at full size; minimal = the cheapest setting or resize. */
import type { AttachmentForm } from './attachment';
import { readImageSize } from './imageHeader';
import { anthropicImage, geminiImage, imageCost, imageProviderFor, openAiHighDetail, openAiLowDetail, type ImageCost } from './imageTokens';
import type { ReaderContext, ReaderResult } from './readerContext';

const PROVIDER_NAMES = { openai: 'OpenAI', anthropic: 'Anthropic', google: 'Gemini' } as const;

export function readImage(bytes: Uint8Array, providerName: string | undefined, ctx: ReaderContext): ReaderResult {
  const size = readImageSize(bytes);
  if (!size) {
    return {
      format: 'image',
      naive: { description: 'Image (size unreadable)', tokens: 0 },
      details: {},
      problems: [{ code: 'corrupt', message: `${ctx.label}: the image header is damaged or truncated — its size, and so its token cost, cannot be read.` }],
    };
  }
  const { provider, assumed } = imageProviderFor(providerName);
  const full = imageCost(provider, size.width, size.height);
  const assumption = assumed ? ` — no published image formula for provider "${providerName ?? 'unknown'}"; OpenAI's is used as an estimate` : '';
  const naive = form(`${size.width}×${size.height} ${size.type.toUpperCase()}, ${PROVIDER_NAMES[provider]} formula: ${full.formula}${assumption}`, full);

  const cheaper = cheapestSetting(provider, size.width, size.height);
  const minimal = cheaper && cheaper.cost.tokens < full.tokens ? form(cheaper.description, cheaper.cost) : undefined;
  const alternatives = [openAiHighDetail(size.width, size.height), anthropicImage(size.width, size.height), geminiImage(size.width, size.height)]
    .filter((c) => c.provider !== provider)
    .map((c) => form(`${PROVIDER_NAMES[c.provider]} formula: ${c.formula}`, c));

  const details: ReaderResult['details'] = {
    imageType: size.type,
    width: size.width,
    height: size.height,
    formulaProvider: provider,
    formula: full.formula,
  };
  if (assumed) details.formulaAssumed = true;
  void ctx;
  return { format: 'image', naive, minimal, alternatives, details, problems: [] };
}

function form(description: string, cost: ImageCost): AttachmentForm {
  return { description, tokens: cost.tokens };
}

/** What the user can change: OpenAI's low detail; for the others, a smaller image. */
function cheapestSetting(provider: 'openai' | 'anthropic' | 'google', width: number, height: number): { description: string; cost: ImageCost } | undefined {
  if (provider === 'openai') return { description: 'OpenAI detail "low" (a 512×512 preview): 85 tokens', cost: openAiLowDetail() };
  if (provider === 'google') {
    const scale = Math.min(1, 384 / Math.max(width, height));
    const w = Math.max(1, Math.floor(width * scale));
    const h = Math.max(1, Math.floor(height * scale));
    return { description: `Resized to ${w}×${h} (fits 384×384: one Gemini tile)`, cost: geminiImage(w, h) };
  }
  const scale = Math.min(1, 768 / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  return { description: `Resized to ${w}×${h} (long edge 768 px)`, cost: anthropicImage(w, h) };
}
