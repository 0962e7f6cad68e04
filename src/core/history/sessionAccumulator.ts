/**
 * Reads a session one message at a time and keeps only what the analysis needs: each message's
 * token count and a compact digest (fingerprints, facts for the seed summary, anchors of large
 * tool outputs). Appending a message tokenizes that message alone, so updating after a new turn
 * costs the new turn, and a 50 MB transcript never has to sit in memory.
 */
import type { TextRange } from '../textRange';
import { contentFingerprint } from './contentFingerprint';
import { detachedString } from './detachedString';
import { splitFencedBlocks } from './fencedBlocks';
import { findRetraction } from './retraction';
import { extractConstraints, extractDecisions, shorten } from './seedFacts';
import { anchorsOf, wordsOf } from './toolOutputAnchors';
import type { Message, MessagePayload, RecordedUsage, Role } from './transcript';

export interface SessionAccumulatorOptions {
  countTokens: (text: string) => number;
  /** Tokens the chat format adds around each message (role markers). Default 3, OpenAI's published figure. */
  perMessageOverheadTokens?: number;
  /** A tool output at least this large is watched for being used later. Default 500. */
  largeToolOutputTokens?: number;
  /** A block at least this large is fingerprinted for repeat detection. Default 50. */
  minRepeatTokens?: number;
}

export interface BlockDigest {
  kind: 'code' | 'paste' | 'toolResult' | 'attachment';
  label: string;
  tokens: number;
  fingerprint: string;
  file?: string;
}

export interface MessageDigest {
  index: number;
  role: Role;
  range: TextRange;
  /** 1-based source line, when the reader knows it. */
  line?: number;
  /** Tokens this message adds to every later request: text + payloads + per-message overhead. */
  tokens: number;
  usage?: RecordedUsage;
  /** The message's first words, for tables and findings. */
  preview: string;
  /** True for a user message with text the user wrote (not only tool results). */
  isUserRequest: boolean;
  retraction?: string;
  blocks: BlockDigest[];
  /** Tool results carried inside an assistant message (VS Code exports do this): input of later requests, not output. */
  toolResultTokens?: number;
}

/** One request: new input since the previous reply, answered by `replyMessage` (undefined while pending). */
export interface TurnShape {
  index: number;
  firstNewMessage: number;
  replyMessage?: number;
  /** Everything sent, by our count: all messages before the reply. */
  countedInputTokens: number;
  /** Of countedInputTokens, what is new since the previous request's input and reply. */
  newInputTokens: number;
  /** The reply's tokens, by our count (no overhead). 0 while pending. */
  countedOutputTokens: number;
  usage?: RecordedUsage;
  /** The first request after a compaction: nothing before `contextStart` is sent any more. */
  startsNewContext?: boolean;
}

export interface AbandonedAttempt {
  /** Messages [fromMessage, toMessage) were abandoned by the retraction in `retractionMessage`. */
  fromMessage: number;
  toMessage: number;
  retractionMessage: number;
  phrase: string;
  tokens: number;
  range: TextRange;
}

export interface PasteOccurrence {
  messageIndex: number;
  range: TextRange;
  tokens: number;
  fingerprint: string;
  label: string;
}

export interface ToolOutputUse {
  messageIndex: number;
  range: TextRange;
  label: string;
  tokens: number;
  /** First later message that mentions one of its distinctive words. */
  referencedBy?: number;
}

export interface SessionFact {
  text: string;
  messageIndex: number;
}

export interface FileVersion {
  path: string;
  messageIndex: number;
  tokens: number;
  how: 'pasted' | 'read' | 'written' | 'edited';
  /** Kept only when short enough to carry into a summary. */
  content?: string;
}

const MAX_FACT_CONTENT_CHARS = 1500;
/**
 * A large tool output not mentioned within this many later messages is judged unused and no
 * longer watched, so the watch list cannot grow with the session.
 */
const REFERENCE_WINDOW_MESSAGES = 400;
const MAX_FACTS = 400;
/** Most messages have no blocks; sharing one empty list saves an array per message on long sessions. */
const NO_BLOCKS: BlockDigest[] = [];
const PREVIEW_CHARS = 60;
/** A user message without code fences at least this long is pasted content, watched for repeats. */
const LONG_PASTE_TOKENS = 300;
const MAX_VERSIONS_PER_FILE = 3;

export class SessionAccumulator {
  readonly messages: MessageDigest[] = [];
  readonly turns: TurnShape[] = [];
  readonly abandoned: AbandonedAttempt[] = [];
  readonly toolOutputs: ToolOutputUse[] = [];
  /** Pastes grouped by file (when named) or by content fingerprint. */
  readonly pastes = new Map<string, PasteOccurrence[]>();
  readonly constraints = new Map<string, SessionFact>();
  readonly decisions = new Map<string, SessionFact>();
  readonly fileVersions = new Map<string, FileVersion[]>();
  /** The user's last few requests, newest last (the open question is the newest one not abandoned). */
  readonly recentQuestions: SessionFact[] = [];
  /** Tokens of system messages (sent with every request, kept by a fresh session). */
  systemTokens = 0;
  /** Tokens counted so far, i.e. the input of the next request. */
  contextTokens = 0;
  /** Number of times `countTokens` has run; the benchmark uses it to prove appends are incremental. */
  tokenizeCalls = 0;
  /** First message still sent: 0, or the first message after the latest compaction. */
  contextStart = 0;

  private readonly countTokens: (text: string) => number;
  private readonly overhead: number;
  private readonly largeToolOutputTokens: number;
  private readonly minRepeatTokens: number;
  private pendingStart = 0;
  private lastUserRequest: number | undefined;
  private readonly anchorIndex = new Map<string, Set<number>>();
  /** Set by a compaction: where the next request's new input is counted from. */
  private resetEnd: number | undefined;
  /** Anchors of the outputs still watched, by output index, in the order they arrived. */
  private readonly watched = new Map<number, string[]>();

  constructor(options: SessionAccumulatorOptions) {
    this.countTokens = options.countTokens;
    this.overhead = options.perMessageOverheadTokens ?? 3;
    this.largeToolOutputTokens = options.largeToolOutputTokens ?? 500;
    this.minRepeatTokens = options.minRepeatTokens ?? 50;
  }

  appendAll(messages: Iterable<Message>): this {
    for (const message of messages) this.append(message);
    return this;
  }

  append(message: Message): MessageDigest {
    const index = this.messages.length;
    if (message.startsNewContext && index > 0) {
      // After a compaction the provider sees only the system prompt and what follows.
      this.contextTokens = this.systemTokens;
      this.contextStart = index;
      this.resetEnd = this.systemTokens;
    }
    const digest = this.digest(message, index);
    this.messages.push(digest);
    this.noticeReferences(message, index);

    if (message.role === 'assistant') {
      this.turns.push({
        index: this.turns.length,
        firstNewMessage: this.pendingStart,
        replyMessage: index,
        countedInputTokens: this.contextTokens,
        newInputTokens: this.contextTokens - this.previousEnd(),
        countedOutputTokens: digest.tokens - this.overhead - (digest.toolResultTokens ?? 0),
        usage: message.usage,
        startsNewContext: this.resetEnd !== undefined ? true : undefined,
      });
      this.resetEnd = undefined;
      this.pendingStart = index + 1;
    }
    if (message.role === 'system') this.systemTokens += digest.tokens;
    this.contextTokens += digest.tokens;
    this.collectFacts(message, digest);
    return digest;
  }

  /** The request the next send would make, when messages follow the last reply. */
  pendingTurn(): TurnShape | undefined {
    if (this.pendingStart >= this.messages.length) return undefined;
    return {
      index: this.turns.length,
      firstNewMessage: this.pendingStart,
      countedInputTokens: this.contextTokens,
      newInputTokens: this.contextTokens - this.previousEnd(),
      countedOutputTokens: 0,
      startsNewContext: this.resetEnd !== undefined ? true : undefined,
    };
  }

  /** What the previous request sent plus its reply: the part of the next input that is not new. */
  private previousEnd(): number {
    if (this.resetEnd !== undefined) return this.resetEnd;
    const previous = this.turns[this.turns.length - 1];
    return previous ? previous.countedInputTokens + this.messages[previous.replyMessage!].tokens : 0;
  }

  /** Counts text with this session's tokenizer (for the seed summary), outside the per-message counts. */
  countText(text: string): number {
    return text === '' ? 0 : this.countTokens(text);
  }

  private count(text: string): number {
    if (text === '') return 0;
    this.tokenizeCalls++;
    return this.countTokens(text);
  }

  private digest(message: Message, index: number): MessageDigest {
    const blocks: BlockDigest[] = [];
    const split = splitFencedBlocks(message.text);
    let tokens = this.count(split.prose);
    for (const block of split.blocks) {
      const blockTokens = this.count(block.text);
      tokens += blockTokens;
      blocks.push({
        kind: 'code',
        label: detachedString(block.file ?? (block.info ? `${block.info} block` : 'code block')),
        tokens: blockTokens,
        fingerprint: contentFingerprint(block.body),
        file: block.file === undefined ? undefined : detachedString(block.file),
      });
    }
    // A long user message with no fences is itself a paste (a log, a document). Pasted content
    // usually arrives with a line of request around it ("Again:", "Fix this:"), so a message of
    // several paragraphs is compared paragraph by paragraph, each counted on its own.
    if (split.blocks.length === 0 && message.role === 'user' && tokens >= LONG_PASTE_TOKENS) {
      const paragraphs = message.text.split(/\n[ \t]*\n/).filter((p) => p.trim() !== '');
      if (paragraphs.length <= 1) {
        blocks.push({ kind: 'paste', label: 'pasted text', tokens, fingerprint: contentFingerprint(message.text) });
      } else {
        for (const paragraph of paragraphs) {
          const paragraphTokens = this.count(paragraph);
          if (paragraphTokens >= this.minRepeatTokens) {
            blocks.push({ kind: 'paste', label: 'pasted text', tokens: paragraphTokens, fingerprint: contentFingerprint(paragraph) });
          }
        }
      }
    }
    let toolResultTokens = 0;
    for (const payload of message.payloads) {
      const payloadTokens = this.count(payload.text) + this.count(payload.name);
      tokens += payloadTokens;
      if (payload.kind === 'toolResult') toolResultTokens += payloadTokens;
      if (payload.kind !== 'toolCall') {
        blocks.push({
          kind: payload.kind,
          label: detachedString(payload.name),
          tokens: payloadTokens,
          fingerprint: contentFingerprint(payload.text),
          file: payload.file === undefined ? undefined : detachedString(payload.file),
        });
      }
    }
    const isUserRequest = message.role === 'user' && message.text.trim() !== '';
    const digest: MessageDigest = {
      index,
      role: message.role,
      range: message.range,
      line: message.line,
      tokens: tokens + this.overhead,
      usage: message.usage,
      preview: preview(message),
      isUserRequest,
      blocks: blocks.length > 0 ? blocks : NO_BLOCKS,
    };
    if (message.role === 'assistant' && toolResultTokens > 0) digest.toolResultTokens = toolResultTokens;
    if (isUserRequest) {
      const phrase = findRetraction(message.text);
      if (phrase !== undefined && this.lastUserRequest !== undefined) {
        digest.retraction = detachedString(phrase);
        this.recordAbandoned(this.lastUserRequest, index, phrase);
      }
      this.lastUserRequest = index;
    }
    for (const block of blocks) {
      if (block.tokens >= this.minRepeatTokens) this.recordPaste(block, digest);
    }
    return digest;
  }

  private recordAbandoned(from: number, to: number, phrase: string): void {
    let tokens = 0;
    for (let i = from; i < to; i++) tokens += this.messages[i].tokens;
    this.abandoned.push({
      fromMessage: from,
      toMessage: to,
      retractionMessage: to,
      phrase,
      tokens,
      range: { start: this.messages[from].range.start, end: this.messages[to - 1].range.end },
    });
  }

  private recordPaste(block: BlockDigest, digest: MessageDigest): void {
    const key = block.file ? `file:${block.file}` : `content:${block.fingerprint}`;
    const occurrence: PasteOccurrence = {
      messageIndex: digest.index,
      range: digest.range,
      tokens: block.tokens,
      fingerprint: block.fingerprint,
      label: block.label,
    };
    const list = this.pastes.get(key);
    if (list) list.push(occurrence);
    else this.pastes.set(key, [occurrence]);
  }

  /** Marks large tool outputs as used when this message mentions one of their distinctive words, then watches new ones. */
  private noticeReferences(message: Message, index: number): void {
    if (this.anchorIndex.size > 0) {
      const mentioned = wordsOf([message.text, ...message.payloads.filter((p) => p.kind !== 'toolResult').map((p) => p.text)].join('\n'));
      for (const word of mentioned) {
        const outputs = this.anchorIndex.get(word);
        if (!outputs) continue;
        for (const output of [...outputs]) {
          this.toolOutputs[output].referencedBy = index;
          this.unwatch(output);
        }
      }
      for (const [output] of this.watched) {
        if (index - this.toolOutputs[output].messageIndex <= REFERENCE_WINDOW_MESSAGES) break;
        this.unwatch(output);
      }
    }
    for (const payload of message.payloads) {
      if (payload.kind !== 'toolResult') continue;
      const tokens = this.messages[index].blocks.find((b) => b.kind === 'toolResult' && b.label === payload.name)?.tokens ?? 0;
      if (tokens < this.largeToolOutputTokens) continue;
      const outputIndex = this.toolOutputs.length;
      this.toolOutputs.push({ messageIndex: index, range: message.range, label: detachedString(payload.name), tokens });
      const anchors = anchorsOf(payload.text).map(detachedString);
      this.watched.set(outputIndex, anchors);
      for (const anchor of anchors) {
        const set = this.anchorIndex.get(anchor);
        if (set) set.add(outputIndex);
        else this.anchorIndex.set(anchor, new Set([outputIndex]));
      }
    }
  }

  private unwatch(output: number): void {
    for (const anchor of this.watched.get(output) ?? []) {
      const set = this.anchorIndex.get(anchor);
      set?.delete(output);
      if (set?.size === 0) this.anchorIndex.delete(anchor);
    }
    this.watched.delete(output);
  }

  private collectFacts(message: Message, digest: MessageDigest): void {
    const index = digest.index;
    if (digest.isUserRequest) {
      if (!digest.retraction || message.text.length > 60) {
        this.recentQuestions.push({ text: detachedString(shorten(message.text.trim(), 1200)), messageIndex: index });
        if (this.recentQuestions.length > 5) this.recentQuestions.shift();
      }
      for (const sentence of extractConstraints(message.text)) addFact(this.constraints, sentence, index);
      for (const sentence of extractDecisions(message.text, 'user')) addFact(this.decisions, sentence, index);
    } else if (message.role === 'assistant') {
      for (const sentence of extractDecisions(message.text, 'assistant')) addFact(this.decisions, sentence, index);
    }
    for (const block of splitFencedBlocks(message.text).blocks) {
      if (block.file) this.addFileVersion(block.file, index, block.body, message.role === 'user' ? 'pasted' : 'written');
    }
    for (const payload of message.payloads) {
      if (payload.file) this.addPayloadVersion(payload, index);
    }
  }

  private addPayloadVersion(payload: MessagePayload, index: number): void {
    const file = payload.file!;
    if (payload.kind === 'toolResult' || payload.kind === 'attachment') {
      this.addFileVersion(file, index, payload.text, payload.kind === 'toolResult' ? 'read' : 'pasted');
      return;
    }
    let input: Record<string, unknown> = {};
    try {
      input = JSON.parse(payload.text) as Record<string, unknown>;
    } catch {
      // Arguments that are not JSON still tell us the file was touched.
    }
    if (typeof input.content === 'string') this.addFileVersion(file, index, input.content, 'written');
    else if (typeof input.new_string === 'string' || Array.isArray(input.edits)) this.addFileVersion(file, index, undefined, 'edited');
  }

  private addFileVersion(path: string, index: number, content: string | undefined, how: FileVersion['how']): void {
    const versions = this.fileVersions.get(path) ?? [];
    versions.push({
      path: detachedString(path),
      messageIndex: index,
      tokens: this.messages[index].blocks.find((b) => b.file === path)?.tokens ?? 0,
      how,
      content: content !== undefined && content.length <= MAX_FACT_CONTENT_CHARS ? detachedString(content) : undefined,
    });
    if (versions.length > MAX_VERSIONS_PER_FILE) versions.shift();
    this.fileVersions.set(path, versions);
  }
}

function addFact(facts: Map<string, SessionFact>, text: string, messageIndex: number): void {
  const key = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  facts.delete(key); // re-insert so the map's order is "most recently stated last"
  facts.set(detachedString(key), { text: detachedString(text), messageIndex });
  if (facts.size > MAX_FACTS) facts.delete(facts.keys().next().value as string);
}

function preview(message: Message): string {
  const source = message.text.trim() !== '' ? message.text : message.payloads.map((p) => p.name).join(', ');
  const line = source.replace(/\s+/g, ' ').trim();
  return detachedString(line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS - 3)}...` : line);
}
