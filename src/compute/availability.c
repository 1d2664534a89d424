/*
 * availability.c: agreed service time from calendars and SLAs, and the
 * unplanned downtime inside it.
 *
 *   period P = [local midnight of the 1st, local midnight of the next 1st)
 *   hours    = service hours in P (the calendar edition in force each day)
 *   agreed   = hours - maintenance windows (the SLA edition in force each day)
 *   for each unplanned outage o:  R_o = [start, end) ∩ agreed
 *   at each moment the largest impact among the R_o covering it counts:
 *
 *      o1  |=====1.0=====|
 *      o2        |==0.5============|
 *   counted    |====o1=====|==o2===|     o2's first part is "overlapped"
 *
 *   availability = (agreed - Σ counted × impact) / agreed × 100
 */
#include <math.h>
#include <stdlib.h>

#include "calc.h"

static const Zone *svc_zone(const Model *m, const Service *s)
{
    if (s->calendar && s->calendar->zone) return s->calendar->zone;
    return m->org ? m->org->zone : NULL;
}

void calc_month_bounds(const Zone *z, Date month, Instant *a, Instant *b)
{
    Date next = month_add(month, 1);
    if (!z) {
        *a = date_days(month) * 86400;
        *b = date_days(next) * 86400;
        return;
    }
    *a = zone_day_start(z, date_days(month));
    *b = zone_day_start(z, date_days(next));
}

Date calc_month_of(const Zone *z, Instant t)
{
    int64_t days;
    if (z) zone_utc_to_local(z, t, &days, NULL, NULL);
    else days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    Date d;
    civil_from_days(days, &d.y, &d.m, &d.d);
    d.d = 1;
    return d;
}

static Instant local_at(const Zone *z, int64_t day, int minutes)
{
    if (minutes >= 1440) return z ? zone_day_start(z, day + 1) : (day + 1) * 86400;
    Instant t;
    if (!z) return day * 86400 + minutes * 60;
    zone_local_to_utc(z, day, minutes * 60, &t); /* a gap yields the instant after the jump */
    return t;
}

static bool in_holiday(const CalEdition *e, int64_t day)
{
    for (size_t i = 0; i < e->holidays.n; i++)
        if (day >= e->holidays.v[i].first && day <= e->holidays.v[i].last) return true;
    return false;
}

static int workday_as(const CalEdition *e, int64_t day)
{
    for (size_t i = 0; i < e->workdays.n; i++)
        if (e->workdays.v[i].day == day) return e->workdays.v[i].as;
    return -1;
}

void calc_agreed_spans(const Model *m, const Service *s, Instant a, Instant b, Spans *hours, Spans *maint)
{
    const Zone *z = svc_zone(m, s);
    int64_t d0, d1;
    if (z) {
        zone_utc_to_local(z, a, &d0, NULL, NULL);
        zone_utc_to_local(z, b, &d1, NULL, NULL);
    } else {
        d0 = a / 86400;
        d1 = b / 86400;
    }
    Spans h = {0}, mw = {0};
    for (int64_t d = d0 - 1; d <= d1 + 1; d++) {
        Date date;
        civil_from_days(d, &date.y, &date.m, &date.d);
        const Sla *sla = sla_at(s, date);
        const Calendar *cal = sla && sla->calendar ? sla->calendar : s->calendar;
        if (!cal) continue;
        const CalEdition *e = calendar_at(cal, date);
        const Zone *cz = cal->zone ? cal->zone : z;
        if (e) {
            if (e->always) {
                spans_push(&h, local_at(cz, d, 0), local_at(cz, d, 1440));
            } else if (!in_holiday(e, d)) {
                int wd = workday_as(e, d);
                if (wd < 0) wd = weekday_of_days(d);
                const DayHours *dh = &e->week[wd];
                for (int i = 0; i < dh->n; i++)
                    spans_push(&h, local_at(cz, d, dh->span[i].from), local_at(cz, d, dh->span[i].to));
            }
        }
        if (!sla) continue;
        int wd = weekday_of_days(d);
        for (size_t i = 0; i < sla->maintenance.n; i++) {
            const Maintenance *w = &sla->maintenance.v[i];
            if (!w->weekly || !(w->days & (1u << wd))) continue;
            Instant ws = local_at(cz, d, w->from);
            Instant we = w->to > w->from ? local_at(cz, d, w->to) : local_at(cz, d + 1, w->to);
            spans_push(&mw, ws, we); /* in any order: normalised below */
        }
    }
    /* one-off windows belong to the SLA edition in force when they start */
    for (size_t k = 0; k < s->slas.n; k++) {
        const Sla *sla = s->slas.v[k];
        for (size_t i = 0; i < sla->maintenance.n; i++) {
            const Maintenance *w = &sla->maintenance.v[i];
            if (w->weekly || w->end <= a || w->start >= b) continue;
            Date sd = calc_month_of(z, w->start);
            int64_t days;
            if (z) zone_utc_to_local(z, w->start, &days, NULL, NULL);
            else days = w->start / 86400;
            civil_from_days(days, &sd.y, &sd.m, &sd.d);
            if (sla_at(s, sd) == sla) spans_push(&mw, w->start, w->end);
        }
    }
    spans_normalise(&h);
    spans_normalise(&mw);
    spans_clip(&h, a, b, hours);
    spans_clip(&mw, a, b, maint);
    spans_free(&h);
    spans_free(&mw);
}

/* ---- the sweep: the largest impact at each moment ---------------------- */

typedef struct {
    int64_t at;
    int idx;   /* into the segment table */
    bool start;
} Event;

typedef struct {
    Instant a, b;
    int impact;
    int outage; /* index into the local outage table */
    Instant order; /* the outage's start, for ties */
} Seg;

static int cmp_event(const void *x, const void *y)
{
    const Event *p = x, *q = y;
    if (p->at != q->at) return p->at < q->at ? -1 : 1;
    return (p->start > q->start) - (p->start < q->start); /* ends before starts */
}

/* heap of segment indexes, best first */
typedef struct {
    int *v;
    size_t n;
    const Seg *segs;
} Heap;

static bool better(const Heap *h, int x, int y)
{
    const Seg *a = &h->segs[x], *b = &h->segs[y];
    if (a->impact != b->impact) return a->impact > b->impact;
    if (a->order != b->order) return a->order < b->order;
    return a->outage < b->outage;
}

static void heap_push(Heap *h, int x)
{
    size_t i = h->n++;
    h->v[i] = x;
    while (i > 0 && better(h, h->v[i], h->v[(i - 1) / 2])) {
        int t = h->v[i];
        h->v[i] = h->v[(i - 1) / 2];
        h->v[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

static void heap_pop(Heap *h)
{
    h->v[0] = h->v[--h->n];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, best = i;
        if (l < h->n && better(h, h->v[l], h->v[best])) best = l;
        if (r < h->n && better(h, h->v[r], h->v[best])) best = r;
        if (best == i) break;
        int t = h->v[i];
        h->v[i] = h->v[best];
        h->v[best] = t;
        i = best;
    }
}

/* The figures of an Avail from its times: percent, met, MTRS, MTBF. */
void calc_avail_finish(Avail *out)
{
    if (out->applicable) {
        out->percent = ((double)out->agreed * 10000.0 - (double)out->down_w) / ((double)out->agreed * 10000.0) * 100.0;
        if (out->has_target) {
            static const int64_t P10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                                          1000000000, 10000000000LL, 100000000000LL, 1000000000000LL};
            /* (agreed*10000 - down_w)/(agreed*10000) * 100 >= num / 10^scale */
            __int128 lhs = ((__int128)out->agreed * 10000 - out->down_w) * 100 * P10[out->target.scale];
            __int128 rhs = (__int128)out->target.num * out->agreed * 10000;
            out->met = lhs >= rhs;
        }
    } else {
        out->percent = NAN;
    }
    out->mtrs = out->episodes ? (double)out->down / 60.0 / out->episodes : NAN;
    out->mtbf = out->episodes ? (double)(out->agreed - out->down) / 60.0 / out->episodes : NAN;
}

void calc_availability(Calc *c, const Service *s, Date month, Avail *out, bool keep_trace)
{
    const Model *m = c->m;
    const ServiceCalc *sc = &c->svc[s->index];
    const Zone *z = svc_zone(m, s);
    memset(out, 0, sizeof *out);
    out->month = month;
    calc_month_bounds(z, month, &out->start, &out->end);
    Instant P0 = out->start, P1 = out->end;

    Spans hours = {0}, maint = {0}, agreed = {0}, tmp = {0}, tmp2 = {0};
    calc_agreed_spans(m, s, P0, P1, &hours, &maint);
    spans_subtract(&hours, &maint, &agreed);
    out->hours = spans_total(&hours);
    out->agreed = spans_total(&agreed);
    out->maintenance = out->hours - out->agreed;
    out->applicable = out->agreed > 0;
    Date last = {month.y, month.m, days_in_month(month.y, month.m)};
    out->sla = sla_at(s, last);
    if (out->sla) {
        out->has_target = true;
        out->target = out->sla->target;
    }

    /* the outages touching the period */
    size_t first_trace = c->outages.n;
    struct {
        Seg *v;
        size_t n, cap;
    } segs = {0};
    size_t nlocal = 0;
    const Outage **local = NULL;
    for (size_t i = 0; i < sc->nouts; i++) {
        const Outage *o = sc->outs[i];
        if (o->start >= P1) break;
        Instant oe = o->has_end ? o->end : P1;
        if (oe <= P0) continue;
        local = xrealloc(local, (nlocal + 1) * sizeof *local);
        local[nlocal] = o;
        Instant a = o->start > P0 ? o->start : P0, b = oe < P1 ? oe : P1;
        Spans raw = {0};
        spans_add(&raw, a, b);
        spans_intersect(&raw, &agreed, &tmp);
        if (!o->planned) {
            for (size_t k = 0; k < tmp.n; k++) {
                if (segs.n == segs.cap) {
                    segs.cap = segs.cap ? segs.cap * 2 : 16;
                    segs.v = xrealloc(segs.v, segs.cap * sizeof *segs.v);
                }
                Seg *g = &segs.v[segs.n++];
                g->a = tmp.v[k].a;
                g->b = tmp.v[k].b;
                g->impact = o->impact;
                g->outage = (int)nlocal;
                g->order = o->start;
            }
            if (tmp.n) out->outages++;
        }
        if (keep_trace) {
            OutageCalc *oc = vec_add(c->arena, &c->outages);
            oc->o = o;
            oc->start = o->start;
            oc->end = oe;
            oc->open = !o->has_end;
            oc->outside_period = (oe - o->start) - (b - a);
            spans_intersect(&raw, &hours, &tmp2);
            oc->outside_hours = (b - a) - spans_total(&tmp2);
            oc->in_maintenance = spans_total(&tmp2) - spans_total(&tmp);
            oc->planned_outside_window = o->planned && spans_total(&tmp) > 0;
        }
        spans_free(&raw);
        nlocal++;
    }

    /* sweep: elementary intervals go to the largest impact */
    Secs *counted = xcalloc(nlocal ? nlocal : 1, sizeof *counted);
    Instant *overby_t = xcalloc(nlocal ? nlocal : 1, sizeof *overby_t);
    int *overby = xmalloc((nlocal ? nlocal : 1) * sizeof *overby);
    for (size_t i = 0; i < nlocal; i++) overby[i] = -1;
    Event *ev = xmalloc((segs.n * 2 + 1) * sizeof *ev);
    for (size_t i = 0; i < segs.n; i++) {
        ev[2 * i] = (Event){segs.v[i].a, (int)i, true};
        ev[2 * i + 1] = (Event){segs.v[i].b, (int)i, false};
    }
    xsort(ev, segs.n * 2, sizeof *ev, cmp_event);
    Heap hp = {xmalloc((segs.n + 1) * sizeof(int)), 0, segs.v};
    Spans down = {0};
    for (size_t e = 0; e < segs.n * 2;) {
        Instant t = ev[e].at;
        while (e < segs.n * 2 && ev[e].at == t) {
            if (ev[e].start) heap_push(&hp, ev[e].idx);
            e++;
        }
        while (hp.n && segs.v[hp.v[0]].b <= t) heap_pop(&hp);
        if (!hp.n || e >= segs.n * 2) continue;
        Instant next = ev[e].at;
        const Seg *top = &segs.v[hp.v[0]];
        counted[top->outage] += next - t;
        out->down_w += (int64_t)(next - t) * top->impact;
        spans_add(&down, t, next);
        /* the others active now are overlapped by top */
        for (size_t k = 1; k < hp.n; k++) {
            const Seg *g = &segs.v[hp.v[k]];
            if (g->b > t && g->outage != top->outage && overby[g->outage] < 0) {
                overby[g->outage] = top->outage;
                overby_t[g->outage] = t;
            }
        }
    }
    out->down = spans_total(&down);
    out->episodes = (int)down.n;
    if (keep_trace) {
        for (size_t i = first_trace, k = 0; i < c->outages.n; i++, k++) {
            OutageCalc *oc = &c->outages.v[i];
            Secs in_agreed = (oc->end - oc->start) - oc->outside_period - oc->outside_hours - oc->in_maintenance;
            if (oc->o->planned) {
                oc->planned_time = in_agreed; /* planned time is never downtime */
                continue;
            }
            oc->counted = counted[k];
            oc->counted_w = (int64_t)counted[k] * oc->o->impact;
            oc->overlapped = in_agreed - counted[k];
            oc->over = overby[k] >= 0 ? local[overby[k]] : NULL;
        }
    }
    calc_avail_finish(out);
    spans_free(&down);
    free(hp.v);
    free(ev);
    free(counted);
    free(overby);
    free(overby_t);
    free(local);
    free(segs.v);
    spans_free(&hours);
    spans_free(&maint);
    spans_free(&agreed);
    spans_free(&tmp);
    spans_free(&tmp2);
}
