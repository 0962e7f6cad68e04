/** `mvp analyse` for a terminal: the part table, the request estimate, findings, assumptions. */
import * as path from 'node:path';
import type { AnalysisWithNotices } from '../core/analyse';
import { formatGrams, formatMl, percent, formatRange, formatTokens, formatWh } from '../core/format';
import { modelSourceText, resolutionWords } from '../core/modelSourceText';
import { lineStarts, positionAt } from '../core/textRange';

const CLI_MODEL_WORDS = { explicit: 'from --model', setting: 'from settings' };

function pad(s: string, width: number, right = false): string {
  if (s.length > width) s = s.slice(0, width - 1) + '…';
  return right ? s.padStart(width) : s.padEnd(width);
}

export function analysisToText(analysis: AnalysisWithNotices, text: string, cwd: string): string {
  const out: string[] = [];
  const m = analysis.model;
  const approx = m.approximateTokens ? ' ≈' : '';
  out.push(`Minimal Viable Prompt — ${analysis.file ? path.relative(cwd, analysis.file) || analysis.file : '(stdin)'}`);
  out.push(
    `Model: ${m.name} (${m.id}) — "${m.requested}" ${modelSourceText(m.source, CLI_MODEL_WORDS)}, ${resolutionWords(m.resolvedBy)}; ` +
      `tokenizer ${m.tokenizer}; context window ${formatTokens(m.contextWindow)}`,
  );
  if (m.approximateTokens) {
    out.push('Token counts for this model are approximate (proxy tokenizer × calibration factor; see docs/tokenizers.md).');
  }
  out.push('');

  const rows: string[][] = [['Part', 'Tokens', 'Minimal', 'Saving']];
  for (const p of analysis.tokens.parts) {
    const label = p.kind === 'reference' ? `  ↳ ${p.label}` : p.label;
    const minimal = p.minimalTokens !== undefined && p.minimalTokens !== p.tokens ? formatTokens(p.minimalTokens) : '';
    const saving = minimal ? `−${percent(p.tokens - (p.minimalTokens ?? p.tokens), p.tokens)}` : '';
    rows.push([label, formatTokens(p.tokens) + approx, minimal, saving]);
  }
  rows.push(['Total input', formatTokens(analysis.tokens.total) + approx, formatTokens(analysis.tokens.minimalTotal) + approx, analysis.tokens.minimalTotal < analysis.tokens.total ? `−${percent(analysis.tokens.total - analysis.tokens.minimalTotal, analysis.tokens.total)}` : '']);
  const widths = [44, 12, 12, 8];
  rows.forEach((r, i) => {
    out.push(r.map((cell, c) => pad(cell, widths[c], c > 0)).join(' '));
    if (i === 0 || i === rows.length - 2) out.push(widths.map((w) => '─'.repeat(w)).join(' '));
  });
  out.push('(Reference rows are the attached files as usually sent; the prose rows include the reference text itself.)');
  out.push('');
  // What kind of file this is decides when it is sent (src/core/prompt/fileKind.ts).
  if (analysis.fileKind === 'skill' && analysis.tokens.alwaysSent !== undefined) {
    out.push(`Skill — always: ${formatTokens(analysis.tokens.alwaysSent)}${approx} tokens (name and description, with every request) · when used: ${formatTokens(analysis.tokens.total)}${approx} tokens. The figures below are for a request that uses it.`);
    out.push('');
  } else if (analysis.fileKind === 'instructions') {
    out.push(`Standing instructions — sent with every request: ${formatTokens(analysis.tokens.total)}${approx} tokens each time. The figures below are per request.`);
    out.push('');
  }

  const e = analysis.estimate;
  out.push(
    `One request: ${formatTokens(e.tokens.input + e.tokens.cachedInput)} input + ${formatTokens(e.tokens.output)} output tokens` +
      (e.tokens.reasoning ? ` + ${formatTokens(e.tokens.reasoning)} hidden reasoning tokens` : ''),
  );
  out.push(`  Energy   ${formatRange(e.energyWh, formatWh)}`);
  out.push(`  Carbon   ${formatRange(e.carbonG, formatGrams)} CO2e (location-based: grid ${e.grid.zone}, ${Math.round(e.grid.gCO2PerKWh)} g/kWh in ${e.grid.year}; embodied ${formatGrams(e.embodiedCarbonG.central)})`);
  out.push(`  Water    ${formatRange(e.waterMl, formatMl)} (${e.waterBoundary})`);
  out.push(`  SCI      ${formatRange(e.sciGPer1kTokens, formatGrams)} CO2e per 1,000 tokens`);
  out.push(`  EcoLogits method (output tokens only) for comparison: ${formatRange(e.ecologitsWh, formatWh)}`);
  out.push(`  Method   ${analysis.method.version}`);
  out.push('');

  if (analysis.session) {
    const s = analysis.session;
    out.push(`Session: ${s.turns.length} turns, ${formatTokens(s.totals.inputTokens)} input tokens in total, ${formatRange(s.totals.wh, formatWh)} (${formatWh(s.totals.whCached.central)} with prompt caching)`);
    out.push('');
  }

  const starts = lineStarts(text);
  if (analysis.findings.length) {
    out.push(`Suggestions and findings (${analysis.findings.length}):`);
    // In the engine's order (Analysis.findings): largest measured saving first, deletions last.
    for (const f of analysis.findings) {
      const inOther = f.file && f.file !== analysis.file;
      const where = f.range && !inOther ? `:${positionAt(starts, f.range.start).line + 1}` : inOther ? ` (${path.relative(cwd, f.file!)})` : '';
      const saving = f.saving && f.saving.tokens > 0 ? ` [saves ${formatTokens(f.saving.tokens)} tokens, ≈${formatWh(f.saving.wh)} per request]` : '';
      out.push(`  ${pad(f.severity, 7)} ${f.ruleId}${where}  ${f.message}${saving}`);
      if (f.fix) out.push(`          fix: ${f.fix.title}`);
    }
  } else {
    out.push('No findings: this prompt is already lean.');
  }
  for (const notice of analysis.notices) out.push(`note: ${notice}`);
  for (const note of analysis.session?.source?.notes ?? []) out.push(`note: history: ${note}`);
  out.push('');
  out.push('Assumptions:');
  for (const a of e.assumptions) out.push(`  - ${a}`);
  out.push(`Formula: ${e.formula}`);
  return out.join('\n') + '\n';
}
