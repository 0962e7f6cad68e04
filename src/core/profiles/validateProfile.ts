/**
 * Pure validation of a model profile (built-in JSON or a team override), mirroring
 * model-profiles/model-profile.schema.json plus the checks a schema cannot express (min ≤ max,
 * active ≤ total). Hand-written rather than Ajv at runtime: the schema is small, Ajv would add
 * ~120 kB to every bundle and compiles validators with `new Function`; the unit tests check both
 * agree on every built-in profile.
 */
import type { ModelProfile } from './modelProfile';

export interface ProfileProblem {
  /** JSON path of the offending field, e.g. "parameters.active.max" or "sources[0].url". */
  path: string;
  /** The same path as keys and indices (["sources", 0, "url"]), for locating it in a JSON document. */
  segments: (string | number)[];
  message: string;
}

function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

type Json = unknown;

const ENCODINGS = ['o200k_base', 'cl100k_base', 'llama3', 'qwen2', 'deepseek_v3', 'tekken', 'gemma3'];
const CONFIDENCE = ['published', 'leaked', 'estimated', 'default', 'measured'];
const WEIGHTS = ['open', 'closed'];
const WEIGHTS_HINT =
  '"open" (the weights are published under a licence that allows running them yourself) or "closed" (a hosted service only, or a licence that forbids production use)';
const TOP_LEVEL = new Set([
  '$schema', 'id', 'name', 'aliases', 'provider', 'family', 'weights', 'tokenizer', 'contextWindow', 'maxOutputTokens',
  'architecture', 'parameters', 'layers', 'modelDim', 'attentionDim', 'accelerator', 'servingPrecisionBits', 'reasoning', 'caching', 'dataCentre',
  'expectedOutputTokens', 'deployment', 'measuredEnergy', 'pricing', 'confidence', 'warnings', 'local', 'localDevice',
  'familyDefault', 'sources',
]);

class Checker {
  readonly problems: ProfileProblem[] = [];

  fail(path: string, message: string): void {
    this.problems.push({ path, segments: pathSegments(path), message });
  }

  object(v: Json, path: string, required: string[], allowed: string[]): v is Record<string, Json> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(path, 'must be an object');
      return false;
    }
    const o = v as Record<string, Json>;
    for (const key of required) if (!(key in o)) this.fail(path ? `${path}.${key}` : key, 'is required');
    for (const key of Object.keys(o)) {
      if (!allowed.includes(key)) this.fail(path ? `${path}.${key}` : key, 'is not a known field (check the spelling)');
    }
    return true;
  }

  string(v: Json, path: string, nonEmpty = true): v is string {
    if (typeof v !== 'string') return this.fail(path, 'must be a string'), false;
    if (nonEmpty && v.trim() === '') return this.fail(path, 'must not be empty'), false;
    return true;
  }

  bool(v: Json, path: string): v is boolean {
    if (typeof v !== 'boolean') return this.fail(path, 'must be true or false'), false;
    return true;
  }

  number(v: Json, path: string, opts: { min?: number; exclusiveMin?: number; max?: number; integer?: boolean } = {}): v is number {
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(path, 'must be a number'), false;
    if (opts.integer && !Number.isInteger(v)) return this.fail(path, 'must be a whole number'), false;
    if (opts.min !== undefined && v < opts.min) return this.fail(path, `must be at least ${opts.min}`), false;
    if (opts.exclusiveMin !== undefined && v <= opts.exclusiveMin) return this.fail(path, `must be greater than ${opts.exclusiveMin}`), false;
    if (opts.max !== undefined && v > opts.max) return this.fail(path, `must be at most ${opts.max}`), false;
    return true;
  }

  range(v: Json, path: string, opts: { min?: number; exclusiveMin?: number }): v is { min: number; max: number } {
    if (!this.object(v, path, ['min', 'max'], ['min', 'max'])) return false;
    const okMin = this.number(v.min, `${path}.min`, opts);
    const okMax = this.number(v.max, `${path}.max`, opts);
    if (okMin && okMax && (v.min as number) > (v.max as number)) {
      this.fail(path, `min (${v.min}) is greater than max (${v.max})`);
      return false;
    }
    return okMin && okMax;
  }

  oneOf(v: Json, path: string, values: string[]): boolean {
    if (typeof v !== 'string' || !values.includes(v)) return this.fail(path, `must be one of: ${values.join(', ')}`), false;
    return true;
  }
}

/** Every problem with a candidate profile; empty when it is valid. Never throws. */
export function validateProfile(candidate: unknown): ProfileProblem[] {
  const c = new Checker();
  if (!c.object(candidate, '', [
    'id', 'name', 'aliases', 'provider', 'family', 'tokenizer', 'contextWindow', 'maxOutputTokens', 'architecture',
    'parameters', 'reasoning', 'caching', 'dataCentre', 'expectedOutputTokens', 'confidence', 'sources',
  ], [...TOP_LEVEL])) {
    return c.problems;
  }
  const p = candidate;
  if (c.string(p.id, 'id') && !/^[a-z0-9][a-z0-9._-]*$/.test(p.id)) {
    c.fail('id', 'must be lower-case letters, digits, ".", "_" or "-" (it is also the file name)');
  }
  if ('name' in p) c.string(p.name, 'name');
  if ('provider' in p) c.string(p.provider, 'provider');
  if ('family' in p) c.string(p.family, 'family');
  // Required too, but checked here so that a missing value says what the two values mean.
  if (!('weights' in p)) c.fail('weights', `is required: ${WEIGHTS_HINT}`);
  else if (typeof p.weights !== 'string' || !WEIGHTS.includes(p.weights)) {
    c.fail('weights', `must be ${WEIGHTS_HINT}${typeof p.weights === 'string' ? `, not "${p.weights}"` : ''}`);
  }
  if ('aliases' in p) {
    if (!Array.isArray(p.aliases)) c.fail('aliases', 'must be a list of names');
    else {
      p.aliases.forEach((a, i) => c.string(a, `aliases[${i}]`));
      if (new Set(p.aliases).size !== p.aliases.length) c.fail('aliases', 'contains duplicates');
    }
  }
  if ('tokenizer' in p && c.object(p.tokenizer, 'tokenizer', ['encoding', 'approximate', 'calibrationFactor'], ['encoding', 'approximate', 'calibrationFactor', 'calibrationMethod'])) {
    const t = p.tokenizer;
    c.oneOf(t.encoding, 'tokenizer.encoding', ENCODINGS);
    c.bool(t.approximate, 'tokenizer.approximate');
    c.number(t.calibrationFactor, 'tokenizer.calibrationFactor', { exclusiveMin: 0, max: 10 });
    if (t.calibrationMethod !== undefined) c.string(t.calibrationMethod, 'tokenizer.calibrationMethod');
    else if (t.approximate === true) c.fail('tokenizer.calibrationMethod', 'is required when the tokenizer is approximate (say how the factor was obtained)');
  }
  if ('contextWindow' in p) c.number(p.contextWindow, 'contextWindow', { min: 1, integer: true });
  if ('maxOutputTokens' in p) c.number(p.maxOutputTokens, 'maxOutputTokens', { min: 1, integer: true });
  if ('architecture' in p) c.oneOf(p.architecture, 'architecture', ['dense', 'moe']);
  if ('parameters' in p && c.object(p.parameters, 'parameters', ['total', 'active'], ['total', 'active'])) {
    const total = c.range(p.parameters.total, 'parameters.total', { exclusiveMin: 0 });
    const active = c.range(p.parameters.active, 'parameters.active', { exclusiveMin: 0 });
    if (total && active) {
      const t = p.parameters.total as { min: number; max: number };
      const a = p.parameters.active as { min: number; max: number };
      if (a.max > t.max) c.fail('parameters.active', 'active parameters cannot exceed total parameters');
      if (p.architecture === 'dense' && (a.min !== t.min || a.max !== t.max)) {
        c.fail('parameters.active', 'a dense model uses all its parameters: active must equal total');
      }
    }
  }
  if ('layers' in p) c.number(p.layers, 'layers', { min: 1, integer: true });
  if ('modelDim' in p) c.number(p.modelDim, 'modelDim', { min: 1, integer: true });
  if (('layers' in p) !== ('modelDim' in p)) c.fail('layers', 'layers and modelDim go together (both or neither)');
  if ('attentionDim' in p) {
    c.number(p.attentionDim, 'attentionDim', { min: 1, integer: true });
    if (!('layers' in p)) c.fail('attentionDim', 'attentionDim needs layers and modelDim (the attention width refines the model shape)');
  }
  if ('accelerator' in p) c.oneOf(p.accelerator, 'accelerator', ['gpu', 'tpu']);
  if ('servingPrecisionBits' in p) c.number(p.servingPrecisionBits, 'servingPrecisionBits', { min: 4, max: 16 });
  if ('reasoning' in p && c.object(p.reasoning, 'reasoning', ['isReasoning', 'hiddenTokensPerOutputToken'], ['isReasoning', 'hiddenTokensPerOutputToken'])) {
    c.bool(p.reasoning.isReasoning, 'reasoning.isReasoning');
    c.number(p.reasoning.hiddenTokensPerOutputToken, 'reasoning.hiddenTokensPerOutputToken', { min: 0 });
  }
  if ('caching' in p && c.object(p.caching, 'caching', ['supported', 'automatic', 'readPriceFactor'], ['supported', 'automatic', 'readPriceFactor', 'note'])) {
    c.bool(p.caching.supported, 'caching.supported');
    c.bool(p.caching.automatic, 'caching.automatic');
    c.number(p.caching.readPriceFactor, 'caching.readPriceFactor', { min: 0, max: 1 });
    if (p.caching.note !== undefined) c.string(p.caching.note, 'caching.note', false);
  }
  if ('dataCentre' in p && c.object(p.dataCentre, 'dataCentre', ['pue', 'wueOnSite', 'gridZone', 'location'], ['pue', 'wueOnSite', 'gridZone', 'location'])) {
    c.range(p.dataCentre.pue, 'dataCentre.pue', { min: 1 });
    c.range(p.dataCentre.wueOnSite, 'dataCentre.wueOnSite', { min: 0 });
    c.string(p.dataCentre.gridZone, 'dataCentre.gridZone');
    c.string(p.dataCentre.location, 'dataCentre.location');
  }
  if ('expectedOutputTokens' in p) c.number(p.expectedOutputTokens, 'expectedOutputTokens', { min: 0, integer: true });
  if ('deployment' in p && c.object(p.deployment, 'deployment', ['tokensPerSecond', 'ttftSeconds'], ['tokensPerSecond', 'ttftSeconds'])) {
    c.number(p.deployment.tokensPerSecond, 'deployment.tokensPerSecond', { exclusiveMin: 0 });
    c.number(p.deployment.ttftSeconds, 'deployment.ttftSeconds', { min: 0 });
  }
  if ('measuredEnergy' in p && c.object(p.measuredEnergy, 'measuredEnergy', ['whPerInputToken', 'whPerOutputToken', 'note'], ['whPerInputToken', 'whPerOutputToken', 'note'])) {
    c.number(p.measuredEnergy.whPerInputToken, 'measuredEnergy.whPerInputToken', { min: 0 });
    c.number(p.measuredEnergy.whPerOutputToken, 'measuredEnergy.whPerOutputToken', { min: 0 });
    c.string(p.measuredEnergy.note, 'measuredEnergy.note');
  }
  if ('pricing' in p && c.object(p.pricing, 'pricing', ['currency', 'inputPerMTok', 'outputPerMTok', 'cacheReadPerMTok', 'source'], ['currency', 'inputPerMTok', 'outputPerMTok', 'cacheReadPerMTok', 'cacheWritePerMTok', 'source', 'note'])) {
    const pr = p.pricing;
    c.oneOf(pr.currency, 'pricing.currency', ['USD']);
    for (const key of ['inputPerMTok', 'outputPerMTok', 'cacheReadPerMTok', 'cacheWritePerMTok'] as const) {
      if (key in pr) c.number(pr[key], `pricing.${key}`, { min: 0 });
    }
    if (c.object(pr.source, 'pricing.source', ['url', 'checked'], ['url', 'checked'])) {
      if (c.string(pr.source.url, 'pricing.source.url') && !/^https?:\/\/\S+$/.test(pr.source.url)) c.fail('pricing.source.url', 'must be an http(s) URL');
      if (c.string(pr.source.checked, 'pricing.source.checked') && !/^\d{4}-\d{2}-\d{2}$/.test(pr.source.checked)) {
        c.fail('pricing.source.checked', 'must be the day the price was read, as YYYY-MM-DD');
      }
    }
    if (pr.note !== undefined) c.string(pr.note, 'pricing.note', false);
  }
  if ('confidence' in p) c.oneOf(p.confidence, 'confidence', CONFIDENCE);
  if ('warnings' in p) {
    if (!Array.isArray(p.warnings)) c.fail('warnings', 'must be a list of strings');
    else p.warnings.forEach((w, i) => c.string(w, `warnings[${i}]`, false));
  }
  if ('local' in p) c.bool(p.local, 'local');
  if ('familyDefault' in p) c.bool(p.familyDefault, 'familyDefault');
  if ('localDevice' in p && c.object(p.localDevice, 'localDevice', ['watts', 'outputTokensPerSecond', 'inputTokensPerSecond', 'note'], ['watts', 'outputTokensPerSecond', 'inputTokensPerSecond', 'note'])) {
    c.range(p.localDevice.watts, 'localDevice.watts', { exclusiveMin: 0 });
    c.range(p.localDevice.outputTokensPerSecond, 'localDevice.outputTokensPerSecond', { exclusiveMin: 0 });
    c.range(p.localDevice.inputTokensPerSecond, 'localDevice.inputTokensPerSecond', { exclusiveMin: 0 });
    c.string(p.localDevice.note, 'localDevice.note');
  }
  if ('sources' in p) {
    if (!Array.isArray(p.sources) || p.sources.length === 0) c.fail('sources', 'must list at least one source (title and url)');
    else {
      p.sources.forEach((s, i) => {
        if (c.object(s, `sources[${i}]`, ['title', 'url'], ['title', 'url', 'note'])) {
          c.string(s.title, `sources[${i}].title`);
          if (c.string(s.url, `sources[${i}].url`) && !/^https?:\/\/\S+$/.test(s.url)) c.fail(`sources[${i}].url`, 'must be an http(s) URL');
          if (s.note !== undefined) c.string(s.note, `sources[${i}].note`, false);
        }
      });
    }
  }
  return c.problems;
}

/** Narrowing helper: the candidate as a profile when valid. */
export function isValidProfile(candidate: unknown): candidate is ModelProfile {
  return validateProfile(candidate).length === 0;
}

/** One line per problem, for error messages. */
export function formatProfileProblems(where: string, problems: ProfileProblem[]): string {
  return problems.map((pr) => `${where}: ${pr.path || '(profile)'} ${pr.message}`).join('\n');
}
