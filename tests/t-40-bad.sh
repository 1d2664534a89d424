# The bad-input corpus: each tests/bad/<case>/ overlays files on
# tests/bad/base/ (a small valid organisation) and holds `expect`: the exit
# status on its first line ("exit: N"), then the exact diagnostics.
# Optional: `remove` (paths to delete from the copy), `setup.sh` (run in the
# copy), `args` (the command and options; default "check").
# tests/regen-bad.sh rewrites the expectations from the current output.
for case_dir in tests/bad/*/; do
    name=$(basename "$case_dir")
    [ "$name" = base ] && continue
    t="$WORK/bad-$name"
    mkdir -p "$t"
    cp -r tests/bad/base "$t/in"
    (cd "$case_dir" && find . -type f ! -name expect ! -name remove ! -name setup.sh ! -name args ! -name README) | while read -r f; do
        mkdir -p "$t/in/$(dirname "$f")"; cp "$case_dir/$f" "$t/in/$f"
    done
    [ -f "$case_dir/remove" ] && (cd "$t/in" && xargs rm -rf <"$ROOT/$case_dir/remove")
    [ -f "$case_dir/setup.sh" ] && (cd "$t/in" && sh "$ROOT/$case_dir/setup.sh")
    args="check"
    [ -f "$case_dir/args" ] && args=$(cat "$case_dir/args")
    # shellcheck disable=SC2086
    (cd "$t" && "$DOSSIER" $args -i in >out.txt 2>err.txt; echo "exit: $?" >got; cat err.txt >>got)
    if cmp -s "$case_dir/expect" "$t/got"; then pass "bad/$name"
    else fail "bad/$name" "$(diff "$case_dir/expect" "$t/got" | head -20)"; fi
done
