import assert from 'node:assert/strict';
import { createNonce, panelHtml } from '../../../src/extension/energyPanel/panelHtml';
import { parseWebviewMessage } from '../../../src/extension/energyPanel/panelProtocol';

describe('panel protocol and page', () => {
  it('accepts the messages the webview sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', target: { range: { start: 3, end: 9 } } }), {
      type: 'reveal',
      target: { file: undefined, range: { start: 3, end: 9 } },
    });
    assert.deepEqual(parseWebviewMessage({ type: 'applyFix', findingId: '1:rule:3-9' }), {
      type: 'applyFix',
      findingId: '1:rule:3-9',
    });
    assert.deepEqual(parseWebviewMessage({ type: 'chooseModel' }), { type: 'chooseModel' });
    assert.deepEqual(parseWebviewMessage({ type: 'chooseModel', modelId: 'gpt-4o-mini' }), {
      type: 'chooseModel',
      modelId: 'gpt-4o-mini',
    });
    assert.deepEqual(parseWebviewMessage({ type: 'convertSpreadsheet', attachmentPath: '/a/b.xlsx', sheet: 'Q3' }), {
      type: 'convertSpreadsheet',
      attachmentPath: '/a/b.xlsx',
      sheet: 'Q3',
    });
  });

  it('ignores malformed or unknown messages', () => {
    for (const raw of [
      null,
      'ready',
      { type: 'nope' },
      { type: 'reveal', target: { range: { start: 9, end: 3 } } },
      { type: 'reveal', target: { range: { start: 1.5, end: 3 } } },
      { type: 'applyFix', findingId: 42 },
      { type: 'chooseModel', modelId: '' },
      { type: 'openDocs', url: 'command:workbench.action.terminal.new' },
      { type: 'openDocs', url: 'file:///etc/passwd' },
    ]) {
      assert.equal(parseWebviewMessage(raw), undefined, JSON.stringify(raw));
    }
  });

  it('serves a page whose policy runs only the nonce script and loads nothing remote', () => {
    const html = panelHtml({
      cspSource: 'https://webview.test',
      scriptUri: 'https://webview.test/dist/webview.js',
      styleUri: 'https://webview.test/dist/webview.css',
      nonce: 'abc123',
    });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.match(html, /<script nonce="abc123" src="https:\/\/webview.test\/dist\/webview.js">/);
    assert.doesNotMatch(html, /http:\/\/|cdn/);
  });

  it('makes a fresh 128-bit nonce', () => {
    let calls = 0;
    const nonce = createNonce((size) => {
      calls++;
      assert.equal(size, 16);
      return new Uint8Array(size).fill(255);
    });
    assert.equal(calls, 1);
    assert.equal(nonce, Buffer.from(new Uint8Array(16).fill(255)).toString('base64'));
  });
});
