/**
 * `mvp lint --format sarif`: SARIF 2.1.0, as GitHub code scanning and other tools ingest it.
 * Every result has a location (findings about the whole request point at line 1 of the prompt,
 * since code scanning drops results without one); text-edit fixes become SARIF fixes.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintFinding, LintReport } from './commands/lint';
import { builtinRules } from '../core/rules/builtinRules';
import type { Severity } from '../core/rules/finding';
import { lineStarts, positionAt } from '../core/textRange';
import { readRegularFileSync } from '../core/files/readRegularFile';
import { decodeText } from '../core/attachments/decodeText';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function lintReportToSarif(report: LintReport): Record<string, unknown> {
  const findings = [...report.configProblems, ...report.files.flatMap((f) => f.findings)];
  const ruleIds = [...new Set([...builtinRules.map((r) => r.id), ...findings.map((f) => f.ruleId)])];
  const rules = ruleIds.map((id) => {
    const builtin = builtinRules.find((r) => r.id === id);
    const sample = findings.find((f) => f.ruleId === id);
    const help = builtin?.docs ?? sample?.docsUrl;
    return {
      id,
      shortDescription: { text: builtin?.description ?? (id === 'config' ? 'Problem in an mvp config or pack file' : `Team rule ${id}`) },
      ...(help && /^https?:\/\//.test(help) ? { helpUri: help } : {}),
      ...(help ? { help: { text: `See ${help}` } } : {}),
      defaultConfiguration: { level: builtin ? (builtin.enabledByDefault ? LEVEL[builtin.defaultSeverity] : 'none') : 'warning' },
      properties: { tags: builtin?.tags ?? [] },
    };
  });
  const root = pathToFileURL(report.cwd.endsWith(path.sep) ? report.cwd : report.cwd + path.sep).href;
  const artifact = (file: string) => {
    const rel = path.relative(report.cwd, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? { uri: pathToFileURL(file).href } : { uri: rel.split(path.sep).join('/'), uriBaseId: '%SRCROOT%' };
  };
  const region = (f: LintFinding) =>
    f.start && f.end ? { startLine: f.start.line, startColumn: f.start.character, endLine: f.end.line, endColumn: f.end.character } : { startLine: 1 };

  const startsByFile = new Map<string, number[] | undefined>();
  const lineStartsOf = (file: string): number[] | undefined => {
    if (!startsByFile.has(file)) {
      const read = readRegularFileSync(file, 'source');
      startsByFile.set(file, read.ok ? lineStarts(decodeText(read.bytes).text) : undefined);
    }
    return startsByFile.get(file);
  };
  const results = findings.map((f) => {
    const fixes = f.fix?.edits?.length ? [sarifFix(f, artifact(f.location))] : undefined;
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIds.indexOf(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: artifact(f.location), region: region(f) } }],
      ...(fixes?.[0] ? { fixes } : {}),
      ...relatedLocations(f, artifact, lineStartsOf),
      ...(f.saving ? { properties: { savingTokens: f.saving.tokens, savingWh: f.saving.wh } } : {}),
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mvp', fullName: 'Minimal Viable Prompt', version: process.env.MVP_VERSION ?? '0.1.0', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: root } },
        results,
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.notices.map((text) => ({ level: 'note', message: { text } })),
          },
        ],
      },
    ],
  };
}

/**
 * The places a finding points to besides its own (the first copy of a duplicate, the first
 * reference to a file): SARIF `relatedLocations`, which code scanning shows as links in the alert.
 */
function relatedLocations(
  f: LintFinding,
  artifact: (file: string) => { uri: string; uriBaseId?: string },
  lineStartsOf: (file: string) => number[] | undefined,
): { relatedLocations?: Record<string, unknown>[] } {
  const related = (f.related ?? []).filter((r) => r.file && r.range);
  if (!related.length) return {};
  return {
    relatedLocations: related.map((r, i) => {
      const starts = lineStartsOf(r.file);
      const s = starts && positionAt(starts, r.range!.start);
      const e = starts && positionAt(starts, r.range!.end);
      return {
        id: i + 1,
        message: { text: r.message },
        physicalLocation: {
          artifactLocation: artifact(r.file),
          ...(s && e ? { region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 } } : {}),
        },
      };
    }),
  };
}

/** SARIF replacements use line/column regions of the file the edit applies to. */
function sarifFix(f: LintFinding, artifactLocation: { uri: string; uriBaseId?: string }): Record<string, unknown> | undefined {
  const read = readRegularFileSync(f.location, 'source');
  if (!read.ok) return undefined;
  const starts = lineStarts(decodeText(read.bytes).text);
  const at = (offset: number) => {
    const p = positionAt(starts, offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  return {
    description: { text: f.fix!.title },
    artifactChanges: [
      {
        artifactLocation,
        replacements: f.fix!.edits!.map((e) => {
          const s = at(e.range.start);
          const end = at(e.range.end);
          return { deletedRegion: { startLine: s.line, startColumn: s.column, endLine: end.line, endColumn: end.column }, insertedContent: { text: e.newText } };
        }),
      },
    ],
  };
}
