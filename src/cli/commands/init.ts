/** `mvp init`: writes a starter `.mvp.jsonc` with comments. Never overwrites an existing config. */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../../core/config/mvpConfig';
import { NEAR_WINDOW_SHARE } from '../../core/rules/windowUse';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../cliIo';

export const initUsage = 'mvp init [FOLDER] [--model ID]';

export function starterConfig(model: string): string {
  return `// Minimal Viable Prompt — team config. The editor extension and \`mvp lint\` both read it
// (the nearest .mvp.jsonc above a prompt file wins). Reference: docs/config.md
{
  // Packs to build on, in order; this file overrides them. A relative path ("./prompts/team.jsonc"),
  // an npm package installed in this repository ("@acme/mvp-pack"), or a pack shipped by a VS Code
  // extension ("extension:publisher.name/pack.json").
  "extends": [],

  // Model assumed for prompts whose front matter names none.
  "model": ${JSON.stringify(model)},

  // Grid zone for carbon figures, e.g. "SE", "FR", "USA", "WORLD" (default: the provider's).
  // "region": "WORLD",

  // Budgets per request / per chat session. Over budget → a finding.
  "budgets": {
    "tokens": 16000
    // "whPerRequest": 1.0,
    // "whPerSession": 20
  },

  // Rule id → "off" | "error" | "warning" | "info" | "hint" | { "severity": …, "options": { … } }.
  // Each rule is documented in docs/rules/<id>.md.
  "rules": {
    "context-window": { "options": { "nearShare": ${NEAR_WINDOW_SHARE} } },
    "pasted-log": "warning",
    // A trade-off, off by default: turn it on to be told when a simple task goes to a large model.
    "oversized-model": "off"
  },

  // Team rules without code: existence / substitution / occurrence patterns (JavaScript regular
  // expressions). A "replacement" becomes the quick fix.
  "declarativeRules": [
    // {
    //   "id": "team/filler",
    //   "kind": "existence",
    //   "message": "'%s' adds tokens and no meaning.",
    //   "tokens": ["basically", "as an AI language model"],
    //   "ignoreCase": true,
    //   "replacement": ""
    // }
  ]

  // Documents treated as prompts (globs relative to this folder). Default: *.prompt.md,
  // *.instructions.md, *.agent.md, *.chatmode.md, AGENTS.md, CLAUDE.md,
  // .github/copilot-instructions.md and prompts/**/*.{md,txt}.
  // "files": ["**/*.prompt.md", "docs/prompts/**/*.md"]
}
`;
}

export async function runInit(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, { model: { type: 'string', short: 'm' } });
  if (positionals.length > 1) throw new UsageError(`too many arguments — usage: ${initUsage}`);
  const folder = path.resolve(io.cwd, positionals[0] ?? '.');
  if (!existsSync(folder)) {
    io.stderr(`mvp init: ${folder}: no such folder\n`);
    return 2;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const existing = path.join(folder, name);
    if (existsSync(existing)) {
      io.stderr(`mvp init: ${path.relative(io.cwd, existing) || name} already exists; it was left unchanged.\n`);
      return 1;
    }
  }
  const target = path.join(folder, '.mvp.jsonc');
  try {
    // 'wx' fails if the file appeared meanwhile: never overwrite.
    writeFileSync(target, starterConfig((flags.model as string | undefined) ?? 'gpt-4o'), { flag: 'wx' });
  } catch (e) {
    io.stderr(`mvp init: cannot write ${target}: ${(e as Error).message}\n`);
    return 2;
  }
  io.stdout(`Wrote ${path.relative(io.cwd, target) || '.mvp.jsonc'}. Edit it, commit it, and run 'mvp lint' (docs/config.md).\n`);
  return 0;
}
