import { strict as assert } from 'node:assert';
import { runRules } from '../../../../src/core/rules/runRules';
import { emptyConfig } from '../../../../src/core/config/loadConfig';
import { attachment, buildContext, findingsOf, referenceTo } from '../ruleContextBuilder';

describe('spreadsheet-attachment', () => {
  const text = 'Total sales in Q3? #file:book.xlsx#Q3';
  const ref = referenceTo(text, '#file:book.xlsx#Q3', '/w/book.xlsx', 'Q3');
  it('offers the CSV conversion with the measured saving', () => {
    const ctx = buildContext({
      text,
      attachments: [attachment(ref, 'spreadsheet', 48210, { description: "Sheet 'Q3' as CSV", tokens: 3102 })],
    });
    const [f] = findingsOf('spreadsheet-attachment', ctx);
    assert.match(f.message, /book\.xlsx sends 48,210 tokens .*Sheet 'Q3' as CSV is 3,102 \(−94%/);
    assert.deepEqual(f.range, ref.range);
    assert.equal(f.saving?.tokens, 45108);
    assert.deepEqual(f.fix?.action, {
      kind: 'convertSpreadsheet',
      attachmentPath: '/w/book.xlsx',
      sheet: 'Q3',
      referenceRange: ref.range,
    });
  });
  it('lists each sheet when none is named', () => {
    const ctx = buildContext({
      text,
      attachments: [
        attachment({ ...ref, sheet: undefined }, 'spreadsheet', 9000, undefined, [
          { description: "Sheet 'A' as CSV", tokens: 1000 },
          { description: "Sheet 'B' as CSV", tokens: 2000 },
        ]),
      ],
    });
    const [f] = findingsOf('spreadsheet-attachment', ctx);
    assert.match(f.message, /Sheet 'A' as CSV 1,000; Sheet 'B' as CSV 2,000/);
    assert.equal(f.saving?.tokens, 7000);
  });
  it('is quiet for a CSV attachment or a tiny saving', () => {
    assert.equal(
      findingsOf('spreadsheet-attachment', buildContext({ text, attachments: [attachment(ref, 'csv', 5000)] })).length,
      0,
    );
    assert.equal(
      findingsOf(
        'spreadsheet-attachment',
        buildContext({ text, attachments: [attachment(ref, 'spreadsheet', 300, { description: 'csv', tokens: 250 })] }),
      ).length,
      0,
    );
  });

  // The finding counts what its fix writes: every visible sheet, one CSV each.
  describe('no sheet named, several visible sheets', () => {
    const text = 'Which region sold most? #file:book.xlsx';
    const ref = referenceTo(text, '#file:book.xlsx', '/w/book.xlsx');
    const book = attachment(
      ref,
      'spreadsheet',
      9000,
      { description: '2 visible sheets as CSV (name the sheet you need to send less)', tokens: 3050 },
      [
        { description: "Sheet 'A' as CSV", tokens: 1000 },
        { description: "Sheet 'B' as CSV", tokens: 2000 },
      ],
    );
    book.alternatives![0].sheet = 'A';
    book.alternatives![1].sheet = 'B';
    book.alternatives!.push({ description: "Sheet 'Old' as CSV (hidden)", tokens: 500, sheet: 'Old', hidden: true });

    it('the fix converts each visible sheet, and the finding counts exactly those files', () => {
      const [f] = runRules(buildContext({ text, attachments: [book] }), emptyConfig(), {
        trusted: true,
      }).findings.filter((x) => x.ruleId === 'spreadsheet-attachment');
      assert.equal(f.fix?.title, 'Convert the 2 visible sheets of book.xlsx to CSV (one file each)');
      assert.deepEqual(f.fix?.action, {
        kind: 'convertSpreadsheet',
        attachmentPath: '/w/book.xlsx',
        sheet: undefined,
        sheets: ['A', 'B'],
        referenceRange: ref.range,
      });
      assert.equal(
        f.saving?.tokens,
        9000 - 3000,
        'saving = naive − the two CSV files (not the combined form, not the hidden sheet)',
      );
      assert.match(f.message, /its 2 visible sheets as CSV \(one file each\) are 3,000 \(−67%/);
    });
  });
});
