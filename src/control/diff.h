/*
 * diff.h: what changed between two layout trees of a document, as lines a
 * reader understands (sections by number and title, table cells by row and
 * column). See diff.c.
 */
#ifndef DOSSIER_DIFF_H
#define DOSSIER_DIFF_H

#include <libxml/tree.h>

/* One line per change, from `from` to `to`; *count the number of lines.
 * Caller frees. */
char *layout_diff(xmlDoc *from, xmlDoc *to, int *count);

#endif
