/*
 * spans.c: interval lists.
 */
#include "spans.h"

#include <stdlib.h>

#include "../util.h"

void spans_add(Spans *s, Instant a, Instant b)
{
    if (b <= a) return;
    if (s->n && a <= s->v[s->n - 1].b) {
        if (b > s->v[s->n - 1].b) s->v[s->n - 1].b = b;
        return;
    }
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n].a = a;
    s->v[s->n].b = b;
    s->n++;
}

void spans_push(Spans *s, Instant a, Instant b)
{
    if (b <= a) return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n].a = a;
    s->v[s->n].b = b;
    s->n++;
}

static int cmp_span(const void *x, const void *y)
{
    const Span *p = x, *q = y;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

void spans_normalise(Spans *s)
{
    xsort(s->v, s->n, sizeof *s->v, cmp_span);
    size_t n = s->n;
    s->n = 0;
    for (size_t i = 0; i < n; i++) spans_add(s, s->v[i].a, s->v[i].b);
}

void spans_clear(Spans *s) { s->n = 0; }

void spans_free(Spans *s)
{
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

Secs spans_total(const Spans *s)
{
    Secs t = 0;
    for (size_t i = 0; i < s->n; i++) t += s->v[i].b - s->v[i].a;
    return t;
}

void spans_intersect(const Spans *x, const Spans *y, Spans *out)
{
    spans_clear(out);
    size_t i = 0, j = 0;
    while (i < x->n && j < y->n) {
        Instant a = x->v[i].a > y->v[j].a ? x->v[i].a : y->v[j].a;
        Instant b = x->v[i].b < y->v[j].b ? x->v[i].b : y->v[j].b;
        spans_add(out, a, b);
        if (x->v[i].b < y->v[j].b) i++;
        else j++;
    }
}

void spans_subtract(const Spans *x, const Spans *y, Spans *out)
{
    spans_clear(out);
    size_t j = 0;
    for (size_t i = 0; i < x->n; i++) {
        Instant a = x->v[i].a, b = x->v[i].b;
        while (j < y->n && y->v[j].b <= a) j++;
        size_t k = j;
        while (a < b && k < y->n && y->v[k].a < b) {
            if (y->v[k].a > a) spans_add(out, a, y->v[k].a);
            if (y->v[k].b > a) a = y->v[k].b;
            k++;
        }
        if (a < b) spans_add(out, a, b);
    }
}

void spans_clip(const Spans *x, Instant a, Instant b, Spans *out)
{
    spans_clear(out);
    size_t lo = 0, hi = x->n;
    while (lo < hi) { /* first span ending after a */
        size_t mid = (lo + hi) / 2;
        if (x->v[mid].b <= a) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i < x->n && x->v[i].a < b; i++)
        spans_add(out, x->v[i].a > a ? x->v[i].a : a, x->v[i].b < b ? x->v[i].b : b);
}
