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
});
