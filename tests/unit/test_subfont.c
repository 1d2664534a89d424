/*
 * test_subfont.c: text drawn from faces cut down to the document
 * (src/typeset/subfont.c). Whether a run came from a cut-down face or from
 * the whole one is told by subfonts_whole and seen from outside, in the
 * PDF's size: a Noto CJK face drawn whole embeds every subroutine of the
 * face (hundreds of KB), a cut-down face only its glyphs.
 */
#include <cairo-pdf.h>
#include <stdlib.h>

#include "../../src/typeset/typeset_int.h"
#include "unit.h"

static cairo_status_t count_bytes(void *closure, const unsigned char *data, unsigned int length)
{
    (void)data;
    *(size_t *)closure += length;
    return CAIRO_STATUS_SUCCESS;
}

static const char TEXT[] = "业务连续性管理 BCM：恢复时间目标 4 小时";

static PangoLayout *layout_new(Typesetter *ts)
{
    PangoLayout *l = pango_layout_new(ts->ctx);
    PangoFontDescription *fd = pango_font_description_from_string("Noto Sans CJK SC 12");
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_text(l, TEXT, -1);
    return l;
}

/* Draw l through s (noting its glyphs or its text first, as asked) into a
 * PDF; its size in bytes, and whether s drew a CFF face whole. */
static size_t draw(Typesetter *ts, bool note_glyphs, bool note_text, bool *whole)
{
    PangoLayout *l = layout_new(ts);
    Subfonts *s = subfonts_new();
    if (note_glyphs) subfonts_note_layout(s, l);
    if (note_text) subfonts_note_text(s, TEXT);
    size_t n = 0;
    cairo_surface_t *surf = cairo_pdf_surface_create_for_stream(count_bytes, &n, 300, 100);
    cairo_t *cr = cairo_create(surf);
    subfonts_attach(s, cr);
    cairo_move_to(cr, 10, 20);
    text_show_layout(cr, l);
    cairo_destroy(cr);
    cairo_surface_finish(surf);
    cairo_surface_destroy(surf);
    *whole = subfonts_whole(s);
    subfonts_free(s);
    g_object_unref(l);
    return n;
}

TEST(subfont_cut_down_faces)
{
    Typesetter *ts = typeset_new();
    bool whole_g = true, whole_t = true, whole_none = true, whole_off = false;
    size_t by_glyphs = draw(ts, true, false, &whole_g);
    size_t by_text = draw(ts, false, true, &whole_t);
    /* nothing noted: the Chinese characters' glyphs are not in the first
     * cut-down face, which is made again with the run's glyphs */
    size_t by_none = draw(ts, false, false, &whole_none);
    /* DOSSIER_SUBFONT=0: drawn from the whole face, as pango alone does */
    setenv("DOSSIER_SUBFONT", "0", 1);
    size_t by_pango = draw(ts, true, false, &whole_off);
    unsetenv("DOSSIER_SUBFONT");
    CHECK(!whole_g);
    CHECK(!whole_t);
    CHECK(!whole_none);
    CHECK(whole_off);
    CHECK(by_glyphs < 20000);
    CHECK(by_text < 20000);
    CHECK(by_none < 20000);
    CHECK(by_pango > 10 * by_glyphs);
    typeset_free(ts);
}
