#!/bin/sh
# bench/compute.sh: is the cost of loading plus computing linear in the records?
#
# Generates (with bench/gen_org.py, into a temporary directory) two synthetic
# organisations: M services (default 1000: 20*M incidents, 100*M outages over
# 12 months) and 2*M services (same records per service), then times
# `dossier check` and `dossier metrics --period 2026-10` on each, RUNS times
# (default 3), and prints a Markdown table of the medians (wall seconds) and
# the peak resident memory, then the ratios t(2M)/t(M). A ratio well above 2
# means some part grows faster than the records.
#
#   bench/compute.sh                 # M=1000, 3 runs
#   M=200 RUNS=1 bench/compute.sh    # a quick look
#
# Environment: DOSSIER (the binary, default ./dossier at the repository root),
# DOSSIER_DATA (default the repository root), M, RUNS, KEEP=1 (keep the
# generated trees and say where). Exit status: 0 done, 1 a run failed or
# check reported something, 2 the binary or a tool is missing.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
DOSSIER=${DOSSIER:-$root/dossier}
DOSSIER_DATA=${DOSSIER_DATA:-$root}
export DOSSIER_DATA
M=${M:-1000}
RUNS=${RUNS:-3}
PERIOD=2026-10

if [ ! -x "$DOSSIER" ]; then
    echo "compute.sh: no dossier binary at $DOSSIER (run make first, or set DOSSIER)" >&2
    exit 2
fi
for tool in /usr/bin/time python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "compute.sh: $tool is needed" >&2
        exit 2
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/dossier-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
    trap 'echo "compute.sh: trees kept in $work" >&2' EXIT
else
    trap 'rm -rf "$work"' EXIT
fi
trap 'exit 130' INT TERM

t_start=$(date +%s)

# median of numbers, one per line on stdin (the lower middle for an even count)
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# run LABEL DIR CMD...: time one command RUNS times; append "secs kib" lines
# to $work/LABEL.times; fail if it exits non-zero or (check) prints anything
run() {
    r_label=$1 r_dir=$2
    shift 2
    : >"$work/$r_label.times"
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        i=$((i + 1))
        if ! /usr/bin/time -f '%e %M' -o "$work/time.out" "$DOSSIER" "$@" -i "$r_dir" \
                >"$work/stdout" 2>"$work/stderr"; then
            echo "compute.sh: dossier $* -i $r_dir failed:" >&2
            head -20 "$work/stderr" >&2
            exit 1
        fi
        if [ "$1" = check ] && { [ -s "$work/stderr" ] || [ -s "$work/stdout" ]; }; then
            echo "compute.sh: dossier check -i $r_dir reported problems:" >&2
            head -20 "$work/stderr" "$work/stdout" >&2
            exit 1
        fi
        tail -1 "$work/time.out" >>"$work/$r_label.times"
        echo "  $r_label run $i: $(tail -1 "$work/time.out" | awk '{ printf "%s s, %.0f MiB", $1, $2 / 1024 }')" >&2
    done
}

rows="" tc_1=0 tm_1=0 tc_2=0 tm_2=0
for size in 1 2; do
    n=$((M * size))
    dir="$work/org-$n"
    echo "compute.sh: generating $n services into $dir" >&2
    python3 "$here/gen_org.py" --services "$n" --out "$dir"
    inc=$(cat "$dir"/records/*/incidents.xml | grep -o '<incident ' | wc -l)
    out=$(cat "$dir"/records/*/outages.xml | grep -o '<outage ' | wc -l)
    run "check-$size" "$dir" check
    run "metrics-$size" "$dir" metrics --period "$PERIOD"
    tc=$(cut -d' ' -f1 "$work/check-$size.times" | median)
    tm=$(cut -d' ' -f1 "$work/metrics-$size.times" | median)
    peak=$(cat "$work/check-$size.times" "$work/metrics-$size.times" | awk '$2 > p { p = $2 } END { printf "%.0f", p / 1024 }')
    label=$([ "$size" = 1 ] && echo M || echo 2M)
    rows="$rows| $label | $n | $inc | $out | $tc | $tm | $peak |
"
    if [ "$size" = 1 ]; then tc_1=$tc tm_1=$tm; else tc_2=$tc tm_2=$tm; fi
    if [ "${KEEP:-0}" != 1 ]; then rm -rf "$dir"; fi
done

echo
echo "median of $RUNS runs; period $PERIOD"
echo
echo "| size | services | incidents | outages | check s | metrics s | peak MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s' "$rows"
echo
awk -v c1="$tc_1" -v c2="$tc_2" -v m1="$tm_1" -v m2="$tm_2" 'BEGIN {
    rc = c1 > 0 ? c2 / c1 : 0; rm = m1 > 0 ? m2 / m1 : 0
    printf "t(2M)/t(M): check %.2f, metrics %.2f (linear = 2.00)\n", rc, rm
    if (rc > 2.2 || rm > 2.2) print "warning: a ratio above 2.2: the cost grows faster than the records"
}'
echo "(benchmark took $(( $(date +%s) - t_start )) s)"
