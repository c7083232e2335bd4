#!/usr/bin/env bash
# Starts a Ramme server with fresh demo data for the browser tests: PGlite in a new folder, or, when
# DATABASE_URL is set, a freshly created PostgreSQL database next to the one DATABASE_URL names.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT="${E2E_PORT:-3100}" RAMME_DEMO=1 RAMME_SEED=sjaelland
if [ -n "${DATABASE_URL:-}" ]; then
  export DATABASE_URL="$(npx tsx scripts/fresh-database.ts "ramme_e2e_$PORT")"
else
  export RAMME_DATA_DIR="$PWD/.cache/e2e-data-$PORT"
  rm -rf "$RAMME_DATA_DIR"
fi
exec npx tsx src/main.ts
