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
import csv, datetime, re, sqlite3, sys

# Floors, in percent of the plain answer rows. Measured 2026-12-03 on this corpus: strict 17.1,
# countries 36.9 (samples/README.md, "What Annals codes"); the floors leave room for coder
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


def interval(date):
    """[first day, last day] of YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD or A/B; None if unparsable."""
    if "/" in date:
        a, b = (interval(x) for x in date.split("/", 1))
        return (a[0], b[1]) if a and b else None
    try:
        if re.fullmatch(r"\d{4}", date):
            return (datetime.date(int(date), 1, 1), datetime.date(int(date), 12, 31))
        if re.fullmatch(r"\d{4}-\d\d", date):
            y, m = map(int, date.split("-"))
            nxt = datetime.date(y + m // 12, m % 12 + 1, 1)
            return (datetime.date(y, m, 1), nxt - datetime.timedelta(days=1))
        m = re.fullmatch(r"(\d{4})-W(\d\d)", date)
        if m:
            monday = datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return (monday, monday + datetime.timedelta(days=6))
        day = datetime.date.fromisoformat(date[:10])
        return (day, day)
    except ValueError:
        return None


def norm(code):
    return code[3:] if code.startswith("---") else code


# An event's source (role 0) or target (role 1) codes, in order, joined with "|".
CODES = ("coalesce((SELECT group_concat(code, '|') FROM (SELECT code FROM event_actors "
         "WHERE event_rowid = e.rowid AND role = %d ORDER BY position)), '')")
stored = {}
for path, location, date, src, root, tgt in db.execute(
        "SELECT d.origin_file, d.origin_location, e.date, " + CODES % 0 +
        ", substr(e.cameo, 1, 2), " + CODES % 1 + " FROM events e JOIN documents d ON d.rowid = e.document_rowid "
        "WHERE e.negated = 0 AND e.hypothetical = 0"):
    m = re.search(r"(\d+)$", location)
    key = (re.sub(r"^(.*/)?samples/", "", path), int(m.group(1)) if m else 1)
    for s in src.split("|"):
        for t in tgt.split("|"):
            stored.setdefault(key, []).append((interval(date), norm(s), root, norm(t)))

with open(sys.argv[2], encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def found(row, width):
    want = interval(row["date"])
    for span, s, root, t in stored.get((row["file"], int(row["item"])), []):
        if (span and want and want[0] <= span[0] and span[1] <= want[1] and
                root == row["cameo"][:2] and s[:width] == norm(row["source"])[:width] and
                t[:width] == norm(row["target"])[:width]):
            return True
    return False


plain = [r for r in rows if r["negated"] == "0" and r["hypothetical"] == "0"]
flagged = [r for r in rows if r not in plain]
for name, width, floor in (("strict", 99, STRICT_FLOOR), ("countries", 3, COUNTRY_FLOOR)):
    hits = sum(found(r, width) for r in plain)
    pct = 100.0 * hits / len(plain)
    print("samples: answers.tsv recall (%s): %d of %d plain rows = %.1f%% (floor %.0f%%)" %
          (name, hits, len(plain), pct, floor))
    if pct < floor:
        fail("%s recall %.1f%% is below the floor of %.0f%%" % (name, pct, floor))
leaked = sum(found(r, 99) for r in flagged)
print("samples: negated or hypothetical rows output as plain events: %d of %d" %
      (leaked, len(flagged)))
print("samples: %s" % ("FAILED" if failures else "PASSED"))
sys.exit(1 if failures else 0)
PY
