/**
 * Loads a pack's JavaScript rule module (only ever called for trusted workspaces). A module
 * exports one rule or an array of rules in the shape of `Rule`, markdownlint-style; missing
 * optional fields get defaults, and a malformed export is reported, not run.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Rule } from '../rules/rule';
import { readRegularFileSync } from '../files/readRegularFile';
import type { Severity } from '../rules/finding';

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

/** Loaded modules by path, reloaded only when the file changes (the editor lints on every keystroke). */
const loaded = new Map<string, { mtimeMs: number; result: { rules: Rule[]; error?: string } }>();

export function loadJsRules(modulePath: string): { rules: Rule[]; error?: string } {
  let mtimeMs = -1;
  try {
    mtimeMs = statSync(modulePath).mtimeMs;
  } catch {
    // Reported by the require below.
  }
  const cached = loaded.get(modulePath);
  if (cached && cached.mtimeMs === mtimeMs) return cached.result;
  const result = loadFresh(modulePath);
  loaded.set(modulePath, { mtimeMs, result });
  return result;
}

function loadFresh(modulePath: string): { rules: Rule[]; error?: string } {
  // require() would block forever on a FIFO and read a device without end: check the file first.
  const check = readRegularFileSync(modulePath, 'jsRule');
  if (!check.ok) return { rules: [], error: check.message };
  let exported: unknown;
  try {
    const load = createRequire(modulePath);
    // Drop Node's cached copy so an edited rule is picked up.
    delete load.cache[load.resolve(modulePath)];
    exported = load(modulePath);
  } catch (e) {
    return { rules: [], error: `could not load ${modulePath}: ${(e as Error).message}` };
  }
  const candidate = (exported as { default?: unknown })?.default ?? exported;
  const list = Array.isArray(candidate) ? candidate : [candidate];
  const rules: Rule[] = [];
  for (const r of list as Record<string, unknown>[]) {
    if (!r || typeof r.id !== 'string' || typeof r.check !== 'function') {
      return { rules: [], error: `${modulePath} must export a rule { id, description, check(context, options) } or an array of them` };
    }
    const severity = r.defaultSeverity as Severity;
    rules.push({
      id: r.id,
      description: typeof r.description === 'string' ? r.description : r.id,
      docs: typeof r.docs === 'string' ? r.docs : '',
      tags: Array.isArray(r.tags) ? (r.tags as string[]) : [],
      defaultSeverity: SEVERITIES.includes(severity) ? severity : 'warning',
      enabledByDefault: r.enabledByDefault !== false,
      optionsSchema: (r.optionsSchema as Record<string, unknown>) ?? { type: 'object' },
      defaultOptions: (r.defaultOptions as Record<string, unknown>) ?? {},
      check: r.check as Rule['check'],
    });
  }
  return { rules };
}
