#!/usr/bin/env bash
# Runs every unit and integration test file (node:test via tsx). Pass file paths to run only those.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx scripts/prepare-test-db.ts
if [ "$#" -gt 0 ]; then files=("$@"); else mapfile -t files < <(find src -name '*.test.ts' -o -name '*.test.tsx' | sort); fi
exec node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
