/**
 * `@mvp` in VS Code's chat. An extension cannot see prompts sent to other participants, so this is
 * where MVP coaches at the moment of sending:
 *   /check <prompt>  the breakdown, energy range and suggestions, with buttons for the actions;
 *   /send <prompt>   the same measurement, then the prompt (with `--slim`: attachments in their
 *                    minimal form) goes to the model selected in the chat through the Language
 *                    Model API; the answer streams back, followed by the request's token usage
 *                    (ours, cross-checked with the model's own countTokens) and estimated energy.
 * Nothing is sent anywhere except by /send, to the provider of the model the user chose.
 */
import * as vscode from 'vscode';
import type { AnalysisWithNotices } from '../../core/analyse';
import type { AnalyseOptions } from '../../core/analyseOptions';
import { formatRange, formatTokens, formatWh } from '../../core/format';
import type { ModelProfile } from '../../core/profiles/modelProfile';
import { meterSentRequest, sentMessage } from '../../core/sentRequest';
import { historyTranscript, sentHistory, toChatMessages, type HistoryEntry } from './chatHistory';
import { promptWithReferences, resolveReferences } from './chatReferences';
import { checkReport } from './checkReport';

export interface ChatParticipantDeps {
  /** The engine as the editor runs it (EditorEngine.analyse: cached config and attachments, personal budgets). */
  analyse: (options: AnalyseOptions) => Promise<AnalysisWithNotices>;
  /** Workspace trust decides whether rule packs' JavaScript may run. Default: vscode.workspace.isTrusted. */
  isTrusted?: () => boolean;
  /** Where the participant logs what it could not do (the extension's output channel). */
  log?: { warn(message: string): void };
}

/** What a request's handler returns in `ChatResult.metadata` (the history keeps it; tests read it). */
export interface MvpChatMetadata {
  command: 'check' | 'send' | 'help';
  inputTokens?: number;
  wh?: number;
  /** /send: the model's answer (what later /send requests forward as history). */
  answer?: string;
  /** /send: the model's own count of the input messages, when it gave one. */
  modelInputTokens?: number;
  outputTokens?: number;
  sent?: boolean;
  slim?: boolean;
}

const USAGE = [
  'Use **@mvp /check** followed by your prompt (with `#file` references, as you would send it) to see what it costs and how to make it smaller,',
  'or **@mvp /send** to measure it, send it to the selected model and get its token use and energy at the end',
  '(`/send --slim …` sends attachments in their minimal form).',
].join(' ');

export function createChatRequestHandler(deps: ChatParticipantDeps): vscode.ChatRequestHandler {
  return async (request, context, stream, token): Promise<vscode.ChatResult> => {
    const command = request.command ?? 'check';
    if (command !== 'check' && command !== 'send') {
      stream.markdown(`Unknown command \`/${command}\`. ${USAGE}\n`);
      return { metadata: { command: 'help' } satisfies MvpChatMetadata };
    }
    const slim = command === 'send' && /^\s*--slim\b/.test(request.prompt);
    if (!request.prompt.replace(/^\s*--slim\b/, '').trim() && request.references.length === 0) {
      stream.markdown(`${USAGE}\n`);
      return { metadata: { command: 'help' } satisfies MvpChatMetadata };
    }

    stream.progress('Measuring the prompt…');
    const references = await resolveReferences(request.references);
    const text = promptWithReferences(request.prompt, references).replace(/^\s*--slim\b\s*/, '');
    const workspaceRoot = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const analysis = await deps.analyse({
      text,
      // The prompt has no file: references and the team config are found from the workspace.
      baseDir: workspaceRoot,
      workspaceRoot,
      model: request.model ? modelName(request.model) : undefined,
      transcript: historyTranscript(context.history),
      trusted: (deps.isTrusted ?? (() => vscode.workspace.isTrusted))(),
    });
    for (const reference of references) {
      if (reference.kind === 'skipped') deps.log?.warn(`@mvp: reference ${reference.label} not measured: ${reference.why}`);
    }

    if (command === 'check') {
      const report = checkReport(analysis, request.prompt);
      stream.markdown(report.markdown);
      for (const reference of references) if (reference.kind === 'file') stream.reference(vscode.Uri.file(reference.path));
      for (const button of report.buttons) stream.button(button);
      return { metadata: { command: 'check', inputTokens: analysis.tokens.total, wh: analysis.estimate.energyWh.central } satisfies MvpChatMetadata };
    }
    return send(request, context, stream, token, analysis, text, slim);
  };
}

async function send(
  request: vscode.ChatRequest,
  context: vscode.ChatContext,
  stream: vscode.ChatResponseStream,
  token: vscode.CancellationToken,
  analysis: AnalysisWithNotices,
  text: string,
  slim: boolean,
): Promise<vscode.ChatResult> {
  const model = request.model ?? (await firstAvailableModel());
  if (!model) {
    stream.markdown(
      'No language model is available to send to. Install or sign in to a chat model provider, pick a model in the chat, and send again — ' +
        '`/check` works without one.\n',
    );
    return { metadata: { command: 'send', sent: false } satisfies MvpChatMetadata };
  }
  const body = sentMessage(text, analysis, slim);
  const history = sentHistory(context.history);
  const entries: HistoryEntry[] = [...history, { role: 'user', text: body.text }];
  const messages = toChatMessages(entries);
  const meter = meterSentRequest(analysis, entries.map((e) => e.text));
  const ourInput = meter.inputTokens;
  const slimmed = body.slimmed.map((s) => `${s.name} as ${s.form}`);
  const left = body.left.map((l) => `${l.name} (${l.why})`);
  stream.markdown(
    `*Sending ${formatTokens(ourInput)} tokens to ${model.name}${history.length ? ` (with ${history.length} earlier messages of this chat)` : ''}` +
      `${slimmed.length ? `; slimmed, ${formatTokens(analysis.tokens.total - analysis.tokens.minimalTotal)} tokens less: ${slimmed.join('; ')}` : ''}.*` +
      `${left.length ? ` Not included: ${left.join('; ')}.` : ''}\n\n`,
  );

  let answer = '';
  try {
    const response = await model.sendRequest(
      messages,
      { justification: 'MVP sends your /send prompt to the model you selected, then reports its token use and estimated energy.' },
      token,
    );
    for await (const chunk of response.text) {
      answer += chunk;
      stream.markdown(chunk);
    }
  } catch (error) {
    const message = languageModelFailure(error, model);
    stream.markdown(`${answer ? '\n\n' : ''}${message}\n`);
    return { errorDetails: { message }, metadata: { command: 'send', sent: false, answer } satisfies MvpChatMetadata };
  }

  const { outputTokens, estimate } = meter.usage(answer);
  const modelInputTokens = await modelCount(model, messages, token);
  stream.markdown(`\n\n---\n${usageLine(ourInput, modelInputTokens, outputTokens, estimate.energyWh, model, meter.profile, token.isCancellationRequested)}\n`);
  return {
    metadata: {
      command: 'send',
      sent: true,
      slim,
      answer,
      inputTokens: ourInput,
      modelInputTokens,
      outputTokens,
      wh: estimate.energyWh.central,
    } satisfies MvpChatMetadata,
  };
}

function usageLine(
  ours: number,
  theirs: number | undefined,
  output: number,
  wh: { low: number; central: number; high: number },
  model: vscode.LanguageModelChat,
  profile: ModelProfile | undefined,
  cancelled: boolean,
): string {
  const check =
    theirs === undefined
      ? `${model.name} gave no count of its own`
      : `${model.name}'s own countTokens: ${formatTokens(theirs)} (${ours === 0 ? 'n/a' : `${theirs >= ours ? '+' : ''}${(((theirs - ours) / ours) * 100).toFixed(1)}%`})`;
  const tokenizer = profile ? `${profile.tokenizer.encoding}${profile.tokenizer.approximate ? ` × ${profile.tokenizer.calibrationFactor}, approximate` : ''}` : 'engine';
  return (
    `**This request:** ${formatTokens(ours)} input tokens (MVP, ${tokenizer}; ${check}), ${formatTokens(output)} output tokens${cancelled ? ' (stopped early)' : ''} — ` +
    `estimated ${formatRange(wh, formatWh)} with the ${profile?.name ?? 'default'} profile.`
  );
}

async function modelCount(model: vscode.LanguageModelChat, messages: vscode.LanguageModelChatMessage[], token: vscode.CancellationToken): Promise<number | undefined> {
  try {
    let total = 0;
    for (const message of messages) total += await model.countTokens(message, token);
    return total;
  } catch {
    return undefined; // a cross-check only; its absence is said in the usage line
  }
}

function languageModelFailure(error: unknown, model: vscode.LanguageModelChat): string {
  if (error instanceof vscode.LanguageModelError) {
    switch (error.code) {
      case vscode.LanguageModelError.NoPermissions.name:
        return `MVP may not use ${model.name} yet. Allow it when VS Code asks (or under Accounts → Manage Language Model Access) and send again; nothing was sent.`;
      case vscode.LanguageModelError.NotFound.name:
        return `${model.name} is no longer available. Pick another model in the chat and send again.`;
      case vscode.LanguageModelError.Blocked.name:
        return `${model.name} refused the request (quota or rate limit): ${error.message}`;
    }
    return `${model.name} failed: ${error.message}`;
  }
  return `Sending to ${model.name} failed: ${(error as Error)?.message ?? String(error)}`;
}

async function firstAvailableModel(): Promise<vscode.LanguageModelChat | undefined> {
  try {
    return (await vscode.lm.selectChatModels())[0];
  } catch {
    return undefined;
  }
}

/** The selected model's name as the profile registry resolves it (family first: "gpt-4o", "claude-sonnet-4.5"). */
function modelName(model: vscode.LanguageModelChat): string {
  return model.family || model.id;
}

