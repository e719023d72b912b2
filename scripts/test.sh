#!/usr/bin/env bash
# `npm test`: every test — typecheck, lint (ESLint with the layer rule, Prettier), unit and integration (Vitest),
# and e2e (Playwright, system Chromium).
# With DATABASE_URL set, the integration tests and the e2e server run on PostgreSQL, each on a fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }

step "typecheck"
npx tsc --noEmit

step "lint"
npx eslint . --max-warnings=0
npx prettier --check .

if [ -n "${DATABASE_URL:-}" ]; then db_kind=postgres; else db_kind=pglite; fi
step "unit and integration tests (vitest, database: $db_kind)"
npx vitest run

step "end-to-end tests (playwright)"
if [ -n "${DATABASE_URL:-}" ]; then
  E2E_DATABASE_URL="$(npx tsx scripts/fresh-database.ts create)"
  export E2E_DATABASE_URL
  trap 'npx tsx scripts/fresh-database.ts drop "$E2E_DATABASE_URL" || true' EXIT
fi
npx playwright test
