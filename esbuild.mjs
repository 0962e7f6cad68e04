// Bundles: the extension (CommonJS for VS Code's host), the CLI, worker scripts, the webview
// (browser IIFE) and the real-editor integration tests. Entries that do not exist yet are skipped
// so the build works while the project grows.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // jsonc-parser's UMD main hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

/**
 * The CLI as a small dispatcher (dist/cli.js, src/cli/main.ts) and one bundle per group of commands,
 * so a command loads only what it runs: `mvp usage` parses ~100 KB, not the ~1 MB prompt-analysis
 * engine (bench/usage, bench/context). The dispatcher's `require('./commands/NAME')` becomes
 * `require('./cli-GROUP.js')`; the classes and parser in src/cli/args.ts and cliIo.ts live once, in
 * dist/cli-shared.js, so an error thrown in a command bundle is the class the dispatcher checks.
 */
const CLI_COMMAND_BUNDLES = {
  usage: { entry: 'src/cli/commands/usage.ts', commands: ['usage'] },
  context: { entry: 'src/cli/commands/context.ts', commands: ['context'] },
  statusline: { entry: 'src/cli/commands/statusline.ts', commands: ['statusline'] },
  hook: { entry: 'src/cli/commands/hook.ts', commands: ['hook'] },
  engine: {
    entry: 'src/cli/engineCommands.ts',
    commands: ['analyse', 'convert', 'estimate', 'init', 'lint', 'models', 'session', 'tokens'],
  },
};
const CLI_SHARED_SOURCES = ['src/cli/args.ts', 'src/cli/cliIo.ts'].map((f) => path.resolve(f));
// The hook's own work (the engine) runs in dist/hookWorker.js; the hook's entry bundle starts that
// worker and only needs the engine in-process (tests, MVP_HOOK_IN_PROCESS=1), from its own bundle.
const HOOK_HERE_SOURCE = path.resolve('src/cli/hook/runHookHere.ts');

function cliBundles() {
  const resolveTs = (dir, request) => path.resolve(dir, request.endsWith('.ts') ? request : `${request}.ts`);
  const shared = {
    name: 'cli-shared',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\/.*(args|cliIo)$/ }, (args) =>
        CLI_SHARED_SOURCES.includes(resolveTs(args.resolveDir, args.path)) ? { path: './cli-shared.js', external: true } : undefined,
      );
    },
  };
  const groupOf = Object.fromEntries(
    Object.entries(CLI_COMMAND_BUNDLES).flatMap(([group, { commands }]) => commands.map((c) => [c, group])),
  );
  const dispatcher = {
    name: 'cli-dispatcher',
    setup(build) {
      build.onResolve({ filter: /^\.\/commands\/[a-z]+$/ }, (args) => {
        if (!args.importer.endsWith(path.join('src', 'cli', 'main.ts'))) return undefined;
        const group = groupOf[args.path.slice('./commands/'.length)];
        if (!group) return { errors: [{ text: `${args.path}: no CLI bundle in esbuild.mjs (CLI_COMMAND_BUNDLES)` }] };
        return { path: `./cli-${group}.js`, external: true };
      });
    },
  };
  const hookHere = {
    name: 'cli-hook-here',
    setup(build) {
      build.onResolve({ filter: /runHookHere$/ }, (args) =>
        resolveTs(args.resolveDir, args.path) === HOOK_HERE_SOURCE ? { path: './cli-hook-here.js', external: true } : undefined,
      );
    },
  };
  return [
    { ...node, entryPoints: { 'cli-hook-here': HOOK_HERE_SOURCE }, outdir: 'dist', plugins: [shared] },
    { ...node, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' }, plugins: [dispatcher, shared] },
    { ...node, entryPoints: { 'cli-shared': 'src/cli/cliShared.ts' }, outdir: 'dist' },
    ...Object.entries(CLI_COMMAND_BUNDLES).map(([group, { entry }]) => ({
      ...node,
      entryPoints: { [`cli-${group}`]: entry },
      outdir: 'dist',
      plugins: group === 'hook' ? [hookHere, shared] : [shared],
    })),
  ];
}

const builds = [
  { ...node, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist' },
  ...cliBundles(),
  // Claude Code's status line runs this after every message: its own small bundle, not the whole CLI.
  { ...node, entryPoints: { statusline: 'src/cli/statuslineMain.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: { spreadsheetWorker: 'src/core/attachments/spreadsheetWorker.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { patternWorker: 'src/core/rules/patternWorker.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { usageWorker: 'src/core/usage/usageWorker.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { hookWorker: 'src/cli/hook/hookWorker.ts' }, outdir: 'dist' },
  {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    entryPoints: { webview: 'webview/main.ts' },
    outdir: 'dist',
  },
];

// Integration tests run inside VS Code's extension host; each test file is its own bundle.
const integrationDir = 'test/integration';
if (existsSync(integrationDir)) {
  const entries = readdirSync(integrationDir).filter((f) => f.endsWith('.ts'));
  if (entries.length) {
    builds.push({
      ...node,
      sourcemap: true,
      minify: false,
      external: ['vscode', 'mocha'],
      entryPoints: entries.map((f) => path.join(integrationDir, f)),
      outdir: 'out/test/integration',
    });
  }
}

const present = builds.filter((b) =>
  Object.values(Array.isArray(b.entryPoints) ? b.entryPoints : b.entryPoints).every((e) => existsSync(e)),
);

// Token ranks ship as compact files in dist/ranks/ (the bundles carry no node_modules): faster to
// load than js-tiktoken's base64 modules. The writer is TypeScript, run through esbuild-register.
{
  const require = createRequire(import.meta.url);
  const { register } = require('esbuild-register/dist/node');
  const { unregister } = register({ target: 'node20' });
  require('./src/core/tokens/writeRankFiles.ts').writeRankFiles('dist');
  unregister();
}

if (watch) {
  for (const b of present) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
