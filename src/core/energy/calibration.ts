/**
 * The constants of our extension on top of EcoLogits, each with the reason for its value.
 * docs/energy-model.md explains how they were chosen; ./anchors.ts holds the published figures
 * they must reproduce (test/unit/energy/calibration.test.ts checks every one).
 */
import type { Estimate3 } from './estimate';

/**
 * Changes whenever a constant, a formula or the anchor table changes: figures from different
 * versions are not comparable. 2.0.0: r_in 0.3, default crossover 50k, a context term for output
 * tokens, TPU serving factor, EcoLogits 0.9.1 provider PUE/WUE for `ecologitsWh`, Oviedo v2 anchors.
 * 2.1.0: a profile's documented serving precision (`servingPrecisionBits`) sizes the GPU count of
 * the low and central bounds (Llama 3.1 405B and Llama 4 Maverick: FP8 on one 8×H100 node).
 */
export const METHOD_VERSION = 'mvp-energy 2.1.0 (EcoLogits 0.9.1 LLM method + input-token and context extension)';

/**
 * Serving-efficiency factor k applied to the EcoLogits per-token energy. EcoLogits fits H100
 * measurements at batch 64 in 16-bit; operators report 3–5× less for the same kind of request
 * (larger effective batches, FP8/FP4 weights, speculative decoding, newer accelerators). Central
 * 0.2 is Epoch AI's ≈0.3 Wh over EcoLogits' 1.49 Wh for the same GPT-4o answer (0.3 / 1.49 ≈ 0.2);
 * low 0.1 is twice as efficient again; high 1 is EcoLogits unmodified, so the high end always
 * covers the EcoLogits figure.
 */
export const SERVING_EFFICIENCY: Estimate3 = { low: 0.1, central: 0.2, high: 1 };

/**
 * r_in: energy of one uncached input (prefill) token relative to one output token, before the
 * context factor. ENERGY-MODEL.md §2: Epoch AI (Feb 2025) implies ≈0.22 mWh per input token at
 * 10k context against ≈0.6 mWh per output token, i.e. 0.37 at 10k; our context factor at 10k is
 * 1 + 5k/50k = 1.1 for a model of unknown shape, so the context-free ratio is 0.37 / 1.1 ≈ 0.33.
 * InferenceMAX / DeepSeek-R1 serving figures imply ≤ 1/8 for short prompts on well-batched
 * servers. Central 0.3, band 0.1–0.5.
 */
export const INPUT_TOKEN_RATIO: Estimate3 = { low: 0.1, central: 0.3, high: 0.5 };

/**
 * r_cache / r_in: a cache read is billed at ~10% of an input token (Anthropic 0.1×, Mistral 10%,
 * OpenAI "up to 90%" cheaper). No energy figure for a cache hit is published: labelled assumption.
 */
export const CACHE_READ_SHARE_OF_INPUT = 0.1;

/**
 * Context length at which per-token attention FLOPs equal the 2N of the weights, when a profile
 * does not give its shape. Kaplan et al. (2020): FLOPs per token ≈ 2N + 2·n_layer·n_ctx·d_attn,
 * so L* = N_active / (n_layer·d_attn). The project's MoE profiles with a published shape give
 * 28k–85k (gpt-oss-120b 34.6k, DeepSeek V3/R1 84.6k, Qwen3-235B 28.6k, Llama 4 69k); dense 70B
 * models ~107k. The closed models this default stands for are MoE: 50,000 tokens.
 */
export const DEFAULT_ATTENTION_CROSSOVER_TOKENS = 50_000;

/**
 * Serving factor for models served on Google TPUs (profile `accelerator: "tpu"`), on top of k.
 * EcoLogits' fit is for H100s. This value is FITTED on Google's own median Gemini prompt
 * (Elsworth et al. 2025, 0.24 Wh): gemini-2.5-flash at 1,000 in / 400 out (+400 thinking) gives
 * 0.305 Wh central without it, and 0.24 / 0.305 ≈ 0.8 of the 0.5 the first prototype used, hence
 * 0.4. We found no second public source for per-request TPU serving energy, so the Google energy
 * anchor is marked `fitted` in ./anchors.ts and is not an independent check (its accelerator-only
 * share, 0.10 Wh, still is: the split between accelerators and host is not fitted). Jouppi et al.
 * (ISCA 2023) report TPU v4 using 1.3–1.9× less power than A100 systems of similar size, which makes
 * a factor below 1 plausible without giving its value. The high bound stays EcoLogits (1).
 */
export const TPU_SERVING_FACTOR: Estimate3 = { low: 0.4, central: 0.4, high: 1 };
