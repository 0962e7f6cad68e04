import { formatTokens, formatWh } from '../../format';
import path from 'node:path';
import type { RuleContext, RuleFinding } from '../rule';
import { defineRule } from '../defineRule';
import type { TextEdit } from '../finding';
import { savingOfEdits } from '../measureSaving';
import { DocumentVersion } from '../../document/documentVersion';
import type { ParsedPrompt, PartKind } from '../../prompt/parsedPrompt';
import { lineStarts, positionAt, type TextRange } from '../../textRange';
import { paragraphRanges } from '../paragraphRanges';

/** What two units must share to be the same: case and spacing aside. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Parts sent as one block: a repeated one is removed whole, fences included, never half of it. */
const BLOCK_KINDS = new Set<PartKind>(['codeBlock', 'pastedLog', 'pastedJson', 'pastedTable', 'base64', 'frontMatter', 'history']);
const HEADING = /^ {0,3}(#{1,6})\s+\S/;
const FENCE_LINE = /^[ \t>]*(?:`{3,}|~{3,})/m;
/** Fences of shell commands and config files: snippets a step runs or writes. */
const STEP_SNIPPET = /^[ \t]*(?:`{3,}|~{3,})\s*(?:bash|sh|shell|zsh|console|powershell|pwsh|ps1|cmd|bat|json|jsonc|ya?ml|toml|ini|env|dotenv)\b/i;
/** A single list item shorter than this is not compared. */
const SHORT_ITEM_CHARS = 200;
/** Near-duplicates: prose paragraphs of at least this many characters sharing this share of their word triples. */
const NEAR_MIN_CHARS = 200;
const NEAR_SIMILARITY = 0.8;
/** Near-duplicate comparison is pairwise: beyond this many long paragraphs it is skipped (it runs per keystroke). */
const NEAR_MAX_PARAGRAPHS = 300;

interface Unit {
  kind: 'section' | 'block' | 'paragraph';
  range: TextRange;
  /** End of the blank lines after the unit: removed with it. */
  removeEnd: number;
  key: string;
}

/** A unit's removal range, with the whitespace after it, so no blank lines pile up. */
function withTrailingSpace(text: string, range: TextRange): Unit['removeEnd'] {
  let end = range.end;
  while (end < text.length && /\s/.test(text[end])) end++;
  return end;
}

/** Sections: a heading line and everything up to the next heading of the same or a higher level, outside code. */
function sections(text: string, blocks: readonly TextRange[]): { range: TextRange; level: number }[] {
  const headings: { start: number; level: number }[] = [];
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const m = HEADING.exec(text.slice(start, Math.min(end, start + 10)));
    if (m && !blocks.some((b) => start >= b.start && start < b.end)) headings.push({ start, level: m[1].length });
    start = end + 1;
  }
  return headings.map((h, i) => {
    const next = headings.slice(i + 1).find((o) => o.level <= h.level);
    let end = next ? next.start : text.length;
    while (end > h.start && /\s/.test(text[end - 1])) end--;
    return { range: { start: h.start, end }, level: h.level };
  });
}

function units(prompt: Pick<ParsedPrompt, 'text' | 'version' | 'parts'>, minChars: number): Unit[] {
  const text = prompt.text;
  const keys = (prompt.version ?? new DocumentVersion(text)).memo<string>('duplicate-unit-key');
  const blocks = prompt.parts.filter((p) => BLOCK_KINDS.has(p.kind)).map((p) => p.range);
  const out: Unit[] = [];
  const unit = (kind: Unit['kind'], range: TextRange) => out.push({ kind, range, removeEnd: withTrailingSpace(text, range), key: keys.get(range.start, range.end, normalise) });
  for (const s of sections(text, blocks)) {
    // A section holding only its heading is not worth comparing; one long enough is compared whole.
    if (s.range.end - s.range.start >= minChars && text.slice(s.range.start, s.range.end).includes('\n')) unit('section', s.range);
  }
  for (const p of prompt.parts) {
    if (!(p.kind === 'codeBlock' || p.kind === 'pastedLog' || p.kind === 'pastedJson' || p.kind === 'pastedTable') || p.range.end - p.range.start < minChars) continue;
    // A command or config snippet repeated in two steps is each step's own: removing one leaves
    // "Inspect:" without its command (real skills and agents do this; see bench/precision).
    if (STEP_SNIPPET.test(text.slice(p.range.start, text.indexOf('\n', p.range.start) + 1 || p.range.end))) continue;
    unit('block', p.range);
  }
  for (const r of paragraphRanges(text)) {
    if (r.end - r.start < minChars) continue;
    if (blocks.some((b) => r.start < b.end && r.end > b.start)) continue; // inside or touching code: the block is the unit
    if (HEADING.test(text.slice(r.start, r.start + 10))) continue; // a heading glued to its text: the section is the unit
    // A fence line at any indentation (a code block nested in a list item): removing part of it would unbalance the fences.
    if (FENCE_LINE.test(text.slice(r.start, r.end))) continue;
    // One short list item ("- If no hooks are registered, skip silently") repeated in two steps belongs to each step.
    if (r.end - r.start < SHORT_ITEM_CHARS && /^\s*(?:[-*+]|\d+[.)])\s/.test(text.slice(r.start, r.start + 8)) && !text.slice(r.start, r.end).includes('\n')) continue;
    unit('paragraph', r);
  }
  return out;
}

const NOUN: Record<Unit['kind'], string> = { section: 'section', block: 'code block', paragraph: 'paragraph' };

/** Word triples of a paragraph, for near-duplicate detection. */
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The same section, code block or paragraph sent twice costs twice and says nothing new. */
export const duplicateContent = defineRule({
  id: 'duplicate-content',
  description: 'A section, code block, paragraph or attached file appears more than once',
  tags: ['pasted', 'attachment', 'fixable'],
  defaultSeverity: 'warning',
  optionsSchema: {
    minChars: { type: 'integer', minimum: 1, description: 'Shortest paragraph compared, in characters (short lines repeat legitimately).' },
    nearDuplicates: { type: 'boolean', description: 'Also report paraphrased restatements (80 % of word triples shared), as information without a fix.' },
  },
  defaultOptions: { minChars: 80, nearDuplicates: true },
  check(context, options) {
    const text = context.prompt.text;
    let starts: number[] | undefined;
    const lineOf = (offset: number) => positionAt((starts ??= lineStarts(text)), offset).line + 1;
    const findings: RuleFinding[] = [];
    const minChars = options.minChars;
    const first = new Map<string, Unit>();
    /** Ranges already reported as copies: what lies inside them is not reported again. */
    const reported: TextRange[] = [];
    const firstCopies: TextRange[] = [];
    const inside = (r: TextRange, list: readonly TextRange[]) => list.some((o) => r.start >= o.start && r.end <= o.end);
    for (const u of units(context.prompt, minChars)) {
      if (u.key.length < minChars || inside(u.range, reported)) continue;
      const earlier = first.get(u.key);
      if (!earlier) {
        first.set(u.key, u);
        continue;
      }
      // Overlapping copies (a section repeated inside itself) cannot be removed cleanly.
      if (u.range.start < earlier.range.end) continue;
      reported.push(u.range);
      firstCopies.push(earlier.range);
      const edits: TextEdit[] = [{ range: { start: u.range.start, end: u.removeEnd }, newText: '' }];
      const saving = savingOfEdits(context, edits);
      const noun = NOUN[u.kind];
      findings.push({
        range: u.range,
        message: `This ${noun} repeats the one at line ${lineOf(earlier.range.start)} word for word; removing the copy saves ${formatTokens(saving.tokens)} tokens (≈${formatWh(saving.wh)}).`,
        saving,
        fix: { title: `Remove the repeated ${noun}`, edits },
        related: context.file ? [{ file: context.file, range: earlier.range, message: `First occurrence (line ${lineOf(earlier.range.start)})` }] : undefined,
      });
    }

    if (options.nearDuplicates) findings.push(...nearDuplicates(context, [...reported, ...firstCopies], lineOf));
    findings.push(...repeatedReferences(context, lineOf));
    return findings;
  },
});

/** A paragraph's word triples and its MinHash signature (the smallest hashes of its triples), computed once per paragraph version. */
interface Fingerprint {
  words: Set<string>;
  minHashes: number[];
}

const MIN_HASHES = 4;

function fingerprint(text: string): Fingerprint {
  const words = shingles(text);
  const hashes = [...words].map(hashString).sort((a, b) => a - b);
  return { words, minHashes: hashes.slice(0, MIN_HASHES) };
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Paraphrased restatements: long prose paragraphs that share most of their wording. Reported
 * without a fix. Pairs are compared only when their MinHash signatures share a value (two
 * paragraphs with 80 % of their word triples in common almost always do), so a long document is
 * not compared pairwise on every keystroke; fingerprints are carried over for unchanged paragraphs.
 */
function nearDuplicates(context: RuleContext, exactCopies: readonly TextRange[], lineOf: (offset: number) => number): RuleFinding[] {
  const text = context.prompt.text;
  const prints = (context.prompt.version ?? new DocumentVersion(text)).memo<Fingerprint>('near-duplicate-fingerprint');
  const blocks = context.prompt.parts.filter((p) => BLOCK_KINDS.has(p.kind)).map((p) => p.range);
  const long = paragraphRanges(text)
    .filter((r) => r.end - r.start >= NEAR_MIN_CHARS && !blocks.some((b) => r.start < b.end && r.end > b.start) && !FENCE_LINE.test(text.slice(r.start, r.end)))
    .filter((r) => !exactCopies.some((c) => r.start < c.end && r.end > c.start))
    .slice(0, NEAR_MAX_PARAGRAPHS)
    .map((r) => ({ range: r, print: prints.get(r.start, r.end, fingerprint) }));
  const findings: RuleFinding[] = [];
  const byHash = new Map<number, number[]>();
  const matched = new Set<number>();
  for (let j = 0; j < long.length; j++) {
    const candidates = new Set<number>();
    for (const h of long[j].print.minHashes) for (const i of byHash.get(h) ?? []) candidates.add(i);
    for (const h of long[j].print.minHashes) {
      const list = byHash.get(h);
      if (list) list.push(j);
      else byHash.set(h, [j]);
    }
    // Candidates in the order they were found; the first one similar enough is reported.
    for (const i of candidates) {
      if (matched.has(i)) continue;
      const a = long[i].range;
      const b = long[j].range;
      const ratio = (b.end - b.start) / (a.end - a.start);
      if (ratio < 0.7 || ratio > 1.43) continue;
      const share = similarity(long[i].print.words, long[j].print.words);
      if (share < NEAR_SIMILARITY || share === 1) continue;
      matched.add(j);
      const tokens = context.countTokens(text.slice(b.start, b.end));
      findings.push({
        range: b,
        severity: 'info',
        message: `This paragraph restates the one at line ${lineOf(a.start)} (${Math.round(share * 100)} % of its wording is the same, ${formatTokens(tokens)} tokens). Keep one, and add to it what differs.`,
        related: context.file ? [{ file: context.file, range: a, message: `Similar paragraph (line ${lineOf(a.start)})` }] : undefined,
      });
      break;
    }
  }
  return findings;
}

/**
 * The same file attached twice with `#file:` or `@`: the agent sends it once, so the second
 * reference only costs its own words. Markdown links are not reported (linking a page twice is
 * ordinary writing), nor files that could not be read (nothing is attached). The fix keeps the
 * sentence readable: the reference becomes the file's name in code quotes.
 */
function repeatedReferences(context: RuleContext, lineOf: (offset: number) => number): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const seen = new Map<string, TextRange | undefined>();
  for (const ref of context.prompt.references) {
    if (ref.syntax !== '#file' && ref.syntax !== 'atMention') continue;
    const read = context.attachments.find((a) => a.reference.path === ref.path && (a.reference.sheet ?? '') === (ref.sheet ?? ''));
    if (!read || read.problems.some((p) => p.code === 'missing')) continue;
    const key = `${ref.path}#${ref.sheet ?? ''}`;
    if (!seen.has(key)) {
      seen.set(key, ref.range);
      continue;
    }
    if (!ref.range) continue;
    const name = path.basename(ref.path);
    const edits = [{ range: ref.range, newText: `\`${ref.rawPath}\`` }];
    const saving = savingOfEdits(context, edits);
    const earlier = seen.get(key);
    findings.push({
      range: ref.range,
      severity: 'info',
      message: `${name} is already attached at line ${earlier ? lineOf(earlier.start) : '?'}; the agent sends it once, so this reference adds nothing. Name the file instead of attaching it again.`,
      saving,
      fix: { title: `Name ${name} instead of attaching it again`, edits },
      related: context.file && earlier ? [{ file: context.file, range: earlier, message: `First reference (line ${lineOf(earlier.start)})` }] : undefined,
    });
  }
  return findings;
}
