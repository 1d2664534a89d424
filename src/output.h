/*
 * output.h: writing results so that nothing is ever half-written under its
 * final name, and a failed build changes nothing. Files are staged: each is
 * written to a temporary name in its directory and flushed to disk; when
 * the whole build has succeeded, output_commit renames them all into place;
 * otherwise output_abort removes them. Temporary files still staged when
 * the process dies of a signal or runs out of memory are removed.
 */
#ifndef DOSSIER_OUTPUT_H
#define DOSSIER_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

/* Create dir and its parents. Reports and returns false on failure. */
bool output_mkdir(const char *dir);
/* Write data to a temporary file for dir/name. Reports (as a failure of
 * the machine) and returns false on failure. */
bool output_stage(const char *dir, const char *name, const void *data, size_t len);
/* A staged file written by the caller, from any thread: open (on the
 * thread that stages the others, -1 reported on failure), put, close.
 * final is the name reports give. */
int output_stage_open(const char *dir, const char *name, const char **final);
bool output_stage_put(int fd, const void *data, size_t len, const char *final);
bool output_stage_close(int fd, bool ok, const char *final);
/* The same with the bytes of an open file (read from its start). */
bool output_stage_fd(const char *dir, const char *name, int src);
/* Stage and commit one file from an open file at once. */
bool output_write_fd(const char *dir, const char *name, int src);
/* An unnamed temporary file in TMPDIR (or /tmp), open for reading and
 * writing; it goes when it is closed. -1 (reported) on failure. */
int output_temp(void);
/* Rename every staged file into place; false (reported) if one fails. */
bool output_commit(void);
/* Remove every staged file. */
void output_abort(void);
/* Stage and commit one file at once. */
bool output_write(const char *dir, const char *name, const void *data, size_t len);
/* Remove temporary files (signal handler, out of memory). */
void output_cleanup(void);
/* In a worker process: forget the parent's staged files, so that the
 * worker's own exit or failure never removes them. */
void output_forget(void);
/* Install the handlers that call output_cleanup on SIGINT/SIGTERM/SIGHUP. */
void output_install_signals(void);
/* Called by a thread of the build: the signals above go to the main
 * thread, which blocks them while it stages a file. */
void output_signals_elsewhere(void);

#endif
