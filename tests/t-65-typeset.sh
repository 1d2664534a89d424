# The typesetter, checked on page dumps and with real PDF readers:
# widows and orphans, keep-with-next, repeated table headers on every page,
# rows taller than a page split without losing or repeating text, a table
# wider than the page narrowed with a warning, TOC and outline page numbers,
# footers' page X of Y, metadata and dates, fonts embedded, qpdf --check,
# the same bytes twice (and with every layout dropped and made again).
T=tests/typeset
R="$WORK/ts"
mkdir -p "$R"
render() { # NAME -> $R/NAME.pdf, $R/NAME.dump, $R/NAME.err
    "$DOSSIER" render "$T/$1.xml" -o "$R/$1.pdf" 2>"$R/$1.err" && "$DOSSIER" render "$T/$1.xml" --dump >"$R/$1.dump" 2>/dev/null
}
# lines per page of a dump, as "page count" pairs
lines_per_page() { awk '/^page /{p=$2; sub("/.*","",p); n[p]=0} /^  line /{n[p]++} END{for (k in n) print k, n[k]}' "$1" | sort -n; }

for t in orphan widow keep heading-list group-table long-table tall-row wide-table toc; do
    if render $t; then pass "typeset/$t renders"; else fail "typeset/$t renders" "$(cat "$R/$t.err")"; fi
done

# orphans and widows: no page holds a single line of the paragraph
for t in orphan widow; do
    bad=$(lines_per_page "$R/$t.dump" | awk '$2 == 1')
    [ -z "$bad" ] && pass "typeset/$t: no page with a lone line of the paragraph" || fail "typeset/$t: no page with a lone line" "$bad"
done
# the widow case: four lines fit, and the paragraph is split 4 + 3 rather than 5 + 2? it must keep at least 2 below
lines_per_page "$R/widow.dump" | awk 'NR==1 && $2 < 2 {exit 1}' && pass "typeset/widow: the page before holds at least two lines" || fail "typeset/widow: two lines before the break"
# keep-with-next: the heading and two lines of its paragraph on one page
awk '/^page /{p=$2} /heading 1 "恢复策略"/{h=p} /第五段落开始/{l=p} END{exit !(h != "" && h == l)}' "$R/keep.dump" \
    && pass "typeset/keep: the heading goes with its paragraph" || fail "typeset/keep: heading with its paragraph" "$(head -5 "$R/keep.dump")"
# twelve tables, each in a keep-together group, over two pages: no table
# is split, so no header row is repeated (12 headers in all)
[ "$(grep -c 'header "F' "$R/group-table.dump")" -eq 12 ] && awk '/^page /{p=$2} /header "F7/{h=p} /"c3 /{if (seen7 == 0 && h != "") {c=p; seen7=1}} END{exit !(h == c)}' "$R/group-table.dump" \
    && pass "typeset/group-table: a table in a keep-together group is not split" || fail "typeset/group-table: a table in a keep-together group is not split" "$(grep -n 'page\|header' "$R/group-table.dump")"
# a heading before a list whose first item's paragraph moves whole to the
# next page (two lines, no orphan): the heading moves with it
awk '/^page /{p=$2} /heading .*"5. Improve"/{h=p} /"Put the actions/{l=p} END{exit !(h != "" && h == l)}' "$R/heading-list.dump" \
    && pass "typeset/heading-list: a heading goes with the first item of a list" || fail "typeset/heading-list: heading with the list's first item" "$(grep -n 'page\|Improve\|Put the' "$R/heading-list.dump")"

# a long table: its header row first on every page, and every page's footer right
pages=$(pdfinfo "$R/long-table.pdf" | awk '/^Pages:/{print $2}')
bad=""
for i in $(seq 1 "$pages"); do
    txt=$(pdftotext -f "$i" -l "$i" "$R/long-table.pdf" -)
    echo "$txt" | grep -q "事件编号" || bad="$bad header@$i"
    echo "$txt" | tr -d ' ' | grep -q "第${i}页共${pages}页" || bad="$bad footer@$i"
    [ "$i" -gt 1 ] && { echo "$txt" | grep -q "表 1（续）" || bad="$bad continued@$i"; }
done
[ "$pages" -gt 5 ] && [ -z "$bad" ] && pass "typeset/long-table: header row, continued caption and page X of Y on all $pages pages" \
    || fail "typeset/long-table: header and footer on every page" "pages=$pages$bad"
rows=$(pdftotext "$R/long-table.pdf" - | grep -c '^INC-[0-9]')
[ "$rows" -eq 300 ] && pass "typeset/long-table: all 300 rows, each once" || fail "typeset/long-table: 300 rows" "found $rows"
awk '/^page /{first=1} /^  row /{ if (first && $0 !~ / header /) bad=1; first=0 } END{exit bad}' "$R/long-table.dump" \
    && pass "typeset/long-table: every page's first row is the header (dump)" || fail "typeset/long-table: header first on each page (dump)"

# a row taller than a page: split, every sentence once
grep -c ' part ' "$R/tall-row.dump" | grep -qx 2 && pass "typeset/tall-row: the row is split in two parts" || fail "typeset/tall-row: split in two"
bad=$(pdftotext "$R/tall-row.pdf" - | python3 -c '
import re, sys
flat = re.sub(r"\s+", "", sys.stdin.read())
# sentence i is "<i>句。切换期间..."; the first has 第 before it
found = [int(n) for n in re.findall(r"(?:第|复。)(\d+)句。切换", flat)]
bad = [i for i in range(1, 90) if found.count(i) != 1]
print(" ".join(map(str, bad)) + ("" if "单元格结束" in flat else " end"))')
[ -z "$bad" ] && pass "typeset/tall-row: no line lost or repeated across the split" || fail "typeset/tall-row: lines across the split" "$bad"

# a table wider than the page: a warning, and the columns fit
grep -q "warning: table is 220.0 mm wide, wider than the 118.0 mm of text" "$R/wide-table.err" \
    && pass "typeset/wide-table: warns" || fail "typeset/wide-table: warns" "$(cat "$R/wide-table.err")"
awk '/^  row /{for (i=1;i<=NF;i++) if ($i ~ /^w=/) {sub("w=","",$i); if ($i+0 > 334.50) bad=1}} END{exit bad}' "$R/wide-table.dump" \
    && pass "typeset/wide-table: narrowed to the text width" || fail "typeset/wide-table: narrowed"

# the table of contents: each entry's page is its heading's page
python3 - "$R/toc.dump" <<'PY' && pass "typeset/toc: entries show their headings' pages" || fail "typeset/toc: entry pages"
import re, sys
page, heads, toc = 0, {}, []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"page (\d+)/", line)
    if m: page = int(m.group(1))
    m = re.search(r'mark .*heading \S* "(.*)"$', line)
    if m: heads[m.group(1)] = page
    m = re.search(r'line .*"(.*)" page=(\d+)$', line)
    if m: toc.append((m.group(1), int(m.group(2))))
bad = [(t, p) for t, p in toc if not any(t.endswith(h) and heads[h] == p for h in heads)]
sys.exit(1 if bad or len(toc) != 12 else 0)
PY
outline=$(qpdf --json --json-key=outlines "$R/toc.pdf" | python3 -c '
import json,sys
d=json.load(sys.stdin)
def walk(o):
    for x in o:
        yield x["title"], x.get("destpageposfrom1")
        yield from walk(x.get("kids", []))
print(" ".join("%s@%s" % (t.split()[0], p) for t, p in walk(d["outlines"])))')
[ "$outline" = "1@2 1.1@2 2@3 2.1@3 3@4 3.1@4 4@5 4.1@5 5@6 5.1@6 6@7 6.1@7" ] && pass "typeset/toc: the PDF outline mirrors the headings" \
    || fail "typeset/toc: outline" "$outline"
txt=$(pdftotext "$R/toc.pdf" - | tr -d ' \n')
echo "$txt" | grep -q "见第2节（第3页）" && pass "typeset/toc: a cross-reference shows the target's number and page" || fail "typeset/toc: cross-reference text"
links=$(qpdf --json "$R/toc.pdf" | grep -c '"/Subtype": "/Link"')
[ "$links" -ge 13 ] && pass "typeset/toc: link annotations for the contents, references and URL ($links)" || fail "typeset/toc: links" "$links"
qpdf --json "$R/toc.pdf" | grep -q 'https://www.example.com/continuity' && pass "typeset/toc: the external link keeps its URI" || fail "typeset/toc: URI"
bad=""
np=$(pdfinfo "$R/toc.pdf" | awk '/^Pages:/{print $2}')
for i in $(seq 1 "$np"); do pdftotext -raw -f "$i" -l "$i" "$R/toc.pdf" - | grep -q "DRAFT" || bad="$bad $i"; done
[ -z "$bad" ] && pass "typeset/toc: the watermark on every page" || fail "typeset/toc: watermark" "$bad"
info=$(pdfinfo "$R/toc.pdf")
echo "$info" | grep -q '^Title: *目录与交叉引用$' && echo "$info" | grep -q '^Subject: *测试主题$' && echo "$info" | grep -q '^Keywords: *连续性, 测试$' \
    && echo "$info" | grep -q '^Creator: *dossier ' && pass "typeset/toc: title, subject, keywords, creator" || fail "typeset/toc: metadata" "$info"
grep -a -q "/CreationDate (D:20261031000000Z)" "$R/toc.pdf" || qpdf --qdf --object-streams=disable "$R/toc.pdf" "$R/toc-qdf.pdf"
grep -a -q "/CreationDate (D:20261031000000Z)" "$R/toc-qdf.pdf" && grep -a -q "/ModDate (D:20261031000000Z)" "$R/toc-qdf.pdf" \
    && grep -a -q "/Lang (zh-CN)" "$R/toc-qdf.pdf" && pass "typeset/toc: dates in the form D:YYYYMMDDHHmmSSZ, and /Lang" || fail "typeset/toc: dates and /Lang"

# every PDF: qpdf finds nothing, every font is embedded, Chinese extracts as itself
for t in orphan widow keep long-table tall-row wide-table toc; do
    out=$(qpdf --check "$R/$t.pdf" 2>&1)
    echo "$out" | grep -q "No syntax or stream encoding errors found" && ! echo "$out" | grep -qi "warning" \
        && pass "typeset/$t: qpdf --check" || fail "typeset/$t: qpdf --check" "$out"
    pdffonts "$R/$t.pdf" | awk 'NR>2 && $(NF-4) != "yes" {bad=1} END{exit bad}' && pass "typeset/$t: fonts embedded" || fail "typeset/$t: fonts embedded" "$(pdffonts "$R/$t.pdf")"
done
pdftotext "$R/orphan.pdf" - | tr -d ' \n' | grep -q "核心数据库集群实时复制到同城灾备机房，切换演练每半年进行一次。" \
    && pass "typeset/orphan: Chinese text extracts as itself" || fail "typeset/orphan: Chinese extraction"
pdftotext "$R/long-table.pdf" - | python3 -c '
import sys
t = sys.stdin.read()
sys.exit(any(0x2E80 <= ord(c) <= 0x2FDF or 0xF900 <= ord(c) <= 0xFAFF for c in t))' \
    && pass "typeset/long-table: no Kangxi radicals or compatibility ideographs" || fail "typeset/long-table: no Kangxi radicals"

# the same tree gives the same bytes: twice, and with every layout dropped and remade
"$DOSSIER" render "$T/toc.xml" -o "$R/again.pdf" 2>/dev/null
DOSSIER_LAYOUT_BUDGET=0 "$DOSSIER" render "$T/toc.xml" -o "$R/budget0.pdf" 2>/dev/null
SOURCE_DATE_EPOCH=0 faketime '2031-01-01 12:00:00' "$DOSSIER" render "$T/toc.xml" -o "$R/later.pdf" 2>/dev/null || cp "$R/again.pdf" "$R/later.pdf"
a=$(sha256sum <"$R/toc.pdf"); b=$(sha256sum <"$R/again.pdf"); c=$(sha256sum <"$R/budget0.pdf"); d=$(sha256sum <"$R/later.pdf")
[ "$a" = "$b" ] && pass "typeset/toc: the same bytes twice" || fail "typeset/toc: the same bytes twice"
[ "$a" = "$c" ] && pass "typeset/toc: the same bytes when layouts are dropped and made again" || fail "typeset/toc: same bytes with budget 0"
[ "$a" = "$d" ] && pass "typeset/toc: the same bytes on another day (the document's date wins)" || fail "typeset/toc: same bytes on another day"

# Long documents are streamed: paginated as the flow is made, each page let
# go once settled or drawn, and the flow made once more to draw. Forced on
# every layout here (DOSSIER_STREAM=1 paginates after every block, the
# hardest case), the pages and the bytes are those of the whole flow kept.
for f in "$T"/*.xml docs/examples/layout.xml tests/golden/layout/DRP-01.en.xml tests/golden/layout/BC-BIA-2026.zh-CN.xml; do
    b=$(basename "$f" .xml)
    DOSSIER_STREAM=0 "$DOSSIER" render "$f" -o "$R/st0-$b.pdf" 2>/dev/null && DOSSIER_STREAM=0 "$DOSSIER" render --dump "$f" >"$R/st0-$b.dump" 2>/dev/null
    DOSSIER_STREAM=1 "$DOSSIER" render "$f" -o "$R/st1-$b.pdf" 2>/dev/null && DOSSIER_STREAM=1 "$DOSSIER" render --dump "$f" >"$R/st1-$b.dump" 2>/dev/null
    [ -s "$R/st0-$b.pdf" ] && cmp -s "$R/st0-$b.pdf" "$R/st1-$b.pdf" && cmp -s "$R/st0-$b.dump" "$R/st1-$b.dump" \
        && pass "typeset/streamed $b: the same pages and bytes" || fail "typeset/streamed $b: the same pages and bytes"
done
# a document long enough to be streamed by itself (over 30,000 elements):
# 120 chapters, each a table running over pages, forward references, a table
# of contents; the same bytes as with the whole flow kept, every page's footer
# right, every reference resolved
python3 - "$R/long.xml" <<'PY'
import sys
w = open(sys.argv[1], "w", encoding="utf-8").write
w('<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:dossier:layout:1" lang="zh-CN" title="长文档" date="2026-10-31">\n')
w('<page-master name="body" size="A5" margin-top="20mm" margin-bottom="20mm" margin-left="15mm" margin-right="15mm">')
w('<header><right><field name="section"/></right></header><footer><right>第 <field name="page"/> 页 共 <field name="pages"/> 页</right></footer></page-master>\n')
w('<section master="body"><toc depth="1"/><page-break/>\n')
for c in range(1, 121):
    nxt = c % 120 + 1
    w(f'<h level="1" id="c{c}">第 {c} 章 服务 S{c:03d}</h>\n<p>本章列出服务 S{c:03d} 的事件，下一章见<ref to="c{nxt}"/>。</p>\n')
    w(f'<table widths="25mm 1* 15mm 15mm" header-rows="1" continued="表 {c}（续）"><row><cell>编号</cell><cell>摘要</cell><cell>分钟</cell><cell>级别</cell></row>')
    for r in range(60):
        w(f'<row><cell>INC-{c:03d}-{r:02d}</cell><cell>通关系统响应缓慢 response slow</cell><cell align="right">{(c * 7 + r) % 240}</cell><cell>P{r % 4 + 1}</cell></row>')
    w('</table>\n')
w('</section></document>\n')
PY
DOSSIER_STREAM=0 "$DOSSIER" render "$R/long.xml" -o "$R/long0.pdf" 2>"$R/long.err"
"$DOSSIER" render "$R/long.xml" -o "$R/long.pdf" 2>>"$R/long.err"
n=$(pdfinfo "$R/long.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
[ -n "$n" ] && [ "$n" -gt 250 ] && cmp -s "$R/long0.pdf" "$R/long.pdf" \
    && pass "typeset/long document ($n pages, streamed): the same bytes as with the whole flow kept" \
    || fail "typeset/long document streamed: the same bytes" "pages $n; $(head -3 "$R/long.err")"
bad=0
for k in 1 $((n / 2)) "$n"; do
    pdftotext -f "$k" -l "$k" "$R/long.pdf" - 2>/dev/null | grep -q "第 $k 页 共 $n 页" || bad=$((bad + 1))
done
[ "$bad" = 0 ] && ! pdftotext "$R/long.pdf" - | grep -q '??' \
    && pass "typeset/long document: footers read page X of $n, no reference left unresolved" \
    || fail "typeset/long document: footers and references" "$bad pages wrong"

# Cross-references settled in place: a ref's text is "??" in the first pass
# and the page number after it; when putting the numbers into their
# paragraphs moves no line, no second pass is made. The bytes are those of
# full passes (DOSSIER_FULL_PASSES=1) for every layout with references; the
# passes are counted from DOSSIER_TIMES.
passes() { DOSSIER_TIMES=1 "$@" 2>&1 >/dev/null | grep -c 'time typeset .*pass'; }
for f in "$T/toc.xml" docs/examples/layout.xml tests/golden/layout/BC-BIA-2026.zh-CN.xml tests/golden/layout/DRP-01.en.xml "$R/long.xml"; do
    b=$(basename "$f" .xml)
    "$DOSSIER" render "$f" -o "$R/rp-$b.pdf" 2>/dev/null
    DOSSIER_FULL_PASSES=1 "$DOSSIER" render "$f" -o "$R/rf-$b.pdf" 2>/dev/null
    [ -s "$R/rp-$b.pdf" ] && cmp -s "$R/rp-$b.pdf" "$R/rf-$b.pdf" \
        && pass "typeset/references in place $b: the bytes of full passes" || fail "typeset/references in place $b: the bytes of full passes"
done
n1=$(passes "$DOSSIER" render tests/golden/layout/BC-BIA-2026.zh-CN.xml -o "$R/rp.pdf")
n2=$(DOSSIER_FULL_PASSES=1 passes "$DOSSIER" render tests/golden/layout/BC-BIA-2026.zh-CN.xml -o "$R/rp.pdf")
[ "$n1" = 1 ] && [ "$n2" = 2 ] && pass "typeset/references in place: the BIA report in one pass (two with full passes)" \
    || fail "typeset/references in place: one pass" "passes $n1, full $n2"
# a ref in a narrow cell, to page 111: "见??" takes one line, "见111" two at
# 10 mm, one at 12 mm; in an auto column its text sized the column. A
# second pass exactly where a line moves or the column was sized by it,
# and the same bytes as full passes each time
python3 - "$R" <<'PY'
import sys
for name, width in (("ref10", "10mm"), ("ref12", "12mm"), ("refauto", "auto"), ("refhead", "")):
    w = open(f"{sys.argv[1]}/{name}.xml", "w", encoding="utf-8").write
    w('<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:dossier:layout:1" lang="zh-CN" title="引用" date="2026-10-31">\n')
    w('<page-master name="body" size="A5" margin-top="20mm" margin-bottom="20mm" margin-left="15mm" margin-right="15mm"/>\n<section master="body">\n')
    if width:
        w(f'<table widths="{width} 1*" header-rows="0"><row><cell>见<ref to="end" show="page"/></cell><cell>末页</cell></row></table>\n')
    else:  # in a heading's title, which the contents copy
        w('<toc depth="1"/><h level="1">见<ref to="end" show="page"/></h>\n')
    for i in range(110):
        w(f'<p>第 {i + 1} 页的正文。</p><page-break/>\n')
    w('<p id="end">最后一页。</p>\n</section></document>\n')
PY
# (the heading's case streamed, paginated after every block: the paragraphs
# holding refs outlive their pages until the pass ends)
for c in ref10:2 ref12:1 refauto:2 refhead:2; do
    b=${c%:*} want=${c#*:}
    [ "$b" = refhead ] && export DOSSIER_STREAM=1
    got=$(passes "$DOSSIER" render "$R/$b.xml" -o "$R/$b.pdf")
    DOSSIER_FULL_PASSES=1 "$DOSSIER" render "$R/$b.xml" -o "$R/$b-full.pdf" 2>/dev/null
    [ "$got" = "$want" ] && cmp -s "$R/$b.pdf" "$R/$b-full.pdf" && pdftotext -l 1 "$R/$b.pdf" - | tr -d ' \n' | grep -q '见111' \
        && pass "typeset/references in place $b: $want pass(es), page 111 shown, the bytes of full passes" \
        || fail "typeset/references in place $b" "passes $got (want $want)"
    unset DOSSIER_STREAM
done

# a layout tree that does not validate: an error at its line and column
printf '<?xml version="1.0"?>\n<document xmlns="urn:dossier:layout:1" lang="zh-CN" title="x">\n<page-master name="b"/>\n<section master="b"><para>x</para></section>\n</document>\n' >"$R/bad.xml"
"$DOSSIER" render "$R/bad.xml" -o "$R/bad.pdf" 2>"$R/bad.err"; st=$?
[ $st -eq 1 ] && grep -q "bad.xml:4:21: error:" "$R/bad.err" && [ ! -e "$R/bad.pdf" ] \
    && pass "typeset/invalid tree: exit 1, line and column, no PDF" || fail "typeset/invalid tree" "exit $st: $(cat "$R/bad.err")"

# a chart with another kind's attribute or children: the schema accepts
# them on every chart (src/typeset/chart.c, KINDS), the typesetter names
# each, at its chart's line, and a chart with its own draws
cat >"$R/kinds.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:dossier:layout:1" lang="en" title="Kinds">
<page-master name="b"/>
<section master="b">
<chart kind="line" height="40mm" x-label="month"><category label="Jan"/><series name="a"><v>1</v></series></chart>
<chart kind="heatmap" height="40mm"><category label="Jan"/><series name="a"><v>1</v></series></chart>
<chart kind="gantt" height="40mm" y-min="0"><task label="t" start="2026-01-01T09:00" end="2026-01-01T10:00"/></chart>
<chart kind="heatmap" height="40mm" x-label="impact" y-label="likelihood"><row-label>high</row-label><col-label>low</col-label><cell row="1" col="1"/></chart>
</section>
</document>
EOF
xmllint --noout --nonet --relaxng "$ROOT/schemas/layout.rng" "$R/kinds.xml" 2>/dev/null; xst=$?
"$DOSSIER" render "$R/kinds.xml" -o "$R/kinds.pdf" 2>"$R/kinds.err"; st=$?
[ $xst -eq 0 ] && [ $st -eq 1 ] && [ ! -e "$R/kinds.pdf" ] && [ "$(grep -c ': error: ' "$R/kinds.err")" = 3 ] \
    && grep -q "kinds.xml:5:1: error: chart cannot be drawn: a line chart takes no x-label" "$R/kinds.err" \
    && grep -q "kinds.xml:6:1: error: chart cannot be drawn: a heatmap chart takes no <category>" "$R/kinds.err" \
    && grep -q "kinds.xml:7:1: error: chart cannot be drawn: a gantt chart takes no y-min" "$R/kinds.err" \
    && pass "typeset/charts: another kind's attribute or child is an error at its chart (3 of 4), though the schema accepts it" \
    || fail "typeset/charts: another kind's attribute or child" "xmllint $xst, render exit $st: $(cat "$R/kinds.err")"

# fonts embedded small, and the same pages, three ways: drawn from the
# faces cut down to the document (the default), drawn from the whole faces
# and subset again after (DOSSIER_SUBFONT=0), and cairo's own subsets of
# the whole faces (both off). All three rasterise to the same pixels and
# extract the same text; the first two are a tenth of the third's size.
if "$DOSSIER" render "$T/fontpack.xml" -o "$R/fp.pdf" 2>"$R/fp.err" \
    && DOSSIER_SUBFONT=0 "$DOSSIER" render "$T/fontpack.xml" -o "$R/fpw.pdf" 2>>"$R/fp.err" \
    && DOSSIER_SUBFONT=0 DOSSIER_FONTPACK=0 "$DOSSIER" render "$T/fontpack.xml" -o "$R/fp0.pdf" 2>>"$R/fp.err"; then
    a=$(stat -c %s "$R/fp.pdf") w=$(stat -c %s "$R/fpw.pdf") b=$(stat -c %s "$R/fp0.pdf")
    [ "$a" -lt 60000 ] && [ "$w" -lt 60000 ] && [ $((a * 10)) -lt "$b" ] && [ $((w * 10)) -lt "$b" ] \
        && pass "typeset/fonts: four CJK faces in $a bytes (whole faces subset again: $w; cairo alone: $b)" \
        || fail "typeset/fonts: CJK faces embedded small" "$a bytes, subset again $w, cairo alone $b"
    pdftoppm -r 150 -gray "$R/fp.pdf" "$R/fp-a" && pdftoppm -r 150 -gray "$R/fpw.pdf" "$R/fp-w" \
        && pdftoppm -r 150 -gray "$R/fp0.pdf" "$R/fp-b"
    same=1
    for f in "$R"/fp-a*.pgm; do
        cmp -s "$f" "$R/fp-b${f#"$R"/fp-a}" && cmp -s "$R/fp-w${f#"$R"/fp-a}" "$R/fp-b${f#"$R"/fp-a}" || same=0
    done
    [ $same = 1 ] && [ "$(pdftotext "$R/fp.pdf" -)" = "$(pdftotext "$R/fp0.pdf" -)" ] \
        && [ "$(pdftotext "$R/fpw.pdf" -)" = "$(pdftotext "$R/fp0.pdf" -)" ] \
        && pdftotext "$R/fp.pdf" - | grep -q "中国人民银行清算总中心" \
        && pass "typeset/fonts: the same pixels at 150 dpi and the same text, three ways" \
        || fail "typeset/fonts: the same pixels and text three ways"
    # drawn from the cut-down faces, nothing is left to subset again: the
    # same bytes without that step
    DOSSIER_FONTPACK=0 "$DOSSIER" render "$T/fontpack.xml" -o "$R/fps.pdf" 2>>"$R/fp.err" && cmp -s "$R/fp.pdf" "$R/fps.pdf" \
        && pass "typeset/fonts: cut-down faces need no second subsetting (the same bytes without it)" \
        || fail "typeset/fonts: cut-down faces need no second subsetting" "$(stat -c %s "$R/fps.pdf") bytes against $a"
    for f in fp fpw; do
        [ "$(pdffonts "$R/$f.pdf" | awk 'NR > 2 && $(NF-4) == "yes" && $(NF-3) == "yes"' | wc -l)" -eq 4 ] \
            && qpdf --check "$R/$f.pdf" >/dev/null 2>&1 \
            && pass "typeset/fonts: $f: four faces, each an embedded subset; qpdf --check passes" \
            || fail "typeset/fonts: $f: embedded subsets" "$(pdffonts "$R/$f.pdf")"
    done
else
    fail "typeset/fonts: renders" "$(cat "$R/fp.err")"
fi
# text shaped only when drawn, to glyphs the cut-down face lacks (a chart
# title's digits in English forms): the face is made again with them, so
# nothing is drawn from the whole face (the bytes do not change without
# the second subsetting), and the pages and text are pango's own
if "$DOSSIER" render "$T/subfont-grow.xml" -o "$R/sg.pdf" 2>"$R/sg.err" \
    && DOSSIER_FONTPACK=0 "$DOSSIER" render "$T/subfont-grow.xml" -o "$R/sg0.pdf" 2>>"$R/sg.err" \
    && DOSSIER_SUBFONT=0 "$DOSSIER" render "$T/subfont-grow.xml" -o "$R/sgp.pdf" 2>>"$R/sg.err"; then
    pdftoppm -r 150 -gray "$R/sg.pdf" "$R/sg-a" && pdftoppm -r 150 -gray "$R/sgp.pdf" "$R/sg-p"
    same=1
    for f in "$R"/sg-a*.pgm; do cmp -s "$f" "$R/sg-p${f#"$R"/sg-a}" || same=0; done
    cmp -s "$R/sg.pdf" "$R/sg0.pdf" && [ $same = 1 ] && [ "$(pdftotext "$R/sg.pdf" -)" = "$(pdftotext "$R/sgp.pdf" -)" ] \
        && pdftotext "$R/sg.pdf" - | grep -q "KPI-ITSCM-02 预案按期评审率" \
        && pass "typeset/fonts: a chart title's glyphs added to the cut-down face, not drawn from the whole face" \
        || fail "typeset/fonts: a chart title's glyphs added to the cut-down face" "$(stat -c %s "$R/sg.pdf") and $(stat -c %s "$R/sg0.pdf") bytes, same pixels $same"
else
    fail "typeset/fonts: the chart titles render" "$(cat "$R/sg.err")"
fi
