#!/bin/sh
# Seed corpora for the fuzz harnesses, from the sample, the test inputs and
# the documentation's examples, into DIR/HARNESS/ (sources: the first byte
# chooses the file of tests/bad/base the rest replaces; see fuzz_sources.c).
set -eu
cd "$(dirname "$0")/../.." || exit 3
DIR=$1
rm -rf "$DIR" && mkdir -p "$DIR/sources" "$DIR/markdown" "$DIR/layout" "$DIR/control"
i=0
for f in organisation.xml calendars.xml services.xml functions.xml register.xml plans/drp.xml plans/drp/background.md records/incidents.xml records/outages.xml; do
    { printf "\\$(printf '%03o' $i)"; cat "tests/bad/base/$f"; } >"$DIR/sources/base-$i"
    i=$((i + 1))
done
# bad cases: each file of a case, as the file of the same name
for c in tests/bad/*/; do
    n=$(basename "$c")
    [ "$n" = base ] && continue
    i=0
    for f in organisation.xml calendars.xml services.xml functions.xml register.xml plans/drp.xml plans/drp/background.md records/incidents.xml records/outages.xml; do
        [ -f "$c$f" ] && { printf "\\$(printf '%03o' $i)"; head -c 200000 "$c$f"; } >"$DIR/sources/bad-$n-$i"
        i=$((i + 1))
    done
done
for f in $(find input -name '*.md' | sort | head -40); do cp "$f" "$DIR/markdown/$(echo "$f" | tr '/' '_')"; done
for f in tests/typeset/*.xml docs/examples/layout.xml; do cp "$f" "$DIR/layout/$(basename "$f")"; done
awk -v dir="$DIR/layout" '/^```xml[ \t]*$/ { n++; f = sprintf("%s/doc-%02d.xml", dir, n); inb = 1; printf "" > f; next }
    inb && /^```[ \t]*$/ { inb = 0; close(f); next } inb { print > f }' docs/layout.md
printf '\001{"format":1,"released":[]}' >"$DIR/control/lock-empty"
printf '\000{"format":1,"engine":"x","period":"2026-10","documents":[],"files":[]}' >"$DIR/control/manifest-empty"
