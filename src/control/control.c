/*
 * control.c: checksums (GLib's GChecksum), the release lock and the output
 * manifest (JSON through json-glib), and verify.
 */
#include "control.h"

#include <dirent.h>
#include <errno.h>
#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../diag.h"
#include "../load/xml.h"
#include "../output.h"

/* ---- checksums ---------------------------------------------------------- */

Sha sha256_mem(const void *data, size_t len)
{
    Sha s;
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(c, data, (gssize)len);
    snprintf(s.hex, sizeof s.hex, "%s", g_checksum_get_string(c));
    g_checksum_free(c);
    return s;
}

Sha256 *sha256_begin(void)
{
    return (Sha256 *)g_checksum_new(G_CHECKSUM_SHA256);
}

void sha256_put(Sha256 *h, const void *data, size_t len)
{
    g_checksum_update((GChecksum *)h, data, (gssize)len);
}

Sha sha256_end(Sha256 *h)
{
    Sha s;
    snprintf(s.hex, sizeof s.hex, "%s", g_checksum_get_string((GChecksum *)h));
    g_checksum_free((GChecksum *)h);
    return s;
}

bool sha256_file(const char *path, Sha *out)
{
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    unsigned char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) g_checksum_update(c, buf, (gssize)n);
    bool ok = !ferror(f);
    fclose(f);
    snprintf(out->hex, sizeof out->hex, "%s", g_checksum_get_string(c));
    g_checksum_free(c);
    return ok;
}

static void hash_images(GChecksum *c, const xmlNode *n, const char *root)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (strcmp((const char *)n->name, "image") == 0) {
            xmlChar *src = xmlGetProp(n, (const xmlChar *)"src");
            if (src) {
                char *path = path_join(root, (const char *)src);
                Sha s;
                g_checksum_update(c, (const guchar *)src, (gssize)strlen((const char *)src));
                if (sha256_file(path, &s)) g_checksum_update(c, (const guchar *)s.hex, 64);
                free(path);
                xmlFree(src);
            }
        }
        hash_images(c, n->children, root);
    }
}

Sha layout_hash(xmlDoc *layout, const char *image_root, char **text)
{
    xmlChar *mem = NULL;
    int len = 0;
    /* not indented: the snapshot reads back as the same tree, byte for byte */
    xmlDocDumpMemoryEnc(layout, &mem, &len, "UTF-8");
    if (!mem) die_oom();
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(c, mem, len);
    hash_images(c, xmlDocGetRootElement(layout), image_root ? image_root : ".");
    Sha s;
    snprintf(s.hex, sizeof s.hex, "%s", g_checksum_get_string(c));
    g_checksum_free(c);
    if (text) *text = xstrndup((const char *)mem, (size_t)len);
    xmlFree(mem);
    return s;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void digest_dir(GChecksum *c, const char *dir, const char *rel, const struct stat *skip, int depth)
{
    char *path = rel[0] ? path_join(dir, rel) : xstrdup(dir);
    DIR *d = depth < 32 ? opendir(path) : NULL;
    if (!d) {
        free(path);
        return;
    }
    char **names = NULL;
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        names = xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp_name);
    for (size_t i = 0; i < n; i++) {
        char *r = rel[0] ? path_join(rel, names[i]) : xstrdup(names[i]);
        char *full = path_join(dir, r);
        struct stat st;
        if (lstat(full, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                bool skipped = skip && skip->st_dev == st.st_dev && skip->st_ino == st.st_ino;
                if (!skipped) digest_dir(c, dir, r, skip, depth + 1);
            } else if (S_ISREG(st.st_mode)) {
                Sha s;
                g_checksum_update(c, (const guchar *)r, (gssize)strlen(r) + 1);
                if (sha256_file(full, &s)) g_checksum_update(c, (const guchar *)s.hex, 64);
            }
        }
        free(full);
        free(r);
        free(names[i]);
    }
    free(names);
    free(path);
}

Sha tree_digest(const char *const *dirs, const char *skip)
{
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    struct stat sk;
    bool has_skip = skip && stat(skip, &sk) == 0;
    for (size_t k = 0; dirs[k]; k++) {
        g_checksum_update(c, (const guchar *)"\001dir", 4);
        digest_dir(c, dirs[k], "", has_skip ? &sk : NULL, 0);
    }
    Sha s;
    snprintf(s.hex, sizeof s.hex, "%s", g_checksum_get_string(c));
    g_checksum_free(c);
    return s;
}

const char *engine_id(void)
{
    static Sha id;
    static bool done;
    if (!done) {
        done = true;
        if (!sha256_file("/proc/self/exe", &id)) snprintf(id.hex, sizeof id.hex, "%s", "unknown");
    }
    return id.hex;
}

/* ---- JSON helpers ---------------------------------------------------------- */

static const char *jstr(JsonObject *o, const char *k)
{
    if (!o || !json_object_has_member(o, k)) return NULL;
    JsonNode *n = json_object_get_member(o, k);
    return JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING ? json_node_get_string(n) : NULL;
}

static long long jint(JsonObject *o, const char *k, long long dflt)
{
    if (!o || !json_object_has_member(o, k)) return dflt;
    JsonNode *n = json_object_get_member(o, k);
    return JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_INT64 ? json_node_get_int(n) : dflt;
}

static JsonArray *jarr(JsonObject *o, const char *k)
{
    if (!o || !json_object_has_member(o, k)) return NULL;
    JsonNode *n = json_object_get_member(o, k);
    return JSON_NODE_HOLDS_ARRAY(n) ? json_node_get_array(n) : NULL;
}

/* a lock or manifest larger than a source may be is refused before it is
 * parsed */
static bool size_ok(const char *path, bool report)
{
    struct stat st;
    if (stat(path, &st) != 0 || st.st_size <= (off_t)LIMIT_FILE_BYTES) return true;
    if (report) diag_report(DIAG_ERROR, path, 0, 0, "file of %lld bytes; the limit is %d", (long long)st.st_size, LIMIT_FILE_BYTES);
    return false;
}

static bool is_sha(const char *s)
{
    if (!s || strlen(s) != 64) return false;
    for (const char *c = s; *c; c++)
        if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'f'))) return false;
    return true;
}

static bool parse_month(const char *s, Date *d)
{
    int y, m;
    char tail;
    if (!s || sscanf(s, "%4d-%2d%c", &y, &m, &tail) != 2 || m < 1 || m > 12 || y < YEAR_MIN || y > YEAR_MAX)
        return false;
    *d = (Date){y, m, 1};
    return true;
}

static char *to_json(JsonBuilder *b)
{
    JsonGenerator *g = json_generator_new();
    json_generator_set_pretty(g, TRUE);
    json_generator_set_indent(g, 2);
    JsonNode *root = json_builder_get_root(b);
    json_generator_set_root(g, root);
    gchar *s = json_generator_to_data(g, NULL);
    char *out = xasprintf("%s\n", s);
    g_free(s);
    json_node_unref(root);
    g_object_unref(g);
    return out;
}

static void kstr(JsonBuilder *b, const char *k, const char *v)
{
    json_builder_set_member_name(b, k);
    if (v) json_builder_add_string_value(b, v);
    else json_builder_add_null_value(b);
}

static void kint(JsonBuilder *b, const char *k, long long v)
{
    json_builder_set_member_name(b, k);
    json_builder_add_int_value(b, v);
}

/* ---- the release lock ---------------------------------------------------- */

#define LOCK_NAME "release.lock"

static void lock_bad(const char *path, const char *what, size_t i)
{
    diag_report(DIAG_ERROR, path, 0, 0, "release %zu: %s (the lock is written by `dossier release`; restore it from version control)",
                i + 1, what);
}

Lock *lock_read(const char *input_dir)
{
    Lock *l = xcalloc(1, sizeof *l);
    l->path = path_join(input_dir, LOCK_NAME);
    if (access(l->path, F_OK) != 0) return l;
    if (!size_ok(l->path, true)) {
        lock_free(l);
        return NULL;
    }
    JsonParser *p = json_parser_new();
    GError *err = NULL;
    if (!json_parser_load_from_file(p, l->path, &err)) {
        diag_report(DIAG_ERROR, l->path, 0, 0, "not a release lock: %s", err ? err->message : "unreadable");
        if (err) g_error_free(err);
        g_object_unref(p);
        lock_free(l);
        return NULL;
    }
    JsonNode *root = json_parser_get_root(p);
    JsonObject *ro = root && JSON_NODE_HOLDS_OBJECT(root) ? json_node_get_object(root) : NULL;
    JsonArray *rel = jarr(ro, "released");
    if (!ro || jint(ro, "format", 0) != 1 || !rel) {
        diag_report(DIAG_ERROR, l->path, 0, 0, "not a release lock of format 1 (an object with \"format\": 1 and \"released\")");
        g_object_unref(p);
        lock_free(l);
        return NULL;
    }
    bool ok = true;
    guint n = json_array_get_length(rel);
    l->v = xcalloc(n ? n : 1, sizeof *l->v);
    for (guint i = 0; i < n; i++) {
        JsonNode *en = json_array_get_element(rel, i);
        JsonObject *eo = JSON_NODE_HOLDS_OBJECT(en) ? json_node_get_object(en) : NULL;
        const char *num = jstr(eo, "number"), *ver = jstr(eo, "version"), *kind = jstr(eo, "kind"),
                   *per = jstr(eo, "period");
        LockEntry e = {0};
        if (!num || !ver || !kind || !parse_month(per, &e.period)) {
            lock_bad(l->path, "number, version, kind or period missing or malformed", i);
            ok = false;
            continue;
        }
        e.number = xstrdup(num);
        e.version = xstrdup(ver);
        e.kind = xstrdup(kind);
        e.periodic = json_object_has_member(eo, "periodic") && json_object_get_boolean_member(eo, "periodic");
        JsonArray *eds = jarr(eo, "editions"), *ins = jarr(eo, "inputs");
        guint ne = eds ? json_array_get_length(eds) : 0, ni = ins ? json_array_get_length(ins) : 0;
        e.ed = xcalloc(ne ? ne : 1, sizeof *e.ed);
        e.in = xcalloc(ni ? ni : 1, sizeof *e.in);
        for (guint k = 0; k < ne; k++) {
            JsonNode *x = json_array_get_element(eds, k);
            JsonObject *xo = JSON_NODE_HOLDS_OBJECT(x) ? json_node_get_object(x) : NULL;
            const char *lang = jstr(xo, "lang"), *file = jstr(xo, "file"), *ls = jstr(xo, "layout_sha256"),
                       *ps = jstr(xo, "pdf_sha256");
            if (!lang || !file || !is_sha(ls) || !is_sha(ps)) {
                lock_bad(l->path, "an edition without lang, file, layout_sha256 or pdf_sha256", i);
                ok = false;
                continue;
            }
            LockEdition *d = &e.ed[e.ned++];
            d->lang = xstrdup(lang);
            d->file = xstrdup(file);
            snprintf(d->layout.hex, sizeof d->layout.hex, "%s", ls);
            snprintf(d->pdf.hex, sizeof d->pdf.hex, "%s", ps);
            d->pages = (int)jint(xo, "pages", 0);
        }
        for (guint k = 0; k < ni; k++) {
            JsonNode *x = json_array_get_element(ins, k);
            JsonObject *xo = JSON_NODE_HOLDS_OBJECT(x) ? json_node_get_object(x) : NULL;
            const char *path = jstr(xo, "path"), *sha = jstr(xo, "sha256");
            if (!path || !is_sha(sha)) {
                lock_bad(l->path, "an input without path or sha256", i);
                ok = false;
                continue;
            }
            e.in[e.nin].path = xstrdup(path);
            snprintf(e.in[e.nin].sha.hex, sizeof e.in[e.nin].sha.hex, "%s", sha);
            e.nin++;
        }
        l->v[l->n++] = e;
    }
    g_object_unref(p);
    if (!ok) {
        lock_free(l);
        return NULL;
    }
    return l;
}

static void entry_free(LockEntry *e)
{
    free(e->number), free(e->version), free(e->kind);
    for (size_t k = 0; k < e->ned; k++) free(e->ed[k].lang), free(e->ed[k].file);
    for (size_t k = 0; k < e->nin; k++) free(e->in[k].path);
    free(e->ed);
    free(e->in);
}

void lock_free(Lock *l)
{
    if (!l) return;
    for (size_t i = 0; i < l->n; i++) entry_free(&l->v[i]);
    free(l->v);
    free(l->path);
    free(l);
}

const LockEntry *lock_find(const Lock *l, const char *number, const char *version, bool periodic, Date period)
{
    for (size_t i = 0; l && i < l->n; i++) {
        const LockEntry *e = &l->v[i];
        if (!str_eq(e->number, number) || !str_eq(e->version, version)) continue;
        if (periodic && date_cmp(e->period, period) != 0) continue;
        return e;
    }
    return NULL;
}

const LockEdition *lock_edition(const LockEntry *e, const char *lang)
{
    for (size_t k = 0; e && k < e->ned; k++)
        if (str_eq(e->ed[k].lang, lang)) return &e->ed[k];
    return NULL;
}

static int cmp_entry(const void *a, const void *b)
{
    const LockEntry *x = a, *y = b;
    int c = strcmp(x->number, y->number);
    if (c) return c;
    c = strcmp(x->version, y->version);
    if (c) return c;
    return date_cmp(x->period, y->period);
}

bool lock_add_and_stage(Lock *l, const LockEntry *e)
{
    l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
    l->v[l->n++] = *e;
    xsort(l->v, l->n, sizeof *l->v, cmp_entry);
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    kint(b, "format", 1);
    json_builder_set_member_name(b, "released");
    json_builder_begin_array(b);
    for (size_t i = 0; i < l->n; i++) {
        const LockEntry *x = &l->v[i];
        char per[16];
        snprintf(per, sizeof per, "%04d-%02d", x->period.y, x->period.m);
        json_builder_begin_object(b);
        kstr(b, "number", x->number);
        kstr(b, "version", x->version);
        kstr(b, "kind", x->kind);
        kstr(b, "period", per);
        json_builder_set_member_name(b, "periodic");
        json_builder_add_boolean_value(b, x->periodic);
        json_builder_set_member_name(b, "editions");
        json_builder_begin_array(b);
        for (size_t k = 0; k < x->ned; k++) {
            json_builder_begin_object(b);
            kstr(b, "lang", x->ed[k].lang);
            kstr(b, "file", x->ed[k].file);
            kint(b, "pages", x->ed[k].pages);
            kstr(b, "layout_sha256", x->ed[k].layout.hex);
            kstr(b, "pdf_sha256", x->ed[k].pdf.hex);
            json_builder_end_object(b);
        }
        json_builder_end_array(b);
        json_builder_set_member_name(b, "inputs");
        json_builder_begin_array(b);
        for (size_t k = 0; k < x->nin; k++) {
            json_builder_begin_object(b);
            kstr(b, "path", x->in[k].path);
            kstr(b, "sha256", x->in[k].sha.hex);
            json_builder_end_object(b);
        }
        json_builder_end_array(b);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
    char *text = to_json(b);
    g_object_unref(b);
    char *dir = xstrdup(l->path);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = 0;
    else strcpy(dir, ".");
    bool ok = output_stage(dir, LOCK_NAME, text, strlen(text));
    free(dir);
    free(text);
    return ok;
}

/* ---- the manifest ------------------------------------------------------------ */

Manifest *manifest_read(const char *dir, bool report)
{
    char *path = path_join(dir, "manifest.json");
    if (access(path, F_OK) != 0) {
        if (report) diag_report(DIAG_ERROR, path, 0, 0, "no manifest (build writes one)");
        free(path);
        return NULL;
    }
    if (!size_ok(path, report)) {
        free(path);
        return NULL;
    }
    JsonParser *p = json_parser_new();
    GError *err = NULL;
    Manifest *m = NULL;
    if (!json_parser_load_from_file(p, path, &err)) {
        if (report) diag_report(DIAG_ERROR, path, 0, 0, "not a manifest: %s", err ? err->message : "unreadable");
        if (err) g_error_free(err);
        goto out;
    }
    JsonNode *root = json_parser_get_root(p);
    JsonObject *ro = root && JSON_NODE_HOLDS_OBJECT(root) ? json_node_get_object(root) : NULL;
    JsonArray *docs = jarr(ro, "documents"), *files = jarr(ro, "files");
    if (!ro || jint(ro, "format", 0) != 1 || !docs || !files) {
        if (report) diag_report(DIAG_ERROR, path, 0, 0, "not a manifest of format 1");
        goto out;
    }
    m = xcalloc(1, sizeof *m);
    m->engine = jstr(ro, "engine") ? xstrdup(jstr(ro, "engine")) : NULL;
    m->period = jstr(ro, "period") ? xstrdup(jstr(ro, "period")) : NULL;
    guint nd = json_array_get_length(docs), nf = json_array_get_length(files);
    m->docs = xcalloc(nd ? nd : 1, sizeof *m->docs);
    m->files = xcalloc(nf ? nf : 1, sizeof *m->files);
    for (guint i = 0; i < nd; i++) {
        JsonNode *x = json_array_get_element(docs, i);
        JsonObject *o = JSON_NODE_HOLDS_OBJECT(x) ? json_node_get_object(x) : NULL;
        const char *file = jstr(o, "file"), *sha = jstr(o, "sha256"), *lay = jstr(o, "layout_sha256");
        if (!file || !is_sha(sha) || !is_sha(lay) || file[0] == '/' || strstr(file, "..")) {
            if (report) diag_report(DIAG_ERROR, path, 0, 0, "document %u: file, sha256 or layout_sha256 missing or malformed", i + 1);
            continue;
        }
        ManDoc *d = &m->docs[m->ndocs++];
        static const char *keys[] = {"number", "title", "version", "status", "classification", "language", "kind", "period"};
        char **slots[] = {&d->number, &d->title, &d->version, &d->status, &d->classification, &d->lang, &d->kind, &d->period};
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) *slots[k] = jstr(o, keys[k]) ? xstrdup(jstr(o, keys[k])) : NULL;
        d->file = xstrdup(file);
        d->pages = (int)jint(o, "pages", 0);
        d->bytes = (size_t)jint(o, "bytes", 0);
        snprintf(d->sha.hex, sizeof d->sha.hex, "%s", sha);
        snprintf(d->layout.hex, sizeof d->layout.hex, "%s", lay);
        if (is_sha(jstr(o, "inputs_sha256"))) snprintf(d->inputs.hex, sizeof d->inputs.hex, "%s", jstr(o, "inputs_sha256"));
        d->released = json_object_has_member(o, "released") && json_object_get_boolean_member(o, "released");
        JsonArray *src = jarr(o, "sources");
        guint ns = src ? json_array_get_length(src) : 0;
        d->sources = xcalloc(ns ? ns : 1, sizeof *d->sources);
        for (guint k = 0; k < ns; k++) {
            JsonNode *sn = json_array_get_element(src, k);
            if (JSON_NODE_HOLDS_VALUE(sn) && json_node_get_value_type(sn) == G_TYPE_STRING)
                d->sources[d->nsources++] = xstrdup(json_node_get_string(sn));
        }
    }
    for (guint i = 0; i < nf; i++) {
        JsonNode *x = json_array_get_element(files, i);
        JsonObject *o = JSON_NODE_HOLDS_OBJECT(x) ? json_node_get_object(x) : NULL;
        const char *file = jstr(o, "file"), *sha = jstr(o, "sha256");
        if (!file || !is_sha(sha) || file[0] == '/' || strstr(file, "..")) continue;
        ManFile *f = &m->files[m->nfiles++];
        f->file = xstrdup(file);
        f->bytes = (size_t)jint(o, "bytes", 0);
        snprintf(f->sha.hex, sizeof f->sha.hex, "%s", sha);
    }
out:
    g_object_unref(p);
    free(path);
    return m;
}

void manifest_free(Manifest *m)
{
    if (!m) return;
    for (size_t i = 0; i < m->ndocs; i++) {
        ManDoc *d = &m->docs[i];
        free(d->number), free(d->title), free(d->version), free(d->status), free(d->classification);
        free(d->lang), free(d->kind), free(d->period), free(d->file);
        for (size_t k = 0; k < d->nsources; k++) free(d->sources[k]);
        free(d->sources);
    }
    for (size_t i = 0; i < m->nfiles; i++) free(m->files[i].file);
    free(m->docs);
    free(m->files);
    free(m->engine);
    free(m->period);
    free(m);
}

const ManDoc *manifest_doc(const Manifest *m, const char *file)
{
    for (size_t i = 0; m && i < m->ndocs; i++)
        if (str_eq(m->docs[i].file, file)) return &m->docs[i];
    return NULL;
}

char *manifest_json(const Manifest *m)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    kint(b, "format", 1);
    kstr(b, "generator", "dossier " DOSSIER_VERSION);
    kstr(b, "engine", m->engine);
    kstr(b, "period", m->period);
    json_builder_set_member_name(b, "documents");
    json_builder_begin_array(b);
    for (size_t i = 0; i < m->ndocs; i++) {
        const ManDoc *d = &m->docs[i];
        json_builder_begin_object(b);
        kstr(b, "number", d->number);
        kstr(b, "title", d->title);
        kstr(b, "version", d->version);
        kstr(b, "status", d->status);
        kstr(b, "classification", d->classification);
        kstr(b, "language", d->lang);
        kstr(b, "kind", d->kind);
        kstr(b, "period", d->period);
        kstr(b, "file", d->file);
        kint(b, "pages", d->pages);
        kint(b, "bytes", (long long)d->bytes);
        kstr(b, "sha256", d->sha.hex);
        kstr(b, "layout_sha256", d->layout.hex);
        if (d->inputs.hex[0]) kstr(b, "inputs_sha256", d->inputs.hex);
        json_builder_set_member_name(b, "released");
        json_builder_add_boolean_value(b, d->released);
        json_builder_set_member_name(b, "sources");
        json_builder_begin_array(b);
        for (size_t k = 0; k < d->nsources; k++) json_builder_add_string_value(b, d->sources[k]);
        json_builder_end_array(b);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_set_member_name(b, "files");
    json_builder_begin_array(b);
    for (size_t i = 0; i < m->nfiles; i++) {
        json_builder_begin_object(b);
        kstr(b, "file", m->files[i].file);
        kint(b, "bytes", (long long)m->files[i].bytes);
        kstr(b, "sha256", m->files[i].sha.hex);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
    char *s = to_json(b);
    g_object_unref(b);
    return s;
}

static int cmp_line(const void *a, const void *b)
{
    /* by file name: the part after the two spaces */
    return strcmp(strstr(*(char *const *)a, "  "), strstr(*(char *const *)b, "  "));
}

/* stage manifest.json and MANIFEST.sha256 (which lists manifest.json too) */
void manifest_stage(const char *dir, const Manifest *man)
{
    char *json = manifest_json(man);
    Sha js = sha256_mem(json, strlen(json));
    output_stage(dir, "manifest.json", json, strlen(json));
    char *sums = manifest_sums(man, &js);
    output_stage(dir, "MANIFEST.sha256", sums, strlen(sums));
    free(json);
    free(sums);
}

char *manifest_sums(const Manifest *m, const Sha *json_sha)
{
    size_t n = m->ndocs + m->nfiles + 1, k = 0;
    char **lines = xcalloc(n, sizeof *lines);
    for (size_t i = 0; i < m->ndocs; i++) lines[k++] = xasprintf("%s  %s\n", m->docs[i].sha.hex, m->docs[i].file);
    for (size_t i = 0; i < m->nfiles; i++) lines[k++] = xasprintf("%s  %s\n", m->files[i].sha.hex, m->files[i].file);
    lines[k++] = xasprintf("%s  %s\n", json_sha->hex, "manifest.json");
    xsort(lines, k, sizeof *lines, cmp_line);
    Buf b = {0};
    for (size_t i = 0; i < k; i++) {
        buf_puts(&b, lines[i]);
        free(lines[i]);
    }
    free(lines);
    return buf_steal(&b);
}

/* ---- verify -------------------------------------------------------------------- */

static bool check_file(const char *dir, const char *file, const Sha *want, const char *what)
{
    char *path = path_join(dir, file);
    Sha got;
    bool ok = true;
    if (!sha256_file(path, &got)) {
        diag_report(DIAG_ERROR, path, 0, 0, "%s is listed in the manifest but cannot be read: %s", what, strerror(errno));
        ok = false;
    } else if (strcmp(got.hex, want->hex) != 0) {
        diag_report(DIAG_ERROR, path, 0, 0, "%s differs from the manifest (sha256 %.12s…, the manifest says %.12s…)", what,
                    got.hex, want->hex);
        ok = false;
    }
    free(path);
    return ok;
}

bool verify_dir(const char *dir, const Lock *lock)
{
    Manifest *m = manifest_read(dir, true);
    if (!m) return false;
    bool ok = true;
    /* MANIFEST.sha256 lists manifest.json with its hash: the manifest is
     * checked first, then every file it lists */
    char *sums_path = path_join(dir, "MANIFEST.sha256");
    char *json_path = path_join(dir, "manifest.json");
    Sha js;
    if (!sha256_file(json_path, &js)) js.hex[0] = 0;
    FILE *f = fopen(sums_path, "r");
    if (!f) {
        diag_report(DIAG_ERROR, sums_path, 0, 0, "missing: %s", strerror(errno));
        ok = false;
    } else {
        char line[4096];
        bool listed = false;
        int ln = 0;
        while (fgets(line, sizeof line, f)) {
            ln++;
            char *sp = strstr(line, "  ");
            if (!sp || sp - line != 64) {
                diag_report(DIAG_ERROR, sums_path, ln, 1, "not a line of sha256sum: hash, two spaces, file name");
                ok = false;
                continue;
            }
            *sp = 0;
            char *name = sp + 2;
            name[strcspn(name, "\n")] = 0;
            if (strcmp(name, "manifest.json") == 0) {
                listed = true;
                if (strcmp(line, js.hex) != 0) {
                    diag_report(DIAG_ERROR, json_path, 0, 0, "manifest.json differs from its sha256 in MANIFEST.sha256");
                    ok = false;
                }
            }
        }
        fclose(f);
        if (!listed) {
            diag_report(DIAG_ERROR, sums_path, 0, 0, "does not list manifest.json");
            ok = false;
        }
    }
    for (size_t i = 0; i < m->ndocs; i++) {
        const ManDoc *d = &m->docs[i];
        ok &= check_file(dir, d->file, &d->sha, "the document");
        /* a released version must be the released bytes */
        bool periodic = d->period && *d->period;
        Date per = {0};
        if (periodic) parse_month(d->period, &per);
        const LockEntry *e = lock && d->number && d->version ? lock_find(lock, d->number, d->version, periodic, per) : NULL;
        const LockEdition *ed = lock_edition(e, d->lang);
        if (ed && strcmp(ed->pdf.hex, d->sha.hex) != 0) {
            char *path = path_join(dir, d->file);
            diag_report(DIAG_ERROR, path, 0, 0, "document '%s' %s (%s) is released with other bytes (sha256 %.12s… in %s)",
                        d->number, d->version, d->lang, ed->pdf.hex, lock->path);
            free(path);
            ok = false;
        }
    }
    for (size_t i = 0; i < m->nfiles; i++) ok &= check_file(dir, m->files[i].file, &m->files[i].sha, "the file");
    /* a PDF the manifest does not list */
    GDir *gd = g_dir_open(dir, 0, NULL);
    if (gd) {
        const char *name;
        char **names = NULL;
        size_t nn = 0;
        while ((name = g_dir_read_name(gd))) {
            if (!str_has_suffix(name, ".pdf") || manifest_doc(m, name)) continue;
            names = xrealloc(names, (nn + 1) * sizeof *names);
            names[nn++] = xstrdup(name);
        }
        g_dir_close(gd);
        xsort(names, nn, sizeof *names, cmp_str_ptr);
        for (size_t i = 0; i < nn; i++) {
            char *path = path_join(dir, names[i]);
            diag_report(DIAG_ERROR, path, 0, 0, "a PDF the manifest does not list");
            free(path);
            free(names[i]);
            ok = false;
        }
        free(names);
    }
    free(sums_path);
    free(json_path);
    manifest_free(m);
    return ok;
}
