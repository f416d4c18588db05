// Lint: type-aware TypeScript rules plus the layering of DESIGN.md, enforced with no-restricted-imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads', 'fs/promises'];
const ELECTRON = ['electron', 'electron/*', 'electron-store'];
const DRIVER = ['better-sqlite3', 'better-sqlite3-multiple-ciphers'];
const OUR_NON_SHARED = ['**/electron/**', '**/renderer/**', '**/test/**', '**/resources/**/*.ts'];

const layer = (message, patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'dist-cli/', 'release/', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-nocheck': true, 'ts-ignore': true }],
    },
  },
  // shared/: pure TypeScript. No node:, no electron, no DOM, none of our other folders.
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: layer('shared/ is pure TypeScript: it imports nothing of node, electron, the driver or our other folders (DESIGN.md).', [
      [...NODE_BUILTINS, ...ELECTRON, ...DRIVER, 'react', 'react-dom', '@mui/*', ...OUR_NON_SHARED],
    ]),
  },
  // renderer/: React + MUI; imports only shared/ of ours (and resources/locales data).
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer('renderer/ imports only shared/ of ours, and never node, electron or the driver (DESIGN.md).', [
      [...NODE_BUILTINS, ...ELECTRON, ...DRIVER, '**/electron/**', '**/test/**'],
    ]),
  },
  // electron/core, cli, web, launcher: Node only; never electron.
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts', 'electron/launcher/**/*.ts', 'electron/hub/**/*.ts'],
    rules: layer('Only electron/main and electron/preload may import electron (DESIGN.md).', [[...ELECTRON]]),
  },
  // electron/core: imports shared/ only of ours.
  {
    files: ['electron/core/**/*.ts'],
    rules: layer('electron/core imports only shared/ of ours, never electron (DESIGN.md).', [
      [...ELECTRON, '**/electron/main/**', '**/electron/preload/**', '**/electron/web/**', '**/electron/cli/**', '**/electron/launcher/**', '**/renderer/**', '**/test/**'],
    ]),
  },
  // electron/hub: the agency hub relays, it does not decide. Node only; of ours it imports shared/ alone — never
  // electron/core (nor the other electron folders), whether named from the root or relative to electron/.
  {
    files: ['electron/hub/**/*.ts'],
    rules: layer('electron/hub imports only shared/ of ours: never electron/core (the hub relays, it does not decide), never electron (DESIGN.md).', [
      [...ELECTRON, ...['core', 'main', 'preload', 'web', 'cli', 'launcher'].flatMap((d) => [`**/electron/${d}`, `**/electron/${d}/**`, `../${d}`, `../${d}/**`, `../../${d}`, `../../${d}/**`]), '**/renderer/**', '**/test/**'],
    ]),
  },
  // Tests beside core code may use the shared test helpers; they still never import electron.
  {
    files: ['electron/core/**/*.test.ts'],
    rules: layer('Tests of electron/core never import electron (DESIGN.md).', [[...ELECTRON, '**/electron/main/**', '**/electron/preload/**', '**/renderer/**']]),
  },
  // The store's transactions begin as writers (electron/core/db/open.ts, beginAsWriter): no deferred BEGIN by hand,
  // whose first write would fail at once ("database is locked") while another connection writes.
  // (The hub's PostgreSQL store is not SQLite: its transactions order themselves with row locks.)
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts', 'electron/hub/store/pg-*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^\\s*BEGIN(\\s+(DEFERRED|TRANSACTION))?\\s*;?\\s*$/i]',
          message: 'Begin a write as a writer: db.transaction(fn)() (BEGIN IMMEDIATE on every store connection), or BEGIN IMMEDIATE.',
        },
      ],
    },
  },
  // electron/preload: the contract's method names and electron's bridge, nothing else.
  {
    files: ['electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer('The preload exposes the contract only: it imports shared/ and electron (DESIGN.md).', [
      [...NODE_BUILTINS, ...DRIVER, '**/electron/core/**', '**/electron/main/**', '**/renderer/**'],
    ]),
  },
);
