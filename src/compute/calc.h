/*
 * calc.h: the compute stage. Every figure dossier's documents show comes
 * from here, computed from the model for one reporting period (a month),
 * under the policies, calendars and SLAs in force on the dates concerned.
 * The formulas are documented in docs/metrics.md; each result keeps enough
 * of its working (the trace) for `dossier explain` and for the facts.
 *
 * Units: Secs and Instant as in dtime.h; weighted downtime in
 * second x impact units, where impact 10000 is the whole service.
 * "NO" values (NO_SECS, -1 ranks, NaN percentages) mean "not applicable".
 */
#ifndef DOSSIER_CALC_H
#define DOSSIER_CALC_H

#include <stdbool.h>

#include "../model.h"
#include "spans.h"

/* ---- availability ---------------------------------------------------------- */

/* How one outage counted in one period. Seconds; each part of the outage
 * falls in exactly one of these. */
typedef struct OutageCalc {
    const Outage *o;
    Instant start, end;    /* end = the period's end for an open outage */
    bool open;             /* no end in the sources */
    Secs outside_period;   /* before or after the period */
    Secs outside_hours;    /* outside the service hours */
    Secs in_maintenance;   /* inside an agreed maintenance window */
    Secs overlapped;       /* covered by another outage of larger impact */
    Secs planned_time;     /* a planned outage's time in agreed time: not downtime */
    Secs counted;          /* what counted, before weighting */
    int64_t counted_w;     /* counted x impact (10000 = all) */
    const Outage *over;    /* the outage that covered the overlapped part */
    bool planned_outside_window; /* planned, but in agreed time */
} OutageCalc;

typedef struct Avail {
    Date month;
    bool applicable;       /* agreed time > 0 */
    Instant start, end;    /* the period in the service's zone */
    Secs hours;            /* service hours in the period */
    Secs maintenance;      /* maintenance inside service hours */
    Secs agreed;           /* hours - maintenance */
    int64_t down_w;        /* weighted unplanned downtime in agreed time */
    Secs down;             /* unweighted, merged */
    int episodes;          /* merged downtime episodes in agreed time */
    int outages;           /* unplanned outages with any part in agreed time */
    double percent;        /* NaN if not applicable */
    bool has_target;
    Dec target;
    bool met;              /* percent >= target, compared exactly */
    double mtrs;           /* minutes; NaN if no episode */
    double mtbf;           /* minutes; NaN if no episode */
    const struct Sla *sla; /* in force on the period's last day */
} Avail;

/* ---- recovery (BIA) ---------------------------------------------------------- */

typedef enum { RULE_NONE, RULE_EXPLICIT, RULE_RATED, RULE_DERIVED, RULE_TIER } Rule;

typedef struct FunctionCalc {
    const Function *f;
    Secs mtpd;       /* NO_SECS: no point reaches the unacceptable level */
    Rule mtpd_rule;  /* explicit or rated */
    int mtpd_point;  /* index of the time point (rated) */
    const char *mtpd_category;
    Secs rto;
    Rule rto_rule;   /* explicit or derived (MTPD x fraction) */
    Secs rpo;
    Rule rpo_rule;   /* explicit or tier */
    int tier;        /* index into the tiers; -1 if no RTO */
} FunctionCalc;

typedef struct ServiceCalc {
    const Service *s;
    /* required by the business: the strictest of every function needing
     * it, directly or through services that depend on it */
    Secs rto, rpo;            /* NO_SECS if no function needs it */
    const Function *rto_from, *rpo_from;
    const Service *rto_via;   /* the dependant it was inherited through, or NULL */
    int tier;                 /* -1 if no required RTO */
    int rank;                 /* 1-based position in the recovery order */
    Secs own;                 /* own recovery duration from its plan; NO_SECS if none */
    const struct Plan *plan;  /* the plan whose steps gave `own` */
    Secs earliest;            /* critical path; NO_SECS if unknown */
    const struct Service *critical_dep; /* the dependency that finishes last */
    Secs rto_gap;             /* earliest - rto when positive, else 0 */
    Secs data_loss;           /* worst case: min over protection of interval + lag */
    Secs rpo_gap;
    double predicted;         /* percent; NaN if not modelled */
    const Outage **outs;      /* its outages, sorted by start */
    /* incidents on it detected in the period, against the SLA's incident targets */
    int inc_count, inc_reported, inc_with_target, inc_resolved;
    double inc_reported_share, inc_resolved_share; /* percent; NaN if none */
    size_t nouts;
    Avail avail;              /* the period */
    VEC(Avail) history;       /* months with records up to the period, oldest first */
} ServiceCalc;

/* ---- incidents ---------------------------------------------------------------- */

typedef struct EscalationCalc {
    const struct Escalation *rule;
    const char *to;        /* response level id */
    Instant due;
    bool made;             /* an escalation to that level or higher exists */
    Instant made_at;
    bool on_time;          /* made by due + the grade's report deadline */
} EscalationCalc;

typedef struct IncidentCalc {
    const Incident *in;
    const PolicyEdition *policy;
    const struct Grade *grade;       /* the incident level */
    const struct ResponseLevel *response; /* initial response level */
    const struct ResponseLevel *final;    /* after escalations made */
    Date month;                      /* of detection, local to the service */
    Instant report_due;
    bool reported;                   /* a detection report exists */
    Instant reported_at;
    bool report_on_time;
    bool has_target;
    Instant resolve_due;
    bool resolved_in_time;           /* false if late or unresolved past due */
    bool overdue_open;               /* unresolved and past due at the period end */
    Secs restore;                    /* resolved - detected; NO_SECS if open */
    VEC(EscalationCalc) escalations; /* due by the policy */
    int updates_due, updates_given;
    bool major;                      /* level-1 response (rank 1) */
} IncidentCalc;

typedef struct LevelSummary {
    const char *grade;  /* incident level id; NULL = all */
    int count, major, reported_on_time, resolved_in_time, with_target;
    int escalations_due, escalations_made, escalations_on_time;
    int open;
    double restore_mean, restore_p90; /* minutes; NaN if none resolved */
    double reported_share, resolved_share; /* percent; NaN if none */
} LevelSummary;

/* ---- risk ----------------------------------------------------------------------- */

typedef struct RiskCalc {
    const Risk *r;
    int inherent, residual;        /* scores */
    int inherent_band, residual_band; /* indexes into the bands */
    bool above_appetite;
    int overdue;                   /* treatments overdue at the period end */
} RiskCalc;

/* ---- KPIs ----------------------------------------------------------------------- */

typedef struct KpiPoint {
    Date month;
    double value;
    bool computed; /* from the records rather than recorded */
} KpiPoint;

typedef enum { KPI_NONE, KPI_GREEN, KPI_AMBER, KPI_RED } KpiStatus;

typedef struct KpiCalc {
    const Kpi *k;
    VEC(KpiPoint) series; /* 12 months ending at the period, months with a value */
    bool has_value;
    double value;
    KpiStatus status;
    double delta_prev, delta_year, moving3, slope; /* NaN if not applicable */
    int missed_run; /* consecutive periods up to this one missing target */
} KpiCalc;

/* ---- findings ------------------------------------------------------------------- */

typedef struct Finding {
    const char *kind;    /* see docs/metrics.md */
    const char *subject; /* the id of the record concerned */
    char *message;       /* one English sentence */
    const xmlNode *node; /* the record behind it */
    /* figures behind the sentence, for stylesheets (NaN / NO_SECS if unused) */
    double value, limit;
} Finding;

/* ---- plans ---------------------------------------------------------------------- */

typedef struct PlanCalc {
    const struct Plan *p;
    bool drilled;            /* a held drill exercised it */
    Date last_drill;
    Date next_drill_due;     /* last drill (or, never drilled, the period) + drill interval */
    bool drill_overdue;      /* next_drill_due before the period's end */
    bool retest_due;         /* a significant change after its last drill */
    Date changed;            /* the latest significant change before the period's end */
    const char *change;      /* its change record's id, or NULL (the plan's own note) */
    Secs duration;           /* its steps' makespan: the longest path through them, services in dependency order */
} PlanCalc;

/* ---- drills ---------------------------------------------------------------------- */

/* A drill measurement against its limits: the stricter of the service's
 * required RTO (RPO) and the drill objectives' target for that service. */
typedef struct MeasuredCalc {
    const Measured *ms;
    Secs rto_limit, rpo_limit; /* NO_SECS: none */
    bool rto_met, rpo_met;     /* meaningful when the limit and the value are known */
} MeasuredCalc;

typedef struct DrillCalc {
    const Drill *d;
    bool evaluated;            /* it has a result dated before the period's end */
    MeasuredCalc *measured;    /* parallel to d->measured */
} DrillCalc;

/* ---- changes, workload, satisfaction in the period ------------------------------ */

typedef struct ChangeSummary {
    int total, implemented, failed, rolled_back, cancelled, emergency, significant;
    double success; /* implemented / (implemented + failed + rolled back) x 100; NaN if none */
} ChangeSummary;

typedef struct WorkloadCalc {
    const Measure *me;
    const WorkloadLimit *limit; /* the SLA's, NULL if none */
    double use;                 /* peak / limit x 100; NaN without a limit */
    bool over;
    bool prev;                  /* a value for the month before exists */
    double change;              /* peak against the month before, percent; NaN if none */
} WorkloadCalc;

typedef struct SatisfactionSummary {
    int surveys, respondents;
    double score;  /* respondent-weighted mean of the overall surveys; NaN if none */
    int scale;
    int complaints, closed, open; /* received in the period; open at its end */
} SatisfactionSummary;

/* ---- quarters ------------------------------------------------------------------- */

/* A calendar quarter rolled up from its months: the period's quarter (up
 * to the period) and the quarters before it, for the quarterly report and
 * its trends. Only months with records (from first_month to the period)
 * count; `months` says how many did. */
typedef struct QuarterCalc {
    int year, q;              /* 2026, 4 */
    Date first, last;         /* its first and last month */
    Date from, to;            /* the months counted (from > to when none) */
    int months;               /* months counted */
    bool complete;            /* all three counted */
    Avail *avail;             /* per service (parallel to m->services): times summed over the months
                               * counted, the target of the SLA in force at the end of the last */
    LevelSummary *levels;     /* per grade of the policy in force, then all */
    size_t nlevels;
    ChangeSummary changes;
    SatisfactionSummary satisfaction;
    double *kpi_mean;         /* per KPI: the mean of its monthly values in the quarter
                               * (of all 12-month series points in it); NaN if none */
    int *kpi_points;          /* how many values the mean is of */
    KpiStatus *kpi_status;    /* of the mean, against the KPI's target and amber threshold */
} QuarterCalc;

/* ---- the whole ------------------------------------------------------------------- */

typedef struct Calc {
    const Model *m;
    Arena *arena;
    Date period;            /* first day of the month */
    Date first_month;       /* first month with records (or the period) */
    const PolicyEdition *policy; /* in force on the period's last day */
    ServiceCalc *svc;       /* parallel to m->services */
    FunctionCalc *fn;       /* parallel to m->functions */
    IncidentCalc *inc;      /* parallel to m->incidents */
    RiskCalc *risk;         /* parallel to m->risks */
    KpiCalc *kpi;           /* parallel to m->kpis */
    PlanCalc *plan;         /* parallel to m->plans */
    DrillCalc *drill;       /* parallel to m->drills */
    bool *review_overdue;   /* parallel to m->documents: review-by before the period's last day */
    WorkloadCalc *work;     /* parallel to m->measures */
    ChangeSummary changes;
    SatisfactionSummary satisfaction;
    int *order;             /* service indexes in recovery order */
    VEC(OutageCalc) outages; /* outages overlapping the period, in source order */
    VEC(LevelSummary) levels; /* per incident level in the period, then all */
    int heat_inherent[10][10], heat_residual[10][10]; /* [likelihood-1][impact-1] */
    VEC(Finding) findings;  /* sorted by kind, then subject */
    QuarterCalc quarters[5]; /* the period's quarter last, the four before it first */
} Calc;

/* Compute everything for the month `period`. */
Calc *calc_run(const Model *m, Date period);
void calc_free(Calc *c);

/* Parts, for tests and for explain. */
void calc_availability(Calc *c, const Service *s, Date month, Avail *out, bool keep_trace);
double calc_predicted(const Calc *c, const Service *s);
Secs calc_own_duration(const Model *m, const Service *s, const struct Plan **plan, int *nplans);
/* The service hours and agreed maintenance of a service in [a, b). */
void calc_agreed_spans(const Model *m, const Service *s, Instant a, Instant b, Spans *hours, Spans *maint);
/* The period of a month in a zone: local midnights. */
void calc_month_bounds(const struct Zone *z, Date month, Instant *a, Instant *b);
/* The month of an instant in a zone. */
Date calc_month_of(const struct Zone *z, Instant t);

/* The figures of an Avail from its times: percent, met, MTRS, MTBF. */
void calc_avail_finish(Avail *a);
/* Summaries over the months from..to (inclusive). */
void calc_level_summary(const Calc *c, LevelSummary *ls, const char *grade, Date from, Date to);
void calc_change_summary(const Calc *c, ChangeSummary *cs, Date from, Date to);
void calc_satisfaction_summary(const Calc *c, SatisfactionSummary *ss, Date from, Date to);

/* Findings */
void calc_finding(Calc *c, const char *kind, const char *subject, const xmlNode *node, double value, double limit,
                  const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Explain a service or an incident for the period: a readable trace. */
char *calc_explain(Calc *c, const char *id);

const char *rule_name(Rule r);
const char *kpi_status_name(KpiStatus s);
/* A KPI's status for a value (NaN: none): green when it meets the target,
 * amber when it meets the amber threshold, else red. */
KpiStatus calc_kpi_status(const Kpi *k, double v);

#endif
