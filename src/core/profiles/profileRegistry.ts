/**
 * The catalogue of profiles a session works with (built-ins plus team overrides) and the
 * resolution of a user-supplied model name: exact id → alias → family → labelled default.
 */
import type { ModelProfile, ResolvedProfile } from './modelProfile';
import { nameCandidates, nameTokens, normaliseModelName } from './modelName';
import { formatProfileProblems, validateProfile } from './validateProfile';

/** The profile used when nothing matches; it says so in its warnings. */
export const DEFAULT_PROFILE_ID = 'unknown-frontier';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

/**
 * A team's profile from config: a complete new profile, or a partial one whose `id` names an
 * existing profile to adjust (e.g. `{ "id": "gpt-4o", "dataCentre": { "gridZone": "SE" } }`).
 */
export type ProfileOverride = { id: string } & DeepPartial<Omit<ModelProfile, 'id'>>;

export interface ProfileRegistry {
  /** Never throws; unknown names get the labelled default. */
  resolve(name: string): ResolvedProfile;
  get(id: string): ModelProfile | undefined;
  list(): readonly ModelProfile[];
  /** Overrides that were rejected, one readable line each (which override, which field, why). */
  readonly problems: readonly string[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; arrays and scalars replace. */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) out[key] = deepMerge(base[key], value);
  return out;
}

/**
 * The profile an override produces: merged over the built-in of the same id, or the override
 * itself when it introduces a new id (then it must be complete).
 */
export function profileFromOverride(override: ProfileOverride, builtins: readonly ModelProfile[]): unknown {
  const existing = builtins.find((p) => p.id === override.id);
  return existing ? deepMerge(existing, override) : override;
}

/** Applies overrides to a copy of the built-ins; rejected overrides are reported, never thrown. */
function applyOverrides(base: readonly ModelProfile[], overrides: readonly ProfileOverride[]): { profiles: ModelProfile[]; problems: string[] } {
  const byId = new Map(base.map((p) => [p.id, p] as const));
  const problems: string[] = [];
  overrides.forEach((override, index) => {
    const where = `model profile override #${index + 1}${isPlainObject(override) && typeof override.id === 'string' ? ` ("${override.id}")` : ''}`;
    if (!isPlainObject(override) || typeof override.id !== 'string' || override.id.trim() === '') {
      problems.push(`${where}: needs an "id" (an existing profile id to adjust, or a new id)`);
      return;
    }
    const existing = byId.get(override.id);
    const candidate = existing ? deepMerge(existing, override) : override;
    const found = validateProfile(candidate);
    if (found.length > 0) {
      problems.push(
        formatProfileProblems(where, found) +
          (existing ? '' : `\n${where}: "${override.id}" is not a built-in profile id, so the override must be a complete profile`),
      );
      return;
    }
    byId.set(override.id, candidate as ModelProfile);
  });
  return { profiles: [...byId.values()], problems };
}

interface FamilyKey {
  tokens: string[];
  profile: ModelProfile;
}

/** A family token matches a name token equal to it, or it followed by a version number ("qwen" ~ "qwen3"). */
function tokenMatches(familyToken: string, nameToken: string): boolean {
  return nameToken === familyToken || (nameToken.startsWith(familyToken) && /^[\d.]+$/.test(nameToken.slice(familyToken.length)));
}

/** Tokens that are versions ("5", "4o", "70b"): they start with a digit. */
const isVersion = (t: string) => /^\d/.test(t);

/**
 * A family's version numbers must open the name's: "gpt-5.4" is of family gpt-5 (5 ~ 5.4), not of
 * gpt-4 (a 4 somewhere in the name) nor gpt-3.5; "gpt-5.3-codex" is not gpt-3.5. A newer version
 * never resolves to an older generation: unmatched, it falls to the labelled default.
 */
function sameGeneration(familyTokens: readonly string[], nameTokens: readonly string[]): boolean {
  const familyVersion = familyTokens.filter(isVersion);
  if (!familyVersion.length) return true;
  // Versions in the name that precede the name's own words such as a size ("70b") stay in order.
  const nameVersion = nameTokens.filter(isVersion);
  return familyVersion.every((v, i) => nameVersion[i] !== undefined && (nameVersion[i] === v || tokenMatches(v, nameVersion[i])));
}

export function createProfileRegistry(profiles: readonly ModelProfile[], overrides: readonly ProfileOverride[] = []): ProfileRegistry {
  const applied = applyOverrides(profiles, overrides);
  const all = applied.profiles;
  const byId = new Map(all.map((p) => [p.id, p] as const));
  const byAlias = new Map<string, ModelProfile>();
  for (const p of all) {
    for (const key of [p.id, ...p.aliases]) {
      const n = normaliseModelName(key);
      if (!byAlias.has(n) || key === p.id) byAlias.set(n, p);
    }
  }
  const families: FamilyKey[] = all
    .filter((p) => p.id !== DEFAULT_PROFILE_ID)
    .map((p) => ({ tokens: nameTokens(p.family), profile: p }));
  const fallback = byId.get(DEFAULT_PROFILE_ID) ?? all[0];

  function byFamily(name: string): ModelProfile | undefined {
    const tokens = nameTokens(name);
    // A size in the name ("3b", "70b") picks the family member closest in total parameters.
    const sizeToken = tokens.find((t) => /^\d+(?:\.\d+)?b$/.test(t));
    const sizeB = sizeToken ? parseFloat(sizeToken) : undefined;
    let best: { score: number; profile: ModelProfile } | undefined;
    for (const f of families) {
      if (f.tokens.length === 0 || !f.tokens.every((ft) => tokens.some((t) => tokenMatches(ft, t))) || !sameGeneration(f.tokens, tokens)) continue;
      const idTokens = nameTokens(f.profile.id);
      const overlap = idTokens.filter((t) => tokens.includes(t)).length;
      // A more specific family wins, then the member sharing most of the name (and nearest in size), then the family default.
      const total = f.profile.parameters.total;
      const closeness =
        sizeB !== undefined && sizeB > 0 ? -Math.abs(Math.log(sizeB / ((total.min + total.max) / 2))) : 0;
      const score = f.tokens.length * 1000 + overlap * 10 + closeness + (f.profile.familyDefault ? 0.5 : 0);
      if (!best || score > best.score) best = { score, profile: f.profile };
    }
    return best?.profile;
  }

  return {
    problems: applied.problems,
    list: () => all,
    get: (id) => byId.get(id),
    resolve(name: string): ResolvedProfile {
      const requested = typeof name === 'string' ? name : String(name);
      const exact = byId.get(requested.trim());
      if (exact) return { requested, profile: exact, resolvedBy: 'exact' };
      if (requested.trim() !== '') {
        for (const candidate of nameCandidates(requested)) {
          const hit = byAlias.get(candidate);
          if (hit) return { requested, profile: hit, resolvedBy: 'alias' };
        }
        const family = byFamily(requested);
        if (family) return { requested, profile: family, resolvedBy: 'family' };
      }
      if (!fallback) throw new Error('No model profiles loaded: cannot resolve any model name.');
      return { requested, profile: fallback, resolvedBy: 'default' };
    },
  };
}
