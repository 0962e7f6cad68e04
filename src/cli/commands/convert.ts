/**
 * `mvp convert FILE [--sheet NAME|INDEX] [--out PATH] [--force]`: writes one sheet of a workbook
 * as CSV and prints the path and the token saving against the whole-workbook dump.
 */
import path from 'node:path';
import type { CountTokens } from '../../core/attachments/attachmentForm';
import { convertSpreadsheetToCsv } from '../../core/attachments/convertSpreadsheetToCsv';
import { readAttachment } from '../../core/attachments/readAttachment';
import { countForProfile } from '../../core/tokens/countForProfile';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../cliIo';
import { modelForFile } from '../modelForFile';
import { formatTokens } from '../../core/format';

export const CONVERT_USAGE = `Usage: mvp convert FILE [--sheet NAME|INDEX] [--out PATH] [--force] [--model ID]

Writes one sheet of a workbook (.xlsx, .xlsm, .xls, .ods) as CSV and prints how many tokens
that saves compared with sending the whole workbook.

  --sheet NAME|INDEX  the sheet to convert, by name or 1-based position (required when the
                      workbook has more than one sheet with data)
  --out PATH          where to write (default: <workbook>.<sheet>.csv next to the workbook)
  --force             replace PATH if it exists (never done otherwise)
  --model ID          count the saving with this model's tokenizer (default: the team
                      config's model, else gpt-4o)
`;

export interface ConvertIo extends CliIo {
  /** The chosen model's tokenizer; default o200k_base (GPT-4o family). */
  countTokens?: CountTokens;
  tokenizerName?: string;
}


export async function runConvert(args: string[], io: ConvertIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(args, { model: { type: 'string', short: 'm' }, sheet: { type: 'string' }, out: { type: 'string', short: 'o' }, force: { type: 'boolean', short: 'f' }, help: { type: 'boolean', short: 'h' } });
    if (parsed.flags.help) {
      io.stdout(CONVERT_USAGE);
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length ? 'convert takes one file' : 'convert needs a FILE');
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mvp convert: ${error.message}\n${CONVERT_USAGE}`);
      return 2;
    }
    throw error;
  }
  const file = path.resolve(io.cwd, parsed.positionals[0]);
  // Savings are counted with the tokenizer of the model the user names, else the team config's, else the default.
  const profile = modelForFile(file, parsed.flags.model as string | undefined).resolved.profile;
  const countTokens = io.countTokens ?? ((text: string) => countForProfile(profile, text).tokens);
  const tokenizer = io.tokenizerName ?? (io.countTokens ? 'the model tokenizer' : `${profile.id}'s tokenizer${profile.tokenizer.approximate ? ' (approximate)' : ''}`);
  const sheet = parsed.flags.sheet as string | undefined;
  const outPath = parsed.flags.out === undefined ? undefined : path.resolve(io.cwd, parsed.flags.out as string);

  // Read first: it gives the sheet list with sizes and the naive cost to compare against.
  const analysis = await readAttachment({ syntax: 'cli', rawPath: parsed.positionals[0], path: file, sheet }, { countTokens, keepTextUpTo: 0 });
  if (analysis.format !== 'spreadsheet') {
    const reason = analysis.format === 'unreadable' ? analysis.problems[0]?.message : `${path.basename(file)}: not a workbook (the content is ${analysis.format}) — nothing to convert.`;
    io.stderr(`mvp convert: ${reason}\n`);
    return 2;
  }
  if (!analysis.minimal) {
    io.stderr(`mvp convert: ${analysis.problems[0]?.message ?? `${path.basename(file)}: nothing to convert.`}\n`);
    return 2;
  }
  const notFound = analysis.problems.find((p) => p.code === 'missing');
  if (notFound) {
    io.stderr(`mvp convert: ${notFound.message}\n${sheetList(analysis.alternatives)}`);
    return 2;
  }
  const sheetsWithData = analysis.alternatives ?? [];
  if (sheet === undefined && sheetsWithData.length > 1) {
    io.stderr(`mvp convert: ${path.basename(file)} has ${sheetsWithData.length} sheets with data — choose one with --sheet NAME|INDEX:\n${sheetList(sheetsWithData)}`);
    return 2;
  }

  // With no --sheet there is exactly one sheet with data (others may be empty): convert that.
  const onlySheet = sheet ?? sheetsWithData[0]?.sheet ?? '1';
  const result = await convertSpreadsheetToCsv(file, { sheet: onlySheet, outPath, existing: parsed.flags.force ? 'overwrite' : 'fail' });
  if (!result.ok) {
    io.stderr(`mvp convert: ${result.problem.message}\n`);
    return 2;
  }
  const csvTokens = countTokens(result.csv);
  const naive = analysis.naive.tokens;
  const saving = naive > 0 ? Math.round(((naive - csvTokens) / naive) * 100) : 0;
  io.stdout(
    `${result.outPath}\n` +
      `Sheet '${result.sheet}' as CSV: ${formatTokens(csvTokens)} tokens (${result.rows} rows × ${result.columns} columns); ` +
      `the whole workbook as a dump: ${formatTokens(naive)} tokens — ${saving >= 0 ? `−${saving}%` : `+${-saving}%`} (${tokenizer}).\n`,
  );
  return 0;
}

function sheetList(forms: { description: string; tokens: number }[] | undefined): string {
  return (forms ?? []).map((f) => `  ${f.description}: ${formatTokens(f.tokens)} tokens\n`).join('');
}
