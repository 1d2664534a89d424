/*
 * read.c: the reader kit: element walking, typed attributes with precise
 * messages, ids and references.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "load_int.h"

xmlNode *elem_first(const xmlNode *parent)
{
    if (!parent) return NULL;
    xmlNode *c = parent->children;
    while (c && c->type != XML_ELEMENT_NODE) c = c->next;
    return c;
}

xmlNode *elem_next(const xmlNode *n)
{
    xmlNode *c = n->next;
    while (c && c->type != XML_ELEMENT_NODE) c = c->next;
    return c;
}

bool elem_is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

xmlNode *elem_child(const xmlNode *parent, const char *name)
{
    FOR_ELEMS(c, parent) if (elem_is(c, name)) return c;
    return NULL;
}

static const char *raw_attr(const xmlNode *n, const char *name)
{
    for (xmlAttr *a = n->properties; a; a = a->next)
        if (!a->ns && strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
}

const char *label(const xmlNode *n)
{
    static char buf[320];
    const xmlNode *rec = n;
    const char *id = NULL;
    for (; rec && rec->type == XML_ELEMENT_NODE; rec = rec->parent)
        if ((id = raw_attr(rec, "id")) || (id = raw_attr(rec, "number"))) break;
    if (!id)
        snprintf(buf, sizeof buf, "<%s>", n->name);
    else if (rec == n)
        snprintf(buf, sizeof buf, "%s '%.200s'", n->name, id);
    else
        snprintf(buf, sizeof buf, "<%s> in %s '%.200s'", n->name, rec->name, id);
    return buf;
}

void attrs_allow(const xmlNode *n, const char *names)
{
    for (xmlAttr *a = n->properties; a; a = a->next) {
        if (a->ns) {
            if (a->ns->prefix && strcmp((const char *)a->ns->prefix, "xml") == 0 &&
                strcmp((const char *)a->name, "lang") == 0)
                continue;
            diag_node(DIAG_ERROR, n, (const char *)a->name, "%s: unknown attribute %s:%s", label(n),
                      a->ns->prefix ? (const char *)a->ns->prefix : "", a->name);
            continue;
        }
        size_t al = strlen((const char *)a->name);
        bool ok = false;
        for (const char *p = names; *p && !ok;) {
            const char *e = strchr(p, ' ');
            size_t l = e ? (size_t)(e - p) : strlen(p);
            ok = l == al && memcmp(p, a->name, l) == 0;
            p = e ? e + 1 : p + l;
        }
        if (!ok)
            diag_node(DIAG_ERROR, n, (const char *)a->name, "%s: unknown attribute '%s'", label(n), a->name);
    }
}

const char *rd_str(Model *m, const xmlNode *n, const char *attr, bool required)
{
    const char *v = raw_attr(n, attr);
    if (!v) {
        if (required) diag_node(DIAG_ERROR, n, NULL, "%s: missing attribute '%s'", label(n), attr);
        return NULL;
    }
    return arena_strdup(m->arena, v);
}

static void bad_value(const xmlNode *n, const char *attr, const char *v, const char *why)
{
    diag_node(DIAG_ERROR, n, attr, "%s: %s '%s': %s", label(n), attr, v, why);
}

bool rd_date(Model *m, const xmlNode *n, const char *attr, bool required, Date *out)
{
    const char *v = rd_str(m, n, attr, required);
    if (!v) return false;
    const char *e = date_parse(v, out);
    if (e) bad_value(n, attr, v, e);
    return !e;
}

bool rd_month(Model *m, const xmlNode *n, const char *attr, bool required, Date *out)
{
    const char *v = rd_str(m, n, attr, required);
    if (!v) return false;
    const char *e = month_parse(v, out);
    if (e) bad_value(n, attr, v, e);
    return !e;
}

bool rd_dur(Model *m, const xmlNode *n, const char *attr, bool required, Secs *out)
{
    const char *v = rd_str(m, n, attr, required);
    if (!v) return false;
    const char *e = dur_parse(v, out);
    if (e) bad_value(n, attr, v, e);
    return !e;
}

bool rd_dec(Model *m, const xmlNode *n, const char *attr, bool required, Dec *out)
{
    const char *v = rd_str(m, n, attr, required);
    if (!v) return false;
    const char *e = dec_parse(v, out);
    if (e) bad_value(n, attr, v, e);
    return !e;
}

bool rd_percent(Model *m, const xmlNode *n, const char *attr, bool required, Dec *out)
{
    if (!rd_dec(m, n, attr, required, out)) return false;
    Dec hundred = {100, 0};
    if (dec_cmp(*out, hundred) > 0 || out->num < 0) {
        bad_value(n, attr, raw_attr(n, attr), "a percentage must be between 0 and 100");
        return false;
    }
    return true;
}

bool rd_int(Model *m, const xmlNode *n, const char *attr, bool required, int lo, int hi, int *out)
{
    const char *v = rd_str(m, n, attr, required);
    if (!v) return false;
    char *end;
    errno = 0;
    long x = *v ? strtol(v, &end, 10) : 0;
    if (!*v || *end || errno || !isdigit((unsigned char)v[0]) ) {
        bad_value(n, attr, v, "not a whole number");
        return false;
    }
    if (x < lo || x > hi) {
        char why[80];
        snprintf(why, sizeof why, "out of range (%d to %d)", lo, hi);
        bad_value(n, attr, v, why);
        return false;
    }
    *out = (int)x;
    return true;
}

bool rd_bool(Model *m, const xmlNode *n, const char *attr, bool dflt)
{
    const char *v = rd_str(m, n, attr, false);
    if (!v) return dflt;
    if (strcmp(v, "true") == 0) return true;
    if (strcmp(v, "false") == 0) return false;
    bad_value(n, attr, v, "must be true or false");
    return dflt;
}

bool rd_localtime(Model *m, const xmlNode *n, const char *attr, bool required, LocalTime *out)
{
    const char *v = rd_str(m, n, attr, required);
    if (!v) return false;
    const char *e = localtime_parse(v, out);
    if (e) bad_value(n, attr, v, e);
    return !e;
}

bool rd_instant(Model *m, const xmlNode *n, const char *attr, bool required, const Zone *z, Instant *out)
{
    LocalTime lt;
    if (!rd_localtime(m, n, attr, required, &lt)) return false;
    LocalStatus st = localtime_to_utc(&lt, z, out);
    if (st == LT_GAP) {
        diag_node(DIAG_ERROR, n, attr, "%s: %s '%s' does not exist in time zone %s (the clocks skip it)",
                  label(n), attr, raw_attr(n, attr), zone_name(z));
        return false;
    }
    if (st == LT_FOLD)
        diag_node(DIAG_WARNING, n, attr,
                  "%s: %s '%s' happens twice in time zone %s; the first is taken (add an offset to choose)",
                  label(n), attr, raw_attr(n, attr), zone_name(z));
    return true;
}

const char *rd_text(Model *m, const xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c) return "";
    const char *s = (const char *)c, *e = s + strlen(s);
    while (*s && isspace((unsigned char)*s)) s++;
    while (e > s && isspace((unsigned char)e[-1])) e--;
    char *r = arena_strndup(m->arena, s, (size_t)(e - s));
    xmlFree(c);
    return r;
}

Text rd_names(Model *m, const xmlNode *parent, const char *child)
{
    Text t = {0};
    FOR_ELEMS(c, parent) {
        if (!elem_is(c, child)) continue;
        xmlChar *lang = xmlNodeGetLang(c);
        bool en = lang && strcmp((const char *)lang, "en") == 0;
        if (lang) xmlFree(lang);
        const char **slot = en ? &t.en : &t.zh;
        const char *txt = rd_text(m, c);
        if (!*txt)
            diag_node(DIAG_ERROR, c, NULL, "%s: empty <%s>", label(parent), child);
        else if (*slot)
            diag_node(DIAG_ERROR, c, NULL, "%s: a second <%s> in %s", label(parent), child, en ? "en" : "zh-CN");
        else
            *slot = txt;
    }
    return t;
}

typedef struct IdEntry {
    void *rec;
    const xmlNode *node;
} IdEntry;

const xmlNode *id_node(const Model *m, int ns, const char *id)
{
    IdEntry *e = map_get(m->ids[ns], id);
    return e ? e->node : NULL;
}

bool reg_id(Model *m, int ns, const char *id, void *rec, const xmlNode *n, const char *what)
{
    if (!id) return false;
    if (!m->ids[ns]) m->ids[ns] = map_new();
    IdEntry *first = map_get(m->ids[ns], id);
    if (!first) {
        IdEntry *e = arena_alloc(m->arena, sizeof *e);
        e->rec = rec;
        e->node = n;
        map_put(m->ids[ns], id, e);
        return true;
    }
    int line, col;
    src_locate(first->node, NULL, &line, &col);
    const Src *fs = src_of(first->node);
    diag_node(DIAG_ERROR, n, "id", "duplicate %s id '%s' (first at %s:%d:%d)", what, id,
              fs ? fs->path : "?", line, col);
    return false;
}

void *ref_id(Model *m, const xmlNode *n, const char *attr, const char *id, int ns, const char *what)
{
    void *r = model_lookup(m, ns, id);
    if (!r && !m->incomplete) diag_node(DIAG_ERROR, n, attr, "%s: unknown %s '%s'", label(n), what, id);
    return r;
}

void *rd_ref(Model *m, const xmlNode *n, const char *attr, int ns, const char *what, bool required)
{
    const char *id = rd_str(m, n, attr, required);
    if (!id) return NULL;
    return ref_id(m, n, attr, id, ns, what);
}

const Zone *service_zone(const Model *m, const Service *s)
{
    if (s && s->calendar && s->calendar->zone) return s->calendar->zone;
    if (m->org && m->org->zone) return m->org->zone;
    return NULL;
}
