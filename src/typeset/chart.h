/*
 * chart.h: charts of the layout vocabulary (schemas/layout.rng, <chart>),
 * read from their element and drawn as vectors on a cairo context, with
 * every label typeset by pango. Kinds: line (with a target line and the
 * categories where the first series misses it shaded), bar, stacked-bar,
 * heatmap (likelihood x impact grid with counts and colours), gantt (a
 * timeline of tasks) and dependency (a layered diagram of boxes and
 * arrows: each edge's `to` is drawn in a layer above its `from`).
 *
 * Units: points; (x, y) is the top-left corner of the chart's box.
 */
#ifndef DOSSIER_CHART_H
#define DOSSIER_CHART_H

#include <cairo.h>
#include <libxml/tree.h>
#include <pango/pango.h>
#include <stdbool.h>

typedef struct ChartStyle {
    const char *font;  /* pango family list, e.g. "Noto Sans CJK SC" */
    double size;       /* label size, points */
    double colour[3];  /* text and axes, 0..1 */
    const char *lang;  /* "zh-CN" or "en": for pango's language */
} ChartStyle;

typedef struct Chart Chart;

/* Read a <chart> element (already valid against the schema) into a chart
 * of the given size. Returns NULL and sets *why (a static string) when the
 * data cannot be drawn: a series whose number of values differs from the
 * categories, a heatmap cell outside the grid, a gantt task ending before
 * it starts, an edge naming an unknown node, a dependency cycle. */
Chart *chart_read(const xmlNode *chart, double width, double height, const char **why);

/* Draw at (x, y), within width x height; never outside that box. */
void chart_draw(const Chart *c, cairo_t *cr, PangoContext *pc, const ChartStyle *st, double x, double y);

/* The words of the chart (title, labels) in reading order, for the page
 * dump; a new string, caller frees. */
char *chart_text(const Chart *c);

void chart_free(Chart *c);

#endif
