/*
 * pdf.c: draws laid-out pages with cairo's PDF surface: running headers and
 * footers with their fields, paragraph lines (at each line's baseline,
 * through typeset/subfont.c's renderer, from fonts cut down to the
 * document), table rows (backgrounds, text, borders), rules,
 * images, charts, list labels, quote bars and code backgrounds, the table
 * of contents' dot leaders and page numbers, links (cairo tags), the PDF
 * outline, the watermark, and the document's metadata.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <qpdf/qpdf-c.h>

#include "../diag.h"
#include "../dtime.h"
#include "../output.h"
#include "../typeset/typeset_int.h"
#include "render.h"
#include "fontpack.h"

#ifndef DOSSIER_VERSION
#define DOSSIER_VERSION "0.0.0"
#endif

/* cairo's output into a file, through a buffer (cairo hands it over in
 * small pieces) */
typedef struct {
    int fd;
    size_t n;
    int err; /* errno of a failed write, or 0 */
    unsigned char buf[1 << 16];
} Out;

static bool out_flush(Out *o)
{
    const unsigned char *p = o->buf;
    while (o->n && !o->err) {
        ssize_t w = write(o->fd, p, o->n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) o->err = w < 0 ? errno : ENOSPC;
        else p += w, o->n -= (size_t)w;
    }
    o->n = 0;
    return !o->err;
}

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
    Out *o = closure;
    while (length) {
        if (o->n == sizeof o->buf && !out_flush(o)) return CAIRO_STATUS_WRITE_ERROR;
        size_t k = sizeof o->buf - o->n < length ? sizeof o->buf - o->n : length;
        memcpy(o->buf + o->n, data, k);
        o->n += k, data += k, length -= (unsigned int)k;
    }
    return CAIRO_STATUS_SUCCESS;
}

static void set_rgb(cairo_t *cr, const double c[3]) { cairo_set_source_rgb(cr, c[0], c[1], c[2]); }

/* Draw one line of a paragraph with its top at (x, top). */
static void draw_line(Pages *p, cairo_t *cr, Para *pa, int line, double x, double top)
{
    para_layout(p, pa);
    PangoLayoutLine *pl = pango_layout_get_line_readonly(pa->layout, line);
    if (!pl) return;
    const LineBox *lb = &pa->lines[line];
    set_rgb(cr, pa->style->colour);
    cairo_move_to(cr, x + lb->x, top + (lb->baseline - lb->top));
    text_show_layout_line(cr, pl);
    /* links on this line */
    for (int k = 0; k < pa->nlinks; k++) {
        const Link *l = &pa->links[k];
        int s = l->start > pl->start_index ? l->start : pl->start_index;
        int e = l->end < pl->start_index + pl->length ? l->end : pl->start_index + pl->length;
        if (s >= e) continue;
        int x0, x1;
        pango_layout_line_index_to_x(pl, s, FALSE, &x0);
        pango_layout_line_index_to_x(pl, e, FALSE, &x1);
        double a = x + lb->x + (double)(x0 < x1 ? x0 : x1) / PANGO_SCALE, w = fabs((double)(x1 - x0)) / PANGO_SCALE;
        char attrs[1024];
        if (l->uri) {
            /* quote the URI for cairo's attribute syntax */
            Buf q = {0};
            for (const char *c = l->uri; *c; c++) {
                if (*c == '\'' || *c == '\\') buf_putc(&q, '\\');
                buf_putc(&q, *c);
            }
            snprintf(attrs, sizeof attrs, "rect=[%.2f %.2f %.2f %.2f] uri='%s'", a, top, w, lb->bottom - lb->top, q.s ? q.s : "");
            buf_free(&q);
        } else {
            int page = 0;
            double y = 0;
            const Master *m = NULL;
            for (int i = 0; i < p->nanchors; i++)
                if (strcmp(p->anchors[i].id, l->to) == 0) page = p->anchors[i].page, y = p->anchors[i].y, m = p->anchors[i].m;
            if (!page || !m) continue;
            snprintf(attrs, sizeof attrs, "rect=[%.2f %.2f %.2f %.2f] page=%d pos=[%.2f %.2f]", a, top, w,
                     lb->bottom - lb->top, page, m->left, m->top + y);
        }
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
        cairo_tag_end(cr, CAIRO_TAG_LINK);
    }
}

static void draw_toc_leaders(Pages *p, cairo_t *cr, const Item *it, double x, double top, double body_right)
{
    Para *pa = it->para;
    const Heading *h = it->toc;
    const LineBox *lb = &pa->lines[it->line];
    double baseline = top + lb->baseline - lb->top;
    char num[16];
    snprintf(num, sizeof num, "%d", h->page);
    Para *np = para_new(p, NULL, num, pa->style, 3 * pa->style->size, NULL);
    np->align = 2;
    np->indent = 0;
    para_layout(p, np);
    double numx = body_right - np->width;
    draw_line(p, cr, np, 0, numx, baseline - (np->lines[0].baseline - np->lines[0].top));
    np->until = 1; /* drawn: let go with the next items */
    int ink_w = 0;
    PangoLayoutLine *pl = pango_layout_get_line_readonly(pa->layout, it->line);
    PangoRectangle logical;
    pango_layout_line_get_extents(pl, NULL, &logical);
    ink_w = logical.width;
    double end = x + lb->x + (double)ink_w / PANGO_SCALE + 4;
    double stop = body_right - 3 * pa->style->size * 0.55;
    set_rgb(cr, pa->style->colour);
    cairo_new_path(cr); /* the number's drawing left a current point: no line from it */
    /* dots 0.9 pt across every 4 pt, on multiples of 4 so that the dots
     * of all the entries line up: one stroked line whose dashes are all
     * of length 0, each drawn by its round cap as a dot (one operator for
     * the row, not a filled circle a dot) */
    double first = ceil(end / 4) * 4;
    if (first < stop) {
        double last = first + floor((stop - first - 1e-9) / 4) * 4;
        static const double dots[] = {0, 4};
        cairo_save(cr);
        cairo_set_line_width(cr, 0.9);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash(cr, dots, 2, 0);
        cairo_move_to(cr, first, baseline - 0.6);
        cairo_line_to(cr, last + 1, baseline - 0.6); /* past the last dot, short of the next */
        cairo_stroke(cr);
        cairo_restore(cr);
    }
    /* the whole entry is a link to its heading */
    if (h->page > 0 && h->m) {
        const Master *m = h->m;
        char attrs[256];
        double first_top = top - (lb->top - pa->lines[0].top);
        snprintf(attrs, sizeof attrs, "rect=[%.2f %.2f %.2f %.2f] page=%d pos=[%.2f %.2f]", x, first_top, body_right - x,
                 lb->bottom - pa->lines[0].top, h->page, m->left, m->top + h->y);
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
        cairo_tag_end(cr, CAIRO_TAG_LINK);
    }
}

static void draw_row(Pages *p, cairo_t *cr, const Placed *pl, double x, double top)
{
    const Item *it = pl->it;
    const Table *t = it->table;
    const Row *row = &t->rows[it->row];
    const double pad_x = 3, pad_y = 2;
    double h = pl->to - pl->from;
    bool split = pl->from > 0 || pl->to < it->h;
    cairo_save(cr);
    cairo_rectangle(cr, x - 1, top, t->width + 2, h);
    cairo_clip(cr);
    for (int c = 0; c < row->ncells; c++) {
        const Cell *cell = &row->cells[c];
        if (cell->has_bg) {
            set_rgb(cr, cell->bg);
            cairo_rectangle(cr, x + cell->x, top, cell->w, h);
            cairo_fill(cr);
        }
    }
    for (int c = 0; c < row->ncells; c++) {
        const Cell *cell = &row->cells[c];
        double off = 0;
        if (!split && cell->valign) off = (row->height - 2 * pad_y - cell->content) / (cell->valign == 1 ? 2 : 1);
        double y = top - pl->from + pad_y + off;
        for (int q = 0; q < cell->npara; q++) {
            Para *pa = cell->paras[q];
            para_layout(p, pa);
            for (int l = 0; l < pa->nlines; l++) {
                double lt = y + pa->lines[l].top;
                if (lt + 0.01 < top || lt > top + h - 0.5) continue; /* on another part of a split row */
                draw_line(p, cr, pa, l, x + cell->x + pad_x, lt);
            }
            y += pa->height + 2;
        }
    }
    cairo_restore(cr);
    cairo_set_source_rgb(cr, 0.55, 0.58, 0.62);
    cairo_set_line_width(cr, 0.5);
    if (t->borders == 0) {
        for (int c = 0; c < row->ncells; c++) {
            cairo_rectangle(cr, x + row->cells[c].x, top, row->cells[c].w, h);
            cairo_stroke(cr);
        }
    } else if (t->borders == 1) {
        cairo_move_to(cr, x, top);
        cairo_line_to(cr, x + t->width, top);
        cairo_move_to(cr, x, top + h);
        cairo_line_to(cr, x + t->width, top + h);
        cairo_stroke(cr);
    }
    if (row->header && it->row == t->header_rows - 1 && t->borders != 2) {
        cairo_set_line_width(cr, 1.0);
        cairo_move_to(cr, x, top + h);
        cairo_line_to(cr, x + t->width, top + h);
        cairo_stroke(cr);
    }
}

/* the width a slot's text takes on one line */
static double slot_width(Pages *p, const xmlNode *slot, const Style *st, double bw, const Page *pg)
{
    Para *pa = running_new(p, slot, st, bw * 4, pg, 0);
    para_layout(p, pa);
    PangoRectangle logical;
    pango_layout_get_extents(pa->layout, NULL, &logical);
    para_free(pa);
    return (double)logical.width / PANGO_SCALE;
}

/* A running header or footer: left, center and right slots on the body's
 * width. When the left and right texts would run into each other, each
 * gets a share of the width in proportion to its length and wraps in it
 * (growing away from the body), so nothing overlaps. */
static void draw_running(Pages *p, cairo_t *cr, const Page *pg, const xmlNode *run, bool header)
{
    if (!run) return;
    const Master *m = pg->m;
    const Style *st = style_get(p, header ? "header" : "footer");
    double bw = m->w - m->left - m->right;
    static const char *SLOTS[] = {"left", "center", "right"};
    const xmlNode *slots[3] = {NULL, NULL, NULL};
    for (int s = 0; s < 3; s++)
        for (const xmlNode *c = run->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, SLOTS[s]) == 0) slots[s] = c;
    double x[3] = {m->left, m->left, m->left}, w[3] = {bw, bw, bw};
    if (slots[0] && slots[2]) {
        const double gap = 3 * st->size;
        double wl = slot_width(p, slots[0], st, bw, pg), wr = slot_width(p, slots[2], st, bw, pg);
        if (wl + wr + gap > bw) {
            w[0] = (bw - gap) * wl / (wl + wr);
            w[2] = bw - gap - w[0];
            x[2] = m->left + bw - w[2];
        }
    }
    for (int s = 0; s < 3; s++) {
        if (!slots[s]) continue;
        Para *pa = running_new(p, slots[s], st, w[s], pg, s == 0 ? 0 : s == 1 ? 1 : 2);
        para_layout(p, pa);
        double h = pa->height;
        double top = header ? m->top - 8 - h : m->h - m->bottom + 8;
        for (int l = 0; l < pa->nlines; l++) draw_line(p, cr, pa, l, x[s], top + pa->lines[l].top);
        para_free(pa);
    }
    if (attr_bool(run, "rule", true)) {
        cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
        cairo_set_line_width(cr, 0.5);
        double y = header ? m->top - 5 : m->h - m->bottom + 5;
        cairo_move_to(cr, m->left, y);
        cairo_line_to(cr, m->w - m->right, y);
        cairo_stroke(cr);
    }
}

static void draw_watermark(Pages *p, cairo_t *cr, const Master *m)
{
    if (!p->watermark || !*p->watermark) return;
    const Style *st = style_get(p, "watermark");
    PangoLayout *l = pango_layout_new(p->ts->ctx);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, st->font);
    pango_font_description_set_size(fd, (gint)(st->size * PANGO_SCALE));
    pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_text(l, p->watermark, -1);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    cairo_save(cr);
    cairo_translate(cr, m->w / 2, m->h / 2);
    cairo_rotate(cr, -M_PI / 5);
    double scale = 1;
    double tw = (double)w / PANGO_SCALE;
    if (tw > m->w * 0.9) scale = m->w * 0.9 / tw;
    cairo_scale(cr, scale, scale);
    cairo_set_source_rgba(cr, st->colour[0], st->colour[1], st->colour[2], 0.14);
    cairo_move_to(cr, -tw / 2, -(double)h / PANGO_SCALE / 2);
    text_show_layout(cr, l);
    cairo_restore(cr);
    g_object_unref(l);
}

/* Bands of consecutive items on a page that share a decor. */
static void draw_decor(cairo_t *cr, const Page *pg, double left, double top0, int kind)
{
    for (size_t k = 0; k < pg->n; k++) {
        const Item *it = pg->v[k].it;
        for (int d = 0; d < it->ndecor; d++) {
            const Decor *dc = it->decor[d];
            if (dc->kind != kind) continue;
            bool started = k == 0;
            if (!started) {
                const Item *prev = NULL;
                for (size_t j = k; j-- > 0;)
                    if (pg->v[j].it->kind != IT_MARK) { prev = pg->v[j].it; break; }
                started = true;
                for (int e = 0; prev && e < prev->ndecor; e++)
                    if (prev->decor[e] == dc) started = false;
            }
            if (!started) continue;
            double y0 = top0 + pg->v[k].y, y1 = y0 + pg->v[k].it->h;
            for (size_t j = k + 1; j < pg->n; j++) {
                const Item *n = pg->v[j].it;
                bool in = false;
                for (int e = 0; e < n->ndecor; e++) in |= n->decor[e] == dc;
                if (n->kind == IT_MARK) continue;
                if (!in) break;
                y1 = top0 + pg->v[j].y + n->h;
            }
            set_rgb(cr, dc->colour);
            if (kind == 2) cairo_rectangle(cr, left + dc->x, y0, dc->w, y1 - y0);
            else cairo_rectangle(cr, left + dc->x, y0, dc->w, y1 - y0);
            cairo_fill(cr);
        }
    }
}

static void draw_page(Pages *p, cairo_t *cr, const Page *pg)
{
    const Master *m = pg->m;
    int i = pg->number - 1;
    double bw = m->w - m->left - m->right;
    draw_running(p, cr, pg, m->header, true);
    draw_running(p, cr, pg, m->footer, false);
    draw_decor(cr, pg, m->left, m->top, 2);
    draw_decor(cr, pg, m->left, m->top, 1);
    for (size_t k = 0; k < pg->n; k++) {
        const Placed *pl = &pg->v[k];
        Item *it = pl->it;
        double x = m->left + it->x, top = m->top + pl->y;
        switch (it->kind) {
        case IT_LINE:
            draw_line(p, cr, it->para, it->line, x, top);
            if (it->label_para) {
                Para *lp = it->label_para;
                const LineBox *lb = &it->para->lines[it->line];
                double base = top + lb->baseline - lb->top;
                draw_line(p, cr, lp, 0, x - lp->width - 0.4 * lp->style->size, base - (lp->lines[0].baseline - lp->lines[0].top));
            }
            if (it->toc && it->line == it->para->nlines - 1) draw_toc_leaders(p, cr, it, x, top, m->left + bw);
            it->para->last_page = i;
            break;
        case IT_ROW: {
            const Table *t = it->table;
            if (t->continued && it->row == 0 && pl->repeat) {
                /* a repeated header: the continued caption above it */
                Para *c = t->continued;
                for (int l = 0; l < c->nlines; l++) draw_line(p, cr, c, l, x, top - c->height - 2 + c->lines[l].top);
            }
            draw_row(p, cr, pl, x, top);
            break;
        }
        case IT_RULE:
            set_rgb(cr, it->rule_colour);
            cairo_rectangle(cr, x, top, it->w, it->h);
            cairo_fill(cr);
            break;
        case IT_IMAGE: {
            cairo_surface_t *img = cairo_image_surface_create_from_png(it->image);
            if (cairo_surface_status(img) == CAIRO_STATUS_SUCCESS) {
                double sx = it->w / cairo_image_surface_get_width(img), sy = it->h / cairo_image_surface_get_height(img);
                cairo_save(cr);
                cairo_translate(cr, x, top);
                cairo_scale(cr, sx, sy);
                cairo_set_source_surface(cr, img, 0, 0);
                cairo_paint(cr);
                cairo_restore(cr);
            }
            cairo_surface_destroy(img);
            break;
        }
        case IT_CHART: {
            const Style *st = it->chart_style;
            ChartStyle cs = {st->font, st->size, {st->colour[0], st->colour[1], st->colour[2]}, p->lang};
            cairo_save(cr);
            chart_draw(it->chart, cr, p->ts->ctx, &cs, x, top);
            cairo_restore(cr);
            break;
        }
        default:
            break;
        }
    }
    draw_watermark(p, cr, m);
}

static void outline(Pages *p, cairo_surface_t *s)
{
    int parent[5] = {CAIRO_PDF_OUTLINE_ROOT, 0, 0, 0, 0};
    for (int i = 0; i < p->nheadings; i++) {
        const Heading *h = p->headings[i];
        if (!h->in_toc || h->page <= 0 || !h->m) continue;
        const Master *m = h->m;
        char attrs[128];
        snprintf(attrs, sizeof attrs, "page=%d pos=[%.2f %.2f]", h->page, m->left, m->top + h->y);
        char *name = h->number[0] ? xasprintf("%s %s", h->number, h->title) : xstrdup(h->title);
        int lvl = h->level;
        int par = CAIRO_PDF_OUTLINE_ROOT;
        for (int k = lvl - 1; k >= 1; k--)
            if (parent[k]) { par = parent[k]; break; }
        int id = cairo_pdf_surface_add_outline(s, par, name, attrs, lvl == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        parent[lvl] = id;
        for (int k = lvl + 1; k <= 4; k++) parent[k] = 0;
        free(name);
    }
}

/* the document's date as YYYYMMDD000000, from the layout or SOURCE_DATE_EPOCH */
static bool doc_date(const Pages *p, char out[16])
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (p->date && strlen(p->date) == 10) {
        snprintf(out, 16, "%.4s%.2s%.2s000000", p->date, p->date + 5, p->date + 8);
        return true;
    }
    if (sde && *sde) {
        char *end;
        long long t = strtoll(sde, &end, 10);
        if (*end || t < 0) return false;
        int y, mo, d;
        civil_from_days(t / 86400, &y, &mo, &d);
        long long s = t % 86400;
        snprintf(out, 16, "%04d%02d%02d%02lld%02lld%02lld", y, mo, d, s / 3600, s / 60 % 60, s % 60);
        return true;
    }
    return false;
}

/* libqpdf: proper dates, /Lang, a deterministic /ID, object streams. It
 * writes the finished file (out) through its /proc/self/fd name; it reads
 * cairo's (raw) from memory, or for a streamed document through its name,
 * so that no copy of a long document's PDF is held in memory (mapping it
 * would add its pages to the process's resident set). */
static bool finish(const Pages *p, int raw, int out)
{
    char in_path[40], out_path[40];
    snprintf(in_path, sizeof in_path, "/proc/self/fd/%d", raw);
    snprintf(out_path, sizeof out_path, "/proc/self/fd/%d", out);
    qpdf_data q = qpdf_init();
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    /* a document that is not streamed is read from memory: libqpdf reads a
     * file object by object, seeking, a read() each */
    char *mem = NULL;
    struct stat st;
    if (!p->stream && fstat(raw, &st) == 0 && st.st_size > 0) {
        size_t len = (size_t)st.st_size, got = 0;
        mem = xmalloc(len);
        while (mem && got < len) {
            ssize_t r = pread(raw, mem + got, len - got, (off_t)got);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) free(mem), mem = NULL; /* read as a file, below */
            else got += (size_t)r;
        }
    }
    bool ok = !((mem ? qpdf_read_memory(q, "cairo.pdf", mem, (unsigned long long)st.st_size, NULL)
                     : qpdf_read(q, in_path, NULL)) &
                QPDF_ERRORS);
    if (ok) {
        qpdf_oh trailer = qpdf_get_trailer(q);
        qpdf_oh info = qpdf_oh_get_key(q, trailer, "/Info");
        if (qpdf_oh_is_dictionary(q, info)) {
            char date[16];
            if (doc_date(p, date)) {
                char *d = xasprintf("D:%sZ", date);
                qpdf_oh_replace_key(q, info, "/CreationDate", qpdf_oh_new_string(q, d));
                qpdf_oh_replace_key(q, info, "/ModDate", qpdf_oh_new_string(q, d));
                free(d);
            } else {
                qpdf_oh_remove_key(q, info, "/CreationDate");
                qpdf_oh_remove_key(q, info, "/ModDate");
            }
            qpdf_oh_replace_key(q, info, "/Producer", qpdf_oh_new_string(q, "dossier " DOSSIER_VERSION " (cairo, libqpdf)"));
        }
        /* only a CFF face drawn whole needs it (see subfont.h);
         * DOSSIER_FONTPACK=0 keeps cairo's fonts as they are (for tests
         * that compare the two) */
        const char *fp = getenv("DOSSIER_FONTPACK");
        if (subfonts_whole(p->subfonts) && (!fp || strcmp(fp, "0") != 0)) pdf_pack_fonts(q);
        qpdf_oh root = qpdf_get_root(q);
        qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_string(q, p->lang ? p->lang : "zh-CN"));
        ok = !(qpdf_init_write(q, out_path) & QPDF_ERRORS);
        if (ok) {
            qpdf_set_object_stream_mode(q, qpdf_o_generate);
            qpdf_set_compress_streams(q, QPDF_TRUE);
            qpdf_set_deterministic_ID(q, QPDF_TRUE);
            ok = !(qpdf_write(q) & QPDF_ERRORS);
        }
    }
    if (!ok) {
        qpdf_error e = qpdf_get_error(q);
        diag_system("finishing the PDF failed: %s", e ? qpdf_get_error_full_text(q, e) : "libqpdf error");
    }
    qpdf_cleanup(&q);
    free(mem);
    return ok;
}

static void draw_one(Pages *p, const Page *pg, void *ud)
{
    cairo_t *cr = ud;
    cairo_pdf_surface_set_size(cairo_get_target(cr), pg->m->w, pg->m->h);
    draw_page(p, cr, pg);
    cairo_show_page(cr);
    pages_release(p, pg->number - 1);
}

/* Draw every page with cairo into the file raw, then finish it into out. */
static bool render_fd(Pages *p, int raw, int out)
{
    if (!p->total) return false;
    const Master *m0 = &p->masters[p->section_master[0]]; /* the first page's */
    Out *o = xcalloc(1, sizeof *o);
    o->fd = raw;
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_out, o, m0->w, m0->h);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, p->title ? p->title : "");
    if (p->author) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, p->author);
    if (p->subject) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, p->subject);
    if (p->keywords) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, p->keywords);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "dossier " DOSSIER_VERSION);
    /* a fixed date so that cairo never reads the clock; finish() writes the real one */
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
    cairo_t *cr = cairo_create(s);
    subfonts_attach(p->subfonts, cr);
    pages_each(p, draw_one, cr);
    time_mark("pages drawn");
    flow_reset(p); /* what the last pages held */
    pages_drawn(p);
    outline(p, s);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (st == CAIRO_STATUS_SUCCESS && !out_flush(o)) st = CAIRO_STATUS_WRITE_ERROR;
    int err = o->err;
    free(o);
    if (st != CAIRO_STATUS_SUCCESS) {
        diag_system("drawing the PDF failed: %s", err ? strerror(err) : cairo_status_to_string(st));
        return false;
    }
    time_mark("cairo's file");
    bool ok = finish(p, raw, out);
    time_mark("libqpdf");
    return ok;
}

/* Render into an unnamed temporary file: its descriptor, or -1 (reported).
 * cairo's own file is closed (and so gone) before this returns. */
static int render_temp(Pages *p)
{
    int raw = output_temp();
    if (raw < 0) return -1;
    int fin = output_temp();
    bool ok = fin >= 0 && render_fd(p, raw, fin);
    close(raw);
    if (!ok && fin >= 0) close(fin);
    return ok ? fin : -1;
}

bool render_pdf(Pages *p, Buf *out)
{
    int fin = render_temp(p);
    bool ok = fin >= 0;
    struct stat st;
    if (ok && fstat(fin, &st) != 0) ok = false, diag_system("reading the PDF back failed: %s", strerror(errno));
    if (ok) {
        /* the finished file into out's memory, once */
        size_t len = (size_t)st.st_size, got = 0;
        char *b = buf_reserve(out, len);
        while (ok && got < len) {
            ssize_t r = pread(fin, b + got, len - got, (off_t)got);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) ok = false, diag_system("reading the PDF back failed: %s", r < 0 ? strerror(errno) : "short file");
            else got += (size_t)r;
        }
        if (ok) out->len += len, out->s[out->len] = 0;
    }
    if (fin >= 0) close(fin);
    return ok;
}

bool render_pdf_file(Pages *p, const char *dir, const char *name)
{
    int fin = render_temp(p);
    bool ok = fin >= 0 && output_write_fd(dir, name, fin);
    if (fin >= 0) close(fin);
    return ok;
}
