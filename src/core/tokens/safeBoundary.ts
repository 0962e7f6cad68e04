/**
 * Where text can be cut so that counting the two sides separately gives exactly the count of the
 * whole. Every encoding pre-splits text with regular expressions (OpenAI's `pat_str`; Llama 3's is
 * cl100k's, Tekken's is o200k's with single digits, Qwen's is cl100k's with single digits;
 * DeepSeek's is a sequence: digit groups, then CJK runs, then a word/punctuation pattern) and runs
 * BPE inside each piece only, so a cut is exact when
 *   (a) the whole text's pre-split has a piece boundary there, and
 *   (b) pre-splitting each side alone reproduces the whole text's pieces on that side.
 * (b) holds on the right of any piece boundary (the patterns have no look-behind and no anchors).
 * On the left, cutting the text can only change a match through the one look-ahead, `\s+(?!\S)`,
 * which needs whitespace just before the cut; the rules below either put a non-whitespace char
 * there, or a newline, where the earlier `\s*[\r\n]+` alternative already ends the match at the
 * cut in both texts.
 * For (a), the piece holding the char before the cut must be unable to take the char after it.
 * Pairs of chars that a single piece can hold, in either pattern: anything → whitespace only
 * inside whitespace runs or as punctuation's trailing newlines; letter → letter/mark/apostrophe;
 * mark → letter/mark (o200k); prefix char → letter/mark; digit → digit; punctuation →
 * punctuation, newline, '/' (o200k); newline → newline, '/', whitespace. So these cuts are safe:
 *   1. non-whitespace | whitespace other than \r \n      ("word| next")
 *   2. \n | anything but whitespace and '/'              ("line\n|next line")
 *   3. letter or digit | punctuation other than ' and marks   ("value|,")
 *   4. letter | digit, digit | letter                    ("abc|123", "123|abc")
 * The same rules hold for the open families: their patterns have the same alternatives with
 * narrower digit runs (a digit|letter or letter|digit cut is also a piece boundary there), and
 * DeepSeek's first two splits only add piece boundaries at digit and CJK-run edges. The characters
 * the families classify differently are never cut next to (isNeverCut). Qwen's NFC normalization
 * composes a character only with the marks or Hangul jamo right after it, and no rule cuts before
 * one of those except after a newline or digit, which compose with nothing, so normalizing each
 * side alone gives the whole text's normalization.
 * test/unit/tokens/safeBoundary.test.ts checks every rule exhaustively over short strings of
 * representative characters, for every encoding, and with random text.
 */

const enum CharClass {
  Letter,
  Digit,
  Mark,
  Newline, // \n only
  OtherWhitespace, // \s except \n (so \r too, which never ends a cut of rule 2)
  Apostrophe,
  Slash,
  Punctuation, // everything else that is not whitespace, letter, digit or mark
  InsidePair, // a low surrogate: never cut inside a code point
  NeverCut, // classified differently by the families' patterns: never cut next to it
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const MARK = /\p{M}/u;
const WHITESPACE = /\s/u;

const asciiClasses: CharClass[] = [];
for (let code = 0; code < 128; code++) asciiClasses.push(classifyCodePoint(code));

/** Classes of non-ASCII code points, computed once each (the regex tests and NFC check are not free). */
const UNCLASSIFIED = 255;
let bmpClasses: Uint8Array | undefined;
const astralClasses = new Map<number, CharClass>();

function classOfCodePoint(code: number): CharClass {
  if (code < 0x10000) {
    bmpClasses ??= new Uint8Array(0x10000).fill(UNCLASSIFIED);
    let charClass = bmpClasses[code];
    if (charClass === UNCLASSIFIED) {
      charClass = classifyCodePoint(code);
      bmpClasses[code] = charClass;
    }
    return charClass;
  }
  let charClass = astralClasses.get(code);
  if (charClass === undefined) {
    charClass = classifyCodePoint(code);
    astralClasses.set(code, charClass);
  }
  return charClass;
}

/**
 * Characters whose class depends on the encoding, so no rule may rely on them:
 *  - U+0085 and U+FEFF: whitespace for JavaScript's `\s` (OpenAI's patterns as js-tiktoken runs
 *    them) but not for Unicode White_Space (the open families' translated patterns), or the reverse;
 *  - the non-letters inside DeepSeek's CJK run [぀-ゟ゠-ヿ] (・ ゠ ゛ ゜, kana marks, unassigned
 *    code points): DeepSeek keeps them in one piece with the kana around them;
 *  - characters NFC changes (Qwen normalizes before splitting).
 */
function isNeverCut(code: number): boolean {
  if (code === 0x85 || code === 0xfeff) return true;
  const char = String.fromCodePoint(code);
  // NFC (Qwen) would replace it, possibly by a letter and a mark (U+FB2A שׁ → ש + U+05C1), which
  // the patterns split differently.
  if (char.normalize('NFC') !== char) return true;
  return code >= 0x3040 && code <= 0x30ff && !LETTER.test(char);
}

function classifyCodePoint(code: number): CharClass {
  if (isNeverCut(code)) return CharClass.NeverCut;
  if (code === 0x0a) return CharClass.Newline;
  if (code === 0x27) return CharClass.Apostrophe;
  if (code === 0x2f) return CharClass.Slash;
  const char = String.fromCodePoint(code);
  if (WHITESPACE.test(char)) return CharClass.OtherWhitespace;
  if (LETTER.test(char)) return CharClass.Letter;
  if (DIGIT.test(char)) return CharClass.Digit;
  if (MARK.test(char)) return CharClass.Mark;
  return CharClass.Punctuation;
}

/** Class of the code point that starts at `index` (InsidePair when `index` is a low surrogate). */
function classAt(text: string, index: number): CharClass {
  const unit = text.charCodeAt(index);
  if (unit < 128) return asciiClasses[unit];
  if (unit >= 0xdc00 && unit <= 0xdfff) {
    const before = index > 0 ? text.charCodeAt(index - 1) : 0;
    if (before >= 0xd800 && before <= 0xdbff) return CharClass.InsidePair;
  }
  return classOfCodePoint(text.codePointAt(index) as number);
}

/** Class of the code point that ends just before `index`. */
function classBefore(text: string, index: number): CharClass {
  const unit = text.charCodeAt(index - 1);
  if (unit < 128) return asciiClasses[unit];
  if (unit >= 0xdc00 && unit <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return classOfCodePoint(text.codePointAt(index - 2) as number);
  }
  return classOfCodePoint(unit);
}

/** True when cutting `text` at `index` (0 < index < length) keeps token counts exact. */
export function isSafeBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const after = classAt(text, index);
  if (after === CharClass.InsidePair || after === CharClass.NeverCut) return false;
  const before = classBefore(text, index);
  if (before === CharClass.NeverCut) return false;
  switch (after) {
    case CharClass.OtherWhitespace:
      return text.charCodeAt(index) !== 0x0d && before !== CharClass.Newline && before !== CharClass.OtherWhitespace;
    case CharClass.Newline:
      return false;
    case CharClass.Slash:
      return before === CharClass.Letter || before === CharClass.Digit;
    case CharClass.Punctuation:
      return before === CharClass.Newline || before === CharClass.Letter || before === CharClass.Digit;
    case CharClass.Digit:
      return before === CharClass.Newline || before === CharClass.Letter;
    case CharClass.Letter:
      return before === CharClass.Newline || before === CharClass.Digit;
    case CharClass.Apostrophe:
    case CharClass.Mark:
      return before === CharClass.Newline;
  }
  return false;
}
