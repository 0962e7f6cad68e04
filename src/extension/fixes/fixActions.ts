/**
 * Fixes that create a file: convert a spreadsheet attachment to CSV, write a minified JSON or a
 * log's tail next to the original, write a seed summary for a fresh session. Each writes a new
 * file (never overwriting), rewrites the reference in the prompt in the same undoable edit, and
 * reveals the new file.
 */
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { AttachmentAnalysis } from '../../core/attachments/attachment';
import type { FixAction } from '../../core/rules/finding';
import type { TextRange } from '../../core/textRange';
import type { DocumentAnalyser } from '../engine/documentAnalyser';
import { createFileWithEdit, freshSibling } from './newFiles';

export interface SpreadsheetCsv {
  csv: string;
  /** The sheet that was converted. */
  sheet: string;
}

/** Converts one sheet of a workbook (the first visible one with data when `sheet` is absent). */
export type SpreadsheetConverter = (filePath: string, sheet?: string) => Promise<SpreadsheetCsv>;

export class FixActionRunner {
  constructor(
    private readonly analyser: DocumentAnalyser,
    private readonly convertSpreadsheet: SpreadsheetConverter,
  ) {}

  /** Runs the action; resolves to the created file, or undefined when nothing was written. */
  async run(document: vscode.TextDocument | undefined, action: FixAction): Promise<vscode.Uri | undefined> {
    switch (action.kind) {
      case 'convertSpreadsheet': {
        // Several sheets (what the finding measured when no sheet is named): one CSV each, and the
        // reference becomes one reference per CSV — all in one undoable edit.
        const requested = action.sheet === undefined && action.sheets?.length ? action.sheets : [action.sheet];
        const files: { target: vscode.Uri; contents: string }[] = [];
        const { defaultCsvPath } = await import('../../core/attachments/convertSpreadsheetToCsv');
        for (const wanted of requested) {
          const { csv, sheet } = await this.convertSpreadsheet(action.attachmentPath, wanted);
          const parsed = path.parse(defaultCsvPath(action.attachmentPath, sheet));
          // No spaces in the name: a `#file:` reference ends at the first space.
          const target = await freshSibling(vscode.Uri.file(parsed.dir), parsed.name.replace(/\s+/g, '-'), '.csv');
          files.push({ target, contents: csv });
        }
        const [first, ...more] = files;
        return this.write(document, action.attachmentPath, action.referenceRange, first.target, first.contents, 'beside', more);
      }
      case 'minifyJson':
      case 'tailLog': {
        const attachment = document && this.attachmentOf(document, action.attachmentPath);
        const text = attachment?.minimal?.text;
        if (text === undefined) {
          throw new Error(
            `${path.basename(action.attachmentPath)}: the reduced form was not kept in memory (the file is too large); re-run MVP: Analyse Prompt, or reduce the file with the mvp CLI.`,
          );
        }
        const parsed = path.parse(action.attachmentPath);
        const target =
          action.kind === 'minifyJson'
            ? // A lossy "schema + first items" form is not JSON any more: name the file for what it holds.
              isJson(text)
              ? await freshSibling(vscode.Uri.file(parsed.dir), `${parsed.name}.min`, '.json')
              : await freshSibling(vscode.Uri.file(parsed.dir), `${parsed.name}.sample`, '.txt')
            : await freshSibling(vscode.Uri.file(parsed.dir), `${parsed.name}.tail`, parsed.ext || '.log');
        return this.write(document, action.attachmentPath, action.referenceRange, target, text, 'beside');
      }
      case 'writeSeedSummary': {
        const dir = action.transcriptPath
          ? path.dirname(action.transcriptPath)
          : document?.uri.scheme === 'file'
            ? path.dirname(document.uri.fsPath)
            : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
        if (!dir) {
          throw new Error('Open a folder first: the seed summary is written as a new prompt file next to the session.');
        }
        const base = action.transcriptPath ? path.parse(action.transcriptPath).name.replace(/\.prompt$/, '') : 'session';
        const target = await freshSibling(vscode.Uri.file(dir), `${base}.fresh`, '.prompt.md');
        const contents = action.summary.endsWith('\n') ? action.summary : `${action.summary}\n`;
        return this.write(undefined, undefined, undefined, target, contents, 'active');
      }
    }
  }

  private attachmentOf(document: vscode.TextDocument, attachmentPath: string): AttachmentAnalysis | undefined {
    return this.analyser.last(document.uri)?.analysis.attachments.find((a) => a.reference.path === attachmentPath);
  }

  private async write(
    document: vscode.TextDocument | undefined,
    attachmentPath: string | undefined,
    referenceRange: TextRange | undefined,
    target: vscode.Uri,
    contents: string,
    reveal: 'beside' | 'active',
    more?: { target: vscode.Uri; contents: string }[],
  ): Promise<vscode.Uri | undefined> {
    let reference: { document: vscode.TextDocument; range: TextRange; rawPath: string } | undefined;
    if (document && attachmentPath) {
      const attachment = this.attachmentOf(document, attachmentPath);
      const range = referenceRange ?? attachment?.reference.range;
      if (range && attachment) {
        reference = { document, range, rawPath: attachment.reference.rawPath };
      }
    }
    const ok = await createFileWithEdit({ target, contents, more, reference, reveal });
    return ok ? target : undefined;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
