/*
 * services.c: reads <services>: dependencies, structure (components and
 * k-of-n groups), data protection and SLAs with their maintenance windows.
 */
#include <stdlib.h>

#include "load_int.h"

static Part *read_part(Model *m, const xmlNode *c, int depth)
{
    Part *p = arena_alloc(m->arena, sizeof *p);
    p->node = (xmlNode *)c;
    p->id = rd_str(m, c, "id", true);
    if (elem_is(c, "component")) {
        attrs_allow(c, "id availability supplier");
        p->kind = PART_COMPONENT;
        rd_percent(m, c, "availability", true, &p->availability);
        if (xmlHasProp(c, (const xmlChar *)"supplier")) rd_ref(m, c, "supplier", NS_SUPPLIER, "supplier", false);
        return p;
    }
    p->kind = elem_is(c, "group") ? PART_GROUP : PART_SERIES;
    attrs_allow(c, p->kind == PART_GROUP ? "id k" : "id");
    FOR_ELEMS(k, c)
        if (elem_is(k, "component") || elem_is(k, "group") || elem_is(k, "series"))
            vec_push(m->arena, &p->parts, read_part(m, k, depth + 1));
    if (p->kind == PART_GROUP && rd_int(m, c, "k", true, 1, 999, &p->k) && (size_t)p->k > p->parts.n) {
        diag_node(DIAG_ERROR, c, "k", "%s: needs %d of its parts but has only %zu", label(c), p->k, p->parts.n);
        p->k = (int)p->parts.n;
    }
    if (!p->parts.n) diag_node(DIAG_ERROR, c, NULL, "%s: has no parts", label(c));
    return p;
}

/* part ids are unique within a service */
static void part_ids(Map *seen, const Part *p)
{
    if (p->id && !map_put(seen, p->id, (void *)p))
        diag_node(DIAG_ERROR, p->node, "id", "%s: part id '%s' is used twice in this service", label(p->node), p->id);
    for (size_t i = 0; i < p->parts.n; i++) part_ids(seen, p->parts.v[i]);
}

static void read_sla(Model *m, Service *svc, const xmlNode *c)
{
    attrs_allow(c, "id effective calendar");
    Sla *sla = arena_alloc(m->arena, sizeof *sla);
    sla->node = (xmlNode *)c;
    sla->id = rd_str(m, c, "id", true);
    sla->dated = rd_date(m, c, "effective", false, &sla->effective);
    sla->calendar = svc->calendar;
    if (xmlHasProp(c, (const xmlChar *)"calendar")) sla->calendar = rd_ref(m, c, "calendar", NS_CALENDAR, "calendar", false);
    const Zone *z = sla->calendar && sla->calendar->zone ? sla->calendar->zone : service_zone(m, svc);
    FOR_ELEMS(k, c) {
        if (elem_is(k, "availability")) {
            attrs_allow(k, "target");
            rd_percent(m, k, "target", true, &sla->target);
        } else if (elem_is(k, "maintenance")) {
            Maintenance *mw = vec_add(m->arena, &sla->maintenance);
            mw->node = k;
            if (xmlHasProp(k, (const xmlChar *)"days")) {
                attrs_allow(k, "days from to");
                mw->weekly = true;
                const char *days = rd_str(m, k, "days", true), *fs = rd_str(m, k, "from", true),
                           *ts = rd_str(m, k, "to", true);
                const char *e;
                if (days && !(mw->days = days_parse(days)))
                    diag_node(DIAG_ERROR, k, "days", "%s: days '%s': not a list of weekdays", label(k), days);
                if (fs && (e = clock_parse(fs, &mw->from))) diag_node(DIAG_ERROR, k, "from", "%s: from '%s': %s", label(k), fs, e);
                if (ts && (e = clock_parse(ts, &mw->to))) diag_node(DIAG_ERROR, k, "to", "%s: to '%s': %s", label(k), ts, e);
                /* a window may run past midnight: to <= from means the next day */
                if (fs && ts && mw->from == mw->to)
                    diag_node(DIAG_ERROR, k, "to", "%s: an empty maintenance window", label(k));
            } else {
                attrs_allow(k, "start end");
                bool a = rd_instant(m, k, "start", true, z, &mw->start);
                bool b = rd_instant(m, k, "end", true, z, &mw->end);
                if (a && b && mw->end <= mw->start)
                    diag_node(DIAG_ERROR, k, "end", "%s: maintenance window ends before it starts", label(k));
            }
        } else if (elem_is(k, "workload")) {
            attrs_allow(k, "metric max unit");
            WorkloadLimit *w = vec_add(m->arena, &sla->workload);
            w->node = k;
            w->metric = rd_str(m, k, "metric", true);
            w->unit = rd_str(m, k, "unit", true);
            rd_dec(m, k, "max", true, &w->max);
            for (size_t i = 0; i + 1 < sla->workload.n; i++)
                if (str_eq(sla->workload.v[i].metric, w->metric))
                    diag_node(DIAG_ERROR, k, "metric", "%s: a second limit for metric '%s'", label(c), w->metric);
        } else if (elem_is(k, "incident-targets")) {
            attrs_allow(k, "reported-on-time resolved-in-time");
            sla->has_reported_target = rd_percent(m, k, "reported-on-time", false, &sla->reported_target);
            sla->has_resolved_target = rd_percent(m, k, "resolved-in-time", false, &sla->resolved_target);
        }
    }
    for (size_t i = 0; i < svc->slas.n; i++) {
        const Sla *o = svc->slas.v[i];
        if (o->dated == sla->dated && (!o->dated || date_cmp(o->effective, sla->effective) == 0))
            diag_node(DIAG_ERROR, c, sla->dated ? "effective" : "id",
                      "service '%s': two SLAs take effect on the same date", svc->id);
    }
    reg_id(m, NS_RECORD, sla->id, sla, c, "record");
    /* keep sorted by effective date (undated first) */
    vec_push(m->arena, &svc->slas, sla);
    for (size_t i = svc->slas.n - 1; i > 0; i--) {
        Sla *x = svc->slas.v[i - 1], *y = svc->slas.v[i];
        bool swap = (x->dated && !y->dated) || (x->dated && y->dated && date_cmp(x->effective, y->effective) > 0);
        if (!swap) break;
        svc->slas.v[i - 1] = y;
        svc->slas.v[i] = x;
    }
}

void read_services(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "");
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "service")) continue;
        attrs_allow(c, "id kind grade owner calendar rto rpo supplier data-in");
        Service *svc = arena_alloc(m->arena, sizeof *svc);
        svc->node = c;
        svc->id = rd_str(m, c, "id", true);
        svc->kind = rd_str(m, c, "kind", true);
        svc->grade = rd_str(m, c, "grade", true);
        svc->owner = rd_ref(m, c, "owner", NS_PERSON, "person", true);
        svc->calendar = rd_ref(m, c, "calendar", NS_CALENDAR, "calendar", true);
        if (!rd_dur(m, c, "rto", false, &svc->rto)) svc->rto = NO_SECS;
        if (!rd_dur(m, c, "rpo", false, &svc->rpo)) svc->rpo = NO_SECS;
        if (xmlHasProp(c, (const xmlChar *)"supplier")) svc->supplier = rd_ref(m, c, "supplier", NS_SUPPLIER, "supplier", false);
        svc->name = rd_names(m, c, "name");
        FOR_ELEMS(k, c) {
            if (elem_is(k, "structure")) {
                attrs_allow(k, "");
                FOR_ELEMS(p, k)
                    if (elem_is(p, "component") || elem_is(p, "group") || elem_is(p, "series"))
                        vec_push(m->arena, &svc->structure, read_part(m, p, 1));
                Map *seen = map_new();
                for (size_t i = 0; i < svc->structure.n; i++) part_ids(seen, svc->structure.v[i]);
                map_free(seen);
            } else if (elem_is(k, "data-protection")) {
                attrs_allow(k, "method interval lag target");
                Protection *pr = vec_add(m->arena, &svc->protection);
                pr->node = k;
                pr->method = rd_str(m, k, "method", true);
                if (!rd_dur(m, k, "interval", true, &pr->interval)) pr->interval = NO_SECS;
                if (!rd_dur(m, k, "lag", false, &pr->lag)) pr->lag = 0;
            } else if (elem_is(k, "sla")) {
                read_sla(m, svc, k);
            } else if (elem_is(k, "depends-on")) {
                attrs_allow(k, "service");
                rd_str(m, k, "service", true);
            }
        }
        if (reg_id(m, NS_SERVICE, svc->id, svc, c, "service")) {
            svc->index = (int)m->services.n;
            vec_push(m->arena, &m->services, svc);
        }
    }
}

/* Dependencies, once every service is known. */
void services_finish(Model *m)
{
    for (size_t i = 0; i < m->services.n; i++) {
        Service *svc = m->services.v[i];
        FOR_ELEMS(k, svc->node) {
            if (!elem_is(k, "depends-on")) continue;
            const char *id = rd_str(m, k, "service", false);
            if (!id) continue;
            Service *d = ref_id(m, k, "service", id, NS_SERVICE, "service");
            if (!d) continue;
            if (d == svc) {
                diag_node(DIAG_ERROR, k, "service", "service '%s' depends on itself", svc->id);
                continue;
            }
            bool dup = false;
            for (size_t j = 0; j < svc->deps.n; j++) dup |= svc->deps.v[j] == d;
            if (dup) diag_node(DIAG_ERROR, k, "service", "service '%s': depends on '%s' twice", svc->id, id);
            else vec_push(m->arena, &svc->deps, d);
        }
        const char *din = rd_str(m, svc->node, "data-in", false);
        if (!din) continue;
        svc->data_in = ref_id(m, svc->node, "data-in", din, NS_SERVICE, "service");
        bool is_dep = false;
        for (size_t j = 0; svc->data_in && j < svc->deps.n; j++) is_dep |= svc->deps.v[j] == svc->data_in;
        if (svc->data_in && !is_dep) {
            diag_node(DIAG_ERROR, svc->node, "data-in", "service '%s': keeps its data in '%s', which is not one of its dependencies",
                      svc->id, din);
            svc->data_in = NULL;
        }
    }
}
