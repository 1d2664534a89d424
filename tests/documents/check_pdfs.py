#!/usr/bin/env python3
"""Check the PDFs `dossier build` wrote for the sample, with real readers
(pdfinfo, pdftotext, pdffonts, qpdf), against the register, the label
catalogues and metrics.json:

  - every document of the register is there, in each language it asks for
    (and in English for the documents given with --english, built apart);
  - its metadata title is the register's title in that language;
  - every page carries the document number and version;
  - every font is embedded; qpdf --check passes;
  - the headings each kind must have (label keys below) are in its outline;
  - Chinese extracts as Chinese (the title and organisation read back, no
    replacement characters); English editions read back in English;
  - the monthly report's availability table shows, for every service, the
    percentage, downtime and outages of metrics.json; its incident totals
    equal metrics.json's.

Usage: check_pdfs.py DATADIR INPUTDIR OUTDIR [NUMBER...]
(DATADIR holds templates/labels; OUTDIR/en the English editions of NUMBER...)

Prints one "ok   documents/..." or "FAIL documents/..." line per check.
"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

D = "{urn:dossier:1}"
FAILS = 0

# headings each kind must have: label keys of its catalogue (or common)
REQUIRED = {
    "process-manual": ["section.overview", "section.objective", "section.scope", "section.roles", "section.io",
                       "section.inputs", "section.outputs", "section.process-description", "section.process",
                       "section.drill-process", "section.kpis", "section.quality", "section.interfaces",
                       "section.terms", "section.provisions"],
    "bia-report": ["summary", "method", "bia", "requirements", "recovery", "risk", "findings", "sources"],
    "continuity-plan": ["approval", "intro", "conops", "activation", "recovery", "invoked", "reconstitution",
                        "maintenance"],
    "drill-plan": ["overview", "object-scope", "objectives", "method-scenario", "participants", "schedule", "steps",
                   "resources", "drill-risks", "records", "criteria", "sources"],
    "drill-report": ["overview", "object-scope", "objectives-method", "participants", "conduct", "recovery",
                     "findings", "actions", "lessons", "plan-update", "sources"],
    "monthly-service-report": ["summary", "availability", "incidents", "incidents.by-level", "incidents.major",
                               "changes", "continuity", "workload", "satisfaction", "nonconformities",
                               "actions", "kpis", "sources", "trends"],
    "quarterly-service-report": ["summary", "availability", "incidents", "changes", "satisfaction", "suppliers",
                                 "capacity", "continuity", "risks", "trends", "nonconformities", "actions",
                                 "sources"],
    "drill-work-report": ["summary", "programme", "results", "actions", "plans", "findings.title", "kpis", "sources"],
}
# a document no longer in force keeps only its own text (process-manual.xsl)
REQUIRED_SUPERSEDED = {"process-manual": ["section.overview", "section.objective", "section.scope",
                                          "section.process-description", "section.drill-process"]}
FRAME = ["revision-history", "distribution", "contents"]


def ok(name, cond, detail=""):
    global FAILS
    if cond:
        print("ok   documents/" + name)
    else:
        FAILS += 1
        print("FAIL documents/" + name)
        if detail:
            for line in str(detail)[:1500].splitlines():
                print("     " + line)


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


def labels(root, kind, lang):
    out = {}
    for name in ("%s.xml" % lang, "%s.%s.xml" % (kind, lang)):
        p = os.path.join(root, "templates", "labels", name)
        if os.path.exists(p):
            for l in ET.parse(p).getroot().iter("label"):
                out[l.get("key")] = "".join(l.itertext())
    return out


def text_of(el, lang):
    """The element's text in lang: xml:lang="en" for English, none for Chinese."""
    xl = "{http://www.w3.org/XML/1998/namespace}lang"
    for e in el:
        if (e.get(xl) == "en") == (lang == "en"):
            return " ".join("".join(e.itertext()).split())
    return " ".join("".join(el[0].itertext()).split()) if el else ""


def outline_titles(pdf):
    p = run("qpdf", "--json", "--json-key=outlines", pdf)
    titles = []

    def walk(o):
        for x in o:
            titles.append(x["title"])
            walk(x.get("kids", []))
    try:
        walk(json.loads(p.stdout)["outlines"])
    except (ValueError, KeyError):
        pass
    return titles


def page_texts(pdf, pages):
    out = []
    for i in range(1, pages + 1):
        out.append(run("pdftotext", "-f", str(i), "-l", str(i), "-layout", pdf, "-").stdout)
    return out


def file_name(doc, period, lang):
    number, kind, version = doc.get("number"), doc.get("kind"), doc.get("version")
    y, m = int(period[:4]), int(period[5:7])
    name = number
    if kind == "quarterly-service-report":
        name += "_%04d-Q%d" % (y, (m - 1) // 3 + 1)
    elif kind in ("monthly-service-report", "drill-work-report"):
        name += "_%04d-%02d" % (y, m)
    return "%s_%s_%s.pdf" % (name, version.replace("/", "-"), lang)


def check_monthly(pdf, texts, metrics, lang, org_names):
    base = "%s/" % os.path.basename(pdf)
    services = [s for s in metrics["services"] if s["availability"].get("sla")]
    flat = "\n".join(texts)
    # the availability table: from its caption to the note after it; the
    # percentages with three decimals, in table order
    pcts = re.findall(r"(\d{1,3}\.\d{3})%", flat)
    expected = ["%.3f" % s["availability"]["percent"] for s in services if s["availability"]["percent"] is not None]
    ok(base + "availability of every service equals metrics.json (%d services)" % len(expected),
       pcts[:len(expected)] == expected, "expected %s\ngot      %s" % (expected, pcts[:len(expected)]))
    if lang == "zh-CN":
        # one line per service: its name, then target, actual, status, agreed, downtime, outages
        bad = []
        for s in services:
            a = s["availability"]
            line = next((l for l in flat.splitlines() if l.strip().startswith(s["name"] + " ")), None)
            if line is None:
                bad.append("%s: no row" % s["id"])
                continue
            nums = re.findall(r"[\d,]+(?:\.\d+)?", line[len(s["name"]) + 1:])
            down = ("%.1f" % a["downtime_minutes"]).rstrip("0").rstrip(".")
            want = ["%.3f" % a["percent"], "{:,}".format(int(a["agreed_minutes"])), down, str(a["outages"])]
            got = [n for n in nums]
            if not all(w in got for w in want):
                bad.append("%s: want %s in %s" % (s["id"], want, got))
        ok(base + "each service's row shows its percent, agreed minutes, downtime and outages", not bad, "\n".join(bad))
    tot = metrics["incidents"]["total"]
    want = "%d/%d" % (tot["reported_on_time"], tot["count"])
    ok(base + "incidents reported on time %s as in metrics.json" % want, want in flat.replace(" ", ""))
    want = "%d/%d" % (tot["resolved_within_target"], tot["with_target"])
    ok(base + "incidents resolved within target %s as in metrics.json" % want, want in flat.replace(" ", ""))


def main():
    root, inp, out = sys.argv[1], sys.argv[2], sys.argv[3]
    english = sys.argv[4:]
    metrics = json.load(open(os.path.join(out, "metrics.json")))
    period = metrics["period"]
    reg = ET.parse(os.path.join(inp, "register.xml")).getroot()
    org = ET.parse(os.path.join(inp, "organisation.xml")).getroot()
    org_names = {l: text_of(org.findall(D + "name"), l) for l in ("zh-CN", "en")}
    expected = set()
    for doc in reg.iter(D + "document"):
        langs = doc.get("lang").split()
        for lang in langs + (["en"] if doc.get("number") in english and "en" not in langs else []):
            where = out if lang in langs else os.path.join(out, "en")
            name = file_name(doc, period, lang)
            expected.add(name)
            pdf = os.path.join(where, name)
            base = name + "/"
            if not os.path.exists(pdf):
                ok(base + "written", False, "no %s" % pdf)
                continue
            info = run("pdfinfo", pdf).stdout
            pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
            title = text_of(doc.findall(D + "title"), lang)
            ok(base + "title in the metadata", re.search(r"Title:\s+(.*)", info).group(1).strip() == title,
               info)
            texts = page_texts(pdf, pages)
            number, version = doc.get("number"), doc.get("version")
            missing = [i + 1 for i, t in enumerate(texts) if number not in t or version not in t]
            ok(base + "number and version on all %d pages" % pages, not missing, "pages without: %s" % missing)
            fonts = run("pdffonts", pdf).stdout.splitlines()[2:]
            ok(base + "every font embedded", fonts and all(f.split()[-5] == "yes" for f in fonts), "\n".join(fonts))
            chk = run("qpdf", "--check", pdf)
            ok(base + "qpdf --check", chk.returncode == 0, chk.stdout[-500:] + chk.stderr[-500:])
            flat = "".join(texts)
            ok(base + "the title reads back", "".join(title.split()) in "".join(flat.split()))
            ok(base + "no replacement or unmapped characters", "\ufffd" not in flat and not re.search("[\ue000-\uf8ff]", flat))
            if lang == "zh-CN":
                ok(base + "Chinese reads back (the organisation's name)", org_names["zh-CN"] in flat.replace(" ", ""))
            else:
                ok(base + "English reads back (the organisation's name)", org_names["en"] in " ".join(flat.split()))
            lab = labels(root, doc.get("kind"), lang)
            titles = " | ".join(outline_titles(pdf))
            req = REQUIRED.get(doc.get("kind"), [])
            if doc.get("status") in ("superseded", "withdrawn"):
                req = REQUIRED_SUPERSEDED.get(doc.get("kind"), req)
            heads = [lab[k] for k in req]
            miss = [h for h in heads if h not in titles]
            ok(base + "the %d required section headings are in the outline" % len(heads), not miss,
               "missing %s\noutline: %s" % (miss, titles))
            frame = [lab[k] for k in FRAME]
            miss = [h for h in frame if h.replace(" ", "") not in flat.replace(" ", "")]
            ok(base + "revision history, distribution and contents present", not miss, "missing %s" % miss)
            if doc.get("kind") == "monthly-service-report":
                check_monthly(pdf, texts, metrics, lang, org_names)
    got = {f for f in os.listdir(out) if f.endswith(".pdf")}
    main_set = {f for f in expected if os.path.exists(os.path.join(out, f))}
    ok("no PDF that the register does not ask for", got <= expected, sorted(got - expected))
    sys.exit(1 if FAILS else 0)


if __name__ == "__main__":
    main()
