/*
 * text.c: paragraphs. Inline content (b, i, u, code, sup, sub, span, a,
 * link, ref, br, field) becomes one UTF-8 string with a PangoAttrList;
 * pango lays it out at the paragraph's width with the style's font, an
 * absolute line height (size x line-height, baseline to baseline) and the
 * document's language, which drives CJK line breaking (no closing
 * punctuation at a line start, no opening one at a line end).
 *
 * Whitespace in layout XML is collapsed to one space; a run of it that
 * holds a line break is dropped between two CJK characters (a line break
 * in the source between Chinese words is not a space). <pre> keeps all.
 */
#include <stdio.h>
#include <stdlib.h>

#include "../diag.h"
#include "../load/xml.h"
#include "typeset_int.h"

typedef struct {
    Pages *p;
    Buf text;
    PangoAttrList *attrs;
    bool pending_space, keep_space;
    bool pending_newline; /* the pending space had a line break in it */
    bool at_break;        /* just after a <br/> */
    gunichar last;
    const Style *st;
    Link *links;
    int nlinks;
    int ref_first; /* the first of p->refs made for this paragraph */
} Builder;

static bool is_cjk(gunichar c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x3000 && c <= 0x303F) || (c >= 0x20000 && c <= 0x2FFFF);
}

static void put_text(Builder *b, const char *s)
{
    for (const char *q = s; *q;) {
        gunichar c = g_utf8_get_char(q);
        const char *next = g_utf8_next_char(q);
        if (!b->keep_space && (c == ' ' || c == '\n' || c == '\t' || c == '\r')) {
            if (b->text.len > 0 && !b->at_break) {
                if (!b->pending_space) b->pending_newline = false;
                b->pending_space = true;
                b->pending_newline |= c == '\n' || c == '\r';
            }
        } else {
            /* a line break between two Chinese characters is not a space */
            if (b->pending_space && !(b->pending_newline && is_cjk(b->last) && is_cjk(c))) buf_putc(&b->text, ' ');
            b->pending_space = false;
            b->at_break = false;
            buf_put(&b->text, q, (size_t)(next - q));
            b->last = c;
        }
        q = next;
    }
}

static void put_literal(Builder *b, const char *s)
{
    if (b->pending_space && *s) buf_putc(&b->text, ' ');
    b->pending_space = false;
    buf_puts(&b->text, s);
    if (*s) b->last = g_utf8_get_char(g_utf8_offset_to_pointer(s, g_utf8_strlen(s, -1) - 1));
}

static void add_link(Builder *b, int start, const char *uri, const char *to)
{
    b->links = xrealloc(b->links, (size_t)(b->nlinks + 1) * sizeof *b->links);
    Link *l = &b->links[b->nlinks++];
    l->start = start;
    l->end = (int)b->text.len;
    l->uri = uri ? xstrdup(uri) : NULL;
    l->to = to ? xstrdup(to) : NULL;
}

static void link_colour(Builder *b, int start)
{
    PangoAttribute *a = pango_attr_foreground_new(0x1F1F, 0x4E4E, 0x9C9C);
    a->start_index = (guint)start;
    a->end_index = (guint)b->text.len;
    pango_attr_list_insert(b->attrs, a);
}

static const char *field_value(Pages *p, const char *name)
{
    for (int i = 0; i < p->nfields; i++)
        if (strcmp(p->field_names[i], name) == 0) return p->field_values[i];
    return NULL;
}

static void inline_walk(Builder *b, const xmlNode *n);

/* An attribute opened at the element's start, its end set at the element's
 * end, so that inner elements (inserted later) win over outer ones. */
static void inline_element(Builder *b, const xmlNode *c)
{
    const char *name = (const char *)c->name;
    /* a space pending before the element belongs outside it (not linked,
     * underlined or highlighted) */
    if (b->pending_space && strcmp(name, "br") != 0) {
        gunichar next = 0;
        for (const xmlNode *k = c->children; k && !next; k = k->next)
            if (k->type == XML_TEXT_NODE && k->content) {
                const char *q = (const char *)k->content;
                while (*q == ' ' || *q == '\n' || *q == '\t' || *q == '\r') q++;
                if (*q) next = g_utf8_get_char(q);
            }
        if (!(b->pending_newline && is_cjk(b->last) && (next == 0 || is_cjk(next)))) buf_putc(&b->text, ' ');
        b->pending_space = false;
    }
    int start = (int)b->text.len;
    PangoAttribute *open[8] = {0};
    int nopen = 0;
    double size = b->st->size;
    if (strcmp(name, "b") == 0) open[nopen++] = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
    else if (strcmp(name, "i") == 0) open[nopen++] = pango_attr_style_new(PANGO_STYLE_ITALIC);
    else if (strcmp(name, "u") == 0) open[nopen++] = pango_attr_underline_new(PANGO_UNDERLINE_SINGLE);
    else if (strcmp(name, "code") == 0) {
        open[nopen++] = pango_attr_family_new("DejaVu Sans Mono, Noto Sans Mono CJK SC");
        open[nopen++] = pango_attr_size_new((int)(size * 0.9 * PANGO_SCALE));
    } else if (strcmp(name, "sup") == 0 || strcmp(name, "sub") == 0) {
        open[nopen++] = pango_attr_rise_new((int)((strcmp(name, "sup") == 0 ? 0.35 : -0.15) * size * PANGO_SCALE));
        open[nopen++] = pango_attr_scale_new(0.7);
    } else if (strcmp(name, "span") == 0) {
        const char *v;
        double rgb[3];
        if ((v = attr_str(c, "style"))) {
            const Style *s = style_get(b->p, v);
            if (!s) diag_node(DIAG_WARNING, c, "style", "unknown style '%s'", v);
            else {
                open[nopen++] = pango_attr_family_new(s->font);
                open[nopen++] = pango_attr_size_new((int)(s->size * PANGO_SCALE));
                if (s->bold) open[nopen++] = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
                if (s->colour[0] || s->colour[1] || s->colour[2])
                    open[nopen++] = pango_attr_foreground_new((guint16)(s->colour[0] * 65535), (guint16)(s->colour[1] * 65535),
                                                              (guint16)(s->colour[2] * 65535));
            }
        }
        if (nopen < 8 && (v = attr_str(c, "colour")) && colour_parse(v, rgb))
            open[nopen++] = pango_attr_foreground_new((guint16)(rgb[0] * 65535), (guint16)(rgb[1] * 65535), (guint16)(rgb[2] * 65535));
        if (nopen < 8 && (v = attr_str(c, "background")) && colour_parse(v, rgb))
            open[nopen++] = pango_attr_background_new((guint16)(rgb[0] * 65535), (guint16)(rgb[1] * 65535), (guint16)(rgb[2] * 65535));
        if (nopen < 8 && (v = attr_str(c, "size"))) {
            double sz = strtod(v, NULL);
            if (sz > 0 && sz < 400) open[nopen++] = pango_attr_size_new((int)(sz * PANGO_SCALE));
        }
    } else if (strcmp(name, "br") == 0) {
        buf_puts(&b->text, "\xE2\x80\xA8"); /* U+2028 LINE SEPARATOR: a line break inside the paragraph */
        b->pending_space = false;
        b->at_break = true; /* whitespace right after it is not a space */
        return;
    } else if (strcmp(name, "field") == 0) {
        const char *v = field_value(b->p, attr_str(c, "name"));
        if (!v) diag_node(DIAG_WARNING, c, "name", "no value for field '%s' (give it in <meta>)", attr_str(c, "name"));
        else put_literal(b, v);
        return;
    } else if (strcmp(name, "ref") == 0) {
        const char *to = attr_str(c, "to");
        char *to_copy = xstrdup(to ? to : "");
        const char *show = attr_str(c, "show");
        char *t = ref_text(b->p, to_copy, show);
        put_literal(b, t);
        Pages *p = b->p;
        p->refs = xrealloc(p->refs, (size_t)(p->nrefs + 1) * sizeof *p->refs);
        p->refs[p->nrefs].to = xstrdup(to_copy);
        p->refs[p->nrefs].show = show ? xstrdup(show) : NULL;
        p->refs[p->nrefs].text = t;
        p->refs[p->nrefs].para = NULL; /* set when the paragraph is made */
        p->refs[p->nrefs].at = start;
        p->nrefs++;
        add_link(b, start, NULL, to_copy);
        link_colour(b, start);
        free(to_copy);
        return;
    }
    for (int i = 0; i < nopen; i++) {
        open[i]->start_index = (guint)start;
        pango_attr_list_insert(b->attrs, open[i]);
    }
    inline_walk(b, c);
    for (int i = 0; i < nopen; i++) open[i]->end_index = (guint)b->text.len;
    if (strcmp(name, "a") == 0 || strcmp(name, "link") == 0) {
        char *v = xstrdup(attr_str(c, name[0] == 'a' ? "href" : "to"));
        add_link(b, start, name[0] == 'a' ? v : NULL, name[0] == 'a' ? NULL : v);
        free(v);
        link_colour(b, start);
        PangoAttribute *u = pango_attr_underline_new(PANGO_UNDERLINE_SINGLE);
        u->start_index = (guint)start;
        u->end_index = (guint)b->text.len;
        pango_attr_list_insert(b->attrs, u);
    }
}

static void inline_walk(Builder *b, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) put_text(b, (const char *)c->content);
        else if (c->type == XML_ELEMENT_NODE) inline_element(b, c);
    }
}

static void track(Pages *p, Para *pa)
{
    pa->owner = p;
    if (p->nparas == p->capparas) {
        p->capparas = p->capparas ? p->capparas * 2 : 256;
        p->paras = xrealloc(p->paras, p->capparas * sizeof *p->paras);
    }
    p->paras[p->nparas++] = pa;
}

Para *para_new(Pages *p, const xmlNode *n, const char *plain, const Style *st, double width, const char *prefix)
{
    Builder b = {0};
    b.p = p;
    b.st = st;
    b.attrs = pango_attr_list_new();
    b.ref_first = p->nrefs;
    b.keep_space = n && strcmp((const char *)n->name, "pre") == 0;
    if (prefix && *prefix) {
        put_literal(&b, prefix);
        buf_puts(&b.text, "\xE2\x80\x83"); /* EM SPACE between a heading's number and its words */
        b.pending_space = false;
    }
    if (n) inline_walk(&b, n);
    if (plain) put_text(&b, plain);
    Para *pa = xcalloc(1, sizeof *pa);
    pa->style = st;
    pa->text = buf_steal(&b.text);
    /* strip a final newline of preformatted text */
    size_t len = strlen(pa->text);
    if (b.keep_space && len && pa->text[len - 1] == '\n') pa->text[--len] = 0;
    pa->attrs = b.attrs;
    PangoAttribute *lh = pango_attr_line_height_new_absolute((int)(st->size * st->line_height * PANGO_SCALE));
    pango_attr_list_insert_before(pa->attrs, lh);
    PangoAttribute *lang = pango_attr_language_new(pango_language_from_string(p->lang ? p->lang : "zh-CN"));
    pango_attr_list_insert_before(pa->attrs, lang);
    if (st->colour[0] || st->colour[1] || st->colour[2]) {
        PangoAttribute *fg = pango_attr_foreground_new((guint16)(st->colour[0] * 65535), (guint16)(st->colour[1] * 65535),
                                                       (guint16)(st->colour[2] * 65535));
        pango_attr_list_insert_before(pa->attrs, fg);
    }
    pa->links = b.links;
    pa->nlinks = b.nlinks;
    pa->width = width > 1 ? width : 1;
    pa->align = st->align;
    pa->indent = st->indent;
    pa->wrap_char = b.keep_space;
    pa->last_page = -1;
    for (int k = b.ref_first; k < p->nrefs; k++) p->refs[k].para = pa;
    pa->has_ref = p->nrefs > b.ref_first;
    track(p, pa);
    return pa;
}

/* Justification. Pango stretches only the spaces of a line (and every
 * cluster when a line has none), so a Chinese line with one Latin word in
 * it opens a hole around that word. Lines are therefore justified here:
 * in a line with CJK characters the extra width goes evenly to every gap
 * that touches a CJK character or a space (never inside a Latin word or a
 * number); in a line without, it goes to the spaces only. The last line
 * of a paragraph and a line ended by <br/> (U+2028) are left alone. The
 * extra width is added to the last glyph of the cluster before the gap,
 * so drawing, link rectangles and index_to_x all see it. */
typedef struct {
    PangoGlyphInfo *g; /* last glyph of the cluster */
    gunichar c;        /* its first character */
} Cluster;

static void justify_line(PangoLayoutLine *line, const char *text, int avail)
{
    size_t n = 0, cap = 64;
    Cluster *cl = xmalloc(cap * sizeof *cl);
    int width = 0;
    bool cjk = false;
    for (GSList *r = line->runs; r; r = r->next) {
        PangoGlyphItem *gi = r->data;
        PangoGlyphString *gs = gi->glyphs;
        for (int i = 0; i < gs->num_glyphs; i++) {
            width += gs->glyphs[i].geometry.width;
            if (i > 0 && gs->log_clusters[i] == gs->log_clusters[i - 1]) {
                cl[n - 1].g = &gs->glyphs[i];
                continue;
            }
            if (n == cap) cl = xrealloc(cl, (cap *= 2) * sizeof *cl);
            gunichar c = g_utf8_get_char(text + gi->item->offset + gs->log_clusters[i]);
            cl[n++] = (Cluster){&gs->glyphs[i], c};
            if (is_cjk(c)) cjk = true;
        }
    }
    /* a space that ends the line (where it wrapped) takes no width */
    while (n && (cl[n - 1].c == ' ' || cl[n - 1].c == 0x3000)) n--;
    int extra = avail - width;
    size_t gaps = 0;
    for (int pass = 0; pass < 2 && extra > 0; pass++) {
        size_t k = 0;
        for (size_t i = 0; i + 1 < n; i++) {
            gunichar a = cl[i].c, b = cl[i + 1].c;
            bool ok = cjk ? (is_cjk(a) || is_cjk(b) || a == ' ' || b == ' ') : a == ' ';
            if (!ok) continue;
            if (pass == 0) {
                gaps++;
            } else {
                /* the k-th of gaps shares: exact, whole units, no drift */
                int from = (int)((long long)extra * (long long)k / (long long)gaps);
                int to = (int)((long long)extra * (long long)(k + 1) / (long long)gaps);
                cl[i].g->geometry.width += to - from;
                k++;
            }
        }
        if (gaps == 0) break;
    }
    free(cl);
}

static void justify(PangoLayout *l, const char *text, int width, int indent)
{
    GSList *lines = pango_layout_get_lines_readonly(l);
    for (GSList *e = lines; e && e->next; e = e->next) {
        PangoLayoutLine *line = e->data, *next = e->next->data;
        if (next->is_paragraph_start || line->length <= 0) continue;
        /* a line ended by <br/> */
        const char *end = text + line->start_index + line->length;
        const char *last = g_utf8_find_prev_char(text + line->start_index, end);
        if (last && g_utf8_get_char(last) == 0x2028) continue;
        int avail = width;
        if (indent > 0 && line->is_paragraph_start) avail -= indent;
        if (indent < 0 && !line->is_paragraph_start) avail += indent;
        justify_line(line, text, avail);
    }
}

void para_layout(Pages *p, Para *pa)
{
    if (pa->layout) return;
    PangoLayout *l = pango_layout_new(p->ts->ctx);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, pa->style->font);
    pango_font_description_set_size(fd, (gint)(pa->style->size * PANGO_SCALE));
    if (pa->style->bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    if (pa->style->italic) pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(pa->width * PANGO_SCALE));
    pango_layout_set_wrap(l, pa->wrap_char ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, pa->align == 1 ? PANGO_ALIGN_CENTER : pa->align == 2 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    pango_layout_set_indent(l, (int)(pa->indent * PANGO_SCALE));
    pango_layout_set_auto_dir(l, FALSE);
    pango_layout_set_attributes(l, pa->attrs);
    pango_layout_set_text(l, pa->text, -1);
    if (pa->align == 3) justify(l, pa->text, (int)(pa->width * PANGO_SCALE), (int)(pa->indent * PANGO_SCALE));
    pa->layout = l;
    /* about 64 bytes a character: glyphs, clusters, attributes, line data */
    pa->cost = 256 + strlen(pa->text) / 2 * 64;
    if (pa->owner) {
        p->live += pa->cost;
        if (pa->lines) {
            /* remade after being dropped: the lines are the same; drop it
             * again once its last page is drawn */
            pa->rebuilt = true;
            if (p->nrebuilt == p->caprebuilt) {
                p->caprebuilt = p->caprebuilt ? p->caprebuilt * 2 : 64;
                p->rebuilt = xrealloc(p->rebuilt, p->caprebuilt * sizeof *p->rebuilt);
            }
            p->rebuilt[p->nrebuilt++] = pa;
            return;
        }
        /* over budget: drop the oldest layouts (not this one) */
        while (p->live > p->budget && p->drop_cursor < p->nparas) {
            Para *old = p->paras[p->drop_cursor++];
            if (old != pa && old->layout && old->lines) para_drop(old);
        }
    } else if (pa->lines) {
        return;
    }
    subfonts_note_layout(p->subfonts, l);
    pa->nlines = pango_layout_get_line_count(l);
    pa->lines = xmalloc((size_t)(pa->nlines ? pa->nlines : 1) * sizeof *pa->lines);
    PangoLayoutIter *it = pango_layout_get_iter(l);
    int i = 0;
    do {
        int y0, y1;
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        pa->lines[i].x = (double)logical.x / PANGO_SCALE;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        pa->lines[i].top = (double)y0 / PANGO_SCALE;
        pa->lines[i].bottom = (double)y1 / PANGO_SCALE;
        pa->lines[i].baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
        i++;
    } while (i < pa->nlines && pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    pa->height = pa->nlines ? pa->lines[pa->nlines - 1].bottom : 0;
}

void para_drop(Para *pa)
{
    if (!pa->layout) return;
    g_object_unref(pa->layout);
    pa->layout = NULL;
    if (pa->owner) pa->owner->live -= pa->cost;
}

void pages_release(Pages *p, int page)
{
    size_t keep = 0;
    for (size_t i = 0; i < p->nrebuilt; i++) {
        Para *pa = p->rebuilt[i];
        if (pa->last_page <= page) para_drop(pa);
        else p->rebuilt[keep++] = pa;
    }
    p->nrebuilt = keep;
}

void para_free(Para *pa)
{
    if (!pa) return;
    para_drop(pa);
    pango_attr_list_unref(pa->attrs);
    for (int i = 0; i < pa->nlinks; i++) {
        free(pa->links[i].uri);
        free(pa->links[i].to);
    }
    free(pa->links);
    free(pa->lines);
    free(pa->text);
    free(pa);
}

char *para_line_text(const Para *pa, int line)
{
    if (!pa->layout) return xstrdup("");
    PangoLayoutLine *l = pango_layout_get_line_readonly(pa->layout, line);
    if (!l) return xstrdup("");
    return xstrndup(pa->text + l->start_index, (size_t)l->length);
}

/* ---- cross-references ---- */

static const Anchor *anchor_find(const Pages *p, const char *id)
{
    for (int i = 0; i < p->nanchors; i++)
        if (strcmp(p->anchors[i].id, id) == 0) return &p->anchors[i];
    return NULL;
}

static const Heading *heading_find(const Pages *p, const char *id)
{
    for (int i = 0; i < p->nheadings; i++)
        if (p->headings[i]->id && strcmp(p->headings[i]->id, id) == 0) return p->headings[i];
    return NULL;
}

char *ref_text(Pages *p, const char *to, const char *show)
{
    bool zh = !p->lang || strcmp(p->lang, "en") != 0;
    const Heading *h = heading_find(p, to);
    const Anchor *a = anchor_find(p, to);
    int page = a ? a->page : 0;
    char pg[16];
    if (page > 0) snprintf(pg, sizeof pg, "%d", page);
    else snprintf(pg, sizeof pg, "%s", "??"); /* not placed yet: the next pass fills it in */
    if (!show) show = "number-page";
    if (strcmp(show, "title") == 0) return xstrdup(h ? h->title : "??");
    if (strcmp(show, "page") == 0) return xstrdup(pg);
    const char *num = h && h->number[0] ? h->number : NULL;
    if (strcmp(show, "number") == 0) return xstrdup(num ? num : "??");
    if (num) return zh ? xasprintf("第 %s 节（第 %s 页）", num, pg) : xasprintf("%s, page %s", num, pg);
    return zh ? xasprintf("第 %s 页", pg) : xasprintf("page %s", pg);
}

/* ---- cross-references settled in place ---- */

static gunichar last_char(const char *s)
{
    return *s ? g_utf8_get_char(g_utf8_find_prev_char(s, s + strlen(s))) : 0;
}

/* a byte index of the old text, in the text with [at, at + was) replaced
 * by `now` bytes (no index falls inside a ref's own text) */
static guint shifted(guint i, guint at, guint was, guint now)
{
    if (i == G_MAXUINT || i <= at) return i;
    return i >= at + was ? i - was + now : at;
}

/* one ref's text replaced in its paragraph: text, attributes, links */
static void splice_ref(Para *pa, int at, const char *was, const char *now)
{
    size_t len = strlen(pa->text), nw = strlen(was), nn = strlen(now);
    char *t = xmalloc(len - nw + nn + 1);
    memcpy(t, pa->text, (size_t)at);
    memcpy(t + at, now, nn);
    memcpy(t + at + nn, pa->text + at + nw, len - (size_t)at - nw + 1);
    free(pa->text);
    pa->text = t;
    guint c[3] = {(guint)at, (guint)nw, (guint)nn};
    /* the attributes, shifted, into a new list in the old one's order:
     * which is the order a new build of the paragraph gives, since no index
     * falls inside the ref's text and neither text is empty */
    GSList *all = pango_attr_list_get_attributes(pa->attrs);
    PangoAttrList *to = pango_attr_list_new();
    for (GSList *q = all; q; q = q->next) {
        PangoAttribute *a = q->data;
        a->start_index = shifted(a->start_index, c[0], c[1], c[2]);
        a->end_index = shifted(a->end_index, c[0], c[1], c[2]);
        pango_attr_list_insert(to, a);
    }
    g_slist_free(all);
    pango_attr_list_unref(pa->attrs);
    pa->attrs = to;
    for (int i = 0; i < pa->nlinks; i++) {
        pa->links[i].start = (int)shifted((guint)pa->links[i].start, c[0], c[1], c[2]);
        pa->links[i].end = (int)shifted((guint)pa->links[i].end, c[0], c[1], c[2]);
    }
}

static bool same_lines(const Para *pa, const LineBox *lines, int nlines, double height)
{
    if (pa->nlines != nlines || pa->height != height) return false;
    for (int i = 0; i < nlines; i++)
        if (pa->lines[i].top != lines[i].top || pa->lines[i].bottom != lines[i].bottom ||
            pa->lines[i].baseline != lines[i].baseline)
            return false;
    return true;
}

bool refs_settle(Pages *p)
{
    const char *full = getenv("DOSSIER_FULL_PASSES");
    char **now = xcalloc((size_t)p->nrefs + 1, sizeof *now);
    bool ok = true, changed = false;
    for (int i = 0; i < p->nrefs; i++) {
        struct RefUse *r = &p->refs[i];
        now[i] = ref_text(p, r->to, r->show);
        if (strcmp(now[i], r->text) == 0) continue;
        changed = true;
        /* not in place: in a running header or footer, in a heading's
         * title (copied into the contents) or a column sized by its text,
         * or a text whose last character changes how the space after it is
         * treated */
        ok = ok && !(full && *full) && r->para && !r->para->title_only && !r->para->measured && *now[i] &&
             *r->text && is_cjk(last_char(now[i])) == is_cjk(last_char(r->text));
    }
    /* later refs first: the places of earlier ones in the same paragraph
     * stay true */
    for (int i = p->nrefs - 1; i >= 0 && ok && changed; i--) {
        struct RefUse *r = &p->refs[i];
        if (strcmp(now[i], r->text) == 0) continue;
        Para *pa = r->para;
        LineBox *old = pa->lines;
        int nold = pa->nlines;
        double hold = pa->height;
        /* the other refs of this paragraph: all put in before it is laid out again */
        int first = i;
        while (first > 0 && p->refs[first - 1].para == pa) first--;
        for (int k = i; k >= first; k--)
            if (strcmp(now[k], p->refs[k].text) != 0) splice_ref(pa, p->refs[k].at, p->refs[k].text, now[k]);
        para_drop(pa);
        pa->lines = NULL;
        para_layout(p, pa);
        ok = same_lines(pa, old, nold, hold);
        free(old);
        for (int k = i; k >= first; k--) {
            free(p->refs[k].text);
            p->refs[k].text = now[k];
            now[k] = NULL;
        }
        i = first;
    }
    for (int i = 0; i < p->nrefs; i++) free(now[i]);
    free(now);
    return ok || !changed;
}

/* ---- running headers and footers ---- */

Para *running_new(Pages *p, const xmlNode *slot, const Style *st, double width, const Page *pg, int align)
{
    /* a copy of the slot with its fields replaced by text */
    Builder b = {0};
    b.p = p;
    b.st = st;
    b.attrs = pango_attr_list_new();
    for (const xmlNode *c = slot->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            put_text(&b, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "field") == 0) {
            const char *name = attr_str(c, "name");
            char num[16];
            if (strcmp(name, "page") == 0) {
                snprintf(num, sizeof num, "%d", pg->number);
                put_literal(&b, num);
            } else if (strcmp(name, "pages") == 0) {
                snprintf(num, sizeof num, "%d", p->total);
                put_literal(&b, num);
            } else if (strcmp(name, "section") == 0) {
                put_literal(&b, pg->section ? pg->section : "");
            } else {
                const char *v = field_value(p, name);
                put_literal(&b, v ? v : "");
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            inline_element(&b, c);
        }
    }
    Para *pa = xcalloc(1, sizeof *pa);
    pa->style = st;
    pa->text = buf_steal(&b.text);
    pa->attrs = b.attrs;
    PangoAttribute *lang = pango_attr_language_new(pango_language_from_string(p->lang ? p->lang : "zh-CN"));
    pango_attr_list_insert_before(pa->attrs, lang);
    if (st->colour[0] || st->colour[1] || st->colour[2])
        pango_attr_list_insert_before(pa->attrs, pango_attr_foreground_new((guint16)(st->colour[0] * 65535),
                                                                           (guint16)(st->colour[1] * 65535),
                                                                           (guint16)(st->colour[2] * 65535)));
    for (int i = 0; i < b.nlinks; i++) {
        free(b.links[i].uri);
        free(b.links[i].to);
    }
    free(b.links);
    pa->width = width;
    pa->align = align;
    para_layout(p, pa);
    return pa;
}
