import assert from 'node:assert/strict';
import { TODAY_STATE_KEY, TodayTotalsStore, type GlobalStateLike } from '../../../src/extension/energyPanel/todayTotals';

class MemoryState implements GlobalStateLike {
  values = new Map<string, unknown>();
  writes = 0;
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.writes++;
    // Stored as JSON, like VS Code's global state.
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

const figures = (inputTokens: number, wh: number) => ({ inputTokens, wh, carbonG: wh * 0.4, waterMl: wh * 3 });

describe('panel today totals', () => {
  let now: Date;
  let state: MemoryState;
  let store: TodayTotalsStore;

  beforeEach(() => {
    now = new Date(2026, 10, 28, 9, 0, 0);
    state = new MemoryState();
    store = new TodayTotalsStore(state, () => now);
  });

  it('counts each document once, with its latest figures', async () => {
    await store.record('file:///a.prompt.md', figures(1000, 0.2));
    await store.record('file:///a.prompt.md', figures(1500, 0.3));
    await store.record('file:///b.prompt.md', figures(500, 0.1));
    const totals = store.totals();
    assert.equal(totals.day, '2026-11-28');
    assert.equal(totals.prompts, 2);
    assert.equal(totals.inputTokens, 2000);
    assert.ok(Math.abs(totals.wh - 0.4) < 1e-12);
  });

  it('does not write when the figures did not change', async () => {
    await store.record('file:///a.prompt.md', figures(1000, 0.2));
    await store.record('file:///a.prompt.md', figures(1000, 0.2));
    assert.equal(state.writes, 1);
  });

  it('starts from zero on a new local day', async () => {
    await store.record('file:///a.prompt.md', figures(1000, 0.2));
    now = new Date(2026, 10, 29, 0, 5, 0);
    assert.equal(store.totals().prompts, 0);
    assert.equal(store.totals().day, '2026-11-29');
  });

  it('resets on request', async () => {
    await store.record('file:///a.prompt.md', figures(1000, 0.2));
    await store.reset();
    assert.equal(store.totals().prompts, 0);
  });

  it('reads malformed or foreign state as an empty day', () => {
    state.values.set(TODAY_STATE_KEY, 'garbage');
    assert.equal(store.totals().prompts, 0);
    state.values.set(TODAY_STATE_KEY, {
      version: 1,
      day: '2026-11-28',
      documents: { ok: figures(10, 0.1), bad: { inputTokens: -1, wh: 'x' } },
    });
    assert.equal(store.totals().prompts, 1);
  });

  it('keeps the most recently recorded documents when a day gets very busy @slow', async () => {
    for (let i = 0; i < 505; i++) {
      await store.record(`file:///p${i}.md`, figures(1, 0.001));
    }
    await store.record('file:///p0.md', figures(2, 0.002));
    const stored = state.get<{ documents: Record<string, unknown> }>(TODAY_STATE_KEY)!;
    const keys = Object.keys(stored.documents);
    assert.equal(keys.length, 500);
    assert.equal(keys[keys.length - 1], 'file:///p0.md');
    assert.equal(keys.includes('file:///p1.md'), false);
    assert.equal(keys.includes('file:///p6.md'), true);
  });
});
