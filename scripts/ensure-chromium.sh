#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (never a downloaded browser). Install it when missing and we can;
# otherwise stop with instructions. Browser tests are never skipped silently.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium mangler; installerer Debians pakke 'chromium' …"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null 2>&1 && exit 0
fi
echo "FEJL: Browsertestene kræver Chromium. Installér den med 'sudo apt-get install chromium'" >&2
echo "      (eller sæt CHROMIUM_PATH til en Chromium-binær) og kør 'npm test' igen." >&2
exit 1
