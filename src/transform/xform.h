/*
 * xform.h: the transform stage. One XSLT 1.0 stylesheet per document kind
 * (stylesheets/<kind>.xsl, sharing stylesheets/common.xsl) turns the facts
 * into a layout tree for one register document in one language. Stylesheets
 * run with libxslt's security preferences: no file or directory is
 * written, nothing is read from the network, and document() reads only
 * under the input tree and dossier's data directory (stylesheets,
 * templates). EXSLT functions are available; exsl:document, a write, is
 * refused. The tree a stylesheet makes is validated against
 * schemas/layout.rng before it reaches the typesetter.
 */
#ifndef DOSSIER_XFORM_H
#define DOSSIER_XFORM_H

#include <libxml/tree.h>
#include <stdbool.h>

typedef struct Xform Xform;

/* datadir holds stylesheets/, templates/ and schemas/. */
Xform *xform_new(const char *datadir);
void xform_free(Xform *x);

/* Compile the stylesheet of a kind now (it is compiled once per run);
 * false (reported) if it is missing or does not compile. */
bool xform_prepare(Xform *x, const char *kind);

/* The layout tree of document `number` of `kind` in `lang`; NULL (after
 * reporting) if the stylesheet fails or its tree is not valid. Caller
 * frees with xmlFreeDoc. */
xmlDoc *xform_document(Xform *x, xmlDoc *facts, const char *kind, const char *number, const char *lang);
/* The same, with nothing classified above max_class (a classification
 * level id) shown: the stylesheets' $max-class, for the audit pack. */
xmlDoc *xform_document_limited(Xform *x, xmlDoc *facts, const char *kind, const char *number, const char *lang,
                               const char *max_class);

#endif
