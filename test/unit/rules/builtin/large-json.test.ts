import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../../src/core/rules/measureSaving';
import { assertMeasured, attachment, buildContext, findingsOf, partOf, referenceTo } from '../ruleContextBuilder';

describe('large-json', () => {
  const items = Array.from({ length: 8 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] }));
  it('minifies pretty-printed JSON inside its fence, with the measured saving', () => {
    const json = JSON.stringify({ items: items.slice(0, 3), meta: { total: 3, page: 1 } }, null, 4);
    const text = `What is the total?\n\n\`\`\`json\n${json}\n\`\`\`\n`;
    const ctx = buildContext({ text, parts: [partOf(text, `\`\`\`json\n${json}\n\`\`\``, 'pastedJson')] });
    const [f] = findingsOf('large-json', ctx, { 'large-json': { options: { minTokens: 10, minSavingTokens: 5 } } });
    assert.ok(f, 'expected a finding');
    const fixed = applyEdits(text, f.fix!.edits!);
    assert.ok(fixed.includes('```json\n{"items":'), fixed);
    assert.ok(fixed.trimEnd().endsWith('```'));
    assertMeasured(ctx, f);
  });
  it('cuts a long array to a sample', () => {
    const json = JSON.stringify(
      Array.from({ length: 30 }, (_, i) => ({ id: i })),
      null,
      2,
    );
    const text = `Rows:\n${json}`;
    const ctx = buildContext({ text, parts: [partOf(text, json, 'pastedJson')] });
    const [f] = findingsOf('large-json', ctx, { 'large-json': { options: { minTokens: 10 } } });
    assert.match(f.message, /30 items/);
    assert.ok(applyEdits(text, f.fix!.edits!).includes('(first 5 of 30 items)'));
  });
  it('is quiet for minified or invalid JSON and below the size threshold', () => {
    const json = JSON.stringify(items);
    const text = `x ${json}`;
    assert.equal(
      findingsOf('large-json', buildContext({ text, parts: [partOf(text, json, 'pastedJson')] }), {
        'large-json': { options: { minTokens: 10 } },
      }).length,
      0,
    );
    const bad = '{ "a": 1,,, }';
    assert.equal(
      findingsOf('large-json', buildContext({ text: bad, parts: [partOf(bad, bad, 'pastedJson')] }), {
        'large-json': { options: { minTokens: 1 } },
      }).length,
      0,
    );
    const pretty = JSON.stringify({ a: 1 }, null, 2);
    assert.equal(
      findingsOf('large-json', buildContext({ text: pretty, parts: [partOf(pretty, pretty, 'pastedJson')] })).length,
      0,
    );
  });
  it('offers minifyJson for a JSON attachment with a smaller minimal form', () => {
    const text = 'Summarise #file:data.json';
    const ref = referenceTo(text, '#file:data.json', '/w/data.json');
    const [f] = findingsOf(
      'large-json',
      buildContext({
        text,
        attachments: [attachment(ref, 'json', 5000, { description: 'minified JSON', tokens: 3000 })],
      }),
    );
    assert.equal(f.fix?.action?.kind, 'minifyJson');
    assert.equal(f.saving?.tokens, 2000);
  });
});
