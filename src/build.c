/*
 * build.c: the documents of the register (see build.h and docs/control.md).
 */
#include "build.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "facts/facts.h"
#include "load/load.h"
#include "load/xml.h"
#include "output.h"
#include "render/render.h"
#include "transform/xform.h"
#include "typeset/typeset.h"
#include "util.h"

bool kind_is_periodic(const char *kind)
{
    return str_eq(kind, "monthly-service-report") || str_eq(kind, "quarterly-service-report") ||
           str_eq(kind, "drill-work-report");
}

char *document_file(const Document *d, Date period, const char *lang)
{
    Buf b = {0};
    buf_puts(&b, d->number);
    if (str_eq(d->kind, "quarterly-service-report")) buf_printf(&b, "_%04d-Q%d", period.y, (period.m - 1) / 3 + 1);
    else if (kind_is_periodic(d->kind)) buf_printf(&b, "_%04d-%02d", period.y, period.m);
    buf_putc(&b, '_');
    for (const char *c = d->version; *c; c++) buf_putc(&b, *c == '/' ? '-' : *c);
    buf_printf(&b, "_%s.pdf", lang);
    return buf_steal(&b);
}

char *snapshot_path(const char *input, const char *number, const char *version, bool periodic, Date period,
                    const char *lang)
{
    Buf b = {0};
    buf_printf(&b, "%s/releases/%s/", input, number);
    for (const char *c = version; *c; c++) buf_putc(&b, *c == '/' ? '-' : *c);
    if (periodic) buf_printf(&b, "_%04d-%02d", period.y, period.m);
    buf_printf(&b, ".%s.layout", lang);
    return buf_steal(&b);
}

/* ---- the figures of other periods ------------------------------------------ */

typedef struct {
    Date period;
    Calc *c;       /* owned when computed here */
    xmlDoc *facts; /* owned when computed here */
    bool own;
} PeriodFacts;

struct FactsCache {
    const Model *m;
    PeriodFacts *v;
    size_t n;
    int lang;
};

FactsCache *facts_cache_new(const Model *m, const Calc *c, xmlDoc *facts, Date period, int lang)
{
    FactsCache *fc = xcalloc(1, sizeof *fc);
    fc->m = m;
    fc->lang = lang;
    fc->v = xcalloc(1, sizeof *fc->v);
    fc->v[0] = (PeriodFacts){period, (Calc *)c, facts, false};
    fc->n = 1;
    return fc;
}

xmlDoc *facts_of(FactsCache *fc, Date period)
{
    for (size_t i = 0; i < fc->n; i++)
        if (date_cmp(fc->v[i].period, period) == 0) return fc->v[i].facts;
    fc->v = xrealloc(fc->v, (fc->n + 1) * sizeof *fc->v);
    PeriodFacts *p = &fc->v[fc->n++];
    p->period = period;
    p->c = calc_run(fc->m, period);
    FactsOptions fo = {.period = period, .lang = fc->lang};
    p->facts = facts_build(fc->m, p->c, &fo);
    p->own = true;
    return p->facts;
}

void facts_cache_free(FactsCache *fc)
{
    if (!fc) return;
    for (size_t i = 0; i < fc->n; i++)
        if (fc->v[i].own) {
            facts_free(fc->v[i].facts);
            calc_free(fc->v[i].c);
        }
    free(fc->v);
    free(fc);
}

/* ---- what a document is made from ------------------------------------------- */

typedef struct {
    char **v;
    size_t n;
} StrVec;

/* The Markdown files elements name (src attributes): n, its following
 * siblings unless one is asked for, and their subtrees. What the facts
 * added to a record moved into them is not looked at. */
static void md_of(const xmlNode *n, const char *base_rel, StrVec *out, bool one)
{
    for (; n; n = one ? NULL : n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (n->ns && n->ns->href && strcmp((const char *)n->ns->href, FACTS_NS) == 0) continue;
        xmlChar *src = xmlGetNoNsProp(n, (const xmlChar *)"src");
        if (src) {
            char *rel = load_resolve(base_rel, (const char *)src);
            if (rel) {
                out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
                out->v[out->n++] = rel;
            }
            xmlFree(src);
        }
        md_of(n->children, base_rel, out, false);
    }
}

static void add_path(StrVec *out, const char *p)
{
    for (size_t i = 0; i < out->n; i++)
        if (strcmp(out->v[i], p) == 0) return;
    out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
    out->v[out->n++] = xstrdup(p);
}

static void add_record_file(StrVec *out, const xmlNode *n)
{
    const Src *s = n ? src_of(n) : NULL;
    if (!s) return;
    add_path(out, s->rel);
    StrVec md = {0};
    /* a plan or drill is its file's root (and may have been moved into
     * the facts since) */
    md_of(n, s->rel, &md, true);
    for (size_t i = 0; i < md.n; i++) {
        add_path(out, md.v[i]);
        free(md.v[i]);
    }
    free(md.v);
}

/* The source files a document kind reads (for the manifest): every file of
 * the kinds its stylesheet uses, the register, and its own plan, drill and
 * Markdown. Sorted. */
static char **document_sources(const Model *m, const Document *d, size_t *n)
{
    static const struct {
        const char *kind;
        const char *srcs; /* root names of the source kinds */
    } USES[] = {
        {"process-manual", "organisation policies kpis"},
        {"bia-report", "organisation policies services business-functions risks plan drill"},
        {"continuity-plan", "organisation policies calendars services business-functions drill changes incidents"},
        {"drill-plan", "organisation policies services business-functions"},
        {"drill-report", "organisation policies services business-functions"},
        {"monthly-service-report",
         "organisation policies calendars services plan drill risks incidents outages changes workload satisfaction kpis"},
        {"quarterly-service-report",
         "organisation policies calendars services plan drill risks incidents outages changes workload satisfaction kpis"},
        {"drill-work-report", "organisation policies plan drill changes kpis"},
    };
    const char *uses = "";
    for (size_t i = 0; i < sizeof USES / sizeof *USES; i++)
        if (str_eq(USES[i].kind, d->kind)) uses = USES[i].srcs;
    StrVec out = {0};
    for (size_t i = 0; i < m->files.n; i++) {
        const Src *s = m->files.v[i];
        const char *root = srckind_root((SrcKind)s->kind);
        if (!root || strcmp(s->rel, "(defaults)") == 0) continue;
        char pat[64];
        snprintf(pat, sizeof pat, " %s ", root);
        char hay[512];
        snprintf(hay, sizeof hay, " %s register ", uses);
        if (strstr(hay, pat)) add_path(&out, s->rel);
    }
    for (size_t i = 0; i < d->prose.n; i++)
        if (d->prose.v[i].md) add_path(&out, d->prose.v[i].md->rel);
    if (d->plan) add_record_file(&out, d->plan->node);
    if (d->drill) {
        add_record_file(&out, d->drill->node);
        if (d->drill->plan) add_record_file(&out, d->drill->plan->node);
    }
    xsort(out.v, out.n, sizeof *out.v, cmp_str_ptr);
    *n = out.n;
    return out.v;
}

/* Every file a released edition is held to: the sources, and the
 * stylesheet and template parts of its kind and languages. */
static LockInput *release_inputs(const Model *m, const char *datadir, const Document *d, size_t *n)
{
    StrVec paths = {0};
    for (size_t i = 0; i < m->files.n; i++)
        if (strcmp(m->files.v[i]->rel, "(defaults)") != 0) add_path(&paths, m->files.v[i]->rel);
    for (size_t i = 0; i < m->markdown.n; i++) add_path(&paths, m->markdown.v[i]->rel);
    char *p;
    add_path(&paths, "stylesheets/common.xsl");
    p = xasprintf("stylesheets/%s.xsl", d->kind);
    add_path(&paths, p);
    free(p);
    add_path(&paths, "templates/layout.xml");
    for (int l = LANG_ZH; l <= LANG_EN; l <<= 1) {
        const char *lang = l == LANG_EN ? "en" : "zh-CN";
        p = xasprintf("templates/labels/%s.xml", lang);
        add_path(&paths, p);
        free(p);
        p = xasprintf("templates/labels/%s.%s.xml", d->kind, lang);
        add_path(&paths, p);
        free(p);
    }
    xsort(paths.v, paths.n, sizeof *paths.v, cmp_str_ptr);
    LockInput *in = xcalloc(paths.n ? paths.n : 1, sizeof *in);
    size_t k = 0;
    for (size_t i = 0; i < paths.n; i++) {
        bool data = strncmp(paths.v[i], "stylesheets/", 12) == 0 || strncmp(paths.v[i], "templates/", 10) == 0;
        char *full = path_join(data ? datadir : m->root, paths.v[i]);
        if (sha256_file(full, &in[k].sha)) in[k++].path = paths.v[i];
        else free(paths.v[i]);
        free(full);
    }
    free(paths.v);
    *n = k;
    return in;
}

/* What changed since a release: the inputs whose bytes differ, are gone or
 * are new; as a short list for a message. */
static char *changed_inputs(const Model *m, const char *datadir, const Document *d, const LockEntry *e)
{
    size_t n = 0;
    LockInput *now = release_inputs(m, datadir, d, &n);
    Buf b = {0};
    int shown = 0, more = 0;
    for (size_t i = 0; i < e->nin; i++) {
        const LockInput *was = &e->in[i];
        const LockInput *is = NULL;
        for (size_t k = 0; k < n && !is; k++)
            if (strcmp(now[k].path, was->path) == 0) is = &now[k];
        const char *what = !is ? "removed" : strcmp(is->sha.hex, was->sha.hex) != 0 ? "changed" : NULL;
        if (!what) continue;
        if (shown < 6) buf_printf(&b, "%s%s %s", shown ? ", " : "", was->path, what), shown++;
        else more++;
    }
    for (size_t k = 0; k < n; k++) {
        bool known = false;
        for (size_t i = 0; i < e->nin && !known; i++) known = strcmp(now[k].path, e->in[i].path) == 0;
        if (known) continue;
        if (shown < 6) buf_printf(&b, "%s%s added", shown ? ", " : "", now[k].path), shown++;
        else more++;
    }
    if (more) buf_printf(&b, " and %d more", more);
    if (!shown) buf_puts(&b, "no input file changed; the stylesheets or dossier's reading of them did");
    for (size_t k = 0; k < n; k++) free(now[k].path);
    free(now);
    return buf_steal(&b);
}

/* ---- one document --------------------------------------------------------------- */

typedef struct {
    const Document *d;
    const char *lang;
    Date period;
    const LockEntry *lock;
    xmlDoc *layout;
    Sha layout_sha;
    Sha inputs; /* what it is made from (tree digest, engine, language, period) */
    char *file;
    bool reuse;
    bool sent;     /* to the press; its result comes back in result */
    Buf result;
    bool result_ok;
    /* results */
    Buf pdf;
    int pages;
    bool made;
} Job;

/* the period a document's figures are for: a released non-periodic version
 * keeps the one it was released with */
const LockEntry *lock_for(const Lock *lock, const Document *d, Date period)
{
    bool per = kind_is_periodic(d->kind);
    return lock_find(lock, d->number, d->version, per, period);
}

static bool typeset_one(Typesetter *ts, const TypesetOptions *to, Job *j)
{
    return press_typeset(ts, to, j->layout, &j->pdf, &j->pages);
}

/* A press worker's result ([diagnostics][u32 pages][u64 length][PDF
 * bytes]; length 0: none), or its failure (ok false). */
static void take_result(Job *j, bool ok, const char *s, size_t len)
{
    size_t used = 0;
    uint32_t pages = 0;
    uint64_t n = 0;
    ok = ok && diag_import(s, len, &used) && len - used >= sizeof pages + sizeof n;
    if (ok) {
        memcpy(&pages, s + used, sizeof pages);
        used += sizeof pages;
        memcpy(&n, s + used, sizeof n);
        used += sizeof n;
        ok = len - used == n;
    }
    if (!ok) {
        diag_system("building %s (%s) failed in its worker process", j->d->number, j->lang);
    } else if (n) {
        buf_put(&j->pdf, s + used, (size_t)n);
        j->pages = (int)pages;
        j->made = true;
    }
}

/* Typeset the jobs that need it one after the other, in this process:
 * without a press (DOSSIER_PRESS=0, DOSSIER_FAIL_ALLOC, or no worker could
 * be started). */
static void typeset_here(Job *jobs, size_t n, const TypesetOptions *to)
{
    Typesetter *ts = NULL;
    for (size_t k = 0; k < n; k++) {
        if (jobs[k].reuse || !jobs[k].layout) continue;
        if (!ts) ts = typeset_new();
        jobs[k].made = typeset_one(ts, to, &jobs[k]);
    }
    typeset_free(ts);
}

/* ---- the press: workers forked when the build started ------------------------- */

/* a layout as the text the press sends (UTF-8, as the tree is: no
 * indentation added) */
static Buf layout_text(xmlDoc *doc)
{
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 0);
    if (!mem) die_oom();
    Buf b = {0};
    buf_put(&b, (const char *)mem, (size_t)len);
    xmlFree(mem);
    return b;
}

/* results that came back (wait: all of them), kept in their jobs */
static void press_collect(Press *p, Job *jobs, bool wait)
{
    PressDone d;
    while (press_next(p, wait, &d)) {
        Job *j = &jobs[d.id];
        j->result = d.result;
        j->result_ok = d.ok;
    }
}

/* ---- the layout of one document ----------------------------------------------------- */

static xmlDoc *layout_for(Xform *x, FactsCache *fc, const Document *d, const char *lang, Date period)
{
    return xform_document(x, facts_of(fc, period), d->kind, d->number, lang);
}

/* A released version's content is held to the lock: report when it differs
 * (at the document's version in the register). */
void lock_content_check(const Model *m, const char *datadir, const Document *d, const char *lang, Sha layout,
                        const LockEntry *e, const char *lock_path)
{
    const LockEdition *ed = lock_edition(e, lang);
    if (!ed) {
        diag_node(DIAG_ERROR, d->node, "lang",
                  "document '%s' %s is released without a %s edition (%s): a new edition needs a new version", d->number,
                  d->version, lang, lock_path);
        return;
    }
    if (strcmp(ed->layout.hex, layout.hex) == 0) return;
    char *what = changed_inputs(m, datadir, d, e);
    char per[16];
    snprintf(per, sizeof per, "%04d-%02d", e->period.y, e->period.m);
    diag_node(DIAG_ERROR, d->node, "version",
              "document '%s' %s (%s) was released (%s, figures of %s) and its content has changed since: %s; "
              "raise its version and add a revision, or restore the sources (dossier diff %s %s shows what changed)",
              d->number, d->version, lang, lock_path, per, what, d->number, d->version);
    free(what);
}

xmlDoc *document_layout(const Model *m, const Calc *c, xmlDoc *facts, const BuildOptions *o, const Lock *lock,
                        const Document *d, const char *lang, Date *period_out)
{
    FactsCache *fc = facts_cache_new(m, c, facts, o->period, o->lang);
    const LockEntry *e = lock_for(lock, d, o->period);
    Date period = e && !e->periodic ? e->period : o->period;
    Xform *x = xform_new(o->datadir);
    xmlDoc *layout = layout_for(x, fc, d, lang, period);
    xform_free(x);
    facts_cache_free(fc);
    if (period_out) *period_out = period;
    return layout;
}

/* ---- build ------------------------------------------------------------------------- */

/* the file a manifest entry names is still there with the bytes recorded */
static bool pdf_unchanged(const char *dir, const ManDoc *was)
{
    char *path = path_join(dir, was->file);
    Sha now;
    bool same = sha256_file(path, &now) && strcmp(now.hex, was->sha.hex) == 0;
    free(path);
    return same;
}

static char *month_text(Date d)
{
    return xasprintf("%04d-%02d", d.y, d.m);
}

static void fill_mandoc(const Model *m, const Job *j, ManDoc *md)
{
    const Document *d = j->d;
    int l = str_eq(j->lang, "en") ? LANG_EN : LANG_ZH;
    md->number = xstrdup(d->number);
    md->title = xstrdup(text_get(d->title, l) ? text_get(d->title, l) : "");
    md->version = xstrdup(d->version);
    md->status = xstrdup(d->status ? d->status : "");
    md->classification = xstrdup(d->classification ? d->classification : "");
    md->lang = xstrdup(j->lang);
    md->kind = xstrdup(d->kind);
    md->period = kind_is_periodic(d->kind) ? month_text(j->period) : xstrdup("");
    md->file = xstrdup(j->file);
    md->pages = j->pages;
    md->bytes = j->pdf.len;
    md->sha = sha256_mem(j->pdf.s, j->pdf.len);
    md->layout = j->layout_sha;
    md->inputs = j->inputs;
    md->released = j->lock && lock_edition(j->lock, j->lang) &&
                   strcmp(lock_edition(j->lock, j->lang)->pdf.hex, md->sha.hex) == 0;
    md->sources = document_sources(m, d, &md->nsources);
}

static void copy_mandoc(ManDoc *to, const ManDoc *from)
{
    *to = *from;
    char **strs[] = {&to->number, &to->title, &to->version, &to->status, &to->classification,
                     &to->lang, &to->kind, &to->period, &to->file};
    for (size_t k = 0; k < sizeof strs / sizeof *strs; k++) *strs[k] = *strs[k] ? xstrdup(*strs[k]) : NULL;
    to->sources = xcalloc(from->nsources ? from->nsources : 1, sizeof *to->sources);
    for (size_t k = 0; k < from->nsources; k++) to->sources[k] = xstrdup(from->sources[k]);
}

static int cmp_mandoc(const void *a, const void *b)
{
    return strcmp(((const ManDoc *)a)->file, ((const ManDoc *)b)->file);
}

void documents_build(const Model *m, const Calc *c, xmlDoc *facts, const BuildOptions *o, const Lock *lock)
{
    FactsCache *fc = facts_cache_new(m, c, facts, o->period, o->lang);
    Xform *x = xform_new(o->datadir);
    TypesetOptions to = {.image_root = o->input};

    /* the jobs */
    Job *jobs = xcalloc(m->documents.n * 2 + 1, sizeof *jobs);
    size_t njobs = 0;
    bool found_only = !o->only;
    for (size_t i = 0; i < m->documents.n; i++) {
        const Document *d = m->documents.v[i];
        if (o->only && !str_eq(o->only, d->number)) continue;
        found_only = true;
        const LockEntry *e = lock_for(lock, d, o->period);
        Date period = e && !e->periodic ? e->period : o->period;
        for (int l = LANG_ZH; l <= LANG_EN; l <<= 1) {
            if (o->lang ? o->lang != l : !(d->langs & l)) continue;
            Job *j = &jobs[njobs++];
            j->d = d;
            j->lang = l == LANG_EN ? "en" : "zh-CN";
            j->period = period;
            j->lock = e;
            j->file = document_file(d, period, j->lang);
        }
    }
    if (!found_only) diag_report(DIAG_ERROR, NULL, 0, 0, "the register has no document '%s'", o->only);

    /* A document whose inputs (every file of the input tree, the
     * stylesheets and templates, the engine, its language and period) are
     * those recorded in the manifest, and whose PDF is still the one
     * recorded, is kept without being transformed again. */
    Manifest *old = o->write ? manifest_read(o->output, false) : NULL;
    bool same_engine = old && str_eq(old->engine, engine_id());
    Sha tree = {{0}};
    if (o->write) {
        char *sheets = path_join(o->datadir, "stylesheets"), *tmpl = path_join(o->datadir, "templates");
        const char *dirs[] = {o->input, sheets, tmpl, NULL};
        tree = tree_digest(dirs, o->output);
        free(sheets);
        free(tmpl);
    }

    time_mark("digest of the inputs");
    /* layouts, content hashes, the lock; each layout to be typeset goes to
     * the press at once, and is typeset while the next is made (with -j 1
     * the press has one worker, and it is waited for) */
    Press *press = o->write ? o->press : NULL;
    for (size_t k = 0; k < njobs; k++) {
        Job *j = &jobs[k];
        const ManDoc *was = same_engine ? manifest_doc(old, j->file) : NULL;
        if (o->write) {
            char *key = xasprintf("%s\n%s\n%s\n%s\n%04d-%02d", tree.hex, engine_id(), j->d->number, j->lang,
                                  j->period.y, j->period.m);
            j->inputs = sha256_mem(key, strlen(key));
            free(key);
            if (was && strcmp(was->inputs.hex, j->inputs.hex) == 0 && pdf_unchanged(o->output, was)) {
                j->reuse = true;
                j->layout_sha = was->layout;
            }
        }
        if (!j->reuse) {
            j->layout = layout_for(x, fc, j->d, j->lang, j->period);
            if (!j->layout) continue;
            j->layout_sha = layout_hash(j->layout, o->input, NULL);
            time_mark(j->file);
        }
        if (j->lock) lock_content_check(m, o->datadir, j->d, j->lang, j->layout_sha, j->lock, lock->path);
        if (j->reuse || !j->layout) continue;
        /* made before from the same content, and still there: kept */
        if (was && strcmp(was->layout.hex, j->layout_sha.hex) == 0 && pdf_unchanged(o->output, was)) {
            j->reuse = true;
            continue;
        }
        if (!press || diag_error_count()) continue;
        size_t weight = xml_element_count(xmlDocGetRootElement(j->layout));
        Buf text = layout_text(j->layout);
        xmlFreeDoc(j->layout);
        j->layout = NULL;
        j->sent = true;
        press_submit(press, k, &text, weight);
        press_collect(press, jobs, o->jobs <= 1);
    }

    if (o->write && !diag_error_count()) {
        time_mark("layouts");
        /* what the press typeset comes in the order of the jobs */
        if (press) press_collect(press, jobs, true);
        else typeset_here(jobs, njobs, &to);
        for (size_t k = 0; k < njobs; k++)
            if (jobs[k].sent) take_result(&jobs[k], jobs[k].result_ok, jobs[k].result.s, jobs[k].result.len);
        time_mark("typesetting");

        /* the manifest: this build's documents, then the earlier ones still
         * in the directory (other periods, earlier versions) */
        Manifest *man = xcalloc(1, sizeof *man);
        man->engine = xstrdup(engine_id());
        man->period = month_text(o->period);
        man->docs = xcalloc(njobs + (old ? old->ndocs : 0) + 1, sizeof *man->docs);
        for (size_t k = 0; k < njobs; k++) {
            Job *j = &jobs[k];
            if (j->reuse) {
                ManDoc *md = &man->docs[man->ndocs++];
                copy_mandoc(md, manifest_doc(old, j->file));
                md->inputs = j->inputs;
                continue;
            }
            if (!j->made) continue;
            const LockEdition *ed = lock_edition(j->lock, j->lang);
            Sha pdf = sha256_mem(j->pdf.s, j->pdf.len);
            if (ed && strcmp(ed->pdf.hex, pdf.hex) != 0)
                diag_node(DIAG_WARNING, j->d->node, "version",
                          "document '%s' %s (%s): the released content typesets to other bytes than at its release "
                          "(dossier or the fonts have changed); the released PDF is the one recorded in %s",
                          j->d->number, j->d->version, j->lang, lock->path);
            fill_mandoc(m, j, &man->docs[man->ndocs++]);
            output_stage(o->output, j->file, j->pdf.s, j->pdf.len);
        }
        for (size_t i = 0; old && i < old->ndocs; i++) {
            const ManDoc *od = &old->docs[i];
            bool mine = false;
            for (size_t k = 0; k < man->ndocs && !mine; k++) mine = strcmp(man->docs[k].file, od->file) == 0;
            if (mine) continue;
            if (pdf_unchanged(o->output, od)) copy_mandoc(&man->docs[man->ndocs++], od);
        }
        xsort(man->docs, man->ndocs, sizeof *man->docs, cmp_mandoc);
        /* the other files of the build (facts.xml, metrics.json), as staged */
        man->files = xcalloc(o->nextra ? o->nextra : 1, sizeof *man->files);
        for (size_t i = 0; i < o->nextra; i++) {
            man->files[i] = o->extra[i];
            man->files[i].file = xstrdup(o->extra[i].file);
        }
        man->nfiles = o->nextra;
        manifest_stage(o->output, man);
        manifest_free(man);
    }
    manifest_free(old);

    for (size_t k = 0; k < njobs; k++) {
        if (jobs[k].layout) xmlFreeDoc(jobs[k].layout);
        buf_free(&jobs[k].pdf);
        buf_free(&jobs[k].result);
        free(jobs[k].file);
    }
    free(jobs);
    xform_free(x);
    facts_cache_free(fc);
}

/* ---- release --------------------------------------------------------------------- */

bool documents_release(const Model *m, const Calc *c, xmlDoc *facts, const BuildOptions *o, Lock *lock,
                       const char *number)
{
    const Document *d = model_lookup(m, NS_DOCUMENT, number);
    if (!d) {
        diag_report(DIAG_ERROR, NULL, 0, 0, "the register has no document '%s'", number);
        return false;
    }
    if (!str_eq(d->status, "approved")) {
        diag_node(DIAG_ERROR, d->node, "status", "document '%s' %s is %s: only an approved document is released", d->number,
                  d->version, d->status ? d->status : "without a status");
        return false;
    }
    bool per = kind_is_periodic(d->kind);
    for (size_t i = 0; i < lock->n; i++) {
        const LockEntry *e = &lock->v[i];
        if (!str_eq(e->number, d->number) || !str_eq(e->version, d->version)) continue;
        if (per && date_cmp(e->period, o->period) != 0) continue;
        char p1[16];
        snprintf(p1, sizeof p1, "%04d-%02d", e->period.y, e->period.m);
        diag_node(DIAG_ERROR, d->node, "version",
                  "document '%s' %s%s%s is already released (%s); a change needs a new version and a revision", d->number,
                  d->version, per ? " for " : "", per ? p1 : "", lock->path);
        return false;
    }
    FactsCache *fc = facts_cache_new(m, c, facts, o->period, o->lang);
    Xform *x = xform_new(o->datadir);
    Typesetter *ts = typeset_new();
    TypesetOptions to = {.image_root = o->input};
    LockEntry e = {0};
    e.number = xstrdup(d->number);
    e.version = xstrdup(d->version);
    e.kind = xstrdup(d->kind);
    e.period = o->period;
    e.periodic = per;
    e.ed = xcalloc(2, sizeof *e.ed);
    bool ok = true;
    for (int l = LANG_ZH; l <= LANG_EN && ok; l <<= 1) {
        if (!(d->langs & l)) continue;
        Job j = {0};
        j.d = d;
        j.lang = l == LANG_EN ? "en" : "zh-CN";
        j.period = o->period;
        j.layout = layout_for(x, fc, d, j.lang, o->period);
        if (!j.layout) {
            ok = false;
            break;
        }
        char *text = NULL;
        j.layout_sha = layout_hash(j.layout, o->input, &text);
        ok = typeset_one(ts, &to, &j) && !diag_error_count();
        if (ok) {
            LockEdition *ed = &e.ed[e.ned++];
            ed->lang = xstrdup(j.lang);
            ed->file = document_file(d, o->period, j.lang);
            ed->layout = j.layout_sha;
            ed->pdf = sha256_mem(j.pdf.s, j.pdf.len);
            ed->pages = j.pages;
            char *snap = snapshot_path(o->input, d->number, d->version, per, o->period, j.lang);
            char *dir = xstrdup(snap), *slash = strrchr(dir, '/');
            *slash = 0;
            ok = output_mkdir(dir) && output_stage(dir, slash + 1, text, strlen(text));
            free(dir);
            free(snap);
        }
        free(text);
        xmlFreeDoc(j.layout);
        buf_free(&j.pdf);
    }
    if (ok) {
        e.in = release_inputs(m, o->datadir, d, &e.nin);
        ok = lock_add_and_stage(lock, &e);
        if (ok)
            printf("released %s %s (figures of %04d-%02d): %zu edition%s, recorded in %s\n", d->number, d->version,
                   o->period.y, o->period.m, e.ned, e.ned == 1 ? "" : "s", lock->path);
    } else {
        free(e.number), free(e.version), free(e.kind);
        for (size_t k = 0; k < e.ned; k++) free(e.ed[k].lang), free(e.ed[k].file);
        free(e.ed);
    }
    typeset_free(ts);
    xform_free(x);
    facts_cache_free(fc);
    return ok;
}
