# Every source file of the sample, cut in half in a copy, is reported as an
# error that names it, with line and column, and check exits 1.
n=0
bad=""
for f in $(cd input && find . -name '*.xml' | sed 's|^\./||' | sort); do
    n=$((n + 1))
    rm -rf "$WORK/trunc"
    cp -r input "$WORK/trunc"
    size=$(wc -c <"input/$f")
    head -c $((size / 2)) "input/$f" >"$WORK/trunc/$f"
    (cd "$WORK" && "$DOSSIER" check -i trunc >/dev/null 2>"$WORK/trunc.err"); st=$?
    if [ $st -ne 1 ] || ! grep -Eq "^trunc/$f:[0-9]+:[0-9]+: error: " "$WORK/trunc.err"; then
        bad="$bad $f(exit $st)"
    fi
done
if [ -z "$bad" ] && [ $n -gt 0 ]; then pass "sample/each of $n files truncated is an error naming it"
else fail "sample/truncated files are errors naming them" "$bad"; fi
