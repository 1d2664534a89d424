# An independent re-computation of the sample's figures (availability,
# incidents and their summaries for 2026-08 to 2026-10) in Python, from the
# XML sources alone, compared with `dossier metrics`. Each comparison the
# script prints ("ok   metrics/..." or "FAIL metrics/...: expected X, got Y")
# becomes one pass or fail here.
python3 "$ROOT/tests/independent/check_sample.py" "$DOSSIER" >"$WORK/indep.out" 2>"$WORK/indep.err"; st=$?
n=0
while IFS= read -r line; do
    case $line in
    "ok   "*) n=$((n + 1)); pass "independent/${line#ok   }" ;;
    "FAIL "*)
        n=$((n + 1))
        rest=${line#FAIL }
        fail "independent/${rest%%: *}" "${rest#*: }" ;;
    esac
done <"$WORK/indep.out"
# the script itself must have run to the end: exit 0, or 1 with failures reported
if [ $n -eq 0 ] || { [ $st -ne 0 ] && [ $st -ne 1 ]; } || { [ $st -eq 1 ] && ! grep -q '^FAIL ' "$WORK/indep.out"; }; then
    fail "independent/check_sample.py runs to the end" "exit $st: $(head -c 2000 "$WORK/indep.err")"
fi
