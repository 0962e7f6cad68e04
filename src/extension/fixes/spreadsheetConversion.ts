/**
 * Spreadsheet → CSV for the editor: the engine's converter produces the CSV (with its access,
 * zip-bomb and worker limits), and the editor writes it through a WorkspaceEdit so the user can
 * undo it. The engine's converter always writes a file, so it writes into a private temporary
 * folder that is removed right after.
 */
import * as vscode from 'vscode';
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import type { AttachmentAnalysis } from '../../core/attachments/attachment';
import { formatTokens } from '../../core/format';
import { documentFor, toUri } from '../commands/commandArguments';
import type { DocumentAnalyser } from '../engine/documentAnalyser';
import type { FixActionRunner, SpreadsheetCsv } from './fixActions';

/** The workbook formats the engine reads (src/core/attachments/sniffFormat.ts), for the file picker. */
export const SPREADSHEET_EXTENSIONS = ['xlsx', 'xlsm', 'xlsb', 'xls', 'ods', 'fods'];

export async function convertWithEngine(filePath: string, sheet?: string): Promise<SpreadsheetCsv & { sheetNames: string[] }> {
  const { convertSpreadsheetToCsv } = await import('../../core/attachments/convertSpreadsheetToCsv');
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'mvp-convert-'));
  try {
    const result = await convertSpreadsheetToCsv(filePath, { sheet, outPath: path.join(folder, 'sheet.csv') });
    if (!result.ok) {
      throw new Error(result.problem.message);
    }
    return { csv: `${result.csv}\n`, sheet: result.sheet, sheetNames: result.sheetNames };
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

/**
 * MVP: Convert Spreadsheet to CSV — from the explorer (the clicked file), from a prompt whose
 * analysis found a spreadsheet attachment (that one, and its reference is rewritten), or a
 * file picked in a dialog. Asks which sheet when there are several.
 */
export async function convertSpreadsheetCommand(
  analyser: DocumentAnalyser,
  runner: FixActionRunner,
  arg?: unknown,
  /** From a quick fix or the report: the prompt whose reference to rewrite, and the sheet (or ask for one). */
  options?: { sheet?: string; documentUri?: unknown; pickSheet?: boolean },
): Promise<vscode.Uri | undefined> {
  if (arg && options?.documentUri) {
    const document = await documentFor(options.documentUri);
    const file = toUri(arg)?.fsPath;
    const attachment = document && analyser.last(document.uri)?.analysis.attachments.find((a) => a.reference.path === file);
    if (document && attachment) {
      const sheet = options.pickSheet ? await pickSheet(attachment) : (options.sheet ?? attachment.reference.sheet);
      if (options.pickSheet && sheet === undefined) return undefined;
      return runner.run(document, { kind: 'convertSpreadsheet', attachmentPath: attachment.reference.path, sheet, referenceRange: attachment.reference.range });
    }
  }
  let uri = toUri(arg);
  const active = vscode.window.activeTextEditor?.document;
  if (!uri && active) {
    const attachment = analyser.last(active.uri)?.analysis.attachments.find((a) => a.format === 'spreadsheet');
    if (attachment) {
      // No sheet named and several to choose from: ask, rather than silently taking the first.
      const several = (attachment.alternatives ?? []).filter((f) => f.sheet !== undefined).length > 1;
      const sheet = attachment.reference.sheet ?? (several ? await pickSheet(attachment) : undefined);
      if (several && sheet === undefined) return undefined;
      return runner.run(active, { kind: 'convertSpreadsheet', attachmentPath: attachment.reference.path, sheet, referenceRange: attachment.reference.range });
    }
  }
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      title: 'MVP: Convert Spreadsheet to CSV',
      canSelectMany: false,
      openLabel: 'Convert',
      filters: { Spreadsheets: SPREADSHEET_EXTENSIONS },
    });
    uri = picked?.[0];
  }
  if (!uri) return undefined;
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('MVP: only spreadsheets on disk can be converted.');
    return undefined;
  }
  const first = await convertWithEngine(uri.fsPath);
  let sheet = first.sheet;
  if (first.sheetNames.length > 1) {
    const pick = await vscode.window.showQuickPick(
      first.sheetNames.map((name, i) => ({ label: name, description: i === 0 ? 'first sheet' : undefined })),
      { title: `MVP: Convert ${path.basename(uri.fsPath)} to CSV`, placeHolder: 'Which sheet? (a CSV holds one sheet)' },
    );
    if (!pick) return undefined;
    sheet = pick.label;
  }
  return runner.run(undefined, { kind: 'convertSpreadsheet', attachmentPath: uri.fsPath, sheet });
}

/**
 * "Which sheet does the question need?" over the sheets the analysis measured, each with the
 * tokens its CSV sends. Undefined when the user cancels.
 */
export async function pickSheet(attachment: AttachmentAnalysis): Promise<string | undefined> {
  const sheets = (attachment.alternatives ?? []).filter((f) => f.sheet !== undefined);
  const pick = await vscode.window.showQuickPick(
    sheets.map((f) => ({ label: f.sheet!, description: `${formatTokens(f.tokens)} tokens as CSV${f.hidden ? ' · hidden sheet' : ''}`, detail: f.description })),
    { title: `MVP: Convert one sheet of ${path.basename(attachment.reference.path)} to CSV`, placeHolder: 'Which sheet does the question need? (the reference will point at its CSV)' },
  );
  return pick?.label;
}
