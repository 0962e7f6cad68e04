/**
 * The report's "Sent with every request by <agent>": the same view as the Energy panel's section
 * (sections/agentLoad.ts builds both, so the figures agree), drawn as a stacked SVG bar with a
 * table beside it, because the report runs no script. Pure: no vscode import.
 */
import type { AgentLoadView } from '../../shared/panel/viewModel';
import { escapeHtml } from './htmlEscape';

/** The bar as SVG: geometry in attributes, colours from the stylesheet (the CSP allows no inline style). */
function stackedBar(view: AgentLoadView): string {
  let x = 0;
  const rects = view.segments.map((s) => {
    // A sliver stays visible (the table gives the figures); the bar never runs past 100.
    const width = Math.min(Math.max(s.percent, 0.6), 100 - x);
    const rect = `<rect class="kind-${escapeHtml(s.kind)}" x="${x.toFixed(2)}" width="${width.toFixed(2)}" height="10"><title>${escapeHtml(`${s.label}: ${s.tokensText} tokens (${s.shareText})`)}</title></rect>`;
    x += width;
    return rect;
  });
  return `<svg class="stack" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(view.barLabel)}"><rect class="track" width="100" height="10"/>${rects.join('')}</svg>`;
}

/** Empty when the editor measured nothing for this report (no view). */
export function agentLoadSectionHtml(view: AgentLoadView | undefined): string {
  if (!view) return '';
  const heading = `<h2 id="agent-load">${escapeHtml(view.title)}</h2>`;
  const itemise = `<a href="command:mvp.showAgentContext">Itemise it (MVP: Show Agent Context)</a>`;
  if (view.state !== 'ready') {
    return `<section aria-labelledby="agent-load">${heading}<p class="note">${escapeHtml(view.message ?? '')}</p>${view.state === 'error' ? `<p>${itemise}</p>` : ''}</section>`;
  }
  const rows = view.segments.map(
    (s) =>
      `<tr class="${s.fixed ? 'fixed' : 'typed'}"><th scope="row"><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class="kind-${escapeHtml(s.kind)}" width="10" height="10"/></svg> ${escapeHtml(s.label)}</th><td class="num">${escapeHtml(s.tokensText)}</td><td class="num">${escapeHtml(s.shareText)}</td></tr>`,
  );
  return `<section aria-labelledby="agent-load">${heading}
  <p>${escapeHtml(view.summaryText)}</p>
  <p>${stackedBar(view)}</p>
  <table><thead><tr><th scope="col">Kind</th><th scope="col" class="num">Tokens</th><th scope="col" class="num">Share of the request</th></tr></thead><tbody>${rows.join('')}</tbody></table>
  <table><tbody>
  <tr><th scope="row">Fixed load</th><td>${escapeHtml(view.fixedText)}</td></tr>
  <tr><th scope="row">What you typed</th><td>${escapeHtml(view.typedText)}</td></tr>
  <tr><th scope="row">Request in total</th><td><strong>${escapeHtml(view.totalText)}</strong></td></tr>
  </tbody></table>
  ${view.problems.length ? `<ul class="note">${view.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>` : ''}
  <details><summary>Where these figures come from</summary><ul class="note">${view.sources.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></details>
  <p>${itemise}</p></section>`;
}

/** Colours of the kinds, as in the panel: the editor's chart colours; what you typed in the text colour. */
export const AGENT_LOAD_STYLE = `
.stack { display: block; width: 100%; max-width: 640px; height: 14px; }
.stack .track { fill: var(--vscode-editorWidget-background, #8882); }
.stack rect:not(.track) { stroke: var(--vscode-editor-background); stroke-width: .3; }
.swatch { display: inline-block; width: 10px; height: 10px; vertical-align: -1px; }
.kind-system { fill: var(--vscode-charts-blue, #3794ff); }
.kind-tools { fill: var(--vscode-charts-purple, #b180d7); }
.kind-mcp { fill: var(--vscode-charts-orange, #d18616); }
.kind-memory { fill: var(--vscode-charts-green, #89d185); }
.kind-instructions { fill: var(--vscode-charts-yellow, #cca700); }
.kind-skills { fill: var(--vscode-charts-red, #f14c4c); }
.kind-messages { fill: var(--vscode-charts-lines, #8b8b8b); }
.kind-typed { fill: var(--vscode-foreground); }
tr.typed th, tr.typed td { font-weight: 600; }
body.vscode-high-contrast .stack rect:not(.track), body.vscode-high-contrast-light .stack rect:not(.track) { stroke: var(--vscode-contrastBorder); }
`;
