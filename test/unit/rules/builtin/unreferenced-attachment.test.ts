import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../../src/core/rules/measureSaving';
import { attachment, buildContext, findingsOf, referenceTo, testTokens } from '../ruleContextBuilder';

describe('unreferenced-attachment', () => {
  it('reports an attachment the question never mentions', () => {
    const text = '#file:notes/meeting-minutes.txt\n\nWhat is the capital of Australia?';
    const ref = referenceTo(text, '#file:notes/meeting-minutes.txt', '/w/notes/meeting-minutes.txt');
    const ctx = buildContext({ text, attachments: [attachment(ref, 'text', 4000)] });
    const [f] = findingsOf('unreferenced-attachment', ctx);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /meeting-minutes\.txt \(4,000 tokens\)/);
    assert.equal(f.saving!.tokens, 4000 + testTokens(text) - testTokens(applyEdits(text, f.fix!.edits!)));
  });
  it("is quiet when the question uses a word of the attachment's content (a column name)", () => {
    const text = '#file:q.csv\n\nWhich region had the largest amount in March?';
    const ref = referenceTo(text, '#file:q.csv', '/w/q.csv');
    const a = attachment(ref, 'text', 4000);
    a.naive.text = 'region,month,amount\nR1,2024-03,5';
    assert.equal(findingsOf('unreferenced-attachment', buildContext({ text, attachments: [a] })).length, 0);
    a.naive.text = 'city,month,total\nR1,2024-03,5';
    assert.equal(findingsOf('unreferenced-attachment', buildContext({ text, attachments: [a] })).length, 1);
  });
  it('is quiet when the question names the file, its kind, or "the attached"', () => {
    for (const q of ['What do the meeting minutes decide?', 'Summarise the attached.', 'Which rows are duplicated?']) {
      const text = `#file:meeting-minutes.csv\n\n${q}`;
      const ref = referenceTo(text, '#file:meeting-minutes.csv', '/w/meeting-minutes.csv');
      assert.equal(
        findingsOf('unreferenced-attachment', buildContext({ text, attachments: [attachment(ref, 'csv', 4000)] }))
          .length,
        0,
        q,
      );
    }
  });
});
