import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { analysePrompt } from '../../../src/core/analyse';
import { renderReportHtml } from '../../../src/extension/report/reportHtml';

const workspace = path.resolve(__dirname, '../../fixtures/workspace');

describe('editor: the analysis report', () => {
  it('renders a real analysis: breakdown, ranges, suggestions with apply links, no script, strict CSP', async () => {
    const file = path.join(workspace, 'cleanup.prompt.md');
    const analysis = await analysePrompt({ text: readFileSync(file, 'utf8'), file, workspaceRoot: workspace, trusted: true });
    const html = renderReportHtml(analysis, { nonce: 'n0nce', cspSource: 'vscode-webview:', documentUri: 'file:///w/cleanup.prompt.md', version: 3, title: 'MVP: <cleanup>' });
    assert.match(html, /content="default-src 'none'; img-src vscode-webview: data:; style-src 'nonce-n0nce';"/);
    assert.ok(!/<script/i.test(html));
    assert.ok(!/ style="/.test(html), 'no inline style attributes (the CSP would block them)');
    assert.match(html, /<title>MVP: &lt;cleanup&gt;<\/title>/, 'escaped');
    assert.match(html, /Where the tokens go/);
    for (const id of ['base64-blob', 'duplicate-content', 'unbounded-output']) assert.match(html, new RegExp(id));
    const apply = [...html.matchAll(/href="command:mvp\.applyFix\?([^"]+)"/g)].map((m) => JSON.parse(decodeURIComponent(m[1].replace(/&amp;/g, '&'))));
    assert.equal(apply.length, analysis.findings.filter((f) => f.fix).length);
    assert.ok(apply.every(([uri, index, version]) => uri === 'file:///w/cleanup.prompt.md' && typeof index === 'number' && version === 3));
    // Suggestions are ordered by measured saving, largest first.
    assert.ok(html.indexOf('base64-blob') < html.indexOf('duplicate-content'));
  });

  it("shows this week's agent usage from the logs beside the one request, with a row per agent and a total, escaped", async () => {
    const file = path.join(workspace, 'cleanup.prompt.md');
    const analysis = await analysePrompt({ text: readFileSync(file, 'utf8'), file, workspaceRoot: workspace, trusted: true });
    const base = { nonce: 'n', cspSource: 'c', title: 't' };
    assert.doesNotMatch(renderReportHtml(analysis, base), /Coding agents this week/, 'nothing before the logs are read');
    const figures = (requests: number, central: number) => ({
      requests,
      tokens: requests * 1000,
      wh: { low: central / 4, central, high: central * 4 },
      carbonG: { low: central / 8, central: central / 2, high: central * 2 },
      waterMl: { low: 0, central: 0, high: 0 },
      costUsd: 0,
    });
    const agentWeek = {
      today: '2026-12-02',
      weekStart: '2026-11-30',
      agents: [
        { agent: 'claude-code' as const, name: 'Claude Code', today: figures(1, 1), week: figures(9, 12) },
        { agent: 'codex' as const, name: 'Codex <CLI>', today: figures(0, 0), week: figures(3, 2) },
        { agent: 'gemini-cli' as const, name: 'Gemini CLI', today: figures(0, 0), week: figures(0, 0) },
      ],
      totals: { today: figures(1, 1), week: figures(12, 14) },
      days: [],
    };
    const html = renderReportHtml(analysis, { ...base, agentWeek });
    assert.match(html, /<h2 id="agent-week">Coding agents this week<\/h2>/);
    assert.match(html, /Claude Code<\/th><td class="num">9<\/td><td class="num">9,000<\/td><td><span class="central">12 Wh<\/span> <span class="range">\(3–48 Wh\)/);
    assert.match(html, /Codex &lt;CLI&gt;/);
    assert.doesNotMatch(html, /Gemini CLI<\/th>/, 'an agent with no request this week has no row');
    assert.match(html, /All agents<\/th><td class="num">12<\/td><td class="num">12,000<\/td>/);
    assert.match(html, /Since 2026-11-30/);
  });
});
