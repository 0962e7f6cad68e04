import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readAttachment } from '../../../src/core/attachments/readAttachment';
import { countTokens } from './countTokens';
import { fixture, ref, scratchDir } from './helpers';

describe('text attachments: CSV/TSV, JSON, logs, code', function () {
  this.timeout(30_000);
  let scratch: ReturnType<typeof scratchDir>;
  before(() => (scratch = scratchDir()));
  after(() => scratch.remove());
  const write = (name: string, text: string) => {
    const file = path.join(scratch.dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('CSV: detects ; as delimiter, strips the BOM, keeps quoted delimiters and newlines', async () => {
    const a = await readAttachment(ref(fixture('semicolon-bom.csv')), { countTokens });
    assert.equal(a.format, 'csv');
    assert.equal(a.details.delimiter, ';');
    assert.equal(a.details.encoding, 'utf-8-bom');
    assert.equal(a.details.rows, 3, 'the quoted newline does not start a row');
    assert.equal(a.details.columns, 3);
    assert.equal(a.minimal, undefined, 'nothing to trim');
  });

  it('TSV: reports duplicate columns and trailing empty rows/columns, and trims them', async () => {
    const a = await readAttachment(ref(fixture('duplicates.tsv')), { countTokens });
    assert.equal(a.details.delimiter, 'tab');
    assert.equal(a.details.duplicateColumns, 'name');
    assert.equal(a.details.trailingEmptyRows, 2);
    assert.equal(a.details.trailingEmptyColumns, 1);
    assert.equal(a.minimal?.text, 'id\tname\tname\tamount\n1\tAna\tA\t10\n2\tBo\tB\t20');
    assert.ok(a.minimal.tokens < a.naive.tokens);
  });

  it('large CSV: "schema + first N rows" is offered and says it is lossy', async () => {
    const lines = ['id,date,amount,flag,comment'];
    for (let i = 1; i <= 1000; i++) lines.push(`${i},2024-01-${String((i % 28) + 1).padStart(2, '0')},${(i * 1.5).toFixed(2)},${i % 2 ? 'true' : 'false'},row ${i}`);
    const a = await readAttachment(ref(write('big.csv', lines.join('\n') + '\n')), { countTokens, previewRows: 10 });
    assert.equal(a.details.rows, 1000);
    assert.match(a.minimal?.description ?? '', /^Schema \+ first 10 of 1,000 rows \(lossy/);
    const text = a.minimal?.text ?? '';
    assert.match(text, /^Columns: id \(integer\), date \(date\), amount \(number\), flag \(boolean\), comment \(text\)$/m);
    assert.equal(text.split('\n').length, 2 + 1 + 10);
    assert.ok(a.minimal!.tokens * 20 < a.naive.tokens);
  });

  it('JSON: minified form, and "schema + first N items" for a large nested array', async () => {
    const doc = { meta: { source: 'export' }, data: { items: Array.from({ length: 300 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'], price: i / 4 })) } };
    const a = await readAttachment(ref(write('dump.json', JSON.stringify(doc, null, 2))), { countTokens, previewRows: 5 });
    assert.equal(a.format, 'json');
    assert.equal(a.details.largestArray, '$.data.items');
    assert.equal(a.details.largestArrayItems, 300);
    const minified = a.alternatives?.find((f) => f.description === 'Minified JSON');
    assert.equal(minified?.text, JSON.stringify(doc));
    assert.match(a.minimal?.text ?? '', /^Schema of \$\.data\.items\[\] \(300 items, first 5 shown\): \{id: number, name: string, tags: string\[\], price: number\}\n/);
    const sample = JSON.parse((a.minimal?.text ?? '').split('\n')[1]);
    assert.equal(sample.data.items.length, 5);
    assert.deepEqual(sample.meta, doc.meta, 'the rest of the document is kept');
    assert.ok(a.minimal!.tokens < minified!.tokens);
  });

  it('JSON: small documents get just the minified form; JSON Lines are understood', async () => {
    const small = await readAttachment(ref(write('small.json', '{\n  "a": 1,\n  "b": [1, 2]\n}\n')), { countTokens });
    assert.equal(small.minimal?.text, '{"a":1,"b":[1,2]}');
    const lines = await readAttachment(ref(write('events.jsonl', '{ "a": 1 }\n{ "a": 2 }\n')), { countTokens });
    assert.equal(lines.details.topLevel, 'JSON Lines');
    assert.equal(lines.minimal?.text, '{"a":1}\n{"a":2}');
  });

  it('invalid JSON is counted as text with one corrupt problem', async () => {
    const a = await readAttachment(ref(write('bad.json', '{"a": 1,,}')), { countTokens });
    assert.equal(a.problems.length, 1);
    assert.equal(a.problems[0].code, 'corrupt');
    assert.match(a.problems[0].message, /^bad\.json: not valid JSON/);
    assert.ok(a.naive.tokens > 0);
  });

  it('logs: minimal = error/warning lines before the tail + the last 50 lines', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 500; i++) {
      const level = i === 40 ? 'ERROR' : i === 41 ? 'WARN' : 'INFO';
      lines.push(`2024-05-01T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} ${level} step ${i} done`);
    }
    const a = await readAttachment(ref(write('build.txt', lines.join('\n'))), { countTokens });
    assert.equal(a.format, 'log', 'recognised by its lines, not its extension');
    assert.equal(a.details.errorLines, 1);
    assert.equal(a.details.warningLines, 1);
    const text = a.minimal?.text ?? '';
    assert.match(text, /ERROR step 40 done\n.*WARN step 41 done/);
    assert.match(text, /Last 50 lines:\n.*step 450 done/);
    assert.ok(!text.includes('step 100 done'));
    assert.ok(a.minimal!.tokens * 5 < a.naive.tokens);
  });

  it('code: whole file counted, with a note that one symbol could be attached instead', async () => {
    const a = await readAttachment(ref(write('main.ts', 'export function add(a: number, b: number) {\n  return a + b;\n}\n')), { countTokens });
    assert.equal(a.format, 'code');
    assert.equal(a.details.lines, 3);
    assert.equal(a.details.attachSymbolInstead, true);
    assert.equal(a.naive.tokens, countTokens('export function add(a: number, b: number) {\n  return a + b;\n}\n'));
  });

  it('UTF-16 text with a BOM is text, not binary', async () => {
    const file = path.join(scratch.dir, 'utf16.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hello wörld\n', 'utf16le')]));
    const a = await readAttachment(ref(file), { countTokens });
    assert.deepEqual(a.problems, []);
    assert.equal(a.details.encoding, 'utf-16le');
    assert.equal(a.naive.text, 'hello wörld\n');
  });
});
