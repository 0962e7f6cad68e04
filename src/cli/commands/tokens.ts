/** `mvp tokens FILE [--model ID]`: the token count of a file's raw text, no framing. */
import * as path from 'node:path';
import { countForProfile } from '../../core/tokens/countForProfile';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../cliIo';
import { readTextFile } from '../readTextFile';
import { modelForFile } from '../modelForFile';

export const tokensUsage = 'mvp tokens FILE [--model ID] [--format text|json]';

export async function runTokens(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    model: { type: 'string', short: 'm' },
    format: { type: 'string', choices: ['text', 'json'] },
  });
  if (positionals.length !== 1) throw new UsageError(`give exactly one FILE — usage: ${tokensUsage}`);
  const file = path.resolve(io.cwd, positionals[0]);
  const text = await readTextFile(file);
  const { resolved, source } = modelForFile(file, flags.model as string | undefined);
  const { tokens, approximate } = countForProfile(resolved.profile, text);
  if (flags.format === 'json') {
    io.stdout(JSON.stringify({ file, model: resolved.profile.id, resolvedBy: resolved.resolvedBy, modelSource: source, tokenizer: resolved.profile.tokenizer, tokens, approximate }, null, 2) + '\n');
  } else {
    io.stdout(`${tokens}${approximate ? ` (approximate: ${resolved.profile.tokenizer.encoding} × ${resolved.profile.tokenizer.calibrationFactor} for ${resolved.profile.id})` : ''}\n`);
  }
  return 0;
}
