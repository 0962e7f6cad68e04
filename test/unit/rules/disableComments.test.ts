import { strict as assert } from 'node:assert';
import { disableNextLineEdit, parseDisableDirectives } from '../../../src/core/rules/disableComments';

describe('disable comments', () => {
  const text = ['line 0', '<!-- mvp-disable A, b -->', 'line 2', '<!-- MVP-ENABLE a -->', 'line 4 <!-- mvp-disable-line c -->', '<!--mvp-disable-next-line-->', 'line 6'].join('\n');
  const offsetOfLine = (n: number) => text.split('\n').slice(0, n).join('\n').length + (n ? 1 : 0);
  const d = parseDisableDirectives(text);

  it('lists ids separated by spaces or commas, case-insensitively', () => {
    assert.equal(d.isDisabled('a', offsetOfLine(2)), true);
    assert.equal(d.isDisabled('B', offsetOfLine(2)), true);
    assert.equal(d.isDisabled('c', offsetOfLine(2)), false);
    assert.equal(d.isDisabled('a', offsetOfLine(0)), false);
  });
  it('enable ends a disable for the rules it names only', () => {
    // The enable comment is upper-case: directives are matched case-sensitively, like markdownlint's.
    assert.equal(d.isDisabled('a', offsetOfLine(4)), true);
    assert.equal(d.isDisabled('b', offsetOfLine(4)), true);
  });
  it('line and next-line directives', () => {
    assert.equal(d.isDisabled('c', offsetOfLine(4)), true);
    assert.equal(d.isDisabled('c', offsetOfLine(6)), true, 'next-line without ids covers every rule');
    assert.equal(d.isDisabled('zzz', offsetOfLine(6)), true);
    assert.equal(d.isDisabled('zzz', offsetOfLine(5)), false);
  });
  it('text without directives disables nothing', () => {
    assert.equal(parseDisableDirectives('plain <!-- a comment -->').isDisabled('a', 0), false);
  });
});

describe('disable quick fix', () => {
  it('inserts a disable-next-line comment above the line, which then silences the rule there', () => {
    const text = 'intro\n  please do it\nend';
    const offset = text.indexOf('please');
    const edit = disableNextLineEdit(text, 'politeness-tokens', offset);
    const fixed = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
    assert.equal(fixed, 'intro\n  <!-- mvp-disable-next-line politeness-tokens -->\n  please do it\nend');
    assert.equal(parseDisableDirectives(fixed).isDisabled('politeness-tokens', fixed.indexOf('please')), true);
  });
});
