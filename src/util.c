/*
 * util.c: the allocation seam, arenas, string maps and buffers.
 */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <string.h>

/* ---- the allocation seam ------------------------------------------------ */

static long fail_at = -1; /* the allocation number that fails; -1 = never */
static long alloc_count;
static void (*cleanup_fn)(void);

void alloc_seam_init(void)
{
    const char *s = getenv("DOSSIER_FAIL_ALLOC");
    if (s && *s) fail_at = strtol(s, NULL, 10);
}

void atexit_cleanup_set(void (*fn)(void)) { cleanup_fn = fn; }

_Noreturn void die_oom(void)
{
    if (cleanup_fn) cleanup_fn();
    fputs("dossier: error: out of memory\n", stderr);
    fflush(stderr);
    _Exit(3);
}

static int seam_fails(void)
{
    long n = __atomic_add_fetch(&alloc_count, 1, __ATOMIC_RELAXED); /* the loading threads too */
    return fail_at >= 0 && n == fail_at;
}

long alloc_count_get(void) { return __atomic_load_n(&alloc_count, __ATOMIC_RELAXED); }

bool alloc_seam_armed(void) { return fail_at >= 0; }

void time_mark(const char *name)
{
    static int on = -1;
    static struct timespec last;
    if (on < 0) {
        on = getenv("DOSSIER_TIMES") != NULL;
        clock_gettime(CLOCK_MONOTONIC, &last);
    }
    if (!on) return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    /* and the resident set now (pages, from /proc/self/statm) */
    long pages = 0, rss = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f && fscanf(f, "%ld %ld", &pages, &rss) != 2) rss = 0;
    if (f) fclose(f);
    fprintf(stderr, "dossier: time %s %.3f s, %ld MiB\n", name,
            (double)(now.tv_sec - last.tv_sec) + (double)(now.tv_nsec - last.tv_nsec) / 1e9,
            rss * (sysconf(_SC_PAGESIZE) / 1024) / 1024);
    last = now;
}

void *xmalloc(size_t n)
{
    void *p = seam_fails() ? NULL : malloc(n ? n : 1);
    if (!p) die_oom();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = seam_fails() ? NULL : calloc(n ? n : 1, size ? size : 1);
    if (!p) die_oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = seam_fails() ? NULL : realloc(p, n ? n : 1);
    if (!q) die_oom();
    return q;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

/* GCC 12 with -fsanitize=undefined warns of a null format string here,
 * wrongly: fmt is never NULL (every caller passes a literal). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-truncation"
char *xvasprintf(const char *fmt, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
    char probe[1];
    int n = vsnprintf(probe, sizeof probe, fmt, aq);
    va_end(aq);
    if (n < 0) n = 0;
    char *p = xmalloc((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}
#pragma GCC diagnostic pop

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = xvasprintf(fmt, ap);
    va_end(ap);
    return p;
}

/* ---- arenas ------------------------------------------------------------- */

typedef struct Block {
    struct Block *next;
    size_t used, size;
    max_align_t data[];
} Block;

struct Arena {
    Block *head;
};

enum { ARENA_BLOCK = 64 * 1024 };

Arena *arena_new(void) { return xcalloc(1, sizeof(Arena)); }

void *arena_alloc(Arena *a, size_t n)
{
    const size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    Block *b = a->head;
    if (!b || b->size - b->used < n) {
        bool big = n > ARENA_BLOCK / 2;
        size_t size = big ? n : ARENA_BLOCK;
        b = xmalloc(sizeof(Block) + size);
        b->used = 0;
        b->size = size;
        if (big && a->head) {
            /* a big one-off block goes behind the current one */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

void *vec_grow_fn(Arena *a, void *v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap) return v;
    size_t nc = *cap ? *cap * 2 : 8;
    void *nv = arena_alloc(a, nc * size);
    if (n) memcpy(nv, v, n * size);
    *cap = nc;
    return nv;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_strdup(Arena *a, const char *s) { return s ? arena_strndup(a, s, strlen(s)) : NULL; }

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *tmp = xvasprintf(fmt, ap);
    va_end(ap);
    char *p = arena_strdup(a, tmp);
    free(tmp);
    return p;
}

void arena_free(Arena *a)
{
    if (!a) return;
    Block *b = a->head;
    while (b) {
        Block *n = b->next;
        free(b);
        b = n;
    }
    free(a);
}

/* ---- maps: open addressing, FNV-1a ------------------------------------- */

typedef struct {
    const char *key;
    void *val;
} Slot;

struct Map {
    Slot *slots;
    size_t cap, count;
};

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

Map *map_new(void)
{
    Map *m = xcalloc(1, sizeof *m);
    m->cap = 16;
    m->slots = xcalloc(m->cap, sizeof(Slot));
    return m;
}

static Slot *map_find(const Map *m, const char *key)
{
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->slots[i].key && strcmp(m->slots[i].key, key) != 0) i = (i + 1) & (m->cap - 1);
    return &m->slots[i];
}

void *map_get(const Map *m, const char *key)
{
    if (!m || !key) return NULL;
    Slot *s = map_find(m, key);
    return s->key ? s->val : NULL;
}

bool map_put(Map *m, const char *key, void *val)
{
    if ((m->count + 1) * 4 > m->cap * 3) {
        Slot *old = m->slots;
        size_t oldcap = m->cap;
        m->cap *= 2;
        m->slots = xcalloc(m->cap, sizeof(Slot));
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].key) *map_find(m, old[i].key) = old[i];
        free(old);
    }
    Slot *s = map_find(m, key);
    if (s->key) return false;
    s->key = key;
    s->val = val;
    m->count++;
    return true;
}

size_t map_count(const Map *m) { return m ? m->count : 0; }

void map_free(Map *m)
{
    if (!m) return;
    free(m->slots);
    free(m);
}

/* ---- buffers ------------------------------------------------------------ */

char *buf_reserve(Buf *b, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 64;
        while (nc < b->len + n + 1) nc *= 2;
        b->s = xrealloc(b->s, nc);
        b->cap = nc;
    }
    return b->s + b->len;
}

void buf_put(Buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

void buf_puts(Buf *b, const char *s) { buf_put(b, s, strlen(s)); }
void buf_putc(Buf *b, char c) { buf_put(b, &c, 1); }

void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = xvasprintf(fmt, ap);
    va_end(ap);
    buf_puts(b, p);
    free(p);
}

char *buf_steal(Buf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void buf_free(Buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void xsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (base && n > 1) qsort(base, n, size, cmp);
}

/* ---- strings ------------------------------------------------------------ */

bool str_eq(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return strcmp(a, b) == 0;
}

bool str_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

int cmp_str_ptr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *path_join(const char *dir, const char *rel)
{
    if (!dir || !*dir || strcmp(dir, ".") == 0) return xstrdup(rel);
    size_t n = strlen(dir);
    return xasprintf("%s%s%s", dir, dir[n - 1] == '/' ? "" : "/", rel);
}
