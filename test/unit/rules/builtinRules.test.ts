import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runRules } from '../../../src/core/rules/runRules';
import { emptyConfig } from '../../../src/core/config/loadConfig';
import { builtinRules } from '../../../src/core/rules/builtinRules';
import { applyEdits } from '../../../src/core/rules/measureSaving';
import { namesIdentifier } from '../../../src/core/rules/builtin/wholeCodeFile';
import type { ResolvedConfig } from '../../../src/core/config/mvpConfig';
import type { RuleContext } from '../../../src/core/rules/rule';
import type { Transcript } from '../../../src/core/history/transcript';
import type { SessionAnalysis } from '../../../src/core/history/sessionAnalysis';
import { attachment, buildContext, partOf, referenceTo, testProfile, testTokens, WH_PER_INPUT_TOKEN } from './ruleContextBuilder';

function findingsOf(id: string, context: RuleContext, rules: ResolvedConfig['rules'] = {}) {
  const config = { ...emptyConfig(), rules };
  return runRules(context, config, { trusted: true }).findings.filter((f) => f.ruleId === id);
}

/** The measured saving must equal a recount of the fixed text. */
function assertMeasured(context: RuleContext, finding: ReturnType<typeof findingsOf>[number]): void {
  const edits = finding.fix?.edits;
  assert.ok(edits && finding.saving);
  const after = applyEdits(context.prompt.text, edits);
  assert.equal(finding.saving.tokens, testTokens(context.prompt.text) - testTokens(after));
  assert.ok(Math.abs(finding.saving.wh - finding.saving.tokens * WH_PER_INPUT_TOKEN) < 1e-12);
}

const sessionWith = (seedSummary: string): SessionAnalysis => ({
  turns: [],
  totals: { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, wh: { low: 0, central: 0, high: 0 }, whCached: { low: 0, central: 0, high: 0 }, carbonG: { low: 0, central: 0, high: 0 } },
  projection: { moreTurns: 5, seedSummaryTokens: 0, continueWh: { low: 0, central: 0, high: 0 }, freshWh: { low: 0, central: 0, high: 0 }, continueWhCached: { low: 0, central: 0, high: 0 }, freshWhCached: { low: 0, central: 0, high: 0 }, savingWh: 0, savingWhCached: 0, breakEvenTurn: null },
  seedSummary,
});

const message = (role: 'user' | 'assistant', text: string, payloads: Transcript['messages'][number]['payloads'] = []) => ({ role, text, payloads, range: { start: 0, end: 0 } });

describe('built-in rules', () => {
  it('every rule has a docs page path, tags, an options schema and valid defaults', () => {
    const ids = new Set<string>();
    for (const r of builtinRules) {
      assert.ok(!ids.has(r.id), r.id);
      ids.add(r.id);
      assert.equal(r.docs, `docs/rules/${r.id}.md`);
      assert.ok(existsSync(path.resolve(__dirname, '../../..', r.docs)), `${r.docs} exists`);
      assert.equal((r.optionsSchema as { type: string }).type, 'object');
      for (const key of Object.keys(r.defaultOptions)) assert.ok(key in ((r.optionsSchema as { properties: object }).properties ?? {}), `${r.id}.${key}`);
    }
    assert.equal(builtinRules.length, 17);
  });

  it('the rules index (docs/rules/README.md) lists every rule with its description', () => {
    const index = readFileSync(path.resolve(__dirname, '../../../docs/rules/README.md'), 'utf8');
    for (const r of builtinRules) assert.ok(index.includes(`| [\`${r.id}\`](${r.id}.md) | ${r.description} |`), r.id);
  });

  describe('context-window', () => {
    it('errors with exact numbers when the request does not fit', () => {
      const [f] = findingsOf('context-window', buildContext({ text: 'x', totalInputTokens: 9800, outputTokens: 500 }));
      assert.equal(f.severity, 'error');
      assert.match(f.message, /10,300 tokens \(9,800 input \+ 500 expected output\).*10,000: 300 over/);
    });
    it('warns near the window and is quiet well below it', () => {
      const [near] = findingsOf('context-window', buildContext({ text: 'x', totalInputTokens: 8000 }));
      assert.equal(near.severity, 'warning');
      assert.match(near.message, /85%/);
      assert.equal(findingsOf('context-window', buildContext({ text: 'x', totalInputTokens: 3000 })).length, 0);
    });
    it('a configured severity wins over the rule\'s own', () => {
      const [f] = findingsOf('context-window', buildContext({ text: 'x', totalInputTokens: 12000 }), { 'context-window': { severity: 'info', options: {} } });
      assert.equal(f.severity, 'info');
    });
  });

  describe('token-budget', () => {
    it('reports input tokens over the budget with the saving of getting under it', () => {
      const [f] = findingsOf('token-budget', buildContext({ text: 'x', totalInputTokens: 1200, budgets: { tokens: 1000 } }));
      assert.match(f.message, /1,200 input tokens; the budget is 1,000 \(200 over, \+20%\)/);
      assert.equal(f.saving?.tokens, 200);
    });
    it('is quiet under the budget or without one', () => {
      assert.equal(findingsOf('token-budget', buildContext({ text: 'x', totalInputTokens: 900, budgets: { tokens: 1000 } })).length, 0);
      assert.equal(findingsOf('token-budget', buildContext({ text: 'x', totalInputTokens: 900 })).length, 0);
    });
  });

  describe('energy-budget', () => {
    it('reports a request and a session over their Wh budgets', () => {
      const session = sessionWith('s');
      session.totals.wh = { low: 1, central: 2, high: 4 };
      const found = findingsOf('energy-budget', buildContext({ text: 'x', energyWh: 0.5, budgets: { whPerRequest: 0.3, whPerSession: 1 }, session }));
      assert.equal(found.length, 2);
      assert.match(found[0].message, /500 mWh \(range 0\.25–1 Wh\) .*budget is 300 mWh per request/);
      // The session counts this request (2 + 0.5 Wh), as the status bar and the hook do.
      assert.match(found[1].message, /With this request the session reaches 2\.5 Wh .*budget is 1 Wh per session/);
    });
    it('is quiet under budget', () => {
      assert.equal(findingsOf('energy-budget', buildContext({ text: 'x', energyWh: 0.2, budgets: { whPerRequest: 0.3 } })).length, 0);
    });
  });

  describe('spreadsheet-attachment', () => {
    const text = 'Total sales in Q3? #file:book.xlsx#Q3';
    const ref = referenceTo(text, '#file:book.xlsx#Q3', '/w/book.xlsx', 'Q3');
    it('offers the CSV conversion with the measured saving', () => {
      const ctx = buildContext({ text, attachments: [attachment(ref, 'spreadsheet', 48210, { description: "Sheet 'Q3' as CSV", tokens: 3102 })] });
      const [f] = findingsOf('spreadsheet-attachment', ctx);
      assert.match(f.message, /book\.xlsx sends 48,210 tokens .*Sheet 'Q3' as CSV is 3,102 \(−94%/);
      assert.deepEqual(f.range, ref.range);
      assert.equal(f.saving?.tokens, 45108);
      assert.deepEqual(f.fix?.action, { kind: 'convertSpreadsheet', attachmentPath: '/w/book.xlsx', sheet: 'Q3', referenceRange: ref.range });
    });
    it('lists each sheet when none is named', () => {
      const ctx = buildContext({ text, attachments: [attachment({ ...ref, sheet: undefined }, 'spreadsheet', 9000, undefined, [{ description: "Sheet 'A' as CSV", tokens: 1000 }, { description: "Sheet 'B' as CSV", tokens: 2000 }])] });
      const [f] = findingsOf('spreadsheet-attachment', ctx);
      assert.match(f.message, /Sheet 'A' as CSV 1,000; Sheet 'B' as CSV 2,000/);
      assert.equal(f.saving?.tokens, 7000);
    });
    it('is quiet for a CSV attachment or a tiny saving', () => {
      assert.equal(findingsOf('spreadsheet-attachment', buildContext({ text, attachments: [attachment(ref, 'csv', 5000)] })).length, 0);
      assert.equal(findingsOf('spreadsheet-attachment', buildContext({ text, attachments: [attachment(ref, 'spreadsheet', 300, { description: 'csv', tokens: 250 })] })).length, 0);
    });
  });

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
      const json = JSON.stringify(Array.from({ length: 30 }, (_, i) => ({ id: i })), null, 2);
      const text = `Rows:\n${json}`;
      const ctx = buildContext({ text, parts: [partOf(text, json, 'pastedJson')] });
      const [f] = findingsOf('large-json', ctx, { 'large-json': { options: { minTokens: 10 } } });
      assert.match(f.message, /30 items/);
      assert.ok(applyEdits(text, f.fix!.edits!).includes('(first 5 of 30 items)'));
    });
    it('is quiet for minified or invalid JSON and below the size threshold', () => {
      const json = JSON.stringify(items);
      const text = `x ${json}`;
      assert.equal(findingsOf('large-json', buildContext({ text, parts: [partOf(text, json, 'pastedJson')] }), { 'large-json': { options: { minTokens: 10 } } }).length, 0);
      const bad = '{ "a": 1,,, }';
      assert.equal(findingsOf('large-json', buildContext({ text: bad, parts: [partOf(bad, bad, 'pastedJson')] }), { 'large-json': { options: { minTokens: 1 } } }).length, 0);
      const pretty = JSON.stringify({ a: 1 }, null, 2);
      assert.equal(findingsOf('large-json', buildContext({ text: pretty, parts: [partOf(pretty, pretty, 'pastedJson')] })).length, 0);
    });
    it('offers minifyJson for a JSON attachment with a smaller minimal form', () => {
      const text = 'Summarise #file:data.json';
      const ref = referenceTo(text, '#file:data.json', '/w/data.json');
      const [f] = findingsOf('large-json', buildContext({ text, attachments: [attachment(ref, 'json', 5000, { description: 'minified JSON', tokens: 3000 })] }));
      assert.equal(f.fix?.action?.kind, 'minifyJson');
      assert.equal(f.saving?.tokens, 2000);
    });
  });

  describe('pasted-log', () => {
    const lines = Array.from({ length: 120 }, (_, i) => `2024-05-01T10:00:${String(i % 60).padStart(2, '0')} INFO request ${i} served in 12 ms`);
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
      assert.equal(findingsOf('pasted-log', buildContext({ text: short, parts: [partOf(short, short, 'pastedLog')] })).length, 0);
    });
    it('offers tailLog for a log attachment', () => {
      const t = 'Why? #file:app.log';
      const ref = referenceTo(t, '#file:app.log', '/w/app.log');
      const [f] = findingsOf('pasted-log', buildContext({ text: t, attachments: [attachment(ref, 'log', 9000, { description: 'tail + errors', tokens: 800 })] }));
      assert.equal(f.fix?.action?.kind, 'tailLog');
    });
  });

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
    it('uses the parser\'s base64 part', () => {
      const text = `Look:\n${blob}\n`;
      const [f] = findingsOf('base64-blob', buildContext({ text, parts: [partOf(text, blob, 'base64')] }));
      assert.deepEqual(f.range, { start: 6, end: 6 + blob.length });
    });
    it('is quiet for ordinary text and short tokens', () => {
      assert.equal(findingsOf('base64-blob', buildContext({ text: 'The key is QUJDREVGR0g= and the hash abc123.' })).length, 0);
    });
  });

  describe('duplicate-content', () => {
    const para = 'Our service handles payments for three regions and must keep latency under 200 ms at peak load.';
    it('removes a repeated paragraph and points at the first', () => {
      const text = `${para}\n\nSome other context here.\n\n${para}\n\nWhat should we cache?`;
      const ctx = buildContext({ text });
      const [f] = findingsOf('duplicate-content', ctx);
      assert.equal(f.range?.start, text.lastIndexOf(para));
      assert.equal(applyEdits(text, f.fix!.edits!), `${para}\n\nSome other context here.\n\nWhat should we cache?`);
      assert.deepEqual(f.related?.[0].range, { start: 0, end: para.length });
      assertMeasured(ctx, f);
    });
    it('names a file attached twice instead of attaching it again (the agent sends it once), keeping the sentence', () => {
      // Real excerpt shape (github/awesome-copilot prompts): the same #file: repeated in one prompt.
      const text = 'See #file:a.csv and again #file:a.csv please';
      const first = referenceTo(text, '#file:a.csv', '/w/a.csv');
      const second = { ...first, range: { start: text.lastIndexOf('#file:a.csv'), end: text.lastIndexOf('#file:a.csv') + 11 } };
      const ctx = buildContext({ text, references: [first, second], attachments: [attachment(first, 'csv', 1000), attachment(second, 'csv', 1000)] });
      const [f] = findingsOf('duplicate-content', ctx);
      assert.deepEqual(f.range, second.range);
      assert.equal(applyEdits(text, f.fix!.edits!), 'See #file:a.csv and again `a.csv` please');
      assert.match(f.message, /already attached at line 1; the agent sends it once/);
      assert.ok(f.saving!.tokens < 1000, 'the file is sent once: only the reference itself is saved');
    });
    it('says nothing about a repeated reference to a file that does not exist', () => {
      const text = 'See #file:gone.md and #file:gone.md';
      const first = referenceTo(text, '#file:gone.md', '/w/gone.md');
      const second = { ...first, range: { start: text.lastIndexOf('#file'), end: text.length } };
      const missing = attachment(first, 'unreadable', 0);
      missing.problems.push({ code: 'missing', message: 'no such file (/w/gone.md)' });
      assert.equal(findingsOf('duplicate-content', buildContext({ text, references: [first, second], attachments: [missing] })).length, 0);
    });
    it('is quiet for short repeated lines and distinct paragraphs', () => {
      assert.equal(findingsOf('duplicate-content', buildContext({ text: 'Yes.\n\nYes.\n\n' + para })).length, 0);
    });
  });

  describe('whole-code-file', () => {
    const helper = (name: string, lines: number) =>
      `export function ${name}(input: string): number {\n${Array.from({ length: lines }, (_, i) => `  const v${i} = input.length * ${i};`).join('\n')}\n  return 0;\n}\n`;
    const code = `${helper('parseConfig', 4)}\n${helper('renderReport', 200)}\n${helper('parse', 200)}`;
    const codeAttachment = (text: string, written: string) => {
      const a = attachment(referenceTo(text, written, '/w/src/config.ts'), 'code', testTokens(code));
      a.naive.text = code;
      return a;
    };

    it('pastes only the function the question names instead of the whole file, measured', () => {
      const text = '#file:src/config.ts\n\nWhy does parseConfig return 0 for an empty string?';
      const ctx = buildContext({ text, attachments: [codeAttachment(text, '#file:src/config.ts')] });
      const [f] = findingsOf('whole-code-file', ctx);
      assert.equal(f.severity, 'info');
      assert.match(f.message, /about `parseConfig`, but all of config\.ts is attached .* \(lines 1–7\)/);
      const fixed = applyEdits(text, f.fix!.edits!);
      assert.equal(fixed, `\`\`\`ts\n// src/config.ts, lines 1–7\n${helper('parseConfig', 4).trimEnd()}\n\`\`\`\n\nWhy does parseConfig return 0 for an empty string?`);
      assert.equal(f.saving!.tokens, testTokens(code) + testTokens(text) - testTokens(fixed));
      assert.ok(f.saving!.tokens > 1000);
    });

    it('puts the code before the sentence that attached the file and keeps the sentence', () => {
      const text = 'Look at #file:src/config.ts and explain what `parse` does with an empty input.';
      const ctx = buildContext({ text, attachments: [codeAttachment(text, '#file:src/config.ts')] });
      const [f] = findingsOf('whole-code-file', ctx);
      const fixed = applyEdits(text, f.fix!.edits!);
      assert.ok(fixed.startsWith('```ts\n// src/config.ts, lines 213–415\nexport function parse('), fixed.slice(0, 80));
      assert.ok(fixed.endsWith('```\n\nLook at `src/config.ts` (the excerpt above) and explain what `parse` does with an empty input.'));
    });

    it('tells a named identifier from an ordinary word', () => {
      const yes = [
        ['Why does parseConfig fail?', 'parseConfig'],
        ['What does load_config return?', 'load_config'],
        ['Why does parse() throw?', 'parse'],
        ['What does `parse` do?', 'parse'],
        ['Explain the Parser class.', 'Parser'],
        ['When is Parser.load called?', 'Parser'],
      ];
      const no = [
        ['How do I parse this faster?', 'parse'],
        ['Parser output looks wrong.', 'Parser'],
        ['Why does parseConfigs fail?', 'parseConfig'],
        ['What is io?', 'io'],
      ];
      for (const [text, name] of yes) assert.ok(namesIdentifier(text, name), `${name} in "${text}"`);
      for (const [text, name] of no) assert.ok(!namesIdentifier(text, name), `${name} not in "${text}"`);
    });

    it('is quiet when no declaration is named, a plain word is not written as code, the file is small, or the named part is most of it', () => {
      const quiet = (question: string, a = (text: string) => codeAttachment(text, '#file:src/config.ts')) => {
        const text = `#file:src/config.ts\n\n${question}`;
        return findingsOf('whole-code-file', buildContext({ text, attachments: [a(text)] })).length === 0;
      };
      assert.ok(quiet('What does this module do?'));
      assert.ok(quiet('How do I parse the input faster?'), 'plain "parse" is a word, not the function');
      assert.ok(quiet('Why does parseConfig fail?', (text) => {
        const a = codeAttachment(text, '#file:src/config.ts');
        a.naive.tokens = 500;
        return a;
      }));
      assert.ok(quiet('Refactor `renderReport` and `parse` to share code.'), 'the named functions are most of the file');
      assert.ok(!quiet('Why does `parse` return 0?'));
    });
  });

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
    it('is quiet when the question uses a word of the attachment\'s content (a column name)', () => {
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
        assert.equal(findingsOf('unreferenced-attachment', buildContext({ text, attachments: [attachment(ref, 'csv', 4000)] })).length, 0, q);
      }
    });
  });

  describe('long-history', () => {
    it('trims history written in the prompt to the last messages', () => {
      const turns = Array.from({ length: 8 }, (_, i) => `## ${i % 2 ? 'Assistant' : 'User'}\n${'word '.repeat(400)}${i}\n`);
      const text = turns.join('\n') + '\nNow the real question?';
      const parts = turns.map((t, i) => partOf(text, t, 'history', i % 2 ? 'Assistant' : 'User'));
      const ctx = buildContext({ text, parts });
      const [f] = findingsOf('long-history', ctx, { 'long-history': { options: { maxTokens: 1000 } } });
      assert.match(f.message, /8 messages/);
      const fixed = applyEdits(text, f.fix!.edits!);
      assert.ok(!fixed.includes('word 0') && !fixed.includes(`${'word '.repeat(400)}3\n`));
      assert.ok(fixed.includes(`${'word '.repeat(400)}7`));
      assertMeasured(ctx, f);
    });
    it('suggests a seed summary for a long transcript', () => {
      const transcript: Transcript = { format: 'markdown', problems: [], messages: Array.from({ length: 10 }, (_, i) => message(i % 2 ? 'assistant' : 'user', 'token '.repeat(700))) };
      const summary = 'We are fixing the cache; decided on LRU.';
      const [f] = findingsOf('long-history', buildContext({ text: 'next?', transcript, session: sessionWith(summary) }));
      assert.equal(f.fix?.action?.kind, 'writeSeedSummary');
      assert.equal(f.saving?.tokens, 7000 - testTokens(summary));
    });
    it('is quiet for a short history', () => {
      const transcript: Transcript = { format: 'markdown', problems: [], messages: [message('user', 'hi'), message('assistant', 'hello')] };
      assert.equal(findingsOf('long-history', buildContext({ text: 'q', transcript })).length, 0);
    });
  });

  describe('polluted-history', () => {
    const big = 'The quick brown fox jumps over the lazy dog near src/server/cache_layer.ts line 42. '.repeat(30);
    it('names abandoned attempts and repeated pastes, with a fresh-session fix', () => {
      const transcript: Transcript = {
        format: 'markdown',
        problems: [],
        messages: [
          message('user', `Fix this:\n\n${big}`),
          message('assistant', 'word '.repeat(600)),
          message('user', 'Ignore that, start over with the parser instead.'),
          message('assistant', 'ok'),
          message('user', `Again:\n\n${big}\n`),
        ],
      };
      const session = sessionWith('Parser rewrite; constraints: keep API.');
      session.projection = { ...session.projection, moreTurns: 10, continueWh: { low: 1, central: 2, high: 4 }, freshWh: { low: 0.5, central: 0.5, high: 1 }, breakEvenTurn: 1 };
      const ctx = buildContext({ text: 'next', transcript, session });
      const [f] = findingsOf('polluted-history', ctx);
      assert.match(f.message, /Over the next 10 turns that is ≈1\.5 Wh \(75% of continuing\), breaking even after 1 turn\./);
      assert.match(f.message, /"Ignore that" in message 3/);
      assert.match(f.message, /pasted 2 times/);
      assert.equal(f.fix?.action?.kind, 'writeSeedSummary');
    });
    it('is quiet for a clean session', () => {
      const transcript: Transcript = { format: 'markdown', problems: [], messages: [message('user', 'How do I sort a list?'), message('assistant', 'Use sorted().')] };
      assert.equal(findingsOf('polluted-history', buildContext({ text: 'q', transcript })).length, 0);
    });
  });

  describe('unbounded-output', () => {
    it('asks for a length on an open-ended request', () => {
      const text = 'Explain how our caching layer works.';
      const [f] = findingsOf('unbounded-output', buildContext({ text }));
      assert.equal(f.severity, 'info');
      assert.equal(applyEdits(text, f.fix!.edits!), 'Explain how our caching layer works. Answer in at most 150 words.');
    });
    it('is quiet with length guidance or a closed question', () => {
      assert.equal(findingsOf('unbounded-output', buildContext({ text: 'Explain the cache in three bullets.' })).length, 0);
      assert.equal(findingsOf('unbounded-output', buildContext({ text: 'Briefly describe the cache.' })).length, 0);
      assert.equal(findingsOf('unbounded-output', buildContext({ text: 'What port does the cache use?' })).length, 0);
      assert.equal(findingsOf('unbounded-output', buildContext({ text: 'Keep latency low.\n\nExplain the cache. At most 100 words.' })).length, 0);
    });
    it('ignores length-like words inside pasted data', () => {
      const text = 'Log:\n```\nprinted 120 lines in under 2 ms\n```\n\nExplain the failure.';
      const ctx = buildContext({ text, parts: [partOf(text, '```\nprinted 120 lines in under 2 ms\n```', 'pastedLog')] });
      assert.equal(findingsOf('unbounded-output', ctx).length, 1);
    });
  });

  describe('oversized-model', () => {
    const small = testProfile({ id: 'tiny', name: 'Tiny', parameters: { total: { min: 8, max: 8 }, active: { min: 8, max: 8 } } });
    it('is off by default', () => {
      assert.equal(findingsOf('oversized-model', buildContext({ text: 'Translate "hello" to French.', profiles: [small] })).length, 0);
    });
    it('when enabled, states the trade-off for a simple task on a large model', () => {
      const [f] = findingsOf('oversized-model', buildContext({ text: 'Translate "hello" to French.', profiles: [small] }), { 'oversized-model': { severity: 'info', options: {} } });
      assert.match(f.message, /Tiny has ~8B, ≈25\.0× fewer/);
      assert.match(f.message, /Trade-off/);
    });
    it('stays quiet for a task with code or attachments', () => {
      const text = 'Fix:\n```ts\nlet a = 1\n```';
      assert.equal(findingsOf('oversized-model', buildContext({ text, parts: [partOf(text, '```ts\nlet a = 1\n```', 'codeBlock')], profiles: [small] }), { 'oversized-model': { severity: 'info', options: {} } }).length, 0);
    });
  });

  describe('politeness-tokens', () => {
    it('measures politeness and calls it negligible', () => {
      const text = 'Please summarise the report. Thank you so much!';
      const ctx = buildContext({ text, totalInputTokens: 20000 });
      assert.equal(findingsOf('politeness-tokens', ctx).length, 0, 'off by default');
      const [f] = findingsOf('politeness-tokens', ctx, { 'politeness-tokens': { severity: 'info', options: {} } });
      assert.equal(f.severity, 'info');
      assert.equal(f.fix, undefined);
      const expected = testTokens(text) - testTokens('summarise the report. ');
      assert.equal(f.saving?.tokens, expected);
      assert.match(f.message, new RegExp(`2 phrases\\) costs ${expected} tokens.*negligible`));
    });
    it('is quiet without politeness', () => {
      assert.equal(findingsOf('politeness-tokens', buildContext({ text: 'Summarise the report.' })).length, 0);
    });
  });
});

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
});
