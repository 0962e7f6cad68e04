import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../../src/core/rules/measureSaving';
import { assertMeasured, buildContext, findingsOf, partOf } from '../ruleContextBuilder';

describe('base64-blob', () => {
  const blob = Buffer.from('x'.repeat(600)).toString('base64');
  it('replaces a data URI with a placeholder', () => {
    const text = `Describe this image: data:image/png;base64,${blob} thanks`;
    const ctx = buildContext({ text });
    const [f] = findingsOf('base64-blob', ctx);
    const fixed = applyEdits(text, f.fix!.edits!);
    assert.match(fixed, /Describe this image: \[base64 data removed: ~\d+ bytes\] thanks/);
    assertMeasured(ctx, f);
  });
  it("uses the parser's base64 part", () => {
    const text = `Look:\n${blob}\n`;
    const [f] = findingsOf('base64-blob', buildContext({ text, parts: [partOf(text, blob, 'base64')] }));
    assert.deepEqual(f.range, { start: 6, end: 6 + blob.length });
  });
  it('is quiet for ordinary text and short tokens', () => {
    assert.equal(
      findingsOf('base64-blob', buildContext({ text: 'The key is QUJDREVGR0g= and the hash abc123.' })).length,
      0,
    );
  });
});
