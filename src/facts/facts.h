/*
 * facts.h: the facts document, what stylesheets read: the model (each
 * record copied from its source element, with the file and line it came
 * from) plus every computed figure of the period. Namespaces: facts
 * elements and attributes in urn:dossier:facts:1 (default, prefix f in
 * stylesheets), source elements in urn:dossier:1 (prefix d). See
 * docs/facts.md.
 */
#ifndef DOSSIER_FACTS_H
#define DOSSIER_FACTS_H

#include <libxml/tree.h>

#include "../compute/calc.h"
#include "../model.h"

#define FACTS_NS "urn:dossier:facts:1"

typedef struct FactsOptions {
    Date period; /* the month reported on (day 1) */
    int lang;    /* LANG_ZH or LANG_EN: the language asked for, 0 = each document's own */
    /* Move the source records into the facts document rather than copy
     * them (a build of the M organisation peaked at 1314 MiB with copies,
     * 1032 MiB without): the model's record nodes are
     * then in it, so it must be freed (facts_free) only after the last
     * use of the model. Later facts documents copy them. */
    bool take;
} FactsOptions;

/* Build the facts document; caller frees it with facts_free. */
xmlDoc *facts_build(const Model *m, const Calc *c, const FactsOptions *opt);
void facts_free(xmlDoc *doc);

#endif
