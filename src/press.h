/*
 * press.h: typesetting in worker processes forked when `build` starts,
 * before the sources are read.
 *
 * Each worker holds only what typesetting needs: its fonts, the one layout
 * it is given and that layout's pages; the model, the facts and the other
 * layouts stay in the parent, which goes on making the next layout while
 * the workers typeset (with -j 1, the parent waits for its one worker).
 * A layout goes to a worker as its text (written into a file the two
 * share, so that neither ever blocks on the other); the worker sends back
 * its diagnostics, page count and PDF the same way.
 */
#ifndef DOSSIER_PRESS_H
#define DOSSIER_PRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "typeset/typeset.h"
#include "util.h"

typedef struct Press Press;

/* Typeset a layout into a PDF: false if it failed or reported an error. */
bool press_typeset(Typesetter *ts, const TypesetOptions *to, xmlDoc *layout, Buf *pdf, int *pages);

/* Fork n workers; NULL if a worker cannot be started (the caller then
 * typesets in its own process; a temporary file that cannot be made is
 * reported as a failure of the machine, as it would be when typesetting). */
Press *press_start(int n, const TypesetOptions *to);
/* Queue job id's layout text (taken over) of the given weight (elements);
 * it goes to the first idle worker, the heaviest queued first. */
void press_submit(Press *p, size_t id, Buf *text, size_t weight);
/* A finished job: id, and its result ([diagnostics][u32 pages][u64
 * length][PDF], as diag_export and the worker write them; ok false if
 * the worker failed). */
typedef struct {
    size_t id;
    bool ok;
    Buf result;
} PressDone;
/* The next finished job, waiting for one if wait; false when none is
 * finished (without wait) or none is left (with wait). */
bool press_next(Press *p, bool wait, PressDone *out);
/* Jobs queued or being typeset. */
size_t press_pending(const Press *p);
/* End the workers (their queued jobs are dropped) and wait for them. */
void press_stop(Press *p);

#endif
