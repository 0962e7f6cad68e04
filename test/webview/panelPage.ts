/**
 * Loads the built panel (dist/webview.js + dist/webview.css) in Debian's Chromium the way VS Code
 * does: the page comes from the provider's own `panelHtml` (same Content-Security-Policy and
 * nonce), resources from one origin standing in for `webview.cspSource`, VS Code's theme
 * variables and body class, and a stub `acquireVsCodeApi` that records what the panel posts.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describeEquivalences } from '../../src/extension/energyPanel/equivalenceOptions';
import { panelHtml } from '../../src/extension/energyPanel/panelHtml';
import type { PanelInput } from '../../src/extension/energyPanel/panelInput';
import type { ExtensionMessage, WebviewMessage } from '../../src/extension/energyPanel/panelProtocol';
import { buildPanelViewModel, type PanelViewModel } from '../../src/extension/energyPanel/panelViewModel';
import type { TodayTotals } from '../../src/extension/energyPanel/todayTotals';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { analyseAgentContext } from '../../src/core/agentContext/analyseAgentContext';
import { detectAgent } from '../../src/core/agentContext/detectAgent';
import { profileRegistryFor } from '../../src/core/analyse';
import { loadConfigFor } from '../../src/core/config/loadConfig';
import { estimateRequest } from '../../src/core/energy';
import { measureAgentLoadWith, type AgentLoadState } from '../../src/extension/energyPanel/agentLoadCache';

export const ROOT = path.resolve(__dirname, '../..');
const ORIGIN = 'https://webview.test';
const DIST = path.join(ROOT, 'dist');
const THEMES = path.join(__dirname, 'themes');

export type Theme = 'light' | 'dark' | 'high-contrast';
const BODY_CLASS: Record<Theme, string> = {
  light: 'vscode-light',
  dark: 'vscode-dark',
  'high-contrast': 'vscode-high-contrast',
};

export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with: apt-get install -y chromium (or set CHROMIUM).`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export function loadFixture(name: string): PanelInput {
  return JSON.parse(readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')) as PanelInput;
}

export const SAMPLE_TODAY: TodayTotals = {
  day: '2026-11-28',
  prompts: 4,
  inputTokens: 212_480,
  wh: 31.7,
  carbonG: 12.4,
  waterMl: 95,
};

export function viewModelOf(
  panel: PanelInput | undefined,
  today: TodayTotals = SAMPLE_TODAY,
  equivalenceId?: string,
  agentLoad?: AgentLoadState,
): PanelViewModel {
  return buildPanelViewModel({ panel, today, describeEquivalences, equivalenceId, agentLoad });
}

/**
 * The fixed load of a small Claude Code project (a CLAUDE.md with an import, an MCP server never
 * measured), measured as the panel does, with its own home and cache so the machine's files do not leak in.
 */
export async function sampleAgentLoad(model: string): Promise<AgentLoadState> {
  const root = mkdtempSync(path.join(realpathSync(os.tmpdir()), 'mvp-webview-agent-'));
  const project = path.join(root, 'project');
  mkdirSync(path.join(project, 'docs'), { recursive: true });
  writeFileSync(path.join(project, 'CLAUDE.md'), 'Read @docs/architecture.md first.\n' + 'Run the tests before every commit.\n'.repeat(30));
  writeFileSync(path.join(project, 'docs', 'architecture.md'), 'The core is pure; adapters live in src/extension.\n'.repeat(40));
  writeFileSync(path.join(project, '.mcp.json'), JSON.stringify({ mcpServers: { files: { command: 'never-started' } } }));
  const core = { detectAgent, analyseAgentContext, profileRegistryFor, loadConfigFor, estimateRequest };
  const overrides = { home: path.join(root, 'home'), cacheDir: path.join(root, 'cache'), useLogs: false };
  const load = await measureAgentLoadWith(core, { folder: project, model, overrides });
  if (!('context' in load)) throw new Error('the sample project should have an agent');
  return { status: 'ready', load };
}

export interface PanelPage {
  page: Page;
  /** What the panel posted to the extension, in order. */
  posted(): Promise<WebviewMessage[]>;
  clearPosted(): Promise<void>;
  /** Delivers a message as the extension would. */
  send(message: ExtensionMessage): Promise<void>;
  render(model: Partial<PanelViewModel>, full?: boolean): Promise<void>;
  savedState(): Promise<unknown>;
  /** Console errors, page errors and requests that left the webview's origin. */
  problems: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  theme?: Theme;
  width?: number;
  height?: number;
  /** State a previous instance saved with setState (the view was hidden, then shown). */
  initialState?: unknown;
}

export async function openPanel(browser: Browser, options: OpenOptions = {}): Promise<PanelPage> {
  if (!existsSync(path.join(DIST, 'webview.js')) || !existsSync(path.join(DIST, 'webview.css'))) {
    throw new Error('dist/webview.js or dist/webview.css is missing: run `npm run build` first.');
  }
  const theme = options.theme ?? 'dark';
  const context = await browser.newContext({
    viewport: { width: options.width ?? 320, height: options.height ?? 900 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  // Everything the page loads comes from ORIGIN; any other request is a failure.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      problems.push(`remote request: ${url.href}`);
      return route.abort();
    }
    if (url.pathname === '/') {
      const html = panelHtml({
        cspSource: ORIGIN,
        scriptUri: `${ORIGIN}/dist/webview.js`,
        styleUri: `${ORIGIN}/dist/webview.css`,
        nonce: 'dGVzdC1ub25jZS0xMjM0NQ==',
      })
        // VS Code adds the theme's variables and its body class around our page.
        .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="${ORIGIN}/theme/${theme}.css">\n<link rel="stylesheet"`)
        .replace('<body>', `<body class="${BODY_CLASS[theme]}">`);
      return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    }
    const file = url.pathname.startsWith('/dist/')
      ? path.join(DIST, path.basename(url.pathname))
      : url.pathname.startsWith('/theme/')
        ? path.join(THEMES, path.basename(url.pathname))
        : undefined;
    if (!file || !existsSync(file)) {
      return route.fulfill({ status: 404, body: 'not found' });
    }
    const contentType = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    return route.fulfill({ status: 200, contentType, body: readFileSync(file) });
  });

  await page.addInitScript((initialState: unknown) => {
    const w = window as unknown as Record<string, unknown>;
    const posted: unknown[] = [];
    let state = initialState === null ? undefined : initialState;
    w.__posted = posted;
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      (w.__violations as string[]).push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
    w.acquireVsCodeApi = () => ({
      postMessage: (message: unknown) => posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => state,
      setState: (next: unknown) => {
        state = JSON.parse(JSON.stringify(next));
        w.__savedState = state;
      },
    });
  }, options.initialState ?? null);

  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => ((window as unknown as { __posted: unknown[] }).__posted ?? []).length > 0);

  const panel: PanelPage = {
    page,
    problems,
    posted: () => page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted.slice()),
    clearPosted: () => page.evaluate(() => void ((window as unknown as { __posted: unknown[] }).__posted.length = 0)),
    send: async (message) => {
      await page.evaluate((m) => window.postMessage(m, '*'), message);
      // Messages are delivered as tasks: wait for one to have been handled.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    },
    render: (model, full = true) => panel.send({ type: 'render', full, sections: model }),
    savedState: () => page.evaluate(() => (window as unknown as { __savedState: unknown }).__savedState),
    close: () => context.close(),
  };
  return panel;
}

export async function cspViolations(panel: PanelPage): Promise<string[]> {
  return panel.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.slice());
}
