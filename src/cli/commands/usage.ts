/**
 * `mvp usage [daily|weekly|monthly|session|project]`: what coding agents really used, from their own
 * local logs (Claude Code, Codex CLI, Gemini CLI): tokens exactly as recorded, requests and models,
 * and VS Code Copilot Chat's sessions, whose tokens are counted from the text where Copilot recorded
 * none (labelled, and kept apart from the recorded totals),
 * energy / carbon / water ranges from the shared estimator, a list-price cost estimate, and the
 * heaviest sessions with what starting fresh would have saved. Logs never leave the machine.
 */
import * as os from 'node:os';
import { findGridZone, METHOD_VERSION } from '../../core/energy';
import { createProfileRegistry, loadBuiltinProfiles } from '../../core/profiles';
import { DEFAULT_PROFILE_ID } from '../../core/profiles/profileRegistry';
import { formatGrams, formatInteger, formatMl, formatRange, formatTokens, formatWh } from '../../core/format';
import {
  AGENT_IDS,
  AGENT_NAMES,
  ESTIMATED_LABEL,
  clearDigests,
  collectUsage,
  defaultCacheDir,
  type AgentId,
  type CollectedUsage,
  type UsageFigures,
  type UsageGrouping,
} from '../../core/usage';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../cliIo';

export const USAGE_USAGE = `Usage: mvp usage [daily|weekly|monthly|session|project] [--since DATE] [--until DATE] [--agent NAME]… [--format text|json] [--region ZONE] [--no-cache] [--clear-cache]

Reads the local logs of coding agents — Claude Code (~/.claude/projects, ~/.config/claude/projects or
$CLAUDE_CONFIG_DIR), Codex CLI ($CODEX_HOME/sessions, default ~/.codex/sessions) and Gemini CLI
(~/.gemini/tmp/*/chats) — and reports the tokens they recorded (input, output, cache writes, cache
reads, reasoning), requests per model, energy / carbon / water ranges and an estimated cost at list
prices, grouped by day (default), ISO week, month, session or project, with coaching for the
heaviest sessions. VS Code Copilot Chat's sessions (every VS Code flavour's workspaceStorage/*/
chatSessions) are read too: where Copilot recorded no tokens they are counted from the chat's text,
shown apart and labelled "${ESTIMATED_LABEL}".
Nothing is sent anywhere and nothing is written next to the logs; per-file digests are cached in
your cache folder so later runs read only what changed.

  --since DATE, --until DATE   local dates, inclusive (YYYY-MM-DD or YYYYMMDD)
  --agent NAME                 claude-code, codex, gemini-cli or copilot-chat (alias copilot;
                               repeatable; default all)
  --format text|json           output format (default text; JSON is documented in docs/usage.md)
  --region ZONE                grid zone for carbon and water (default: each model's data centre)
  --no-cache                   read every log again and leave the cache as it is
  --clear-cache                delete the cache and exit
`;

const GROUPINGS: readonly UsageGrouping[] = ['daily', 'weekly', 'monthly', 'session', 'project'];
const AGENT_ALIASES: Record<string, AgentId> = {
  claude: 'claude-code',
  'claude-code': 'claude-code',
  codex: 'codex',
  gemini: 'gemini-cli',
  'gemini-cli': 'gemini-cli',
  copilot: 'copilot-chat',
  'copilot-chat': 'copilot-chat',
};

export interface UsageEnvironment {
  env: Record<string, string | undefined>;
  home: string;
  platform: NodeJS.Platform;
}

export async function runUsage(args: string[], io: CliIo, environment: UsageEnvironment = processEnvironment()): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    since: { type: 'string' },
    until: { type: 'string' },
    agent: { type: 'string', multiple: true },
    format: { type: 'string', choices: ['text', 'json'] },
    region: { type: 'string' },
    'no-cache': { type: 'boolean' },
    'clear-cache': { type: 'boolean' },
  });
  const cacheDir = defaultCacheDir(environment);
  if (flags['clear-cache']) {
    const removed = clearDigests(cacheDir);
    io.stdout(removed ? `Usage cache cleared (${cacheDir}).\n` : `No usage cache to clear (${cacheDir}).\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}' — usage: mvp usage [daily|weekly|monthly|session|project] …`);
  const grouping = (positionals[0] ?? 'daily') as UsageGrouping;
  if (!GROUPINGS.includes(grouping)) throw new UsageError(`unknown report '${positionals[0]}'; use one of ${GROUPINGS.join(', ')}`);
  const since = flags.since === undefined ? undefined : parseDate(flags.since as string, '--since');
  const until = flags.until === undefined ? undefined : parseDate(flags.until as string, '--until');
  if (since && until && since > until) throw new UsageError(`--since (${since}) is after --until (${until})`);
  const agents = ((flags.agent as string[] | undefined) ?? []).map((name) => {
    const agent = AGENT_ALIASES[name.toLowerCase()];
    if (!agent) throw new UsageError(`unknown --agent '${name}'; use ${AGENT_IDS.join(', ')}`);
    return agent;
  });
  const region = flags.region as string | undefined;
  if (region && !findGridZone(region)) throw new UsageError(`unknown --region '${region}'; run 'mvp models --regions' for the list`);

  const collected = collectUsage({
    environment,
    // The built-in profiles (no team config applies to agent logs); loaded directly so the command
    // does not initialise the prompt-analysis engine it does not use.
    registry: createProfileRegistry(loadBuiltinProfiles()),
    region,
    cacheDir: flags['no-cache'] ? undefined : cacheDir,
    grouping,
    since,
    until,
    agents,
    // Kept per output format: the next run with nothing changed prints it without rendering again.
    rendering: `mvp usage --format ${flags.format === 'json' ? 'json' : 'text'}`,
  });
  if (collected.storedRendering !== undefined) {
    if (io.stdoutBytes) io.stdoutBytes(collected.storedRendering);
    else io.stdout(collected.storedRendering.toString('utf8'));
    return 0;
  }
  if (collected.scan.cacheProblem) io.stderr(`mvp usage: ${collected.scan.cacheProblem}\n`);
  for (const file of collected.scan.unreadable) io.stderr(`mvp usage: could not read ${file.path} (${file.reason}); skipped\n`);
  const render = (usage: CollectedUsage) => (flags.format === 'json' ? JSON.stringify(toJson(usage), null, 2) + '\n' : toText(usage));
  const text = render(collected);
  io.stdout(text);
  collected.keepRendering?.((asStored) => (asStored === collected ? text : render(asStored)));
  return 0;
}

function processEnvironment(): UsageEnvironment {
  return { env: process.env, home: os.homedir(), platform: process.platform };
}

function parseDate(raw: string, flag: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(raw.trim());
  if (!m || Number.isNaN(Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`))) {
    throw new UsageError(`${flag} needs a date as YYYY-MM-DD (or YYYYMMDD), got '${raw}'`);
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const LIST_KEY: Record<UsageGrouping, 'periods' | 'sessions' | 'projects'> = {
  daily: 'periods',
  weekly: 'periods',
  monthly: 'periods',
  session: 'sessions',
  project: 'projects',
};

function toJson({ report, roots, scan, calculator }: CollectedUsage): unknown {
  const pricedProfiles = new Map<string, { profile: string; source?: { url: string; checked: string }; note?: string }>();
  for (const group of report.groups) {
    for (const m of group.models) {
      const { profile } = calculator.model(m.model);
      pricedProfiles.set(m.model, { profile: profile.id, source: profile.pricing?.source, note: profile.pricing?.note });
    }
  }
  return {
    grouping: report.grouping,
    totals: report.totals,
    ...(report.estimatedTotals
      ? {
          estimatedTotals: {
            label: ESTIMATED_LABEL,
            note: 'VS Code Copilot Chat requests whose tokens Copilot did not record, counted from the chat text with the model tokenizer; not included in totals',
            ...report.estimatedTotals,
          },
        }
      : {}),
    [LIST_KEY[report.grouping]]: report.groups,
    heaviestSessions: report.heaviestSessions,
    sources: report.sources,
    logFolders: roots,
    cache: { filesFromCache: scan.counts.cached, filesAppended: scan.counts.appended, filesRead: scan.counts.read, problem: scan.cacheProblem },
    method: {
      energy: `shared estimator ${METHOD_VERSION} (docs/energy-model.md), one estimate per recorded request; reasoning tokens recorded in the logs count as output, none are added`,
      cost: 'estimate at list prices from the model profiles (USD per million tokens); subscriptions, discounts and long-prompt tiers are not modelled; requests of models without a price are counted in unpricedRequests',
      prices: Object.fromEntries(pricedProfiles),
      dedup: 'Claude Code: first entry of each message.id + requestId (as ccusage); Gemini CLI: session + message id; Codex CLI: token_count events that leave the running total unchanged are repeats; VS Code Copilot Chat: session + request id',
      estimated: `VS Code Copilot Chat: modelTotals, or promptTokens + completionTokens of a single-call turn, are recorded figures; any other request is ${ESTIMATED_LABEL} (input: the conversation so far + the message + attached text; output: the answer, thinking and edits) and is summed apart (estimatedTotals, groups' estimated)`,
    },
  };
}

function toText({ report, roots, scan }: CollectedUsage): string {
  const lines: string[] = [];
  const found = report.sources.map(
    (s) =>
      `${AGENT_NAMES[s.agent]} (${plural(s.files, 'file')}, ${plural(s.requests, 'request')}${s.estimatedRequests > 0 ? ` recorded, ${plural(s.estimatedRequests, 'request')} estimated from text` : ''})`,
  );
  if (found.length === 0) {
    lines.push('No agent logs found. Looked in:');
    for (const r of roots) {
      if (r.layout === 'flat') continue; // the empty-window folders beside a VS Code workspaceStorage
      const where = r.layout === 'workspaceStorage' ? `${r.dir}${r.dir.includes('\\') ? '\\' : '/'}*${r.dir.includes('\\') ? '\\' : '/'}chatSessions` : r.dir;
      lines.push(`  ${AGENT_NAMES[r.agent].padEnd(12)} ${where}${r.exists ? '' : ' (missing)'}`);
    }
    lines.push('Set CLAUDE_CONFIG_DIR or CODEX_HOME if your agents keep their logs elsewhere.');
    return lines.join('\n') + '\n';
  }
  lines.push(`Agent usage from local logs: ${found.join(', ')}`);
  const head = report.grouping === 'session' ? 'Session' : report.grouping === 'project' ? 'Project' : report.grouping === 'weekly' ? 'Week of' : report.grouping === 'monthly' ? 'Month' : 'Date';
  const rows: string[][] = [[head, 'Requests', 'Input', 'Output', 'Cache write', 'Cache read', 'Energy (Wh)', 'CO2e', 'Water', 'Cost*']];
  const row = (label: string, f: UsageFigures) => [
    label,
    formatTokens(f.requests),
    formatTokens(f.tokens.input),
    formatTokens(f.tokens.output),
    formatTokens(f.tokens.cacheCreation),
    formatTokens(f.tokens.cacheRead),
    formatRange(f.energy.wh, formatWh),
    formatGrams(f.carbon.g.central),
    formatMl(f.water.ml.central),
    cost(f),
  ];
  const label = (g: { key: string }) => (report.grouping === 'session' ? shortSession(g.key) : g.key);
  const recordedGroups = report.groups.filter((g) => g.requests > 0 || !g.estimated);
  for (const g of recordedGroups) rows.push(row(label(g), g));
  rows.push(row('Total', report.totals));
  if (recordedGroups.length > 0 || !report.estimatedTotals) lines.push(...table(rows));
  if (report.estimatedTotals) {
    // Copilot Chat's counted-from-text figures: a table of their own, never added to the recorded total.
    const estimatedRows = [rows[0]];
    for (const g of report.groups) if (g.estimated) estimatedRows.push(row(label(g), g.estimated));
    estimatedRows.push(row('Total', report.estimatedTotals));
    lines.push('', `VS Code Copilot Chat, ${ESTIMATED_LABEL} (not in the total above):`, ...table(estimatedRows));
  }
  const models = new Map<string, { model: string; estimated: boolean; profile: string; matchedBy: string; requests: number }>();
  for (const g of report.groups) {
    for (const m of g.models) {
      const key = `${m.estimated ? 'e' : 'r'}\u0000${m.model}`;
      const seen = models.get(key) ?? { model: m.model, estimated: m.estimated === true, profile: m.profile, matchedBy: m.matchedBy, requests: 0 };
      seen.requests += m.requests;
      models.set(key, seen);
    }
  }
  lines.push('', 'Models:');
  for (const m of [...models.values()].sort((a, b) => Number(a.estimated) - Number(b.estimated) || b.requests - a.requests)) {
    const name = m.model === 'unknown' ? 'unknown (the log names no model)' : m.model;
    lines.push(
      `  ${name}: ${formatTokens(m.requests)} requests${m.estimated ? ` ${ESTIMATED_LABEL}` : ''}, profile ${m.profile}${m.matchedBy === 'default' ? ' (no profile matched: labelled default, no price)' : m.profile === DEFAULT_PROFILE_ID ? ' (the labelled default)' : ''}`,
    );
  }
  if (report.heaviestSessions.length > 0) {
    lines.push('', 'Heaviest sessions:');
    report.heaviestSessions.forEach((s, i) => {
      lines.push(`  ${i + 1}. ${shortSession(s.key)} (${s.project}): ${plural(s.requests, 'request')}, ${formatRange(s.energy.wh, formatWh)}`);
      lines.push(`     ${s.coaching.advice}`);
    });
  }
  const t = report.totals;
  lines.push(
    '',
    `Energy ${formatRange(t.energy.wh, formatWh)}, carbon ${formatRange(t.carbon.g, formatGrams)} CO2e, water ${formatRange(t.water.ml, formatMl)}: ranges from the shared energy model, one estimate per recorded request (docs/energy-model.md).`,
    `* Cost: an estimate at list prices from the model profiles (docs/usage.md); plans and discounts differ.${t.cost.unpricedRequests > 0 ? ` ${formatTokens(t.cost.unpricedRequests)} requests of models without a price are not included.` : ''}`,
  );
  const skipped = report.sources.reduce((n, s) => n + s.duplicatesSkipped, 0);
  const malformed = report.sources.reduce((n, s) => n + s.malformedLines, 0);
  const notes: string[] = [];
  if (skipped > 0) notes.push(`${plural(skipped, 'repeated entry', 'repeated entries')} counted once`);
  if (malformed > 0) notes.push(`${plural(malformed, 'line')} that ${malformed === 1 ? 'is' : 'are'} not JSON skipped`);
  notes.push(`log files: ${scan.counts.cached} from the cache, ${scan.counts.appended} read from where they grew, ${scan.counts.read} read in full`);
  lines.push(`${notes.join('; ')}.`);
  return lines.join('\n') + '\n';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatTokens(n)} ${n === 1 ? one : many}`;
}

function cost(f: UsageFigures): string {
  if (f.requests > 0 && f.cost.unpricedRequests === f.requests) return '—';
  return `$${f.cost.usd < 10 ? f.cost.usd.toFixed(2) : formatInteger(f.cost.usd)}`;
}

function shortSession(key: string): string {
  const [agent, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  return `${agent}:${id.length > 13 ? id.slice(0, 8) + '…' : id}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
}
