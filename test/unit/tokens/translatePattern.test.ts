import { strict as assert } from 'node:assert';
import { translatePattern } from '../../../src/core/tokens/translatePattern';

describe('translating published pre-split patterns to JavaScript', () => {
  it('reads \\s and \\S as Unicode White_Space, inside and outside classes', () => {
    const whitespace = new RegExp(`^${translatePattern('\\s+')}$`, 'u');
    assert.ok(whitespace.test('\u0085'), "U+0085 is White_Space (JavaScript's \\s says no)");
    assert.ok(!whitespace.test('\ufeff'), "U+FEFF is not White_Space (JavaScript's \\s says yes)");
    assert.ok(/^\s$/u.test('\ufeff') && !/^\s$/u.test('\u0085'), 'the difference being translated');
    const other = new RegExp(`^${translatePattern('[^\\s\\p{L}]+')}$`, 'u');
    assert.ok(other.test('\ufeff!') && !other.test('\u0085'));
    assert.equal(translatePattern('\\s+(?!\\S)'), '\\p{White_Space}+(?!\\P{White_Space})');
  });

  it('expands (?i:…) letter by letter and keeps escapes as they are', () => {
    const source = translatePattern("(?i:'s|'ll)|\\p{N}{1,3}|\\\\s");
    assert.equal(source, "(?:'[sS]|'[lL][lL])|\\p{N}{1,3}|\\\\s");
    const pattern = new RegExp(source, 'u');
    assert.ok(pattern.test("'LL") && pattern.test("'s"));
  });

  it('refuses constructs it does not translate, naming them', () => {
    assert.throws(() => translatePattern('(?<name>a)'), /group construct we do not translate \(\(\?<n/);
    assert.throws(() => translatePattern('(?i:[a-z])'), /character class inside \(\?i:…\)/);
    assert.throws(() => translatePattern('(a'), /unbalanced/);
    assert.throws(() => translatePattern('a\\'), /lone backslash/);
  });
});
