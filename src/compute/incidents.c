/*
 * incidents.c: incident grading, timeliness and escalation under the
 * incident policy in force on the day each incident was detected.
 *
 *   incident level  = the grade of the affected service
 *   response level  = matrix[grade][severity]; for an uncertain severity
 *                     the highest response of the candidates
 *   report due      = detected + the grade's report deadline
 *   resolution due  = detected + the grade's resolution target
 *   escalation due  = detected + rule.after, for each rule of the grade that
 *                     raises the response level, if still unresolved then;
 *                     made on time if recorded by due + the report deadline
 *   updates due     = one per update interval of the response level in
 *                     force, counted from detection (or from an escalation)
 *                     until resolution or the period's end
 */
#include <math.h>
#include <stdlib.h>

#include "calc_int.h"

static const Zone *zone_of(const Model *m, const Service *s)
{
    if (s && s->calendar && s->calendar->zone) return s->calendar->zone;
    return m->org ? m->org->zone : NULL;
}

static Date local_date(const Zone *z, Instant t)
{
    int64_t days;
    if (z) zone_utc_to_local(z, t, &days, NULL, NULL);
    else days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    Date d;
    civil_from_days(days, &d.y, &d.m, &d.d);
    return d;
}

static const ResponseLevel *response_by_id(const IncidentPolicy *p, const char *id)
{
    for (size_t i = 0; id && i < p->responses.n; i++)
        if (str_eq(p->responses.v[i].id, id)) return &p->responses.v[i];
    return NULL;
}

static int cmp_instant(const void *a, const void *b)
{
    Instant x = *(const Instant *)a, y = *(const Instant *)b;
    return (x > y) - (x < y);
}

static double mins(Secs s) { return (double)s / 60.0; }

static void one(Calc *c, const Incident *in, IncidentCalc *ic, Instant period_end)
{
    const Model *m = c->m;
    ic->in = in;
    ic->restore = NO_SECS;
    const Zone *z = zone_of(m, in->service);
    ic->month = local_date(z, in->detected);
    ic->month.d = 1;
    ic->policy = policy_at(m, local_date(z, in->detected));
    const IncidentPolicy *p = ic->policy ? ic->policy->inc : NULL;
    if (!p || !in->service) return;
    int g = -1;
    for (size_t i = 0; i < p->grades.n; i++)
        if (str_eq(p->grades.v[i].id, in->service->grade)) g = (int)i;
    if (g < 0) return;
    ic->grade = &p->grades.v[g];
    /* response level: the highest over the candidate severities */
    for (size_t k = 0; k < in->severities.n; k++) {
        int sv = -1;
        for (size_t i = 0; i < p->severities.n; i++)
            if (str_eq(p->severities.v[i].id, in->severities.v[k])) sv = (int)i;
        for (size_t i = 0; i < p->matrix.n; i++) {
            const MatrixCell *mc = &p->matrix.v[i];
            if (mc->grade != g || (mc->severity != -1 && mc->severity != sv) || mc->response < 0) continue;
            const ResponseLevel *r = &p->responses.v[mc->response];
            if (!ic->response || r->rank < ic->response->rank) ic->response = r;
        }
    }
    if (!ic->response) return;

    /* the evaluation ends at resolution, or at the period's end if open */
    Instant until = in->has_resolved ? in->resolved : period_end;
    if (until < in->detected) until = in->detected;

    ic->report_due = in->detected + ic->grade->report;
    for (size_t k = 0; k < in->reports.n; k++)
        if (str_eq(in->reports.v[k].kind, "detection")) {
            ic->reported = true;
            ic->reported_at = in->reports.v[k].at;
        }
    ic->report_on_time = ic->reported && ic->reported_at <= ic->report_due;

    ic->has_target = ic->grade->resolve != NO_SECS;
    if (ic->has_target) {
        ic->resolve_due = in->detected + ic->grade->resolve;
        ic->resolved_in_time = in->has_resolved && in->resolved <= ic->resolve_due;
        ic->overdue_open = !in->has_resolved && period_end > ic->resolve_due;
    }
    if (in->has_resolved) ic->restore = in->resolved - in->detected;

    /* escalations due by the rules, in order of time */
    int current = ic->response->rank;
    const Escalation **rules = xmalloc((p->escalations.n + 1) * sizeof *rules);
    size_t nr = 0;
    for (size_t i = 0; i < p->escalations.n; i++)
        if (p->escalations.v[i].grade == g && p->escalations.v[i].response >= 0) rules[nr++] = &p->escalations.v[i];
    for (size_t i = 1; i < nr; i++) /* insertion sort by `after` */
        for (size_t j = i; j > 0 && rules[j]->after < rules[j - 1]->after; j--) {
            const Escalation *t = rules[j];
            rules[j] = rules[j - 1];
            rules[j - 1] = t;
        }
    for (size_t i = 0; i < nr; i++) {
        const ResponseLevel *to = &p->responses.v[rules[i]->response];
        if (to->rank >= current) continue; /* not higher than the level already in force */
        Instant due = in->detected + rules[i]->after;
        if (due >= until) break; /* resolved (or the period ended) before it fell due */
        current = to->rank;
        EscalationCalc *e = vec_add(c->arena, &ic->escalations);
        e->rule = rules[i];
        e->to = to->id;
        e->due = due;
        for (size_t k = 0; k < in->escalations.n; k++) {
            const ResponseLevel *made = response_by_id(p, in->escalations.v[k].to);
            if (made && made->rank <= to->rank && (!e->made || in->escalations.v[k].at < e->made_at)) {
                e->made = true;
                e->made_at = in->escalations.v[k].at;
            }
        }
        e->on_time = e->made && e->made_at <= due + ic->grade->report;
    }
    free(rules);

    /* the response level actually in force, step by step */
    ic->final = ic->response;
    size_t ne = in->escalations.n;
    Instant *when = xmalloc((ne + 1) * sizeof *when);
    const ResponseLevel **lv = xmalloc((ne + 1) * sizeof *lv);
    for (size_t k = 0; k < ne; k++) when[k] = in->escalations.v[k].at;
    xsort(when, ne, sizeof *when, cmp_instant);
    for (size_t k = 0; k < ne; k++) {
        lv[k] = NULL;
        for (size_t j = 0; j < ne; j++)
            if (in->escalations.v[j].at == when[k]) {
                const ResponseLevel *r = response_by_id(p, in->escalations.v[j].to);
                if (r && (!lv[k] || r->rank < lv[k]->rank)) lv[k] = r;
            }
    }
    /* progress updates due: marks every interval of the level in force */
    const ResponseLevel *level = ic->response;
    Instant from = in->detected;
    size_t k = 0;
    for (;;) {
        Instant seg_end = until;
        while (k < ne && (when[k] <= from || !lv[k] || lv[k]->rank >= level->rank)) k++;
        if (k < ne && when[k] < until) seg_end = when[k];
        if (level->update != NO_SECS && level->update > 0)
            for (Instant t = from + level->update; t < seg_end; t += level->update) ic->updates_due++;
        if (seg_end >= until) break;
        level = lv[k];
        ic->final = level;
        from = seg_end;
        k++;
    }
    free(when);
    free(lv);
    for (size_t u = 0; u < in->updates.n; u++)
        if (in->updates.v[u] >= in->detected && in->updates.v[u] < until) ic->updates_given++;
    ic->major = ic->response->rank == 1 || (ic->final && ic->final->rank == 1);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* nearest-rank percentile of sorted values */
static double p90(const double *v, size_t n)
{
    size_t idx = (size_t)ceil(0.9 * (double)n);
    return v[idx ? idx - 1 : 0];
}

/* Incidents of one level (NULL: all) detected in the months from..to. */
void calc_level_summary(const Calc *c, LevelSummary *ls, const char *grade, Date from, Date to)
{
    ls->grade = grade;
    double *rs = xmalloc((c->m->incidents.n + 1) * sizeof *rs);
    size_t nrs = 0;
    for (size_t i = 0; i < c->m->incidents.n; i++) {
        const IncidentCalc *ic = &c->inc[i];
        if (!ic->grade || date_cmp(ic->month, from) < 0 || date_cmp(ic->month, to) > 0) continue;
        if (grade && !str_eq(ic->grade->id, grade)) continue;
        ls->count++;
        ls->major += ic->major;
        ls->reported_on_time += ic->report_on_time;
        if (ic->has_target && (ic->in->has_resolved || ic->overdue_open)) {
            ls->with_target++;
            ls->resolved_in_time += ic->resolved_in_time;
        }
        for (size_t k = 0; k < ic->escalations.n; k++) {
            ls->escalations_due++;
            ls->escalations_made += ic->escalations.v[k].made;
            ls->escalations_on_time += ic->escalations.v[k].on_time;
        }
        if (!ic->in->has_resolved) ls->open++;
        if (ic->restore != NO_SECS) rs[nrs++] = mins(ic->restore);
    }
    xsort(rs, nrs, sizeof *rs, cmp_double);
    double sum = 0;
    for (size_t i = 0; i < nrs; i++) sum += rs[i];
    ls->restore_mean = nrs ? sum / (double)nrs : NAN;
    ls->restore_p90 = nrs ? p90(rs, nrs) : NAN;
    ls->reported_share = ls->count ? 100.0 * ls->reported_on_time / ls->count : NAN;
    ls->resolved_share = ls->with_target ? 100.0 * ls->resolved_in_time / ls->with_target : NAN;
    free(rs);
}

void calc_incidents(Calc *c)
{
    const Model *m = c->m;
    for (size_t i = 0; i < m->incidents.n; i++) {
        const Incident *in = m->incidents.v[i];
        IncidentCalc *ic = &c->inc[i];
        /* evaluated at the end of the period reported on (or of its own
         * month, for an incident after the period) */
        const Zone *z = zone_of(m, in->service);
        Date month = local_date(z, in->detected);
        month.d = 1;
        Instant a, b;
        calc_month_bounds(z, date_cmp(month, c->period) > 0 ? month : c->period, &a, &b);
        one(c, in, ic, b);
        if (!ic->grade || date_cmp(ic->month, c->period) != 0) continue;
        const xmlNode *n = in->node;
        char t[48];
        if (!ic->reported)
            calc_finding(c, "report-missing", in->id, n, NAN, mins(ic->grade->report),
                         "incident %s has no detection report (due within %g min)", in->id, mins(ic->grade->report));
        else if (!ic->report_on_time)
            calc_finding(c, "report-late", in->id, n, mins(ic->reported_at - in->detected), mins(ic->grade->report),
                         "incident %s was first reported %g min after detection; the deadline is %g min", in->id,
                         mins(ic->reported_at - in->detected), mins(ic->grade->report));
        if (ic->has_target && in->has_resolved && !ic->resolved_in_time)
            calc_finding(c, "resolved-late", in->id, n, mins(ic->restore), mins(ic->grade->resolve),
                         "incident %s was resolved in %g min; the target is %g min", in->id, mins(ic->restore),
                         mins(ic->grade->resolve));
        if (ic->overdue_open)
            calc_finding(c, "open-overdue", in->id, n, NAN, mins(ic->grade->resolve),
                         "incident %s is unresolved past its %g min target (due %s)", in->id, mins(ic->grade->resolve),
                         instant_format(z, ic->resolve_due, t));
        for (size_t k = 0; k < ic->escalations.n; k++) {
            const EscalationCalc *e = &ic->escalations.v[k];
            if (!e->made)
                calc_finding(c, "escalation-missed", in->id, n, NAN, mins(e->due - in->detected),
                             "incident %s was not escalated to response level %s, due %s", in->id, e->to,
                             instant_format(z, e->due, t));
            else if (!e->on_time)
                calc_finding(c, "escalation-late", in->id, n, mins(e->made_at - in->detected), mins(e->due - in->detected),
                             "incident %s was escalated to response level %s %g min after it fell due", in->id, e->to,
                             mins(e->made_at - e->due));
        }
        if (ic->updates_given < ic->updates_due)
            calc_finding(c, "updates-missing", in->id, n, ic->updates_given, ic->updates_due,
                         "incident %s had %d progress updates; %d were due", in->id, ic->updates_given, ic->updates_due);
    }
    /* per service, against its SLA's incident targets */
    for (size_t i = 0; i < m->incidents.n; i++) {
        const IncidentCalc *ic = &c->inc[i];
        if (!ic->grade || !ic->in->service || date_cmp(ic->month, c->period) != 0) continue;
        ServiceCalc *sc = &c->svc[ic->in->service->index];
        sc->inc_count++;
        sc->inc_reported += ic->report_on_time;
        if (ic->has_target && (ic->in->has_resolved || ic->overdue_open)) {
            sc->inc_with_target++;
            sc->inc_resolved += ic->resolved_in_time;
        }
    }
    for (size_t i = 0; i < m->services.n; i++) {
        ServiceCalc *sc = &c->svc[i];
        sc->inc_reported_share = sc->inc_count ? 100.0 * sc->inc_reported / sc->inc_count : NAN;
        sc->inc_resolved_share = sc->inc_with_target ? 100.0 * sc->inc_resolved / sc->inc_with_target : NAN;
        const Sla *sla = sc->avail.sla;
        if (!sla) continue;
        char t[40];
        if (sla->has_reported_target && sc->inc_count && sc->inc_reported_share < dec_to_double(sla->reported_target))
            calc_finding(c, "incident-target-missed", sc->s->id, sla->node, sc->inc_reported_share,
                         dec_to_double(sla->reported_target),
                         "service %s: %d of %d incidents were reported on time (%.1f %%), below the agreed %s %%", sc->s->id,
                         sc->inc_reported, sc->inc_count, sc->inc_reported_share, dec_format(sla->reported_target, t));
        if (sla->has_resolved_target && sc->inc_with_target && sc->inc_resolved_share < dec_to_double(sla->resolved_target))
            calc_finding(c, "incident-target-missed", sc->s->id, sla->node, sc->inc_resolved_share,
                         dec_to_double(sla->resolved_target),
                         "service %s: %d of %d incidents were resolved within target (%.1f %%), below the agreed %s %%",
                         sc->s->id, sc->inc_resolved, sc->inc_with_target, sc->inc_resolved_share,
                         dec_format(sla->resolved_target, t));
    }
    /* summaries: each grade of the policy in force, then all */
    const IncidentPolicy *p = c->policy ? c->policy->inc : NULL;
    for (size_t g = 0; p && g < p->grades.n; g++)
        calc_level_summary(c, vec_add(c->arena, &c->levels), p->grades.v[g].id, c->period, c->period);
    calc_level_summary(c, vec_add(c->arena, &c->levels), NULL, c->period, c->period);
}
