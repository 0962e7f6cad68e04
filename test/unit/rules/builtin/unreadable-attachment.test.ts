import { strict as assert } from 'node:assert';
import { analysedFindings, attachment, buildContext, findingsOf, referenceTo } from '../ruleContextBuilder';

describe('unreadable-attachment', () => {
  const text = 'Read #file:gone.xlsx and #file:ok.csv please.';
  it('reports each problem at its reference, a missing file as a warning (the request still goes out)', () => {
    const gone = attachment(referenceTo(text, '#file:gone.xlsx', '/ws/gone.xlsx'), 'unreadable', 0);
    gone.problems.push({ code: 'missing', message: 'gone.xlsx: no such file. Check the path.' });
    const big = attachment(referenceTo(text, '#file:ok.csv', '/ws/ok.csv'), 'csv', 10);
    big.problems.push({ code: 'tooLarge', message: 'is 300 MB, above the 50 MB limit; not read.' });
    const found = findingsOf('unreadable-attachment', buildContext({ text, attachments: [gone, big] }));
    assert.equal(found.length, 2);
    assert.equal(found[0].severity, 'warning');
    assert.equal(text.slice(found[0].range!.start, found[0].range!.end), '#file:gone.xlsx');
    assert.equal(found[1].severity, 'warning');
    assert.match(found[1].message, /^ok\.csv: is 300 MB/);
  });
  it('is quiet when every attachment was read', () => {
    const ok = attachment(referenceTo(text, '#file:ok.csv', '/ws/ok.csv'), 'csv', 10);
    assert.equal(findingsOf('unreadable-attachment', buildContext({ text, attachments: [ok] })).length, 0);
  });

  describe('on real prompt files (issue 12)', () => {
    it('a missing file is a warning that says what the path was resolved against', async () => {
      const [f] = await analysedFindings(
        'Follow [the guide](docs/guide.md) when you write code.',
        '/nonexistent-repo/AGENTS.md',
        'unreadable-attachment',
      );
      assert.equal(f.severity, 'warning');
      assert.match(
        f.message,
        /guide\.md: no such file \(\/nonexistent-repo\/docs\/guide\.md\) — "docs\/guide\.md" is resolved against the prompt file's folder/,
      );
    });
    it('#file: names both places the agent looks', async () => {
      const [f] = await analysedFindings(
        'Review #file:src/app.ts',
        '/nonexistent-repo/.github/prompts/review.prompt.md',
        'unreadable-attachment',
      );
      assert.match(f.message, /also looked for \/nonexistent-repo\/src\/app\.ts/);
    });
    it('nothing for npm scopes, decorators, inline code and template holes (tailwind-v4-vite.instructions.md, python-pypi-package-builder, markdown.instructions.md, convert-plaintext-to-md.prompt.md)', async () => {
      const text = [
        '- **New @tailwindcss/vite plugin** replaces the PostCSS-based approach',
        'asyncio_mode=auto (remove @pytest.mark.asyncio), migration guide.',
        '- **Links**: Inline `[text](url "title")` or reference `[text][label]`.',
        '- **#file:{{file}}** (required) - The plain text documentation file to convert.',
      ].join('\n\n');
      assert.equal(
        (await analysedFindings(text, '/nonexistent-repo/.github/prompts/x.prompt.md', 'unreadable-attachment')).length,
        0,
      );
    });
  });
});
