/*
 * typeset.c: the typesetter's life cycle: one PangoContext and font map per
 * Typesetter; reading a layout document's meta, styles and masters; the
 * passes of flow and pagination until cross-references settle.
 */
#include <stdio.h>
#include <stdlib.h>

#include "../diag.h"
#include "../load/xml.h"
#include "typeset_int.h"

#include <fontconfig/fontconfig.h>
#include <stdint.h>

Typesetter *typeset_new(void)
{
    Typesetter *ts = xcalloc(1, sizeof *ts);
    ts->fontmap = pango_cairo_font_map_new();
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(ts->fontmap), 72);
    ts->ctx = pango_font_map_create_context(ts->fontmap);
    /* print layout: no rounding of glyph positions, no hinting of metrics */
    pango_context_set_round_glyph_positions(ts->ctx, FALSE);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ts->ctx, fo);
    cairo_font_options_destroy(fo);
    return ts;
}

void typeset_free(Typesetter *ts)
{
    if (!ts) return;
    map_free(ts->checked);
    for (size_t i = 0; i < ts->nckeys; i++) free(ts->ckeys[i]);
    free(ts->ckeys);
    g_object_unref(ts->ctx);
    g_object_unref(ts->fontmap);
    free(ts);
}

xmlDoc *layout_read(const char *path, const char *datadir)
{
    Src *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    s->rel = xstrdup(path);
    if (!src_read(s, LIMIT_FILE_BYTES) || !src_parse(s)) {
        src_free(s);
        return NULL;
    }
    xmlNode *root = xmlDocGetRootElement(s->doc);
    if (!root || !root->ns || strcmp((const char *)root->ns->href, "urn:dossier:layout:1") != 0 ||
        strcmp((const char *)root->name, "document") != 0) {
        diag_report(DIAG_ERROR, path, root ? src_line(root) : 0, 1,
                    "not a layout document (<document> in urn:dossier:layout:1)");
        src_free(s);
        return NULL;
    }
    char *rng = xasprintf("%s/schemas/layout.rng", datadir);
    bool ok = src_validate(s, rng);
    free(rng);
    if (!ok) {
        src_free(s);
        return NULL;
    }
    /* the document keeps its Src (for line numbers) until layout_free */
    xmlDoc *doc = s->doc;
    s->doc = NULL;
    doc->_private = s;
    return doc;
}

void layout_free(xmlDoc *doc)
{
    if (!doc) return;
    Src *s = doc->_private;
    xmlFreeDoc(doc);
    if (s) src_free(s);
}

static void read_masters(Pages *p, xmlNode *root)
{
    for (xmlNode *c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "page-master") != 0) continue;
        p->masters = xrealloc(p->masters, (size_t)(p->nmasters + 1) * sizeof *p->masters);
        Master *m = &p->masters[p->nmasters++];
        memset(m, 0, sizeof *m);
        snprintf(m->name, sizeof m->name, "%s", attr_str(c, "name"));
        const char *size = attr_str(c, "size");
        m->w = 210 * MM, m->h = 297 * MM;
        if (size && strcmp(size, "A3") == 0) m->w = 297 * MM, m->h = 420 * MM;
        else if (size && strcmp(size, "A5") == 0) m->w = 148 * MM, m->h = 210 * MM;
        else if (size && strcmp(size, "Letter") == 0) m->w = 612, m->h = 792;
        const char *o = attr_str(c, "orientation");
        if (o && strcmp(o, "landscape") == 0) {
            double t = m->w;
            m->w = m->h, m->h = t;
        }
        m->top = attr_length(c, "margin-top", 10, 25 * MM);
        m->bottom = attr_length(c, "margin-bottom", 10, 22 * MM);
        m->left = attr_length(c, "margin-left", 10, 22 * MM);
        m->right = attr_length(c, "margin-right", 10, 22 * MM);
        if (m->left + m->right > m->w - 50 || m->top + m->bottom > m->h - 50) {
            diag_node(DIAG_ERROR, c, NULL, "page master '%s': the margins leave no room for text", m->name);
            m->top = m->bottom = m->left = m->right = 20 * MM;
        }
        for (xmlNode *k = c->children; k; k = k->next) {
            if (k->type != XML_ELEMENT_NODE) continue;
            if (strcmp((const char *)k->name, "header") == 0) m->header = k;
            if (strcmp((const char *)k->name, "footer") == 0) m->footer = k;
        }
    }
}

static char *dup_attr(const xmlNode *n, const char *name)
{
    const char *v = attr_str(n, name);
    return v ? xstrdup(v) : NULL;
}

static void anchors_collect(Pages *p, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (strcmp((const char *)c->name, "chart") == 0) {
            /* a chart is an anchor; its nodes' ids are its own data */
            const char *cid = attr_str(c, "id");
            if (cid) {
                p->anchors = xrealloc(p->anchors, (size_t)(p->nanchors + 1) * sizeof *p->anchors);
                p->anchors[p->nanchors++] = (Anchor){.id = xstrdup(cid)};
            }
            continue;
        }
        const char *id = attr_str(c, "id");
        if (id) {
            for (int i = 0; i < p->nanchors; i++)
                if (strcmp(p->anchors[i].id, id) == 0) diag_node(DIAG_ERROR, c, "id", "a second element with id '%s'", id);
            p->anchors = xrealloc(p->anchors, (size_t)(p->nanchors + 1) * sizeof *p->anchors);
            p->anchors[p->nanchors++] = (Anchor){.id = xstrdup(id)};
        }
        anchors_collect(p, c);
    }
}

/* every ref and link must name an element that exists */
static void check_targets(Pages *p, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const char *name = (const char *)c->name;
        if (strcmp(name, "ref") == 0 || strcmp(name, "link") == 0) {
            const char *to = attr_str(c, "to");
            bool found = false;
            for (int i = 0; i < p->nanchors && !found; i++) found = strcmp(p->anchors[i].id, to) == 0;
            if (!found) diag_node(DIAG_ERROR, c, "to", "<%s> to unknown id '%s'", name, to);
        }
        check_targets(p, c);
    }
}

void item_free(Item *it)
{
    free(it->anchor);
    free(it->image);
    if (it->chart) chart_free(it->chart);
}

void table_free(Table *t)
{
    for (int r = 0; r < t->nrows; r++) {
        for (int c = 0; c < t->rows[r].ncells; c++) free(t->rows[r].cells[c].paras);
        free(t->rows[r].cells);
    }
    free(t->rows);
    free(t->colx);
    free(t->colw);
    free(t->head);
    free(t);
}

/* Forget the flow and the pages, before the flow is made again. */
void flow_reset(Pages *p)
{
    for (size_t i = 0; i < p->nitems; i++) item_free(&p->items[i]);
    p->nitems = 0;
    p->base = 0;
    for (size_t i = 0; i < p->nparas; i++) para_free(p->paras[i]);
    p->nparas = 0;
    p->live = 0;
    p->drop_cursor = 0;
    p->nrebuilt = 0;
    for (size_t i = 0; i < p->ntables; i++) table_free(p->tables[i]);
    p->ntables = 0;
    for (size_t i = 0; i < p->ndecors; i++) free(p->decors[i]);
    p->ndecors = 0;
    for (int i = 0; i < p->nrefs; i++) free(p->refs[i].to), free(p->refs[i].show), free(p->refs[i].text);
    p->nrefs = 0;
    for (int i = 0; i < p->npages; i++) free(p->pages[i].v), free(p->pages[i].section);
    free(p->pages);
    p->pages = NULL;
    p->npages = 0;
    p->done = 0;
    p->pager = (Pager){0};
    p->flush_at = p->flush_every;
}

/* Every family a style names must be installed: fontconfig (and so pango)
 * would otherwise put another face, or none, in its place silently. A
 * missing family is a failure of the machine, named once per run. */
static bool family_installed(const char *family)
{
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
    FcFontSet *fs = FcFontList(NULL, pat, os);
    bool ok = fs && fs->nfont > 0;
    if (fs) FcFontSetDestroy(fs);
    FcObjectSetDestroy(os);
    FcPatternDestroy(pat);
    return ok;
}

static bool family_known(Typesetter *ts, const char *f)
{
    if (!ts->checked) ts->checked = map_new();
    intptr_t known = (intptr_t)map_get(ts->checked, f);
    if (!known) {
        known = family_installed(f) ? 1 : 2;
        ts->ckeys = xrealloc(ts->ckeys, (ts->nckeys + 1) * sizeof *ts->ckeys);
        ts->ckeys[ts->nckeys] = xstrdup(f);
        map_put(ts->checked, ts->ckeys[ts->nckeys++], (void *)known);
    }
    return known == 1;
}

/* A style's font list needs one installed family; one missing among others
 * is a warning (the next in the list is used). Told once per family, with
 * the styles it leaves without a font. */
static bool fonts_present(Typesetter *ts, Pages *p)
{
    Map *bad = map_new();
    char **fams = NULL;
    Buf *styles = NULL;
    size_t nf = 0;
    for (int i = 0; i < p->nstyles; i++) {
        char list[sizeof p->styles[i].font];
        snprintf(list, sizeof list, "%s", p->styles[i].font);
        char *save = NULL;
        int have = 0;
        char *miss[16];
        int nmiss = 0;
        for (char *f = strtok_r(list, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
            while (*f == ' ') f++;
            size_t n = strlen(f);
            while (n && f[n - 1] == ' ') f[--n] = 0;
            if (!*f) continue;
            if (family_known(ts, f)) have++;
            else if (nmiss < 16) miss[nmiss++] = f;
        }
        for (int k = 0; k < nmiss; k++) {
            intptr_t at = (intptr_t)map_get(bad, miss[k]);
            if (!at) {
                fams = xrealloc(fams, (nf + 1) * sizeof *fams);
                styles = xrealloc(styles, (nf + 1) * sizeof *styles);
                fams[nf] = xstrdup(miss[k]);
                memset(&styles[nf], 0, sizeof styles[nf]);
                map_put(bad, fams[nf], (void *)(intptr_t)(nf + 1));
                at = (intptr_t)++nf;
            }
            /* a style left without any font: named in the error */
            if (!have) buf_printf(&styles[at - 1], "%s'%s'", styles[at - 1].len ? ", " : "", p->styles[i].name);
        }
    }
    bool ok = true;
    for (size_t k = 0; k < nf; k++) {
        if (styles[k].len) {
            diag_system("the font family '%s' is not installed (fontconfig finds no such family), and the styles %s "
                        "have no other: install it (fonts-noto-cjk, fonts-dejavu) or name another in the styles",
                        fams[k], styles[k].s);
            ok = false;
        } else {
            diag_report(DIAG_WARNING, NULL, 0, 0, "the font family '%s' is not installed; the styles naming it use the next in their lists",
                        fams[k]);
        }
        free(fams[k]);
        buf_free(&styles[k]);
    }
    free(fams);
    free(styles);
    map_free(bad);
    return ok;
}

/* The characters of text drawn only when the pages are, which pass 1 has
 * not shaped: running heads and footers (page masters), the fields and
 * section titles they show (meta, h), charts, and the document's
 * attributes (the watermark). The rest is shaped in pass 1, and its glyphs
 * are noted as it is. (Text left out here still comes out right, drawn
 * from the whole face.) */
static void note_text_of(Subfonts *s, const xmlNode *n, bool all)
{
    for (; n; n = n->next) {
        if (all && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)) {
            subfonts_note_text(s, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            bool in = all || xmlStrEqual(n->name, BAD_CAST "page-master") || xmlStrEqual(n->name, BAD_CAST "meta") ||
                      xmlStrEqual(n->name, BAD_CAST "h") || xmlStrEqual(n->name, BAD_CAST "chart");
            if (in)
                for (const xmlAttr *a = n->properties; a; a = a->next)
                    if (a->children) subfonts_note_text(s, (const char *)a->children->content);
            note_text_of(s, n->children, in);
        }
    }
}

Pages *typeset_document(Typesetter *ts, xmlDoc *doc, const TypesetOptions *opt)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root) return NULL;
    Pages *p = xcalloc(1, sizeof *p);
    p->ts = ts;
    p->doc = doc;
    p->subfonts = subfonts_new();
    for (const xmlAttr *a = root->properties; a; a = a->next)
        if (a->children) subfonts_note_text(p->subfonts, (const char *)a->children->content);
    note_text_of(p->subfonts, root->children, false);
    p->lang = dup_attr(root, "lang");
    p->title = dup_attr(root, "title");
    p->author = dup_attr(root, "author");
    p->subject = dup_attr(root, "subject");
    p->keywords = dup_attr(root, "keywords");
    p->date = dup_attr(root, "date");
    p->watermark = dup_attr(root, "watermark");
    p->image_root = opt && opt->image_root ? xstrdup(opt->image_root) : NULL;
    /* 48 MB of layouts, about 350 dense pages, are kept for drawing; a
     * longer document keeps its memory flat by laying some out again */
    const char *bud = getenv("DOSSIER_LAYOUT_BUDGET");
    p->budget = bud && *bud ? (size_t)strtoull(bud, NULL, 10) : (size_t)48 << 20;
    /* A long document (over STREAM_ELEMENTS elements, some 250 dense
     * pages) is streamed: each pass paginates the flow as it is made and
     * lets each finished page go, and drawing makes the flow once more,
     * so that memory stays flat in its pages. DOSSIER_STREAM=N streams any
     * document, paginating every N items (tests); 0 never streams. */
    const char *sv = getenv("DOSSIER_STREAM");
    p->flush_every = 4096;
    if (sv && *sv) {
        long v = strtol(sv, NULL, 10);
        p->stream = v > 0;
        if (v > 0) p->flush_every = (size_t)v;
    } else {
        p->stream = xml_element_count(root) > STREAM_ELEMENTS;
    }
    for (xmlNode *c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "meta") != 0) continue;
        for (xmlNode *f = c->children; f; f = f->next) {
            if (f->type != XML_ELEMENT_NODE) continue;
            p->field_names = xrealloc(p->field_names, (size_t)(p->nfields + 1) * sizeof(char *));
            p->field_values = xrealloc(p->field_values, (size_t)(p->nfields + 1) * sizeof(char *));
            p->field_names[p->nfields] = dup_attr(f, "name");
            xmlChar *v = xmlNodeGetContent(f);
            p->field_values[p->nfields] = xstrdup(v ? (const char *)v : "");
            xmlFree(v);
            p->nfields++;
        }
    }
    styles_init(p);
    if (!fonts_present(ts, p)) {
        pages_free(p);
        return NULL;
    }
    read_masters(p, root);
    anchors_collect(p, root);
    check_targets(p, root);
    /* flow, paginate; again while a cross-reference's text changes */
    for (p->pass = 1; p->pass <= 4; p->pass++) {
        flow_reset(p);
        flow_document(p);
        paginate(p, true);
        time_mark(p->pass == 1 ? "typeset pass 1" : "typeset another pass");
        p->total = p->done + p->npages;
        if (refs_settle(p)) break;
    }
    return p;
}

int pages_count(const Pages *p) { return p ? p->total : 0; }

void pages_adopt_layout(Pages *p) { p->owns_doc = true; }

void pages_drawn(Pages *p)
{
    if (!p->owns_doc || !p->doc) return;
    /* nothing points into the tree any more: the masters' header and
     * footer go with it */
    for (int i = 0; i < p->nmasters; i++) p->masters[i].header = p->masters[i].footer = NULL;
    layout_free(p->doc);
    p->doc = NULL;
}

void pages_free(Pages *p)
{
    if (!p) return;
    flow_reset(p);
    pages_drawn(p);
    free(p->items);
    free(p->paras);
    free(p->tables);
    free(p->decors);
    free(p->refs);
    free(p->rebuilt);
    for (int i = 0; i < p->nheadings; i++) free(p->headings[i]->title), free(p->headings[i]->id), free(p->headings[i]);
    free(p->headings);
    for (int i = 0; i < p->nanchors; i++) free(p->anchors[i].id);
    free(p->anchors);
    for (int i = 0; i < p->nfields; i++) free(p->field_names[i]), free(p->field_values[i]);
    free(p->field_names);
    free(p->field_values);
    free(p->section_start);
    free(p->section_master);
    free(p->styles);
    free(p->masters);
    free(p->lang), free(p->title), free(p->author), free(p->subject), free(p->keywords), free(p->date), free(p->watermark);
    free(p->image_root);
    subfonts_free(p->subfonts);
    free(p);
}

int pages_heading_count(const Pages *p) { return p ? p->nheadings : 0; }

PageHeading pages_heading(const Pages *p, int i)
{
    const Heading *h = p->headings[i];
    return (PageHeading){h->level, h->number, h->title, h->id, h->page};
}
