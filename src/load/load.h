/*
 * load.h: the load stage. Reads every source file of an input tree safely,
 * validates each against its schema, reads it into the typed model, then
 * checks what spans files: references, dependency cycles, revision history.
 * Every problem is reported to diag; loading goes on past errors so one run
 * shows them all. The returned model is complete only if no error was
 * reported.
 */
#ifndef DOSSIER_LOAD_H
#define DOSSIER_LOAD_H

#include "../model.h"

typedef enum {
    SK_UNKNOWN,
    SK_ORGANISATION,
    SK_CALENDARS,
    SK_POLICIES,
    SK_SERVICES,
    SK_FUNCTIONS,
    SK_RISKS,
    SK_PLAN,
    SK_DRILL,
    SK_INCIDENTS,
    SK_OUTAGES,
    SK_CHANGES,
    SK_WORKLOAD,
    SK_SATISFACTION,
    SK_KPIS,
    SK_REGISTER,
    SK_COUNT
} SrcKind;

/* The namespace of every source element. */
#define DOSSIER_NS "urn:dossier:1"

typedef struct LoadOptions {
    const char *input;   /* the input tree */
    const char *datadir; /* holds schemas/ */
} LoadOptions;

Model *load_model(const LoadOptions *opt);

/* A path relative to the directory of base_rel (a file's path relative to
 * the input root), resolved lexically; NULL if absolute, a URL, or leading
 * out of the root. Caller frees. */
char *load_resolve(const char *base_rel, const char *path);

/* Root element name and schema file of a kind. */
const char *srckind_root(SrcKind k);
const char *srckind_schema(SrcKind k);

#endif
