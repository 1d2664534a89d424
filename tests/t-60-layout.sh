# The layout vocabulary's examples: every ```xml block of docs/layout.md and
# the showcase docs/examples/layout.xml validate against schemas/layout.rng
# (xmllint) and render with `dossier render` (exit 0, nothing on stderr)
# into PDFs that real readers accept: `qpdf --check` without errors or
# warnings, every font embedded (pdffonts), at least one page and the
# document's title (pdfinfo), and a phrase of the example (pdftotext): the
# text of its first <h>, else of its first <p>. One line per example.
#
# Image paths resolve against the directory of the layout file and must stay
# inside it (src/main.c run_render, src/typeset/flow.c flow_image). The
# examples refer to docs/examples/logo.png as a project-root-relative path,
# so they are written into a directory that mirrors that path: $LX holds
# docs/examples/logo.png, and example-NN.xml beside docs/.
LX=$WORK/layout
rm -rf "$LX"
mkdir -p "$LX/docs/examples"
cp "$ROOT/docs/examples/logo.png" "$LX/docs/examples/logo.png"

# the ```xml blocks, in order, as example-01.xml, example-02.xml ...
awk -v dir="$LX" '
    /^```xml[ \t]*$/ { n++; f = sprintf("%s/example-%02d.xml", dir, n); inb = 1; printf "" > f; next }
    inb && /^```[ \t]*$/ { inb = 0; close(f); next }
    inb { print > f }
    END { if (inb) exit 1 }
' "$ROOT/docs/layout.md"
lx_st=$?
lx_count=$(ls "$LX" | grep -c '^example-[0-9]*\.xml$')
if [ $lx_st -eq 0 ] && [ "$lx_count" -gt 0 ]; then pass "layout/docs/layout.md has $lx_count xml examples, every fence closed"
else fail "layout/docs/layout.md has xml examples, every fence closed" "awk exit $lx_st, $lx_count examples"; fi

# lx_xpath FILE EXPR: the string value of an XPath expression, or nothing
lx_xpath() { xmllint --xpath "$2" "$1" 2>/dev/null; }

# lx_check FILE LABEL [MINPAGES MAXPAGES]: render FILE, check the PDF, report one line
lx_check() {
    lx_xml=$1 lx_label=$2 lx_min=${3:-1} lx_max=${4:-}
    lx_base=$LX/$(basename "${lx_xml%.xml}")
    lx_pdf=$lx_base.pdf
    lx_why=""
    rm -f "$lx_pdf"
    # the schema, independently of dossier
    if ! xmllint --noout --nonet --relaxng "$ROOT/schemas/layout.rng" "$lx_xml" >"$lx_base.xmllint" 2>&1; then
        lx_why="$lx_why
xmllint: $(head -c 600 "$lx_base.xmllint")"
    fi
    "$DOSSIER" render "$lx_xml" -o "$lx_pdf" >"$lx_base.out" 2>"$lx_base.err"
    lx_st=$?
    if [ $lx_st -ne 0 ] || [ -s "$lx_base.err" ] || [ ! -s "$lx_pdf" ]; then
        lx_why="$lx_why
render: exit $lx_st: $(head -c 1200 "$lx_base.err")"
    fi
    if [ -s "$lx_pdf" ]; then
        # qpdf: exit 0 means neither errors nor warnings
        qpdf --check "$lx_pdf" >"$lx_base.qpdf" 2>&1
        lx_q=$?
        if [ $lx_q -ne 0 ] || grep -qi 'warning' "$lx_base.qpdf" || ! grep -q 'No syntax or stream encoding errors found' "$lx_base.qpdf"; then
            lx_why="$lx_why
qpdf --check: exit $lx_q: $(head -c 600 "$lx_base.qpdf")"
        fi
        # pdffonts: the emb column (found from the dashes under the header) says yes for every font
        pdffonts "$lx_pdf" >"$lx_base.fonts" 2>&1
        lx_fonts=$(awk '
            NR == 2 { p = 1; k = 0
                      while (p <= length($0)) {
                          while (p <= length($0) && substr($0, p, 1) == " ") p++
                          s = p; while (p <= length($0) && substr($0, p, 1) == "-") p++
                          if (p > s) { k++; start[k] = s; len[k] = p - s }
                      }
                      next }
            NR > 2 && NF { n++; e = substr($0, start[4], len[4]); gsub(/ /, "", e); if (e != "yes") bad++ }
            END { if (NR < 2 || k < 4) print "unreadable"; else if (!n) print "none"; else if (bad) print bad " not embedded"; else print "ok" }
        ' "$lx_base.fonts")
        [ "$lx_fonts" = ok ] || lx_why="$lx_why
pdffonts: $lx_fonts: $(head -c 800 "$lx_base.fonts")"
        # pdfinfo: pages and title
        pdfinfo "$lx_pdf" >"$lx_base.info" 2>&1
        lx_pages=$(sed -n 's/^Pages: *//p' "$lx_base.info")
        lx_title=$(sed -n 's/^Title: *//p' "$lx_base.info")
        lx_want=$(lx_xpath "$lx_xml" 'string(/*/@title)')
        if [ -z "$lx_pages" ] || [ "$lx_pages" -lt "$lx_min" ] || { [ -n "$lx_max" ] && [ "$lx_pages" -gt "$lx_max" ]; }; then
            lx_why="$lx_why
pdfinfo: $lx_pages pages, want ${lx_min}${lx_max:+ to $lx_max}"
        fi
        [ -n "$lx_want" ] && [ "$lx_title" = "$lx_want" ] || lx_why="$lx_why
pdfinfo: title '$lx_title', want '$lx_want'"
        # pdftotext: the first heading's (else paragraph's) text, whitespace aside
        lx_phrase=$(lx_xpath "$lx_xml" 'normalize-space((//*[local-name()="h"])[1])')
        [ -n "$lx_phrase" ] || lx_phrase=$(lx_xpath "$lx_xml" 'normalize-space((//*[local-name()="p"])[1])')
        pdftotext -enc UTF-8 "$lx_pdf" "$lx_base.txt" 2>/dev/null
        lx_p=$(printf '%s' "$lx_phrase" | tr -d ' \t\r\n')
        if [ -z "$lx_p" ] || ! tr -d ' \t\r\n\f' <"$lx_base.txt" | grep -qF -- "$lx_p"; then
            lx_why="$lx_why
pdftotext: '$lx_phrase' not found"
        fi
    fi
    if [ -z "$lx_why" ]; then pass "$lx_label"; else fail "$lx_label" "$(printf '%s' "$lx_why" | sed 1d)"; fi
}

# the label: the first heading's text, else the first block's element name
lx_label() {
    lx_l=$(lx_xpath "$1" 'normalize-space((//*[local-name()="h"])[1])')
    [ -n "$lx_l" ] || lx_l="<$(lx_xpath "$1" 'local-name((//*[local-name()="section"]/*)[1])')>"
    printf '%s' "$lx_l"
}

for lx_f in "$LX"/example-*.xml; do
    [ -f "$lx_f" ] || continue
    lx_n=$(basename "$lx_f" .xml)
    lx_check "$lx_f" "layout/$lx_n $(lx_label "$lx_f")"
done

# the showcase, rendered where it lives (its logo beside it): 3 to 5 pages
lx_check "$ROOT/docs/examples/layout.xml" "layout/docs/examples/layout.xml $(lx_label "$ROOT/docs/examples/layout.xml")" 3 5
