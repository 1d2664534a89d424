/*
 * risk.c: risk scores and bands, appetite and overdue treatments; the
 * operational summaries (changes, workload, satisfaction) of the period;
 * drills and plan exercise status.
 *
 *   score = likelihood x impact; band = the first band whose max >= score
 *   above appetite: residual score > the appetite's max score
 *   overdue: a treatment with a due date before the period's end and not
 *   done by the period's end
 */
#include <math.h>
#include <stdlib.h>

#include "../load/xml.h"
#include "calc_int.h"

static int band_of(const RiskPolicy *p, int score)
{
    for (size_t i = 0; p && i < p->bands.n; i++)
        if (p->bands.v[i].max < 0 || score <= p->bands.v[i].max) return (int)i;
    return -1;
}

static Date period_end_date(const Calc *c) { return month_add(c->period, 1); } /* exclusive */

void calc_risks(Calc *c)
{
    const RiskPolicy *p = c->policy->risk;
    Date end = period_end_date(c);
    for (size_t i = 0; i < c->m->risks.n; i++) {
        const Risk *r = c->m->risks.v[i];
        RiskCalc *rc = &c->risk[i];
        rc->r = r;
        rc->inherent = r->inh_l * r->inh_i;
        rc->residual = r->res_l * r->res_i;
        rc->inherent_band = band_of(p, rc->inherent);
        rc->residual_band = band_of(p, rc->residual);
        bool closed = str_eq(r->status, "closed");
        rc->above_appetite = p && rc->residual > p->appetite && !closed;
        if (closed) continue; /* a closed risk is off the heat map and owes no treatment */
        if (r->inh_l >= 1 && r->inh_l <= 10 && r->inh_i >= 1 && r->inh_i <= 10) c->heat_inherent[r->inh_l - 1][r->inh_i - 1]++;
        if (r->res_l >= 1 && r->res_l <= 10 && r->res_i >= 1 && r->res_i <= 10) c->heat_residual[r->res_l - 1][r->res_i - 1]++;
        for (size_t k = 0; k < r->treatments.n; k++) {
            const Treatment *t = &r->treatments.v[k];
            bool done = t->has_done && date_cmp(t->done, end) < 0;
            if (t->has_due && date_cmp(t->due, end) < 0 && !done) {
                rc->overdue++;
                char d[16];
                calc_finding(c, "treatment-overdue", r->id, t->node, NAN, NAN,
                             "risk %s: the %s treatment due %s is not done", r->id, t->kind, date_format(t->due, d));
            }
        }
        if (rc->above_appetite)
            calc_finding(c, "risk-above-appetite", r->id, r->node, rc->residual, p->appetite,
                         "risk %s has a residual score of %d, above the appetite of %d", r->id, rc->residual,
                         p->appetite);
    }
}

static const Zone *zone_of(const Model *m, const Service *s)
{
    if (s && s->calendar && s->calendar->zone) return s->calendar->zone;
    return m->org ? m->org->zone : NULL;
}

void calc_drills(Calc *c)
{
    const Model *m = c->m;
    Date end = period_end_date(c);
    const ContinuityPolicy *cp = c->policy->cont;
    for (size_t i = 0; i < m->drills.n; i++) {
        const Drill *d = m->drills.v[i];
        DrillCalc *dc = &c->drill[i];
        dc->d = d;
        dc->measured = arena_alloc(c->arena, (d->measured.n ? d->measured.n : 1) * sizeof *dc->measured);
        for (size_t k = 0; k < d->measured.n; k++) {
            const Measured *ms = &d->measured.v[k];
            MeasuredCalc *mc = &dc->measured[k];
            mc->ms = ms;
            mc->rto_limit = mc->rpo_limit = NO_SECS;
            if (!ms->service) continue;
            const ServiceCalc *sc = &c->svc[ms->service->index];
            mc->rto_limit = sc->rto;
            mc->rpo_limit = sc->rpo;
            for (size_t o = 0; o < d->objectives.n; o++) {
                const Objective *ob = &d->objectives.v[o];
                if (ob->service != ms->service) continue;
                if (ob->rto != NO_SECS && (mc->rto_limit == NO_SECS || ob->rto < mc->rto_limit)) mc->rto_limit = ob->rto;
                if (ob->rpo != NO_SECS && (mc->rpo_limit == NO_SECS || ob->rpo < mc->rpo_limit)) mc->rpo_limit = ob->rpo;
            }
            mc->rto_met = ms->recovery != NO_SECS && mc->rto_limit != NO_SECS && ms->recovery <= mc->rto_limit;
            mc->rpo_met = ms->data_loss != NO_SECS && mc->rpo_limit != NO_SECS && ms->data_loss <= mc->rpo_limit;
        }
        if (!d->has_result || date_cmp(d->date, end) >= 0) continue; /* not held by the period's end */
        dc->evaluated = true;
        for (size_t k = 0; k < d->measured.n; k++) {
            const Measured *ms = &d->measured.v[k];
            if (!ms->service || ms->recovery == NO_SECS) continue;
            Secs limit = dc->measured[k].rto_limit;
            if (limit != NO_SECS && ms->recovery > limit)
                calc_finding(c, "drill-rto-exceeded", d->id, ms->node, ms->recovery / 60.0, limit / 60.0,
                             "drill %s recovered %s in %g min, over its RTO of %g min", d->id, ms->service->id,
                             ms->recovery / 60.0, limit / 60.0);
            Secs rpo = dc->measured[k].rpo_limit;
            if (rpo != NO_SECS && ms->data_loss != NO_SECS && ms->data_loss > rpo)
                calc_finding(c, "drill-rpo-exceeded", d->id, ms->node, ms->data_loss / 60.0, rpo / 60.0,
                             "drill %s lost %g min of data of %s, over its RPO of %g min", d->id,
                             ms->data_loss / 60.0, ms->service->id, rpo / 60.0);
        }
        for (size_t k = 0; k < d->actions.n; k++) {
            const Action *a = &d->actions.v[k];
            bool done = a->has_done && date_cmp(a->done, end) < 0;
            char buf[16];
            if (date_cmp(a->due, end) < 0 && !done)
                calc_finding(c, "drill-action-overdue", d->id, a->node, NAN, NAN,
                             "drill %s: action %s due %s is not done", d->id, a->id ? a->id : "",
                             date_format(a->due, buf));
        }
    }
    for (size_t i = 0; i < m->plans.n; i++) {
        const Plan *p = m->plans.v[i];
        PlanCalc *pc = &c->plan[i];
        pc->p = p;
        for (size_t k = 0; k < m->drills.n; k++) {
            const Drill *d = m->drills.v[k];
            if (d->plan != p || !str_eq(d->status, "held") || date_cmp(d->date, end) >= 0) continue;
            if (!pc->drilled || date_cmp(d->date, pc->last_drill) > 0) pc->last_drill = d->date;
            pc->drilled = true;
        }
        int months = cp ? cp->drill_months : 6;
        if (pc->drilled) {
            Date due = month_add(pc->last_drill, months);
            due.d = pc->last_drill.d > days_in_month(due.y, due.m) ? days_in_month(due.y, due.m) : pc->last_drill.d;
            pc->next_drill_due = due;
            pc->drill_overdue = date_cmp(due, end) < 0;
        } else {
            pc->next_drill_due = c->period;
            pc->drill_overdue = true;
        }
        /* a significant change after the last exercise: the plan's own
         * record of one, or a change record marked significant on a
         * service it covers */
        bool have = false;
        Date changed = {0};
        const char *what = NULL;
        if (p->has_significant_change && date_cmp(p->significant_change, end) < 0) {
            have = true;
            changed = p->significant_change;
        }
        for (size_t k = 0; k < m->changes.n; k++) {
            const Change *ch = m->changes.v[k];
            if (!ch->significant || !ch->service || str_eq(ch->status, "cancelled")) continue;
            bool covered = false;
            for (size_t q = 0; q < p->covers.n; q++) covered |= p->covers.v[q] == ch->service;
            if (!covered) continue;
            int64_t days;
            const Zone *z = zone_of(m, ch->service);
            if (z) zone_utc_to_local(z, ch->start, &days, NULL, NULL);
            else days = ch->start / 86400;
            Date d;
            civil_from_days(days, &d.y, &d.m, &d.d);
            if (date_cmp(d, end) >= 0) continue;
            if (!have || date_cmp(d, changed) > 0) {
                have = true;
                changed = d;
                what = ch->id;
            }
        }
        pc->retest_due = have && (!pc->drilled || date_cmp(changed, pc->last_drill) > 0);
        pc->changed = changed;
        pc->change = what;
        char buf[16];
        if (pc->drill_overdue)
            calc_finding(c, "plan-drill-overdue", p->id, p->node, NAN, months,
                         pc->drilled ? "plan %s was last exercised on %s, more than %d months ago"
                                     : "plan %s has never been exercised%s (the policy asks every %d months)",
                         p->id, pc->drilled ? date_format(pc->last_drill, buf) : "", months);
        if (pc->retest_due)
            calc_finding(c, "plan-retest-due", p->id, p->node, NAN, NAN,
                         "plan %s needs a retest: a significant change%s%s on %s came after its last exercise", p->id,
                         pc->change ? " " : "", pc->change ? pc->change : "", date_format(pc->changed, buf));
    }
}

/* Changes started in the months from..to. */
void calc_change_summary(const Calc *c, ChangeSummary *cs, Date from, Date to)
{
    const Model *m = c->m;
    memset(cs, 0, sizeof *cs);
    for (size_t i = 0; i < m->changes.n; i++) {
        const Change *ch = m->changes.v[i];
        Date mo = calc_month_of(zone_of(m, ch->service), ch->start);
        if (date_cmp(mo, from) < 0 || date_cmp(mo, to) > 0) continue;
        cs->total++;
        if (str_eq(ch->status, "implemented")) cs->implemented++;
        else if (str_eq(ch->status, "failed")) cs->failed++;
        else if (str_eq(ch->status, "rolled-back")) cs->rolled_back++;
        else if (str_eq(ch->status, "cancelled")) cs->cancelled++;
        cs->emergency += str_eq(ch->type, "emergency");
        cs->significant += ch->significant;
    }
    int attempted = cs->implemented + cs->failed + cs->rolled_back;
    cs->success = attempted ? 100.0 * cs->implemented / attempted : NAN;
}

/* Surveys and complaints of the months from..to; open complaints at the
 * end of `to`. Overall surveys (no service): the respondent-weighted mean,
 * each score read as a share of its own scale and given on the largest
 * scale. */
void calc_satisfaction_summary(const Calc *c, SatisfactionSummary *ss, Date from, Date to)
{
    const Model *m = c->m;
    memset(ss, 0, sizeof *ss);
    Date end = month_add(to, 1);
    double weighted = 0;
    ss->score = NAN;
    for (size_t i = 0; i < m->surveys.n; i++) {
        const Survey *sv = m->surveys.v[i];
        if (date_cmp(sv->month, from) < 0 || date_cmp(sv->month, to) > 0 || sv->service) continue;
        ss->surveys++;
        ss->respondents += sv->respondents;
        weighted += dec_to_double(sv->score) / sv->scale * sv->respondents;
        if (sv->scale > ss->scale) ss->scale = sv->scale;
    }
    if (ss->respondents) ss->score = weighted / ss->respondents * ss->scale;
    for (size_t i = 0; i < m->complaints.n; i++) {
        const Complaint *cp = m->complaints.v[i];
        const Zone *z = zone_of(m, cp->service);
        Date mo = calc_month_of(z, cp->received);
        if (date_cmp(mo, end) >= 0) continue;
        bool closed_by_end = cp->has_closed && date_cmp(calc_month_of(z, cp->closed), end) < 0;
        if (date_cmp(mo, from) >= 0) {
            ss->complaints++;
            if (closed_by_end) ss->closed++;
        }
        if (!closed_by_end) ss->open++;
    }
}

/* Controlled documents past their review date (ISO/IEC 20000-1 7.5.3,
 * ISO 22301 7.5.3): review-by before the period's last day, for documents
 * in use (not superseded or withdrawn). */
void calc_documents(Calc *c)
{
    const Model *m = c->m;
    Date last = {c->period.y, c->period.m, days_in_month(c->period.y, c->period.m)};
    for (size_t i = 0; i < m->documents.n; i++) {
        const Document *d = m->documents.v[i];
        if (!d->has_review_by || str_eq(d->status, "superseded") || str_eq(d->status, "withdrawn")) continue;
        if (date_cmp(d->review_by, last) >= 0) continue;
        c->review_overdue[i] = true;
        char t[16];
        calc_finding(c, "document-review-overdue", d->number, d->node, NAN, NAN,
                     "document %s %s was due for review by %s", d->number, d->version, date_format(d->review_by, t));
        /* an approved document in use past its review date: a warning (an
         * error under --strict), at its review-by attribute */
        if (str_eq(d->status, "approved"))
            diag_node(DIAG_WARNING, d->node, "review-by", "document '%s' %s is past its review date %s (the period ends %04d-%02d-%02d)",
                      d->number, d->version, t, last.y, last.m, last.d);
    }
}

void calc_operations(Calc *c)
{
    const Model *m = c->m;
    calc_change_summary(c, &c->changes, c->period, c->period);

    /* workload against the SLA in force at the month's end, and against
     * the month before (found through a map keyed by service, metric and
     * month, so this stays linear) */
    Map *by_key = map_new();
    char **keys = xcalloc(m->measures.n ? m->measures.n : 1, sizeof *keys);
    for (size_t i = 0; i < m->measures.n; i++) {
        const Measure *me = m->measures.v[i];
        if (!me->service) continue;
        keys[i] = xasprintf("%s\x1f%s\x1f%04d-%02d", me->service->id, me->metric ? me->metric : "", me->month.y, me->month.m);
        map_put(by_key, keys[i], (void *)me);
    }
    for (size_t i = 0; i < m->measures.n; i++) {
        const Measure *me = m->measures.v[i];
        WorkloadCalc *w = &c->work[i];
        w->me = me;
        w->use = NAN;
        w->change = NAN;
        if (!me->service) continue;
        Date last = {me->month.y, me->month.m, days_in_month(me->month.y, me->month.m)};
        const Sla *sla = sla_at(me->service, last);
        for (size_t k = 0; sla && k < sla->workload.n; k++)
            if (str_eq(sla->workload.v[k].metric, me->metric)) w->limit = &sla->workload.v[k];
        if (w->limit && w->limit->max.num > 0) {
            w->use = dec_to_double(me->peak) / dec_to_double(w->limit->max) * 100.0;
            w->over = dec_cmp(me->peak, w->limit->max) > 0;
        }
        Date prev = month_add(me->month, -1);
        char *pk = xasprintf("%s\x1f%s\x1f%04d-%02d", me->service->id, me->metric ? me->metric : "", prev.y, prev.m);
        const Measure *o = map_get(by_key, pk);
        free(pk);
        if (o && o->peak.num != 0) {
            w->prev = true;
            w->change = (dec_to_double(me->peak) / dec_to_double(o->peak) - 1.0) * 100.0;
        }
        if (w->over && date_cmp(me->month, c->period) == 0) {
            char a[40], b[40];
            calc_finding(c, "workload-over-limit", me->service->id, me->node, dec_to_double(me->peak),
                         dec_to_double(w->limit->max), "service %s: %s peaked at %s %s, over the agreed %s",
                         me->service->id, me->metric, dec_format(me->peak, a), w->limit->unit, dec_format(w->limit->max, b));
        }
    }

    /* satisfaction */
    map_free(by_key);
    for (size_t i = 0; i < m->measures.n; i++) free(keys[i]);
    free(keys);

    calc_satisfaction_summary(c, &c->satisfaction, c->period, c->period);
}
