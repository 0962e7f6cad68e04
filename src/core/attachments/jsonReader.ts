/**
 * JSON: naive = the file as written (usually pretty-printed); minimal = minified; for a large
 * array (the largest one in the document) "schema + first N items", which is lossy and says so.
 * JSON Lines are handled line by line.
 */
import { makeForm } from './attachmentForm';
import type { AttachmentForm, AttachmentProblem } from './attachment';
import type { ReaderContext, ReaderResult } from './readerContext';
import { formatInteger } from '../format';

/** Arrays longer than this get the "schema + first N items" reduction. */
const LARGE_ARRAY_ITEMS = 50;

/**
 * Deeper nesting than this is not minified or sampled: JSON.stringify recurses once per level and
 * overflowed the stack at ~5,000 levels, which failed the whole analysis. Real data nests < 50.
 */
export const MAX_JSON_DEPTH = 512;

export function readJson(text: string, ctx: ReaderContext): ReaderResult | { invalid: AttachmentProblem } {
  const depth = nestingDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    return {
      format: 'json',
      naive: makeForm(`${ctx.label} as written`, text, ctx.countTokens, ctx.keepTextUpTo),
      details: { topLevel: 'deeply nested', nestingDepth: depth },
      problems: [{ code: 'notCounted', message: `${ctx.label}: JSON nested ${formatInteger(depth)} levels deep (more than ${MAX_JSON_DEPTH}) — counted as written; no minified form or sample was made.` }],
    };
  }
  let value: unknown;
  let lines = false;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const jsonLines = parseJsonLines(text);
    if (!jsonLines) {
      const reason = error instanceof Error ? error.message : String(error);
      return { invalid: { code: 'corrupt', message: `${ctx.label}: not valid JSON (${reason}) — counted as plain text.` } };
    }
    value = jsonLines;
    lines = true;
  }

  const naive = makeForm(`${ctx.label} as written`, text, ctx.countTokens, ctx.keepTextUpTo);
  const minified = lines ? (value as unknown[]).map((item) => JSON.stringify(item)).join('\n') : JSON.stringify(value);
  const alternatives: AttachmentForm[] = [];
  let minimal: AttachmentForm | undefined = minified.length < text.length ? makeForm(lines ? 'Minified JSON Lines' : 'Minified JSON', minified, ctx.countTokens, ctx.keepTextUpTo) : undefined;

  const largest = largestArray(value, '$');
  const details: ReaderResult['details'] = { topLevel: lines ? 'JSON Lines' : kindOf(value) };
  if (largest) {
    details.largestArray = largest.path;
    details.largestArrayItems = largest.items.length;
  }
  if (largest && largest.items.length > LARGE_ARRAY_ITEMS) {
    const shown = largest.items.slice(0, ctx.previewRows);
    const truncated = lines ? shown : replaceAt(value, largest.path, shown);
    const sample = lines ? shown.map((item) => JSON.stringify(item)).join('\n') : JSON.stringify(truncated);
    const summary = `Schema of ${largest.path}[] (${largest.items.length} items, first ${shown.length} shown): ${schemaOf(largest.items)}\n${sample}`;
    const form = makeForm(`Schema + first ${shown.length} of ${largest.items.length} items of ${largest.path} (lossy: the model sees only a sample)`, summary, ctx.countTokens, ctx.keepTextUpTo);
    if (minimal) alternatives.push(minimal);
    if (!minimal || form.tokens < minimal.tokens) minimal = form;
    else alternatives.push(form);
  }
  return { format: 'json', naive, minimal, alternatives: alternatives.length ? alternatives : undefined, details, problems: [] };
}

/** The deepest [ / { nesting outside strings, found with a loop (the value may be too deep to walk recursively). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return deepest;
}

function parseJsonLines(text: string): unknown[] | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2) return undefined;
  try {
    return lines.map((line) => JSON.parse(line) as unknown);
  } catch {
    return undefined;
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** The longest array within the first levels (where big payloads live: `$.data.items`). */
function largestArray(value: unknown, at: string, depth = 0): { path: string; items: unknown[] } | undefined {
  let best: { path: string; items: unknown[] } | undefined;
  if (Array.isArray(value)) best = { path: at, items: value };
  if (depth >= 3 || value === null || typeof value !== 'object' || Array.isArray(value)) return best;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const found = largestArray(child, `${at}.${key}`, depth + 1);
    if (found && (!best || found.items.length > best.items.length)) best = found;
  }
  return best;
}

function replaceAt(root: unknown, path: string, replacement: unknown): unknown {
  const keys = path.split('.').slice(1);
  if (!keys.length) return replacement;
  const copy: Record<string, unknown> = { ...(root as Record<string, unknown>) };
  let cursor = copy;
  for (let i = 0; i < keys.length - 1; i++) {
    cursor[keys[i]] = { ...(cursor[keys[i]] as Record<string, unknown>) };
    cursor = cursor[keys[i]] as Record<string, unknown>;
  }
  cursor[keys[keys.length - 1]] = replacement;
  return copy;
}

/** A compact TypeScript-like type of the items: `{id: number, tags: string[]}`. */
export function schemaOf(items: unknown[], depth = 0): string {
  const types = new Set(items.slice(0, 200).map((item) => typeOf(item, depth)));
  return [...types].join(' | ') || 'never';
}

function typeOf(value: unknown, depth: number): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return depth >= 2 ? 'array' : `${wrap(schemaOf(value, depth + 1))}[]`;
  if (typeof value === 'object') {
    if (depth >= 2) return 'object';
    const fields = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${typeOf(v, depth + 1)}`);
    return `{${fields.join(', ')}}`;
  }
  return typeof value;
}

function wrap(type: string): string {
  return type.includes('|') ? `(${type})` : type;
}
