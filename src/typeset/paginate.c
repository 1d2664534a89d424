/*
 * paginate.c: the vertical list into pages, greedily. Boxes are placed
 * while they fit; when one does not, the page ends at the last legal break
 * point on it (a glue that may break, a penalty below PEN_INF), and what
 * followed that point goes on the next page. Glue at the top of a page is
 * dropped. A page that starts in the middle of a table's body gets the
 * table's header rows (and its "continued" caption) first. A table row
 * taller than a whole page is split between lines of its cells; any other
 * box taller than a page is placed alone and reported.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../diag.h"
#include "../load/xml.h"
#include "typeset_int.h"

static Placed *place(Page *pg, Item *it, double y, double from, double to)
{
    if (pg->n == pg->cap) {
        pg->cap = pg->cap ? pg->cap * 2 : 64;
        pg->v = xrealloc(pg->v, pg->cap * sizeof *pg->v);
    }
    pg->v[pg->n].it = it;
    pg->v[pg->n].y = y;
    pg->v[pg->n].from = from;
    pg->v[pg->n].to = to;
    pg->v[pg->n].repeat = false;
    return &pg->v[pg->n++];
}

static Page *page_new(Pages *p, const Master *m)
{
    if (p->npages >= LIMIT_PAGES) {
        /* a limit of its own: the rest goes on the last page, and the
         * document fails with this message */
        if (!p->over_pages)
            diag_report(DIAG_ERROR, NULL, 0, 0, "the document runs over %d pages, the most a document may have", LIMIT_PAGES);
        p->over_pages = true;
        return &p->pages[p->npages - 1];
    }
    p->pages = xrealloc(p->pages, (size_t)(p->npages + 1) * sizeof *p->pages);
    Page *pg = &p->pages[p->npages++];
    memset(pg, 0, sizeof *pg);
    pg->m = m;
    return pg;
}

static bool is_box(const Item *it)
{
    return it->kind == IT_LINE || it->kind == IT_ROW || it->kind == IT_RULE || it->kind == IT_IMAGE ||
           it->kind == IT_CHART || it->kind == IT_SPACE;
}

/* Header rows (and the continued caption) of t at the top of a page;
 * returns the height they take. */
static double repeat_header(Page *pg, Table *t, Pages *p)
{
    double y = 0;
    if (t->continued) {
        /* the caption is drawn above the repeated rows; room is kept here */
        para_layout(p, t->continued);
        y += t->continued->height + 2;
    }
    for (size_t i = 0; i < p->nitems; i++) {
        Item *it = &p->items[i];
        if (it->kind == IT_ROW && it->table == t && it->row < t->header_rows) {
            place(pg, it, y, 0, it->h)->repeat = true;
            y += it->h;
        }
    }
    return y;
}

/* Where to cut a row taller than the room left: the top of the first line
 * (over all cells) that would cross `room`, so no line is cut in two. */
static double row_cut(Pages *p, const Item *it, double from, double room)
{
    const Row *row = &it->table->rows[it->row];
    double cut = from + room;
    const double pad_y = 2;
    for (int k = 0; k < row->ncells; k++) {
        const Cell *cell = &row->cells[k];
        double y = pad_y;
        for (int q = 0; q < cell->npara; q++) {
            Para *pa = cell->paras[q];
            para_layout(p, pa);
            for (int l = 0; l < pa->nlines; l++) {
                double top = y + pa->lines[l].top, bot = y + pa->lines[l].bottom;
                if (top >= from && bot > from + room && top < cut) cut = top;
            }
            y += pa->height + 2;
        }
    }
    if (cut <= from + 1) cut = from + room; /* one line taller than the page: cut through it */
    return cut;
}

void paginate(Pages *p)
{
    for (int i = 0; i < p->npages; i++) free(p->pages[i].v), free(p->pages[i].section);
    free(p->pages);
    p->pages = NULL;
    p->npages = 0;
    bool warned_tall = false;
    for (int s = 0; s < p->nsections; s++) {
        const Master *m = &p->masters[p->section_master[s]];
        double avail = m->h - m->top - m->bottom;
        size_t end = s + 1 < p->nsections ? (size_t)p->section_start[s + 1] : p->nitems;
        Page *pg = page_new(p, m);
        double y = 0;
        bool boxes = false;       /* a box is on this page */
        long brk = -1;            /* index of the last legal break on this page */
        size_t brk_n = 0;         /* placed count at that break */
        double split_from = 0;    /* the part of a split row still to place */
        for (size_t i = (size_t)p->section_start[s]; i < end; i++) {
            Item *it = &p->items[i];
            switch (it->kind) {
            case IT_GLUE:
                if (!boxes) break;
                if (!it->nobreak) brk = (long)i, brk_n = pg->n;
                y += it->h;
                break;
            case IT_PENALTY:
                if (it->penalty <= PEN_FORCE) {
                    if (boxes) {
                        pg = page_new(p, m);
                        y = 0, boxes = false, brk = -1;
                    }
                } else if (it->penalty < PEN_INF && boxes) {
                    brk = (long)i, brk_n = pg->n;
                }
                break;
            case IT_MARK:
                place(pg, it, y, 0, 0);
                break;
            default: {
                if (!boxes && it->kind == IT_ROW && it->row >= it->table->header_rows && it->table->header_rows > 0 &&
                    pg != &p->pages[0]) {
                    /* a table's body continues here: its header rows first */
                    bool table_above = false;
                    for (size_t k = 0; k < pg->n; k++) table_above |= pg->v[k].it->table == it->table;
                    if (!table_above && i > 0) {
                        const Item *prev = NULL;
                        for (size_t k = i; k-- > (size_t)p->section_start[s];)
                            if (is_box(&p->items[k])) { prev = &p->items[k]; break; }
                        if (prev && prev->kind == IT_ROW && prev->table == it->table) y += repeat_header(pg, it->table, p);
                    }
                }
                double h = it->h - split_from;
                if (y + h <= avail + 0.01) {
                    place(pg, it, y, split_from, it->h);
                    y += h;
                    boxes = true;
                    split_from = 0;
                    break;
                }
                if (!boxes || (pg->n && pg->v[pg->n - 1].it->kind == IT_ROW && it->kind == IT_ROW && brk < 0 && h > avail)) {
                    if (it->kind == IT_ROW && h > avail - y) {
                        /* a row taller than a page: split it */
                        double cut = row_cut(p, it, split_from, avail - y);
                        place(pg, it, y, split_from, cut);
                        split_from = cut;
                        pg = page_new(p, m);
                        y = 0, boxes = false, brk = -1;
                        i--; /* the rest of the same row */
                        break;
                    }
                    if (!warned_tall) {
                        warned_tall = true;
                        diag_report(DIAG_WARNING, NULL, 0, 0,
                                    "a block %.1f mm tall does not fit on a page of %.1f mm; it overflows the page",
                                    it->h / MM, avail / MM);
                    }
                    place(pg, it, y, 0, it->h);
                    y += it->h;
                    boxes = true;
                    break;
                }
                if (brk >= 0) {
                    pg->n = brk_n; /* what came after the break goes over */
                    i = (size_t)brk;
                } else {
                    i--; /* no break on this page: this box starts the next */
                }
                pg = page_new(p, m);
                y = 0, boxes = false, brk = -1;
                break;
            }
            }
        }
        /* a section that ends with nothing but marks on its last page keeps it */
    }
    /* the last page of each paragraph, so a layout made again for drawing
     * can be dropped after it */
    for (int i = 0; i < p->npages; i++) {
        Page *pg = &p->pages[i];
        for (size_t k = 0; k < pg->n; k++) {
            Item *it = pg->v[k].it;
            if (it->para) it->para->last_page = i;
            if (it->label_para) it->label_para->last_page = i;
            if (it->kind == IT_ROW) {
                const Row *row = &it->table->rows[it->row];
                for (int c = 0; c < row->ncells; c++)
                    for (int q = 0; q < row->cells[c].npara; q++) row->cells[c].paras[q]->last_page = i;
                if (it->table->continued) it->table->continued->last_page = i;
            }
        }
    }
    /* where the headings and anchors landed; the section of each page */
    const char *section = NULL;
    for (int i = 0; i < p->npages; i++) {
        Page *pg = &p->pages[i];
        for (size_t k = 0; k < pg->n; k++) {
            Item *it = pg->v[k].it;
            if (it->kind != IT_MARK) continue;
            if (it->heading) {
                it->heading->page = i + 1;
                it->heading->y = pg->v[k].y;
                if (it->heading->level == 1) section = it->heading->title;
                for (int a = 0; a < p->nanchors; a++)
                    if (p->anchors[a].heading == it->heading) p->anchors[a].page = i + 1, p->anchors[a].y = pg->v[k].y;
            }
            if (it->anchor)
                for (int a = 0; a < p->nanchors; a++)
                    if (strcmp(p->anchors[a].id, it->anchor) == 0) p->anchors[a].page = i + 1, p->anchors[a].y = pg->v[k].y;
        }
        pg->section = section ? xstrdup(section) : NULL;
    }
}

/* ---- the page dump ---- */

static void dump_text(Buf *b, const char *s)
{
    buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') buf_putc(b, '\\');
        if (*s == '\n') buf_puts(b, "\\n");
        else buf_putc(b, *s);
    }
    buf_putc(b, '"');
}

char *pages_dump(const Pages *p)
{
    Buf b = {0};
    for (int i = 0; i < p->npages; i++) {
        if (i) pages_release((Pages *)p, i - 1);
        const Page *pg = &p->pages[i];
        const Master *m = pg->m;
        buf_printf(&b, "page %d/%d master=%s size=%.2fx%.2f section=", i + 1, p->npages, m->name, m->w, m->h);
        dump_text(&b, pg->section ? pg->section : "");
        buf_putc(&b, '\n');
        for (size_t k = 0; k < pg->n; k++) {
            const Placed *pl = &pg->v[k];
            const Item *it = pl->it;
            double x = m->left + it->x, y = m->top + pl->y;
            switch (it->kind) {
            case IT_MARK:
                if (it->heading) {
                    buf_printf(&b, "  mark  y=%.2f heading %s ", y, it->heading->number);
                    dump_text(&b, it->heading->title);
                    buf_putc(&b, '\n');
                } else if (it->anchor) {
                    buf_printf(&b, "  mark  y=%.2f id %s\n", y, it->anchor);
                }
                break;
            case IT_LINE: {
                para_layout((Pages *)p, it->para);
                char *t = para_line_text(it->para, it->line);
                buf_printf(&b, "  line  x=%.2f y=%.2f w=%.2f h=%.2f ", x, y, it->w, it->h);
                dump_text(&b, t);
                if (it->toc) buf_printf(&b, " page=%d", it->toc->page);
                buf_putc(&b, '\n');
                free(t);
                break;
            }
            case IT_ROW: {
                const Row *row = &it->table->rows[it->row];
                buf_printf(&b, "  row   x=%.2f y=%.2f w=%.2f h=%.2f%s%s ", x, y, it->w, pl->to - pl->from,
                           row->header ? " header" : "", pl->from > 0 || pl->to < it->h ? " part" : "");
                Buf cells = {0};
                for (int c = 0; c < row->ncells; c++) {
                    if (c) buf_puts(&cells, " | ");
                    for (int q = 0; q < row->cells[c].npara; q++) {
                        /* at most 40 characters of each cell */
                        const char *t = row->cells[c].paras[q]->text;
                        const char *e = t;
                        for (int ch = 0; ch < 40 && *e; ch++) e = g_utf8_next_char(e);
                        buf_put(&cells, t, (size_t)(e - t));
                        if (*e) buf_puts(&cells, "...");
                    }
                }
                dump_text(&b, cells.s ? cells.s : "");
                buf_free(&cells);
                buf_putc(&b, '\n');
                break;
            }
            case IT_RULE:
                buf_printf(&b, "  rule  x=%.2f y=%.2f w=%.2f h=%.2f\n", x, y, it->w, it->h);
                break;
            case IT_SPACE:
                buf_printf(&b, "  space x=%.2f y=%.2f h=%.2f\n", x, y, it->h);
                break;
            case IT_IMAGE:
                buf_printf(&b, "  image x=%.2f y=%.2f w=%.2f h=%.2f\n", x, y, it->w, it->h);
                break;
            case IT_CHART: {
                char *t = chart_text(it->chart);
                buf_printf(&b, "  chart x=%.2f y=%.2f w=%.2f h=%.2f ", x, y, it->w, it->h);
                dump_text(&b, t);
                buf_putc(&b, '\n');
                free(t);
                break;
            }
            default:
                break;
            }
        }
    }
    return buf_steal(&b);
}
