import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../../src/core/rules/measureSaving';
import { namesIdentifier } from '../../../../src/core/rules/builtin/wholeCodeFile';
import { attachment, buildContext, findingsOf, referenceTo, testTokens } from '../ruleContextBuilder';

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
    assert.equal(
      fixed,
      `\`\`\`ts\n// src/config.ts, lines 1–7\n${helper('parseConfig', 4).trimEnd()}\n\`\`\`\n\nWhy does parseConfig return 0 for an empty string?`,
    );
    assert.equal(f.saving!.tokens, testTokens(code) + testTokens(text) - testTokens(fixed));
    assert.ok(f.saving!.tokens > 1000);
  });

  it('puts the code before the sentence that attached the file and keeps the sentence', () => {
    const text = 'Look at #file:src/config.ts and explain what `parse` does with an empty input.';
    const ctx = buildContext({ text, attachments: [codeAttachment(text, '#file:src/config.ts')] });
    const [f] = findingsOf('whole-code-file', ctx);
    const fixed = applyEdits(text, f.fix!.edits!);
    assert.ok(fixed.startsWith('```ts\n// src/config.ts, lines 213–415\nexport function parse('), fixed.slice(0, 80));
    assert.ok(
      fixed.endsWith(
        '```\n\nLook at `src/config.ts` (the excerpt above) and explain what `parse` does with an empty input.',
      ),
    );
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
    assert.ok(
      quiet('Why does parseConfig fail?', (text) => {
        const a = codeAttachment(text, '#file:src/config.ts');
        a.naive.tokens = 500;
        return a;
      }),
    );
    assert.ok(quiet('Refactor `renderReport` and `parse` to share code.'), 'the named functions are most of the file');
    assert.ok(!quiet('Why does `parse` return 0?'));
  });
});
