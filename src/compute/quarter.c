/*
 * quarter.c: calendar quarters rolled up from their months, for the
 * quarterly service report (ISO/IEC 20000-1 9.3 management review input):
 * the quarter of the period, up to the period, and the four before it.
 *
 * A quarter counts the months of it that have records (first_month up to
 * the period). Availability sums each month's service hours, maintenance,
 * agreed time and weighted downtime, so the quarter's percentage is the
 * agreed-time-weighted one, not a mean of monthly percentages; the target
 * is that of the SLA in force at the end of the last month counted.
 * Incidents, changes, surveys and complaints are counted over the months
 * as in a month (docs/metrics.md). A KPI's quarter value is the mean of
 * its monthly values in the quarter, with the status of that mean.
 */
#include <math.h>
#include <string.h>

#include "calc_int.h"

static Date quarter_first(int y, int q) { return (Date){y, (q - 1) * 3 + 1, 1}; }

static void one_quarter(Calc *c, QuarterCalc *qc, int y, int q)
{
    const Model *m = c->m;
    qc->year = y;
    qc->q = q;
    qc->first = quarter_first(y, q);
    qc->last = month_add(qc->first, 2);
    /* the months counted: the quarter's, within first_month..period */
    qc->from = date_cmp(qc->first, c->first_month) < 0 ? c->first_month : qc->first;
    qc->to = date_cmp(qc->last, c->period) > 0 ? c->period : qc->last;
    qc->months = 0;
    for (Date mo = qc->from; date_cmp(mo, qc->to) <= 0; mo = month_add(mo, 1)) qc->months++;
    qc->complete = qc->months == 3;

    size_t ns = m->services.n;
    qc->avail = arena_alloc(c->arena, (ns ? ns : 1) * sizeof *qc->avail);
    for (size_t i = 0; i < ns; i++) {
        const ServiceCalc *sc = &c->svc[i];
        Avail *a = &qc->avail[i];
        memset(a, 0, sizeof *a);
        a->month = qc->first;
        const Avail *lastm = NULL;
        for (size_t k = 0; k < sc->history.n; k++) {
            const Avail *h = &sc->history.v[k];
            if (date_cmp(h->month, qc->from) < 0 || date_cmp(h->month, qc->to) > 0) continue;
            if (!lastm) a->start = h->start;
            a->end = h->end;
            a->hours += h->hours;
            a->maintenance += h->maintenance;
            a->agreed += h->agreed;
            a->down_w += h->down_w;
            a->down += h->down;
            a->episodes += h->episodes;
            a->outages += h->outages;
            lastm = h;
        }
        a->applicable = a->agreed > 0;
        if (lastm) {
            a->has_target = lastm->has_target;
            a->target = lastm->target;
            a->sla = lastm->sla;
        }
        calc_avail_finish(a);
    }

    const IncidentPolicy *p = c->policy ? c->policy->inc : NULL;
    size_t ng = p ? p->grades.n : 0;
    qc->levels = arena_alloc(c->arena, (ng + 1) * sizeof *qc->levels);
    qc->nlevels = ng + 1;
    for (size_t g = 0; g <= ng; g++) {
        memset(&qc->levels[g], 0, sizeof qc->levels[g]);
        calc_level_summary(c, &qc->levels[g], g < ng ? p->grades.v[g].id : NULL, qc->from, qc->to);
    }
    calc_change_summary(c, &qc->changes, qc->from, qc->to);
    calc_satisfaction_summary(c, &qc->satisfaction, qc->from, qc->to);

    size_t nk = m->kpis.n;
    qc->kpi_mean = arena_alloc(c->arena, (nk ? nk : 1) * sizeof *qc->kpi_mean);
    qc->kpi_points = arena_alloc(c->arena, (nk ? nk : 1) * sizeof *qc->kpi_points);
    qc->kpi_status = arena_alloc(c->arena, (nk ? nk : 1) * sizeof *qc->kpi_status);
    for (size_t i = 0; i < nk; i++) {
        const KpiCalc *kc = &c->kpi[i];
        double sum = 0;
        int n = 0;
        for (size_t k = 0; k < kc->series.n; k++) {
            Date mo = kc->series.v[k].month;
            if (date_cmp(mo, qc->first) < 0 || date_cmp(mo, qc->last) > 0 || isnan(kc->series.v[k].value)) continue;
            sum += kc->series.v[k].value;
            n++;
        }
        qc->kpi_mean[i] = n ? sum / n : NAN;
        qc->kpi_points[i] = n;
        qc->kpi_status[i] = calc_kpi_status(kc->k, qc->kpi_mean[i]);
    }
}

void calc_quarters(Calc *c)
{
    int y = c->period.y, q = (c->period.m - 1) / 3 + 1;
    for (int i = 4; i >= 0; i--) {
        one_quarter(c, &c->quarters[i], y, q);
        if (--q == 0) {
            q = 4;
            y--;
        }
    }
}
