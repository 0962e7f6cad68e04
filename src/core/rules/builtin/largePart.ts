import { formatInteger, formatWh } from '../../format';
import type { RuleContext, RuleFinding } from '../rule';
import { defineRule } from '../defineRule';
import type { PromptPart } from '../../prompt/parsedPrompt';
import { savingOfTokens } from '../measureSaving';
import { fencedBody } from '../fencedBody';

/**
 * Parts that other rules already size up with their own reduction: a pasted log (pasted-log),
 * JSON (large-json), base64 (base64-blob), history (long-history). This rule covers the rest.
 */
const MEASURED_KINDS = new Set<PromptPart['kind']>(['codeBlock', 'pastedTable', 'instructions', 'question']);
/** Rows kept when a pasted table is cut to a sample: the header and this many data rows. */
const SAMPLE_ROWS = 20;
/** A line that declares something in common languages: what an outline of a pasted module keeps. */
const DECLARATION =
  /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:def|class|function|interface|type|enum|struct|impl|trait|fn|func|public|private|protected|static|module|namespace|const\s+\w+\s*=\s*(?:async\s*)?\(|@\w+)/;

/**
 * One part of a prompt — a pasted table, a pasted module, a section — that is most of the request
 * or very large on its own: usually more than the task needs. Says which part, its tokens and share,
 * and what a smaller form measures (a sample of the table, an outline of the code, the section
 * moved to a file the agent opens when it needs it). No automatic fix: which rows, functions or
 * paragraphs the task needs is the author's call.
 */
export const largePart = defineRule({
  id: 'large-part',
  description:
    'One part of the prompt (a pasted table, a pasted module, a section) is most of the request or very large',
  tags: ['pasted', 'size'],
  defaultSeverity: 'warning',
  optionsSchema: {
    maxTokens: {
      type: 'integer',
      minimum: 1,
      description: 'A part of this many tokens or more is reported whatever its share.',
    },
    minShare: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1,
      description: 'A part of at least minTokens holding this share of the request is reported.',
    },
    minTokens: { type: 'integer', minimum: 1, description: 'Smallest part reported for its share.' },
    maxSkillBodyTokens: {
      type: 'integer',
      minimum: 1,
      description: 'A SKILL.md body above this many tokens is reported (agentskills.io recommends under 5,000).',
    },
  },
  defaultOptions: { maxTokens: 8000, minShare: 0.6, minTokens: 3000, maxSkillBodyTokens: 5000 },
  check(context, options) {
    const findings: RuleFinding[] = [];
    const text = context.prompt.text;
    const total = context.totalInputTokens;
    const kind = context.prompt.fileKind ?? 'request';
    for (const part of context.prompt.parts) {
      if (!MEASURED_KINDS.has(part.kind)) continue;
      const span = part.range.end - part.range.start;
      // Tokens are at most one per character: a part shorter than the threshold in characters cannot reach it.
      if (span < options.minTokens) continue;
      const tokens = part.tokens ?? context.countTokens(text.slice(part.range.start, part.range.end));
      const share = total ? tokens / total : 0;
      // In standing instructions and skills a pasted module or table is paid on every use, whatever its share:
      // it belongs in a file the agent opens or runs when needed ("Save this as annotate.py").
      const pasted = part.kind === 'codeBlock' || part.kind === 'pastedTable';
      const bigEnough =
        tokens >= options.maxTokens ||
        (tokens >= options.minTokens && (share >= options.minShare || (pasted && kind !== 'request')));
      if (!bigEnough) continue;
      const smaller = smallerForm(context, part, kind);
      const saving = smaller ? savingOfTokens(context, Math.max(0, tokens - smaller.tokens)) : undefined;
      const what = `${describe(part)} is ${formatInteger(tokens)} tokens, ${Math.round(share * 100)} % of this ${formatInteger(total)}-token ${kind === 'request' ? 'request' : 'file'}`;
      findings.push({
        range: headLine(text, part),
        message:
          smaller && saving
            ? `${what}. ${smaller.how}: ${formatInteger(smaller.tokens)} tokens, ${formatInteger(saving.tokens)} fewer (≈${formatWh(saving.wh)} per request).`
            : `${what}. Send only what the task needs.`,
        saving,
      });
    }
    const skill = skillBody(context, options.maxSkillBodyTokens);
    if (skill) findings.unshift(skill);
    return findings;
  },
});

/**
 * A skill's body is loaded whole whenever the skill is used. The Agent Skills specification
 * (agentskills.io, "progressive disclosure") recommends a body under 5,000 tokens, with detail in
 * references/ files the agent opens only when a task needs them.
 */
function skillBody(context: RuleContext, maxTokens: number): RuleFinding | undefined {
  const prompt = context.prompt;
  if (prompt.fileKind !== 'skill' || !prompt.frontMatter) return undefined;
  const text = prompt.text;
  const fm = prompt.parts.find((p) => p.kind === 'frontMatter');
  const bodyStart = fm ? fm.range.end : 0;
  if (text.length - bodyStart < maxTokens) return undefined;
  const tokens = context.countTokens(text.slice(bodyStart));
  if (tokens <= maxTokens) return undefined;
  const sections = prompt.parts
    .filter((p) => p.kind === 'instructions' && p.label.startsWith('Section: '))
    .map((p) => ({
      name: p.label.slice(9).replace(/ \(continued\)$/, ''),
      tokens: context.countTokens(text.slice(p.range.start, p.range.end)),
    }))
    .sort((a, b) => b.tokens - a.tokens)
    .slice(0, 3);
  const largest = sections.length
    ? ` Largest sections: ${sections.map((s) => `"${s.name}" (${formatInteger(s.tokens)})`).join(', ')}.`
    : '';
  const firstLine = text.indexOf('\n', bodyStart);
  return {
    range: fm
      ? { start: 0, end: Math.min(3, text.length) }
      : { start: bodyStart, end: firstLine < 0 ? text.length : firstLine },
    message: `This skill's body is ${formatInteger(tokens)} tokens, loaded whole each time the skill is used; the Agent Skills specification recommends under ${formatInteger(maxTokens)}. Move detail into references/ files the agent opens only when a task needs them.${largest}`,
  };
}

function describe(part: PromptPart): string {
  switch (part.kind) {
    case 'pastedTable':
      return 'This pasted table';
    case 'codeBlock':
      return 'This code block';
    default:
      return part.label.startsWith('Section: ')
        ? `The section "${part.label.slice(9).replace(/ \(continued\)$/, '')}"`
        : 'This text';
  }
}

/** The first line of the part: one squiggle, not a wall across a pasted table. */
function headLine(text: string, part: PromptPart): { start: number; end: number } {
  const nl = text.indexOf('\n', part.range.start);
  return { start: part.range.start, end: nl < 0 || nl > part.range.end ? part.range.end : nl };
}

/** What the part could shrink to, measured. */
function smallerForm(
  context: RuleContext,
  part: PromptPart,
  kind: string,
): { how: string; tokens: number } | undefined {
  const text = context.prompt.text;
  if (part.kind === 'pastedTable' || part.kind === 'codeBlock') {
    const body = part.kind === 'codeBlock' ? fencedBody(text, part.range) : part.range;
    const lines = text.slice(body.start, body.end).split('\n');
    if (part.kind === 'pastedTable') {
      if (lines.length <= SAMPLE_ROWS + 2) return undefined;
      return {
        how: `Its header and first ${SAMPLE_ROWS} rows, with a line saying which rows or columns matter`,
        tokens: context.countTokens(lines.slice(0, SAMPLE_ROWS + 2).join('\n')),
      };
    }
    if (kind !== 'request') {
      const link = 'Run [scripts/tool.py](scripts/tool.py) (read it only if it fails).';
      return {
        how: 'Saved as a file in the skill or repository and linked, the agent reads or runs it only when needed (every other use sends the link line)',
        tokens: context.countTokens(link),
      };
    }
    const outline = lines.filter((l) => DECLARATION.test(l));
    if (outline.length < 3) return undefined;
    return {
      how: `An outline of it (its ${outline.length} declaration lines), with the one function the task is about in full`,
      tokens: context.countTokens(outline.join('\n')),
    };
  }
  if (kind !== 'request') {
    const name = part.label.replace(/^Section: /, '').replace(/ \(continued\)$/, '');
    const slug =
      name
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '') || 'details';
    const link = `See [${name}](references/${slug}.md) when the task needs it.`;
    return {
      how: 'Moved to a file this one links to, which the agent reads only when a task needs it (every other request sends the link line)',
      tokens: context.countTokens(link),
    };
  }
  return undefined;
}
