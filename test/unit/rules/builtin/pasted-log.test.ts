import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../../src/core/rules/measureSaving';
import { assertMeasured, attachment, buildContext, findingsOf, partOf, referenceTo } from '../ruleContextBuilder';

describe('pasted-log', () => {
  const lines = Array.from(
    { length: 120 },
    (_, i) => `2024-05-01T10:00:${String(i % 60).padStart(2, '0')} INFO request ${i} served in 12 ms`,
  );
  lines[50] = '2024-05-01T10:00:50 ERROR connection refused to db:5432';
  lines[51] = '    at Pool.connect (pool.js:10)';
  const log = lines.join('\n');
  const text = `Why does it fail?\n\n\`\`\`\n${log}\n\`\`\`\n`;
  it('keeps the error lines with their stack and the tail, measured', () => {
    const ctx = buildContext({ text, parts: [partOf(text, `\`\`\`\n${log}\n\`\`\``, 'pastedLog')] });
    const [f] = findingsOf('pasted-log', ctx);
    const fixed = applyEdits(text, f.fix!.edits!);
    assert.ok(fixed.includes('ERROR connection refused'));
    assert.ok(fixed.includes('at Pool.connect'));
    assert.ok(fixed.includes('request 119 served'));
    assert.ok(!fixed.includes('request 10 served'));
    assert.match(fixed, /\[… 50 lines omitted …\]/);
    assert.match(f.message, /120 lines/);
    assertMeasured(ctx, f);
  });
  it('is quiet for a short log', () => {
    const short = lines.slice(0, 10).join('\n');
    assert.equal(
      findingsOf('pasted-log', buildContext({ text: short, parts: [partOf(short, short, 'pastedLog')] })).length,
      0,
    );
  });
  it('offers tailLog for a log attachment', () => {
    const t = 'Why? #file:app.log';
    const ref = referenceTo(t, '#file:app.log', '/w/app.log');
    const [f] = findingsOf(
      'pasted-log',
      buildContext({
        text: t,
        attachments: [attachment(ref, 'log', 9000, { description: 'tail + errors', tokens: 800 })],
      }),
    );
    assert.equal(f.fix?.action?.kind, 'tailLog');
  });
});
