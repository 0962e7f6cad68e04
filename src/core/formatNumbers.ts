/**
 * Moved to src/core/format/ (one formatter for every surface). This re-export keeps modules that
 * other changes in flight still import from here compiling; import from './format' in new code.
 */
export * from './format';
