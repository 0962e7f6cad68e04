/** Shared by the history tests: fixtures, a real tokenizer, and a hand-computable fake estimator. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getEncoding } from 'js-tiktoken';
import type { RequestEstimate, RequestInput } from '../../../src/core/energy/estimate';
import type { Message, Role } from '../../../src/core/history/transcript';

export const fixturesDir = path.join(__dirname, '../../fixtures/history');
export const fixture = (name: string): string => readFileSync(path.join(fixturesDir, name), 'utf8');

const encoding = getEncoding('o200k_base');
/** The real o200k_base count, special-token strings counted as text. */
export const countO200k = (text: string): number => encoding.encode(text, [], []).length;

/** One token per whitespace-separated word: easy to count by hand. */
export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export const FAKE_DEFAULT_OUTPUT = 10;

/**
 * Wh = 0.001 × uncached input + 0.0001 × cached input + 0.005 × output; low = ½ central,
 * high = 2 × central; carbon 0.4 g per Wh. Output defaults to 10 tokens.
 */
export function fakeEstimate(input: RequestInput): RequestEstimate {
  const cached = input.cachedInputTokens ?? 0;
  const output = input.outputTokens ?? FAKE_DEFAULT_OUTPUT;
  const central = 0.001 * (input.inputTokens - cached) + 0.0001 * cached + 0.005 * output;
  const range = { low: central / 2, central, high: central * 2 };
  return {
    methodVersion: 'fake',
    profileId: 'fake',
    tokens: { input: input.inputTokens - cached, cachedInput: cached, output, reasoning: 0 },
    energyWh: range,
    carbonG: { low: range.low * 0.4, central: central * 0.4, high: range.high * 0.4 },
    embodiedCarbonG: { low: 0, central: 0, high: 0 },
    waterMl: { low: 0, central: 0, high: 0 },
    waterBoundary: 'none',
    grid: { zone: 'TEST', gCO2PerKWh: 400, source: 'test', year: 2025 },
    sciGPer1kTokens: { low: 0, central: 0, high: 0 },
    ecologitsWh: range,
    formula: 'fake',
    assumptions: [],
  };
}

export function message(role: Role, text: string): Message {
  return { role, text, payloads: [], range: { start: 0, end: text.length } };
}

export const CACHING = { supported: true, automatic: true, readPriceFactor: 0.1 };
export const NO_CACHING = { supported: false, automatic: false, readPriceFactor: 1 };
