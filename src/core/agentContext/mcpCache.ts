/**
 * The cache of measured MCP tool lists, in the user's cache folder, keyed by what starts the server
 * (command, arguments, URL): the hook and `mvp context` read it without starting anything. The tools
 * are kept (not token counts), so any model can be counted from them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { McpServerConfig } from './mcpConfig';
import type { McpTool } from './mcpProbe';

export interface CachedToolList {
  tools: McpTool[];
  serverVersion?: string;
  measuredAt: string;
}

interface CacheFile {
  version: 1;
  entries: Record<string, CachedToolList>;
}

export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  if (env.MVP_CACHE_DIR) return env.MVP_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'mvp');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'mvp');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'mvp', 'cache');
  return path.join(os.homedir(), '.cache', 'mvp');
}

export function cacheKeyOf(server: McpServerConfig): string {
  return JSON.stringify(server.url ? { url: server.url } : { command: server.command, args: server.args });
}

export class McpToolCache {
  private data: CacheFile | undefined;
  constructor(private readonly dir: string) {}

  get file(): string {
    return path.join(this.dir, 'mcp-tools.json');
  }

  private load(): CacheFile {
    if (this.data) return this.data;
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as CacheFile;
      this.data =
        parsed && parsed.version === 1 && parsed.entries && typeof parsed.entries === 'object'
          ? parsed
          : { version: 1, entries: {} };
    } catch {
      this.data = { version: 1, entries: {} };
    }
    return this.data;
  }

  get(server: McpServerConfig): CachedToolList | undefined {
    return this.load().entries[cacheKeyOf(server)];
  }

  /** Writes through (atomically: a temp file renamed), so a crash never leaves half a cache. */
  set(server: McpServerConfig, entry: CachedToolList): string | undefined {
    const data = this.load();
    data.entries[cacheKeyOf(server)] = entry;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(data));
      fs.renameSync(temp, this.file);
      return undefined;
    } catch (error) {
      return `could not write the MCP cache ${this.file} (${(error as Error).message}); the measurement is used for this run only`;
    }
  }
}
