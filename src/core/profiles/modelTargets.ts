/**
 * Where a model choice can be saved, and which of those places decides the model of the prompt in
 * front of the user. The model is resolved in a fixed order (core/analyse.ts `chooseModel`): a
 * session-only choice, then the prompt's front matter, then the team config, then the
 * `mvp.defaultModel` setting. Saving a choice in a place that loses to another one changes nothing
 * the user can see, so every option says whether it takes effect for this prompt.
 * Pure (no `vscode` import): the picker renders these options, unit tests check them.
 */
import * as path from 'node:path';
import type { ModelSource } from '../analyseOptions';

export type ModelTarget = 'session' | 'frontMatter' | 'config' | 'workspaceSetting' | 'userSetting';

const TARGETS: readonly ModelTarget[] = ['session', 'frontMatter', 'config', 'workspaceSetting', 'userSetting'];

export function isModelTarget(value: unknown): value is ModelTarget {
  return typeof value === 'string' && (TARGETS as readonly string[]).includes(value);
}

export interface ModelTargetOption {
  target: ModelTarget;
  label: string;
  detail: string;
  /** Whether saving the choice here changes the model of the current prompt. */
  takesEffect: boolean;
}

export interface ModelSituation {
  /** Where the current prompt's model came from ('explicit' = a session-only choice in the editor). */
  source: ModelSource;
  /** The name as written in that source. */
  requested: string;
  /** The nearest team config file, when one applies to the prompt. */
  configFile?: string;
  /** How to name it to the user (workspace-relative); the file's path when absent. */
  configLabel?: string;
  /** The prompt's file name, when there is a prompt. */
  documentName?: string;
  /** Whether a workspace folder is open (workspace settings need one). */
  hasWorkspace: boolean;
}

/** Rank of each source: a lower rank wins. */
const RANK: Record<ModelTarget, number> = { session: 0, frontMatter: 1, config: 2, workspaceSetting: 3, userSetting: 3 };
const SOURCE_RANK: Record<ModelSource, number> = { explicit: 0, frontMatter: 1, transcript: 1.5, config: 2, setting: 3, default: 4 };

/** One sentence: which source decides the model now, and what it beats. */
export function whoDecides(s: ModelSituation): string {
  switch (s.source) {
    case 'explicit':
      return `A choice for this session only ("${s.requested}") decides the model; it beats front matter, team config and settings until the window closes.`;
    case 'frontMatter':
      return `${s.documentName ?? 'This prompt'}'s front matter names "${s.requested}", which beats the team config and the mvp.defaultModel setting.`;
    case 'transcript':
      return `The chat session this prompt continues was held with "${s.requested}", which beats the team config and the mvp.defaultModel setting.`;
    case 'config':
      return `The team config${s.configFile ? ` ${path.basename(s.configFile)}` : ''} names "${s.requested}", which beats the mvp.defaultModel setting.`;
    case 'setting':
      return `The mvp.defaultModel setting ("${s.requested}") decides the model: no front matter or team config names one.`;
    case 'default':
      return `Nothing names a model, so the default "${s.requested}" is used.`;
  }
}

/**
 * The places a choice can go, the one that decides now first (changing it is what the user most
 * likely means), then "this session only", then the settings. Each says whether it takes effect.
 */
export function modelTargetOptions(s: ModelSituation): ModelTargetOption[] {
  const decidingRank = SOURCE_RANK[s.source];
  const effect = (target: ModelTarget): boolean => RANK[target] <= decidingRank;
  const loserNote = (target: ModelTarget): string =>
    effect(target) ? '' : ` — not for ${s.documentName ?? 'this prompt'}: its ${s.source === 'frontMatter' ? 'front matter' : s.source === 'config' ? 'team config' : s.source === 'transcript' ? 'chat session' : 'session-only choice'} wins`;
  const options: ModelTargetOption[] = [];
  if (s.source === 'frontMatter') {
    options.push({
      target: 'frontMatter',
      label: `Change ${s.documentName ?? 'the prompt'}'s front matter`,
      detail: `Rewrites "model: ${s.requested}" in this prompt only`,
      takesEffect: true,
    });
  }
  if (s.configFile && (s.source === 'config' || s.source === 'setting' || s.source === 'default')) {
    options.push({
      target: 'config',
      label: `Change the team config (${path.basename(s.configFile)})`,
      detail: `Sets "model" in ${s.configLabel ?? s.configFile} for every prompt it covers; shared with the team through the repository`,
      takesEffect: true,
    });
  }
  options.push({
    target: 'session',
    label: 'This session only',
    detail: 'Beats front matter, team config and settings until this window closes; nothing is written',
    takesEffect: true,
  });
  if (s.hasWorkspace) {
    options.push({
      target: 'workspaceSetting',
      label: `Workspace setting${loserNote('workspaceSetting')}`,
      detail: 'Writes mvp.defaultModel to this workspace\'s .vscode/settings.json',
      takesEffect: effect('workspaceSetting'),
    });
  }
  options.push({
    target: 'userSetting',
    label: `User setting${loserNote('userSetting')}`,
    detail: 'Writes mvp.defaultModel to your user settings (every workspace)',
    takesEffect: effect('userSetting'),
  });
  // The deciding source's own option first, then whatever takes effect, then the rest.
  return options.sort((a, b) => Number(b.takesEffect) - Number(a.takesEffect));
}

/**
 * The front matter with its `model:` value replaced, or undefined when the text has no front
 * matter `model:` line. Returns the character offsets of the value to replace.
 */
export function frontMatterModelValueRange(text: string): { start: number; end: number } | undefined {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^---[ \t]*$/m.exec(text.slice(open[0].length));
  if (!close) return undefined;
  const body = text.slice(open[0].length, open[0].length + close.index);
  const line = /^model[ \t]*:[ \t]*(.*?)[ \t]*(?:#.*)?$/m.exec(body);
  if (!line) return undefined;
  const valueStart = open[0].length + line.index + line[0].indexOf(line[1], line[0].indexOf(':') + 1);
  return { start: valueStart, end: valueStart + line[1].length };
}
