#!/bin/sh
# Rewrite tests/golden/layout/*.xml, the layout trees of the sample's
# documents, from the current stylesheets; review the diff (git diff).
cd "$(dirname "$0")/.." || exit 3
export DOSSIER_DATA="$(pwd)"
mkdir -p tests/golden/layout
rm -f tests/golden/layout/*.xml
python3 tests/golden/list.py input/register.xml $(cat tests/golden/english) | while read -r number lang; do
    ./dossier layout "$number" --lang "$lang" -i input | xmllint --format - >"tests/golden/layout/$number.$lang.xml" || echo "failed: $number $lang"
done
git --no-pager diff --stat -- tests/golden
