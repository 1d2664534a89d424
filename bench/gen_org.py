#!/usr/bin/env python3
"""Generate a synthetic but valid dossier input tree, for benchmarks.

    python3 bench/gen_org.py --services N --out DIR [--scale K] [--seed S]

Writes, under DIR, an organisation shaped like the sample in input/:

  organisation.xml   departments, people, the four roles the built-in incident
                     policy names, engineering roles, suppliers
  calendars.xml      24x7, business (2025 edition and a 2026 edition with the
                     2026 holidays and working-day swaps), port-hours
  services.xml       N services in five layers (facility, network,
                     database/platform, transmission/platform, application);
                     each depends on 0-3 services of lower layers (a DAG);
                     structures of components and k-of-n groups; SLAs with
                     targets, Sunday maintenance windows, some workload limits
  functions.xml      about N/10 business functions, each needing 1-5 services
  risks.xml          about N/5 risks, with assets
  plans/drp-NNNN.xml one plan per 20 services (1-3 steps per service), each
                     with a Markdown file in plans/drp-NNNN/
  records/YYYY-MM/   12 months 2025-11 .. 2026-10: incidents.xml, outages.xml,
                     changes.xml, workload.xml, satisfaction.xml
  records/kpis.xml   about 20 KPIs with 12 monthly values
  register.xml       a few controlled documents (Markdown in docs/)

Record counts over the 12 months: incidents 20*N*K, outages 100*N*K,
changes 5*N*K (K = --scale, default 1). No policies file is written: the
built-in defaults apply. Everything is derived from a fixed seed, so the
same arguments always give byte-identical files. Standard library only.
"""

import argparse
import datetime as dt
import os
import random
import sys
from xml.sax.saxutils import escape

NS = "urn:dossier:1"
MONTHS = [(2025, 11), (2025, 12)] + [(2026, m) for m in range(1, 11)]
ONE_MIN = dt.timedelta(minutes=1)

# Built-in policy values (schemas/defaults.xml).
GRADES = ["1", "2", "3", "ungraded"]
FACILITY_GRADES = ["1", "2"]
SEVERITIES = ["severe", "moderate", "minor"]
CATEGORIES = ["financial", "operational", "legal", "reputation"]
N_TIME_POINTS = 6  # 1h 4h 8h 24h 72h 1w
REPORT_DEADLINE = {"1": 5, "2": 5, "3": 10, "ungraded": 10}  # minutes
RESOLVE_TARGET = {"1": 120, "2": 240, "3": 480, "ungraded": None}

KINDS_BY_LAYER = [
    ["facility"],
    ["network"],
    ["database", "database", "platform"],
    ["transmission", "platform"],
    ["application"],
]
LAYER_SHARE = [0.05, 0.10, 0.25, 0.20, 0.40]
KIND_ZH = {
    "facility": "机房设施", "network": "网络", "database": "数据库",
    "platform": "平台", "transmission": "数据传输", "application": "应用系统",
}
KIND_EN = {
    "facility": "Facility", "network": "Network", "database": "Database",
    "platform": "Platform", "transmission": "Transmission", "application": "Application",
}
KIND_PREFIX = {
    "facility": "fac", "network": "net", "database": "db",
    "platform": "plat", "transmission": "tx", "application": "app",
}

SURNAMES = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"),
            ("杨", "Yang"), ("赵", "Zhao"), ("黄", "Huang"), ("周", "Zhou"), ("吴", "Wu"),
            ("徐", "Xu"), ("孙", "Sun"), ("胡", "Hu"), ("朱", "Zhu"), ("高", "Gao"),
            ("林", "Lin"), ("何", "He"), ("郭", "Guo"), ("马", "Ma"), ("罗", "Luo")]
GIVEN = [("伟", "Wei"), ("芳", "Fang"), ("敏", "Min"), ("静", "Jing"), ("磊", "Lei"),
         ("洋", "Yang"), ("勇", "Yong"), ("艳", "Yan"), ("杰", "Jie"), ("涛", "Tao"),
         ("明", "Ming"), ("超", "Chao"), ("霞", "Xia"), ("平", "Ping"), ("刚", "Gang"),
         ("宇", "Yu"), ("浩", "Hao"), ("峰", "Feng"), ("帆", "Fan"), ("婷", "Ting")]


def x(s):
    """Escape text or an attribute value (double-quoted)."""
    return escape(str(s), {'"': "&quot;"})


def names(zh, en, tag="name"):
    return f"<{tag}>{x(zh)}</{tag}><{tag} xml:lang=\"en\">{x(en)}</{tag}>"


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M")


def month_start(y, m):
    return dt.datetime(y, m, 1)


def month_end(y, m):
    return dt.datetime(y + (m == 12), m % 12 + 1, 1)


def split_counts(total, parts):
    base, rem = divmod(total, parts)
    return [base + (1 if i < rem else 0) for i in range(parts)]


class Writer:
    def __init__(self, out):
        self.out = out
        self.files = 0
        self.bytes = 0

    def write(self, rel, text):
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode("utf-8")
        if len(data) >= 64 * 1024 * 1024:
            sys.exit(f"gen_org: {rel} would be {len(data)} bytes, over the 64 MiB limit")
        with open(path, "wb") as f:
            f.write(data)
        self.files += 1
        self.bytes += len(data)

    def xml(self, rel, root, body, attrs=""):
        self.write(rel, f'<?xml version="1.0" encoding="UTF-8"?>\n'
                        f'<{root} xmlns="{NS}"{attrs}>\n' + "".join(body) + f"</{root}>\n")


# --------------------------------------------------------------------------
# organisation

def gen_organisation(w, rnd, n):
    depts = [("dc", None, "数据中心", "Data Centre"),
             ("leadership", "dc", "中心领导班子", "Centre Leadership"),
             ("ops", "dc", "运行维护部", "Operations Department"),
             ("svc", "dc", "服务管理部", "Service Management Department"),
             ("biz", "dc", "业务协调部", "Business Coordination Department")]
    n_ops = max(2, n // 100)
    n_biz = max(2, n // 200)
    for i in range(1, n_ops + 1):
        depts.append((f"ops-{i:02d}", "ops", f"运维{i}科", f"Operations Section {i}"))
    for i in range(1, n_biz + 1):
        depts.append((f"biz-{i:02d}", "biz", f"业务{i}处", f"Business Unit {i}"))
    ops_depts = [d[0] for d in depts if d[0].startswith("ops-")]
    biz_depts = [d[0] for d in depts if d[0].startswith("biz-")]

    n_people = max(12, 10 + n // 5)
    people = []  # (id, dept)
    for i in range(n_people):
        sn = SURNAMES[i % len(SURNAMES)]
        gv = GIVEN[(i // len(SURNAMES)) % len(GIVEN)]
        pid = f"{sn[1].lower()}.{gv[1].lower()}.{i:04d}"
        if i < 3:
            dept = "leadership"
        elif i < 6:
            dept = "svc"
        elif i % 3 == 0:
            dept = biz_depts[i % len(biz_depts)]
        else:
            dept = ops_depts[i % len(ops_depts)]
        people.append((pid, dept, sn[0] + gv[0], f"{sn[1]} {gv[1]}"))
    pids = [p[0] for p in people]
    ops_people = [p[0] for p in people if p[1].startswith("ops-")]
    biz_people = [p[0] for p in people if p[1].startswith("biz-")]
    svc_people = [p[0] for p in people if p[1] == "svc"]
    lead = [p[0] for p in people if p[1] == "leadership"]

    body = [names("华东合成数据中心", "East China Synthetic Data Centre"), "\n",
            names("合成数据中心", "Synthetic DC", "short-name"), "\n",
            "<address>上海市浦东新区合成路 1 号</address>"
            "<address xml:lang=\"en\">1 Synthetic Road, Pudong, Shanghai</address>\n",
            '<management-system id="ITSMS" standard="iso20000">'
            + names("信息技术服务管理体系", "IT Service Management System") + "</management-system>\n",
            '<management-system id="BCMS" standard="iso22301">'
            + names("业务连续性管理体系", "Business Continuity Management System") + "</management-system>\n"]
    for did, parent, zh, en in depts:
        pa = f' parent="{parent}"' if parent else ""
        body.append(f'<department id="{did}"{pa}>{names(zh, en)}</department>\n')
    for i, (pid, dept, zh, en) in enumerate(people):
        contacts = ""
        if i % 4 == 0:
            contacts += f'<contact kind="office-phone" class="internal">021-5080 {1000 + i}</contact>'
        if i % 5 == 0:
            contacts += f'<contact kind="email" class="internal">{pid}@dc.example.cn</contact>'
        if i % 7 == 0:
            contacts += f'<contact kind="mobile" class="confidential">139 {i:04d} {(i * 7919) % 10000:04d}</contact>'
        body.append(f'<person id="{pid}" department="{dept}">{names(zh, en)}{contacts}</person>\n')

    roles = [
        ("emergency-leadership-group", "应急领导小组", "Emergency Leadership Group", [lead[0], lead[1]]),
        ("dc-ops-leader", "分管运维的中心领导", "Centre Leader for Operations", [lead[1]]),
        ("ops-dept-leader", "运行维护部领导", "Operations Department Leader", [ops_people[0]]),
        ("ops-section-leader", "运维科室负责人", "Operations Section Leader", ops_people[1:3]),
        ("continuity-manager", "连续性经理", "Continuity Manager", [svc_people[0]]),
        ("dba", "数据库管理员", "Database Administrator", ops_people[3:6]),
        ("app-engineer", "应用系统工程师", "Application Engineer", ops_people[6:10] or ops_people[:1]),
        ("net-engineer", "网络工程师", "Network Engineer", ops_people[10:12] or ops_people[:1]),
        ("facility-engineer", "机房设施工程师", "Facility Engineer", ops_people[12:14] or ops_people[1:2]),
    ]
    for rid, zh, en, members in roles:
        ms = "".join(f'<member person="{m}"' + (' deputy="true"' if j else "") + "/>"
                     for j, m in enumerate(dict.fromkeys(members)))
        body.append(f'<role id="{rid}">{names(zh, en)}<responsibility>{x(zh)}职责</responsibility>{ms}</role>\n')

    suppliers = []
    for i in range(1, max(3, n // 100) + 1):
        sid = f"sup-{i:03d}"
        suppliers.append(sid)
        body.append(f'<supplier id="{sid}">{names(f"供应商 {i}", f"Supplier {i}")}'
                    f'<provides>维保服务</provides><contract ref="HT-2026-{i:03d}" expires="2027-12-31" response="2h"/>'
                    f'<contact kind="office-phone" class="internal">400-800-{i:04d}</contact></supplier>\n')
    w.xml("organisation.xml", "organisation", body, ' id="synthetic-dc" zone="Asia/Shanghai"')
    return {
        "people": pids, "ops": ops_people, "biz": biz_people, "svc": svc_people,
        "lead": lead, "biz_depts": biz_depts, "suppliers": suppliers,
        "eng_roles": ["dba", "app-engineer", "net-engineer", "facility-engineer"],
    }


# --------------------------------------------------------------------------
# calendars

def gen_calendars(w):
    body = ['<calendar id="24x7" zone="Asia/Shanghai">' + names("7×24 小时", "7x24") + "<always/></calendar>\n",
            '<calendar id="business" zone="Asia/Shanghai">' + names("工作日服务时间", "Business hours")
            + '<hours days="mon-fri" from="08:30" to="17:30"/>'
            + '<holiday from="2025-10-01" to="2025-10-08">国庆节、中秋节</holiday></calendar>\n',
            '<calendar id="business" zone="Asia/Shanghai" effective="2026-01-01">'
            + names("工作日服务时间", "Business hours")
            + '<hours days="mon-fri" from="08:00" to="12:00"/><hours days="mon-fri" from="13:00" to="18:00"/>\n']
    for a, b, t in [("2026-01-01", "2026-01-03", "元旦"), ("2026-02-15", "2026-02-23", "春节"),
                    ("2026-04-04", "2026-04-06", "清明节"), ("2026-05-01", "2026-05-05", "劳动节"),
                    ("2026-06-19", "2026-06-21", "端午节"), ("2026-09-25", "2026-09-27", "中秋节"),
                    ("2026-10-01", "2026-10-07", "国庆节")]:
        body.append(f'<holiday from="{a}" to="{b}">{t}</holiday>\n')
    for d, t in [("2026-01-04", "元旦调休"), ("2026-02-14", "春节调休"), ("2026-02-28", "春节调休"),
                 ("2026-05-09", "劳动节调休"), ("2026-09-20", "国庆节调休"), ("2026-10-10", "国庆节调休")]:
        body.append(f'<workday date="{d}" as="mon">{t}</workday>\n')
    body.append("</calendar>\n")
    body.append('<calendar id="port-hours" zone="Asia/Shanghai">' + names("口岸作业时间", "Port operating hours")
                + '<hours days="mon-sun" from="06:00" to="24:00"/></calendar>\n')
    w.xml("calendars.xml", "calendars", body)


# --------------------------------------------------------------------------
# services

def gen_services(w, rnd, n, org):
    # Layer sizes, every layer at least one service (when n allows).
    sizes = [max(1, int(round(n * s))) for s in LAYER_SHARE]
    while sum(sizes) > n:
        sizes[sizes.index(max(sizes))] -= 1
    sizes[-1] += n - sum(sizes)
    services = []  # dicts
    idx = 0
    for layer, size in enumerate(sizes):
        for _ in range(size):
            idx += 1
            kind = rnd.choice(KINDS_BY_LAYER[layer])
            services.append({"i": idx, "id": f"{KIND_PREFIX[kind]}-{idx:05d}", "kind": kind, "layer": layer})
    by_layer = [[s for s in services if s["layer"] == l] for l in range(5)]

    body = []
    for s in services:
        kind, layer = s["kind"], s["layer"]
        lower = [t for l in range(layer) for t in by_layer[l]]
        deps = []
        if lower:
            k = rnd.choice([1, 1, 2, 2, 3]) if layer > 0 else 0
            # Prefer the layer just below, sometimes reach further down.
            near = by_layer[layer - 1]
            for _ in range(k):
                pool = near if rnd.random() < 0.7 else lower
                d = rnd.choice(pool)
                if d not in deps:
                    deps.append(d)
        s["deps"] = [d["id"] for d in deps]
        grade = rnd.choice(FACILITY_GRADES) if kind == "facility" else \
            rnd.choices(GRADES, weights=[2, 3, 4, 1])[0]
        s["grade"] = grade
        cal = "24x7" if layer < 3 else rnd.choices(["24x7", "business", "port-hours"], weights=[6, 3, 1])[0]
        s["calendar"] = cal
        owner = rnd.choice(org["ops"])
        rto = {"1": "1h", "2": "4h", "3": "24h", "ungraded": "72h"}[grade]
        attrs = f' id="{s["id"]}" kind="{kind}" grade="{grade}" owner="{owner}" calendar="{cal}" rto="{rto}"'
        holds_data = kind in ("application", "database", "transmission")
        if holds_data:
            attrs += ' rpo="%s"' % {"1": "15min", "2": "1h", "3": "4h", "ungraded": "24h"}[grade]
        if rnd.random() < 0.3:
            attrs += f' supplier="{rnd.choice(org["suppliers"])}"'
        db_deps = [d["id"] for d in deps if d["kind"] == "database"]
        if kind == "application" and db_deps:
            attrs += f' data-in="{db_deps[0]}"'
        num = f"{s['i']:05d}"
        parts = [f"<service{attrs}>", names(f"{KIND_ZH[kind]} {num}", f"{KIND_EN[kind]} {num}")]
        if s["i"] % 4 == 0:
            parts.append(f"<description>合成{KIND_ZH[kind]},第 {layer} 层。</description>")
        parts += [f'<depends-on service="{d}"/>' for d in s["deps"]]
        # structure: one or two components in series and a k-of-n group
        st = []
        if rnd.random() < 0.7:
            st.append(f'<component id="c1" availability="{rnd.choice(["99.9", "99.95", "99.99", "99.5"])}">'
                      + names("主组件", "Main component") + "</component>")
        gn = rnd.choice([2, 2, 3])
        gk = rnd.randint(1, gn - 1)
        comps = "".join(f'<component id="n{j}" availability="{rnd.choice(["99.5", "99.6", "99.8", "99.9"])}">'
                        + names(f"节点 {j}", f"Node {j}") + "</component>" for j in range(1, gn + 1))
        st.append(f'<group id="g1" k="{gk}">{names("冗余组", "Redundant group")}{comps}</group>')
        parts.append("<structure>" + "".join(st) + "</structure>")
        if holds_data and not (kind == "application" and db_deps):
            parts.append(rnd.choice([
                '<data-protection method="replication" interval="1min" lag="1min" target="灾备机房"/>',
                '<data-protection method="backup" interval="1d" lag="2h" target="磁带库"/>',
                '<data-protection method="snapshot" interval="4h"/>',
                '<data-protection method="journal" interval="5min"/>']))
        # SLAs: a 2025 edition for all, a 2026-07 edition for some
        target = {"1": "99.95", "2": "99.9", "3": "99.5", "ungraded": "99"}[grade]
        wl = rnd.random() < 0.2
        s["workload"] = wl
        sla_editions = [("2025", "2025-01-01")] + ([("2026", "2026-07-01")] if rnd.random() < 0.3 else [])
        for tag, eff in sla_editions:
            sla = [f'<sla id="SLA-{s["id"]}-{tag}" effective="{eff}">']
            if s["i"] % 3 == 0:
                sla.append("<customer>业务部门</customer>")
            sla.append(f'<availability target="{target}"/>')
            sla.append('<maintenance days="sun" from="02:00" to="04:00">每周日凌晨维护窗口</maintenance>')
            if wl:
                sla.append(f'<workload metric="transactions" max="{rnd.choice([100000, 250000, 500000])}" unit="笔/日">'
                           + names("日交易量", "Transactions per day") + "</workload>")
            if grade in ("1", "2"):
                sla.append('<incident-targets reported-on-time="95" resolved-in-time="90"/>')
            sla.append("</sla>")
            parts += sla
        parts.append("</service>\n")
        body.append("".join(parts))
    w.xml("services.xml", "services", body)
    return services


# --------------------------------------------------------------------------
# business functions, risks

def gen_functions(w, rnd, n, org, services):
    nf = max(1, n // 10)
    upper = [s["id"] for s in services if s["layer"] >= 3] or [s["id"] for s in services]
    body = []
    for i in range(1, nf + 1):
        fid = f"BF-{i:04d}"
        attrs = f' id="{fid}" department="{rnd.choice(org["biz_depts"])}" owner="{rnd.choice(org["biz"])}"'
        if i % 5 == 0:
            attrs += ' rpo="15min"'
        parts = [f"<function{attrs}>", names(f"业务功能 {i}", f"Business function {i}")]
        start = rnd.randint(1, 3)
        for c, cat in enumerate(CATEGORIES):
            v, vals = start if c == 0 else rnd.randint(1, 3), []
            for p in range(N_TIME_POINTS):
                vals.append(v)
                v = min(5, v + rnd.choice([0, 1, 1]))
            if c == 0:
                vals[-1] = 5  # ensures an MTPD exists
            parts.append(f'<impact category="{cat}">{" ".join(map(str, vals))}</impact>')
        k = min(len(upper), rnd.randint(1, 5))
        for sid in rnd.sample(upper, k):
            parts.append(f'<needs service="{sid}"/>')
        parts.append('<resource kind="staff" within="1h">应用运维工程师 1 名</resource>')
        parts.append("</function>\n")
        body.append("".join(parts))
    w.xml("functions.xml", "business-functions", body, ' assessed="2026-03-18"')


def gen_risks(w, rnd, n, org, services):
    nr = max(1, n // 5)
    body = []
    assets = []
    for i in range(1, max(1, n // 20) + 1):
        aid = f"A-{i:04d}"
        assets.append(aid)
        s = rnd.choice(services)["id"]
        body.append(f'<asset id="{aid}" kind="{rnd.choice(["hardware", "software", "data", "site", "network"])}" '
                    f'service="{s}">{names(f"资产 {i}", f"Asset {i}")}</asset>\n')
    for i in range(1, nr + 1):
        status = rnd.choice(["open", "treating", "treating", "accepted", "closed"])
        owner = rnd.choice(org["ops"])
        li, im = rnd.randint(1, 5), rnd.randint(1, 5)
        rl, ri = rnd.randint(1, li), rnd.randint(1, im)
        parts = [f'<risk id="R-{i:04d}" owner="{owner}" status="{status}">',
                 names(f"风险 {i}", f"Risk {i}", "title"),
                 "<threat>硬件故障或人为误操作</threat><vulnerability>单点部署</vulnerability>"]
        for s in rnd.sample(services, min(len(services), rnd.randint(1, 2))):
            parts.append(f'<affects service="{s["id"]}"/>')
        if assets and rnd.random() < 0.3:
            parts.append(f'<affects asset="{rnd.choice(assets)}"/>')
        parts.append(f'<inherent likelihood="{li}" impact="{im}"/><control>现有监控与备份</control>'
                     f'<residual likelihood="{rl}" impact="{ri}"/>')
        if status == "treating":
            due = dt.date(2026, rnd.randint(1, 12), rnd.randint(1, 28))
            done = f' done="{due - dt.timedelta(days=3)}"' if rnd.random() < 0.3 else ""
            parts.append(f'<treatment kind="mitigate" owner="{owner}" due="{due}"{done}>增加冗余</treatment>')
        elif status == "accepted":
            parts.append(f'<treatment kind="accept" owner="{rnd.choice(org["lead"])}">经管理评审接受</treatment>')
        parts.append("</risk>\n")
        body.append("".join(parts))
    w.xml("risks.xml", "risks", body, ' assessed="2026-03-20"')


# --------------------------------------------------------------------------
# plans

STEP_ROLE = {"facility": "facility-engineer", "network": "net-engineer", "database": "dba",
             "platform": "app-engineer", "transmission": "app-engineer", "application": "app-engineer"}


def gen_plans(w, rnd, org, services):
    plans = []
    for p in range(0, len(services), 20):
        pno = p // 20 + 1
        pid = f"DRP-{pno:04d}"
        fname = f"drp-{pno:04d}"
        covered = services[p:p + 20]
        cov_ids = {s["id"] for s in covered}
        plans.append(pid)
        parts = [f'<plan xmlns="{NS}" id="{pid}" owner="{org["svc"][0]}">\n',
                 names(f"灾难恢复预案 {pno}", f"Disaster Recovery Plan {pno}", "title"), "\n"]
        parts += [f'<covers service="{s["id"]}"/>\n' for s in covered]
        parts.append(f'<prose part="scope" src="{fname}/scope.md"/>\n')
        parts.append("<invocation><criterion>所覆盖系统在主机房不可用且预计 1 小时内无法恢复</criterion>"
                     '<authority role="emergency-leadership-group"/><authority role="dc-ops-leader"/></invocation>\n')
        parts.append(f'<call-tree><call person="{org["lead"][1]}" within="5min">'
                     f'<call person="{org["ops"][0]}" within="10min"/><call person="{org["svc"][0]}" within="15min"/>'
                     "</call></call-tree>\n<recovery>\n")
        last_step = {}
        sn = 0
        for s in covered:
            for j in range(rnd.randint(1, 3)):
                sn += 1
                sid = f"S{sn:02d}"
                after = ""
                if j == 0:
                    prev = [last_step[d] for d in s["deps"] if d in cov_ids and d in last_step]
                    if prev:
                        after = f' after="{" ".join(dict.fromkeys(prev))}"'
                dur = rnd.choice(["10min", "15min", "20min", "30min", "45min"])
                parts.append(f'<step id="{sid}" duration="{dur}" role="{STEP_ROLE[s["kind"]]}" service="{s["id"]}"{after}>'
                             + names(f"恢复 {s['id']} 第 {j + 1} 步", f"Recover {s['id']}, step {j + 1}", "title")
                             + "<expected>服务可用</expected></step>\n")
                last_step[s["id"]] = sid
        parts.append("</recovery>\n")
        parts.append('<invoked-target availability="99" max-duration="72h">启用灾备期间的可用性目标</invoked-target>\n')
        parts.append(f'<vendor supplier="{org["suppliers"][pno % len(org["suppliers"])]}">原厂 7×24 支持</vendor>\n')
        parts.append("<alternate-site>同城灾备机房</alternate-site>\n</plan>\n")
        w.write(f"plans/{fname}.xml", '<?xml version="1.0" encoding="UTF-8"?>\n' + "".join(parts))
        w.write(f"plans/{fname}/scope.md",
                f"# 范围\n\n本预案覆盖 {len(covered)} 个系统:"
                + "、".join(s["id"] for s in covered) + "。\n\n"
                "恢复在同城灾备机房进行,按依赖关系先恢复底层设施和网络,再恢复数据库、平台和应用。\n")
    return plans


# --------------------------------------------------------------------------
# records

def gen_records(w, rnd, n, scale, org, services):
    sids = [s["id"] for s in services]
    svc = {s["id"]: s for s in services}
    n_inc = split_counts(20 * n * scale, 12)
    n_out = split_counts(100 * n * scale, 12)
    n_chg = split_counts(5 * n * scale, 12)
    counts = {"incidents": 0, "outages": 0, "changes": 0, "surveys": 0, "complaints": 0, "measures": 0}
    last_month = MONTHS[-1]
    for mi, (y, m) in enumerate(MONTHS):
        t0, t1 = month_start(y, m), month_end(y, m)
        span = int((t1 - t0).total_seconds() // 60)
        tag = f"{y}{m:02d}"
        rel = f"records/{y}-{m:02d}/"

        def at_random(margin=0):
            return t0 + dt.timedelta(minutes=rnd.randrange(0, span - margin))

        # changes
        changes = []
        chg_body = []
        for c in range(n_chg[mi]):
            cid = f"CHG-{tag}-{c + 1:06d}"
            s = rnd.choice(sids)
            st = at_random(24 * 60).replace(hour=rnd.choice([0, 1, 2, 22, 23]), minute=rnd.choice([0, 30]))
            en = st + dt.timedelta(minutes=rnd.choice([15, 30, 60, 90, 120]))
            status = rnd.choices(["implemented", "failed", "rolled-back", "cancelled"], weights=[90, 3, 4, 3])[0]
            ctype = rnd.choices(["standard", "normal", "emergency"], weights=[5, 4, 1])[0]
            sig = ' significant="true"' if rnd.random() < 0.02 else ""
            changes.append((cid, s, st, en, status))
            chg_body.append(f'<change id="{cid}" service="{s}" type="{ctype}" status="{status}" '
                            f'start="{ts(st)}" end="{ts(en)}"{sig}><title>变更 {cid}</title></change>\n')
        w.xml(rel + "changes.xml", "changes", chg_body)
        counts["changes"] += len(changes)

        # incidents
        incidents = []
        inc_body = []
        for k in range(n_inc[mi]):
            iid = f"INC-{tag}-{k + 1:06d}"
            s = rnd.choice(sids)
            g = svc[s]["grade"]
            sev = rnd.choices(SEVERITIES + ["moderate severe"], weights=[1, 4, 8, 1])[0]
            det = at_random(1)
            dur = int(min(2880, rnd.lognormvariate(4.0, 1.0))) + 1  # minutes
            res = det + dt.timedelta(minutes=dur)
            unresolved = (y, m) == last_month and rnd.random() < 0.01
            a = f'<incident id="{iid}" service="{s}" severity="{sev}" detected="{ts(det)}"'
            if not unresolved:
                closed = res + dt.timedelta(minutes=rnd.randint(30, 2880))
                a += f' resolved="{ts(res)}" closed="{ts(closed)}"'
            parts = [a + f"><summary>{x(s)} 故障</summary>"]
            rep_late = rnd.random() < 0.05
            d1 = det + dt.timedelta(minutes=rnd.randint(1, REPORT_DEADLINE[g]) + (15 if rep_late else 0))
            by = rnd.choice(org["ops"])
            parts.append(f'<report kind="detection" at="{ts(d1)}" by="{by}">监控告警,影响 {x(s)}</report>')
            parts.append(f'<report kind="response" at="{ts(d1 + dt.timedelta(minutes=rnd.randint(2, 15)))}">启动响应</report>')
            if not unresolved:
                parts.append(f'<report kind="resolution" at="{ts(res + dt.timedelta(minutes=rnd.randint(5, 60)))}" '
                             f'by="{by}">已恢复</report>')
            u, step = det, {"1": 30, "2": 60, "3": 120}.get(g, 240)
            nupd = 0
            while not unresolved and nupd < 8:
                u = u + dt.timedelta(minutes=step - rnd.randint(0, 10))
                if u >= res:
                    break
                parts.append(f'<update at="{ts(u)}">处理中</update>')
                nupd += 1
            if not unresolved and g == "3" and dur > 240:
                parts.append(f'<escalation at="{ts(det + dt.timedelta(minutes=240 + rnd.randint(0, 20)))}" to="2">'
                             "4 小时未解决,升级</escalation>")
            if not unresolved and g == "2" and dur > 120:
                parts.append(f'<escalation at="{ts(det + dt.timedelta(minutes=120 + rnd.randint(0, 20)))}" to="1">'
                             "2 小时未解决,升级</escalation>")
            if rnd.random() < 0.3:
                parts.append("<cause>配置错误</cause><action>增加配置核对</action>")
            parts.append("</incident>\n")
            inc_body.append("".join(parts))
            incidents.append((iid, s, det, None if unresolved else res))
        w.xml(rel + "incidents.xml", "incidents", inc_body)
        counts["incidents"] += len(incidents)

        # outages: ~60% of incidents have one; planned ones for changes; rest short glitches
        out_body = []
        no = 0

        def outage(s, st, en, extra=""):
            nonlocal no
            no += 1
            e = f' end="{ts(en)}"' if en else ""
            out_body.append(f'<outage id="OUT-{tag}-{no:07d}" service="{s}" start="{ts(st)}"{e}{extra}>服务中断</outage>\n')

        budget = n_out[mi]
        for iid, s, det, res in incidents:
            if no >= budget:
                break
            if res is not None and res > det and rnd.random() < 0.6:
                imp = f' impact="{rnd.choice(["0.5", "0.25", "0.8"])}"' if rnd.random() < 0.15 else ""
                outage(s, det, res, imp + f' incident="{iid}"')
        for cid, s, st, en, status in changes:
            if no >= budget:
                break
            if status != "cancelled" and rnd.random() < 0.5:
                outage(s, st, en, f' planned="true" change="{cid}"')
        while no < budget:
            s = rnd.choice(sids)
            st = at_random(60)
            outage(s, st, st + dt.timedelta(minutes=rnd.randint(1, 45)))
        w.xml(rel + "outages.xml", "outages", out_body)
        counts["outages"] += no

        # workload: one measure per month per service with a limit
        wl_body = []
        for s in services:
            if s["workload"]:
                peak = rnd.randint(20000, 520000)
                wl_body.append(f'<measure service="{s["id"]}" metric="transactions" month="{y}-{m:02d}" '
                               f'peak="{peak}" total="{peak * rnd.randint(15, 25)}"/>\n')
        w.xml(rel + "workload.xml", "workload", wl_body)
        counts["measures"] += len(wl_body)

        # satisfaction: one overall survey, per-service surveys, complaints
        sat = [f'<survey id="SAT-{tag}" month="{y}-{m:02d}" respondents="{rnd.randint(150, 400)}" '
               f'score="{rnd.randint(380, 480) / 100}" scale="5">月度用户满意度调查</survey>\n']
        for j, s in enumerate(rnd.sample(sids, max(1, n // 20))):
            sat.append(f'<survey id="SAT-{tag}-{j + 1:04d}" month="{y}-{m:02d}" service="{s}" '
                       f'respondents="{rnd.randint(10, 200)}" score="{rnd.randint(60, 100) / 10}" scale="10">专项调查</survey>\n')
        nc = max(1, n // 50)
        for j in range(nc):
            rec = at_random(3 * 24 * 60)
            sv = f' service="{rnd.choice(sids)}"' if j % 4 else ""
            if (y, m) == last_month and j % 5 == 0:
                st = ' status="open"'
                tail = "<summary>申报回执延迟</summary>"
            else:
                st = f' status="closed" closed="{ts(rec + dt.timedelta(minutes=rnd.randint(60, 4000)))}"'
                tail = "<summary>申报回执延迟</summary><resolution>已说明原因</resolution>"
            sat.append(f'<complaint id="CMP-{tag}-{j + 1:04d}"{sv} received="{ts(rec)}"{st}>{tail}</complaint>\n')
        w.xml(rel + "satisfaction.xml", "satisfaction", sat)
        counts["surveys"] += len(sat) - nc
        counts["complaints"] += nc
    return counts


def gen_kpis(w, rnd, services):
    g1 = [s["id"] for s in services if s["grade"] == "1"][:8] or [services[0]["id"]]
    kpis = []
    for s in g1:
        kpis.append((f"KPI-AVL-{s}", "%", "higher-better", "99.95", "99.9", f' source="availability" service="{s}"',
                     "Availability", f"{s} 可用性", f"{s} availability", lambda: f"{rnd.uniform(99.8, 100):.3f}"))
    kpis += [
        ("KPI-INC-REPORT", "%", "higher-better", "95", "90", ' source="reported-on-time"', "Incident",
         "事件按时报告率", "Incidents reported on time", lambda: f"{rnd.uniform(88, 100):.2f}"),
        ("KPI-INC-RESOLVE", "%", "higher-better", "95", "90", ' source="resolved-in-time"', "Incident",
         "事件按时解决率", "Incidents resolved in time", lambda: f"{rnd.uniform(88, 100):.2f}"),
        ("KPI-INC-MTTR", "min", "lower-better", "120", "180", ' source="restore-mean"', "Incident",
         "平均恢复时间", "Mean time to restore", lambda: f"{rnd.uniform(60, 200):.1f}"),
        ("KPI-CHG-SUCCESS", "%", "higher-better", "95", "90", ' source="change-success"', "Change",
         "变更成功率", "Change success", lambda: f"{rnd.uniform(88, 100):.2f}"),
        ("KPI-CSAT", "分", "higher-better", "4.5", "4.2", ' source="satisfaction"', "SLM",
         "用户满意度", "Customer satisfaction", lambda: f"{rnd.uniform(4.0, 4.8):.2f}"),
    ]
    for i, (zh, en) in enumerate([("备份成功率", "Backup success"), ("预案按期评审率", "Plans reviewed on time"),
                                  ("按期演练率", "Plans drilled on time"), ("整改按期关闭率", "Actions closed on time"),
                                  ("灾备覆盖率", "DR coverage"), ("容量告警处理率", "Capacity alerts handled"),
                                  ("巡检完成率", "Inspections done")]):
        kpis.append((f"KPI-ITSCM-{i + 1:02d}", "%", "higher-better", "100", "90", "", "ITSCM", zh, en,
                     lambda: f"{rnd.uniform(80, 100):.2f}"))
    body = []
    for kid, unit, pol, target, amber, extra, proc, zh, en, val in kpis:
        vals = "".join(f'<value month="{y}-{m:02d}">{val()}</value>' for y, m in MONTHS)
        body.append(f'<kpi id="{kid}" unit="{x(unit)}" polarity="{pol}" target="{target}" amber="{amber}"{extra} '
                    f'process="{proc}">{names(zh, en)}{vals}</kpi>\n')
    w.xml("records/kpis.xml", "kpis", body)
    return len(kpis)


def gen_register(w, org, plans):
    a, r, ap = org["svc"][0], org["ops"][0], org["lead"][0]
    docs = [
        f'<document number="SM-02002" kind="process-manual" lang="zh-CN en" version="V1.1" status="approved" '
        f'classification="internal" controlled="true" system="ITSMS" review-by="2027-03-31">'
        + names("IT服务连续性流程管理办法", "IT Service Continuity Management Procedure", "title")
        + '<prose part="objective" src="docs/objective.md"/>'
        f'<revision version="V1.0" date="2025-03-15" author="{a}" reviewer="{r}" approver="{ap}" effective="2025-04-01">首次发布</revision>'
        f'<revision version="V1.1" date="2026-03-20" author="{a}" reviewer="{r}" approver="{ap}" effective="2026-04-01">修订</revision>'
        '<distribution everyone="true" rights="read">全体员工只读</distribution></document>\n',
        f'<document number="BC-BIA-2026" kind="bia-report" lang="zh-CN" version="V1.0" status="approved" '
        f'classification="confidential" controlled="true" system="BCMS" year="2026">'
        + names("2026年度业务影响分析报告", "2026 Business Impact Analysis Report", "title")
        + f'<revision version="V1.0" date="2026-05-18" author="{a}" reviewer="{r}" approver="{ap}" effective="2026-05-25">首次发布</revision>'
        '<distribution role="emergency-leadership-group" rights="read" copies="3">应急领导小组</distribution></document>\n',
        f'<document number="DRP-DOC-0001" kind="continuity-plan" plan="{plans[0]}" lang="zh-CN" version="A/0" status="approved" '
        f'classification="confidential" controlled="true" system="BCMS">'
        + names("灾难恢复预案 1", "Disaster Recovery Plan 1", "title")
        + f'<revision version="A/0" date="2026-01-10" author="{a}" reviewer="{r}" approver="{ap}" effective="2026-01-15">发布</revision>'
        '<distribution role="continuity-manager" rights="read-write">连续性经理</distribution></document>\n',
        f'<document number="SR-2026-10" kind="monthly-service-report" lang="zh-CN en" version="V0.1" status="draft" '
        f'classification="internal" controlled="false" system="ITSMS" year="2026">'
        + names("2026 年 10 月服务报告", "Service Report, October 2026", "title")
        + f'<revision version="V0.1" date="2026-11-03" author="{a}">初稿</revision>'
        '<distribution role="dc-ops-leader" rights="read">管理层</distribution></document>\n',
    ]
    w.xml("register.xml", "register", docs)
    w.write("docs/objective.md", "# 目的\n\n规范IT服务连续性管理,保证关键业务在灾难发生后按既定目标恢复。\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--services", type=int, required=True, metavar="N")
    ap.add_argument("--out", required=True, metavar="DIR")
    ap.add_argument("--scale", type=int, default=1, metavar="K", help="multiply the record counts (default 1)")
    ap.add_argument("--seed", type=int, default=20261031)
    a = ap.parse_args()
    if a.services < 1 or a.scale < 1:
        ap.error("--services and --scale must be at least 1")
    if os.path.exists(a.out) and os.listdir(a.out):
        ap.error(f"{a.out} exists and is not empty")
    rnd = random.Random(a.seed * 1000003 + a.services)
    w = Writer(a.out)
    org = gen_organisation(w, rnd, a.services)
    gen_calendars(w)
    services = gen_services(w, rnd, a.services, org)
    gen_functions(w, rnd, a.services, org, services)
    gen_risks(w, rnd, a.services, org, services)
    plans = gen_plans(w, rnd, org, services)
    counts = gen_records(w, rnd, a.services, a.scale, org, services)
    nk = gen_kpis(w, rnd, services)
    gen_register(w, org, plans)
    print(f"gen_org: {a.out}: {a.services} services, {len(plans)} plans, "
          + ", ".join(f"{v} {k}" for k, v in counts.items())
          + f", {nk} KPIs; {w.files} files, {w.bytes / 1048576:.1f} MiB", file=sys.stderr)


if __name__ == "__main__":
    main()
