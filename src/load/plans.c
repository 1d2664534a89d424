/*
 * plans.c: reads continuity plans (<plan>) and drills (<drill>).
 */
#include <stdlib.h>

#include "load_int.h"

static void read_calls(Model *m, const xmlNode *parent, int depth)
{
    FOR_ELEMS(c, parent) {
        if (!elem_is(c, "call")) continue;
        attrs_allow(c, "person within");
        rd_ref(m, c, "person", NS_PERSON, "person", true);
        Secs w;
        rd_dur(m, c, "within", false, &w);
        read_calls(m, c, depth + 1);
    }
}

static bool plan_covers(const Plan *p, const Service *s)
{
    for (size_t i = 0; i < p->covers.n; i++)
        if (p->covers.v[i] == s) return true;
    return false;
}

static PlanStep *find_step(const Plan *p, const char *id)
{
    for (size_t i = 0; id && i < p->steps.n; i++)
        if (str_eq(p->steps.v[i]->id, id)) return p->steps.v[i];
    return NULL;
}

void read_plan(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "id owner");
    Plan *p = arena_alloc(m->arena, sizeof *p);
    p->node = root;
    p->id = rd_str(m, root, "id", true);
    p->owner = rd_ref(m, root, "owner", NS_PERSON, "person", true);
    p->title = rd_names(m, root, "title");
    FOR_ELEMS(c, root) {
        if (elem_is(c, "covers")) {
            attrs_allow(c, "service");
            Service *sv = rd_ref(m, c, "service", NS_SERVICE, "service", true);
            if (sv && plan_covers(p, sv))
                diag_node(DIAG_ERROR, c, "service", "plan '%s' covers service '%s' twice", p->id, sv->id);
            else if (sv)
                vec_push(m->arena, &p->covers, sv);
        } else if (elem_is(c, "prose")) {
            attrs_allow(c, "part src");
            Prose *pr = vec_add(m->arena, &p->prose);
            pr->node = c;
            pr->part = rd_str(m, c, "part", true);
            pr->md = md_load(m, c, "src");
        } else if (elem_is(c, "invocation")) {
            attrs_allow(c, "");
            FOR_ELEMS(a, c) {
                if (!elem_is(a, "authority")) continue;
                attrs_allow(a, "role");
                Role *r = rd_ref(m, a, "role", NS_ROLE, "role", true);
                if (r) vec_push(m->arena, &p->authorities, r);
            }
        } else if (elem_is(c, "call-tree")) {
            attrs_allow(c, "");
            read_calls(m, c, 0);
        } else if (elem_is(c, "invoked-target")) {
            attrs_allow(c, "availability max-duration");
            p->has_invoked_target = rd_percent(m, c, "availability", true, &p->invoked_target);
            Secs d;
            rd_dur(m, c, "max-duration", false, &d);
        } else if (elem_is(c, "vendor")) {
            attrs_allow(c, "supplier");
            rd_ref(m, c, "supplier", NS_SUPPLIER, "supplier", true);
        } else if (elem_is(c, "significant-change")) {
            attrs_allow(c, "date");
            p->has_significant_change = rd_date(m, c, "date", true, &p->significant_change);
        }
    }
    /* steps, after the services covered are known */
    xmlNode *rec = elem_child(root, "recovery");
    if (rec) attrs_allow(rec, "");
    FOR_ELEMS(c, rec) {
        if (!elem_is(c, "step")) continue;
        attrs_allow(c, "id duration role service after");
        PlanStep *st = arena_alloc(m->arena, sizeof *st);
        st->node = c;
        st->id = rd_str(m, c, "id", true);
        if (!rd_dur(m, c, "duration", true, &st->duration)) st->duration = 0;
        st->role = rd_ref(m, c, "role", NS_ROLE, "role", true);
        if (xmlHasProp(c, (const xmlChar *)"service")) {
            st->service = rd_ref(m, c, "service", NS_SERVICE, "service", false);
            if (st->service && !plan_covers(p, st->service))
                diag_node(DIAG_ERROR, c, "service", "plan '%s': step '%s' recovers service '%s', which the plan does not cover",
                          p->id, st->id ? st->id : "", st->service->id);
        } else if (p->covers.n) {
            st->service = p->covers.v[0];
        }
        xmlNode *proc = elem_child(c, "procedure");
        if (proc) {
            attrs_allow(proc, "src xml:lang");
            st->procedure = md_load(m, proc, "src");
        }
        if (st->id && find_step(p, st->id))
            diag_node(DIAG_ERROR, c, "id", "plan '%s': duplicate step id '%s'", p->id, st->id);
        else
            vec_push(m->arena, &p->steps, st);
    }
    for (size_t i = 0; i < p->steps.n; i++) {
        PlanStep *st = p->steps.v[i];
        const char *after = rd_str(m, st->node, "after", false);
        if (!after) continue;
        st->explicit_after = true;
        char *copy = xstrdup(after), *save = NULL;
        for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
            PlanStep *pre = find_step(p, t);
            if (!pre) diag_node(DIAG_ERROR, st->node, "after", "plan '%s': step '%s' comes after unknown step '%s'", p->id, st->id, t);
            else if (pre == st) diag_node(DIAG_ERROR, st->node, "after", "plan '%s': step '%s' comes after itself", p->id, st->id);
            else vec_push(m->arena, &st->after, pre);
        }
        free(copy);
    }
    /* a cycle among steps: depth-first search, colour 1 = on the path, 2 = done */
    size_t n = p->steps.n;
    int *colour = xcalloc(n ? n : 1, sizeof *colour);
    size_t *stack = xmalloc((n ? n : 1) * sizeof *stack), *edge = xmalloc((n ? n : 1) * sizeof *edge);
    for (size_t r = 0; r < n; r++) {
        if (colour[r]) continue;
        size_t sp = 0;
        stack[sp] = r, edge[sp] = 0, sp++;
        colour[r] = 1;
        while (sp) {
            PlanStep *st = p->steps.v[stack[sp - 1]];
            if (edge[sp - 1] < st->after.n) {
                PlanStep *pre = st->after.v[edge[sp - 1]++];
                size_t j = 0;
                while (p->steps.v[j] != pre) j++;
                if (colour[j] == 1) {
                    diag_node(DIAG_ERROR, st->node, "after", "plan '%s': steps '%s' and '%s' wait for each other",
                              p->id, st->id, pre->id);
                    st->after.n = 0; /* break the cycle for what follows */
                } else if (!colour[j]) {
                    colour[j] = 1;
                    stack[sp] = j, edge[sp] = 0, sp++;
                }
            } else {
                colour[stack[sp - 1]] = 2;
                sp--;
            }
        }
    }
    free(colour);
    free(stack);
    free(edge);
    if (reg_id(m, NS_PLAN, p->id, p, root, "plan")) vec_push(m->arena, &m->plans, p);
}

static DrillStep *find_dstep(const Drill *d, const char *id)
{
    for (size_t i = 0; id && i < d->steps.n; i++)
        if (str_eq(d->steps.v[i]->id, id)) return d->steps.v[i];
    return NULL;
}

static void read_result(Model *m, Drill *d, const xmlNode *res)
{
    attrs_allow(res, "");
    d->has_result = true;
    const Zone *z = m->org ? m->org->zone : NULL;
    Map *findings = map_new();
    FOR_ELEMS(c, res) {
        if (elem_is(c, "step-result")) {
            attrs_allow(c, "step start end outcome");
            StepResult *r = vec_add(m->arena, &d->results);
            r->node = c;
            const char *sid = rd_str(m, c, "step", true);
            r->step = find_dstep(d, sid);
            if (sid && !r->step) diag_node(DIAG_ERROR, c, "step", "drill '%s': result for unknown step '%s'", d->id, sid);
            r->outcome = rd_str(m, c, "outcome", true);
            bool a = rd_instant(m, c, "start", true, z, &r->start), b = rd_instant(m, c, "end", true, z, &r->end);
            if (a && b && r->end < r->start)
                diag_node(DIAG_ERROR, c, "end", "drill '%s': step '%s' ends before it starts", d->id, sid ? sid : "");
        } else if (elem_is(c, "measured")) {
            attrs_allow(c, "service recovery data-loss");
            Measured *ms = vec_add(m->arena, &d->measured);
            ms->node = c;
            ms->service = rd_ref(m, c, "service", NS_SERVICE, "service", true);
            if (!rd_dur(m, c, "recovery", true, &ms->recovery)) ms->recovery = NO_SECS;
            if (!rd_dur(m, c, "data-loss", false, &ms->data_loss)) ms->data_loss = NO_SECS;
        } else if (elem_is(c, "finding")) {
            attrs_allow(c, "id severity");
            const char *id = rd_str(m, c, "id", true);
            if (id && !map_put(findings, id, c)) diag_node(DIAG_ERROR, c, "id", "drill '%s': duplicate finding id '%s'", d->id, id);
        } else if (elem_is(c, "action")) {
            attrs_allow(c, "id owner due finding done");
            Action *a = vec_add(m->arena, &d->actions);
            a->node = c;
            a->id = rd_str(m, c, "id", true);
            a->owner = rd_ref(m, c, "owner", NS_PERSON, "person", true);
            rd_date(m, c, "due", true, &a->due);
            a->has_done = rd_date(m, c, "done", false, &a->done);
            const char *f = rd_str(m, c, "finding", false);
            if (f && !map_get(findings, f)) diag_node(DIAG_ERROR, c, "finding", "drill '%s': action '%s' answers unknown finding '%s'", d->id, a->id ? a->id : "", f);
        } else if (elem_is(c, "plan-update")) {
            attrs_allow(c, "required");
            d->plan_update_required = rd_bool(m, c, "required", false);
        }
    }
    map_free(findings);
}

void read_drill(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "id plan status lead date");
    Drill *d = arena_alloc(m->arena, sizeof *d);
    d->node = root;
    d->id = rd_str(m, root, "id", true);
    d->plan = rd_ref(m, root, "plan", NS_PLAN, "plan", true);
    d->status = rd_str(m, root, "status", true);
    d->lead = rd_ref(m, root, "lead", NS_PERSON, "person", true);
    rd_date(m, root, "date", true, &d->date);
    d->title = rd_names(m, root, "title");
    const Zone *z = m->org ? m->org->zone : NULL;
    FOR_ELEMS(c, root) {
        if (elem_is(c, "objective")) {
            attrs_allow(c, "id service target-rto target-rpo");
            Objective *o = vec_add(m->arena, &d->objectives);
            o->node = c;
            o->id = rd_str(m, c, "id", true);
            if (xmlHasProp(c, (const xmlChar *)"service")) o->service = rd_ref(m, c, "service", NS_SERVICE, "service", false);
            if (!rd_dur(m, c, "target-rto", false, &o->rto)) o->rto = NO_SECS;
            if (!rd_dur(m, c, "target-rpo", false, &o->rpo)) o->rpo = NO_SECS;
            if (o->service && d->plan && !plan_covers(d->plan, o->service))
                diag_node(DIAG_WARNING, c, "service", "drill '%s': objective for service '%s', which plan '%s' does not cover",
                          d->id, o->service->id, d->plan->id);
        } else if (elem_is(c, "method")) {
            attrs_allow(c, "kind");
            d->method = rd_str(m, c, "kind", true);
        } else if (elem_is(c, "scenario")) {
            attrs_allow(c, "level src");
            d->scenario_level = rd_str(m, c, "level", true);
            if (xmlHasProp(c, (const xmlChar *)"src")) d->scenario = md_load(m, c, "src");
        } else if (elem_is(c, "participants")) {
            attrs_allow(c, "");
            FOR_ELEMS(p, c) {
                if (elem_is(p, "department")) {
                    attrs_allow(p, "ref");
                    rd_ref(m, p, "ref", NS_DEPARTMENT, "department", true);
                } else if (elem_is(p, "participant")) {
                    attrs_allow(p, "person");
                    rd_ref(m, p, "person", NS_PERSON, "person", true);
                }
            }
        } else if (elem_is(c, "schedule")) {
            attrs_allow(c, "");
            FOR_ELEMS(sl, c) {
                if (!elem_is(sl, "slot")) continue;
                attrs_allow(sl, "start end");
                Slot *slot = vec_add(m->arena, &d->schedule);
                slot->node = sl;
                bool a = rd_instant(m, sl, "start", true, z, &slot->start), b = rd_instant(m, sl, "end", true, z, &slot->end);
                if (a && b && slot->end <= slot->start)
                    diag_node(DIAG_ERROR, sl, "end", "drill '%s': schedule slot ends before it starts", d->id);
            }
        } else if (elem_is(c, "step")) {
            attrs_allow(c, "id role duration plan-step");
            DrillStep *st = arena_alloc(m->arena, sizeof *st);
            st->node = c;
            st->id = rd_str(m, c, "id", true);
            st->role = rd_ref(m, c, "role", NS_ROLE, "role", true);
            if (!rd_dur(m, c, "duration", true, &st->duration)) st->duration = 0;
            const char *ps = rd_str(m, c, "plan-step", false);
            if (ps && d->plan) {
                st->plan_step = find_step(d->plan, ps);
                if (!st->plan_step)
                    diag_node(DIAG_ERROR, c, "plan-step", "drill '%s': step '%s' exercises unknown step '%s' of plan '%s'",
                              d->id, st->id ? st->id : "", ps, d->plan->id);
            }
            if (st->id && find_dstep(d, st->id))
                diag_node(DIAG_ERROR, c, "id", "drill '%s': duplicate step id '%s'", d->id, st->id);
            else
                vec_push(m->arena, &d->steps, st);
        }
    }
    xmlNode *res = elem_child(root, "result");
    if (res) {
        if (!str_eq(d->status, "held"))
            diag_node(DIAG_ERROR, res, NULL, "drill '%s' has results but its status is '%s', not 'held'", d->id,
                      d->status ? d->status : "");
        read_result(m, d, res);
    } else if (str_eq(d->status, "held")) {
        diag_node(DIAG_ERROR, root, "status", "drill '%s' was held but has no <result>", d->id);
    }
    if (reg_id(m, NS_DRILL, d->id, d, root, "drill")) vec_push(m->arena, &m->drills, d);
}
