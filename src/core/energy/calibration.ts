/**
 * The constants of our extension on top of EcoLogits, each with the reason for its value.
 * docs/energy-model.md explains how they were chosen; test/unit/energy/calibration.test.ts holds
 * the published anchors they must reproduce.
 */
import type { Estimate3 } from './estimate';

export const METHOD_VERSION = 'mvp-energy 1.0.0 (EcoLogits 0.9 LLM method + input-token extension)';

/**
 * Serving-efficiency factor k applied to the EcoLogits per-token energy. EcoLogits fits H100
 * measurements at batch 64 in 16-bit; operators report 3–5× less for the same kind of request
 * (larger effective batches, FP8/FP4 weights, speculative decoding, newer accelerators). Central
 * 0.2 reproduces Epoch AI's ≈0.3 Wh and Altman's 0.34 Wh for a GPT-4o-class chat answer; low 0.1
 * covers Google's 0.24 Wh median Gemini prompt with a small model; high 1 is EcoLogits unmodified,
 * so the high end always covers the EcoLogits figure.
 */
export const SERVING_EFFICIENCY: Estimate3 = { low: 0.1, central: 0.2, high: 1 };

/**
 * r_in: energy of one uncached input (prefill) token relative to one output token. Epoch AI
 * (Feb 2025) implies ≈0.22 mWh per input token vs ≈0.6 mWh per output token at 10k context;
 * InferenceMAX / DeepSeek-R1 figures imply ≤ 1/8. Central 0.2, band 0.05–0.4.
 */
export const INPUT_TOKEN_RATIO: Estimate3 = { low: 0.05, central: 0.2, high: 0.4 };

/**
 * r_cache / r_in: a cache read is billed at ~10% of an input token (Anthropic 0.1×, Mistral 10%,
 * OpenAI "up to 90%" cheaper). No energy figure for a cache hit is published: labelled assumption.
 */
export const CACHE_READ_SHARE_OF_INPUT = 0.1;

/**
 * Context length at which per-token attention FLOPs equal the 2N of the weights, when a profile
 * does not give layers and width (Kaplan et al. 2020: 2·n_layer·n_ctx·d_attn = 2N near 107k tokens
 * for a 70B model with 80 layers × 8192).
 */
export const DEFAULT_ATTENTION_CROSSOVER_TOKENS = 100_000;
