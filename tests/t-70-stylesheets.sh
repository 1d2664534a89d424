# Stylesheets run locked down: a stylesheet that writes a file, reads
# outside the input tree and dossier's data, or reaches for the network is
# stopped with an error naming it, and build leaves output/ as it was; a
# stylesheet whose tree is not a valid layout is reported with the node.
# Each case replaces the monthly report's stylesheet in a copy of the data
# directory (stylesheets, templates, schemas).
HS="$WORK/hostile"
rm -rf "$HS" && mkdir -p "$HS/data"
cp -r stylesheets templates schemas "$HS/data/"
cp -r input "$HS/input"
SHEET="$HS/data/stylesheets/monthly-service-report.xsl"
cp "$SHEET" "$HS/monthly.orig"

# a stylesheet around a body: the monthly report's own, with BODY inserted
# as the first thing its root template does
hostile() {
    python3 - "$HS/monthly.orig" "$SHEET" "$1" <<'EOF'
import sys
src, dst, body = sys.argv[1], sys.argv[2], sys.argv[3]
s = open(src, encoding="utf-8").read()
s = s.replace('xmlns:d="urn:dossier:1"', 'xmlns:d="urn:dossier:1" xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl"', 1)
s = s.replace('<xsl:template match="/">', '<xsl:template match="/">' + body, 1)
open(dst, "w", encoding="utf-8").write(s)
EOF
}

# run build into a populated output directory; sets st, and checks the
# output is untouched
run_hostile() {
    rm -rf "$HS/out" && mkdir -p "$HS/out" && echo "earlier" >"$HS/out/SR-M_2026-09_V1.0_zh-CN.pdf"
    DOSSIER_DATA="$HS/data" "$DOSSIER" build -i "$HS/input" -o "$HS/out" >"$HS/b.out" 2>"$HS/b.err"; st=$?
    DOSSIER_DATA="$HS/data" "$DOSSIER" layout SR-M -i "$HS/input" >"$HS/l.out" 2>"$HS/l.err"; lst=$?
}
untouched() {
    [ "$(ls -A "$HS/out")" = "SR-M_2026-09_V1.0_zh-CN.pdf" ] && [ "$(cat "$HS/out/SR-M_2026-09_V1.0_zh-CN.pdf")" = "earlier" ]
}

# 1 writing a file with exsl:document
hostile "<exsl:document href=\"$HS/pwned.txt\" method=\"text\">owned</exsl:document>"
run_hostile
[ $st -eq 1 ] && [ $lst -eq 1 ] && pass "stylesheets/exsl:document write: build and layout exit 1" || fail "stylesheets/exsl:document write: build and layout exit 1" "build $st, layout $lst: $(head -c 600 "$HS/b.err")"
[ ! -e "$HS/pwned.txt" ] && pass "stylesheets/exsl:document write: no file written" || fail "stylesheets/exsl:document write: no file written"
grep -q "monthly-service-report.xsl.*error: .*may not write.*pwned.txt" "$HS/b.err" && pass "stylesheets/exsl:document write: the error names the stylesheet and the file" || fail "stylesheets/exsl:document write: the error names the stylesheet and the file" "$(head -c 600 "$HS/b.err")"
untouched && pass "stylesheets/exsl:document write: output untouched" || fail "stylesheets/exsl:document write: output untouched" "$(ls -A "$HS/out")"

# 2 reading a file outside the input tree and the data directory
echo "secret" >"$HS/secret.xml.txt"
printf '<secret>s3cret</secret>\n' >"$HS/secret.xml"
hostile "<xsl:value-of select=\"document('$HS/secret.xml')\"/>"
run_hostile
[ $st -eq 1 ] && [ $lst -eq 1 ] && pass "stylesheets/document() outside the tree: exit 1" || fail "stylesheets/document() outside the tree: exit 1" "build $st, layout $lst"
grep -q "may not read '$HS/secret.xml'" "$HS/b.err" && pass "stylesheets/document() outside the tree: the error names the file" || fail "stylesheets/document() outside the tree: the error names the file" "$(head -c 600 "$HS/b.err")"
grep -q s3cret "$HS/l.out" "$HS/b.out" && fail "stylesheets/document() outside the tree: nothing of it is read" || pass "stylesheets/document() outside the tree: nothing of it is read"
untouched && pass "stylesheets/document() outside the tree: output untouched" || fail "stylesheets/document() outside the tree: output untouched"

# 3 ../ out of the data directory
hostile "<xsl:value-of select=\"document('../../secret.xml')\"/>"
run_hostile
[ $st -eq 1 ] && grep -q "may not read" "$HS/b.err" && pass "stylesheets/document() with ../ out of the data: refused" || fail "stylesheets/document() with ../ out of the data: refused" "exit $st: $(head -c 600 "$HS/b.err")"

# 4 the network
hostile "<xsl:value-of select=\"document('http://127.0.0.1:9/x.xml')\"/>"
run_hostile
[ $st -eq 1 ] && grep -q "may not .*127.0.0.1" "$HS/b.err" && pass "stylesheets/document() over the network: refused" || fail "stylesheets/document() over the network: refused" "exit $st: $(head -c 600 "$HS/b.err")"
untouched && pass "stylesheets/document() over the network: output untouched" || fail "stylesheets/document() over the network: output untouched"

# 5 an import from outside
cp "$HS/monthly.orig" "$SHEET"
sed -i "s|<xsl:import href=\"common.xsl\"/>|<xsl:import href=\"common.xsl\"/><xsl:include href=\"$HS/evil.xsl\"/>|" "$SHEET"
printf '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>\n' >"$HS/evil.xsl"
run_hostile
[ $st -ne 0 ] && grep -q "evil.xsl" "$HS/b.err" && pass "stylesheets/xsl:include from outside: refused, named" || fail "stylesheets/xsl:include from outside: refused, named" "exit $st: $(head -c 600 "$HS/b.err")"
untouched && pass "stylesheets/xsl:include from outside: output untouched" || fail "stylesheets/xsl:include from outside: output untouched"

# 6 a tree that is not a valid layout
cp "$HS/monthly.orig" "$SHEET"
sed -i 's|<xsl:call-template name="summary"/>|<bogus/><xsl:call-template name="summary"/>|' "$SHEET"
run_hostile
[ $st -eq 1 ] && grep -q "monthly-service-report.xsl: error: the layout tree it makes is not valid: .*bogus" "$HS/b.err" \
    && pass "stylesheets/invalid layout tree: reported with the element" || fail "stylesheets/invalid layout tree: reported with the element" "exit $st: $(head -c 600 "$HS/b.err")"
untouched && pass "stylesheets/invalid layout tree: output untouched" || fail "stylesheets/invalid layout tree: output untouched"

# 7 xsl:message terminate
hostile '<xsl:message terminate="yes">stop here</xsl:message>'
run_hostile
[ $st -eq 1 ] && grep -q "monthly-service-report.xsl.*stop here" "$HS/b.err" && pass "stylesheets/xsl:message terminate: an error with its text" || fail "stylesheets/xsl:message terminate: an error with its text" "exit $st: $(head -c 600 "$HS/b.err")"

# 8 an XPath expression that does not compile: reported as the stylesheet's
# error, in the path:line:col form (nothing printed raw by libxml2)
hostile "<xsl:value-of select=\"count(((\"/>"
run_hostile
[ $st -eq 1 ] && grep -q "monthly-service-report.xsl: error: .*compil" "$HS/b.err" && ! grep -v 'error:' "$HS/b.err" | grep -q . \
    && pass "stylesheets/a bad XPath: reported as the stylesheet's error, every line in the diagnostic form" || fail "stylesheets/a bad XPath: reported as the stylesheet's error" "exit $st: $(head -c 800 "$HS/b.err")"

# 9 a label missing from the catalogue is an error, not a silent key
cp "$HS/monthly.orig" "$SHEET"
grep -v 'key="summary.caption"' templates/labels/monthly-service-report.zh-CN.xml >"$HS/data/templates/labels/monthly-service-report.zh-CN.xml"
run_hostile
[ $st -eq 1 ] && grep -q "no label 'summary.caption' for zh-CN" "$HS/b.err" && pass "stylesheets/missing label: an error naming key and language" || fail "stylesheets/missing label: an error naming key and language" "exit $st: $(head -c 600 "$HS/b.err")"
cp templates/labels/monthly-service-report.zh-CN.xml "$HS/data/templates/labels/"

# 10 with workers (-j 2): a stylesheet's errors still reach the report, in
# the same form, and nothing is written
hostile "<xsl:value-of select=\"document('$HS/secret.xml')\"/>"
rm -rf "$HS/out" && mkdir -p "$HS/out" && echo "earlier" >"$HS/out/SR-M_2026-09_V1.0_zh-CN.pdf"
DOSSIER_DATA="$HS/data" "$DOSSIER" build -j 2 -i "$HS/input" -o "$HS/out" >"$HS/b.out" 2>"$HS/b.err"; st=$?
[ $st -eq 1 ] && grep -q "monthly-service-report.xsl: error: stylesheet may not read '$HS/secret.xml'" "$HS/b.err" && untouched \
    && pass "stylesheets/with -j 2: the error reported, output untouched" || fail "stylesheets/with -j 2: the error reported, output untouched" "exit $st: $(head -c 600 "$HS/b.err")"
cp "$HS/monthly.orig" "$SHEET"

# 11 the untouched copy builds (the cases above fail for their own reason)
run_hostile
[ $st -eq 0 ] && pass "stylesheets/the unmodified copy builds" || fail "stylesheets/the unmodified copy builds" "exit $st: $(head -c 600 "$HS/b.err")"

# A transform sees only the facts sections its stylesheet names; one that
# could reach others without naming them (a key over any element, a
# wildcard below the facts' root, an axis across sections) sees them all.
# Probes in a copy of the process manual's stylesheet (which names no
# incidents) count the sample's incidents, 70 in the sources, with the
# pruning and with it off (DOSSIER_ALL_FACTS=1).
PM="$HS/data/stylesheets/process-manual.xsl"
cp stylesheets/process-manual.xsl "$HS/pm.orig"
n_src=$(cat input/records/*/incidents.xml | grep -c "<incident ")
probe() { # NAME TOPLEVEL EXPR
    python3 - "$HS/pm.orig" "$PM" "$2" "$3" <<'PY'
import sys
src, dst, top, expr = sys.argv[1:5]
s = open(src, encoding="utf-8").read()
s = s.replace('<xsl:template match="/">', top + '<xsl:template match="/"><xsl:comment>probe <xsl:value-of select="' + expr + '"/></xsl:comment>', 1)
open(dst, "w", encoding="utf-8").write(s)
PY
    a=$(DOSSIER_DATA="$HS/data" "$DOSSIER" layout SM-02002 -i "$HS/input" 2>/dev/null | grep -o "<!--probe [0-9]*-->")
    b=$(DOSSIER_DATA="$HS/data" DOSSIER_ALL_FACTS=1 "$DOSSIER" layout SM-02002 -i "$HS/input" 2>/dev/null | grep -o "<!--probe [0-9]*-->")
    [ "$a" = "<!--probe $n_src-->" ] && [ "$a" = "$b" ] && pass "stylesheets/facts pruning: $1 sees all $n_src incidents" \
        || fail "stylesheets/facts pruning: $1" "pruned '$a', all '$b', sources $n_src"
}
probe "a key over any d:incident" '<xsl:key name="probe" match="d:incident" use="'"'all'"'"/>' "count(key('probe', 'all'))"
probe "a wildcard below the facts' root" "" 'count($facts/*/d:incident)'
probe "an axis across sections" "" 'count($facts/f:register/preceding::d:incident)'
probe "a section it names" "" 'count($facts/f:incidents/d:incident)'
cp "$HS/pm.orig" "$PM"
