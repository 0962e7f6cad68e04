/**
 * Hostile inputs, trust: text from a config, a pack or the analysed prompt never becomes a
 * `command:` link (report webview, trusted hovers and tooltips), a rule's link is a web address or
 * nothing, and `mvp.applyFix` applies only what the current analysis derived.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analysePrompt } from '../../src/core/analyse';
import { loadConfigFor } from '../../src/core/config/loadConfig';
import { isDocsLink, isWebLink } from '../../src/core/config/webLink';
import type { Finding } from '../../src/core/rules/finding';
import { whyMarkdown } from '../../src/extension/explain/estimateWhy';
import { matchCurrentFinding } from '../../src/core/rules/findingMatch';
import { escapeMarkdown } from '../../src/extension/explain/markdownEscape';
import { renderReportHtml } from '../../src/extension/report/reportHtml';
import { removeScratch, scratch } from './hostileKit';

const INJECTED =
  '[Click to apply](command:mvp.applyFix?%5B%22file%3A%2F%2F%2Fetc%2Fpasswd%22%5D) <command:mvp.applyFix>';

/** Markdown punctuation not preceded by a backslash: what could form a link. */
const UNESCAPED_LINK_SYNTAX = /(^|[^\\])[[\]()<>]/;

describe('hostile inputs: trust', () => {
  afterEach(removeScratch);

  it('a declarative rule whose link is command: is refused in the config and never reaches a finding', async () => {
    const rule = {
      id: 'team/no-please',
      kind: 'existence',
      tokens: ['please'],
      message: 'Drop "%s"',
      link: 'command:mvp.applyFix?%5B%5D',
    };
    const root = scratch({
      '.mvp.jsonc': JSON.stringify({ declarativeRules: [rule] }),
      'p.md': 'Summarise this, please.\n',
    });
    const config = loadConfigFor(path.join(root, 'p.md'), { trusted: false });
    assert.match(
      config.problems.map((p) => p.message).join('\n'),
      /declarativeRules\.0\.link must match \^https\?:\/\//,
    );
    const analysis = await analysePrompt({
      text: 'Summarise this, please.\n',
      file: path.join(root, 'p.md'),
      trusted: false,
    });
    assert.ok(!analysis.findings.some((f) => f.docsUrl?.startsWith('command:')));
  });

  it("the report webview links a finding's docs only when they are http(s)", async () => {
    const analysis = await analysePrompt({ text: 'Hello there.\n', baseDir: scratch(), trusted: false });
    analysis.findings.push({
      ruleId: 'team/evil',
      severity: 'warning',
      message: INJECTED,
      docsUrl: 'command:mvp.applyFix?%5B%5D',
    });
    analysis.findings.push({
      ruleId: 'team/fine',
      severity: 'warning',
      message: 'ok',
      docsUrl: 'https://example.com/rules/fine',
    });
    const html = renderReportHtml(analysis, {
      nonce: 'n',
      cspSource: 'vscode-webview:',
      documentUri: 'file:///w/p.md',
      version: 1,
      title: 'MVP',
    });
    assert.ok(!/href="command:mvp\.applyFix\?%5B%5D"/.test(html), 'the pack link is not a link');
    assert.match(html, /href="https:\/\/example\.com\/rules\/fine"/);
    assert.ok(!html.includes('<command:'), 'the message is escaped');
  });

  it('finding messages and front-matter model names are escaped in trusted Markdown (hover, tooltip)', async () => {
    const escaped = escapeMarkdown(INJECTED);
    assert.doesNotMatch(escaped, UNESCAPED_LINK_SYNTAX);
    const text = `---\nmodel: "${INJECTED.replace(/"/g, '')}"\n---\nHello.\n`;
    const analysis = await analysePrompt({ text, baseDir: scratch(), trusted: false });
    const why = whyMarkdown(analysis);
    const modelLine = why.split('\n').find((l) => l.startsWith('- Model:'))!;
    assert.match(modelLine, /command/, 'the requested name is shown');
    assert.doesNotMatch(modelLine.slice('- Model:'.length), UNESCAPED_LINK_SYNTAX);
  });

  it('applyFix takes the finding from the current analysis, never the fix in its argument', async () => {
    const analysis = await analysePrompt({
      text: 'Please, could you kindly summarise this report for me?\n\nThank you so much in advance!\n',
      baseDir: scratch(),
      trusted: false,
    });
    const real = analysis.findings.find((f) => f.fix);
    assert.ok(real, 'the prompt has a fixable finding');
    const crafted: Finding = {
      ...real,
      fix: {
        title: real.fix!.title,
        action: { kind: 'writeSeedSummary', targetPath: '/etc/cron.d/x', text: 'evil' } as never,
        edits: [{ range: { start: 0, end: 9999 }, newText: 'evil' }],
      },
    };
    const chosen = matchCurrentFinding(analysis.findings, crafted, true);
    assert.equal(chosen, real, "the analysis's own finding, with its own fix");
    assert.notDeepEqual(chosen!.fix, crafted.fix);
    const invented: Finding = {
      ruleId: 'made-up',
      severity: 'error',
      message: 'x',
      range: { start: 0, end: 1 },
      fix: { title: 'Write', edits: [] },
    };
    assert.equal(
      matchCurrentFinding(analysis.findings, invented, true),
      undefined,
      'a finding the analysis does not have is not applied',
    );
    assert.equal(matchCurrentFinding(analysis.findings, 'not a finding', true), undefined);
  });

  it('docs links: web pages and the Markdown pages the extension ships, nothing else', () => {
    assert.equal(isDocsLink('file:///home/me/.vscode/extensions/mvp/docs/rules/base64-blob.md'), true);
    for (const bad of [
      'command:mvp.applyFix?%5B%5D',
      'file:///etc/passwd',
      'file:///tmp/x.md?a=1',
      'vscode://file/x.md',
      'javascript:alert(1)',
    ])
      assert.equal(isDocsLink(bad), false, bad);
  });

  it('only http(s) addresses count as web links', () => {
    for (const bad of [
      'command:mvp.applyFix',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'vscode://x',
      'docs/x.md',
      '',
    ])
      assert.equal(isWebLink(bad), false, bad);
    assert.equal(isWebLink('https://example.com/x'), true);
  });

  it('"constructor" and "__proto__" keys are unknown properties, not silently accepted', () => {
    const root = scratch({
      '.mvp.jsonc': '{ "constructor": 1, "__proto__": { "x": 1 }, "budgets": { "toString": 3 } }',
    });
    const messages = loadConfigFor(path.join(root, 'p.md'), { trusted: false })
      .problems.map((p) => p.message)
      .join('\n');
    assert.match(messages, /Unknown property "constructor"/);
    assert.match(messages, /Unknown property "__proto__"/);
    assert.match(messages, /Unknown property "toString" in budgets/);
  });
});
