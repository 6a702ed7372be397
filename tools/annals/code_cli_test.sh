#!/usr/bin/env bash
# `annals code`, `annals explain` and `annals validate petrarch` end to end on inputs we wrote.
# Usage: code_cli_test.sh ANNALS_BINARY   (run from the source root)
set -euo pipefail
annals="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# validate petrarch: 5 records, 4 exact; the 5th expects no event and gets one.
"$annals" validate petrarch src/code/testdata/petrarch-mini/mini.xml --json > "$tmp/v.json"
python3 - "$tmp/v.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["records"] == 5, j
assert j["exact_records"] == 4, j
assert abs(j["exact"] - 0.8) < 1e-9, j
assert (j["expected_events"], j["produced_events"], j["matched_events"]) == (4, 5, 4), j
assert abs(j["precision"] - 0.8) < 1e-9 and abs(j["recall"] - 1.0) < 1e-9, j
assert j["categories"]["RECIPROCAL"]["exact"] == 1.0, j
PY

# code from CoNLL-U (given parses), JSONL out.
printf '# sent_id = s1\n# text = Canada sanctioned Belarus.\n1\tCanada\tCanada\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tsanctioned\tsanction\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tBelarus\tBelarus\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n' > "$tmp/in.conllu"
"$annals" code "$tmp/in.conllu" --format conllu --date 2025-09-02 --verbs-file src/code/testdata/verbs.tsv \
  > "$tmp/out.jsonl" 2> "$tmp/err.txt"
python3 - "$tmp/out.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) == 1, lines
e = lines[0]
# Countries named stand for their governments (sanctions: a diplomatic/economic act).
assert [a["code"] for a in e["sources"]] == ["CANGOV"], e
assert [a["code"] for a in e["targets"]] == ["BLRGOV"], e
assert e["cameo"] == "163" and e["pattern_id"] == "v.sanction.1", e
assert e["date"] == "2025-09-02" and e["predicate"]["text"] == "sanctioned", e
PY
grep -q "1 events written" "$tmp/err.txt" || fail "summary line: $(cat "$tmp/err.txt")"

# TSV output (with bare country codes, as PETRARCH and GDELT code them) and bad usage.
"$annals" code "$tmp/in.conllu" --format conllu --verbs-file src/code/testdata/verbs.tsv --output tsv \
  --bare-countries 2>/dev/null | grep -q $'\tCAN\tBLR\t163\t' || fail "tsv"
if "$annals" code "$tmp/in.conllu" --output xml 2>/dev/null; then fail "--output xml accepted"; fi
if "$annals" code "$tmp/in.conllu" --date 2025-13-40 2>/dev/null; then fail "bad --date accepted"; fi
if "$annals" validate petrarch /nonexistent.xml 2>/dev/null; then fail "missing file accepted"; fi
# explain: the sentences of a text are one document, so a pronoun stands for the person named
# before and a response to an earlier act targets that act's source.
"$annals" explain --date 2025-09-02 \
  "China criticized Brazil on Monday. Lula rejected the criticism. He met Xi Jinping." \
  > "$tmp/explain.txt" || fail "explain exited non-zero"
grep -q "actor 'He' -> BRAGOV (actor, pronoun)" "$tmp/explain.txt" ||
  fail "explain: pronoun: $(cat "$tmp/explain.txt")"
grep -q "sentence 2, 'rejected' 120: target CHNGOV, the source of the earlier act it names" \
  "$tmp/explain.txt" || fail "explain: referred act: $(cat "$tmp/explain.txt")"
# explain: the dateline gives bare roles their country, and a narrative's next step its day.
"$annals" explain --date 2025-01-27 "BOGOTA, Jan 27 (Wire) - Petro had refused on Sunday morning \
to let the planes land. Riot police then detained protesters." > "$tmp/explain2.txt" ||
  fail "explain (dateline) exited non-zero"
grep -q "sentence 2, 'detained' 173: COLCOP for 'Riot police', a role named with no country" \
  "$tmp/explain2.txt" || fail "explain: role country: $(cat "$tmp/explain2.txt")"
grep -q "sentence 2, 'detained' 173: dated 2025-01-26, the day of the narrative step before it" \
  "$tmp/explain2.txt" || fail "explain: narrative date: $(cat "$tmp/explain2.txt")"
# ... and `annals code` marks a country that came from the story in its JSON.
printf 'Border\n\nBOGOTA, Jan 27 (Wire) - Petro had refused on Sunday morning to let the planes %s\n' \
  "land. Riot police then detained protesters." > "$tmp/story.txt"
"$annals" code "$tmp/story.txt" --date 2025-01-27 2>/dev/null |
  grep -q '"code":"COLCOP","text":"Riot police","begin":84,"end":95,"country_from_context":true' ||
  fail "code: country_from_context: $("$annals" code "$tmp/story.txt" --date 2025-01-27 2>&1)"
if "$annals" explain --date 2025-13-40 "Lula met Xi." 2>/dev/null; then fail "explain: bad --date"; fi
echo "code_cli_test: ok"
