/**
 * The stable JSON shape of `mvp analyse --format json` (documented in docs/cli.md). Offsets are
 * kept and 1-based line/column added so scripts need not re-read the file.
 */
import type { AnalysisWithNotices } from '../core/analyse';
import { lineStarts, positionAt, type TextRange } from '../core/textRange';

export const ANALYSIS_JSON_VERSION = 1;

export function analysisToJson(analysis: AnalysisWithNotices, text: string): Record<string, unknown> {
  const starts = lineStarts(text);
  const where = (range: TextRange | undefined) => {
    if (!range) return undefined;
    const s = positionAt(starts, range.start);
    const e = positionAt(starts, range.end);
    return { ...range, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const e = analysis.estimate;
  return {
    version: ANALYSIS_JSON_VERSION,
    file: analysis.file,
    // request | instructions | skill: when the file is sent (src/core/prompt/fileKind.ts).
    fileKind: analysis.fileKind,
    model: analysis.model,
    tokens: {
      total: analysis.tokens.total,
      minimalTotal: analysis.tokens.minimalTotal,
      // A skill: tokens sent with every request (name and description); `total` is when it is used.
      alwaysSent: analysis.tokens.alwaysSent,
      approximate: analysis.model.approximateTokens,
      parts: analysis.tokens.parts.map((p) => ({
        kind: p.kind,
        label: p.label,
        tokens: p.tokens,
        minimalTokens: p.minimalTokens,
        path: p.path,
        range: p.kind === 'history' || (p.kind === 'reference' && p.range.end === 0) ? undefined : where(p.range),
      })),
    },
    request: { inputTokens: e.tokens.input + e.tokens.cachedInput, cachedInputTokens: e.tokens.cachedInput, outputTokens: e.tokens.output, reasoningTokens: e.tokens.reasoning },
    energy: { wh: e.energyWh, ecologitsWh: e.ecologitsWh, breakdown: e.breakdown },
    carbon: { g: e.carbonG, embodiedG: e.embodiedCarbonG, grid: e.grid, sciGPer1kTokens: e.sciGPer1kTokens },
    water: { ml: e.waterMl, boundary: e.waterBoundary },
    method: { version: analysis.method.version, formula: e.formula, assumptions: e.assumptions },
    attachments: analysis.attachments.map((a) => ({
      path: a.reference.path,
      sheet: a.reference.sheet,
      format: a.format,
      bytes: a.bytes,
      naive: { description: a.naive.description, tokens: a.naive.tokens },
      minimal: a.minimal && { description: a.minimal.description, tokens: a.minimal.tokens },
      alternatives: a.alternatives?.map((f) => ({ description: f.description, tokens: f.tokens })),
      details: a.details,
      problems: a.problems,
    })),
    session: analysis.session && {
      turns: analysis.session.turns.length,
      totals: analysis.session.totals,
      projection: analysis.session.projection,
      evidence: analysis.session.evidence,
    },
    window: analysis.window,
    budgets: { limits: analysis.budgets.limits, breaches: analysis.budgets.breaches, sessionWh: analysis.budgets.sessionWh },
    modelComparisons: analysis.modelComparisons.map((c) => ({
      role: c.role,
      modelId: c.modelId,
      inputTokens: c.inputTokens,
      tokensConverted: c.tokensConverted,
      wh: c.estimate.energyWh,
      tradeOff: c.tradeOff,
    })),
    findings: analysis.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: f.file ?? analysis.file,
      range: f.file && f.file !== analysis.file ? f.range : where(f.range),
      saving: f.saving,
      fix: f.fix && { title: f.fix.title, edits: f.fix.edits, action: f.fix.action?.kind },
      docsUrl: f.docsUrl,
    })),
    notices: analysis.notices,
  };
}
