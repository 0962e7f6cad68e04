import { defineRule } from '../defineRule';
import { promptQuestion } from '../promptQuestion';
import { formatTokens } from '../../format';

/**
 * Tasks answered in prose, whose natural answer is long. Not tasks whose output is an artefact —
 * "write", "generate", "document", "list", "review" in a prompt file make code, files or a report
 * whose length the work decides: a word limit there truncates the work (measured on real prompt
 * files, see bench/precision).
 */
const INVITES_LONG = /\b(explain|describe|summari[sz]e|walk me through|elaborate|tell me (?:about|everything)|in detail|compare|what(?:'s| is| are) the (?:difference|pros and cons))\b/i;
/** A question or a short chat-style request: a paragraph of a few sentences, not a list item or a block of rules. */
const MAX_QUESTION_CHARS = 600;
/** Any statement of how long the answer should be. */
const LENGTH_GUIDANCE =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of)\s+(?:short\s+)?(words?|sentences?|lines?|paragraphs?|bullets?|bullet points?|items?|points?|tokens?|characters?|pages?|examples?)\b|\b(brief(?:ly)?|concise(?:ly)?|succinct(?:ly)?|tl;?dr|at most|no more than|one[- ]liner|in short|keep it short|short answer|short summary|max(?:imum)? length)\b/i;
/** Parts whose words are data, not instructions: a "120 lines" inside a pasted log says nothing about the answer. */
const DATA_PARTS = new Set(['codeBlock', 'pastedLog', 'pastedJson', 'pastedTable', 'base64', 'history', 'frontMatter']);

/** Output tokens cost several times what input tokens cost; say how much answer you need. */
export const unboundedOutput = defineRule({
  id: 'unbounded-output',
  description: 'The question invites a long answer but sets no length',
  tags: ['output', 'fixable'],
  defaultSeverity: 'info',
  optionsSchema: { suggestedWords: { type: 'integer', minimum: 1, description: 'Length proposed by the quick fix, in words.' } },
  defaultOptions: { suggestedWords: 150 },
  check(context, options) {
    // Standing instructions and skills are sent with many requests and ask nothing: a length
    // appended there would cut every answer, including the ones that need to be long.
    if ((context.prompt.fileKind ?? 'request') !== 'request') return [];
    const question = promptQuestion(context.prompt);
    if (!question || question.text.length > MAX_QUESTION_CHARS || /^\s*(?:[-*+]|\d+[.)])\s/.test(question.text) || !INVITES_LONG.test(question.text)) return [];
    const fm = context.prompt.frontMatter ?? {};
    let prose = context.prompt.text;
    for (const part of context.prompt.parts) {
      if (DATA_PARTS.has(part.kind)) prose = prose.slice(0, part.range.start) + ' '.repeat(part.range.end - part.range.start) + prose.slice(part.range.end);
    }
    if (LENGTH_GUIDANCE.test(prose) || 'maxTokens' in fm || 'max_tokens' in fm) return [];
    const words = options.suggestedWords;
    const expected = context.estimate.tokens.output;
    const trimmed = question.text.replace(/\s+$/, '');
    const end = question.range.start + trimmed.length;
    return [
      {
        range: { start: question.range.start, end },
        message: `This question invites a long answer and sets no length. The estimate assumes ${context.model.profile.name}'s typical ${formatTokens(expected)} output tokens; each output token costs several times an input token. Say how much you need (e.g. "in at most ${words} words", "three bullets").`,
        fix: { title: `Ask for at most ${words} words`, edits: [{ range: { start: end, end }, newText: ` Answer in at most ${words} words.` }] },
      },
    ];
  },
});
