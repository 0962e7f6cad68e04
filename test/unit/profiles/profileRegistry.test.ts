import * as assert from 'node:assert/strict';
import { loadBuiltinProfiles } from '../../../src/core/profiles/builtinProfiles';
import { createProfileRegistry, DEFAULT_PROFILE_ID } from '../../../src/core/profiles/profileRegistry';
import { nameCandidates, normaliseModelName } from '../../../src/core/profiles/modelName';
import type { ResolutionStep } from '../../../src/core/profiles/modelProfile';

const registry = createProfileRegistry(loadBuiltinProfiles());

const examples: [requested: string, step: ResolutionStep, id: string][] = [
  // exact id
  ['gpt-4o', 'exact', 'gpt-4o'],
  ['claude-sonnet-4-5', 'exact', 'claude-sonnet-4-5'],
  ['local-model', 'exact', 'local-model'],
  // alias: case, dates, -latest, vendor prefixes, declared aliases
  ['GPT-4o', 'alias', 'gpt-4o'],
  ['  gpt-4o ', 'exact', 'gpt-4o'], // surrounding spaces are not part of a name,
  ['gpt-4o-2024-08-06', 'alias', 'gpt-4o'],
  ['openai/gpt-4o-mini-2024-07-18', 'alias', 'gpt-4o-mini'],
  ['gpt-4-0613', 'alias', 'gpt-4'],
  ['gpt-3.5-turbo-0125', 'alias', 'gpt-3.5-turbo'],
  ['o3-2025-04-16', 'alias', 'o3'],
  ['claude-sonnet-4-5-20250929', 'alias', 'claude-sonnet-4-5'],
  ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'alias', 'claude-sonnet-4-5'],
  ['anthropic/claude-haiku-4-5', 'alias', 'claude-haiku-4-5'],
  ['models/gemini-2.5-flash', 'alias', 'gemini-2.5-flash'],
  ['gemini-2.5-flash-preview-05-20', 'alias', 'gemini-2.5-flash'],
  ['gemini-2.5-flash-lite-preview-09-2025', 'alias', 'gemini-2.5-flash-lite'],
  ['mistral-large-latest', 'alias', 'mistral-large'],
  ['mistralai/codestral-2501', 'alias', 'codestral'],
  ['meta-llama/Llama-3.1-8B-Instruct', 'alias', 'llama-3.1-8b'],
  ['llama3.1:70b', 'alias', 'llama-3.1-70b'],
  ['deepseek-chat', 'alias', 'deepseek-v3'],
  ['deepseek-reasoner', 'alias', 'deepseek-r1'],
  ['Qwen/Qwen3-235B-A22B-Instruct-2507', 'alias', 'qwen3-235b-a22b'],
  ['microsoft/phi-4', 'alias', 'phi-4'],
  ['google/gemma-3-27b-it', 'alias', 'gemma-3-27b-it'],
  ['models/gemma-3-12b-it', 'alias', 'gemma-3-12b-it'],
  ['gemma3:27b', 'alias', 'gemma-3-27b-it'],
  ['gemma3:1b', 'alias', 'gemma-3-1b-it'],
  ['gemma3', 'alias', 'gemma-3-4b-it'], // Ollama's default gemma3 tag is the 4B
  ['gemma3:latest', 'alias', 'gemma-3-4b-it'],
  // family
  ['claude-3-5-sonnet-20241022', 'family', 'claude-sonnet-4-5'],
  ['anthropic.claude-3-haiku-20240307-v1:0', 'family', 'claude-haiku-4-5'],
  ['gemini-1.5-pro', 'family', 'gemini-2.5-pro'],
  ['gemini-2.0-flash-lite', 'family', 'gemini-2.5-flash-lite'],
  ['gemini-2.0-flash', 'family', 'gemini-2.5-flash'],
  ['gpt-5.1', 'family', 'gpt-5'],
  ['gpt-5.1-mini', 'family', 'gpt-5-mini'],
  ['o1-mini', 'family', 'o4-mini'],
  ['llama-3.3-70b-instruct', 'family', 'llama-3.1-70b'],
  ['meta-llama/Llama-3.2-3B-Instruct', 'family', 'llama-3.1-8b'],
  ['llama-4-scout-17b-16e-instruct-fp8', 'alias', 'llama-4-scout'],
  ['qwen3-32b', 'family', 'qwen3-30b-a3b'],
  ['phi-3-mini', 'family', 'phi-4'],
  ['gemma3:12b-it-qat', 'family', 'gemma-3-12b-it'],
  ['google/gemma-3-27b-it:free', 'family', 'gemma-3-27b-it'],
  ['gemma-3-27b-pt', 'family', 'gemma-3-27b-it'],
  // Gemma 2 and Gemma 4 have other tokenizers and shapes: never a Gemma 3 profile.
  ['gemma-2-9b-it', 'default', DEFAULT_PROFILE_ID],
  ['google/gemma-4-31b-it', 'default', DEFAULT_PROFILE_ID],
  // labelled default
  ['totally-new-model', 'default', DEFAULT_PROFILE_ID],
  ['', 'default', DEFAULT_PROFILE_ID],
];

describe('profile resolution: exact id → alias → family → default', () => {
  for (const [requested, step, id] of examples) {
    it(`${JSON.stringify(requested)} → ${id} (${step})`, () => {
      const r = registry.resolve(requested);
      assert.equal(r.profile.id, id);
      assert.equal(r.resolvedBy, step);
      assert.equal(r.requested, requested);
    });
  }

  it('the default profile says it is a default', () => {
    const r = registry.resolve('some-model-from-2031');
    assert.equal(r.profile.confidence, 'default');
    assert.ok((r.profile.warnings ?? []).some((w) => /not recognised/.test(w)));
  });
});

describe('model name normalisation', () => {
  it('strips vendor prefixes and unifies case and separators', () => {
    assert.equal(normaliseModelName('OpenAI/GPT-4o'), 'gpt-4o');
    assert.equal(normaliseModelName('eu.anthropic.claude-haiku-4-5-20251001-v1:0'), 'claude-haiku-4-5-20251001-v1');
    assert.equal(normaliseModelName('Llama 3.1_8B'), 'llama-3.1-8b');
  });

  it('lists shorter snapshot-free candidates, longest first', () => {
    assert.deepEqual(nameCandidates('gpt-4o-2024-08-06'), ['gpt-4o-2024-08-06', 'gpt-4o']);
    assert.deepEqual(nameCandidates('mistral-large-latest'), ['mistral-large-latest', 'mistral-large']);
  });
});

describe('team overrides', () => {
  it('a partial override adjusts a built-in profile ("we run in Sweden")', () => {
    const reg = createProfileRegistry(loadBuiltinProfiles(), [{ id: 'llama-3.1-70b', dataCentre: { gridZone: 'SE', pue: { min: 1.1, max: 1.2 } } }]);
    assert.deepEqual(reg.problems, []);
    const p = reg.resolve('llama-3.1-70b').profile;
    assert.equal(p.dataCentre.gridZone, 'SE');
    assert.deepEqual(p.dataCentre.pue, { min: 1.1, max: 1.2 });
    assert.equal(p.dataCentre.location, loadBuiltinProfiles().find((x) => x.id === 'llama-3.1-70b')!.dataCentre.location);
    // The built-ins themselves are untouched.
    assert.equal(loadBuiltinProfiles().find((x) => x.id === 'llama-3.1-70b')!.dataCentre.gridZone, 'USA');
  });

  it('a complete new profile is added and resolvable by its aliases', () => {
    const base = loadBuiltinProfiles().find((x) => x.id === 'llama-3.1-8b')!;
    const ours = {
      ...structuredClone(base),
      id: 'acme-llama',
      name: 'ACME fine-tuned Llama',
      aliases: ['acme/llama-internal'],
      family: 'acme',
      confidence: 'measured' as const,
      measuredEnergy: { whPerInputToken: 0.00002, whPerOutputToken: 0.0002, note: 'metered on our rack' },
    };
    const reg = createProfileRegistry(loadBuiltinProfiles(), [ours]);
    assert.deepEqual(reg.problems, []);
    assert.equal(reg.resolve('acme-llama').resolvedBy, 'exact');
    assert.equal(reg.resolve('ACME/llama-internal').profile.id, 'acme-llama');
    assert.equal(reg.list().length, loadBuiltinProfiles().length + 1);
  });

  it('a partial override can set weights (e.g. a team licensed to run a research-licence model)', () => {
    const reg = createProfileRegistry(loadBuiltinProfiles(), [{ id: 'mistral-large', weights: 'open' }, { id: 'gpt-4o', weights: 'public' as never }]);
    assert.equal(reg.get('mistral-large')!.weights, 'open');
    assert.equal(loadBuiltinProfiles().find((x) => x.id === 'mistral-large')!.weights, 'closed');
    assert.equal(reg.problems.length, 1);
    assert.match(reg.problems[0], /override #2 \("gpt-4o"\): weights must be "open" .* not "public"/);
    assert.equal(reg.get('gpt-4o')!.weights, 'closed');
    const { weights: _weights, ...incomplete } = { ...structuredClone(loadBuiltinProfiles().find((x) => x.id === 'llama-3.1-8b')!), id: 'acme-new' };
    const rejected = createProfileRegistry(loadBuiltinProfiles(), [incomplete as never]);
    assert.match(rejected.problems[0], /override #1 \("acme-new"\): weights is required: "open"/);
  });

  it('a broken override is reported precisely and ignored, never thrown', () => {
    const reg = createProfileRegistry(loadBuiltinProfiles(), [
      { id: 'gpt-4o', dataCentre: { pue: { min: 0.5, max: 1.2 } } },
      { id: 'brand-new', name: 'Incomplete' },
      {} as never,
    ]);
    assert.equal(reg.problems.length, 3);
    assert.match(reg.problems[0], /override #1 \("gpt-4o"\): dataCentre\.pue\.min must be at least 1/);
    assert.match(reg.problems[1], /"brand-new" is not a built-in profile id, so the override must be a complete profile/);
    assert.match(reg.problems[2], /needs an "id"/);
    assert.deepEqual(reg.get('gpt-4o')!.dataCentre.pue, { min: 1.2, max: 1.2 });
  });
});
