#!/usr/bin/env bash
# Integration test for streaming ingestion (registered with ctest; skipped when nats-server is not
# installed): a real 3-node NATS JetStream cluster on loopback ports, the sample corpus plus a
# generated one published to a 3-replica stream, three `annals worker`s storing into one
# database, one of them killed with SIGKILL mid-stream. The database must end with every
# document exactly once and the same documents and events as a single-process `annals ingest`.
# Uses PostgreSQL when ANNALS_TEST_PG is set to a connection URL (in a schema of its own, dropped
# afterwards, so a database that already holds events does not count), else a SQLite file.
# Usage: queue_cli_test.sh ANNALS_BINARY   (run from the source root)
set -uo pipefail
bin=$1
if ! command -v nats-server >/dev/null; then
  echo "SKIP: nats-server is not installed (Debian package nats-server)"
  exit 77
fi
tmp=$(mktemp -d)
pids=()
schema=""
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  wait 2>/dev/null
  if [ -n "$schema" ]; then psql -q "$ANNALS_TEST_PG" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Free loopback ports for 3 clients + 3 cluster routes.
read -r -a ports < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(6)]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))')
routes="nats://127.0.0.1:${ports[3]},nats://127.0.0.1:${ports[4]},nats://127.0.0.1:${ports[5]}"
for i in 0 1 2; do
  nats-server -js -a 127.0.0.1 -p "${ports[$i]}" -n "n$i" -sd "$tmp/js$i" \
    --cluster_name annals-test --cluster "nats://127.0.0.1:${ports[$((i + 3))]}" \
    --routes "$routes" >"$tmp/nats$i.log" 2>&1 &
  pids+=($!)
done
url="nats://127.0.0.1:${ports[0]},nats://127.0.0.1:${ports[1]},nats://127.0.0.1:${ports[2]}"

python3 - "$tmp/big.jsonl" <<'PY'
import json, sys
actors = ["China", "Russia", "India", "Japan", "Brazil", "Kenya", "France", "Egypt"]
with open(sys.argv[1], "w") as f:
    for i in range(1500):
        a, b = actors[i % 8], actors[(i * 3 + 1) % 8]
        text = (f"{a} criticized {b} on Tuesday, officials said in statement {i}. "
                f"Talks between {a} and {b} will resume next week, a spokesman said.")
        f.write(json.dumps({"id": f"q-{i}", "url": f"https://queue.test/{i}",
                            "date": "2025-09-02", "title": f"Statement {i}", "text": text}) + "\n")
PY
inputs=(samples/text samples/jsonl samples/html samples/feeds samples/warc "$tmp/big.jsonl")

# The cluster needs a few seconds to elect a JetStream meta leader: retry the first publish.
ok=0
for _ in $(seq 1 40); do
  if "$bin" publish "${inputs[@]}" --nats "$url" --stream DOCS --replicas 3 2>"$tmp/pub.txt"; then
    ok=1
    break
  fi
  sleep 0.5
done
[ $ok -eq 1 ] || { fail "publish to the cluster: $(cat "$tmp/pub.txt")"; exit 1; }
grep -q "^publish: 1542 documents" "$tmp/pub.txt" || fail "publish summary: $(cat "$tmp/pub.txt")"
# Publishing again within the duplicate window is dropped by the server.
"$bin" publish samples/text --nats "$url" --stream DOCS 2>"$tmp/pub2.txt"
grep -q "^publish: 0 documents, 11 duplicates dropped" "$tmp/pub2.txt" ||
  fail "republish should be dropped as duplicates: $(cat "$tmp/pub2.txt")"

db="$tmp/queue.db"
ref="$tmp/ref.db"
if [ -n "${ANNALS_TEST_PG:-}" ]; then
  schema="annals_queue_test_$$"
  psql -q "$ANNALS_TEST_PG" -c "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" >/dev/null ||
    { fail "cannot create schema $schema on ANNALS_TEST_PG"; exit 1; }
  case "$ANNALS_TEST_PG" in *\?*) sep='&' ;; *) sep='?' ;; esac
  db="${ANNALS_TEST_PG}${sep}options=-csearch_path%3D${schema}"
fi
wpids=()
for i in 0 1 2; do
  "$bin" worker --nats "$url" --stream DOCS --db "$db" --batch 8 --ack-wait 3 --idle-exit 6 \
    2>"$tmp/worker$i.txt" &
  wpids+=($!)
  pids+=($!)
done
# Kill worker 0 once documents are flowing.
for _ in $(seq 1 400); do
  grep -q . "$tmp/worker0.txt" 2>/dev/null && break
  n=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM documents').fetchone()[0])" "$db" 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 100 ] && break
  sleep 0.05
done
kill -9 "${wpids[0]}"
for i in 1 2; do wait "${wpids[$i]}" || fail "worker $i exit status: $(tail -3 "$tmp/worker$i.txt")"; done
grep -h "^worker: [0-9]* messages" "$tmp"/worker[12].txt >&2

"$bin" ingest "${inputs[@]}" --db "$ref" -q 2>/dev/null || fail "reference ingest"
# Compare through the CLI, so the same check covers SQLite and PostgreSQL: document ids (no
# duplicates) and every event (document, sentence, code, date, actors, flags).
snapshot() {  # snapshot DB OUT
  {
    for offset in 0 1000 2000; do
      "$bin" query --db "$1" --json documents --limit 1000 --offset $offset
    done
    "$bin" query --db "$1" --json events --include-flagged --limit 100000
  } 2>/dev/null | python3 -c '
import json, sys
docs, events = [], []
for line in sys.stdin:
    r = json.loads(line)
    if "snippet" in r:
        docs.append(r["id"])
    else:
        codes = lambda k: "+".join(a["code"] for a in r.get(k, []))
        events.append("|".join(map(str, [r["document"], r["sentence"], r["cameo"], r["date"],
                      codes("sources"), codes("targets"), r["negated"], r["hypothetical"]])))
print(len(docs), len(set(docs)), len(events))
for d in sorted(docs): print("D", d)
for e in sorted(events): print("E", e)' >"$2"
}
snapshot "$db" "$tmp/queue.snap"
snapshot "$ref" "$tmp/ref.snap"
read -r ndocs nunique nevents <"$tmp/queue.snap"
[ "$ndocs" = "$nunique" ] || fail "duplicate documents in the queue database: $ndocs rows, $nunique ids"
[ "$ndocs" -ge 1542 ] || fail "want at least 1542 documents, got $ndocs"
cmp -s "$tmp/queue.snap" "$tmp/ref.snap" ||
  fail "queue database differs from the single-process ingest: $(head -1 "$tmp/queue.snap") vs $(head -1 "$tmp/ref.snap")"
echo "queue: $ndocs documents, $nevents events, identical to ingest ($( [ -n "${ANNALS_TEST_PG:-}" ] && echo PostgreSQL || echo SQLite))" >&2

if [ $failures -gt 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "queue_cli_test: ok"
