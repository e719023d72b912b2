import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/*
 * The layer rule (docs/architecture.md "Layers"): arrows point one way — app → components → lib, app → server → db,
 * server → lib. A restricted folder is matched in every spelling: `@/server/…`, `../server/…` (any depth) and
 * `./server/…`; no folder inside lib/, components/, app/ or server/ is called app, components, server or db, so a
 * relative match always means the top-level folder. test/, e2e/, bench/, scripts/ and db/ itself are free, and so
 * are tests (`*.test.ts`) as far as db/ goes (the schema; in app/ all of db/): they arrange rows and read them back.
 */
const layer = (folder, message) => ({ regex: `^(@/|\\./|(\\.\\./)+)${folder}(/|$)`, message });
const SCHEMA = {
  regex: '^(@/|\\./|(\\.\\./)+)db/schema(\\.ts)?$',
  // A type (`typeof plans.$inferSelect`) writes nothing; the tables themselves are for db/queries.
  allowTypeImports: true,
  message: 'The schema tables are for db/ only: read and write through a db/queries function of (db, params).',
};
const APP = layer('app', 'Nothing imports app/: routes, pages and server actions are the top of the graph.');
const COMPONENTS = layer('components', 'Only app/ imports components/.');
const SERVER = layer('server', 'lib/ and components/ never import server/: the page calls the service and passes data as props.');
const DB = layer('db', 'Only server/ reaches db/: app/ calls a server/ service, components get data as props, lib/ has no I/O.');
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const FREE = ['db/**', 'test/**', 'e2e/**', 'bench/**', 'scripts/**'];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', 'data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.tmp-*'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Our own server (server/main.ts) is not a Next page; next/no-html-link-for-pages only confuses it.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  // Layers. In flat config the last block that sets a rule for a file wins, so each block lists all its patterns.
  { files: ['**/*.{ts,tsx,js,mjs}'], ignores: [...FREE, ...TESTS], rules: restrict(SCHEMA) },
  { files: ['server/**'], ignores: TESTS, rules: restrict(SCHEMA, APP, COMPONENTS) },
  { files: TESTS.map((t) => `server/${t}`), rules: restrict(APP, COMPONENTS) },
  { files: ['lib/**'], rules: restrict(APP, COMPONENTS, SERVER, DB) },
  { files: ['components/**'], rules: restrict(APP, SERVER, DB) },
  // A route test (app/**/*.test.ts) arranges rows on a real database, like the tests in server/.
  { files: ['app/**'], ignores: TESTS, rules: restrict(DB) },
];

export default config;
