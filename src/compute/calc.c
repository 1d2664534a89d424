/*
 * calc.c: runs the compute stage in order, keeps the findings, and explains
 * a figure on demand.
 */
#include "calc.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "../load/xml.h"
#include "calc_int.h"

const char *rule_name(Rule r)
{
    switch (r) {
    case RULE_EXPLICIT: return "explicit";
    case RULE_RATED: return "rated";
    case RULE_DERIVED: return "derived";
    case RULE_TIER: return "tier";
    default: return "none";
    }
}

const char *kpi_status_name(KpiStatus s)
{
    switch (s) {
    case KPI_GREEN: return "green";
    case KPI_AMBER: return "amber";
    case KPI_RED: return "red";
    default: return "none";
    }
}

void calc_finding(Calc *c, const char *kind, const char *subject, const xmlNode *node, double value, double limit,
                  const char *fmt, ...)
{
    Finding *f = vec_add(c->arena, &c->findings);
    f->kind = kind;
    f->subject = subject;
    f->node = node;
    f->value = value;
    f->limit = limit;
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    f->message = arena_strdup(c->arena, msg);
    free(msg);
}

static int cmp_finding(const void *a, const void *b)
{
    const Finding *x = a, *y = b;
    int k = strcmp(x->kind, y->kind);
    if (k) return k;
    k = strcmp(x->subject ? x->subject : "", y->subject ? y->subject : "");
    if (k) return k;
    int lx = x->node ? src_line(x->node) : 0, ly = y->node ? src_line(y->node) : 0;
    if (lx != ly) return lx < ly ? -1 : 1;
    return strcmp(x->message, y->message);
}

static const Zone *zone_of(const Model *m, const Service *s)
{
    if (s && s->calendar && s->calendar->zone) return s->calendar->zone;
    return m->org ? m->org->zone : NULL;
}

static int cmp_outage_start(const void *a, const void *b)
{
    const Outage *x = *(const Outage *const *)a, *y = *(const Outage *const *)b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return strcmp(x->id ? x->id : "", y->id ? y->id : ""); /* ids are unique: a total order */
}

static void see(Date *first, bool *any, Date d)
{
    d.d = 1;
    if (!*any || date_cmp(d, *first) < 0) *first = d;
    *any = true;
}

/* the first month that has operational records */
static Date first_record_month(const Model *m, Date period)
{
    Date first = period;
    bool any = false;
    for (size_t i = 0; i < m->incidents.n; i++)
        see(&first, &any, calc_month_of(zone_of(m, m->incidents.v[i]->service), m->incidents.v[i]->detected));
    for (size_t i = 0; i < m->outages.n; i++)
        see(&first, &any, calc_month_of(zone_of(m, m->outages.v[i]->service), m->outages.v[i]->start));
    for (size_t i = 0; i < m->changes.n; i++)
        see(&first, &any, calc_month_of(zone_of(m, m->changes.v[i]->service), m->changes.v[i]->start));
    for (size_t i = 0; i < m->measures.n; i++) see(&first, &any, m->measures.v[i]->month);
    for (size_t i = 0; i < m->surveys.n; i++) see(&first, &any, m->surveys.v[i]->month);
    if (!any || date_cmp(first, period) > 0) return period;
    /* twelve months at most */
    Date earliest = month_add(period, -11);
    return date_cmp(first, earliest) < 0 ? earliest : first;
}

static void availability_all(Calc *c)
{
    const Model *m = c->m;
    for (size_t i = 0; i < m->services.n; i++) {
        const Service *s = m->services.v[i];
        ServiceCalc *sc = &c->svc[i];
        sc->s = s;
        for (Date mo = c->first_month; date_cmp(mo, c->period) < 0; mo = month_add(mo, 1))
            calc_availability(c, s, mo, vec_add(c->arena, &sc->history), false);
        size_t before = c->outages.n;
        calc_availability(c, s, c->period, &sc->avail, true);
        *vec_add(c->arena, &sc->history) = sc->avail;
        for (size_t k = before; k < c->outages.n; k++) {
            const OutageCalc *oc = &c->outages.v[k];
            char t[48];
            if (oc->open)
                calc_finding(c, "open-outage", oc->o->id, oc->o->node, (oc->end - oc->start) / 60.0, NAN,
                             "outage %s of %s has no end; it is counted to the end of the period (%s)", oc->o->id,
                             s->id, instant_format(zone_of(m, s), oc->end, t));
            if (oc->planned_outside_window)
                calc_finding(c, "planned-outside-window", oc->o->id, oc->o->node, oc->planned_time / 60.0, NAN,
                             "planned outage %s of %s took %g min of agreed service time outside any maintenance window",
                             oc->o->id, s->id, oc->planned_time / 60.0);
        }
        const Avail *a = &sc->avail;
        if (a->applicable && a->has_target && !a->met) {
            char t[40];
            calc_finding(c, "availability-missed", s->id, s->node, a->percent, dec_to_double(a->target),
                         "service %s was available %.4f %% of its agreed time, below its target of %s %%", s->id,
                         a->percent, dec_format(a->target, t));
        }
    }
}

Calc *calc_run(const Model *m, Date period)
{
    Calc *c = xcalloc(1, sizeof *c);
    c->m = m;
    c->arena = arena_new();
    period.d = 1;
    c->period = period;
    Date last = {period.y, period.m, days_in_month(period.y, period.m)};
    c->policy = policy_at(m, last);
    c->first_month = first_record_month(m, period);
    size_t ns = m->services.n;
    c->svc = arena_alloc(c->arena, (ns ? ns : 1) * sizeof *c->svc);
    c->fn = arena_alloc(c->arena, (m->functions.n ? m->functions.n : 1) * sizeof *c->fn);
    c->inc = arena_alloc(c->arena, (m->incidents.n ? m->incidents.n : 1) * sizeof *c->inc);
    c->risk = arena_alloc(c->arena, (m->risks.n ? m->risks.n : 1) * sizeof *c->risk);
    c->kpi = arena_alloc(c->arena, (m->kpis.n ? m->kpis.n : 1) * sizeof *c->kpi);
    c->plan = arena_alloc(c->arena, (m->plans.n ? m->plans.n : 1) * sizeof *c->plan);
    c->drill = arena_alloc(c->arena, (m->drills.n ? m->drills.n : 1) * sizeof *c->drill);
    c->review_overdue = arena_alloc(c->arena, (m->documents.n ? m->documents.n : 1) * sizeof *c->review_overdue);
    c->work = arena_alloc(c->arena, (m->measures.n ? m->measures.n : 1) * sizeof *c->work);
    c->order = arena_alloc(c->arena, (ns ? ns : 1) * sizeof *c->order);

    /* each service's outages, sorted by start: one pass, then a sort each */
    size_t *count = xcalloc(ns ? ns : 1, sizeof *count);
    for (size_t i = 0; i < m->outages.n; i++)
        if (m->outages.v[i]->service) count[m->outages.v[i]->service->index]++;
    for (size_t i = 0; i < ns; i++) {
        c->svc[i].outs = arena_alloc(c->arena, (count[i] ? count[i] : 1) * sizeof *c->svc[i].outs);
        c->svc[i].s = m->services.v[i];
    }
    for (size_t i = 0; i < m->outages.n; i++) {
        const Outage *o = m->outages.v[i];
        if (!o->service) continue;
        ServiceCalc *sc = &c->svc[o->service->index];
        sc->outs[sc->nouts++] = o;
    }
    for (size_t i = 0; i < ns; i++) xsort(c->svc[i].outs, c->svc[i].nouts, sizeof *c->svc[i].outs, cmp_outage_start);
    free(count);

    availability_all(c);
    calc_recovery(c);
    calc_incidents(c);
    calc_risks(c);
    calc_drills(c);
    calc_operations(c);
    calc_kpis(c);
    calc_quarters(c);
    calc_documents(c);
    xsort(c->findings.v, c->findings.n, sizeof *c->findings.v, cmp_finding);
    return c;
}

void calc_free(Calc *c)
{
    if (!c) return;
    arena_free(c->arena);
    free(c);
}

/* ---- explain --------------------------------------------------------------------- */

static void put_min(Buf *b, Secs s) { buf_printf(b, "%g min", s / 60.0); }

static void explain_service(Calc *c, const ServiceCalc *sc, Buf *b)
{
    const Service *s = sc->s;
    const Zone *z = zone_of(c->m, s);
    const Avail *a = &sc->avail;
    char t1[48], t2[48], d[40];
    buf_printf(b, "service %s (%s), period %04d-%02d, zone %s\n", s->id, text_get(s->name, LANG_ZH), c->period.y,
               c->period.m, z ? zone_name(z) : "UTC");
    buf_printf(b, "  period            %s .. %s\n", instant_format(z, a->start, t1), instant_format(z, a->end, t2));
    buf_printf(b, "  service hours     %10.1f min\n", a->hours / 60.0);
    buf_printf(b, "  maintenance       %10.1f min (agreed windows inside the service hours)\n", a->maintenance / 60.0);
    buf_printf(b, "  agreed time       %10.1f min\n", a->agreed / 60.0);
    buf_puts(b, "  outages:\n");
    int any = 0;
    for (size_t i = 0; i < c->outages.n; i++) {
        const OutageCalc *oc = &c->outages.v[i];
        if (oc->o->service != s) continue;
        any = 1;
        buf_printf(b, "    %s  %s .. %s%s  %s, impact %g\n", oc->o->id, instant_format(z, oc->start, t1),
                   instant_format(z, oc->end, t2), oc->open ? " (no end: to the period's end)" : "",
                   oc->o->planned ? "planned" : "unplanned", oc->o->impact / 10000.0);
        buf_puts(b, "      ");
        put_min(b, oc->end - oc->start);
        buf_puts(b, " in all");
        if (oc->outside_period) { buf_puts(b, "; outside the period "); put_min(b, oc->outside_period); }
        if (oc->outside_hours) { buf_puts(b, "; outside service hours "); put_min(b, oc->outside_hours); }
        if (oc->in_maintenance) { buf_puts(b, "; in a maintenance window "); put_min(b, oc->in_maintenance); }
        if (oc->o->planned) {
            buf_puts(b, "; planned, not downtime");
            if (oc->planned_time) { buf_puts(b, " (outside any window: "); put_min(b, oc->planned_time); buf_puts(b, ")"); }
            buf_puts(b, "\n");
            continue;
        }
        if (oc->overlapped) {
            buf_puts(b, "; overlapping ");
            buf_puts(b, oc->over ? oc->over->id : "another outage");
            buf_puts(b, " ");
            put_min(b, oc->overlapped);
        }
        buf_printf(b, "\n      counted %g min x impact %g = %g min\n", oc->counted / 60.0, oc->o->impact / 10000.0,
                   oc->counted_w / 600000.0);
    }
    if (!any) buf_puts(b, "    none\n");
    buf_printf(b, "  downtime          %10.4f min weighted, %g min in %d episode%s\n", a->down_w / 600000.0,
               a->down / 60.0, a->episodes, a->episodes == 1 ? "" : "s");
    if (a->applicable)
        buf_printf(b, "  availability      (%g - %g) / %g x 100 = %.6f %%\n", a->agreed / 60.0, a->down_w / 600000.0,
                   a->agreed / 60.0, a->percent);
    else
        buf_puts(b, "  availability      not applicable: no agreed service time in the period\n");
    if (a->has_target)
        buf_printf(b, "  target            %s %% (%s): %s\n", dec_format(a->target, d), a->sla ? a->sla->id : "",
                   a->applicable ? (a->met ? "met" : "missed") : "not applicable");
    if (a->episodes)
        buf_printf(b, "  MTRS              %g / %d = %.2f min\n  MTBF              (%g - %g) / %d = %.2f min\n",
                   a->down / 60.0, a->episodes, a->mtrs, a->agreed / 60.0, a->down / 60.0, a->episodes, a->mtbf);
    if (!isnan(sc->predicted)) buf_printf(b, "  predicted         %.6f %% from its structure and dependencies\n", sc->predicted);
    if (sc->rto != NO_SECS) {
        buf_printf(b, "  required RTO      %g min, from function %s%s%s\n", sc->rto / 60.0,
                   sc->rto_from ? sc->rto_from->id : "?", sc->rto_via ? " through " : "",
                   sc->rto_via ? sc->rto_via->id : "");
        if (sc->tier >= 0 && c->policy->tiers)
            buf_printf(b, "  tier              %s\n", c->policy->tiers->tiers.v[sc->tier].id);
    } else {
        buf_puts(b, "  required RTO      none: no business function needs it\n");
    }
    if (sc->rpo != NO_SECS) buf_printf(b, "  required RPO      %g min, from function %s\n", sc->rpo / 60.0, sc->rpo_from ? sc->rpo_from->id : "?");
    buf_printf(b, "  recovery rank     %d\n", sc->rank);
    if (sc->own != NO_SECS) {
        buf_printf(b, "  own recovery      %g min (plan %s)\n", sc->own / 60.0, sc->plan ? sc->plan->id : "?");
        if (sc->earliest != NO_SECS) {
            if (sc->critical_dep)
                buf_printf(b, "  earliest recovery %g min: its steps after its dependencies (the last, %s, at %g min)\n",
                           sc->earliest / 60.0, sc->critical_dep->id, c->svc[sc->critical_dep->index].earliest / 60.0);
            else
                buf_printf(b, "  earliest recovery %g min (no dependencies)\n", sc->earliest / 60.0);
            if (sc->rto_gap) buf_printf(b, "  RTO gap           %g min\n", sc->rto_gap / 60.0);
        } else {
            buf_puts(b, "  earliest recovery unknown: a dependency has no recovery steps\n");
        }
    } else {
        buf_puts(b, "  own recovery      unknown: no plan has recovery steps for it\n");
    }
    if (sc->data_loss != NO_SECS) {
        buf_printf(b, "  worst data loss   %g min", sc->data_loss / 60.0);
        if (sc->rpo_gap) buf_printf(b, ", RPO gap %g min", sc->rpo_gap / 60.0);
        buf_puts(b, "\n");
    }
}

static void explain_incident(Calc *c, const IncidentCalc *ic, Buf *b)
{
    const Incident *in = ic->in;
    const Zone *z = zone_of(c->m, in->service);
    char t[48];
    buf_printf(b, "incident %s on %s\n", in->id, in->service ? in->service->id : "?");
    if (!ic->grade || !ic->response) {
        buf_puts(b, "  not graded: its service's grade is not in the policy\n");
        return;
    }
    buf_printf(b, "  incident level    %s (the grade of %s)\n", ic->grade->id, in->service->id);
    buf_puts(b, "  severity          ");
    for (size_t k = 0; k < in->severities.n; k++) buf_printf(b, "%s%s", k ? " or " : "", in->severities.v[k]);
    buf_printf(b, " -> response level %s%s\n", ic->response->id, in->severities.n > 1 ? " (the higher applies)" : "");
    buf_printf(b, "  detected          %s\n", instant_format(z, in->detected, t));
    buf_printf(b, "  report due        %s", instant_format(z, ic->report_due, t));
    if (ic->reported)
        buf_printf(b, ", reported %s: %s\n", instant_format(z, ic->reported_at, t), ic->report_on_time ? "on time" : "late");
    else
        buf_puts(b, ", never reported\n");
    if (ic->has_target) {
        buf_printf(b, "  resolution due    %s", instant_format(z, ic->resolve_due, t));
        if (in->has_resolved)
            buf_printf(b, ", resolved %s after %g min: %s\n", instant_format(z, in->resolved, t), ic->restore / 60.0,
                       ic->resolved_in_time ? "in time" : "late");
        else
            buf_printf(b, ", unresolved%s\n", ic->overdue_open ? " and overdue" : "");
    }
    for (size_t k = 0; k < ic->escalations.n; k++) {
        const EscalationCalc *e = &ic->escalations.v[k];
        buf_printf(b, "  escalation due    to response level %s at %s", e->to, instant_format(z, e->due, t));
        if (e->made)
            buf_printf(b, ", made %s: %s\n", instant_format(z, e->made_at, t), e->on_time ? "on time" : "late");
        else
            buf_puts(b, ", not made\n");
    }
    buf_printf(b, "  progress updates  %d due, %d given\n", ic->updates_due, ic->updates_given);
}

char *calc_explain(Calc *c, const char *id)
{
    Buf b = {0};
    const Service *s = model_lookup(c->m, NS_SERVICE, id);
    if (s) explain_service(c, &c->svc[s->index], &b);
    for (size_t i = 0; i < c->m->incidents.n; i++)
        if (str_eq(c->m->incidents.v[i]->id, id)) explain_incident(c, &c->inc[i], &b);
    return b.s; /* NULL if nothing is called id */
}
