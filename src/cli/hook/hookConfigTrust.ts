/**
 * Which team config `mvp hook` uses, and whether it may run that config's JavaScript rules.
 *
 * The hook runs for every prompt, in whatever folder the agent works in, with no editor asking
 * "do you trust this folder?". So: the config search goes up from the event's `cwd` only to the
 * repository root (the nearest folder with `.git`) or, outside a repository, to the user's home
 * folder — never into a shared parent such as `/tmp` that another user could write to. And the
 * JavaScript rules a config lists run only when the user has trusted that config by adding its
 * absolute path to their trust list (`~/.config/mvp/trusted-configs`, one path per line); every
 * other config still applies its declarative rules, budgets and settings. See docs/hooks.md.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { findConfigFile } from '../../core/config/loadConfig';

/** Where the config search stops: the repository root, else the home folder, else `cwd` itself. */
export function configSearchStop(cwd: string, home = homedir()): string {
  const start = path.resolve(cwd);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (exists(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  const resolvedHome = path.resolve(home);
  const relative = path.relative(resolvedHome, start);
  const insideHome = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  return insideHome ? resolvedHome : start;
}

/** The trust list: `$XDG_CONFIG_HOME/mvp/trusted-configs`, else `~/.config/mvp/trusted-configs`. */
export function trustListPath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const base =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(base, 'mvp', 'trusted-configs');
}

/** Absolute config paths the user listed (blank lines and `#` comments ignored), resolved through links. */
export function trustedConfigs(listFile: string): Set<string> {
  let text: string;
  try {
    // A small file the user writes; never more than 1 MB is considered.
    if (!statSync(listFile).isFile()) return new Set();
    text = readFileSync(listFile, 'utf8').slice(0, 1024 * 1024);
  } catch {
    return new Set();
  }
  const paths = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && path.isAbsolute(line));
  return new Set(paths.map(real));
}

export interface HookConfigChoice {
  /** The nearest config within the search bounds, if any. */
  configFile?: string;
  /** Where the search stopped (for messages and tests). */
  stopAt: string;
  /** Whether its JavaScript rules may run. */
  trusted: boolean;
  /** The trust list consulted. */
  trustList: string;
}

export function chooseHookConfig(
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): HookConfigChoice {
  const stopAt = configSearchStop(cwd, home);
  const configFile = findConfigFile(path.resolve(cwd), stopAt);
  const trustList = trustListPath(env, home);
  const trusted = configFile !== undefined && trustedConfigs(trustList).has(real(configFile));
  return { configFile, stopAt, trusted, trustList };
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
