/*
 * subfont.h: text drawn from fonts cut down to the document's glyphs.
 *
 * cairo 1.16 embeds an OpenType/CFF face by subsetting it itself, but with
 * the Noto CJK faces its scanner of the glyph programs gives up and keeps
 * every subroutine of the face (some 870 KB), which it then compresses, and
 * that work was most of the time spent finishing a PDF. Here each CFF face
 * a document uses is first subset by HarfBuzz to the glyphs the document
 * may draw (those its paragraphs were shaped with, and the nominal glyphs
 * of every character in its layout), without subroutines; cairo draws from
 * that small face and its own subsetter then has nothing to give up on. A
 * run whose glyphs are not all in the small face (a glyph only some text
 * drawn late needs) is drawn as pango would, from the face itself.
 */
#ifndef DOSSIER_SUBFONT_H
#define DOSSIER_SUBFONT_H

#include <cairo.h>
#include <stdbool.h>
#include <pango/pango.h>

typedef struct Subfonts Subfonts;

Subfonts *subfonts_new(void);
void subfonts_free(Subfonts *s);
/* the glyphs l was shaped with, to be kept */
void subfonts_note_layout(Subfonts *s, PangoLayout *l);
/* text drawn later, not shaped before (its characters' glyphs are kept,
 * and it is shaped if a run drawn later needs other glyphs) */
void subfonts_note_text(Subfonts *s, const char *utf8);
/* cr draws its text (text_show_*) from s's faces from now on, until it is
 * destroyed; s must outlive cr */
void subfonts_attach(Subfonts *s, cairo_t *cr);
/* whether some text of a CFF face was drawn from the whole face (or s
 * was not used): its embedded font may hold every subroutine of the face */
bool subfonts_whole(const Subfonts *s);

/* pango_cairo_show_layout_line and pango_cairo_show_layout, through the
 * Subfonts attached to cr (as pango alone when none is) */
void text_show_layout_line(cairo_t *cr, PangoLayoutLine *line);
void text_show_layout(cairo_t *cr, PangoLayout *l);

#endif
