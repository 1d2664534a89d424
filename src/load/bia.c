/*
 * bia.c: reads <business-functions> (the business impact analysis) and
 * <risks> (assets and the risk register).
 */
#include <stdlib.h>

#include "load_int.h"

void read_functions(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "assessed");
    Date d;
    if (rd_date(m, root, "assessed", false, &d) && (!m->has_bia_assessed || date_cmp(d, m->bia_assessed) > 0)) {
        m->has_bia_assessed = true;
        m->bia_assessed = d;
    }
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "function")) continue;
        attrs_allow(c, "id department owner mtpd rto rpo");
        Function *f = arena_alloc(m->arena, sizeof *f);
        f->node = c;
        f->id = rd_str(m, c, "id", true);
        f->dept = rd_ref(m, c, "department", NS_DEPARTMENT, "department", true);
        f->owner = rd_ref(m, c, "owner", NS_PERSON, "person", true);
        if (!rd_dur(m, c, "mtpd", false, &f->mtpd)) f->mtpd = NO_SECS;
        if (!rd_dur(m, c, "rto", false, &f->rto)) f->rto = NO_SECS;
        if (!rd_dur(m, c, "rpo", false, &f->rpo)) f->rpo = NO_SECS;
        if (f->mtpd != NO_SECS && f->rto != NO_SECS && f->rto > f->mtpd)
            diag_node(DIAG_ERROR, c, "rto", "function '%s': RTO (%s) is longer than its MTPD (%s)", f->id,
                      rd_str(m, c, "rto", false), rd_str(m, c, "mtpd", false));
        f->name = rd_names(m, c, "name");
        FOR_ELEMS(k, c) {
            if (elem_is(k, "impact")) {
                attrs_allow(k, "category");
                Impact *im = vec_add(m->arena, &f->impacts);
                im->node = k;
                im->category = rd_str(m, k, "category", true);
                for (size_t i = 0; i + 1 < f->impacts.n; i++)
                    if (str_eq(f->impacts.v[i].category, im->category))
                        diag_node(DIAG_ERROR, k, "category", "function '%s': category '%s' is rated twice", f->id, im->category);
                char *copy = xstrdup(rd_text(m, k)), *save = NULL;
                for (char *t = strtok_r(copy, " \t\n", &save); t; t = strtok_r(NULL, " \t\n", &save)) {
                    char *end;
                    long v = strtol(t, &end, 10);
                    if (*end || v < 0 || v > 99)
                        diag_node(DIAG_ERROR, k, NULL, "function '%s': impact rating '%s' is not a level", f->id, t);
                    else if (im->n == MAX_POINTS)
                        diag_node(DIAG_ERROR, k, NULL, "function '%s': over %d ratings", f->id, MAX_POINTS);
                    else
                        im->rating[im->n++] = (int)v;
                }
                free(copy);
            } else if (elem_is(k, "needs")) {
                attrs_allow(k, "service");
                Service *sv = rd_ref(m, k, "service", NS_SERVICE, "service", true);
                if (!sv) continue;
                bool dup = false;
                for (size_t i = 0; i < f->needs.n; i++) dup |= f->needs.v[i] == sv;
                if (dup) diag_node(DIAG_ERROR, k, "service", "function '%s' needs service '%s' twice", f->id, sv->id);
                else vec_push(m->arena, &f->needs, sv);
            } else if (elem_is(k, "resource")) {
                attrs_allow(k, "kind within");
                Secs w;
                rd_dur(m, k, "within", false, &w);
            }
        }
        if (reg_id(m, NS_FUNCTION, f->id, f, c, "function")) vec_push(m->arena, &m->functions, f);
    }
}

static void read_rating(Model *m, const xmlNode *n, int *l, int *i)
{
    attrs_allow(n, "likelihood impact");
    /* ranges are checked against the risk policy's scales in link_model */
    rd_int(m, n, "likelihood", true, 0, 99, l);
    rd_int(m, n, "impact", true, 0, 99, i);
}

void read_risks(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "assessed");
    Date d;
    if (rd_date(m, root, "assessed", false, &d) && (!m->has_risk_assessed || date_cmp(d, m->risk_assessed) > 0)) {
        m->has_risk_assessed = true;
        m->risk_assessed = d;
    }
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "asset")) continue;
        attrs_allow(c, "id kind service");
        Asset *a = arena_alloc(m->arena, sizeof *a);
        a->node = c;
        a->id = rd_str(m, c, "id", true);
        a->kind = rd_str(m, c, "kind", true);
        if (xmlHasProp(c, (const xmlChar *)"service")) a->service = rd_ref(m, c, "service", NS_SERVICE, "service", false);
        a->name = rd_names(m, c, "name");
        if (reg_id(m, NS_ASSET, a->id, a, c, "asset")) vec_push(m->arena, &m->assets, a);
    }
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "risk")) continue;
        attrs_allow(c, "id owner status");
        Risk *r = arena_alloc(m->arena, sizeof *r);
        r->node = c;
        r->id = rd_str(m, c, "id", true);
        r->owner = rd_ref(m, c, "owner", NS_PERSON, "person", true);
        r->status = rd_str(m, c, "status", true);
        r->title = rd_names(m, c, "title");
        FOR_ELEMS(k, c) {
            if (elem_is(k, "affects")) {
                attrs_allow(k, "service asset");
                if (xmlHasProp(k, (const xmlChar *)"service")) {
                    Service *sv = rd_ref(m, k, "service", NS_SERVICE, "service", false);
                    if (sv) vec_push(m->arena, &r->services, sv);
                } else {
                    Asset *a = rd_ref(m, k, "asset", NS_ASSET, "asset", true);
                    if (a) vec_push(m->arena, &r->assets, a);
                }
            } else if (elem_is(k, "inherent")) {
                read_rating(m, k, &r->inh_l, &r->inh_i);
            } else if (elem_is(k, "residual")) {
                read_rating(m, k, &r->res_l, &r->res_i);
            } else if (elem_is(k, "treatment")) {
                attrs_allow(k, "kind owner due done");
                Treatment *t = vec_add(m->arena, &r->treatments);
                t->node = k;
                t->kind = rd_str(m, k, "kind", true);
                t->owner = rd_ref(m, k, "owner", NS_PERSON, "person", true);
                t->has_due = rd_date(m, k, "due", false, &t->due);
                t->has_done = rd_date(m, k, "done", false, &t->done);
            }
        }
        if (r->res_l * r->res_i > r->inh_l * r->inh_i && r->inh_l && r->inh_i)
            diag_node(DIAG_WARNING, elem_child(c, "residual"), NULL,
                      "risk '%s': residual score %d is above the inherent score %d", r->id, r->res_l * r->res_i,
                      r->inh_l * r->inh_i);
        if (str_eq(r->status, "treating") && !r->treatments.n)
            diag_node(DIAG_WARNING, c, "status", "risk '%s' is being treated but has no treatment", r->id);
        if (reg_id(m, NS_RISK, r->id, r, c, "risk")) vec_push(m->arena, &m->risks, r);
    }
}
