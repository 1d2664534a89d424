/*
 * build.h: the documents of the register, made, checked against the
 * release lock, reused when unchanged, and released.
 *
 * For each document in each language: the period its figures are for (the
 * build's, or for a released non-periodic document the period frozen in the
 * lock), the layout tree from its stylesheet and the tree's content hash;
 * a released version whose content changed is an error naming what
 * changed. `build` then reuses the PDF already in the output directory when
 * the manifest says it was made from the same content by the same engine,
 * typesets the others (in worker processes with -j), stages every file and
 * writes the manifest. `check` stops after the lock check. See
 * docs/control.md.
 */
#ifndef DOSSIER_BUILD_H
#define DOSSIER_BUILD_H

#include <stdbool.h>

#include "compute/calc.h"
#include "control/control.h"
#include "model.h"
#include "press.h"

typedef struct BuildOptions {
    const char *input, *output, *datadir;
    Date period;      /* the build's period */
    int lang;         /* 0: each document's own languages */
    int jobs;         /* documents typeset at once */
    Press *press;     /* the typesetting workers (NULL: in this process,
                       * or forked per document with jobs > 1) */
    const char *only; /* a document number, or NULL for all */
    bool write;       /* false: check only (no typesetting, nothing written) */
    const ManFile *extra; /* other files the build staged (facts.xml, metrics.json) */
    size_t nextra;
} BuildOptions;

/* The file a document is written to: number, period for periodic reports,
 * version (a '/' of the A/1 scheme becomes '-'), language. */
char *document_file(const Document *d, Date period, const char *lang);
bool kind_is_periodic(const char *kind);

/* Build (or check) the documents. c and facts are those of o->period;
 * figures of other periods are computed as needed. Files are staged;
 * the caller commits or aborts. */
void documents_build(const Model *m, const Calc *c, xmlDoc *facts, const BuildOptions *o, const Lock *lock);

/* dossier release NUMBER: build the document's editions for o->period (for
 * a non-periodic document: the period it is frozen at from now on), record
 * them in the lock and write the snapshots of their content under
 * input/releases/. */
bool documents_release(const Model *m, const Calc *c, xmlDoc *facts, const BuildOptions *o, Lock *lock,
                       const char *number);

/* The snapshot of a released edition's layout tree (input/releases/...). */
char *snapshot_path(const char *input, const char *number, const char *version, bool periodic, Date period,
                    const char *lang);

/* The layout tree of a document in a language for its period (the
 * build's, or the frozen one of a released version); NULL (reported) on
 * failure. */
xmlDoc *document_layout(const Model *m, const Calc *c, xmlDoc *facts, const BuildOptions *o, const Lock *lock,
                        const Document *d, const char *lang, Date *period_out);

/* ---- for pack.c ---- */

/* The facts of the build's period and of any other period asked for. */
typedef struct FactsCache FactsCache;
FactsCache *facts_cache_new(const Model *m, const Calc *c, xmlDoc *facts, Date period, int lang);
xmlDoc *facts_of(FactsCache *fc, Date period);
void facts_cache_free(FactsCache *fc);
/* The lock entry of a document's current version (for a periodic report,
 * of the period). */
const LockEntry *lock_for(const Lock *lock, const Document *d, Date period);
/* Report when a released edition's content differs from its lock. */
void lock_content_check(const Model *m, const char *datadir, const Document *d, const char *lang, Sha layout,
                        const LockEntry *e, const char *lock_path);

#endif
