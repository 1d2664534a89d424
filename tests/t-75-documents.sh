# The sample's documents: golden layout trees (tests/golden/layout, rewritten
# by `make regen` and reviewed as a diff), then the PDFs `build` writes,
# read back with pdfinfo, pdftotext, pdffonts and qpdf
# (tests/documents/check_pdfs.py), in the register's languages and every
# document in English too; the same sources give the same bytes.

# 1 golden layout trees
python3 tests/golden/list.py input/register.xml $(cat tests/golden/english) >"$WORK/golden.list"
n=0
while read -r number lang; do
    n=$((n + 1))
    g="tests/golden/layout/$number.$lang.xml"
    "$DOSSIER" layout "$number" --lang "$lang" -i input 2>"$WORK/g.err" | xmllint --format - >"$WORK/g.xml" 2>>"$WORK/g.err"
    if [ ! -f "$g" ]; then
        fail "documents/golden layout $number $lang" "no $g: run make regen and review it"
    elif diff -u "$g" "$WORK/g.xml" >"$WORK/g.diff" && [ ! -s "$WORK/g.err" ]; then
        pass "documents/golden layout $number $lang"
    else
        fail "documents/golden layout $number $lang" "$(head -c 1500 "$WORK/g.err") $(head -40 "$WORK/g.diff")"
    fi
done <"$WORK/golden.list"
[ "$(ls tests/golden/layout/*.xml | wc -l)" -eq "$n" ] && pass "documents/no stale golden trees" || fail "documents/no stale golden trees" "$(ls tests/golden/layout)"

# 2 build, in the register's languages and all in English
rm -rf "$WORK/docs"
"$DOSSIER" build -i input -o "$WORK/docs" >"$WORK/d.out" 2>"$WORK/d.err"; st=$?
[ $st -eq 0 ] && [ ! -s "$WORK/d.err" ] && pass "documents/build exits 0, silent" || fail "documents/build exits 0, silent" "exit $st: $(head -c 1500 "$WORK/d.err")"
"$DOSSIER" build -i input -o "$WORK/docs/en" --lang en >"$WORK/d.out" 2>"$WORK/d.err"; st=$?
[ $st -eq 0 ] && [ ! -s "$WORK/d.err" ] && pass "documents/build --lang en exits 0, silent" || fail "documents/build --lang en exits 0, silent" "exit $st: $(head -c 1500 "$WORK/d.err")"
all=$(python3 -c 'import sys,xml.etree.ElementTree as E; print(" ".join(d.get("number") for d in E.parse(sys.argv[1]).getroot().iter("{urn:dossier:1}document")))' input/register.xml)
python3 tests/documents/check_pdfs.py "$ROOT" input "$WORK/docs" $all >"$WORK/c.out" 2>&1
while IFS= read -r line; do
    case "$line" in
    "ok   "*) pass "${line#ok   }" ;;
    "FAIL "*) fail "${line#FAIL }" ;;
    *) printf '%s\n' "$line" ;;
    esac
done <"$WORK/c.out"
grep -q '^ok   documents/' "$WORK/c.out" || fail "documents/check_pdfs.py ran" "$(tail -20 "$WORK/c.out")"

# 3 the same sources, the same bytes
"$DOSSIER" build -i input -o "$WORK/docs2" >/dev/null 2>&1
same=1
for f in "$WORK/docs"/*.pdf "$WORK/docs"/*.xml "$WORK/docs"/*.json; do cmp -s "$f" "$WORK/docs2/$(basename "$f")" || { same=0; echo "differs: $(basename "$f")"; }; done
[ $same -eq 1 ] && [ "$(ls "$WORK/docs"/*.* | wc -l)" -eq "$(ls "$WORK/docs2" | wc -l)" ] \
    && pass "documents/a second build writes the same bytes" || fail "documents/a second build writes the same bytes"

# 4 in worker processes: the same files, the same bytes
"$DOSSIER" build -i input -o "$WORK/docs3" -j 3 >/dev/null 2>"$WORK/j.err"; st=$?
same=1
for f in "$WORK/docs"/*.pdf "$WORK/docs"/*.xml "$WORK/docs"/*.json; do cmp -s "$f" "$WORK/docs3/$(basename "$f")" || { same=0; echo "differs: $(basename "$f")"; }; done
[ $st -eq 0 ] && [ ! -s "$WORK/j.err" ] && [ $same -eq 1 ] && [ "$(ls "$WORK/docs"/*.* | wc -l)" -eq "$(ls "$WORK/docs3" | wc -l)" ] \
    && pass "documents/build -j 3 writes the same files, the same bytes" || fail "documents/build -j 3 writes the same files, the same bytes" "exit $st: $(head -c 500 "$WORK/j.err")"
