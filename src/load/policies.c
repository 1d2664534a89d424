/*
 * policies.c: reads <policies> editions and the built-in defaults
 * (schemas/defaults.xml), and fills each edition's missing sections from
 * the edition before it.
 */
#include <stdlib.h>

#include "load_int.h"

static PolicyEdition *defaults;

static void read_ranked(Model *m, const xmlNode *c, Ranked *r)
{
    r->id = rd_str(m, c, "id", true);
    rd_int(m, c, "rank", true, 1, 99, &r->rank);
    r->name = rd_names(m, c, "name");
    r->node = (xmlNode *)c;
}

static int find_grade(const IncidentPolicy *p, const char *id)
{
    for (size_t i = 0; id && i < p->grades.n; i++)
        if (str_eq(p->grades.v[i].id, id)) return (int)i;
    return -1;
}
static int find_sev(const IncidentPolicy *p, const char *id)
{
    for (size_t i = 0; id && i < p->severities.n; i++)
        if (str_eq(p->severities.v[i].id, id)) return (int)i;
    return -1;
}
static int find_resp(const IncidentPolicy *p, const char *id)
{
    for (size_t i = 0; id && i < p->responses.n; i++)
        if (str_eq(p->responses.v[i].id, id)) return (int)i;
    return -1;
}

/* ids unique within a list of n items of stride `size` whose first member is the id */
static void unique_ids(const void *base, size_t n, size_t size, size_t node_off, const char *what)
{
    for (size_t i = 0; i < n; i++) {
        const char *a = *(const char *const *)((const char *)base + i * size);
        for (size_t j = 0; j < i && a; j++) {
            const char *b = *(const char *const *)((const char *)base + j * size);
            if (str_eq(a, b)) {
                const xmlNode *node = *(xmlNode *const *)((const char *)base + i * size + node_off);
                diag_node(DIAG_ERROR, node, "id", "duplicate %s id '%s'", what, a);
                break;
            }
        }
    }
}

static IncidentPolicy *read_incident(Model *m, const xmlNode *sec)
{
    IncidentPolicy *p = arena_alloc(m->arena, sizeof *p);
    p->node = (xmlNode *)sec;
    FOR_ELEMS(c, sec) {
        if (elem_is(c, "grade")) {
            attrs_allow(c, "id rank ungraded resolve report");
            Grade *g = vec_add(m->arena, &p->grades);
            g->id = rd_str(m, c, "id", true);
            rd_int(m, c, "rank", true, 1, 99, &g->rank);
            g->ungraded = rd_bool(m, c, "ungraded", false);
            if (!rd_dur(m, c, "resolve", false, &g->resolve)) g->resolve = NO_SECS;
            if (!rd_dur(m, c, "report", true, &g->report)) g->report = NO_SECS;
            g->name = rd_names(m, c, "name");
            g->node = c;
        } else if (elem_is(c, "severity")) {
            attrs_allow(c, "id rank");
            read_ranked(m, c, vec_add(m->arena, &p->severities));
        } else if (elem_is(c, "response-level")) {
            attrs_allow(c, "id rank update authority");
            ResponseLevel *r = vec_add(m->arena, &p->responses);
            r->id = rd_str(m, c, "id", true);
            rd_int(m, c, "rank", true, 1, 99, &r->rank);
            if (!rd_dur(m, c, "update", false, &r->update)) r->update = NO_SECS;
            r->authority_id = rd_str(m, c, "authority", true);
            r->name = rd_names(m, c, "name");
            r->node = c;
        }
    }
    unique_ids(p->grades.v, p->grades.n, sizeof(Grade), offsetof(Grade, node), "grade");
    unique_ids(p->severities.v, p->severities.n, sizeof(Ranked), offsetof(Ranked, node), "severity");
    unique_ids(p->responses.v, p->responses.n, sizeof(ResponseLevel), offsetof(ResponseLevel, node), "response level");
    FOR_ELEMS(c, sec) {
        if (elem_is(c, "facility-grades")) {
            attrs_allow(c, "");
            const char *list = rd_text(m, c);
            char *copy = xstrdup(list), *save = NULL;
            for (char *t = strtok_r(copy, " \t\n", &save); t; t = strtok_r(NULL, " \t\n", &save)) {
                int g = find_grade(p, t);
                if (g < 0) diag_node(DIAG_ERROR, c, NULL, "facility-grades: unknown grade '%s'", t);
                else vec_push(m->arena, &p->facility_grades, g);
            }
            free(copy);
        } else if (elem_is(c, "response")) {
            attrs_allow(c, "grade severity level");
            MatrixCell *mc = vec_add(m->arena, &p->matrix);
            mc->node = c;
            const char *g = rd_str(m, c, "grade", true), *sv = rd_str(m, c, "severity", false),
                       *l = rd_str(m, c, "level", true);
            mc->grade = find_grade(p, g);
            mc->severity = sv ? find_sev(p, sv) : -1;
            mc->response = find_resp(p, l);
            if (g && mc->grade < 0) diag_node(DIAG_ERROR, c, "grade", "response matrix: unknown grade '%s'", g);
            if (sv && mc->severity < 0) diag_node(DIAG_ERROR, c, "severity", "response matrix: unknown severity '%s'", sv);
            if (l && mc->response < 0) diag_node(DIAG_ERROR, c, "level", "response matrix: unknown response level '%s'", l);
        } else if (elem_is(c, "escalation")) {
            attrs_allow(c, "grade after to");
            Escalation *e = vec_add(m->arena, &p->escalations);
            e->node = c;
            const char *g = rd_str(m, c, "grade", true), *to = rd_str(m, c, "to", true);
            e->grade = find_grade(p, g);
            e->response = find_resp(p, to);
            if (!rd_dur(m, c, "after", true, &e->after)) e->after = NO_SECS;
            if (g && e->grade < 0) diag_node(DIAG_ERROR, c, "grade", "escalation: unknown grade '%s'", g);
            if (to && e->response < 0) diag_node(DIAG_ERROR, c, "to", "escalation: unknown response level '%s'", to);
        }
    }
    /* the matrix must give exactly one response level to every grade x severity */
    for (size_t g = 0; g < p->grades.n; g++)
        for (size_t sv = 0; sv < p->severities.n; sv++) {
            int hits = 0;
            const xmlNode *second = NULL;
            for (size_t i = 0; i < p->matrix.n; i++) {
                const MatrixCell *mc = &p->matrix.v[i];
                if (mc->grade == (int)g && (mc->severity == (int)sv || mc->severity == -1)) {
                    if (++hits == 2) second = mc->node;
                }
            }
            if (hits == 0)
                diag_node(DIAG_ERROR, sec, NULL, "incident policy: no response level for grade '%s' and severity '%s'",
                          p->grades.v[g].id, p->severities.v[sv].id);
            else if (second)
                diag_node(DIAG_ERROR, second, NULL,
                          "incident policy: a second response level for grade '%s' and severity '%s'",
                          p->grades.v[g].id, p->severities.v[sv].id);
        }
    return p;
}

static void read_scale(Model *m, const xmlNode *sec, const char *name, void *vecp)
{
    VEC(ScalePoint) *v = vecp;
    FOR_ELEMS(c, sec) {
        if (!elem_is(c, name)) continue;
        attrs_allow(c, "value");
        ScalePoint *sp = vec_add(m->arena, v);
        rd_int(m, c, "value", true, 0, 99, &sp->value);
        sp->name = rd_names(m, c, "name");
        if (v->n > 1 && sp->value <= v->v[v->n - 2].value)
            diag_node(DIAG_ERROR, c, "value", "%s scale: values must rise (%d after %d)", name, sp->value,
                      v->v[v->n - 2].value);
    }
}

static RiskPolicy *read_risk(Model *m, const xmlNode *sec)
{
    RiskPolicy *p = arena_alloc(m->arena, sizeof *p);
    p->node = (xmlNode *)sec;
    read_scale(m, sec, "likelihood", &p->likelihood);
    read_scale(m, sec, "impact", &p->impact);
    FOR_ELEMS(c, sec) {
        if (elem_is(c, "band")) {
            attrs_allow(c, "id max colour");
            Band *b = vec_add(m->arena, &p->bands);
            b->id = rd_str(m, c, "id", true);
            if (!rd_int(m, c, "max", false, 0, 9999, &b->max)) b->max = -1;
            b->colour = rd_str(m, c, "colour", false);
            b->name = rd_names(m, c, "name");
            bool last = !elem_next(c) || !elem_is(elem_next(c), "band");
            if (last && b->max >= 0) diag_node(DIAG_ERROR, c, "max", "risk policy: the last band takes every higher score; it has no max");
            if (!last && b->max < 0) diag_node(DIAG_ERROR, c, NULL, "risk policy: band '%s' needs a max (only the last band has none)", b->id ? b->id : "");
            if (p->bands.n > 1 && b->max >= 0 && b->max <= p->bands.v[p->bands.n - 2].max)
                diag_node(DIAG_ERROR, c, "max", "risk policy: band maxima must rise");
        } else if (elem_is(c, "appetite")) {
            attrs_allow(c, "max-score");
            rd_int(m, c, "max-score", true, 0, 9999, &p->appetite);
        }
    }
    return p;
}

static TierPolicy *read_tiers(Model *m, const xmlNode *sec)
{
    TierPolicy *p = arena_alloc(m->arena, sizeof *p);
    p->node = (xmlNode *)sec;
    FOR_ELEMS(c, sec) {
        if (!elem_is(c, "tier")) continue;
        attrs_allow(c, "id max rpo");
        Tier *t = vec_add(m->arena, &p->tiers);
        t->id = rd_str(m, c, "id", true);
        if (!rd_dur(m, c, "max", false, &t->max)) t->max = NO_SECS;
        if (!rd_dur(m, c, "rpo", true, &t->rpo)) t->rpo = NO_SECS;
        t->name = rd_names(m, c, "name");
        bool last = !elem_next(c);
        if (last && t->max != NO_SECS) diag_node(DIAG_ERROR, c, "max", "recovery tiers: the last tier takes every longer RTO; it has no max");
        if (!last && t->max == NO_SECS) diag_node(DIAG_ERROR, c, NULL, "recovery tiers: tier '%s' needs a max", t->id ? t->id : "");
        if (p->tiers.n > 1 && t->max != NO_SECS && t->max <= p->tiers.v[p->tiers.n - 2].max)
            diag_node(DIAG_ERROR, c, "max", "recovery tiers: maxima must rise");
    }
    return p;
}

static BiaPolicy *read_bia(Model *m, const xmlNode *sec)
{
    BiaPolicy *p = arena_alloc(m->arena, sizeof *p);
    p->node = (xmlNode *)sec;
    FOR_ELEMS(c, sec) {
        if (elem_is(c, "time-points")) {
            attrs_allow(c, "");
            char *copy = xstrdup(rd_text(m, c)), *save = NULL;
            for (char *t = strtok_r(copy, " \t\n", &save); t; t = strtok_r(NULL, " \t\n", &save)) {
                Secs d;
                const char *e = dur_parse(t, &d);
                if (e) diag_node(DIAG_ERROR, c, NULL, "time-points: '%s': %s", t, e);
                else if (p->points.n && d <= p->points.v[p->points.n - 1])
                    diag_node(DIAG_ERROR, c, NULL, "time-points: '%s' does not come after the point before it", t);
                else if (p->points.n == MAX_POINTS)
                    diag_node(DIAG_ERROR, c, NULL, "time-points: over %d points", MAX_POINTS);
                else
                    vec_push(m->arena, &p->points, d);
            }
            free(copy);
        } else if (elem_is(c, "category")) {
            attrs_allow(c, "id");
            Category *cat = vec_add(m->arena, &p->categories);
            cat->id = rd_str(m, c, "id", true);
            cat->name = rd_names(m, c, "name");
        } else if (elem_is(c, "unacceptable")) {
            attrs_allow(c, "level");
            rd_int(m, c, "level", true, 0, 99, &p->unacceptable);
        } else if (elem_is(c, "derive-rto")) {
            attrs_allow(c, "fraction");
            if (rd_dec(m, c, "fraction", true, &p->rto_fraction)) {
                Dec one = {1, 0};
                if (p->rto_fraction.num <= 0 || dec_cmp(p->rto_fraction, one) > 0)
                    diag_node(DIAG_ERROR, c, "fraction", "derive-rto: fraction must be above 0 and at most 1");
            }
        }
    }
    read_scale(m, sec, "level", &p->levels);
    bool found = false;
    for (size_t i = 0; i < p->levels.n; i++) found |= p->levels.v[i].value == p->unacceptable;
    if (!found) diag_node(DIAG_ERROR, elem_child(sec, "unacceptable"), "level", "bia policy: unacceptable level %d is not a level of the scale", p->unacceptable);
    return p;
}

static ClassPolicy *read_classes(Model *m, const xmlNode *sec)
{
    ClassPolicy *p = arena_alloc(m->arena, sizeof *p);
    p->node = (xmlNode *)sec;
    FOR_ELEMS(c, sec) {
        if (!elem_is(c, "level")) continue;
        attrs_allow(c, "id rank");
        read_ranked(m, c, vec_add(m->arena, &p->levels));
    }
    unique_ids(p->levels.v, p->levels.n, sizeof(Ranked), offsetof(Ranked, node), "classification");
    return p;
}

static PolicyEdition *read_edition(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "effective");
    PolicyEdition *e = arena_alloc(m->arena, sizeof *e);
    e->node = root;
    e->dated = rd_date(m, root, "effective", false, &e->effective);
    FOR_ELEMS(c, root) {
        if (elem_is(c, "classifications")) e->cls = read_classes(m, c);
        else if (elem_is(c, "incident-policy")) e->inc = read_incident(m, c);
        else if (elem_is(c, "risk-policy")) e->risk = read_risk(m, c);
        else if (elem_is(c, "recovery-tiers")) e->tiers = read_tiers(m, c);
        else if (elem_is(c, "bia-policy")) e->bia = read_bia(m, c);
        else if (elem_is(c, "continuity-policy")) {
            attrs_allow(c, "drill-months review-months");
            ContinuityPolicy *cp = arena_alloc(m->arena, sizeof *cp);
            cp->node = c;
            rd_int(m, c, "drill-months", true, 1, 120, &cp->drill_months);
            rd_int(m, c, "review-months", true, 1, 120, &cp->review_months);
            e->cont = cp;
        }
    }
    return e;
}

void read_policy_defaults(Model *m, Src *s) { defaults = read_edition(m, s); }

void read_policies(Model *m, Src *s) { vec_push(m->arena, &m->policies, read_edition(m, s)); }

static int cmp_policy(const void *a, const void *b)
{
    const PolicyEdition *x = *(PolicyEdition *const *)a, *y = *(PolicyEdition *const *)b;
    if (x->dated != y->dated) return x->dated ? 1 : -1;
    return date_cmp(x->effective, y->effective);
}

void policies_finish(Model *m)
{
    xsort(m->policies.v, m->policies.n, sizeof *m->policies.v, cmp_policy);
    for (size_t i = 0; i < m->policies.n; i++) {
        PolicyEdition *e = m->policies.v[i];
        if (i && !e->dated)
            diag_node(DIAG_ERROR, e->node, NULL, "policies: only one edition may lack an effective date");
        if (i && e->dated && m->policies.v[i - 1]->dated && date_cmp(e->effective, m->policies.v[i - 1]->effective) == 0)
            diag_node(DIAG_ERROR, e->node, "effective", "policies: two editions take effect on the same date");
    }
    if (!defaults) {
        /* the defaults did not load (reported): nothing to inherit */
        if (!m->policies.n) vec_push(m->arena, &m->policies, arena_alloc(m->arena, sizeof(PolicyEdition)));
        return;
    }
    if (!m->policies.n) {
        vec_push(m->arena, &m->policies, defaults);
        return;
    }
    const PolicyEdition *prev = defaults;
    for (size_t i = 0; i < m->policies.n; i++) {
        PolicyEdition *e = m->policies.v[i];
        if (!e->cls) e->cls = prev->cls;
        if (!e->inc) e->inc = prev->inc;
        if (!e->risk) e->risk = prev->risk;
        if (!e->tiers) e->tiers = prev->tiers;
        if (!e->bia) e->bia = prev->bia;
        if (!e->cont) e->cont = prev->cont;
        prev = e;
    }
}
