import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseAgentContext } from '../../../src/core/agentContext/analyseAgentContext';
import { baselineItemsFor, baselineOf } from '../../../src/core/agentContext/builtinLoad';
import { recentCopilotFirstRequests } from '../../../src/core/agentContext/copilotChatLogs';
import { createProfileRegistry, loadBuiltinProfiles } from '../../../src/core/profiles';
import { countForProfile } from '../../../src/core/tokens/countForProfile';
import { singleCallPromptTokens } from '../../../src/core/usage/copilotChatUsageReader';
import { main } from '../../../src/cli/main';

const SYNTHETIC = path.join(__dirname, '..', '..', 'fixtures', 'agent-logs', 'synthetic', 'copilot-chat');
const count = (text: string) =>
  countForProfile(createProfileRegistry(loadBuiltinProfiles()).get('gpt-4o')!, text).tokens;

interface Layout {
  root: string;
  home: string;
  project: string;
  env: Record<string, string | undefined>;
  cache: string;
}

function layout(): Layout {
  const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-copilot-load-'));
  const home = path.join(root, 'home');
  const project = path.join(root, 'work', 'shop');
  fs.mkdirSync(project, { recursive: true });
  return { root, home, project, env: { XDG_CONFIG_HOME: path.join(home, '.config') }, cache: path.join(root, 'cache') };
}

function write(file: string, text: string, modifiedSeconds?: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  if (modifiedSeconds !== undefined) fs.utimesSync(file, modifiedSeconds, modifiedSeconds);
}

/** A VS Code workspace storage folder naming `folder`, under the Linux user data of `flavour`. */
function storage(t: Layout, id: string, folder: string, flavour = 'Code'): string {
  const dir = path.join(t.home, '.config', flavour, 'User', 'workspaceStorage', id);
  write(path.join(dir, 'workspace.json'), JSON.stringify({ folder: `file://${folder}` }));
  return path.join(dir, 'chatSessions');
}

const MESSAGE = 'Why does the orders test time out?';
const PASTED = 'export const timeout = 2000;\n';
const DAY = Date.UTC(2026, 10, 20);

/** A first request as VS Code records it; `extra` adds the recorded usage. */
function request(extra: Record<string, unknown>, variables: unknown[] = []): Record<string, unknown> {
  return {
    requestId: 'request_1',
    timestamp: DAY,
    message: { text: MESSAGE, parts: [] },
    agent: { extensionVersion: '0.31.0', id: 'github.copilot.editsAgent' },
    modelId: 'copilot/gpt-4.1',
    modeInfo: { kind: 'agent' },
    variableData: { variables },
    response: [{ value: 'Use fake timers.' }],
    modelState: { value: 1 },
    ...extra,
  };
}

function snapshot(sessionId: string, first: Record<string, unknown>): string {
  return JSON.stringify({ version: 3, sessionId, requests: [first, request({ requestId: 'request_2' })] });
}

describe('agent context: Copilot built-in load learned from VS Code chat sessions', () => {
  it('takes the median first request of single-call turns, minus the items, the message and its attachments', async () => {
    const t = layout();
    write(path.join(t.project, '.github', 'copilot-instructions.md'), 'Answer in British English.\n');
    const chats = storage(t, 'aaaa', t.project);
    const pasted = { id: 'vscode.paste', name: 'Pasted text', value: PASTED, kind: 'string' };
    // modelTotals of one model (cached tokens are inside inputTokens), as a mutation log.
    write(
      path.join(chats, 's1.jsonl'),
      `{"kind":0,"v":${JSON.stringify({ version: 3, sessionId: 's1', requests: [] })}}\n` +
        `{"kind":2,"k":["requests"],"v":[${JSON.stringify(
          request({ modelTotals: [{ model: 'gpt-4.1', inputTokens: 9000, cachedTokens: 4000, outputTokens: 80 }] }, [
            pasted,
          ]),
        )}]}\n`,
      1000,
    );
    // VS Code's usage fields of a single-call turn.
    write(
      path.join(chats, 's2.json'),
      snapshot('s2', request({ promptTokens: 9400, completionTokens: 50 }, [pasted])),
      1001,
    );
    // Copilot's own metadata (Anthropic models).
    write(
      path.join(chats, 's3.json'),
      snapshot(
        's3',
        request({ result: { metadata: { promptTokens: 9200, outputTokens: 40, resolvedModel: 'gpt-4.1' } } }, [pasted]),
      ),
      1002,
    );
    // Left out: a first turn of three model calls (the tokens describe the last one).
    write(
      path.join(chats, 's4.json'),
      snapshot(
        's4',
        request({ result: { metadata: { promptTokens: 30000, outputTokens: 9, toolCallRounds: [{}, {}, {}] } } }),
      ),
      1003,
    );
    // Left out: a file attached by URI only (its size is unknown).
    write(
      path.join(chats, 's5.json'),
      snapshot('s5', request({ promptTokens: 15000, completionTokens: 9 }, [{ kind: 'file', value: { uri: {} } }])),
      1004,
    );
    // Another folder's sessions are not read.
    write(
      path.join(storage(t, 'bbbb', path.join(t.root, 'other')), 'o1.json'),
      snapshot('o1', request({ promptTokens: 1 })),
    );

    const context = await analyseAgentContext({
      folder: t.project,
      agent: 'vscode',
      home: t.home,
      env: t.env,
      cacheDir: t.cache,
    });
    const learned = context.items.filter((i) => i.source === 'learned');
    assert.equal(learned.length, 1);
    const fromFolder = context.items.filter((i) => i.source !== 'learned').reduce((n, i) => n + i.tokens, 0);
    assert.ok(fromFolder > 0, 'the instructions file is counted');
    assert.equal(learned[0].tokens, 9200 - fromFolder - count(MESSAGE) - count(PASTED));
    assert.equal(learned[0].name, 'Copilot built-in load (system prompt, tools, context)');
    assert.match(
      learned[0].origin,
      /median over 3 VS Code chat session\(s\) of this folder \(model gpt-4\.1; 2026-11-20; Copilot Chat 0\.31\.0; agent mode\)/,
    );
    const leftOut = context.notes.find((n) => n.startsWith('VS Code chat sessions left out'));
    assert.match(leftOut ?? '', /1 first turn made several model calls/);
    assert.match(leftOut ?? '', /1 first message attached a file the log names without its text/);
    assert.ok(!context.notes.some((n) => /baseline/.test(n)), 'no baseline when the logs tell');

    const inEditor = await analyseAgentContext({
      folder: t.project,
      agent: 'vscode',
      home: t.home,
      env: t.env,
      cacheDir: t.cache,
      editorTools: [{ name: 'read_file', description: 'Read a file.', inputSchema: { type: 'object' } }],
    });
    const editorTools = inEditor.items.find((i) => i.source === 'editor')!;
    const learnedInEditor = inEditor.items.find((i) => i.source === 'learned')!;
    assert.equal(
      learnedInEditor.tokens,
      learned[0].tokens - editorTools.tokens,
      'the editor-reported tools are not counted twice',
    );
    assert.match(learnedInEditor.name, /tools counted below/);

    const noLogs = await analyseAgentContext({
      folder: t.project,
      agent: 'vscode',
      home: t.home,
      env: t.env,
      cacheDir: t.cache,
      useLogs: false,
    });
    assert.ok(!noLogs.items.some((i) => i.source === 'learned'));
    fs.rmSync(t.root, { recursive: true, force: true });
  });

  it('reads the most recent sessions only, and each session once', () => {
    const t = layout();
    const chats = storage(t, 'aaaa', t.project);
    for (let i = 0; i < 5; i++)
      write(path.join(chats, `s${i}.json`), snapshot(`s${i}`, request({ promptTokens: 1000 + i })), 2000 + i);
    // The same session kept both as a snapshot and in another flavour's storage of the same folder.
    write(
      path.join(storage(t, 'cccc', t.project, 'Code - Insiders'), 's4.json'),
      snapshot('s4', request({ promptTokens: 1004 })),
      2005,
    );
    const facts = recentCopilotFirstRequests(t.project, { env: t.env, home: t.home, platform: 'linux' }, 3);
    assert.deepEqual(
      facts.firstRequests.map((r) => r.promptTokens),
      [1004, 1003, 1002],
    );
    fs.rmSync(t.root, { recursive: true, force: true });
  });

  it('replays a long mutation log only until its second request, when that is within the first MiB', () => {
    const t = layout();
    const chats = storage(t, 'aaaa', t.project);
    const answer = 'x'.repeat(64 * 1024);
    const lines = [
      { kind: 0, v: { version: 3, sessionId: 'long', requests: [] } },
      { kind: 2, k: ['requests'], v: [request({ promptTokens: 7000, completionTokens: 5 })] },
      { kind: 2, k: ['requests'], v: [request({ requestId: 'request_2' })] },
      ...Array.from({ length: 40 }, () => ({ kind: 1, k: ['requests', 1, 'response'], v: [{ value: answer }] })),
      // Never reached: a later entry is not replayed once the first request is known to be finished.
      { kind: 1, k: ['requests', 0, 'promptTokens'], v: 1 },
    ];
    write(path.join(chats, 'long.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    assert.ok(fs.statSync(path.join(chats, 'long.jsonl')).size > 2 * 1024 * 1024);
    const facts = recentCopilotFirstRequests(t.project, { env: t.env, home: t.home, platform: 'linux' });
    assert.deepEqual(
      facts.firstRequests.map((r) => r.promptTokens),
      [7000],
    );
    fs.rmSync(t.root, { recursive: true, force: true });
  });

  it('learns from the synthetic chat sessions of /home/dev/shop-api (the usage fixtures)', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mvp-copilot-fixture-'));
    fs.cpSync(SYNTHETIC, path.join(home, '.config'), { recursive: true });
    const env = { XDG_CONFIG_HOME: path.join(home, '.config') };
    const facts = recentCopilotFirstRequests('/home/dev/shop-api', { env, home, platform: 'linux' });
    // The mutation log's first turn is one model call with VS Code's promptTokens; the snapshot's
    // first turn (Ask, no usage) cannot tell; the `.code-workspace` storage is another project.
    assert.deepEqual(
      facts.firstRequests.map((r) => [r.model, r.promptTokens, r.userText, r.extensionVersion, r.mode]),
      [['claude-sonnet-4.5', 18432, 'Why does the orders test time out on CI?', '0.31.0', 'agent']],
    );
    assert.deepEqual(facts.leftOut, { 'first turn made several model calls or recorded no usage': 1 });
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('a turn of several models or several calls tells nothing about the first call', () => {
    assert.equal(singleCallPromptTokens({ promptTokens: 10, completionTokens: 1 }), 10);
    assert.equal(
      singleCallPromptTokens({
        modelTotals: [
          { model: 'a', inputTokens: 10, outputTokens: 1 },
          { model: 'b', inputTokens: 5, outputTokens: 1 },
        ],
      }),
      undefined,
    );
    assert.equal(
      singleCallPromptTokens({ promptTokens: 10, response: [{ kind: 'toolInvocationSerialized' }] }),
      undefined,
    );
    assert.equal(singleCallPromptTokens({}), undefined);
  });

  describe('without logs: the baseline derived from the published source', () => {
    it('picks the prompt of the model family, and says it is derived, not measured', async () => {
      const t = layout();
      const context = await analyseAgentContext({
        folder: t.project,
        agent: 'vscode',
        model: 'gpt-5-mini',
        home: t.home,
        env: t.env,
        cacheDir: t.cache,
      });
      const baseline = context.items.filter((i) => i.source === 'baseline');
      assert.deepEqual(
        baseline.map((i) => [i.kind, i.name]),
        [
          ['system', 'Copilot agent-mode system prompt (gpt-5-mini prompt)'],
          ['messages', 'Copilot context (environment, workspace, memory, reminders)'],
        ],
      );
      const shipped = baselineOf('vscode')!.itemsByModelFamily!['gpt-5-mini'];
      assert.deepEqual(
        baseline.map((i) => i.tokens),
        shipped.map((i) => i.tokensByEncoding.o200k_base),
        'gpt-5-mini counts in o200k_base: the shipped counts as they are',
      );
      assert.match(
        baseline[0].origin,
        /derived from Copilot Chat [\d.]+'s published source .*not measured with the client/,
      );
      assert.match(baseline[0].origin, /microsoft\/vscode-copilot-chat at [0-9a-f]{12}/);
      assert.ok(context.notes.some((n) => /tool schemas are not counted outside the editor/.test(n)));

      const inEditor = await analyseAgentContext({
        folder: t.project,
        agent: 'vscode',
        model: 'gpt-5-mini',
        home: t.home,
        env: t.env,
        cacheDir: t.cache,
        editorTools: [{ name: 'read_file', description: 'Read a file.', inputSchema: { type: 'object' } }],
      });
      assert.ok(!inEditor.notes.some((n) => /not counted outside the editor/.test(n)));
      fs.rmSync(t.root, { recursive: true, force: true });
    });

    it("maps models to Copilot's prompt families: longest prefix, else the vendor's prompt, else the default", () => {
      const baseline = baselineOf('vscode')!;
      const family = (model: string) => baselineItemsFor(baseline, model).family;
      assert.equal(family('claude-sonnet-4-5'), 'claude-sonnet-4.5');
      assert.equal(family('claude-opus-4-1'), 'claude-sonnet-4.5', 'another Claude: the Anthropic prompt');
      assert.equal(family('gpt-5-mini'), 'gpt-5-mini');
      assert.equal(family('gpt-5'), 'gpt-5');
      assert.equal(family('gpt-4o'), 'gpt-4.1', "OpenAI's default agent prompt");
      assert.equal(family('gemini-2.5-pro'), 'gemini-2.0-flash');
      assert.equal(family('llama-3.1-70b'), 'default');
      for (const items of Object.values(baseline.itemsByModelFamily!))
        for (const item of items) assert.ok(item.tokensByEncoding.o200k_base > 0 && item.characters > 0);
    });
  });

  describe('mvp context --agent vscode', () => {
    const saved = {
      HOME: process.env.HOME,
      XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME,
      MVP_CACHE_DIR: process.env.MVP_CACHE_DIR,
    };
    afterEach(() => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    async function run(args: string[]): Promise<{ code: number; stdout: string }> {
      let stdout = '';
      const code = await main(args, {
        stdout: (s) => (stdout += s),
        stderr: () => {},
        cwd: process.cwd(),
        readStdin: async () => '',
      });
      return { code, stdout };
    }

    it('says in text and JSON whether the built-in load is learned from the sessions or derived from the source', async () => {
      const t = layout();
      Object.assign(process.env, { HOME: t.home, XDG_CONFIG_HOME: t.env.XDG_CONFIG_HOME, MVP_CACHE_DIR: t.cache });
      write(
        path.join(storage(t, 'aaaa', t.project), 's1.json'),
        snapshot('s1', request({ promptTokens: 9000, completionTokens: 5 })),
      );

      const json = await run(['context', t.project, '--agent', 'vscode', '--format', 'json']);
      assert.equal(json.code, 0);
      const learned = JSON.parse(json.stdout).items.filter((i: { source: string }) => i.source === 'learned');
      assert.equal(learned.length, 1);
      assert.match(learned[0].origin, /learned from your logs: median over 1 VS Code chat session/);
      assert.equal(learned[0].tokens, 9000 - count(MESSAGE));

      const text = await run(['context', t.project, '--agent', 'vscode']);
      assert.match(text.stdout, /Copilot built-in load \(system prompt, tools, context\)/);
      assert.match(
        text.stdout,
        /Note: built-in load learned from 1 VS Code chat session\(s\) of this folder \(model gpt-4\.1; 2026-11-20/,
      );

      const noLogs = await run(['context', t.project, '--agent', 'vscode', '--no-logs', '--format', 'json']);
      const parsed = JSON.parse(noLogs.stdout);
      assert.deepEqual([...new Set(parsed.items.map((i: { source: string }) => i.source))], ['baseline']);
      assert.ok(
        parsed.notes.some((n: string) =>
          /^built-in load: baseline derived from Copilot Chat [\d.]+'s published source/.test(n),
        ),
      );
      fs.rmSync(t.root, { recursive: true, force: true });
    });
  });
});
