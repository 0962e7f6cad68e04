import * as assert from 'node:assert/strict';
import { parseDisableDirectives } from '../../../src/core/rules/disableComments';
import type { TextEdit } from '../../../src/core/rules/finding';
import { canDisableForLine, disableForFileEdit, disableForLineEdit, frontMatterEnd } from '../../../src/core/rules/disableCommentEdits';

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
}

describe('editor: disable comments', () => {
  const prompt = '---\nmodel: gpt-4o\n---\n# Context\n\n  Some pasted text\nQuestion?\n';

  it('inserts a next-line comment above the line, with its indentation, and the engine honours it', () => {
    const offset = prompt.indexOf('Some pasted');
    const out = apply(prompt, disableForLineEdit(prompt, offset, 'pasted-log'));
    assert.equal(out, '---\nmodel: gpt-4o\n---\n# Context\n\n  <!-- mvp-disable-next-line pasted-log -->\n  Some pasted text\nQuestion?\n');
    assert.equal(parseDisableDirectives(out).isDisabled('pasted-log', out.indexOf('Some pasted')), true);
    assert.equal(parseDisableDirectives(out).isDisabled('other-rule', out.indexOf('Some pasted')), false);
  });

  it('appends the rule to an existing next-line comment instead of stacking comments', () => {
    const text = 'a\n<!-- mvp-disable-next-line base64-blob -->\nline\n';
    const out = apply(text, disableForLineEdit(text, text.indexOf('line\n'), 'pasted-log'));
    assert.equal(out, 'a\n<!-- mvp-disable-next-line base64-blob pasted-log -->\nline\n');
    const again = apply(out, disableForLineEdit(out, out.indexOf('line\n'), 'pasted-log'));
    assert.equal(again, out, 'already disabled: no change');
  });

  it('puts the file comment after the front matter, never inside it', () => {
    assert.equal(frontMatterEnd(prompt), prompt.indexOf('# Context'));
    const out = apply(prompt, disableForFileEdit(prompt, 'token-budget'));
    assert.equal(out, '---\nmodel: gpt-4o\n---\n<!-- mvp-disable-file token-budget -->\n# Context\n\n  Some pasted text\nQuestion?\n');
    assert.equal(parseDisableDirectives(out).isDisabled('token-budget', undefined), true, 'whole-request findings are covered');
    assert.equal(canDisableForLine(prompt, prompt.indexOf('model:')), false);
    assert.equal(canDisableForLine(prompt, prompt.indexOf('Question')), true);
  });

  it('adds to an existing file comment and keeps CRLF line endings', () => {
    const text = '<!-- mvp-disable-file a-rule -->\r\nBody\r\n';
    assert.equal(apply(text, disableForFileEdit(text, 'b-rule')), '<!-- mvp-disable-file a-rule b-rule -->\r\nBody\r\n');
    const plain = 'Body\r\n';
    assert.equal(apply(plain, disableForFileEdit(plain, 'b-rule')), '<!-- mvp-disable-file b-rule -->\r\nBody\r\n');
  });
});
