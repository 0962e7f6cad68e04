/**
 * Usage in VS Code chat sessions (GitHub Copilot Chat): `…/User/workspaceStorage/<id>/chatSessions/`
 * and the global storage's empty-window chats (docs/usage.md, "VS Code Copilot Chat"). One VS Code
 * request (one user turn) becomes one record or more:
 *
 * - **Exact**, when VS Code recorded the whole turn's tokens: `modelTotals` (newer VS Code, per
 *   model, summed over every model call of the turn: `inputTokens` with `cachedTokens` inside
 *   it, `outputTokens`) gives one record per model; otherwise, for a turn that made a single model
 *   call, the request's `promptTokens` + `completionTokens` (VS Code's usage fields) or Copilot's
 *   `result.metadata.promptTokens` + `outputTokens` (recorded for Anthropic models). Those two
 *   describe only the last model call of a turn, so a turn with tool-call rounds is not exact.
 * - **Estimated** otherwise (`estimated: true`): counted from the text with the model's tokenizer.
 *   Input = the conversation so far (earlier requests' messages and answers, which the chat sends
 *   again each turn) + the user's message + the text of attached variables where the file holds it;
 *   output = the answer's text, thinking and edits. The system prompt, tool definitions, tool
 *   results and the extra model calls of agent turns are not in the file: an estimate is low.
 *
 * Each request counts once per session + request id, across files (a session can be stored both
 * as `.json` and `.jsonl`, or moved to another workspace). Requests still running are skipped until
 * the file is written again.
 */
import { bump, countOf, isObject, type Json, type UsageLineReader } from './usageLineReader';
import type { UsageRecord } from './usageRecord';
import { readChatSessionText } from './vscodeChatSessionFile';

/** Tokens of `text` with the tokenizer of `model`'s profile (the default profile for an unknown model). */
export type CountTokens = (model: string, text: string) => number;

/** VS Code's `ResponseModelState`: 0 pending, 1 complete, 2 cancelled, 3 failed, 4 needs input. */
const PENDING = 0;
const NEEDS_INPUT = 4;

export class CopilotChatUsageReader implements UsageLineReader {
  readonly agent = 'copilot-chat' as const;
  readonly compactions = [];
  readonly unneeded: Record<string, number> = {};
  malformedLines = 0;
  sessionId: string | undefined;
  project: string | undefined;

  /** `fallbackSessionId` (the file's name) keys requests when the file states no session id. */
  constructor(
    private readonly fallbackSessionId: string,
    private readonly countTokens: CountTokens,
  ) {}

  /** Session files are whole JSON documents or a mutation log replayed as a whole: see `readSessionText`. */
  pushLine(): UsageRecord[] {
    return [];
  }

  saveState(): { sessionId?: string; project?: string } {
    return { sessionId: this.sessionId, project: this.project };
  }

  /** The requests of one session file's whole text. */
  readSessionText(text: string, format: 'json' | 'jsonl'): UsageRecord[] {
    const { state, malformed, skipped } = readChatSessionText(text, format);
    this.malformedLines += malformed;
    for (const [reason, n] of Object.entries(skipped)) this.unneeded[reason] = (this.unneeded[reason] ?? 0) + n;
    if (!state) return [];
    if (typeof state.sessionId === 'string' && state.sessionId !== '') this.sessionId = state.sessionId;
    if (!Array.isArray(state.requests)) {
      bump(this.unneeded, 'session without requests');
      return [];
    }
    const sessionId = this.sessionId ?? this.fallbackSessionId;
    const fallbackTime = firstNumber(state.lastMessageDate, state.creationDate);
    const records: UsageRecord[] = [];
    const history = new ConversationSoFar(this.countTokens);
    state.requests.forEach((request, index) => {
      if (!isObject(request)) {
        bump(this.unneeded, 'request that is not an object');
        return;
      }
      const model = modelOf(request);
      const userText = messageText(request.message);
      const answer = answerText(request.response);
      const outcome = this.readRequest(request, index, sessionId, model, userText, answer, history, fallbackTime);
      if (outcome.records) records.push(...outcome.records);
      else bump(this.unneeded, outcome.skipped);
      history.add(model, userText, answer.text);
    });
    return records;
  }

  private readRequest(
    request: Json,
    index: number,
    sessionId: string,
    model: string,
    userText: string,
    answer: AnswerText,
    history: ConversationSoFar,
    fallbackTime: number | undefined,
  ): { records: UsageRecord[]; skipped?: undefined } | { records?: undefined; skipped: string } {
    const state = isObject(request.modelState) ? request.modelState.value : undefined;
    if (state === PENDING || state === NEEDS_INPUT) return { skipped: 'request still running' };
    const time = firstNumber(request.timestamp, fallbackTime);
    if (time === undefined) return { skipped: 'request without a time' };
    const requestId =
      typeof request.requestId === 'string' && request.requestId !== '' ? request.requestId : `#${index}`;
    const key = `copilot-chat:${sessionId}:${requestId}`;
    const exact = exactRecords(request, model, time, key);
    if (exact) return { records: exact };
    const hasAnswer = answer.text !== '' || answer.thinking !== '' || isObject(request.result);
    if (!hasAnswer) return { skipped: 'request without an answer' };
    const attached = variableTexts(request, () => bump(this.unneeded, 'attachment named without its text'));
    const input =
      history.tokens() +
      this.countTokens(model, userText) +
      attached.reduce((n, text) => n + this.countTokens(model, text), 0);
    const thinking = this.countTokens(model, answer.thinking);
    const output = this.countTokens(model, answer.text) + thinking;
    return {
      records: [
        {
          time,
          model,
          tokens: { input, output, cacheCreation: 0, cacheRead: 0, reasoning: thinking },
          dedupKey: key,
          estimated: true,
        },
      ],
    };
  }
}

/**
 * The token count of the conversation so far (earlier messages and answers, which each turn sends
 * again), each turn counted with its own model's tokenizer. Counted only when an estimate needs it:
 * a session whose turns all have recorded usage is never tokenized.
 */
class ConversationSoFar {
  private counted = 0;
  private pending: { model: string; texts: string[] }[] = [];

  constructor(private readonly countTokens: CountTokens) {}

  add(model: string, ...texts: string[]): void {
    this.pending.push({ model, texts });
  }

  tokens(): number {
    for (const turn of this.pending) for (const text of turn.texts) this.counted += this.countTokens(turn.model, text);
    this.pending = [];
    return this.counted;
  }
}

/** The records VS Code or Copilot recorded exactly for the whole turn, or undefined. */
function exactRecords(request: Json, model: string, time: number, key: string): UsageRecord[] | undefined {
  if (Array.isArray(request.modelTotals)) {
    const totals = request.modelTotals.filter(
      (t): t is Json => isObject(t) && typeof t.inputTokens === 'number' && typeof t.outputTokens === 'number',
    );
    if (totals.length > 0) {
      return totals.map((t) => {
        const prompt = countOf(t.inputTokens);
        const cached = Math.min(countOf(t.cachedTokens), prompt);
        const totalModel = typeof t.model === 'string' && t.model !== '' ? normaliseModel(t.model) : model;
        return {
          time,
          model: totalModel,
          tokens: {
            input: prompt - cached,
            output: countOf(t.outputTokens),
            cacheCreation: 0,
            cacheRead: cached,
            reasoning: 0,
          },
          dedupKey: `${key}:${totalModel}`,
        };
      });
    }
  }
  if (modelCalls(request) > 1) return undefined;
  const metadata = resultMetadata(request);
  const pairs: [unknown, unknown][] = [
    [request.promptTokens, request.completionTokens],
    [metadata?.promptTokens, metadata?.outputTokens],
  ];
  for (const [prompt, output] of pairs) {
    if (typeof prompt === 'number' && typeof output === 'number' && (prompt > 0 || output > 0)) {
      return [
        {
          time,
          model,
          tokens: { input: countOf(prompt), output: countOf(output), cacheCreation: 0, cacheRead: 0, reasoning: 0 },
          dedupKey: key,
        },
      ];
    }
  }
  return undefined;
}

/**
 * How many model calls the turn made: Copilot's `toolCallRounds` (one per call) when recorded;
 * otherwise one, or at least two when the answer shows a tool invocation (its result went back).
 */
function modelCalls(request: Json): number {
  const rounds = resultMetadata(request)?.toolCallRounds;
  if (Array.isArray(rounds) && rounds.length > 0) return rounds.length;
  const parts = Array.isArray(request.response) ? request.response : [];
  return parts.some((p) => isObject(p) && (p.kind === 'toolInvocationSerialized' || p.kind === 'toolInvocation'))
    ? 2
    : 1;
}

/**
 * The prompt tokens recorded for a turn that made a single model call (so they describe that call),
 * or undefined: several calls, several models, or nothing recorded. The agent-context analysis
 * learns Copilot's fixed load from the first turn of a session with it.
 */
export function singleCallPromptTokens(request: Json): number | undefined {
  if (modelCalls(request) > 1) return undefined;
  if (Array.isArray(request.modelTotals)) {
    const totals = request.modelTotals.filter((t): t is Json => isObject(t) && typeof t.inputTokens === 'number');
    if (totals.length > 1) return undefined;
    if (totals.length === 1 && countOf(totals[0].inputTokens) > 0) return countOf(totals[0].inputTokens);
  }
  for (const prompt of [request.promptTokens, resultMetadata(request)?.promptTokens])
    if (typeof prompt === 'number' && prompt > 0) return countOf(prompt);
  return undefined;
}

function resultMetadata(request: Json): Json | undefined {
  return isObject(request.result) && isObject(request.result.metadata) ? request.result.metadata : undefined;
}

/** The model that served the request: Copilot's resolved model, else the one picked in VS Code, else "unknown". */
export function modelOf(request: Json): string {
  const resolved = resultMetadata(request)?.resolvedModel;
  if (typeof resolved === 'string' && resolved !== '') return normaliseModel(resolved);
  if (typeof request.modelId === 'string' && request.modelId !== '') return normaliseModel(request.modelId);
  return 'unknown';
}

/** VS Code names Copilot's models `copilot/<model>`; profiles know the model's own name. */
function normaliseModel(id: string): string {
  return id.replace(/^copilot\//, '');
}

export function messageText(message: unknown): string {
  if (typeof message === 'string') return message;
  if (isObject(message) && typeof message.text === 'string') return message.text;
  return '';
}

interface AnswerText {
  text: string;
  thinking: string;
}

/** The answer's text (markdown, code edits) and its thinking, from the serialised response parts. */
function answerText(response: unknown): AnswerText {
  const texts: string[] = [];
  const thinking: string[] = [];
  if (!Array.isArray(response)) return { text: '', thinking: '' };
  for (const part of response) {
    if (!isObject(part)) continue;
    if (part.kind === undefined && typeof part.value === 'string')
      texts.push(part.value); // markdown is stored as the bare string object
    else if (
      (part.kind === 'markdownContent' || part.kind === 'markdownVuln') &&
      isObject(part.content) &&
      typeof part.content.value === 'string'
    )
      texts.push(part.content.value);
    else if (part.kind === 'thinking') {
      if (typeof part.value === 'string') thinking.push(part.value);
      else if (Array.isArray(part.value))
        thinking.push(...part.value.filter((v): v is string => typeof v === 'string'));
    } else if (part.kind === 'textEditGroup' && Array.isArray(part.edits)) {
      for (const group of part.edits)
        for (const edit of Array.isArray(group) ? group : [])
          if (isObject(edit) && typeof edit.text === 'string') texts.push(edit.text);
    }
  }
  return { text: texts.join(''), thinking: thinking.join('\n') };
}

/** The text of attached variables that the file holds (a file attachment is often stored as a URI only). */
export function variableTexts(request: Json, onNamedOnly: () => void): string[] {
  const data = request.variableData;
  if (!isObject(data) || !Array.isArray(data.variables)) return [];
  const texts: string[] = [];
  for (const variable of data.variables) {
    if (!isObject(variable)) continue;
    if (typeof variable.value === 'string') texts.push(variable.value);
    else onNamedOnly();
  }
  return texts;
}

function firstNumber(...values: unknown[]): number | undefined {
  for (const value of values) if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  return undefined;
}
