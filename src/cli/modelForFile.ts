/**
 * The model a file-level command (`mvp tokens`, `mvp convert`) counts with, chosen the one way every
 * surface chooses it (`chooseModel`): the `--model` flag, else the team config that applies to the
 * file, else the default. The config is read untrusted: only its model and profiles matter here,
 * so no JavaScript rule is ever loaded for a count.
 */
import { chooseModel, profileRegistryFor } from '../core/analyse';
import type { ModelSource } from '../core/analyseOptions';
import { loadConfigFor } from '../core/config/loadConfig';
import type { ResolvedProfile } from '../core/profiles/modelProfile';

export interface ModelForFile {
  resolved: ResolvedProfile;
  source: ModelSource;
  /** The team config files that chose the model (nearest last), when a config did. */
  configFiles?: string[];
}

export function modelForFile(file: string, explicitModel: string | undefined): ModelForFile {
  const config = loadConfigFor(file, { trusted: false });
  const choice = chooseModel({ model: explicitModel }, undefined, config);
  return {
    resolved: profileRegistryFor(config).resolve(choice.name),
    source: choice.source,
    configFiles: choice.source === 'config' ? config.sourceFiles : undefined,
  };
}
