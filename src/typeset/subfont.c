/*
 * subfont.c: text drawn from fonts cut down to the document's glyphs (see
 * subfont.h for why).
 *
 * A document's Subfonts collects, per face (pango's HarfBuzz face), the
 * glyphs its paragraphs were shaped with. When text is first drawn in a CFF
 * face, HarfBuzz's subsetter makes a small face of those glyphs, the
 * nominal glyphs of the characters noted, and .notdef, without subroutines
 * and without the layout tables (the text is shaped already); the
 * subsetter's plan tells each kept glyph's index in it. FreeType reads it
 * from memory, and cairo draws from it through a scaled font with the same
 * matrices and options as pango's.
 *
 * A run drawn later whose glyphs the small face lacks (text shaped only
 * when drawn, to a contextual form) has the face made again with them.
 *
 * Drawing goes through a PangoRenderer of its own: pango's base class
 * places the runs, underlines and backgrounds of a line, and each run is
 * shown with cairo_show_text_glyphs, its clusters mapping the glyphs back
 * to the text so that the PDF's text extracts as itself. A run the small
 * face cannot show (right-to-left, an unknown character, a face that is
 * not CFF, a synthetic bold, a face already made again too often) is shown
 * by pango itself, from the whole face.
 */
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-subset.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "../util.h"
#include "subfont.h"

typedef struct {
    hb_face_t *face;          /* pango's, referenced */
    hb_face_t *source;        /* the same without its cmap, to subset (see source_of); not referenced */
    hb_font_t *font;          /* one of pango's fonts of it, for its cmap */
    hb_set_t *glyphs;         /* to keep */
    bool cff;                 /* an OpenType/CFF face */
    bool tried;               /* face_make ran: small, or NULL if pango shows it */
    hb_subset_plan_t *plan;   /* how the small face was made */
    const hb_map_t *index;    /* a kept glyph's index in the small face (the plan's) */
    cairo_font_face_t *small; /* the small face, for cairo */
    int made;                 /* how many times it was made (see face_grow) */
} Face;

typedef struct {
    PangoFont *font;               /* referenced */
    int face;                      /* in faces */
    cairo_scaled_font_t *scaled;   /* the small face at this size; NULL: pango shows it */
    int made;                      /* the face's making it was made from */
} Sized;

typedef struct TextRenderer TextRenderer;

struct Subfonts {
    Face *faces;
    int nfaces;
    Sized *sized;
    int nsized;
    Buf texts;                /* the text noted, each string with its NUL */
    bool attached;            /* drawing through it */
    bool whole;               /* a CFF face's text drawn by pango, from the whole face */
    TextRenderer *renderer;
    cairo_glyph_t *glyphs;
    cairo_text_cluster_t *clusters;
    int cap;
};

/* ---- the faces ---- */

static FT_Library ft_lib; /* the process's, made on first use */
static const cairo_user_data_key_t small_key, attach_key;

/* what the small face's FreeType face holds on to */
typedef struct {
    FT_Face ft;
    hb_blob_t *blob;
} Small;

static void small_free(void *v)
{
    Small *m = v;
    FT_Done_Face(m->ft);
    hb_blob_destroy(m->blob);
    free(m);
}

/* ---- the faces subset from ----
 *
 * Given glyphs to keep, HarfBuzz's subset plan maps the face's whole cmap
 * to find their characters (some 44,000 in a CJK face: 3-4 ms a plan,
 * where the rest of the plan takes under 1 ms). The small face needs no
 * characters (the text is shaped, and its cmap is dropped), so the face is
 * subset from a view of its file whose cmap is empty: the file mapped
 * copy-on-write, with the cmap's length in the face's table directory set
 * to 0 (one page copied). The glyphs and their outlines are the file's, so
 * the small face is the same whoever made the view and when; a process
 * keeps one view a face, for every document it typesets. */

typedef struct {
    char *file;
    int index;
    hb_face_t *face; /* NULL: pango's face is subset */
} Source;

static Source *sources;
static int nsources;

typedef struct {
    void *m;
    size_t size;
} Mapping;

static void unmap(void *v)
{
    Mapping *map = v;
    munmap(map->m, map->size);
    free(map);
}

static uint32_t be32(const unsigned char *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

/* the face index in file without its cmap, or NULL */
static hb_face_t *source_open(const char *file, int index)
{
    int fd = open(file, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return NULL;
    struct stat st;
    unsigned char *m = MAP_FAILED;
    if (fstat(fd, &st) == 0 && st.st_size >= 12 && (uint64_t)st.st_size < UINT32_MAX)
        m = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED) return NULL;
    size_t size = (size_t)st.st_size;
    /* the face's table directory: the file's, or a collection's index'th */
    uint64_t dir = 0;
    if (memcmp(m, "ttcf", 4) == 0) {
        if (index < 0 || (uint64_t)index >= be32(m + 8) || 12 + 4 * ((uint64_t)index + 1) > size) goto fail;
        dir = be32(m + 12 + 4 * index);
    } else if (index != 0) goto fail;
    if (dir + 12 > size) goto fail;
    uint64_t n = (uint64_t)m[dir + 4] << 8 | m[dir + 5];
    if (dir + 12 + 16 * n > size) goto fail;
    bool found = false;
    for (uint64_t i = 0; i < n; i++) {
        unsigned char *r = m + dir + 12 + 16 * i;
        if (memcmp(r, "cmap", 4) == 0) memset(r + 12, 0, 4), found = true;
    }
    if (!found) goto fail;
    Mapping *map = xmalloc(sizeof *map);
    map->m = m, map->size = size;
    hb_blob_t *blob = hb_blob_create((const char *)m, (unsigned)size, HB_MEMORY_MODE_READONLY, map, unmap);
    hb_face_t *face = hb_face_create(blob, (unsigned)index);
    hb_blob_destroy(blob);
    return face;
fail:
    munmap(m, size);
    return NULL;
}

/* the length of face's table tag */
static unsigned table_length(hb_face_t *face, hb_tag_t tag)
{
    hb_blob_t *b = hb_face_reference_table(face, tag);
    unsigned n = hb_blob_get_length(b);
    hb_blob_destroy(b);
    return n;
}

/* where face's table tag lies in its file: offset + 1, or 0 if nowhere */
static uint64_t table_at(hb_face_t *face, hb_tag_t tag, unsigned *len)
{
    hb_blob_t *file = hb_face_reference_blob(face), *t = hb_face_reference_table(face, tag);
    unsigned flen, tlen;
    const char *f = hb_blob_get_data(file, &flen), *d = hb_blob_get_data(t, &tlen);
    uint64_t at = f && d && d >= f && d + tlen <= f + flen ? (uint64_t)(d - f) + 1 : 0;
    hb_blob_destroy(t);
    hb_blob_destroy(file);
    *len = tlen;
    return at;
}

/* whether a and b are the same face of the same file, but for the cmap:
 * their outlines, metrics and glyph count are at the same places */
static bool same_face(hb_face_t *a, hb_face_t *b)
{
    static const char *const tags[] = {"CFF ", "hmtx", "hhea", "head", "maxp", "OS/2"};
    if (hb_face_get_glyph_count(a) != hb_face_get_glyph_count(b)) return false;
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
        hb_tag_t t = hb_tag_from_string(tags[i], 4);
        unsigned la, lb;
        uint64_t pa = table_at(a, t, &la), pb = table_at(b, t, &lb);
        if (pa != pb || la != lb || (i == 0 && !pa)) return false;
    }
    return true;
}

/* pango's font's face to subset from: the view above, or its own face */
static hb_face_t *source_of(PangoFont *font, hb_face_t *face)
{
    FcPattern *pat = PANGO_IS_FC_FONT(font) ? pango_fc_font_get_pattern(PANGO_FC_FONT(font)) : NULL;
    FcChar8 *file;
    if (!pat || FcPatternGetString(pat, FC_FILE, 0, &file) != FcResultMatch) return face;
    int index = (int)hb_face_get_index(face); /* the face of the file pango reads */
    for (int i = 0; i < nsources; i++)
        if (sources[i].index == index && strcmp(sources[i].file, (const char *)file) == 0)
            return sources[i].face ? sources[i].face : face;
    sources = xrealloc(sources, (size_t)(nsources + 1) * sizeof *sources);
    Source *src = &sources[nsources++];
    src->file = xstrdup((const char *)file);
    src->index = index;
    src->face = source_open(src->file, index);
    if (src->face && !same_face(src->face, face)) {
        hb_face_destroy(src->face);
        src->face = NULL;
    }
    return src->face ? src->face : face;
}

Subfonts *subfonts_new(void)
{
    Subfonts *s = xcalloc(1, sizeof *s);
    /* what running heads, page numbers, leaders and ellipses draw */
    subfonts_note_text(s, " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
                          "abcdefghijklmnopqrstuvwxyz{|}~\xe2\x80\xa6" /* U+2026 */);
    return s;
}

static int face_of(Subfonts *s, PangoFont *font)
{
    hb_font_t *hf = font ? pango_font_get_hb_font(font) : NULL;
    if (!hf) return -1;
    hb_face_t *face = hb_font_get_face(hf);
    for (int i = 0; i < s->nfaces; i++)
        if (s->faces[i].face == face) return i;
    s->faces = xrealloc(s->faces, (size_t)(s->nfaces + 1) * sizeof *s->faces);
    Face *f = &s->faces[s->nfaces];
    memset(f, 0, sizeof *f);
    f->face = hb_face_reference(face);
    f->font = hb_font_reference(hf);
    f->glyphs = hb_set_create();
    f->cff = table_length(face, HB_TAG('C', 'F', 'F', ' ')) > 0;
    f->source = f->cff ? source_of(font, face) : face;
    return s->nfaces++;
}

/* the glyphs of g (not the empty and unknown ones) into set */
static void add_glyphs(hb_set_t *set, const PangoGlyphString *g)
{
    for (int i = 0; i < g->num_glyphs; i++)
        if (g->glyphs[i].glyph <= 0xFFFF) hb_set_add(set, g->glyphs[i].glyph);
}

void subfonts_note_layout(Subfonts *s, PangoLayout *l)
{
    if (!s || !l) return;
    for (GSList *ls = pango_layout_get_lines_readonly(l); ls; ls = ls->next) {
        for (GSList *r = ((PangoLayoutLine *)ls->data)->runs; r; r = r->next) {
            PangoGlyphItem *gi = r->data;
            int fi = face_of(s, gi->item->analysis.font);
            if (fi >= 0) add_glyphs(s->faces[fi].glyphs, gi->glyphs);
        }
    }
}

void subfonts_note_text(Subfonts *s, const char *utf8)
{
    if (s && utf8 && *utf8) buf_put(&s->texts, utf8, strlen(utf8) + 1);
}

/* Make f's small face (again, from face_grow); on failure f->small stays
 * as it was. */
static void face_make(Subfonts *s, Face *f)
{
    f->tried = true;
    if (!f->cff) return; /* cairo subsets TrueType outlines well itself */
    if (!ft_lib && FT_Init_FreeType(&ft_lib) != 0) {
        ft_lib = NULL;
        return;
    }
    /* the nominal glyphs of the characters noted */
    for (const char *t = s->texts.s, *end = t + s->texts.len; t < end; t = g_utf8_next_char(t)) {
        hb_codepoint_t g;
        if (*t && hb_font_get_nominal_glyph(f->font, g_utf8_get_char(t), &g)) hb_set_add(f->glyphs, g);
    }
    hb_set_add(f->glyphs, 0);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) return;
    hb_set_union(hb_subset_input_glyph_set(in), f->glyphs);
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_DESUBROUTINIZE);
    /* the text is shaped already: no layout tables, and so no glyphs
     * added for their substitutions; cairo draws horizontally */
    static const char *const dropped[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "VORG", "vhea", "vmtx", "cmap"};
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof dropped / sizeof *dropped; i++) hb_set_add(drop, hb_tag_from_string(dropped[i], 4));
    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(f->source, in);
    hb_subset_input_destroy(in);
    hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
    hb_blob_t *blob = sub ? hb_face_reference_blob(sub) : NULL;
    hb_face_destroy(sub);
    unsigned len = 0;
    const char *data = blob ? hb_blob_get_data(blob, &len) : NULL;
    FT_Face ft;
    if (!len || FT_New_Memory_Face(ft_lib, (const FT_Byte *)data, (FT_Long)len, 0, &ft) != 0) {
        hb_blob_destroy(blob);
        if (plan) hb_subset_plan_destroy(plan);
        return;
    }
    Small *m = xmalloc(sizeof *m);
    m->ft = ft, m->blob = blob;
    cairo_font_face_t *cf = cairo_ft_font_face_create_for_ft_face(ft, 0);
    if (cairo_font_face_set_user_data(cf, &small_key, m, small_free) != CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(cf);
        small_free(m);
        hb_subset_plan_destroy(plan);
        return;
    }
    /* a face made again (face_grow): cairo keeps what it still draws */
    if (f->plan) hb_subset_plan_destroy(f->plan);
    if (f->small) cairo_font_face_destroy(f->small);
    f->plan = plan;
    f->index = hb_subset_plan_old_to_new_glyph_mapping(plan);
    f->small = cf;
    f->made++;
}

/* A run needs glyphs the small face lacks: text drawn only now, shaped to
 * glyphs other than its characters' nominal ones (a form for its language
 * or context). The face is made again with them, and with the glyphs all
 * the text noted shapes to under the run's script and language (so that
 * the runs after it find theirs); a few times at most, then the face's
 * runs are left to pango. */
static bool face_grow(Subfonts *s, Face *f, const PangoGlyphItem *gi)
{
    if (f->made >= 8) return false;
    add_glyphs(f->glyphs, gi->glyphs);
    const PangoAnalysis *a = &gi->item->analysis;
    hb_script_t script = hb_script_from_iso15924_tag(g_unicode_script_to_iso15924((GUnicodeScript)a->script));
    hb_language_t lang = a->language ? hb_language_from_string(pango_language_to_string(a->language), -1)
                                     : HB_LANGUAGE_INVALID;
    hb_buffer_t *b = hb_buffer_create();
    for (const char *t = s->texts.s, *end = t + s->texts.len; t < end; t += strlen(t) + 1) {
        hb_buffer_clear_contents(b);
        hb_buffer_add_utf8(b, t, -1, 0, -1);
        hb_buffer_set_direction(b, HB_DIRECTION_LTR);
        hb_buffer_set_script(b, script);
        hb_buffer_set_language(b, lang);
        hb_shape(f->font, b, NULL, 0);
        unsigned n;
        const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
        for (unsigned k = 0; k < n; k++)
            if (info[k].codepoint) hb_set_add(f->glyphs, info[k].codepoint); /* 0: not in this face */
    }
    hb_buffer_destroy(b);
    int made = f->made;
    face_make(s, f); /* if it fails, the old face stays, without them */
    return f->made != made;
}

/* Whether font is drawn as its face's outlines are: not with a synthetic
 * bold (a synthetic slant is in pango's font matrix, copied below) */
static bool plain(PangoFont *font)
{
    if (!PANGO_IS_FC_FONT(font)) return false;
    FcPattern *pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcBool b;
    return pat && !(FcPatternGetBool(pat, FC_EMBOLDEN, 0, &b) == FcResultMatch && b);
}

/* fc's small face at font's size, with pango's matrices and options; NULL
 * if pango is to show font's runs */
static cairo_scaled_font_t *scaled_new(const Face *fc, PangoFont *font)
{
    cairo_scaled_font_t *ps = plain(font) ? pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font)) : NULL;
    if (!ps) return NULL;
    cairo_matrix_t fm, ctm;
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_scaled_font_get_font_matrix(ps, &fm);
    cairo_scaled_font_get_ctm(ps, &ctm);
    cairo_scaled_font_get_font_options(ps, fo);
    cairo_scaled_font_t *scaled = cairo_scaled_font_create(fc->small, &fm, &ctm, fo);
    cairo_font_options_destroy(fo);
    if (cairo_scaled_font_status(scaled) != CAIRO_STATUS_SUCCESS) {
        cairo_scaled_font_destroy(scaled);
        scaled = NULL;
    }
    return scaled;
}

/* The small face's scaled font for font, making the face on first use (and
 * the scaled font again when the face was made again); NULL if pango is to
 * show its runs. *f: its face. */
static cairo_scaled_font_t *sized_of(Subfonts *s, PangoFont *font, Face **f)
{
    Sized *z = NULL;
    for (int i = 0; i < s->nsized && !z; i++)
        if (s->sized[i].font == font) z = &s->sized[i];
    if (!z) {
        int fi = face_of(s, font);
        if (fi >= 0 && !s->faces[fi].tried) face_make(s, &s->faces[fi]);
        s->sized = xrealloc(s->sized, (size_t)(s->nsized + 1) * sizeof *s->sized);
        z = &s->sized[s->nsized++];
        *z = (Sized){g_object_ref(font), fi, NULL, 0};
    }
    Face *fc = z->face >= 0 ? &s->faces[z->face] : NULL;
    *f = fc;
    if (fc && fc->small && z->made != fc->made) {
        if (z->scaled) cairo_scaled_font_destroy(z->scaled);
        z->scaled = scaled_new(fc, font);
        z->made = fc->made;
    }
    return z->scaled;
}

/* Show a left-to-right run from the small face with its baseline's left
 * at (x, y); false if it cannot be. */
static bool show_small(Subfonts *s, cairo_t *cr, const char *text, PangoGlyphItem *gi, double x, double y)
{
    const PangoItem *item = gi->item;
    const PangoGlyphString *g = gi->glyphs;
    int n = g->num_glyphs;
    if (!text || (item->analysis.level & 1) || n <= 0 || item->length <= 0) return false;
    Face *f;
    cairo_scaled_font_t *sf = sized_of(s, item->analysis.font, &f);
    if (!sf) return false;
    for (int i = 0; i < n; i++) {
        PangoGlyph gl = g->glyphs[i].glyph;
        if (gl <= 0xFFFF && hb_map_get(f->index, gl) == HB_MAP_VALUE_INVALID) {
            if (!face_grow(s, f, gi) || !(sf = sized_of(s, item->analysis.font, &f))) return false;
            break;
        }
    }
    if (n > s->cap) {
        s->cap = n > 2 * s->cap ? n : 2 * s->cap;
        s->glyphs = xrealloc(s->glyphs, (size_t)s->cap * sizeof *s->glyphs);
        s->clusters = xrealloc(s->clusters, (size_t)s->cap * sizeof *s->clusters);
    }
    int pos = 0, nc = 0, ng = 0, start = 0;
    for (int i = 0; i < n; i++) {
        const PangoGlyphInfo *gl = &g->glyphs[i];
        /* a cluster: the glyphs that share the byte offset of their text */
        int at = g->log_clusters[i];
        if (i == 0 ? at != 0 : at < start) return false;
        if (i == 0 || at != start) {
            if (i > 0) s->clusters[nc - 1].num_bytes = at - start;
            s->clusters[nc++] = (cairo_text_cluster_t){0, 0};
            start = at;
        }
        int x_at = pos;
        pos += gl->geometry.width;
        if (gl->glyph == PANGO_GLYPH_EMPTY) continue; /* its text kept, nothing drawn */
        if (gl->glyph > 0xFFFF) return false;        /* an unknown character's box */
        hb_codepoint_t k = hb_map_get(f->index, gl->glyph);
        if (k == HB_MAP_VALUE_INVALID) return false;
        s->glyphs[ng].index = k;
        s->glyphs[ng].x = x + (double)(x_at + gl->geometry.x_offset) / PANGO_SCALE;
        s->glyphs[ng].y = y + (double)gl->geometry.y_offset / PANGO_SCALE;
        ng++;
        s->clusters[nc - 1].num_glyphs++;
    }
    if (item->length <= start) return false;
    s->clusters[nc - 1].num_bytes = item->length - start;
    cairo_set_scaled_font(cr, sf);
    cairo_show_text_glyphs(cr, text + item->offset, item->length, s->glyphs, ng, s->clusters, nc, 0);
    return true;
}

/* ---- the renderer ---- */

struct TextRenderer {
    PangoRenderer parent;
    Subfonts *s;
    cairo_t *cr;
    double x0, y0; /* where the layout or line is drawn */
};

typedef struct {
    PangoRendererClass parent_class;
} TextRendererClass;

static GType text_renderer_get_type(void);
G_DEFINE_TYPE(TextRenderer, text_renderer, PANGO_TYPE_RENDERER)

static void text_renderer_init(TextRenderer *t) { (void)t; }

/* the colour pango's attributes give a part, over cairo's source */
static void use_colour(PangoRenderer *r, cairo_t *cr, PangoRenderPart part)
{
    const PangoColor *c = pango_renderer_get_color(r, part);
    guint16 a = pango_renderer_get_alpha(r, part);
    if (!c && !a) return;
    double red = 0, green = 0, blue = 0, alpha = a ? a / 65535.0 : 1;
    double sr, sg, sb, sa;
    if (cairo_pattern_get_rgba(cairo_get_source(cr), &sr, &sg, &sb, &sa) == CAIRO_STATUS_SUCCESS) {
        red = sr, green = sg, blue = sb;
        if (!a) alpha = sa;
    }
    if (c) red = c->red / 65535.0, green = c->green / 65535.0, blue = c->blue / 65535.0;
    cairo_set_source_rgba(cr, red, green, blue, alpha);
}

static void tr_draw_glyph_item(PangoRenderer *r, const char *text, PangoGlyphItem *gi, int x, int y)
{
    TextRenderer *t = (TextRenderer *)r;
    double bx = t->x0 + (double)x / PANGO_SCALE, by = t->y0 + (double)y / PANGO_SCALE;
    cairo_save(t->cr);
    use_colour(r, t->cr, PANGO_RENDER_PART_FOREGROUND);
    if (!show_small(t->s, t->cr, text, gi, bx, by)) {
        int fi = face_of(t->s, gi->item->analysis.font);
        if (fi >= 0 && t->s->faces[fi].cff) t->s->whole = true;
        cairo_move_to(t->cr, bx, by);
        pango_cairo_show_glyph_item(t->cr, text, gi);
    }
    cairo_restore(t->cr);
}

static void tr_draw_glyphs(PangoRenderer *r, PangoFont *font, PangoGlyphString *glyphs, int x, int y)
{
    TextRenderer *t = (TextRenderer *)r;
    cairo_save(t->cr);
    use_colour(r, t->cr, PANGO_RENDER_PART_FOREGROUND);
    cairo_move_to(t->cr, t->x0 + (double)x / PANGO_SCALE, t->y0 + (double)y / PANGO_SCALE);
    pango_cairo_show_glyph_string(t->cr, font, glyphs);
    cairo_restore(t->cr);
}

static void tr_draw_rectangle(PangoRenderer *r, PangoRenderPart part, int x, int y, int w, int h)
{
    TextRenderer *t = (TextRenderer *)r;
    cairo_save(t->cr);
    use_colour(r, t->cr, part);
    cairo_new_path(t->cr);
    cairo_rectangle(t->cr, t->x0 + (double)x / PANGO_SCALE, t->y0 + (double)y / PANGO_SCALE, (double)w / PANGO_SCALE,
                    (double)h / PANGO_SCALE);
    cairo_fill(t->cr);
    cairo_restore(t->cr);
}

static void tr_draw_trapezoid(PangoRenderer *r, PangoRenderPart part, double y1, double x11, double x21, double y2,
                              double x12, double x22)
{
    TextRenderer *t = (TextRenderer *)r;
    cairo_save(t->cr);
    use_colour(r, t->cr, part);
    cairo_new_path(t->cr);
    cairo_translate(t->cr, t->x0, t->y0);
    cairo_move_to(t->cr, x11, y1);
    cairo_line_to(t->cr, x21, y1);
    cairo_line_to(t->cr, x22, y2);
    cairo_line_to(t->cr, x12, y2);
    cairo_close_path(t->cr);
    cairo_fill(t->cr);
    cairo_restore(t->cr);
}

static void text_renderer_class_init(TextRendererClass *k)
{
    PangoRendererClass *rc = PANGO_RENDERER_CLASS(k);
    rc->draw_glyph_item = tr_draw_glyph_item;
    rc->draw_glyphs = tr_draw_glyphs;
    rc->draw_rectangle = tr_draw_rectangle;
    rc->draw_trapezoid = tr_draw_trapezoid;
}

void subfonts_attach(Subfonts *s, cairo_t *cr)
{
    /* DOSSIER_SUBFONT=0 draws as pango alone does (for tests that compare) */
    const char *v = getenv("DOSSIER_SUBFONT");
    if (!s || !cr || (v && strcmp(v, "0") == 0)) return;
    if (cairo_set_user_data(cr, &attach_key, s, NULL) == CAIRO_STATUS_SUCCESS) s->attached = true;
}

bool subfonts_whole(const Subfonts *s) { return !s || !s->attached || s->whole; }

/* the renderer for cr with its origin at cr's current point, or NULL */
static PangoRenderer *renderer_for(cairo_t *cr)
{
    Subfonts *s = cairo_get_user_data(cr, &attach_key);
    if (!s) return NULL;
    if (!s->renderer) {
        s->renderer = g_object_new(text_renderer_get_type(), NULL);
        s->renderer->s = s;
    }
    s->renderer->cr = cr;
    cairo_get_current_point(cr, &s->renderer->x0, &s->renderer->y0);
    return PANGO_RENDERER(s->renderer);
}

void text_show_layout_line(cairo_t *cr, PangoLayoutLine *line)
{
    PangoRenderer *r = renderer_for(cr);
    if (r) pango_renderer_draw_layout_line(r, line, 0, 0);
    else pango_cairo_show_layout_line(cr, line);
}

void text_show_layout(cairo_t *cr, PangoLayout *l)
{
    PangoRenderer *r = renderer_for(cr);
    if (r) pango_renderer_draw_layout(r, l, 0, 0);
    else pango_cairo_show_layout(cr, l);
}

void subfonts_free(Subfonts *s)
{
    if (!s) return;
    for (int i = 0; i < s->nsized; i++) {
        if (s->sized[i].scaled) cairo_scaled_font_destroy(s->sized[i].scaled);
        g_object_unref(s->sized[i].font);
    }
    for (int i = 0; i < s->nfaces; i++) {
        Face *f = &s->faces[i];
        if (f->small) cairo_font_face_destroy(f->small);
        if (f->plan) hb_subset_plan_destroy(f->plan);
        hb_set_destroy(f->glyphs);
        hb_font_destroy(f->font);
        hb_face_destroy(f->face);
    }
    if (s->renderer) g_object_unref(s->renderer);
    buf_free(&s->texts);
    free(s->sized), free(s->faces), free(s->glyphs), free(s->clusters);
    free(s);
}
