/** Model profiles: loading, validation, name resolution. */
export type { ModelProfile, ResolvedProfile, ResolutionStep, NumberRange } from './modelProfile';
export { validateProfile, isValidProfile, formatProfileProblems, type ProfileProblem } from './validateProfile';
export { findBuiltinProfilesDir, loadBuiltinProfiles, loadProfilesFromDir, type LoadedProfiles } from './builtinProfiles';
export { createProfileRegistry, DEFAULT_PROFILE_ID, type ProfileRegistry, type ProfileOverride } from './profileRegistry';
export { normaliseModelName, nameCandidates, nameTokens } from './modelName';
