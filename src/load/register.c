/*
 * register.c: reads the <register> of controlled documents.
 */
#include <stdlib.h>

#include "load_int.h"

static int langs_parse(const char *s)
{
    int mask = 0;
    if (!s) return 0;
    char *copy = xstrdup(s), *save = NULL;
    for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        if (strcmp(t, "zh-CN") == 0) mask |= LANG_ZH;
        else if (strcmp(t, "en") == 0) mask |= LANG_EN;
        else mask = -1;
        if (mask < 0) break;
    }
    free(copy);
    return mask;
}

static bool read_version(Model *m, const xmlNode *n, Version *v, const char **out)
{
    const char *s = rd_str(m, n, "version", true);
    *out = s;
    if (!s) return false;
    const char *e = version_parse(s, v);
    if (e) diag_node(DIAG_ERROR, n, "version", "%s: version '%s': %s", label(n), s, e);
    return !e;
}

void read_register(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "");
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "document")) continue;
        attrs_allow(c, "number kind lang version status classification controlled system review-by plan drill year replaced-by");
        Document *d = arena_alloc(m->arena, sizeof *d);
        d->node = c;
        d->number = rd_str(m, c, "number", true);
        d->kind = rd_str(m, c, "kind", true);
        const char *langs = rd_str(m, c, "lang", true);
        d->langs = langs_parse(langs);
        if (langs && d->langs <= 0) {
            diag_node(DIAG_ERROR, c, "lang", "document '%s': lang '%s': languages are zh-CN and en", d->number ? d->number : "", langs);
            d->langs = LANG_ZH;
        }
        bool vok = read_version(m, c, &d->v, &d->version);
        d->status = rd_str(m, c, "status", true);
        d->classification = rd_str(m, c, "classification", true);
        d->controlled = rd_bool(m, c, "controlled", true);
        d->system = rd_ref(m, c, "system", NS_SYSTEM, "management system", true);
        d->has_review_by = rd_date(m, c, "review-by", false, &d->review_by);
        if (xmlHasProp(c, (const xmlChar *)"plan")) d->plan = rd_ref(m, c, "plan", NS_PLAN, "plan", false);
        if (xmlHasProp(c, (const xmlChar *)"drill")) d->drill = rd_ref(m, c, "drill", NS_DRILL, "drill", false);
        if (xmlHasProp(c, (const xmlChar *)"year")) rd_int(m, c, "year", false, YEAR_MIN, YEAR_MAX, &d->year);
        d->title = rd_names(m, c, "title");
        const char *num = d->number ? d->number : "";
        if (str_eq(d->kind, "continuity-plan") && !xmlHasProp(c, (const xmlChar *)"plan"))
            diag_node(DIAG_ERROR, c, "kind", "document '%s': a continuity plan names its plan (plan=\"...\")", num);
        if ((str_eq(d->kind, "drill-plan") || str_eq(d->kind, "drill-report")) && !xmlHasProp(c, (const xmlChar *)"drill"))
            diag_node(DIAG_ERROR, c, "kind", "document '%s': a %s names its drill (drill=\"...\")", num, d->kind);
        if (str_eq(d->kind, "drill-report") && d->drill && !str_eq(d->drill->status, "held"))
            diag_node(DIAG_ERROR, c, "drill", "document '%s': a drill report needs a held drill; drill '%s' is %s", num,
                      d->drill->id, d->drill->status ? d->drill->status : "not held");
        if (str_eq(d->status, "superseded") && !xmlHasProp(c, (const xmlChar *)"replaced-by"))
            diag_node(DIAG_ERROR, c, "status", "document '%s' is superseded but does not say what replaces it (replaced-by)", num);
        if (vok && version_is_draft(d->v) && str_eq(d->status, "approved"))
            diag_node(DIAG_WARNING, c, "status", "document '%s' is approved at draft version %s", num, d->version);

        FOR_ELEMS(k, c) {
            if (elem_is(k, "prose")) {
                attrs_allow(k, "part src xml:lang");
                Prose *pr = vec_add(m->arena, &d->prose);
                pr->node = k;
                pr->part = rd_str(m, k, "part", true);
                xmlChar *lang = xmlGetNsProp(k, (const xmlChar *)"lang", XML_XML_NAMESPACE);
                if (lang) {
                    pr->lang = arena_strdup(m->arena, (const char *)lang);
                    xmlFree(lang);
                }
                pr->md = md_load(m, k, "src");
            } else if (elem_is(k, "revision")) {
                attrs_allow(k, "version date author reviewer approver effective");
                Revision *r = vec_add(m->arena, &d->revisions);
                r->node = k;
                bool ok = read_version(m, k, &r->v, &r->version);
                rd_date(m, k, "date", true, &r->date);
                r->has_effective = rd_date(m, k, "effective", false, &r->effective);
                r->author = rd_ref(m, k, "author", NS_PERSON, "person", true);
                if (xmlHasProp(k, (const xmlChar *)"reviewer")) r->reviewer = rd_ref(m, k, "reviewer", NS_PERSON, "person", false);
                if (xmlHasProp(k, (const xmlChar *)"approver")) r->approver = rd_ref(m, k, "approver", NS_PERSON, "person", false);
                if (r->has_effective && date_cmp(r->effective, r->date) < 0)
                    diag_node(DIAG_ERROR, k, "effective", "document '%s': revision %s takes effect before its date", num, r->version ? r->version : "");
                if (ok && vok && r->v.scheme != d->v.scheme)
                    diag_node(DIAG_ERROR, k, "version", "document '%s': revision %s mixes version schemes with %s", num, r->version, d->version);
                else if (ok && d->revisions.n > 1) {
                    const Revision *p = &d->revisions.v[d->revisions.n - 2];
                    if (p->version && p->v.scheme == r->v.scheme && version_cmp(r->v, p->v) <= 0)
                        diag_node(DIAG_ERROR, k, "version", "document '%s': revision %s does not come after %s", num, r->version, p->version);
                    if (p->version && date_cmp(r->date, p->date) < 0)
                        diag_node(DIAG_ERROR, k, "date", "document '%s': revision %s is dated before revision %s", num, r->version, p->version);
                }
                if (ok && !version_is_draft(r->v) && !r->approver && !xmlHasProp(k, (const xmlChar *)"approver"))
                    diag_node(DIAG_WARNING, k, NULL, "document '%s': released revision %s has no approver", num, r->version);
            } else if (elem_is(k, "distribution")) {
                attrs_allow(k, "department role person everyone rights copies");
                if (xmlHasProp(k, (const xmlChar *)"department")) rd_ref(m, k, "department", NS_DEPARTMENT, "department", false);
                if (xmlHasProp(k, (const xmlChar *)"role")) rd_ref(m, k, "role", NS_ROLE, "role", false);
                if (xmlHasProp(k, (const xmlChar *)"person")) rd_ref(m, k, "person", NS_PERSON, "person", false);
                int copies;
                rd_int(m, k, "copies", false, 1, 10000, &copies);
            }
        }
        if (d->revisions.n && vok) {
            const Revision *last = &d->revisions.v[d->revisions.n - 1];
            if (last->version && last->v.scheme == d->v.scheme && version_cmp(last->v, d->v) != 0)
                diag_node(DIAG_ERROR, last->node, "version",
                          "document '%s': the revision history ends at %s but the document is version %s", num,
                          last->version, d->version);
        }
        if (d->number && reg_id(m, NS_DOCUMENT, d->number, d, c, "document")) vec_push(m->arena, &m->documents, d);
    }
}
