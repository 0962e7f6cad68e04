/** The spreadsheet finding counts what its fix writes: every visible sheet, one CSV each. */
import { strict as assert } from 'node:assert';
import { runRules } from '../../../src/core/rules/runRules';
import { emptyConfig } from '../../../src/core/config/loadConfig';
import { attachment, buildContext, referenceTo } from './ruleContextBuilder';

describe('spreadsheet-attachment: no sheet named, several visible sheets', () => {
  const text = 'Which region sold most? #file:book.xlsx';
  const ref = referenceTo(text, '#file:book.xlsx', '/w/book.xlsx');
  const book = attachment(ref, 'spreadsheet', 9000, { description: '2 visible sheets as CSV (name the sheet you need to send less)', tokens: 3050 }, [
    { description: "Sheet 'A' as CSV", tokens: 1000 },
    { description: "Sheet 'B' as CSV", tokens: 2000 },
  ]);
  book.alternatives![0].sheet = 'A';
  book.alternatives![1].sheet = 'B';
  book.alternatives!.push({ description: "Sheet 'Old' as CSV (hidden)", tokens: 500, sheet: 'Old', hidden: true });

  it('the fix converts each visible sheet, and the finding counts exactly those files', () => {
    const [f] = runRules(buildContext({ text, attachments: [book] }), emptyConfig(), { trusted: true }).findings.filter((x) => x.ruleId === 'spreadsheet-attachment');
    assert.equal(f.fix?.title, 'Convert the 2 visible sheets of book.xlsx to CSV (one file each)');
    assert.deepEqual(f.fix?.action, { kind: 'convertSpreadsheet', attachmentPath: '/w/book.xlsx', sheet: undefined, sheets: ['A', 'B'], referenceRange: ref.range });
    assert.equal(f.saving?.tokens, 9000 - 3000, 'saving = naive − the two CSV files (not the combined form, not the hidden sheet)');
    assert.match(f.message, /its 2 visible sheets as CSV \(one file each\) are 3,000 \(−67%/);
  });
});
