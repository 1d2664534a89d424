# Document control: the release lock, reproducible and incremental builds,
# the manifest and verify, what changed (diff), the review date, and a build
# killed midway. Each part works on its own copy of the sample.
C="$WORK/control"
rm -rf "$C" && mkdir -p "$C"
sha_of() { sha256sum "$1" | cut -d' ' -f1; }
# stamp DIR: inode, modification time and name of every PDF, one per line
stamp() { (cd "$1" && for f in *.pdf; do stat -c '%i %Y.%y %n' "$f"; done); }

# 1 release, then change one Markdown line of the released plan
cp -r input "$C/in"
"$DOSSIER" release DRP-03 -i "$C/in" >"$C/r.out" 2>"$C/r.err"; st=$?
[ $st -eq 0 ] && grep -q "released DRP-03 V1.0" "$C/r.out" && [ -f "$C/in/release.lock" ] \
    && [ -f "$C/in/releases/DRP-03/V1.0.zh-CN.layout" ] && [ -f "$C/in/releases/DRP-03/V1.0.en.layout" ] \
    && pass "control/release records the version, both editions' snapshots and the lock" || fail "control/release records the version" "exit $st: $(cat "$C/r.out" "$C/r.err")"
"$DOSSIER" check -i "$C/in" >/dev/null 2>"$C/c.err"; st=$?
[ $st -eq 0 ] && [ ! -s "$C/c.err" ] && pass "control/check passes right after the release" || fail "control/check passes right after the release" "exit $st: $(cat "$C/c.err")"
"$DOSSIER" release DRP-03 -i "$C/in" >/dev/null 2>"$C/r2.err"; st=$?
[ $st -eq 1 ] && grep -q "register.xml:.*error: document 'DRP-03' V1.0 is already released" "$C/r2.err" \
    && pass "control/the same version cannot be released twice" || fail "control/the same version cannot be released twice" "exit $st: $(cat "$C/r2.err")"
"$DOSSIER" release DRP-04 -i "$C/in" >/dev/null 2>"$C/r3.err"; st=$?
[ $st -eq 1 ] && grep -q "document 'DRP-04' V0.9 is under-review: only an approved document is released" "$C/r3.err" \
    && pass "control/a document under review cannot be released" || fail "control/a document under review cannot be released" "exit $st: $(cat "$C/r3.err")"
"$DOSSIER" build -i "$C/in" -o "$C/out1" >/dev/null 2>"$C/b.err"; st=$?
[ $st -eq 0 ] && grep -q '"released" : true' "$C/out1/manifest.json" && pass "control/the released document builds, marked released in the manifest" || fail "control/the released document builds" "exit $st: $(head -c 600 "$C/b.err")"
before=$(stamp "$C/out1")
sed -i '3s/$/（修订测试句。）/' "$C/in/plans/drp-payment/background.md"
"$DOSSIER" build -i "$C/in" -o "$C/out1" >/dev/null 2>"$C/b.err"; st=$?
[ $st -eq 1 ] && grep -q "register.xml:[0-9]*:[0-9]*: error: document 'DRP-03' V1.0 (zh-CN) was released .* content has changed since: plans/drp-payment/background.md changed; raise its version" "$C/b.err" \
    && pass "control/a changed Markdown line of a released plan: build fails naming the document and the file" || fail "control/a changed Markdown line of a released plan fails the build" "exit $st: $(cat "$C/b.err")"
[ "$before" = "$(stamp "$C/out1")" ] && pass "control/the failed build left every earlier file as it was" || fail "control/the failed build left every earlier file as it was"
"$DOSSIER" check -i "$C/in" >/dev/null 2>"$C/c.err"; st=$?
# the English edition reads background.en.md, which did not change
[ $st -eq 1 ] && grep -q "document 'DRP-03' V1.0 (zh-CN) was released" "$C/c.err" && ! grep -q "(en) was released" "$C/c.err" \
    && pass "control/check fails the same way, for the Chinese edition only (the English one did not change)" || fail "control/check fails the same way" "exit $st: $(cat "$C/c.err")"
# what changed, in the document's words
"$DOSSIER" diff DRP-03 V1.0 -i "$C/in" >"$C/d.out" 2>"$C/d.err"; st=$?
[ $st -eq 0 ] && grep -q "DRP-03 V1.0 → working sources (zh-CN): 1 change" "$C/d.out" && grep -q "^section 2.1 .*: text changed" "$C/d.out" \
    && pass "control/diff names the changed section" || fail "control/diff names the changed section" "exit $st: $(cat "$C/d.out" "$C/d.err")"
sed -i 's/\(<step id="P02"[^>]*duration="\)[^"]*"/\190min"/' "$C/in/plans/drp-payment.xml"
"$DOSSIER" diff DRP-03 V1.0 -i "$C/in" >"$C/d.out" 2>"$C/d.err"
grep -q "row P02, .*→ 90分钟" "$C/d.out" && pass "control/diff shows a step's new duration by row and column" || fail "control/diff shows a step's new duration" "$(cat "$C/d.out" "$C/d.err")"
"$DOSSIER" diff DRP-03 V1.0 -i "$C/in" --lang en >"$C/d.out" 2>&1
grep -q "row P02, .*→ 90 min" "$C/d.out" && pass "control/diff of the English edition" || fail "control/diff of the English edition" "$(cat "$C/d.out")"
# a new version without a revision: an error; with one: the build passes
sed -i 's/\(number="DRP-03"[^>]*version="\)V1.0"/\1V1.1"/' "$C/in/register.xml"
"$DOSSIER" check -i "$C/in" >/dev/null 2>"$C/c.err"; st=$?
[ $st -eq 1 ] && grep -q "document 'DRP-03': the revision history ends at V1.0 but the document is version V1.1" "$C/c.err" \
    && pass "control/a new version without a revision is an error" || fail "control/a new version without a revision is an error" "exit $st: $(cat "$C/c.err")"
python3 - "$C/in/register.xml" <<'EOF'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
i = s.index('number="DRP-03"')
j = s.index("</document>", i)
k = s.rfind("</revision>", i, j) + len("</revision>")
s = s[:k] + '\n    <revision version="V1.1" date="2026-11-02" author="zhao.lei" reviewer="zheng.yu" approver="liu.min" effective="2026-11-05">背景补充说明；P02 用时调整为 90 分钟。</revision>' + s[k:]
open(p, "w", encoding="utf-8").write(s)
EOF
"$DOSSIER" build -i "$C/in" -o "$C/out1" >/dev/null 2>"$C/b.err"; st=$?
[ $st -eq 0 ] && [ -f "$C/out1/DRP-03_V1.1_zh-CN.pdf" ] && [ -f "$C/out1/DRP-03_V1.0_zh-CN.pdf" ] \
    && pass "control/with a new version and its revision the build passes (V1.1 written, V1.0 kept)" || fail "control/with a new version and its revision the build passes" "exit $st: $(cat "$C/b.err")"
"$DOSSIER" verify "$C/out1" -i "$C/in" >/dev/null 2>"$C/v.err"; st=$?
[ $st -eq 0 ] && pass "control/verify: the outputs match the manifest, the released V1.0 its lock" || fail "control/verify after a new version" "exit $st: $(cat "$C/v.err")"

# 2 reproducible: two directories, two clocks, SOURCE_DATE_EPOCH, workers
cp -r input "$C/a" && mkdir -p "$C/deep/er" && cp -r input "$C/deep/er/src"
"$DOSSIER" build -i "$C/a" -o "$C/ra" >/dev/null 2>&1
(cd "$C/deep" && SOURCE_DATE_EPOCH=86400 faketime '2031-03-04 05:06:07' "$DOSSIER" build -i er/src -o out -j 2 >/dev/null 2>&1)
same=1
for f in "$C/ra"/*.pdf "$C/ra/facts.xml" "$C/ra/metrics.json"; do
    [ "$(sha_of "$f")" = "$(sha_of "$C/deep/out/$(basename "$f")")" ] || { same=0; echo "differs: $(basename "$f")"; }
done
[ $same -eq 1 ] && pass "control/two builds (other directory, clock, SOURCE_DATE_EPOCH, workers): the same SHA-256 for every file" || fail "control/two builds give the same SHA-256 for every file"
(cd "$C/ra" && sha256sum -c --quiet MANIFEST.sha256) >"$C/s.out" 2>&1 && pass "control/sha256sum -c MANIFEST.sha256 passes" || fail "control/sha256sum -c MANIFEST.sha256 passes" "$(cat "$C/s.out")"
python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); d=m["documents"]; assert len(d) >= 17 and all(k in d[0] for k in ("number","title","version","status","classification","language","file","pages","bytes","sha256","sources")), d[0]' "$C/ra/manifest.json" 2>"$C/j.err" \
    && pass "control/manifest.json lists every document with its fields" || fail "control/manifest.json lists every document with its fields" "$(cat "$C/j.err")"

# 3 incremental: nothing changed, nothing made again; one source changed,
# only the documents that show it are made again
before=$(stamp "$C/ra")
"$DOSSIER" build -i "$C/a" -o "$C/ra" >/dev/null 2>&1
echo "$before" >"$C/before.txt"
stamp "$C/ra" >"$C/after.txt"
cmp -s "$C/before.txt" "$C/after.txt" && pass "control/a second build with nothing changed writes no PDF again" || fail "control/a second build with nothing changed writes no PDF again" "$(diff "$C/before.txt" "$C/after.txt")"
sed -i '3s/$/（增量构建测试。）/' "$C/a/plans/drp-support/background.md"
"$DOSSIER" build -i "$C/a" -o "$C/ra" >/dev/null 2>&1
stamp "$C/ra" >"$C/after.txt"
changed=$(diff "$C/before.txt" "$C/after.txt" | grep '^>' | sed 's/.* //' | sort | tr '\n' ' ')
[ "$changed" = "DRP-05_V1.0_zh-CN.pdf " ] && pass "control/one plan's Markdown changed: only that plan is made again" || fail "control/one plan's Markdown changed: only that plan is made again" "made again: $changed"
"$DOSSIER" verify "$C/ra" -i "$C/a" >/dev/null 2>&1 && pass "control/verify passes after an incremental build" || fail "control/verify passes after an incremental build"
# an unchanged build keeps every document without running a stylesheet:
# far fewer allocations than a build that transforms (one that had to
# make nothing again, because only a Markdown file was touched back)
allocs() { DOSSIER_ALLOC_REPORT=1 "$DOSSIER" build -i "$C/a" -o "$C/ra" 2>&1 >/dev/null | sed -n 's/^dossier: allocations: //p'; }
sed -i '3s/（增量构建测试。）$//' "$C/a/plans/drp-support/background.md"
touched=$(allocs)
same=$(allocs)
stamp "$C/ra" >"$C/after2.txt"
[ -n "$touched" ] && [ -n "$same" ] && [ $((same * 4)) -lt "$touched" ] && [ "$(grep -c inputs_sha256 "$C/ra/manifest.json")" -ge 17 ] \
    && pass "control/an unchanged build runs no stylesheet (allocations $same against $touched when they ran)" \
    || fail "control/an unchanged build runs no stylesheet" "allocations: unchanged $same, after a touch $touched"
# a changed template (its labels) makes the documents that use it again;
# the manifest's inputs are recorded with the stylesheets and templates
rm -rf "$C/data" && mkdir -p "$C/data" && cp -r schemas stylesheets templates "$C/data/"
DOSSIER_DATA="$C/data" "$DOSSIER" build -i "$C/a" -o "$C/ra" >/dev/null 2>&1
stamp "$C/ra" >"$C/b3.txt"
sed -i 's|<label key="overview">演练概况</label>|<label key="overview">演练总体情况</label>|' "$C/data/templates/labels/drill-plan.zh-CN.xml"
DOSSIER_DATA="$C/data" "$DOSSIER" build -i "$C/a" -o "$C/ra" >/dev/null 2>&1; st=$?
stamp "$C/ra" >"$C/a3.txt"
changed=$(diff "$C/b3.txt" "$C/a3.txt" | grep '^>' | sed 's/.* //' | sort | tr '\n' ' ')
[ $st -eq 0 ] && [ "$changed" = "DRL-P-2026-H2_V1.0_zh-CN.pdf " ] && pdftotext "$C/ra/DRL-P-2026-H2_V1.0_zh-CN.pdf" - | grep -q 演练总体情况 \
    && pass "control/a changed label of the drill plan: only the drill plan is made again, with the new label" \
    || fail "control/a changed label of the drill plan: only the drill plan is made again" "exit $st; made again: $changed"
# a PDF changed in the output directory is made again, even with nothing else changed
printf 'x' >>"$C/ra/DRP-01_V2.1_zh-CN.pdf"
DOSSIER_DATA="$C/data" "$DOSSIER" build -i "$C/a" -o "$C/ra" >/dev/null 2>&1
DOSSIER_DATA="$C/data" "$DOSSIER" verify "$C/ra" -i "$C/a" >/dev/null 2>&1 && pass "control/a PDF changed in the output is made again by the next build" || fail "control/a PDF changed in the output is made again by the next build"
"$DOSSIER" build -i "$C/a" -o "$C/ra" >/dev/null 2>&1
# --only
rm -rf "$C/only"
"$DOSSIER" build -i "$C/a" -o "$C/only" --only SR-M >/dev/null 2>&1
[ "$(cd "$C/only" && ls *.pdf | tr '\n' ' ')" = "SR-M_2026-10_V1.0_en.pdf SR-M_2026-10_V1.0_zh-CN.pdf " ] \
    && pass "control/--only SR-M builds that document in its languages" || fail "control/--only SR-M builds that document" "$(ls "$C/only")"
"$DOSSIER" build -i "$C/a" -o "$C/only" --only NO-SUCH >/dev/null 2>"$C/o.err"; st=$?
[ $st -eq 1 ] && grep -q "the register has no document 'NO-SUCH'" "$C/o.err" && pass "control/--only with an unknown number is an error" || fail "control/--only with an unknown number is an error" "exit $st"

# 4 verify finds a changed file and a file the manifest does not list
cp -r "$C/ra" "$C/tamper"
printf 'x' >>"$C/tamper/SR-M_2026-10_V1.0_zh-CN.pdf"
cp "$C/tamper/DRP-01_V2.1_zh-CN.pdf" "$C/tamper/stray.pdf"
"$DOSSIER" verify "$C/tamper" -i "$C/a" >/dev/null 2>"$C/v.err"; st=$?
[ $st -eq 1 ] && grep -q "SR-M_2026-10_V1.0_zh-CN.pdf: error: the document differs from the manifest" "$C/v.err" && grep -q "stray.pdf: error: a PDF the manifest does not list" "$C/v.err" \
    && pass "control/verify names a changed PDF and an unlisted one" || fail "control/verify names a changed PDF and an unlisted one" "exit $st: $(cat "$C/v.err")"

# 5 a build killed midway: no partial PDF under a final name, the earlier
# files intact, verify passes
cp -r "$C/ra" "$C/kill"
before=$(stamp "$C/kill")
sed -i '3s/$/（中断测试。）/' "$C/a/plans/drp-core/background.md"
sed -i '3s/$/（中断测试。）/' "$C/a/manual/objective.md"
for sig in TERM KILL; do
    [ $sig = KILL ] && find "$C/kill" -name '.*' -type f >"$C/hidden.txt"
    "$DOSSIER" build -i "$C/a" -o "$C/kill" -j 2 >/dev/null 2>&1 &
    pid=$!
    # midway: once the build has staged its first file (.NAME.XXXXXX), long
    # before it can commit (a fixed wait is too long on a fast machine)
    i=0
    while [ $i -lt 2000 ] && ! ls -A "$C/kill" | grep -q '^\.'; do sleep 0.005; i=$((i + 1)); done
    kill -$sig $pid 2>/dev/null
    wait $pid 2>/dev/null
    [ "$before" = "$(stamp "$C/kill")" ] && "$DOSSIER" verify "$C/kill" -i "$C/a" >/dev/null 2>&1 \
        && pass "control/a build killed (SIG$sig) midway: earlier files intact, verify passes" || fail "control/a build killed (SIG$sig) midway" "$(ls -la "$C/kill")"
done
# SIGTERM removed the staged files on its way out
[ ! -s "$C/hidden.txt" ] && pass "control/a build stopped by SIGTERM leaves no staged file behind" || fail "control/a build stopped by SIGTERM leaves no staged file behind" "$(cat "$C/hidden.txt")"
# 6 the review date: an approved document past it is a warning, an error
# with --strict
cp -r input "$C/rv"
sed -i 's/\(number="DRP-05"[^>]*\)/\1/; /number="DRP-05"/,/>/ s/review-by="[0-9-]*"/review-by="2026-09-30"/' "$C/rv/register.xml"
"$DOSSIER" check -i "$C/rv" >/dev/null 2>"$C/w.err"; st=$?
[ $st -eq 0 ] && grep -q "register.xml:[0-9]*:[0-9]*: warning: document 'DRP-05' V1.0 is past its review date 2026-09-30" "$C/w.err" \
    && pass "control/an approved document past its review date: a warning naming it" || fail "control/past its review date: a warning" "exit $st: $(cat "$C/w.err")"
"$DOSSIER" check -i "$C/rv" --strict >/dev/null 2>"$C/w.err"; st=$?
[ $st -eq 1 ] && grep -q "error: document 'DRP-05' V1.0 is past its review date" "$C/w.err" \
    && pass "control/with --strict it is an error" || fail "control/with --strict it is an error" "exit $st: $(cat "$C/w.err")"

# 7 the audit pack
P="$C/pack"
"$DOSSIER" pack --standard iso22301 --max-class internal -i input -o "$P/int" >"$C/p.out" 2>"$C/p.err"; st=$?
[ $st -eq 0 ] && [ ! -s "$C/p.err" ] && pass "control/pack --max-class internal exits 0, silent" || fail "control/pack --max-class internal exits 0" "exit $st: $(cat "$C/p.err")"
(cd "$P/int" && sha256sum -c --quiet MANIFEST.sha256) >"$C/s.out" 2>&1 && [ "$(wc -l <"$P/int/MANIFEST.sha256")" -gt 20 ] \
    && pass "control/sha256sum -c passes inside the pack" || fail "control/sha256sum -c passes inside the pack" "$(cat "$C/s.out")"
# which documents are confidential, and which details, from the sources
conf_docs=$(xmllint --xpath "//*[local-name()='document'][@classification='confidential']/@number" input/register.xml | sed 's/ number="\([^"]*\)"/\1 /g')
conf_fields=$(xmllint --xpath "//*[local-name()='contact'][@class='confidential']/text()" input/organisation.xml)
leak=""
for n in $conf_docs; do ls "$P/int/documents" | grep -q "^${n}_" && leak="$leak document $n;"; done
for f in "$P/int"/documents/*.pdf "$P/int"/*.pdf; do
    t=$(pdftotext "$f" - 2>/dev/null)
    for v in $(echo "$conf_fields" | tr ' ' '_'); do
        echo "$t" | grep -q "$(echo "$v" | tr '_' ' ')" && leak="$leak $(basename "$f") shows $v;"
    done
done
[ -n "$conf_docs" ] && [ -n "$conf_fields" ] && [ -z "$leak" ] \
    && pass "control/a pack with --max-class internal holds no confidential document and no confidential field (pdftotext)" || fail "control/no confidential document or field in the pack" "confidential: $conf_docs / $conf_fields; leaks: $leak"
grep -q "^BC-BIA-2026,.*,false,classification," "$P/int/register.csv" && pass "control/the register lists what was left out and why" || fail "control/the register lists what was left out and why" "$(cat "$P/int/register.csv")"
grep -q '^iso22301,8.2.2,.*,true,' "$P/int/evidence.csv" && grep -q '^iso22301,8.4.3,.*,false,DRP-03,V1.0,4.3,.*,documents/DRP-03_V1.0_zh-CN.pdf' "$P/int/evidence.csv" \
    && pass "control/the evidence: sections with their numbers and pages, the clauses without evidence as gaps" || fail "control/the evidence: sections and gaps" "$(head -12 "$P/int/evidence.csv")"
pdftotext "$P/int/evidence.pdf" - | grep -q '资料包中无证据' && pdftotext "$P/int/register.pdf" - | grep -q 'SM-02002' \
    && pass "control/the register and the evidence as PDFs" || fail "control/the register and the evidence as PDFs"
[ -f "$P/int/records/2026-10/incidents.xml" ] && [ -f "$P/int/records/metrics.json" ] && pass "control/the records behind the figures are in the pack" || fail "control/the records behind the figures are in the pack" "$(ls -R "$P/int/records" | head)"
# the other way: with --max-class confidential the confidential plan and its
# leaders' mobiles are there (the check above can fail)
"$DOSSIER" pack --standard iso22301 --max-class confidential -i input -o "$P/conf" >/dev/null 2>&1
pdftotext "$P/conf/documents/DRP-01_V2.1_zh-CN.pdf" - | grep -q "$(echo "$conf_fields" | head -1)" \
    && pass "control/with --max-class confidential the confidential plan and its confidential contacts are in" || fail "control/with --max-class confidential the plan is in"
# refusals
"$DOSSIER" pack --standard iso22301 --max-class internal -i input -o "$P/int" >/dev/null 2>"$C/p.err"; st=$?
[ $st -eq 1 ] && grep -q "the pack's directory must be new or empty" "$C/p.err" && pass "control/pack refuses a directory that is not empty" || fail "control/pack refuses a directory that is not empty" "exit $st"
"$DOSSIER" pack --standard iso22301 --max-class top-secret -i input -o "$P/x" >/dev/null 2>"$C/p.err"; st=$?
[ $st -eq 1 ] && grep -qF -- "--max-class 'top-secret' is not a classification level (public, internal, confidential, secret)" "$C/p.err" \
    && pass "control/an unknown --max-class names the levels" || fail "control/an unknown --max-class names the levels" "exit $st: $(cat "$C/p.err")"
"$DOSSIER" pack --standard iso9001 --max-class internal -o "$P/y" >/dev/null 2>&1; st=$?
[ $st -eq 2 ] && pass "control/an unknown standard is a usage error" || fail "control/an unknown standard is a usage error" "exit $st"
# a released document changed since: the pack fails like the build
cp -r input "$C/pk-in"
"$DOSSIER" release DRP-05 -i "$C/pk-in" >/dev/null 2>&1
sed -i '3s/$/（资料包测试。）/' "$C/pk-in/plans/drp-support/scope.md"
"$DOSSIER" pack --standard iso20000 --max-class internal -i "$C/pk-in" -o "$P/z" >/dev/null 2>"$C/p.err"; st=$?
[ $st -eq 1 ] && grep -q "document 'DRP-05' V1.0 (zh-CN) was released" "$C/p.err" && [ -z "$(find "$P/z" -type f 2>/dev/null)" ] \
    && pass "control/a released document changed since: no pack, nothing written" || fail "control/a released document changed since: no pack" "exit $st: $(cat "$C/p.err")"
# a new version not yet released: the pack holds the released one, typeset
# from its snapshot, with the released bytes
python3 - "$C/pk-in/register.xml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
i = s.index('number="DRP-05"')
j = s.index("</document>", i)
b = s[i:j].replace('version="V1.0" status="approved"', 'version="V1.1" status="approved"', 1)
k = b.rfind("</revision>") + len("</revision>")
b = b[:k] + '\n    <revision version="V1.1" date="2026-11-02" author="zheng.yu" reviewer="wu.xia" approver="liu.min" effective="2026-11-05">范围补充。</revision>' + b[k:]
open(p, "w", encoding="utf-8").write(s[:i] + b + s[j:])
PY
rm -rf "$P/z"
"$DOSSIER" pack --standard iso20000 --max-class internal -i "$C/pk-in" -o "$P/z" >/dev/null 2>"$C/p.err"; st=$?
rel_sha=$(python3 -c 'import json,sys; l=json.load(open(sys.argv[1])); print([e for e in l["released"] if e["number"]=="DRP-05"][0]["editions"][0]["pdf_sha256"])' "$C/pk-in/release.lock")
[ $st -eq 0 ] && [ -f "$P/z/documents/DRP-05_V1.0_zh-CN.pdf" ] && [ ! -f "$P/z/documents/DRP-05_V1.1_zh-CN.pdf" ] \
    && [ "$(sha_of "$P/z/documents/DRP-05_V1.0_zh-CN.pdf")" = "$rel_sha" ] && grep -q '^DRP-05,.*,V1.1,approved,.*,true,V1.0,' "$P/z/register.csv" \
    && pass "control/the current version not released: the pack holds the released V1.0, its bytes those of the release" || fail "control/the pack holds the released version" "exit $st: $(cat "$C/p.err"; ls "$P/z/documents" 2>/dev/null)"

# The facts take the source records over (the model's record nodes move
# into the facts document); DOSSIER_FACTS_COPY=1 copies them instead. Both
# give the same files, for the sample and for a build whose released
# documents are frozen at an earlier period: their facts are a second
# document, copied from records already moved, and must still hold them as
# they were released (the build passes its lock check).
F="$WORK/facts-take"; mkdir -p "$F"
"$DOSSIER" build -i input -o "$F/take" >/dev/null 2>"$F/t.err"; a=$?
DOSSIER_FACTS_COPY=1 "$DOSSIER" build -i input -o "$F/copy" >/dev/null 2>"$F/c.err"; b=$?
[ $a -eq 0 ] && [ $b -eq 0 ] && diff -r "$F/take" "$F/copy" >"$F/d1" \
    && pass "control/records moved into the facts: the sample's files are those of copied records" \
    || fail "control/records moved into the facts: the sample's files" "exit $a $b: $(cat "$F/t.err" "$F/c.err"; head -20 "$F/d1")"
cp -r input "$F/in"
for n in BC-BIA-2026 DRP-03 SM-02002; do "$DOSSIER" release "$n" -i "$F/in" --period 2026-08 >/dev/null 2>>"$F/r.err"; done
"$DOSSIER" build -i "$F/in" -o "$F/take2" --period 2026-10 >/dev/null 2>"$F/t2.err"; a=$?
DOSSIER_FACTS_COPY=1 "$DOSSIER" build -i "$F/in" -o "$F/copy2" --period 2026-10 >/dev/null 2>"$F/c2.err"; b=$?
released=$(python3 -c 'import json,sys; print(sum(1 for d in json.load(open(sys.argv[1]))["documents"] if d.get("released")))' "$F/take2/manifest.json" 2>/dev/null)
[ $a -eq 0 ] && [ $b -eq 0 ] && [ ! -s "$F/r.err" ] && [ "$released" = 5 ] && diff -r "$F/take2" "$F/copy2" >"$F/d2" \
    && pass "control/records moved into the facts: documents frozen at an earlier period build to their released bytes, as with copies" \
    || fail "control/records moved into the facts: documents frozen at an earlier period" "exit $a $b, $released released: $(cat "$F/r.err" "$F/t2.err" "$F/c2.err"; head -20 "$F/d2")"
# a report at a record moved into the facts names its file, line and
# column as at a copied one: the released plan's prose changed
sed -i '3s/$/（改动。）/' "$F/in/plans/drp-payment/background.md"
"$DOSSIER" build -i "$F/in" -o "$F/take3" --period 2026-10 >/dev/null 2>"$F/t3.err"; a=$?
DOSSIER_FACTS_COPY=1 "$DOSSIER" build -i "$F/in" -o "$F/copy3" --period 2026-10 >/dev/null 2>"$F/c3.err"; b=$?
at=$(awk '/number="DRP-03"/ { print NR ":" index($0, "version=") }' "$F/in/register.xml")
[ $a -eq 1 ] && [ $b -eq 1 ] && cmp -s "$F/t3.err" "$F/c3.err" \
    && grep -q "^$F/in/register.xml:$at: error: document 'DRP-03' V1.0 (zh-CN) was released" "$F/t3.err" \
    && pass "control/records moved into the facts: a report at one names the place a copied one did" \
    || fail "control/records moved into the facts: a report at one names its place" "exit $a $b, expected register.xml:$at: $(cat "$F/t3.err" "$F/c3.err")"

# The press: typesetting workers forked when build starts, fed the layouts
# as text. Their PDFs are those typeset in the build's own process
# (DOSSIER_PRESS=0), with one worker or two.
K="$WORK/press"; mkdir -p "$K"
DOSSIER_PRESS=0 "$DOSSIER" build -i input -o "$K/none" >/dev/null 2>"$K/n.err"; a=$?
"$DOSSIER" build -i input -o "$K/one" >/dev/null 2>"$K/o.err"; b=$?
"$DOSSIER" build -j 2 -i input -o "$K/two" >/dev/null 2>"$K/t.err"; c=$?
[ $a -eq 0 ] && [ $b -eq 0 ] && [ $c -eq 0 ] && diff -r "$K/none" "$K/one" >"$K/d1" && diff -r "$K/none" "$K/two" >>"$K/d1" \
    && pass "control/the press: the files typeset by workers (one or two) are those typeset in the build's process" \
    || fail "control/the press: the same files as without it" "exit $a $b $c: $(cat "$K/n.err" "$K/o.err" "$K/t.err"; head -20 "$K/d1")"
# the switch itself: a build names each worker as it starts (DOSSIER_TIMES);
# with DOSSIER_PRESS=0 none starts
DOSSIER_TIMES=1 "$DOSSIER" build -j 2 -i input -o "$K/w2" >/dev/null 2>"$K/w2.err"; a=$?
DOSSIER_TIMES=1 DOSSIER_PRESS=0 "$DOSSIER" build -j 2 -i input -o "$K/w0" >/dev/null 2>"$K/w0.err"; b=$?
[ $a -eq 0 ] && [ $b -eq 0 ] && [ "$(grep -c '^dossier: time press worker started' "$K/w2.err")" -eq 2 ] \
    && ! grep -q 'press worker' "$K/w0.err" && grep -q '^dossier: time typesetting' "$K/w0.err" \
    && pass "control/the press: two workers start with -j 2, none with DOSSIER_PRESS=0" \
    || fail "control/the press: DOSSIER_PRESS=0 starts no worker" "exit $a $b: $(grep -c 'press worker' "$K/w2.err") and $(grep -c 'press worker' "$K/w0.err") workers named"
# a worker that dies: a failure of the machine for its documents (exit 3),
# and nothing is written
mkdir -p "$K/dead" && echo keep >"$K/dead/keep.txt"
"$DOSSIER" build -i input -o "$K/dead" >/dev/null 2>"$K/dead.err" &
pid=$!
worker=""
for _ in $(seq 200); do
    worker=$(awk -v p="$pid" '$4 == p { print $1 }' /proc/[0-9]*/stat 2>/dev/null | head -1)
    [ -n "$worker" ] && break
    sleep 0.01
done
[ -n "$worker" ] && kill -9 "$worker"
wait $pid; st=$?
[ -n "$worker" ] && [ $st -eq 3 ] && grep -q "failed in its worker process" "$K/dead.err" \
    && [ "$(ls -A "$K/dead")" = keep.txt ] \
    && pass "control/a typesetting worker killed: exit 3 naming the documents, nothing written" \
    || fail "control/a typesetting worker killed" "worker '$worker', exit $st: $(head -5 "$K/dead.err"; ls -A "$K/dead")"
