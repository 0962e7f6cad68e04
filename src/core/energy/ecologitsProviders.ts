/**
 * EcoLogits' own data-centre assumptions per API provider (`PROVIDER_CONFIG_MAP` in
 * `ecologits/tracers/utils.py`, EcoLogits 0.9.1, MPL-2.0) and its grid factors for those zones
 * (`ecologits/data/electricity_mixes.csv`). `ecologitsWh` uses these, not the profile's data
 * centre, so that it *is* the EcoLogits figure for the same request: a profile may assume a
 * different PUE (e.g. Uptime's industry average for open models served by anyone), EcoLogits does not.
 */
import type { ModelProfile, NumberRange } from '../profiles/modelProfile';

export type EcologitsProvider = 'anthropic' | 'cohere' | 'google_genai' | 'huggingface_hub' | 'mistralai' | 'openai';

export interface EcologitsProviderConfig {
  pue: NumberRange;
  /** On-site water usage effectiveness, L/kWh. */
  wue: NumberRange;
  /** ISO alpha-3 zone EcoLogits uses for the provider's data centres. */
  zone: 'USA' | 'SWE';
}

const exact = (v: number): NumberRange => ({ min: v, max: v });

export const ECOLOGITS_PROVIDERS: Record<EcologitsProvider, EcologitsProviderConfig> = {
  anthropic: { pue: { min: 1.09, max: 1.14 }, wue: { min: 0.13, max: 0.999 }, zone: 'USA' },
  cohere: { pue: exact(1.09), wue: exact(0.999), zone: 'USA' },
  google_genai: { pue: exact(1.09), wue: exact(0.999), zone: 'USA' },
  huggingface_hub: { pue: { min: 1.09, max: 1.14 }, wue: { min: 0.13, max: 0.99 }, zone: 'USA' },
  mistralai: { pue: exact(1.16), wue: exact(0.09), zone: 'SWE' },
  openai: { pue: exact(1.2), wue: exact(0.569), zone: 'USA' },
};

/** EcoLogits' electricity mixes for its provider zones: kgCO2e/kWh and off-site water L/kWh. */
export const ECOLOGITS_ELECTRICITY_MIXES: Record<'USA' | 'SWE' | 'FRA' | 'WOR', { gwpKgPerKWh: number; wueLPerKWh: number }> = {
  USA: { gwpKgPerKWh: 0.38355, wueLPerKWh: 3.1321 },
  SWE: { gwpKgPerKWh: 0.03582, wueLPerKWh: 6.0315 },
  FRA: { gwpKgPerKWh: 0.04418, wueLPerKWh: 3.6737 },
  WOR: { gwpKgPerKWh: 0.47301, wueLPerKWh: 3.908 },
};

/** Our profile providers that EcoLogits traces through their own API. */
const API_PROVIDERS: Record<string, EcologitsProvider> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google_genai',
  mistral: 'mistralai',
  cohere: 'cohere',
};

/**
 * The EcoLogits provider whose assumptions apply to a profile. Closed models: their vendor's API.
 * Open-weights models: EcoLogits lists them under `huggingface_hub` (e.g. openai/gpt-oss-120b,
 * meta-llama/*), except Mistral's, which its own API serves and EcoLogits lists under `mistralai`.
 */
export function ecologitsProviderFor(profile: Pick<ModelProfile, 'provider' | 'weights'>): EcologitsProvider {
  const api = API_PROVIDERS[profile.provider];
  if (api === 'mistralai') return api;
  if (api && profile.weights === 'closed') return api;
  return 'huggingface_hub';
}
