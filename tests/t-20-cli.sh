# The command line: help, version, usage errors and their exit status.
expect_exit() { # NAME WANT COMMAND...
    n=$1 want=$2; shift 2
    "$@" >"$WORK/cli.out" 2>"$WORK/cli.err"; got=$?
    if [ "$got" -eq "$want" ]; then pass "$n"; else fail "$n" "exit $got, expected $want: $(head -c 400 "$WORK/cli.err")"; fi
}
expect_exit "cli/help exits 0" 0 "$DOSSIER" --help
grep -q '^  3  a failure of the machine' "$WORK/cli.out" && pass "cli/help documents exit status 3" || fail "cli/help documents exit status 3"
expect_exit "cli/version exits 0" 0 "$DOSSIER" --version
grep -Eq '^dossier [0-9]+\.[0-9]+\.[0-9]+$' "$WORK/cli.out" && pass "cli/version format" || fail "cli/version format" "$(cat "$WORK/cli.out")"
expect_exit "cli/no command is usage" 2 "$DOSSIER"
expect_exit "cli/bad jobs is usage" 2 "$DOSSIER" build -j 0
expect_exit "cli/jobs not a number is usage" 2 "$DOSSIER" build -j two
expect_exit "cli/unknown command is usage" 2 "$DOSSIER" frobnicate
expect_exit "cli/unknown option is usage" 2 "$DOSSIER" check --frob
expect_exit "cli/bad period is usage" 2 "$DOSSIER" check --period 2026-13
expect_exit "cli/bad lang is usage" 2 "$DOSSIER" check --lang fr
expect_exit "cli/missing option value is usage" 2 "$DOSSIER" check -i
expect_exit "cli/missing input dir is a source error" 1 "$DOSSIER" check -i "$WORK/nowhere"
grep -q "cannot open the input directory" "$WORK/cli.err" && pass "cli/missing input dir message" || fail "cli/missing input dir message" "$(cat "$WORK/cli.err")"
