#!/bin/sh
# Rewrite tests/bad/*/expect from the current output; review the diff.
cd "$(dirname "$0")/.." || exit 3
ROOT=$(pwd)
export DOSSIER_DATA="$ROOT"
for case_dir in tests/bad/*/; do
    name=$(basename "$case_dir")
    [ "$name" = base ] && continue
    t=$(mktemp -d)
    cp -r tests/bad/base "$t/in"
    (cd "$case_dir" && find . -type f ! -name expect ! -name remove ! -name setup.sh ! -name args ! -name README) | while read -r f; do
        mkdir -p "$t/in/$(dirname "$f")"; cp "$case_dir/$f" "$t/in/$f"
    done
    [ -f "$case_dir/remove" ] && (cd "$t/in" && xargs rm -rf <"$ROOT/$case_dir/remove")
    [ -f "$case_dir/setup.sh" ] && (cd "$t/in" && sh "$ROOT/$case_dir/setup.sh")
    args="check"
    [ -f "$case_dir/args" ] && args=$(cat "$case_dir/args")
    (cd "$t" && "$ROOT/dossier" $args -i in >out.txt 2>err.txt; echo "exit: $?" >got; cat err.txt >>got)
    cp "$t/got" "$case_dir/expect"
    rm -rf "$t"
done
git --no-pager diff --stat -- tests/bad
