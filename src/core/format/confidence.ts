/**
 * How sure a model profile's size figures are, in words a user reads without the profile schema:
 * the schema's `confidence` values are terms of art ("leaked" reads as an accusation on a model card).
 */
import type { ProfileConfidence } from '../profiles/modelProfile';

const WORDS: Record<ProfileConfidence, string> = {
  published: 'sizes published by the vendor',
  measured: 'measured',
  leaked: 'sizes from unofficial reports',
  estimated: 'sizes estimated from public information',
  default: 'no public figures: a generic default',
};

export function confidenceText(confidence: ProfileConfidence): string {
  return WORDS[confidence] ?? confidence;
}
