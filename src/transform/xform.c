/*
 * xform.c: libxslt with security preferences, messages routed to diag,
 * compiled stylesheets kept for the run, results validated.
 */
#include "xform.h"

#include <libexslt/exslt.h>
#include <libxml/relaxng.h>
#include <libxml/xpath.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../diag.h"
#include "../facts/facts.h"
#include "../load/xml.h"
#include "../util.h"

typedef struct {
    char *kind;
    xsltStylesheetPtr style; /* NULL: failed to compile (reported once) */
    char **sections;         /* the facts sections it names; NULL: all */
    size_t nsections;
} Compiled;

struct Xform {
    char *datadir;
    xsltSecurityPrefsPtr sec;
    Compiled *v;
    size_t n;
    xmlRelaxNGPtr layout_rng;
    bool rng_tried;
};

/* libxslt prints messages in pieces; collect a line, then report it */
static Buf pending;
static const char *current_sheet;

static void flush_message(void)
{
    if (!pending.len) return;
    char *m = buf_steal(&pending);
    size_t n = strlen(m);
    while (n && (m[n - 1] == '\n' || m[n - 1] == ' ')) m[--n] = 0;
    if (*m) diag_report(DIAG_ERROR, current_sheet, 0, 0, "%s", m);
    free(m);
}

static void on_xslt_error(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    va_list ap;
    va_start(ap, fmt);
    char *piece = xvasprintf(fmt, ap);
    va_end(ap);
    buf_puts(&pending, piece);
    free(piece);
    if (pending.len && pending.s[pending.len - 1] == '\n') flush_message();
}

static int check_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
    (void)sec, (void)ctxt;
    if (xml_path_allowed(value)) return 1;
    const char *path = value && strncmp(value, "file://", 7) == 0 ? value + 7 : value;
    if (path && !strstr(path, "://") && access(path, F_OK) != 0) {
        diag_report(DIAG_ERROR, current_sheet, 0, 0, "stylesheet reads '%s', which does not exist", path);
        return 0;
    }
    diag_report(DIAG_ERROR, current_sheet, 0, 0, "stylesheet may not read '%s': outside the input tree and dossier's data",
                value ? value : "");
    return 0;
}

static int forbid(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
    (void)sec, (void)ctxt;
    diag_report(DIAG_ERROR, current_sheet, 0, 0, "stylesheet may not write or use the network ('%s')", value ? value : "");
    return 0;
}

Xform *xform_new(const char *datadir)
{
    Xform *x = xcalloc(1, sizeof *x);
    x->datadir = xstrdup(datadir);
    exsltRegisterAll();
    x->sec = xsltNewSecurityPrefs();
    xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_READ_FILE, check_read);
    xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_WRITE_FILE, forbid);
    xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_CREATE_DIRECTORY, forbid);
    xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_READ_NETWORK, forbid);
    xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_WRITE_NETWORK, forbid);
    xsltSetDefaultSecurityPrefs(x->sec);
    xsltSetGenericErrorFunc(NULL, on_xslt_error);
    return x;
}

void xform_free(Xform *x)
{
    if (!x) return;
    for (size_t i = 0; i < x->n; i++) {
        free(x->v[i].kind);
        if (x->v[i].style) xsltFreeStylesheet(x->v[i].style);
        for (size_t k = 0; k < x->v[i].nsections; k++) free(x->v[i].sections[k]);
        free(x->v[i].sections);
    }
    free(x->v);
    if (x->layout_rng) xmlRelaxNGFree(x->layout_rng);
    xsltSetDefaultSecurityPrefs(NULL);
    xsltFreeSecurityPrefs(x->sec);
    xsltSetGenericErrorFunc(NULL, NULL);
    free(x->datadir);
    buf_free(&pending);
    free(x);
}

/* ---- the facts a stylesheet reads ----
 *
 * A stylesheet reads only some of the facts' sections (the BIA report no
 * incidents, outages or changes), yet libxslt indexes every node of the
 * source for each key and orders every node for XPath: at 1,000 services
 * that is seconds per document. So the sections a stylesheet never names
 * are unlinked from the facts for its transform and put back after. The
 * names are found in the stylesheet itself (and what it imports or
 * includes): every PREFIX:name where PREFIX is bound to the facts'
 * namespace. A stylesheet that could reach a section without naming it
 * (a wildcard or a descendant step from the facts' root, a dynamic XPath)
 * gets every section. */

typedef struct {
    char **names;
    size_t n;
    bool all;
} Reads;

static void reads_add(Reads *r, const char *name, size_t len)
{
    for (size_t i = 0; i < r->n; i++)
        if (strlen(r->names[i]) == len && strncmp(r->names[i], name, len) == 0) return;
    r->names = xrealloc(r->names, (r->n + 1) * sizeof *r->names);
    r->names[r->n++] = xstrndup(name, len);
}

static bool name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'; }

/* The names after "prefix:" in s; whether s could reach past them. */
static void reads_scan(Reads *r, const char *s, char **prefixes, size_t np)
{
    if (strstr(s, "evaluate(")) r->all = true; /* dyn:evaluate: anything */
    /* axes that cross from one section into the others, and id() */
    if (strstr(s, "following::") || strstr(s, "preceding::")) r->all = true;
    for (const char *p = s; (p = strstr(p, "id(")) != NULL; p++)
        if (p == s || !name_char(p[-1])) r->all = true;
    const char *t = s;
    while (*t == ' ' || *t == '\t' || *t == '\n') t++;
    if (strncmp(t, "//", 2) == 0 || strncmp(t, "/*", 2) == 0 || strncmp(t, "/node()", 7) == 0) r->all = true;
    if (strstr(s, "(//") || strstr(s, "|//") || strstr(s, "| //") || strstr(s, "$facts/*") || strstr(s, "$facts//") ||
        strstr(s, "$facts/node()"))
        r->all = true;
    for (size_t k = 0; k < np; k++) {
        size_t pl = strlen(prefixes[k]);
        for (const char *p = s; (p = strstr(p, prefixes[k])) != NULL; p += pl) {
            if (p > s && name_char(p[-1])) continue;
            const char *q = p + pl;
            if (*q != ':') continue;
            q++;
            if (*q == '*') {
                r->all = true; /* PREFIX:* */
                continue;
            }
            const char *e = q;
            while (name_char(*e)) e++;
            if (e > q) reads_add(r, q, (size_t)(e - q));
            /* the facts' root then a wildcard or a descendant step */
            if (strncmp(q, "facts", 5) == 0 && e == q + 5 && (strncmp(e, "/*", 2) == 0 || strncmp(e, "//", 2) == 0))
                r->all = true;
        }
    }
}

/* A key indexes every node its pattern matches, wherever it is: each
 * alternative of the pattern must start at a facts section it names (or be
 * an element in no namespace, which the facts do not have). */
static void key_scan(Reads *r, const char *match, char **prefixes, size_t np)
{
    const char *p = match;
    while (*p) {
        while (*p == ' ' || *p == '|' || *p == '\t' || *p == '\n') p++;
        if (!*p) break;
        const char *e = p;
        while (*e && *e != '|') e++;
        bool ok = false;
        const char *q = p;
        while (q < e && (name_char(*q))) q++;
        if (q == e || *q == '/' || *q == '[' || *q == ' ') ok = q > p; /* an unprefixed name */
        for (size_t k = 0; k < np && !ok; k++) {
            size_t pl = strlen(prefixes[k]);
            ok = strncmp(p, prefixes[k], pl) == 0 && p[pl] == ':' && p[pl + 1] != '*';
        }
        if (!ok) r->all = true;
        p = e;
    }
}

static void reads_node(Reads *r, const xmlNode *n, char ***prefixes, size_t *np)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            for (const xmlNs *ns = n->nsDef; ns; ns = ns->next)
                if (ns->href && strcmp((const char *)ns->href, FACTS_NS) == 0) {
                    if (!ns->prefix) {
                        r->all = true; /* the facts' namespace as the default: names unprefixed */
                        continue;
                    }
                    bool have = false;
                    for (size_t k = 0; k < *np; k++) have |= strcmp((*prefixes)[k], (const char *)ns->prefix) == 0;
                    if (!have) {
                        *prefixes = xrealloc(*prefixes, (*np + 1) * sizeof **prefixes);
                        (*prefixes)[(*np)++] = xstrdup((const char *)ns->prefix);
                    }
                }
            for (const xmlAttr *a = n->properties; a; a = a->next)
                if (a->children && a->children->content) reads_scan(r, (const char *)a->children->content, *prefixes, *np);
            if (n->ns && strcmp((const char *)n->ns->href, (const char *)XSLT_NAMESPACE) == 0 &&
                strcmp((const char *)n->name, "key") == 0) {
                const xmlAttr *m = xmlHasProp(n, (const xmlChar *)"match");
                key_scan(r, m && m->children && m->children->content ? (const char *)m->children->content : "*", *prefixes,
                         *np);
            }
            reads_node(r, n->children, prefixes, np);
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            reads_scan(r, (const char *)n->content, *prefixes, *np);
        }
    }
}

static void reads_doc(Reads *r, const xmlDoc *doc, char ***prefixes, size_t *np, int pass)
{
    if (!doc) return;
    if (pass == 1) {
        reads_node(r, doc->children, prefixes, np);
        return;
    }
    Reads ignore = {0};
    reads_node(&ignore, doc->children, prefixes, np);
    for (size_t i = 0; i < ignore.n; i++) free(ignore.names[i]);
    free(ignore.names);
}

/* Pass 0 gathers the prefixes bound to the facts' namespace (an import may
 * bind it in its own document), pass 1 the names. */
static void reads_style(Reads *r, xsltStylesheetPtr st, char ***prefixes, size_t *np, int pass)
{
    for (; st; st = st->next) {
        reads_doc(r, st->doc, prefixes, np, pass);
        for (xsltDocumentPtr inc = st->includes; inc; inc = inc->next) reads_doc(r, inc->doc, prefixes, np, pass);
        reads_style(r, st->imports, prefixes, np, pass);
    }
}

static void find_reads(Compiled *c)
{
    Reads r = {0};
    char **prefixes = NULL;
    size_t np = 0;
    xsltStylesheetPtr top = c->style;
    xsltStylesheetPtr saved = top->next;
    top->next = NULL; /* only this stylesheet and what it imports */
    reads_style(&r, top, &prefixes, &np, 0);
    reads_style(&r, top, &prefixes, &np, 1);
    top->next = saved;
    if (!np) r.all = true;
    for (size_t k = 0; k < np; k++) free(prefixes[k]);
    free(prefixes);
    if (r.all) {
        for (size_t i = 0; i < r.n; i++) free(r.names[i]);
        free(r.names);
        return;
    }
    c->sections = r.names;
    c->nsections = r.n;
}

/* The facts' sections the stylesheet does not name, unlinked; put back in
 * their places by unprune. */
typedef struct {
    xmlNode **v; /* every child of the root, in order */
    size_t n;
} Pruned;

static void prune(xmlDoc *facts, const Compiled *c, Pruned *pr)
{
    pr->v = NULL;
    pr->n = 0;
    xmlNode *root = xmlDocGetRootElement(facts);
    if (!c->sections || !root) return;
    for (xmlNode *k = root->children; k; k = k->next) pr->n++;
    pr->v = xmalloc((pr->n ? pr->n : 1) * sizeof *pr->v);
    size_t i = 0;
    for (xmlNode *k = root->children; k; k = k->next) pr->v[i++] = k;
    for (i = 0; i < pr->n; i++) {
        xmlNode *k = pr->v[i];
        if (k->type != XML_ELEMENT_NODE || !k->ns || strcmp((const char *)k->ns->href, FACTS_NS) != 0) continue;
        bool named = false;
        for (size_t s = 0; s < c->nsections && !named; s++) named = strcmp(c->sections[s], (const char *)k->name) == 0;
        if (!named) xmlUnlinkNode(k);
    }
}

static void unprune(xmlDoc *facts, Pruned *pr)
{
    if (!pr->v) return;
    xmlNode *root = xmlDocGetRootElement(facts);
    for (size_t i = 0; i < pr->n; i++) xmlUnlinkNode(pr->v[i]);
    for (size_t i = 0; i < pr->n; i++) xmlAddChild(root, pr->v[i]);
    free(pr->v);
    pr->v = NULL;
}

static Compiled *sheet(Xform *x, const char *kind, char **path_out)
{
    char *path = xasprintf("%s/stylesheets/%s.xsl", x->datadir, kind);
    *path_out = path;
    for (size_t i = 0; i < x->n; i++)
        if (strcmp(x->v[i].kind, kind) == 0) return &x->v[i];
    x->v = xrealloc(x->v, (x->n + 1) * sizeof *x->v);
    Compiled *c = &x->v[x->n++];
    memset(c, 0, sizeof *c);
    c->kind = xstrdup(kind);
    current_sheet = path;
    FILE *f = fopen(path, "r");
    if (!f) {
        diag_system("stylesheet %s is missing", path);
        c->style = NULL;
        return c;
    }
    fclose(f);
    xmlSetGenericErrorFunc(NULL, on_xslt_error); /* XPath compile errors too */
    c->style = xsltParseStylesheetFile((const xmlChar *)path);
    flush_message();
    xmlSetGenericErrorFunc(NULL, NULL);
    if (!c->style) diag_report(DIAG_ERROR, path, 0, 0, "the stylesheet does not compile");
    else if (!getenv("DOSSIER_ALL_FACTS")) find_reads(c);
    return c;
}

static void load_rng(Xform *x);

bool xform_prepare(Xform *x, const char *kind)
{
    load_rng(x);
    char *path = NULL;
    bool ok = sheet(x, kind, &path)->style != NULL;
    free(path);
    return ok;
}

static void on_rng_error(void *ctx, xmlErrorPtr e)
{
    const char *sheet_path = ctx;
    char *path = e->node ? (char *)xmlGetNodePath(e->node) : NULL;
    char *m = xstrdup(e->message ? e->message : "invalid");
    size_t n = strlen(m);
    while (n && m[n - 1] == '\n') m[--n] = 0;
    diag_report(DIAG_ERROR, sheet_path, 0, 0, "the layout tree it makes is not valid: %s (at %s)", m, path ? path : "?");
    free(m);
    if (path) xmlFree(path);
}

static void load_rng(Xform *x)
{
    if (x->rng_tried) return;
    x->rng_tried = true;
    char *rng = xasprintf("%s/schemas/layout.rng", x->datadir);
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(rng);
    x->layout_rng = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    if (!x->layout_rng) diag_system("cannot compile %s", rng);
    free(rng);
}

static bool validate(Xform *x, xmlDoc *doc, const char *sheet_path)
{
    load_rng(x);
    if (!x->layout_rng) return false;
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(x->layout_rng);
    xmlRelaxNGSetValidStructuredErrors(vc, on_rng_error, (void *)sheet_path);
    int r = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    return r == 0;
}

xmlDoc *xform_document(Xform *x, xmlDoc *facts, const char *kind, const char *number, const char *lang)
{
    return xform_document_limited(x, facts, kind, number, lang, NULL);
}

xmlDoc *xform_document_limited(Xform *x, xmlDoc *facts, const char *kind, const char *number, const char *lang,
                               const char *max_class)
{
    char *path = NULL;
    Compiled *c = sheet(x, kind, &path);
    xsltStylesheetPtr style = c->style;
    if (!style) {
        free(path);
        return NULL;
    }
    current_sheet = path;
    /* pruned first: creating the context numbers the elements of the
     * document in document order (xmlXPathOrderDocElems), which then reaches
     * only what the transform can; sections put back keep numbers from
     * another transform's order, and every transform numbers afresh */
    Pruned pr;
    prune(facts, c, &pr);
    xsltTransformContextPtr ctxt = xsltNewTransformContext(style, facts);
    if (!ctxt) die_oom();
    xsltSetCtxtSecurityPrefs(x->sec, ctxt);
    xsltQuoteOneUserParam(ctxt, (const xmlChar *)"number", (const xmlChar *)number);
    xsltQuoteOneUserParam(ctxt, (const xmlChar *)"lang", (const xmlChar *)lang);
    if (max_class) xsltQuoteOneUserParam(ctxt, (const xmlChar *)"max-class", (const xmlChar *)max_class);
    xmlSetGenericErrorFunc(NULL, on_xslt_error);
    xmlDoc *res = xsltApplyStylesheetUser(style, facts, NULL, NULL, NULL, ctxt);
    unprune(facts, &pr);
    flush_message();
    xmlSetGenericErrorFunc(NULL, NULL);
    bool failed = !res || ctxt->state == XSLT_STATE_ERROR || ctxt->state == XSLT_STATE_STOPPED;
    xsltFreeTransformContext(ctxt);
    if (failed) {
        diag_report(DIAG_ERROR, path, 0, 0, "stylesheet failed for document '%s' (%s)", number, lang);
        if (res) xmlFreeDoc(res);
        free(path);
        return NULL;
    }
    if (!validate(x, res, path)) {
        xmlFreeDoc(res);
        free(path);
        return NULL;
    }
    free(path);
    return res;
}
