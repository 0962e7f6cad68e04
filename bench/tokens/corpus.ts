/**
 * A deterministic ~1 MB mixed corpus for the token benchmarks: English prose, Markdown prompt
 * text, TypeScript and Python code, JSON, log lines and CJK text, interleaved in sections the way
 * a long prompt with pasted material looks. Seeded, so every run and every machine counts the same
 * text (and all tokenizers can be checked to agree on it).
 */

/** mulberry32: small, fast, seeded (the same texts on every run and machine). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in is that for it as was with be by on not he this are or his from at which but have an they ' +
  'you were her all she there would their we him been has when who will more no if out so said what up its about ' +
  'model prompt token energy carbon water estimate request context window attachment spreadsheet summary answer ' +
  'quarterly revenue region customer analysis report table column value outlier trend forecast budget review ' +
  "don't it's we'll they're you've I'm can't won't shouldn't Paris London Tokyo OpenAI Anthropic Mistral JSON API"
).split(' ');

const IDENTIFIERS = 'items total price count index result value options config request response handler buffer offset length text chunk cache'.split(' ');

const CJK = '的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从知己使工样开文等机电当相力理部气实外明动度己现意两长把而程政新本战报表点利量第社应关期因白表示'.split('');

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

/** Made-up words (names, jargon, typos) so piece caches do not see only a small vocabulary. */
function pseudoWord(rand: () => number): string {
  let word = '';
  const length = 3 + Math.floor(rand() * 8);
  for (let i = 0; i < length; i++) word += 'abcdefghijklmnopqrstuvwxyzeeeaaoiu'[Math.floor(rand() * 34)];
  return word;
}

function sentence(rand: () => number): string {
  const length = 6 + Math.floor(rand() * 18);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(rand() < 0.15 ? pseudoWord(rand) : pick(rand, WORDS));
  if (rand() < 0.2) words.push(String(Math.floor(rand() * 100000) / 100));
  const text = words.join(' ');
  return text[0].toUpperCase() + text.slice(1) + pick(rand, ['.', '.', '.', '?', '!', ';']);
}

function prose(rand: () => number): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < 3; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 4 + Math.floor(rand() * 4); s++) sentences.push(sentence(rand));
    paragraphs.push(sentences.join(' '));
  }
  return `## ${sentence(rand).slice(0, 40)}\n\n${paragraphs.join('\n\n')}\n\n- ${sentence(rand)}\n- ${sentence(rand)}\n\n`;
}

function typescript(rand: () => number): string {
  const name = pick(rand, IDENTIFIERS);
  const other = pick(rand, IDENTIFIERS);
  return (
    `export function compute${name[0].toUpperCase()}${name.slice(1)}(${other}: number[], limit = ${Math.floor(rand() * 1000)}): number {\n` +
    `  let ${name} = 0;\n` +
    `  for (let i = 0; i < ${other}.length && i < limit; i++) {\n` +
    `    if (${other}[i] > ${(rand() * 10).toFixed(2)}) ${name} += ${other}[i] * ${Math.floor(rand() * 50)};\n` +
    `  }\n` +
    `  return Math.round(${name} / Math.max(1, ${other}.length)); // ${sentence(rand)}\n` +
    `}\n\n`
  );
}

function python(rand: () => number): string {
  const name = pick(rand, IDENTIFIERS);
  return (
    `def load_${name}(path: str, limit: int = ${Math.floor(rand() * 100)}) -> list[dict]:\n` +
    `    """${sentence(rand)}"""\n` +
    `    with open(path, encoding="utf-8") as handle:\n` +
    `        rows = [json.loads(line) for line in handle if line.strip()]\n` +
    `    return [row for row in rows if row.get("${pick(rand, IDENTIFIERS)}", 0) > ${(rand() * 5).toFixed(1)}][:limit]\n\n`
  );
}

function json(rand: () => number): string {
  const rows = [];
  for (let i = 0; i < 8; i++) {
    rows.push({
      id: Math.floor(rand() * 1e6),
      region: pick(rand, ['EMEA', 'APAC', 'NA', 'LATAM']),
      revenue: Math.round(rand() * 1e7) / 100,
      growth: Math.round((rand() - 0.3) * 1000) / 10,
      note: sentence(rand),
      tags: [pick(rand, IDENTIFIERS), pick(rand, IDENTIFIERS)],
    });
  }
  return '```json\n' + JSON.stringify(rows, null, 2) + '\n```\n\n';
}

function logLines(rand: () => number): string {
  let text = '';
  for (let i = 0; i < 10; i++) {
    const time = new Date(Date.UTC(2025, 4, 1, 12, 0, Math.floor(rand() * 3600))).toISOString();
    text += `${time} ${pick(rand, ['INFO', 'WARN', 'ERROR', 'DEBUG'])} [worker-${Math.floor(rand() * 16)}] ${pick(rand, IDENTIFIERS)} ${sentence(rand)}\n`;
  }
  return text + '\n';
}

function cjk(rand: () => number): string {
  let text = '';
  for (let s = 0; s < 12; s++) {
    const length = 8 + Math.floor(rand() * 30);
    for (let i = 0; i < length; i++) text += pick(rand, CJK);
    text += pick(rand, ['。', '、', '，', '？', '！']);
  }
  return text + '\n\n';
}

/** About `targetBytes` of UTF-8 (default 1 MB). */
export function mixedCorpus(targetBytes = 1_000_000, seed = 20251128): string {
  const rand = seeded(seed);
  const sections = [prose, prose, prose, typescript, python, json, logLines, cjk];
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const part = pick(rand, sections)(rand);
    parts.push(part);
    bytes += Buffer.byteLength(part, 'utf8');
  }
  return parts.join('');
}
