#!/usr/bin/env python3
"""Typesetting against the floor, side by side in one run.

For each N, the kit's generator (../shared/bench/gen.py) writes the same
report for every engine; bench/gen_layout.py turns the floor's input into
dossier's layout vocabulary. dossier's `render` and the floor program (raw
pango + cairo, ../shared/bench/floor.c) then run alternately, A B A B ...,
and each figure is the median over the pairs of dossier / floor:

  wall   elapsed time of the whole process (start-up included)
  peak   maximum resident memory (GNU time %M)
  bytes  size of the PDF

The PDFs are checked with the kit's check.py (pages, Chinese text extracting
as itself, fonts embedded).

    python3 bench/typeset.py [--sizes 1,10,50,200] [--pairs K] [--quick]

--quick: N = 50 only, and a last line "typeset ratio to floor: X.XX".
Environment: DOSSIER (default ./dossier), KIT (default ../shared/bench),
VALUES=FILE (append "name value" lines for bench/run.sh's table of targets).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_timed(cmd, env=None):
    """(wall seconds, peak KiB) of one run."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), p.stderr[-2000:]))
    peak = int(p.stderr.strip().splitlines()[-1])
    return wall, peak


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,10,50,200")
    ap.add_argument("--pairs", type=int, default=0)
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    sizes = [50] if a.quick else [int(x) for x in a.sizes.split(",")]
    kit = os.environ.get("KIT", os.path.join(ROOT, "..", "shared", "bench"))
    dossier = os.environ.get("DOSSIER", os.path.join(ROOT, "dossier"))
    env = dict(os.environ, DOSSIER_DATA=ROOT)
    work = tempfile.mkdtemp(prefix="dossier-typeset-")
    floor = os.path.join(work, "floor")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "pangocairo"], capture_output=True, text=True, check=True).stdout.split()
    subprocess.run(["cc", "-O2", "-o", floor, os.path.join(kit, "floor.c")] + flags, check=True)
    rows = []
    for n in sizes:
        subprocess.run([sys.executable, os.path.join(kit, "gen.py"), str(n), work], check=True, capture_output=True)
        txt, xml = os.path.join(work, "report-%d.txt" % n), os.path.join(work, "report-%d.xml" % n)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_layout.py"), txt, xml], check=True)
        dpdf, fpdf = os.path.join(work, "d-%d.pdf" % n), os.path.join(work, "f-%d.pdf" % n)
        pairs = a.pairs or (5 if n >= 200 else 10)
        # one warm-up each, then A B A B ...
        run_timed([dossier, "render", xml, "-o", dpdf], env)
        run_timed([floor, txt, fpdf])
        dt, ft, dm, fm, ratios, mratios = [], [], [], [], [], []
        for _ in range(pairs):
            w1, m1 = run_timed([dossier, "render", xml, "-o", dpdf], env)
            w2, m2 = run_timed([floor, txt, fpdf])
            dt.append(w1), ft.append(w2), dm.append(m1), fm.append(m2)
            ratios.append(w1 / w2), mratios.append(m1 / m2)
        checks = []
        for pdf in (dpdf, fpdf):
            c = subprocess.run([sys.executable, os.path.join(kit, "check.py"), pdf, os.path.join(work, "report-%d.expect.json" % n)],
                               capture_output=True, text=True)
            checks.append(c.stdout.strip().split("\t"))
        rows.append({
            "n": n, "pairs": pairs,
            "d_wall": statistics.median(dt), "f_wall": statistics.median(ft),
            "ratio": statistics.median(ratios),
            "d_peak": statistics.median(dm) / 1024, "f_peak": statistics.median(fm) / 1024,
            "mratio": statistics.median(mratios),
            "d_pages": checks[0][0], "f_pages": checks[1][0],
            "d_kb": os.path.getsize(dpdf) / 1024, "f_kb": os.path.getsize(fpdf) / 1024,
            "d_cjk": checks[0][2], "d_fonts": checks[0][3],
        })
    print("| N | pairs | dossier s | floor s | time ratio | dossier MiB | floor MiB | memory ratio | pages d/f | KB d/f | bytes ratio | CJK ok | fonts embedded |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---|---|")
    for r in rows:
        print("| %d | %d | %.3f | %.3f | **%.2f** | %.0f | %.0f | %.2f | %s/%s | %.0f/%.0f | %.2f | %s | %s |" % (
            r["n"], r["pairs"], r["d_wall"], r["f_wall"], r["ratio"], r["d_peak"], r["f_peak"], r["mratio"],
            r["d_pages"], r["f_pages"], r["d_kb"], r["f_kb"], r["d_kb"] / r["f_kb"], r["d_cjk"], r["d_fonts"]))
    values = os.environ.get("VALUES")
    if values:
        with open(values, "a") as f:
            for r in rows:
                f.write("typeset.%d.ratio %.2f\ntypeset.%d.mratio %.2f\ntypeset.%d.bratio %.2f\ntypeset.%d.cjk %s\n" % (
                    r["n"], r["ratio"], r["n"], r["mratio"], r["n"], r["d_kb"] / r["f_kb"], r["n"], r["d_cjk"]))
    if a.quick:
        print("typeset ratio to floor: %.2f" % rows[0]["ratio"])
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
