/*
 * facts.c: builds the facts document from the model and the computed
 * figures. Records are copied from their source elements; computed figures
 * are added as f: child elements. Durations are in minutes, percentages as
 * numbers in the shortest form that reads back exactly; a figure that does
 * not apply is left out (its element says applicable="false" where that
 * matters).
 */
#include "facts.h"

#include <cmark.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../load/load.h"
#include "../load/xml.h"
#include "num.h"

typedef struct {
    xmlDoc *doc;
    xmlNs *f, *d;
    xmlNs *fa; /* the facts namespace with the prefix f, for attributes on source records */
    const Calc *c;
    Map *finding_kinds; /* source element (as "%p") -> the kinds of the findings raised at it */
    char **keys, **kind_text; /* the map's keys and values */
    size_t nkeys;
    Map *annot;         /* source element (as "%p") -> an Annot: computed figures to add to its copy */
    char **annot_keys;
    size_t nannot_keys;
    bool take; /* move the source records in rather than copy them */
} Out;

/* Computed figures that belong to a part of a copied record (a drill's
 * measurement, objective or step, a register document) rather than to a
 * whole record: added to the copy of that element. */
typedef enum { AN_MEASURED, AN_OBJECTIVE, AN_DRILL_STEP, AN_STEP_RESULT, AN_DOCUMENT, AN_ACTION, AN_TREATMENT } AnKind;
typedef struct {
    AnKind kind;
    const void *p;
    const Zone *zone;
} Annot;

/* Move a copied subtree onto the root's namespace declarations: first
 * point every element at the root's d: namespace, then drop the copied
 * declarations of it (never before: children still point at them). */
static void remap_ns(xmlNode *n, xmlNs *d)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (n->ns && n->ns != d && strcmp((const char *)n->ns->href, DOSSIER_NS) == 0) n->ns = d;
        remap_ns(n->children, d);
    }
}

static void drop_ns_decls(xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        xmlNs **link = &n->nsDef;
        while (*link) {
            xmlNs *ns = *link;
            if (ns->href && strcmp((const char *)ns->href, DOSSIER_NS) == 0) {
                *link = ns->next;
                ns->next = NULL;
                xmlFreeNs(ns);
            } else {
                link = &ns->next;
            }
        }
        drop_ns_decls(n->children);
    }
}

static void fix_ns(xmlNode *n, xmlNs *d)
{
    xmlNode *next = n->next;
    n->next = NULL; /* this subtree only */
    remap_ns(n, d);
    drop_ns_decls(n);
    n->next = next;
}

static void set(xmlNode *n, const char *name, const char *v)
{
    if (v) xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)v);
}

static void set_num(xmlNode *n, const char *name, double v)
{
    char buf[32];
    if (!isnan(v)) set(n, name, num_format(v, buf));
}

static void set_int(xmlNode *n, const char *name, long long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    set(n, name, buf);
}

static void set_min(xmlNode *n, const char *name, Secs s)
{
    if (s != NO_SECS) set_num(n, name, s / 60.0);
}

static void set_bool(xmlNode *n, const char *name, bool v) { set(n, name, v ? "true" : "false"); }

static void set_date(xmlNode *n, const char *name, Date d)
{
    char buf[16];
    set(n, name, date_format(d, buf));
}

static void set_month(xmlNode *n, const char *name, Date d)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d", d.y, d.m);
    set(n, name, buf);
}

static void set_dec(xmlNode *n, const char *name, Dec d)
{
    char buf[40];
    set(n, name, dec_format(d, buf));
}

static const Zone *zone_of(const Model *m, const Service *s)
{
    if (s && s->calendar && s->calendar->zone) return s->calendar->zone;
    return m->org ? m->org->zone : NULL;
}

static void set_time(xmlNode *n, const char *name, const Zone *z, Instant t)
{
    char buf[48];
    set(n, name, instant_format(z, t, buf));
}

static xmlNode *child(Out *o, xmlNode *parent, const char *name)
{
    return xmlNewChild(parent, o->f, (const xmlChar *)name, NULL);
}

/* the origin of a record: its file relative to the input tree, and line */
static void set_origin(Out *o, xmlNode *n, const xmlNode *src)
{
    const Src *s = src_of(src);
    xmlSetNsProp(n, o->fa, (const xmlChar *)"file", (const xmlChar *)(s ? s->rel : ""));
    char line[24];
    snprintf(line, sizeof line, "%d", src ? src_line(src) : 0);
    xmlSetNsProp(n, o->fa, (const xmlChar *)"line", (const xmlChar *)line);
}

/* Elements that name a Markdown file (prose, procedure, scenario) get
 * f:md, the file's path from the input root, to find it in f:prose. */
static void mark_markdown(Out *o, xmlNode *n, const char *base_rel)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        xmlChar *src = xmlGetNoNsProp(n, (const xmlChar *)"src");
        if (src) {
            char *rel = load_resolve(base_rel, (const char *)src);
            if (rel) xmlSetNsProp(n, o->fa, (const xmlChar *)"md", (const xmlChar *)rel);
            free(rel);
            xmlFree(src);
        }
        mark_markdown(o, n->children, base_rel);
    }
}

static void annotate_one(Out *o, const Annot *a, xmlNode *copy);

/* Elements a finding was raised at get f:findings, the kinds, so that a
 * stylesheet can mark exactly that treatment, action or record; parts of
 * records with figures of their own get them (annotate_one). The copy has
 * the shape of its source, so the two are walked side by side. */
static void mark_element(Out *o, const xmlNode *src, xmlNode *copy)
{
    char key[32];
    snprintf(key, sizeof key, "%p", (const void *)src);
    const char *kinds = o->finding_kinds ? map_get(o->finding_kinds, key) : NULL;
    if (kinds) xmlSetNsProp(copy, o->fa, (const xmlChar *)"findings", (const xmlChar *)kinds);
    const Annot *a = o->annot ? map_get(o->annot, key) : NULL;
    if (a) annotate_one(o, a, copy);
}

static void mark_findings(Out *o, const xmlNode *src, xmlNode *copy)
{
    for (; src && copy; src = src->next, copy = copy->next) {
        if (src->type != XML_ELEMENT_NODE) continue;
        mark_element(o, src, copy);
        mark_findings(o, src->children, copy->children);
    }
}

/* a computed figure on a copied element: an attribute in the facts namespace */
static void set_fmin(Out *o, xmlNode *n, const char *name, Secs v)
{
    if (v == NO_SECS) return;
    char t[48];
    xmlSetNsProp(n, o->fa, (const xmlChar *)name, (const xmlChar *)num_format(v / 60.0, t));
}

static void annotate_one(Out *o, const Annot *a, xmlNode *copy)
{
    const Calc *c = o->c;
    switch (a->kind) {
    case AN_MEASURED: {
        const MeasuredCalc *mc = a->p;
        xmlNode *ck = child(o, copy, "check");
        set_min(ck, "recovery-minutes", mc->ms->recovery);
        set_min(ck, "data-loss-minutes", mc->ms->data_loss);
        set_min(ck, "rto-limit-minutes", mc->rto_limit);
        set_min(ck, "rpo-limit-minutes", mc->rpo_limit);
        if (mc->ms->recovery != NO_SECS && mc->rto_limit != NO_SECS) set_bool(ck, "rto-met", mc->rto_met);
        if (mc->ms->data_loss != NO_SECS && mc->rpo_limit != NO_SECS) set_bool(ck, "rpo-met", mc->rpo_met);
        break;
    }
    case AN_OBJECTIVE: {
        const Objective *ob = a->p;
        set_fmin(o, copy, "rto-minutes", ob->rto);
        set_fmin(o, copy, "rpo-minutes", ob->rpo);
        break;
    }
    case AN_DRILL_STEP:
        set_fmin(o, copy, "minutes", ((const DrillStep *)a->p)->duration);
        break;
    case AN_STEP_RESULT: {
        const StepResult *r = a->p;
        char t[48];
        xmlSetNsProp(copy, o->fa, (const xmlChar *)"start", (const xmlChar *)instant_format(a->zone, r->start, t));
        xmlSetNsProp(copy, o->fa, (const xmlChar *)"end", (const xmlChar *)instant_format(a->zone, r->end, t));
        set_fmin(o, copy, "minutes", r->end - r->start);
        break;
    }
    case AN_ACTION:
    case AN_TREATMENT: {
        /* open at the period's end: not done, or done only after it */
        bool has_done = a->kind == AN_ACTION ? ((const Action *)a->p)->has_done : ((const Treatment *)a->p)->has_done;
        Date done = a->kind == AN_ACTION ? ((const Action *)a->p)->done : ((const Treatment *)a->p)->done;
        Date end = month_add(c->period, 1);
        xmlSetNsProp(copy, o->fa, (const xmlChar *)"open-at-end",
                     (const xmlChar *)(!has_done || date_cmp(done, end) >= 0 ? "true" : "false"));
        break;
    }
    case AN_DOCUMENT: {
        size_t i = (size_t)(const Document *const *)a->p - (size_t)c->m->documents.v;
        i /= sizeof *c->m->documents.v;
        if (c->m->documents.v[i]->has_review_by)
            xmlSetNsProp(copy, o->fa, (const xmlChar *)"review-overdue",
                         (const xmlChar *)(c->review_overdue[i] ? "true" : "false"));
        break;
    }
    }
}

/* The parts of records that get figures of their own, by source element. */
static void annotations(Out *o, const Model *m)
{
    o->annot = map_new();
    size_t n = 0;
    for (size_t i = 0; i < m->drills.n; i++) {
        const Drill *d = m->drills.v[i];
        n += d->objectives.n + d->steps.n + d->results.n + d->measured.n + d->actions.n;
    }
    for (size_t i = 0; i < m->risks.n; i++) n += m->risks.v[i]->treatments.n;
    n += m->documents.n;
    Annot *an = arena_alloc(m->arena, (n ? n : 1) * sizeof *an);
    o->annot_keys = xcalloc(n ? n : 1, sizeof *o->annot_keys);
    size_t k = 0;
#define PUT(node_, kind_, p_, zone_)                                                  \
    do {                                                                            \
        if (!(node_)) break;                                                        \
        an[k] = (Annot){kind_, p_, zone_};                                          \
        char *key_ = xasprintf("%p", (const void *)(node_));                        \
        o->annot_keys[o->nannot_keys++] = key_;                                     \
        map_put(o->annot, key_, &an[k]);                                            \
        k++;                                                                        \
    } while (0)
    const Zone *z = zone_of(m, NULL);
    for (size_t i = 0; i < m->drills.n; i++) {
        const Drill *d = m->drills.v[i];
        for (size_t j = 0; j < d->objectives.n; j++) PUT(d->objectives.v[j].node, AN_OBJECTIVE, &d->objectives.v[j], z);
        for (size_t j = 0; j < d->steps.n; j++) PUT(d->steps.v[j]->node, AN_DRILL_STEP, d->steps.v[j], z);
        for (size_t j = 0; j < d->results.n; j++) PUT(d->results.v[j].node, AN_STEP_RESULT, &d->results.v[j], z);
        for (size_t j = 0; j < d->measured.n; j++) PUT(d->measured.v[j].node, AN_MEASURED, &o->c->drill[i].measured[j], z);
        for (size_t j = 0; j < d->actions.n; j++) PUT(d->actions.v[j].node, AN_ACTION, &d->actions.v[j], z);
    }
    for (size_t i = 0; i < m->risks.n; i++)
        for (size_t j = 0; j < m->risks.v[i]->treatments.n; j++)
            PUT(m->risks.v[i]->treatments.v[j].node, AN_TREATMENT, &m->risks.v[i]->treatments.v[j], z);
    for (size_t i = 0; i < m->documents.n; i++) PUT(m->documents.v[i]->node, AN_DOCUMENT, &m->documents.v[i], z);
#undef PUT
}

/* Copy a source record under parent, marked with its file and line. */
static int cmp_outage_calc(const void *a, const void *b)
{
    const OutageCalc *x = *(const OutageCalc *const *)a, *y = *(const OutageCalc *const *)b;
    uintptr_t p = (uintptr_t)x->o, q = (uintptr_t)y->o;
    if (p != q) return p < q ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* A copy of a record that was moved into an earlier facts document: what
 * that document added (attributes and elements in the facts namespace,
 * and the declaration the copy made for them) comes off again. */
static bool is_facts_ns(const xmlNs *ns)
{
    return ns && ns->href && strcmp((const char *)ns->href, FACTS_NS) == 0;
}

static void strip_facts(xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        for (xmlAttr *a = n->properties, *next; a; a = next) {
            next = a->next;
            if (is_facts_ns(a->ns)) xmlRemoveProp(a);
        }
        for (xmlNode *k = n->children, *next; k; k = next) {
            next = k->next;
            if (k->type == XML_ELEMENT_NODE && is_facts_ns(k->ns)) {
                xmlUnlinkNode(k);
                xmlFreeNode(k);
            }
        }
        strip_facts(n->children);
        for (xmlNs **link = &n->nsDef; *link;) {
            xmlNs *ns = *link;
            if (is_facts_ns(ns)) {
                *link = ns->next;
                ns->next = NULL;
                xmlFreeNs(ns);
            } else {
                link = &ns->next;
            }
        }
    }
}

/* A record under parent, marked with its file and line: the source's own
 * element moved in (take: the model's node is then this one), or a copy. */
static xmlNode *copy_rec(Out *o, xmlNode *parent, const xmlNode *src)
{
    Src *s = src_of(src);
    xmlNode *c;
    if (o->take && s && src->doc == s->doc) {
        c = (xmlNode *)src;
        xmlUnlinkNode(c);
        /* names and interned text into the facts' dictionary, the
         * namespace onto the facts root's d: */
        if (xmlDOMWrapAdoptNode(NULL, s->doc, c, o->doc, parent, 0) != 0) die_oom();
        src_moved(c, s);
    } else {
        c = xmlDocCopyNode((xmlNode *)src, o->doc, 1);
        if (!c) die_oom();
        if (s && src->doc != s->doc) {
            xmlNode *next = c->next;
            c->next = NULL;
            strip_facts(c);
            c->next = next;
        }
    }
    fix_ns(c, o->d);
    xmlAddChild(parent, c);
    mark_element(o, src, c);
    mark_findings(o, src->children, c->children);
    set_origin(o, c, src);
    if (s) {
        xmlNode *next = c->next;
        c->next = NULL;
        mark_markdown(o, c, s->rel);
        c->next = next;
    }
    return c;
}

/* ---- Markdown as XML: CommonMark's node types as element names ---------- */

#define MD_NS "http://commonmark.org/xml/1.0"

static void markdown_tree(Out *o, xmlNs *md, xmlNode *parent, const MdDoc *doc)
{
    cmark_iter *it = cmark_iter_new(doc->doc);
    cmark_event_type ev;
    xmlNode *cur = parent;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_EXIT) {
            if (cur != parent) cur = cur->parent;
            continue;
        }
        cmark_node_type t = cmark_node_get_type(n);
        xmlNode *e = xmlNewChild(cur, md, (const xmlChar *)cmark_node_get_type_string(n), NULL);
        char num[24];
        int line = cmark_node_get_start_line(n);
        if (line > 0 && t < CMARK_NODE_FIRST_INLINE) {
            snprintf(num, sizeof num, "%d", line);
            xmlNewProp(e, (const xmlChar *)"line", (const xmlChar *)num);
        }
        switch (t) {
        case CMARK_NODE_HEADING:
            snprintf(num, sizeof num, "%d", cmark_node_get_heading_level(n));
            xmlNewProp(e, (const xmlChar *)"level", (const xmlChar *)num);
            break;
        case CMARK_NODE_LIST:
            xmlNewProp(e, (const xmlChar *)"type",
                       (const xmlChar *)(cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? "ordered" : "bullet"));
            snprintf(num, sizeof num, "%d", cmark_node_get_list_start(n));
            if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) xmlNewProp(e, (const xmlChar *)"start", (const xmlChar *)num);
            xmlNewProp(e, (const xmlChar *)"tight", (const xmlChar *)(cmark_node_get_list_tight(n) ? "true" : "false"));
            break;
        case CMARK_NODE_CODE_BLOCK: {
            const char *info = cmark_node_get_fence_info(n);
            if (info && *info) xmlNewProp(e, (const xmlChar *)"info", (const xmlChar *)info);
            break;
        }
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: {
            const char *url = cmark_node_get_url(n), *title = cmark_node_get_title(n);
            xmlNewProp(e, (const xmlChar *)"destination", (const xmlChar *)(url ? url : ""));
            if (title && *title) xmlNewProp(e, (const xmlChar *)"title", (const xmlChar *)title);
            if (t == CMARK_NODE_IMAGE && url) {
                char *rel = load_resolve(doc->rel, url);
                if (rel) xmlSetNsProp(e, o->fa, (const xmlChar *)"path", (const xmlChar *)rel);
                free(rel);
            }
            break;
        }
        default:
            break;
        }
        const char *lit = cmark_node_get_literal(n);
        if (lit && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK ||
                    t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE))
            xmlNodeAddContent(e, (const xmlChar *)lit);
        if (cmark_node_first_child(n)) cur = e; /* a container: its children follow until EXIT */
    }
    cmark_iter_free(it);
}

static xmlNode *section(Out *o, xmlNode *root, const char *name) { return child(o, root, name); }

/* ---- computed figures ---------------------------------------------------------- */

static void avail_attrs(xmlNode *n, const Avail *a)
{
    set_month(n, "month", a->month);
    set_bool(n, "applicable", a->applicable);
    set_min(n, "hours-minutes", a->hours);
    set_min(n, "maintenance-minutes", a->maintenance);
    set_min(n, "agreed-minutes", a->agreed);
    set_num(n, "downtime-minutes", a->down_w / 600000.0);
    set_min(n, "downtime-unweighted-minutes", a->down);
    set_int(n, "episodes", a->episodes);
    set_int(n, "outages", a->outages);
    set_num(n, "percent", a->percent);
    if (a->has_target) {
        set_dec(n, "target", a->target);
        if (a->applicable) set_bool(n, "met", a->met);
    }
    if (a->sla) set(n, "sla", a->sla->id);
    set_num(n, "mtrs-minutes", a->mtrs);
    set_num(n, "mtbf-minutes", a->mtbf);
}

static void service_facts(Out *o, xmlNode *rec, const ServiceCalc *sc)
{
    const Calc *c = o->c;
    xmlNode *r = child(o, rec, "recovery");
    if (sc->tier >= 0 && c->policy->tiers) set(r, "tier", c->policy->tiers->tiers.v[sc->tier].id);
    set_min(r, "rto-minutes", sc->rto);
    if (sc->rto_from) set(r, "rto-function", sc->rto_from->id);
    if (sc->rto_via) set(r, "rto-via", sc->rto_via->id);
    set_min(r, "rpo-minutes", sc->rpo);
    if (sc->rpo_from) set(r, "rpo-function", sc->rpo_from->id);
    set_int(r, "rank", sc->rank);
    set_min(r, "own-minutes", sc->own);
    if (sc->plan) set(r, "plan", sc->plan->id);
    set_min(r, "earliest-minutes", sc->earliest);
    if (sc->critical_dep) set(r, "critical-dependency", sc->critical_dep->id);
    if (sc->rto != NO_SECS && sc->earliest != NO_SECS) {
        set_min(r, "rto-gap-minutes", sc->rto_gap);
        set_bool(r, "achievable", sc->rto_gap == 0);
    }
    set_min(r, "data-loss-minutes", sc->data_loss);
    if (sc->rpo != NO_SECS && sc->data_loss != NO_SECS) set_min(r, "rpo-gap-minutes", sc->rpo_gap);
    xmlNode *p = child(o, rec, "predicted");
    set_bool(p, "applicable", !isnan(sc->predicted));
    set_num(p, "percent", sc->predicted);
    avail_attrs(child(o, rec, "availability"), &sc->avail);
    xmlNode *inc = child(o, rec, "incidents");
    set_int(inc, "count", sc->inc_count);
    set_int(inc, "reported-on-time", sc->inc_reported);
    set_num(inc, "reported-share", sc->inc_reported_share);
    set_int(inc, "with-target", sc->inc_with_target);
    set_int(inc, "resolved-in-time", sc->inc_resolved);
    set_num(inc, "resolved-share", sc->inc_resolved_share);
    if (sc->avail.sla && sc->avail.sla->has_reported_target) set_dec(inc, "reported-target", sc->avail.sla->reported_target);
    if (sc->avail.sla && sc->avail.sla->has_resolved_target) set_dec(inc, "resolved-target", sc->avail.sla->resolved_target);
    xmlNode *h = child(o, rec, "history");
    for (size_t i = 0; i < sc->history.n; i++) avail_attrs(child(o, h, "month"), &sc->history.v[i]);
}

static void outage_facts(Out *o, xmlNode *rec, const OutageCalc *oc)
{
    xmlNode *a = child(o, rec, "accounting");
    const Zone *z = zone_of(o->c->m, oc->o->service);
    set_time(a, "start", z, oc->start);
    set_time(a, "end", z, oc->end);
    set_bool(a, "open", oc->open);
    set_min(a, "total-minutes", oc->end - oc->start);
    set_min(a, "outside-period-minutes", oc->outside_period);
    set_min(a, "outside-hours-minutes", oc->outside_hours);
    set_min(a, "maintenance-minutes", oc->in_maintenance);
    if (oc->o->planned) {
        set_min(a, "planned-minutes", oc->planned_time);
        set_bool(a, "planned-outside-window", oc->planned_outside_window);
    } else {
        set_min(a, "overlapped-minutes", oc->overlapped);
        if (oc->over) set(a, "overlapped-by", oc->over->id);
        set_min(a, "counted-minutes", oc->counted);
        set_num(a, "weighted-minutes", oc->counted_w / 600000.0);
    }
}

static void function_facts(Out *o, xmlNode *rec, const FunctionCalc *fc)
{
    const Calc *c = o->c;
    xmlNode *b = child(o, rec, "bia");
    set_min(b, "mtpd-minutes", fc->mtpd);
    set(b, "mtpd-rule", rule_name(fc->mtpd_rule));
    if (fc->mtpd_category) set(b, "mtpd-category", fc->mtpd_category);
    if (fc->mtpd_point >= 0) set_int(b, "mtpd-point", fc->mtpd_point + 1);
    set_min(b, "rto-minutes", fc->rto);
    set(b, "rto-rule", rule_name(fc->rto_rule));
    if (fc->rto_rule == RULE_DERIVED && c->policy->bia) set_dec(b, "rto-fraction", c->policy->bia->rto_fraction);
    set_min(b, "rpo-minutes", fc->rpo);
    set(b, "rpo-rule", rule_name(fc->rpo_rule));
    if (fc->tier >= 0 && c->policy->tiers) set(b, "tier", c->policy->tiers->tiers.v[fc->tier].id);
}

static void incident_facts(Out *o, xmlNode *rec, const IncidentCalc *ic)
{
    xmlNode *t = child(o, rec, "timeline");
    const Incident *in = ic->in;
    const Zone *z = zone_of(o->c->m, in->service);
    set_month(t, "month", ic->month);
    set_bool(t, "in-period", date_cmp(ic->month, o->c->period) == 0);
    if (!ic->grade || !ic->response) {
        set_bool(t, "graded", false);
        return;
    }
    set(t, "level", ic->grade->id);
    set(t, "response", ic->response->id);
    if (ic->final && ic->final != ic->response) set(t, "final-response", ic->final->id);
    if (ic->response->authority) set(t, "authority", ic->response->authority->id);
    set_bool(t, "major", ic->major);
    set_time(t, "detected", z, in->detected);
    set_time(t, "report-due", z, ic->report_due);
    if (ic->reported) set_time(t, "reported", z, ic->reported_at);
    set_bool(t, "report-on-time", ic->report_on_time);
    if (ic->has_target) {
        set_time(t, "resolve-due", z, ic->resolve_due);
        if (in->has_resolved) set_bool(t, "resolved-in-time", ic->resolved_in_time);
        set_bool(t, "overdue", ic->overdue_open);
    }
    if (in->has_resolved) set_time(t, "resolved", z, in->resolved);
    set_min(t, "restore-minutes", ic->restore);
    set_int(t, "updates-due", ic->updates_due);
    set_int(t, "updates-given", ic->updates_given);
    for (size_t k = 0; k < ic->escalations.n; k++) {
        const EscalationCalc *e = &ic->escalations.v[k];
        xmlNode *x = child(o, t, "escalation-due");
        set(x, "to", e->to);
        set_time(x, "due", z, e->due);
        set_bool(x, "made", e->made);
        if (e->made) {
            set_time(x, "made-at", z, e->made_at);
            set_bool(x, "on-time", e->on_time);
        }
    }
}

static void risk_facts(Out *o, xmlNode *rec, const RiskCalc *rc)
{
    const RiskPolicy *p = o->c->policy->risk;
    xmlNode *r = child(o, rec, "rating");
    set_int(r, "inherent-score", rc->inherent);
    set_int(r, "residual-score", rc->residual);
    if (p && rc->inherent_band >= 0) set(r, "inherent-band", p->bands.v[rc->inherent_band].id);
    if (p && rc->residual_band >= 0) set(r, "residual-band", p->bands.v[rc->residual_band].id);
    set_bool(r, "above-appetite", rc->above_appetite);
    set_int(r, "overdue-treatments", rc->overdue);
}

static void kpi_facts(Out *o, xmlNode *rec, const KpiCalc *kc)
{
    xmlNode *t = child(o, rec, "trend");
    set_month(t, "month", o->c->period);
    set_num(t, "value", kc->has_value ? kc->value : NAN);
    set(t, "status", kpi_status_name(kc->status));
    set_num(t, "delta-previous", kc->delta_prev);
    set_num(t, "delta-year", kc->delta_year);
    set_num(t, "moving-average-3", kc->moving3);
    set_num(t, "slope", kc->slope);
    set_int(t, "missed-run", kc->missed_run);
    for (size_t i = 0; i < kc->series.n; i++) {
        xmlNode *p = child(o, t, "point");
        set_month(p, "month", kc->series.v[i].month);
        set_num(p, "value", kc->series.v[i].value);
        set_bool(p, "computed", kc->series.v[i].computed);
    }
}

static void plan_facts(Out *o, xmlNode *rec, const PlanCalc *pc)
{
    xmlNode *e = child(o, rec, "exercise");
    set_bool(e, "drilled", pc->drilled);
    if (pc->drilled) set_date(e, "last-drill", pc->last_drill);
    set_date(e, "next-drill-due", pc->next_drill_due);
    set_bool(e, "drill-overdue", pc->drill_overdue);
    set_bool(e, "retest-due", pc->retest_due);
    if (pc->retest_due) {
        set_date(e, "changed", pc->changed);
        if (pc->change) set(e, "change", pc->change);
    }
    set_min(e, "duration-minutes", pc->duration);
    /* the services it covers, in recovery order */
    const Calc *c = o->c;
    for (size_t r = 0; r < c->m->services.n; r++) {
        const ServiceCalc *sc = &c->svc[c->order[r]];
        for (size_t k = 0; k < pc->p->covers.n; k++)
            if (pc->p->covers.v[k] == sc->s) {
                xmlNode *s = child(o, e, "service");
                set(s, "ref", sc->s->id);
                set_int(s, "rank", sc->rank);
            }
    }
}

static void level_attrs(xmlNode *l, const LevelSummary *ls)
{
    set_int(l, "count", ls->count);
    set_int(l, "major", ls->major);
    set_int(l, "reported-on-time", ls->reported_on_time);
    set_num(l, "reported-share", ls->reported_share);
    set_int(l, "with-target", ls->with_target);
    set_int(l, "resolved-in-time", ls->resolved_in_time);
    set_num(l, "resolved-share", ls->resolved_share);
    set_int(l, "escalations-due", ls->escalations_due);
    set_int(l, "escalations-made", ls->escalations_made);
    set_int(l, "escalations-on-time", ls->escalations_on_time);
    set_int(l, "open", ls->open);
    set_num(l, "restore-mean-minutes", ls->restore_mean);
    set_num(l, "restore-p90-minutes", ls->restore_p90);
}

static void change_attrs(xmlNode *ch, const ChangeSummary *cs)
{
    set_int(ch, "total", cs->total);
    set_int(ch, "implemented", cs->implemented);
    set_int(ch, "failed", cs->failed);
    set_int(ch, "rolled-back", cs->rolled_back);
    set_int(ch, "cancelled", cs->cancelled);
    set_int(ch, "emergency", cs->emergency);
    set_int(ch, "significant", cs->significant);
    set_num(ch, "success-percent", cs->success);
}

static void satisfaction_attrs(xmlNode *sa, const SatisfactionSummary *ss)
{
    set_int(sa, "surveys", ss->surveys);
    set_int(sa, "respondents", ss->respondents);
    set_num(sa, "score", ss->score);
    if (ss->scale) set_int(sa, "scale", ss->scale);
    set_int(sa, "complaints", ss->complaints);
    set_int(sa, "closed", ss->closed);
    set_int(sa, "open", ss->open);
}

/* the quarter of the period and the four before it (docs/facts.md §5.9) */
static void quarters(Out *o, xmlNode *root)
{
    const Calc *c = o->c;
    const Model *m = c->m;
    xmlNode *qs = section(o, root, "quarters");
    for (int i = 0; i < 5; i++) {
        const QuarterCalc *qc = &c->quarters[i];
        xmlNode *q = child(o, qs, "quarter");
        char id[16];
        snprintf(id, sizeof id, "%04d-Q%d", qc->year, qc->q);
        set(q, "id", id);
        set_month(q, "first-month", qc->first);
        set_month(q, "last-month", qc->last);
        set_int(q, "months", qc->months);
        if (qc->months) {
            set_month(q, "from", qc->from);
            set_month(q, "to", qc->to);
        }
        set_bool(q, "complete", qc->complete);
        set_bool(q, "current", i == 4);
        /* figures from records only where the quarter has months with records */
        if (qc->months) {
            for (size_t k = 0; k < m->services.n; k++) {
                xmlNode *sv = child(o, q, "service");
                set(sv, "ref", m->services.v[k]->id);
                avail_attrs(sv, &qc->avail[k]);
                xmlUnsetProp(sv, (const xmlChar *)"month");
            }
            xmlNode *lv = child(o, q, "incident-summary");
            for (size_t k = 0; k < qc->nlevels; k++) {
                const LevelSummary *ls = &qc->levels[k];
                xmlNode *l = child(o, lv, ls->grade ? "level" : "total");
                if (ls->grade) set(l, "level", ls->grade);
                level_attrs(l, ls);
            }
            change_attrs(child(o, q, "change-summary"), &qc->changes);
            satisfaction_attrs(child(o, q, "satisfaction-summary"), &qc->satisfaction);
        }
        for (size_t k = 0; k < m->kpis.n; k++) {
            xmlNode *kx = child(o, q, "kpi");
            set(kx, "ref", m->kpis.v[k]->id);
            set_num(kx, "value", qc->kpi_mean[k]);
            set_int(kx, "points", qc->kpi_points[k]);
            set(kx, "status", kpi_status_name(qc->kpi_status[k]));
        }
    }
}

static void summaries(Out *o, xmlNode *root)
{
    const Calc *c = o->c;
    const Model *m = c->m;
    xmlNode *ord = section(o, root, "recovery-order");
    for (size_t r = 0; r < m->services.n; r++) {
        const ServiceCalc *sc = &c->svc[c->order[r]];
        xmlNode *s = child(o, ord, "service");
        set(s, "ref", sc->s->id);
        set_int(s, "rank", sc->rank);
        if (sc->tier >= 0 && c->policy->tiers) set(s, "tier", c->policy->tiers->tiers.v[sc->tier].id);
        set_min(s, "rto-minutes", sc->rto);
        set_min(s, "earliest-minutes", sc->earliest);
        for (size_t k = 0; k < sc->s->deps.n; k++) set(child(o, s, "depends-on"), "ref", sc->s->deps.v[k]->id);
    }
    xmlNode *lv = section(o, root, "incident-summary");
    set_month(lv, "month", c->period);
    for (size_t i = 0; i < c->levels.n; i++) {
        const LevelSummary *ls = &c->levels.v[i];
        xmlNode *l = child(o, lv, ls->grade ? "level" : "total");
        if (ls->grade) set(l, "level", ls->grade);
        level_attrs(l, ls);
    }
    xmlNode *hm = section(o, root, "heatmap");
    const RiskPolicy *rp = c->policy->risk;
    for (size_t l = 0; rp && l < rp->likelihood.n; l++)
        for (size_t i = 0; i < rp->impact.n; i++) {
            int lv_ = rp->likelihood.v[l].value, iv = rp->impact.v[i].value;
            if (lv_ < 1 || lv_ > 10 || iv < 1 || iv > 10) continue;
            xmlNode *cell = child(o, hm, "cell");
            set_int(cell, "likelihood", lv_);
            set_int(cell, "impact", iv);
            set_int(cell, "score", lv_ * iv);
            for (size_t b = 0; b < rp->bands.n; b++)
                if (rp->bands.v[b].max < 0 || lv_ * iv <= rp->bands.v[b].max) {
                    set(cell, "band", rp->bands.v[b].id);
                    break;
                }
            set_int(cell, "inherent", c->heat_inherent[lv_ - 1][iv - 1]);
            set_int(cell, "residual", c->heat_residual[lv_ - 1][iv - 1]);
        }
    if (rp) set_int(hm, "appetite", rp->appetite);
    const ChangeSummary *cs = &c->changes;
    xmlNode *ch = section(o, root, "change-summary");
    change_attrs(ch, cs);
    const SatisfactionSummary *ss = &c->satisfaction;
    xmlNode *sa = section(o, root, "satisfaction-summary");
    satisfaction_attrs(sa, ss);
    xmlNode *fs = section(o, root, "findings");
    for (size_t i = 0; i < c->findings.n; i++) {
        const Finding *f = &c->findings.v[i];
        xmlNode *x = child(o, fs, "finding");
        set(x, "kind", f->kind);
        set(x, "subject", f->subject);
        set_num(x, "value", f->value);
        set_num(x, "limit", f->limit);
        if (f->node) set_origin(o, x, f->node);
        xmlNodeAddContent(x, (const xmlChar *)f->message);
    }
    /* the data sources: every file with its kind and records */
    xmlNode *srcs = section(o, root, "sources");
    for (size_t i = 0; i < m->files.n; i++) {
        const Src *s = m->files.v[i];
        if (!s->doc || strcmp(s->rel, "(defaults)") == 0) continue;
        xmlNode *x = child(o, srcs, "source");
        set(x, "file", s->rel);
        set(x, "kind", srckind_root((SrcKind)s->kind));
        set_int(x, "records", s->records);
    }
    quarters(o, root);
}

xmlDoc *facts_build(const Model *m, const Calc *c, const FactsOptions *opt)
{
    Out o = {0};
    o.c = c;
    /* the kinds of the findings raised at each source element */
    Map *index = map_new();
    Buf *kinds = NULL;
    for (size_t i = 0; i < c->findings.n; i++) {
        const Finding *fd = &c->findings.v[i];
        if (!fd->node) continue;
        char key[32];
        snprintf(key, sizeof key, "%p", (const void *)fd->node);
        intptr_t k = (intptr_t)map_get(index, key);
        if (!k) {
            o.keys = xrealloc(o.keys, (o.nkeys + 1) * sizeof *o.keys);
            kinds = xrealloc(kinds, (o.nkeys + 1) * sizeof *kinds);
            o.keys[o.nkeys] = xstrdup(key);
            memset(&kinds[o.nkeys], 0, sizeof *kinds);
            map_put(index, o.keys[o.nkeys], (void *)(intptr_t)(o.nkeys + 1));
            k = (intptr_t)++o.nkeys;
        }
        Buf *bk = &kinds[k - 1];
        if (bk->s && strstr(bk->s, fd->kind)) continue;
        if (bk->len) buf_putc(bk, ' ');
        buf_puts(bk, fd->kind);
    }
    map_free(index);
    o.finding_kinds = map_new();
    o.kind_text = xcalloc(o.nkeys ? o.nkeys : 1, sizeof *o.kind_text);
    for (size_t k = 0; k < o.nkeys; k++) {
        o.kind_text[k] = buf_steal(&kinds[k]);
        map_put(o.finding_kinds, o.keys[k], o.kind_text[k]);
    }
    free(kinds);
    annotations(&o, m);
    o.doc = xmlNewDoc((const xmlChar *)"1.0");
    o.doc->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    /* names (of elements and attributes) once each in a dictionary, not
     * copied into every node (6 % less memory for `dossier facts` at M) */
    o.doc->dict = xmlDictCreate();
    if (!o.doc->dict) die_oom();
    o.take = opt->take && src_move_into(o.doc);
    xmlNode *root = xmlNewDocNode(o.doc, NULL, (const xmlChar *)"facts", NULL);
    xmlDocSetRootElement(o.doc, root);
    o.f = xmlNewNs(root, (const xmlChar *)FACTS_NS, NULL);
    o.d = xmlNewNs(root, (const xmlChar *)DOSSIER_NS, (const xmlChar *)"d");
    o.fa = xmlNewNs(root, (const xmlChar *)FACTS_NS, (const xmlChar *)"f");
    xmlSetNs(root, o.f);
    set_month(root, "period", opt->period);
    set_month(root, "first-month", c->first_month);
    set_date(root, "period-end", (Date){c->period.y, c->period.m, days_in_month(c->period.y, c->period.m)});
    if (opt->lang) set(root, "lang", opt->lang == LANG_EN ? "en" : "zh-CN");

    if (m->org) copy_rec(&o, section(&o, root, "organisation"), m->org->node);
    xmlNode *pol = section(&o, root, "policies");
    for (size_t i = 0; i < m->policies.n; i++) {
        const PolicyEdition *e = m->policies.v[i];
        xmlNode *ed = child(&o, pol, "edition");
        if (e->dated) set_date(ed, "effective", e->effective);
        set_bool(ed, "in-force", e == c->policy);
        const xmlNode *secs[] = {e->cls ? e->cls->node : NULL, e->inc ? e->inc->node : NULL,
                                 e->risk ? e->risk->node : NULL, e->tiers ? e->tiers->node : NULL,
                                 e->bia ? e->bia->node : NULL, e->cont ? e->cont->node : NULL};
        for (size_t k = 0; k < ARRAY_LEN(secs); k++)
            if (secs[k]) copy_rec(&o, ed, secs[k]);
    }
    xmlNode *cal = section(&o, root, "calendars");
    for (size_t i = 0; i < m->calendars.n; i++)
        for (size_t k = 0; k < m->calendars.v[i]->editions.n; k++) copy_rec(&o, cal, m->calendars.v[i]->editions.v[k]->node);
    xmlNode *sv = section(&o, root, "services");
    for (size_t i = 0; i < m->services.n; i++) service_facts(&o, copy_rec(&o, sv, m->services.v[i]->node), &c->svc[i]);
    xmlNode *fn = section(&o, root, "functions");
    if (m->has_bia_assessed) set_date(fn, "assessed", m->bia_assessed);
    for (size_t i = 0; i < m->functions.n; i++) function_facts(&o, copy_rec(&o, fn, m->functions.v[i]->node), &c->fn[i]);
    xmlNode *rk = section(&o, root, "risks");
    if (m->has_risk_assessed) set_date(rk, "assessed", m->risk_assessed);
    for (size_t i = 0; i < m->assets.n; i++) copy_rec(&o, rk, m->assets.v[i]->node);
    for (size_t i = 0; i < m->risks.n; i++) risk_facts(&o, copy_rec(&o, rk, m->risks.v[i]->node), &c->risk[i]);
    xmlNode *pl = section(&o, root, "plans");
    for (size_t i = 0; i < m->plans.n; i++) plan_facts(&o, copy_rec(&o, pl, m->plans.v[i]->node), &c->plan[i]);
    xmlNode *dr = section(&o, root, "drills");
    for (size_t i = 0; i < m->drills.n; i++) copy_rec(&o, dr, m->drills.v[i]->node);
    xmlNode *inc = section(&o, root, "incidents");
    for (size_t i = 0; i < m->incidents.n; i++) incident_facts(&o, copy_rec(&o, inc, m->incidents.v[i]->node), &c->inc[i]);
    xmlNode *out = section(&o, root, "outages");
    /* how each outage counted in the period: the period's outage results
     * sorted by outage (then by their own order), paired in one walk */
    size_t no = c->outages.n;
    const OutageCalc **byo = xcalloc(no ? no : 1, sizeof *byo);
    for (size_t k = 0; k < no; k++) byo[k] = &c->outages.v[k];
    if (no) qsort(byo, no, sizeof *byo, cmp_outage_calc);
    for (size_t i = 0; i < m->outages.n; i++) {
        xmlNode *rec = copy_rec(&o, out, m->outages.v[i]->node);
        size_t lo = 0, hi = no; /* the first result of this outage */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if ((uintptr_t)byo[mid]->o < (uintptr_t)m->outages.v[i]) lo = mid + 1;
            else hi = mid;
        }
        for (size_t k = lo; k < no && byo[k]->o == m->outages.v[i]; k++) outage_facts(&o, rec, byo[k]);
    }
    free(byo);
    /* changes and complaints carry the month they fall in (the local month
     * of their start, or of their receipt), for selection by period */
    xmlNode *chg = section(&o, root, "changes");
    for (size_t i = 0; i < m->changes.n; i++) {
        const Change *ch = m->changes.v[i];
        xmlNode *rec = copy_rec(&o, chg, ch->node);
        char mo[16];
        Date d = calc_month_of(zone_of(m, ch->service), ch->start);
        snprintf(mo, sizeof mo, "%04d-%02d", d.y, d.m);
        xmlSetNsProp(rec, o.fa, (const xmlChar *)"month", (const xmlChar *)mo);
    }
    xmlNode *wl = section(&o, root, "workload");
    for (size_t i = 0; i < m->measures.n; i++) {
        xmlNode *rec = copy_rec(&o, wl, m->measures.v[i]->node);
        const WorkloadCalc *w = &c->work[i];
        xmlNode *u = child(&o, rec, "usage");
        if (w->limit) {
            set_dec(u, "limit", w->limit->max);
            set(u, "unit", w->limit->unit);
        }
        set_num(u, "use-percent", w->use);
        set_bool(u, "over", w->over);
        set_num(u, "change-percent", w->change);
    }
    xmlNode *sat = section(&o, root, "satisfaction");
    for (size_t i = 0; i < m->surveys.n; i++) copy_rec(&o, sat, m->surveys.v[i]->node);
    for (size_t i = 0; i < m->complaints.n; i++) {
        const Complaint *cp = m->complaints.v[i];
        xmlNode *rec = copy_rec(&o, sat, cp->node);
        char mo[16];
        Date d = calc_month_of(zone_of(m, cp->service), cp->received);
        snprintf(mo, sizeof mo, "%04d-%02d", d.y, d.m);
        xmlSetNsProp(rec, o.fa, (const xmlChar *)"month", (const xmlChar *)mo);
        xmlSetNsProp(rec, o.fa, (const xmlChar *)"open-at-end",
                     (const xmlChar *)(cp->is_open || !cp->has_closed ||
                                               date_cmp(calc_month_of(zone_of(m, cp->service), cp->closed), month_add(c->period, 1)) >= 0
                                           ? "true" : "false"));
    }
    xmlNode *kp = section(&o, root, "kpis");
    for (size_t i = 0; i < m->kpis.n; i++) kpi_facts(&o, copy_rec(&o, kp, m->kpis.v[i]->node), &c->kpi[i]);
    xmlNode *reg = section(&o, root, "register");
    for (size_t i = 0; i < m->documents.n; i++) copy_rec(&o, reg, m->documents.v[i]->node);
    summaries(&o, root);
    /* the Markdown prose, each file once, in the order of the sources */
    xmlNode *pr = section(&o, root, "prose");
    xmlNs *md = xmlNewNs(root, (const xmlChar *)MD_NS, (const xmlChar *)"md");
    for (size_t i = 0; i < m->markdown.n; i++) {
        const MdDoc *doc = m->markdown.v[i];
        if (!doc->doc) continue;
        xmlNode *x = child(&o, pr, "markdown");
        set(x, "src", doc->rel);
        markdown_tree(&o, md, x, doc);
    }
    map_free(o.finding_kinds);
    map_free(o.annot);
    for (size_t k = 0; k < o.nannot_keys; k++) free(o.annot_keys[k]);
    free(o.annot_keys);
    for (size_t k = 0; k < o.nkeys; k++) free(o.keys[k]), free(o.kind_text[k]);
    free(o.keys);
    free(o.kind_text);
    return o.doc;
}

void facts_free(xmlDoc *doc)
{
    if (!doc) return;
    src_moved_forget(doc);
    xmlFreeDoc(doc);
}
