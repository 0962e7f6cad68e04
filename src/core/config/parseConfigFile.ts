/**
 * One config or pack file: JSONC text → value + problems with exact positions (syntax errors,
 * schema violations, declarative rules that cannot work, invalid profiles). Invalid values are
 * dropped from the value after being reported, so one typo cannot break the other settings.
 */
import { parseTree, getNodeValue, findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ConfigProblem, MvpConfigFile } from './mvpConfig';
import { checkAgainstSchema, type JsonSchema } from './schemaCheck';
import { configProblemAt } from './configProblemAt';
import { patternSyntaxError, type DeclarativeRuleSpec } from '../rules/declarativeRule';
import { validateProfile } from '../profiles/validateProfile';
import { loadBuiltinProfiles } from '../profiles/builtinProfiles';
import { profileFromOverride, type ProfileOverride } from '../profiles/profileRegistry';
import configSchema from './mvp-config.schema.json';

export interface ParsedConfigFile {
  file: string;
  text: string;
  root?: Node;
  value: MvpConfigFile;
  problems: ConfigProblem[];
}

export const CONFIG_SCHEMA = configSchema as JsonSchema;

const rangeOf = (node: Node): { start: number; end: number } => ({ start: node.offset, end: node.offset + node.length });

/** Removes the values at `paths` (deepest and last first, so array indices stay valid). */
function dropValues(value: unknown, paths: (string | number)[][]): void {
  const sorted = [...paths].sort((a, b) => b.length - a.length || String(b[b.length - 1]).localeCompare(String(a[a.length - 1]), undefined, { numeric: true }));
  for (const p of sorted) {
    if (!p.length) continue;
    let parent = value as Record<string | number, unknown> | undefined;
    for (const key of p.slice(0, -1)) parent = parent?.[key] as Record<string | number, unknown> | undefined;
    const last = p[p.length - 1];
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else if (parent && typeof parent === 'object') delete parent[last];
  }
}

export function parseConfigText(file: string, text: string): ParsedConfigFile {
  const problems: ConfigProblem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) {
    problems.push(configProblemAt(file, text, { start: e.offset, end: e.offset + e.length }, `Invalid JSON: ${printParseErrorCode(e.error)}`));
  }
  if (!root || root.type !== 'object') {
    if (!errors.length) problems.push(configProblemAt(file, text, root ? rangeOf(root) : undefined, 'The config must be a JSON object, e.g. { "rules": { } }'));
    return { file, text, root, value: {}, problems };
  }
  const value = getNodeValue(root) as MvpConfigFile;
  const drop: (string | number)[][] = [];

  for (const v of checkAgainstSchema(root, CONFIG_SCHEMA, CONFIG_SCHEMA)) {
    problems.push(configProblemAt(file, text, rangeOf(v.node), v.message));
    // A declarative rule or profile with any bad field is dropped whole: half a rule cannot run.
    const whole = (v.dropPath[0] === 'declarativeRules' || v.dropPath[0] === 'profiles') && v.dropPath.length > 2;
    drop.push(whole ? v.dropPath.slice(0, 2) : v.dropPath);
  }

  // What the schema cannot say: each kind's required fields, and patterns that do not compile.
  const kindNeeds: Record<string, string> = { existence: 'tokens', substitution: 'swap', occurrence: 'token' };
  const seenIds = new Map<string, number>();
  (Array.isArray(value.declarativeRules) ? value.declarativeRules : []).forEach((spec: DeclarativeRuleSpec, i) => {
    const node = findNodeAtLocation(root, ['declarativeRules', i]);
    if (!node || !spec || typeof spec !== 'object' || typeof spec.kind !== 'string') return;
    const needed = kindNeeds[spec.kind];
    if (needed && !(needed in spec)) {
      problems.push(configProblemAt(file, text, rangeOf(node), `Declarative rule "${spec.id}" of kind ${spec.kind} needs "${needed}"`));
      drop.push(['declarativeRules', i]);
      return;
    }
    if (seenIds.has(spec.id)) {
      problems.push(configProblemAt(file, text, rangeOf(findNodeAtLocation(root, ['declarativeRules', i, 'id']) ?? node), `Declarative rule id "${spec.id}" is already used by rule ${seenIds.get(spec.id)! + 1} in this file`));
      drop.push(['declarativeRules', i]);
      return;
    }
    seenIds.set(spec.id, i);
    try {
      const error = patternSyntaxError(spec);
      if (error) {
        const where = findNodeAtLocation(root, ['declarativeRules', i, needed]) ?? node;
        problems.push(configProblemAt(file, text, rangeOf(where), `Declarative rule "${spec.id}": invalid regular expression — ${error}`));
        drop.push(['declarativeRules', i]);
      }
    } catch {
      // Shape errors were reported by the schema check.
    }
  });

  (Array.isArray(value.profiles) ? value.profiles : []).forEach((profile, i) => {
    // A partial profile adjusts the built-in of the same id ("we run in Sweden"); it is checked merged.
    const found = isOverride(profile) ? validateProfile(profileFromOverride(profile, loadBuiltinProfiles())) : validateProfile(profile);
    if (!found.length) return;
    for (const p of found) {
      const where = findNodeAtLocation(root, ['profiles', i, ...p.path.split('.').filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k))]) ?? findNodeAtLocation(root, ['profiles', i]);
      problems.push(configProblemAt(file, text, where && rangeOf(where), `Profile "${(profile as { id?: string })?.id ?? i}": ${p.path ? p.path + ': ' : ''}${p.message}`));
    }
    drop.push(['profiles', i]);
  });

  // Drop parents before children would make child paths dangle; dedupe and let dropValues order them.
  const unique = [...new Map(drop.map((p) => [JSON.stringify(p), p])).values()];
  dropValues(value, unique.filter((p) => !unique.some((q) => q !== p && q.length < p.length && q.every((k, j) => k === p[j]))));
  return { file, text, root, value, problems };
}

function isOverride(value: unknown): value is ProfileOverride {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}
