/*
 * typeset.h: the typesetting stage. Turns a layout tree (schemas/layout.rng)
 * into pages of positioned boxes, with pango for text (one PangoContext and
 * font map per Typesetter) and a TeX-like vertical list broken into pages
 * (keep-with-next, widows and orphans, keep-together, table rows with
 * repeated header rows). The whole document is laid out before anything is
 * drawn, so "page X of Y", the table of contents and cross-references know
 * their numbers. A long document is streamed: its pages are let go as they
 * are finished, and made again to be drawn (docs/architecture.md).
 * src/render draws the pages.
 */
#ifndef DOSSIER_TYPESET_H
#define DOSSIER_TYPESET_H

#include <libxml/tree.h>
#include <stdbool.h>

typedef struct Typesetter Typesetter;
typedef struct Pages Pages;

/* One per thread; holds the font map and the pango context. */
Typesetter *typeset_new(void);
void typeset_free(Typesetter *ts);

/* Limits of a layout tree, each with its own message (docs/security.md). */
enum {
    LIMIT_TABLE_ROWS = 100000, /* rows of one table */
    LIMIT_PAGES = 20000        /* pages of one document */
};

typedef struct TypesetOptions {
    const char *image_root; /* images resolve under this directory only */
} TypesetOptions;

/* Lay out a layout document that has been validated against layout.rng.
 * Problems (a table wider than the page, a missing image, an unknown
 * style or reference) are reported to diag at the layout element; the
 * document is still laid out. Returns NULL only if nothing can be done. */
Pages *typeset_document(Typesetter *ts, xmlDoc *layout, const TypesetOptions *opt);
int pages_count(const Pages *p);
/* The document's headings, in order, after pagination: level, number
 * ("5.2", or "" when unnumbered), title, id (its anchor) and page. The
 * strings live as long as p. */
typedef struct PageHeading {
    int level;
    const char *number, *title, *id;
    int page;
} PageHeading;
int pages_heading_count(const Pages *p);
PageHeading pages_heading(const Pages *p, int i);
/* A text dump of every page's boxes: kind, position, size, text. A
 * streamed document is laid out again for it. */
char *pages_dump(Pages *p);
void pages_free(Pages *p);
/* p takes the layout tree it was made from, and frees it as soon as its
 * pages are drawn (pages_drawn), before the PDF is finished: the tree is
 * the largest thing a long document holds. */
void pages_adopt_layout(Pages *p);
/* The pages are drawn: an adopted layout tree goes now. */
void pages_drawn(Pages *p);

/* Read and validate a layout file (path); reports and returns NULL on
 * failure. datadir holds schemas/layout.rng. */
xmlDoc *layout_read(const char *path, const char *datadir);
void layout_free(xmlDoc *doc);

#endif
