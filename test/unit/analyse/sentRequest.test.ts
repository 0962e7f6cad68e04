import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analysePrompt } from '../../../src/core/analyse';
import { meterSentRequest, sentMessage } from '../../../src/core/sentRequest';
import { countForProfile } from '../../../src/core/tokens/countForProfile';

const workspace = path.resolve(__dirname, '../../fixtures/workspace');

describe('sentRequest: what @mvp /send sends and what it used', () => {
  it('inlines each attachment as written, or in its minimal form when slim, and names the slimmed ones', async () => {
    const analysis = await analysePrompt({
      text: 'The orders: #file:data/orders.json\nWhich region?',
      baseDir: workspace,
      model: 'gpt-4o',
    });
    const attachment = analysis.attachments[0];
    assert.ok(attachment.minimal?.text !== undefined, 'the fixture JSON has a minimal form');

    const asWritten = sentMessage('Which region?', analysis, false);
    assert.ok(asWritten.text.startsWith('Which region?\n\n'));
    assert.ok(asWritten.text.includes(attachment.naive.text!));
    assert.deepEqual(asWritten.slimmed, []);

    const slim = sentMessage('Which region?', analysis, true);
    assert.ok(slim.text.includes(attachment.minimal.text));
    assert.deepEqual(slim.slimmed, [{ name: 'orders.json', form: attachment.minimal.description }]);
    assert.ok(slim.text.length < asWritten.text.length);
  });

  it("counts the sent texts and the answer with the analysed model's tokenizer", async () => {
    const analysis = await analysePrompt({ text: 'Say hello.', model: 'gpt-4o' });
    const meter = meterSentRequest(analysis, ['Say hello.', 'Earlier answer.']);
    const count = (t: string) => countForProfile(meter.profile!, t).tokens;
    assert.equal(meter.inputTokens, count('Say hello.') + count('Earlier answer.'));
    const { outputTokens, estimate } = meter.usage('Hello! How can I help you today?');
    assert.equal(outputTokens, count('Hello! How can I help you today?'));
    assert.equal(estimate.tokens.input, meter.inputTokens);
    assert.equal(estimate.tokens.output >= outputTokens, true);
  });
});
