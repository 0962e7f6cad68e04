/**
 * Loads the model profiles that ship with the extension (`model-profiles/*.json`). The folder is
 * found by walking up from this file, which works both from the TypeScript sources
 * (src/core/profiles/) and from the esbuild bundles (dist/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ModelProfile } from './modelProfile';
import { formatProfileProblems, validateProfile } from './validateProfile';

export const PROFILE_SCHEMA_FILE = 'model-profile.schema.json';
const PROFILES_DIR_NAME = 'model-profiles';

/** The built-in `model-profiles/` folder, or undefined when no ancestor of `startDir` has one. */
export function findBuiltinProfilesDir(startDir: string = __dirname): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, PROFILES_DIR_NAME);
    if (fs.existsSync(path.join(candidate, PROFILE_SCHEMA_FILE))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadedProfiles {
  profiles: ModelProfile[];
  /** One readable line per broken file (which file, which field, what is wrong). */
  problems: string[];
}

/** Reads and validates every `*.json` profile in a folder (the schema file excluded). Never throws. */
export function loadProfilesFromDir(dir: string): LoadedProfiles {
  const profiles: ModelProfile[] = [];
  const problems: string[] = [];
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== PROFILE_SCHEMA_FILE).sort();
  } catch (err) {
    return { profiles, problems: [`${dir}: cannot read the profiles folder (${(err as Error).message})`] };
  }
  for (const file of files) {
    const where = path.join(dir, file);
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(where, 'utf8'));
    } catch (err) {
      problems.push(`${where}: not valid JSON (${(err as Error).message})`);
      continue;
    }
    const found = validateProfile(data);
    if (found.length > 0) {
      problems.push(formatProfileProblems(where, found));
      continue;
    }
    // "$schema" is there for editor completion only; it is not part of a profile.
    delete (data as { $schema?: unknown }).$schema;
    const profile = data as ModelProfile;
    if (`${profile.id}.json` !== file) {
      problems.push(`${where}: id "${profile.id}" does not match the file name (expected ${profile.id}.json)`);
      continue;
    }
    profiles.push(profile);
  }
  return { profiles, problems };
}

let cached: ModelProfile[] | undefined;

/**
 * The built-in profiles, loaded once. Throws with a precise message when the folder is missing or
 * a shipped profile is broken: both are packaging bugs, caught by the unit tests.
 */
export function loadBuiltinProfiles(): ModelProfile[] {
  if (cached) return cached;
  const dir = findBuiltinProfilesDir();
  if (!dir) {
    throw new Error(
      `Built-in model profiles not found: no "${PROFILES_DIR_NAME}/${PROFILE_SCHEMA_FILE}" above ${__dirname}. The package is incomplete; reinstall it.`,
    );
  }
  const { profiles, problems } = loadProfilesFromDir(dir);
  if (problems.length > 0) throw new Error(`Broken built-in model profiles:\n${problems.join('\n')}`);
  cached = profiles;
  return profiles;
}
