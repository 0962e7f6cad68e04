/**
 * An agent's fixed load for a folder: every item the agent sends with each request before the user
 * types a word, counted for the chosen model, with its share of each request's energy and per
 * session, where it comes from, and findings with fixes. Reads files only; starts MCP servers only
 * when `probeMcp` is set (the user's consent), with a time cap, and caches what they list.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { profileRegistryFor } from '../analyse';
import { loadConfigFor } from '../config/loadConfig';
import { estimateRequest, mapBounds, type Estimate3 } from '../energy';
import { calibrate, countForProfile } from '../tokens/countForProfile';
import type { AgentContext, AgentId, ContextItem, ContextPiece } from './agentContextTypes';
import { mcpSendsNamesOnly, mcpServerText, wrapInstructionPieces } from './agentFormats';
import { baselineOf, baselinePieces, baselineProvenance, mcpSupportPiece, memoryWrapperPiece } from './builtinLoad';
import { recentClaudeSessions, type ClaudeSessionFacts } from './claudeCodeLogs';
import { contextFindings } from './contextFindings';
import { recentCopilotFirstRequests, type CopilotLogFacts } from './copilotChatLogs';
import { detectAgent } from './detectAgent';
import { defaultCacheDir, McpToolCache } from './mcpCache';
import { mcpServersOf, type McpServerConfig } from './mcpConfig';
import { isLoopback, probeMcpServer, remoteServerProblem, type McpTool } from './mcpProbe';
import { emptyProjectListing, geminiFolderListing } from './geminiFolderListing';
import { memoryPieces } from './memoryFiles';
import { skillPieces } from './skills';

export interface AgentContextOptions {
  folder: string;
  agent?: AgentId | 'auto';
  model?: string;
  /** Start MCP servers to measure their tools (consent). Default false: cache only. */
  probeMcp?: boolean;
  /** Per server, in ms. */
  probeTimeoutMs?: number;
  home?: string;
  env?: Record<string, string | undefined>;
  cacheDir?: string;
  /** Read the agent's own logs (learned load, requests per session, unused servers). Default true. */
  useLogs?: boolean;
  /** How many recent session logs to read (default 10); the hook reads fewer to stay fast. */
  maxLogSessions?: number;
  /** Tools the editor reports as registered for its agent (VS Code: vscode.lm.tools), counted as sent. */
  editorTools?: McpTool[];
}

/** The model each agent uses unless told otherwise (its documented default family). */
const AGENT_DEFAULT_MODEL: Record<AgentId, string> = {
  'claude-code': 'claude-sonnet-4-5',
  vscode: 'gpt-4o',
  codex: 'gpt-5',
  gemini: 'gemini-2.5-pro',
};

/** When no logs tell the pace: a stated assumption, shown with every per-session figure. */
const ASSUMED_REQUESTS_PER_SESSION = 20;
const ASSUMED_SESSIONS_PER_MONTH = 40;
const DEFAULT_PROBE_TIMEOUT_MS = 20_000;

/** Agents seen asking for prompt caching in their requests (test/agents captures). */
const PREFIX_CACHING: Record<AgentId, string | undefined> = {
  'claude-code': 'cache_control on its system blocks (observed with 2.1.328)',
  codex: 'a prompt_cache_key in every request (observed with 0.169.0)',
  vscode: undefined,
  gemini: undefined,
};

export async function analyseAgentContext(options: AgentContextOptions): Promise<AgentContext> {
  const folder = path.resolve(options.folder);
  const home = options.home ?? os.homedir();
  const env = options.env ?? process.env;
  const detected = !options.agent || options.agent === 'auto' ? detectAgent(folder) : undefined;
  const agent: AgentId = detected?.agent ?? (options.agent as AgentId);
  const notes: string[] = detected ? [`agent: ${agent} (${detected.reason})`] : [];

  const sessions =
    options.useLogs !== false && agent === 'claude-code'
      ? recentClaudeSessions(home, folder, options.maxLogSessions)
      : [];
  const copilotLogs =
    options.useLogs !== false && agent === 'vscode'
      ? recentCopilotFirstRequests(folder, { env, home }, options.maxLogSessions)
      : undefined;
  // The team config's model and profiles apply here as to every prompt of the folder; its JavaScript packs never run here.
  const config = loadConfigFor(folder, { trusted: false });
  const registry = profileRegistryFor(config);
  const requested = options.model ?? config.model ?? AGENT_DEFAULT_MODEL[agent];
  const resolved = registry.resolve(requested);
  const profile = resolved.profile;
  const countText = (text: string) => countForProfile(profile, text).tokens;

  const memory = memoryPieces(agent, folder, { home, env });
  const { pieces: skillItems, skills } = skillPieces(agent, folder, home, env);
  const { servers, problems: configProblems } = mcpServersOf(agent, folder, home, env);
  const mcp = await mcpPieces(agent, servers, { folder, home, env, options });
  for (const problem of configProblems) {
    mcp.pieces.push({
      kind: 'mcp',
      name: 'MCP configuration',
      source: 'not-measured',
      text: '',
      origin: 'agent MCP configuration',
      problem,
    });
  }
  const userPieces = [...memory, ...skillItems, ...mcp.pieces];
  userPieces.push(...wrapInstructionPieces(agent, folder, memory));
  if (agent === 'claude-code' && memory.some((p) => p.text)) {
    const wrapper = memoryWrapperPiece(agent);
    if (wrapper) userPieces.push(wrapper);
  }
  if (servers.length) {
    const support = mcpSupportPiece(agent);
    if (support) userPieces.push(support);
  }
  if (agent === 'gemini') userPieces.push(geminiListingPiece(folder, countText));
  if (options.editorTools?.length) {
    userPieces.push({
      kind: 'tools',
      name: `tools registered in the editor (${options.editorTools.length})`,
      source: 'editor',
      text: options.editorTools.map((tool) => mcpServerText('vscode', '', [tool], env)).join(''),
      origin:
        "the editor's list of language-model tools (vscode.lm.tools) with their input schemas; the agent may send only those enabled for the chat",
    });
  }

  let convertedBaseline = false;
  const tokensOf = (piece: ContextPiece): number => {
    if (piece.tokens !== undefined) return piece.tokens;
    if (piece.text !== undefined) return countText(piece.text);
    const measured = piece.tokensByEncoding ?? {};
    let proxy = measured[profile.tokenizer.encoding];
    if (proxy === undefined) {
      // Baselines are measured in OpenAI's encodings; the open families take the closest one's
      // count (Llama 3's vocabulary extends cl100k_base), which makes these items approximate.
      const closest = profile.tokenizer.encoding === 'llama3' ? 'cl100k_base' : 'o200k_base';
      proxy = measured[closest];
      if (proxy !== undefined && !convertedBaseline) {
        convertedBaseline = true;
        notes.push(
          `the agent's built-in load was measured in ${closest}, not ${profile.tokenizer.encoding}: those items are approximate`,
        );
      }
    }
    return proxy === undefined ? 0 : calibrate(profile, proxy).tokens;
  };
  const userTokens = userPieces.reduce((n, p) => n + tokensOf(p), 0);
  const builtin =
    (copilotLogs && learnedCopilotPieces(copilotLogs, userTokens, countText, notes, !!options.editorTools?.length)) ??
    builtinPieces(agent, sessions, userTokens, countText, notes, profile.id, !!options.editorTools?.length);

  const pieces = [...builtin, ...userPieces];
  const counted = pieces.map((piece) => ({ piece, tokens: tokensOf(piece) }));
  const totalTokens = counted.reduce((n, c) => n + c.tokens, 0);

  const perRequest = estimateRequest(profile, { inputTokens: totalTokens, outputTokens: 0 }).energyWh;
  const share = (tokens: number): Estimate3 =>
    mapBounds((b) => (totalTokens > 0 ? (perRequest[b] * tokens) / totalTokens : 0));
  const items: ContextItem[] = counted.map(({ piece, tokens }) => ({
    kind: piece.kind,
    name: piece.name,
    ...(piece.path ? { path: piece.path } : {}),
    tokens,
    wh: share(tokens),
    source: piece.source,
    origin: piece.origin,
    ...(piece.problem ? { problem: piece.problem } : {}),
  }));

  const pace = paceOf(sessions);
  // Agents that ask the provider to cache their prompt prefix re-read the fixed load from the cache after the first request.
  const cached = estimateRequest(profile, {
    inputTokens: totalTokens,
    cachedInputTokens: PREFIX_CACHING[agent] ? totalTokens : 0,
    outputTokens: 0,
  }).energyWh;
  const sessionWh = mapBounds((b) => perRequest[b] + (pace.requestsPerSession - 1) * cached[b]);

  const memoryTexts = memory
    .filter((p) => p.text && p.path)
    .map((p) => ({ path: p.path!, name: p.name, text: p.text! }));
  const findings = contextFindings({
    agent,
    builtInKnown: builtin.length > 0,
    items,
    totalTokens,
    whPerToken: totalTokens > 0 ? perRequest.central / totalTokens : 0,
    requestsPerMonth: pace.requestsPerMonth,
    memoryTexts,
    servers,
    serverItems: new Map(items.filter((i) => i.kind === 'mcp').map((i) => [i.name.replace(/^MCP server /, ''), i])),
    mcpUsage: sessions.length
      ? { sessions: sessions.length, called: new Set(sessions.flatMap((s) => [...s.mcpServersCalled])) }
      : undefined,
    skills,
    applyToEverything: items
      .filter((i) => i.kind === 'instructions' && i.origin.startsWith('instruction file with applyTo'))
      .map((i) => ({ path: i.path!, name: i.name, tokens: i.tokens })),
    countTokens: countText,
  });
  for (const { server, problem } of mcp.unmeasured) {
    findings.push({
      id: 'mcp-not-measured',
      message: `MCP server "${server.name}" was not measured: its tool schemas are not in the total`,
      path: server.configFile,
      fix: problem
        ? `It could not be measured (${problem}); the total leaves out its tools, so the real request is larger than shown.`
        : 'Run `mvp context --probe-mcp` once: it starts the server, asks for its tools (time-capped) and caches them.',
    });
  }
  notes.push(...mcp.notes);
  notes.push(pace.source);

  return {
    agent,
    folder,
    model: { id: profile.id, requested, approximateTokens: profile.tokenizer.approximate },
    total: { tokens: totalTokens, wh: perRequest },
    session: {
      requests: pace.requestsPerSession,
      requestsSource: pace.source,
      caching: PREFIX_CACHING[agent]
        ? `requests after the first read the fixed load from the provider's cache: ${PREFIX_CACHING[agent]}`
        : 'no prompt caching assumed',
      wh: sessionWh,
    },
    items,
    findings,
    notes,
  };
}

function builtinPieces(
  agent: AgentId,
  sessions: ClaudeSessionFacts[],
  userTokens: number,
  countText: (t: string) => number,
  notes: string[],
  modelId: string,
  editorToolsCounted: boolean,
): ContextPiece[] {
  const learned = sessions
    .filter((s) => s.firstRequestInputTokens !== undefined)
    .map((s) => s.firstRequestInputTokens! - userTokens - countText(s.firstPrompt ?? ''))
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (learned.length) {
    const median = learned[Math.floor(learned.length / 2)];
    const versions = [...new Set(sessions.map((s) => s.clientVersion).filter(Boolean))].join(', ');
    notes.push(
      `built-in load learned from ${learned.length} recent session log(s) of this folder (Claude Code ${versions || 'version unknown'}): recorded input of the first request minus the items counted here and the prompt`,
    );
    return [
      {
        kind: 'system',
        name: 'Claude Code built-in load (system prompt, tools, reminders)',
        source: 'learned',
        tokens: median,
        origin: `learned from your logs: median over ${learned.length} session(s) of the first request's recorded input tokens, minus the items below and the prompt`,
      },
    ];
  }
  const baseline = baselineOf(agent);
  if (!baseline) {
    notes.push(
      `no measured baseline for ${agent}'s own system prompt and tools: only the files of this folder are counted (the real request is larger)`,
    );
    return [];
  }
  notes.push(`built-in load: ${baselineProvenance(agent, baseline)}`);
  if (baseline.notCounted) notes.push(`not in the ${agent} baseline: ${baseline.notCounted}`);
  if (agent === 'vscode' && !editorToolsCounted)
    notes.push(
      "Copilot's tool schemas are not counted outside the editor (MVP: Show Agent Context counts the tools VS Code has registered); the real request is larger",
    );
  return baselinePieces(agent, modelId);
}

/**
 * Copilot's own load learned from the folder's VS Code chat sessions: the recorded prompt tokens of
 * each session's first request (a single model call), minus the items counted here, the message
 * and its attachments; the median. Undefined when no session can tell it (the baseline applies).
 */
function learnedCopilotPieces(
  logs: CopilotLogFacts,
  userTokens: number,
  countText: (t: string) => number,
  notes: string[],
  editorToolsCounted: boolean,
): ContextPiece[] | undefined {
  const leftOut = Object.entries(logs.leftOut)
    .map(([reason, n]) => `${n} ${reason}`)
    .join('; ');
  const samples = logs.firstRequests
    .map((r) => ({
      request: r,
      load: r.promptTokens - userTokens - countText(r.userText) - r.attachedTexts.reduce((n, t) => n + countText(t), 0),
    }))
    .filter((s) => s.load > 0)
    .sort((a, b) => a.load - b.load);
  if (!samples.length) {
    if (leftOut) notes.push(`VS Code chat sessions of this folder left out of the learned load: ${leftOut}`);
    return undefined;
  }
  const median = samples[Math.floor(samples.length / 2)].load;
  const used = samples.map((s) => s.request);
  const models = [...new Set(used.map((r) => r.model))].join(', ');
  const days = used.map((r) => new Date(r.time).toISOString().slice(0, 10)).sort();
  const dates = days[0] === days[days.length - 1] ? days[0] : `${days[0]} to ${days[days.length - 1]}`;
  const versions = [...new Set(used.map((r) => r.extensionVersion).filter(Boolean))].join(', ');
  const modes = [...new Set(used.map((r) => r.mode).filter(Boolean))].join(', ');
  const described = `${samples.length} VS Code chat session(s) of this folder (model ${models}; ${dates}${versions ? `; Copilot Chat ${versions}` : ''}${modes ? `; ${modes} mode` : ''})`;
  notes.push(
    `built-in load learned from ${described}: recorded prompt tokens of the first request (a single model call) minus the items counted here, the message and its attachments`,
  );
  if (leftOut) notes.push(`VS Code chat sessions left out of the learned load: ${leftOut}`);
  return [
    {
      kind: 'system',
      name: editorToolsCounted
        ? 'Copilot built-in load (system prompt, context; tools counted below)'
        : 'Copilot built-in load (system prompt, tools, context)',
      source: 'learned',
      tokens: median,
      origin: `learned from your logs: median over ${described} of the first request's recorded prompt tokens, minus the items below, the message and its attachments`,
    },
  ];
}

/** Gemini CLI's folder listing, beyond the one of an empty project that its baseline already holds. */
function geminiListingPiece(folder: string, countText: (text: string) => number): ContextPiece {
  const listing = geminiFolderListing(folder);
  const entries = listing.split('\n').length - 3;
  return {
    kind: 'messages',
    name: `Gemini CLI folder listing (${entries} entries)`,
    source: 'file',
    tokens: Math.max(0, countText(listing) - countText(emptyProjectListing(folder))),
    origin:
      'the folder tree Gemini CLI puts in every session context (up to 200 entries; .gitignore not applied here), beyond the empty project of its baseline',
  };
}

function paceOf(sessions: ClaudeSessionFacts[]): {
  requestsPerSession: number;
  requestsPerMonth: number;
  source: string;
} {
  if (sessions.length) {
    const requests = sessions.map((s) => s.requests).sort((a, b) => a - b);
    const median = Math.max(1, requests[Math.floor(requests.length / 2)]);
    const monthAgo = Date.now() - 30 * 24 * 3600 * 1000;
    const lastMonth = sessions.filter((s) => s.modifiedMs >= monthAgo).length;
    return {
      requestsPerSession: median,
      requestsPerMonth: median * Math.max(lastMonth, 1),
      source: `pace from your logs: median ${median} requests per session over ${sessions.length} session(s), ${lastMonth} session(s) in the last 30 days`,
    };
  }
  return {
    requestsPerSession: ASSUMED_REQUESTS_PER_SESSION,
    requestsPerMonth: ASSUMED_REQUESTS_PER_SESSION * ASSUMED_SESSIONS_PER_MONTH,
    source: `pace assumed (no logs): ${ASSUMED_REQUESTS_PER_SESSION} requests per session, ${ASSUMED_SESSIONS_PER_MONTH} sessions a month`,
  };
}

async function mcpPieces(
  agent: AgentId,
  servers: McpServerConfig[],
  context: { folder: string; home: string; env: Record<string, string | undefined>; options: AgentContextOptions },
): Promise<{
  pieces: ContextPiece[];
  unmeasured: Array<{ server: McpServerConfig; problem?: string }>;
  notes: string[];
}> {
  const cache = new McpToolCache(context.options.cacheDir ?? defaultCacheDir(context.env));
  const notes: string[] = [];
  const unmeasured: Array<{ server: McpServerConfig; problem?: string }> = [];
  const timeoutMs = context.options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const how = mcpSendsNamesOnly(agent, context.env)
    ? 'tool names only (Claude Code defers MCP tool schemas behind tool search)'
    : 'full tool schemas';
  const pieces = await Promise.all(
    servers.map(async (server): Promise<ContextPiece> => {
      const base = { kind: 'mcp' as const, name: `MCP server ${server.name}`, path: server.configFile };
      if (server.problem)
        return {
          ...base,
          source: 'not-measured',
          text: '',
          origin: `declared in ${server.configFile}`,
          problem: server.problem,
        };
      let tools: McpTool[] | undefined;
      let source: ContextPiece['source'] = 'mcp-cache';
      let problem: string | undefined;
      let when = '';
      if (server.url && !isLoopback(server.url)) {
        unmeasured.push({ server, problem: remoteServerProblem(server) });
        return {
          ...base,
          source: 'not-measured',
          text: '',
          origin: `declared in ${server.configFile}; remote, not measured`,
          problem: remoteServerProblem(server),
        };
      }
      if (context.options.probeMcp) {
        const result = await probeMcpServer(server, { cwd: context.folder, timeoutMs });
        if (result.ok) {
          tools = result.tools;
          source = 'mcp-probe';
          const cacheProblem = cache.set(server, {
            tools: result.tools,
            serverVersion: result.serverVersion,
            measuredAt: new Date().toISOString(),
          });
          if (cacheProblem) notes.push(cacheProblem);
          when = `measured now${result.serverVersion ? ` (server version ${result.serverVersion})` : ''}`;
        } else {
          problem = result.problem;
        }
      }
      if (!tools) {
        const cached = cache.get(server);
        if (cached) {
          tools = cached.tools;
          source = 'mcp-cache';
          when = `measured ${cached.measuredAt.slice(0, 10)}${cached.serverVersion ? ` (server version ${cached.serverVersion})` : ''}, from the cache`;
        }
      }
      if (!tools) {
        unmeasured.push({ server, problem });
        return {
          ...base,
          source: 'not-measured',
          text: '',
          origin: `declared in ${server.configFile}; not measured`,
          problem:
            problem ??
            `its tools were not measured (0 tokens counted); run \`mvp context --probe-mcp\` to start it once and cache its tool list`,
        };
      }
      return {
        ...base,
        source,
        text: mcpServerText(agent, server.name, tools, context.env),
        origin: `${tools.length} tools from tools/list, ${when}; sent as ${how}`,
        problem,
      };
    }),
  );
  return { pieces, unmeasured, notes };
}
