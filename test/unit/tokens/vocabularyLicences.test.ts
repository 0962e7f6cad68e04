// Every vocabulary the .vsix ships names its licence, and the licence files ship with it.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ENCODING_NAMES } from '../../../src/core/tokens/encodingSources';

const root = path.resolve(__dirname, '../../..');

describe('licences of the shipped vocabularies', () => {
  it('media/licences/VOCABULARIES.txt names the licence of every rank file, and each file it points to exists', () => {
    const listing = readFileSync(path.join(root, 'media', 'licences', 'VOCABULARIES.txt'), 'utf8');
    for (const encoding of ENCODING_NAMES)
      assert.match(listing, new RegExp(`\\b${encoding}\\.ranks\\b`), `${encoding} is not listed`);
    for (const [file] of listing.matchAll(/[A-Z0-9.-]+\.txt/g))
      assert.ok(existsSync(path.join(root, 'media', 'licences', file)), `media/licences/${file} is missing`);
  });

  it('the .vsix carries the licence files next to the rank files', () => {
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!dist/ranks/*.ranks'));
    assert.ok(ignore.includes('!media/licences/*.txt'));
  });

  it("Llama's notice carries the attribution its licence requires (section 1.b.iii)", () => {
    const notice = readFileSync(path.join(root, 'media', 'licences', 'LLAMA-3.1-NOTICE.txt'), 'utf8');
    assert.ok(
      notice.includes(
        'Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.',
      ),
    );
    assert.ok(notice.includes('Built with Llama'));
  });

  it("Gemma's notice file carries the sentence its terms require (section 3.1.4), the modification and the use restrictions (3.1.1, 3.1.3)", () => {
    const notice = readFileSync(path.join(root, 'media', 'licences', 'GEMMA-NOTICE.txt'), 'utf8');
    assert.ok(
      notice.includes(
        'Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms',
      ),
    );
    assert.match(notice, /MODIFIED FILE/);
    assert.match(notice, /Prohibited Use Policy/);
    const terms = readFileSync(path.join(root, 'media', 'licences', 'GEMMA-TERMS-OF-USE.txt'), 'utf8');
    assert.match(terms, /3\.2 Use Restrictions/);
  });
});
