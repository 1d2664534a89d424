/*
 * xform.c: libxslt with security preferences, messages routed to diag,
 * compiled stylesheets kept for the run, results validated.
 */
#include "xform.h"

#include <libexslt/exslt.h>
#include <libxml/relaxng.h>
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
#include "../load/xml.h"
#include "../util.h"

typedef struct {
    char *kind;
    xsltStylesheetPtr style; /* NULL: failed to compile (reported once) */
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

static xsltStylesheetPtr sheet(Xform *x, const char *kind, char **path_out)
{
    char *path = xasprintf("%s/stylesheets/%s.xsl", x->datadir, kind);
    *path_out = path;
    for (size_t i = 0; i < x->n; i++)
        if (strcmp(x->v[i].kind, kind) == 0) return x->v[i].style;
    x->v = xrealloc(x->v, (x->n + 1) * sizeof *x->v);
    Compiled *c = &x->v[x->n++];
    c->kind = xstrdup(kind);
    current_sheet = path;
    FILE *f = fopen(path, "r");
    if (!f) {
        diag_system("stylesheet %s is missing", path);
        c->style = NULL;
        return NULL;
    }
    fclose(f);
    xmlSetGenericErrorFunc(NULL, on_xslt_error); /* XPath compile errors too */
    c->style = xsltParseStylesheetFile((const xmlChar *)path);
    flush_message();
    xmlSetGenericErrorFunc(NULL, NULL);
    if (!c->style) diag_report(DIAG_ERROR, path, 0, 0, "the stylesheet does not compile");
    return c->style;
}

static void load_rng(Xform *x);

bool xform_prepare(Xform *x, const char *kind)
{
    load_rng(x);
    char *path = NULL;
    bool ok = sheet(x, kind, &path) != NULL;
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
    xsltStylesheetPtr style = sheet(x, kind, &path);
    if (!style) {
        free(path);
        return NULL;
    }
    current_sheet = path;
    xsltTransformContextPtr ctxt = xsltNewTransformContext(style, facts);
    if (!ctxt) die_oom();
    xsltSetCtxtSecurityPrefs(x->sec, ctxt);
    xsltQuoteOneUserParam(ctxt, (const xmlChar *)"number", (const xmlChar *)number);
    xsltQuoteOneUserParam(ctxt, (const xmlChar *)"lang", (const xmlChar *)lang);
    if (max_class) xsltQuoteOneUserParam(ctxt, (const xmlChar *)"max-class", (const xmlChar *)max_class);
    xmlSetGenericErrorFunc(NULL, on_xslt_error);
    xmlDoc *res = xsltApplyStylesheetUser(style, facts, NULL, NULL, NULL, ctxt);
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
