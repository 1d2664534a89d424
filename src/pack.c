/*
 * pack.c: the audit pack (dossier pack). Into an empty directory:
 *
 *   documents/       every approved document at its current version (held
 *                    to the lock when released), each language, nothing
 *                    classified above --max-class: such a document is left
 *                    out and listed; details classified above it are
 *                    withheld by the stylesheets ($max-class)
 *   register.pdf/.csv  the register of controlled documents, with what is
 *                    in the pack and why not
 *   evidence.pdf/.csv  each clause of the standard (templates/clauses/)
 *                    with the documents and sections that answer it; the
 *                    clauses without evidence named as gaps
 *   records/         the operational records behind the figures, and
 *                    metrics.json
 *   manifest.json, MANIFEST.sha256  (sha256sum -c inside the pack)
 *
 * Written staged, like build: all of it or nothing.
 */
#include "pack.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "facts/metrics.h"
#include "load/load.h"
#include "load/xml.h"
#include "output.h"
#include "render/render.h"
#include "transform/xform.h"
#include "typeset/typeset.h"
#include "util.h"

#define FACTS_NS "urn:dossier:facts:1"

typedef struct {
    const Document *d;
    const char *lang;
    char *file; /* documents/NAME.pdf */
    char *version; /* the version in the pack */
    Date period;
    bool released;
    /* the headings, for the evidence */
    char **hid, **hnum, **htitle;
    int *hpage, nh;
    int pages;
} Packed;

static const Ranked *class_level(const ClassPolicy *cp, const char *id)
{
    for (size_t i = 0; cp && id && i < cp->levels.n; i++)
        if (str_eq(cp->levels.v[i].id, id)) return &cp->levels.v[i];
    return NULL;
}

static bool dir_empty_or_absent(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d) return access(dir, F_OK) != 0;
    bool empty = g_dir_read_name(d) == NULL;
    g_dir_close(d);
    return empty;
}

/* a CSV field (RFC 4180) */
static void csv(Buf *b, const char *s, bool last)
{
    s = s ? s : "";
    bool quote = strpbrk(s, ",\"\n\r") != NULL;
    if (quote) buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"') buf_putc(b, '"');
        buf_putc(b, *s);
    }
    if (quote) buf_putc(b, '"');
    buf_puts(b, last ? "\r\n" : ",");
}

static void stage_text(const char *dir, const char *rel, const char *text, Manifest *man)
{
    char *path = path_join(dir, rel);
    char *sub = xstrdup(path), *slash = strrchr(sub, '/');
    *slash = 0;
    output_mkdir(sub);
    output_stage(sub, slash + 1, text, strlen(text));
    man->files = xrealloc(man->files, (man->nfiles + 1) * sizeof *man->files);
    man->files[man->nfiles++] = (ManFile){xstrdup(rel), strlen(text), sha256_mem(text, strlen(text))};
    free(sub);
    free(path);
}

static void stage_bytes(const char *dir, const char *rel, const char *data, size_t len, Manifest *man)
{
    char *path = path_join(dir, rel);
    char *sub = xstrdup(path), *slash = strrchr(sub, '/');
    *slash = 0;
    output_mkdir(sub);
    output_stage(sub, slash + 1, data, len);
    man->files = xrealloc(man->files, (man->nfiles + 1) * sizeof *man->files);
    man->files[man->nfiles++] = (ManFile){xstrdup(rel), len, sha256_mem(data, len)};
    free(sub);
    free(path);
}

/* A pack document (register, evidence) made by its stylesheet from the
 * facts with the pack's own element added. */
static bool pack_pdf(Xform *x, Typesetter *ts, const TypesetOptions *to, xmlDoc *facts, const char *kind,
                     const char *lang, Buf *pdf)
{
    xmlDoc *layout = xform_document(x, facts, kind, "", lang);
    if (!layout) return false;
    Pages *p = typeset_document(ts, layout, to);
    bool ok = p && render_pdf(p, pdf);
    pages_free(p);
    xmlFreeDoc(layout);
    return ok;
}

static xmlNode *fchild(xmlNode *parent, xmlNs *ns, const char *name)
{
    return xmlNewChild(parent, ns, (const xmlChar *)name, NULL);
}

static void fset(xmlNode *n, const char *k, const char *v)
{
    if (v) xmlSetProp(n, (const xmlChar *)k, (const xmlChar *)v);
}

static void copy_records(const Model *m, const char *dir, Manifest *man)
{
    for (size_t i = 0; i < m->files.n; i++) {
        const Src *s = m->files.v[i];
        SrcKind k = (SrcKind)s->kind;
        if (k != SK_INCIDENTS && k != SK_OUTAGES && k != SK_CHANGES && k != SK_WORKLOAD && k != SK_SATISFACTION &&
            k != SK_KPIS)
            continue;
        /* records/... as in the input tree (kpis and records files there) */
        char *rel = strncmp(s->rel, "records/", 8) == 0 ? xstrdup(s->rel) : xasprintf("records/%s", s->rel);
        stage_bytes(dir, rel, s->buf, s->len, man);
        free(rel);
    }
}

typedef struct {
    const char *dir;
    Typesetter *ts;
    const TypesetOptions *to;
    Manifest *man;
    xmlNs *ns;
} PackCtx;

/* The released entry of a document with the highest version other than
 * its current one (for a periodic report, of the period); NULL if none. */
static const LockEntry *latest_release(const Lock *lock, const Document *d, Date period)
{
    const LockEntry *best = NULL;
    Version bv = {0};
    bool per = kind_is_periodic(d->kind);
    for (size_t i = 0; lock && i < lock->n; i++) {
        const LockEntry *e = &lock->v[i];
        if (!str_eq(e->number, d->number) || str_eq(e->version, d->version)) continue;
        if (per && date_cmp(e->period, period) != 0) continue;
        Version v;
        if (version_parse(e->version, &v) || v.scheme != d->v.scheme) continue;
        if (!best || version_cmp(v, bv) > 0) best = e, bv = v;
    }
    return best;
}

/* One edition into the pack: typeset, staged under documents/, in the
 * manifest and the pack's facts, its headings kept for the evidence. */
static bool pack_edition(PackCtx *px, const Document *d, int l, const char *dl, const char *version, Date period,
                         xmlDoc *layout, Sha lsha, const LockEntry *rel, xmlNode *pd, Packed *k)
{
    Pages *p = typeset_document(px->ts, layout, px->to);
    Buf pdf = {0};
    bool ok = p && render_pdf(p, &pdf) && !diag_error_count();
    if (ok) {
        memset(k, 0, sizeof *k);
        k->d = d;
        k->lang = dl;
        k->period = period;
        k->released = rel != NULL;
        Buf nb = {0};
        buf_puts(&nb, d->number);
        if (str_eq(d->kind, "quarterly-service-report")) buf_printf(&nb, "_%04d-Q%d", period.y, (period.m - 1) / 3 + 1);
        else if (kind_is_periodic(d->kind)) buf_printf(&nb, "_%04d-%02d", period.y, period.m);
        buf_putc(&nb, '_');
        for (const char *c = version; *c; c++) buf_putc(&nb, *c == '/' ? '-' : *c);
        buf_printf(&nb, "_%s.pdf", dl);
        char *name = buf_steal(&nb);
        k->file = xasprintf("documents/%s", name);
        k->version = xstrdup(version);
        k->pages = pages_count(p);
        k->nh = pages_heading_count(p);
        k->hid = xcalloc((size_t)k->nh + 1, sizeof *k->hid);
        k->hnum = xcalloc((size_t)k->nh + 1, sizeof *k->hnum);
        k->htitle = xcalloc((size_t)k->nh + 1, sizeof *k->htitle);
        k->hpage = xcalloc((size_t)k->nh + 1, sizeof *k->hpage);
        for (int h = 0; h < k->nh; h++) {
            PageHeading ph = pages_heading(p, h);
            k->hid[h] = xstrdup(ph.id);
            k->hnum[h] = xstrdup(ph.number);
            k->htitle[h] = xstrdup(ph.title);
            k->hpage[h] = ph.page;
        }
        char *sub = path_join(px->dir, "documents");
        output_mkdir(sub);
        output_stage(sub, name, pdf.s, pdf.len);
        free(sub);
        ManDoc *md = &px->man->docs[px->man->ndocs++];
        md->number = xstrdup(d->number);
        md->title = xstrdup(text_get(d->title, l) ? text_get(d->title, l) : "");
        md->version = xstrdup(version);
        md->status = xstrdup(d->status);
        md->classification = xstrdup(d->classification ? d->classification : "");
        md->lang = xstrdup(dl);
        md->kind = xstrdup(d->kind);
        md->period = kind_is_periodic(d->kind) ? xasprintf("%04d-%02d", period.y, period.m) : xstrdup("");
        md->file = xstrdup(k->file);
        md->pages = k->pages;
        md->bytes = pdf.len;
        md->sha = sha256_mem(pdf.s, pdf.len);
        md->layout = lsha;
        const LockEdition *ed = lock_edition(rel, dl);
        md->released = ed && strcmp(ed->pdf.hex, md->sha.hex) == 0;
        md->sources = xcalloc(1, sizeof *md->sources);
        xmlNode *fe = fchild(pd, px->ns, "file");
        fset(fe, "lang", dl);
        fset(fe, "name", k->file);
        char pages[16];
        snprintf(pages, sizeof pages, "%d", k->pages);
        fset(fe, "pages", pages);
        free(name);
    }
    buf_free(&pdf);
    pages_free(p);
    return ok;
}

bool documents_pack(const Model *m, const Calc *c, xmlDoc *facts, const BuildOptions *o, const Lock *lock,
                    const char *standard, const char *max_class, const char *dir)
{
    /* the standard's clauses */
    char *clauses_path = xasprintf("%s/templates/clauses/%s.xml", o->datadir, standard);
    if (access(clauses_path, R_OK) != 0) {
        diag_report(DIAG_ERROR, NULL, 0, 0, "no clauses for the standard '%s' (%s); the standards are iso20000, iso22301, iso27001",
                    standard, clauses_path);
        free(clauses_path);
        return false;
    }
    Src *cl = xcalloc(1, sizeof *cl);
    cl->path = clauses_path;
    cl->rel = xstrdup(clauses_path);
    if (!src_read(cl, LIMIT_FILE_BYTES) || !src_parse(cl)) {
        src_free(cl);
        return false;
    }
    /* the classification limit */
    Date last = {o->period.y, o->period.m, days_in_month(o->period.y, o->period.m)};
    const PolicyEdition *pe = policy_at(m, last);
    const ClassPolicy *cp = pe ? pe->cls : NULL;
    const Ranked *limit = class_level(cp, max_class);
    if (!limit) {
        Buf ids = {0};
        for (size_t i = 0; cp && i < cp->levels.n; i++) buf_printf(&ids, "%s%s", i ? ", " : "", cp->levels.v[i].id);
        diag_report(DIAG_ERROR, NULL, 0, 0, "--max-class '%s' is not a classification level (%s)", max_class,
                    ids.s ? ids.s : "none");
        buf_free(&ids);
        src_free(cl);
        return false;
    }
    if (!dir_empty_or_absent(dir)) {
        diag_report(DIAG_ERROR, dir, 0, 0, "the pack's directory must be new or empty");
        src_free(cl);
        return false;
    }
    if (!output_mkdir(dir)) {
        src_free(cl);
        return false;
    }
    const char *lang = o->lang == LANG_EN ? "en" : "zh-CN";
    FactsCache *fc = facts_cache_new(m, c, facts, o->period, o->lang);
    Xform *x = xform_new(o->datadir);
    Typesetter *ts = typeset_new();
    TypesetOptions to = {.image_root = o->input};
    Manifest *man = xcalloc(1, sizeof *man);
    man->engine = xstrdup(engine_id());
    man->period = xasprintf("%04d-%02d", o->period.y, o->period.m);
    man->docs = xcalloc(m->documents.n * 2 + 1, sizeof *man->docs);
    Packed *pk = xcalloc(m->documents.n * 2 + 1, sizeof *pk);
    size_t npk = 0;

    /* the pack's own part of the facts: what is in it, and why not */
    xmlDoc *pf = xmlCopyDoc(facts, 1);
    xmlNode *root = xmlDocGetRootElement(pf);
    xmlNs *ns = xmlSearchNsByHref(pf, root, (const xmlChar *)FACTS_NS);
    xmlNode *pack = fchild(root, ns, "pack");
    fset(pack, "standard", standard);
    fset(pack, "max-class", max_class);
    fset(pack, "period", man->period);

    for (size_t i = 0; i < m->documents.n; i++) {
        const Document *d = m->documents.v[i];
        xmlNode *pd = fchild(pack, ns, "document");
        fset(pd, "number", d->number);
        const Ranked *dc = class_level(cp, d->classification);
        if (!str_eq(d->status, "approved")) {
            fset(pd, "in-pack", "false");
            fset(pd, "reason", "status");
            continue;
        }
        if (!dc || dc->rank > limit->rank) {
            fset(pd, "in-pack", "false");
            fset(pd, "reason", "classification");
            continue;
        }
        const LockEntry *e = lock_for(lock, d, o->period);
        /* the current version not released, an earlier one is: that one,
         * typeset from its snapshot */
        const LockEntry *prev = e ? NULL : latest_release(lock, d, o->period);
        const LockEntry *rel = e ? e : prev;
        Date period = rel && !rel->periodic ? rel->period : o->period;
        fset(pd, "in-pack", "true");
        fset(pd, "released", rel ? "true" : "false");
        if (prev) fset(pd, "released-version", prev->version);
        if (rel) {
            char per[16];
            snprintf(per, sizeof per, "%04d-%02d", rel->period.y, rel->period.m);
            fset(pd, "release-period", per);
        }
        for (int l = LANG_ZH; l <= LANG_EN; l <<= 1) {
            if (!(d->langs & l)) continue;
            const char *dl = l == LANG_EN ? "en" : "zh-CN";
            xmlDoc *layout = NULL;
            Sha lsha;
            if (prev) {
                const LockEdition *ed = lock_edition(prev, dl);
                if (!ed) continue;
                char *snap = snapshot_path(o->input, d->number, prev->version, prev->periodic, prev->period, dl);
                layout = layout_read(snap, o->datadir);
                if (layout) {
                    lsha = layout_hash(layout, o->input, NULL);
                    if (strcmp(lsha.hex, ed->layout.hex) != 0)
                        diag_report(DIAG_ERROR, snap, 0, 0, "not the content %s records for %s %s (%s): restore it from version control",
                                    lock->path, d->number, prev->version, dl);
                }
                free(snap);
            } else {
                layout = xform_document_limited(x, facts_of(fc, period), d->kind, d->number, dl, max_class);
                if (layout) lsha = layout_hash(layout, o->input, NULL);
                if (layout && e) lock_content_check(m, o->datadir, d, dl, lsha, e, lock->path);
            }
            if (!layout) continue;
            PackCtx px = {dir, ts, &to, man, ns};
            Packed *k = &pk[npk];
            if (pack_edition(&px, d, l, dl, prev ? prev->version : d->version, period, layout, lsha, rel, pd, k)) npk++;
            layout_free(layout);
        }
    }

    /* the evidence: each clause, its documents and sections */
    xmlNode *cr = xmlDocGetRootElement(cl->doc);
    xmlNode *ev = fchild(pack, ns, "clauses");
    for (xmlNode *n = cr ? cr->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (strcmp((const char *)n->name, "name") == 0) {
            xmlAddChild(ev, xmlDocCopyNode(n, pf, 1));
            continue;
        }
        if (strcmp((const char *)n->name, "clause") != 0) continue;
        xmlNode *ce = fchild(ev, ns, "clause");
        xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");
        fset(ce, "id", (const char *)id);
        xmlFree(id);
        int found = 0;
        for (xmlNode *k = n->children; k; k = k->next) {
            if (k->type != XML_ELEMENT_NODE) continue;
            if (strcmp((const char *)k->name, "title") == 0) {
                xmlAddChild(ce, xmlDocCopyNode(k, pf, 1));
                continue;
            }
            if (strcmp((const char *)k->name, "evidence") != 0) continue;
            xmlChar *kind = xmlGetProp(k, (const xmlChar *)"kind"), *sect = xmlGetProp(k, (const xmlChar *)"section");
            if (kind && strcmp((const char *)kind, "register") == 0) {
                xmlNode *e = fchild(ce, ns, "evidence");
                fset(e, "register", "true");
                fset(e, "file", "register.pdf");
                found++;
            }
            for (size_t q = 0; q < npk; q++) {
                const Packed *p = &pk[q];
                if (!kind || !str_eq(p->d->kind, (const char *)kind) || !str_eq(p->lang, lang)) continue;
                xmlNode *e = fchild(ce, ns, "evidence");
                fset(e, "number", p->d->number);
                fset(e, "version", p->version);
                fset(e, "file", p->file);
                if (sect) {
                    for (int h = 0; h < p->nh; h++) {
                        if (strcmp(p->hid[h], (const char *)sect) != 0) continue;
                        fset(e, "section", p->hnum[h]);
                        fset(e, "title", p->htitle[h]);
                        char pg[16];
                        snprintf(pg, sizeof pg, "%d", p->hpage[h]);
                        fset(e, "page", pg);
                        break;
                    }
                }
                found++;
            }
            if (kind) xmlFree(kind);
            if (sect) xmlFree(sect);
        }
        fset(ce, "gap", found ? "false" : "true");
    }

    if (!diag_error_count()) {
        /* the register and the evidence, as PDFs and CSV */
        Buf pdf = {0};
        if (pack_pdf(x, ts, &to, pf, "register", lang, &pdf)) stage_bytes(dir, "register.pdf", pdf.s, pdf.len, man);
        buf_free(&pdf);
        if (pack_pdf(x, ts, &to, pf, "evidence", lang, &pdf)) stage_bytes(dir, "evidence.pdf", pdf.s, pdf.len, man);
        buf_free(&pdf);
        int l = o->lang == LANG_EN ? LANG_EN : LANG_ZH;
        Buf b = {0};
        const char *RH[] = {"number", "title", "kind", "version", "status", "classification", "effective", "review_by",
                            "released", "released_version", "release_period", "in_pack", "reason", "files"};
        for (size_t k = 0; k < sizeof RH / sizeof *RH; k++) csv(&b, RH[k], k + 1 == sizeof RH / sizeof *RH);
        xmlNode *pdn = pack->children;
        for (size_t i = 0; i < m->documents.n; i++, pdn = pdn->next) {
            const Document *d = m->documents.v[i];
            const Revision *rv = d->revisions.n ? &d->revisions.v[d->revisions.n - 1] : NULL;
            char eff[16] = "", rb[16] = "";
            if (rv && rv->has_effective) date_format(rv->effective, eff);
            if (d->has_review_by) date_format(d->review_by, rb);
            xmlChar *inp = xmlGetProp(pdn, (const xmlChar *)"in-pack"), *why = xmlGetProp(pdn, (const xmlChar *)"reason"),
                    *rel = xmlGetProp(pdn, (const xmlChar *)"released"), *rp = xmlGetProp(pdn, (const xmlChar *)"release-period"),
                    *rv2 = xmlGetProp(pdn, (const xmlChar *)"released-version");
            Buf files = {0};
            for (size_t q = 0; q < npk; q++)
                if (pk[q].d == d) buf_printf(&files, "%s%s", files.len ? " " : "", pk[q].file);
            const char *vals[] = {d->number, text_get(d->title, l), d->kind, d->version, d->status, d->classification, eff, rb,
                                  rel ? (const char *)rel : "false",
                                  rv2 ? (const char *)rv2 : (rel && xmlStrcmp(rel, (const xmlChar *)"true") == 0 ? d->version : ""),
                                  rp ? (const char *)rp : "",
                                  inp ? (const char *)inp : "false", why ? (const char *)why : "", files.s ? files.s : ""};
            for (size_t k = 0; k < sizeof vals / sizeof *vals; k++) csv(&b, vals[k], k + 1 == sizeof vals / sizeof *vals);
            buf_free(&files);
            xmlFree(inp), xmlFree(why), xmlFree(rel), xmlFree(rp), xmlFree(rv2);
        }
        char *text = buf_steal(&b);
        stage_text(dir, "register.csv", text, man);
        free(text);
        const char *EH[] = {"standard", "clause", "title", "gap", "number", "version", "section", "section_title", "page", "file"};
        for (size_t k = 0; k < sizeof EH / sizeof *EH; k++) csv(&b, EH[k], k + 1 == sizeof EH / sizeof *EH);
        for (xmlNode *ce = ev->children; ce; ce = ce->next) {
            if (ce->type != XML_ELEMENT_NODE || strcmp((const char *)ce->name, "clause") != 0) continue;
            xmlChar *cid = xmlGetProp(ce, (const xmlChar *)"id"), *gap = xmlGetProp(ce, (const xmlChar *)"gap");
            char *title = NULL;
            for (xmlNode *t = ce->children; t; t = t->next) {
                if (t->type != XML_ELEMENT_NODE || strcmp((const char *)t->name, "title") != 0) continue;
                xmlChar *xl = xmlNodeGetLang(t);
                bool en = xl && strcmp((const char *)xl, "en") == 0;
                if (xl) xmlFree(xl);
                if (en == (l == LANG_EN) || !title) {
                    free(title);
                    xmlChar *tc = xmlNodeGetContent(t);
                    title = xstrdup((const char *)tc);
                    xmlFree(tc);
                }
            }
            bool any = false;
            for (xmlNode *e = ce->children; e; e = e->next) {
                if (e->type != XML_ELEMENT_NODE || strcmp((const char *)e->name, "evidence") != 0) continue;
                any = true;
                const char *keys[] = {"number", "version", "section", "title", "page", "file"};
                csv(&b, standard, false), csv(&b, (const char *)cid, false), csv(&b, title, false), csv(&b, "false", false);
                for (size_t k = 0; k < 6; k++) {
                    xmlChar *v = xmlGetProp(e, (const xmlChar *)keys[k]);
                    if (!v && k == 0 && xmlHasProp(e, (const xmlChar *)"register")) csv(&b, "register", false);
                    else csv(&b, (const char *)v, k == 5);
                    if (v) xmlFree(v);
                }
            }
            if (!any) {
                csv(&b, standard, false), csv(&b, (const char *)cid, false), csv(&b, title, false), csv(&b, "true", false);
                for (int k = 0; k < 6; k++) csv(&b, "", k == 5);
            }
            free(title);
            xmlFree(cid), xmlFree(gap);
        }
        text = buf_steal(&b);
        stage_text(dir, "evidence.csv", text, man);
        free(text);
        /* the records behind the figures */
        copy_records(m, dir, man);
        char *json = metrics_json(m, c);
        stage_text(dir, "records/metrics.json", json, man);
        free(json);
        /* the manifest */
        manifest_stage(dir, man);
        size_t excluded = 0;
        for (xmlNode *n = pack->children; n; n = n->next)
            if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "document") == 0) {
                xmlChar *r = xmlGetProp(n, (const xmlChar *)"reason");
                if (r && strcmp((const char *)r, "classification") == 0) excluded++;
                if (r) xmlFree(r);
            }
        if (!diag_error_count())
            printf("%s: %zu document file%s, %zu document%s left out above %s; the register, the evidence for %s and the records\n",
               dir, npk, npk == 1 ? "" : "s", excluded, excluded == 1 ? "" : "s", max_class, standard);
    }
    for (size_t q = 0; q < npk; q++) {
        for (int h = 0; h < pk[q].nh; h++) free(pk[q].hid[h]), free(pk[q].hnum[h]), free(pk[q].htitle[h]);
        free(pk[q].hid), free(pk[q].hnum), free(pk[q].htitle), free(pk[q].hpage), free(pk[q].file), free(pk[q].version);
    }
    free(pk);
    xmlFreeDoc(pf);
    manifest_free(man);
    typeset_free(ts);
    xform_free(x);
    facts_cache_free(fc);
    src_free(cl);
    return !diag_error_count();
}
