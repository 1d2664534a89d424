/*
 * spans.h: sorted lists of disjoint half-open time intervals [a, b), in
 * Instants. Every operation is linear in the lengths of its inputs.
 */
#ifndef DOSSIER_SPANS_H
#define DOSSIER_SPANS_H

#include <stddef.h>

#include "../dtime.h"

typedef struct Span {
    Instant a, b;
} Span;

typedef struct Spans {
    Span *v;
    size_t n, cap;
} Spans;

/* Append [a, b); a must not precede the last span's start. Touching or
 * overlapping spans merge; empty spans are dropped. */
void spans_add(Spans *s, Instant a, Instant b);
/* Append [a, b) in any order, without merging; spans_normalise after. */
void spans_push(Spans *s, Instant a, Instant b);
/* Sort and merge an unordered list in place. */
void spans_normalise(Spans *s);
void spans_clear(Spans *s);
void spans_free(Spans *s);
Secs spans_total(const Spans *s);
/* out = x ∩ y, x − y (out is cleared first; it must not alias). */
void spans_intersect(const Spans *x, const Spans *y, Spans *out);
void spans_subtract(const Spans *x, const Spans *y, Spans *out);
/* out = x ∩ [a, b), finding the first span by binary search. */
void spans_clip(const Spans *x, Instant a, Instant b, Spans *out);

#endif
