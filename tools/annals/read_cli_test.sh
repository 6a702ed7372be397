#!/usr/bin/env bash
# CLI test for `annals read` (registered with ctest in tools/annals/CMakeLists.txt): output on the
# golden inputs, stdin, --field, --rejects, --quiet, and exit codes 0/1/2.
# Usage: read_cli_test.sh ANNALS_BINARY   (run from the source root)
set -uo pipefail
bin=$1
golden=src/io/testdata/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_rc() {  # expect_rc WANT GOT WHAT
  [ "$1" = "$2" ] || fail "$3: exit $2, want $1"
}

# Golden inputs: documents on stdout, rejects on stderr and in the --rejects file. The directory
# walk reads only files with an input extension; the two sniffed inputs (no such extension) are
# skipped there and read when named.
sniffed=("$golden/in/sniffed_conllu.dat" "$golden/in/sniffed_jsonl")
"$bin" read "$golden/in" "${sniffed[@]}" --rejects "$tmp/rej.jsonl" >"$tmp/out.jsonl" 2>"$tmp/err.txt"
expect_rc 0 $? "read golden dir"
: >"$tmp/want.jsonl"
for f in "$golden"/out/*.jsonl; do
  case "$f" in */sniffed_*) ;; *) cat "$f" >>"$tmp/want.jsonl" ;; esac
done
for f in "${sniffed[@]}"; do cat "$golden/out/$(basename "$f").jsonl" >>"$tmp/want.jsonl"; done
grep -v '^{"file":' "$tmp/want.jsonl" >"$tmp/want_docs.jsonl"
grep '^{"file":' "$tmp/want.jsonl" >"$tmp/want_rejects.jsonl"
cmp -s "$tmp/out.jsonl" "$tmp/want_docs.jsonl" || fail "stdout differs from the golden documents"
cmp -s "$tmp/rej.jsonl" "$tmp/want_rejects.jsonl" || fail "--rejects file differs from the golden rejects"
[ "$(wc -l <"$tmp/out.jsonl")" -eq 17 ] || fail "want 17 documents"
[ "$(wc -l <"$tmp/rej.jsonl")" -eq 7 ] || fail "want 7 rejects"
grep -qx "$golden/in/articles.jsonl:line 7: invalid JSON: A string is opened, but never closed." \
  "$tmp/err.txt" || fail "reject line missing on stderr"
grep -qx "read: 17 documents from 11 files, 7 rejected, 2 files skipped (not an input extension)" \
  "$tmp/err.txt" || fail "summary line: $(grep '^read: ' "$tmp/err.txt")"
[ "$(grep -c '^read: ' "$tmp/err.txt")" -eq 1 ] || fail "one summary line, no progress (not a tty)"

# The samples: every article once, with a date (and a title, except the CoNLL-U article: the
# format has no title field); README.md and answers.tsv skipped.
"$bin" read samples/ --rejects "$tmp/samples-rej.jsonl" >"$tmp/samples.jsonl" 2>"$tmp/samples-err.txt"
expect_rc 0 $? "read samples/"
grep -qx "read: 43 documents from 25 files, 0 rejected, 2 files skipped (not an input extension)" \
  "$tmp/samples-err.txt" || fail "samples summary: $(cat "$tmp/samples-err.txt")"
[ ! -s "$tmp/samples-rej.jsonl" ] || fail "samples rejects: $(cat "$tmp/samples-rej.jsonl")"
[ "$(grep -c '"title":"[^"]' "$tmp/samples.jsonl")" -eq 42 ] || fail "a sample without a title"
[ "$(grep -c '"date":"20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "$tmp/samples.jsonl")" -eq 43 ] ||
  fail "a sample without a date"
[ "$(grep -c '"dateline":{"place":"[A-Z]' "$tmp/samples.jsonl")" -eq 43 ] ||
  fail "every sample opens with a wire dateline; not all were found"

# stdin, --field, --quiet.
printf '{"body":"From stdin.","headline":"H"}\n' |
  "$bin" read - --field text=body --field title=headline --quiet >"$tmp/stdin.jsonl" 2>"$tmp/err2.txt"
expect_rc 0 $? "read stdin"
grep -q '"title":"H","date":"","language":"","text":"From stdin.","origin":{"file":"-","location":"line 1"}' \
  "$tmp/stdin.jsonl" || fail "stdin document: $(cat "$tmp/stdin.jsonl")"
[ ! -s "$tmp/err2.txt" ] || fail "--quiet printed: $(cat "$tmp/err2.txt")"

# Nothing readable: exit 1, one line per problem.
: >"$tmp/empty.txt"
"$bin" read "$tmp/missing.txt" "$tmp/empty.txt" >"$tmp/out3" 2>"$tmp/err3.txt"
expect_rc 1 $? "nothing readable"
grep -qx "$tmp/missing.txt: no such file or directory" "$tmp/err3.txt" || fail "missing-file line"
grep -qx "$tmp/empty.txt: empty file" "$tmp/err3.txt" || fail "empty-file line"
grep -qx "read: 0 documents from 1 file, 2 rejected" "$tmp/err3.txt" || fail "summary when none read"
[ ! -s "$tmp/out3" ] || fail "stdout not empty"

# Usage errors: exit 2.
"$bin" read >/dev/null 2>&1; expect_rc 2 $? "no PATH"
"$bin" read --format pdf "$golden/in" >/dev/null 2>&1; expect_rc 2 $? "bad --format"
"$bin" read --field colour=x "$golden/in" >/dev/null 2>&1; expect_rc 2 $? "bad --field key"
"$bin" read --field text "$golden/in" >/dev/null 2>&1; expect_rc 2 $? "--field without ="
"$bin" read --no-such-flag "$golden/in" >/dev/null 2>&1; expect_rc 2 $? "unknown flag"
"$bin" read --help >"$tmp/help.txt" 2>&1; expect_rc 0 $? "--help"
grep -q "Usage: annals read" "$tmp/help.txt" || fail "--help text"
"$bin" --help | grep -q "read " || fail "read missing from annals --help"

if [ "$failures" -ne 0 ]; then
  echo "read_cli_test: $failures failure(s)" >&2
  exit 1
fi
echo "read_cli_test: all checks passed"
