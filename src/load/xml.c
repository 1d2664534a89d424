/*
 * xml.c: safe parsing with libxml2, RELAX NG validation, and the locator
 * that turns a node back into line and column for diagnostics.
 */
#include "xml.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util.h"

/* ---- the entity loader ---------------------------------------------------- */

static char **roots;
static size_t nroots;
static xmlExternalEntityLoader default_loader;

void xml_allow_root(const char *dir)
{
    char *real = realpath(dir, NULL);
    if (!real) return;
    for (size_t i = 0; i < nroots; i++)
        if (strcmp(roots[i], real) == 0) {
            free(real);
            return;
        }
    roots = xrealloc(roots, (nroots + 1) * sizeof *roots);
    roots[nroots++] = real;
}

static bool under_root(const char *path)
{
    char *real = realpath(path, NULL);
    if (!real) return false;
    bool ok = false;
    for (size_t i = 0; i < nroots && !ok; i++) {
        size_t n = strlen(roots[i]);
        ok = strncmp(real, roots[i], n) == 0 && (real[n] == '/' || real[n] == 0);
    }
    free(real);
    return ok;
}

bool xml_path_allowed(const char *url)
{
    const char *path = url;
    if (url && strncmp(url, "file://", 7) == 0) path = url + 7;
    return path && !strstr(path, "://") && under_root(path);
}

/* Only plain files under an allowed root; no network, no other scheme. */
static xmlParserInputPtr safe_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    const char *path = url;
    if (url && strncmp(url, "file://", 7) == 0) path = url + 7;
    if (!path || strstr(path, "://") || !under_root(path)) {
        (void)ctxt;
        diag_report(DIAG_ERROR, NULL, 0, 0, "refused to read '%s': outside the trees dossier may read",
                    url ? url : "(null)");
        return NULL;
    }
    return default_loader(path, id, ctxt);
}

/* ---- libxml2's allocations through dossier's seam ------------------------ */

static void *xml_malloc(size_t n) { return xmalloc(n); }
static void *xml_realloc(void *p, size_t n) { return xrealloc(p, n); }
static char *xml_strdup(const char *s) { return xstrdup(s); }

void xml_init(void)
{
    xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup);
    xmlInitParser();
    /* RELAX NG registers its type libraries, and XML Schema's datatypes
     * fill their table, on first use and without a lock: done here, before
     * the loading threads start */
    xmlSchemaInitTypes();
    xmlRelaxNGInitTypes();
    default_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(safe_loader);
    xmlLineNumbersDefault(1);
    xmlThrDefLineNumbersDefaultValue(1); /* and in the loading threads */
}

void xml_cleanup(void)
{
    xml_schemas_free();
    for (size_t i = 0; i < nroots; i++) free(roots[i]);
    free(roots);
    roots = NULL;
    nroots = 0;
    xmlCleanupParser();
}

/* ---- reading bytes ---------------------------------------------------------- */

static void index_lines(Src *s)
{
    size_t n = 1;
    for (size_t i = 0; i < s->len; i++)
        if (s->buf[i] == '\n') n++;
    s->lines = xmalloc(n * sizeof *s->lines);
    s->nlines = 0;
    s->lines[s->nlines++] = 0;
    for (size_t i = 0; i < s->len; i++)
        if (s->buf[i] == '\n') s->lines[s->nlines++] = i + 1;
}

/* line and column of a byte offset */
static void offset_pos(const Src *s, size_t off, int *line, int *col)
{
    size_t lo = 0, hi = s->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (s->lines[mid] <= off) lo = mid; else hi = mid;
    }
    int c = 1;
    for (size_t i = s->lines[lo]; i < off && i < s->len; i++)
        if (((unsigned char)s->buf[i] & 0xC0) != 0x80) c++;
    *line = (int)lo + 1;
    *col = c;
}

int src_char_col(const Src *s, int line, int byte_col)
{
    if (line < 1 || (size_t)line > s->nlines || byte_col < 1) return byte_col;
    size_t start = s->lines[line - 1];
    int c = 1;
    for (size_t i = start; i < start + (size_t)(byte_col - 1) && i < s->len; i++)
        if (((unsigned char)s->buf[i] & 0xC0) != 0x80) c++;
    return c;
}

/* Length of the valid UTF-8 sequence at p, or 0. */
static size_t utf8_seq(const unsigned char *p, size_t left)
{
    unsigned c = p[0];
    size_t n;
    unsigned min;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, min = 0x10000;
    else return 0;
    if (left < n) return 0;
    unsigned v = c & (0xFF >> (n + 1));
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    return n;
}

bool src_read(Src *s, size_t limit)
{
    int fd = open(s->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        diag_report(DIAG_ERROR, s->path, 0, 0, "cannot open: %s", strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        diag_report(DIAG_ERROR, s->path, 0, 0, "not a regular file");
        close(fd);
        return false;
    }
    if ((size_t)st.st_size > limit) {
        diag_report(DIAG_ERROR, s->path, 0, 0, "file is %lld bytes, over the limit of %zu bytes",
                    (long long)st.st_size, limit);
        close(fd);
        return false;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (len + 1 >= cap) {
            if (cap > limit) {
                diag_report(DIAG_ERROR, s->path, 0, 0, "file grew over the limit of %zu bytes", limit);
                free(buf);
                close(fd);
                return false;
            }
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        ssize_t r = read(fd, buf + len, cap - 1 - len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            diag_system("%s: cannot read: %s", s->path, strerror(errno));
            free(buf);
            close(fd);
            return false;
        }
        if (r == 0) break;
        len += (size_t)r;
    }
    close(fd);
    buf[len] = 0;
    s->buf = buf;
    s->len = len;
    index_lines(s);
    /* byte checks: the first problem of each kind is reported */
    const unsigned char *p = (const unsigned char *)buf;
    size_t i = 0;
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3; /* BOM */
    while (i < len) {
        int line, col;
        if (p[i] == 0) {
            offset_pos(s, i, &line, &col);
            diag_report(DIAG_ERROR, s->path, line, col, "NUL byte in file");
            return false;
        }
        size_t n = utf8_seq(p + i, len - i);
        if (!n) {
            offset_pos(s, i, &line, &col);
            diag_report(DIAG_ERROR, s->path, line, col, "invalid UTF-8 (byte 0x%02X); sources must be UTF-8",
                        p[i]);
            return false;
        }
        i += n;
    }
    return true;
}

size_t xml_element_count(const xmlNode *n)
{
    size_t k = 0;
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE) k += 1 + xml_element_count(n->children);
    return k;
}

/* ---- parsing ----------------------------------------------------------------- */

static __thread Src *current; /* the file being parsed or validated (one per loading thread) */

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *eid, const xmlChar *sid)
{
    (void)name, (void)eid, (void)sid;
    xmlParserCtxtPtr ctxt = ctx;
    int line = ctxt->input ? ctxt->input->line : 0;
    int col = ctxt->input ? ctxt->input->col : 0;
    diag_report(DIAG_ERROR, current->path, line, col,
                "DOCTYPE not allowed: dossier reads no DTD and expands no entities");
    xmlStopParser(ctxt);
}

/* Record where each start tag begins: libxml2's own line number is the
 * line where the tag ends. The parser has just read past the tag's '>', and
 * no '<' can occur inside a tag, so the nearest '<' before is its start. */
static void on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                             int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                             const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
                          attributes);
    long end = xmlByteConsumed(ctxt);
    if (!ctxt->node || !current || end <= 0 || (size_t)end > current->len) return;
    size_t i = (size_t)end;
    while (i > 0 && current->buf[i - 1] != '<') i--;
    if (i > 0) ctxt->node->_private = (void *)(uintptr_t)i; /* offset of '<' plus one */
}

static void trim_msg(char *m)
{
    size_t n = strlen(m);
    while (n && (m[n - 1] == '\n' || m[n - 1] == ' ')) m[--n] = 0;
}

/* libxml2 follows a well-formedness error with the errors it causes; the
 * first names the problem and the last often says the most (the element
 * left open), so those two are kept. */
static __thread struct {
    int n;
    int line[2], col[2];
    char *msg[2];
} perr;

static void on_parse_error(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    if (!current || e->level == XML_ERR_WARNING) return;
    int i = perr.n ? 1 : 0;
    free(perr.msg[i]);
    perr.msg[i] = xstrdup(e->message ? e->message : "malformed XML");
    trim_msg(perr.msg[i]);
    perr.line[i] = e->line;
    perr.col[i] = e->int2 > 0 ? e->int2 : 1;
    perr.n++;
}

static void flush_parse_errors(const Src *s)
{
    for (int i = 0; i < 2 && i < perr.n; i++) {
        if (i == 1 && perr.n == 1) break;
        diag_report(DIAG_ERROR, s->path, perr.line[i], perr.col[i], "%s", perr.msg[i]);
    }
    for (int i = 0; i < 2; i++) {
        free(perr.msg[i]);
        perr.msg[i] = NULL;
    }
    perr.n = 0;
}

static bool check_limits(Src *s, xmlNode *n, int depth, long *count)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content && strlen((char *)n->content) > LIMIT_TEXT_BYTES) {
            int line, col;
            src_locate(n->parent, NULL, &line, &col);
            diag_report(DIAG_ERROR, s->path, line, col, "text of <%s> is over the limit of %d bytes",
                        n->parent->name, LIMIT_TEXT_BYTES);
            return false;
        }
        if (n->type != XML_ELEMENT_NODE) continue;
        if (++*count > LIMIT_ELEMENTS) {
            int line, col;
            src_locate(n, NULL, &line, &col);
            diag_report(DIAG_ERROR, s->path, line, col, "over %d elements in one file", LIMIT_ELEMENTS);
            return false;
        }
        if (depth > LIMIT_DEPTH) {
            int line, col;
            src_locate(n, NULL, &line, &col);
            diag_report(DIAG_ERROR, s->path, line, col, "elements nested deeper than %d", LIMIT_DEPTH);
            return false;
        }
        for (xmlAttr *a = n->properties; a; a = a->next) {
            if (a->children && a->children->content &&
                strlen((char *)a->children->content) > LIMIT_ATTR_BYTES) {
                int line, col;
                src_locate(n, (const char *)a->name, &line, &col);
                diag_report(DIAG_ERROR, s->path, line, col,
                            "attribute %s of <%s> is over the limit of %d bytes", a->name, n->name,
                            LIMIT_ATTR_BYTES);
                return false;
            }
        }
        if (!check_limits(s, n->children, depth + 1, count)) return false;
    }
    return true;
}

bool src_parse(Src *s)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) die_oom();
    ctxt->sax->internalSubset = on_doctype;
    ctxt->sax->startElementNs = on_start_element;
    current = s;
    xmlSetStructuredErrorFunc(NULL, on_parse_error);
    int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR |
               XML_PARSE_NOWARNING | XML_PARSE_NOXINCNODE;
    xmlDoc *doc = xmlCtxtReadMemory(ctxt, s->buf, (int)s->len, s->path, "UTF-8", opts);
    bool ok = doc && ctxt->wellFormed && !ctxt->disableSAX;
    xmlFreeParserCtxt(ctxt);
    xmlSetStructuredErrorFunc(NULL, NULL);
    flush_parse_errors(s);
    current = NULL;
    if (!ok) {
        if (doc) xmlFreeDoc(doc);
        return false;
    }
    doc->_private = s;
    s->doc = doc;
    long count = 0;
    if (!check_limits(s, xmlDocGetRootElement(doc), 1, &count)) {
        xmlFreeDoc(doc);
        s->doc = NULL;
        return false;
    }
    const xmlNode *root = xmlDocGetRootElement(doc);
    for (const xmlNode *k = root ? root->children : NULL; k; k = k->next) s->records += k->type == XML_ELEMENT_NODE;
    return true;
}

/* ---- validation -------------------------------------------------------------- */

typedef struct {
    char *path;
    xmlRelaxNGPtr schema;
} Schema;
/* each loading thread compiles its own (a compiled schema is not shared
 * between threads); xml_schemas_free frees the calling thread's */
static __thread Schema *schemas;
static __thread size_t nschemas;

static void on_schema_error(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    char *m = xstrdup(e->message ? e->message : "schema error");
    trim_msg(m);
    diag_report(DIAG_ERROR, e->file ? e->file : "schema", e->line, 1, "%s", m);
    free(m);
}

static xmlRelaxNGPtr schema_get(const char *path)
{
    for (size_t i = 0; i < nschemas; i++)
        if (strcmp(schemas[i].path, path) == 0) return schemas[i].schema;
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(path);
    if (!pc) die_oom();
    xmlRelaxNGSetParserStructuredErrors(pc, on_schema_error, NULL);
    xmlRelaxNGPtr sch = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    if (!sch) diag_system("cannot compile schema %s", path);
    schemas = xrealloc(schemas, (nschemas + 1) * sizeof *schemas);
    schemas[nschemas].path = xstrdup(path);
    schemas[nschemas].schema = sch;
    nschemas++;
    return sch;
}

void xml_schemas_free(void)
{
    for (size_t i = 0; i < nschemas; i++) {
        free(schemas[i].path);
        if (schemas[i].schema) xmlRelaxNGFree(schemas[i].schema);
    }
    free(schemas);
    schemas = NULL;
    nschemas = 0;
}

/* Name the record a node belongs to: the nearest element with an id. */
static void record_label(const xmlNode *n, char *buf, size_t size)
{
    buf[0] = 0;
    for (const xmlNode *p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        xmlChar *id = xmlGetProp(p, (const xmlChar *)"id");
        if (!id) id = xmlGetProp(p, (const xmlChar *)"number");
        if (id) {
            snprintf(buf, size, " (in %s '%s')", p->name, id);
            xmlFree(id);
            return;
        }
    }
}

static void on_valid_error(void *ctx, xmlErrorPtr e)
{
    Src *s = ctx;
    char *m = xstrdup(e->message ? e->message : "not valid");
    trim_msg(m);
    int line = e->line, col = 1;
    char label[160] = "";
    if (e->node) {
        src_locate(e->node, NULL, &line, &col);
        record_label(e->node, label, sizeof label);
    }
    /* schema messages are weak: a precise message of a loader on the same
     * line replaces them */
    diag_weak(s->path, line, col, "%s%s", m, label);
    free(m);
}

bool src_validate(Src *s, const char *schema_path)
{
    xmlRelaxNGPtr sch = schema_get(schema_path);
    if (!sch) return false;
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(sch);
    if (!vc) die_oom();
    xmlRelaxNGSetValidStructuredErrors(vc, on_valid_error, s);
    int r = xmlRelaxNGValidateDoc(vc, s->doc);
    xmlRelaxNGFreeValidCtxt(vc);
    return r == 0;
}

void src_free(Src *s)
{
    if (!s) return;
    if (s->doc) xmlFreeDoc(s->doc);
    free(s->path);
    free(s->rel);
    free(s->buf);
    free(s->lines);
    free(s);
}

/* ---- the locator ------------------------------------------------------------- */

/* Records moved into the facts document (facts_build with take): each
 * record's element -> its source, open addressing by pointer. Filled and
 * emptied on the main thread; src_of reads it from any thread while it
 * stays unchanged (metrics.json beside facts.xml's writer). */
static struct {
    const xmlDoc *doc;
    const xmlNode **node;
    Src **src;
    size_t cap, n;
} moved;

static size_t moved_slot(const xmlNode *n)
{
    uint64_t x = (uint64_t)(uintptr_t)n;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    size_t i = (size_t)x & (moved.cap - 1);
    while (moved.node[i] && moved.node[i] != n) i = (i + 1) & (moved.cap - 1);
    return i;
}

bool src_move_into(const xmlDoc *doc)
{
    if (moved.doc && moved.doc != doc) return false;
    moved.doc = doc;
    return true;
}

void src_moved(const xmlNode *n, Src *s)
{
    if (2 * (moved.n + 1) > moved.cap) {
        const xmlNode **node = moved.node;
        Src **src = moved.src;
        size_t cap = moved.cap;
        moved.cap = cap ? 2 * cap : 1024;
        moved.node = xcalloc(moved.cap, sizeof *moved.node);
        moved.src = xcalloc(moved.cap, sizeof *moved.src);
        for (size_t i = 0; i < cap; i++)
            if (node[i]) {
                size_t j = moved_slot(node[i]);
                moved.node[j] = node[i];
                moved.src[j] = src[i];
            }
        free(node);
        free(src);
    }
    size_t i = moved_slot(n);
    moved.n += !moved.node[i];
    moved.node[i] = n;
    moved.src[i] = s;
}

void src_moved_forget(const xmlDoc *doc)
{
    if (!doc || doc != moved.doc) return;
    free(moved.node);
    free(moved.src);
    memset(&moved, 0, sizeof moved);
}

Src *src_of(const xmlNode *n)
{
    if (!n || !n->doc) return NULL;
    if (n->doc != moved.doc) return n->doc->_private;
    /* in the facts document: the record it is part of */
    for (; n && moved.n; n = n->parent) {
        size_t i = moved_slot(n);
        if (moved.node[i]) return moved.src[i];
    }
    return NULL;
}

/* Byte offset of a node's '<', or of an attribute's name within it. */
static bool node_offset(const Src *s, const xmlNode *n, const char *attr, size_t *out)
{
    if (n->type != XML_ELEMENT_NODE || !n->_private) return false;
    size_t found = (size_t)(uintptr_t)n->_private - 1;
    if (found >= s->len) return false;
    *out = found;
    if (!attr) return true;
    size_t al = strlen(attr);
    for (size_t j = found + 1; j + al < s->len && s->buf[j] != '>'; j++) {
        char b = s->buf[j - 1];
        if ((b == ' ' || b == '\t' || b == '\n' || b == '\r') && memcmp(s->buf + j, attr, al) == 0) {
            size_t q = j + al;
            while (q < s->len && (s->buf[q] == ' ' || s->buf[q] == '\t' || s->buf[q] == '\n' || s->buf[q] == '\r'))
                q++;
            if (q < s->len && s->buf[q] == '=') {
                *out = j;
                return true;
            }
        }
    }
    return true; /* the attribute is absent: point at the element */
}

int src_line(const xmlNode *n)
{
    int line, col;
    src_locate(n, NULL, &line, &col);
    return line;
}

void src_locate(const xmlNode *n, const char *attr, int *line, int *col)
{
    const Src *s = src_of(n);
    *line = n ? (int)xmlGetLineNo((xmlNode *)n) : 0;
    *col = 1;
    if (*line < 0) *line = 0;
    size_t off;
    if (s && s->buf && node_offset(s, n, attr, &off)) offset_pos(s, off, line, col);
}

void diag_node(DiagLevel lv, const xmlNode *n, const char *attr, const char *fmt, ...)
{
    int line = 0, col = 0;
    const Src *s = src_of(n);
    if (n) src_locate(n, attr, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(lv, false, s ? s->path : NULL, line, col, fmt, ap);
    va_end(ap);
}
