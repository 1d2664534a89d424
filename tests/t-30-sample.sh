# The sample organisation: silent check, independent schema validation,
# build output, nothing written on errors.
"$DOSSIER" check -i input >"$WORK/s.out" 2>"$WORK/s.err"; st=$?
if [ $st -eq 0 ] && [ ! -s "$WORK/s.out" ] && [ ! -s "$WORK/s.err" ]; then pass "sample/check is silent and exits 0"
else fail "sample/check is silent and exits 0" "exit $st: $(head -c 2000 "$WORK/s.err")"; fi

# every source file validates against its schema, checked by xmllint
schema_of() {
    case "$1" in
    organisation) echo organisation ;; calendars) echo calendars ;; policies) echo policies ;;
    services) echo services ;; business-functions) echo functions ;; risks) echo risks ;;
    plan) echo plan ;; drill) echo drill ;; incidents) echo incidents ;; outages) echo outages ;;
    changes) echo changes ;; workload) echo workload ;; satisfaction) echo satisfaction ;;
    kpis) echo kpis ;; register) echo register ;; *) echo unknown ;;
    esac
}
bad=""
count=0
for f in $(find input -name '*.xml' | sort); do
    root=$(xmllint --xpath 'local-name(/*)' "$f" 2>/dev/null)
    sch=$(schema_of "$root")
    count=$((count + 1))
    xmllint --noout --nonet --relaxng "schemas/$sch.rng" "$f" >/dev/null 2>"$WORK/x.err" || bad="$bad $f"
done
if [ -z "$bad" ] && [ $count -gt 0 ]; then pass "sample/all $count source files validate (xmllint)"; else fail "sample/source files validate (xmllint)" "$bad"; fi
xmllint --noout --relaxng schemas/policies.rng schemas/defaults.xml >/dev/null 2>&1 && pass "sample/built-in defaults validate" || fail "sample/built-in defaults validate"

# build writes facts and metrics
rm -rf "$WORK/out"
"$DOSSIER" build -i input -o "$WORK/out" >"$WORK/b.out" 2>"$WORK/b.err"; st=$?
[ $st -eq 0 ] && pass "sample/build exits 0" || fail "sample/build exits 0" "exit $st: $(head -c 1000 "$WORK/b.err")"
xmllint --noout "$WORK/out/facts.xml" 2>/dev/null && pass "sample/facts.xml is well-formed" || fail "sample/facts.xml is well-formed"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/out/metrics.json" 2>/dev/null && pass "sample/metrics.json parses" || fail "sample/metrics.json parses"
ls -A "$WORK/out" | grep -q '^\.' && fail "sample/build leaves no temporary files" "$(ls -A "$WORK/out")" || pass "sample/build leaves no temporary files"

# build on sources with errors writes nothing, and leaves earlier output as it was
cp -r input "$WORK/broken"
sed -i 's/service="core-db"/service="core-dbx"/' "$WORK/broken/services.xml"
before=$(cd "$WORK/out" && ls -la --time-style=+%s . | md5sum)
sum_before=$(cat "$WORK/out"/* | md5sum)
"$DOSSIER" build -i "$WORK/broken" -o "$WORK/out" >/dev/null 2>"$WORK/b.err"; st=$?
[ $st -eq 1 ] && pass "sample/build on bad sources exits 1" || fail "sample/build on bad sources exits 1" "exit $st"
[ "$sum_before" = "$(cat "$WORK/out"/* | md5sum)" ] && [ "$before" = "$(cd "$WORK/out" && ls -la --time-style=+%s . | md5sum)" ] \
    && pass "sample/build on bad sources leaves output untouched" || fail "sample/build on bad sources leaves output untouched"
rm -rf "$WORK/fresh"
"$DOSSIER" check -i "$WORK/broken" -o "$WORK/fresh" >/dev/null 2>&1
[ ! -e "$WORK/fresh" ] && pass "sample/check writes nothing" || fail "sample/check writes nothing"
