/*
 * diff.c: what changed between two editions of a document, in the words of
 * the document. Both are layout trees (a released version's snapshot, or
 * the working sources' tree). Each is read as sections, numbered as the
 * typesetter numbers them, each with its text and its tables; a table is
 * read as rows keyed by their first cell and columns named by the header
 * row. Sections are matched by their titles, rows by their keys, so an
 * inserted section or row does not make everything after it "changed":
 *
 *     section 5.2 恢复步骤: text changed
 *     table 关键系统恢复目标, row 通关系统, RTO: 4小时 → 2小时
 *     table 风险登记册: row R-07 added
 */
#include "diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util.h"

typedef struct {
    char *key;   /* first cell */
    char **cell; /* every cell's text */
    int n;
} TRow;

typedef struct {
    char *name; /* caption, or "table N of the section" */
    char **head;
    int nhead;
    TRow *rows;
    int nrows;
} Tab;

typedef struct {
    char *number, *title, *key;
    Buf text;
    Tab *tabs;
    int ntabs;
} Sect;

typedef struct {
    Sect *v;
    int n;
    int counters[4];
} Doc;

static bool is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static char *prop(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v) return NULL;
    char *s = xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

/* the text of an element, whitespace collapsed; blocks inside it (the
 * paragraphs of a cell) separated by a space */
static bool is_block(const xmlNode *n)
{
    static const char *B[] = {"p", "list", "item", "quote", "pre", "h", "table", "row", "cell", "group"};
    for (size_t i = 0; i < sizeof B / sizeof *B; i++)
        if (is(n, B[i])) return true;
    return false;
}

static void gather(const xmlNode *n, Buf *b)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            buf_puts(b, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            if (is_block(n)) buf_putc(b, ' ');
            gather(n->children, b);
            if (is_block(n)) buf_putc(b, ' ');
        }
    }
}

static char *text_of(const xmlNode *n)
{
    Buf raw = {0};
    gather(n->children, &raw);
    Buf b = {0};
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)(raw.s ? raw.s : ""); *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
            space = b.len > 0;
            continue;
        }
        if (space) buf_putc(&b, ' ');
        space = false;
        buf_putc(&b, (char)*p);
    }
    buf_free(&raw);
    return buf_steal(&b);
}

static Sect *sect_new(Doc *d, const char *number, const char *title)
{
    d->v = xrealloc(d->v, (size_t)(d->n + 1) * sizeof *d->v);
    Sect *s = &d->v[d->n++];
    memset(s, 0, sizeof *s);
    s->number = xstrdup(number);
    s->title = xstrdup(title);
    /* matched by title; a title repeated is told apart by its count */
    int seen = 0;
    for (int i = 0; i < d->n - 1; i++) seen += strcmp(d->v[i].title, title) == 0;
    s->key = seen ? xasprintf("%s#%d", title, seen + 1) : xstrdup(title);
    return s;
}

static void read_table(Sect *s, const xmlNode *t)
{
    s->tabs = xrealloc(s->tabs, (size_t)(s->ntabs + 1) * sizeof *s->tabs);
    Tab *tab = &s->tabs[s->ntabs++];
    memset(tab, 0, sizeof *tab);
    char *cap = prop(t, "caption");
    tab->name = cap && *cap ? cap
                : *s->number ? xasprintf("%d of section %s %s", s->ntabs, s->number, s->title)
                : *s->title  ? xasprintf("%d of section %s", s->ntabs, s->title)
                             : xasprintf("%d of the cover", s->ntabs);
    if (cap && !*cap) free(cap);
    char *hr = prop(t, "header-rows");
    int header_rows = hr ? atoi(hr) : 0;
    free(hr);
    int r = 0;
    for (const xmlNode *row = t->children; row; row = row->next) {
        if (!is(row, "row")) continue;
        char **cells = NULL;
        int n = 0;
        for (const xmlNode *c = row->children; c; c = c->next) {
            if (!is(c, "cell")) continue;
            cells = xrealloc(cells, (size_t)(n + 1) * sizeof *cells);
            cells[n++] = text_of(c);
        }
        if (r < header_rows) {
            /* the last header row names the columns */
            for (int k = 0; k < tab->nhead; k++) free(tab->head[k]);
            free(tab->head);
            tab->head = cells;
            tab->nhead = n;
        } else {
            tab->rows = xrealloc(tab->rows, (size_t)(tab->nrows + 1) * sizeof *tab->rows);
            TRow *tr = &tab->rows[tab->nrows++];
            tr->cell = cells;
            tr->n = n;
            /* the first cell, or the first two when the first repeats */
            char *key = xstrdup(n ? cells[0] : "");
            int dup = 0;
            for (int k = 0; k < tab->nrows - 1; k++) dup += strcmp(tab->rows[k].key, key) == 0 ||
                                                          strncmp(tab->rows[k].key, key, strlen(key)) == 0;
            if (dup && n > 1) {
                char *k2 = xasprintf("%s / %s", key, cells[1]);
                free(key);
                key = k2;
            }
            tr->key = key;
        }
        r++;
    }
}

static void walk(Doc *d, Sect **cur, const xmlNode *parent)
{
    for (const xmlNode *n = parent->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (is(n, "h")) {
            char *lv = prop(n, "level"), *num = prop(n, "numbered");
            int level = lv ? atoi(lv) : 1;
            if (level < 1 || level > 4) level = 1;
            char number[32] = "";
            if (!num || strcmp(num, "false") != 0) {
                d->counters[level - 1]++;
                for (int k = level; k < 4; k++) d->counters[k] = 0;
                int len = 0;
                for (int k = 0; k < level; k++)
                    len += snprintf(number + len, sizeof number - (size_t)len, "%s%d", k ? "." : "", d->counters[k]);
            }
            char *title = text_of(n);
            *cur = sect_new(d, number, title);
            free(title);
            free(lv);
            free(num);
        } else if (is(n, "table")) {
            read_table(*cur, n);
        } else if (is(n, "section") || is(n, "group")) {
            walk(d, cur, n);
        } else if (is(n, "p") || is(n, "list") || is(n, "quote") || is(n, "pre")) {
            if (is(n, "list") || is(n, "quote")) {
                /* lists and quotes may hold headings (Markdown): walk them */
                bool has_h = false;
                for (const xmlNode *k = n->children; k && !has_h; k = k->next) has_h = is(k, "h");
                if (has_h) {
                    walk(d, cur, n);
                    continue;
                }
            }
            char *t = text_of(n);
            if ((*cur)->text.len) buf_putc(&(*cur)->text, '\n');
            buf_puts(&(*cur)->text, t);
            free(t);
        }
    }
}

static Doc *read_doc(xmlDoc *x)
{
    Doc *d = xcalloc(1, sizeof *d);
    Sect *cur = sect_new(d, "", "");
    walk(d, &cur, xmlDocGetRootElement(x));
    return d;
}

static void doc_free(Doc *d)
{
    for (int i = 0; i < d->n; i++) {
        Sect *s = &d->v[i];
        free(s->number), free(s->title), free(s->key);
        buf_free(&s->text);
        for (int t = 0; t < s->ntabs; t++) {
            Tab *tab = &s->tabs[t];
            free(tab->name);
            for (int k = 0; k < tab->nhead; k++) free(tab->head[k]);
            free(tab->head);
            for (int r = 0; r < tab->nrows; r++) {
                for (int k = 0; k < tab->rows[r].n; k++) free(tab->rows[r].cell[k]);
                free(tab->rows[r].cell);
                free(tab->rows[r].key);
            }
            free(tab->rows);
        }
        free(s->tabs);
    }
    free(d->v);
    free(d);
}

static const Sect *find_sect(const Doc *d, const char *key)
{
    for (int i = 0; i < d->n; i++)
        if (strcmp(d->v[i].key, key) == 0) return &d->v[i];
    return NULL;
}

static const Tab *find_tab(const Sect *s, const char *name)
{
    for (int i = 0; s && i < s->ntabs; i++)
        if (strcmp(s->tabs[i].name, name) == 0) return &s->tabs[i];
    return NULL;
}

static const TRow *find_row(const Tab *t, const char *key)
{
    for (int i = 0; t && i < t->nrows; i++)
        if (strcmp(t->rows[i].key, key) == 0) return &t->rows[i];
    return NULL;
}

static void sect_name(Buf *out, const Sect *s)
{
    if (*s->number) buf_printf(out, "section %s %s", s->number, s->title);
    else if (*s->title) buf_printf(out, "section %s", s->title);
    else buf_puts(out, "the cover");
}

static void diff_tables(Buf *out, const Sect *a, const Sect *b, int *n)
{
    for (int t = 0; t < b->ntabs; t++) {
        const Tab *tb = &b->tabs[t], *ta = find_tab(a, tb->name);
        if (!ta) {
            buf_printf(out, "table %s: added (", tb->name);
            sect_name(out, b);
            buf_puts(out, ")\n");
            (*n)++;
            continue;
        }
        for (int r = 0; r < tb->nrows; r++) {
            const TRow *rb = &tb->rows[r], *ra = find_row(ta, rb->key);
            if (!ra) {
                buf_printf(out, "table %s: row %s added\n", tb->name, rb->key);
                (*n)++;
                continue;
            }
            for (int k = 1; k < rb->n || k < ra->n; k++) {
                const char *va = k < ra->n ? ra->cell[k] : "", *vb = k < rb->n ? rb->cell[k] : "";
                if (strcmp(va, vb) == 0) continue;
                const char *col = k < tb->nhead && *tb->head[k] ? tb->head[k] : NULL;
                buf_printf(out, "table %s, row %s", tb->name, rb->key);
                if (col) buf_printf(out, ", %s", col);
                else buf_printf(out, ", column %d", k + 1);
                buf_printf(out, ": %s → %s\n", *va ? va : "(empty)", *vb ? vb : "(empty)");
                (*n)++;
            }
        }
        for (int r = 0; r < ta->nrows; r++)
            if (!find_row(tb, ta->rows[r].key)) {
                buf_printf(out, "table %s: row %s removed\n", ta->name, ta->rows[r].key);
                (*n)++;
            }
    }
    for (int t = 0; t < a->ntabs; t++)
        if (!find_tab(b, a->tabs[t].name)) {
            buf_printf(out, "table %s: removed\n", a->tabs[t].name);
            (*n)++;
        }
}

char *layout_diff(xmlDoc *from, xmlDoc *to, int *count)
{
    Doc *a = read_doc(from), *b = read_doc(to);
    Buf out = {0};
    int n = 0;
    for (int i = 0; i < b->n; i++) {
        const Sect *sb = &b->v[i], *sa = find_sect(a, sb->key);
        if (!sa) {
            sect_name(&out, sb);
            buf_puts(&out, ": added\n");
            n++;
            continue;
        }
        if (strcmp(sa->number, sb->number) != 0 && *sa->number && *sb->number) {
            buf_printf(&out, "section %s %s: now %s\n", sa->number, sb->title, sb->number);
            n++;
        }
        const char *ta = sa->text.s ? sa->text.s : "", *tb = sb->text.s ? sb->text.s : "";
        if (strcmp(ta, tb) != 0) {
            sect_name(&out, sb);
            buf_puts(&out, ": text changed\n");
            n++;
        }
        diff_tables(&out, sa, sb, &n);
    }
    for (int i = 0; i < a->n; i++)
        if (!find_sect(b, a->v[i].key)) {
            sect_name(&out, &a->v[i]);
            buf_puts(&out, ": removed\n");
            n++;
        }
    doc_free(a);
    doc_free(b);
    if (count) *count = n;
    return buf_steal(&out);
}
