#!/bin/sh
# bench/own.sh SRC.txt OUT.pdf: dossier as the benchmark kit's "own" system
# (make bench PEERS=1 runs ../shared/bench/run.sh with OWN='sh bench/own.sh
# {src} {pdf}' OWN_SRC=txt). The kit's plain content file is turned into a
# layout tree by bench/gen_layout.py once (the kit's warm-up run does it;
# the tree is kept beside the source), then every timed run is only
# `dossier render`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$1 pdf=$2
xml=${src%.txt}.layout.xml
if [ ! -f "$xml" ] || [ "$src" -nt "$xml" ]; then
    python3 "$here/gen_layout.py" "$src" "$xml"
fi
DOSSIER_DATA=${DOSSIER_DATA:-$(dirname "$here")} exec "$(dirname "$here")/dossier" render "$xml" -o "$pdf"
