/**
 * The analysis report as HTML. Why a webview panel and not a generated Markdown preview: the
 * report's main job is "apply this suggestion", and the built-in Markdown preview does not run
 * `command:` links, while a webview can allow exactly our own commands (`enableCommandUris`) with
 * no script at all — a strict CSP (`default-src 'none'`, styles by nonce) and theme variables so
 * it looks native. The same Analysis object renders here, in the CLI and in the sidebar.
 *
 * Pure: no `vscode` import, so the HTML is testable outside the editor.
 */
import { orderSuggestions } from '../../core/rules/suggestionOrder';
import * as path from 'node:path';
import type { Analysis, PartSummary } from '../../core/analysis';
import type { Estimate3 } from '../../core/energy/estimate';
import type { Finding } from '../../core/rules/finding';
import { PART_KIND_LABELS } from '../../core/prompt/parsedPrompt';
import { type Quantity, formatAmount, formatRange, formatSpan, formatTokens, formatWh, percent, significant } from '../../core/format';
import { resolutionText } from '../explain/estimateWhy';
import { isDocsLink } from '../../core/config/webLink';
import type { AgentLoadView } from '../../shared/panel/viewModel';
import { AGENT_LOAD_STYLE, agentLoadSectionHtml } from './agentLoadSection';
import { escapeHtml } from './htmlEscape';
import { ESTIMATED_LABEL, type RecentFigures, type RecentUsage } from '../../core/usage';

export interface CrossCheck {
  modelName: string;
  tokens: number;
  maxInputTokens: number;
}

export interface ReportContext {
  nonce: string;
  cspSource: string;
  /** The analysed document (string URI), for command links; absent for a selection or a transcript. */
  documentUri?: string;
  /** The document version the analysis belongs to (apply links check it). */
  version?: number;
  title: string;
  crossCheck?: CrossCheck;
  /** The workspace agent's fixed load beside this prompt (the Energy panel's figures), once measured. */
  agentLoad?: AgentLoadView;
  /** This week's agent usage from the local logs, once read (docs/usage.md). */
  agentWeek?: RecentUsage;
}

function commandHref(command: string, args: unknown[]): string {
  return escapeHtml(`command:${command}?${encodeURIComponent(JSON.stringify(args))}`);
}

/** "470 mWh (0.13–3.8 Wh)": the central figure, then the range in one unit (core/format). */
function range(e: Estimate3, quantity: Quantity, after = ''): string {
  return `<span class="central">${escapeHtml(formatAmount(quantity, e.central) + after)}</span> <span class="range">(${escapeHtml(formatSpan(quantity, e) + after)})</span>`;
}

/** A share as an SVG bar: geometry in attributes, colours in the stylesheet (the CSP allows no inline styles). */
function bar(share: number, label: string): string {
  const pct = Math.max(0, Math.min(100, share * 100));
  return `<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}"><rect class="track" width="100" height="8"/><rect class="fill${pct >= 80 ? ' warn' : ''}" width="${pct.toFixed(2)}" height="8"/></svg>`;
}

export function renderReportHtml(analysis: Analysis, ctx: ReportContext): string {
  const e = analysis.estimate;
  const total = analysis.tokens.total;
  const window = analysis.model.contextWindow;
  const sections = [
    header(analysis, ctx),
    `<section aria-labelledby="parts"><h2 id="parts">Where the tokens go</h2>${partsTable(analysis, ctx)}</section>`,
    agentLoadSectionHtml(ctx.agentLoad),
    `<section aria-labelledby="impact"><h2 id="impact">Energy, carbon, water per request</h2>
      <table><thead><tr><th scope="col"></th><th scope="col">central (low – high)</th></tr></thead><tbody>
      <tr><th scope="row">Energy</th><td>${range(e.energyWh, 'wh')}</td></tr>
      <tr><th scope="row">Carbon (location-based, incl. embodied)</th><td>${range(e.carbonG, 'carbonG', ' CO₂e')}</td></tr>
      <tr><th scope="row">of which embodied</th><td>${range(e.embodiedCarbonG, 'carbonG', ' CO₂e')}</td></tr>
      <tr><th scope="row">Water (${escapeHtml(e.waterBoundary)})</th><td>${range(e.waterMl, 'waterMl')}</td></tr>
      <tr><th scope="row">Carbon per 1,000 tokens (SCI, ISO/IEC 21031: compares requests of different sizes)</th><td>${range(e.sciGPer1kTokens, 'carbonG', ' CO₂e')}</td></tr>
      <tr><th scope="row">EcoLogits (output tokens only)</th><td>${range(e.ecologitsWh, 'wh')}</td></tr>
      </tbody></table>
      <p class="note">Grid: ${escapeHtml(e.grid.zone)}, ${escapeHtml(significant(e.grid.gCO2PerKWh, 3))} gCO₂e/kWh (${escapeHtml(e.grid.source)}, ${e.grid.year}). Request: ${formatTokens(e.tokens.input)} input tokens (${formatTokens(e.tokens.cachedInput)} cached), ${formatTokens(e.tokens.output)} output${e.tokens.reasoning ? `, ${formatTokens(e.tokens.reasoning)} hidden reasoning` : ''}.</p>
    </section>`,
    analysis.session ? sessionSection(analysis, ctx) : '',
    agentWeekSection(ctx.agentWeek),
    `<section aria-labelledby="suggestions"><h2 id="suggestions">Suggestions</h2>${suggestions(analysis, ctx)}</section>`,
    analysis.attachments.length ? `<section aria-labelledby="attachments"><h2 id="attachments">Attachments</h2>${attachmentsTable(analysis)}</section>` : '',
    `<section aria-labelledby="method"><h2 id="method">Method</h2>
      <p><strong>Formula</strong></p>
      <pre>${escapeHtml(e.formula)}</pre>
      <ul>${e.assumptions.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>
      <p class="note">Method ${escapeHtml(e.methodVersion)} · profile ${escapeHtml(e.profileId)}. Every figure is an estimate from a published method, never a measurement.
      ${ctx.documentUri ? `<a href="${commandHref('mvp.explainEstimate', [ctx.documentUri])}">Explain the estimate in full</a>` : ''}</p>
    </section>`,
  ];
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${ctx.cspSource} data:; style-src 'nonce-${ctx.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(ctx.title)}</title>
<style nonce="${ctx.nonce}">${STYLE}${AGENT_LOAD_STYLE}</style>
</head><body>
<main>
<h1>${escapeHtml(ctx.title)}</h1>
<p class="lead">${formatTokens(total)} input tokens · ${percent(total, window)} of the ${formatTokens(window)}-token window · ${escapeHtml(formatRange(e.energyWh, formatWh))} per request</p>
${sections.join('\n')}
</main></body></html>`;
}

function header(analysis: Analysis, ctx: ReportContext): string {
  const m = analysis.model;
  const total = analysis.tokens.total;
  const cross = ctx.crossCheck
    ? `<p>Editor's language model (${escapeHtml(ctx.crossCheck.modelName)}) counts <strong>${formatTokens(ctx.crossCheck.tokens)}</strong> tokens for the prompt text (our count: ${formatTokens(total)}); its input limit is ${formatTokens(ctx.crossCheck.maxInputTokens)}. A cross-check only: editor counts have been wrong before.</p>`
    : ctx.documentUri
      ? `<p><a href="${commandHref('mvp.crossCheckTokens', [ctx.documentUri])}">Cross-check the count with the editor's language model</a> (asks for consent; nothing leaves the editor unless that model's provider does so).</p>`
      : '';
  return `<section aria-labelledby="summary"><h2 id="summary">Summary</h2>
  <table><tbody>
  <tr><th scope="row">Model</th><td>${escapeHtml(resolutionText(analysis))}, provider ${escapeHtml(m.provider)}${ctx.documentUri ? ` · <a href="${commandHref('mvp.chooseModel', [])}">choose model</a>` : ''}</td></tr>
  <tr><th scope="row">Tokenizer</th><td>${escapeHtml(m.tokenizer)}${m.approximateTokens ? ' (approximate: proxy tokenizer with a calibration factor)' : ' (exact)'}</td></tr>
  <tr><th scope="row">Input tokens</th><td>${formatTokens(total)} of ${formatTokens(m.contextWindow)} ${bar(total / Math.max(1, m.contextWindow), `${percent(total, m.contextWindow)} of the context window`)}</td></tr>
  <tr><th scope="row">With minimal attachments</th><td>${formatTokens(analysis.tokens.minimalTotal)}</td></tr>
  </tbody></table>${cross}</section>`;
}

function partsTable(analysis: Analysis, ctx: ReportContext): string {
  const total = Math.max(1, analysis.tokens.total);
  const rows = analysis.tokens.parts.map((p: PartSummary) => {
    const label = p.path ? path.basename(p.path) : p.label;
    const reveal = ctx.documentUri ? `<a href="${commandHref('mvp.revealRange', [ctx.documentUri, p.range.start, p.range.end])}">${escapeHtml(label)}</a>` : escapeHtml(label);
    // One column: the kind only where the label does not already say it ("Front matter" twice was noise).
    const kind = PART_KIND_LABELS[p.kind];
    const kindNote = label.toLowerCase().includes(kind.toLowerCase()) ? '' : `<span class="note">${escapeHtml(kind)}:</span> `;
    return `<tr><td>${kindNote}${reveal}</td><td class="num">${formatTokens(p.tokens)}</td><td class="num">${p.minimalTokens !== undefined ? formatTokens(p.minimalTokens) : ''}</td><td>${bar(p.tokens / total, `${percent(p.tokens, total)} of the request`)} ${percent(p.tokens, total)}</td></tr>`;
  });
  return `<table><thead><tr><th scope="col">Part</th><th scope="col" class="num">Tokens</th><th scope="col" class="num">Minimal</th><th scope="col">Share</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** This week's real agent use beside the one request above, so the two are not confused. */
function agentWeekSection(recent: RecentUsage | undefined): string {
  if (!recent || recent.totals.week.requests + (recent.estimatedTotals?.week.requests ?? 0) === 0) return '';
  const row = (name: string, week: RecentFigures) =>
    `<tr><th scope="row">${escapeHtml(name)}</th><td class="num">${formatTokens(week.requests)}</td><td class="num">${formatTokens(week.tokens)}</td><td>${range(week.wh, 'wh')}</td><td>${range(week.carbonG, 'carbonG', ' CO₂e')}</td></tr>`;
  // Recorded agents and their total first; rows counted from text (Copilot Chat) after it, labelled, never in the total.
  const recorded = recent.agents.filter((a) => a.week.requests > 0 && !a.estimated);
  const estimated = recent.agents.filter((a) => a.week.requests > 0 && a.estimated);
  const rows = recorded.map((a) => row(a.name, a.week));
  if (recorded.length > 1) rows.push(row(estimated.length > 0 ? 'All agents (recorded)' : 'All agents', recent.totals.week));
  rows.push(...estimated.map((a) => row(a.name, a.week)));
  const estimatedNote = estimated.length > 0 ? ` Rows marked “${ESTIMATED_LABEL}” are counted from the chat’s text with the model’s tokenizer and are not in the total.` : '';
  return `<section aria-labelledby="agent-week"><h2 id="agent-week">Coding agents this week</h2>
  <table><thead><tr><th scope="col">Agent</th><th scope="col" class="num">Requests</th><th scope="col" class="num">Tokens</th><th scope="col">Energy</th><th scope="col">Carbon</th></tr></thead><tbody>${rows.join('')}</tbody></table>
  <p class="note">Since ${escapeHtml(recent.weekStart)}, as the agents recorded it in their local logs (tokens exact, energy from the same model as above); read on this machine only.${escapeHtml(estimatedNote)}</p></section>`;
}

function sessionSection(analysis: Analysis, ctx: ReportContext): string {
  const s = analysis.session!;
  const p = s.projection;
  const last = s.turns[s.turns.length - 1];
  const rows = s.turns
    .map((t) => `<tr><td class="num">${t.index + 1}</td><td class="num">${formatTokens(t.inputTokens)}</td><td class="num">${formatTokens(t.cachedInputTokens)}</td><td>${escapeHtml(formatWh(t.wh.central))}</td><td>${escapeHtml(formatWh(t.cumulativeWh.central))}</td></tr>`)
    .join('');
  return `<section aria-labelledby="session"><h2 id="session">Session</h2>
  <p>${s.turns.length} turns so far: ${formatTokens(s.totals.inputTokens)} input tokens in total (${formatTokens(s.totals.cachedInputTokens)} cacheable), ${range(s.totals.wh, 'wh')} without caching, ${range(s.totals.whCached, 'wh')} with the provider's caching.${last ? ` The last turn re-sent ${formatTokens(last.inputTokens)} tokens.` : ''}</p>
  <table><thead><tr><th scope="col">Next ${p.moreTurns} turns</th><th scope="col">without caching</th><th scope="col">with caching</th></tr></thead><tbody>
  <tr><th scope="row">Continue this session</th><td>${range(p.continueWh, 'wh')}</td><td>${range(p.continueWhCached, 'wh')}</td></tr>
  <tr><th scope="row">Start fresh from a ${formatTokens(p.seedSummaryTokens)}-token summary</th><td>${range(p.freshWh, 'wh')}</td><td>${range(p.freshWhCached, 'wh')}</td></tr>
  <tr><th scope="row">Saving</th><td>${escapeHtml(formatWh(p.savingWh))}</td><td>${escapeHtml(formatWh(p.savingWhCached))}</td></tr>
  </tbody></table>
  <p>${p.breakEvenTurn === null ? `Starting fresh does not pay off within ${p.moreTurns} turns.` : `Starting fresh has cost less in total from turn ${p.breakEvenTurn} on.`}${p.caveat ? ` ${escapeHtml(p.caveat)}` : ''}</p>
  ${ctx.documentUri ? `<p><a class="button" href="${commandHref('mvp.startFreshSession', [ctx.documentUri])}">Start a fresh session from the summary</a></p>` : ''}
  <details><summary>Turn by turn</summary><table><thead><tr><th scope="col" class="num">Turn</th><th scope="col" class="num">Input tokens</th><th scope="col" class="num">Cacheable</th><th scope="col">Energy</th><th scope="col">Cumulative</th></tr></thead><tbody>${rows}</tbody></table></details>
  </section>`;
}

export function sortBySaving(findings: readonly Finding[]): Finding[] {
  return orderSuggestions(findings);
}

function suggestions(analysis: Analysis, ctx: ReportContext): string {
  if (!analysis.findings.length) {
    return '<p>Nothing to suggest: this prompt is already lean.</p>';
  }
  const items = sortBySaving(analysis.findings).map((f) => {
    const index = analysis.findings.indexOf(f);
    const saving = f.saving && f.saving.tokens > 0 ? `<span class="saving">saves ${formatTokens(f.saving.tokens)} tokens · ${escapeHtml(formatWh(f.saving.wh))} per request</span>` : '';
    const apply =
      f.fix && ctx.documentUri
        ? `<a class="button" href="${commandHref('mvp.applyFix', [ctx.documentUri, index, ctx.version ?? -1])}">${escapeHtml(f.fix.title)}</a>`
        : '';
    // Only web links: this webview runs command: links, and a pack's rule link is not ours to trust.
    const docs = isDocsLink(f.docsUrl) ? ` <a href="${escapeHtml(f.docsUrl)}">${escapeHtml(f.ruleId)}</a>` : ` <code>${escapeHtml(f.ruleId)}</code>`;
    return `<li class="${escapeHtml(f.severity)}"><p><strong>${escapeHtml(f.severity)}</strong>${docs}: ${escapeHtml(f.message)}</p><p>${saving} ${apply}</p></li>`;
  });
  return `<ol class="suggestions">${items.join('')}</ol>`;
}

function attachmentsTable(analysis: Analysis): string {
  const rows = analysis.attachments.map(
    (a) =>
      `<tr><td>${escapeHtml(path.basename(a.reference.path))}${a.reference.sheet ? ` (${escapeHtml(a.reference.sheet)})` : ''}</td><td>${escapeHtml(a.format)}</td><td>${escapeHtml(a.naive.description)}: ${formatTokens(a.naive.tokens)}</td><td>${a.minimal ? `${escapeHtml(a.minimal.description)}: ${formatTokens(a.minimal.tokens)}` : '—'}</td><td>${a.problems.map((p) => escapeHtml(p.message)).join('<br>')}</td></tr>`,
  );
  return `<table><thead><tr><th scope="col">File</th><th scope="col">Format</th><th scope="col">As usually sent</th><th scope="col">Minimal form</th><th scope="col">Problems</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); line-height: 1.45; }
main { max-width: 980px; margin: 0 auto; padding: 0 16px 32px; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
h2 { font-size: 1.15em; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); padding-bottom: .2em; margin-top: 1.6em; }
.lead { color: var(--vscode-descriptionForeground); margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-editorWidget-border, #8883); vertical-align: top; }
th[scope=row] { font-weight: 600; width: 32%; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.range, .note { color: var(--vscode-descriptionForeground); }
.note { font-size: .92em; }
.bar { display: inline-block; width: 120px; height: 8px; vertical-align: middle; }
.bar .track { fill: var(--vscode-editorWidget-background, #8882); stroke: var(--vscode-editorWidget-border, #8884); stroke-width: .5; }
.bar .fill { fill: var(--vscode-charts-blue, var(--vscode-progressBar-background)); }
.bar .fill.warn { fill: var(--vscode-charts-orange, var(--vscode-editorWarning-foreground)); }
a { color: var(--vscode-textLink-foreground); }
a:focus { outline: 1px solid var(--vscode-focusBorder); }
a.button { display: inline-block; padding: 2px 10px; margin-left: 6px; color: var(--vscode-button-foreground); background: var(--vscode-button-background); text-decoration: none; border-radius: 2px; }
a.button:hover { background: var(--vscode-button-hoverBackground); }
.suggestions li { margin-bottom: .6em; }
.suggestions li p { margin: .1em 0; }
.suggestions li.error strong { color: var(--vscode-editorError-foreground); }
.suggestions li.warning strong { color: var(--vscode-editorWarning-foreground); }
.suggestions li.info strong, .suggestions li.hint strong { color: var(--vscode-editorInfo-foreground); }
.saving { font-weight: 600; }
pre { white-space: pre-wrap; font-family: var(--vscode-editor-font-family); font-size: .9em; background: var(--vscode-textCodeBlock-background); padding: 6px 8px; }
`;
