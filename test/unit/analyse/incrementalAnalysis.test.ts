import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analysePrompt } from '../../../src/core/analyse';
import { emptyConfig } from '../../../src/core/config/loadConfig';
import { DocumentMemory } from '../../../src/core/document/documentMemory';

/** Pieces that make and break every kind of block the parser and the rules tell apart. */
const piece = fc.constantFrom(
  'Summarise the log below.',
  ' please',
  'Thank you so much!',
  '\n',
  '\n\n',
  '\r\n',
  '\n  \n',
  '## Context\n',
  '## User\n',
  '```ts\n',
  '```\n',
  '~~~\n',
  'const x = 1;\n',
  '2024-05-01 12:00:01 ERROR worker crashed\n2024-05-01 12:00:02 INFO restart\n',
  '{"a": [1, 2, 3], "b": {"c": "d"}}\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n',
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='.repeat(3),
  'See #file:data/report.xlsx and @notes/todo.md, or [the spec](docs/spec.md).',
  'This paragraph is long enough to be compared with others for duplicates, word for word, twice.',
  '<!-- mvp-disable-next-line politeness-tokens -->\n',
  '---\nmodel: gpt-4o-mini\n---\n',
);

/** What a user sees of an analysis: parts, totals and findings (with their measured savings). */
function visible(analysis: Awaited<ReturnType<typeof analysePrompt>>): unknown {
  return {
    model: analysis.model.id,
    tokens: analysis.tokens,
    findings: analysis.findings.map((f) => ({ ruleId: f.ruleId, message: f.message, range: f.range, fix: f.fix })),
  };
}

describe('incremental analysis', () => {
  it('re-analysing a document after each edit gives exactly what analysing each text afresh gives @slow', async () => {
    const document = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
    // Keystrokes (one character typed, deleted or overtyped) and pastes. Overtyping keeps every
    // block's length: only the text can tell the new block from the old one.
    const keystroke = fc.constantFrom('x', 'y', ' ', '\n', '`', '#', '=', '@', '.', '');
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.oneof(fc.constantFrom(0, 1, 1, 1), fc.nat({ max: 40 })),
      insert: fc.oneof(keystroke, fc.array(piece, { maxLength: 3 }).map((p) => p.join(''))),
    });
    await fc.assert(
      fc.asyncProperty(document, fc.array(edit, { minLength: 1, maxLength: 8 }), async (initial, edits) => {
        // A folder that does not exist: references read as missing files, the same way in both runs.
        const file = `/nonexistent-mvp-test/doc-${Math.random()}.prompt.md`;
        const memory = new DocumentMemory();
        const analyse = (text: string, remembered: boolean) =>
          analysePrompt({ text, file, memory: remembered ? memory : undefined, model: 'gpt-4o', config: emptyConfig() });
        let text = initial;
        await analyse(text, true);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
          assert.deepEqual(visible(await analyse(text, true)), visible(await analyse(text, false)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
