/**
 * What every CLI bundle shares at run time, bundled once as dist/cli-shared.js: the error classes
 * the dispatcher tells apart with `instanceof` (a UsageError thrown in dist/cli-usage.js must be the
 * class dist/cli.js checks for, not a copy) and the argument parser. See esbuild.mjs.
 */
export * from './args';
export * from './cliIo';
