/**
 * The report's "Sent with every request by <agent>": the panel's view drawn as SVG and tables,
 * escaped, with no inline style, and a link to the itemised view.
 */
import * as assert from 'node:assert/strict';
import { renderReportHtml } from '../../../src/extension/report/reportHtml';
import { agentLoadSectionHtml } from '../../../src/extension/report/agentLoadSection';
import type { AgentLoadView } from '../../../src/shared/panel/viewModel';
import { sampleAnalysis } from '../panel/sampleAnalysis';

const READY: AgentLoadView = {
  state: 'ready',
  title: 'Sent with every request by Claude Code',
  summaryText: 'Claude Code sends 13,154 tokens (25% of this request) before you type a word',
  segments: [
    { kind: 'system', label: 'System prompt', tokensText: '4,438', shareText: '8.3%', percent: 8.3, fixed: true },
    { kind: 'tools', label: 'Built-in tools', tokensText: '8,476', shareText: '16%', percent: 15.9, fixed: true },
    { kind: 'memory', label: 'Memory <files>', tokensText: '240', shareText: '0.45%', percent: 0.4, fixed: true },
    { kind: 'typed', label: 'What you typed', tokensText: '40,232', shareText: '75%', percent: 75.4, fixed: false },
  ],
  barLabel: 'Request of 53,386 tokens: …',
  fixedText: '13,154 tokens before you type a word · 2.5 Wh (300 mWh–27 Wh) per request on its own',
  typedText: '40,232 tokens: prompt 232 · attachments 40,000 · history 0',
  totalText: '53,386 tokens · 9.9 Wh (1.1–100 Wh) with the expected answer',
  sources: ['Agent: Claude Code, because this folder has its files (found CLAUDE.md).'],
  problems: ['MCP server files: its tools were not measured'],
};

describe('editor: the report shows the agent’s fixed load', () => {
  it('draws the stacked split as SVG with a table of the same figures and the request total', () => {
    const html = agentLoadSectionHtml(READY);
    assert.match(html, /<h2 id="agent-load">Sent with every request by Claude Code<\/h2>/);
    const rects = [...html.matchAll(/<rect class="kind-(\w+)" x="([\d.]+)" width="([\d.]+)"/g)];
    assert.deepEqual(
      rects.map((r) => r[1]),
      ['system', 'tools', 'memory', 'typed'],
    );
    // Laid end to end, never past the bar's 100 units, a sliver still visible.
    let x = 0;
    for (const [, , start, width] of rects) {
      assert.equal(Number(start), Number(x.toFixed(2)));
      x += Number(width);
    }
    assert.ok(x <= 100.001);
    assert.ok(Number(rects[2][3]) >= 0.6);
    assert.match(html, /role="img" aria-label="Request of 53,386 tokens: …"/);
    assert.match(html, /Memory &lt;files&gt;<\/th><td class="num">240<\/td><td class="num">0.45%<\/td>/);
    assert.match(html, /Request in total<\/th><td><strong>53,386 tokens · 9.9 Wh/);
    assert.match(html, /MCP server files: its tools were not measured/);
    assert.match(html, /href="command:mvp\.showAgentContext"/);
  });

  it('says plainly when there is no agent, and offers no itemised view of a load that is not there', () => {
    const html = agentLoadSectionHtml({
      ...READY,
      state: 'none',
      message: 'No coding agent is set up in this folder.',
      segments: [],
    });
    assert.match(html, /No coding agent is set up in this folder\./);
    assert.ok(!/<svg|<table|showAgentContext/.test(html));
    assert.equal(agentLoadSectionHtml(undefined), '');
  });

  it('sits after "Where the tokens go" in the report, under the strict CSP', () => {
    const html = renderReportHtml(sampleAnalysis(), { nonce: 'n', cspSource: 'c', title: 't', agentLoad: READY });
    assert.ok(html.indexOf('Where the tokens go') < html.indexOf('Sent with every request by Claude Code'));
    assert.ok(
      html.indexOf('Sent with every request by Claude Code') < html.indexOf('Energy, carbon, water per request'),
    );
    assert.ok(!/ style="/.test(html), 'no inline style attributes');
    assert.match(html, /\.kind-typed \{ fill: var\(--vscode-foreground\); \}/);
  });
});
