#!/usr/bin/env bash
# CLI test for `annals parse` (registered with ctest in tools/annals/CMakeLists.txt): raw text from
# stdin, a JSONL file through the readers, --input conllu keeping the given words, --keep-tags
# --score, offsets, --beam, and exit codes; and `annals eval ner --errors`. Every sentence
# written must be a single-rooted tree.
# Usage: parse_cli_test.sh ANNALS_BINARY   (run from the source root)
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_rc() {  # expect_rc WANT GOT WHAT
  [ "$1" = "$2" ] || fail "$3: exit $2, want $1"
}
# check_trees FILE: every sentence has # sent_id and # text, 10 columns per word line, heads in
# range, exactly one root, no cycles. Prints the number of sentences.
check_trees() {
  python3 - "$1" <<'PY'
import sys
blocks = open(sys.argv[1], encoding="utf-8").read().split("\n\n")
n = 0
for b in blocks:
    lines = [l for l in b.split("\n") if l]
    if not lines:
        continue
    n += 1
    assert any(l.startswith("# sent_id = ") for l in lines), b
    assert any(l.startswith("# text = ") for l in lines), b
    words = [l.split("\t") for l in lines if not l.startswith("#") and "-" not in l.split("\t")[0]]
    assert all(len(w) == 10 for w in words), b
    heads = {int(w[0]): int(w[6]) for w in words}
    assert sorted(heads) == list(range(1, len(words) + 1)), b
    assert sum(h == 0 for h in heads.values()) == 1, b
    assert all(0 <= h <= len(words) for h in heads.values()), b
    assert all(w[7] not in ("", "_") for w in words), b
    for i in heads:
        seen, h = 0, i
        while h != 0 and seen <= len(words):
            h, seen = heads[h], seen + 1
        assert h == 0, f"cycle through word {i}: {b}"
print(n)
PY
}

# Raw text on stdin: two sentences, offsets in MISC point into the input.
printf 'The rebels seized the town on Monday. The army said it would respond.\n' |
  "$bin" parse >"$tmp/raw.conllu" 2>"$tmp/err.txt"
expect_rc 0 $? "parse stdin"
[ "$(check_trees "$tmp/raw.conllu")" = 2 ] || fail "stdin: want 2 well-formed sentences"
grep -q $'\tseized\t.*\tTokenRange=11:17$' "$tmp/raw.conllu" || fail "stdin: offsets of 'seized'"
grep -qP '^3\tseized\tseize\tVERB\tVBD\t[^\t]*\t0\troot\t' "$tmp/raw.conllu" ||
  fail "stdin: 'seized' should be the tagged root"
grep -qP '^2\trebels\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t3\tnsubj\t' "$tmp/raw.conllu" ||
  fail "stdin: 'rebels' should be nsubj of 'seized'"

# A long document is annotated in pieces cut at blank lines: same sentences, ids and offsets.
printf 'Troops left the city.\n\nThe talks resumed in Doha on Friday.\n\nBoth sides agreed.\n' >"$tmp/paras.txt"
"$bin" parse "$tmp/paras.txt" >"$tmp/whole.conllu" 2>/dev/null
expect_rc 0 $? "parse paragraphs"
"$bin" parse --chunk-bytes 1 "$tmp/paras.txt" >"$tmp/pieces.conllu" 2>/dev/null
expect_rc 0 $? "parse paragraphs in pieces"
[ "$(check_trees "$tmp/pieces.conllu")" = 3 ] || fail "pieces: want 3 well-formed sentences"
cmp -s "$tmp/whole.conllu" "$tmp/pieces.conllu" || fail "--chunk-bytes 1 changed the output"
grep -q $'\tagreed\t.*TokenRange=72:78$' "$tmp/pieces.conllu" || fail "pieces: offsets of 'agreed'"
grep -q '^# sent_id = .*-3$' "$tmp/pieces.conllu" || fail "pieces: sentence ids keep counting"

# Another reader format (JSONL), detected from the content.
printf '{"id":"a1","text":"Police arrested two men in Lagos."}\n' >"$tmp/in.jsonl"
"$bin" parse "$tmp/in.jsonl" >"$tmp/jsonl.conllu" 2>"$tmp/err.txt"
expect_rc 0 $? "parse jsonl"
[ "$(check_trees "$tmp/jsonl.conllu")" = 1 ] || fail "jsonl: want 1 well-formed sentence"
grep -q '^# sent_id = a1-1$' "$tmp/jsonl.conllu" || fail "jsonl: sent_id from the document id"

# --input conllu keeps the given words, replaces tags and trees; --keep-tags --score.
tiny=src/nlp/parse/testdata/tiny.conllu
"$bin" parse --input conllu "$tiny" >"$tmp/tiny.conllu" 2>"$tmp/err.txt"
expect_rc 0 $? "parse --input conllu"
got=$(check_trees "$tmp/tiny.conllu")
[ "$got" = "$(grep -c '^# sent_id' "$tiny")" ] || fail "conllu: sentence count $got"
diff <(grep -v '^#' "$tiny" | cut -f2) <(grep -v '^#' "$tmp/tiny.conllu" | cut -f2) >/dev/null ||
  fail "conllu: word forms changed"
grep -qP '^2\tmet\tmeet\tVERB\t' "$tmp/tiny.conllu" || fail "conllu: words re-tagged (lemma added)"
"$bin" parse --keep-tags --score "$tiny" >/dev/null 2>"$tmp/err.txt"
expect_rc 0 $? "parse --keep-tags --score"
grep -qE '^annals parse: [0-9]+ words  UAS [0-9.]+  LAS ' "$tmp/err.txt" || fail "--score line"

# Exit codes: usage errors 2, nothing parsed 1.
"$bin" parse --input nosuchformat x >/dev/null 2>&1
expect_rc 2 $? "unknown --input"
"$bin" parse --score "$tmp/in.jsonl" >/dev/null 2>&1
expect_rc 2 $? "--score without CoNLL-U"
"$bin" parse "$tmp/does-not-exist.txt" >/dev/null 2>&1
expect_rc 1 $? "missing file"

# A beam wider than the model's own still gives trees; out-of-range widths are usage errors.
printf 'The council approved the budget on Monday.\nProtesters gathered outside.\n' |
  "$bin" parse --beam 4 > "$tmp/beam.conllu" 2>/dev/null
expect_rc 0 $? "parse --beam 4"
[ "$(check_trees "$tmp/beam.conllu")" = 2 ] || fail "--beam 4: want 2 well-formed sentences"
echo "x" | "$bin" parse --beam 65 >/dev/null 2>&1
expect_rc 2 $? "--beam 65"

# eval ner --errors: one JSON line per sentence whose entities differ from the gold ones.
printf '1\tMaria\tB-PER\n2\tvisited\tO\n3\tParis\tB-LOC\n4\t.\tO\n\n1\tThe\tO\n2\tzebra\tB-ORG\n3\tslept\tO\n4\t.\tO\n\n' > "$tmp/gold.iob2"
"$bin" eval ner --gold "$tmp/gold.iob2" --format iob2 --errors "$tmp/errors.jsonl" >/dev/null 2>&1
expect_rc 0 $? "eval ner --errors"
python3 - "$tmp/errors.jsonl" <<'PY' || fail "eval ner --errors: unexpected lines"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
# "zebra" as an organisation is not something the model finds: that sentence must be listed with
# the gold chunk as missed, and every listed sentence must really differ.
zebra = [l for l in lines if "zebra" in l["words"]]
assert len(zebra) == 1, lines
assert ["ORG", 1, 1, "zebra"] in zebra[0]["missed"], zebra
assert all(l["missed"] or l["spurious"] for l in lines), lines
PY
"$bin" eval ner --gold "$tmp/gold.iob2" --errors /nonexistent/dir/e.jsonl >/dev/null 2>&1
expect_rc 1 $? "eval ner --errors to an unwritable path"

[ "$failures" -eq 0 ] && echo "parse_cli_test: all passed"
exit $((failures > 0))
