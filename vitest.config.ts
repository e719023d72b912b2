/**
 * Vitest: unit and integration tests (`**\/*.test.ts` and `**\/*.test.tsx`). Playwright owns `e2e/`.
 * Integration tests open real databases (PGlite in memory, or a throw-away PostgreSQL database when
 * DATABASE_URL is set) and real sockets, so files run in at most two forked workers: the CI machines have two
 * cores, and PGlite's WASM start-up is CPU-bound.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // tsconfig paths: `@/…` is the repo root.
      { find: /^@\//, replacement: `${root}/` },
      // Next resolves `server-only` to an empty module under the react-server condition; Node resolves it to a
      // module that throws. Server modules are tested in Node, so give them Next's empty variant.
      { find: /^server-only$/, replacement: path.join(root, 'node_modules/server-only/empty.js') },
    ],
  },
  test: {
    environment: 'node',
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', 'data/**'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
