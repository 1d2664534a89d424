/*
 * recovery.c: business impact analysis and recovery feasibility.
 *
 *   function:  MTPD = first time point where any category reaches the
 *              unacceptable level (or stated); RTO = stated, or MTPD x the
 *              policy's fraction; tier from RTO; RPO = stated, or the tier's.
 *   service:   required RTO/RPO = the strictest over the functions needing
 *              it directly or through its dependants.
 *   order:     topological, dependencies first; ties by tier, RTO, id.
 *   critical path, in that order (when no step waits for another
 *   service's step; the schedule below handles those too):
 *
 *       earliest(s) = own(s) + max over dependencies d of earliest(d)
 *
 *       power ─30─┐
 *                 ├─ network ─20─┬─ db ─40─┐
 *                                └─ app ─15┴─ payment ─20─
 *       earliest(payment) = 20 + max(30+20+40, 30+20+15) = 110 min
 *
 *   own(s) = the longest path through s's recovery steps in its plan.
 *   A step that names a step of another service in `after` waits for it
 *   too: the schedule below is over steps, not only services.
 */
#include <math.h>
#include <stdlib.h>

#include "calc_int.h"

static int tier_of(const TierPolicy *tp, Secs rto)
{
    if (!tp || !tp->tiers.n) return -1;
    for (size_t i = 0; i < tp->tiers.n; i++)
        if (tp->tiers.v[i].max == NO_SECS || rto <= tp->tiers.v[i].max) return (int)i;
    return (int)tp->tiers.n - 1;
}

static void functions_calc(Calc *c)
{
    const BiaPolicy *bia = c->policy->bia;
    const TierPolicy *tp = c->policy->tiers;
    for (size_t i = 0; i < c->m->functions.n; i++) {
        const Function *f = c->m->functions.v[i];
        FunctionCalc *fc = &c->fn[i];
        fc->f = f;
        fc->mtpd = NO_SECS;
        fc->mtpd_point = -1;
        if (f->mtpd != NO_SECS) {
            fc->mtpd = f->mtpd;
            fc->mtpd_rule = RULE_EXPLICIT;
        } else if (bia) {
            for (size_t p = 0; p < bia->points.n && fc->mtpd == NO_SECS; p++)
                for (size_t k = 0; k < f->impacts.n; k++)
                    if ((size_t)f->impacts.v[k].n > p && f->impacts.v[k].rating[p] >= bia->unacceptable) {
                        fc->mtpd = bia->points.v[p];
                        fc->mtpd_rule = RULE_RATED;
                        fc->mtpd_point = (int)p;
                        fc->mtpd_category = f->impacts.v[k].category;
                        break;
                    }
        }
        fc->rto = NO_SECS;
        if (f->rto != NO_SECS) {
            fc->rto = f->rto;
            fc->rto_rule = RULE_EXPLICIT;
        } else if (fc->mtpd != NO_SECS && bia) {
            static const int64_t P10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                                          1000000000, 10000000000LL, 100000000000LL, 1000000000000LL};
            fc->rto = (Secs)((__int128)fc->mtpd * bia->rto_fraction.num / P10[bia->rto_fraction.scale]);
            fc->rto_rule = RULE_DERIVED;
        }
        fc->tier = fc->rto != NO_SECS ? tier_of(tp, fc->rto) : -1;
        fc->rpo = NO_SECS;
        if (f->rpo != NO_SECS) {
            fc->rpo = f->rpo;
            fc->rpo_rule = RULE_EXPLICIT;
        } else if (fc->tier >= 0) {
            fc->rpo = tp->tiers.v[fc->tier].rpo;
            fc->rpo_rule = RULE_TIER;
        }
    }
}

/* ---- a binary heap of service indexes --------------------------------- */

typedef struct {
    int *v;
    size_t n;
    const Calc *c;
} SHeap;

static bool svc_before(const Calc *c, int x, int y)
{
    const ServiceCalc *a = &c->svc[x], *b = &c->svc[y];
    int ta = a->tier < 0 ? 1 << 20 : a->tier, tb = b->tier < 0 ? 1 << 20 : b->tier;
    if (ta != tb) return ta < tb;
    Secs ra = a->rto == NO_SECS ? INT64_MAX : a->rto, rb = b->rto == NO_SECS ? INT64_MAX : b->rto;
    if (ra != rb) return ra < rb;
    return strcmp(a->s->id, b->s->id) < 0;
}

static void sheap_push(SHeap *h, int x)
{
    size_t i = h->n++;
    h->v[i] = x;
    while (i && svc_before(h->c, h->v[i], h->v[(i - 1) / 2])) {
        int t = h->v[i];
        h->v[i] = h->v[(i - 1) / 2];
        h->v[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

static int sheap_pop(SHeap *h)
{
    int top = h->v[0];
    h->v[0] = h->v[--h->n];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, b = i;
        if (l < h->n && svc_before(h->c, h->v[l], h->v[b])) b = l;
        if (r < h->n && svc_before(h->c, h->v[r], h->v[b])) b = r;
        if (b == i) break;
        int t = h->v[i];
        h->v[i] = h->v[b];
        h->v[b] = t;
        i = b;
    }
    return top;
}

/* Kahn's algorithm, dependencies first. With `ties` the heap orders the
 * available services; without, any order (source order) will do. The
 * load stage removed cycles, so every service is placed. */
static void topo(const Calc *c, bool ties, int *out)
{
    const Model *m = c->m;
    size_t n = m->services.n;
    int *indeg = xcalloc(n ? n : 1, sizeof *indeg);
    /* dependants of each service, as an adjacency list in CSR form */
    size_t *start = xcalloc(n + 1, sizeof *start);
    for (size_t i = 0; i < n; i++) {
        const Service *s = m->services.v[i];
        indeg[i] = (int)s->deps.n;
        for (size_t k = 0; k < s->deps.n; k++) start[s->deps.v[k]->index + 1]++;
    }
    for (size_t i = 0; i < n; i++) start[i + 1] += start[i];
    int *adj = xmalloc((start[n] ? start[n] : 1) * sizeof *adj);
    size_t *fill = xcalloc(n ? n : 1, sizeof *fill);
    for (size_t i = 0; i < n; i++) {
        const Service *s = m->services.v[i];
        for (size_t k = 0; k < s->deps.n; k++) {
            int d = s->deps.v[k]->index;
            adj[start[d] + fill[d]++] = (int)i;
        }
    }
    SHeap h = {xmalloc((n ? n : 1) * sizeof(int)), 0, c};
    int *fifo = h.v; /* without ties: a plain queue in the same storage */
    size_t qh = 0, qt = 0, placed = 0;
    for (size_t i = 0; i < n; i++)
        if (!indeg[i]) {
            if (ties) sheap_push(&h, (int)i);
            else fifo[qt++] = (int)i;
        }
    while (ties ? h.n > 0 : qh < qt) {
        int u = ties ? sheap_pop(&h) : fifo[qh++];
        out[placed++] = u;
        for (size_t k = start[u]; k < start[u + 1]; k++)
            if (--indeg[adj[k]] == 0) {
                if (ties) sheap_push(&h, adj[k]);
                else fifo[qt++] = adj[k];
            }
    }
    free(h.v);
    free(indeg);
    free(start);
    free(adj);
    free(fill);
}

/* The longest path through the steps of one service in one plan. */
static Secs step_finish(const Plan *p, const Service *s, size_t i, Secs *memo)
{
    if (memo[i] >= 0) return memo[i];
    const PlanStep *st = p->steps.v[i];
    Secs begin = 0;
    if (st->explicit_after) {
        for (size_t k = 0; k < st->after.n; k++) {
            const PlanStep *pre = st->after.v[k];
            if (pre->service != s) continue; /* other services are ordered by the dependency graph */
            for (size_t j = 0; j < p->steps.n; j++)
                if (p->steps.v[j] == pre) {
                    Secs f = step_finish(p, s, j, memo);
                    if (f > begin) begin = f;
                }
        }
    } else {
        for (size_t j = i; j-- > 0;)
            if (p->steps.v[j]->service == s) {
                begin = step_finish(p, s, j, memo);
                break;
            }
    }
    memo[i] = begin + st->duration;
    return memo[i];
}

Secs calc_own_duration(const Model *m, const Service *s, const Plan **plan, int *nplans)
{
    Secs best = NO_SECS;
    if (plan) *plan = NULL;
    if (nplans) *nplans = 0;
    for (size_t i = 0; i < m->plans.n; i++) {
        const Plan *p = m->plans.v[i];
        Secs *memo = xmalloc((p->steps.n ? p->steps.n : 1) * sizeof *memo);
        for (size_t k = 0; k < p->steps.n; k++) memo[k] = -1;
        Secs longest = NO_SECS;
        for (size_t k = 0; k < p->steps.n; k++)
            if (p->steps.v[k]->service == s) {
                Secs f = step_finish(p, s, k, memo);
                if (f > longest) longest = f;
            }
        free(memo);
        if (longest == NO_SECS) continue;
        if (nplans) (*nplans)++;
        if (longest > best) {
            best = longest;
            if (plan) *plan = p;
        }
    }
    return best;
}

/* ---- predicted availability (probabilities in [0, 1]) ------------------- */

static double part_up(const Part *p)
{
    if (p->kind == PART_COMPONENT) return dec_to_double(p->availability) / 100.0;
    if (p->kind == PART_SERIES) {
        double a = 1.0;
        for (size_t i = 0; i < p->parts.n; i++) a *= part_up(p->parts.v[i]);
        return a;
    }
    /* k of n: the probability that at least k parts are up (each part
     * with its own probability), by dynamic programming over the parts */
    size_t n = p->parts.n;
    double *dp = xcalloc(n + 1, sizeof *dp);
    dp[0] = 1.0;
    for (size_t i = 0; i < n; i++) {
        double q = part_up(p->parts.v[i]);
        for (size_t j = i + 1; j > 0; j--) dp[j] = dp[j] * (1.0 - q) + dp[j - 1] * q;
        dp[0] *= 1.0 - q;
    }
    double at_least = 0.0;
    for (size_t j = (size_t)p->k; j <= n; j++) at_least += dp[j];
    free(dp);
    return at_least;
}

/* The availability of a service's own structure, or NaN if it has none. */
static double own_up(const Service *s)
{
    if (!s->structure.n) return NAN;
    double a = 1.0;
    for (size_t i = 0; i < s->structure.n; i++) a *= part_up(s->structure.v[i]);
    return a;
}

/* Its structure in series with every service it depends on, directly or
 * not, each counted once: a network under three paths is one network. */
double calc_predicted(const Calc *c, const Service *s)
{
    const Model *m = c->m;
    size_t n = m->services.n;
    bool *seen = xcalloc(n ? n : 1, sizeof *seen);
    const Service **stack = xmalloc((n ? n : 1) * sizeof *stack);
    size_t sp = 0;
    double a = 1.0;
    stack[sp++] = s;
    seen[s->index] = true;
    while (sp) {
        const Service *x = stack[--sp];
        double u = own_up(x);
        if (isnan(u)) {
            a = NAN;
            break;
        }
        a *= u;
        for (size_t i = 0; i < x->deps.n; i++)
            if (!seen[x->deps.v[i]->index]) {
                seen[x->deps.v[i]->index] = true;
                stack[sp++] = x->deps.v[i];
            }
    }
    free(seen);
    free(stack);
    return isnan(a) ? NAN : a * 100.0;
}

/* ---- the schedule of recovery steps --------------------------------------------------
 *
 * Nodes are the steps of each service's chosen plan, and one completion
 * node per service. A step starts when its predecessors have finished (the
 * steps named in `after`, even of other services, or else the previous step
 * of its service) and every dependency of its service is complete; a
 * service is complete when all its steps have finished. The longest path
 * gives each service's earliest recovery. A service without steps has an
 * unknown completion, and so have all that wait for it.
 */
static bool schedule(const Calc *c, const Plan **chosen, const Plan *only, bool cross, Secs *finish_out)
{
    const Model *m = c->m;
    size_t np = m->plans.n, ns = m->services.n;
    size_t *base = xcalloc(np + 1, sizeof *base);
    for (size_t i = 0; i < np; i++) base[i + 1] = base[i] + m->plans.v[i]->steps.n;
    size_t nsteps = base[np], nn = nsteps + ns;
    bool *in = xcalloc(nn ? nn : 1, sizeof *in);
    bool *has_steps = xcalloc(ns ? ns : 1, sizeof *has_steps);
    for (size_t i = 0; i < np; i++) {
        const Plan *p = m->plans.v[i];
        if (only && p != only) continue;
        for (size_t j = 0; j < p->steps.n; j++) {
            const PlanStep *st = p->steps.v[j];
            if (st->service && chosen[st->service->index] == p) {
                in[base[i] + j] = true;
                has_steps[st->service->index] = true;
            }
        }
    }
    for (size_t s = 0; s < ns; s++) in[nsteps + s] = !only || has_steps[s];
    /* edges as (from, to) pairs */
    size_t ne = 0, cap = 64;
    size_t (*edge)[2] = xmalloc(cap * sizeof *edge);
#define EDGE(a, b)                                                  \
    do {                                                            \
        if (ne == cap) cap *= 2, edge = xrealloc(edge, cap * sizeof *edge); \
        edge[ne][0] = (a), edge[ne][1] = (b), ne++;                 \
    } while (0)
    for (size_t i = 0; i < np; i++) {
        const Plan *p = m->plans.v[i];
        for (size_t j = 0; j < p->steps.n; j++) {
            size_t v = base[i] + j;
            if (!in[v]) continue;
            const PlanStep *st = p->steps.v[j];
            size_t sv = nsteps + (size_t)st->service->index;
            EDGE(v, sv);
            if (st->explicit_after) {
                for (size_t k = 0; k < st->after.n; k++) {
                    const PlanStep *pre = st->after.v[k];
                    if (!cross && pre->service != st->service) continue;
                    for (size_t q = 0; q < p->steps.n; q++)
                        if (p->steps.v[q] == pre && in[base[i] + q]) EDGE(base[i] + q, v);
                }
            } else {
                for (size_t q = j; q-- > 0;)
                    if (p->steps.v[q]->service == st->service) {
                        if (in[base[i] + q]) EDGE(base[i] + q, v);
                        break;
                    }
            }
            for (size_t k = 0; k < st->service->deps.n; k++) {
                size_t d = (size_t)st->service->deps.v[k]->index;
                if (in[nsteps + d]) EDGE(nsteps + d, v);
            }
        }
    }
#undef EDGE
    /* Kahn's order, longest path; -1 = unknown */
    size_t *indeg = xcalloc(nn ? nn : 1, sizeof *indeg), *start = xcalloc(nn + 1, sizeof *start);
    for (size_t e = 0; e < ne; e++) indeg[edge[e][1]]++, start[edge[e][0] + 1]++;
    for (size_t i = 0; i < nn; i++) start[i + 1] += start[i];
    size_t *adj = xmalloc((ne ? ne : 1) * sizeof *adj), *fill = xcalloc(nn ? nn : 1, sizeof *fill);
    for (size_t e = 0; e < ne; e++) adj[start[edge[e][0]] + fill[edge[e][0]]++] = edge[e][1];
    Secs *at = xcalloc(nn ? nn : 1, sizeof *at);    /* start of a step; completion of a service */
    bool *unknown = xcalloc(nn ? nn : 1, sizeof *unknown);
    size_t *queue = xmalloc((nn ? nn : 1) * sizeof *queue), qh = 0, qt = 0, done = 0, total = 0;
    for (size_t i = 0; i < nn; i++) {
        if (!in[i]) continue;
        total++;
        if (i >= nsteps && !has_steps[i - nsteps]) unknown[i] = true;
        if (!indeg[i]) queue[qt++] = i;
    }
    while (qh < qt) {
        size_t u = queue[qh++];
        done++;
        Secs fin = at[u];
        if (u < nsteps) {
            size_t pi = 0;
            while (base[pi + 1] <= u) pi++;
            fin += m->plans.v[pi]->steps.v[u - base[pi]]->duration;
        }
        for (size_t k = start[u]; k < start[u + 1]; k++) {
            size_t v = adj[k];
            if (unknown[u]) unknown[v] = true;
            if (fin > at[v]) at[v] = fin;
            if (--indeg[v] == 0) queue[qt++] = v;
        }
    }
    for (size_t s = 0; s < ns; s++)
        finish_out[s] = !in[nsteps + s] || unknown[nsteps + s] || !has_steps[s] ? NO_SECS : at[nsteps + s];
    bool ok = done == total;
    free(base), free(in), free(has_steps), free(edge), free(indeg), free(start), free(adj), free(fill);
    free(at), free(unknown), free(queue);
    return ok;
}

static double minutes(Secs s) { return (double)s / 60.0; }

void calc_recovery(Calc *c)
{
    const Model *m = c->m;
    size_t n = m->services.n;
    functions_calc(c);
    for (size_t i = 0; i < n; i++) {
        ServiceCalc *sc = &c->svc[i];
        sc->rto = sc->rpo = NO_SECS;
        sc->tier = -1;
    }
    /* direct needs */
    for (size_t i = 0; i < m->functions.n; i++) {
        const FunctionCalc *fc = &c->fn[i];
        for (size_t k = 0; k < fc->f->needs.n; k++) {
            ServiceCalc *sc = &c->svc[fc->f->needs.v[k]->index];
            if (fc->rto != NO_SECS && (sc->rto == NO_SECS || fc->rto < sc->rto)) {
                sc->rto = fc->rto;
                sc->rto_from = fc->f;
                sc->rto_via = NULL;
            }
            if (fc->rpo != NO_SECS && (sc->rpo == NO_SECS || fc->rpo < sc->rpo)) {
                sc->rpo = fc->rpo;
                sc->rpo_from = fc->f;
            }
        }
    }
    /* through dependants: visit dependants before their dependencies */
    int *plain = xmalloc((n ? n : 1) * sizeof *plain);
    topo(c, false, plain);
    for (size_t r = n; r-- > 0;) {
        const ServiceCalc *dep_of = &c->svc[plain[r]];
        const Service *s = dep_of->s;
        for (size_t k = 0; k < s->deps.n; k++) {
            ServiceCalc *d = &c->svc[s->deps.v[k]->index];
            if (dep_of->rto != NO_SECS && (d->rto == NO_SECS || dep_of->rto < d->rto)) {
                d->rto = dep_of->rto;
                d->rto_from = dep_of->rto_from;
                d->rto_via = s;
            }
            if (dep_of->rpo != NO_SECS && (d->rpo == NO_SECS || dep_of->rpo < d->rpo)) {
                d->rpo = dep_of->rpo;
                d->rpo_from = dep_of->rpo_from;
            }
        }
    }
    free(plain);
    for (size_t i = 0; i < n; i++) {
        ServiceCalc *sc = &c->svc[i];
        if (sc->rto != NO_SECS) sc->tier = tier_of(c->policy->tiers, sc->rto);
    }
    /* the recovery order; each service's own steps; the schedule */
    topo(c, true, c->order);
    const Plan **chosen = xcalloc(n ? n : 1, sizeof *chosen);
    int *nplans = xcalloc(n ? n : 1, sizeof *nplans);
    for (size_t i = 0; i < n; i++) {
        ServiceCalc *sc = &c->svc[i];
        sc->own = calc_own_duration(m, sc->s, &sc->plan, &nplans[i]);
        chosen[i] = sc->plan;
    }
    Secs *finish = xmalloc((n ? n : 1) * sizeof *finish);
    if (!schedule(c, chosen, NULL, true, finish)) {
        /* a step waits for one of another service that waits for this one */
        calc_finding(c, "plan-order-conflict", m->plans.n ? m->plans.v[0]->id : "", m->plans.n ? m->plans.v[0]->node : NULL,
                     NAN, NAN, "the order of recovery steps across services contradicts the service dependencies; steps of other services named in 'after' are ignored");
        schedule(c, chosen, NULL, false, finish);
    }
    for (size_t i = 0; i < m->plans.n; i++) {
        Secs *pf = xmalloc((n ? n : 1) * sizeof *pf);
        if (!schedule(c, chosen, m->plans.v[i], true, pf)) schedule(c, chosen, m->plans.v[i], false, pf);
        Secs longest = NO_SECS;
        for (size_t k = 0; k < n; k++)
            if (pf[k] != NO_SECS && pf[k] > longest) longest = pf[k];
        c->plan[i].p = m->plans.v[i];
        c->plan[i].duration = longest;
        free(pf);
    }
    for (size_t r = 0; r < n; r++) {
        ServiceCalc *sc = &c->svc[c->order[r]];
        const Service *s = sc->s;
        sc->rank = (int)r + 1;
        sc->earliest = finish[s->index];
        sc->critical_dep = NULL;
        Secs latest = -1;
        for (size_t k = 0; k < s->deps.n; k++) {
            const ServiceCalc *d = &c->svc[s->deps.v[k]->index];
            if (d->earliest != NO_SECS && d->earliest > latest) {
                latest = d->earliest;
                sc->critical_dep = d->s;
            }
        }
        if (sc->earliest == NO_SECS) sc->critical_dep = NULL; /* nothing to explain */
        int np_ = nplans[s->index];
        sc->predicted = calc_predicted(c, s);
        sc->rto_gap = sc->rto != NO_SECS && sc->earliest != NO_SECS && sc->earliest > sc->rto ? sc->earliest - sc->rto : 0;
        sc->data_loss = NO_SECS;
        if (s->data_in) sc->data_loss = c->svc[s->data_in->index].data_loss; /* a dependency: placed earlier */
        for (size_t k = 0; k < s->protection.n; k++) {
            const Protection *p = &s->protection.v[k];
            if (p->interval == NO_SECS) continue;
            Secs loss = p->interval + p->lag;
            if (sc->data_loss == NO_SECS || loss < sc->data_loss) sc->data_loss = loss;
        }
        sc->rpo_gap = sc->rpo != NO_SECS && sc->data_loss != NO_SECS && sc->data_loss > sc->rpo ? sc->data_loss - sc->rpo : 0;

        /* findings */
        if (sc->rto != NO_SECS && sc->own == NO_SECS)
            calc_finding(c, "no-recovery-plan", s->id, s->node, NAN, minutes(sc->rto),
                         "service %s must recover within %g min but no plan has recovery steps for it", s->id,
                         minutes(sc->rto));
        if (np_ > 1)
            calc_finding(c, "several-plans", s->id, s->node, minutes(sc->own), NAN,
                         "service %s has recovery steps in %d plans; the longest (%s, %g min) is used", s->id, np_,
                         sc->plan->id, minutes(sc->own));
        if (sc->rto_gap > 0)
            calc_finding(c, "rto-gap", s->id, s->node, minutes(sc->earliest), minutes(sc->rto),
                         "service %s can recover at the earliest in %g min along its critical path, %g min after its required RTO of %g min",
                         s->id, minutes(sc->earliest), minutes(sc->rto_gap), minutes(sc->rto));
        bool holds_data = str_eq(s->kind, "application") || str_eq(s->kind, "database") || str_eq(s->kind, "transmission");
        if (sc->rpo != NO_SECS && sc->data_loss == NO_SECS && holds_data)
            calc_finding(c, "no-data-protection", s->id, s->node, NAN, minutes(sc->rpo),
                         "service %s must lose at most %g min of data but has no backup or replication", s->id,
                         minutes(sc->rpo));
        if (sc->rpo_gap > 0)
            calc_finding(c, "rpo-gap", s->id, s->node, minutes(sc->data_loss), minutes(sc->rpo),
                         "service %s can lose up to %g min of data (interval plus lag), over its required RPO of %g min",
                         s->id, minutes(sc->data_loss), minutes(sc->rpo));
        if (s->rto != NO_SECS && sc->rto != NO_SECS && s->rto > sc->rto)
            calc_finding(c, "declared-rto-looser", s->id, s->node, minutes(s->rto), minutes(sc->rto),
                         "service %s declares an RTO of %g min, looser than the %g min its business functions require",
                         s->id, minutes(s->rto), minutes(sc->rto));
        for (size_t k = 0; k < s->deps.n; k++) {
            const Service *d = s->deps.v[k];
            if (d->rto != NO_SECS && s->rto != NO_SECS && d->rto > s->rto)
                calc_finding(c, "rto-inversion", s->id, s->node, minutes(d->rto), minutes(s->rto),
                             "service %s (RTO %g min) depends on %s, whose RTO of %g min is longer", s->id,
                             minutes(s->rto), d->id, minutes(d->rto));
        }
        const Sla *sla = sc->avail.sla;
        if (!isnan(sc->predicted) && sla && sc->predicted < dec_to_double(sla->target)) {
            char t[40];
            calc_finding(c, "target-unreachable", s->id, s->node, sc->predicted, dec_to_double(sla->target),
                         "service %s is designed for %.4f %% availability, below its SLA target of %s %%", s->id,
                         sc->predicted, dec_format(sla->target, t));
        }
    }
    free(chosen);
    free(nplans);
    free(finish);
}
