import assert from 'node:assert/strict';
import { describeEquivalences } from '../../../src/extension/energyPanel/equivalenceOptions';
import type { PanelInput } from '../../../src/extension/energyPanel/panelInput';
import {
  buildPanelViewModel,
  changedSections,
  findingId,
  splitHeadline,
  type PanelViewModelInput,
} from '../../../src/extension/energyPanel/panelViewModel';
import { formatInteger } from '../../../src/core/format';
import type { TodayTotals } from '../../../src/extension/energyPanel/todayTotals';
import { BOOK_PATH, profile, sampleAnalysis, sampleSession } from './sampleAnalysis';

const EMPTY_TODAY: TodayTotals = { day: '2026-11-28', prompts: 0, inputTokens: 0, wh: 0, carbonG: 0, waterMl: 0 };

function input(overrides: Partial<PanelViewModelInput> = {}, panel?: Partial<PanelInput>): PanelViewModelInput {
  const analysis = panel?.analysis ?? sampleAnalysis();
  return {
    panel: { documentUri: 'file:///work/prompts/ask-about-q3.prompt.md', analysis, comparisons: [], ...panel },
    today: EMPTY_TODAY,
    describeEquivalences,
    ...overrides,
  };
}

describe('panel view model', () => {
  it('shows only the header and today when nothing is analysed', () => {
    const vm = buildPanelViewModel({ today: EMPTY_TODAY, describeEquivalences, emptyMessage: 'Open a prompt.' });
    assert.equal(vm.header.state, 'empty');
    assert.equal(vm.header.detail, 'Open a prompt.');
    assert.equal(vm.now, null);
    assert.equal(vm.parts, null);
    assert.equal(vm.session, null);
    assert.equal(vm.suggestions, null);
    assert.equal(vm.compare, null);
    assert.equal(vm.today.empty, true);
  });

  it('fills "Now" from the analysis: tokens against the window, ranges, model resolution', () => {
    const analysis = sampleAnalysis();
    const vm = buildPanelViewModel(input({}, { analysis }));
    const now = vm.now!;
    assert.equal(vm.header.title, 'ask-about-q3.prompt.md');
    assert.equal(now.tokens.valueText, formatInteger(analysis.tokens.total));
    const expectedFill = Math.round((analysis.tokens.total / analysis.model.contextWindow) * 1000) / 10;
    assert.equal(now.tokens.fillPercent, expectedFill);
    assert.equal(now.tokens.level, 'ok');
    assert.match(now.tokens.usageText, /% of the 128,000-token window/);
    assert.deepEqual(
      now.metrics.map((m) => m.id),
      ['energy', 'carbon', 'water', 'sci'],
    );
    const energy = now.metrics[0];
    assert.match(energy.rangeText, /^[\d.,]+–[\d.,]+ (mWh|Wh)$/);
    assert.match(now.metrics[3].valueText, /\/ 1k tokens$/);
    assert.equal(now.model.resolutionText, '“gpt-4o”: matched exactly (from the front matter)');
    assert.equal(now.why.assumptions, analysis.estimate.assumptions);
  });

  it('warns near the context window and says by how much it is over', () => {
    const near = sampleAnalysis({
      parts: [{ kind: 'history', label: 'History', range: { start: 0, end: 10 }, tokens: 110_000 }],
    });
    assert.equal(buildPanelViewModel(input({}, { analysis: near })).now!.tokens.level, 'near');
    const over = sampleAnalysis({
      parts: [{ kind: 'history', label: 'History', range: { start: 0, end: 10 }, tokens: 130_000 }],
    });
    const tokens = buildPanelViewModel(input({}, { analysis: over })).now!.tokens;
    assert.equal(tokens.level, 'over');
    assert.equal(tokens.fillPercent, 100);
    assert.equal(tokens.usageText, '2,000 tokens over the 128,000-token window');
  });

  it('names the resolution step when the requested name is not the profile id', () => {
    const analysis = sampleAnalysis();
    analysis.model.requested = 'gpt4o-latest';
    analysis.model.resolvedBy = 'alias';
    const text = buildPanelViewModel(input({}, { analysis })).now!.model.resolutionText;
    assert.equal(text, '“gpt4o-latest” → gpt-4o: matched by alias (from the front matter)');
  });

  it('selects the chosen equivalence and falls back to the first one', () => {
    const chosen = buildPanelViewModel(input({ equivalenceId: 'led-bulb' })).now!;
    assert.equal(chosen.selectedEquivalence, 'led-bulb');
    assert.ok(chosen.equivalences.length >= 2);
    for (const option of chosen.equivalences) {
      assert.ok(option.assumption.includes('Source:'), option.id);
    }
    const unknown = buildPanelViewModel(input({ equivalenceId: 'no-such-device' })).now!;
    assert.equal(unknown.selectedEquivalence, unknown.equivalences[0].id);
  });

  it('draws parts relative to the largest one, with naive vs minimal for attachments', () => {
    const vm = buildPanelViewModel(input());
    const rows = vm.parts!.rows;
    assert.equal(rows.length, 4);
    const book = rows[2];
    assert.equal(book.barPercent, 100);
    assert.equal(book.minimal!.barPercent, Math.round((3200 / 48000) * 1000) / 10);
    assert.equal(book.minimal!.description, "Sheet 'Q3' as CSV");
    assert.equal(book.naiveDescription, 'Workbook dump (3 sheets, HTML tables)');
    assert.match(book.minimal!.savingText, /^−44,800 tokens \(−93\.3%\)$/);
    // The attachment's own fix is offered on its row.
    assert.equal(book.fixTitle, 'Convert sheet Q3 to CSV');
    assert.equal(book.fixFindingId, findingId(sampleAnalysis().findings[1], 1));
    assert.deepEqual(book.reveal, { range: { start: 401, end: 422 } });
    assert.equal(rows[0].barPercent, Math.round((12 / 48000) * 1000) / 10);
    assert.match(vm.parts!.minimalText!, /3,432 tokens/);
  });

  it('offers the plain convert command for a spreadsheet without a fix', () => {
    const analysis = sampleAnalysis({ findings: [] });
    const book = buildPanelViewModel(input({}, { analysis })).parts!.rows[2];
    assert.equal(book.fixFindingId, undefined);
    assert.deepEqual(book.convert, { attachmentPath: BOOK_PATH, sheet: 'Q3' });
  });

  it('sorts suggestions by measured saving, unsaved ones last by severity', () => {
    const vm = buildPanelViewModel(input());
    const items = vm.suggestions!.items;
    assert.deepEqual(
      items.map((i) => i.ruleId),
      ['spreadsheet-to-csv', 'dup-paragraph', 'answer-length'],
    );
    assert.equal(items[0].fixTitle, 'Convert sheet Q3 to CSV');
    assert.match(items[0].savingText!, /^Saves 44,800 tokens · 50 mWh per request$/);
    assert.equal(items[2].savingText, undefined);
    assert.equal(items[2].fixTitle, undefined);
    assert.equal(items[0].id, findingId(sampleAnalysis().findings[1], 1));
  });

  it('ranks a fix that deletes content after every reduction and never makes it primary', () => {
    const analysis = sampleAnalysis();
    analysis.findings.push({
      ruleId: 'unreferenced-attachment',
      severity: 'warning',
      message: 'The question does not mention book.xlsx.',
      saving: { tokens: 90_000, wh: 0.5 },
      fix: { title: 'Remove the reference to book.xlsx', edits: [], removesContent: true },
    });
    const items = buildPanelViewModel(input({}, { analysis })).suggestions!.items;
    const removal = items.findIndex((i) => i.ruleId === 'unreferenced-attachment');
    const lastReduction = Math.max(...items.map((i, n) => (i.savingText && !i.fixRemovesContent ? n : -1)));
    assert.ok(removal > lastReduction, `removal at ${removal}, a reduction at ${lastReduction}`);
    assert.equal(items[removal].fixRemovesContent, true);
    assert.equal(items[0].fixRemovesContent, false);
  });

  it('folds a long message after its first sentence', () => {
    const long =
      'The history sent with this prompt is 61,850 tokens in 134 messages (48% of the window), re-sent with every new message. A fresh session seeded with a 458-token summary would send 61,392 fewer tokens per request, e.g. far less.';
    assert.deepEqual(splitHeadline(long), {
      headline: 'The history sent with this prompt is 61,850 tokens in 134 messages (48% of the window), re-sent with every new message.',
      detail: 'A fresh session seeded with a 458-token summary would send 61,392 fewer tokens per request, e.g. far less.',
    });
    assert.deepEqual(splitHeadline('Short. Message.'), { headline: 'Short. Message.' });
    const noBoundary = 'x'.repeat(200);
    assert.deepEqual(splitHeadline(noBoundary), { headline: noBoundary });
  });

  it('lays out the session: cumulative lines, a sampled table and the projection', () => {
    const session = sampleSession(profile('gpt-4o'), 60);
    const vm = buildPanelViewModel(input({}, { analysis: sampleAnalysis({ session }) }));
    const s = vm.session!;
    assert.deepEqual(
      s.chart.series.map((x) => x.id),
      ['uncached', 'cached'],
    );
    // With caching, the cumulative line ends lower (higher on screen means a smaller y).
    assert.ok(s.chart.series[1].last.y > s.chart.series[0].last.y);
    assert.equal(s.table.length, 30);
    assert.equal(s.table[0].turn, 1);
    assert.equal(s.table[29].turn, 60);
    assert.ok(s.tableNote);
    assert.equal(s.projection.rows[0].barPercent, 100);
    assert.equal(s.projection.rows[1].barPercent, 25);
    assert.match(s.projection.savingText, /^Starting fresh saves 1\.5 Wh over the next 10 turns \(600 mWh with caching\)\.$/);
    assert.equal(s.projection.breakEvenText, 'The fresh session costs less in total from future turn 2.');
    assert.equal(s.projection.caveat, 'With prompt caching the saving is smaller.');
  });

  it('prices the comparison relative to the most expensive model', () => {
    const base = sampleAnalysis();
    const other = sampleAnalysis({ modelId: 'gpt-4o-mini' });
    const vm = buildPanelViewModel(
      input({}, {
        analysis: base,
        comparisons: [
          { role: 'chosen', modelId: 'gpt-4o', name: 'GPT-4o', provider: 'openai', contextWindow: 128000, inputTokens: 48232, tokensConverted: false, estimate: base.estimate, tradeOff: 'chosen' },
          { role: 'smallerSameVendor', modelId: 'gpt-4o-mini', name: 'GPT-4o mini', provider: 'openai', contextWindow: 128000, inputTokens: 48232, tokensConverted: true, estimate: other.estimate, tradeOff: 'Smaller' },
        ],
      }),
    );
    const rows = vm.compare!.rows;
    assert.equal(rows[0].chosen, true);
    assert.equal(rows[0].barPercent, 100);
    assert.ok(rows[1].barPercent < 100 && rows[1].barPercent > 0);
    assert.equal(rows[1].roleText, 'Smaller, same vendor');
    assert.ok(rows[1].tokensNote);
    assert.equal(rows[0].tokensNote, undefined);
  });

  it('totals today in the chosen equivalence', () => {
    const today: TodayTotals = { day: '2026-11-28', prompts: 3, inputTokens: 150_000, wh: 1.5, carbonG: 0.6, waterMl: 5 };
    const vm = buildPanelViewModel(input({ today, equivalenceId: 'led-bulb' }));
    assert.equal(vm.today.empty, false);
    assert.equal(vm.today.promptsText, '3 prompts analysed');
    assert.equal(vm.today.energyText, '1.5 Wh');
    assert.equal(vm.today.equivalenceText, describeEquivalences(1.5).find((e) => e.id === 'led-bulb')!.valueText);
  });

  it('reports only the sections that changed', () => {
    const first = buildPanelViewModel(input());
    assert.deepEqual(Object.keys(changedSections(undefined, first)).sort(), Object.keys(first).sort());
    assert.deepEqual(changedSections(first, buildPanelViewModel(input())), {});
    const switched = buildPanelViewModel(input({ equivalenceId: 'microwave' }));
    assert.deepEqual(Object.keys(changedSections(first, switched)), ['now']);
    const cleared = buildPanelViewModel({ today: EMPTY_TODAY, describeEquivalences });
    const changed = changedSections(first, cleared);
    assert.equal(changed.now, null);
    assert.equal('today' in changed, false);
  });
});
