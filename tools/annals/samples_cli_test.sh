#!/usr/bin/env bash
# CLI test for the sample corpus as a whole (registered with ctest in tools/annals/CMakeLists.txt):
# ingests samples/ (every format) into a fresh SQLite database and checks that
#  1. every article is stored: one document per article that `scripts/make-samples --list`
#     names (at least 40), nothing rejected;
#  2. every CAMEO root 01-20 occurs among the stored events that are neither negated nor
#     hypothetical;
#  3. the plain (not negated, not hypothetical) rows of samples/answers.tsv are found: it prints the
#     recall and fails below a floor. A row is found when a plain stored event of the same article
#     has its date inside the row's date (a day or a YYYY-MM-DD/YYYY-MM-DD range; a stored month,
#     ISO week or year must lie inside it), the same CAMEO root, and the row's source and target:
#     "strict" compares whole actor codes, "countries" only their first three letters (the coder's
#     country-only "CHN" for the key's "CHNGOV"). `---` (unknown country) matches a missing code.
#     The comparison is scripts/samples-key's, which also says why each missed row was missed.
# Usage: samples_cli_test.sh ANNALS_BINARY   (run from the source root)
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest samples --db "$tmp/s.db" 2>"$tmp/ingest.txt" || {
  cat "$tmp/ingest.txt"
  echo "FAIL: annals ingest samples exited with $?"
  exit 1
}
tail -1 "$tmp/ingest.txt"
grep -q ", 0 rejected," "$tmp/ingest.txt" || { echo "FAIL: the ingest rejected records"; exit 1; }
articles=$(python3 scripts/make-samples --list | wc -l)
python3 - "$tmp/s.db" samples/answers.tsv "$articles" <<'PY'
import json, sqlite3, subprocess, sys

# Floors, in percent of the plain answer rows. Measured 2026-12-03 on this corpus: strict 17.1,
# countries 37.9 (samples/README.md, "What Annals codes"); the floors leave room for coder
# changes.
STRICT_FLOOR, COUNTRY_FLOOR = 5.0, 15.0

db = sqlite3.connect(sys.argv[1])
failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL: " + msg)


docs = db.execute("SELECT count(*) FROM documents").fetchone()[0]
print("samples: %d documents stored" % docs)
if docs < 40 or docs != int(sys.argv[3]):
    fail("want one document per article (scripts/make-samples --list: %s, at least 40), got %d"
         % (sys.argv[3], docs))

roots = dict(db.execute("SELECT substr(cameo, 1, 2) AS root, count(*) FROM events WHERE "
                        "negated = 0 AND hypothetical = 0 GROUP BY root"))
print("samples: plain events per CAMEO root: " +
      " ".join("%02d:%d" % (r, roots.get("%02d" % r, 0)) for r in range(1, 21)))
missing = ["%02d" % r for r in range(1, 21) if "%02d" % r not in roots]
if missing:
    fail("CAMEO roots with no stored event: " + " ".join(missing))


# The comparison with the key is scripts/samples-key's (its doc says how a row is found).
key = json.loads(subprocess.run([sys.executable, "scripts/samples-key", "--db", sys.argv[1],
                                 "--key", sys.argv[2], "--json"],
                                check=True, capture_output=True, text=True).stdout)
for name, floor in (("strict", STRICT_FLOOR), ("countries", COUNTRY_FLOOR)):
    hits, rows = key[name], key["plain_rows"]
    pct = 100.0 * hits / rows
    print("samples: answers.tsv recall (%s): %d of %d plain rows = %.1f%% (floor %.0f%%)" %
          (name, hits, rows, pct, floor))
    if pct < floor:
        fail("%s recall %.1f%% is below the floor of %.0f%%" % (name, pct, floor))
print("samples: negated or hypothetical rows output as plain events: %d of %d" %
      (key["flagged_output_plain"], key["flagged_rows"]))
print("samples: missed rows by cause: " +
      ", ".join("%s %d" % kv for kv in key["missed_by_cause"].items()))
print("samples: %s" % ("FAILED" if failures else "PASSED"))
sys.exit(1 if failures else 0)
PY
