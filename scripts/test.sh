#!/usr/bin/env bash
# `npm test`: type check, unit and integration tests (node:test), then browser tests (Playwright in Debian's
# Chromium, axe on every page). Runs on embedded PGlite, or on PostgreSQL when DATABASE_URL is set.
# Any failure fails the run; browser tests are never skipped.
set -uo pipefail
cd "$(dirname "$0")/.."
log_dir="$(mktemp -d)"
status=0

echo "== Typecheck"
npx tsc --noEmit -p . || status=1

echo "== Lint, format and dependency rules"
npm run --silent lint || status=1

echo "== Unit and integration tests ($([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo PGlite))"
bash scripts/run-node-tests.sh 2>&1 | tee "$log_dir/node.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

echo "== Browser tests"
if bash scripts/ensure-chromium.sh; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test 2>&1 | tee "$log_dir/e2e.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
else
  status=1
fi

node_pass=$(grep -E '^ℹ pass [0-9]+' "$log_dir/node.log" | tail -1 | awk '{print $3}')
node_fail=$(grep -E '^ℹ fail [0-9]+' "$log_dir/node.log" | tail -1 | awk '{print $3}')
e2e_pass=$(grep -Eo '^ *[0-9]+ passed' "$log_dir/e2e.log" 2>/dev/null | tail -1 | awk '{print $1}')
e2e_fail=$(grep -Eo '^ *[0-9]+ failed' "$log_dir/e2e.log" 2>/dev/null | tail -1 | awk '{print $1}')
passed=$(( ${node_pass:-0} + ${e2e_pass:-0} ))
failed=$(( ${node_fail:-0} + ${e2e_fail:-0} ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "Ramme: $passed passed, $failed failed"
exit $status
