/**
 * Splits a prompt document (Markdown or text, optional YAML front matter) into the parts that
 * travel to the model, and finds the files it references. One linear pass over the lines, so it
 * stays cheap on megabyte documents that are re-parsed on every keystroke; what costs more than
 * finding a block (classifying it, finding its references) is carried over from the document's
 * previous version for every block the edit did not touch.
 */
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { AttachmentReference, ParsedPrompt, PartKind, PromptPart } from './parsedPrompt';
import { DocumentVersion } from '../document/documentVersion';
import { classifyBlock, findBase64Run } from './classifyBlock';
import { findReferences, findWrittenReferences, type WrittenReference } from './findReferences';
import { fileKindOf } from './fileKind';
import { findQuestion } from './findQuestion';
import { formatInteger } from '../format';

export interface ParsePromptOptions {
  /** Folder that relative references are resolved against (the prompt's own folder, or cwd). */
  baseDir: string;
  /** This text as a version of a document analysed before: unchanged blocks are not classified or searched again. */
  version?: DocumentVersion;
  /** The document's path: its kind (request, instructions, skill) decides which syntaxes attach files. */
  file?: string;
  /** Workspace root: `#file:` and root-relative links resolve there, as the agent resolves them. */
  workspaceRoot?: string;
}

export interface FrontMatterProblem {
  message: string;
  start: number;
  end: number;
}

export interface ParsedPromptWithProblems extends ParsedPrompt {
  frontMatterProblem?: FrontMatterProblem;
  version: DocumentVersion;
}

interface Line {
  start: number;
  /** End of the line's content (before the line break). */
  end: number;
  /** Start of the next line. */
  next: number;
  text: string;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    let next: number;
    if (end === -1) {
      end = text.length;
      next = text.length;
    } else {
      next = end + 1;
    }
    const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lines.push({ start, end: contentEnd, next, text: text.slice(start, contentEnd) });
    start = next;
  }
  return lines;
}

/** What a block is; for prose, with a base64 run inside it (relative to the block). */
interface BlockClass {
  kind: PartKind;
  blob?: { start: number; end: number };
}

function classifyProse(paragraph: string): BlockClass {
  const kind = classifyBlock(paragraph, '', false);
  return { kind, blob: kind === 'instructions' ? findBase64Run(paragraph) : undefined };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
/** Headings that mark a pasted conversation turn ("## User", "### Assistant:"): history, not instructions. */
const ROLE_HEADING = /^(?:user|assistant|system|human|ai|model|me|you|chatgpt|claude|gemini|copilot)\s*:?$/i;

export function parsePrompt(text: string, options: ParsePromptOptions): ParsedPromptWithProblems {
  const version = options.version ?? new DocumentVersion(text);
  const fenceKinds = version.memo<PartKind>('fenced-block-kind');
  const proseClasses = version.memo<BlockClass>('paragraph-class');
  const proseReferences = version.memo<readonly WrittenReference[]>('prose-references');
  const parts: PromptPart[] = [];
  let frontMatter: Record<string, unknown> | null = null;
  let frontMatterProblem: FrontMatterProblem | undefined;
  let bodyStart = 0;

  const fm = /^---[ \t]*\r?\n/.exec(text);
  if (fm) {
    const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
    close.lastIndex = 0;
    const rest = text.slice(fm[0].length);
    const m = close.exec(rest);
    if (m) {
      const yamlText = rest.slice(0, m.index);
      bodyStart = fm[0].length + m.index + m[0].length;
      parts.push({ kind: 'frontMatter', label: 'Front matter', range: { start: 0, end: bodyStart } });
      try {
        const value: unknown = parseYaml(yamlText);
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          frontMatter = value as Record<string, unknown>;
        } else if (value !== null && value !== undefined) {
          frontMatterProblem = { message: 'Front matter is not a key: value map.', start: 0, end: bodyStart };
        }
      } catch (error) {
        frontMatterProblem = {
          message: `Front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
          start: 0,
          end: bodyStart,
        };
      }
    }
  }

  const lines = splitLines(text, bodyStart);
  /** Prose lines outside fences, where references are looked for. */
  const proseRanges: { start: number; end: number }[] = [];
  let section: string | undefined;
  let instructions: PromptPart | undefined;
  /** Prose paragraphs (not headings), each with the part it belongs to: one of them is the question. */
  const proseParagraphs: { start: number; end: number; section: PromptPart }[] = [];
  const kind = fileKindOf(options.file);

  const closeInstructions = () => {
    instructions = undefined;
  };
  let sectionResumed = false;
  const addProse = (start: number, end: number, isHeading = false) => {
    if (!instructions) {
      // A pasted conversation is something a request carries; in instructions or a skill "### Gemini" is a topic.
      const isTurn = kind.hasQuestion && section !== undefined && ROLE_HEADING.test(section);
      instructions = {
        kind: isTurn ? 'history' : 'instructions',
        label: (isTurn ? `History: ${section}` : section ? `Section: ${section}` : 'Instructions') + (sectionResumed ? ' (continued)' : ''),
        range: { start, end },
      };
      parts.push(instructions);
      sectionResumed = true; // a later prose part in this section comes after a pasted block
    }
    instructions.range.end = end;
    proseRanges.push({ start, end });
    if (!isHeading) proseParagraphs.push({ start, end, section: instructions });
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = FENCE.exec(line.text);
    if (fence) {
      const marker = fence[1];
      const info = fence[2] ?? '';
      let j = i + 1;
      while (j < lines.length) {
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[j].text);
        if (close && close[1][0] === marker[0] && close[1].length >= marker.length) {
          break;
        }
        j++;
      }
      const last = Math.min(j, lines.length - 1);
      const contentStart = i + 1 < lines.length ? lines[i + 1].start : line.next;
      const contentEnd = j < lines.length ? lines[j].start : text.length;
      // Keyed by the fence line and the content together: the kind depends on the info string too.
      const kind = fenceKinds.get(line.start, contentEnd, () => classifyBlock(text.slice(contentStart, contentEnd), info, true));
      closeInstructions();
      parts.push({
        kind,
        label: blockLabel(kind, info),
        range: { start: line.start, end: lines[last].end },
      });
      i = last + 1;
      continue;
    }
    if (line.text.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line.text);
    if (heading) {
      section = heading[2] || section;
      sectionResumed = false;
      closeInstructions();
      addProse(line.start, line.end, true);
      i++;
      continue;
    }
    // A paragraph: consecutive non-blank lines up to a blank line, heading or fence.
    let j = i;
    while (
      j + 1 < lines.length &&
      lines[j + 1].text.trim() !== '' &&
      !FENCE.test(lines[j + 1].text) &&
      !HEADING.test(lines[j + 1].text)
    ) {
      j++;
    }
    const start = line.start;
    const end = lines[j].end;
    const { kind, blob } = proseClasses.get(start, end, classifyProse);
    if (kind === 'instructions') {
      if (blob) {
        addProse(start, end);
        parts.push({
          kind: 'base64',
          label: `Base64 blob (${formatInteger(blob.end - blob.start)} chars)`,
          range: { start: start + blob.start, end: start + blob.end },
        });
      } else {
        addProse(start, end);
      }
    } else {
      closeInstructions();
      parts.push({ kind, label: blockLabel(kind, ''), range: { start, end } });
    }
    i = j + 1;
  }

  // A request's task paragraph is its question: split it out of its section (standing
  // instructions and skills ask nothing).
  const asked = kind.hasQuestion ? findQuestion(proseParagraphs.map((p) => text.slice(p.start, p.end))) : -1;
  if (asked >= 0) splitOutQuestion(parts, proseParagraphs[asked], text);

  const references: AttachmentReference[] = findReferences(
    text,
    proseRanges,
    { baseDir: options.baseDir, workspaceRoot: options.workspaceRoot, syntaxes: kind.attachSyntaxes },
    (range) => proseReferences.get(range.start, range.end, (chunk) => findWrittenReferences(chunk, kind.attachSyntaxes)),
  );
  if (kind.linksOnDemand) for (const ref of references) if (ref.syntax === 'markdownLink') ref.onDemand = true;
  for (const ref of references) {
    parts.push({ kind: 'reference', label: referenceLabel(ref), range: ref.range! });
  }
  parts.sort((a, b) => a.range.start - b.range.start || kindOrder(a.kind) - kindOrder(b.kind));

  const model = typeof frontMatter?.model === 'string' ? frontMatter.model.trim() || undefined : undefined;
  return { text, frontMatter, model, fileKind: kind.kind, parts, references, frontMatterProblem, version };
}

/** Makes the paragraph the question part: its section keeps what comes before, and a "continued" part what comes after. */
function splitOutQuestion(parts: PromptPart[], paragraph: { start: number; end: number; section: PromptPart }, text: string): void {
  const { start, end, section: owner } = paragraph;
  const question: PromptPart = { kind: 'question', label: 'Question', range: { start, end } };
  const ownerEnd = owner.range.end;
  if (owner.range.start === start && ownerEnd === end) {
    owner.kind = 'question';
    owner.label = 'Question';
    return;
  }
  if (ownerEnd > end) {
    const restStart = nextContentStart(text, end, ownerEnd);
    parts.push({ kind: owner.kind, label: owner.label.endsWith('(continued)') ? owner.label : `${owner.label} (continued)`, range: { start: restStart, end: ownerEnd } });
  }
  if (owner.range.start === start) {
    // The question opens its section: the section's part becomes the question.
    owner.kind = 'question';
    owner.label = 'Question';
    owner.range.end = end;
    return;
  }
  owner.range.end = previousContentEnd(text, start, owner.range.start);
  parts.push(question);
}

function nextContentStart(text: string, after: number, ceiling: number): number {
  let start = after;
  while (start < ceiling && /\s/.test(text[start])) start++;
  return start;
}

function previousContentEnd(text: string, before: number, floor: number): number {
  let end = before;
  while (end > floor && /\s/.test(text[end - 1])) {
    end--;
  }
  return end;
}

function kindOrder(kind: PartKind): number {
  return kind === 'reference' ? 1 : 0;
}

function referenceLabel(ref: AttachmentReference): string {
  const name = path.basename(ref.rawPath) || ref.rawPath;
  return ref.sheet ? `${name} (sheet ${ref.sheet})` : name;
}

function blockLabel(kind: PartKind, info: string): string {
  switch (kind) {
    case 'pastedLog':
      return 'Pasted log';
    case 'pastedJson':
      return 'Pasted JSON';
    case 'pastedTable':
      return 'Pasted table';
    case 'base64':
      return 'Base64 blob';
    default:
      return info ? `Code block (${info})` : 'Code block';
  }
}
