/**
 * The pipeline of ARCHITECTURE.md: prompt → parts → attachments → tokens → energy → rules →
 * Analysis. Every surface (CLI, editor, sidebar, hook) calls this one function.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Analysis, AnalysedModel, PartSummary } from './analysis';
import type { AnalyseOptions, ModelSource } from './analyseOptions';
import type { AttachmentAnalysis } from './attachments/attachment';
import { readAttachment } from './attachments/readAttachment';
import { loadConfigFor } from './config/loadConfig';
import type { ConfigProblem, ResolvedConfig } from './config/mvpConfig';
import { estimateRequest, METHOD_VERSION } from './energy';
import type { SessionAnalysis } from './history/sessionAnalysis';
import { createProfileRegistry, loadBuiltinProfiles, type ProfileRegistry } from './profiles';
import type { ResolvedProfile } from './profiles/modelProfile';
import type { AttachmentReference } from './prompt/parsedPrompt';
import { parsePrompt } from './prompt/parsePrompt';
import { skillAlwaysSentText } from './prompt/fileKind';
import { DocumentVersion, type BlockMemo } from './document/documentVersion';
import type { Finding } from './rules/finding';
import type { RuleContext } from './rules/rule';
import { runRules } from './rules/runRules';
import { orderSuggestions } from './rules/suggestionOrder';
import { windowOptionsOf, windowUse } from './rules/windowUse';
import { budgetStatus } from './rules/budgetStatus';
import { compareModels } from './profiles/compareModels';
import { calibrate, countForProfile } from './tokens/countForProfile';
import { analyseSession, modelNamedInHead, transcriptModelName } from './history/analyseSession';
import { readHead } from './history/readSessionFile';
import { historyDetectorOptions } from './rules/builtin/pollutedHistory';
import type { ModelProfile } from './profiles/modelProfile';

/** Parts' counts are remembered per tokenizer (a team override may change a profile's tokenizer, so not per id). */
function partTokensMemo(version: DocumentVersion, profile: ModelProfile): BlockMemo<number> {
  return version.memo<number>(`part-tokens:${profile.tokenizer.encoding}×${profile.tokenizer.approximate ? profile.tokenizer.calibrationFactor : 1}`);
}

/** The model assumed when nothing names one: the most used chat model, labelled as a default. */
export const DEFAULT_MODEL = 'gpt-4o';

export interface AnalysisWithNotices extends Analysis {
  /** Things the user should know about the run itself (skipped pack JavaScript, stopped patterns). */
  notices: string[];
  /** The config that applied (for the editor's watchers and the CLI's exit codes). */
  config: ResolvedConfig;
}

/** Built-in profiles with a config's overrides; cached per override set. */
const registries = new WeakMap<object, ProfileRegistry>();
let builtinRegistry: ProfileRegistry | undefined;

export function profileRegistryFor(config?: ResolvedConfig): ProfileRegistry {
  if (!config || config.profiles.length === 0) {
    builtinRegistry ??= createProfileRegistry(loadBuiltinProfiles());
    return builtinRegistry;
  }
  let registry = registries.get(config.profiles);
  if (!registry) {
    registry = createProfileRegistry(loadBuiltinProfiles(), config.profiles);
    registries.set(config.profiles, registry);
  }
  return registry;
}

/**
 * The one way every surface chooses the model: an explicit choice, then the prompt's front matter,
 * then the model the session's transcript names (a continued session keeps its model), then the
 * team config, the user's setting, and the labelled default.
 */
export function chooseModel(
  options: Pick<AnalyseOptions, 'model' | 'defaultModel'>,
  frontMatterModel: string | undefined,
  config: ResolvedConfig | undefined,
  transcriptModel?: string,
): { name: string; source: ModelSource } {
  if (options.model) return { name: options.model, source: 'explicit' };
  if (frontMatterModel) return { name: frontMatterModel, source: 'frontMatter' };
  if (transcriptModel) return { name: transcriptModel, source: 'transcript' };
  if (config?.model) return { name: config.model, source: 'config' };
  if (options.defaultModel) return { name: options.defaultModel, source: 'setting' };
  return { name: DEFAULT_MODEL, source: 'default' };
}

export async function analysePrompt(
  options: AnalyseOptions & { config?: ResolvedConfig; docsBaseUrl?: string },
): Promise<AnalysisWithNotices> {
  const baseDir = options.file ? path.dirname(options.file) : (options.baseDir ?? process.cwd());
  // The editor analyses the same document after every pause in typing; work on the blocks the
  // edit did not touch is carried over from the previous analysis.
  const version = options.memory?.nextVersion(options.text) ?? new DocumentVersion(options.text);
  const prompt = parsePrompt(options.text, { baseDir, version, file: options.file, workspaceRoot: options.workspaceRoot });
  const trusted = options.trusted ?? true;
  const config =
    options.config ??
    loadConfigFor(options.file ?? baseDir, {
      trusted,
      workspaceRoot: options.workspaceRoot,
      extensionPackResolver: options.extensionPackResolver,
    });

  const registry = profileRegistryFor(config);
  const choice = chooseModel(options, prompt.model, config, await transcriptModelOf(options));
  const resolved = registry.resolve(choice.name);
  const profile = resolved.profile;
  const countTokens = (text: string) => countForProfile(profile, text).tokens;

  const references: AttachmentReference[] = [
    ...prompt.references,
    ...(options.extraAttachments ?? []).map(
      (file): AttachmentReference => ({ syntax: 'cli', rawPath: file, path: path.resolve(baseDir, file) }),
    ),
  ];
  const read = (reference: AttachmentReference) =>
    options.readAttachment
      ? options.readAttachment(reference, profile)
      : readAttachment(reference, { countTokens, provider: profile.provider, workspaceRoot: options.workspaceRoot });
  // A skill's linked files are opened only when the agent needs them: checked for existence, not counted.
  const attachments: AttachmentAnalysis[] = await Promise.all(
    references.map((reference) => (reference.onDemand ? onDemandReference(reference) : read(withExistingPath(reference)))),
  ).then((all) => all.filter((a): a is AttachmentAnalysis => a !== undefined));

  const history = await analyseHistory(options, profile, { countTokens, region: options.region ?? config.region, config });
  const session = history?.session;
  const historyTokens = session ? lastRequestInput(session) : 0;

  // A remembered document is counted from its previous text's chunks: exact, and calibrated like any count.
  const promptTokens = options.memory
    ? calibrate(profile, options.memory.countTokens(profile.tokenizer.encoding, options.text)).tokens
    : countTokens(options.text);
  const partTokens = partTokensMemo(prompt.version, profile);
  const parts: PartSummary[] = prompt.parts.map((part) => {
    const tokens = partTokens.get(part.range.start, part.range.end, countTokens);
    const summary: PartSummary = { ...part, tokens };
    if (part.kind === 'reference') {
      const attachment = attachments.find((a) => a.reference.range === part.range);
      if (attachment) {
        summary.path = attachment.reference.path;
        summary.tokens = attachment.naive.tokens;
        summary.minimalTokens = attachment.minimal?.tokens ?? attachment.naive.tokens;
      }
    }
    return summary;
  });
  for (const attachment of attachments.filter((a) => a.reference.syntax === 'cli')) {
    parts.push({
      kind: 'reference',
      label: path.basename(attachment.reference.path),
      range: { start: 0, end: 0 },
      tokens: attachment.naive.tokens,
      minimalTokens: attachment.minimal?.tokens ?? attachment.naive.tokens,
      path: attachment.reference.path,
    });
  }
  if (session) {
    parts.push({ kind: 'history', label: `History (${session.turns.length} turns)`, range: { start: 0, end: 0 }, tokens: historyTokens });
  }

  // The same file referenced twice is attached once (agents de-duplicate attachments by path).
  const sent = attachmentsSentOnce(attachments);
  const attachmentNaive = sum(sent.map((a) => a.naive.tokens));
  const attachmentMinimal = sum(sent.map((a) => a.minimal?.tokens ?? a.naive.tokens));
  const total = promptTokens + attachmentNaive + historyTokens;
  const region = options.region ?? config.region;
  const outputTokens = options.outputTokens;
  const estimate = estimateRequest(profile, { inputTokens: total, outputTokens, region }, resolved.resolvedBy);

  const context: RuleContext = {
    file: options.file,
    prompt,
    model: resolved,
    estimate,
    totalInputTokens: total,
    attachments,
    transcript: options.transcript,
    session,
    budgets: { ...config.budgets, ...definedOnly(options.budgets) },
    countTokens,
    whForInputTokens: memoise((inputTokens) => estimateRequest(profile, { inputTokens, outputTokens, region }).energyWh.central),
    profiles: registry.list(),
  };
  const ruleRun = runRules(context, config, { trusted, docsBaseUrl: options.docsBaseUrl });
  // Judged once here, read by every surface: the order findings are offered in, how full the
  // window is, which budgets are over, and what the request costs on a smaller or open model.
  const findings: Finding[] = orderSuggestions([
    ...configFindings(config),
    ...frontMatterFindings(prompt.frontMatterProblem),
    ...ruleRun.findings,
  ]);
  const window = windowUse(profile.contextWindow, total, estimate, windowOptionsOf(config));
  const budgets = budgetStatus(config.budgets, definedOnly(options.budgets), {
    inputTokens: total,
    requestWh: estimate.energyWh.central,
    sessionWhSoFar: session?.totals.wh.central ?? 0,
  });
  const modelComparisons = compareModels({ tokens: { total }, estimate }, profile, registry.list(), estimateRequest, { region });
  // Agents re-send the history as an unchanged prefix, which a caching provider serves as cache reads.
  const estimateWithCachedHistory =
    session?.caching?.applies && historyTokens > 0
      ? estimateRequest(profile, { inputTokens: total, cachedInputTokens: historyTokens, outputTokens: estimate.tokens.output, region: estimate.grid.zone })
      : undefined;

  return {
    file: options.file,
    model: describeModel(resolved, choice.name, choice.source),
    fileKind: prompt.fileKind ?? 'request',
    tokens: {
      total,
      minimalTotal: promptTokens + attachmentMinimal + historyTokens,
      parts,
      // A skill costs its name and description on every request, its body only when used.
      alwaysSent: prompt.fileKind === 'skill' ? countTokens(skillAlwaysSentText(prompt.frontMatter)) : undefined,
    },
    estimate,
    attachments,
    session,
    findings,
    window,
    budgets,
    modelComparisons,
    estimateWithCachedHistory,
    method: { version: METHOD_VERSION },
    notices: [...ruleRun.notices, ...registry.problems, ...unknownModelNotice(resolved, choice), ...(history?.notices ?? [])],
    config,
  };
}

/** A model name no profile matches is estimated with the labelled default, never an older namesake: say so. */
function unknownModelNotice(resolved: ResolvedProfile, choice: { name: string; source: ModelSource }): string[] {
  if (resolved.resolvedBy !== 'default' || choice.source === 'default') return [];
  return [`Model "${choice.name}" (from ${choice.source === 'frontMatter' ? 'the front matter' : choice.source === 'explicit' ? '--model' : `the ${choice.source}`}) matches no model profile; estimated as ${resolved.profile.name}, the labelled default. Add one under "profiles" in .mvp.jsonc (docs/config.md) for figures of its own.`];
}

/** One attachment per file (and sheet): what the agent sends. */
function attachmentsSentOnce(attachments: readonly AttachmentAnalysis[]): AttachmentAnalysis[] {
  const seen = new Set<string>();
  return attachments.filter((a) => {
    const key = `${a.reference.path}#${a.reference.sheet ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `#file:` paths: where the agent also looks (the workspace root) when the prompt's folder has no such file. */
function withExistingPath(reference: AttachmentReference): AttachmentReference {
  if (!reference.alsoTried || existsSync(reference.path) || !existsSync(reference.alsoTried)) return reference;
  return { ...reference, path: reference.alsoTried, resolvedAgainst: 'workspaceRoot', alsoTried: reference.path };
}

/** A file the agent opens only when it needs it: nothing to count; a missing one is still a problem. */
async function onDemandReference(reference: AttachmentReference): Promise<AttachmentAnalysis | undefined> {
  if (existsSync(reference.path)) return undefined;
  return {
    reference,
    format: 'unreadable',
    bytes: 0,
    naive: { description: 'not sent (opened when needed)', tokens: 0 },
    details: {},
    problems: [{ code: 'missing', message: `no such file (${reference.path})` }],
  };
}

/** The session this prompt continues, through the one session path (`analyseSession`) with the same estimator as the prompt. */
async function analyseHistory(
  options: Pick<AnalyseOptions, 'transcript' | 'transcriptName' | 'historyFile' | 'moreTurns'>,
  profile: ModelProfile,
  measure: { countTokens: (text: string) => number; region?: string; config: ResolvedConfig },
): Promise<{ session: SessionAnalysis; notices: string[] } | undefined> {
  const source = options.transcript
    ? { transcript: options.transcript, name: options.transcriptName }
    : options.historyFile ? { file: options.historyFile } : undefined;
  if (!source) return undefined;
  const { analysis, notices } = await analyseSession(source, {
    countTokens: measure.countTokens,
    estimate: (input) => estimateRequest(profile, { ...input, region: input.region ?? measure.region }),
    caching: profile.caching,
    moreTurns: options.moreTurns,
    detector: historyDetectorOptions(measure.config),
  });
  return { session: analysis, notices };
}

/** The model the session's transcript names: read from the file's first bytes, as the tokenizer is needed before it streams. */
async function transcriptModelOf(options: Pick<AnalyseOptions, 'transcript' | 'historyFile'>): Promise<string | undefined> {
  if (options.transcript) return transcriptModelName(options.transcript.model);
  if (!options.historyFile) return undefined;
  try {
    return modelNamedInHead(await readHead(options.historyFile));
  } catch {
    return undefined; // unreadable: the session read reports it
  }
}

function describeModel(resolved: ResolvedProfile, requested: string, source: ModelSource): AnalysedModel {
  const p = resolved.profile;
  return {
    id: p.id,
    name: p.name,
    provider: p.provider,
    requested,
    resolvedBy: resolved.resolvedBy,
    source,
    contextWindow: p.contextWindow,
    approximateTokens: p.tokenizer.approximate,
    tokenizer: p.tokenizer.approximate
      ? `${p.tokenizer.encoding} × ${p.tokenizer.calibrationFactor} (approximate)`
      : p.tokenizer.encoding,
  };
}

/** The history this prompt drags along: everything the last request of the session sent and got. */
function lastRequestInput(session: SessionAnalysis): number {
  const last = session.turns.at(-1);
  return last ? last.inputTokens + last.outputTokens : 0;
}

function configFindings(config: ResolvedConfig): Finding[] {
  return config.problems.map(configProblemFinding);
}

/** A problem in a config or pack file, as a finding on that file. */
export function configProblemFinding(p: ConfigProblem): Finding {
  return { ruleId: 'config', severity: p.severity, message: p.message, file: p.file, range: p.range, docsUrl: 'docs/config.md' };
}

function frontMatterFindings(problem: { message: string; start: number; end: number } | undefined): Finding[] {
  if (!problem) return [];
  return [
    {
      ruleId: 'front-matter',
      severity: 'warning',
      message: `${problem.message} The model named there (if any) is ignored until it parses.`,
      range: { start: problem.start, end: problem.end },
    },
  ];
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Rules measure many savings against the same request; each distinct size is estimated once. */
function memoise(f: (n: number) => number): (n: number) => number {
  const seen = new Map<number, number>();
  return (n) => {
    let v = seen.get(n);
    if (v === undefined) {
      v = f(n);
      seen.set(n, v);
    }
    return v;
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
