/*
 * flow.c: blocks into the vertical list. Each block puts its space before
 * (collapsed with the space after the block before it: the larger wins),
 * an anchor mark if it has an id, then its boxes with the break points
 * between them:
 *
 *   paragraph   lines; no break after the first or before the last line
 *               (no orphan or widow of one line)
 *   heading     numbered 1, 1.2, 1.2.3; a mark; lines kept together; no
 *               break before what follows (keep-with-next)
 *   table       caption, header rows, body rows; no break inside the
 *               header nor right after it; header rows repeat on the
 *               pages the body runs onto
 *   group       keep-together: no break inside
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../diag.h"
#include "../load/xml.h"
#include "typeset_int.h"

typedef struct Ctx {
    double x, w;              /* the band, from the body's left */
    const char *pstyle;       /* paragraphs' style here */
    Decor *decor[3];
    int ndecor;
    bool keep;                /* inside keep-together */
    int list_depth;
    Para *label;              /* a list label for the next line */
    const char *label_text;
} Ctx;

Item *item_add(Pages *p, ItemKind k)
{
    if (p->nitems == p->capitems) {
        p->capitems = p->capitems ? p->capitems * 2 : 1024;
        p->items = xrealloc(p->items, p->capitems * sizeof *p->items);
    }
    Item *it = &p->items[p->nitems++];
    memset(it, 0, sizeof *it);
    it->kind = k;
    return it;
}

static bool is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const Style *style_for(Pages *p, const xmlNode *n, const char *dflt)
{
    const char *name = attr_str(n, "style");
    if (name) {
        const Style *s = style_get(p, name);
        if (s) return s;
        diag_node(DIAG_WARNING, n, "style", "unknown style '%s'; using '%s'", name, dflt);
    }
    const Style *s = style_get(p, dflt);
    return s ? s : &p->styles[0];
}

/* the space before a block, collapsed with the pending space after */
static void space_before(Pages *p, Ctx *c, double before)
{
    double s = before > p->pending_space ? before : p->pending_space;
    bool nobreak = p->pending_nobreak || c->keep;
    /* a block opening right where another opened (a list and its first
     * item's paragraph, a group and its first block): one place, so one
     * glue. A keep-with-next pending from the block before reaches it (a
     * heading is kept with a list's first line); being inside a
     * keep-together group does not (the group's own edge stays a break). */
    for (size_t i = p->nitems; i-- > 0;) {
        Item *prev = &p->items[i];
        if (prev->kind == IT_MARK) continue;
        if (prev->kind == IT_GLUE) {
            prev->h += s;
            prev->nobreak = prev->nobreak || p->pending_nobreak;
            p->pending_space = 0;
            p->pending_nobreak = false;
            return;
        }
        break;
    }
    /* always a glue, even of no height: every boundary between blocks is a
     * place to break (unless kept together) */
    Item *g = item_add(p, IT_GLUE);
    g->h = s;
    g->nobreak = nobreak;
    p->pending_space = 0;
    p->pending_nobreak = false;
}

static void space_after(Pages *p, double after, bool keep_next)
{
    p->pending_space = after;
    p->pending_nobreak = keep_next;
}

static void mark_anchor(Pages *p, const xmlNode *n)
{
    const char *id = attr_str(n, "id");
    if (!id) return;
    Item *m = item_add(p, IT_MARK);
    m->anchor = xstrdup(id);
}

Decor *decor_new(Pages *p, int kind)
{
    Decor *d = xcalloc(1, sizeof *d);
    d->kind = kind;
    p->decors = xrealloc(p->decors, (p->ndecors + 1) * sizeof *p->decors);
    p->decors[p->ndecors++] = d;
    return d;
}

static void decorate(Item *it, const Ctx *c)
{
    for (int i = 0; i < c->ndecor; i++) it->decor[it->ndecor++] = c->decor[i];
}

/* the lines of a laid-out paragraph; keep_all: no break inside */
static void emit_lines(Pages *p, Ctx *c, Para *pa, double dx, bool keep_all, bool widows)
{
    para_layout(p, pa);
    for (int i = 0; i < pa->nlines; i++) {
        if (i > 0) {
            Item *pen = item_add(p, IT_PENALTY);
            bool orphan = widows && (i < 2 || pa->nlines - i < 2);
            pen->penalty = keep_all || c->keep || orphan ? PEN_INF : 0;
        }
        Item *it = item_add(p, IT_LINE);
        it->h = pa->lines[i].bottom - pa->lines[i].top;
        it->x = c->x + dx;
        it->w = pa->width;
        it->para = pa;
        it->line = i;
        pa->until = p->base + p->nitems;
        decorate(it, c);
        if (i == 0 && c->label) {
            it->label_para = c->label;
            it->label_para->until = pa->until;
            c->label = NULL;
        }
    }
}

static void flow_blocks(Pages *p, Ctx *c, const xmlNode *parent);

static void flow_para(Pages *p, Ctx *c, const xmlNode *n, const Style *st)
{
    space_before(p, c, attr_length(n, "space-before", st->size, st->before));
    mark_anchor(p, n);
    Para *pa = para_new(p, n, NULL, st, c->w, NULL);
    const char *al = attr_str(n, "align");
    if (al) pa->align = strcmp(al, "center") == 0 ? 1 : strcmp(al, "right") == 0 ? 2 : strcmp(al, "justify") == 0 ? 3 : 0;
    pa->indent = attr_length(n, "indent", st->size, c->list_depth || c->label ? 0 : st->indent);
    if (c->label || pa->align == 1 || pa->align == 2) pa->indent = 0; /* no first-line indent when centred or right */
    emit_lines(p, c, pa, 0, false, true);
    space_after(p, attr_length(n, "space-after", st->size, st->after), attr_bool(n, "keep-with-next", false));
}

static void flow_heading(Pages *p, Ctx *c, const xmlNode *n)
{
    int level = atoi(attr_str(n, "level"));
    char sname[4];
    snprintf(sname, sizeof sname, "h%d", level);
    const Style *st = style_for(p, n, sname);
    Heading *h = p->next_heading < p->nheadings ? p->headings[p->next_heading++] : NULL;
    space_before(p, c, attr_length(n, "space-before", st->size, st->before));
    Item *m = item_add(p, IT_MARK);
    m->heading = h;
    Para *pa = para_new(p, n, NULL, st, c->w, h ? h->number : NULL);
    pa->indent = 0;
    emit_lines(p, c, pa, 0, true, false);
    space_after(p, attr_length(n, "space-after", st->size, st->after), true);
}

static void flow_list(Pages *p, Ctx *c, const xmlNode *n)
{
    const Style *st = style_for(p, n, "list");
    bool ordered = attr_bool(n, "ordered", false);
    const char *sv = attr_str(n, "start");
    int num = sv ? atoi(sv) : 1;
    double step = 2 * st->size;
    space_before(p, c, attr_length(n, "space-before", st->size, st->before));
    mark_anchor(p, n);
    static const char *BULLETS[] = {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA"}; /* • ◦ ▪ */
    for (const xmlNode *it = n->children; it; it = it->next) {
        if (!is(it, "item")) continue;
        Ctx ic = *c;
        ic.x += step;
        ic.w -= step;
        ic.list_depth++;
        ic.pstyle = "list";
        char label[32];
        if (ordered) snprintf(label, sizeof label, "%d.", num++);
        else snprintf(label, sizeof label, "%s", BULLETS[c->list_depth % 3]);
        ic.label = para_new(p, NULL, label, st, step - st->size * 0.4, NULL);
        ic.label->align = 2;
        ic.label->indent = 0;
        para_layout(p, ic.label);
        bool blocks = false;
        for (const xmlNode *k = it->children; k; k = k->next) blocks |= k->type == XML_ELEMENT_NODE && !is(k, "b") && !is(k, "i") && !is(k, "u") && !is(k, "code") && !is(k, "sup") && !is(k, "sub") && !is(k, "span") && !is(k, "a") && !is(k, "link") && !is(k, "ref") && !is(k, "br") && !is(k, "field");
        if (blocks) {
            flow_blocks(p, &ic, it);
        } else {
            space_before(p, &ic, st->before); /* a break point between items */
            Para *pa = para_new(p, it, NULL, st, ic.w, NULL);
            pa->indent = 0;
            emit_lines(p, &ic, pa, 0, false, true);
            space_after(p, st->after, false);
        }
        c->label = NULL;
    }
    space_after(p, attr_length(n, "space-after", st->size, st->after), attr_bool(n, "keep-with-next", false));
}

static void flow_quote(Pages *p, Ctx *c, const xmlNode *n)
{
    const Style *st = style_for(p, n, "quote");
    space_before(p, c, attr_length(n, "space-before", st->size, st->before));
    mark_anchor(p, n);
    Ctx qc = *c;
    double inset = 1.2 * st->size;
    Decor *bar = decor_new(p, 1);
    bar->x = c->x + 0.3 * st->size;
    bar->w = 2;
    colour_parse("#B8C4D0", bar->colour);
    if (qc.ndecor < 3) qc.decor[qc.ndecor++] = bar;
    qc.x += inset;
    qc.w -= inset;
    qc.pstyle = "quote";
    flow_blocks(p, &qc, n);
    space_after(p, attr_length(n, "space-after", st->size, st->after), attr_bool(n, "keep-with-next", false));
}

static void flow_pre(Pages *p, Ctx *c, const xmlNode *n)
{
    const Style *st = style_for(p, n, "code");
    space_before(p, c, attr_length(n, "space-before", st->size, st->before));
    mark_anchor(p, n);
    double pad = 0.5 * st->size;
    Ctx pc = *c;
    Decor *bg = decor_new(p, 2);
    bg->x = c->x;
    bg->w = c->w;
    memcpy(bg->colour, st->bg, sizeof bg->colour);
    if (!st->has_bg) colour_parse("#F3F3F3", bg->colour);
    if (pc.ndecor < 3) pc.decor[pc.ndecor++] = bg;
    Para *pa = para_new(p, n, NULL, st, c->w - 2 * pad, NULL);
    pa->indent = 0;
    pa->align = 0;
    /* padding above and below, as invisible boxes inside the background */
    Item *top = item_add(p, IT_SPACE);
    top->h = pad / 2;
    top->x = c->x;
    top->w = c->w;
    decorate(top, &pc);
    Item *pen = item_add(p, IT_PENALTY);
    pen->penalty = PEN_INF;
    emit_lines(p, &pc, pa, pad, false, true);
    pen = item_add(p, IT_PENALTY);
    pen->penalty = PEN_INF;
    Item *bot = item_add(p, IT_SPACE);
    bot->h = pad / 2;
    bot->x = c->x;
    bot->w = c->w;
    decorate(bot, &pc);
    space_after(p, attr_length(n, "space-after", st->size, st->after), attr_bool(n, "keep-with-next", false));
}

static void flow_image(Pages *p, Ctx *c, const xmlNode *n)
{
    const char *src = attr_str(n, "src");
    char *path = p->image_root ? path_join(p->image_root, src) : xstrdup(src);
    char *real = realpath(path, NULL), *root = p->image_root ? realpath(p->image_root, NULL) : NULL;
    bool inside = real && (!root || (strncmp(real, root, strlen(root)) == 0 && real[strlen(root)] == '/'));
    if (!real || !inside || strstr(src, "://")) {
        diag_node(DIAG_ERROR, n, "src", "image '%s' %s", src, !real ? "not found" : "is outside the allowed tree");
        free(path), free(real), free(root);
        return;
    }
    free(root);
    cairo_surface_t *img = cairo_image_surface_create_from_png(real);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        diag_node(DIAG_ERROR, n, "src", "image '%s' is not a PNG file dossier can read", src);
        cairo_surface_destroy(img);
        free(path), free(real);
        return;
    }
    double iw = cairo_image_surface_get_width(img) * 0.75, ih = cairo_image_surface_get_height(img) * 0.75; /* 96 dpi */
    cairo_surface_destroy(img);
    double w = attr_length(n, "width", 10, -1), h = attr_length(n, "height", 10, -1);
    if (w > 0 && h <= 0) h = ih * w / iw;
    else if (h > 0 && w <= 0) w = iw * h / ih;
    else if (w <= 0 && h <= 0) w = iw, h = ih;
    if (w > c->w) {
        h *= c->w / w;
        w = c->w;
    }
    const Style *st = &p->styles[0];
    space_before(p, c, attr_length(n, "space-before", st->size, 6));
    mark_anchor(p, n);
    Item *it = item_add(p, IT_IMAGE);
    it->h = h;
    it->w = w;
    const char *al = attr_str(n, "align");
    it->x = c->x + (al && strcmp(al, "left") == 0 ? 0 : al && strcmp(al, "right") == 0 ? c->w - w : (c->w - w) / 2);
    it->image = real;
    free(path);
    space_after(p, attr_length(n, "space-after", st->size, 6), attr_bool(n, "keep-with-next", false));
}

static void flow_chart(Pages *p, Ctx *c, const xmlNode *n)
{
    const Style *st = style_for(p, n, "chart");
    double w = attr_length(n, "width", st->size, c->w), h = attr_length(n, "height", st->size, 60 * MM);
    if (w > c->w) {
        diag_node(DIAG_WARNING, n, "width", "chart is wider than the text (%.1f mm against %.1f mm); it is narrowed to fit",
                  w / MM, c->w / MM);
        w = c->w;
    }
    const char *why = NULL;
    Chart *ch = chart_read(n, w, h, &why);
    if (!ch) {
        diag_node(DIAG_ERROR, n, NULL, "chart cannot be drawn: %s", why ? why : "bad data");
        return;
    }
    space_before(p, c, attr_length(n, "space-before", st->size, st->before));
    mark_anchor(p, n);
    Item *it = item_add(p, IT_CHART);
    it->h = h;
    it->w = w;
    it->x = c->x + (c->w - w) / 2;
    it->chart = ch;
    it->chart_style = st;
    space_after(p, attr_length(n, "space-after", st->size, st->after), attr_bool(n, "keep-with-next", false));
}

/* ---- tables ---------------------------------------------------------------------- */

static double natural_width(Pages *p, Para *pa)
{
    para_layout(p, pa);
    pa->measured = true;
    PangoLayout *l = pango_layout_copy(pa->layout);
    pango_layout_set_width(l, -1);
    pango_layout_set_indent(l, 0);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return (double)w / PANGO_SCALE;
}

static void flow_table(Pages *p, Ctx *c, const xmlNode *n)
{
    const Style *body = style_for(p, n, "table");
    const Style *head = style_get(p, "table-header");
    const double pad_x = 3, pad_y = 2;
    Table *t = xcalloc(1, sizeof *t);
    t->node = (xmlNode *)n;
    p->tables = xrealloc(p->tables, (p->ntables + 1) * sizeof *p->tables);
    p->tables[p->ntables++] = t;
    /* the columns */
    char *widths = xstrdup(attr_str(n, "widths"));
    char *save = NULL;
    int ncols = 0;
    double spec[64];
    int kind[64]; /* 0 fixed, 1 star, 2 auto */
    for (char *tok = strtok_r(widths, " ", &save); tok && ncols < 64; tok = strtok_r(NULL, " ", &save), ncols++) {
        if (strcmp(tok, "auto") == 0) kind[ncols] = 2, spec[ncols] = 0;
        else if (tok[strlen(tok) - 1] == '*') kind[ncols] = 1, spec[ncols] = strtod(tok, NULL);
        else {
            kind[ncols] = 0;
            if (!length_parse(tok, body->size, &spec[ncols])) spec[ncols] = 20 * MM;
        }
    }
    free(widths);
    t->ncols = ncols;
    t->colw = xcalloc((size_t)ncols + 1, sizeof *t->colw);
    t->colx = xcalloc((size_t)ncols + 1, sizeof *t->colx);
    const char *hr = attr_str(n, "header-rows");
    t->header_rows = hr ? atoi(hr) : 0;
    const char *bd = attr_str(n, "borders");
    t->borders = bd && strcmp(bd, "rows") == 0 ? 1 : bd && strcmp(bd, "none") == 0 ? 2 : 0;
    /* the rows and cells, paragraphs not yet at their widths */
    int nrows = 0;
    for (const xmlNode *r = n->children; r; r = r->next) nrows += is(r, "row");
    if (nrows > LIMIT_TABLE_ROWS) {
        /* a limit of its own, rather than running out of memory or time */
        diag_node(DIAG_ERROR, n, NULL, "table of %d rows; a table may have at most %d (split it)", nrows, LIMIT_TABLE_ROWS);
        nrows = LIMIT_TABLE_ROWS;
    }
    t->rows = xcalloc((size_t)(nrows ? nrows : 1), sizeof *t->rows);
    t->nrows = nrows;
    int ri = 0;
    double *natural = xcalloc((size_t)ncols, sizeof *natural);
    for (const xmlNode *r = n->children; r && ri < nrows; r = r->next) {
        if (!is(r, "row")) continue;
        Row *row = &t->rows[ri];
        row->header = ri < t->header_rows;
        const char *rb = attr_str(r, "background");
        if (rb) row->has_bg = colour_parse(rb, row->bg);
        int nc = 0;
        for (const xmlNode *cl = r->children; cl; cl = cl->next) nc += is(cl, "cell");
        row->cells = xcalloc((size_t)nc, sizeof *row->cells);
        int col = 0;
        for (const xmlNode *cl = r->children; cl; cl = cl->next) {
            if (!is(cl, "cell")) continue;
            Cell *cell = &row->cells[row->ncells++];
            const char *sp = attr_str(cl, "colspan");
            cell->col = col;
            cell->span = sp ? atoi(sp) : 1;
            if (col + cell->span > ncols) {
                diag_node(DIAG_ERROR, cl, NULL, "row has more cells than the table's %d columns", ncols);
                cell->span = ncols - col > 0 ? ncols - col : 0;
            }
            col += cell->span;
            const char *al = attr_str(cl, "align");
            cell->align = al && strcmp(al, "center") == 0 ? 1 : al && strcmp(al, "right") == 0 ? 2 : 0;
            const char *va = attr_str(cl, "valign");
            cell->valign = va && strcmp(va, "middle") == 0 ? 1 : va && strcmp(va, "bottom") == 0 ? 2 : 0;
            const char *cb = attr_str(cl, "background");
            if (cb) cell->has_bg = colour_parse(cb, cell->bg);
            else if (row->has_bg) cell->has_bg = true, memcpy(cell->bg, row->bg, sizeof cell->bg);
            else if (row->header && head && head->has_bg) cell->has_bg = true, memcpy(cell->bg, head->bg, sizeof cell->bg);
            const Style *cst = style_for(p, cl, row->header ? "table-header" : body->name);
            const char *ccol = attr_str(cl, "colour");
            bool has_p = false;
            for (const xmlNode *k = cl->children; k; k = k->next) has_p |= is(k, "p");
            int np = 0;
            if (has_p)
                for (const xmlNode *k = cl->children; k; k = k->next) np += is(k, "p");
            cell->paras = xcalloc((size_t)(np ? np : 1), sizeof *cell->paras);
            if (has_p) {
                for (const xmlNode *k = cl->children; k; k = k->next)
                    if (is(k, "p")) cell->paras[cell->npara++] = para_new(p, k, NULL, style_for(p, k, cst->name), 10000, NULL);
            } else {
                cell->paras[cell->npara++] = para_new(p, cl, NULL, cst, 10000, NULL);
            }
            for (int k = 0; k < cell->npara; k++) {
                Para *pa = cell->paras[k];
                pa->indent = 0;
                pa->align = cell->align;
                double rgb[3];
                if (ccol && colour_parse(ccol, rgb))
                    pango_attr_list_insert(pa->attrs, pango_attr_foreground_new((guint16)(rgb[0] * 65535),
                                                                                (guint16)(rgb[1] * 65535), (guint16)(rgb[2] * 65535)));
                if (cell->span == 1 && kind[cell->col] == 2) {
                    double nw = natural_width(p, pa) + 2 * pad_x + 1;
                    if (nw > natural[cell->col]) natural[cell->col] = nw;
                }
            }
        }
        ri++;
    }
    /* the widths: fixed, then auto (natural, shrunk if need be), then stars share the rest */
    double fixed = 0, autos = 0, stars = 0;
    for (int i = 0; i < ncols; i++) {
        if (kind[i] == 0) fixed += spec[i];
        else if (kind[i] == 1) stars += spec[i];
        else autos += natural[i];
    }
    double avail = c->w;
    double scale_fixed = 1;
    if (fixed > avail) {
        diag_node(DIAG_WARNING, n, "widths",
                  "table is %.1f mm wide, wider than the %.1f mm of text: its columns are narrowed to fit", fixed / MM,
                  avail / MM);
        scale_fixed = avail / fixed;
        fixed = avail;
    }
    double rest = avail - fixed;
    double min_star = stars > 0 ? 12 * MM : 0;
    double scale_auto = autos > 0 && autos > rest - min_star ? (rest - min_star > 0 ? (rest - min_star) / autos : 0) : 1;
    double x = 0;
    for (int i = 0; i < ncols; i++) {
        double w;
        if (kind[i] == 0) w = spec[i] * scale_fixed;
        else if (kind[i] == 2) w = natural[i] * scale_auto;
        else w = stars > 0 ? (rest - autos * scale_auto) * spec[i] / stars : 0;
        if (w < 4 * MM && kind[i] != 0) w = 4 * MM;
        t->colx[i] = x;
        t->colw[i] = w;
        x += w;
    }
    t->colx[ncols] = x;
    t->width = x > avail + 0.01 ? avail : x;
    if (x > avail + 0.5) {
        /* columns still too wide (minimum widths): scale all */
        double f = avail / x;
        for (int i = 0; i <= ncols; i++) t->colx[i] *= f;
        for (int i = 0; i < ncols; i++) t->colw[i] *= f;
    }
    t->x = c->x;
    free(natural);
    /* lay the cells out at their widths; rows' heights */
    for (int r = 0; r < t->nrows; r++) {
        Row *row = &t->rows[r];
        double hmax = 0;
        for (int k = 0; k < row->ncells; k++) {
            Cell *cell = &row->cells[k];
            cell->x = t->colx[cell->col];
            cell->w = t->colx[cell->col + cell->span] - cell->x;
            cell->content = 0;
            for (int q = 0; q < cell->npara; q++) {
                Para *pa = cell->paras[q];
                para_drop(pa);
                free(pa->lines);
                pa->lines = NULL;
                pa->width = cell->w - 2 * pad_x > 1 ? cell->w - 2 * pad_x : 1;
                para_layout(p, pa);
                cell->content += pa->height + (q ? 2 : 0);
            }
            if (cell->content + 2 * pad_y > hmax) hmax = cell->content + 2 * pad_y;
        }
        row->height = hmax > 0 ? hmax : body->size * 1.4;
        if (row->header) t->header_height += row->height;
    }
    /* caption and continued caption */
    const Style *cap = style_get(p, "caption");
    space_before(p, c, attr_length(n, "space-before", body->size, cap ? cap->before : 6));
    mark_anchor(p, n);
    const char *caption = attr_str(n, "caption");
    if (caption) {
        Para *pa = para_new(p, NULL, caption, cap, c->w, NULL);
        pa->indent = 0;
        emit_lines(p, c, pa, 0, true, false);
        Item *g = item_add(p, IT_GLUE);
        g->h = cap->after;
        g->nobreak = true;
    }
    const char *cont = attr_str(n, "continued");
    if (cont) {
        t->continued = para_new(p, NULL, cont, cap, c->w, NULL);
        t->continued->indent = 0;
        para_layout(p, t->continued);
    }
    for (int r = 0; r < t->nrows; r++) {
        if (r > 0) {
            Item *pen = item_add(p, IT_PENALTY);
            pen->penalty = c->keep || r <= t->header_rows ? PEN_INF : 0;
        }
        Item *it = item_add(p, IT_ROW);
        it->h = t->rows[r].height;
        it->x = t->x;
        it->w = t->width;
        it->table = t;
        it->row = r;
        decorate(it, c);
        size_t at = p->base + p->nitems;
        for (int k = 0; k < t->rows[r].ncells; k++)
            for (int q = 0; q < t->rows[r].cells[k].npara; q++) t->rows[r].cells[k].paras[q]->until = at;
        if (r < t->header_rows) {
            /* a copy to place again at the top of the pages the body runs onto */
            if (!t->head) t->head = xcalloc((size_t)t->header_rows, sizeof *t->head);
            t->head[r] = *it;
        }
    }
    /* the header rows and the continued caption are shown until the last row */
    t->until = p->base + p->nitems;
    for (int r = 0; r < t->header_rows && r < t->nrows; r++)
        for (int k = 0; k < t->rows[r].ncells; k++)
            for (int q = 0; q < t->rows[r].cells[k].npara; q++) t->rows[r].cells[k].paras[q]->until = t->until;
    if (t->continued) t->continued->until = t->until;
    space_after(p, attr_length(n, "space-after", body->size, 8), attr_bool(n, "keep-with-next", false));
}

/* ---- the table of contents -------------------------------------------------------- */

static void flow_toc(Pages *p, Ctx *c, const xmlNode *n)
{
    const char *dv = attr_str(n, "depth");
    int depth = dv ? atoi(dv) : 3;
    for (int i = 0; i < p->nheadings; i++) {
        Heading *h = p->headings[i];
        if (!h->in_toc || h->level > depth) continue;
        char sname[8];
        snprintf(sname, sizeof sname, "toc%d", h->level);
        const Style *st = style_get(p, sname);
        if (!st) st = style_get(p, "toc");
        double indent = (h->level - 1) * 1.5 * st->size;
        double numw = 3 * st->size;
        space_before(p, c, st->before);
        Para *pa = para_new(p, NULL, h->title, st, c->w - indent - numw, h->number[0] ? h->number : NULL);
        pa->indent = 0;
        pa->align = 0;
        para_layout(p, pa);
        size_t first = p->nitems;
        emit_lines(p, c, pa, indent, true, false);
        for (size_t k = first; k < p->nitems; k++)
            if (p->items[k].kind == IT_LINE) p->items[k].toc = h;
        space_after(p, st->after, false);
    }
}

static void flow_blocks(Pages *p, Ctx *c, const xmlNode *parent)
{
    for (const xmlNode *n = parent->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        const char *name = (const char *)n->name;
        if (strcmp(name, "p") == 0) flow_para(p, c, n, style_for(p, n, c->pstyle));
        else if (strcmp(name, "h") == 0) flow_heading(p, c, n);
        else if (strcmp(name, "list") == 0) flow_list(p, c, n);
        else if (strcmp(name, "quote") == 0) flow_quote(p, c, n);
        else if (strcmp(name, "pre") == 0) flow_pre(p, c, n);
        else if (strcmp(name, "table") == 0) flow_table(p, c, n);
        else if (strcmp(name, "toc") == 0) flow_toc(p, c, n);
        else if (strcmp(name, "chart") == 0) flow_chart(p, c, n);
        else if (strcmp(name, "image") == 0) flow_image(p, c, n);
        else if (strcmp(name, "rule") == 0) {
            const Style *st = &p->styles[0];
            space_before(p, c, attr_length(n, "space-before", st->size, 6));
            mark_anchor(p, n);
            Item *it = item_add(p, IT_RULE);
            it->h = attr_length(n, "thickness", st->size, 0.5);
            it->x = c->x;
            it->w = c->w;
            const char *col = attr_str(n, "colour");
            if (!col || !colour_parse(col, it->rule_colour)) colour_parse("#808080", it->rule_colour);
            space_after(p, attr_length(n, "space-after", st->size, 6), false);
        } else if (strcmp(name, "page-break") == 0) {
            Item *it = item_add(p, IT_PENALTY);
            it->penalty = PEN_FORCE;
            p->pending_space = 0;
            p->pending_nobreak = false;
        } else if (strcmp(name, "spacer") == 0) {
            space_before(p, c, 0);
            Item *it = item_add(p, IT_SPACE);
            it->h = attr_length(n, "height", 10, 0);
            it->x = c->x;
            it->w = 0;
        } else if (strcmp(name, "group") == 0) {
            const Style *st = &p->styles[0];
            space_before(p, c, attr_length(n, "space-before", st->size, 0));
            mark_anchor(p, n);
            Ctx gc = *c;
            gc.keep = c->keep || attr_bool(n, "keep-together", true);
            flow_blocks(p, &gc, n);
            if (attr_bool(n, "keep-with-next", false)) p->pending_nobreak = true;
        }
        paginate_flush(p);
    }
}

/* Headings are numbered before the flow, so that the table of contents
 * (which comes first) knows them all. */
static void collect_headings(Pages *p, const xmlNode *parent, int *counters)
{
    for (const xmlNode *n = parent->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (strcmp((const char *)n->name, "h") == 0) {
            Heading *h = xcalloc(1, sizeof *h);
            h->level = atoi(attr_str(n, "level"));
            if (h->level < 1 || h->level > 4) h->level = 1;
            bool numbered = attr_bool(n, "numbered", true);
            h->in_toc = attr_bool(n, "toc", true);
            if (numbered) {
                counters[h->level - 1]++;
                for (int k = h->level; k < 4; k++) counters[k] = 0;
                int len = 0;
                for (int k = 0; k < h->level; k++)
                    len += snprintf(h->number + len, sizeof h->number - (size_t)len, "%s%d", k ? "." : "", counters[k]);
            }
            Para *tmp = para_new(p, n, NULL, &p->styles[0], 1000, NULL);
            h->title = xstrdup(tmp->text);
            tmp->title_only = true;
            tmp->until = 1; /* not shown: let go with the first items */
            const char *id = attr_str(n, "id");
            h->id = id ? xstrdup(id) : xasprintf("h-%d", p->nheadings + 1);
            p->headings = xrealloc(p->headings, (size_t)(p->nheadings + 1) * sizeof *p->headings);
            p->headings[p->nheadings++] = h;
        } else if (strcmp((const char *)n->name, "group") == 0 || strcmp((const char *)n->name, "quote") == 0 ||
                   strcmp((const char *)n->name, "section") == 0 || strcmp((const char *)n->name, "list") == 0 ||
                   strcmp((const char *)n->name, "item") == 0) {
            collect_headings(p, n, counters); /* in the order the flow meets them */
        }
    }
}

void flow_document(Pages *p)
{
    xmlNode *root = xmlDocGetRootElement(p->doc);
    if (!p->nheadings) {
        int counters[4] = {0};
        for (xmlNode *s = root->children; s; s = s->next)
            if (is(s, "section")) collect_headings(p, s, counters);
        for (int i = 0; i < p->nheadings; i++) {
            /* a heading with an id has its anchor already; others get h-N */
            Anchor *a = NULL;
            for (int k = 0; k < p->nanchors; k++)
                if (strcmp(p->anchors[k].id, p->headings[i]->id) == 0) a = &p->anchors[k];
            if (!a) {
                p->anchors = xrealloc(p->anchors, (size_t)(p->nanchors + 1) * sizeof *p->anchors);
                a = &p->anchors[p->nanchors++];
                *a = (Anchor){.id = xstrdup(p->headings[i]->id)};
            }
            a->heading = p->headings[i];
        }
    }
    p->next_heading = 0;
    int ns = 0;
    for (xmlNode *s = root->children; s; s = s->next) ns += is(s, "section");
    p->section_start = xrealloc(p->section_start, (size_t)(ns ? ns : 1) * sizeof *p->section_start);
    p->section_master = xrealloc(p->section_master, (size_t)(ns ? ns : 1) * sizeof(int));
    p->nsections = 0;
    for (xmlNode *s = root->children; s; s = s->next) {
        if (!is(s, "section")) continue;
        const char *mname = attr_str(s, "master");
        int mi = -1;
        for (int k = 0; k < p->nmasters; k++)
            if (strcmp(p->masters[k].name, mname) == 0) mi = k;
        if (mi < 0) {
            diag_node(DIAG_ERROR, s, "master", "no page master called '%s'", mname);
            mi = 0;
        }
        const Master *m = &p->masters[mi];
        p->section_start[p->nsections] = p->base + p->nitems;
        p->section_master[p->nsections] = mi;
        p->nsections++;
        Ctx c = {0};
        c.x = 0;
        c.w = m->w - m->left - m->right;
        c.pstyle = "body";
        p->pending_space = 0;
        p->pending_nobreak = false;
        flow_blocks(p, &c, s);
    }
}
