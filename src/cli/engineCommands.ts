/**
 * The commands built on the prompt-analysis engine (tokenizers, rules, config, attachments), bundled
 * together as dist/cli-engine.js: they share most of their code, so one bundle holds it once. The
 * dispatcher (main.ts) requires this bundle for any of them; commands that do not need the engine
 * (usage, context, statusline, hook) have bundles of their own. See esbuild.mjs.
 */
export { analyseUsage, runAnalyse } from './commands/analyse';
export { CONVERT_USAGE, runConvert } from './commands/convert';
export { estimateUsage, runEstimate } from './commands/estimate';
export { initUsage, runInit } from './commands/init';
export { lintUsage, runLint } from './commands/lint';
export { modelsUsage, runModels } from './commands/models';
export { SESSION_USAGE, runSession } from './commands/session';
export { runTokens, tokensUsage } from './commands/tokens';
