/**
 * Pre-split patterns are published for Rust engines (tiktoken's fancy-regex, Hugging Face's
 * Oniguruma); JavaScript's RegExp (`u` flag) reads them almost alike. The two differences that
 * occur in the patterns we ship are translated here, and anything else unusual is refused so a new
 * vocabulary cannot be counted with a silently different pattern:
 *  - `\s` / `\S`: Rust and Oniguruma use Unicode White_Space, which has U+0085 and lacks U+FEFF;
 *    JavaScript's `\s` is the other way round. Written as `\p{White_Space}` / `\P{White_Space}`.
 *  - `(?i:…)` (Llama 3, Qwen's contractions): Node 20 has no inline flags, so each ASCII letter in
 *    the group becomes `[xX]`. Unicode case folding beyond ASCII (e.g. U+017F ſ ~ s) is not
 *    reproduced; Hugging Face's JavaScript tokenizer makes the same choice.
 */

export function translatePattern(source: string): string {
  let out = '';
  let inClass = false;
  let caseInsensitiveDepth = 0; // > 0 inside a (?i:…) group
  const groups: boolean[] = []; // per open group: was it (?i:…)
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      const next = source[i + 1];
      if (next === undefined) throw new Error(`Pre-split pattern ends in a lone backslash: ${source}`);
      if (next === 's') out += '\\p{White_Space}';
      else if (next === 'S') out += '\\P{White_Space}';
      else out += char + next;
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      if (caseInsensitiveDepth > 0)
        throw new Error(`Pre-split pattern has a character class inside (?i:…), which is not translated: ${source}`);
      inClass = true;
      out += char;
      continue;
    }
    if (char === '(') {
      if (source.startsWith('(?i:', i)) {
        groups.push(true);
        caseInsensitiveDepth++;
        out += '(?:';
        i += 3;
        continue;
      }
      if (source[i + 1] === '?' && !/^\(\?[:=!]/.test(source.slice(i, i + 3))) {
        throw new Error(
          `Pre-split pattern uses a group construct we do not translate (${source.slice(i, i + 4)}…): ${source}`,
        );
      }
      groups.push(false);
      out += char;
      continue;
    }
    if (char === ')') {
      if (groups.pop()) caseInsensitiveDepth--;
      out += char;
      continue;
    }
    if (caseInsensitiveDepth > 0 && /[A-Za-z]/.test(char)) {
      out += `[${char.toLowerCase()}${char.toUpperCase()}]`;
      continue;
    }
    out += char;
  }
  if (inClass || groups.length > 0) throw new Error(`Pre-split pattern is unbalanced: ${source}`);
  new RegExp(out, 'u'); // throws with the engine's own message if the translation is not valid JavaScript
  return out;
}
