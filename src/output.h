/*
 * output.h: writing results so that nothing is ever half-written under its
 * final name. Each file is written to a temporary name in the same
 * directory, flushed to disk and renamed into place; temporary files still
 * open when the process dies of a signal or runs out of memory are removed.
 */
#ifndef DOSSIER_OUTPUT_H
#define DOSSIER_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

/* Create dir and its parents. Reports and returns false on failure. */
bool output_mkdir(const char *dir);
/* Write data to dir/name atomically. Reports (as a failure of the machine)
 * and returns false on failure; the old file, if any, is left intact. */
bool output_write(const char *dir, const char *name, const void *data, size_t len);
/* Remove temporary files not yet renamed (signal handler, OOM). */
void output_cleanup(void);
/* Install the handlers that call output_cleanup on SIGINT/SIGTERM/SIGHUP. */
void output_install_signals(void);

#endif
