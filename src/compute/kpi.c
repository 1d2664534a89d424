/*
 * kpi.c: KPI series and trends. A KPI with a source takes its value from
 * the records for every month that has records (the recorded value of such
 * a month is kept beside it); other months, and KPIs without a source, use
 * the recorded values.
 *
 *   status      green when the value meets the target (>= for higher-better,
 *               <= for lower-better), amber when it meets the amber
 *               threshold, red otherwise
 *   delta_prev  value - value of the month before
 *   delta_year  value - value of the same month a year before
 *   moving3     mean of this month and the two before (all three needed)
 *   slope       least-squares slope per month over the 12 months ending
 *               here (two values needed)
 *   missed_run  consecutive months up to this one not meeting the target
 */
#include <math.h>
#include <stdlib.h>

#include "calc_int.h"

static const Zone *zone_of(const Model *m, const Service *s)
{
    if (s && s->calendar && s->calendar->zone) return s->calendar->zone;
    return m->org ? m->org->zone : NULL;
}

/* The value of a sourced KPI in a month, from the records; NaN if none. */
static double computed(const Calc *c, const Kpi *k, Date month)
{
    const Model *m = c->m;
    if (date_cmp(month, c->first_month) < 0 || date_cmp(month, c->period) > 0) return NAN;
    if (str_eq(k->source, "availability")) {
        if (!k->service) return NAN;
        const ServiceCalc *sc = &c->svc[k->service->index];
        for (size_t i = 0; i < sc->history.n; i++)
            if (date_cmp(sc->history.v[i].month, month) == 0) return sc->history.v[i].percent;
        return NAN;
    }
    if (str_eq(k->source, "reported-on-time") || str_eq(k->source, "resolved-in-time") ||
        str_eq(k->source, "restore-mean")) {
        int n = 0, hit = 0;
        double sum = 0;
        for (size_t i = 0; i < m->incidents.n; i++) {
            const IncidentCalc *ic = &c->inc[i];
            if (!ic->grade || date_cmp(ic->month, month) != 0) continue;
            if (k->service && ic->in->service != k->service) continue;
            if (str_eq(k->source, "reported-on-time")) {
                n++;
                hit += ic->report_on_time;
            } else if (str_eq(k->source, "resolved-in-time")) {
                if (!ic->has_target || (!ic->in->has_resolved && !ic->overdue_open)) continue;
                n++;
                hit += ic->resolved_in_time;
            } else if (ic->restore != NO_SECS) {
                n++;
                sum += ic->restore / 60.0;
            }
        }
        if (!n) return NAN;
        return str_eq(k->source, "restore-mean") ? sum / n : 100.0 * hit / n;
    }
    if (str_eq(k->source, "change-success")) {
        int ok = 0, tried = 0;
        for (size_t i = 0; i < m->changes.n; i++) {
            const Change *ch = m->changes.v[i];
            if (k->service && ch->service != k->service) continue;
            if (date_cmp(calc_month_of(zone_of(m, ch->service), ch->start), month) != 0) continue;
            if (str_eq(ch->status, "cancelled")) continue;
            tried++;
            ok += str_eq(ch->status, "implemented");
        }
        return tried ? 100.0 * ok / tried : NAN;
    }
    if (str_eq(k->source, "satisfaction")) {
        /* as the satisfaction summary: each score a share of its scale,
         * respondent-weighted, given on the largest scale */
        double w = 0;
        int n = 0, scale = 0;
        for (size_t i = 0; i < m->surveys.n; i++) {
            const Survey *sv = m->surveys.v[i];
            if (date_cmp(sv->month, month) != 0 || sv->service != k->service || sv->scale <= 0) continue;
            w += dec_to_double(sv->score) / sv->scale * sv->respondents;
            n += sv->respondents;
            if (sv->scale > scale) scale = sv->scale;
        }
        return n ? w / n * scale : NAN;
    }
    return NAN;
}

static double recorded(const Kpi *k, Date month)
{
    for (size_t i = 0; i < k->values.n; i++)
        if (date_cmp(k->values.v[i].month, month) == 0) return dec_to_double(k->values.v[i].value);
    return NAN;
}

static bool meets(const Kpi *k, double v, Dec t)
{
    double x = dec_to_double(t);
    return k->higher_better ? v >= x : v <= x;
}

KpiStatus calc_kpi_status(const Kpi *k, double v)
{
    if (isnan(v)) return KPI_NONE;
    if (meets(k, v, k->target)) return KPI_GREEN;
    if (k->has_amber && meets(k, v, k->amber)) return KPI_AMBER;
    return KPI_RED;
}

void calc_kpis(Calc *c)
{
    for (size_t i = 0; i < c->m->kpis.n; i++) {
        const Kpi *k = c->m->kpis.v[i];
        KpiCalc *kc = &c->kpi[i];
        kc->k = k;
        double v[13];
        bool comp[13];
        for (int j = 0; j < 13; j++) {
            Date mo = month_add(c->period, j - 12);
            double x = k->source ? computed(c, k, mo) : NAN;
            comp[j] = !isnan(x);
            v[j] = comp[j] ? x : recorded(k, mo);
            if (j >= 1 && !isnan(v[j])) {
                KpiPoint *pt = vec_add(c->arena, &kc->series);
                pt->month = mo;
                pt->value = v[j];
                pt->computed = comp[j];
            }
        }
        kc->value = v[12];
        kc->has_value = !isnan(v[12]);
        kc->status = calc_kpi_status(k, v[12]);
        kc->delta_prev = v[12] - v[11];
        kc->delta_year = v[12] - v[0];
        kc->moving3 = (v[12] + v[11] + v[10]) / 3.0; /* NaN if any is missing */
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int j = 1; j < 13; j++) {
            if (isnan(v[j])) continue;
            n++;
            sx += j, sy += v[j], sxx += (double)j * j, sxy += j * v[j];
        }
        double den = n * sxx - sx * sx;
        kc->slope = n >= 2 && den != 0 ? (n * sxy - sx * sy) / den : NAN;
        for (int j = 12; j >= 0 && !isnan(v[j]) && !meets(k, v[j], k->target); j--) kc->missed_run++;
        if (kc->status == KPI_RED) {
            char t[40];
            calc_finding(c, "kpi-red", k->id, k->node, kc->value, dec_to_double(k->target),
                         "KPI %s is %.4g %s against a target of %s", k->id, kc->value, k->unit ? k->unit : "",
                         dec_format(k->target, t));
        }
    }
}
