/*
 * tree.h: build a small input tree in a temporary directory from strings
 * and load it, for tests of the loaders and of compute.
 */
#ifndef DOSSIER_TEST_TREE_H
#define DOSSIER_TEST_TREE_H

#include "../../src/model.h"

typedef struct TreeFile {
    const char *path, *text;
} TreeFile;

/* The files of a minimal organisation (organisation.xml with the roles the
 * default policy needs, a 24x7 and an office calendar in Asia/Shanghai).
 * A test's files are written over them (same path replaces). Returns the
 * model; *errors gets the number of errors loading reported. */
Model *tree_load(const TreeFile *files, int *errors);
/* The datadir of the repository (schemas/), for the loaders. */
const char *tree_datadir(void);

#endif
