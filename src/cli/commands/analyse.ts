/** `mvp analyse FILE [FILES…]`: the whole analysis of one prompt file (extra files are attachments). */
import * as path from 'node:path';
import { analysePrompt } from '../../core/analyse';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../cliIo';
import { analysisToJson } from '../analysisJson';
import { analysisToText } from '../analysisText';
import { existingFile, readTextFile } from '../readTextFile';

export const analyseUsage = 'mvp analyse FILE [ATTACHMENT…] [--model ID] [--region ZONE] [--output-tokens N] [--history TRANSCRIPT] [--format text|json]';

export async function runAnalyse(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    model: { type: 'string', short: 'm' },
    region: { type: 'string' },
    'output-tokens': { type: 'number' },
    history: { type: 'string' },
    format: { type: 'string', choices: ['text', 'json'] },
  });
  if (positionals.length === 0) throw new UsageError(`missing FILE — usage: ${analyseUsage}`);
  const file = path.resolve(io.cwd, positionals[0]);
  const text = await readTextFile(file);
  const analysis = await analysePrompt({
    text,
    file,
    model: flags.model as string | undefined,
    region: flags.region as string | undefined,
    outputTokens: flags['output-tokens'] as number | undefined,
    historyFile: flags.history === undefined ? undefined : await existingFile(path.resolve(io.cwd, flags.history as string)),
    extraAttachments: positionals.slice(1).map((p) => path.resolve(io.cwd, p)),
    trusted: true,
  });
  io.stdout(flags.format === 'json' ? JSON.stringify(analysisToJson(analysis, text), null, 2) + '\n' : analysisToText(analysis, text, io.cwd));
  return 0;
}

