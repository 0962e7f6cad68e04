/**
 * The `@mvp` participant's handler in the real extension host, with a fake language model: VS Code
 * 1.100 has no stable API to register a chat model provider (vscode.lm.registerLanguageModelChatProvider
 * is still a proposal there), so the test hands the handler a model object implementing
 * LanguageModelChat, the way the chat hands it `request.model`. Everything else is real: Uri and
 * Location references, LanguageModelChatMessage, LanguageModelError, the editor's engine with its
 * config and attachment caches, the fixture workspace's files and team config.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AttachmentCache } from '../../src/extension/engine/attachmentCache';
import { createChatRequestHandler, type MvpChatMetadata } from '../../src/extension/chat/chatParticipant';
import { ConfigCache } from '../../src/extension/engine/configCache';
import { EditorEngine } from '../../src/extension/engine/editorEngine';
import { workspaceUri } from './testSupport';

type Part = { kind: 'markdown' | 'button' | 'reference' | 'progress' | 'anchor' | 'other'; value: unknown };

class RecordingStream implements vscode.ChatResponseStream {
  readonly parts: Part[] = [];
  markdown(value: string | vscode.MarkdownString): void {
    this.parts.push({ kind: 'markdown', value: typeof value === 'string' ? value : value.value });
  }
  anchor(value: vscode.Uri | vscode.Location): void {
    this.parts.push({ kind: 'anchor', value });
  }
  button(command: vscode.Command): void {
    this.parts.push({ kind: 'button', value: command });
  }
  filetree(): void {
    this.parts.push({ kind: 'other', value: 'filetree' });
  }
  progress(value: string): void {
    this.parts.push({ kind: 'progress', value });
  }
  reference(value: vscode.Uri | vscode.Location): void {
    this.parts.push({ kind: 'reference', value });
  }
  push(part: vscode.ChatResponsePart): void {
    this.parts.push({ kind: 'other', value: part });
  }
  get text(): string {
    return this.parts.filter((p) => p.kind === 'markdown').map((p) => p.value as string).join('');
  }
  get buttons(): vscode.Command[] {
    return this.parts.filter((p) => p.kind === 'button').map((p) => p.value as vscode.Command);
  }
}

interface FakeModel extends vscode.LanguageModelChat {
  requests: vscode.LanguageModelChatMessage[][];
}

function textOf(message: string | vscode.LanguageModelChatMessage): string {
  if (typeof message === 'string') return message;
  return message.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

/** A model that answers with `reply` in chunks (or fails with `failure`) and counts 1 token per 4 characters. */
function fakeModel(reply: string[], failure?: Error): FakeModel {
  const model: FakeModel = {
    id: 'fake-gpt-4o',
    name: 'Fake GPT-4o',
    vendor: 'mvp-test',
    family: 'gpt-4o',
    version: '1',
    maxInputTokens: 128000,
    requests: [],
    async sendRequest(messages) {
      model.requests.push(messages);
      if (failure) throw failure;
      async function* text() {
        for (const chunk of reply) yield chunk;
      }
      async function* stream() {
        for (const chunk of reply) yield new vscode.LanguageModelTextPart(chunk);
      }
      return { text: text(), stream: stream() };
    },
    async countTokens(message) {
      return Math.ceil(textOf(message).length / 4);
    },
  };
  return model;
}

function request(prompt: string, command: string | undefined, options: { references?: vscode.ChatPromptReference[]; model?: vscode.LanguageModelChat | null } = {}): vscode.ChatRequest {
  return {
    prompt,
    command,
    references: options.references ?? [],
    toolReferences: [],
    toolInvocationToken: undefined as never,
    model: options.model === null ? (undefined as never) : (options.model ?? fakeModel(['unused'])),
  } as vscode.ChatRequest;
}

/** A `#file:` reference as Chat resolves it: the placeholder's range in the prompt and the file's Uri. */
function fileReference(prompt: string, placeholder: string, uri: vscode.Uri): vscode.ChatPromptReference {
  const start = prompt.indexOf(placeholder);
  assert.ok(start >= 0, `${placeholder} in the prompt`);
  return { id: 'vscode.file', range: [start, start + placeholder.length], value: uri };
}

/** An earlier /send exchange of this participant, as context.history carries it. */
function sentTurns(prompt: string, answer: string): (vscode.ChatRequestTurn | vscode.ChatResponseTurn)[] {
  const requestTurn = { prompt, command: 'send', references: [], toolReferences: [], participant: 'mvp.chat' };
  const responseTurn = {
    response: [new vscode.ChatResponseMarkdownPart(`*Sending …*\n\n${answer}\n\n---\nusage`)],
    result: { metadata: { command: 'send', answer } },
    participant: 'mvp.chat',
    command: 'send',
  };
  return [requestTurn, responseTurn] as unknown as (vscode.ChatRequestTurn | vscode.ChatResponseTurn)[];
}

suite('Chat participant @mvp', () => {
  const caches: vscode.Disposable[] = [];
  let handler: vscode.ChatRequestHandler;

  suiteSetup(() => {
    const configs = new ConfigCache();
    const attachments = new AttachmentCache();
    caches.push(configs, attachments);
    const engine = new EditorEngine(configs, attachments, 'docs/');
    handler = createChatRequestHandler({ analyse: engine.analyse, isTrusted: () => true });
  });
  suiteTeardown(() => caches.forEach((c) => c.dispose()));

  async function ask(req: vscode.ChatRequest, history: (vscode.ChatRequestTurn | vscode.ChatResponseTurn)[] = []) {
    const stream = new RecordingStream();
    const result = (await handler(req, { history }, stream, new vscode.CancellationTokenSource().token)) as vscode.ChatResult;
    return { stream, result, metadata: result.metadata as MvpChatMetadata };
  }

  const ordersPrompt = 'Which customers ordered more than twice in #file:orders.json? Answer with a list of names.';
  const orders = () => fileReference(ordersPrompt, '#file:orders.json', workspaceUri('data', 'orders.json'));

  test('the manifest declares @mvp with /check and /send', () => {
    const extension = vscode.extensions.getExtension('minimal-viable-prompt.minimal-viable-prompt');
    assert.ok(extension, 'the extension is installed');
    const participants = (extension.packageJSON.contributes?.chatParticipants ?? []) as { id: string; name: string; commands?: { name: string }[] }[];
    const mvp = participants.find((p) => p.id === 'mvp.chat');
    assert.ok(mvp, 'contributes.chatParticipants has mvp.chat');
    assert.equal(mvp.name, 'mvp');
    assert.deepEqual(mvp.commands?.map((c) => c.name).sort(), ['check', 'send']);
  });

  test('/check measures the prompt with its #file reference read from disk and answers with parts, ranges and suggestions', async () => {
    const alone = await ask(request('Which customers ordered more than twice? Answer with a list of names.', 'check'));
    const { stream, metadata } = await ask(request(ordersPrompt, 'check', { references: [orders()] }));
    assert.equal(metadata.command, 'check');
    assert.ok(metadata.inputTokens! > alone.metadata.inputTokens! + 1000, `${metadata.inputTokens} vs ${alone.metadata.inputTokens} without the file`);
    const text = stream.text;
    assert.match(text, /\*\*[\d,]+ input tokens\*\* to \*\*GPT-4o\*\*/, 'the model selected in the chat is the one measured');
    assert.match(text, /\| orders\.json \| [\d,]+ \| [\d,]+ \(/, 'the attachment is a part with its minimal form');
    assert.match(text, /energy [\d.]+ m?Wh \([\d.]+–[\d.]+ m?Wh\)/, "a range in one unit");
    assert.match(text, /\*\*Suggestions\*\*/);
    assert.match(text, /large-json/);
    assert.ok(
      stream.parts.some((p) => p.kind === 'reference' && (p.value as vscode.Uri).fsPath === workspaceUri('data', 'orders.json').fsPath),
      'the file is listed as a reference',
    );
    const titles = stream.buttons.map((b) => b.title);
    assert.ok(titles.includes('Send as is with @mvp /send'), titles.join(', '));
    assert.ok(titles.some((t) => t.startsWith('Send slimmed (')), titles.join(', '));
    const fix = stream.buttons.find((b) => b.command === 'mvp.runFixAction');
    assert.ok(fix, 'a button runs the minify fix');
    assert.equal((fix.arguments?.[1] as { kind: string }).kind, 'minifyJson');
    const send = stream.buttons.find((b) => b.title === 'Send as is with @mvp /send')!;
    assert.deepEqual(send.arguments, [{ query: `@mvp /send ${ordersPrompt}` }]);
  });

  test('/check inlines a #selection (Location) and counts it', async () => {
    const util = workspaceUri('src', 'util.ts');
    const document = await vscode.workspace.openTextDocument(util);
    const range = new vscode.Range(0, 0, document.lineCount - 1, document.lineAt(document.lineCount - 1).text.length);
    const prompt = 'Explain #selection in one sentence.';
    const start = prompt.indexOf('#selection');
    const withSelection = await ask(request(prompt, 'check', { references: [{ id: 'vscode.selection', range: [start, start + 10], value: new vscode.Location(util, range) }] }));
    const without = await ask(request('Explain in one sentence.', 'check'));
    assert.ok(withSelection.metadata.inputTokens! > without.metadata.inputTokens!, `${withSelection.metadata.inputTokens} > ${without.metadata.inputTokens}`);
  });

  test('/check counts the history a follow-up would re-send (earlier /send exchanges only)', async () => {
    const answer = 'Alice, Bob and Chen ordered more than twice. '.repeat(40);
    const fresh = await ask(request('And which of them paid late?', 'check'));
    const followUp = await ask(request('And which of them paid late?', 'check'), sentTurns(ordersPrompt, answer));
    assert.match(followUp.stream.text, /\| History \(1 turns?\) \| [\d,]+ \|/);
    assert.ok(followUp.metadata.inputTokens! > fresh.metadata.inputTokens! + 300, `${followUp.metadata.inputTokens} vs ${fresh.metadata.inputTokens}`);
    assert.ok(followUp.stream.buttons.some((b) => b.command === 'workbench.action.chat.newChat'));
  });

  test('/send forwards the prompt with the file to the selected model, streams the answer and reports usage and energy', async () => {
    const model = fakeModel(['Alice ', 'and Bob ', 'ordered more than twice.']);
    const { stream, result, metadata } = await ask(request(ordersPrompt, 'send', { references: [orders()], model }));
    assert.equal(result.errorDetails, undefined);
    assert.equal(metadata.sent, true);
    assert.equal(metadata.answer, 'Alice and Bob ordered more than twice.');
    assert.match(stream.text, /Alice and Bob ordered more than twice\./);
    assert.equal(model.requests.length, 1);
    const sent = model.requests[0];
    assert.equal(sent.length, 1);
    assert.equal(sent[0].role, vscode.LanguageModelChatMessageRole.User);
    const body = textOf(sent[0]);
    assert.ok(body.startsWith('Which customers ordered more than twice in #file:"'), body.slice(0, 120));
    const file = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('data', 'orders.json')));
    assert.ok(body.includes(file.trim()), 'the file is sent as written');
    assert.equal(metadata.modelInputTokens, Math.ceil(body.length / 4), "the model's own count is reported beside ours");
    assert.ok(metadata.inputTokens! > 1000 && metadata.outputTokens! > 5 && metadata.wh! > 0);
    assert.match(stream.text, /\*\*This request:\*\* [\d,]+ input tokens \(MVP, o200k_base; Fake GPT-4o's own countTokens: [\d,]+ \([+-][\d.]+%\)\), [\d,]+ output tokens — estimated [\d.]+ m?Wh/);
  });

  test('/send --slim sends attachments in their minimal form', async () => {
    const asIs = await ask(request(ordersPrompt, 'send', { references: [orders()], model: fakeModel(['ok']) }));
    const model = fakeModel(['ok']);
    const slimPrompt = `--slim ${ordersPrompt}`;
    const slim = await ask(request(slimPrompt, 'send', { references: [fileReference(slimPrompt, '#file:orders.json', workspaceUri('data', 'orders.json'))], model }));
    assert.equal(slim.metadata.slim, true);
    const body = textOf(model.requests[0][0]);
    assert.ok(body.startsWith('Which customers'), 'the flag is not sent');
    assert.match(body, /\(Schema \+ first \d+ of 400 items/, 'the minimal form is sent');
    assert.match(slim.stream.text, /slimmed, [\d,]+ tokens less: orders\.json as Schema \+ first \d+ of 400 items .*lossy/, 'and named before the answer, lossy included');
    assert.ok(slim.metadata.inputTokens! < asIs.metadata.inputTokens!, `${slim.metadata.inputTokens} < ${asIs.metadata.inputTokens}`);
  });

  test('/send carries earlier /send exchanges as chat history', async () => {
    const model = fakeModel(['Chen paid late.']);
    await ask(request('And which of them paid late?', 'send', { model }), sentTurns(ordersPrompt, 'Alice and Bob.'));
    const roles = model.requests[0].map((m) => m.role);
    assert.deepEqual(roles, [vscode.LanguageModelChatMessageRole.User, vscode.LanguageModelChatMessageRole.Assistant, vscode.LanguageModelChatMessageRole.User]);
    assert.equal(textOf(model.requests[0][1]), 'Alice and Bob.');
  });

  test('/send without consent explains what to do and fails softly', async () => {
    const model = fakeModel([], vscode.LanguageModelError.NoPermissions('user declined'));
    const { stream, result, metadata } = await ask(request('Summarise the release notes.', 'send', { model }));
    assert.equal(metadata.sent, false);
    assert.match(stream.text, /MVP may not use Fake GPT-4o yet\. Allow it when VS Code asks/);
    assert.match(result.errorDetails?.message ?? '', /may not use/);
  });

  test('/send with no model available says so and does nothing else', async () => {
    const available = await vscode.lm.selectChatModels();
    const { stream, metadata } = await ask(request('Summarise the release notes.', 'send', { model: null }));
    if (available.length === 0) {
      assert.equal(metadata.sent, false);
      assert.match(stream.text, /No language model is available/);
    } else {
      assert.notEqual(metadata.command, 'help', 'a model of this editor was used instead');
    }
  });

  test('without a prompt or with an unknown command it explains the commands', async () => {
    assert.match((await ask(request('   ', 'check'))).stream.text, /@mvp \/check/);
    assert.match((await ask(request('hello', 'explain'))).stream.text, /Unknown command `\/explain`/);
  });
});
