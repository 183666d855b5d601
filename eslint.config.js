import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'url', 'util', 'stream', 'net'];

/** Layer rules: who may import whom (see README, Architecture). */
const restrict = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'build/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...NODE_BUILTINS, 'electron', 'react', 'react-dom', '@xyflow/*', 'better-sqlite3', '**/db/**', '**/main/**', '**/renderer/**', '**/preload/**'],
        'core/ is pure TypeScript: no Node, DOM, Electron, React or other layers.',
      ),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'react', 'react-dom', '**/main/**', '**/renderer/**', '**/preload/**'],
        'db/ must run without Electron (it may move to a utility process) and knows nothing of the shells.',
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/refs': 'off',
      'no-restricted-imports': restrict(
        [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'zod', '**/db/**', '**/main/**', '**/preload/**'],
        'renderer/ talks only to window.shoshin and imports core/ and types only.',
      ),
      // Layers hold for values too: the zod schemas stay out of the renderer bundle.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/model', '**/core/contract', '**/core/ipc/*'],
              allowTypeImports: true,
              message: 'The renderer takes types from these; values come from zod-free modules (core/records, core/vocabulary, core/views, core/reportDefaults).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['**/db/**', '**/main/**', '**/renderer/**', '**/core/**', 'better-sqlite3', 'zod'],
        'preload/ is the bridge only: the method names are injected at build time.',
      ),
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(['**/renderer/**', '**/preload/**'], 'main/ serves the renderer; it does not import it.'),
    },
  },
);
