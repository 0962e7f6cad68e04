/**
 * Token count of a text for a model profile: exact when the profile's encoding is the model's own,
 * otherwise the proxy encoding's count times the profile's calibration factor, flagged approximate
 * so every surface can say so (see docs/tokenizers.md for how factors are derived).
 */
import type { ModelProfile } from '../profiles/modelProfile';
import { getTokenCounter } from './tokenCounter';

export interface ProfileTokenCount {
  tokens: number;
  approximate: boolean;
}

export function countForProfile(profile: ModelProfile, text: string): ProfileTokenCount {
  return calibrate(profile, getTokenCounter(profile.tokenizer.encoding).count(text));
}

/** The profile's count from its proxy encoding's count (the identity for exact tokenizers). */
export function calibrate(profile: ModelProfile, proxyCount: number): ProfileTokenCount {
  const { approximate, calibrationFactor } = profile.tokenizer;
  if (!approximate) return { tokens: proxyCount, approximate: false };
  if (!Number.isFinite(calibrationFactor) || calibrationFactor <= 0) {
    throw new Error(
      `Model profile "${profile.id}": tokenizer.calibrationFactor must be a positive number (got ${calibrationFactor}); fix that profile's JSON in model-profiles/`,
    );
  }
  return { tokens: Math.round(proxyCount * calibrationFactor), approximate: true };
}
