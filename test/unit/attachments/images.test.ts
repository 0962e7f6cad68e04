import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readImageSize } from '../../../src/core/attachments/imageHeader';
import { anthropicImage, geminiImage, openAiHighDetail } from '../../../src/core/attachments/imageTokens';
import { countPdfPages } from '../../../src/core/attachments/pdfReader';
import { readAttachment } from '../../../src/core/attachments/readAttachment';
import { countTokens } from './countTokens';
import { fixture, ref } from './helpers';

describe('images and PDFs', () => {
  it('reads width and height from PNG, JPEG, GIF and the three WebP headers (files made by Pillow)', () => {
    const expected: Record<string, [string, number, number]> = {
      'screenshot.png': ['png', 1920, 1080],
      'photo.jpg': ['jpeg', 4032, 3024],
      'small.gif': ['gif', 300, 200],
      'lossy.webp': ['webp', 800, 600],
      'lossless.webp': ['webp', 640, 480],
      'alpha.webp': ['webp', 1000, 500],
    };
    for (const [name, [type, width, height]] of Object.entries(expected)) {
      assert.deepEqual(readImageSize(readFileSync(fixture(name))), { type, width, height }, name);
    }
  });

  it('OpenAI high detail matches the worked examples in OpenAI\'s vision guide', () => {
    assert.equal(openAiHighDetail(1024, 1024).tokens, 765); // → 768×768, 4 tiles
    assert.equal(openAiHighDetail(2048, 4096).tokens, 1105); // → 1024×2048 → 768×1536, 6 tiles
    assert.equal(openAiHighDetail(100, 100).tokens, 255, 'small images are not enlarged: 1 tile');
  });

  it('Anthropic: w×h/750, shrunk past 1568 px or ~1.15 MP', () => {
    assert.equal(anthropicImage(200, 200).tokens, 54); // 40 000/750 = 53.3 → 54
    assert.equal(anthropicImage(1000, 1000).tokens, 1334);
    const big = anthropicImage(4032, 3024);
    assert.ok(big.countedWidth <= 1568 && big.tokens <= 1600, JSON.stringify(big));
  });

  it('Gemini: 258 at ≤384 px, else 258 per 768-px tile', () => {
    assert.equal(geminiImage(384, 300).tokens, 258);
    assert.equal(geminiImage(1920, 1080).tokens, 258 * 3 * 2);
  });

  it('picks the formula by provider, says when it assumed one, and offers the cheaper setting', async () => {
    const openai = await readAttachment(ref(fixture('photo.jpg')), { countTokens, provider: 'openai' });
    assert.equal(openai.naive.tokens, 765); // 4032×3024 → 2048×1536 → 1024×768: 2×2 tiles
    assert.equal(openai.minimal?.tokens, 85);
    assert.equal(openai.details.width, 4032);
    assert.equal(openai.details.formulaAssumed, undefined);
    assert.equal(openai.alternatives?.length, 2);

    const claude = await readAttachment(ref(fixture('screenshot.png')), { countTokens, provider: 'anthropic' });
    assert.equal(claude.details.formulaProvider, 'anthropic');
    assert.ok(claude.minimal && claude.minimal.tokens < claude.naive.tokens);
    assert.match(claude.minimal.description, /Resized to 768×432/);

    const other = await readAttachment(ref(fixture('small.gif')), { countTokens, provider: 'mistral' });
    assert.equal(other.details.formulaAssumed, true);
    assert.match(other.naive.description, /no published image formula for provider "mistral"/);
  });

  it('PDF: page count from the file, tokens reported as not counted', async () => {
    assert.equal(countPdfPages(readFileSync(fixture('sales.pdf'))), 2);
    const a = await readAttachment(ref(fixture('sales.pdf')), { countTokens });
    assert.equal(a.format, 'pdf');
    assert.equal(a.details.pages, 2);
    assert.equal(a.problems.length, 1);
    assert.equal(a.problems[0].code, 'notCounted');
    assert.match(a.problems[0].message, /^sales\.pdf: PDF \(2 pages\) — text is not extracted/);
  });
});
