/*
 * records.c: reads the operational records: incidents, changes, outages,
 * workload, satisfaction, and the KPIs with their monthly values. Local
 * times are resolved in the zone of the record's service calendar.
 */
#include <stdlib.h>

#include "load_int.h"

/* Note the month of a record, for the default --period. */
static void saw_month(Model *m, const Zone *z, Instant t)
{
    int64_t days;
    Date d = {0};
    if (z) zone_utc_to_local(z, t, &days, NULL, NULL);
    else days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    civil_from_days(days, &d.y, &d.m, &d.d);
    d.d = 1;
    if (!m->has_records || date_cmp(d, m->latest_month) > 0) m->latest_month = d;
    m->has_records = true;
}

static void saw_date(Model *m, Date d)
{
    d.d = 1;
    if (!m->has_records || date_cmp(d, m->latest_month) > 0) m->latest_month = d;
    m->has_records = true;
}

static void not_before(const xmlNode *n, const char *attr, Instant t, Instant ref, const char *refname, const char *what)
{
    if (t < ref) diag_node(DIAG_ERROR, n, attr, "%s: %s is before %s", label(n), what, refname);
}

void read_incidents(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "");
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "incident")) continue;
        attrs_allow(c, "id service severity detected resolved closed plan");
        Incident *in = arena_alloc(m->arena, sizeof *in);
        in->node = c;
        in->id = rd_str(m, c, "id", true);
        in->service = rd_ref(m, c, "service", NS_SERVICE, "service", true);
        if (xmlHasProp(c, (const xmlChar *)"plan")) rd_ref(m, c, "plan", NS_PLAN, "plan", false);
        const Zone *z = service_zone(m, in->service);
        const char *sev = rd_str(m, c, "severity", true);
        if (sev) {
            char *copy = xstrdup(sev), *save = NULL;
            for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save))
                vec_push(m->arena, &in->severities, arena_strdup(m->arena, t));
            free(copy);
        }
        bool det = rd_instant(m, c, "detected", true, z, &in->detected);
        in->has_resolved = rd_instant(m, c, "resolved", false, z, &in->resolved);
        in->has_closed = rd_instant(m, c, "closed", false, z, &in->closed);
        if (det) saw_month(m, z, in->detected);
        if (det && in->has_resolved) not_before(c, "resolved", in->resolved, in->detected, "its detection", "resolved");
        if (in->has_closed && in->has_resolved) not_before(c, "closed", in->closed, in->resolved, "its resolution", "closed");
        if (in->has_closed && !in->has_resolved && !xmlHasProp(c, (const xmlChar *)"resolved"))
            diag_node(DIAG_ERROR, c, "closed", "incident '%s' is closed but was never resolved", in->id ? in->id : "");
        FOR_ELEMS(k, c) {
            if (elem_is(k, "report")) {
                attrs_allow(k, "kind at by");
                Report *r = vec_add(m->arena, &in->reports);
                r->node = k;
                r->kind = rd_str(m, k, "kind", true);
                if (xmlHasProp(k, (const xmlChar *)"by")) rd_ref(m, k, "by", NS_PERSON, "person", false);
                if (rd_instant(m, k, "at", true, z, &r->at) && det)
                    not_before(k, "at", r->at, in->detected, "the incident's detection", "report");
                for (size_t i = 0; i + 1 < in->reports.n; i++)
                    if (str_eq(in->reports.v[i].kind, r->kind))
                        diag_node(DIAG_ERROR, k, "kind", "incident '%s': a second %s report", in->id ? in->id : "", r->kind);
            } else if (elem_is(k, "update")) {
                attrs_allow(k, "at");
                Instant t;
                if (rd_instant(m, k, "at", true, z, &t)) {
                    if (det) not_before(k, "at", t, in->detected, "the incident's detection", "progress update");
                    vec_push(m->arena, &in->updates, t);
                }
            } else if (elem_is(k, "escalation")) {
                attrs_allow(k, "at to");
                IncEscalation *e = vec_add(m->arena, &in->escalations);
                e->node = k;
                e->to = rd_str(m, k, "to", true);
                if (rd_instant(m, k, "at", true, z, &e->at) && det)
                    not_before(k, "at", e->at, in->detected, "the incident's detection", "escalation");
            }
        }
        if (reg_id(m, NS_RECORD, in->id, in, c, "record")) {
            vec_push(m->arena, &m->incidents, in);
            reg_id(m, NS_INCIDENT, in->id, in, c, "incident");
        }
    }
}

void read_changes(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "");
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "change")) continue;
        attrs_allow(c, "id service type status start end significant");
        Change *ch = arena_alloc(m->arena, sizeof *ch);
        ch->node = c;
        ch->id = rd_str(m, c, "id", true);
        ch->service = rd_ref(m, c, "service", NS_SERVICE, "service", true);
        ch->type = rd_str(m, c, "type", true);
        ch->status = rd_str(m, c, "status", true);
        ch->significant = rd_bool(m, c, "significant", false);
        const Zone *z = service_zone(m, ch->service);
        bool a = rd_instant(m, c, "start", true, z, &ch->start);
        ch->has_end = rd_instant(m, c, "end", false, z, &ch->end);
        if (a) saw_month(m, z, ch->start);
        if (a && ch->has_end && ch->end < ch->start)
            diag_node(DIAG_ERROR, c, "end", "change '%s': ends before it starts", ch->id ? ch->id : "");
        if (reg_id(m, NS_RECORD, ch->id, ch, c, "record")) vec_push(m->arena, &m->changes, ch);
    }
}

void read_outages(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "");
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "outage")) continue;
        attrs_allow(c, "id service start end planned impact incident change");
        Outage *o = arena_alloc(m->arena, sizeof *o);
        o->node = c;
        o->id = rd_str(m, c, "id", true);
        o->service = rd_ref(m, c, "service", NS_SERVICE, "service", true);
        o->planned = rd_bool(m, c, "planned", false);
        o->impact = 10000;
        Dec imp;
        if (rd_dec(m, c, "impact", false, &imp)) {
            Dec one = {1, 0};
            if (imp.num <= 0 || dec_cmp(imp, one) > 0 || imp.scale > 4)
                diag_node(DIAG_ERROR, c, "impact", "outage '%s': impact '%s' must be a fraction above 0 and at most 1, with at most 4 decimals",
                          o->id ? o->id : "", rd_str(m, c, "impact", false));
            else {
                int64_t v = imp.num;
                for (int i = imp.scale; i < 4; i++) v *= 10;
                o->impact = (int)v;
            }
        }
        const Zone *z = service_zone(m, o->service);
        bool a = rd_instant(m, c, "start", true, z, &o->start);
        o->has_end = rd_instant(m, c, "end", false, z, &o->end);
        if (a) saw_month(m, z, o->start);
        if (a && o->has_end && o->end <= o->start)
            diag_node(DIAG_ERROR, c, "end", "outage '%s': ends (%s) before it starts (%s)", o->id ? o->id : "",
                      rd_str(m, c, "end", false), rd_str(m, c, "start", false));
        if (xmlHasProp(c, (const xmlChar *)"incident")) {
            const char *iid = rd_str(m, c, "incident", false);
            if (model_lookup(m, NS_RECORD, iid) && !model_lookup(m, NS_INCIDENT, iid))
                diag_node(DIAG_ERROR, c, "incident", "outage '%s': '%s' is not an incident", o->id ? o->id : "", iid);
            else
                rd_ref(m, c, "incident", NS_INCIDENT, "incident", false);
        }
        if (xmlHasProp(c, (const xmlChar *)"change")) rd_ref(m, c, "change", NS_RECORD, "change", false);
        if (reg_id(m, NS_RECORD, o->id, o, c, "record")) vec_push(m->arena, &m->outages, o);
    }
}

void read_workload(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "");
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "measure")) continue;
        attrs_allow(c, "service metric month peak total");
        Measure *me = arena_alloc(m->arena, sizeof *me);
        me->node = c;
        me->service = rd_ref(m, c, "service", NS_SERVICE, "service", true);
        me->metric = rd_str(m, c, "metric", true);
        if (rd_month(m, c, "month", true, &me->month)) saw_date(m, me->month);
        rd_dec(m, c, "peak", true, &me->peak);
        me->has_total = rd_dec(m, c, "total", false, &me->total);
        vec_push(m->arena, &m->measures, me);
    }
}

void read_satisfaction(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "");
    FOR_ELEMS(c, root) {
        if (elem_is(c, "survey")) {
            attrs_allow(c, "id month service respondents score scale");
            Survey *sv = arena_alloc(m->arena, sizeof *sv);
            sv->node = c;
            sv->id = rd_str(m, c, "id", true);
            if (rd_month(m, c, "month", true, &sv->month)) saw_date(m, sv->month);
            if (xmlHasProp(c, (const xmlChar *)"service")) sv->service = rd_ref(m, c, "service", NS_SERVICE, "service", false);
            rd_int(m, c, "respondents", true, 0, 100000000, &sv->respondents);
            bool sc = rd_int(m, c, "scale", true, 1, 100, &sv->scale);
            if (rd_dec(m, c, "score", true, &sv->score) && sc) {
                Dec lo = {1, 0}, hi = {sv->scale, 0};
                if (dec_cmp(sv->score, lo) < 0 || dec_cmp(sv->score, hi) > 0)
                    diag_node(DIAG_ERROR, c, "score", "survey '%s': score %s is outside the scale 1-%d", sv->id ? sv->id : "",
                              rd_str(m, c, "score", false), sv->scale);
            }
            if (reg_id(m, NS_RECORD, sv->id, sv, c, "record")) vec_push(m->arena, &m->surveys, sv);
        } else if (elem_is(c, "complaint")) {
            attrs_allow(c, "id service received status closed");
            Complaint *cp = arena_alloc(m->arena, sizeof *cp);
            cp->node = c;
            cp->id = rd_str(m, c, "id", true);
            if (xmlHasProp(c, (const xmlChar *)"service")) cp->service = rd_ref(m, c, "service", NS_SERVICE, "service", false);
            const Zone *z = service_zone(m, cp->service);
            bool a = rd_instant(m, c, "received", true, z, &cp->received);
            if (a) saw_month(m, z, cp->received);
            cp->has_closed = rd_instant(m, c, "closed", false, z, &cp->closed);
            const char *st = rd_str(m, c, "status", true);
            cp->is_open = str_eq(st, "open");
            if (str_eq(st, "closed") && !xmlHasProp(c, (const xmlChar *)"closed"))
                diag_node(DIAG_ERROR, c, "status", "complaint '%s' is closed but has no closed time", cp->id ? cp->id : "");
            if (cp->is_open && xmlHasProp(c, (const xmlChar *)"closed"))
                diag_node(DIAG_ERROR, c, "closed", "complaint '%s' is open but has a closed time", cp->id ? cp->id : "");
            if (a && cp->has_closed && cp->closed < cp->received)
                diag_node(DIAG_ERROR, c, "closed", "complaint '%s': closed before it was received", cp->id ? cp->id : "");
            if (reg_id(m, NS_RECORD, cp->id, cp, c, "record")) vec_push(m->arena, &m->complaints, cp);
        }
    }
}

static int cmp_kpi_value(const void *a, const void *b)
{
    return date_cmp(((const KpiValue *)a)->month, ((const KpiValue *)b)->month);
}

void read_kpis(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "");
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "kpi")) continue;
        attrs_allow(c, "id unit polarity target amber source service process");
        Kpi *k = arena_alloc(m->arena, sizeof *k);
        k->node = c;
        k->id = rd_str(m, c, "id", true);
        k->unit = rd_str(m, c, "unit", true);
        const char *pol = rd_str(m, c, "polarity", true);
        k->higher_better = !str_eq(pol, "lower-better");
        rd_dec(m, c, "target", true, &k->target);
        k->has_amber = rd_dec(m, c, "amber", false, &k->amber);
        if (k->has_amber) {
            int cmp = dec_cmp(k->amber, k->target);
            if ((k->higher_better && cmp >= 0) || (!k->higher_better && cmp <= 0))
                diag_node(DIAG_ERROR, c, "amber", "kpi '%s': amber threshold %s must be %s than the target %s",
                          k->id ? k->id : "", rd_str(m, c, "amber", false), k->higher_better ? "lower" : "higher",
                          rd_str(m, c, "target", false));
        }
        k->source = rd_str(m, c, "source", false);
        if (xmlHasProp(c, (const xmlChar *)"service")) k->service = rd_ref(m, c, "service", NS_SERVICE, "service", false);
        if (str_eq(k->source, "availability") && !xmlHasProp(c, (const xmlChar *)"service"))
            diag_node(DIAG_ERROR, c, "source", "kpi '%s': an availability KPI names its service", k->id ? k->id : "");
        k->name = rd_names(m, c, "name");
        FOR_ELEMS(v, c) {
            if (!elem_is(v, "value")) continue;
            attrs_allow(v, "month");
            KpiValue *kv = vec_add(m->arena, &k->values);
            kv->node = v;
            rd_month(m, v, "month", true, &kv->month);
            const char *txt = rd_text(m, v);
            const char *e = dec_parse(txt, &kv->value);
            if (e) diag_node(DIAG_ERROR, v, NULL, "kpi '%s': value '%s': %s", k->id ? k->id : "", txt, e);
            for (size_t i = 0; i + 1 < k->values.n; i++)
                if (date_cmp(k->values.v[i].month, kv->month) == 0)
                    diag_node(DIAG_ERROR, v, "month", "kpi '%s': a second value for %s", k->id ? k->id : "",
                              rd_str(m, v, "month", false));
        }
        xsort(k->values.v, k->values.n, sizeof *k->values.v, cmp_kpi_value);
        if (reg_id(m, NS_KPI, k->id, k, c, "kpi")) vec_push(m->arena, &m->kpis, k);
    }
}
