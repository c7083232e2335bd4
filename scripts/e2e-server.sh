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
# A local OpenID provider beside Ramme, so the browser tests can sign in through an identity broker.
export E2E_OIDC_PORT=$((PORT + 50)) RAMME_BASE_URL="http://127.0.0.1:$PORT"
export RAMME_OIDC_ISSUER="http://127.0.0.1:$E2E_OIDC_PORT" RAMME_OIDC_CLIENT_ID=ramme-e2e RAMME_OIDC_CLIENT_SECRET=e2e-secret RAMME_OIDC_NAME=Testbroker RAMME_OIDC_ROLES_CLAIM=roles
npx tsx scripts/e2e-oidc-provider.ts &
exec npx tsx src/main.ts
