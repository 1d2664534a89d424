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

static Page *page_new(Pages *p, const Master *m, size_t start, double split)
{
    if (p->npages && p->done + p->npages >= LIMIT_PAGES) {
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
    pg->number = p->done + p->npages;
    p->pager.start = start;
    p->pager.split = split;
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
    for (int r = 0; r < t->header_rows && r < t->nrows; r++) {
        Item *it = &t->head[r];
        place(pg, it, y, 0, it->h)->repeat = true;
        y += it->h;
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

/* A finished page: where its headings and anchors landed, its section, and
 * the last page of each paragraph on it (so that a layout made again for
 * drawing can be dropped after it). */
static void settle(Pages *p, Page *pg)
{
    int i = pg->number - 1;
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
    for (size_t k = 0; k < pg->n; k++) {
        Item *it = pg->v[k].it;
        if (it->kind != IT_MARK) continue;
        if (it->heading) {
            it->heading->page = i + 1;
            it->heading->y = pg->v[k].y;
            it->heading->m = pg->m;
            if (it->heading->level == 1) p->pager.section = it->heading->title;
            for (int a = 0; a < p->nanchors; a++)
                if (p->anchors[a].heading == it->heading)
                    p->anchors[a].page = i + 1, p->anchors[a].y = pg->v[k].y, p->anchors[a].m = pg->m;
        }
        if (it->anchor)
            for (int a = 0; a < p->nanchors; a++)
                if (strcmp(p->anchors[a].id, it->anchor) == 0)
                    p->anchors[a].page = i + 1, p->anchors[a].y = pg->v[k].y, p->anchors[a].m = pg->m;
    }
    pg->section = p->pager.section ? xstrdup(p->pager.section) : NULL;
}

/* While streaming: free the items before `cut` and the paragraphs and
 * tables only they showed. */
static void let_go(Pages *p, size_t cut)
{
    if (cut <= p->base) return;
    size_t n = cut - p->base;
    for (size_t i = 0; i < n; i++) item_free(&p->items[i]);
    memmove(p->items, p->items + n, (p->nitems - n) * sizeof *p->items);
    p->nitems -= n;
    p->base = cut;
    size_t keep = 0, cursor = 0;
    for (size_t i = 0; i < p->nparas; i++) {
        Para *pa = p->paras[i];
        if (pa->until && pa->until <= cut && pa->has_ref) {
            para_drop(pa); /* kept with its lines, for refs_settle at the end of the pass */
            p->paras[keep++] = pa;
            if (i < p->drop_cursor) cursor++;
        } else if (pa->until && pa->until <= cut) {
            for (size_t r = 0; r < p->nrebuilt; r++)
                if (p->rebuilt[r] == pa) p->rebuilt[r--] = p->rebuilt[--p->nrebuilt];
            para_free(pa);
        } else {
            if (i < p->drop_cursor) cursor++;
            p->paras[keep++] = pa;
        }
    }
    p->nparas = keep;
    p->drop_cursor = cursor;
    keep = 0;
    for (size_t i = 0; i < p->ntables; i++) {
        if (p->tables[i]->until && p->tables[i]->until <= cut) table_free(p->tables[i]);
        else p->tables[keep++] = p->tables[i];
    }
    p->ntables = keep;
}

void paginate(Pages *p, bool final)
{
    Pager *g = &p->pager;
    size_t end_all = p->base + p->nitems;
    for (; g->s < p->nsections; g->s++) {
        const Master *m = &p->masters[p->section_master[g->s]];
        double avail = m->h - m->top - m->bottom;
        size_t end = g->s + 1 < p->nsections ? p->section_start[g->s + 1] : end_all;
        Page *pg;
        if (g->open) {
            /* the open page again, from its start, with what has come since */
            pg = &p->pages[p->npages - 1];
            pg->n = 0;
        } else {
            pg = page_new(p, m, p->section_start[g->s], 0);
            g->open = true;
        }
        size_t sec0 = p->section_start[g->s];
        double y = 0;
        bool boxes = false;       /* a box is on this page */
        bool has_brk = false;     /* a legal break is on this page */
        size_t brk = 0;           /* index of the last legal break on this page */
        size_t brk_n = 0;         /* placed count at that break */
        double split_from = g->split; /* the part of a split row still to place */
        for (size_t i = g->start; i < end; i++) {
            Item *it = &p->items[i - p->base];
            switch (it->kind) {
            case IT_GLUE:
                if (!boxes) break;
                if (!it->nobreak) brk = i, has_brk = true, brk_n = pg->n;
                y += it->h;
                break;
            case IT_PENALTY:
                if (it->penalty <= PEN_FORCE) {
                    if (boxes) {
                        pg = page_new(p, m, i + 1, 0);
                        y = 0, boxes = false, has_brk = false;
                    }
                } else if (it->penalty < PEN_INF && boxes) {
                    brk = i, has_brk = true, brk_n = pg->n;
                }
                break;
            case IT_MARK:
                place(pg, it, y, 0, 0);
                break;
            default: {
                if (!boxes && it->kind == IT_ROW && it->row >= it->table->header_rows && it->table->header_rows > 0 &&
                    pg->number > 1) {
                    /* a table's body continues here: its header rows first */
                    bool table_above = false;
                    for (size_t k = 0; k < pg->n; k++) table_above |= pg->v[k].it->table == it->table;
                    if (!table_above && i > 0) {
                        const Item *prev = NULL;
                        for (size_t k = i; k-- > sec0 && k >= p->base;)
                            if (is_box(&p->items[k - p->base])) { prev = &p->items[k - p->base]; break; }
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
                if (!boxes || (pg->n && pg->v[pg->n - 1].it->kind == IT_ROW && it->kind == IT_ROW && !has_brk && h > avail)) {
                    if (it->kind == IT_ROW && h > avail - y) {
                        /* a row taller than a page: split it */
                        double cut = row_cut(p, it, split_from, avail - y);
                        place(pg, it, y, split_from, cut);
                        split_from = cut;
                        pg = page_new(p, m, i, cut);
                        y = 0, boxes = false, has_brk = false;
                        i--; /* the rest of the same row */
                        break;
                    }
                    if (!g->warned_tall) {
                        g->warned_tall = true;
                        diag_report(DIAG_WARNING, NULL, 0, 0,
                                    "a block %.1f mm tall does not fit on a page of %.1f mm; it overflows the page",
                                    it->h / MM, avail / MM);
                    }
                    place(pg, it, y, 0, it->h);
                    y += it->h;
                    boxes = true;
                    break;
                }
                if (has_brk) {
                    pg->n = brk_n; /* what came after the break goes over */
                    i = brk;
                } else {
                    i--; /* no break on this page: this box starts the next */
                }
                pg = page_new(p, m, i + 1, 0);
                y = 0, boxes = false, has_brk = false;
                break;
            }
            }
        }
        /* a section that ends with nothing but marks on its last page keeps it */
        if (g->s + 1 < p->nsections) g->open = false; /* its last page is finished */
        else break;                                   /* the flow's section: its last page stays open */
    }
    if (final) g->open = false;
    int finished = g->open ? p->npages - 1 : p->npages;
    if (!p->stream) {
        if (final)
            for (int i = 0; i < p->npages; i++) settle(p, &p->pages[i]);
        return;
    }
    for (int i = 0; i < finished; i++) {
        Page *pg = &p->pages[i];
        settle(p, pg);
        if (p->on_page) p->on_page(p, pg, p->on_page_ud);
        free(pg->v);
        free(pg->section);
    }
    memmove(p->pages, p->pages + finished, (size_t)(p->npages - finished) * sizeof *p->pages);
    p->npages -= finished;
    p->done += finished;
    /* what the open page, and the paginator's look back from it to the
     * box before, still need */
    size_t cut = p->base + p->nitems;
    if (g->open) {
        size_t sec0 = p->section_start[g->s];
        cut = g->start;
        while (cut > sec0 && cut > p->base && !is_box(&p->items[cut - 1 - p->base])) cut--;
        if (cut > sec0 && cut > p->base) cut--;
    }
    let_go(p, cut);
}

void paginate_flush(Pages *p)
{
    /* every few thousand items: a few pages at a time */
    if (p->stream && p->nitems >= p->flush_at) {
        paginate(p, false);
        p->flush_at = p->nitems + p->flush_every;
    }
}

void pages_each(Pages *p, PageFn fn, void *ud)
{
    if (!p->stream) {
        for (int i = 0; i < p->npages; i++) fn(p, &p->pages[i], ud);
        return;
    }
    /* the flow made again, the same as in the last pass, and each page
     * handed over as it is finished */
    p->on_page = fn;
    p->on_page_ud = ud;
    flow_reset(p);
    flow_document(p);
    paginate(p, true);
    p->on_page = NULL;
    p->on_page_ud = NULL;
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

static void dump_page(Pages *p, const Page *pg, void *ud)
{
    Buf *bp = ud, b = *bp;
    {
        if (pg->number > 1) pages_release(p, pg->number - 2);
        const Master *m = pg->m;
        buf_printf(&b, "page %d/%d master=%s size=%.2fx%.2f section=", pg->number, p->total, m->name, m->w, m->h);
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
                para_layout(p, it->para);
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
    *bp = b;
}

char *pages_dump(Pages *p)
{
    Buf b = {0};
    pages_each(p, dump_page, &b);
    return buf_steal(&b);
}
