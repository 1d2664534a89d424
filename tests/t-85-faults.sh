# Faults: an output directory that cannot be written, a full disk (a real
# small tmpfs where the machine allows mounting one, and an injected write
# failure always), a font missing, a stylesheet missing, memory failing at
# allocation after allocation, the process killed at random points, and the
# limits of a layout tree. In every case a clear message, the documented
# exit status, and the output directory exactly as it was (every earlier
# file still verifies against its manifest).
F="$WORK/faults"
rm -rf "$F" && mkdir -p "$F"
B=tests/bad/base
"$DOSSIER" build -i "$B" -o "$F/out" >/dev/null 2>&1 || fail "faults/the base builds" "$(ls "$F/out")"
snap() { (cd "$1" && for f in $(ls -A); do printf '%s %s\n' "$(sha256sum "$f" | cut -c1-64)" "$f"; done) }
snap "$F/out" >"$F/before"
same_out() { snap "$F/out" >"$F/after" && cmp -s "$F/before" "$F/after" && "$DOSSIER" verify "$F/out" -i "$B" >/dev/null 2>&1; }
# a changed source, so that a build would make and write every file again
# (the plan's Markdown: its PDF changes, not only facts and metrics)
cp -r "$B" "$F/in"
printf '\n故障测试新增的一句。\n' >>"$F/in/plans/drp/background.md"

# 1 the output directory cannot be made (a file is in the way)
echo x >"$F/file"
"$DOSSIER" build -i "$F/in" -o "$F/file/out" >/dev/null 2>"$F/e"; st=$?
[ $st -eq 3 ] && grep -q "dossier: error: cannot .*$F/file/out" "$F/e" && pass "faults/an output directory that cannot be made: exit 3, named" || fail "faults/an output directory that cannot be made" "exit $st: $(cat "$F/e")"

# 2 a full disk: injected at each file in turn
n=$(ls -A "$F/out" | grep -c .)
k=1
bad=""
while [ $k -le $n ]; do
    DOSSIER_FAIL_WRITE=$k "$DOSSIER" build -i "$F/in" -o "$F/out" >/dev/null 2>"$F/e"; st=$?
    { [ $st -eq 3 ] && grep -q "No space left on device" "$F/e" && same_out; } || bad="$bad write $k: exit $st $(head -c 200 "$F/e");"
    k=$((k + 1))
done
[ -z "$bad" ] && pass "faults/a full disk at each of the $n files: exit 3, 'No space left on device', output as before" || fail "faults/a full disk at each file" "$bad"
# and a real one, where a small tmpfs can be mounted
mkdir -p "$F/tiny"
if mount -t tmpfs -o size=256k tmpfs "$F/tiny" 2>/dev/null; then
    "$DOSSIER" build -i "$F/in" -o "$F/tiny/out" >/dev/null 2>"$F/e"; st=$?
    left=$(find "$F/tiny/out" -type f 2>/dev/null | wc -l)
    umount "$F/tiny"
    [ $st -eq 3 ] && grep -q "No space left on device" "$F/e" && [ "$left" -eq 0 ] \
        && pass "faults/a real full disk (a 256 KB tmpfs): exit 3, nothing left behind" || fail "faults/a real full disk" "exit $st, $left files: $(cat "$F/e")"
else
    pass "faults/a real full disk: no tmpfs can be mounted here (the injected failures above stand for it)"
fi

# 3 a font missing
mkdir -p "$F/fc/cache"
cat >"$F/fc/fonts.conf" <<EOF
<?xml version="1.0"?>
<fontconfig><dir>$F/fc/none</dir><cachedir>$F/fc/cache</cachedir></fontconfig>
EOF
FONTCONFIG_FILE="$F/fc/fonts.conf" "$DOSSIER" build -i "$F/in" -o "$F/out" >/dev/null 2>"$F/e"; st=$?
[ $st -eq 3 ] && grep -q "the font family 'Noto Sans CJK SC' is not installed" "$F/e" && same_out \
    && pass "faults/the fonts missing: exit 3, each family named once, output as before" || fail "faults/the fonts missing" "exit $st: $(head -c 600 "$F/e")"

# 4 a stylesheet missing
mkdir -p "$F/data" && cp -r stylesheets templates schemas "$F/data/"
rm "$F/data/stylesheets/continuity-plan.xsl"
DOSSIER_DATA="$F/data" "$DOSSIER" build -i "$F/in" -o "$F/out" >/dev/null 2>"$F/e"; st=$?
[ $st -eq 3 ] && grep -q "stylesheet .*continuity-plan.xsl is missing" "$F/e" && same_out \
    && pass "faults/a stylesheet missing: exit 3, named, output as before" || fail "faults/a stylesheet missing" "exit $st: $(cat "$F/e")"

# 5 memory failing: the first allocations one by one, then a spread over
# the whole of a check and of a build
total=$(DOSSIER_ALLOC_REPORT=1 "$DOSSIER" build -i "$F/in" -o "$WORK/faults-count" 2>&1 >/dev/null | sed -n 's/.*allocations: //p')
bad=""
runs=0
for k in $(python3 -c "import sys; t=int(sys.argv[1]); print(' '.join(str(x) for x in sorted(set(list(range(1, 41)) + [1 + i * (t - 2000) // 119 for i in range(120)]))))" "${total:-1000}"); do
    DOSSIER_FAIL_ALLOC=$k "$DOSSIER" build -i "$F/in" -o "$F/out" >/dev/null 2>"$F/e"; st=$?
    runs=$((runs + 1))
    { [ $st -eq 3 ] && grep -q "out of memory" "$F/e" && same_out; } || bad="$bad alloc $k: exit $st $(head -c 200 "$F/e");"
done
[ -n "$total" ] && [ -z "$bad" ] && pass "faults/memory failing at $runs of the build's $total allocations: exit 3, 'out of memory', output as before" \
    || fail "faults/memory failing during a build" "total ${total:-?}: $bad"

# 6 killed at random points (a fixed sequence of delays) of a build that
# makes every document again (a common label changed); a build the kill
# came too late for has finished, and its new files verify
cp -r stylesheets templates schemas "$F/data2/" 2>/dev/null || { mkdir -p "$F/data2" && cp -r stylesheets templates schemas "$F/data2/"; }
sed -i 's|<label key="copyright">|<label key="copyright">（中断测试）|' "$F/data2/templates/labels/zh-CN.xml"
"$DOSSIER" build -i input -o "$F/bigout" >/dev/null 2>&1
snap "$F/bigout" >"$F/bigbefore"
bad=""
killed=0
for d in 0.05 0.3 0.7 1.1 1.6 2.2; do
    rm -rf "$F/k" && cp -r "$F/bigout" "$F/k"
    DOSSIER_DATA="$F/data2" "$DOSSIER" build -i input -o "$F/k" >/dev/null 2>&1 &
    pid=$!
    sleep $d
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    st=$?
    if [ $st -eq 0 ]; then
        "$DOSSIER" verify "$F/k" -i input >/dev/null 2>&1 || bad="$bad finished before ${d}s but does not verify;"
    else
        killed=$((killed + 1))
        snap "$F/k" | grep -v ' \.' >"$F/bigafter"
        cmp -s "$F/bigbefore" "$F/bigafter" && "$DOSSIER" verify "$F/k" -i input >/dev/null 2>&1 || bad="$bad killed after ${d}s: files changed;"
    fi
done
[ -z "$bad" ] && [ $killed -ge 4 ] && pass "faults/killed (SIGKILL) at $killed points of a build: every earlier file intact, verify passes" \
    || fail "faults/killed at random points" "killed $killed times: $bad"

# 7 the limits of a layout tree, each with its own message
python3 -c "
print('<?xml version=\"1.0\"?><document xmlns=\"urn:dossier:layout:1\" lang=\"en\" title=\"t\"><page-master name=\"body\"/><section master=\"body\"><table widths=\"1* 1*\">' + ''.join('<row><cell>%d</cell><cell>x</cell></row>' % i for i in range(100001)) + '</table></section></document>')" >"$F/rows.xml"
"$DOSSIER" render "$F/rows.xml" -o "$F/rows.pdf" >/dev/null 2>"$F/e"; st=$?
[ $st -eq 1 ] && grep -q "rows.xml:1:[0-9]*: error: table of 100001 rows; a table may have at most 100000" "$F/e" && [ ! -e "$F/rows.pdf" ] \
    && pass "faults/a table over the row limit: its own message, no PDF" || fail "faults/a table over the row limit" "exit $st: $(cat "$F/e")"
python3 -c "
print('<?xml version=\"1.0\"?><document xmlns=\"urn:dossier:layout:1\" lang=\"en\" title=\"t\"><page-master name=\"body\"/><section master=\"body\">' + ''.join('<p>%d</p><page-break/>' % i for i in range(20001)) + '</section></document>')" >"$F/pages.xml"
"$DOSSIER" render "$F/pages.xml" -o "$F/pages.pdf" >/dev/null 2>"$F/e"; st=$?
[ $st -eq 1 ] && grep -q "the document runs over 20000 pages" "$F/e" && [ ! -e "$F/pages.pdf" ] \
    && pass "faults/a document over the page limit: its own message, no PDF" || fail "faults/a document over the page limit" "exit $st: $(cat "$F/e")"
