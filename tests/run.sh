#!/bin/sh
# The whole suite. Each part is a tests/t-*.sh file sourced in name order;
# each reports through pass/fail. Ends with "N passed, N failed" and exits
# non-zero if anything failed.
#   UNIT=path       the unit-test runner (default build/run-unit)
#   DOSSIER=path    the binary (default ./dossier)
#   ONLY=pattern    run only the t-*.sh files whose names contain pattern
#   REPLAY=dir      where the fuzz replayers are (default build)
set -u
cd "$(dirname "$0")/.." || exit 3
ROOT=$(pwd)
DOSSIER=${DOSSIER:-$ROOT/dossier}
UNIT=${UNIT:-$ROOT/build/run-unit}
case $DOSSIER in /*) ;; *) DOSSIER=$ROOT/$DOSSIER ;; esac
case $UNIT in /*) ;; *) UNIT=$ROOT/$UNIT ;; esac
export DOSSIER_DATA="$ROOT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dossier-tests.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); printf 'ok   %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL %s\n' "$1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/     /'; return 0; }
# check NAME COMMAND...: pass if the command succeeds
check() { n=$1; shift; if "$@" >"$WORK/check.out" 2>&1; then pass "$n"; else fail "$n" "$(head -c 2000 "$WORK/check.out")"; fi; }

for part in tests/t-*.sh; do
    case "$part" in *"${ONLY:-}"*) ;; *) continue ;; esac
    . "$ROOT/$part"
done

printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
[ "$FAILED" -eq 0 ]
