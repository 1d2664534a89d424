/*
 * facts.c: builds the facts document from the model.
 */
#include "facts.h"

#include <stdio.h>
#include <string.h>

#include "../load/load.h"
#include "../load/xml.h"

typedef struct {
    xmlDoc *doc;
    xmlNs *f, *d;
} Out;

/* Move a copied subtree onto the root's namespace declarations. */
static void fix_ns(xmlNode *n, xmlNs *d)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (n->ns && strcmp((const char *)n->ns->href, DOSSIER_NS) == 0) n->ns = d;
        if (n->nsDef) {
            xmlFreeNsList(n->nsDef);
            n->nsDef = NULL;
        }
        fix_ns(n->children, d);
    }
}

/* Copy a source record under parent, marked with its file and line. */
static xmlNode *copy_rec(Out *o, xmlNode *parent, const xmlNode *src)
{
    xmlNode *c = xmlDocCopyNode((xmlNode *)src, o->doc, 1);
    if (!c) die_oom();
    fix_ns(c, o->d);
    xmlAddChild(parent, c);
    const Src *s = src_of(src);
    xmlSetNsProp(c, o->f, (const xmlChar *)"file", (const xmlChar *)(s ? s->rel : ""));
    char line[24];
    snprintf(line, sizeof line, "%d", src_line(src));
    xmlSetNsProp(c, o->f, (const xmlChar *)"line", (const xmlChar *)line);
    return c;
}

static xmlNode *section(Out *o, xmlNode *root, const char *name)
{
    return xmlNewChild(root, o->f, (const xmlChar *)name, NULL);
}

#define COPY_ALL(o, parent, vec)                                        \
    for (size_t i_ = 0; i_ < (vec).n; i_++) copy_rec((o), (parent), (vec).v[i_]->node)

xmlDoc *facts_build(const Model *m, const FactsOptions *opt)
{
    Out o = {0};
    o.doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNode *root = xmlNewNode(NULL, (const xmlChar *)"facts");
    xmlDocSetRootElement(o.doc, root);
    o.f = xmlNewNs(root, (const xmlChar *)FACTS_NS, NULL);
    o.d = xmlNewNs(root, (const xmlChar *)DOSSIER_NS, (const xmlChar *)"d");
    xmlSetNs(root, o.f);
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d", opt->period.y, opt->period.m);
    xmlNewProp(root, (const xmlChar *)"period", (const xmlChar *)buf);
    if (opt->lang) xmlNewProp(root, (const xmlChar *)"lang", (const xmlChar *)(opt->lang == LANG_EN ? "en" : "zh-CN"));

    if (m->org) copy_rec(&o, section(&o, root, "organisation"), m->org->node);
    xmlNode *pol = section(&o, root, "policies");
    for (size_t i = 0; i < m->policies.n; i++) {
        const PolicyEdition *e = m->policies.v[i];
        xmlNode *ed = xmlNewChild(pol, o.f, (const xmlChar *)"edition", NULL);
        if (e->dated) {
            char d[16];
            xmlNewProp(ed, (const xmlChar *)"effective", (const xmlChar *)date_format(e->effective, d));
        }
        const xmlNode *secs[] = {e->cls ? e->cls->node : NULL, e->inc ? e->inc->node : NULL,
                                 e->risk ? e->risk->node : NULL, e->tiers ? e->tiers->node : NULL,
                                 e->bia ? e->bia->node : NULL, e->cont ? e->cont->node : NULL};
        for (size_t k = 0; k < ARRAY_LEN(secs); k++)
            if (secs[k]) copy_rec(&o, ed, secs[k]);
    }
    xmlNode *cal = section(&o, root, "calendars");
    for (size_t i = 0; i < m->calendars.n; i++)
        for (size_t k = 0; k < m->calendars.v[i]->editions.n; k++) copy_rec(&o, cal, m->calendars.v[i]->editions.v[k]->node);
    COPY_ALL(&o, section(&o, root, "services"), m->services);
    COPY_ALL(&o, section(&o, root, "functions"), m->functions);
    xmlNode *rk = section(&o, root, "risks");
    COPY_ALL(&o, rk, m->assets);
    COPY_ALL(&o, rk, m->risks);
    COPY_ALL(&o, section(&o, root, "plans"), m->plans);
    COPY_ALL(&o, section(&o, root, "drills"), m->drills);
    COPY_ALL(&o, section(&o, root, "incidents"), m->incidents);
    COPY_ALL(&o, section(&o, root, "outages"), m->outages);
    COPY_ALL(&o, section(&o, root, "changes"), m->changes);
    COPY_ALL(&o, section(&o, root, "workload"), m->measures);
    xmlNode *sat = section(&o, root, "satisfaction");
    COPY_ALL(&o, sat, m->surveys);
    COPY_ALL(&o, sat, m->complaints);
    COPY_ALL(&o, section(&o, root, "kpis"), m->kpis);
    COPY_ALL(&o, section(&o, root, "register"), m->documents);
    return o.doc;
}
