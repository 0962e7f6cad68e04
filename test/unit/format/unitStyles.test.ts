/**
 * One figure, one style, on every surface: every energy, carbon and water figure the CLI, the
 * report, the panel and the rule messages write for real analyses uses the unit under which it
 * reads ≥ 1 ("38 mWh", never "0.038 Wh" or "38,000 µWh"); only the low end of a range may read
 * below 1, since a range is written in the unit of its upper end ("0.12–3.3 Wh").
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analysePrompt } from '../../../src/core/analyse';
import { analyseAgentContext } from '../../../src/core/agentContext/analyseAgentContext';
import { agentContextText } from '../../../src/core/agentContext/formatAgentContext';
import { analysisToText } from '../../../src/cli/analysisText';
import { renderReportHtml } from '../../../src/extension/report/reportHtml';
import { buildPanelViewModel } from '../../../src/extension/energyPanel/panelViewModel';
import { describeEquivalences } from '../../../src/extension/energyPanel/equivalenceOptions';

const workspace = path.resolve(__dirname, '../../fixtures/workspace');
const PROMPTS = ['q3-sales.prompt.md', 'cleanup.prompt.md', 'export-failure.prompt.md', 'orders.prompt.md'];

/** Units from the largest; a figure must read ≥ 1 in its unit unless its unit is the smallest. */
const FAMILIES = [
  ['kWh', 'Wh', 'mWh', 'µWh'],
  ['kg', 'g', 'mg', 'µg'],
  ['L', 'mL', 'µL'],
];
const FIGURE = /(^|[^\d.,–-])(\d[\d,]*(?:\.\d+)?)\s?(kWh|mWh|µWh|Wh|kg|mg|µg|g|mL|µL|L)(?![\w/])(\s?[–-]\s?\d)?/g;

/** Figures written in a style that another surface would write differently. */
export function mixedStyles(text: string): string[] {
  const bad: string[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [, , number, unit, rangeFollows] = m;
    if (rangeFollows) continue; // the low end of a range, in the unit of its upper end
    const value = Number(number.replace(/,/g, ''));
    const family = FAMILIES.find((f) => f.includes(unit))!;
    const smallest = family.at(-1) === unit;
    const largest = family[0] === unit;
    if ((value > 0 && value < 1 && !smallest) || (value >= 1000 && !largest)) bad.push(`${number} ${unit}`);
  }
  // Counts are grouped everywhere ("3,970 tokens"), so a figure reads the same on every surface.
  for (const m of text.matchAll(/(^|[^\d.,])(\d{4,})\s(tokens?|characters|requests|lines)\b/g)) bad.push(`${m[2]} ${m[3]}`);
  return bad;
}

describe('one unit style per figure on every surface', () => {
  it('the scanner itself: flags 0.038 Wh and 1,200 mWh, accepts 38 mWh and 0.12–3.3 Wh', () => {
    assert.deepEqual(mixedStyles('≈0.038 Wh per request; 38 mWh; 0.12–3.3 Wh; 1,200 mWh; 4.5 mL'), ['0.038 Wh', '1,200 mWh']);
    assert.deepEqual(mixedStyles('is 3970 tokens; saves 3,970 tokens; 999 tokens'), ['3970 tokens']);
  });

  it('agent context: the items, findings and notes of mvp context', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mvp-unit-styles-'));
    try {
      const project = path.join(root, 'project');
      mkdirSync(path.join(project, '.github'), { recursive: true });
      // A long repository-wide instructions file: the finding names its size.
      writeFileSync(path.join(project, '.github', 'copilot-instructions.md'), 'Prefer small, pure functions and explain why in comments.\n'.repeat(400));
      const context = await analyseAgentContext({ folder: project, agent: 'vscode', home: path.join(root, 'home'), cacheDir: path.join(root, 'cache'), useLogs: false });
      const output = agentContextText(context);
      assert.match(output, /copilot-instructions\.md is [\d,]+ tokens/);
      assert.deepEqual(mixedStyles(output), []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  for (const name of PROMPTS) {
    it(`${name}: CLI text, report, panel and rule messages`, async () => {
      const file = path.join(workspace, name);
      const text = readFileSync(file, 'utf8');
      const analysis = await analysePrompt({ text, file, workspaceRoot: workspace, trusted: true });
      const surfaces: Record<string, string> = {
        cli: analysisToText(analysis, text, workspace),
        report: renderReportHtml(analysis, { nonce: 'n', cspSource: 'c', title: name }).replace(/<[^>]+>/g, ' '),
        // Assumptions quote their sources' figures as published ("Google stated 0.3 Wh"): not ours to restyle.
        panel: JSON.stringify(
          buildPanelViewModel({ panel: { documentUri: `file://${file}`, analysis, comparisons: [] }, today: { day: '2026-12-04', prompts: 0, inputTokens: 0, wh: 0, carbonG: 0, waterMl: 0 }, describeEquivalences }),
          (key, value) => (key === 'assumption' || key === 'assumptions' ? undefined : value),
        ),
        findings: analysis.findings.map((f) => f.message).join('\n'),
      };
      for (const [surface, output] of Object.entries(surfaces)) {
        assert.deepEqual(mixedStyles(output), [], `${surface} of ${name}`);
      }
    });
  }
});
