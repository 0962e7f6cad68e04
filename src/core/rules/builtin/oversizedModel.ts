import { defineRule } from '../defineRule';
import { activeParamsB as activeB, pickSmallerModel } from '../../profiles/compareModels';
import { formatTokens } from '../../format';

/**
 * A short, self-contained task sent to a very large model. Off by default: energy is one side of
 * a trade-off, and only the user knows whether the task needs the larger model's capability.
 */
export const oversizedModel = defineRule({
  id: 'oversized-model',
  description: 'A simple task is sent to a much larger model than it needs (a trade-off, off by default)',
  tags: ['model'],
  defaultSeverity: 'info',
  enabledByDefault: false,
  optionsSchema: {
    maxSimpleTokens: { type: 'integer', minimum: 1, description: 'Requests up to this many input tokens, without attachments, code or history, count as simple.' },
    largeActiveParamsB: { type: 'number', exclusiveMinimum: 0, description: 'Models with more active parameters (billions, midpoint of the range) count as large.' },
    smallActiveParamsB: { type: 'number', exclusiveMinimum: 0, description: 'Suggested alternatives have at most this many active parameters.' },
  },
  defaultOptions: { maxSimpleTokens: 400, largeActiveParamsB: 60, smallActiveParamsB: 20 },
  check(context, options) {
    // Only a request is a task; and a prompt file that runs as an agent with tools is a multi-step
    // task however short its text (measured on real prompt files: bench/precision).
    if ((context.prompt.fileKind ?? 'request') !== 'request' || runsAsAgent(context.prompt.frontMatter)) return [];
    // A short request for code or for tool use is not a simple task: that is where smaller models fail.
    if (CODE_OR_TOOL_TASK.test(context.prompt.text)) return [];
    const current = context.model.profile;
    const simple =
      context.totalInputTokens <= options.maxSimpleTokens &&
      context.attachments.length === 0 &&
      !context.transcript &&
      !context.prompt.parts.some((p) => ['codeBlock', 'pastedLog', 'pastedJson', 'pastedTable', 'history'].includes(p.kind));
    if (!simple) return [];
    if (activeB(current) <= options.largeActiveParamsB && !current.reasoning.isReasoning) return [];
    const needed = context.totalInputTokens + context.estimate.tokens.output;
    // The one way "a smaller model" is picked (the panel's comparison uses it too), here open to any vendor.
    const pick = pickSmallerModel(current, context.profiles, {
      vendor: 'prefer-same',
      maxActiveParamsB: options.smallActiveParamsB,
      minContextWindow: needed,
      excludeReasoning: true,
    });
    if (!pick) return [];
    const ratio = activeB(current) / activeB(pick);
    const reasoning = current.reasoning.isReasoning ? ` ${current.name} is a reasoning model: it also spends ~${current.reasoning.hiddenTokensPerOutputToken}× hidden tokens per visible one.` : '';
    return [
      {
        message: `This is a short, self-contained request (${formatTokens(context.totalInputTokens)} tokens, no attachments, code or history). ${current.name} has ~${Math.round(activeB(current))}B active parameters (estimate); ${pick.name} has ~${Math.round(activeB(pick))}B, ≈${ratio.toFixed(1)}× fewer, and the energy per token grows with active parameters in the shared energy model.${reasoning} Trade-off: smaller models are less reliable on multi-step reasoning, code and long documents — keep ${current.name} if the task needs it.`,
      },
    ];
  },
});

const CODE_OR_TOOL_TASK = /\b(?:code|snippets?|scripts?|functions?|classes|implement\w*|refactor\w*|tests?|debug\w*|SDK|APIs?|tools?|workflow|production[- ]ready)\b/i;

/** Front matter that makes a prompt file an agent run: `mode: agent`, `agent: …`, a `tools` list. */
function runsAsAgent(frontMatter: Record<string, unknown> | null): boolean {
  if (!frontMatter) return false;
  const mode = frontMatter.mode ?? frontMatter.agent;
  return (typeof mode === 'string' && mode.toLowerCase() !== 'ask') || frontMatter.tools !== undefined || frontMatter['allowed-tools'] !== undefined;
}
