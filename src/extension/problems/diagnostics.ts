/**
 * Findings → Diagnostics: one collection, the rule id as `code` linking to the rule's docs page,
 * related information for the files a finding is about. Each Diagnostic keeps its Finding so the
 * code actions can offer the finding's fix.
 */
import * as vscode from 'vscode';
import { readFileSync, statSync } from 'node:fs';
import type { Finding, Severity } from '../../core/rules/finding';
import { lineStarts, positionAt, type TextRange } from '../../core/textRange';

export const DIAGNOSTIC_SOURCE = 'MVP';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A Diagnostic that remembers the Finding it came from. */
export interface MvpDiagnostic extends vscode.Diagnostic {
  finding: Finding;
}

export function isMvpDiagnostic(d: vscode.Diagnostic): d is MvpDiagnostic {
  return d.source === DIAGNOSTIC_SOURCE && 'finding' in d;
}

export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (typeof d.code === 'object' && d.code) {
    return String(d.code.value);
  }
  return d.code === undefined ? undefined : String(d.code);
}

export function toRange(document: vscode.TextDocument, range: TextRange | undefined): vscode.Range {
  if (!range) {
    // Whole-document findings (over budget, over the window) sit on the first line, like markdownlint's.
    return document.lineCount ? document.lineAt(0).range : new vscode.Range(0, 0, 0, 0);
  }
  const max = document.getText().length;
  const start = document.positionAt(Math.min(Math.max(range.start, 0), max));
  const end = document.positionAt(Math.min(Math.max(range.end, range.start), max));
  return new vscode.Range(start, end);
}

/**
 * One squiggle per block: a finding about a 58-line pasted log underlines its first line only
 * (as markdownlint and ESLint do), not every line of it; the whole block is in the related
 * information, and the hover and the quick fixes still cover it.
 */
export function squiggleRange(document: vscode.TextDocument, range: vscode.Range): vscode.Range {
  if (range.isSingleLine) return range;
  let line = range.start.line;
  // A block that starts at the end of a line (after a fence's newline) starts on the next one.
  while (line < range.end.line && document.lineAt(line).range.end.character <= (line === range.start.line ? range.start.character : 0)) line++;
  const text = document.lineAt(line);
  const start = line === range.start.line ? range.start : new vscode.Position(line, text.firstNonWhitespaceCharacterIndex);
  const end = line === range.end.line ? range.end : text.range.end;
  return end.isAfter(start) ? new vscode.Range(start, end) : new vscode.Range(start, text.range.end);
}

/** The engine's messages already state the measured saving; the hover adds the carbon and the why. */
export function findingMessage(finding: Finding): string {
  return finding.message;
}

export function toDiagnostic(document: vscode.TextDocument, finding: Finding, related: RelatedLocator, docsRoot?: vscode.Uri): MvpDiagnostic {
  const documentPath = document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
  const inThisDocument = !finding.file || finding.file === documentPath;
  const whole = toRange(document, inThisDocument ? finding.range : undefined);
  const range = squiggleRange(document, whole);
  const diagnostic = new vscode.Diagnostic(range, findingMessage(finding), SEVERITY[finding.severity]) as MvpDiagnostic;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  const target = docsTarget(finding.docsUrl, docsRoot);
  diagnostic.code = target ? { value: finding.ruleId, target } : finding.ruleId;
  const relatedInformation: vscode.DiagnosticRelatedInformation[] = [];
  if (!range.isEqual(whole)) {
    relatedInformation.push(
      new vscode.DiagnosticRelatedInformation(
        new vscode.Location(document.uri, whole),
        `The whole block this is about: lines ${whole.start.line + 1}–${whole.end.line + 1}.`,
      ),
    );
  }
  if (!inThisDocument && finding.file) {
    relatedInformation.push(
      new vscode.DiagnosticRelatedInformation(related.locate(finding.file, finding.range), 'The finding is about this file.'),
    );
  }
  for (const r of finding.related ?? []) {
    relatedInformation.push(new vscode.DiagnosticRelatedInformation(related.locate(r.file, r.range), r.message));
  }
  if (relatedInformation.length) {
    diagnostic.relatedInformation = relatedInformation;
  }
  diagnostic.finding = finding;
  return diagnostic;
}

/** The docs page as a URI; relative paths (`docs/config.md`) resolve inside the extension. */
export function docsTarget(docsUrl: string | undefined, docsRoot?: vscode.Uri): vscode.Uri | undefined {
  if (!docsUrl) {
    return undefined;
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(docsUrl)) {
    return docsRoot ? vscode.Uri.joinPath(docsRoot, docsUrl) : undefined;
  }
  try {
    const uri = vscode.Uri.parse(docsUrl, true);
    // Web pages, or the rule docs shipped inside the extension (docsRoot); never another local file,
    // which a config's link could otherwise open with its default program.
    if (uri.scheme === 'https' || uri.scheme === 'http') return uri;
    const inside = docsRoot && uri.scheme === docsRoot.scheme && uri.authority === docsRoot.authority && !uri.path.split('/').includes('..') && uri.path.startsWith(`${docsRoot.path.replace(/\/$/, '')}/docs/`);
    return inside && /\.md$/i.test(uri.path) ? uri : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns (file, offset range) into a Location. The engine read the file from disk, so its offsets
 * are converted with the text on disk (not an open editor's, which may be older or edited),
 * read once per modification time.
 */
export class RelatedLocator {
  private readonly starts = new Map<string, { mtimeMs: number; size: number; starts: number[] }>();

  locate(file: string, range: TextRange | undefined): vscode.Location {
    const uri = vscode.Uri.file(file);
    const starts = range && this.lineStartsOf(file);
    if (!range || !starts) {
      return new vscode.Location(uri, new vscode.Position(0, 0));
    }
    const a = positionAt(starts, range.start);
    const b = positionAt(starts, range.end);
    return new vscode.Location(uri, new vscode.Range(a.line, a.character, b.line, b.character));
  }

  private lineStartsOf(file: string): number[] | undefined {
    try {
      const stat = statSync(file);
      if (!stat.isFile() || stat.size > 4 * 1024 * 1024) {
        return undefined;
      }
      const cached = this.starts.get(file);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
        return cached.starts;
      }
      const starts = lineStarts(readFileSync(file, 'utf8'));
      this.starts.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, starts });
      return starts;
    } catch {
      return undefined;
    }
  }
}

/** The extension's single DiagnosticCollection. */
export class DiagnosticsPublisher implements vscode.Disposable {
  /** @param docsRoot the extension's folder, for relative docs links. */
  constructor(readonly docsRoot?: vscode.Uri) {}

  readonly collection = vscode.languages.createDiagnosticCollection('mvp');
  private readonly locator = new RelatedLocator();
  // Our own copy: the collection's getter is documented to return read-only copies.
  private readonly shown = new Map<string, MvpDiagnostic[]>();
  /**
   * Findings located in another file (a problem in the team config, at its line): shown in that
   * file too, so `.mvp.jsonc` gets its squiggles. Keyed by that file, then by the prompt that found them.
   */
  private readonly elsewhere = new Map<string, Map<string, vscode.Diagnostic[]>>();

  publish(document: vscode.TextDocument, findings: readonly Finding[]): MvpDiagnostic[] {
    const diagnostics = findings.map((f) => toDiagnostic(document, f, this.locator, this.docsRoot));
    this.collection.set(document.uri, diagnostics);
    this.shown.set(document.uri.toString(), diagnostics);
    this.publishElsewhere(document, findings);
    return diagnostics;
  }

  /** Publishes the findings, or clears the document's diagnostics while the user has them turned off. */
  update(document: vscode.TextDocument, findings: readonly Finding[], enabled: boolean): void {
    if (enabled) this.publish(document, findings);
    else this.clear(document.uri);
  }

  private publishElsewhere(document: vscode.TextDocument, findings: readonly Finding[]): void {
    const prompt = document.uri.toString();
    const documentPath = document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const f of findings) {
      if (!f.file || f.file === documentPath || !f.range) continue;
      const location = this.locator.locate(f.file, f.range);
      const d = new vscode.Diagnostic(location.range, f.message, SEVERITY[f.severity]);
      d.source = DIAGNOSTIC_SOURCE;
      const target = docsTarget(f.docsUrl, this.docsRoot);
      d.code = target ? { value: f.ruleId, target } : f.ruleId;
      const key = location.uri.toString();
      byFile.set(key, [...(byFile.get(key) ?? []), d]);
    }
    const touched = new Set<string>(byFile.keys());
    for (const [file, perPrompt] of this.elsewhere) if (perPrompt.has(prompt)) touched.add(file);
    for (const file of touched) {
      const perPrompt = this.elsewhere.get(file) ?? new Map<string, vscode.Diagnostic[]>();
      const mine = byFile.get(file);
      if (mine) perPrompt.set(prompt, mine);
      else perPrompt.delete(prompt);
      this.elsewhere.set(file, perPrompt);
      // Several prompts share one config: show each of its problems once.
      const unique = new Map<string, vscode.Diagnostic>();
      for (const list of perPrompt.values()) for (const d of list) unique.set(`${d.range.start.line}:${d.range.start.character}:${d.message}`, d);
      this.collection.set(vscode.Uri.parse(file), [...unique.values()]);
    }
  }

  /**
   * Moves the shown diagnostics with a single edit (typing), so they keep pointing at their text
   * until the next analysis; the ones inside the replaced text are dropped until then.
   */
  shift(document: vscode.TextDocument, change: vscode.TextDocumentContentChangeEvent, shiftRange: (r: vscode.Range, c: vscode.TextDocumentContentChangeEvent) => vscode.Range | undefined): void {
    const shown = this.shown.get(document.uri.toString());
    if (!shown?.length) return;
    const moved: MvpDiagnostic[] = [];
    for (const d of shown) {
      // Whole-request findings sit on the first line by convention: they stay there.
      const range = d.finding.range ? shiftRange(d.range, change) : d.range;
      if (!range) continue;
      if (range.isEqual(d.range)) {
        moved.push(d);
        continue;
      }
      const copy = new vscode.Diagnostic(range, d.message, d.severity) as MvpDiagnostic;
      copy.source = d.source;
      copy.code = d.code;
      copy.relatedInformation = d.relatedInformation;
      copy.finding = d.finding;
      moved.push(copy);
    }
    this.collection.set(document.uri, moved);
    this.shown.set(document.uri.toString(), moved);
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.shown.delete(uri.toString());
    for (const [file, perPrompt] of this.elsewhere) {
      if (perPrompt.delete(uri.toString())) {
        const rest = [...perPrompt.values()].flat();
        this.collection.set(vscode.Uri.parse(file), rest);
      }
    }
  }

  clearAll(): void {
    this.collection.clear();
    this.shown.clear();
    this.elsewhere.clear();
  }

  /** The diagnostics currently shown for a document, with their findings. */
  get(uri: vscode.Uri): MvpDiagnostic[] {
    return this.shown.get(uri.toString()) ?? [];
  }

  dispose(): void {
    this.collection.dispose();
  }
}
