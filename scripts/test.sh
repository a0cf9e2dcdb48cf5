#!/usr/bin/env bash
# `npm test`: every check, in the order a failure is cheapest to see.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=Europe/Paris

echo "== runtime"; npm run --silent runtime
echo "== typecheck"; npm run --silent typecheck
echo "== lint"; npm run --silent lint
echo "== build"; npm run --silent build >/dev/null
echo "== unit and integration tests"; npx vitest run

# Browser tests run in Debian's Chromium; install it when missing, never download a browser.
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium manque : sudo apt-get install chromium" >&2; exit 1
  fi
fi
echo "== browser tests"; npm run --silent test:e2e
