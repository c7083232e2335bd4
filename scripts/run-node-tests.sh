#!/usr/bin/env bash
# Runs every unit and integration test file (node:test). Pass file paths (src/…test.ts) to run only those.
# The files run compiled to JavaScript (see build-tests.ts) in a folder of this run's own, with source maps, so
# stack traces name the TypeScript lines and two runs side by side (PGlite and PostgreSQL) never meet.
set -euo pipefail
cd "$(dirname "$0")/.."
export RAMME_TEST_BUILD=".cache/test-build/run-$$"
mkdir -p .cache/test-build
# Folders left by runs that were stopped.
find .cache/test-build -mindepth 1 -maxdepth 1 -mmin +180 -exec rm -rf {} +
trap 'rm -rf "$RAMME_TEST_BUILD"' EXIT
npx tsx scripts/prepare-test-db.ts
if [ "$#" -gt 0 ]; then files=("$@"); else mapfile -t files < <(find src -name '*.test.ts' -o -name '*.test.tsx' | sort); fi
compiled=()
for f in "${files[@]}"; do compiled+=("$RAMME_TEST_BUILD/${f%.ts*}.js"); done
node --enable-source-maps --test --test-concurrency=2 --test-reporter=spec "${compiled[@]}"
