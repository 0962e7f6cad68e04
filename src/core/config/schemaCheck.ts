/**
 * Checks a parsed JSONC tree against the subset of JSON Schema our own schemas use (type, enum,
 * properties, additionalProperties, required, items, anyOf, $ref to #/definitions, numeric and
 * length bounds). Walking jsonc-parser's tree gives every violation the exact node, hence the
 * exact position in the file, and keeps Ajv and its `new Function` compilation out of the editor
 * bundle. A unit test checks that Ajv agrees on the shipped schema.
 */
import type { Node } from 'jsonc-parser';

export type JsonSchema = { [keyword: string]: unknown };

export interface SchemaViolation {
  node: Node;
  /** Dotted path of the value, e.g. `rules.context-window.options.nearShare`. */
  path: string;
  message: string;
  /** A value to drop from the config: a wrong value, or an object missing a required key. */
  dropPath: (string | number)[];
}

function typeOf(node: Node): string {
  if (node.type === 'number') return Number.isInteger(node.value) ? 'integer' : 'number';
  return node.type;
}

function matchesType(node: Node, type: string): boolean {
  const actual = typeOf(node);
  return actual === type || (type === 'number' && actual === 'integer');
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

export function checkAgainstSchema(node: Node, schema: JsonSchema, root: JsonSchema, at: (string | number)[] = []): SchemaViolation[] {
  const pathText = at.length ? at.join('.') : '(top level)';
  const fail = (message: string, where: Node = node, drop = at): SchemaViolation[] => [{ node: where, path: pathText, message, dropPath: drop }];

  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/definitions/', '');
    const target = (root.definitions as Record<string, JsonSchema>)[name];
    return checkAgainstSchema(node, { ...target, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) }, root, at);
  }
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf as JsonSchema[];
    const results = branches.map((b) => checkAgainstSchema(node, b, root, at));
    if (results.some((r) => r.length === 0)) return [];
    // Report the branch that fits the value's kind (a string → the enum, an object → the object form).
    const fitting = branches.findIndex((b) => {
      const resolved = typeof b.$ref === 'string' ? (root.definitions as Record<string, JsonSchema>)[b.$ref.replace('#/definitions/', '')] : b;
      return resolved.type ? matchesType(node, resolved.type as string) : Array.isArray(resolved.enum) && typeof node.value === typeof (resolved.enum as unknown[])[0];
    });
    if (fitting >= 0) return results[fitting];
    return fail(`${pathText} must be ${branches.map((b) => describe(b, root)).join(' or ')}, not ${typeOf(node)}`);
  }
  if (typeof schema.type === 'string' && !matchesType(node, schema.type)) {
    return fail(`${pathText} must be ${article(schema.type)}, not ${typeOf(node) === 'integer' ? 'a number' : article(typeOf(node))}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(node.value)) {
    return fail(`${pathText} must be one of ${schema.enum.map(show).join(', ')}, not ${show(node.value)}`);
  }
  const out: SchemaViolation[] = [];
  if (node.type === 'string') {
    if (typeof schema.minLength === 'number' && (node.value as string).length < schema.minLength) out.push(...fail(`${pathText} must not be empty`));
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(node.value as string)) {
      const shown = (node.value as string).length > 80 ? `${(node.value as string).slice(0, 80)}…` : (node.value as string);
      out.push(...fail(`${pathText} must match ${schema.pattern}${typeof schema.description === 'string' ? ` (${schema.description})` : ''}, not ${show(shown)}`));
    }
  }
  if (node.type === 'number') {
    const v = node.value as number;
    if (typeof schema.minimum === 'number' && v < schema.minimum) out.push(...fail(`${pathText} must be at least ${schema.minimum}, not ${v}`));
    if (typeof schema.maximum === 'number' && v > schema.maximum) out.push(...fail(`${pathText} must be at most ${schema.maximum}, not ${v}`));
    if (typeof schema.exclusiveMinimum === 'number' && v <= schema.exclusiveMinimum) out.push(...fail(`${pathText} must be greater than ${schema.exclusiveMinimum}, not ${v}`));
  }
  if (node.type === 'array') {
    const items = node.children ?? [];
    if (typeof schema.minItems === 'number' && items.length < schema.minItems) out.push(...fail(`${pathText} must have at least ${schema.minItems} item(s)`));
    if (schema.items && typeof schema.items === 'object') {
      items.forEach((item, i) => out.push(...checkAgainstSchema(item, schema.items as JsonSchema, root, [...at, i])));
    }
  }
  if (node.type === 'object') {
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const seen = new Set<string>();
    for (const pair of node.children ?? []) {
      const [keyNode, valueNode] = pair.children ?? [];
      if (!keyNode || !valueNode) continue;
      const key = keyNode.value as string;
      seen.add(key);
      // Own keys only: "constructor" or "__proto__" would otherwise find Object.prototype's and pass.
      if (Object.hasOwn(props, key)) {
        out.push(...checkAgainstSchema(valueNode, props[key], root, [...at, key]));
      } else if (schema.additionalProperties === false) {
        const allowed = Object.keys(props).filter((k) => k !== '$schema');
        out.push({ node: keyNode, path: pathText, message: `Unknown property "${key}"${at.length ? ` in ${pathText}` : ''}. Allowed: ${allowed.join(', ')}`, dropPath: [...at, key] });
      } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        out.push(...checkAgainstSchema(valueNode, schema.additionalProperties as JsonSchema, root, [...at, key]));
      }
    }
    for (const key of (schema.required ?? []) as string[]) {
      if (!seen.has(key)) out.push(...fail(`${pathText} is missing the required property "${key}"`));
    }
    if (typeof schema.minProperties === 'number' && seen.size < schema.minProperties) out.push(...fail(`${pathText} must have at least ${schema.minProperties} entr${schema.minProperties === 1 ? 'y' : 'ies'}`));
  }
  return out;
}

function article(type: string): string {
  return (/^[aeiou]/.test(type) ? 'an ' : 'a ') + type;
}

function describe(schema: JsonSchema, root: JsonSchema): string {
  const resolved = typeof schema.$ref === 'string' ? (root.definitions as Record<string, JsonSchema>)[schema.$ref.replace('#/definitions/', '')] : schema;
  if (Array.isArray(resolved.enum)) return `one of ${resolved.enum.map(show).join(', ')}`;
  if (resolved.type === 'object' && resolved.properties) return `an object { ${Object.keys(resolved.properties as object).join(', ')} }`;
  return article(String(resolved.type));
}
