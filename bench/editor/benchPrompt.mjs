// Deterministic prompt documents for the editor benchmark: prose with a realistic vocabulary
// (thousands of distinct words, numbers and identifiers, so no cache is flattered by repetition),
// lists, code blocks and section headings, ending with a question.
export function benchPrompt(bytes, seed) {
  // mulberry32: 32-bit integer arithmetic, so the sequence does not collapse into a short cycle.
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const syllables = 'ka lo mi ne ru sa te vi do pa zen tor qua mel rin sho ver dal fi gon bre ux ia ost lum'.split(' ');
  const vocabulary = Array.from({ length: 6000 }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(syllables)).join(''));
  const word = () => (random() < 0.08 ? String(Math.floor(random() * 100000)) : pick(vocabulary));
  const sentence = () => {
    const w = Array.from({ length: 8 + Math.floor(random() * 14) }, word);
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return `${w.join(' ')}.`;
  };
  const parts = ['---\ndescription: Editor benchmark prompt\n---\n# Context\n'];
  let size = parts[0].length;
  let section = 0;
  while (size < bytes) {
    const r = random();
    let block;
    if (r < 0.6) block = Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ');
    else if (r < 0.75) block = Array.from({ length: 4 }, () => `- ${sentence()}`).join('\n');
    else if (r < 0.9) block = '```ts\n' + Array.from({ length: 6 }, () => `const ${word()}_${word()} = ${word()}(${Math.floor(random() * 100)}, "${word()}");`).join('\n') + '\n```';
    else block = `## Section ${++section}: ${word()} ${word()}`;
    parts.push(block);
    size += block.length + 2;
  }
  parts.push('## Question\n\nWhich component had the lowest latency? Answer in one sentence.\n');
  return parts.join('\n\n');
}
