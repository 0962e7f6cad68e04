import * as assert from 'node:assert/strict';
import { parsePrompt } from '../../../src/core/prompt/parsePrompt';

const base = '/ws/prompts';
const kinds = (text: string) => parsePrompt(text, { baseDir: base }).parts.map((p) => p.kind);
const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('parsePrompt', () => {
  it('reads YAML front matter and honours its model', () => {
    const text = '---\nmodel: claude-sonnet-4-5\ntools: [a, b]\n---\nSummarise the notes.\n';
    const parsed = parsePrompt(text, { baseDir: base });
    assert.equal(parsed.model, 'claude-sonnet-4-5');
    assert.deepEqual(parsed.frontMatter?.tools, ['a', 'b']);
    assert.equal(parsed.parts[0].kind, 'frontMatter');
    assert.equal(slice(text, parsed.parts[0].range), '---\nmodel: claude-sonnet-4-5\ntools: [a, b]\n---\n');
  });

  it('reports invalid front matter instead of throwing', () => {
    const parsed = parsePrompt('---\nmodel: [unclosed\n---\nHi\n', { baseDir: base });
    assert.match(parsed.frontMatterProblem?.message ?? '', /not valid YAML/);
    assert.equal(parsed.model, undefined);
  });

  it('handles CRLF line endings', () => {
    const text = '---\r\nmodel: gpt-4o\r\n---\r\n# Task\r\nDo it.\r\n';
    const parsed = parsePrompt(text, { baseDir: base });
    assert.equal(parsed.model, 'gpt-4o');
    assert.deepEqual(parsed.parts.map((p) => p.kind), ['frontMatter', 'instructions', 'question']);
    assert.equal(slice(text, parsed.parts[2].range), 'Do it.');
  });

  it('classifies fenced and pasted blocks', () => {
    const log = ['2024-05-01 10:00:00 INFO boot', '2024-05-01 10:00:01 WARN slow', '2024-05-01 10:00:02 ERROR x', '2024-05-01 10:00:03 INFO y'].join('\n');
    const text = [
      '# Context',
      'Some context.',
      '',
      '```ts',
      'const a = 1;',
      '```',
      '',
      log,
      '',
      '```json',
      '{"a": 1}',
      '```',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      'What went wrong?',
    ].join('\n');
    assert.deepEqual(kinds(text), ['instructions', 'codeBlock', 'pastedLog', 'pastedJson', 'pastedTable', 'question']);
  });

  it('finds base64 runs inside prose with an exact range', () => {
    const blob = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk' .repeat(5);
    const text = `Here is the image: ${blob} — what is it?\n\nAnswer briefly.`;
    const parsed = parsePrompt(text, { baseDir: base });
    const part = parsed.parts.find((p) => p.kind === 'base64');
    assert.ok(part);
    assert.equal(slice(text, part.range), blob);
  });

  it('does not call an English word run base64', () => {
    const text = `${'a'.repeat(300)}\n\nOk?`;
    assert.ok(!kinds(text).includes('base64'));
  });

  it('finds #file, Markdown and @ references with sheets and ranges', () => {
    const text =
      'Compare #file:../data/book.xlsx#Q3 with [log](./app.log "the log"), ![chart](img/c.png) and @src/a.ts. ' +
      'Also [sales](sales.xlsx?sheet=Sales%202024). Not https://x.io, not [a](#anchor), not me@mail.com, not @alice.';
    const parsed = parsePrompt(text, { baseDir: base });
    const refs = parsed.references.map((r) => ({ syntax: r.syntax, path: r.path, sheet: r.sheet, text: slice(text, r.range!) }));
    assert.deepEqual(refs, [
      { syntax: '#file', path: '/ws/data/book.xlsx', sheet: 'Q3', text: '#file:../data/book.xlsx#Q3' },
      { syntax: 'markdownLink', path: '/ws/prompts/app.log', sheet: undefined, text: '[log](./app.log "the log")' },
      { syntax: 'markdownLink', path: '/ws/prompts/img/c.png', sheet: undefined, text: '![chart](img/c.png)' },
      { syntax: 'atMention', path: '/ws/prompts/src/a.ts', sheet: undefined, text: '@src/a.ts' },
      { syntax: 'markdownLink', path: '/ws/prompts/sales.xlsx', sheet: 'Sales 2024', text: '[sales](sales.xlsx?sheet=Sales%202024)' },
    ]);
  });

  it('ignores references inside code blocks', () => {
    const text = '```\n#file:secret.txt\n```\n\nExplain.';
    assert.equal(parsePrompt(text, { baseDir: base }).references.length, 0);
  });

  it('covers an unterminated fence to the end of the document', () => {
    const text = 'Intro.\n\n```py\nprint(1)\n';
    const parsed = parsePrompt(text, { baseDir: base });
    const code = parsed.parts.find((p) => p.kind === 'codeBlock');
    assert.ok(code);
    assert.equal(code.range.end, text.length - 1);
  });

  it('parses a megabyte prompt in linear time without stack growth @slow', () => {
    const para = 'This paragraph explains the task in some detail, with numbers 12345 and words.\n\n';
    const text = para.repeat(Math.ceil(1_000_000 / para.length));
    const parsed = parsePrompt(text, { baseDir: base });
    assert.equal(parsed.parts.at(-1)?.kind, 'question');
  });
});

describe('parsePrompt: pasted conversations', () => {
  it('marks role-headed sections as history and keeps the last request as the question', () => {
    const text = '# Task\nFix the bug.\n\n## User\nIt crashes.\n\n## Assistant\nTry X.\n\n## User\nX did not help. What now?\n';
    const parsed = parsePrompt(text, { baseDir: base });
    assert.deepEqual(
      parsed.parts.map((p) => [p.kind, p.label]),
      [
        ['instructions', 'Section: Task'],
        ['history', 'History: User'],
        ['history', 'History: Assistant'],
        ['history', 'History: User'],
        ['question', 'Question'],
      ],
    );
  });
});

describe('parsePrompt: labels', () => {
  it('labels prose that resumes a section after a pasted block as continued', () => {
    const text = '# Context\nIntro.\n\n```\ncode\n```\n\nMore context.\n\n# Ask\nWhy?\n';
    const labels = parsePrompt(text, { baseDir: base }).parts.map((p) => p.label);
    assert.deepEqual(labels, ['Section: Context', 'Code block', 'Section: Context (continued)', 'Section: Ask', 'Question']);
  });
});
