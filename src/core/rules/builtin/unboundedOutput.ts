import type { Rule } from '../rule';
import { promptQuestion } from '../promptQuestion';

/** Tasks whose natural answer is long. */
const INVITES_LONG = /\b(explain|describe|write|summari[sz]e|list|document|overview|essay|report|walk me through|elaborate|in detail|detailed|comprehensive|everything|tell me about|compare|review)\b/i;
/** Any statement of how long the answer should be. */
const LENGTH_GUIDANCE =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of)\s+(?:short\s+)?(words?|sentences?|lines?|paragraphs?|bullets?|bullet points?|items?|points?|tokens?|characters?|pages?|examples?)\b|\b(brief(?:ly)?|concise(?:ly)?|succinct(?:ly)?|tl;?dr|at most|no more than|one[- ]liner|in short|keep it short|short answer|short summary|max(?:imum)? length)\b/i;
/** Parts whose words are data, not instructions: a "120 lines" inside a pasted log says nothing about the answer. */
const DATA_PARTS = new Set(['codeBlock', 'pastedLog', 'pastedJson', 'pastedTable', 'base64', 'history', 'frontMatter']);

/** Output tokens cost several times what input tokens cost; say how much answer you need. */
export const unboundedOutput: Rule = {
  id: 'unbounded-output',
  description: 'The question invites a long answer but sets no length',
  docs: 'docs/rules/unbounded-output.md',
  tags: ['output', 'fixable'],
  defaultSeverity: 'info',
  enabledByDefault: true,
  optionsSchema: {
    type: 'object',
    properties: { suggestedWords: { type: 'integer', minimum: 1, description: 'Length proposed by the quick fix, in words.' } },
    additionalProperties: false,
  },
  defaultOptions: { suggestedWords: 150 },
  check(context, options) {
    const question = promptQuestion(context.prompt);
    if (!question || !INVITES_LONG.test(question.text)) return [];
    const fm = context.prompt.frontMatter ?? {};
    let prose = context.prompt.text;
    for (const part of context.prompt.parts) {
      if (DATA_PARTS.has(part.kind)) prose = prose.slice(0, part.range.start) + ' '.repeat(part.range.end - part.range.start) + prose.slice(part.range.end);
    }
    if (LENGTH_GUIDANCE.test(prose) || 'maxTokens' in fm || 'max_tokens' in fm) return [];
    const words = options.suggestedWords as number;
    const expected = context.estimate.tokens.output;
    const trimmed = question.text.replace(/\s+$/, '');
    const end = question.range.start + trimmed.length;
    return [
      {
        range: { start: question.range.start, end },
        message: `This question invites a long answer and sets no length. The estimate assumes ${context.model.profile.name}'s typical ${expected.toLocaleString('en-US')} output tokens; each output token costs several times an input token. Say how much you need (e.g. "in at most ${words} words", "three bullets").`,
        fix: { title: `Ask for at most ${words} words`, edits: [{ range: { start: end, end }, newText: ` Answer in at most ${words} words.` }] },
      },
    ];
  },
};
