#!/usr/bin/env python3
"""Independent re-computation of dossier's figures for the sample input.

Reads the XML sources in input/ directly (never dossier's facts, never its
code), computes availability and incident figures for 2026-08, 2026-09 and
2026-10 from the rules (src/compute/*.c headers, docs/sources.md,
../shared/DOMAIN.md), runs `dossier metrics --period P` and compares.

    python3 tests/independent/check_sample.py [path/to/dossier]

The binary is argv[1], else $DOSSIER, else ./dossier. Prints one line per
comparison ("ok   metrics/..." or "FAIL metrics/...: expected X, got Y") and
exits 1 if any comparison failed (2 if dossier could not be run).

Standard library only. Times are integer epoch seconds; durations, impacts
and percentages are Fractions, so every figure is exact until it is compared
with dossier's JSON number.
"""
import datetime as dt
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from fractions import Fraction
from zoneinfo import ZoneInfo

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INPUT = os.path.join(ROOT, "input")
DEFAULTS = os.path.join(ROOT, "schemas", "defaults.xml")
PERIODS = ["2026-08", "2026-09", "2026-10"]
NS = "{urn:dossier:1}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PERCENT_TOL = Fraction(1, 10**9)
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAY = dt.timedelta(days=1)


# ---------------------------------------------------------------- values

def parse_date(s):
    return dt.date.fromisoformat(s)


def parse_duration(s):
    """'1h30min' -> seconds."""
    units = {"w": 7 * 86400, "d": 86400, "h": 3600, "min": 60, "s": 1}
    if not re.fullmatch(r"(?:\d+(?:w|d|h|min|s))+", s):
        raise ValueError("bad duration %r" % s)
    return sum(int(n) * units[u] for n, u in re.findall(r"(\d+)(w|d|h|min|s)", s))


def parse_clock(s):
    """'08:30' -> minutes after midnight (24:00 -> 1440)."""
    h, m = s.split(":")
    return int(h) * 60 + int(m)


def parse_days(s):
    """'mon-fri', 'sat sun', 'fri-mon' -> set of weekday numbers (mon=0)."""
    out = set()
    for tok in s.split():
        if "-" in tok:
            a, b = (WEEKDAYS.index(x) for x in tok.split("-"))
            i = a
            while True:
                out.add(i)
                if i == b:
                    break
                i = (i + 1) % 7
        else:
            out.add(WEEKDAYS.index(tok))
    return out


def local_epoch(zone, d, minutes=0, seconds=0):
    """Epoch seconds of local date d plus minutes (may be 1440) in zone.
    A time that happens twice takes the first occurrence (fold=0)."""
    extra_days, minutes = divmod(minutes, 1440)
    d = d + dt.timedelta(days=extra_days)
    t = dt.datetime(d.year, d.month, d.day, minutes // 60, minutes % 60, seconds,
                    tzinfo=ZoneInfo(zone), fold=0)
    return int(t.timestamp())


TS_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$")


def parse_ts(s, zone):
    """Timestamp -> epoch seconds; without an offset it is local to zone."""
    m = TS_RE.match(s)
    if not m:
        raise ValueError("bad timestamp %r" % s)
    y, mo, d, h, mi = (int(m.group(i)) for i in range(1, 6))
    sec = int(m.group(6) or 0)
    off = m.group(7)
    if off is None:
        return local_epoch(zone, dt.date(y, mo, d), h * 60 + mi, sec)
    if off == "Z":
        tz = dt.timezone.utc
    else:
        sign = 1 if off[0] == "+" else -1
        tz = dt.timezone(sign * dt.timedelta(hours=int(off[1:3]), minutes=int(off[4:6])))
    return int(dt.datetime(y, mo, d, h, mi, sec, tzinfo=tz).timestamp())


def local_date(epoch, zone):
    return dt.datetime.fromtimestamp(epoch, ZoneInfo(zone)).date()


def month_bounds(period):
    y, m = (int(x) for x in period.split("-"))
    first = dt.date(y, m, 1)
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return first, nxt


# ---------------------------------------------------------- interval sets

def norm(ivs):
    """Sorted, merged, non-empty half-open intervals."""
    out = []
    for a, b in sorted(i for i in ivs if i[1] > i[0]):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [tuple(i) for i in out]


def subtract(ivs, cut):
    ivs, cut = norm(ivs), norm(cut)
    out = []
    for a, b in ivs:
        pieces = [(a, b)]
        for c, d in cut:
            nxt = []
            for x, y in pieces:
                if d <= x or c >= y:
                    nxt.append((x, y))
                else:
                    if c > x:
                        nxt.append((x, c))
                    if d < y:
                        nxt.append((d, y))
            pieces = nxt
        out.extend(pieces)
    return norm(out)


def intersect(ivs, other):
    out = []
    for a, b in norm(ivs):
        for c, d in norm(other):
            lo, hi = max(a, c), min(b, d)
            if hi > lo:
                out.append((lo, hi))
    return norm(out)


def total(ivs):
    return sum(b - a for a, b in norm(ivs))


# ------------------------------------------------------------ the sources

def el_children(el, name):
    return el.findall(NS + name)


def load_sources():
    roots = {}
    for dirpath, dirnames, filenames in os.walk(INPUT):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in sorted(filenames):
            if fn.startswith(".") or not fn.endswith(".xml"):
                continue
            root = ET.parse(os.path.join(dirpath, fn)).getroot()
            kind = root.tag[len(NS):] if root.tag.startswith(NS) else root.tag
            roots.setdefault(kind, []).append(root)
    return roots


class Calendar:
    """One edition of a calendar."""

    def __init__(self, el):
        self.id = el.get("id")
        self.zone = el.get("zone")
        self.effective = parse_date(el.get("effective")) if el.get("effective") else None
        self.always = el.find(NS + "always") is not None
        self.hours = {i: [] for i in range(7)}   # weekday -> [(from_min, to_min)]
        for h in el_children(el, "hours"):
            for wd in parse_days(h.get("days")):
                self.hours[wd].append((parse_clock(h.get("from")), parse_clock(h.get("to"))))
        self.holidays = []
        for h in el_children(el, "holiday"):
            a = parse_date(h.get("from"))
            self.holidays.append((a, parse_date(h.get("to")) if h.get("to") else a))
        self.workdays = {parse_date(w.get("date")): WEEKDAYS.index(w.get("as"))
                         for w in el_children(el, "workday")}

    def spans(self, d):
        """Service hours of local date d as [(from_min, to_min)]."""
        if self.always:
            return [(0, 1440)]
        if any(a <= d <= b for a, b in self.holidays):
            return []
        wd = self.workdays.get(d, d.weekday())
        return self.hours[wd]


def edition_on(editions, d):
    """The edition in force on date d: the latest effective on or before d;
    one without a date applies from the beginning. None if none applies."""
    live = [e for e in editions if e.effective is None or e.effective <= d]
    return max(live, key=lambda e: e.effective or dt.date.min) if live else None


class Sla:
    def __init__(self, el, service):
        self.id = el.get("id")
        self.effective = parse_date(el.get("effective")) if el.get("effective") else None
        self.calendar = el.get("calendar") or service.calendar
        self.target = Fraction(el.find(NS + "availability").get("target"))
        self.weekly = []    # (weekday set, from_min, to_min)
        self.oneoff = []    # (start str, end str), resolved in the calendar's zone later
        for m in el_children(el, "maintenance"):
            if m.get("days") is not None:
                self.weekly.append((parse_days(m.get("days")), parse_clock(m.get("from")),
                                    parse_clock(m.get("to"))))
            else:
                self.oneoff.append((m.get("start"), m.get("end")))


class Service:
    def __init__(self, el):
        self.id = el.get("id")
        self.grade = el.get("grade")
        self.calendar = el.get("calendar")
        self.slas = [Sla(s, self) for s in el_children(el, "sla")]


class IncidentPolicy:
    def __init__(self, el):
        self.grades = {}
        for g in el_children(el, "grade"):
            self.grades[g.get("id")] = {
                "rank": int(g.get("rank")),
                "resolve": parse_duration(g.get("resolve")) if g.get("resolve") else None,
                "report": parse_duration(g.get("report")),
            }
        self.severities = {s.get("id"): int(s.get("rank")) for s in el_children(el, "severity")}
        self.levels = {}
        for r in el_children(el, "response-level"):
            self.levels[r.get("id")] = {
                "rank": int(r.get("rank")),
                "update": parse_duration(r.get("update")) if r.get("update") else None,
            }
        self.matrix = {}
        for r in el_children(el, "response"):
            sevs = [r.get("severity")] if r.get("severity") else list(self.severities)
            for s in sevs:
                self.matrix[(r.get("grade"), s)] = r.get("level")
        self.escalations = [(e.get("grade"), parse_duration(e.get("after")), e.get("to"))
                            for e in el_children(el, "escalation")]


class PolicyEdition:
    def __init__(self, effective, incident_policy):
        self.effective = effective
        self.incident = incident_policy


def load_policies(roots):
    """Editions in date order, each with its incident policy after
    inheritance: a section given replaces the whole section; one left out
    keeps the previous edition's, the first edition's the built-in one."""
    builtin = ET.parse(DEFAULTS).getroot().find(NS + "incident-policy")
    files = roots.get("policies", [])
    files.sort(key=lambda r: (r.get("effective") is not None, r.get("effective") or ""))
    current = IncidentPolicy(builtin)
    editions = []
    for r in files:
        sec = r.find(NS + "incident-policy")
        if sec is not None:
            current = IncidentPolicy(sec)
        eff = parse_date(r.get("effective")) if r.get("effective") else None
        editions.append(PolicyEdition(eff, current))
    if not editions:
        editions.append(PolicyEdition(None, current))
    return editions


def policy_on(editions, d):
    """The edition in force on d; before the first edition, the first."""
    chosen = editions[0]
    for e in editions:
        if e.effective is None or e.effective <= d:
            chosen = e
    return chosen.incident


class Model:
    def __init__(self):
        roots = load_sources()
        self.calendars = {}
        for r in roots.get("calendars", []):
            for c in el_children(r, "calendar"):
                cal = Calendar(c)
                self.calendars.setdefault(cal.id, []).append(cal)
        self.services = {}
        self.service_order = []
        for r in roots.get("services", []):
            for s in el_children(r, "service"):
                svc = Service(s)
                self.services[svc.id] = svc
                self.service_order.append(svc.id)
        self.policies = load_policies(roots)
        self.outages = []
        for r in roots.get("outages", []):
            for o in el_children(r, "outage"):
                zone = self.zone(o.get("service"))
                self.outages.append({
                    "id": o.get("id"),
                    "service": o.get("service"),
                    "start": parse_ts(o.get("start"), zone),
                    "end": parse_ts(o.get("end"), zone) if o.get("end") else None,
                    "planned": o.get("planned") == "true",
                    "impact": Fraction(o.get("impact") or "1"),
                })
        self.incidents = []
        for r in roots.get("incidents", []):
            for i in el_children(r, "incident"):
                zone = self.zone(i.get("service"))
                reports = {rep.get("kind"): parse_ts(rep.get("at"), zone)
                           for rep in el_children(i, "report")}
                self.incidents.append({
                    "id": i.get("id"),
                    "service": i.get("service"),
                    "severity": i.get("severity").split(),
                    "detected": parse_ts(i.get("detected"), zone),
                    "resolved": parse_ts(i.get("resolved"), zone) if i.get("resolved") else None,
                    "detection_report": reports.get("detection"),
                    "escalations": sorted((parse_ts(e.get("at"), zone), e.get("to"))
                                          for e in el_children(i, "escalation")),
                    "zone": zone,
                })

    def zone(self, service_id):
        return self.calendars[self.services[service_id].calendar][0].zone


# ------------------------------------------------------------ availability

def availability(model, sid, period):
    svc = model.services[sid]
    zone = model.zone(sid)
    first, nxt = month_bounds(period)
    p0, p1 = local_epoch(zone, first), local_epoch(zone, nxt)

    def sla_on(d):
        return edition_on(svc.slas, d)

    hours, maint = [], []
    d = first - DAY          # a window of the day before may run into the period
    while d < nxt:
        sla = sla_on(d)
        cal_id = sla.calendar if sla else svc.calendar
        cal = edition_on(model.calendars[cal_id], d)
        if d >= first and cal is not None:
            for a, b in cal.spans(d):
                hours.append((local_epoch(cal.zone, d, a), local_epoch(cal.zone, d, b)))
        if sla is not None:
            szone = model.calendars[sla.calendar][0].zone
            for days, a, b in sla.weekly:
                if d.weekday() in days:
                    end = b if b > a else b + 1440
                    maint.append((local_epoch(szone, d, a), local_epoch(szone, d, end)))
            day0, day1 = local_epoch(szone, d), local_epoch(szone, d + DAY)
            for s, e in sla.oneoff:
                maint += intersect([(parse_ts(s, szone), parse_ts(e, szone))], [(day0, day1)])
        d += DAY
    hours = intersect(hours, [(p0, p1)])
    agreed = subtract(hours, maint)
    agreed_s = total(agreed)

    pieces = []   # (clipped intervals, impact)
    count = 0
    for o in model.outages:
        if o["service"] != sid or o["planned"]:
            continue
        end = o["end"] if o["end"] is not None else p1
        inside = intersect([(o["start"], end)], agreed)
        if inside:
            count += 1
            pieces.append((inside, o["impact"]))
    points = sorted({t for ivs, _ in pieces for iv in ivs for t in iv})
    down = Fraction(0)
    for a, b in zip(points, points[1:]):
        imp = [i for ivs, i in pieces if any(x <= a and b <= y for x, y in ivs)]
        if imp:
            down += (b - a) * max(imp)

    target_sla = sla_on(nxt - DAY)
    res = {
        "agreed_minutes": Fraction(agreed_s, 60),
        "downtime_minutes": down / 60,
        "outages": count,
        "target_percent": target_sla.target if target_sla else None,
    }
    if agreed_s > 0:
        pct = (agreed_s - down) / agreed_s * 100
        res["percent"] = pct
        res["met"] = (pct >= target_sla.target) if target_sla else None
    return res


# --------------------------------------------------------------- incidents

def incidents(model, period):
    first, nxt = month_bounds(period)
    out = []
    for inc in model.incidents:
        zone = inc["zone"]
        day = local_date(inc["detected"], zone)
        if not (first <= day < nxt):
            continue
        pol = policy_on(model.policies, day)
        grade = model.services[inc["service"]].grade
        g = pol.grades[grade]
        det, res = inc["detected"], inc["resolved"]
        period_end = local_epoch(zone, nxt)

        levels = [pol.matrix[(grade, s)] for s in inc["severity"]]
        response = min(levels, key=lambda lv: pol.levels[lv]["rank"])
        rrank = pol.levels[response]["rank"]

        rep = inc["detection_report"]
        report_met = rep is not None and rep <= det + g["report"]

        if g["resolve"] is None:
            within = None
        elif res is not None:
            within = res <= det + g["resolve"]
        elif det + g["resolve"] <= period_end:
            within = False          # still open and past its target at the period's end
        else:
            within = None           # still open, target not reached yet: undecided

        escal = []
        for eg, after, to in pol.escalations:
            if eg != grade or pol.levels[to]["rank"] >= rrank:
                continue            # this rule does not raise the response level
            due = det + after
            if res is not None and res <= due:
                continue            # resolved by then: not due
            made = [at for at, lv in inc["escalations"]
                    if pol.levels[lv]["rank"] <= pol.levels[to]["rank"]]
            made_at = min(made) if made else None
            escal.append({"to": to, "due": due, "made": made_at is not None,
                          "made_at": made_at,
                          "on_time": made_at is not None and made_at <= due + g["report"]})
        escal.sort(key=lambda e: e["due"])

        # progress updates: one per interval of the level in force, restarting
        # at each recorded escalation that raised the level, marks strictly
        # before the end (resolution, or the period's end if still open)
        stop = res if res is not None else period_end
        segs = []
        cur_start, cur_level = det, response
        for at, lv in inc["escalations"]:
            if at >= stop:
                break
            if pol.levels[lv]["rank"] < pol.levels[cur_level]["rank"]:
                segs.append((cur_start, at, cur_level))
                cur_start, cur_level = at, lv
        segs.append((cur_start, stop, cur_level))
        updates = 0
        for s, e, lv in segs:
            iv = pol.levels[lv]["update"]
            if iv:
                t = s + iv
                while t < e:
                    updates += 1
                    t += iv

        out.append({
            "id": inc["id"],
            "zone": zone,
            "incident_level": grade,
            "response_level": response,
            "report_deadline_met": report_met,
            "resolved_within_target": within,
            "restore_minutes": Fraction(res - det, 60) if res is not None else None,
            "escalations": escal,
            "updates_due": updates,
        })
    return out


def summaries(items):
    groups = {}
    for it in items:
        groups.setdefault(it["incident_level"], []).append(it)
    groups[None] = list(items)
    out = {}
    for lv, its in groups.items():
        rest = [it["restore_minutes"] for it in its if it["restore_minutes"] is not None]
        out[lv] = {
            "count": len(its),
            "reported_on_time": sum(1 for it in its if it["report_deadline_met"]),
            "resolved_within_target": sum(1 for it in its if it["resolved_within_target"] is True),
            "restore_mean_minutes": sum(rest, Fraction(0)) / len(rest) if rest else None,
        }
    return out


# -------------------------------------------------------------- comparing

FAILURES = 0


def show(v):
    if isinstance(v, Fraction):
        return str(v.numerator) if v.denominator == 1 else repr(float(v))
    return json.dumps(v)


def same(exp, got, tol=None):
    if exp is None or got is None:
        return exp is None and got is None
    if isinstance(exp, bool) or isinstance(got, bool):
        return isinstance(exp, bool) and isinstance(got, bool) and exp == got
    if isinstance(exp, (int, Fraction)):
        if not isinstance(got, (int, float)):
            return False
        if tol is not None:
            return abs(Fraction(got) - Fraction(exp)) <= tol
        # exact: an integer must be that integer; otherwise dossier's double
        # must be the double nearest to the exact value
        exp = Fraction(exp)
        if exp.denominator == 1:
            return got == exp.numerator
        return got == float(exp)
    return exp == got


def compare(what, exp, got, tol=None):
    global FAILURES
    if same(exp, got, tol):
        print("ok   metrics/%s" % what)
    else:
        FAILURES += 1
        print("FAIL metrics/%s: expected %s, got %s" % (what, show(exp), show(got)))


def iso_in(value, zone):
    """An epoch, or dossier's ISO timestamp, as an ISO timestamp in zone."""
    if value is None:
        return None
    if isinstance(value, str):
        value = int(dt.datetime.fromisoformat(value).timestamp())
    return dt.datetime.fromtimestamp(value, ZoneInfo(zone)).isoformat()


def run_dossier(binary, period):
    env = dict(os.environ, DOSSIER_DATA=ROOT)
    try:
        p = subprocess.run([binary, "metrics", "--period", period], cwd=ROOT, env=env,
                           capture_output=True, text=True)
    except OSError as e:
        sys.stderr.write("cannot run %s: %s\n" % (binary, e))
        sys.exit(2)
    if p.returncode != 0:
        sys.stderr.write("dossier metrics --period %s: exit %d\n%s" % (period, p.returncode, p.stderr))
        sys.exit(2)
    return json.loads(p.stdout)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("DOSSIER", "./dossier")
    binary = os.path.abspath(binary)
    model = Model()
    for period in PERIODS:
        data = run_dossier(binary, period)

        # 1 availability of every service
        got_svcs = {s["id"]: s for s in data["services"]}
        for sid in model.service_order:
            base = "availability/%s/%s" % (period, sid)
            if sid not in got_svcs:
                compare(base + "/present", True, False)
                continue
            exp = availability(model, sid, period)
            got = got_svcs[sid].get("availability") or {}
            compare(base + "/month", period, got.get("month"))
            for k in ("agreed_minutes", "downtime_minutes", "outages", "target_percent", "met"):
                compare(base + "/" + k, exp.get(k), got.get(k))
            compare(base + "/percent", exp.get("percent"), got.get("percent"), PERCENT_TOL)

        # 2 incidents of the month
        exp_items = incidents(model, period)
        got_items = {it["id"]: it for it in data["incidents"]["items"]}
        compare("incidents/%s/ids" % period, " ".join(sorted(i["id"] for i in exp_items)),
                " ".join(sorted(got_items)))
        for exp in exp_items:
            base = "incidents/%s/%s" % (period, exp["id"])
            got = got_items.get(exp["id"])
            if got is None:
                continue
            for k in ("incident_level", "response_level", "report_deadline_met",
                      "resolved_within_target", "restore_minutes", "updates_due"):
                compare(base + "/" + k, exp[k], got.get(k))
            zone = exp["zone"]
            ge = sorted(got.get("escalations") or [],
                        key=lambda e: dt.datetime.fromisoformat(e["due"]).timestamp())
            compare(base + "/escalations/count", len(exp["escalations"]), len(ge))
            for e, g in zip(exp["escalations"], ge):
                eb = "%s/escalations/to-%s" % (base, e["to"])
                compare(eb + "/to", e["to"], g.get("to"))
                compare(eb + "/due", iso_in(e["due"], zone), iso_in(g.get("due"), zone))
                compare(eb + "/made", e["made"], g.get("made"))
                compare(eb + "/made_at", iso_in(e["made_at"], zone), iso_in(g.get("made_at"), zone))
                compare(eb + "/on_time", e["on_time"], g.get("on_time"))

        # 3 per-level and total summaries
        exp_sum = summaries(exp_items)
        got_sum = {l["level"]: l for l in data["incidents"]["levels"]}
        got_sum[None] = data["incidents"]["total"]
        for lv in sorted(set(exp_sum) | {k for k, v in got_sum.items() if v.get("count")},
                         key=lambda x: (x is None, str(x))):
            name = "total" if lv is None else "level-" + lv
            base = "incidents/%s/%s" % (period, name)
            e = exp_sum.get(lv, {"count": 0, "reported_on_time": 0,
                                 "resolved_within_target": 0, "restore_mean_minutes": None})
            g = got_sum.get(lv, {})
            for k in ("count", "reported_on_time", "resolved_within_target"):
                compare(base + "/" + k, e[k], g.get(k))
            compare(base + "/restore_mean_minutes", e["restore_mean_minutes"],
                    g.get("restore_mean_minutes"), PERCENT_TOL)

        # 4 the quarters: the period's and the four before it, each rolled
        # up from its months with records (agreed time and downtime summed,
        # incidents counted over the months)
        for q in data.get("quarters") or []:
            qbase = "quarters/%s/%s" % (period, q["id"])
            y, n = int(q["id"][:4]), int(q["id"][-1])
            months = ["%04d-%02d" % (y, (n - 1) * 3 + k) for k in (1, 2, 3)]
            counted = [mo for mo in months if data["first_month"] <= mo <= period]
            compare(qbase + "/months", len(counted), q.get("months"))
            if not counted:
                continue
            got_q = {s["id"]: s["availability"] for s in q.get("services", [])}
            for sid in model.service_order:
                parts = [availability(model, sid, mo) for mo in counted]
                agreed = sum((p["agreed_minutes"] for p in parts), Fraction(0))
                down = sum((p["downtime_minutes"] for p in parts), Fraction(0))
                g = got_q.get(sid, {})
                compare("%s/%s/agreed_minutes" % (qbase, sid), agreed, g.get("agreed_minutes"))
                compare("%s/%s/downtime_minutes" % (qbase, sid), down, g.get("downtime_minutes"))
                if agreed > 0:
                    compare("%s/%s/percent" % (qbase, sid), (agreed - down) / agreed * 100,
                            g.get("percent"), PERCENT_TOL)
                    target = parts[-1]["target_percent"]
                    compare("%s/%s/met" % (qbase, sid),
                            None if target is None else (agreed - down) / agreed * 100 >= target, g.get("met"))
            items = [it for mo in counted for it in incidents(model, mo)]
            e = summaries(items).get(None, {"count": 0, "reported_on_time": 0, "resolved_within_target": 0})
            t = q.get("incidents_total", {})
            for k in ("count", "reported_on_time", "resolved_within_target"):
                compare("%s/incidents/%s" % (qbase, k), e[k], t.get(k))

    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
