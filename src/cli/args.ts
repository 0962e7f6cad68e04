/**
 * A small, strict argument parser for `mvp` commands: known flags only, values checked, so a
 * typo gets one clear line instead of being silently ignored.
 */

export type FlagType = 'string' | 'number' | 'boolean';

export interface FlagSpec {
  type: FlagType;
  /** One-letter alias, e.g. `m` for `--model`. */
  short?: string;
  /** Allowed values for string flags. */
  choices?: readonly string[];
  /** May be given more than once (values collected in order). */
  multiple?: boolean;
}

export type FlagValues = Record<string, string | number | boolean | string[] | undefined>;

export interface ParsedArgs {
  flags: FlagValues;
  positionals: string[];
}

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {}

export function parseArgs(args: readonly string[], spec: Record<string, FlagSpec>): ParsedArgs {
  const flags: FlagValues = {};
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(spec).filter(([, s]) => s.short).map(([name, s]) => [s.short!, name]));

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inlineValue: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inlineValue = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      const mapped = byShort.get(arg.slice(1));
      if (!mapped) {
        throw new UsageError(`unknown option '${arg}'`);
      }
      name = mapped;
    }
    const flag = spec[name];
    if (!flag) {
      throw new UsageError(`unknown option '--${name}'`);
    }
    if (flag.type === 'boolean') {
      if (inlineValue !== undefined && !['true', 'false'].includes(inlineValue)) {
        throw new UsageError(`option '--${name}' takes no value`);
      }
      flags[name] = inlineValue !== 'false';
      continue;
    }
    const raw = inlineValue ?? args[++i];
    if (raw === undefined || (inlineValue === undefined && raw.startsWith('--'))) {
      throw new UsageError(`option '--${name}' needs a value`);
    }
    let value: string | number = raw;
    if (flag.type === 'number') {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || n < 0) {
        throw new UsageError(`option '--${name}' needs a non-negative number, got '${raw}'`);
      }
      value = n;
    } else if (flag.choices && !flag.choices.includes(raw)) {
      throw new UsageError(`option '--${name}' must be one of ${flag.choices.join(', ')}; got '${raw}'`);
    }
    if (flag.multiple) {
      const list = (flags[name] as string[] | undefined) ?? [];
      list.push(String(value));
      flags[name] = list;
    } else {
      flags[name] = value;
    }
  }
  return { flags, positionals };
}
