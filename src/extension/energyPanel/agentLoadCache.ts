/**
 * The workspace agent's fixed load for the panel and the report, measured off the typing path:
 * once per workspace folder and model, from files and the MCP cache only (a server is never
 * started from here), kept until a watched file changes (agentLoadSource.ts) or it is older than
 * MAX_AGE_MS, because the learned built-in load follows the agent's logs, which grow at every
 * request. While a stale figure is measured again the old one stays on screen (no flicker).
 * No vscode import: the measurement is injected, so tests drive it with plain functions.
 */
import type { AgentContext } from '../../core/agentContext/agentContextTypes';
import type { McpTool } from '../../core/agentContext/mcpProbe';
import type { Estimate3 } from '../../core/energy';

export interface AgentLoad {
  context: AgentContext;
  /** How the agent was recognised: "found CLAUDE.md". */
  agentReason: string;
  /** The energy of a whole request on the same model (the fixed load plus what the prompt adds). */
  requestWh(input: {
    inputTokens: number;
    cachedInputTokens?: number;
    outputTokens: number;
    region?: string;
  }): Estimate3;
  /** How long the measurement took (ms). */
  elapsedMs: number;
}

export type AgentLoadState =
  | { status: 'loading' }
  /** No agent is set up there (or no folder): said plainly, with no load shown as if it were one. */
  | { status: 'none'; reason: string }
  | { status: 'ready'; load: AgentLoad }
  | { status: 'error'; message: string };

export interface AgentLoadRequest {
  folder: string;
  /** The prompt's model, so the fixed load and what was typed are counted alike. */
  model: string;
  /** Tools the editor has registered (vscode.lm.tools), counted when the agent is VS Code's; read only when measuring. */
  editorTools?: () => McpTool[] | undefined;
  /** Where the agent's home, logs and MCP cache are (tests point them at a temporary folder). */
  overrides?: { home?: string; cacheDir?: string; useLogs?: boolean };
}

export type MeasureAgentLoad = (request: AgentLoadRequest) => Promise<AgentLoad | { none: string }>;

/** The learned built-in load and the pace come from logs that change at every request: re-read now and then. */
export const AGENT_LOAD_MAX_AGE_MS = 10 * 60 * 1000;
/** Folders × models kept; a window has a few of each. */
const MAX_ENTRIES = 16;

interface Entry {
  folder: string;
  state: AgentLoadState;
  measuredAt: number;
  measuring: boolean;
  /** Bumped by each measurement and invalidation, so a result that predates a change is dropped. */
  generation: number;
}

export const NO_AGENT_MESSAGE =
  'No coding agent is set up in this folder: none of the files Claude Code, Copilot, Codex CLI or Gemini CLI read (CLAUDE.md, .claude/, .mcp.json, .github/copilot-instructions.md, .vscode/mcp.json, AGENTS.md, GEMINI.md) is there. Only what you typed is counted.';

/** The core functions a measurement uses: loaded on first use in the editor, passed directly by tests. */
export interface AgentLoadModules {
  detectAgent: typeof import('../../core/agentContext/detectAgent').detectAgent;
  analyseAgentContext: typeof import('../../core/agentContext/analyseAgentContext').analyseAgentContext;
  profileRegistryFor: typeof import('../../core/analyse').profileRegistryFor;
  loadConfigFor: typeof import('../../core/config/loadConfig').loadConfigFor;
  estimateRequest: typeof import('../../core/energy').estimateRequest;
}

/** The real measurement: the core's agent-context model, loaded on first use (none of it on the typing path). */
export async function measureAgentLoad(request: AgentLoadRequest): Promise<AgentLoad | { none: string }> {
  const [{ detectAgent }, { analyseAgentContext }, { profileRegistryFor }, { loadConfigFor }, { estimateRequest }] =
    await Promise.all([
      import('../../core/agentContext/detectAgent'),
      import('../../core/agentContext/analyseAgentContext'),
      import('../../core/analyse'),
      import('../../core/config/loadConfig'),
      import('../../core/energy'),
    ]);
  return measureAgentLoadWith(
    { detectAgent, analyseAgentContext, profileRegistryFor, loadConfigFor, estimateRequest },
    request,
  );
}

export async function measureAgentLoadWith(
  modules: AgentLoadModules,
  request: AgentLoadRequest,
): Promise<AgentLoad | { none: string }> {
  const started = performance.now();
  const detected = modules.detectAgent(request.folder);
  if (!detected.detected) return { none: NO_AGENT_MESSAGE };
  const context = await modules.analyseAgentContext({
    folder: request.folder,
    agent: detected.agent,
    model: request.model,
    // Never start a server from the panel: cached tool lists only (MVP: Show Agent Context measures, with consent).
    probeMcp: false,
    editorTools: detected.agent === 'vscode' ? request.editorTools?.() : undefined,
    ...request.overrides,
  });
  const registry = modules.profileRegistryFor(modules.loadConfigFor(request.folder, { trusted: false }));
  const profile = registry.resolve(context.model.id).profile;
  return {
    context,
    agentReason: detected.reason,
    requestWh: (input) => modules.estimateRequest(profile, input).energyWh,
    elapsedMs: performance.now() - started,
  };
}

export class AgentLoadCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    /** Runs when a measurement ends (or an invalidation asks the panel to look again). */
    private readonly onChange: () => void,
    private readonly measure: MeasureAgentLoad = measureAgentLoad,
    private readonly now: () => number = () => Date.now(),
    private readonly maxAgeMs: number = AGENT_LOAD_MAX_AGE_MS,
  ) {}

  /**
   * The load for this folder and model as known now. Starts a measurement when there is none or
   * it is stale, and calls onChange when that ends; cheap enough to call on every analysis.
   */
  get(request: AgentLoadRequest): AgentLoadState {
    const key = `${request.folder}\u0000${request.model}`;
    let entry = this.entries.get(key);
    if (entry && (entry.measuring || this.now() - entry.measuredAt < this.maxAgeMs)) return entry.state;
    if (!entry) {
      entry = {
        folder: request.folder,
        state: { status: 'loading' },
        measuredAt: -Infinity,
        measuring: false,
        generation: 0,
      };
      this.entries.set(key, entry);
      for (const old of [...this.entries.keys()].slice(0, Math.max(0, this.entries.size - MAX_ENTRIES)))
        this.entries.delete(old);
    }
    const measured = entry;
    const generation = ++measured.generation;
    measured.measuring = true;
    this.measure(request)
      .then(
        (result): AgentLoadState =>
          'none' in result ? { status: 'none', reason: result.none } : { status: 'ready', load: result },
        (error: unknown): AgentLoadState => ({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
      )
      .then((state) => {
        // Invalidated (or dropped) meanwhile: this result may predate the change; the next get measures again.
        if (this.entries.get(key) !== measured || measured.generation !== generation) return;
        measured.state = state;
        measured.measuredAt = this.now();
        measured.measuring = false;
        this.onChange();
      })
      .catch(() => undefined);
    return measured.state;
  }

  /**
   * A watched file changed: the loads of that folder (of every folder when none is given) are
   * measured again at the next get; until then the last figures stay shown.
   */
  invalidate(folder?: string): void {
    let stale = false;
    for (const entry of this.entries.values()) {
      if (folder === undefined || entry.folder === folder) {
        entry.measuredAt = -Infinity;
        entry.measuring = false;
        entry.generation++;
        stale = true;
      }
    }
    if (stale) this.onChange();
  }
}
