# Markdown prose reaches the documents through cmark's XML: every
# CommonMark construct becomes its layout element, headings go under the
# section that includes the part, raw HTML is shown as text (never
# interpreted) with a warning naming the file, line and column. One part of
# the process manual is replaced by a file holding every construct.
MD="$WORK/md"
rm -rf "$MD" && cp -r input "$MD"
cp docs/examples/logo.png "$MD/manual/logo.png"
cat >"$MD/manual/objective.md" <<'EOF'
本段有*强调*、**加粗**、`代码`和[链接](https://example.org/itscm)。
这一行在源文件中换行，
中文之间不加空格。

# 一级标题

## 二级标题

1. 第一项
2. 第二项
   - 嵌套的无序项

> 引用的一段话。

```
backup --verify /data
```

---

![标志](logo.png)

段落里的 <b>原始 HTML</b> 照原样显示。

<div class="x">原始 HTML 块</div>
EOF
MO="$WORK/md-out"
rm -rf "$MO" && mkdir -p "$MO"
"$DOSSIER" layout SM-02002 -i "$MD" >"$MO/l.xml" 2>"$MO/l.err"; st=$?
[ $st -eq 0 ] && pass "markdown/the manual with every construct builds its layout" || fail "markdown/the manual with every construct builds its layout" "exit $st: $(head -c 600 "$MO/l.err")"
q() { xmllint --xpath "$1" "$MO/l.xml" 2>/dev/null; }
md_has() { # NAME XPATH (with local-name tests)
    if [ -n "$(q "$2")" ]; then pass "markdown/$1"; else fail "markdown/$1" "no match for $2"; fi
}
md_has "emphasis is <i>" "//*[local-name()='i'][.='强调']"
md_has "strong is <b>" "//*[local-name()='b'][.='加粗']"
md_has "inline code is <code>" "//*[local-name()='code'][.='代码']"
md_has "a link keeps its target" "//*[local-name()='a'][@href='https://example.org/itscm'][.='链接']"
# the part is under 1.1 (level 2), so its # heading is level 3 and its ## level 4
md_has "headings go under the including section (# -> level 3)" "//*[local-name()='h'][@level='3'][.='一级标题']"
md_has "and ## -> level 4" "//*[local-name()='h'][@level='4'][.='二级标题']"
md_has "an ordered list" "//*[local-name()='list'][@ordered='true']/*[local-name()='item'][2]"
md_has "a nested unordered list" "//*[local-name()='list'][@ordered='true']//*[local-name()='list'][@ordered='false']"
md_has "a block quote" "//*[local-name()='quote'][contains(., '引用的一段话')]"
md_has "a code block is <pre>" "//*[local-name()='pre'][contains(., 'backup --verify /data')]"
md_has "a thematic break is <rule>" "//*[local-name()='rule']"
md_has "an image, resolved beside its Markdown file" "//*[local-name()='image'][@src='manual/logo.png'][@alt='标志']"
md_has "inline raw HTML is text" "//*[local-name()='p'][contains(., '<b>原始 HTML</b>')]"
md_has "a raw HTML block is text" "//*[local-name()='pre'][contains(., '<div class=\"x\">')]"
grep -q "objective.md:23:6: warning: raw HTML is not interpreted" "$MO/l.err" && grep -q "objective.md:25:1: warning: raw HTML is not interpreted" "$MO/l.err" \
    && pass "markdown/raw HTML is a warning at its line and column" || fail "markdown/raw HTML is a warning at its line and column" "$(cat "$MO/l.err")"
# the PDF holds the image and the text
"$DOSSIER" build -i "$MD" -o "$MO/out" >/dev/null 2>&1
pdf="$MO/out/SM-02002_V1.2_zh-CN.pdf"
[ "$(pdfimages -list "$pdf" 2>/dev/null | tail -n +3 | wc -l)" -ge 1 ] && pass "markdown/the image is in the PDF" || fail "markdown/the image is in the PDF"
# a line break in the source between two Chinese characters is no space
# (only the PDF's own line ends are removed before looking)
pdftotext "$pdf" - | tr -d '\n' | grep -q '源文件中换行，中文之间不加空格' && pass "markdown/a source line break between Chinese words reads back without a space" || fail "markdown/a source line break between Chinese words reads back without a space" "$(pdftotext "$pdf" - | grep -A1 '换行')"
