/*
 * fuzz.h: what the fuzz harnesses share. Each harness is a libFuzzer
 * target (LLVMFuzzerTestOneInput) built by `make fuzz` with clang,
 * -fsanitize=fuzzer,address,undefined; the same sources are built with the
 * normal compiler against replay.c, which runs a harness over files, so the
 * normal suite replays the corpora and every input that once crashed
 * (tests/fuzz/regress/HARNESS/).
 */
#ifndef DOSSIER_FUZZ_H
#define DOSSIER_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* dossier's data directory (schemas, stylesheets, templates): $DOSSIER_DATA
 * or the current directory; a scratch directory of the process's own. */
const char *fuzz_datadir(void);
const char *fuzz_scratch(void);
/* Write bytes to a file (replacing it); 0 on success. */
int fuzz_write(const char *path, const uint8_t *data, size_t size);
/* Copy a directory tree (for a base input tree); 0 on success. */
int fuzz_copy_tree(const char *from, const char *to);
/* The one-time set-up of libxml2 and dossier's seams. */
void fuzz_setup(void);

#endif
