/*
 * diag.h: diagnostics. Stages report problems here and never print or exit;
 * main() prints them once, sorted by file, line and column, and chooses the
 * exit status. Format (GNU style): path:line:col: error: message
 *
 * A message reported as "weak" (the generic words of a schema validator) is
 * dropped when a precise message of dossier's own lands on the same line of
 * the same file, so each problem is told once, in the clearest words.
 */
#ifndef DOSSIER_DIAG_H
#define DOSSIER_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

/* Exit statuses, documented in the README and in --help. */
enum {
    EXIT_DONE = 0,    /* done */
    EXIT_SOURCES = 1, /* the sources have errors */
    EXIT_USAGE = 2,   /* wrong usage */
    EXIT_SYSTEM = 3   /* a failure of the machine: I/O, memory */
};

typedef enum { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR } DiagLevel;

/* file may be NULL (a message about the run, printed as "dossier:").
 * line/col 0 = unknown. */
void diag_report(DiagLevel lv, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void diag_vreport(DiagLevel lv, bool weak, const char *file, int line, int col, const char *fmt,
                  va_list ap);
/* An error in a validator's generic words (see above). */
void diag_weak(const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A failure of the machine (I/O): an error that makes the exit status 3. */
void diag_system(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* With strict set, warnings count as errors. */
void diag_set_strict(bool on);
int diag_error_count(void);
int diag_warning_count(void);
bool diag_system_failed(void);
/* Print every message, sorted, and forget them. */
void diag_flush(FILE *out);
/* The exit status the messages so far call for. */
int diag_exit_status(void);
/* Forget every message (tests; a worker process at its start). */
void diag_reset(void);

/* A worker process's messages, to hand to its parent: diag_export writes
 * every message into buf (a byte format private to these two functions);
 * diag_import adds them as if reported here. Import returns false when the
 * bytes are not such a record. */
struct Buf;
void diag_export(struct Buf *buf);
bool diag_import(const char *data, size_t len, size_t *used);

#endif
