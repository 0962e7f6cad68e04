/**
 * The agent's fixed load in the panel: the cache that measures it off the typing path, the view
 * built from a real agent context (a temporary Claude Code project with its own home and MCP
 * cache), and the controller's link to the itemised view.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseAgentContext } from '../../../src/core/agentContext/analyseAgentContext';
import { detectAgent } from '../../../src/core/agentContext/detectAgent';
import { profileRegistryFor } from '../../../src/core/analyse';
import { loadConfigFor } from '../../../src/core/config/loadConfig';
import { estimateRequest } from '../../../src/core/energy/estimator';
import { formatInteger } from '../../../src/core/format';
import {
  AgentLoadCache,
  measureAgentLoadWith,
  NO_AGENT_MESSAGE,
  type AgentLoad,
  type AgentLoadModules,
  type AgentLoadRequest,
  type AgentLoadState,
} from '../../../src/extension/energyPanel/agentLoadCache';
import { describeEquivalences } from '../../../src/extension/energyPanel/equivalenceOptions';
import { PanelController, type PanelHost } from '../../../src/extension/energyPanel/panelController';
import { parseWebviewMessage } from '../../../src/extension/energyPanel/panelProtocol';
import { buildPanelViewModel } from '../../../src/extension/energyPanel/panelViewModel';
import { buildAgentLoad } from '../../../src/extension/energyPanel/sections/agentLoad';
import type { ExtensionMessage } from '../../../src/shared/panel/messages';
import { sampleAnalysis } from './sampleAnalysis';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const CORE: AgentLoadModules = { detectAgent, analyseAgentContext, profileRegistryFor, loadConfigFor, estimateRequest };

function tempFolder(): string {
  return fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'mvp-agent-load-'));
}

/** A Claude Code project with a memory file and an MCP server whose tools were never measured, measured as the panel does. */
async function claudeProjectLoad(model: string): Promise<AgentLoad> {
  const root = tempFolder();
  const project = path.join(root, 'project');
  write(path.join(project, 'CLAUDE.md'), 'Use TypeScript strict mode. Run the tests before every commit.\n'.repeat(20));
  write(
    path.join(project, '.mcp.json'),
    JSON.stringify({ mcpServers: { files: { command: 'never-started', args: [] } } }),
  );
  const overrides = { home: path.join(root, 'home'), cacheDir: path.join(root, 'cache'), useLogs: false };
  const load = await measureAgentLoadWith(CORE, { folder: project, model, overrides });
  assert.ok('context' in load, 'a Claude Code project has a load');
  return load;
}

/** A measurement the test settles by hand. */
function deferredMeasure() {
  const calls: { request: AgentLoadRequest; settle: (result: AgentLoad | { none: string } | Error) => void }[] = [];
  const measure = (request: AgentLoadRequest) =>
    new Promise<AgentLoad | { none: string }>((resolve, reject) => {
      calls.push({ request, settle: (result) => (result instanceof Error ? reject(result) : resolve(result)) });
    });
  return { calls, measure };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('panel: the agent’s fixed load', () => {
  describe('view', () => {
    it('stacks the fixed load by kind before what you typed, with tokens, energy and sources', async () => {
      const analysis = sampleAnalysis({ modelId: 'gpt-4o' });
      const load = await claudeProjectLoad('gpt-4o');
      const view = buildAgentLoad(analysis, { status: 'ready', load })!;

      assert.equal(view.state, 'ready');
      assert.equal(view.title, 'Sent with every request by Claude Code');
      assert.match(
        view.summaryText,
        /^Claude Code sends [\d,]+ tokens \([\d.]+% of this request\) before you type a word$/,
      );
      const kinds = view.segments.map((s) => s.kind);
      // The agent's own order (system prompt, tools, …, memory …), what you typed last.
      assert.equal(kinds[kinds.length - 1], 'typed');
      assert.ok(kinds.includes('system') && kinds.includes('tools') && kinds.includes('memory'), kinds.join(', '));
      assert.ok(!kinds.includes('mcp'), 'an unmeasured server counts 0 tokens and gets no segment');
      assert.deepEqual(
        kinds.slice(0, -1),
        ['system', 'tools', 'mcp', 'memory', 'instructions', 'skills', 'messages'].filter((k) =>
          kinds.includes(k as never),
        ),
      );
      assert.ok(view.segments.every((s) => s.fixed === (s.kind !== 'typed')));

      const fixed = load.context.total.tokens;
      const typed = analysis.tokens.total;
      const memory = load.context.items.filter((i) => i.kind === 'memory').reduce((n, i) => n + i.tokens, 0);
      assert.equal(view.segments.find((s) => s.kind === 'memory')!.tokensText, formatInteger(memory));
      assert.equal(view.segments.find((s) => s.kind === 'typed')!.tokensText, formatInteger(typed));
      const sum = view.segments.reduce((n, s) => n + s.percent, 0);
      assert.ok(Math.abs(sum - 100) < 0.5, `segments add up to ${sum}`);
      assert.ok(
        Math.abs(view.segments.find((s) => s.kind === 'typed')!.percent - (100 * typed) / (fixed + typed)) < 0.1,
      );

      assert.match(
        view.fixedText,
        new RegExp(`^${formatInteger(fixed)} tokens before you type a word · .*Wh.* per request`),
      );
      // prompt = everything but the attachment (48,000) and history (none) of the sample.
      assert.equal(
        view.typedText,
        `${formatInteger(typed)} tokens: prompt ${formatInteger(typed - 48_000)} · attachments 48,000 · history 0`,
      );
      assert.match(view.totalText, new RegExp(`^${formatInteger(fixed + typed)} tokens · `));
      assert.match(view.barLabel, /^Request of [\d,]+ tokens: System prompt [\d,]+ tokens/);

      // The whole request costs more than what was typed alone, on the same model.
      const whole = load.requestWh({
        inputTokens: fixed + typed,
        outputTokens: analysis.estimate.tokens.output,
        region: analysis.estimate.grid.zone,
      });
      assert.ok(whole.central > analysis.estimate.energyWh.central);

      const sources = view.sources.join('\n');
      assert.match(sources, /Agent: Claude Code, because this folder has its files \(found CLAUDE\.md\)/);
      assert.match(sources, /Built-in load: baseline measured with claude-code [\d.]+/);
      assert.match(sources, /MCP: 1 server configured, 0 from the cache of measured tool lists, 1 not measured/);
      assert.match(sources, /never starts a server/);
      assert.match(sources, /Counted for gpt-4o/);
      assert.ok(
        view.problems.some((p) => p.startsWith('MCP server files:')),
        view.problems.join('\n'),
      );
    });

    it('says plainly when no agent is set up, while measuring, and when measuring failed', () => {
      const analysis = sampleAnalysis();
      assert.equal(buildAgentLoad(analysis, undefined), null);
      const none = buildAgentLoad(analysis, { status: 'none', reason: NO_AGENT_MESSAGE })!;
      assert.equal(none.state, 'none');
      assert.equal(none.message, NO_AGENT_MESSAGE);
      assert.deepEqual([none.segments, none.sources, none.totalText], [[], [], ''], 'no made-up load');
      assert.equal(buildAgentLoad(analysis, { status: 'loading' })!.state, 'loading');
      const error = buildAgentLoad(analysis, { status: 'error', message: 'EACCES: CLAUDE.md' })!;
      assert.match(error.message!, /Could not measure the agent’s fixed load: EACCES: CLAUDE\.md/);
    });

    it('is a panel section only while a prompt is analysed', () => {
      const today = { day: '2026-12-04', prompts: 0, inputTokens: 0, wh: 0, carbonG: 0, waterMl: 0 };
      const empty = buildPanelViewModel({ today, describeEquivalences, agentLoad: { status: 'loading' } });
      assert.equal(empty.agentLoad, null);
      const panel = { documentUri: 'file:///w/a.prompt.md', analysis: sampleAnalysis(), comparisons: [] };
      const shown = buildPanelViewModel({ panel, today, describeEquivalences, agentLoad: { status: 'loading' } });
      assert.equal(shown.agentLoad?.state, 'loading');
    });
  });

  describe('cache', () => {
    const request: AgentLoadRequest = { folder: '/w', model: 'gpt-4o' };

    it('measures once per folder and model, off the call, and says when it is done', async () => {
      const { calls, measure } = deferredMeasure();
      let changes = 0;
      const cache = new AgentLoadCache(() => changes++, measure);
      assert.deepEqual(cache.get(request), { status: 'loading' });
      assert.deepEqual(cache.get(request), { status: 'loading' });
      assert.equal(calls.length, 1, 'one measurement while one is running');
      calls[0].settle({ none: NO_AGENT_MESSAGE });
      await settled();
      assert.equal(changes, 1);
      assert.deepEqual(cache.get(request), { status: 'none', reason: NO_AGENT_MESSAGE });
      cache.get({ ...request, model: 'claude-sonnet-4-5' });
      cache.get({ ...request, folder: '/other' });
      assert.equal(calls.length, 3, 'another model or folder is another measurement');
    });

    it('keeps showing the last figures while a changed file is measured again, and drops results that predate the change', async () => {
      const { calls, measure } = deferredMeasure();
      const cache = new AgentLoadCache(() => undefined, measure);
      cache.get(request);
      calls[0].settle({ none: 'first' });
      await settled();
      cache.invalidate('/elsewhere');
      assert.deepEqual(cache.get(request), { status: 'none', reason: 'first' }, 'another folder changed: still fresh');
      assert.equal(calls.length, 1);

      cache.invalidate('/w');
      assert.deepEqual(cache.get(request), { status: 'none', reason: 'first' }, 'stale but shown until measured again');
      assert.equal(calls.length, 2);
      cache.invalidate(); // changed again while measuring: the running result is out of date
      cache.get(request);
      assert.equal(calls.length, 3);
      calls[1].settle({ none: 'out of date' });
      calls[2].settle({ none: 'current' });
      await settled();
      assert.deepEqual(cache.get(request), { status: 'none', reason: 'current' });
    });

    it('measures again once the figures are old, and reports a failure as an error state', async () => {
      const { calls, measure } = deferredMeasure();
      let now = 0;
      const cache = new AgentLoadCache(
        () => undefined,
        measure,
        () => now,
        1000,
      );
      cache.get(request);
      calls[0].settle(new Error('disk on fire'));
      await settled();
      assert.deepEqual(cache.get(request), { status: 'error', message: 'disk on fire' });
      now = 999;
      cache.get(request);
      assert.equal(calls.length, 1);
      now = 1001;
      cache.get(request);
      assert.equal(calls.length, 2);
    });

    it('shows no load for a folder set up for no agent (no assumed Claude Code)', async () => {
      assert.deepEqual(await measureAgentLoadWith(CORE, { folder: tempFolder(), model: 'gpt-4o' }), {
        none: NO_AGENT_MESSAGE,
      });
    });
  });

  describe('controller', () => {
    it('renders the load of the current input and opens the itemised view on request', async () => {
      const posted: ExtensionMessage[] = [];
      const commands: unknown[][] = [];
      const host: PanelHost<string> = {
        post: (m) => posted.push(m),
        executeCommand: async (...args: unknown[]) => void commands.push(args),
        parseUri: (u) => u,
        fileUri: (p) => p,
        openExternal: async () => undefined,
        showInformation: () => undefined,
        showError: () => undefined,
        confirmReset: async () => false,
      };
      const memento = new Map<string, unknown>();
      const state = {
        get: <T>(key: string) => memento.get(key) as T | undefined,
        update: async (key: string, value: unknown) => void memento.set(key, value),
      };
      const controller = new PanelController<string>(state, describeEquivalences);
      let load: AgentLoadState = { status: 'loading' };
      const asked: string[] = [];
      controller.setAgentLoadSource((input) => {
        asked.push(`${input.documentUri} ${input.analysis.model.id}`);
        return load;
      });
      controller.attach(host);
      await controller.handle({ type: 'ready' });
      await controller.update({ documentUri: 'file:///w/a.prompt.md', analysis: sampleAnalysis(), comparisons: [] });
      const last = () => posted[posted.length - 1];
      assert.equal(posted.filter((m) => m.sections.agentLoad).pop()?.sections.agentLoad?.state, 'loading');
      assert.ok(asked.includes('file:///w/a.prompt.md gpt-4o'));

      load = { status: 'none', reason: NO_AGENT_MESSAGE };
      controller.agentLoadChanged();
      assert.deepEqual(Object.keys(last().sections), ['agentLoad'], 'only the section that changed travels');

      assert.deepEqual(parseWebviewMessage({ type: 'showAgentContext', extra: 'ignored' }), {
        type: 'showAgentContext',
      });
      await controller.handle({ type: 'showAgentContext' });
      assert.deepEqual(commands, [['mvp.showAgentContext']]);
    });
  });
});
