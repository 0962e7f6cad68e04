import * as assert from 'node:assert/strict';
import { analysePrompt } from '../../../src/core/analyse';
import type { AgentContext, ContextItem } from '../../../src/core/agentContext/agentContextTypes';
import { firstRequestLoad, isFirstRequest } from '../../../src/core/agentContext/firstRequestLoad';

const wh = { low: 0, central: 0, high: 0 };
const item = (kind: ContextItem['kind'], source: ContextItem['source'], tokens: number): ContextItem => ({
  kind,
  name: `${kind} ${source}`,
  tokens,
  wh,
  source,
  origin: 'test',
});

function context(items: ContextItem[], notes: string[] = []): AgentContext {
  return {
    agent: 'claude-code',
    folder: '/tmp/x',
    model: { id: 'gpt-4o', requested: 'gpt-4o', approximateTokens: false },
    total: { tokens: items.reduce((n, i) => n + i.tokens, 0), wh },
    session: { requests: 1, requestsSource: 'test', caching: 'none', wh },
    items,
    findings: [],
    notes,
  };
}

describe('firstRequestLoad: the fixed load a first request carries', () => {
  it('splits built-in from folder items, names the baseline, and prices the whole request', async () => {
    const analysis = await analysePrompt({ text: 'Summarise the attached notes.', model: 'gpt-4o' });
    assert.equal(isFirstRequest(analysis), true);
    const load = firstRequestLoad(
      context(
        [
          item('system', 'baseline', 9000),
          item('tools', 'client-format', 1000),
          item('memory', 'file', 300),
          item('skills', 'file', 0),
        ],
        ['built-in load: baseline measured with claude-code 2.1.0 on 2025-11-01 (interactive)'],
      ),
      analysis,
    )!;
    assert.equal(load.tokens, 10300);
    assert.deepEqual(load.builtIn, {
      tokens: 10000,
      source: 'baseline',
      baseline: 'baseline measured with claude-code 2.1.0 on 2025-11-01',
    });
    // Items that add nothing are not named among the folder's kinds.
    assert.deepEqual(load.fromFolder, { tokens: 300, kinds: ['memory'] });
    assert.equal(load.request.tokens, analysis.tokens.total + 10300);
    assert.ok(load.request.energyWh && load.request.energyWh.central > analysis.estimate.energyWh.central);
  });

  it('says the load was learned when any built-in item comes from the logs, and adds nothing without a load', async () => {
    const analysis = await analysePrompt({ text: 'hello', model: 'gpt-4o' });
    assert.equal(firstRequestLoad(context([item('system', 'learned', 500)]), analysis)!.builtIn!.source, 'learned');
    assert.equal(firstRequestLoad(context([]), analysis), undefined);
  });
});
