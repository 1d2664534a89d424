/*
 * model.h: the typed model of an organisation's sources.
 *
 * The loaders (src/load) fill it; compute (src/compute) reads it. Every
 * record keeps `node`, its element in the parsed source document, which
 * carries the source file and line (src_origin) and the prose that C never
 * needs to understand (threats, summaries, responsibilities ...): the facts
 * copy those straight from the node. Only what a computation or a check
 * needs is typed here.
 *
 * Ownership: everything hangs off Model.arena and Model.files and is freed
 * by model_free. Pointers between records are resolved by the loaders; a
 * reference that could not be resolved is NULL and has been reported.
 *
 * Units: Instant is seconds since the epoch (UTC); Secs a duration in
 * seconds (-1 where a duration is absent); Dec an exact decimal.
 */
#ifndef DOSSIER_MODEL_H
#define DOSSIER_MODEL_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stdint.h>

#include "dtime.h"
#include "util.h"

#define NO_SECS ((Secs)-1)

/* An exact decimal: value = num / 10^scale (scale 0..12, at most 18 digits). */
typedef struct Dec {
    int64_t num;
    int scale;
} Dec;

/* A name or title in the two languages; either may be NULL. */
typedef struct Text {
    const char *zh;
    const char *en;
} Text;

typedef struct Src Src; /* a loaded source file, load/xml.h */

/* ---- organisation -------------------------------------------------------- */

typedef struct Department {
    const char *id;
    Text name;
    struct Department *parent;
    xmlNode *node;
} Department;

typedef struct Person {
    const char *id;
    Text name;
    Department *dept;
    xmlNode *node;
} Person;

typedef struct Role {
    const char *id;
    Text name;
    VEC(Person *) members;
    xmlNode *node;
} Role;

typedef struct MgmtSystem {
    const char *id;
    const char *standard; /* iso20000 iso27001 iso22301 other */
    Text name;
    xmlNode *node;
} MgmtSystem;

typedef struct Supplier {
    const char *id;
    Text name;
    xmlNode *node;
} Supplier;

typedef struct Organisation {
    const char *id;
    Text name;
    struct Zone *zone;
    xmlNode *node;
} Organisation;

/* ---- calendars ----------------------------------------------------------- */

enum { MAX_SPANS = 8 };

/* Service hours of a weekday: spans of minutes of the local day [from, to). */
typedef struct DayHours {
    int n;
    struct {
        int from, to;
    } span[MAX_SPANS];
} DayHours;

typedef struct Holiday {
    int64_t first, last; /* day numbers, inclusive */
    xmlNode *node;
} Holiday;

typedef struct Workday {
    int64_t day;
    int as; /* weekday whose hours apply, 0 = Monday */
    xmlNode *node;
} Workday;

typedef struct CalEdition {
    bool dated;
    Date effective;
    bool always; /* 7x24 */
    DayHours week[7];
    VEC(Holiday) holidays;
    VEC(Workday) workdays;
    xmlNode *node;
} CalEdition;

typedef struct Calendar {
    const char *id;
    struct Zone *zone;
    VEC(CalEdition *) editions; /* sorted by effective date */
} Calendar;

/* ---- policies ------------------------------------------------------------ */

/* A ranked level: grades, severities, response levels, classifications.
 * rank 1 is the highest (most severe, most urgent, least restricted for
 * classifications). */
typedef struct Grade {
    const char *id;
    int rank;
    bool ungraded;
    Secs resolve; /* resolution target, NO_SECS if none */
    Secs report;  /* first-report deadline */
    Text name;
    xmlNode *node;
} Grade;

typedef struct Ranked {
    const char *id;
    int rank;
    Text name;
    xmlNode *node;
} Ranked;

typedef struct ResponseLevel {
    const char *id;
    int rank;
    Secs update; /* progress-update interval, NO_SECS if none */
    const char *authority_id;
    Role *authority; /* resolved in link_model for the editions in use */
    Text name;
    xmlNode *node;
} ResponseLevel;

typedef struct MatrixCell {
    int grade, severity; /* indexes; severity -1 = any */
    int response;
    xmlNode *node;
} MatrixCell;

typedef struct Escalation {
    int grade;
    Secs after;
    int response;
    xmlNode *node;
} Escalation;

typedef struct IncidentPolicy {
    VEC(Grade) grades;
    VEC(Ranked) severities;
    VEC(ResponseLevel) responses;
    VEC(MatrixCell) matrix;
    VEC(Escalation) escalations;
    VEC(int) facility_grades; /* grade indexes; empty = any */
    xmlNode *node;
} IncidentPolicy;

typedef struct ScalePoint {
    int value;
    Text name;
} ScalePoint;

typedef struct Band {
    const char *id;
    int max; /* -1 for the last band */
    const char *colour;
    Text name;
} Band;

typedef struct RiskPolicy {
    VEC(ScalePoint) likelihood;
    VEC(ScalePoint) impact;
    VEC(Band) bands;
    int appetite; /* max residual score within appetite */
    xmlNode *node;
} RiskPolicy;

typedef struct Tier {
    const char *id;
    Secs max; /* NO_SECS for the last tier */
    Secs rpo;
    Text name;
} Tier;

typedef struct TierPolicy {
    VEC(Tier) tiers;
    xmlNode *node;
} TierPolicy;

typedef struct Category {
    const char *id;
    Text name;
} Category;

typedef struct BiaPolicy {
    VEC(Secs) points;
    VEC(Category) categories;
    VEC(ScalePoint) levels;
    int unacceptable;
    Dec rto_fraction;
    xmlNode *node;
} BiaPolicy;

typedef struct ContinuityPolicy {
    int drill_months, review_months;
    xmlNode *node;
} ContinuityPolicy;

typedef struct ClassPolicy {
    VEC(Ranked) levels;
    xmlNode *node;
} ClassPolicy;

/* One edition of the policies: sections it does not give are inherited from
 * the edition before it, the first edition's from the built-in defaults. */
typedef struct PolicyEdition {
    bool dated;
    Date effective;
    ClassPolicy *cls;
    IncidentPolicy *inc;
    RiskPolicy *risk;
    TierPolicy *tiers;
    BiaPolicy *bia;
    ContinuityPolicy *cont;
    xmlNode *node;
} PolicyEdition;

/* ---- services ------------------------------------------------------------ */

typedef enum { PART_COMPONENT, PART_GROUP, PART_SERIES } PartKind;

typedef struct Part {
    PartKind kind;
    const char *id;
    Dec availability; /* percent, components only */
    int k;            /* groups only */
    VEC(struct Part *) parts;
    xmlNode *node;
} Part;

typedef struct Protection {
    const char *method;
    Secs interval, lag;
    xmlNode *node;
} Protection;

typedef struct Maintenance {
    bool weekly;
    uint8_t days; /* bit 0 = Monday */
    int from, to; /* minutes of the local day */
    LocalTime start_lt, end_lt;
    Instant start, end; /* one-off windows, resolved in the calendar's zone */
    xmlNode *node;
} Maintenance;

typedef struct WorkloadLimit {
    const char *metric;
    Dec max;
    const char *unit;
    xmlNode *node;
} WorkloadLimit;

typedef struct Sla {
    const char *id;
    bool dated;
    Date effective;
    Calendar *calendar; /* the SLA's own, or the service's */
    Dec target;         /* availability, percent */
    VEC(Maintenance) maintenance;
    VEC(WorkloadLimit) workload;
    bool has_reported_target, has_resolved_target;
    Dec reported_target, resolved_target; /* percent */
    xmlNode *node;
} Sla;

typedef struct Service {
    const char *id;
    const char *kind;
    const char *grade; /* a grade id of the incident policy */
    Person *owner;
    Calendar *calendar;
    Secs rto, rpo; /* declared; NO_SECS if not */
    Supplier *supplier;
    struct Service *data_in; /* the dependency that keeps its data, or NULL */
    Text name;
    VEC(struct Service *) deps;
    VEC(Part *) structure; /* in series */
    VEC(Protection) protection;
    VEC(Sla *) slas; /* sorted by effective date */
    int index;       /* position in Model.services */
    xmlNode *node;
} Service;

/* ---- business functions (BIA) -------------------------------------------- */

enum { MAX_POINTS = 16 };

typedef struct Impact {
    const char *category;
    int n;
    int rating[MAX_POINTS];
    xmlNode *node;
} Impact;

typedef struct Function {
    const char *id;
    Department *dept;
    Person *owner;
    Secs mtpd, rto, rpo; /* explicit; NO_SECS if not */
    Text name;
    VEC(Impact) impacts;
    VEC(Service *) needs;
    xmlNode *node;
} Function;

/* ---- risks --------------------------------------------------------------- */

typedef struct Asset {
    const char *id;
    const char *kind;
    Service *service;
    Text name;
    xmlNode *node;
} Asset;

typedef struct Treatment {
    const char *kind;
    Person *owner;
    bool has_due, has_done;
    Date due, done;
    xmlNode *node;
} Treatment;

typedef struct Risk {
    const char *id;
    Person *owner;
    const char *status;
    Text title;
    VEC(Service *) services;
    VEC(Asset *) assets;
    int inh_l, inh_i, res_l, res_i;
    VEC(Treatment) treatments;
    xmlNode *node;
} Risk;

/* ---- Markdown ------------------------------------------------------------ */

typedef struct MdDoc {
    const char *path; /* as shown in diagnostics */
    const char *rel;  /* relative to the input root */
    struct cmark_node *doc;
} MdDoc;

typedef struct Prose {
    const char *part;
    const char *lang; /* NULL = the document's language */
    MdDoc *md;
    xmlNode *node;
} Prose;

/* ---- continuity plans ---------------------------------------------------- */

typedef struct PlanStep {
    const char *id;
    Secs duration;
    Role *role;
    Service *service;
    VEC(struct PlanStep *) after; /* explicit predecessors */
    bool explicit_after;
    MdDoc *procedure;
    xmlNode *node;
} PlanStep;

typedef struct Plan {
    const char *id;
    Person *owner;
    Text title;
    VEC(Service *) covers;
    VEC(Prose) prose;
    VEC(Role *) authorities;
    VEC(PlanStep *) steps;
    bool has_invoked_target;
    Dec invoked_target;
    bool has_significant_change;
    Date significant_change;
    xmlNode *node;
} Plan;

/* ---- drills -------------------------------------------------------------- */

typedef struct Objective {
    const char *id;
    Service *service;
    Secs rto, rpo;
    xmlNode *node;
} Objective;

typedef struct DrillStep {
    const char *id;
    Role *role;
    Secs duration;
    PlanStep *plan_step;
    xmlNode *node;
} DrillStep;

typedef struct StepResult {
    DrillStep *step;
    Instant start, end;
    const char *outcome;
    xmlNode *node;
} StepResult;

typedef struct Measured {
    Service *service;
    Secs recovery, data_loss;
    xmlNode *node;
} Measured;

typedef struct Action {
    const char *id;
    Person *owner;
    Date due;
    bool has_done;
    Date done;
    xmlNode *node;
} Action;

typedef struct Slot {
    Instant start, end;
    xmlNode *node;
} Slot;

typedef struct Drill {
    const char *id;
    struct Plan *plan;
    const char *status;
    Person *lead;
    Date date;
    Text title;
    VEC(Objective) objectives;
    const char *method;
    const char *scenario_level;
    VEC(Slot) schedule;
    VEC(DrillStep *) steps;
    bool has_result;
    VEC(StepResult) results;
    VEC(Measured) measured;
    VEC(Action) actions;
    bool plan_update_required;
    MdDoc *scenario;
    xmlNode *node;
} Drill;

/* ---- operational records ------------------------------------------------- */

typedef struct Report {
    const char *kind; /* detection response resolution */
    Instant at;
    xmlNode *node;
} Report;

typedef struct IncEscalation {
    Instant at;
    const char *to; /* a response level id */
    xmlNode *node;
} IncEscalation;

typedef struct Incident {
    const char *id;
    Service *service;
    VEC(const char *) severities; /* several when uncertain */
    Instant detected;
    bool has_resolved, has_closed;
    Instant resolved, closed;
    VEC(Report) reports;
    VEC(Instant) updates;
    VEC(IncEscalation) escalations;
    xmlNode *node;
} Incident;

typedef struct Outage {
    const char *id;
    Service *service;
    Instant start, end;
    bool has_end;
    bool planned;
    int impact; /* the fraction lost, in parts per 10,000 (10000 = all) */
    xmlNode *node;
} Outage;

typedef struct Change {
    const char *id;
    Service *service;
    const char *type, *status;
    Instant start, end;
    bool has_end, significant;
    xmlNode *node;
} Change;

typedef struct Measure {
    Service *service;
    const char *metric;
    Date month;
    Dec peak;
    bool has_total;
    Dec total;
    xmlNode *node;
} Measure;

typedef struct Survey {
    const char *id;
    Date month;
    Service *service;
    int respondents, scale;
    Dec score;
    xmlNode *node;
} Survey;

typedef struct Complaint {
    const char *id;
    Service *service;
    Instant received;
    bool is_open, has_closed;
    Instant closed;
    xmlNode *node;
} Complaint;

typedef struct KpiValue {
    Date month;
    Dec value;
    xmlNode *node;
} KpiValue;

typedef struct Kpi {
    const char *id;
    const char *unit;
    bool higher_better;
    Dec target;
    bool has_amber;
    Dec amber;
    const char *source; /* NULL = values only */
    Service *service;
    Text name;
    VEC(KpiValue) values; /* sorted by month */
    xmlNode *node;
} Kpi;

/* ---- the register of controlled documents -------------------------------- */

/* V1.2 -> scheme 'V', major 1, minor 2; B/3 -> scheme '/', major 2 (B), minor 3 */
typedef struct Version {
    char scheme;
    int major, minor;
} Version;

typedef struct Revision {
    const char *version;
    Version v;
    Date date;
    bool has_effective;
    Date effective;
    Person *author, *reviewer, *approver;
    xmlNode *node;
} Revision;

enum { LANG_ZH = 1, LANG_EN = 2 };

typedef struct Document {
    const char *number;
    const char *kind;
    int langs; /* LANG_ZH | LANG_EN */
    const char *version;
    Version v;
    const char *status;
    const char *classification;
    bool controlled;
    MgmtSystem *system;
    bool has_review_by;
    Date review_by;
    struct Plan *plan;
    Drill *drill;
    int year;
    Text title;
    VEC(Prose) prose;
    VEC(Revision) revisions;
    xmlNode *node;
} Document;

/* ---- the model ----------------------------------------------------------- */

typedef struct Model {
    Arena *arena;
    const char *root; /* the input directory as given */
    VEC(Src *) files; /* every source file, sorted by path */
    Organisation *org;
    VEC(Department *) departments;
    VEC(Person *) people;
    VEC(Role *) roles;
    VEC(MgmtSystem *) systems;
    VEC(Supplier *) suppliers;
    VEC(Calendar *) calendars;
    VEC(PolicyEdition *) policies; /* sorted by effective date; never empty */
    VEC(Service *) services;
    VEC(Function *) functions;
    VEC(Asset *) assets;
    VEC(Risk *) risks;
    VEC(Plan *) plans;
    VEC(Drill *) drills;
    VEC(Incident *) incidents;
    VEC(Outage *) outages;
    VEC(Change *) changes;
    VEC(Measure *) measures;
    VEC(Survey *) surveys;
    VEC(Complaint *) complaints;
    VEC(Kpi *) kpis;
    VEC(Document *) documents;
    VEC(MdDoc *) markdown;
    /* id lookups; never iterated */
    Map *ids[20];
    /* a source file could not be read: references cannot be trusted to
     * resolve, so unresolved ones are not reported */
    bool incomplete;
    /* the latest month that has operational records */
    bool has_records;
    Date latest_month;
    /* when the business impact analysis and the risk assessment were made
     * (the latest `assessed` of their files) */
    bool has_bia_assessed, has_risk_assessed;
    Date bia_assessed, risk_assessed;
} Model;

/* Id spaces of Model.ids */
enum {
    NS_DEPARTMENT, NS_PERSON, NS_ROLE, NS_SYSTEM, NS_SUPPLIER, NS_CALENDAR, NS_SERVICE,
    NS_FUNCTION, NS_ASSET, NS_RISK, NS_PLAN, NS_DRILL, NS_RECORD, NS_KPI, NS_DOCUMENT, NS_MARKDOWN,
    NS_INCIDENT /* incidents again, by id, for typed lookups (their ids are in NS_RECORD too) */
};

void *model_lookup(const Model *m, int ns, const char *id);
void model_free(Model *m);

/* The policy edition in force on a date. */
const PolicyEdition *policy_at(const Model *m, Date d);
/* The edition of a calendar / SLA in force on a date (NULL if none yet). */
const CalEdition *calendar_at(const Calendar *c, Date d);
const Sla *sla_at(const Service *s, Date d);

/* Exact decimals */
const char *dec_parse(const char *s, Dec *out); /* NULL or what is wrong */
int dec_cmp(Dec a, Dec b);
double dec_to_double(Dec d);
char *dec_format(Dec d, char buf[static 40]);

/* Versions: NULL or what is wrong */
const char *version_parse(const char *s, Version *out);
int version_cmp(Version a, Version b); /* only within one scheme */
bool version_is_draft(Version v);      /* V0.x */

/* Text in a language, falling back to the other. */
const char *text_get(Text t, int lang);

#endif
