import assert from 'node:assert/strict';
import { describeEquivalences } from '../../../src/extension/energyPanel/equivalenceOptions';
import {
  DEFAULT_PANEL_COMMANDS,
  EQUIVALENCE_STATE_KEY,
  PanelController,
  STALE_FINDING_MESSAGE,
  type PanelHost,
} from '../../../src/extension/energyPanel/panelController';
import type { PanelInput } from '../../../src/extension/energyPanel/panelInput';
import type { ExtensionMessage } from '../../../src/extension/energyPanel/panelProtocol';
import { findingId } from '../../../src/extension/energyPanel/panelViewModel';
import type { GlobalStateLike } from '../../../src/extension/energyPanel/todayTotals';
import { BOOK_PATH, sampleAnalysis } from './sampleAnalysis';

class MemoryState implements GlobalStateLike {
  values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

/** A host that records everything; URIs are plain strings tagged by kind. */
class RecordingHost implements PanelHost<string> {
  posted: ExtensionMessage[] = [];
  commands: Array<{ command: string; args: unknown[] }> = [];
  information: string[] = [];
  errors: string[] = [];
  opened: string[] = [];
  confirm = true;
  failing = false;
  post(message: ExtensionMessage): void {
    this.posted.push(JSON.parse(JSON.stringify(message)));
  }
  async executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    this.commands.push({ command, args });
    if (this.failing) {
      throw new Error(`command '${command}' not found`);
    }
    return undefined;
  }
  parseUri(uri: string): string {
    return `uri:${uri}`;
  }
  fileUri(path: string): string {
    return `file:${path}`;
  }
  async openExternal(url: string): Promise<boolean> {
    this.opened.push(url);
    return true;
  }
  showInformation(message: string): void {
    this.information.push(message);
  }
  showError(message: string): void {
    this.errors.push(message);
  }
  async confirmReset(): Promise<boolean> {
    return this.confirm;
  }
}

const DOC = 'file:///work/prompts/ask-about-q3.prompt.md';

function panelInput(analysis = sampleAnalysis()): PanelInput {
  return { documentUri: DOC, analysis, comparisons: [] };
}

describe('panel controller', () => {
  let state: MemoryState;
  let host: RecordingHost;
  let controller: PanelController<string>;

  beforeEach(async () => {
    state = new MemoryState();
    host = new RecordingHost();
    controller = new PanelController(state, describeEquivalences, DEFAULT_PANEL_COMMANDS, () => new Date(2026, 10, 28, 10));
    controller.attach(host);
  });

  it('waits for "ready", then sends everything once', async () => {
    await controller.update(panelInput());
    assert.equal(host.posted.length, 0);
    await controller.handle({ type: 'ready' });
    assert.equal(host.posted.length, 1);
    const first = host.posted[0];
    assert.equal(first.full, true);
    assert.deepEqual(Object.keys(first.sections).sort(), ['agentLoad', 'compare', 'header', 'now', 'parts', 'session', 'suggestions', 'today']);
    assert.equal(first.sections.today!.promptsText, '1 prompt analysed');
  });

  it('posts only the sections that changed, and nothing when nothing did', async () => {
    const analysis = sampleAnalysis();
    await controller.update(panelInput(analysis));
    await controller.handle({ type: 'ready' });
    host.posted = [];
    await controller.update(panelInput(analysis));
    assert.equal(host.posted.length, 0);

    const edited = sampleAnalysis();
    edited.findings = edited.findings.slice(0, 2);
    await controller.update(panelInput(edited));
    assert.equal(host.posted.length, 1);
    assert.equal(host.posted[0].full, false);
    assert.deepEqual(Object.keys(host.posted[0].sections), ['suggestions']);
  });

  it('clears to the empty state with the extension’s message', async () => {
    await controller.update(panelInput());
    await controller.handle({ type: 'ready' });
    host.posted = [];
    await controller.update(undefined, 'Open a prompt file.');
    const sections = host.posted[0].sections;
    assert.equal(sections.now, null);
    assert.equal(sections.header!.detail, 'Open a prompt file.');
  });

  it('runs the documented commands with the documented arguments', async () => {
    const analysis = sampleAnalysis();
    await controller.update(panelInput(analysis));
    await controller.handle({ type: 'ready' });
    const fix = analysis.findings[1];
    await controller.handle({ type: 'reveal', target: { range: { start: 401, end: 422 } } });
    await controller.handle({ type: 'reveal', target: { file: BOOK_PATH, range: { start: 0, end: 5 } } });
    await controller.handle({ type: 'applyFix', findingId: findingId(fix, 1) });
    await controller.handle({ type: 'chooseModel', modelId: 'gpt-4o-mini' });
    await controller.handle({ type: 'chooseModel' });
    await controller.handle({ type: 'startFreshSession' });
    await controller.handle({ type: 'convertSpreadsheet', attachmentPath: BOOK_PATH, sheet: 'Q3' });
    await controller.handle({ type: 'explainEstimate' });
    assert.deepEqual(host.commands, [
      { command: 'mvp.revealRange', args: [`uri:${DOC}`, 401, 422] },
      { command: 'mvp.revealRange', args: [`file:${BOOK_PATH}`, 0, 5] },
      { command: 'mvp.applyFix', args: [`uri:${DOC}`, fix] },
      { command: 'mvp.chooseModel', args: ['gpt-4o-mini'] },
      { command: 'mvp.chooseModel', args: [] },
      { command: 'mvp.startFreshSession', args: [`uri:${DOC}`] },
      { command: 'mvp.convertSpreadsheet', args: [`file:${BOOK_PATH}`, { sheet: 'Q3', documentUri: `uri:${DOC}` }] },
      { command: 'mvp.explainEstimate', args: [`uri:${DOC}`] },
    ]);
  });

  it('refuses a stale fix, a foreign file and a foreign link', async () => {
    await controller.update(panelInput());
    await controller.handle({ type: 'ready' });
    host.posted = [];
    await controller.handle({ type: 'applyFix', findingId: '9:gone:1-2' });
    assert.deepEqual(host.information, [STALE_FINDING_MESSAGE]);
    assert.equal(host.posted[0].full, true, 'the panel is brought up to date');
    await controller.handle({ type: 'convertSpreadsheet', attachmentPath: '/etc/shadow.xlsx' });
    await controller.handle({ type: 'openDocs', url: 'https://evil.example/' });
    await controller.handle({ type: 'openDocs', url: 'https://example.org/rules/spreadsheet-to-csv' });
    await controller.handle({ type: 'reveal', target: { range: { start: 5, end: 1 } } });
    assert.deepEqual(host.commands, []);
    assert.deepEqual(host.opened, ['https://example.org/rules/spreadsheet-to-csv']);
  });

  it('reports a command that fails instead of failing silently', async () => {
    await controller.update(panelInput());
    host.failing = true;
    await controller.handle({ type: 'startFreshSession' });
    assert.equal(host.errors.length, 1);
    assert.match(host.errors[0], /could not run “mvp\.startFreshSession”: command 'mvp\.startFreshSession' not found/);
  });

  it('remembers the equivalence and resets today only when confirmed', async () => {
    await controller.update(panelInput());
    await controller.handle({ type: 'ready' });
    host.posted = [];
    await controller.handle({ type: 'selectEquivalence', equivalenceId: 'microwave' });
    assert.equal(state.get(EQUIVALENCE_STATE_KEY), 'microwave');
    assert.equal(host.posted[0].sections.now!.selectedEquivalence, 'microwave');

    host.confirm = false;
    await controller.handle({ type: 'resetToday' });
    assert.equal(controller.viewModel().today.empty, false);
    host.confirm = true;
    await controller.handle({ type: 'resetToday' });
    assert.equal(controller.viewModel().today.empty, true);
  });

  it('posts nothing once the view is gone, and renders fully for a new one', async () => {
    await controller.update(panelInput());
    await controller.handle({ type: 'ready' });
    controller.detach();
    const old = host;
    old.posted = [];
    await controller.update(panelInput(sampleAnalysis({ findings: [] })));
    assert.equal(old.posted.length, 0);
    host = new RecordingHost();
    controller.attach(host);
    await controller.handle({ type: 'ready' });
    assert.equal(host.posted[0].full, true);
    assert.equal(host.posted[0].sections.suggestions!.items.length, 0);
  });
});
