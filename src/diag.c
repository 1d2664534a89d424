/*
 * diag.c: collects diagnostics, sorts them and prints them once.
 */
#include "diag.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct {
    DiagLevel level;
    bool weak;
    char *file;
    int line, col;
    char *msg;
    size_t seq; /* order of report, the last sort key */
} Diag;

static Diag *diags;
static size_t ndiags, capdiags;
static int nerrors, nwarnings;
static bool system_failed, strict;

void diag_set_strict(bool on) { strict = on; }

void diag_vreport(DiagLevel lv, bool weak, const char *file, int line, int col, const char *fmt,
                  va_list ap)
{
    if (lv == DIAG_WARNING && strict) lv = DIAG_ERROR;
    char *msg = xvasprintf(fmt, ap);
    char *f = file ? xstrdup(file) : NULL;
    /* the loading threads report too (src/load/load.c) */
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&lock);
    if (ndiags == capdiags) {
        capdiags = capdiags ? capdiags * 2 : 64;
        diags = xrealloc(diags, capdiags * sizeof *diags);
    }
    Diag *d = &diags[ndiags];
    d->level = lv;
    d->weak = weak;
    d->file = f;
    d->line = line;
    d->col = col;
    d->msg = msg;
    d->seq = ndiags++;
    if (lv == DIAG_ERROR) nerrors++;
    if (lv == DIAG_WARNING) nwarnings++;
    pthread_mutex_unlock(&lock);
}

void diag_report(DiagLevel lv, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(lv, false, file, line, col, fmt, ap);
    va_end(ap);
}

void diag_weak(const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(DIAG_ERROR, true, file, line, col, fmt, ap);
    va_end(ap);
}

void diag_system(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(DIAG_ERROR, false, NULL, 0, 0, fmt, ap);
    va_end(ap);
    system_failed = true;
}

int diag_error_count(void) { return nerrors; }
int diag_warning_count(void) { return nwarnings; }
bool diag_system_failed(void) { return system_failed; }

static int cmp_diag(const void *pa, const void *pb)
{
    const Diag *a = pa, *b = pb;
    /* messages about the run (no file) come first */
    if (!a->file != !b->file) return a->file ? 1 : -1;
    if (a->file) {
        int c = strcmp(a->file, b->file);
        if (c) return c;
    }
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    if (a->col != b->col) return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static const char *level_name(DiagLevel lv)
{
    return lv == DIAG_ERROR ? "error" : lv == DIAG_WARNING ? "warning" : "note";
}

/* A weak message is dropped when a strong one shares its file and line. */
static bool shadowed(size_t i)
{
    const Diag *d = &diags[i];
    if (!d->weak || !d->file) return false;
    for (size_t j = i; j-- > 0 && diags[j].file && strcmp(diags[j].file, d->file) == 0 &&
                       diags[j].line == d->line;)
        if (!diags[j].weak) return true;
    for (size_t j = i + 1; j < ndiags && diags[j].file && strcmp(diags[j].file, d->file) == 0 &&
                           diags[j].line == d->line;
         j++)
        if (!diags[j].weak) return true;
    return false;
}

void diag_flush(FILE *out)
{
    xsort(diags, ndiags, sizeof *diags, cmp_diag);
    /* the same message at the same place is told once (documents built one
     * after the other may each find it) */
    Map *told = map_new();
    char **keys = xcalloc(ndiags ? ndiags : 1, sizeof *keys);
    for (size_t i = 0; i < ndiags; i++) {
        const Diag *d = &diags[i];
        if (shadowed(i)) continue;
        keys[i] = xasprintf("%d\x1f%s\x1f%d\x1f%d\x1f%s", (int)d->level, d->file ? d->file : "", d->line, d->col, d->msg);
        if (map_get(told, keys[i])) continue;
        map_put(told, keys[i], (void *)1);
        if (!d->file)
            fprintf(out, "dossier: %s: %s\n", level_name(d->level), d->msg);
        else if (d->line > 0)
            fprintf(out, "%s:%d:%d: %s: %s\n", d->file, d->line, d->col > 0 ? d->col : 1,
                    level_name(d->level), d->msg);
        else
            fprintf(out, "%s: %s: %s\n", d->file, level_name(d->level), d->msg);
    }
    map_free(told);
    for (size_t i = 0; i < ndiags; i++) free(keys[i]);
    free(keys);
    fflush(out);
    for (size_t i = 0; i < ndiags; i++) {
        free(diags[i].file);
        free(diags[i].msg);
    }
    ndiags = 0;
}

int diag_exit_status(void)
{
    if (system_failed) return EXIT_SYSTEM;
    if (nerrors) return EXIT_SOURCES;
    return EXIT_DONE;
}

void diag_reset(void)
{
    for (size_t i = 0; i < ndiags; i++) {
        free(diags[i].file);
        free(diags[i].msg);
    }
    free(diags);
    diags = NULL;
    ndiags = capdiags = 0;
    nerrors = nwarnings = 0;
    system_failed = false;
}

/* ---- between processes ---------------------------------------------------- */

static void put_u32(Buf *b, uint32_t v) { buf_put(b, (const char *)&v, sizeof v); }

static void put_str(Buf *b, const char *s)
{
    uint32_t n = s ? (uint32_t)strlen(s) + 1 : 0;
    put_u32(b, n);
    if (s) buf_put(b, s, n - 1);
}

void diag_export(Buf *b)
{
    put_u32(b, (uint32_t)ndiags);
    put_u32(b, system_failed);
    for (size_t i = 0; i < ndiags; i++) {
        const Diag *d = &diags[i];
        put_u32(b, (uint32_t)d->level);
        put_u32(b, d->weak);
        put_u32(b, (uint32_t)d->line);
        put_u32(b, (uint32_t)d->col);
        put_str(b, d->file);
        put_str(b, d->msg);
    }
}

static bool get_u32(const char *data, size_t len, size_t *at, uint32_t *v)
{
    if (len - *at < sizeof *v) return false;
    memcpy(v, data + *at, sizeof *v);
    *at += sizeof *v;
    return true;
}

/* a string as put_str wrote it: NULL for none; *out owned by the caller */
static bool get_str(const char *data, size_t len, size_t *at, char **out)
{
    uint32_t n;
    if (!get_u32(data, len, at, &n)) return false;
    if (n == 0) {
        *out = NULL;
        return true;
    }
    if (len - *at < n - 1) return false;
    *out = xstrndup(data + *at, n - 1);
    *at += n - 1;
    return true;
}

static void add_raw(DiagLevel lv, bool weak, char *file, int line, int col, char *msg)
{
    if (ndiags == capdiags) {
        capdiags = capdiags ? capdiags * 2 : 64;
        diags = xrealloc(diags, capdiags * sizeof *diags);
    }
    diags[ndiags] = (Diag){lv, weak, file, line, col, msg, ndiags};
    ndiags++;
    if (lv == DIAG_ERROR) nerrors++;
    if (lv == DIAG_WARNING) nwarnings++;
}

bool diag_import(const char *data, size_t len, size_t *used)
{
    size_t at = 0;
    uint32_t n, sys;
    if (!get_u32(data, len, &at, &n) || !get_u32(data, len, &at, &sys)) return false;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t lv, weak, line, col;
        char *file = NULL, *msg = NULL;
        if (!get_u32(data, len, &at, &lv) || !get_u32(data, len, &at, &weak) || !get_u32(data, len, &at, &line) ||
            !get_u32(data, len, &at, &col) || lv > DIAG_ERROR || !get_str(data, len, &at, &file) ||
            !get_str(data, len, &at, &msg) || !msg) {
            free(file);
            free(msg);
            return false;
        }
        add_raw((DiagLevel)lv, weak != 0, file, (int)line, (int)col, msg);
    }
    if (sys) system_failed = true;
    *used = at;
    return true;
}
