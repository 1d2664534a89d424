#!/bin/sh
# valgrind memcheck over the main paths, one run each: invalid reads or
# writes, uses of uninitialised values and definite leaks are failures.
# Slow (minutes); not part of `make test`. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 3
ROOT=$(pwd)
export DOSSIER_DATA="$ROOT"
export DOSSIER_FREE_AT_EXIT=1 # every allocation freed, so that a leak is one
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dossier-memcheck.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
PASSED=0
FAILED=0
vg() { # NAME ARGS...: run dossier under memcheck
    name=$1; shift
    valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
        --suppressions="$ROOT/tests/valgrind.supp" --num-callers=40 \
        "$ROOT/dossier" "$@" >"$WORK/out" 2>"$WORK/err"
    st=$?
    if [ $st -ne 99 ] && ! grep -q '^==[0-9]*== ' "$WORK/err"; then
        PASSED=$((PASSED + 1)); printf 'ok   memcheck/%s (exit %d)\n' "$name" "$st"
    else
        FAILED=$((FAILED + 1)); printf 'FAIL memcheck/%s\n' "$name"; grep '^==' "$WORK/err" | head -60 | sed 's/^/     /'
    fi
}
vg "check the sample" check
vg "metrics of the sample" metrics
vg "facts of the sample" facts
vg "explain a service" explain clearance --period 2026-09
vg "layout of a plan in English" layout DRP-03 --lang en
vg "build the sample" build -o "$WORK/out1"
vg "build the sample with two workers" build -j 2 -o "$WORK/out2"
for t in tests/typeset/*.xml; do
    vg "render $(basename "$t")" render "$t" -o "$WORK/$(basename "$t" .xml).pdf"
done
# streamed (DOSSIER_STREAM=1: paginated after every block, pages let go),
# drawn and dumped
export DOSSIER_STREAM=1
for t in toc long-table tall-row group-table; do
    vg "render $t streamed" render "tests/typeset/$t.xml" --dump -o "$WORK/st-$t.pdf"
done
unset DOSSIER_STREAM
cp -r tests/bad/base "$WORK/bad"
sed -i 's/service="core-db"/service="nowhere"/' "$WORK/bad/services.xml" 2>/dev/null
vg "check sources with errors" check -i "$WORK/bad"
printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
[ "$FAILED" -eq 0 ]
