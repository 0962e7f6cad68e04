/**
 * Finds the config that applies to a prompt file (nearest `.mvp.jsonc` / `.mvp.json` from the
 * file's folder up to the workspace root), resolves its `extends` chain and merges everything
 * into one ResolvedConfig. Every problem — unreadable file, invalid JSON, schema violation, missing
 * pack, cycle, unknown rule id — is reported with its position; nothing falls back silently.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { CONFIG_FILE_NAMES, type ConfigProblem, type LoadConfigOptions, type ResolvedConfig, type RuleSetting } from './mvpConfig';
import { parseConfigText, type ParsedConfigFile } from './parseConfigFile';
import { resolveExtends } from './resolveExtends';
import { loadJsRules } from './loadJsRule';
import { configProblemAt } from './configProblemAt';
import { checkAgainstSchema, type JsonSchema } from './schemaCheck';
import { builtinRules } from '../rules/builtinRules';
import { decodeText } from '../attachments/decodeText';
import { readRegularFileSync, refusalForError } from '../files/readRegularFile';
import type { Rule } from '../rules/rule';

export function emptyConfig(): ResolvedConfig {
  return { sourceFiles: [], hook: { block: false }, rules: {}, budgets: {}, profiles: [], declarativeRules: [], jsRules: [], skippedJsRules: [], problems: [] };
}

/**
 * Whether a config candidate is there: anything but a folder counts, so that a device or FIFO named
 * `.mvp.jsonc` is reported by the read (a clear message) instead of being silently passed over.
 */
function isPresent(p: string): boolean {
  try {
    return !statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** An extends chain deeper than this is refused: real packs nest two or three levels. */
export const MAX_EXTENDS_DEPTH = 32;

/** The nearest config file from `startDir` up to `stopAt` (inclusive) or the filesystem root. */
export function findConfigFile(startDir: string, stopAt?: string): string | undefined {
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isPresent(candidate)) return candidate;
    }
    if (dir === stop || path.dirname(dir) === dir) return undefined;
  }
}

/** Parsed files by path, reused while their size and mtime are unchanged (the editor lints per keystroke). */
const parsedCache = new Map<string, { mtimeMs: number; size: number; parsed: ParsedConfigFile }>();

function readParsed(file: string): ParsedConfigFile | { error: string } {
  let stat;
  try {
    stat = statSync(file);
  } catch (e) {
    return { error: refusalForError(e, file, 'config').message };
  }
  const cached = parsedCache.get(file);
  if (cached && stat.isFile() && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.parsed;
  // Regular files only, size-capped, opened non-blocking: a pack path of /dev/zero or a FIFO is refused.
  const read = readRegularFileSync(file, 'config');
  if (!read.ok) return { error: read.message };
  const parsed = parseConfigText(file, decodeText(read.bytes).text);
  parsedCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, parsed });
  return parsed;
}

const rangeOf = (node: Node): { start: number; end: number } => ({ start: node.offset, end: node.offset + node.length });

/** Files in merge order: what each file extends (depth first, in order), then the file itself. */
function collectLayers(configFile: string, options: LoadConfigOptions, problems: ConfigProblem[]): ParsedConfigFile[] {
  const layers: ParsedConfigFile[] = [];
  const done = new Set<string>();
  const visit = (file: string, stack: string[], from?: { parsed: ParsedConfigFile; node?: Node }): void => {
    const where = (message: string, severity: 'error' | 'warning' = 'error'): void => {
      problems.push(from ? configProblemAt(from.parsed.file, from.parsed.text, from.node && rangeOf(from.node), message, severity) : configProblemAt(file, undefined, undefined, message, severity));
    };
    if (stack.includes(file)) {
      const cycle = [...stack.slice(stack.indexOf(file)), file].map((f) => path.relative(path.dirname(configFile), f) || path.basename(f));
      where(`extends cycle: ${cycle.join(' → ')}. Remove one of these entries.`);
      return;
    }
    // A diamond (two packs extending a third) applies the shared file once, at its first place.
    if (done.has(file)) return;
    if (stack.length >= MAX_EXTENDS_DEPTH) {
      where(`extends chain deeper than ${MAX_EXTENDS_DEPTH} files (at ${file}) — the rest was not read. Flatten the chain.`);
      return;
    }
    const parsed = readParsed(file);
    if ('error' in parsed) {
      where(`Cannot read the config: ${parsed.error}`);
      return;
    }
    problems.push(...parsed.problems);
    const entries = Array.isArray(parsed.value.extends) ? parsed.value.extends : [];
    entries.forEach((entry, i) => {
      const node = parsed.root && findNodeAtLocation(parsed.root, ['extends', i]);
      const resolved = resolveExtends(entry, file, options.extensionPackResolver);
      if ('error' in resolved) {
        problems.push(configProblemAt(file, parsed.text, node && rangeOf(node), resolved.error, resolved.severity));
        return;
      }
      visit(path.resolve(resolved.file), [...stack, file], { parsed, node });
    });
    done.add(file);
    layers.push(parsed);
  };
  visit(path.resolve(configFile), []);
  return layers;
}

function normalise(setting: RuleSetting): { severity?: ResolvedConfig['rules'][string]['severity']; options?: Record<string, unknown> } {
  return typeof setting === 'string' ? { severity: setting } : setting;
}

/** Loads one config file explicitly (and everything it extends). */
export function loadConfigFile(configFile: string, options: LoadConfigOptions): ResolvedConfig {
  const config = emptyConfig();
  const problems = config.problems;
  const layers = collectLayers(configFile, options, problems);
  const jsSources = new Map<string, { pack: ParsedConfigFile; index: number }>();
  const declarative = new Map<string, ResolvedConfig['declarativeRules'][number]>();
  const profiles = new Map<string, ResolvedConfig['profiles'][number]>();
  /** Where each rule id was last configured, to point at it if the id is unknown. */
  const ruleOrigins = new Map<string, ParsedConfigFile>();

  for (const layer of layers) {
    const v = layer.value;
    config.sourceFiles.push(layer.file);
    if (v.model !== undefined) config.model = v.model;
    if (v.region !== undefined) config.region = v.region;
    if (v.budgets) config.budgets = { ...config.budgets, ...v.budgets };
    if (typeof v.hook?.block === 'boolean') config.hook = { block: v.hook.block, source: layer.file };
    for (const [id, setting] of Object.entries(v.rules ?? {})) {
      const prev = config.rules[id] ?? { options: {} };
      const next = normalise(setting);
      config.rules[id] = { severity: next.severity ?? prev.severity, options: { ...prev.options, ...next.options } };
      ruleOrigins.set(id, layer);
    }
    for (const p of v.profiles ?? []) profiles.set(p.id, p);
    for (const spec of v.declarativeRules ?? []) declarative.set(spec.id, { spec, sourceFile: layer.file });
    if (v.files) {
      config.files = v.files;
      config.filesBase = path.dirname(layer.file);
    }
    (v.jsRules ?? []).forEach((rel, index) => {
      const module = path.resolve(path.dirname(layer.file), rel);
      if (!jsSources.has(module)) jsSources.set(module, { pack: layer, index });
    });
  }
  config.profiles = [...profiles.values()];
  for (const [id, rule] of declarative) {
    if (!builtinRules.some((b) => b.id === id)) continue;
    const layer = layers.find((l) => l.file === rule.sourceFile);
    const index = layer?.value.declarativeRules?.findIndex((r) => r.id === id) ?? -1;
    const node = layer?.root && findNodeAtLocation(layer.root, ['declarativeRules', index, 'id']);
    problems.push(configProblemAt(rule.sourceFile, layer?.text, node && rangeOf(node), `Declarative rule id "${id}" is a built-in rule's id; give it a prefix such as "team/${id}"`));
    declarative.delete(id);
  }
  config.declarativeRules = [...declarative.values()];

  for (const [module, { pack, index }] of jsSources) {
    if (!options.trusted) {
      config.skippedJsRules.push({ module, pack: pack.file });
      continue;
    }
    const node = pack.root && findNodeAtLocation(pack.root, ['jsRules', index]);
    if (!isPresent(module)) {
      problems.push(configProblemAt(pack.file, pack.text, node && rangeOf(node), `JavaScript rule module not found: ${module}`));
      continue;
    }
    const loaded = loadJsRules(module);
    if (loaded.error) {
      problems.push(configProblemAt(pack.file, pack.text, node && rangeOf(node), `JavaScript rules: ${loaded.error}`));
      continue;
    }
    for (const rule of loaded.rules) {
      if (builtinRules.some((b) => b.id === rule.id) || config.jsRules.some((r) => r.id === rule.id) || declarative.has(rule.id)) {
        problems.push(configProblemAt(pack.file, pack.text, node && rangeOf(node), `JavaScript rule id "${rule.id}" from ${module} is already taken; the rule was not loaded`));
        continue;
      }
      config.jsRules.push(rule);
    }
  }

  checkRuleIds(config, ruleOrigins);
  return config;
}

/** Unknown rule ids are errors (a typo would otherwise silently keep a rule on); JS rules' options are checked too. */
function checkRuleIds(config: ResolvedConfig, origins: Map<string, ParsedConfigFile>): void {
  const known = new Map<string, Rule | undefined>([...builtinRules, ...config.jsRules].map((r) => [r.id, r]));
  for (const r of config.declarativeRules) known.set(r.spec.id, undefined);
  for (const [id, layer] of origins) {
    const keyNode = layer.root && findNodeAtLocation(layer.root, ['rules', id])?.parent?.children?.[0];
    const valueNode = layer.root && findNodeAtLocation(layer.root, ['rules', id, 'options']);
    if (!known.has(id)) {
      // JavaScript rules not loaded (untrusted workspace) may define it: say so instead of failing.
      if (config.skippedJsRules.length) continue;
      const near = [...known.keys()].map((k) => [k, distance(id, k)] as const).sort((a, b) => a[1] - b[1])[0];
      const hint = near && near[1] <= 3 ? ` Did you mean "${near[0]}"?` : ` Known rules: ${[...known.keys()].join(', ')}.`;
      config.problems.push(configProblemAt(layer.file, layer.text, keyNode && rangeOf(keyNode), `Unknown rule "${id}".${hint}`));
      delete config.rules[id];
      continue;
    }
    const rule = known.get(id);
    if (rule && config.jsRules.includes(rule) && valueNode) {
      for (const v of checkAgainstSchema(valueNode, rule.optionsSchema as JsonSchema, rule.optionsSchema as JsonSchema, ['rules', id, 'options'])) {
        config.problems.push(configProblemAt(layer.file, layer.text, rangeOf(v.node), v.message));
      }
    }
  }
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/**
 * The config that applies to `filePath` (a prompt file, or a folder): the nearest config file
 * from its folder up to `workspaceRoot` (or the filesystem root), with its `extends` resolved.
 * Without any config file, the defaults (no problems).
 */
export function loadConfigFor(filePath: string, options: LoadConfigOptions): ResolvedConfig {
  let dir = path.resolve(filePath);
  try {
    if (!statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  const configFile = findConfigFile(dir, options.workspaceRoot);
  return configFile ? loadConfigFile(configFile, options) : emptyConfig();
}
