/**
 * MVP: Explain Estimate — the full "why" of a document's figures as a read-only Markdown
 * document (`mvp-explain:` scheme, shown in the Markdown preview): inputs, formula, profile with
 * its sources, grid factor, assumptions, method version.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analysis';
import type { ModelProfile } from '../../core/profiles/modelProfile';
import { confidenceText, formatGrams, formatMl, formatRange, formatTokens, formatWh, significant } from '../../core/format';
import { documentFor } from '../commands/commandArguments';
import type { DocumentAnalyser } from '../engine/documentAnalyser';
import type { EditorServices } from '../engine/editorServices';
import { resolutionText, tokenizerText } from './estimateWhy';

export const EXPLAIN_SCHEME = 'mvp-explain';

/** "470 mWh (0.13–3.8 Wh)": core/format's one style (the range in the unit of its upper end). */
function range(e: { low: number; central: number; high: number }, f: (x: number) => string): string {
  return formatRange(e, f);
}

function numberRange(r: { min: number; max: number }, unit: string): string {
  return r.min === r.max ? `${significant(r.min, 3)} ${unit}` : `${significant(r.min, 3)}–${significant(r.max, 3)} ${unit}`;
}

export function explanationMarkdown(analysis: Analysis, documentLabel: string, profile: ModelProfile | undefined): string {
  const e = analysis.estimate;
  const out: string[] = [
    `# Why these numbers: ${documentLabel}`,
    '',
    `Every figure below is an **estimate** from a published method (${e.methodVersion}), never a measurement: no provider discloses energy per request.`,
    '',
    '## Inputs',
    '',
    `- Model: ${resolutionText(analysis)} — profile \`${e.profileId}\``,
    `- Tokenizer: ${tokenizerText(analysis)}`,
    `- Input tokens: ${formatTokens(e.tokens.input)} (of which ${formatTokens(e.tokens.cachedInput)} served from a prompt cache)`,
    `- Output tokens assumed: ${formatTokens(e.tokens.output)}${e.tokens.reasoning ? `, plus ${formatTokens(e.tokens.reasoning)} hidden reasoning tokens` : ''}`,
    `- Context window: ${formatTokens(analysis.model.contextWindow)} tokens`,
    '',
    '### Parts of the request',
    '',
    '| part | tokens |',
    '|---|---:|',
    ...analysis.tokens.parts.map((p) => `| ${p.label.replace(/\|/g, '\\|')} | ${formatTokens(p.tokens)}${p.minimalTokens !== undefined ? ` (minimal ${formatTokens(p.minimalTokens)})` : ''} |`),
    '',
    '## Formula',
    '',
    '```text',
    e.formula,
    '```',
    '',
    '## Results',
    '',
    '| | central (low – high) |',
    '|---|---|',
    `| Energy | ${range(e.energyWh, formatWh)} |`,
    `| Carbon, location-based, incl. embodied | ${range(e.carbonG, formatGrams)} CO₂e |`,
    `| Embodied share | ${range(e.embodiedCarbonG, formatGrams)} CO₂e |`,
    `| Water (${e.waterBoundary}) | ${range(e.waterMl, formatMl)} |`,
    `| Carbon per 1,000 tokens (SCI, ISO/IEC 21031: compares requests of different sizes) | ${range(e.sciGPer1kTokens, formatGrams)} CO₂e |`,
    `| Unmodified EcoLogits (output tokens only) | ${range(e.ecologitsWh, formatWh)} |`,
    '',
    `Grid: **${e.grid.zone}**, ${significant(e.grid.gCO2PerKWh, 3)} gCO₂e/kWh — ${e.grid.source} (${e.grid.year}).`,
    '',
    '## Assumptions',
    '',
    ...e.assumptions.map((a) => `- ${a}`),
  ];
  if (profile) {
    out.push(
      '',
      `## Profile: ${profile.name}`,
      '',
      `- Provider: ${profile.provider}; family ${profile.family}; weights ${profile.weights === 'open' ? 'open (published; you can run it yourself)' : 'closed'}; how sure: **${confidenceText(profile.confidence)}**`,
      `- Architecture: ${profile.architecture}; parameters ${numberRange(profile.parameters.total, 'B')} total, ${numberRange(profile.parameters.active, 'B')} active`,
      `- Data centre: ${profile.dataCentre.location}; PUE ${numberRange(profile.dataCentre.pue, '')}; on-site WUE ${numberRange(profile.dataCentre.wueOnSite, 'L/kWh')}; grid zone ${profile.dataCentre.gridZone}`,
      `- Reasoning: ${profile.reasoning.isReasoning ? `yes, ${profile.reasoning.hiddenTokensPerOutputToken} hidden tokens per visible output token` : 'no'}`,
      `- Prompt caching: ${profile.caching.supported ? `${profile.caching.automatic ? 'automatic' : 'on request'}, cached tokens priced at ${profile.caching.readPriceFactor}×` : 'not supported'}${profile.caching.note ? ` — ${profile.caching.note}` : ''}`,
      ...(profile.measuredEnergy ? [`- Measured energy (replaces the parametric model): ${profile.measuredEnergy.whPerInputToken} Wh/input token, ${profile.measuredEnergy.whPerOutputToken} Wh/output token — ${profile.measuredEnergy.note}`] : []),
      ...(profile.warnings ?? []).map((w) => `- ⚠ ${w}`),
      '',
      '### Sources',
      '',
      ...profile.sources.map((s) => `- [${s.title}](${s.url})${s.note ? ` — ${s.note}` : ''}`),
    );
  }
  return out.join('\n') + '\n';
}

/** Serves `mvp-explain:` documents from the latest explanation rendered for each. */
export class ExplanationProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, markdown: string): void {
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '# No explanation\n\nRun **MVP: Explain Estimate** with a prompt document open.\n';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function explanationUri(documentUri: vscode.Uri): vscode.Uri {
  // The preview tab is titled after this path: "Preview Why ask.prompt.md", not "…ask.prompt.md.md".
  const name = (documentUri.path.split('/').pop() || 'prompt').replace(/\.md$/i, '');
  return vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/Why ${name}.md`, query: documentUri.toString() });
}

/** The command: renders the explanation of the document's current analysis and opens its preview beside it. */
export async function explainEstimateCommand(
  analyser: DocumentAnalyser,
  explanations: ExplanationProvider,
  services: () => Promise<EditorServices>,
  arg?: unknown,
): Promise<vscode.Uri | undefined> {
  const document = await documentFor(arg);
  if (!document) {
    void vscode.window.showInformationMessage('MVP: open a prompt document to explain its estimate.');
    return undefined;
  }
  const result = analyser.current(document) ?? (await analyser.analyseNow(document));
  if (!result) return undefined;
  const uri = explanationUri(document.uri);
  const profile = (await services()).profileOf(result.analysis);
  explanations.set(uri, explanationMarkdown(result.analysis, path.basename(document.uri.path), profile));
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return uri;
}
