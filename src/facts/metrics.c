/*
 * metrics.c: the computed figures as JSON and CSV. Durations are minutes,
 * percentages numbers; what does not apply is null.
 *
 * The JSON is written as it is walked, in json-glib's pretty layout
 * (which dossier used to build it with: "key" : value, two spaces a
 * level, an empty object as "{" and the level's spaces "}", an empty
 * array as "[]"); each number in the shortest form that reads back as
 * the same double. At the M organisation json-glib's tree of the figures
 * took 0.5 s and left 70 MiB behind in GLib's slice allocator.
 */
#include "metrics.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../load/xml.h"
#include "num.h"

#define JSON_DEPTH 32

typedef struct {
    Buf out;
    int depth;             /* open objects and arrays */
    bool obj[JSON_DEPTH];  /* each is an object (else an array) */
    bool any[JSON_DEPTH];  /* and has a member or element already */
    const char *name;      /* the member the next value is for */
} B;

static void indent(B *b, int level)
{
    for (int i = 0; i < level * 2; i++) buf_putc(&b->out, ' ');
}

static void jescape(B *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    buf_putc(&b->out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': buf_puts(&b->out, "\\\""); break;
        case '\\': buf_puts(&b->out, "\\\\"); break;
        case '\b': buf_puts(&b->out, "\\b"); break;
        case '\f': buf_puts(&b->out, "\\f"); break;
        case '\n': buf_puts(&b->out, "\\n"); break;
        case '\r': buf_puts(&b->out, "\\r"); break;
        case '\t': buf_puts(&b->out, "\\t"); break;
        default:
            if (*p < 0x20 || *p == 0x7f) {
                char u[7] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15], 0};
                buf_puts(&b->out, u);
            } else {
                buf_putc(&b->out, (char)*p);
            }
        }
    }
    buf_putc(&b->out, '"');
}

/* before a value: the separator, the indentation, the member's name */
static void jvalue(B *b)
{
    if (!b->depth) return;
    int d = b->depth - 1;
    buf_puts(&b->out, b->any[d] ? ",\n" : "\n");
    b->any[d] = true;
    indent(b, d + 1);
    if (b->obj[d]) {
        jescape(b, b->name ? b->name : "");
        buf_puts(&b->out, " : ");
    }
    b->name = NULL;
}

static void jbegin(B *b, bool obj)
{
    jvalue(b);
    if (b->depth == JSON_DEPTH) die_oom(); /* the figures nest a few levels */
    buf_putc(&b->out, obj ? '{' : '[');
    b->obj[b->depth] = obj;
    b->any[b->depth] = false;
    b->depth++;
}

static void jend(B *b)
{
    int d = --b->depth;
    if (b->any[d]) {
        buf_putc(&b->out, '\n');
        indent(b, d);
    } else if (b->obj[d]) {
        indent(b, d);
    }
    buf_putc(&b->out, b->obj[d] ? '}' : ']');
}

static void jnull(B *b)
{
    jvalue(b);
    buf_puts(&b->out, "null");
}

static void jstr(B *b, const char *v)
{
    jvalue(b);
    jescape(b, v);
}

static void jbool(B *b, bool v)
{
    jvalue(b);
    buf_puts(&b->out, v ? "true" : "false");
}

static void jint(B *b, long long v)
{
    jvalue(b);
    buf_printf(&b->out, "%lld", v);
}

/* a finite double, shortest (num_format); anything else is null */
static void jdouble(B *b, double v)
{
    jvalue(b);
    char t[32];
    buf_puts(&b->out, isfinite(v) ? num_format(v, t) : "null");
}

static void key(B *b, const char *k) { b->name = k; }
static void kstr(B *b, const char *k, const char *v)
{
    key(b, k);
    if (v) jstr(b, v);
    else jnull(b);
}
static void knum(B *b, const char *k, double v)
{
    key(b, k);
    if (isnan(v)) jnull(b);
    else jdouble(b, v);
}
static void kint(B *b, const char *k, long long v)
{
    key(b, k);
    jint(b, v);
}
static void kmin(B *b, const char *k, Secs s) { knum(b, k, s == NO_SECS ? NAN : s / 60.0); }
static void kbool(B *b, const char *k, bool v)
{
    key(b, k);
    jbool(b, v);
}
static void kmonth(B *b, const char *k, Date d)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d", d.y, d.m);
    kstr(b, k, buf);
}

static const Zone *zone_of(const Model *m, const Service *s)
{
    if (s && s->calendar && s->calendar->zone) return s->calendar->zone;
    return m->org ? m->org->zone : NULL;
}

static void avail(B *b, const Avail *a, bool month)
{
    jbegin(b, true);
    if (month) kmonth(b, "month", a->month);
    kbool(b, "applicable", a->applicable);
    kmin(b, "service_hours_minutes", a->hours);
    kmin(b, "maintenance_minutes", a->maintenance);
    kmin(b, "agreed_minutes", a->agreed);
    knum(b, "downtime_minutes", a->down_w / 600000.0);
    kmin(b, "downtime_unweighted_minutes", a->down);
    knum(b, "percent", a->percent);
    knum(b, "target_percent", a->has_target ? dec_to_double(a->target) : NAN);
    key(b, "met");
    if (a->has_target && a->applicable) jbool(b, a->met);
    else jnull(b);
    kint(b, "outages", a->outages);
    kint(b, "episodes", a->episodes);
    knum(b, "mtrs_minutes", a->mtrs);
    knum(b, "mtbf_minutes", a->mtbf);
    kstr(b, "sla", a->sla ? a->sla->id : NULL);
    jend(b);
}

static void services(B *b, const Calc *c)
{
    const Model *m = c->m;
    key(b, "services");
    jbegin(b, false);
    for (size_t i = 0; i < m->services.n; i++) {
        const ServiceCalc *sc = &c->svc[i];
        const Service *s = sc->s;
        jbegin(b, true);
        kstr(b, "id", s->id);
        kstr(b, "name", text_get(s->name, LANG_ZH));
        kstr(b, "name_en", s->name.en);
        kstr(b, "kind", s->kind);
        kstr(b, "grade", s->grade);
        kstr(b, "tier", sc->tier >= 0 && c->policy->tiers ? c->policy->tiers->tiers.v[sc->tier].id : NULL);
        kmin(b, "rto_minutes", sc->rto);
        kmin(b, "rpo_minutes", sc->rpo);
        kstr(b, "rto_function", sc->rto_from ? sc->rto_from->id : NULL);
        kstr(b, "rto_via", sc->rto_via ? sc->rto_via->id : NULL);
        kmin(b, "declared_rto_minutes", s->rto);
        kmin(b, "declared_rpo_minutes", s->rpo);
        kint(b, "recovery_rank", sc->rank);
        key(b, "depends_on");
        jbegin(b, false);
        for (size_t k = 0; k < s->deps.n; k++) jstr(b, s->deps.v[k]->id);
        jend(b);
        kmin(b, "own_recovery_minutes", sc->own);
        kstr(b, "plan", sc->plan ? sc->plan->id : NULL);
        kmin(b, "earliest_recovery_minutes", sc->earliest);
        kstr(b, "critical_dependency", sc->critical_dep ? sc->critical_dep->id : NULL);
        kmin(b, "rto_gap_minutes", sc->rto != NO_SECS && sc->earliest != NO_SECS ? sc->rto_gap : NO_SECS);
        kmin(b, "data_loss_minutes", sc->data_loss);
        kmin(b, "rpo_gap_minutes", sc->rpo != NO_SECS && sc->data_loss != NO_SECS ? sc->rpo_gap : NO_SECS);
        key(b, "availability");
        avail(b, &sc->avail, true);
        key(b, "availability_history");
        jbegin(b, false);
        for (size_t k = 0; k < sc->history.n; k++) avail(b, &sc->history.v[k], true);
        jend(b);
        knum(b, "predicted_availability_percent", sc->predicted);
        key(b, "incidents");
        jbegin(b, true);
        kint(b, "count", sc->inc_count);
        kint(b, "reported_on_time", sc->inc_reported);
        knum(b, "reported_on_time_percent", sc->inc_reported_share);
        knum(b, "reported_on_time_target_percent",
             sc->avail.sla && sc->avail.sla->has_reported_target ? dec_to_double(sc->avail.sla->reported_target) : NAN);
        kint(b, "with_target", sc->inc_with_target);
        kint(b, "resolved_within_target", sc->inc_resolved);
        knum(b, "resolved_within_target_percent", sc->inc_resolved_share);
        knum(b, "resolved_within_target_target_percent",
             sc->avail.sla && sc->avail.sla->has_resolved_target ? dec_to_double(sc->avail.sla->resolved_target) : NAN);
        jend(b);
        jend(b);
    }
    jend(b);
    key(b, "recovery_order");
    jbegin(b, false);
    for (size_t r = 0; r < m->services.n; r++) jstr(b, c->svc[c->order[r]].s->id);
    jend(b);
}

static void functions(B *b, const Calc *c)
{
    key(b, "functions");
    jbegin(b, false);
    for (size_t i = 0; i < c->m->functions.n; i++) {
        const FunctionCalc *fc = &c->fn[i];
        jbegin(b, true);
        kstr(b, "id", fc->f->id);
        kstr(b, "name", text_get(fc->f->name, LANG_ZH));
        kmin(b, "mtpd_minutes", fc->mtpd);
        kstr(b, "mtpd_rule", rule_name(fc->mtpd_rule));
        kmin(b, "rto_minutes", fc->rto);
        kstr(b, "rto_rule", rule_name(fc->rto_rule));
        kmin(b, "rpo_minutes", fc->rpo);
        kstr(b, "rpo_rule", rule_name(fc->rpo_rule));
        kstr(b, "tier", fc->tier >= 0 && c->policy->tiers ? c->policy->tiers->tiers.v[fc->tier].id : NULL);
        key(b, "needs");
        jbegin(b, false);
        for (size_t k = 0; k < fc->f->needs.n; k++) jstr(b, fc->f->needs.v[k]->id);
        jend(b);
        jend(b);
    }
    jend(b);
}

static void level(B *b, const LevelSummary *ls)
{
    jbegin(b, true);
    kstr(b, "level", ls->grade);
    kint(b, "count", ls->count);
    kint(b, "major", ls->major);
    kint(b, "reported_on_time", ls->reported_on_time);
    knum(b, "reported_on_time_percent", ls->reported_share);
    kint(b, "with_target", ls->with_target);
    kint(b, "resolved_within_target", ls->resolved_in_time);
    knum(b, "resolved_within_target_percent", ls->resolved_share);
    kint(b, "escalations_due", ls->escalations_due);
    kint(b, "escalations_made", ls->escalations_made);
    kint(b, "escalations_on_time", ls->escalations_on_time);
    kint(b, "open", ls->open);
    knum(b, "restore_mean_minutes", ls->restore_mean);
    knum(b, "restore_p90_minutes", ls->restore_p90);
    jend(b);
}

static void incidents(B *b, const Calc *c)
{
    const Model *m = c->m;
    key(b, "incidents");
    jbegin(b, true);
    key(b, "items");
    jbegin(b, false);
    for (size_t i = 0; i < m->incidents.n; i++) {
        const IncidentCalc *ic = &c->inc[i];
        if (date_cmp(ic->month, c->period) != 0) continue;
        const Zone *z = zone_of(m, ic->in->service);
        char t[48];
        jbegin(b, true);
        kstr(b, "id", ic->in->id);
        kstr(b, "service", ic->in->service ? ic->in->service->id : NULL);
        kstr(b, "detected", instant_format(z, ic->in->detected, t));
        kstr(b, "incident_level", ic->grade ? ic->grade->id : NULL);
        kstr(b, "response_level", ic->response ? ic->response->id : NULL);
        kstr(b, "final_response_level", ic->final ? ic->final->id : NULL);
        kbool(b, "major", ic->major);
        kbool(b, "report_deadline_met", ic->report_on_time);
        key(b, "resolved_within_target");
        if (ic->has_target && (ic->in->has_resolved || ic->overdue_open)) jbool(b, ic->resolved_in_time);
        else jnull(b);
        key(b, "escalations");
        jbegin(b, false);
        for (size_t k = 0; k < ic->escalations.n; k++) {
            const EscalationCalc *e = &ic->escalations.v[k];
            jbegin(b, true);
            kstr(b, "to", e->to);
            kstr(b, "due", instant_format(z, e->due, t));
            kbool(b, "made", e->made);
            kstr(b, "made_at", e->made ? instant_format(z, e->made_at, t) : NULL);
            kbool(b, "on_time", e->on_time);
            jend(b);
        }
        jend(b);
        kint(b, "updates_due", ic->updates_due);
        kint(b, "updates_given", ic->updates_given);
        kmin(b, "restore_minutes", ic->restore);
        jend(b);
    }
    jend(b);
    key(b, "levels");
    jbegin(b, false);
    for (size_t i = 0; i < c->levels.n; i++)
        if (c->levels.v[i].grade) level(b, &c->levels.v[i]);
    jend(b);
    key(b, "total");
    for (size_t i = 0; i < c->levels.n; i++)
        if (!c->levels.v[i].grade) level(b, &c->levels.v[i]);
    jend(b);
}

static void risks(B *b, const Calc *c)
{
    const RiskPolicy *p = c->policy->risk;
    key(b, "risks");
    jbegin(b, false);
    for (size_t i = 0; i < c->m->risks.n; i++) {
        const RiskCalc *rc = &c->risk[i];
        jbegin(b, true);
        kstr(b, "id", rc->r->id);
        kstr(b, "status", rc->r->status);
        kint(b, "inherent_score", rc->inherent);
        kstr(b, "inherent_band", p && rc->inherent_band >= 0 ? p->bands.v[rc->inherent_band].id : NULL);
        kint(b, "residual_score", rc->residual);
        kstr(b, "residual_band", p && rc->residual_band >= 0 ? p->bands.v[rc->residual_band].id : NULL);
        kbool(b, "above_appetite", rc->above_appetite);
        kint(b, "overdue_treatments", rc->overdue);
        jend(b);
    }
    jend(b);
}

static void kpis(B *b, const Calc *c)
{
    key(b, "kpis");
    jbegin(b, false);
    for (size_t i = 0; i < c->m->kpis.n; i++) {
        const KpiCalc *kc = &c->kpi[i];
        char t[40];
        jbegin(b, true);
        kstr(b, "id", kc->k->id);
        kstr(b, "unit", kc->k->unit);
        kstr(b, "polarity", kc->k->higher_better ? "higher-better" : "lower-better");
        knum(b, "value", kc->has_value ? kc->value : NAN);
        knum(b, "target", dec_to_double(kc->k->target));
        knum(b, "amber", kc->k->has_amber ? dec_to_double(kc->k->amber) : NAN);
        (void)t;
        kstr(b, "status", kpi_status_name(kc->status));
        knum(b, "change_previous", kc->delta_prev);
        knum(b, "change_year", kc->delta_year);
        knum(b, "moving_average_3", kc->moving3);
        knum(b, "slope_per_month", kc->slope);
        kint(b, "periods_missing_target", kc->missed_run);
        key(b, "series");
        jbegin(b, false);
        for (size_t k = 0; k < kc->series.n; k++) {
            jbegin(b, true);
            kmonth(b, "month", kc->series.v[k].month);
            knum(b, "value", kc->series.v[k].value);
            kbool(b, "computed", kc->series.v[k].computed);
            jend(b);
        }
        jend(b);
        jend(b);
    }
    jend(b);
}

static void findings(B *b, const Calc *c)
{
    key(b, "findings");
    jbegin(b, false);
    for (size_t i = 0; i < c->findings.n; i++) {
        const Finding *f = &c->findings.v[i];
        jbegin(b, true);
        kstr(b, "kind", f->kind);
        kstr(b, "subject", f->subject);
        kstr(b, "message", f->message);
        char src[512] = "";
        const Src *s = f->node ? src_of(f->node) : NULL;
        if (s) snprintf(src, sizeof src, "%s:%d", s->rel, src_line(f->node));
        kstr(b, "source", s ? src : NULL);
        knum(b, "value", f->value);
        knum(b, "limit", f->limit);
        jend(b);
    }
    jend(b);
}

static void change_obj(B *b, const ChangeSummary *cs)
{
    jbegin(b, true);
    kint(b, "total", cs->total);
    kint(b, "implemented", cs->implemented);
    kint(b, "failed", cs->failed);
    kint(b, "rolled_back", cs->rolled_back);
    kint(b, "cancelled", cs->cancelled);
    kint(b, "emergency", cs->emergency);
    kint(b, "significant", cs->significant);
    knum(b, "success_percent", cs->success);
    jend(b);
}

static void satisfaction_obj(B *b, const SatisfactionSummary *ss)
{
    jbegin(b, true);
    kint(b, "surveys", ss->surveys);
    kint(b, "respondents", ss->respondents);
    knum(b, "score", ss->score);
    kint(b, "scale", ss->scale);
    kint(b, "complaints", ss->complaints);
    kint(b, "complaints_closed", ss->closed);
    kint(b, "complaints_open", ss->open);
    jend(b);
}

/* the quarter of the period, last, and the four before it */
static void quarters(B *b, const Calc *c)
{
    const Model *m = c->m;
    key(b, "quarters");
    jbegin(b, false);
    for (int i = 0; i < 5; i++) {
        const QuarterCalc *qc = &c->quarters[i];
        char id[16];
        snprintf(id, sizeof id, "%04d-Q%d", qc->year, qc->q);
        jbegin(b, true);
        kstr(b, "id", id);
        kmonth(b, "first_month", qc->first);
        kmonth(b, "last_month", qc->last);
        kint(b, "months", qc->months);
        kbool(b, "complete", qc->complete);
        kbool(b, "current", i == 4);
        if (qc->months) {
            kmonth(b, "from", qc->from);
            kmonth(b, "to", qc->to);
            key(b, "services");
            jbegin(b, false);
            for (size_t k = 0; k < m->services.n; k++) {
                jbegin(b, true);
                kstr(b, "id", m->services.v[k]->id);
                key(b, "availability");
                avail(b, &qc->avail[k], false);
                jend(b);
            }
            jend(b);
            key(b, "incident_levels");
            jbegin(b, false);
            for (size_t k = 0; k + 1 < qc->nlevels; k++) level(b, &qc->levels[k]);
            jend(b);
            key(b, "incidents_total");
            level(b, &qc->levels[qc->nlevels - 1]);
            key(b, "changes");
            change_obj(b, &qc->changes);
            key(b, "satisfaction");
            satisfaction_obj(b, &qc->satisfaction);
        }
        key(b, "kpis");
        jbegin(b, false);
        for (size_t k = 0; k < m->kpis.n; k++) {
            jbegin(b, true);
            kstr(b, "id", m->kpis.v[k]->id);
            knum(b, "mean", qc->kpi_mean[k]);
            kint(b, "points", qc->kpi_points[k]);
            kstr(b, "status", kpi_status_name(qc->kpi_status[k]));
            jend(b);
        }
        jend(b);
        jend(b);
    }
    jend(b);
}

char *metrics_json(const Model *m, const Calc *c)
{
    B json = {0}, *b = &json;
    jbegin(b, true);
    kmonth(b, "period", c->period);
    kmonth(b, "first_month", c->first_month);
    kstr(b, "organisation", m->org ? m->org->id : NULL);
    services(b, c);
    functions(b, c);
    incidents(b, c);
    risks(b, c);
    kpis(b, c);
    key(b, "changes");
    change_obj(b, &c->changes);
    key(b, "satisfaction");
    satisfaction_obj(b, &c->satisfaction);
    quarters(b, c);
    findings(b, c);
    jend(b);
    buf_putc(&b->out, '\n');
    return buf_steal(&b->out);
}

/* ---- CSV: RFC 4180, one table per kind, separated by a blank line -------------- */

static void csv_field(Buf *b, const char *s)
{
    if (!s) return;
    if (!strpbrk(s, ",\"\n\r")) {
        buf_puts(b, s);
        return;
    }
    buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"') buf_putc(b, '"');
        buf_putc(b, *s);
    }
    buf_putc(b, '"');
}

static void csv_num(Buf *b, double v)
{
    char buf[32];
    if (!isnan(v)) buf_puts(b, num_format(v, buf));
}

static void csv_min(Buf *b, Secs s)
{
    if (s != NO_SECS) csv_num(b, s / 60.0);
}

char *metrics_csv(const Model *m, const Calc *c)
{
    Buf b = {0};
    buf_puts(&b, "# services\r\nid,tier,rto_minutes,rpo_minutes,recovery_rank,earliest_recovery_minutes,rto_gap_minutes,"
                 "agreed_minutes,downtime_minutes,availability_percent,target_percent,met,outages,mtrs_minutes,"
                 "mtbf_minutes,predicted_availability_percent\r\n");
    for (size_t i = 0; i < m->services.n; i++) {
        const ServiceCalc *sc = &c->svc[i];
        const Avail *a = &sc->avail;
        csv_field(&b, sc->s->id);
        buf_putc(&b, ',');
        if (sc->tier >= 0 && c->policy->tiers) csv_field(&b, c->policy->tiers->tiers.v[sc->tier].id);
        buf_putc(&b, ',');
        csv_min(&b, sc->rto);
        buf_putc(&b, ',');
        csv_min(&b, sc->rpo);
        buf_printf(&b, ",%d,", sc->rank);
        csv_min(&b, sc->earliest);
        buf_putc(&b, ',');
        if (sc->rto != NO_SECS && sc->earliest != NO_SECS) csv_min(&b, sc->rto_gap);
        buf_putc(&b, ',');
        csv_min(&b, a->agreed);
        buf_putc(&b, ',');
        csv_num(&b, a->down_w / 600000.0);
        buf_putc(&b, ',');
        csv_num(&b, a->percent);
        buf_putc(&b, ',');
        if (a->has_target) csv_num(&b, dec_to_double(a->target));
        buf_printf(&b, ",%s,%d,", a->has_target && a->applicable ? (a->met ? "true" : "false") : "", a->outages);
        csv_num(&b, a->mtrs);
        buf_putc(&b, ',');
        csv_num(&b, a->mtbf);
        buf_putc(&b, ',');
        csv_num(&b, sc->predicted);
        buf_puts(&b, "\r\n");
    }
    buf_puts(&b, "\r\n# incidents\r\nid,service,incident_level,response_level,report_deadline_met,resolved_within_target,"
                 "escalations_due,escalations_made,updates_due,updates_given,restore_minutes\r\n");
    for (size_t i = 0; i < m->incidents.n; i++) {
        const IncidentCalc *ic = &c->inc[i];
        if (date_cmp(ic->month, c->period) != 0) continue;
        int made = 0;
        for (size_t k = 0; k < ic->escalations.n; k++) made += ic->escalations.v[k].made;
        csv_field(&b, ic->in->id);
        buf_putc(&b, ',');
        csv_field(&b, ic->in->service ? ic->in->service->id : "");
        buf_putc(&b, ',');
        csv_field(&b, ic->grade ? ic->grade->id : "");
        buf_putc(&b, ',');
        csv_field(&b, ic->response ? ic->response->id : "");
        buf_printf(&b, ",%s,", ic->report_on_time ? "true" : "false");
        if (ic->has_target && (ic->in->has_resolved || ic->overdue_open)) buf_puts(&b, ic->resolved_in_time ? "true" : "false");
        buf_printf(&b, ",%zu,%d,%d,%d,", ic->escalations.n, made, ic->updates_due, ic->updates_given);
        csv_min(&b, ic->restore);
        buf_puts(&b, "\r\n");
    }
    buf_puts(&b, "\r\n# risks\r\nid,inherent_score,residual_score,residual_band,above_appetite,overdue_treatments\r\n");
    for (size_t i = 0; i < m->risks.n; i++) {
        const RiskCalc *rc = &c->risk[i];
        const RiskPolicy *p = c->policy->risk;
        csv_field(&b, rc->r->id);
        buf_printf(&b, ",%d,%d,", rc->inherent, rc->residual);
        if (p && rc->residual_band >= 0) csv_field(&b, p->bands.v[rc->residual_band].id);
        buf_printf(&b, ",%s,%d\r\n", rc->above_appetite ? "true" : "false", rc->overdue);
    }
    buf_puts(&b, "\r\n# kpis\r\nid,value,status,change_previous,change_year,moving_average_3,slope_per_month\r\n");
    for (size_t i = 0; i < m->kpis.n; i++) {
        const KpiCalc *kc = &c->kpi[i];
        csv_field(&b, kc->k->id);
        buf_putc(&b, ',');
        if (kc->has_value) csv_num(&b, kc->value);
        buf_printf(&b, ",%s,", kpi_status_name(kc->status));
        csv_num(&b, kc->delta_prev);
        buf_putc(&b, ',');
        csv_num(&b, kc->delta_year);
        buf_putc(&b, ',');
        csv_num(&b, kc->moving3);
        buf_putc(&b, ',');
        csv_num(&b, kc->slope);
        buf_puts(&b, "\r\n");
    }
    buf_puts(&b, "\r\n# findings\r\nkind,subject,source,message\r\n");
    for (size_t i = 0; i < c->findings.n; i++) {
        const Finding *f = &c->findings.v[i];
        csv_field(&b, f->kind);
        buf_putc(&b, ',');
        csv_field(&b, f->subject);
        buf_putc(&b, ',');
        const Src *s = f->node ? src_of(f->node) : NULL;
        if (s) {
            char src[512];
            snprintf(src, sizeof src, "%s:%d", s->rel, src_line(f->node));
            csv_field(&b, src);
        }
        buf_putc(&b, ',');
        csv_field(&b, f->message);
        buf_puts(&b, "\r\n");
    }
    return buf_steal(&b);
}
