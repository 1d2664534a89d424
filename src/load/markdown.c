/*
 * markdown.c: the Markdown files the XML sources name, read once each
 * through cmark. A path is relative to the directory of the XML file that
 * names it and must stay inside the input tree; images must too. Raw HTML is
 * never interpreted: it is reported and later shown as text.
 */
#include <cmark.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "load_int.h"

/* Join the XML file's directory with a relative path, resolving "." and
 * ".." lexically; NULL if it climbs out of the root or is absolute. */
static char *resolve_rel(const char *base_rel, const char *path)
{
    if (!*path || path[0] == '/' || strchr(path, ':') || strchr(path, '\\')) return NULL;
    char *dir = xstrdup(base_rel);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = 0; else dir[0] = 0;
    char *joined = dir[0] ? xasprintf("%s/%s", dir, path) : xstrdup(path);
    free(dir);
    /* normalise */
    char **parts = NULL;
    size_t n = 0;
    char *save = NULL;
    bool escaped = false;
    for (char *t = strtok_r(joined, "/", &save); t; t = strtok_r(NULL, "/", &save)) {
        if (strcmp(t, ".") == 0) continue;
        if (strcmp(t, "..") == 0) {
            if (!n) { escaped = true; break; }
            n--;
            continue;
        }
        parts = xrealloc(parts, (n + 1) * sizeof *parts);
        parts[n++] = t;
    }
    char *out = NULL;
    if (!escaped && n) {
        Buf b = {0};
        for (size_t i = 0; i < n; i++) {
            if (i) buf_putc(&b, '/');
            buf_puts(&b, parts[i]);
        }
        out = buf_steal(&b);
    }
    free(parts);
    free(joined);
    return out;
}

char *load_resolve(const char *base_rel, const char *path) { return resolve_rel(base_rel, path); }

/* true if the real path of root/rel is inside root */
static bool inside_tree(const char *root, const char *rel)
{
    char *rr = realpath(root, NULL);
    char *full = path_join(root, rel);
    char *rf = realpath(full, NULL);
    bool ok = rr && rf && strncmp(rf, rr, strlen(rr)) == 0 && (rf[strlen(rr)] == '/' || rf[strlen(rr)] == 0);
    free(rr);
    free(full);
    free(rf);
    return ok;
}

static void check_md(Model *m, MdDoc *md, const Src *text)
{
    cmark_iter *it = cmark_iter_new(md->doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        int line = cmark_node_get_start_line(n), col = src_char_col(text, line, cmark_node_get_start_column(n));
        if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
            diag_report(DIAG_WARNING, md->path, line, col > 0 ? col : 1,
                        "raw HTML is not interpreted; it will be shown as text");
        } else if (t == CMARK_NODE_IMAGE) {
            const char *url = cmark_node_get_url(n);
            if (!url) url = "";
            char *rel = resolve_rel(md->rel, url);
            if (!rel) {
                diag_report(DIAG_ERROR, md->path, line, col > 0 ? col : 1,
                            "image '%s' is outside the input tree (images must be files beside the sources)", url);
            } else {
                char *full = path_join(m->root, rel);
                if (access(full, R_OK) != 0)
                    diag_report(DIAG_ERROR, md->path, line, col > 0 ? col : 1, "image '%s' not found", url);
                else if (!inside_tree(m->root, rel))
                    diag_report(DIAG_ERROR, md->path, line, col > 0 ? col : 1,
                                "image '%s' leads outside the input tree", url);
                else if (!str_has_suffix(rel, ".png"))
                    diag_report(DIAG_ERROR, md->path, line, col > 0 ? col : 1, "image '%s': only PNG images are supported", url);
                free(full);
            }
            free(rel);
        }
    }
    cmark_iter_free(it);
}

MdDoc *md_load(Model *m, const xmlNode *n, const char *attr)
{
    const char *path = rd_str(m, n, attr, true);
    if (!path) return NULL;
    Src *xs = src_of(n);
    char *rel = resolve_rel(xs->rel, path);
    if (!rel) {
        diag_node(DIAG_ERROR, n, attr, "%s: %s '%s' is outside the input tree", label(n), attr, path);
        return NULL;
    }
    MdDoc *md = model_lookup(m, NS_MARKDOWN, rel);
    if (md) {
        free(rel);
        return md->doc ? md : NULL;
    }
    md = arena_alloc(m->arena, sizeof *md);
    md->rel = arena_strdup(m->arena, rel);
    char *joined = path_join(m->root, rel);
    md->path = arena_strdup(m->arena, joined);
    free(joined);
    free(rel);
    if (!m->ids[NS_MARKDOWN]) m->ids[NS_MARKDOWN] = map_new();
    reg_id(m, NS_MARKDOWN, md->rel, md, n, "markdown");
    vec_push(m->arena, &m->markdown, md);
    char *full = path_join(m->root, md->rel);
    if (access(full, F_OK) != 0) {
        diag_node(DIAG_ERROR, n, attr, "%s: Markdown file '%s' not found", label(n), path);
        free(full);
        return NULL;
    }
    if (!inside_tree(m->root, md->rel)) {
        diag_node(DIAG_ERROR, n, attr, "%s: %s '%s' leads outside the input tree", label(n), attr, path);
        free(full);
        return NULL;
    }
    free(full);
    Src tmp = {0};
    tmp.path = (char *)md->path;
    bool ok = src_read(&tmp, LIMIT_MARKDOWN_BYTES);
    if (ok) {
        md->doc = cmark_parse_document(tmp.buf, tmp.len, CMARK_OPT_SOURCEPOS);
        if (!md->doc) die_oom();
        check_md(m, md, &tmp);
    }
    free(tmp.buf);
    free(tmp.lines);
    return md->doc ? md : NULL;
}
