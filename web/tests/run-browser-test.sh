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
start_server() {  # DB LOG: starts `annals serve`, sets pid and port.
  "$cli" serve --db "$1" --port 0 --threads 4 2>"$2" &
  pid=$!
  port=""
  for _ in $(seq 1 100); do
    port=$(sed -n 's|^serve: http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$2")
    [ -n "$port" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$2"
  echo "FAIL: annals serve did not report a port"
  exit 1
}
mkdir -p "$out"
rm -f "$out"/*.png "$out/serve.log"
"$fixture" "$out/fixture.db" "$out/truth.json"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
pid=""
start_server "$out/fixture.db" "$out/serve.log"
(cd "$root/web" && node tests/browser.mjs "http://127.0.0.1:$port" "$out" "$chromium")
kill "$pid"
wait "$pid" 2>/dev/null || true

# The same dashboard over the ingested sample corpus (every format), compared with facts read from
# the database by sqlite3 (web/tests/samples-truth.sql).
if ! command -v sqlite3 >/dev/null; then
  echo "note: sqlite3 is not installed; the sample-corpus pages are not checked"
  exit 0
fi
rm -f "$out"/samples.db*
"$cli" ingest samples --db "$out/samples.db" >"$out/ingest.log" 2>&1 ||
  { cat "$out/ingest.log"; echo "FAIL: ingest"; exit 1; }
sqlite3 "$out/samples.db" <"$root/web/tests/samples-truth.sql" >"$out/samples-truth.json" ||
  { echo "FAIL: reading the sample database with sqlite3"; exit 1; }
start_server "$out/samples.db" "$out/serve-samples.log"
(cd "$root/web" && node tests/samples.mjs "http://127.0.0.1:$port" "$out" "$chromium")
