/*
 * fontpack.h: the embedded CID-keyed CFF fonts of a PDF being finished by
 * libqpdf, subset again by HarfBuzz to the subroutines their glyphs call
 * (see fontpack.c for why).
 */
#ifndef DOSSIER_FONTPACK_H
#define DOSSIER_FONTPACK_H

#include <qpdf/qpdf-c.h>

void pdf_pack_fonts(qpdf_data q);

#endif
