/*
 * test_calc.c: the compute stage against values worked out by hand.
 * Month 2026-09 in Asia/Shanghai has 30 days = 43,200 min; its Sundays are
 * the 6th, 13th, 20th and 27th, so a Sunday 02:00-04:00 window takes 480.
 */
#include <math.h>
#include <stdlib.h>

#include "../../src/compute/calc.h"
#include "tree.h"
#include "unit.h"

static const Date SEP = {2026, 9, 1}, OCT = {2026, 10, 1};

#define SVC(id, cal, extra)                                                                              \
    "<service id='" id "' kind='application' grade='1' owner='p1' calendar='" cal "'><name>" id "</name>" \
    "<sla id='SLA-" id "'><availability target='99.9'/>" extra "</sla></service>"

static const char *SERVICES =
    "<services xmlns='urn:dossier:1'>"
    SVC("a", "24x7", "<maintenance days='sun' from='02:00' to='04:00'>w</maintenance>")
    SVC("b", "office", "")
    SVC("c", "24x7", "")
    "</services>";

static Model *with_outages(const char *outages, const char *services)
{
    char *o = xasprintf("<outages xmlns='urn:dossier:1'>%s</outages>", outages);
    TreeFile files[] = {{"services.xml", services ? services : SERVICES}, {"outages.xml", o}, {NULL, NULL}};
    int errors = 0;
    Model *m = tree_load(files, &errors);
    free(o);
    if (errors) {
        model_free(m);
        return NULL;
    }
    return m;
}

static const Avail *avail_of(Calc *c, const char *id)
{
    const Service *s = model_lookup(c->m, NS_SERVICE, id);
    return s ? &c->svc[s->index].avail : NULL;
}

TEST(availability_overlap_merged)
{
    Model *m = with_outages("<outage id='o1' service='a' start='2026-09-10T10:00' end='2026-09-10T10:30'>x</outage>"
                            "<outage id='o2' service='a' start='2026-09-10T10:20' end='2026-09-10T10:50'>y</outage>",
                            NULL);
    CHECK(m != NULL);
    if (!m) return;
    Calc *c = calc_run(m, SEP);
    const Avail *a = avail_of(c, "a");
    CHECK_INT(a->hours, 43200 * 60);
    CHECK_INT(a->maintenance, 480 * 60);
    CHECK_INT(a->agreed, 42720 * 60);
    CHECK_INT(a->down_w, 50LL * 60 * 10000);
    CHECK_INT(a->episodes, 1);
    CHECK_INT(a->outages, 2);
    CHECK_DBL(a->percent, 99.88295880149813, 1e-12);
    CHECK(a->has_target && !a->met);
    CHECK_DBL(a->mtrs, 50.0, 1e-9);
    CHECK_DBL(a->mtbf, 42670.0, 1e-9);
    /* the trace: o2's first 10 minutes are covered by o1 */
    for (size_t i = 0; i < c->outages.n; i++)
        if (str_eq(c->outages.v[i].o->id, "o2")) {
            CHECK_INT(c->outages.v[i].overlapped, 10 * 60);
            CHECK_INT(c->outages.v[i].counted, 20 * 60);
            CHECK(c->outages.v[i].over && str_eq(c->outages.v[i].over->id, "o1"));
        }
    calc_free(c);
    model_free(m);
}

TEST(availability_split_at_month_boundary)
{
    Model *m = with_outages("<outage id='o1' service='c' start='2026-08-31T23:00' end='2026-09-01T01:00'>x</outage>", NULL);
    if (!m) { CHECK(m); return; }
    Calc *c = calc_run(m, SEP);
    CHECK_INT(avail_of(c, "c")->down_w, 60LL * 60 * 10000);
    const ServiceCalc *sc = &c->svc[((Service *)model_lookup(m, NS_SERVICE, "c"))->index];
    CHECK_INT(sc->history.n, 2); /* August and September */
    CHECK_INT(sc->history.v[0].down_w, 60LL * 60 * 10000);
    CHECK_INT(sc->history.v[0].agreed, 31 * 1440 * 60);
    for (size_t i = 0; i < c->outages.n; i++) CHECK_INT(c->outages.v[i].outside_period, 60 * 60);
    calc_free(c);
    model_free(m);
}

TEST(availability_outside_service_hours)
{
    /* Sat 12 Sep: closed; Fri 11 Sep 17:00-19:00: one hour inside */
    Model *m = with_outages("<outage id='o1' service='b' start='2026-09-12T10:00' end='2026-09-12T12:00'>x</outage>"
                            "<outage id='o2' service='b' start='2026-09-11T17:00' end='2026-09-11T19:00'>y</outage>",
                            NULL);
    if (!m) { CHECK(m); return; }
    Calc *c = calc_run(m, SEP);
    const Avail *a = avail_of(c, "b");
    CHECK_INT(a->agreed, 22 * 600 * 60); /* 22 weekdays in September 2026 */
    CHECK_INT(a->down_w, 60LL * 60 * 10000);
    CHECK_INT(a->outages, 1);
    calc_free(c);
    model_free(m);
}

TEST(availability_maintenance_not_counted)
{
    Model *m = with_outages("<outage id='o1' service='a' start='2026-09-13T01:30' end='2026-09-13T02:30'>x</outage>", NULL);
    if (!m) { CHECK(m); return; }
    Calc *c = calc_run(m, SEP);
    CHECK_INT(avail_of(c, "a")->down_w, 30LL * 60 * 10000);
    CHECK_INT(c->outages.v[0].in_maintenance, 30 * 60);
    calc_free(c);
    model_free(m);
}

TEST(availability_one_off_window_before_weekly_ones)
{
    /* found by the independent check: a one-off window on 12-13 September
     * was swallowed by the weekly windows added before it (480 + 240) */
    const char *svcs = "<services xmlns='urn:dossier:1'>"
        SVC("a", "24x7", "<maintenance days='sun' from='02:00' to='04:00'>w</maintenance>"
                         "<maintenance start='2026-09-12T22:00' end='2026-09-13T02:00'>once</maintenance>")
        "</services>";
    Model *m = with_outages("", svcs);
    if (!m) { CHECK(m); return; }
    Calc *c = calc_run(m, SEP);
    CHECK_INT(avail_of(c, "a")->maintenance, 720 * 60);
    CHECK_INT(avail_of(c, "a")->agreed, 42480 * 60);
    calc_free(c);
    model_free(m);
}

TEST(availability_holiday_and_working_day_swap)
{
    /* October 2026: 22 weekdays, 5 of them in the holiday (1, 2, 5, 6, 7),
     * plus Saturday the 10th worked: 18 days of 600 min */
    Model *m = with_outages("<outage id='o1' service='b' start='2026-10-02T09:00' end='2026-10-02T11:00'>x</outage>"
                            "<outage id='o2' service='b' start='2026-10-10T09:00' end='2026-10-10T10:00'>y</outage>",
                            NULL);
    if (!m) { CHECK(m); return; }
    Calc *c = calc_run(m, OCT);
    const Avail *a = avail_of(c, "b");
    CHECK_INT(a->agreed, 18 * 600 * 60);
    CHECK_INT(a->down_w, 60LL * 60 * 10000);
    calc_free(c);
    model_free(m);
}

TEST(availability_daylight_saving_days)
{
    const char *cal = "<calendars xmlns='urn:dossier:1'>"
                      "<calendar id='24x7' zone='Europe/Berlin'><name>x</name><always/></calendar>"
                      "<calendar id='office' zone='Europe/Berlin'><name>y</name><hours days='sun' from='00:00' to='24:00'/></calendar>"
                      "</calendars>";
    TreeFile files[] = {{"calendars.xml", cal}, {"services.xml", SERVICES}, {NULL, NULL}};
    int errors;
    Model *m = tree_load(files, &errors);
    CHECK_INT(errors, 0);
    Calc *c = calc_run(m, (Date){2026, 3, 1});
    CHECK_INT(avail_of(c, "c")->agreed, (31 * 1440 - 60) * 60); /* March loses an hour */
    CHECK_INT(avail_of(c, "b")->agreed, (5 * 1440 - 60) * 60);  /* five Sundays, the 29th has 23 h */
    calc_free(c);
    c = calc_run(m, (Date){2026, 10, 1});
    CHECK_INT(avail_of(c, "c")->agreed, (31 * 1440 + 60) * 60); /* October gains one */
    CHECK_INT(avail_of(c, "b")->agreed, (4 * 1440 + 60) * 60);  /* four Sundays, the 25th has 25 h */
    calc_free(c);
    model_free(m);
}

TEST(availability_partial_impact_largest_counts)
{
    Model *m = with_outages(
        "<outage id='o1' service='c' start='2026-09-10T10:00' end='2026-09-10T11:00' impact='0.5'>x</outage>"
        "<outage id='o2' service='c' start='2026-09-10T10:20' end='2026-09-10T10:40'>y</outage>",
        NULL);
    if (!m) { CHECK(m); return; }
    Calc *c = calc_run(m, SEP);
    CHECK_INT(avail_of(c, "c")->down_w, (20LL * 10000 + 40LL * 5000) * 60); /* 40 weighted minutes */
    CHECK_INT(avail_of(c, "c")->down, 60 * 60);
    calc_free(c);
    model_free(m);
}

TEST(availability_open_outage_to_period_end)
{
    Model *m = with_outages("<outage id='o1' service='c' start='2026-09-30T23:00'>x</outage>", NULL);
    if (!m) { CHECK(m); return; }
    Calc *c = calc_run(m, SEP);
    CHECK_INT(avail_of(c, "c")->down_w, 60LL * 60 * 10000);
    bool found = false;
    for (size_t i = 0; i < c->findings.n; i++) found |= str_eq(c->findings.v[i].kind, "open-outage");
    CHECK(found);
    calc_free(c);
    model_free(m);
}

TEST(availability_no_agreed_time_is_not_applicable)
{
    const char *cal = "<calendars xmlns='urn:dossier:1'>"
                      "<calendar id='24x7' zone='Asia/Shanghai'><name>x</name><always/></calendar>"
                      "<calendar id='office' zone='Asia/Shanghai'><name>y</name><hours days='mon-fri' from='08:00' to='18:00'/>"
                      "<holiday from='2026-09-01' to='2026-09-30'>closed</holiday></calendar></calendars>";
    TreeFile files[] = {{"calendars.xml", cal}, {"services.xml", SERVICES}, {NULL, NULL}};
    int errors;
    Model *m = tree_load(files, &errors);
    Calc *c = calc_run(m, SEP);
    const Avail *a = avail_of(c, "b");
    CHECK(!a->applicable);
    CHECK(isnan(a->percent));
    CHECK_INT(a->agreed, 0);
    calc_free(c);
    model_free(m);
}

TEST(availability_target_compared_exactly)
{
    /* 99.9 % of 43,200 min leaves exactly 43.2 min = 2,592 s */
    Model *m = with_outages("<outage id='o1' service='c' start='2026-09-10T10:00:00' end='2026-09-10T10:43:12'>x</outage>", NULL);
    if (!m) { CHECK(m); return; }
    Calc *c = calc_run(m, SEP);
    CHECK(avail_of(c, "c")->met);
    calc_free(c);
    model_free(m);
    m = with_outages("<outage id='o1' service='c' start='2026-09-10T10:00:00' end='2026-09-10T10:43:13'>x</outage>", NULL);
    c = calc_run(m, SEP);
    CHECK(!avail_of(c, "c")->met);
    calc_free(c);
    model_free(m);
}

TEST(availability_planned_outage_not_downtime)
{
    Model *m = with_outages("<outage id='o1' service='c' start='2026-09-10T10:00' end='2026-09-10T11:00' planned='true'>x</outage>", NULL);
    if (!m) { CHECK(m); return; }
    Calc *c = calc_run(m, SEP);
    CHECK_INT(avail_of(c, "c")->down_w, 0);
    CHECK(c->outages.v[0].planned_outside_window);
    calc_free(c);
    model_free(m);
}

/* ---- predicted availability --------------------------------------------------- */

TEST(predicted_k_of_n_and_series)
{
    const char *svcs =
        "<services xmlns='urn:dossier:1'>"
        "<service id='g' kind='platform' grade='1' owner='p1' calendar='24x7'><name>g</name><structure>"
        "<group id='n' k='2'><component id='x1' availability='90'><name>1</name></component>"
        "<component id='x2' availability='90'><name>2</name></component>"
        "<component id='x3' availability='90'><name>3</name></component></group>"
        "<component id='lb' availability='99'><name>lb</name></component></structure></service>"
        "<service id='h' kind='platform' grade='1' owner='p1' calendar='24x7'><name>h</name><depends-on service='g'/><structure>"
        "<group id='m' k='1'><component id='y1' availability='90'><name>1</name></component>"
        "<component id='y2' availability='80'><name>2</name></component></group></structure></service>"
        "</services>";
    TreeFile files[] = {{"services.xml", svcs}, {NULL, NULL}};
    int errors;
    Model *m = tree_load(files, &errors);
    CHECK_INT(errors, 0);
    Calc *c = calc_run(m, SEP);
    /* P(at least 2 of 3 at 0.9) = 3(0.81)(0.1) + 0.729 = 0.972; x 0.99 */
    CHECK_DBL(c->svc[0].predicted, 96.228, 1e-9);
    /* 1 of (0.9, 0.8) = 1 - 0.1 x 0.2 = 0.98; in series with g */
    CHECK_DBL(c->svc[1].predicted, 0.98 * 96.228, 1e-9);
    calc_free(c);
    model_free(m);
}

TEST(predicted_counts_shared_dependencies_once)
{
    /* a needs b and c, both need d: a, b, c, d at 90 % each are 0.9^4, not 0.9^5 */
    const char *svcs =
        "<services xmlns='urn:dossier:1'>"
        "<service id='d' kind='network' grade='1' owner='p1' calendar='24x7'><name>d</name><structure><component id='x' availability='90'><name>x</name></component></structure></service>"
        "<service id='b' kind='platform' grade='1' owner='p1' calendar='24x7'><name>b</name><depends-on service='d'/><structure><component id='x' availability='90'><name>x</name></component></structure></service>"
        "<service id='c' kind='platform' grade='1' owner='p1' calendar='24x7'><name>c</name><depends-on service='d'/><structure><component id='x' availability='90'><name>x</name></component></structure></service>"
        "<service id='a' kind='application' grade='1' owner='p1' calendar='24x7'><name>a</name><depends-on service='b'/><depends-on service='c'/><structure><component id='x' availability='90'><name>x</name></component></structure></service>"
        "</services>";
    TreeFile files[] = {{"services.xml", svcs}, {NULL, NULL}};
    int errors;
    Model *m = tree_load(files, &errors);
    CHECK_INT(errors, 0);
    Calc *c = calc_run(m, SEP);
    CHECK_DBL(c->svc[3].predicted, 65.61, 1e-9);
    calc_free(c);
    model_free(m);
}

TEST(critical_path_waits_for_steps_of_other_services)
{
    /* b does not depend on a, but its step waits for a's: 10 + 5 */
    const char *svcs =
        "<services xmlns='urn:dossier:1'>"
        "<service id='a' kind='platform' grade='1' owner='p1' calendar='24x7'><name>a</name></service>"
        "<service id='b' kind='application' grade='1' owner='p1' calendar='24x7'><name>b</name></service>"
        "</services>";
    const char *plan =
        "<plan xmlns='urn:dossier:1' id='P' owner='p1'><title>p</title><covers service='a'/><covers service='b'/>"
        "<invocation><criterion>c</criterion><authority role='dc-ops-leader'/></invocation><recovery>"
        "<step id='a1' duration='10min' role='dc-ops-leader' service='a'><title>t</title></step>"
        "<step id='b1' duration='5min' role='dc-ops-leader' service='b' after='a1'><title>t</title></step>"
        "</recovery></plan>";
    TreeFile files[] = {{"services.xml", svcs}, {"plan.xml", plan}, {NULL, NULL}};
    int errors;
    Model *m = tree_load(files, &errors);
    CHECK_INT(errors, 0);
    Calc *c = calc_run(m, SEP);
    CHECK_INT(c->svc[1].own, 5 * 60);
    CHECK_INT(c->svc[1].earliest, 15 * 60);
    CHECK_INT(c->plan[0].duration, 15 * 60);
    calc_free(c);
    model_free(m);
}

/* ---- recovery: a diamond and a chain ------------------------------------------- */

static const char *DIAMOND =
    "<services xmlns='urn:dossier:1'>"
    "<service id='d' kind='database' grade='1' owner='p1' calendar='24x7'><name>d</name></service>"
    "<service id='b' kind='platform' grade='1' owner='p1' calendar='24x7'><name>b</name><depends-on service='d'/></service>"
    "<service id='c' kind='platform' grade='1' owner='p1' calendar='24x7'><name>c</name><depends-on service='d'/></service>"
    "<service id='a' kind='application' grade='1' owner='p1' calendar='24x7'><name>a</name>"
    "<depends-on service='b'/><depends-on service='c'/></service>"
    "<service id='z' kind='network' grade='1' owner='p1' calendar='24x7'><name>z</name></service>"
    "<service id='y' kind='network' grade='1' owner='p1' calendar='24x7'><name>y</name><depends-on service='z'/></service>"
    "<service id='x' kind='application' grade='1' owner='p1' calendar='24x7'><name>x</name><depends-on service='y'/></service>"
    "</services>";

static const char *DIAMOND_PLAN =
    "<plan xmlns='urn:dossier:1' id='P' owner='p1'><title>p</title>"
    "<covers service='a'/><covers service='b'/><covers service='c'/><covers service='d'/>"
    "<covers service='x'/><covers service='y'/><covers service='z'/>"
    "<invocation><criterion>c</criterion><authority role='dc-ops-leader'/></invocation><recovery>"
    "<step id='d1' duration='10min' role='dc-ops-leader' service='d'><title>t</title></step>"
    "<step id='b1' duration='20min' role='dc-ops-leader' service='b'><title>t</title></step>"
    "<step id='c1' duration='25min' role='dc-ops-leader' service='c'><title>t</title></step>"
    "<step id='c2' duration='5min' role='dc-ops-leader' service='c'><title>t</title></step>"
    "<step id='a1' duration='5min' role='dc-ops-leader' service='a'><title>t</title></step>"
    "<step id='z1' duration='10min' role='dc-ops-leader' service='z'><title>t</title></step>"
    "<step id='y1' duration='10min' role='dc-ops-leader' service='y'><title>t</title></step>"
    "<step id='x1' duration='4min' role='dc-ops-leader' service='x'><title>t</title></step>"
    "<step id='x2' duration='6min' role='dc-ops-leader' service='x' after='x1'><title>t</title></step>"
    "<step id='x3' duration='3min' role='dc-ops-leader' service='x' after='x1'><title>t</title></step>"
    "</recovery></plan>";

static const ServiceCalc *svc_of(Calc *c, const char *id)
{
    const Service *s = model_lookup(c->m, NS_SERVICE, id);
    return s ? &c->svc[s->index] : NULL;
}

TEST(critical_path_diamond_and_chain)
{
    TreeFile files[] = {{"services.xml", DIAMOND}, {"plan.xml", DIAMOND_PLAN}, {NULL, NULL}};
    int errors;
    Model *m = tree_load(files, &errors);
    CHECK_INT(errors, 0);
    if (errors) return;
    Calc *c = calc_run(m, SEP);
    CHECK_INT(svc_of(c, "d")->earliest, 10 * 60);
    CHECK_INT(svc_of(c, "b")->earliest, 30 * 60);
    CHECK_INT(svc_of(c, "c")->own, 30 * 60);      /* c1 then c2 */
    CHECK_INT(svc_of(c, "c")->earliest, 40 * 60);
    CHECK_INT(svc_of(c, "a")->earliest, 45 * 60); /* 5 + max(30, 40) */
    CHECK(svc_of(c, "a")->critical_dep && str_eq(svc_of(c, "a")->critical_dep->id, "c"));
    CHECK_INT(svc_of(c, "x")->own, 10 * 60);      /* x1 then x2 and x3 in parallel */
    CHECK_INT(svc_of(c, "x")->earliest, 30 * 60); /* 10 + 10 + 10 */
    /* every dependency comes before its dependant */
    for (size_t i = 0; i < m->services.n; i++) {
        const Service *s = m->services.v[i];
        for (size_t k = 0; k < s->deps.n; k++) CHECK(c->svc[s->deps.v[k]->index].rank < c->svc[i].rank);
    }
    calc_free(c);
    model_free(m);
}

TEST(bia_inheritance_tiers_and_gaps)
{
    /* f1 rated unacceptable (4) first at 8h: MTPD 8h, RTO 4h (x 0.5), tier 1
     * (<= 4h), RPO 1h from tier 1; f2 states RTO 30min: tier 0, RPO 15min.
     * a needs f1; x needs f2: d, b, c inherit 4h from a; y, z 30 min from x. */
    const char *fns =
        "<business-functions xmlns='urn:dossier:1'>"
        "<function id='f1' department='ops' owner='p1'><name>f1</name>"
        "<impact category='financial'>1 2 4 5 5 5</impact><impact category='legal'>1 1 3 4 5 5</impact><needs service='a'/></function>"
        "<function id='f2' department='ops' owner='p1' rto='30min'><name>f2</name>"
        "<impact category='financial'>1 1 1 1 1 1</impact><needs service='x'/></function>"
        "</business-functions>";
    TreeFile files[] = {{"services.xml", DIAMOND}, {"plan.xml", DIAMOND_PLAN}, {"functions.xml", fns}, {NULL, NULL}};
    int errors;
    Model *m = tree_load(files, &errors);
    CHECK_INT(errors, 0);
    if (errors) return;
    Calc *c = calc_run(m, SEP);
    CHECK_INT(c->fn[0].mtpd, 8 * 3600);
    CHECK_INT(c->fn[0].mtpd_rule, RULE_RATED);
    CHECK_INT(c->fn[0].rto, 4 * 3600);
    CHECK_INT(c->fn[0].rto_rule, RULE_DERIVED);
    CHECK_INT(c->fn[0].tier, 1);
    CHECK_INT(c->fn[0].rpo, 3600);
    CHECK_INT(c->fn[1].mtpd, NO_SECS);
    CHECK_INT(c->fn[1].tier, 0);
    CHECK_INT(c->fn[1].rpo, 15 * 60);
    CHECK_INT(svc_of(c, "d")->rto, 4 * 3600);
    CHECK(svc_of(c, "d")->rto_via != NULL);
    CHECK_INT(svc_of(c, "z")->rto, 30 * 60);
    CHECK_INT(svc_of(c, "z")->tier, 0);
    CHECK_INT(svc_of(c, "x")->rto_gap, 0);  /* 30 min, exactly its RTO */
    /* recovery order: z (tier 0) comes before d (tier 1) though both are free */
    CHECK(svc_of(c, "z")->rank < svc_of(c, "d")->rank);
    calc_free(c);
    model_free(m);
}

/* ---- incidents ------------------------------------------------------------------- */

static const char *GRADED =
    "<services xmlns='urn:dossier:1'>"
    "<service id='g1' kind='application' grade='1' owner='p1' calendar='24x7'><name>1</name></service>"
    "<service id='g2' kind='application' grade='2' owner='p1' calendar='24x7'><name>2</name></service>"
    "<service id='g3' kind='application' grade='3' owner='p1' calendar='24x7'><name>3</name></service>"
    "<service id='gu' kind='application' grade='ungraded' owner='p1' calendar='24x7'><name>u</name></service>"
    "</services>";

static Model *with_incidents(const char *body)
{
    char *x = xasprintf("<incidents xmlns='urn:dossier:1'>%s</incidents>", body);
    TreeFile files[] = {{"services.xml", GRADED}, {"incidents.xml", x}, {NULL, NULL}};
    int errors;
    Model *m = tree_load(files, &errors);
    free(x);
    CHECK_INT(errors, 0);
    return m;
}

TEST(incident_response_matrix_every_cell)
{
    static const struct {
        const char *svc, *sev, *want;
    } cells[] = {{"g1", "severe", "1"},   {"g1", "moderate", "1"}, {"g1", "minor", "2"},     {"g2", "severe", "1"},
                 {"g2", "moderate", "2"}, {"g2", "minor", "2"},    {"g3", "severe", "2"},    {"g3", "moderate", "3"},
                 {"g3", "minor", "3"},    {"gu", "severe", "ungraded"}, {"gu", "moderate", "ungraded"},
                 {"gu", "minor", "ungraded"}, {"g3", "minor moderate severe", "2"}};
    Buf b = {0};
    for (size_t i = 0; i < ARRAY_LEN(cells); i++)
        buf_printf(&b, "<incident id='i%zu' service='%s' severity='%s' detected='2026-09-01T10:00' resolved='2026-09-01T10:30'>"
                       "<summary>s</summary></incident>", i, cells[i].svc, cells[i].sev);
    Model *m = with_incidents(b.s);
    buf_free(&b);
    if (!m) return;
    Calc *c = calc_run(m, SEP);
    for (size_t i = 0; i < ARRAY_LEN(cells); i++) {
        CHECK(c->inc[i].response != NULL);
        if (c->inc[i].response) CHECK_STR(c->inc[i].response->id, cells[i].want);
    }
    calc_free(c);
    model_free(m);
}

TEST(incident_escalation_paths)
{
    /* a grade-3 moderate incident (response 3) open 7 h: due to level 2 at
     * 4 h and level 1 at 6 h; escalated to 2 at 4h05 (within the 10 min
     * report deadline), never to 1. A grade-2 moderate one open 3 h: due to
     * level 1 at 2 h, escalated at 2h20: late. */
    Model *m = with_incidents(
        "<incident id='i1' service='g3' severity='moderate' detected='2026-09-02T08:00' resolved='2026-09-02T15:00'>"
        "<summary>s</summary><escalation at='2026-09-02T12:05' to='2'/></incident>"
        "<incident id='i2' service='g2' severity='moderate' detected='2026-09-03T08:00' resolved='2026-09-03T11:00'>"
        "<summary>s</summary><escalation at='2026-09-03T10:20' to='1'/></incident>"
        "<incident id='i3' service='g3' severity='severe' detected='2026-09-04T08:00' resolved='2026-09-04T13:00'>"
        "<summary>s</summary></incident>");
    if (!m) return;
    Calc *c = calc_run(m, SEP);
    const IncidentCalc *i1 = &c->inc[0], *i2 = &c->inc[1], *i3 = &c->inc[2];
    CHECK_INT(i1->escalations.n, 2);
    if (i1->escalations.n == 2) {
        CHECK_STR(i1->escalations.v[0].to, "2");
        CHECK(i1->escalations.v[0].made && i1->escalations.v[0].on_time);
        CHECK_STR(i1->escalations.v[1].to, "1");
        CHECK(!i1->escalations.v[1].made);
    }
    CHECK(i1->resolved_in_time); /* 7 h against a target of 8 h */
    CHECK_INT(i2->escalations.n, 1);
    if (i2->escalations.n == 1) CHECK(i2->escalations.v[0].made && !i2->escalations.v[0].on_time);
    /* grade 3 severe starts at response 2: the 4 h rule is no escalation;
     * resolved at 5 h, before the 6 h rule */
    CHECK_INT(i3->escalations.n, 0);
    calc_free(c);
    model_free(m);
}

TEST(incident_report_deadline_resolution_and_updates)
{
    /* grade 1 severe, response 1 (updates every 30 min), resolved after
     * 100 min: updates due at 30, 60, 90; two given. Reported at 6 min
     * against 5. */
    Model *m = with_incidents(
        "<incident id='i1' service='g1' severity='severe' detected='2026-09-02T08:00' resolved='2026-09-02T09:40'>"
        "<summary>s</summary><report kind='detection' at='2026-09-02T08:06'/>"
        "<update at='2026-09-02T08:30'/><update at='2026-09-02T09:00'/></incident>"
        "<incident id='i2' service='g2' severity='minor' detected='2026-09-02T08:00' resolved='2026-09-02T12:00'>"
        "<summary>s</summary><report kind='detection' at='2026-09-02T08:05'/></incident>"
        "<incident id='i3' service='g2' severity='minor' detected='2026-09-02T08:00' resolved='2026-09-02T12:01'>"
        "<summary>s</summary></incident>");
    if (!m) return;
    Calc *c = calc_run(m, SEP);
    CHECK(!c->inc[0].report_on_time);
    CHECK(c->inc[0].resolved_in_time);
    CHECK_INT(c->inc[0].updates_due, 3);
    CHECK_INT(c->inc[0].updates_given, 2);
    CHECK_INT(c->inc[0].restore, 100 * 60);
    CHECK(c->inc[1].report_on_time);     /* exactly 5 min */
    CHECK(c->inc[1].resolved_in_time);   /* exactly 4 h */
    CHECK(!c->inc[2].resolved_in_time);  /* a minute over */
    CHECK(!c->inc[2].reported);
    /* the summary of grade 2: 2 incidents, 1 reported on time, 1 in time */
    for (size_t i = 0; i < c->levels.n; i++)
        if (str_eq(c->levels.v[i].grade, "2")) {
            CHECK_INT(c->levels.v[i].count, 2);
            CHECK_INT(c->levels.v[i].reported_on_time, 1);
            CHECK_INT(c->levels.v[i].resolved_in_time, 1);
            CHECK_DBL(c->levels.v[i].restore_mean, 240.5, 1e-9);
            CHECK_DBL(c->levels.v[i].restore_p90, 241, 1e-9);
        }
    calc_free(c);
    model_free(m);
}

/* ---- risk bands at their edges --------------------------------------------------------- */

TEST(risk_bands_at_edges)
{
    static const struct {
        int l, i;
        const char *band;
    } cases[] = {{1, 4, "low"}, {1, 5, "medium"}, {3, 3, "medium"}, {2, 5, "high"}, {4, 4, "high"}, {4, 5, "critical"}};
    Buf b = {0};
    buf_puts(&b, "<risks xmlns='urn:dossier:1'>");
    for (size_t k = 0; k < ARRAY_LEN(cases); k++)
        buf_printf(&b, "<risk id='r%zu' owner='p1' status='open'><title>t</title><threat>t</threat><vulnerability>v</vulnerability>"
                       "<affects service='c'/><inherent likelihood='%d' impact='%d'/><residual likelihood='%d' impact='%d'/></risk>",
                   k, cases[k].l, cases[k].i, cases[k].l, cases[k].i);
    buf_puts(&b, "</risks>");
    TreeFile files[] = {{"services.xml", SERVICES}, {"risks.xml", b.s}, {NULL, NULL}};
    int errors;
    Model *m = tree_load(files, &errors);
    buf_free(&b);
    CHECK_INT(errors, 0);
    Calc *c = calc_run(m, SEP);
    const RiskPolicy *p = c->policy->risk;
    for (size_t k = 0; k < ARRAY_LEN(cases); k++) CHECK_STR(p->bands.v[c->risk[k].residual_band].id, cases[k].band);
    CHECK(!c->risk[2].above_appetite); /* 9: within the default appetite of 9 */
    CHECK(c->risk[3].above_appetite);  /* 10 */
    CHECK_INT(c->heat_residual[3][4], 1);
    calc_free(c);
    model_free(m);
}

TEST(kpi_slope_year_on_year_moving_average)
{
    /* 1, 2, ..., 13 over October 2025 .. October 2026 */
    Buf b = {0};
    buf_puts(&b, "<kpis xmlns='urn:dossier:1'><kpi id='k' unit='%' polarity='higher-better' target='12.5' amber='11'><name>k</name>");
    for (int j = 0; j < 13; j++) {
        Date mo = month_add((Date){2025, 10, 1}, j);
        buf_printf(&b, "<value month='%04d-%02d'>%d</value>", mo.y, mo.m, j + 1);
    }
    buf_puts(&b, "</kpi></kpis>");
    TreeFile files[] = {{"kpis.xml", b.s}, {NULL, NULL}};
    int errors;
    Model *m = tree_load(files, &errors);
    buf_free(&b);
    Calc *c = calc_run(m, OCT);
    const KpiCalc *k = &c->kpi[0];
    CHECK_DBL(k->value, 13, 0);
    CHECK_DBL(k->slope, 1.0, 1e-12);
    CHECK_DBL(k->delta_year, 12, 0);
    CHECK_DBL(k->delta_prev, 1, 0);
    CHECK_DBL(k->moving3, 12, 1e-12);
    CHECK_INT(k->status, KPI_GREEN);
    CHECK_INT(k->series.n, 12);
    calc_free(c);
    c = calc_run(m, (Date){2026, 9, 1}); /* 12 is amber; every month from October 2025 misses 12.5 */
    CHECK_INT(c->kpi[0].status, KPI_AMBER);
    CHECK_INT(c->kpi[0].missed_run, 12);
    calc_free(c);
    model_free(m);
}
