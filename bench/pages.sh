#!/bin/sh
# Memory over long documents (issue 4): the kit's report at N = 250, 500,
# 1000 and 2000 services (about as many pages) typeset by `dossier render`
# as it is (long documents streamed) and with DOSSIER_STREAM=0 (the whole
# flow kept), beside the layout tree's own memory: xmllint parsing and
# validating the same file against schemas/layout.rng (its peak resident
# set) plus the file's bytes, which dossier keeps for column numbers.
# Prints a Markdown table; appends key/value lines to $VALUES if set.
set -eu
cd "$(dirname "$0")/.."
KIT=${KIT:-$(cd .. && pwd)/shared/bench}
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
peak() { # command... -> "seconds KiB"
    /usr/bin/time -f "%e %M" -o "$w/time" "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }
    cat "$w/time"
}
echo "| N | pages | layout MiB | tree MiB | dossier s | dossier MiB | beyond the tree MiB | whole flow kept s | whole flow kept MiB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in 250 500 1000 2000; do
    python3 "$KIT/gen.py" "$n" "$w/d$n" >/dev/null
    python3 bench/gen_layout.py "$w/d$n/report-$n.txt" "$w/r$n.xml"
    bytes=$(stat -c %s "$w/r$n.xml")
    set -- $(peak xmllint --noout --relaxng schemas/layout.rng "$w/r$n.xml")
    tree=$(( $2 + bytes / 1024 ))
    set -- $(peak ./dossier render "$w/r$n.xml" -o "$w/r$n.pdf")
    ds=$1 dk=$2
    set -- $(peak env DOSSIER_STREAM=0 ./dossier render "$w/r$n.xml" -o "$w/k$n.pdf")
    ks=$1 kk=$2
    cmp -s "$w/r$n.pdf" "$w/k$n.pdf" || { echo "bench: streamed and kept PDFs differ at N=$n" >&2; exit 1; }
    pages=$(pdfinfo "$w/r$n.pdf" | awk '/^Pages:/{print $2}')
    awk -v n="$n" -v p="$pages" -v b="$bytes" -v t="$tree" -v ds="$ds" -v dk="$dk" -v ks="$ks" -v kk="$kk" 'BEGIN {
        printf "| %d | %d | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f | %.1f |\n", n, p, b / 1048576, t / 1024, ds, dk / 1024, (dk - t) / 1024, ks, kk / 1024 }'
    [ -n "${VALUES:-}" ] && printf 'pages.%s.pages %s\npages.%s.tree %s\npages.%s.kib %s\npages.%s.kept %s\n' \
        "$n" "$pages" "$n" "$tree" "$n" "$dk" "$n" "$kk" >>"$VALUES"
    rm -f "$w"/*.pdf
done
