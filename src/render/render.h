/*
 * render.h: pages to PDF. cairo draws every page into an unnamed temporary
 * file (text through pango, fonts embedded as subsets), then libqpdf
 * finishes it into another: dates
 * in the form the PDF standard requires (D:YYYYMMDDHHmmSSZ), /Lang, a
 * deterministic /ID, compressed object streams. The same pages always
 * give the same bytes.
 */
#ifndef DOSSIER_RENDER_H
#define DOSSIER_RENDER_H

#include <stdbool.h>

#include "../typeset/typeset.h"
#include "../util.h"

/* Render to a PDF in memory (out); false on failure (reported). The pages
 * are used up: afterwards p still tells its page count and headings, but
 * holds no pages to draw or dump again. */
bool render_pdf(Pages *p, Buf *out);
/* Render and write dir/name atomically. */
bool render_pdf_file(Pages *p, const char *dir, const char *name);

#endif
