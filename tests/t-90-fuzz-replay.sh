# The fuzz harnesses (tests/fuzz), replayed without libFuzzer over their
# seeds (the sample, the bad cases, the layout examples) and over every
# input that once crashed one (tests/fuzz/regress/HARNESS/): each must run
# to the end. Under `make sanitize` the replayers carry ASan and UBSan.
REPLAY_DIR=${REPLAY:-$ROOT/build}
case $REPLAY_DIR in /*) ;; *) REPLAY_DIR=$ROOT/$REPLAY_DIR ;; esac
sh tests/fuzz/seed.sh "$WORK/seeds" >/dev/null 2>&1
for n in sources markdown layout control; do
    r="$REPLAY_DIR/fuzz-replay-$n"
    if [ ! -x "$r" ]; then fail "fuzz/replay $n" "no $r (make test builds it)"; continue; fi
    "$r" "$WORK/seeds/$n" "tests/fuzz/regress/$n" >"$WORK/fz.out" 2>"$WORK/fz.err"; st=$?
    count=$(grep -o '^[0-9]* inputs' "$WORK/fz.out" | cut -d' ' -f1)
    if [ $st -eq 0 ] && [ "${count:-0}" -gt 0 ]; then pass "fuzz/replay $n: $count inputs"
    else fail "fuzz/replay $n" "exit $st: $(tail -c 1500 "$WORK/fz.err")"; fi
done
