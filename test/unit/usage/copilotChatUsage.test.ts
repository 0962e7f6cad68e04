import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runUsage } from '../../../src/cli/commands/usage';
import { CopilotChatUsageReader } from '../../../src/core/usage/copilotChatUsageReader';
import { candidateLogRoots, listLogFiles, vscodeChatProject } from '../../../src/core/usage/logDiscovery';
import { readChatSessionText } from '../../../src/core/usage/vscodeChatSessionFile';
import { collectUsage } from '../../../src/core/usage/collectUsage';
import { summariseRecentUsage } from '../../../src/core/usage/recentUsage';
import { ESTIMATED_LABEL, type UsageRecord } from '../../../src/core/usage/usageRecord';
import { createProfileRegistry, loadBuiltinProfiles } from '../../../src/core/profiles';
import { countForProfile } from '../../../src/core/tokens/countForProfile';
import { buildAgentUsage } from '../../../src/extension/energyPanel/sections/agentUsage';
import { agentWeekMarkdown } from '../../../src/extension/statusBar/agentWeekTooltip';
import { inUtc, SYNTHETIC } from './usageTestKit';

/** The synthetic VS Code user data (constructed from VS Code's published schema: fixtures README). */
const FIXTURE = path.join(SYNTHETIC, 'copilot-chat');
/** Its session files, relative to the user data folder (~/.config on Linux), in the order they are listed (path.join makes the separators the platform's). */
const SESSION_FILES = {
  emptyWindow: path.join(
    'Code - Insiders/User/globalStorage/emptyWindowChatSessions/2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5f73.json',
  ),
  /** A snapshot of the log below, in another workspace. */
  copiedSnapshot: path.join(
    'Code/User/workspaceStorage/0f1e2d3c4b5a69788796a5b4c3d2e1f0/chatSessions/9d2e4f61-7a8b-4c9d-8e0f-1a2b3c4d5e62.json',
  ),
  snapshot: path.join(
    'Code/User/workspaceStorage/a1b2c3d4e5f60718293a4b5c6d7e8f90/chatSessions/5f0c2a4e-1b7d-4c1e-9a53-0d7c2e6b9a11.json',
  ),
  log: path.join(
    'Code/User/workspaceStorage/a1b2c3d4e5f60718293a4b5c6d7e8f90/chatSessions/9d2e4f61-7a8b-4c9d-8e0f-1a2b3c4d5e62.jsonl',
  ),
};
const SNAPSHOT = path.join(FIXTURE, SESSION_FILES.snapshot);
const LOG = path.join(FIXTURE, SESSION_FILES.log);

/** A stand-in tokenizer for reader tests: one token per word, so expected counts are easy to state. */
const words = (_model: string, text: string) => (text.trim() === '' ? 0 : text.trim().split(/\s+/).length);

function read(file: string): { reader: CopilotChatUsageReader; records: UsageRecord[] } {
  const reader = new CopilotChatUsageReader(path.basename(file).replace(/\.jsonl?$/, ''), words);
  const records = reader.readSessionText(readFileSync(file, 'utf8'), file.endsWith('.jsonl') ? 'jsonl' : 'json');
  return { reader, records };
}

interface Box {
  home: string;
  environment: { env: Record<string, string | undefined>; home: string; platform: NodeJS.Platform };
  cleanup(): void;
}

/** A fresh HOME whose ~/.config holds the VS Code user data of the fixture (Linux layout). */
function makeBox(): Box {
  const home = mkdtempSync(path.join(os.tmpdir(), 'mvp-copilot-home-'));
  cpSync(FIXTURE, path.join(home, '.config'), { recursive: true });
  const env = {
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    MVP_CACHE_DIR: path.join(home, 'cache'),
  };
  return {
    home,
    environment: { env, home, platform: 'linux' },
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

const registry = () => createProfileRegistry(loadBuiltinProfiles());

describe('VS Code Copilot Chat sessions', () => {
  let tz: { restore(): void };
  beforeEach(() => (tz = inUtc()));
  afterEach(() => tz.restore());

  describe('the session file formats', () => {
    it('replays the mutation log: initial state, set, push with truncation, delete; a line being written is left alone', () => {
      const text = [
        '{"kind":0,"v":{"sessionId":"s","requests":[{"requestId":"a"},{"requestId":"b"}],"title":"x"}}',
        '{"kind":2,"k":["requests"],"v":[{"requestId":"c"}],"i":1}',
        '{"kind":1,"k":["requests",1,"response"],"v":[{"value":"hi"}]}',
        '{"kind":3,"k":["title"]}',
        'not json',
        '{"kind":1,"k":["requests",7,"x"],"v":1}',
        '{"kind":9}',
        '{"kind":1,"k":["requests",0,"requestId"],"v":"half-writ',
      ].join('\n');
      const { state, malformed, skipped } = readChatSessionText(text, 'jsonl');
      assert.deepEqual(state, {
        sessionId: 's',
        requests: [{ requestId: 'a' }, { requestId: 'c', response: [{ value: 'hi' }] }],
      });
      assert.equal(malformed, 1);
      assert.deepEqual(skipped, { 'entry whose path does not resolve': 1, 'entry kind 9': 1 });
    });

    it('a compacted log starts again from a new initial state', () => {
      const text =
        '{"kind":0,"v":{"requests":[{"requestId":"old"}]}}\n{"kind":0,"v":{"requests":[{"requestId":"new"}]}}\n';
      assert.deepEqual(readChatSessionText(text, 'jsonl').state, { requests: [{ requestId: 'new' }] });
    });

    it('reads a snapshot (.json) as the same state the log replays to', () => {
      const copy = path.join(FIXTURE, SESSION_FILES.copiedSnapshot);
      const fromLog = read(LOG).records;
      const fromSnapshot = read(copy).records;
      assert.deepEqual(fromSnapshot, fromLog);
    });
  });

  describe('the reader', () => {
    it('uses recorded tokens where VS Code recorded the whole turn: modelTotals per model, or one model call', () => {
      const { reader, records } = read(LOG);
      assert.equal(reader.sessionId, '9d2e4f61-7a8b-4c9d-8e0f-1a2b3c4d5e62');
      assert.deepEqual(
        records.map((r) => [r.model, r.tokens.input, r.tokens.cacheRead, r.tokens.output, r.estimated ?? false]),
        [
          // One model call: VS Code's promptTokens + completionTokens (Copilot's resolved model).
          ['claude-sonnet-4.5', 18432, 0, 512, false],
          // modelTotals: cached tokens are inside inputTokens; each model of the turn is a record.
          ['claude-sonnet-4.5', 60210 - 41000, 41000, 1890, false],
          ['gpt-5-mini', 9000, 0, 300, false],
        ],
      );
      assert.deepEqual(
        records.map((r) => r.dedupKey),
        [
          'copilot-chat:9d2e4f61-7a8b-4c9d-8e0f-1a2b3c4d5e62:request_a1c2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e63',
          'copilot-chat:9d2e4f61-7a8b-4c9d-8e0f-1a2b3c4d5e62:request_b2d3f4a5-6b7c-4d8e-9f0a-1b2c3d4e5f64:claude-sonnet-4.5',
          'copilot-chat:9d2e4f61-7a8b-4c9d-8e0f-1a2b3c4d5e62:request_b2d3f4a5-6b7c-4d8e-9f0a-1b2c3d4e5f64:gpt-5-mini',
        ],
      );
      assert.equal(reader.unneeded['request still running'], 1, 'the third request has not finished');
    });

    it('does not tokenize a session whose turns all have recorded usage', () => {
      let calls = 0;
      const reader = new CopilotChatUsageReader('x', (model, text) => {
        calls++;
        return words(model, text);
      });
      assert.equal(reader.readSessionText(readFileSync(LOG, 'utf8'), 'jsonl').length, 3);
      assert.equal(calls, 0);
    });

    it('estimates the rest from text: history + message + attached text in, answer + thinking + edits out', () => {
      const session = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
      const [first, second] = session.requests;
      const { reader, records } = read(SNAPSHOT);
      assert.ok(
        records.every((r) => r.estimated === true),
        'no request of this session has recorded tokens for the whole turn',
      );
      const answer1 = first.response
        .filter((p: { value?: string }) => typeof p.value === 'string')
        .map((p: { value: string }) => p.value)
        .join('');
      const pasted = first.variableData.variables[1].value;
      assert.deepEqual(records[0], {
        time: Date.parse('2026-11-02T09:01:00Z'),
        model: 'gpt-4.1',
        tokens: {
          input: words('', first.message.text) + words('', pasted),
          output: words('', answer1),
          cacheCreation: 0,
          cacheRead: 0,
          reasoning: 0,
        },
        dedupKey: 'copilot-chat:5f0c2a4e-1b7d-4c1e-9a53-0d7c2e6b9a11:request_6a1f0e2d-3c4b-4a59-8e71-1f2a3b4c5d61',
        estimated: true,
      });
      // The agent turn made three model calls: Copilot's promptTokens/outputTokens describe only the
      // last one, so the turn is estimated. Its input resends the first turn (message and answer).
      const thinking = second.response[0].value;
      const edits =
        "import { fetchWithRetry } from './retry';\n" + '  const orders = await fetchWithRetry(`${base}/orders`);';
      const closing = second.response[4].value;
      assert.equal(records[1].model, 'claude-sonnet-4', "Copilot's resolved model");
      assert.equal(
        records[1].tokens.input,
        words('', first.message.text) + words('', answer1) + words('', second.message.text),
      );
      assert.equal(records[1].tokens.reasoning, words('', thinking));
      assert.equal(records[1].tokens.output, words('', edits + closing) + words('', thinking));
      assert.equal(
        reader.unneeded['attachment named without its text'],
        1,
        'the implicit selection is stored as a URI only',
      );
    });

    it('a request naming no model is "unknown"; one without recorded usage for a single call is estimated', () => {
      const file = path.join(FIXTURE, SESSION_FILES.emptyWindow);
      const { records } = read(file);
      assert.deepEqual(
        records.map((r) => [r.model, r.estimated ?? false, r.tokens.input, r.tokens.output]),
        [
          ['gpt-5-mini', false, 1220, 41],
          [
            'unknown',
            true,
            // The conversation so far includes the first turn, recorded or not.
            words('', 'What does HTTP 429 mean?') +
              words(
                '',
                '**429 Too Many Requests**: the server is rate limiting you. Wait for the time in `Retry-After`, then try again.',
              ) +
              words('', 'And 503?'),
            words('', '**503 Service Unavailable**: the server is down or overloaded for now; retry later.'),
          ],
        ],
      );
    });

    it('tolerates what it does not know: other fields, a damaged file, a file without requests', () => {
      const reader = new CopilotChatUsageReader('x', words);
      assert.deepEqual(reader.readSessionText('{"requests": [', 'json'), []);
      assert.equal(reader.malformedLines, 1);
      assert.deepEqual(reader.readSessionText('{"version": 9, "somethingNew": {}}', 'json'), []);
      assert.equal(reader.unneeded['session without requests'], 1);
      const records = reader.readSessionText(
        JSON.stringify({
          sessionId: 's',
          requests: [
            {
              requestId: 'r',
              timestamp: 1,
              newField: [1],
              message: { text: 'a b' },
              response: [{ kind: 'somethingNew', value: 'x' }, { value: 'c d e' }],
            },
          ],
        }),
        'json',
      );
      assert.deepEqual(records[0].tokens, { input: 2, output: 3, cacheCreation: 0, cacheRead: 0, reasoning: 0 });
    });
  });

  describe('discovery', () => {
    it('looks in every VS Code flavour on Linux, macOS and Windows, code-server and empty windows', () => {
      const dirs = (platform: NodeJS.Platform, env: Record<string, string> = {}) =>
        candidateLogRoots({ env, home: '/h', platform })
          .filter((r) => r.agent === 'copilot-chat')
          .map((r) => r.dir);
      const linux = dirs('linux');
      for (const flavour of ['Code', 'Code - Insiders', 'VSCodium', 'Cursor'])
        assert.ok(linux.includes(path.join('/h/.config', flavour, 'User', 'workspaceStorage')), flavour);
      assert.ok(linux.includes(path.join('/h/.config/Code/User/globalStorage/emptyWindowChatSessions')));
      assert.ok(linux.includes(path.join('/h/.local/share/code-server/User/workspaceStorage')));
      assert.ok(dirs('linux', { XDG_CONFIG_HOME: '/x' }).includes(path.join('/x/Code/User/workspaceStorage')));
      assert.ok(
        dirs('darwin').includes(path.join('/h/Library/Application Support/Code - Insiders/User/workspaceStorage')),
      );
      const windows = dirs('win32', { APPDATA: '/h/AppData/Roaming' });
      assert.ok(windows.includes(path.join('/h/AppData/Roaming/Code/User/workspaceStorage')));
      assert.ok(!windows.some((d) => d.includes('code-server')));
      assert.ok(dirs('linux', { VSCODE_PORTABLE: '/p' }).includes(path.join('/p/user-data/User/workspaceStorage')));
    });

    it('lists the session files only (not other extensions’ workspace storage) and names their project', () => {
      const box = makeBox();
      try {
        const roots = candidateLogRoots(box.environment).filter((r) => r.agent === 'copilot-chat');
        const files = listLogFiles(roots).map((f) => path.relative(path.join(box.home, '.config'), f.path));
        assert.deepEqual(files, [
          SESSION_FILES.emptyWindow,
          SESSION_FILES.copiedSnapshot,
          SESSION_FILES.snapshot,
          SESSION_FILES.log,
        ]);
        assert.equal(vscodeChatProject(SNAPSHOT), '/home/dev/shop-api');
        assert.equal(
          vscodeChatProject(path.join(FIXTURE, 'Code', 'User', 'globalStorage', 'emptyWindowChatSessions', 'x.json')),
          '(empty window)',
        );
        assert.equal(
          vscodeChatProject(path.join(box.home, 'workspaceStorage', 'abc', 'chatSessions', 'x.json')),
          '(workspace abc)',
        );
      } finally {
        box.cleanup();
      }
    });
  });

  describe('the report', () => {
    let box: Box;
    beforeEach(() => (box = makeBox()));
    afterEach(() => box.cleanup());

    const collect = (grouping: 'daily' | 'session' = 'daily', cacheDir?: string) =>
      collectUsage({
        environment: box.environment,
        registry: registry(),
        grouping,
        agents: ['copilot-chat'],
        cacheDir,
      });

    it('recorded totals hold recorded tokens only; estimated ones are summed apart; copies of a session count once', () => {
      const { report } = collect();
      assert.deepEqual(report.totals.tokens, {
        input: 18432 + 19210 + 9000 + 1220,
        output: 512 + 1890 + 300 + 41,
        cacheCreation: 0,
        cacheRead: 41000,
        reasoning: 0,
      });
      assert.equal(report.totals.requests, 4);
      assert.equal(report.estimatedTotals?.requests, 3);
      assert.ok(report.estimatedTotals!.tokens.input > 0 && report.estimatedTotals!.tokens.output > 0);
      assert.ok(report.estimatedTotals!.energy.wh.central > 0);
      const source = report.sources.find((s) => s.agent === 'copilot-chat')!;
      assert.deepEqual(
        [source.files, source.requests, source.estimatedRequests, source.duplicatesSkipped],
        [4, 4, 3, 3],
      );
      // Every group's own figures are recorded; its estimated figures are beside them.
      const nov2 = report.groups.find((g) => g.key === '2026-11-02')!;
      assert.equal(nov2.requests, 0);
      assert.equal(nov2.estimated?.requests, 2);
      assert.ok(nov2.models.every((m) => m.estimated === true));
      const sum = report.groups.reduce((n, g) => n + g.tokens.input, 0);
      assert.equal(sum, report.totals.tokens.input);
      // Only sessions with recorded requests are ranked and coached.
      assert.deepEqual(report.heaviestSessions.map((s) => s.key).sort(), [
        'copilot-chat:2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5f73',
        'copilot-chat:9d2e4f61-7a8b-4c9d-8e0f-1a2b3c4d5e62',
      ]);
    });

    it('counts with the model’s tokenizer, the labelled default profile for an unknown model', () => {
      const { report, calculator } = collect('session');
      const session = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
      const first = session.requests[0];
      const profile = calculator.model('gpt-4.1').profile;
      const gpt41 = report.groups.flatMap((g) => g.models).find((m) => m.model === 'gpt-4.1')!;
      assert.equal(gpt41.estimated, true);
      assert.equal(
        gpt41.tokens.input,
        countForProfile(profile, first.message.text).tokens +
          countForProfile(profile, first.variableData.variables[1].value).tokens,
      );
      const unknown = report.groups.flatMap((g) => g.models).find((m) => m.model === 'unknown')!;
      assert.equal(unknown.estimated, true);
      assert.equal(unknown.profile, 'unknown-frontier');
    });

    it('a run from the cache reports the same; a session file that changes is read again', () => {
      const cacheDir = path.join(box.home, 'cache');
      const first = collect('daily', cacheDir);
      const second = collect('daily', cacheDir);
      assert.equal(second.scan.counts.cached, 4);
      assert.deepEqual(second.report, first.report);
      // VS Code appends the request that was running when it finishes.
      const log = path.join(box.home, '.config', path.relative(FIXTURE, LOG));
      const done = [
        '{"kind":2,"k":["requests",2,"response"],"v":[{"value":"Added a test that expects the fifth failure to throw."}]}',
        '{"kind":1,"k":["requests",2,"promptTokens"],"v":30000}',
        '{"kind":1,"k":["requests",2,"completionTokens"],"v":400}',
        '{"kind":1,"k":["requests",2,"modelState"],"v":{"value":1,"completedAt":1793806000000}}',
      ];
      writeFileSync(log, readFileSync(log, 'utf8') + done.join('\n') + '\n');
      const third = collect('daily', cacheDir);
      assert.equal(third.scan.counts.read, 1);
      assert.equal(third.report.totals.requests, 5);
      assert.equal(third.report.totals.tokens.input, first.report.totals.tokens.input + 30000);
    });

    it('this week in the editor: an estimated row of its own, left out of the total', () => {
      const { report } = collect();
      const recent = summariseRecentUsage(report.groups, new Date('2026-11-04T12:00:00Z'));
      const estimated = recent.agents.find((a) => a.estimated)!;
      assert.equal(estimated.name, `VS Code Copilot Chat (${ESTIMATED_LABEL})`);
      const recorded = recent.agents.find((a) => !a.estimated)!;
      assert.equal(recent.totals.week.requests, recorded.week.requests);
      assert.equal(recent.estimatedTotals?.week.requests, estimated.week.requests);
      assert.equal(recent.agents[recent.agents.length - 1], estimated, 'estimated rows come after the recorded ones');
    });

    it('the panel, the tooltip and the report show the estimated row apart and labelled', () => {
      const recent = summariseRecentUsage(collect().report.groups, new Date('2026-11-04T12:00:00Z'));
      const panel = buildAgentUsage({ status: 'ready', recent, readAt: 0 })!;
      assert.deepEqual(
        panel.rows.map((r) => r.name),
        ['VS Code Copilot Chat', `VS Code Copilot Chat (${ESTIMATED_LABEL})`],
      );
      assert.match(panel.note, /Copilot Chat rows are estimated from text — Copilot does not record tokens/);
      const tooltip = agentWeekMarkdown(recent)!;
      assert.match(tooltip, /from their local logs: VS Code Copilot Chat\): [\d,]+ tokens in 4 requests/);
      assert.match(tooltip, new RegExp(`VS Code Copilot Chat \\(${ESTIMATED_LABEL}\\): [\\d,]+ tokens in 3 requests`));
    });

    it('mvp usage --agent copilot: a labelled table apart from the recorded one; JSON estimatedTotals', async () => {
      const run = async (args: string[]) => {
        let out = '';
        await runUsage(args, { stdout: (s) => (out += s), stderr: () => undefined, cwd: box.home }, box.environment);
        return out;
      };
      const text = await run(['--agent', 'copilot']);
      assert.match(text, /VS Code Copilot Chat \(4 files, 4 requests recorded, 3 requests estimated from text\)/);
      assert.match(text, new RegExp(`VS Code Copilot Chat, ${ESTIMATED_LABEL} \\(not in the total above\\):`));
      assert.match(
        text,
        /unknown \(the log names no model\): 1 requests estimated from text — Copilot does not record tokens, profile unknown-frontier \(the labelled default\)/,
      );
      const json = JSON.parse(await run(['--agent', 'copilot-chat', '--format', 'json']));
      assert.equal(json.estimatedTotals.label, ESTIMATED_LABEL);
      assert.equal(json.estimatedTotals.requests, 3);
      assert.equal(json.totals.requests, 4);
      assert.ok(json.periods.some((p: { estimated?: unknown }) => p.estimated));
    });
  });
});
