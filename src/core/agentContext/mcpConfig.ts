/**
 * MCP servers from each agent's configuration, never throwing: a file that does not parse or a
 * server entry without a command or URL becomes a problem on that server's item.
 * - Claude Code (code.claude.com/docs/en/mcp): .mcp.json (project scope, `mcpServers`), and
 *   ~/.claude.json (`mcpServers` of user scope, `projects[FOLDER].mcpServers` of local scope);
 *   project servers listed in `disabledMcpjsonServers` are left out.
 * - VS Code (code.visualstudio.com/docs/copilot/customization/mcp-servers): .vscode/mcp.json
 *   (`servers`), the `mcp.servers` setting in .vscode/settings.json, and the user profile's mcp.json.
 * - Codex (developers.openai.com/codex/mcp): `[mcp_servers.NAME]` tables of $CODEX_HOME/config.toml.
 * - Gemini CLI (geminicli.com/docs/tools/mcp-server): `mcpServers` of .gemini/settings.json and
 *   ~/.gemini/settings.json.
 */
import * as path from 'node:path';
import { parse as parseJsonc, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { AgentId } from './agentContextTypes';
import { readContextFile } from './readContextFile';

export interface McpServerConfig {
  name: string;
  /** The config file it was declared in (where a fix would go). */
  configFile: string;
  /** How to disable it for this project, in words (the exact edit). */
  disableHint: string;
  command?: string;
  args: string[];
  env: Record<string, string>;
  url?: string;
  problem?: string;
}

interface JsonFile {
  value?: Record<string, unknown>;
  problem?: string;
}

function readJson(file: string): JsonFile | undefined {
  const read = readContextFile(file);
  if (read.kind === 'absent') return undefined;
  if (read.kind === 'problem') return { problem: read.problem };
  const errors: ParseError[] = [];
  const value = parseJsonc(read.text, errors, { allowTrailingComma: true }) as unknown;
  if (errors.length) {
    const first = errors[0];
    const line = read.text.slice(0, first.offset).split('\n').length;
    return {
      problem: `${file}:${line}: ${printParseErrorCode(first.error)}; fix the JSON so the agent (and mvp) can read its MCP servers`,
    };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: `${file} is not a JSON object` };
  return { value: value as Record<string, unknown> };
}

function serversFrom(table: unknown, configFile: string, disableHint: (name: string) => string): McpServerConfig[] {
  if (!table || typeof table !== 'object' || Array.isArray(table)) return [];
  return Object.entries(table as Record<string, unknown>).map(([name, raw]) => {
    const entry = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const command = typeof entry.command === 'string' ? entry.command : undefined;
    const url =
      typeof entry.url === 'string' ? entry.url : typeof entry.httpUrl === 'string' ? entry.httpUrl : undefined;
    const args = Array.isArray(entry.args) ? entry.args.map(String) : [];
    const env =
      entry.env && typeof entry.env === 'object'
        ? Object.fromEntries(Object.entries(entry.env as Record<string, unknown>).map(([k, v]) => [k, String(v)]))
        : {};
    return {
      name,
      configFile,
      disableHint: disableHint(name),
      command,
      args,
      env,
      url,
      problem:
        command || url
          ? undefined
          : `server "${name}" in ${configFile} has neither "command" nor "url"; the agent cannot start it`,
    };
  });
}

/** VS Code's user folder (code.visualstudio.com/docs/configure/settings#_settings-file-locations). */
export function vscodeUserDir(home: string, env: Record<string, string | undefined>): string {
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Code', 'User');
  if (process.platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Code', 'User');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Code', 'User');
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

export function mcpServersOf(
  agent: AgentId,
  folder: string,
  home: string,
  env: Record<string, string | undefined> = {},
): { servers: McpServerConfig[]; problems: string[] } {
  const servers: McpServerConfig[] = [];
  const problems: string[] = [];
  const take = (file: string): Record<string, unknown> | undefined => {
    const json = readJson(file);
    if (json?.problem) problems.push(json.problem);
    return json?.value;
  };
  switch (agent) {
    case 'claude-code': {
      const projectFile = path.join(folder, '.mcp.json');
      const userFile = path.join(home, '.claude.json');
      const user = take(userFile);
      const projectEntry = (user?.projects as Record<string, Record<string, unknown>> | undefined)?.[folder];
      const disabled = new Set([
        ...stringList(projectEntry?.disabledMcpjsonServers),
        ...stringList(take(path.join(folder, '.claude', 'settings.json'))?.disabledMcpjsonServers),
        ...stringList(take(path.join(folder, '.claude', 'settings.local.json'))?.disabledMcpjsonServers),
      ]);
      const project = take(projectFile);
      servers.push(
        ...serversFrom(
          project?.mcpServers,
          projectFile,
          (name) =>
            `add "${name}" to "disabledMcpjsonServers" in .claude/settings.local.json (or remove it from .mcp.json for everyone)`,
        ).filter((s) => !disabled.has(s.name)),
      );
      servers.push(
        ...serversFrom(
          projectEntry?.mcpServers,
          userFile,
          (name) => `run \`claude mcp remove ${name} -s local\` in this folder`,
        ),
      );
      servers.push(
        ...serversFrom(
          user?.mcpServers,
          userFile,
          (name) => `run \`claude mcp remove ${name} -s user\` (it is loaded in every project)`,
        ),
      );
      break;
    }
    case 'vscode': {
      const mcpFile = path.join(folder, '.vscode', 'mcp.json');
      servers.push(
        ...serversFrom(
          take(mcpFile)?.servers,
          mcpFile,
          (name) => `remove "${name}" from .vscode/mcp.json, or stop it from the MCP: List Servers command`,
        ),
      );
      const settingsFile = path.join(folder, '.vscode', 'settings.json');
      const mcp = take(settingsFile)?.mcp as Record<string, unknown> | undefined;
      servers.push(
        ...serversFrom(
          mcp?.servers,
          settingsFile,
          (name) => `remove "${name}" from "mcp.servers" in .vscode/settings.json`,
        ),
      );
      // The user profile's mcp.json applies to every workspace.
      const userMcpFile = path.join(vscodeUserDir(home, env), 'mcp.json');
      servers.push(
        ...serversFrom(
          take(userMcpFile)?.servers,
          userMcpFile,
          (name) =>
            `remove "${name}" from your user mcp.json (MCP: Open User Configuration), or stop it for this workspace from MCP: List Servers`,
        ).filter((s) => !servers.some((seen) => seen.name === s.name)),
      );
      break;
    }
    case 'codex': {
      const configFile = path.join(env.CODEX_HOME ?? path.join(home, '.codex'), 'config.toml');
      const read = readContextFile(configFile);
      if (read.kind === 'problem') problems.push(read.problem);
      if (read.kind === 'text') {
        servers.push(
          ...serversFrom(
            codexMcpTables(read.text),
            configFile,
            (name) => `set \`enabled = false\` under [mcp_servers.${name}] in ${configFile}`,
          ),
        );
      }
      break;
    }
    case 'gemini': {
      for (const file of [path.join(folder, '.gemini', 'settings.json'), path.join(home, '.gemini', 'settings.json')]) {
        const settings = take(file);
        const excluded = new Set(stringList((settings?.mcp as Record<string, unknown> | undefined)?.excluded));
        servers.push(
          ...serversFrom(
            settings?.mcpServers,
            file,
            (name) => `add "${name}" to "mcp.excluded" in .gemini/settings.json`,
          ).filter((s) => !excluded.has(s.name) && !servers.some((seen) => seen.name === s.name)),
        );
      }
      break;
    }
  }
  return { servers, problems };
}

/**
 * The `[mcp_servers.NAME]` tables of a Codex config.toml: string keys `command`/`url`, string-array
 * `args`, and `enabled = false`. Only what locating and starting a server needs; other keys are skipped.
 */
export function codexMcpTables(toml: string): Record<string, Record<string, unknown>> {
  const tables: Record<string, Record<string, unknown>> = {};
  let current: Record<string, unknown> | undefined;
  for (const rawLine of toml.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+#.*$/, '').trim();
    const header = /^\[mcp_servers\.("?)([^"\]]+)\1\]$/.exec(line);
    if (header) {
      current = tables[header[2]] = {};
      continue;
    }
    if (line.startsWith('[')) {
      current = undefined;
      continue;
    }
    if (!current) continue;
    const pair = /^([A-Za-z_]+)\s*=\s*(.+)$/.exec(line);
    if (!pair) continue;
    const [, key, value] = pair;
    if (value.startsWith('"')) current[key] = value.replace(/^"|"$/g, '');
    else if (value.startsWith('[')) current[key] = [...value.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    else if (value === 'true' || value === 'false') current[key] = value === 'true';
  }
  for (const [name, table] of Object.entries(tables)) if (table.enabled === false) delete tables[name];
  return tables;
}
