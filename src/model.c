/*
 * model.c: lookups, editions in force, exact decimals and versions.
 */
#include "model.h"

#include <cmark.h>
#include <stdio.h>
#include <string.h>

#include "load/xml.h"

typedef struct IdEntry {
    void *rec;
    const xmlNode *node;
} IdEntry;

void *model_lookup(const Model *m, int ns, const char *id)
{
    if (!id) return NULL;
    IdEntry *e = map_get(m->ids[ns], id);
    return e ? e->rec : NULL;
}

void model_free(Model *m)
{
    if (!m) return;
    for (size_t i = 0; i < m->markdown.n; i++)
        if (m->markdown.v[i]->doc) cmark_node_free(m->markdown.v[i]->doc);
    for (size_t i = 0; i < m->files.n; i++) src_free(m->files.v[i]);
    for (size_t i = 0; i < ARRAY_LEN(m->ids); i++) map_free(m->ids[i]);
    arena_free(m->arena);
    free(m);
}

const PolicyEdition *policy_at(const Model *m, Date d)
{
    const PolicyEdition *p = m->policies.n ? m->policies.v[0] : NULL;
    for (size_t i = 1; i < m->policies.n; i++)
        if (date_cmp(m->policies.v[i]->effective, d) <= 0) p = m->policies.v[i];
    return p;
}

const CalEdition *calendar_at(const Calendar *c, Date d)
{
    const CalEdition *r = NULL;
    for (size_t i = 0; i < c->editions.n; i++)
        if (!c->editions.v[i]->dated || date_cmp(c->editions.v[i]->effective, d) <= 0) r = c->editions.v[i];
    return r;
}

const Sla *sla_at(const Service *s, Date d)
{
    const Sla *r = NULL;
    for (size_t i = 0; i < s->slas.n; i++)
        if (!s->slas.v[i]->dated || date_cmp(s->slas.v[i]->effective, d) <= 0) r = s->slas.v[i];
    return r;
}

/* ---- decimals ---- */

const char *dec_parse(const char *s, Dec *out)
{
    const char *p = s;
    bool neg = false;
    if (*p == '-') neg = true, p++;
    int64_t num = 0;
    int digits = 0, scale = 0;
    bool dot = false, any = false;
    for (; *p; p++) {
        if (*p == '.') {
            if (dot) return "not a number";
            dot = true;
            continue;
        }
        if (*p < '0' || *p > '9') return "not a number";
        any = true;
        if (num == 0 && *p == '0' && !dot) continue; /* leading zeros */
        if (++digits > 18) return "too many digits (at most 18)";
        num = num * 10 + (*p - '0');
        if (dot) scale++;
    }
    if (!any || (dot && p[-1] == '.')) return "not a number";
    if (scale > 12) return "too many decimals (at most 12)";
    out->num = neg ? -num : num;
    out->scale = scale;
    return NULL;
}

static const int64_t POW10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                                1000000000, 10000000000LL, 100000000000LL, 1000000000000LL};

int dec_cmp(Dec a, Dec b)
{
    __int128 x = (__int128)a.num * POW10[12 - a.scale];
    __int128 y = (__int128)b.num * POW10[12 - b.scale];
    return x < y ? -1 : x > y;
}

double dec_to_double(Dec d) { return (double)d.num / (double)POW10[d.scale]; }

char *dec_format(Dec d, char buf[static 40])
{
    int64_t a = d.num < 0 ? -d.num : d.num;
    int64_t ip = a / POW10[d.scale], fp = a % POW10[d.scale];
    if (d.scale)
        snprintf(buf, 40, "%s%lld.%0*lld", d.num < 0 ? "-" : "", (long long)ip, d.scale, (long long)fp);
    else
        snprintf(buf, 40, "%s%lld", d.num < 0 ? "-" : "", (long long)ip);
    return buf;
}

/* ---- versions ---- */

const char *version_parse(const char *s, Version *out)
{
    int a, b;
    char c, tail;
    if (sscanf(s, "V%d.%d%c", &a, &b, &tail) == 2 && s[1] >= '0' && s[1] <= '9') {
        out->scheme = 'V', out->major = a, out->minor = b;
        return NULL;
    }
    if (sscanf(s, "%c/%d%c", &c, &b, &tail) == 2 && c >= 'A' && c <= 'Z' && s[2] >= '0' && s[2] <= '9') {
        out->scheme = '/', out->major = c - 'A' + 1, out->minor = b;
        return NULL;
    }
    return "not a version (V1.2 or A/1)";
}

int version_cmp(Version a, Version b)
{
    if (a.major != b.major) return a.major < b.major ? -1 : 1;
    if (a.minor != b.minor) return a.minor < b.minor ? -1 : 1;
    return 0;
}

bool version_is_draft(Version v) { return v.scheme == 'V' && v.major == 0; }

const char *text_get(Text t, int lang)
{
    if (lang == LANG_EN) return t.en ? t.en : t.zh;
    return t.zh ? t.zh : t.en;
}
