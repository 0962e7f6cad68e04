import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/rules/finding';
import { findingHoverLine } from '../../../src/extension/problems/hoverMarkdown';
import { sampleAnalysis } from '../panel/sampleAnalysis';

/** A message a team pack could write: a link to a command, an autolink, emphasis and a heading. */
const INJECTED = '[Apply](command:mvp.applyFix?%5B%5D) <command:mvp.applyFix> *bold* _x_ `code`\n# Heading | cell';

/** Markdown punctuation not preceded by a backslash: what could form a link or markup. */
const UNESCAPED = /(^|[^\\])[[\]()<>*_`#|]/;

/** What a Markdown renderer shows for backslash-escaped text. */
const unescape = (markdown: string): string => markdown.replace(/\\(.)/g, '$1');

describe("a finding's hover text", () => {
  const finding: Finding = {
    ruleId: 'team/no_*links*',
    severity: 'warning',
    message: INJECTED,
    range: { start: 0, end: 4 },
    saving: { tokens: 120, wh: 0.01 },
    fix: { title: 'Drop [this](command:mvp.applyFix)', edits: [{ range: { start: 0, end: 4 }, newText: '' }] },
  };

  it('escapes Markdown in the rule id and the message, and keeps their text', () => {
    const line = findingHoverLine(sampleAnalysis(), { ...finding, saving: undefined }, false)!;
    const [, ruleId, message] = /^\*\*(.+)\*\*: (.+)$/.exec(line)!;
    assert.doesNotMatch(ruleId, UNESCAPED, line);
    assert.doesNotMatch(message, UNESCAPED, line);
    assert.ok(!line.includes('\n'), 'a line break could start a block');
    assert.equal(unescape(ruleId), finding.ruleId);
    assert.equal(unescape(message), INJECTED.replace('\n', ' '));
  });

  it("escapes the fix's title before what it saves; only the saving when the diagnostic shows the message", () => {
    const line = findingHoverLine(sampleAnalysis(), finding, true)!;
    const title = line.slice(0, line.indexOf(' (Ctrl+.) saves 120 tokens · ≈'));
    assert.doesNotMatch(title, UNESCAPED, line);
    assert.equal(unescape(title), finding.fix!.title);
    assert.ok(!unescape(line).includes('Heading'), 'VS Code shows the message above the hover');
  });
});
