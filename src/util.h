/*
 * util.h: memory, arenas, growable arrays, string maps and buffers.
 *
 * Every allocation of dossier's own code goes through xmalloc and friends.
 * They never return NULL: on failure they print one line and exit with
 * status 3 (a failure of the machine) after the registered clean-up has
 * removed any temporary output, so output/ is left as it was. The same
 * seam lets tests make the N-th allocation fail (DOSSIER_FAIL_ALLOC=N).
 */
#ifndef DOSSIER_UTIL_H
#define DOSSIER_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <stdint.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; caller frees */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);
_Noreturn void die_oom(void);
/* Read the allocation-failure seam from the environment (main calls it once). */
void alloc_seam_init(void);
/* How many allocations went through the seam so far (DOSSIER_ALLOC_REPORT
 * prints it at exit, for the fault tests). */
long alloc_count_get(void);
/* DOSSIER_FAIL_ALLOC is set: work that would run in threads runs in one,
 * so that the N-th allocation is always the same one. */
bool alloc_seam_armed(void);

/* With DOSSIER_TIMES set, print to stderr the wall time since the previous
 * mark (or the start) under a name: "dossier: time NAME 0.123 s". */
void time_mark(const char *name);
/* Called by die_oom before exiting: removes temporary files. */
void atexit_cleanup_set(void (*fn)(void));

/* An arena: many small allocations freed at once. */
typedef struct Arena Arena;
Arena *arena_new(void);
void *arena_alloc(Arena *a, size_t n); /* zeroed, aligned for any type */
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(Arena *a);

/* A growable array of T, living in an arena (old storage is abandoned on
 * growth, so pointers into it are stable only once loading is over). */
#define VEC(T) struct { T *v; size_t n, cap; }
void *vec_grow_fn(Arena *a, void *v, size_t n, size_t *cap, size_t size);
#define vec_grow(A, V) ((V)->v = vec_grow_fn((A), (V)->v, (V)->n, &(V)->cap, sizeof(*(V)->v)))
/* append a zeroed element and return a pointer to it */
#define vec_add(A, V) (vec_grow((A), (V)), memset(&(V)->v[(V)->n], 0, sizeof(*(V)->v)), &(V)->v[(V)->n++])
#define vec_push(A, V, X) (vec_grow((A), (V)), (V)->v[(V)->n++] = (X))

/* A map from string keys to pointers. Never iterate it for output: its
 * order is not defined. Keys are not copied; they must outlive the map. */
typedef struct Map Map;
Map *map_new(void);
void *map_get(const Map *m, const char *key);
/* false (and no change) if the key is present already */
bool map_put(Map *m, const char *key, void *val);
size_t map_count(const Map *m);
void map_free(Map *m);

/* A growable string on the heap. */
typedef struct Buf {
    char *s;
    size_t len, cap;
} Buf;
void buf_put(Buf *b, const char *s, size_t n);
/* Room for n more bytes (and a NUL); returns where they go. */
char *buf_reserve(Buf *b, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *buf_steal(Buf *b); /* returns the string (never NULL), resets b */
void buf_free(Buf *b);

/* qsort that accepts an empty or NULL array (qsort's base must not be NULL). */
void xsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* String helpers */
bool str_eq(const char *a, const char *b); /* NULL-safe */
bool str_has_suffix(const char *s, const char *suffix);
int cmp_str_ptr(const void *a, const void *b); /* qsort over char * */

/* Join a directory and a relative path; caller frees. */
char *path_join(const char *dir, const char *rel);

#endif
