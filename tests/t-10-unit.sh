# Unit tests of the C modules (tests/unit/*.c).
if [ -x "$UNIT" ]; then
    "$UNIT" >"$WORK/unit.out" 2>&1
    while IFS= read -r line; do
        case "$line" in
        "PASS "*) pass "${line#PASS }" ;;
        "FAIL "*) rest=${line#FAIL }; fail "${rest%%: *}" "${rest#*: }" ;;
        *) fail "unit runner output" "$line" ;;
        esac
    done <"$WORK/unit.out"
else
    fail "unit runner" "$UNIT is missing"
fi
