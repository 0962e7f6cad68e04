// ESLint flat config (typescript-eslint, syntax only: no type information, so a full run stays
// a few seconds). Two kinds of rules:
//  - the layers of docs/contributing.md as import rules: the core imports no adapter and never
//    `vscode`; the CLI and the editor do not import each other; the webview imports only its own
//    files and the shared panel contract (`src/shared/`), which imports nothing else;
//  - a small set of correctness rules (things that are bugs, not style). Style is prettier's job.
import tseslint from 'typescript-eslint';

/** An import pattern for `no-restricted-imports`, matched against the import string as written. */
const importOf = (regex, message) => ({ regex, message });

const VSCODE = { name: 'vscode', message: 'Only src/extension/ talks to the editor API.' };
const ADAPTER_FROM_CORE = importOf(
  '^(\\.\\./)+(cli|extension|webview|shared/panel)(/|$)',
  'The core is pure: adapters import it, never the other way round (docs/contributing.md).',
);

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', 'media/**', '**/*.d.ts', 'test/fixtures/**', '.vscode-test/**'],
  },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Correctness only: each of these is a bug when it fires.
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'no-unsafe-negation': 'error',
      'use-isnan': 'error',
      'valid-typeof': 'error',
      'no-cond-assign': ['error', 'except-parens'],
      'no-compare-neg-zero': 'error',
      'no-sparse-arrays': 'error',
      'no-var': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-constant-binary-expression': 'error',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'none', caughtErrors: 'none', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [VSCODE], patterns: [ADAPTER_FROM_CORE] }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [VSCODE],
          patterns: [
            importOf(
              '^(\\.\\./)+(extension|webview)(/|$)',
              'The CLI is an adapter over src/core/; it does not use the editor adapter.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            importOf(
              '^(\\.\\./)+(cli|webview)(/|$)',
              'The editor adapter uses src/core/ (and src/shared/), not the CLI or the webview.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Everything under webview/ runs in the panel's browser sandbox: its own files and the shared contract.
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [VSCODE],
          patterns: [
            importOf(
              '^\\.\\./(?!src/shared/)',
              'The webview reads only its own files and the shared panel contract (src/shared/).',
            ),
          ],
        },
      ],
    },
  },
  {
    // The shared contract is plain types and messages that both sides import: it depends on nothing.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [VSCODE],
          patterns: [
            importOf('^\\.\\./\\.\\./', 'The shared contract imports only itself, so the webview can import it.'),
          ],
        },
      ],
    },
  },
);
