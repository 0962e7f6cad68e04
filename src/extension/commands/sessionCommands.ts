/**
 * MVP: Analyse Chat Session… (a transcript file: OpenAI messages JSON, VS Code chat export,
 * Claude Code JSONL, Markdown with role headings) and MVP: Start Fresh Session from Summary.
 */
import { decodeText } from '../../core/attachments/decodeText';
import { readRegularFile } from '../../core/files/readRegularFile';
import { MAX_WHOLE_TRANSCRIPT_BYTES } from '../../core/files/fileLimits';
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Analysis } from '../../core/analysis';
import { toUri } from './commandArguments';
import type { DocumentAnalyser } from '../engine/documentAnalyser';
import type { FixActionRunner } from '../fixes/fixActions';
import type { ReportPanel } from '../report/reportPanel';

export class SessionCommands {
  /** Session analyses by transcript URI (the fresh-session command uses their seed summary). */
  private readonly sessions = new Map<string, Analysis>();

  constructor(
    private readonly analyser: DocumentAnalyser,
    private readonly report: ReportPanel,
    private readonly runner: FixActionRunner,
  ) {}

  async analyseChatSession(arg?: unknown): Promise<Analysis | undefined> {
    const uri = toUri(arg) ?? (await pickTranscript());
    if (!uri) return undefined;
    const analysis = await this.analyseTranscript(uri);
    if (analysis) {
      this.report.show({ title: `MVP: chat session ${path.basename(uri.path)}`, analysis, documentUri: uri });
    }
    return analysis;
  }

  async startFreshSession(arg?: unknown): Promise<vscode.Uri | undefined> {
    let uri = toUri(arg);
    let analysis: Analysis | undefined;
    if (uri) {
      analysis = this.sessions.get(uri.toString()) ?? this.promptAnalysis(uri) ?? (await this.analyseTranscript(uri));
    } else {
      const active = vscode.window.activeTextEditor?.document;
      analysis = active ? this.promptAnalysis(active.uri) : undefined;
      uri = analysis ? active!.uri : undefined;
      if (!analysis?.session) {
        // No history here: say what the command is for before any file dialog appears.
        const choose = 'Choose a Chat Transcript…';
        const answer = await vscode.window.showInformationMessage(
          `MVP: Start Fresh Session writes a short summary of a long chat, to continue in a new one without re-sending the whole history. ${active ? `${path.basename(active.uri.path)} has` : 'The current editor has'} no chat history attached — pick a transcript (a chat export, Claude Code JSONL, Markdown with role headings) to summarise.`,
          choose,
        );
        if (answer !== choose) return undefined;
        uri = await pickTranscript();
        analysis = uri ? await this.analyseTranscript(uri) : undefined;
      }
    }
    if (!uri || !analysis) return undefined;
    if (!analysis.session) {
      void vscode.window.showInformationMessage(`MVP: ${path.basename(uri.path)} has no chat history to summarise.`);
      return undefined;
    }
    return this.runner.run(undefined, {
      kind: 'writeSeedSummary',
      transcriptPath: uri.scheme === 'file' ? uri.fsPath : undefined,
      summary: analysis.session.seedSummary,
    });
  }

  private promptAnalysis(uri: vscode.Uri): Analysis | undefined {
    const a = this.analyser.last(uri)?.analysis;
    return a?.session ? a : undefined;
  }

  private async analyseTranscript(uri: vscode.Uri): Promise<Analysis | undefined> {
    let text: string;
    try {
      if (uri.scheme === 'file') {
        // Regular files only, capped, BOM-decoded: a FIFO picked here must not freeze the editor.
        const read = await readRegularFile(uri.fsPath, 'transcript', { maxBytes: MAX_WHOLE_TRANSCRIPT_BYTES });
        if (!read.ok) throw new Error(read.message);
        text = decodeText(read.bytes).text;
      } else {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      }
    } catch (e) {
      void vscode.window.showErrorMessage(`MVP: cannot read ${uri.fsPath}: ${(e as Error).message}`);
      return undefined;
    }
    const { readTranscript } = await import('../../core/history/readTranscript');
    const transcript = readTranscript(text, { fileName: path.basename(uri.path) });
    if (!transcript.messages.length) {
      const why = transcript.problems.slice(0, 3).map((p) => `line ${p.line}: ${p.message}`).join('; ');
      void vscode.window.showErrorMessage(
        `MVP: ${path.basename(uri.path)} has no chat messages MVP can read${why ? ` (${why})` : ''}. Supported: OpenAI messages JSON, VS Code chat export, Claude Code JSONL, Markdown with role headings.`,
      );
      return undefined;
    }
    if (transcript.problems.length) {
      void vscode.window.showWarningMessage(
        `MVP: ${transcript.problems.length} part(s) of ${path.basename(uri.path)} could not be read and were skipped (first: line ${transcript.problems[0].line}: ${transcript.problems[0].message}).`,
      );
    }
    const analysis = await this.analyser.analyseText('', undefined, uri, transcript);
    this.sessions.set(uri.toString(), analysis);
    return analysis;
  }
}

async function pickTranscript(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'MVP: Analyse Chat Session — pick a transcript',
    canSelectMany: false,
    openLabel: 'Analyse session',
    filters: { 'Chat transcripts': ['json', 'jsonl', 'md', 'txt'], 'All files': ['*'] },
  });
  return picked?.[0];
}
