/*
 * pack.h: the audit pack (see pack.c and docs/control.md).
 */
#ifndef DOSSIER_PACK_H
#define DOSSIER_PACK_H

#include "build.h"

/* Assemble the pack for a standard (templates/clauses/STANDARD.xml) into
 * dir, which must be new or empty, with nothing classified above max_class
 * (a classification level id). Files are staged; the caller commits.
 * Returns false (reported) on failure. */
bool documents_pack(const Model *m, const Calc *c, xmlDoc *facts, const BuildOptions *o, const Lock *lock,
                    const char *standard, const char *max_class, const char *dir);

#endif
