/*
 * test_props.c: properties of compute on generated inputs (a fixed seed,
 * so a failure reproduces): availability stays in [0, 100]; merging is
 * idempotent (a duplicate of every outage changes nothing); adding an
 * outage never raises availability; the recovery order puts every
 * dependency first; the critical path of a service is at least that of
 * each dependency plus its own duration.
 */
#include <math.h>
#include <stdlib.h>

#include "../../src/compute/calc.h"
#include "tree.h"
#include "unit.h"

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static const char *SVCS =
    "<services xmlns='urn:dossier:1'>"
    "<service id='a' kind='application' grade='1' owner='p1' calendar='24x7'><name>a</name>"
    "<sla id='SLA-a'><availability target='99.9'/><maintenance days='sun' from='23:00' to='01:00'>w</maintenance></sla></service>"
    "<service id='b' kind='application' grade='3' owner='p1' calendar='office'><name>b</name>"
    "<sla id='SLA-b'><availability target='99'/></sla></service>"
    "</services>";

/* n random outages on a and b in September 2026 (some crossing its ends) */
static void gen_outages(Buf *b, int n, int dup)
{
    for (int i = 0; i < n; i++) {
        int day = (int)rnd(32); /* 0 = 31 August */
        int start = (int)rnd(1440), len = 1 + (int)rnd(600);
        const char *svc = rnd(2) ? "a" : "b";
        int impact = 1 + (int)rnd(10);
        Date d = {2026, 8, 31};
        int64_t dd = date_days(d) + day;
        int y, mo, da;
        civil_from_days(dd, &y, &mo, &da);
        int64_t end_min = start + len;
        int ey, emo, eda;
        civil_from_days(dd + end_min / 1440, &ey, &emo, &eda);
        for (int k = 0; k <= dup; k++)
            buf_printf(b, "<outage id='o%d-%d' service='%s' start='%04d-%02d-%02dT%02d:%02d' end='%04d-%02d-%02dT%02d:%02d' impact='%s'>x</outage>",
                       i, k, svc, y, mo, da, start / 60, start % 60, ey, emo, eda, (int)(end_min % 1440) / 60,
                       (int)(end_min % 60), impact == 10 ? "1" : (const char *[]){"0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"}[impact - 1]);
    }
}

static Calc *run(const char *outages, Model **mp)
{
    char *x = xasprintf("<outages xmlns='urn:dossier:1'>%s</outages>", outages);
    TreeFile files[] = {{"services.xml", SVCS}, {"outages.xml", x}, {NULL, NULL}};
    int errors;
    Model *m = tree_load(files, &errors);
    free(x);
    *mp = m;
    if (errors) return NULL;
    return calc_run(m, (Date){2026, 9, 1});
}

TEST(property_availability_bounds_idempotent_monotone)
{
    for (int trial = 0; trial < 20; trial++) {
        int n = 1 + (int)rnd(12);
        uint64_t seed = rng;
        Buf one = {0}, two = {0}, more = {0};
        gen_outages(&one, n, 0);
        rng = seed;
        gen_outages(&two, n, 1);
        rng = seed;
        gen_outages(&more, n + 1, 0);
        Model *m1, *m2, *m3;
        Calc *c1 = run(one.s, &m1), *c2 = run(two.s, &m2), *c3 = run(more.s, &m3);
        CHECK(c1 && c2 && c3);
        if (c1 && c2 && c3)
            for (int s = 0; s < 2; s++) {
                const Avail *a1 = &c1->svc[s].avail, *a2 = &c2->svc[s].avail, *a3 = &c3->svc[s].avail;
                CHECK(a1->percent >= 0 && a1->percent <= 100);
                CHECK_INT(a2->down_w, a1->down_w);     /* duplicates merge away */
                CHECK(a3->percent <= a1->percent);     /* one more outage never helps */
                CHECK(a3->down_w >= a1->down_w);
            }
        calc_free(c1), calc_free(c2), calc_free(c3);
        model_free(m1), model_free(m2), model_free(m3);
        buf_free(&one), buf_free(&two), buf_free(&more);
    }
}

TEST(property_recovery_order_and_critical_path)
{
    for (int trial = 0; trial < 10; trial++) {
        int n = 5 + (int)rnd(25);
        Buf s = {0}, p = {0};
        buf_puts(&s, "<services xmlns='urn:dossier:1'>");
        buf_puts(&p, "<plan xmlns='urn:dossier:1' id='P' owner='p1'><title>p</title>");
        for (int i = 0; i < n; i++) buf_printf(&p, "<covers service='s%d'/>", i);
        buf_puts(&p, "<invocation><criterion>c</criterion><authority role='dc-ops-leader'/></invocation><recovery>");
        for (int i = 0; i < n; i++) {
            buf_printf(&s, "<service id='s%d' kind='platform' grade='%d' owner='p1' calendar='24x7'><name>s</name>", i,
                       1 + (int)rnd(3));
            /* edges only to lower numbers: no cycles */
            for (int j = 0; j < i; j++)
                if (rnd(4) == 0) buf_printf(&s, "<depends-on service='s%d'/>", j);
            buf_puts(&s, "</service>");
            int steps = 1 + (int)rnd(3);
            for (int k = 0; k < steps; k++)
                buf_printf(&p, "<step id='s%d-%d' duration='%dmin' role='dc-ops-leader' service='s%d'><title>t</title></step>",
                           i, k, 1 + (int)rnd(60), i);
        }
        buf_puts(&s, "</services>");
        buf_puts(&p, "</recovery></plan>");
        TreeFile files[] = {{"services.xml", s.s}, {"plan.xml", p.s}, {NULL, NULL}};
        int errors;
        Model *m = tree_load(files, &errors);
        CHECK_INT(errors, 0);
        Calc *c = calc_run(m, (Date){2026, 9, 1});
        for (size_t i = 0; i < m->services.n; i++) {
            const Service *sv = m->services.v[i];
            const ServiceCalc *sc = &c->svc[i];
            CHECK(sc->own != NO_SECS && sc->earliest != NO_SECS);
            for (size_t k = 0; k < sv->deps.n; k++) {
                const ServiceCalc *d = &c->svc[sv->deps.v[k]->index];
                CHECK(d->rank < sc->rank);
                CHECK(sc->earliest >= d->earliest + sc->own);
            }
        }
        calc_free(c);
        model_free(m);
        buf_free(&s);
        buf_free(&p);
    }
}
