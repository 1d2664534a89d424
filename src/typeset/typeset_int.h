/*
 * typeset_int.h: the typesetter's own structures, for src/typeset and
 * src/render only.
 *
 * The flow turns blocks into a vertical list of items:
 *
 *   box      a line of a paragraph, a table row, a rule, an image, a chart
 *   glue     vertical space; a legal break point unless `nobreak`;
 *            discarded at the top of a page
 *   penalty  a break point with a cost: 0 allowed, PEN_INF never,
 *            PEN_FORCE always (a page break)
 *   mark     zero height: where a heading or an element with an id is
 *
 * The paginator fills pages greedily and breaks at the last legal point
 * before the box that does not fit. Units: points (1/72 in) everywhere;
 * pango units only inside text.c.
 */
#ifndef DOSSIER_TYPESET_INT_H
#define DOSSIER_TYPESET_INT_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "../util.h"
#include "chart.h"
#include "subfont.h"
#include "typeset.h"

#define PEN_INF 10000
#define PEN_FORCE (-10000)
#define MM (72.0 / 25.4)
#define STREAM_ELEMENTS 30000 /* a layout tree with more elements is streamed */

/* ---- styles ---- */

typedef struct Style {
    char name[32];
    char font[160];      /* a pango family list */
    double size;         /* points */
    bool bold, italic;
    double colour[3];
    double line_height;  /* baseline to baseline, as a multiple of size */
    int align;           /* 0 left, 1 center, 2 right, 3 justify */
    double indent;       /* first line, points */
    double before, after;
    bool has_bg;
    double bg[3];
} Style;

/* ---- paragraphs ---- */

typedef struct LineBox {
    double top, bottom, baseline; /* points from the paragraph's top */
    double x;                     /* the line's left, from the paragraph's left (alignment, indent) */
} LineBox;

typedef struct Link {
    int start, end;   /* byte range in the text */
    char *uri;        /* external, or NULL */
    char *to;         /* an id inside the document, or NULL */
} Link;

/* A paragraph laid out by pango at a width. The layout may be dropped to
 * save memory and made again from text and attrs (same result). */
typedef struct Para {
    const Style *style;
    char *text;
    PangoAttrList *attrs;
    double width;             /* points */
    int align;
    double indent;            /* first line */
    bool wrap_char;           /* preformatted: break anywhere, keep spaces */
    PangoLayout *layout;
    int nlines;
    LineBox *lines;
    Link *links;
    int nlinks;
    double height;
    int last_page;            /* the last page showing it (for dropping) */
    bool rebuilt;             /* the layout was dropped and made again */
    size_t cost;              /* estimated bytes its layout holds */
    struct Pages *owner;      /* for the memory account; NULL if untracked */
    size_t until;             /* streaming: 1 + the last item that shows it; 0 while unknown */
    bool has_ref;             /* holds a cross-reference's text: kept to the end of the pass */
    bool measured;            /* its natural width sized a table column */
    bool title_only;          /* a heading's title, copied out: not shown itself */
} Para;

/* ---- tables ---- */

typedef struct Cell {
    int col, span;
    double x, w;              /* from the table's left */
    int align;
    int valign;               /* 0 top 1 middle 2 bottom */
    bool has_bg;
    double bg[3];
    Para **paras;
    int npara;
    double content;           /* height of the paragraphs */
} Cell;

typedef struct Row {
    Cell *cells;
    int ncells;
    double height;
    bool header;
    bool has_bg;
    double bg[3];
} Row;

typedef struct Table {
    double x, width;          /* from the body's left */
    int ncols;
    double *colx, *colw;
    Row *rows;
    int nrows, header_rows;
    int borders;              /* 0 all, 1 rows, 2 none */
    Para *continued;          /* the caption above repeated headers, or NULL */
    double header_height;
    xmlNode *node;
    struct Item *head;        /* copies of the header rows' items, placed again on later pages */
    size_t until;             /* streaming: 1 + its last row's item */
} Table;

/* ---- items ---- */

typedef enum { IT_LINE, IT_ROW, IT_RULE, IT_IMAGE, IT_CHART, IT_SPACE, IT_GLUE, IT_PENALTY, IT_MARK } ItemKind;

typedef struct Heading Heading;

typedef struct Decor {
    int kind;                 /* 1 quote bar, 2 code background */
    double x, w;              /* the band it covers, from the body's left */
    double colour[3];
} Decor;

typedef struct Item Item;
struct Item {
    ItemKind kind;
    double h;                 /* box height or glue size */
    double x, w;              /* from the body's left */
    int penalty;
    bool nobreak;             /* glue that is not a break point */
    Para *para;               /* IT_LINE */
    int line;
    Table *table;             /* IT_ROW: its table; IT_LINE of a table caption: NULL */
    int row;
    const char *label;        /* a list label drawn left of this line, or NULL */
    Para *label_para;
    Decor *decor[3];          /* quote bars, code background */
    int ndecor;
    double rule_colour[3];    /* IT_RULE */
    char *image;              /* IT_IMAGE: the PNG's path */
    Chart *chart;             /* IT_CHART */
    const Style *chart_style;
    Heading *heading;         /* IT_MARK of a heading */
    char *anchor;             /* IT_MARK of an element with an id */
    Heading *toc;             /* IT_LINE of a table of contents entry */
};

struct Heading {
    int level;
    char number[32];          /* "1.2.3" or "" */
    char *title;              /* plain text, without the number */
    char *id;                 /* its anchor */
    bool in_toc;
    int page;                 /* 1-based, after pagination */
    double y;                 /* top of its first line on that page */
    const struct Master *m;   /* that page's master */
};

/* ---- masters and pages ---- */

typedef struct Master Master;
struct Master {
    char name[64];
    double w, h;              /* page size */
    double top, bottom, left, right;
    xmlNode *header, *footer; /* <header> / <footer>, or NULL */
};

typedef struct Placed {
    Item *it;
    double y;                 /* top, from the body's top */
    double from, to;          /* the part of a split row shown (0, h = all) */
    bool repeat;              /* a table's header row repeated on a later page */
} Placed;

typedef struct Page {
    const Master *m;
    Placed *v;
    size_t n, cap;
    char *section;            /* the level-1 heading in force */
    int number;               /* 1-based, in the document */
} Page;

typedef struct Anchor {
    char *id;
    int page;
    double y;
    const Master *m;          /* its page's master */
    Heading *heading;         /* or NULL */
} Anchor;

/* The paginator's place, kept between runs while streaming: the page it
 * has open starts at item `start` (with `split` of a row already shown);
 * it is paginated again, from there, when more items have come. */
typedef struct Pager {
    int s;                    /* the section */
    size_t start;             /* global index of the open page's first item */
    double split;
    bool open;                /* a page of section s is open */
    bool warned_tall;
    const char *section;      /* the level-1 heading in force */
} Pager;

typedef void (*PageFn)(Pages *p, const Page *pg, void *ud);

struct Pages {
    Typesetter *ts;
    bool over_pages; /* LIMIT_PAGES reached */
    xmlDoc *doc;
    Subfonts *subfonts; /* the glyphs shaped, for the faces text is drawn from */
    bool owns_doc;   /* doc is freed once the pages are drawn (pages_adopt_layout) */
    char *lang;
    char *title, *author, *subject, *keywords, *date, *watermark;
    Style *styles;
    int nstyles;
    Master *masters;
    int nmasters;
    char **field_names, **field_values;
    int nfields;
    /* the flow */
    Item *items;
    size_t nitems, capitems;
    size_t *section_start;    /* global item index where each section starts */
    int *section_master;
    int nsections;
    Heading **headings;
    int nheadings;
    Anchor *anchors;
    int nanchors;
    Para **paras;             /* every paragraph, for freeing */
    size_t nparas, capparas;
    Table **tables;
    size_t ntables, captables;
    Decor **decors;           /* quote bars and code backgrounds */
    size_t ndecors;
    /* the result */
    Page *pages;              /* the pages kept: all, or while streaming the open one */
    int npages;               /* how many are kept */
    int done;                 /* pages before pages[0], settled and let go */
    int total;                /* the document's pages, once paginated */
    /* streaming (long documents): the flow is paginated as it is made,
     * and each page settled (or drawn) and let go; items before the open
     * page are freed, so memory stays flat in the number of pages */
    bool stream;
    size_t base;              /* global index of items[0] */
    Pager pager;
    size_t flush_at;          /* paginate when the items kept reach this many */
    size_t flush_every;       /* items between runs of the paginator */
    PageFn on_page;           /* while drawing: called with each finished page */
    void *on_page_ud;
    int pass;                 /* 1, 2 ... while cross-references settle */
    struct RefUse {
        char *to, *show, *text;
        Para *para;           /* the paragraph it is in (NULL: a running header or footer) */
        int at;               /* where its text starts in the paragraph's, in bytes */
    } *refs;                  /* every ref's text in this pass */
    int nrefs;
    int next_heading;         /* the flow's place in headings[] */
    double pending_space;     /* space after the last block, not yet put */
    bool pending_nobreak;     /* the last block keeps with the next */
    char *image_root;
    /* memory: layouts are kept while their estimated size stays under the
     * budget; beyond it the oldest are dropped and made again when drawn */
    size_t live, budget;
    size_t drop_cursor;       /* paras before this one have been considered */
    Para **rebuilt;           /* made again while drawing, to drop after their page */
    size_t nrebuilt, caprebuilt;
};

struct Typesetter {
    PangoFontMap *fontmap;
    PangoContext *ctx;
    Map *checked; /* font family -> 1 installed, 2 not (asked once) */
    char **ckeys;  /* its keys, owned */
    size_t nckeys;
};

/* style.c */
void styles_init(Pages *p);
const Style *style_get(const Pages *p, const char *name);
bool length_parse(const char *s, double em, double *out);
bool colour_parse(const char *s, double rgb[3]);
double attr_length(const xmlNode *n, const char *name, double em, double dflt);
const char *attr_str(const xmlNode *n, const char *name); /* a static copy, or NULL */
bool attr_bool(const xmlNode *n, const char *name, bool dflt);

/* text.c */
/* Build a paragraph from an element's inline content (or from plain text
 * when n is NULL), laid out at width. prefix is put before the content. */
Para *para_new(Pages *p, const xmlNode *n, const char *plain, const Style *st, double width, const char *prefix);
void para_layout(Pages *p, Para *pa);  /* make (or remake) the layout and measure */
void para_drop(Para *pa);              /* forget the layout */
void para_free(Para *pa);
/* After a pass: true when the cross-references' texts are settled, either
 * unchanged or put into their paragraphs in place with no line of any of
 * them moved (so that the next pass would paginate exactly as this one
 * did). False: another pass is needed (DOSSIER_FULL_PASSES=1: whenever a
 * text changed). */
bool refs_settle(Pages *p);
/* After page `page` is drawn: drop the layouts made again for it that no
 * later page needs. */
void pages_release(Pages *p, int page);
/* The text a ref shows in the current pass. */
char *ref_text(Pages *p, const char *to, const char *show);
/* Substitute fields (page, pages, section, meta) in running inline content. */
Para *running_new(Pages *p, const xmlNode *slot, const Style *st, double width, const Page *pg, int align);
char *para_line_text(const Para *pa, int line);

/* flow.c */
Decor *decor_new(Pages *p, int kind);
void flow_document(Pages *p);
Item *item_add(Pages *p, ItemKind k);

/* paginate.c */
/* Paginate the items made so far. Pages are finished and settled (where
 * their headings and anchors landed, their section), and while streaming
 * handed to on_page and let go; the last page stays open unless `final`. */
void paginate(Pages *p, bool final);
/* While streaming: paginate when enough items have come (flow.c calls it
 * between blocks). */
void paginate_flush(Pages *p);
/* Every page in order, for drawing or dumping: the kept pages, or while
 * streaming the whole flow made again and paginated page by page. */
void pages_each(Pages *p, PageFn fn, void *ud);
void flow_reset(Pages *p);
void item_free(Item *it);   /* what an item owns */
void table_free(Table *t);

#endif
