/*
 * link.c: the checks that span files, once everything is read: ids used
 * against the policies in force, the service dependency graph (cycles),
 * and what the policies themselves refer to.
 */
#include <stdlib.h>

#include "load_int.h"

/* The distinct sections of a kind across the policy editions. */
#define FOR_SECTIONS(T, var, field)                                                        \
    for (size_t i_##var = 0; i_##var < m->policies.n; i_##var++)                           \
        for (T *var = m->policies.v[i_##var]->field; var; var = NULL)                      \
            if (i_##var == 0 || m->policies.v[i_##var - 1]->field != var)

static bool has_grade(const IncidentPolicy *p, const char *id, const Grade **out)
{
    for (size_t i = 0; p && i < p->grades.n; i++)
        if (str_eq(p->grades.v[i].id, id)) {
            if (out) *out = &p->grades.v[i];
            return true;
        }
    return false;
}

static bool has_ranked(const Ranked *v, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (str_eq(v[i].id, id)) return true;
    return false;
}

static bool has_response(const IncidentPolicy *p, const char *id)
{
    for (size_t i = 0; p && i < p->responses.n; i++)
        if (str_eq(p->responses.v[i].id, id)) return true;
    return false;
}

static bool has_point(const ScalePoint *v, size_t n, int value)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].value == value) return true;
    return false;
}

static const char *policy_where(const Model *m, const xmlNode *sec)
{
    const Src *s = src_of(sec);
    (void)m;
    return s && strcmp(s->rel, "(defaults)") == 0 ? " (the built-in default policy)" : "";
}

static void check_policy_refs(Model *m)
{
    FOR_SECTIONS(IncidentPolicy, p, inc) {
        for (size_t i = 0; i < p->responses.n; i++) {
            ResponseLevel *r = &p->responses.v[i];
            if (!r->authority_id) continue;
            r->authority = model_lookup(m, NS_ROLE, r->authority_id);
            if (!r->authority && !m->incomplete)
                diag_node(DIAG_ERROR, r->node, "authority", "response level '%s'%s: unknown role '%s'", r->id,
                          policy_where(m, p->node), r->authority_id);
        }
    }
}

static void check_classes(Model *m, const xmlNode *n, const char *attr, const char *id)
{
    if (!id) return;
    FOR_SECTIONS(ClassPolicy, c, cls) {
        if (!has_ranked(c->levels.v, c->levels.n, id)) {
            diag_node(DIAG_ERROR, n, attr, "%s: unknown classification '%s'", label(n), id);
            return;
        }
    }
}

static void contacts_classes(Model *m, const xmlNode *parent)
{
    FOR_ELEMS(c, parent) {
        if (!elem_is(c, "contact")) continue;
        const char *cls = rd_str(m, c, "class", false);
        check_classes(m, c, "class", cls);
    }
}

static void check_services(Model *m)
{
    for (size_t i = 0; i < m->services.n; i++) {
        const Service *s = m->services.v[i];
        if (!s->grade) continue;
        FOR_SECTIONS(IncidentPolicy, p, inc) {
            const Grade *g = NULL;
            if (!has_grade(p, s->grade, &g)) {
                diag_node(DIAG_ERROR, s->node, "grade", "service '%s': unknown grade '%s'", s->id, s->grade);
                break;
            }
            if (str_eq(s->kind, "facility") && p->facility_grades.n) {
                bool ok = false;
                for (size_t k = 0; k < p->facility_grades.n; k++) ok |= &p->grades.v[p->facility_grades.v[k]] == g;
                if (!ok) {
                    diag_node(DIAG_ERROR, s->node, "grade", "service '%s': a facility (physical environment) cannot have grade '%s'",
                              s->id, s->grade);
                    break;
                }
            }
        }
        if (!s->slas.n)
            diag_node(DIAG_WARNING, s->node, NULL, "service '%s' has no SLA: its availability has no target", s->id);
    }
}

static void check_incidents(Model *m)
{
    for (size_t i = 0; i < m->incidents.n; i++) {
        const Incident *in = m->incidents.v[i];
        FOR_SECTIONS(IncidentPolicy, p, inc) {
            bool bad = false;
            for (size_t k = 0; k < in->severities.n && !bad; k++)
                if (!has_ranked(p->severities.v, p->severities.n, in->severities.v[k])) {
                    diag_node(DIAG_ERROR, in->node, "severity", "incident '%s': unknown severity '%s'", in->id,
                              in->severities.v[k]);
                    bad = true;
                }
            for (size_t k = 0; k < in->escalations.n && !bad; k++)
                if (in->escalations.v[k].to && !has_response(p, in->escalations.v[k].to)) {
                    diag_node(DIAG_ERROR, in->escalations.v[k].node, "to", "incident '%s': unknown response level '%s'",
                              in->id, in->escalations.v[k].to);
                    bad = true;
                }
            if (bad) break;
        }
    }
    for (size_t i = 0; i < m->drills.n; i++) {
        const Drill *d = m->drills.v[i];
        if (!d->scenario_level) continue;
        FOR_SECTIONS(IncidentPolicy, p, inc) {
            if (!has_grade(p, d->scenario_level, NULL)) {
                xmlNode *sc = elem_child(d->node, "scenario");
                diag_node(DIAG_ERROR, sc, "level", "drill '%s': scenario level '%s' is not a grade", d->id, d->scenario_level);
                break;
            }
        }
    }
}

static void check_risks(Model *m)
{
    for (size_t i = 0; i < m->risks.n; i++) {
        const Risk *r = m->risks.v[i];
        FOR_SECTIONS(RiskPolicy, p, risk) {
            const struct {
                const char *elem, *attr;
                int v;
                bool lik;
            } vals[] = {{"inherent", "likelihood", r->inh_l, true},
                        {"inherent", "impact", r->inh_i, false},
                        {"residual", "likelihood", r->res_l, true},
                        {"residual", "impact", r->res_i, false}};
            bool bad = false;
            for (size_t k = 0; k < ARRAY_LEN(vals); k++) {
                const ScalePoint *v = vals[k].lik ? p->likelihood.v : p->impact.v;
                size_t n = vals[k].lik ? p->likelihood.n : p->impact.n;
                xmlNode *e = elem_child(r->node, vals[k].elem);
                if (e && xmlHasProp(e, (const xmlChar *)vals[k].attr) && !has_point(v, n, vals[k].v)) {
                    diag_node(DIAG_ERROR, e, vals[k].attr, "risk '%s': %s %s %d is not on the %s scale", r->id, vals[k].elem,
                              vals[k].attr, vals[k].v, vals[k].attr);
                    bad = true;
                }
            }
            if (bad) break;
        }
    }
}

static void check_functions(Model *m)
{
    for (size_t i = 0; i < m->functions.n; i++) {
        const Function *f = m->functions.v[i];
        FOR_SECTIONS(BiaPolicy, p, bia) {
            bool bad = false;
            for (size_t k = 0; k < f->impacts.n; k++) {
                const Impact *im = &f->impacts.v[k];
                bool known = false;
                for (size_t c = 0; c < p->categories.n; c++) known |= str_eq(p->categories.v[c].id, im->category);
                if (!known) {
                    diag_node(DIAG_ERROR, im->node, "category", "function '%s': unknown impact category '%s'", f->id, im->category);
                    bad = true;
                } else if ((size_t)im->n != p->points.n) {
                    diag_node(DIAG_ERROR, im->node, NULL,
                              "function '%s': %d ratings for category '%s', but the BIA policy has %zu time points", f->id,
                              im->n, im->category, p->points.n);
                    bad = true;
                } else {
                    for (int r = 0; r < im->n; r++)
                        if (!has_point(p->levels.v, p->levels.n, im->rating[r])) {
                            diag_node(DIAG_ERROR, im->node, NULL, "function '%s': rating %d is not a level of the impact scale",
                                      f->id, im->rating[r]);
                            bad = true;
                            break;
                        }
                }
            }
            if (bad) break;
        }
    }
}

/* ---- dependency cycles: Tarjan's strongly connected components ---------- */

typedef struct {
    int *index, *low, *stack, *comp;
    bool *on;
    int next, sp, ncomp;
} Tarjan;

static void strong(const Model *m, Tarjan *t, int v)
{
    /* iterative to survive deep chains */
    int n = (int)m->services.n;
    int *it = xcalloc((size_t)n, sizeof *it), *call = xmalloc((size_t)n * sizeof *call);
    int csp = 0;
    call[csp++] = v;
    t->index[v] = t->low[v] = t->next++;
    t->stack[t->sp++] = v;
    t->on[v] = true;
    while (csp) {
        int u = call[csp - 1];
        const Service *s = m->services.v[u];
        if ((size_t)it[u] < s->deps.n) {
            int w = s->deps.v[it[u]++]->index;
            if (t->index[w] < 0) {
                t->index[w] = t->low[w] = t->next++;
                t->stack[t->sp++] = w;
                t->on[w] = true;
                call[csp++] = w;
            } else if (t->on[w] && t->index[w] < t->low[u]) {
                t->low[u] = t->index[w];
            }
            continue;
        }
        if (t->low[u] == t->index[u]) {
            int w;
            do {
                w = t->stack[--t->sp];
                t->on[w] = false;
                t->comp[w] = t->ncomp;
            } while (w != u);
            t->ncomp++;
        }
        csp--;
        if (csp) {
            int p = call[csp - 1];
            if (t->low[u] < t->low[p]) t->low[p] = t->low[u];
        }
    }
    free(it);
    free(call);
}

static void check_cycles(Model *m)
{
    int n = (int)m->services.n;
    if (!n) return;
    Tarjan t = {0};
    t.index = xmalloc((size_t)n * sizeof(int));
    t.low = xmalloc((size_t)n * sizeof(int));
    t.stack = xmalloc((size_t)n * sizeof(int));
    t.comp = xmalloc((size_t)n * sizeof(int));
    t.on = xcalloc((size_t)n, sizeof(bool));
    for (int i = 0; i < n; i++) t.index[i] = -1;
    for (int i = 0; i < n; i++)
        if (t.index[i] < 0) strong(m, &t, i);
    int *size = xcalloc((size_t)t.ncomp, sizeof *size);
    for (int i = 0; i < n; i++) size[t.comp[i]]++;
    bool *told = xcalloc((size_t)t.ncomp, sizeof *told);
    for (int i = 0; i < n; i++) {
        int c = t.comp[i];
        if (size[c] < 2 || told[c]) continue;
        told[c] = true;
        /* name every member, in the order of the sources, and cut the
         * cycle's edges so later stages see a graph without cycles */
        Buf b = {0};
        for (int j = 0; j < n; j++)
            if (t.comp[j] == c) {
                if (b.len) buf_puts(&b, ", ");
                buf_printf(&b, "'%s'", m->services.v[j]->id);
            }
        Service *s = m->services.v[i];
        xmlNode *at = NULL;
        FOR_ELEMS(k, s->node) {
            if (!elem_is(k, "depends-on")) continue;
            Service *d = model_lookup(m, NS_SERVICE, rd_str(m, k, "service", false));
            if (d && t.comp[d->index] == c) {
                at = k;
                break;
            }
        }
        diag_node(DIAG_ERROR, at ? at : s->node, at ? "service" : NULL,
                  "dependency cycle among services %s: none of them can be recovered first", b.s);
        buf_free(&b);
        for (int j = 0; j < n; j++) {
            Service *sj = m->services.v[j];
            if (t.comp[j] != c) continue;
            size_t keep = 0;
            for (size_t e = 0; e < sj->deps.n; e++)
                if (t.comp[sj->deps.v[e]->index] != c) sj->deps.v[keep++] = sj->deps.v[e];
            sj->deps.n = keep;
        }
    }
    free(told);
    free(size);
    free(t.index);
    free(t.low);
    free(t.stack);
    free(t.comp);
    free(t.on);
}

static void check_documents(Model *m)
{
    for (size_t i = 0; i < m->documents.n; i++) {
        const Document *d = m->documents.v[i];
        check_classes(m, d->node, "classification", d->classification);
    }
    for (size_t i = 0; i < m->people.n; i++) contacts_classes(m, m->people.v[i]->node);
    for (size_t i = 0; i < m->suppliers.n; i++) contacts_classes(m, m->suppliers.v[i]->node);
}

void link_model(Model *m)
{
    check_policy_refs(m);
    check_services(m);
    check_incidents(m);
    check_risks(m);
    check_functions(m);
    check_cycles(m);
    check_documents(m);
}
