#!/usr/bin/env bash
# `annals analyze` end to end on an article we wrote: entities, places with coordinates, events
# with their place and date, the same events as `annals code`, stdin, --no-dict, bad usage.
# Usage: analyze_cli_test.sh ANNALS_BINARY   (run from the source root)
set -euo pipefail
annals="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Models and the gazetteer are part of the checkout and the build; without them, skip.
if [ ! -f models/ner.model ] || [ ! -f models/parser.model ]; then
  echo "analyze_cli_test: models/ absent, skipped"; exit 77
fi

python3 - "$tmp/in.jsonl" <<'PY'
import json, sys
text = ("ANKARA, March 3 (Annals Wire) - Turkish President Recep Tayyip Erdogan met Ukrainian "
        "President Volodymyr Zelenskiy in Istanbul on Sunday to discuss a ceasefire.\n\n"
        "Police arrested more than 40 protesters in Izmir on Saturday, officials said.\n\n"
        "\u201cWe will not accept any plan that divides Ukraine,\u201d Zelenskiy told reporters.")
doc = {"id": "talks", "url": "https://wire.example/talks", "title": "Talks in Istanbul",
       "date": "2026-03-03", "text": text}
open(sys.argv[1], "w").write(json.dumps(doc) + "\n")
PY

"$annals" analyze "$tmp/in.jsonl" --json > "$tmp/a.jsonl" 2> "$tmp/a.err" || fail "analyze: $(cat "$tmp/a.err")"
"$annals" code "$tmp/in.jsonl" --all > "$tmp/c.jsonl" 2> /dev/null || fail "code"
python3 - "$tmp/a.jsonl" "$tmp/c.jsonl" <<'PY'
import json, math, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert len(recs) == 1, recs
r = recs[0]
assert r["id"] == "talks" and r["date"] == "2026-03-03" and r["date_source"] == "metadata", r
ents = {e["text"]: e for e in r["entities"]}
e = ents["Recep Tayyip Erdogan"]
assert e["type"] == "PER" and e["span"] == [50, 70] and e["sentence"] == 0, e
assert ents["Volodymyr Zelenskiy"]["type"] == "PER", ents
places = {p["text"]: p for p in r["places"]}
ist = places["Istanbul"]
assert ist["name"] == "Istanbul" and ist["iso3"] == "TUR" and ist["fips"] == "TU", ist
assert ist["adm1"] == "TU34" and ist["geonames_id"] == 745044 and ist["feature"] == "city", ist
assert abs(ist["lat"] - 41.01) < 0.1 and abs(ist["lon"] - 28.95) < 0.1, ist
assert ist["span"] == [118, 126], ist
assert places["Ukraine"]["feature"] == "country", places
events = r["events"]
arrest = [e for e in events if e["predicate"]["text"] == "arrested"]
assert len(arrest) == 1, events
a = arrest[0]
assert a["date"] == "2026-02-28", a
assert r["dates"][a["date_mention"]]["text"] == "Saturday", a
assert a["place"]["name"] == "\u0130zmir" and a["place"]["source"] == "predicate", a
assert r["places"][a["place"]["mention"]]["text"] == "Izmir", a
meet = [e for e in events if e["predicate"]["text"] == "met"][0]
assert meet["place"]["name"] == "Istanbul", meet
# The bare police and protesters of Izmir in an Ankara story are Turkish (the event's place).
assert a["sources"][0]["code"] == "TURCOP" and a["targets"][0]["code"] == "TUROPP", a
# The events are the ones `annals code` codes, field for field (place and date_mention are
# analyze's own additions, and so is the country its place gives a domestic agent named with no
# country: `annals code` does not geocode; it gives such an agent the story's country, the
# dateline's, which here is the place's too).
coded = [json.loads(l) for l in open(sys.argv[2])]
assert len(coded) == len(events), (len(coded), len(events))
for c, e in zip(coded, events):
    e = json.loads(json.dumps(e))
    e.pop("place"); e.pop("date_mention")
    for role in ("sources", "targets"):
        for ca, ea in zip(c[role], e[role]):
            if len(ea["code"]) == 6 and ea["code"][3:] in (ca["code"], ca["code"][3:]):
                ea["code"] = ca["code"]
    # ... and so is the country of a foreign place a targetless use of force happened in.
    if not c["targets"] and all(len(t["code"]) == 3 for t in e["targets"]):
        e["targets"] = []
    assert c == e, (c, e)
PY

# stdin, and --no-dict: entities and places, no events.
"$annals" analyze --json --no-dict < "$tmp/in.jsonl" > "$tmp/n.jsonl" 2>/dev/null || fail "--no-dict"
python3 - "$tmp/n.jsonl" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).read())
assert r["events"] == [] and len(r["entities"]) >= 5 and len(r["places"]) >= 3, r
PY

# Bad usage and bad input: clear errors, no crash.
set +e
"$annals" analyze "$tmp/in.jsonl" --date 2026-13-45 --json > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "bad --date: exit $rc"
grep -q -- "--date" "$tmp/err" || fail "bad --date message: $(cat "$tmp/err")"
"$annals" analyze "$tmp/missing.txt" --json > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -ne 0 ] && [ $rc -lt 128 ] || fail "missing input: exit $rc"
"$annals" analyze "$tmp/in.jsonl" --models "$tmp/nomodels" --json > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "missing models: exit $rc"
[ "$(wc -l < "$tmp/err")" -eq 1 ] || fail "missing models: not one line: $(cat "$tmp/err")"
head -c 3000 /dev/urandom > "$tmp/noise.txt"
"$annals" analyze "$tmp/noise.txt" --json > "$tmp/noise.jsonl" 2>/dev/null; rc=$?
[ $rc -lt 128 ] || fail "noise: crashed ($rc)"
set -e
if [ -s "$tmp/noise.jsonl" ]; then
  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/noise.jsonl" \
    || fail "noise: invalid JSON"
fi
echo "analyze_cli_test: ok"
