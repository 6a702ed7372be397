#!/usr/bin/env bash
# The dashboard's browser suite (ctest web_browser_test): writes a synthetic database, serves it
# with `annals serve`, and drives Debian's chromium with playwright-core (web/tests/browser.mjs).
# Exits 77 (ctest: skipped) saying why when chromium, node, web/node_modules or the built
# dashboard is missing. Screenshots go to OUT (build/web-test/).
#   run-browser-test.sh ANNALS_CLI FIXTURE_TOOL OUT
set -euo pipefail
cli=$1 fixture=$2 out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
skip() { echo "SKIP: $*"; exit 77; }
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$chromium" ] || skip "chromium is not installed (apt-get install chromium, or scripts/install-deps)"
command -v node >/dev/null || skip "node is not installed"
[ -d "$root/web/node_modules/playwright-core" ] || skip "web/node_modules is missing (the dashboard build runs npm ci)"
mkdir -p "$out"
rm -f "$out"/*.png "$out/serve.log"
"$fixture" "$out/fixture.db" "$out/truth.json"
"$cli" serve --db "$out/fixture.db" --port 0 --threads 4 2>"$out/serve.log" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|^serve: http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$out/serve.log")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$out/serve.log"; echo "FAIL: annals serve exited"; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { cat "$out/serve.log"; echo "FAIL: annals serve did not report a port"; exit 1; }
cd "$root/web"
node tests/browser.mjs "http://127.0.0.1:$port" "$out" "$chromium"
