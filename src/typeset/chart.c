/*
 * chart.c: the charts of the layout vocabulary (<chart>), read from their
 * element into plain data and drawn as cairo paths with every word laid
 * out by pango from the caller's context.
 *
 * A chart is drawn inside its box and never outside it: each kind first
 * measures its text (title, tick and category labels, legend, node labels)
 * and then fits the plot into what is left, wrapping, thinning, rotating,
 * shrinking or ellipsizing text rather than letting it collide; the clip to
 * the box is only a last resort for boxes too small to hold anything.
 *
 *   line, bar, stacked-bar: categories across, a value axis with ticks at
 *     1, 2 or 5 x 10^k, an optional dashed target; on a line chart the
 *     categories where the first series misses the target are shaded
 *   heatmap: rows from the top x columns from the left, cells coloured
 *   gantt: one row per task on a time axis of wall-clock minutes
 *   dependency: layers by longest path (a node with no outgoing edge at
 *     the top, each other one a layer below the lowest node it points to),
 *     long edges bent through dummy slots, the order within layers by
 *     barycentre sweeps, boxes sized to their wrapped labels
 *
 * Units: points throughout; pango units (1/PANGO_SCALE point, the context
 * being at 72 dpi) only where pango wants them; times in minutes since
 * 1970-01-01T00:00 of the wall clock, with no time zone.
 */
#include "chart.h"

#include <glib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util.h"
#include "subfont.h"

/* ---- the data ----------------------------------------------------------- */

typedef enum { KIND_LINE, KIND_BAR, KIND_STACKED, KIND_HEATMAP, KIND_GANTT, KIND_DEPENDENCY } Kind;

typedef struct Rgb {
    double r, g, b;
} Rgb;

typedef struct Val {
    double v;
    bool set; /* false: an empty <v/>, a gap */
} Val;

typedef struct Series {
    const char *name;
    bool has_colour;
    Rgb colour;
    VEC(Val) vals; /* one per category */
} Series;

typedef struct Cell {
    size_t row, col; /* from 0 */
    const char *value;
    bool has_colour;
    Rgb colour;
} Cell;

typedef struct Task {
    const char *label;
    int64_t start, end; /* minutes */
    bool has_colour;
    Rgb colour;
} Task;

typedef struct Node {
    const char *id, *label;
    bool has_colour;
    Rgb colour;
} Node;

/* An edge, from the node that depends (below) to the one it depends on
 * (above); when it spans more than one layer it runs through the dummy
 * vertices dummy .. dummy + span - 2, from the layer above `from` up. */
typedef struct Edge {
    size_t from, to, dummy;
} Edge;

typedef VEC(size_t) IdxVec;

/* A vertex of the layered drawing: a node (its index equals the node's) or
 * a dummy that carries a long edge through a layer. */
typedef struct Vertex {
    bool dummy;
    size_t layer, pos; /* layer from the top; place in the layer */
    IdxVec up, down;   /* neighbours in the layer above / below */
} Vertex;

struct Chart {
    Arena *arena; /* everything below lives here */
    Kind kind;
    double width, height; /* points */
    const char *title;    /* or NULL */
    bool legend;
    /* line, bar, stacked-bar */
    const char *y_label;
    bool has_ymin, has_ymax;
    double ymin, ymax;
    VEC(const char *) cats;
    VEC(Series) series;
    bool has_target, lower_better;
    double target;
    const char *target_label;
    /* heatmap */
    const char *x_label;
    VEC(const char *) rows, cols;
    VEC(Cell) cells;
    /* gantt */
    VEC(Task) tasks;
    /* dependency */
    VEC(Node) nodes;
    VEC(Edge) edges;
    VEC(Vertex) verts; /* the nodes first, then the dummies */
    IdxVec *layers;    /* vertex indices of each layer, left to right */
    size_t nlayers;
};

/* ---- reading ------------------------------------------------------------ */

static bool is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

/* A copy for display: valid UTF-8, ends trimmed, control characters as
 * spaces (a label is one paragraph). */
static const char *clean(Arena *a, const char *s)
{
    gchar *valid = g_utf8_validate(s, -1, NULL) ? NULL : g_utf8_make_valid(s, -1);
    const char *t = valid ? valid : s;
    while (is_space(*t)) t++;
    size_t n = strlen(t);
    while (n && is_space(t[n - 1])) n--;
    char *r = arena_strndup(a, t, n);
    for (char *q = r; *q; q++)
        if ((unsigned char)*q < 0x20) *q = ' ';
    g_free(valid);
    return r;
}

/* An attribute (no namespace) cleaned for display; NULL when absent. */
static const char *get_attr(Arena *a, const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
    if (!v) return NULL;
    const char *s = clean(a, (const char *)v);
    xmlFree(v);
    return s;
}

static const char *get_content(Arena *a, const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    if (!v) return "";
    const char *s = clean(a, (const char *)v);
    xmlFree(v);
    return s;
}

/* The schema's number: an optional minus, digits, an optional fraction. */
static bool parse_number(const char *s, double *out)
{
    const char *q = s + (*s == '-');
    if (*q < '0' || *q > '9') return false;
    char *end;
    double v = g_ascii_strtod(s, &end);
    if (*end || !isfinite(v)) return false;
    *out = v;
    return true;
}

static bool parse_colour(const char *s, Rgb *out)
{
    if (strlen(s) != 7 || s[0] != '#') return false;
    int d[6];
    for (int i = 0; i < 6; i++)
        if ((d[i] = g_ascii_xdigit_value(s[i + 1])) < 0) return false;
    out->r = (d[0] * 16 + d[1]) / 255.0;
    out->g = (d[2] * 16 + d[3]) / 255.0;
    out->b = (d[4] * 16 + d[5]) / 255.0;
    return true;
}

/* The optional colour attribute; false when present but not #RRGGBB. */
static bool get_colour(Arena *a, const xmlNode *n, bool *has, Rgb *c)
{
    const char *s = get_attr(a, n, "colour");
    *has = s != NULL;
    return !s || parse_colour(s, c);
}

/* Howard Hinnant's days_from_civil: days since 1970-01-01. */
static int64_t civil_days(int y, int m, int d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void days_civil(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* YYYY-MM-DDTHH:MM as wall-clock minutes since 1970-01-01T00:00. */
static bool parse_time(const char *s, int64_t *out)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, mo, d, h, mi;
    if (!s || strlen(s) != 16 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':') return false;
    if (!digits(s, 4, &y) || !digits(s + 5, 2, &mo) || !digits(s + 8, 2, &d) || !digits(s + 11, 2, &h) ||
        !digits(s + 14, 2, &mi))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || h > 23 || mi > 59) return false;
    if (mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return false;
    *out = civil_days(y, mo, d) * 1440 + h * 60 + mi;
    return true;
}

/* A positive integer attribute as an index from 0; SIZE_MAX when absent,
 * zero, too long or not digits (all of which are outside any grid). */
static size_t get_index(Arena *a, const xmlNode *n, const char *name)
{
    const char *s = get_attr(a, n, name);
    if (!s) return SIZE_MAX;
    while (*s == '0') s++;
    if (!*s || strlen(s) > 9) return SIZE_MAX;
    size_t v = 0;
    for (const char *q = s; *q; q++) {
        if (*q < '0' || *q > '9') return SIZE_MAX;
        v = v * 10 + (size_t)(*q - '0');
    }
    return v ? v - 1 : SIZE_MAX;
}

static const char *read_xy(Chart *c, const xmlNode *el)
{
    Arena *a = c->arena;
    const char *s;
    c->y_label = get_attr(a, el, "y-label");
    if ((s = get_attr(a, el, "y-min"))) {
        if (!parse_number(s, &c->ymin)) return "y-min is not a number";
        c->has_ymin = true;
    }
    if ((s = get_attr(a, el, "y-max"))) {
        if (!parse_number(s, &c->ymax)) return "y-max is not a number";
        c->has_ymax = true;
    }
    if (c->has_ymin && c->has_ymax && !(c->ymin < c->ymax)) return "y-min is not below y-max";
    for (const xmlNode *n = el->children; n; n = n->next) {
        if (is_el(n, "category")) {
            const char *l = get_attr(a, n, "label");
            if (!l) return "a category has no label";
            vec_push(a, &c->cats, l);
        } else if (is_el(n, "series")) {
            Series *se = vec_add(a, &c->series);
            se->name = get_attr(a, n, "name");
            if (!se->name) return "a series has no name";
            if (!get_colour(a, n, &se->has_colour, &se->colour)) return "a colour is not #RRGGBB";
            for (const xmlNode *v = n->children; v; v = v->next) {
                if (!is_el(v, "v")) continue;
                Val *val = vec_add(a, &se->vals);
                const char *t = get_content(a, v);
                if (*t) {
                    if (!parse_number(t, &val->v)) return "a value is not a number";
                    val->set = true;
                }
            }
        } else if (is_el(n, "target")) {
            s = get_attr(a, n, "value");
            if (!s || !parse_number(s, &c->target)) return "the target's value is not a number";
            c->has_target = true;
            s = get_attr(a, n, "polarity");
            c->lower_better = s && strcmp(s, "lower-better") == 0;
            c->target_label = get_attr(a, n, "label");
        } else if (is_el(n, "legend")) {
            c->legend = true;
        }
    }
    if (!c->cats.n) return "a chart has no categories";
    if (!c->series.n) return "a chart has no series";
    for (size_t i = 0; i < c->series.n; i++)
        if (c->series.v[i].vals.n != c->cats.n) return "a series has more or fewer values than there are categories";
    return NULL;
}

static const char *read_heatmap(Chart *c, const xmlNode *el)
{
    Arena *a = c->arena;
    c->x_label = get_attr(a, el, "x-label");
    c->y_label = get_attr(a, el, "y-label");
    for (const xmlNode *n = el->children; n; n = n->next) {
        if (is_el(n, "row-label")) {
            vec_push(a, &c->rows, get_content(a, n));
        } else if (is_el(n, "col-label")) {
            vec_push(a, &c->cols, get_content(a, n));
        } else if (is_el(n, "cell")) {
            Cell *cell = vec_add(a, &c->cells);
            cell->row = get_index(a, n, "row");
            cell->col = get_index(a, n, "col");
            cell->value = get_attr(a, n, "value");
            if (!get_colour(a, n, &cell->has_colour, &cell->colour)) return "a colour is not #RRGGBB";
        } else if (is_el(n, "legend")) {
            c->legend = true;
        }
    }
    if (!c->rows.n || !c->cols.n) return "a heatmap needs row and column labels";
    for (size_t i = 0; i < c->cells.n; i++)
        if (c->cells.v[i].row >= c->rows.n || c->cells.v[i].col >= c->cols.n) return "a heatmap cell is outside the grid";
    return NULL;
}

static const char *read_gantt(Chart *c, const xmlNode *el)
{
    Arena *a = c->arena;
    for (const xmlNode *n = el->children; n; n = n->next) {
        if (is_el(n, "task")) {
            Task *t = vec_add(a, &c->tasks);
            t->label = get_attr(a, n, "label");
            if (!t->label) return "a task has no label";
            if (!parse_time(get_attr(a, n, "start"), &t->start) || !parse_time(get_attr(a, n, "end"), &t->end))
                return "a task's time is not a date and time YYYY-MM-DDTHH:MM";
            if (t->end < t->start) return "a gantt task ends before it starts";
            if (!get_colour(a, n, &t->has_colour, &t->colour)) return "a colour is not #RRGGBB";
        } else if (is_el(n, "legend")) {
            c->legend = true;
        }
    }
    if (!c->tasks.n) return "a gantt chart has no tasks";
    return NULL;
}

/* Binary indexed tree over positions 1..n, for counting crossings. */
static void bit_add(size_t *t, size_t n, size_t i)
{
    for (; i <= n; i += i & (~i + 1)) t[i]++;
}

static size_t bit_sum(const size_t *t, size_t i)
{
    size_t s = 0;
    for (; i; i -= i & (~i + 1)) s += t[i];
    return s;
}

/* The edge crossings between layer l and the layer above it: pairs of
 * links whose ends are in opposite orders. tree: scratch of the upper
 * layer's size + 1. */
static size_t crossings(const Chart *c, size_t l, size_t *tree)
{
    const IdxVec *lo = &c->layers[l];
    size_t nup = c->layers[l - 1].n, total = 0, seen = 0;
    memset(tree, 0, (nup + 1) * sizeof *tree);
    for (size_t i = 0; i < lo->n; i++) {
        const Vertex *v = &c->verts.v[lo->v[i]];
        for (size_t k = 0; k < v->up.n; k++) total += seen - bit_sum(tree, c->verts.v[v->up.v[k]].pos + 1);
        for (size_t k = 0; k < v->up.n; k++) bit_add(tree, nup, c->verts.v[v->up.v[k]].pos + 1), seen++;
    }
    return total;
}

static size_t all_crossings(const Chart *c, size_t *tree)
{
    size_t t = 0;
    for (size_t l = 1; l < c->nlayers; l++) t += crossings(c, l, tree);
    return t;
}

typedef struct Key {
    double key;
    size_t was, v;
} Key;

static int cmp_key(const void *a, const void *b)
{
    const Key *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->was < y->was ? -1 : x->was > y->was;
}

/* Reorder layer l by the mean place of each vertex's neighbours in the
 * layer above (up) or below; a vertex without any keeps its place. */
static void barycentre(Chart *c, size_t l, bool up, Key *keys)
{
    IdxVec *ly = &c->layers[l];
    for (size_t i = 0; i < ly->n; i++) {
        const Vertex *v = &c->verts.v[ly->v[i]];
        const IdxVec *nb = up ? &v->up : &v->down;
        double sum = 0;
        for (size_t k = 0; k < nb->n; k++) sum += (double)c->verts.v[nb->v[k]].pos;
        keys[i] = (Key){nb->n ? sum / (double)nb->n : (double)i, i, ly->v[i]};
    }
    xsort(keys, ly->n, sizeof *keys, cmp_key);
    for (size_t i = 0; i < ly->n; i++) {
        ly->v[i] = keys[i].v;
        c->verts.v[keys[i].v].pos = i;
    }
}

static void add_link(Chart *c, size_t lower, size_t upper)
{
    vec_push(c->arena, &c->verts.v[lower].up, upper);
    vec_push(c->arena, &c->verts.v[upper].down, lower);
}

/* Layers by longest path (Kahn's order from the nodes without outgoing
 * edges, so a cycle is what is left over), dummies on long edges, then the
 * order in each layer by barycentre sweeps, keeping the order with the
 * fewest crossings. */
static const char *layer_graph(Chart *c)
{
    Arena *a = c->arena;
    size_t n = c->nodes.n, ne = c->edges.n;
    size_t *outdeg = xcalloc(n, sizeof *outdeg), *first = xcalloc(n + 1, sizeof *first);
    size_t *in = xcalloc(ne ? ne : 1, sizeof *in), *layer = xcalloc(n, sizeof *layer);
    size_t *queue = xcalloc(n, sizeof *queue), head = 0, tail = 0;
    /* the edges into each node (CSR) */
    for (size_t e = 0; e < ne; e++) outdeg[c->edges.v[e].from]++, first[c->edges.v[e].to + 1]++;
    for (size_t i = 0; i < n; i++) first[i + 1] += first[i];
    size_t *fill = xcalloc(n, sizeof *fill);
    for (size_t e = 0; e < ne; e++) {
        size_t t = c->edges.v[e].to;
        in[first[t] + fill[t]++] = c->edges.v[e].from;
    }
    free(fill);
    for (size_t i = 0; i < n; i++)
        if (!outdeg[i]) queue[tail++] = i;
    while (head < tail) {
        size_t u = queue[head++];
        for (size_t k = first[u]; k < first[u + 1]; k++) {
            size_t f = in[k];
            if (layer[f] < layer[u] + 1) layer[f] = layer[u] + 1;
            if (--outdeg[f] == 0) queue[tail++] = f;
        }
    }
    bool cycle = tail < n;
    free(outdeg), free(first), free(in), free(queue);
    if (cycle) {
        free(layer);
        return "the dependencies form a cycle";
    }

    size_t nl = 0;
    for (size_t i = 0; i < n; i++) {
        Vertex *v = vec_add(a, &c->verts);
        v->layer = layer[i];
        if (layer[i] + 1 > nl) nl = layer[i] + 1;
    }
    free(layer);
    for (size_t e = 0; e < ne; e++) {
        Edge *ed = &c->edges.v[e];
        size_t lf = c->verts.v[ed->from].layer, lt = c->verts.v[ed->to].layer, below = ed->from;
        ed->dummy = c->verts.n;
        for (size_t l = lf - 1; l > lt; l--) {
            Vertex *d = vec_add(a, &c->verts);
            d->dummy = true;
            d->layer = l;
            add_link(c, below, c->verts.n - 1);
            below = c->verts.n - 1;
        }
        add_link(c, below, ed->to);
    }
    c->nlayers = nl;
    c->layers = arena_alloc(a, nl * sizeof *c->layers);
    for (size_t i = 0; i < c->verts.n; i++) {
        c->verts.v[i].pos = c->layers[c->verts.v[i].layer].n;
        vec_push(a, &c->layers[c->verts.v[i].layer], i);
    }

    size_t widest = 1, nv = c->verts.n;
    for (size_t l = 0; l < nl; l++)
        if (c->layers[l].n > widest) widest = c->layers[l].n;
    Key *keys = xcalloc(widest, sizeof *keys);
    size_t *tree = xcalloc(widest + 1, sizeof *tree), *best = xcalloc(nv, sizeof *best);
    size_t best_x = SIZE_MAX;
    for (int sweep = 0; sweep < 12 && best_x; sweep++) {
        if (sweep % 2 == 0)
            for (size_t l = 1; l < nl; l++) barycentre(c, l, true, keys);
        else
            for (size_t l = nl - 1; l-- > 0;) barycentre(c, l, false, keys);
        size_t x = all_crossings(c, tree);
        if (x < best_x) {
            best_x = x;
            for (size_t l = 0, k = 0; l < nl; l++)
                for (size_t i = 0; i < c->layers[l].n; i++) best[k++] = c->layers[l].v[i];
        }
    }
    for (size_t l = 0, k = 0; l < nl; l++)
        for (size_t i = 0; i < c->layers[l].n; i++) {
            c->layers[l].v[i] = best[k++];
            c->verts.v[c->layers[l].v[i]].pos = i;
        }
    free(keys), free(tree), free(best);
    return NULL;
}

static const char *read_dependency(Chart *c, const xmlNode *el)
{
    Arena *a = c->arena;
    const char *why = NULL;
    Map *ids = map_new(), *seen = map_new();
    for (const xmlNode *n = el->children; n && !why; n = n->next) {
        if (is_el(n, "node")) {
            Node *nd = vec_add(a, &c->nodes);
            nd->id = get_attr(a, n, "id");
            nd->label = get_attr(a, n, "label");
            if (!nd->id || !nd->label) why = "a node has no id or no label";
            else if (!get_colour(a, n, &nd->has_colour, &nd->colour)) why = "a colour is not #RRGGBB";
            else if (!map_put(ids, nd->id, (void *)(uintptr_t)c->nodes.n)) why = "two nodes have the same id";
        } else if (is_el(n, "legend")) {
            c->legend = true;
        }
    }
    for (const xmlNode *n = el->children; n && !why; n = n->next) {
        if (!is_el(n, "edge")) continue;
        const char *f = get_attr(a, n, "from"), *t = get_attr(a, n, "to");
        uintptr_t fi = f ? (uintptr_t)map_get(ids, f) : 0, ti = t ? (uintptr_t)map_get(ids, t) : 0;
        if (!fi || !ti) why = "an edge names an unknown node";
        else if (fi == ti) why = "the dependencies form a cycle";
        else if (map_put(seen, arena_printf(a, "%zu>%zu", (size_t)fi, (size_t)ti), seen))
            *vec_add(a, &c->edges) = (Edge){fi - 1, ti - 1, 0};
    }
    map_free(ids);
    map_free(seen);
    if (!why && !c->nodes.n) why = "a dependency diagram has no nodes";
    return why ? why : layer_graph(c);
}

/* What each kind takes: its own attributes (of x-label, y-label, y-min,
 * y-max) and its children, space-separated. schemas/layout.rng allows any
 * of them on any chart, so that a chart's content is a plain regular
 * expression libxml2 compiles (tying them to kind there made validating a
 * 2,000-node dependency diagram take 1.5 s, growing with the square of its
 * nodes); which belong to which kind is checked here. */
static const struct {
    const char *name;
    Kind kind;
    const char *attrs, *children;
} KINDS[] = {
    {"line", KIND_LINE, "y-label y-min y-max", "category series target legend"},
    {"bar", KIND_BAR, "y-label y-min y-max", "category series target legend"},
    {"stacked-bar", KIND_STACKED, "y-label y-min y-max", "category series target legend"},
    {"heatmap", KIND_HEATMAP, "x-label y-label", "row-label col-label cell legend"},
    {"gantt", KIND_GANTT, "", "task legend"},
    {"dependency", KIND_DEPENDENCY, "", "node edge legend"},
};

/* whether word is one of the space-separated words of list */
static bool word_in(const char *word, const char *list)
{
    size_t n = strlen(word);
    for (const char *w = list; *w;) {
        size_t k = strcspn(w, " ");
        if (k == n && strncmp(w, word, n) == 0) return true;
        w += k;
        while (*w == ' ') w++;
    }
    return false;
}

/* NULL, or why chart has an attribute or a child its kind k does not take
 * (in a static buffer: the typesetter runs on one thread) */
static const char *kind_misfit(const xmlNode *chart, size_t k)
{
    static char msg[160];
    static const char *const own[] = {"x-label", "y-label", "y-min", "y-max"};
    for (size_t i = 0; i < ARRAY_LEN(own); i++)
        if (xmlHasProp(chart, (const xmlChar *)own[i]) && !word_in(own[i], KINDS[k].attrs)) {
            snprintf(msg, sizeof msg, "a %s chart takes no %s", KINDS[k].name, own[i]);
            return msg;
        }
    for (const xmlNode *n = chart->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && !word_in((const char *)n->name, KINDS[k].children)) {
            snprintf(msg, sizeof msg, "a %s chart takes no <%.40s> (its children: %s)", KINDS[k].name,
                     (const char *)n->name, KINDS[k].children);
            return msg;
        }
    return NULL;
}

Chart *chart_read(const xmlNode *chart, double width, double height, const char **why)
{
    const char *dummy;
    if (!why) why = &dummy;
    if (!is_el(chart, "chart")) {
        *why = "not a chart element";
        return NULL;
    }
    if (!(width > 0 && height > 0 && width < 1e6 && height < 1e6)) {
        *why = "the chart's box is empty or too large";
        return NULL;
    }
    Chart *c = xcalloc(1, sizeof *c);
    c->arena = arena_new();
    c->width = width;
    c->height = height;
    c->title = get_attr(c->arena, chart, "title");
    const char *kind = get_attr(c->arena, chart, "kind"), *err = "unknown chart kind";
    for (size_t i = 0; kind && i < ARRAY_LEN(KINDS); i++)
        if (strcmp(kind, KINDS[i].name) == 0) {
            c->kind = KINDS[i].kind;
            err = kind_misfit(chart, i);
        }
    if (!err) switch (c->kind) {
        case KIND_LINE:
        case KIND_BAR:
        case KIND_STACKED: err = read_xy(c, chart); break;
        case KIND_HEATMAP: err = read_heatmap(c, chart); break;
        case KIND_GANTT: err = read_gantt(c, chart); break;
        case KIND_DEPENDENCY: err = read_dependency(c, chart); break;
        }
    if (err) {
        *why = err;
        chart_free(c);
        return NULL;
    }
    return c;
}

void chart_free(Chart *c)
{
    if (!c) return;
    arena_free(c->arena);
    free(c);
}

static void put_word(Buf *b, const char *s)
{
    if (!s || !*s) return;
    if (b->len) buf_putc(b, '\n');
    buf_puts(b, s);
}

char *chart_text(const Chart *c)
{
    Buf b = {0};
    if (!c) return buf_steal(&b);
    put_word(&b, c->title);
    switch (c->kind) {
    case KIND_LINE:
    case KIND_BAR:
    case KIND_STACKED:
        put_word(&b, c->y_label);
        for (size_t i = 0; i < c->cats.n; i++) put_word(&b, c->cats.v[i]);
        for (size_t i = 0; i < c->series.n; i++) put_word(&b, c->series.v[i].name);
        if (c->has_target) put_word(&b, c->target_label);
        break;
    case KIND_HEATMAP:
        put_word(&b, c->y_label);
        for (size_t i = 0; i < c->rows.n; i++) put_word(&b, c->rows.v[i]);
        for (size_t i = 0; i < c->cols.n; i++) put_word(&b, c->cols.v[i]);
        put_word(&b, c->x_label);
        break;
    case KIND_GANTT:
        for (size_t i = 0; i < c->tasks.n; i++) put_word(&b, c->tasks.v[i].label);
        break;
    case KIND_DEPENDENCY:
        for (size_t l = 0; l < c->nlayers; l++)
            for (size_t i = 0; i < c->layers[l].n; i++) {
                size_t v = c->layers[l].v[i];
                if (!c->verts.v[v].dummy) put_word(&b, c->nodes.v[v].label);
            }
        break;
    }
    return buf_steal(&b);
}

/* ---- colours and text --------------------------------------------------- */

#define RGB_HEX(h) {((h) >> 16 & 0xFF) / 255.0, ((h) >> 8 & 0xFF) / 255.0, ((h) & 0xFF) / 255.0}

/* Eight print colours, ordered so that neighbours also differ in lightness
 * (Rec. 601 luma 69, 164, 111, 187, 47, 149, 95, 208 of 255): series stay
 * apart on a greyscale printer. */
static const Rgb PALETTE[8] = {RGB_HEX(0x1F4E79), RGB_HEX(0xE69A28), RGB_HEX(0x4E8A3E), RGB_HEX(0x9CC3E4),
                               RGB_HEX(0x3A2C25), RGB_HEX(0xE07A5F), RGB_HEX(0x6E4C9A), RGB_HEX(0xDDD3A0)};
static const Rgb WHITE = {1, 1, 1};
static const Rgb MISS = RGB_HEX(0xFADBD8);    /* the band behind a missed category */
static const Rgb TARGET = RGB_HEX(0xB03A2E);  /* the target line and its label */
static const Rgb CELL = RGB_HEX(0xEEEEEE);    /* a heatmap cell without a colour */
static const Rgb BOX = RGB_HEX(0xE6EDF5);     /* a dependency box without a colour */
static const Rgb STRIPE = RGB_HEX(0xF2F2F2);  /* every other gantt row */

static Rgb series_colour(const Chart *c, size_t i)
{
    return c->series.v[i].has_colour ? c->series.v[i].colour : PALETTE[i % ARRAY_LEN(PALETTE)];
}

static double luma(Rgb c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b; }

static Rgb mix(Rgb a, Rgb b, double t)
{
    return (Rgb){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

static void set_rgb(cairo_t *cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

/* What a chart is drawn with. */
typedef struct Pen {
    cairo_t *cr;
    PangoContext *pc;
    const char *font;
    PangoAttrList *attrs; /* the language */
    double size;          /* label size, points */
    double ratio;         /* line height / size */
    Rgb ink;              /* text and axes */
    Rgb grid;             /* grid lines: the ink, faded */
} Pen;

static const double HAIR = 0.6;  /* axes, boxes, ticks, points */
static const double GRID = 0.5;  /* grid lines, points */
static const double TRACE = 1.2; /* a series' line, points */

/* A layout of s at size points; when wrap > 0, wrapped at wrap points to at
 * most lines lines, the last one ellipsized. */
static PangoLayout *text_new(const Pen *p, const char *s, double size, bool bold, double wrap, int lines,
                             PangoAlignment align)
{
    PangoLayout *l = pango_layout_new(p->pc);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, p->font);
    pango_font_description_set_size(fd, (gint)lround(size * PANGO_SCALE));
    if (bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_attributes(l, p->attrs);
    pango_layout_set_alignment(l, align);
    if (wrap > 0) {
        pango_layout_set_width(l, (int)(fmin(fmax(wrap, 1), 1e6) * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(l, -(lines > 0 ? lines : 1));
    }
    pango_layout_set_text(l, s ? s : "", -1);
    return l;
}

/* The logical size of a layout, points. */
static void text_size(PangoLayout *l, double *w, double *h)
{
    PangoRectangle r;
    pango_layout_get_extents(l, NULL, &r);
    if (w) *w = (double)r.width / PANGO_SCALE;
    if (h) *h = (double)r.height / PANGO_SCALE;
}

static double text_width(PangoLayout *l)
{
    double w;
    text_size(l, &w, NULL);
    return w;
}

/* Show a layout with the top-left of its logical box at (x, y). */
static void text_at(const Pen *p, PangoLayout *l, double x, double y, Rgb colour)
{
    PangoRectangle r;
    pango_layout_get_extents(l, NULL, &r);
    set_rgb(p->cr, colour);
    cairo_move_to(p->cr, x - (double)r.x / PANGO_SCALE, y - (double)r.y / PANGO_SCALE);
    text_show_layout(p->cr, l);
}

/* Show a layout centred on (x, y). */
static void text_centred(const Pen *p, PangoLayout *l, double x, double y, Rgb colour)
{
    double w, h;
    text_size(l, &w, &h);
    text_at(p, l, x - w / 2, y - h / 2, colour);
}

static double line_height(const Pen *p, double size) { return p->ratio * size; }

/* Show a layout turned a quarter left (reading upwards), its top (now its
 * left side) at x and its middle at y. */
static void text_up(const Pen *p, PangoLayout *l, double x, double y, Rgb colour)
{
    double w;
    text_size(l, &w, NULL);
    cairo_save(p->cr);
    cairo_translate(p->cr, x, y);
    cairo_rotate(p->cr, -M_PI / 2);
    text_at(p, l, -w / 2, 0, colour);
    cairo_restore(p->cr);
}

/* The title across the top, bold, at most two lines; returns the height it
 * takes with the space under it (points). */
static double draw_title(const Chart *c, const Pen *p)
{
    if (!c->title || !*c->title) return 0;
    PangoLayout *l = text_new(p, c->title, p->size * 1.15, true, c->width, 2, PANGO_ALIGN_CENTER);
    double w, h;
    text_size(l, &w, &h);
    if (h <= c->height) text_at(p, l, (c->width - w) / 2, 0, p->ink);
    g_object_unref(l);
    return h + 0.4 * line_height(p, p->size);
}

/* ---- numbers ------------------------------------------------------------ */

/* 1, 2 or 5 x 10^k, the smallest not below x. */
static double nice_step(double x)
{
    if (!(x > 0) || !isfinite(x)) return 1;
    double m = pow(10, floor(log10(x))), f = x / m;
    return (f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10) * m;
}

/* A value axis: its ends, tick step and the decimals of its labels. */
typedef struct Axis {
    double lo, hi, step;
    int decimals;
} Axis;

/* v with the decimals, the integer digits of a long one grouped in threes
 * (1,000,000), whatever the locale. */
static void format_number(char *buf, size_t n, double v, int decimals)
{
    char fmt[16];
    snprintf(fmt, sizeof fmt, "%%.%df", decimals);
    g_ascii_formatd(buf, (gint)n, fmt, v);
    char *s = buf + (buf[0] == '-');
    size_t digits = strspn(s, "0123456789"), commas = digits ? (digits - 1) / 3 : 0, len = strlen(buf);
    if (digits < 5 || len + commas + 1 > n) return;
    char *src = s + digits, *dst = src + commas - 1, *from = src - 1;
    memmove(src + commas, src, strlen(src) + 1);
    for (int k = 1; from >= s; k++) {
        *dst-- = *from--;
        if (k % 3 == 0 && from >= s) *dst-- = ',';
    }
}

/* Widen lo..hi to take in x; the first x sets both. */
static void see(bool *any, double *lo, double *hi, double x)
{
    *lo = *any ? fmin(*lo, x) : x;
    *hi = *any ? fmax(*hi, x) : x;
    *any = true;
}

/* The value axis for plot_h points of plot with labels lh points high:
 * given ends are kept; automatic ones go a little beyond the data (and the
 * target), not past 0 or 100 when the data does not, then out to a tick.
 * Bars always include 0. */
static Axis value_axis(const Chart *c, double plot_h, double lh)
{
    bool any = false, bars = c->kind != KIND_LINE;
    double dlo = 0, dhi = 0;
    if (bars) see(&any, &dlo, &dhi, 0);
    for (size_t k = 0; k < c->cats.n; k++) {
        double pos = 0, neg = 0;
        for (size_t s = 0; s < c->series.n; s++) {
            const Val *v = &c->series.v[s].vals.v[k];
            if (!v->set) continue;
            if (c->kind != KIND_STACKED) see(&any, &dlo, &dhi, v->v);
            else if (v->v > 0) pos += v->v;
            else neg += v->v;
        }
        if (c->kind == KIND_STACKED) see(&any, &dlo, &dhi, pos), see(&any, &dlo, &dhi, neg);
    }
    if (c->has_target) see(&any, &dlo, &dhi, c->target);
    if (!any) see(&any, &dlo, &dhi, 0), see(&any, &dlo, &dhi, 1);
    double lo = c->has_ymin ? c->ymin : dlo, hi = c->has_ymax ? c->ymax : dhi;
    if (!c->has_ymin || !c->has_ymax) {
        double mag = fmax(fabs(lo), fabs(hi)), minspan = fmax(mag * 1e-9, 1e-12);
        if (hi - lo < minspan) {
            double d = fmax(mag * 0.05, minspan);
            if (mag == 0) d = 1;
            if (c->has_ymin) hi = lo + 2 * d;
            else if (c->has_ymax) lo = hi - 2 * d;
            else lo = lo >= 0 && lo - d < 0 ? 0 : lo - d, hi = hi <= 100 && hi + d > 100 && lo < 100 ? 100 : hi + d;
        }
        double pad = 0.06 * (hi - lo);
        if (!c->has_ymin && !(bars && lo == 0)) lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
        if (!c->has_ymax && !(bars && hi == 0))
            hi = hi <= 0 && hi + pad > 0 ? 0 : hi <= 100 && hi + pad > 100 ? 100 : hi + pad;
    }
    double want = fmin(fmax(plot_h / (2.4 * lh), 2), 10);
    Axis a = {lo, hi, nice_step((hi - lo) / want), 0};
    if (!c->has_ymin) a.lo = floor(lo / a.step + 1e-9) * a.step;
    if (!c->has_ymax) a.hi = ceil(hi / a.step - 1e-9) * a.step;
    if (!(a.hi > a.lo)) a.hi = a.lo + a.step;
    double d = ceil(-log10(a.step) - 1e-9);
    a.decimals = d < 0 ? 0 : d > 15 ? 15 : (int)d;
    return a;
}

/* The ticks of an axis: k0..k1 times the step. */
static void axis_ticks(const Axis *a, double *k0, double *k1)
{
    *k0 = ceil(a->lo / a->step - 1e-9);
    *k1 = floor(a->hi / a->step + 1e-9);
    if (*k1 - *k0 > 200) *k1 = *k0 + 200;
}

static void tick_label(const Axis *a, double k, char *buf, size_t n)
{
    double v = k * a->step;
    if (fabs(v) < a->step * 1e-6) v = 0;
    format_number(buf, n, v, a->decimals);
}

/* ---- line, bar and stacked-bar ------------------------------------------ */

/* A marker's path: circle, square, triangle, diamond, down-triangle, in
 * turn by series; r is its half size, points. */
static void marker_path(cairo_t *cr, size_t shape, double x, double y, double r)
{
    switch (shape % 5) {
    case 0: cairo_new_sub_path(cr), cairo_arc(cr, x, y, r, 0, 2 * M_PI); break;
    case 1: cairo_rectangle(cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7); break;
    case 2:
        cairo_move_to(cr, x, y - r * 1.1), cairo_line_to(cr, x + r, y + r * 0.75), cairo_line_to(cr, x - r, y + r * 0.75);
        cairo_close_path(cr);
        break;
    case 3:
        cairo_move_to(cr, x, y - r * 1.15), cairo_line_to(cr, x + r, y), cairo_line_to(cr, x, y + r * 1.15);
        cairo_line_to(cr, x - r, y), cairo_close_path(cr);
        break;
    default:
        cairo_move_to(cr, x, y + r * 1.1), cairo_line_to(cr, x + r, y - r * 0.75), cairo_line_to(cr, x - r, y - r * 0.75);
        cairo_close_path(cr);
        break;
    }
}

/* The legend in rows centred across w points from y; returns its height.
 * Draws only when draw is set, so it can be measured first. */
static double legend(const Chart *c, const Pen *p, double w, double y, bool draw)
{
    double lh = line_height(p, p->size), sw = c->kind == KIND_LINE ? 1.6 * p->size : 0.8 * p->size;
    double gap = 0.35 * p->size, sep = 1.2 * p->size;
    size_t n = c->series.n;
    PangoLayout **l = xcalloc(n, sizeof *l);
    double *ew = xcalloc(n, sizeof *ew), rows = 0, x = 0;
    for (size_t i = 0; i < n; i++) {
        l[i] = text_new(p, c->series.v[i].name, p->size, false, fmax(w - sw - gap, 1), 1, PANGO_ALIGN_LEFT);
        ew[i] = sw + gap + text_width(l[i]);
    }
    /* flow the entries into rows, then draw row by row */
    for (size_t i = 0, start = 0; i <= n; i++) {
        if (i < n && (i == start || x + sep + ew[i] <= w)) {
            x += (i == start ? 0 : sep) + ew[i];
            continue;
        }
        if (draw) {
            double ex = (w - x) / 2, ey = y + rows * lh, my = ey + lh / 2;
            for (size_t k = start; k < i; k++) {
                Rgb col = series_colour(c, k);
                set_rgb(p->cr, col);
                if (c->kind == KIND_LINE) {
                    cairo_set_line_width(p->cr, TRACE);
                    cairo_move_to(p->cr, ex, my), cairo_line_to(p->cr, ex + sw, my);
                    cairo_stroke(p->cr);
                    marker_path(p->cr, k, ex + sw / 2, my, 0.22 * p->size);
                    cairo_fill(p->cr);
                } else {
                    cairo_rectangle(p->cr, ex, my - sw / 2, sw, sw);
                    cairo_fill(p->cr);
                }
                text_at(p, l[k], ex + sw + gap, ey, p->ink);
                ex += ew[k] + sep;
            }
        }
        rows++;
        start = i;
        x = i < n ? ew[i] : 0;
    }
    for (size_t i = 0; i < n; i++) g_object_unref(l[i]);
    free(l), free(ew);
    return rows * lh;
}

/* How the category labels go: flat or turned 45 degrees, every every-th
 * one; height and the left overhang of the first, points. */
typedef struct XLabels {
    bool turned;
    size_t every;
    double height, overhang, right; /* right: what the last one needs past the plot */
} XLabels;

/* A thinning step that reads well: 1 to 6, then 1, 2 or 5 x 10^k. */
static double nice_every(double k)
{
    if (k <= 6) return k < 1 ? 1 : ceil(k);
    return nice_step(k);
}

/* Fit the category labels (widths tw) to bands band points wide: flat if
 * they fit, else turned or thinned, whichever shows more of them; turned
 * ones may take max_h points of height. */
static XLabels plan_xlabels(const double *tw, size_t n, double band, double lh, double max_h)
{
    double maxw = 0;
    for (size_t i = 0; i < n; i++) maxw = fmax(maxw, tw[i]);
    XLabels x = {false, 1, lh, 0, 0};
    double kh = nice_every((maxw + 0.6 * lh) / band);
    if (kh <= 1 || n == 1) return x;
    /* turn them when that shows all, or at least twice as many, and none
     * has to be cut short */
    double kr = nice_every(lh * 1.15 / (band * M_SQRT1_2)), cap = fmax(max_h / M_SQRT1_2 - lh, lh);
    if ((kr == 1 || kr * 2 <= kh) && maxw <= cap) {
        x.turned = true;
        x.every = (size_t)kr;
        x.height = M_SQRT1_2 * (maxw + lh);
        x.overhang = M_SQRT1_2 * (maxw + lh / 2);
        x.right = 0.6 * lh;
    } else {
        x.every = kh > (double)n ? n : (size_t)kh;
    }
    return x;
}

/* Line, bar and stacked-bar: title, legend at the foot, the value axis
 * on the left, the category labels under the plot, then the plot. */
static void draw_xy(const Chart *c, const Pen *p)
{
    cairo_t *cr = p->cr;
    double w = c->width, h = c->height, fs = p->size, lh = line_height(p, fs), tick = 0.3 * fs;
    size_t ncat = c->cats.n, nser = c->series.n;
    double top = draw_title(c, p), bottom = h;
    bool show_legend = c->legend || nser > 1;
    double leg_h = show_legend ? legend(c, p, w, 0, false) : 0;
    if (show_legend) bottom -= leg_h + 0.5 * lh;
    double ylab_w = c->y_label && *c->y_label ? lh * 1.15 : 0;

    /* the category labels, measured once */
    PangoLayout **cl = xcalloc(ncat, sizeof *cl);
    double *cw = xcalloc(ncat, sizeof *cw);
    for (size_t i = 0; i < ncat; i++) {
        cl[i] = text_new(p, c->cats.v[i], fs, false, 0, 0, PANGO_ALIGN_LEFT);
        cw[i] = text_width(cl[i]);
    }

    /* fit the plot: the axis labels' sizes depend on the plot's, twice over */
    double plot_x = 0, plot_w = w, plot_top = top + lh / 2, plot_h = 0, band = 1, tick_w = 0;
    XLabels xl = {false, 1, lh, 0, 0};
    Axis ax = {0, 1, 1, 0};
    char buf[64];
    for (int round = 0; round < 3; round++) {
        plot_h = fmax(bottom - plot_top - tick - xl.height - 2, 1);
        ax = value_axis(c, plot_h, lh);
        double k0, k1;
        axis_ticks(&ax, &k0, &k1);
        tick_w = 0;
        for (double k = k0; k <= k1; k++) {
            tick_label(&ax, k, buf, sizeof buf);
            PangoLayout *l = text_new(p, buf, fs, false, 0, 0, PANGO_ALIGN_LEFT);
            tick_w = fmax(tick_w, text_width(l));
            g_object_unref(l);
        }
        plot_x = ylab_w + tick_w + tick + 2;
        plot_w = fmax(w - plot_x - 2 - xl.right, 1);
        band = plot_w / (double)ncat;
        xl = plan_xlabels(cw, ncat, band, lh, 0.35 * (bottom - plot_top));
        if (xl.turned && xl.overhang > plot_x + band / 2) {
            /* make room on the left for the first turned label */
            plot_x = fmin(xl.overhang - band / 2, 0.5 * w);
        }
        plot_w = fmax(w - plot_x - 2 - xl.right, 1);
        band = plot_w / (double)ncat;
    }
    double plot_bottom = plot_top + plot_h;
#define PY(v) (plot_bottom - ((v) - ax.lo) / (ax.hi - ax.lo) * plot_h)
#define PX(i) (plot_x + ((double)(i) + 0.5) * band)

    /* the shaded misses, behind everything */
    if (c->kind == KIND_LINE && c->has_target) {
        set_rgb(cr, MISS);
        const Series *s0 = &c->series.v[0];
        for (size_t i = 0; i < ncat; i++) {
            const Val *v = &s0->vals.v[i];
            if (v->set && (c->lower_better ? v->v > c->target : v->v < c->target))
                cairo_rectangle(cr, plot_x + (double)i * band, plot_top, band, plot_h);
        }
        cairo_fill(cr);
    }

    /* grid, ticks and their labels */
    double k0, k1;
    axis_ticks(&ax, &k0, &k1);
    for (double k = k0; k <= k1; k++) {
        double y = PY(k * ax.step);
        set_rgb(cr, p->grid);
        cairo_set_line_width(cr, GRID);
        cairo_move_to(cr, plot_x, y), cairo_line_to(cr, plot_x + plot_w, y);
        cairo_stroke(cr);
        set_rgb(cr, p->ink);
        cairo_set_line_width(cr, HAIR);
        cairo_move_to(cr, plot_x - tick, y), cairo_line_to(cr, plot_x, y);
        cairo_stroke(cr);
        tick_label(&ax, k, buf, sizeof buf);
        PangoLayout *l = text_new(p, buf, fs, false, 0, 0, PANGO_ALIGN_LEFT);
        double tw, th;
        text_size(l, &tw, &th);
        text_at(p, l, plot_x - tick - 1.5 - tw, y - th / 2, p->ink);
        g_object_unref(l);
    }
    /* the axes: the value axis on the left, the category axis at 0 if the
     * range crosses it, otherwise at the bottom */
    double base = ax.lo > 0 ? ax.lo : ax.hi < 0 ? ax.hi : 0;
    set_rgb(cr, p->ink);
    cairo_set_line_width(cr, HAIR);
    cairo_move_to(cr, plot_x, plot_top), cairo_line_to(cr, plot_x, plot_bottom);
    cairo_move_to(cr, plot_x, plot_bottom), cairo_line_to(cr, plot_x + plot_w, plot_bottom);
    if (PY(base) < plot_bottom - 0.5) cairo_move_to(cr, plot_x, PY(base)), cairo_line_to(cr, plot_x + plot_w, PY(base));
    cairo_stroke(cr);

    /* category labels under the plot */
    double ly = plot_bottom + tick + 1;
    for (size_t i = 0; i < ncat; i += xl.every) {
        double x = PX(i);
        cairo_move_to(cr, x, plot_bottom), cairo_line_to(cr, x, plot_bottom + tick);
        cairo_stroke(cr);
        if (xl.turned) {
            /* turned about the end of the label, which sits by the tick */
            double tw, th;
            text_size(cl[i], &tw, &th);
            cairo_save(cr);
            cairo_translate(cr, x + 0.25 * th, ly + M_SQRT1_2 * th / 2);
            cairo_rotate(cr, -M_PI / 4);
            text_at(p, cl[i], -tw, -th / 2, p->ink);
            cairo_restore(cr);
        } else {
            double room = fmin((double)xl.every * band - 0.3 * lh, w);
            PangoLayout *l = cw[i] > room ? text_new(p, c->cats.v[i], fs, false, room, 1, PANGO_ALIGN_LEFT) : NULL;
            PangoLayout *use = l ? l : cl[i];
            double tw = text_width(use), tx = fmin(fmax(x - tw / 2, 0), w - tw);
            text_at(p, use, tx, ly, p->ink);
            if (l) g_object_unref(l);
        }
        set_rgb(cr, p->ink);
    }

    /* the data, clipped to the plot (a little higher and lower for markers) */
    double mr = fmin(0.24 * fs, 0.3 * band);
    cairo_save(cr);
    cairo_rectangle(cr, plot_x, plot_top - mr - 1, plot_w, plot_h + 2 * mr + 2);
    cairo_clip(cr);
    if (c->kind == KIND_LINE) {
        for (size_t s = nser; s-- > 0;) {
            const Series *se = &c->series.v[s];
            set_rgb(cr, series_colour(c, s));
            cairo_set_line_width(cr, TRACE);
            bool down = false;
            for (size_t i = 0; i < ncat; i++) {
                if (!se->vals.v[i].set) {
                    down = false;
                    continue;
                }
                (down ? cairo_line_to : cairo_move_to)(cr, PX(i), PY(se->vals.v[i].v));
                down = true;
            }
            cairo_stroke(cr);
            for (size_t i = 0; i < ncat; i++)
                if (se->vals.v[i].set) marker_path(cr, s, PX(i), PY(se->vals.v[i].v), mr);
            cairo_fill(cr);
        }
    } else {
        double gw = band * (c->kind == KIND_STACKED ? 0.6 : 0.74);
        double bw = c->kind == KIND_STACKED ? gw : gw / (double)nser;
        for (size_t i = 0; i < ncat; i++) {
            double pos = 0, neg = 0, x0 = PX(i) - gw / 2;
            for (size_t s = 0; s < nser; s++) {
                const Val *v = &c->series.v[s].vals.v[i];
                if (!v->set) continue;
                double from = 0, to = v->v, bx = x0 + (c->kind == KIND_STACKED ? 0 : (double)s * bw);
                if (c->kind == KIND_STACKED) {
                    double *acc = v->v >= 0 ? &pos : &neg;
                    from = *acc;
                    to = *acc += v->v;
                } else {
                    from = base;
                }
                double y0 = PY(from), y1 = PY(to);
                set_rgb(cr, series_colour(c, s));
                cairo_rectangle(cr, bx, fmin(y0, y1), bw, fabs(y1 - y0));
                cairo_fill(cr);
                if (c->kind == KIND_STACKED && fabs(y1 - y0) > 1) {
                    /* a hairline of white between stacked segments */
                    set_rgb(cr, WHITE);
                    cairo_set_line_width(cr, 0.5);
                    cairo_move_to(cr, bx, y1), cairo_line_to(cr, bx + bw, y1);
                    cairo_stroke(cr);
                }
            }
        }
    }
    cairo_restore(cr);

    /* the target: a dashed line and its label at the right end, above the
     * line when there is room */
    if (c->has_target && c->target >= ax.lo && c->target <= ax.hi) {
        double ty = PY(c->target), dash[] = {3, 2};
        set_rgb(cr, TARGET);
        cairo_set_line_width(cr, 0.8);
        cairo_set_dash(cr, dash, 2, 0);
        cairo_move_to(cr, plot_x, ty), cairo_line_to(cr, plot_x + plot_w, ty);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        format_number(buf, sizeof buf, c->target, ax.decimals + 1 > 15 ? 15 : ax.decimals + 1);
        /* the target shown as given: drop trailing zeros of the extra decimal */
        if (strchr(buf, '.')) {
            size_t n = strlen(buf);
            while (n && buf[n - 1] == '0') buf[--n] = 0;
            if (n && buf[n - 1] == '.') buf[--n] = 0;
        }
        const char *label = c->target_label && *c->target_label ? c->target_label : buf;
        PangoLayout *l = text_new(p, label, fs * 0.9, false, plot_w * 0.6, 1, PANGO_ALIGN_LEFT);
        double tw, th;
        text_size(l, &tw, &th);
        double tx = plot_x + plot_w - tw - 2, tyy = ty - th - 0.5;
        if (tyy < plot_top - lh / 2) tyy = ty + 0.5;
        cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
        cairo_rectangle(cr, tx - 1, tyy, tw + 2, th);
        cairo_fill(cr);
        text_at(p, l, tx, tyy, TARGET);
        g_object_unref(l);
    }

    if (ylab_w > 0) {
        PangoLayout *l = text_new(p, c->y_label, fs, false, plot_h, 1, PANGO_ALIGN_LEFT);
        text_up(p, l, 0, plot_top + plot_h / 2, p->ink);
        g_object_unref(l);
    }
    if (show_legend) legend(c, p, w, h - leg_h, true);
#undef PY
#undef PX
    for (size_t i = 0; i < ncat; i++) g_object_unref(cl[i]);
    free(cl), free(cw);
}

/* ---- heatmap ------------------------------------------------------------ */

/* Heatmap: the grid centred under the title, the row labels on its left
 * and the y label turned beside them, the column labels and the x label
 * under it. */
static void draw_heatmap(const Chart *c, const Pen *p)
{
    double w = c->width, h = c->height, fs = p->size, lh = line_height(p, fs), gap = 0.4 * fs;
    size_t nr = c->rows.n, nc = c->cols.n;
    double top = draw_title(c, p);
    double ylab_w = c->y_label && *c->y_label ? lh * 1.2 : 0;
    double xlab_h = c->x_label && *c->x_label ? lh * 1.2 : 0;

    /* cells as square as the room allows; smaller type for short rows; the
     * row labels' column as wide as the widest, up to 30% of the box; the
     * column labels under the cells in up to two lines, or turned to read
     * upwards in smaller type when they cannot fit across */
    double cw = 1, ch = 1, cl_h = lh, rl_w = 0.3 * w, cfs = fs, colfs = fs;
    bool turned = false;
    for (int round = 0; round < 3; round++) {
        cw = fmax((w - ylab_w - rl_w - gap) / (double)nc, 0.1);
        ch = fmax((h - top - cl_h - gap - xlab_h) / (double)nr, 0.1);
        if (cw > 1.6 * ch) cw = 1.6 * ch;
        if (ch > 1.15 * cw) ch = 1.15 * cw;
        cfs = fmax(fmin(fs, ch / p->ratio * 0.9), 1.5);
        rl_w = 0;
        for (size_t i = 0; i < nr; i++) {
            PangoLayout *l = text_new(p, c->rows.v[i], cfs, false, 0, 0, PANGO_ALIGN_LEFT);
            rl_w = fmax(rl_w, text_width(l));
            g_object_unref(l);
        }
        rl_w = fmin(rl_w, 0.3 * w);
        turned = false;
        cl_h = 0;
        for (size_t i = 0; i < nc && !turned; i++) {
            PangoLayout *l = text_new(p, c->cols.v[i], fs, false, cw - 2, 2, PANGO_ALIGN_CENTER);
            double tw, th;
            text_size(l, &tw, &th);
            turned = pango_layout_is_ellipsized(l) || tw > cw;
            cl_h = fmax(cl_h, th);
            g_object_unref(l);
        }
        colfs = fs;
        if (turned) {
            colfs = fmax(fmin(fs, cw * 0.9 / p->ratio), 1.5);
            cl_h = 0;
            for (size_t i = 0; i < nc; i++) {
                PangoLayout *l = text_new(p, c->cols.v[i], colfs, false, 0, 0, PANGO_ALIGN_LEFT);
                cl_h = fmax(cl_h, text_width(l));
                g_object_unref(l);
            }
            cl_h = fmin(cl_h, 0.3 * h);
        }
    }
    double grid_w = cw * (double)nc, grid_h = ch * (double)nr;
    double x0 = (w - (ylab_w + rl_w + gap + grid_w)) / 2;
    if (x0 < 0) x0 = 0;
    double gx = x0 + ylab_w + rl_w + gap, gy = top;
    int row_lines = ch >= 2 * line_height(p, cfs) ? 2 : 1;

    /* cells, white gaps between them */
    Rgb *fill = xcalloc(nr * nc, sizeof *fill);
    const char **val = xcalloc(nr * nc, sizeof *val);
    for (size_t i = 0; i < nr * nc; i++) fill[i] = CELL;
    for (size_t i = 0; i < c->cells.n; i++) {
        const Cell *cell = &c->cells.v[i];
        size_t k = cell->row * nc + cell->col;
        if (cell->has_colour) fill[k] = cell->colour;
        if (cell->value) val[k] = cell->value;
    }
    double inset = fmin(0.5, fmin(cw, ch) * 0.05);
    for (size_t r = 0; r < nr; r++)
        for (size_t k = 0; k < nc; k++) {
            double x = gx + (double)k * cw, y = gy + (double)r * ch;
            set_rgb(p->cr, fill[r * nc + k]);
            cairo_rectangle(p->cr, x + inset, y + inset, cw - 2 * inset, ch - 2 * inset);
            cairo_fill(p->cr);
            const char *v = val[r * nc + k];
            if (!v || !*v) continue;
            PangoLayout *l = text_new(p, v, cfs, false, cw - 2, 1, PANGO_ALIGN_LEFT);
            Rgb ink = luma(fill[r * nc + k]) < 0.5 ? WHITE : p->ink;
            if (luma(ink) > 0.5 && luma(fill[r * nc + k]) > 0.5) ink = (Rgb){0, 0, 0};
            text_centred(p, l, x + cw / 2, y + ch / 2, ink);
            g_object_unref(l);
        }
    free(fill), free(val);

    /* row labels right-aligned beside the rows, column labels under them */
    for (size_t r = 0; r < nr; r++) {
        PangoLayout *l = text_new(p, c->rows.v[r], cfs, false, rl_w, row_lines, PANGO_ALIGN_RIGHT);
        double tw, th;
        text_size(l, &tw, &th);
        text_at(p, l, gx - gap - tw, gy + ((double)r + 0.5) * ch - th / 2, p->ink);
        g_object_unref(l);
    }
    for (size_t k = 0; k < nc; k++) {
        double cx = gx + ((double)k + 0.5) * cw, tw, th;
        if (turned) {
            PangoLayout *l = text_new(p, c->cols.v[k], colfs, false, cl_h, 1, PANGO_ALIGN_LEFT);
            text_size(l, &tw, &th);
            cairo_save(p->cr);
            cairo_translate(p->cr, cx, gy + grid_h + gap / 2);
            cairo_rotate(p->cr, -M_PI / 2);
            text_at(p, l, -tw, -th / 2, p->ink);
            cairo_restore(p->cr);
            g_object_unref(l);
        } else {
            PangoLayout *l = text_new(p, c->cols.v[k], fs, false, cw - 2, 2, PANGO_ALIGN_CENTER);
            text_size(l, &tw, NULL);
            text_at(p, l, cx - tw / 2, gy + grid_h + gap / 2, p->ink);
            g_object_unref(l);
        }
    }
    if (xlab_h > 0) {
        PangoLayout *l = text_new(p, c->x_label, fs, false, grid_w, 1, PANGO_ALIGN_LEFT);
        double tw;
        text_size(l, &tw, NULL);
        text_at(p, l, gx + grid_w / 2 - tw / 2, gy + grid_h + gap / 2 + cl_h + 0.2 * lh, p->ink);
        g_object_unref(l);
    }
    if (ylab_w > 0) {
        PangoLayout *l = text_new(p, c->y_label, fs, false, grid_h, 1, PANGO_ALIGN_LEFT);
        text_up(p, l, x0, gy + grid_h / 2, p->ink);
        g_object_unref(l);
    }
}

/* ---- gantt -------------------------------------------------------------- */

/* A time tick's label: HH:MM within a day (with MM-DD in front at midnight
 * and on the first tick when the axis spans days), MM-DD for day steps,
 * with the year when the axis spans years. */
static void time_label(char *buf, size_t n, int64_t t, int64_t step, bool first, bool days, bool years)
{
    int64_t d = t >= 0 ? t / 1440 : -((-t + 1439) / 1440), m = t - d * 1440;
    int y, mo, dd;
    days_civil(d, &y, &mo, &dd);
    if (step >= 1440) {
        if (years) snprintf(buf, n, "%04d-%02d-%02d", y, mo, dd);
        else snprintf(buf, n, "%02d-%02d", mo, dd);
    } else if (days && (first || m == 0)) {
        snprintf(buf, n, "%02d-%02d %02d:%02d", mo, dd, (int)(m / 60), (int)(m % 60));
    } else {
        snprintf(buf, n, "%02d:%02d", (int)(m / 60), (int)(m % 60));
    }
}

static int64_t floor_to(int64_t t, int64_t step) { return (t >= 0 ? t / step : -((-t + step - 1) / step)) * step; }

/* Gantt: the time axis across the top, then a row a task, its label on
 * the left and its bar (a diamond when it takes no time) on the axis. */
static void draw_gantt(const Chart *c, const Pen *p)
{
    static const int64_t steps[] = {1,    2,    5,    10,    15,    30,    60,    120,    180,    240,   360,
                                    720,  1440, 2880, 10080, 20160, 40320, 80640, 161280, 524160, 1048320,
                                    5241600, 52416000, 524160000, 5241600000}; /* minutes; from a week on, whole weeks */
    cairo_t *cr = p->cr;
    double w = c->width, h = c->height, fs = p->size, lh = line_height(p, fs), gap = 0.5 * fs, tick = 0.3 * fs;
    size_t nt = c->tasks.n;
    double top = draw_title(c, p);
    int64_t t_min = c->tasks.v[0].start, t_max = c->tasks.v[0].end;
    for (size_t i = 0; i < nt; i++) {
        t_min = c->tasks.v[i].start < t_min ? c->tasks.v[i].start : t_min;
        t_max = c->tasks.v[i].end > t_max ? c->tasks.v[i].end : t_max;
    }
    if (t_max == t_min) t_min -= 30, t_max += 30;

    /* the rows: up to 2.4 lines each, smaller type when they are short */
    double axis_h = lh + tick + 1;
    double row_h = fmin((h - top - axis_h) / (double)nt, 2.4 * lh);
    if (!(row_h > 0.01)) row_h = 0.01;
    bool labelled = row_h >= 0.9 * line_height(p, 1.5); /* too many rows for any type: bars only */
    double rfs = fmin(fs, row_h / p->ratio * 0.95);
    if (rfs < 1.5) rfs = 1.5;
    int lines = row_h >= 2.05 * line_height(p, rfs) ? 2 : 1;

    /* the label column */
    double lab_w = 0;
    for (size_t i = 0; i < nt; i++) {
        PangoLayout *l = text_new(p, c->tasks.v[i].label, rfs, false, 0, 0, PANGO_ALIGN_LEFT);
        lab_w = fmax(lab_w, text_width(l));
        g_object_unref(l);
    }
    double lpad = 0.3 * fs; /* the labels from the stripes' edge */
    lab_w = fmin(lab_w, 0.35 * w - lpad);

    /* the step: the smallest whose labels do not collide */
    char buf[32];
    double plot_x = 0, plot_w = 1;
    int64_t step = steps[ARRAY_LEN(steps) - 1], a0 = 0, a1 = 0;
    for (size_t s = 0; s < ARRAY_LEN(steps); s++) {
        /* weeks start on Mondays (1970-01-05 was one) */
        int64_t st = steps[s], origin = st % 10080 == 0 ? 4 * 1440 : 0;
        int64_t b0 = floor_to(t_min - origin, st) + origin, b1 = floor_to(t_max - origin + st - 1, st) + origin;
        if ((b1 - b0) / st > 400 && s + 1 < ARRAY_LEN(steps)) continue;
        int y0, y1, mo, d;
        days_civil(floor_to(b0, 1440) / 1440, &y0, &mo, &d);
        days_civil(floor_to(b1, 1440) / 1440, &y1, &mo, &d);
        bool days = floor_to(b0, 1440) != floor_to(b1 - 1, 1440), years = y0 != y1;
        double maxw = 0;
        for (int64_t t = b0; t <= b1; t += st) {
            time_label(buf, sizeof buf, t, st, t == b0, days, years);
            PangoLayout *l = text_new(p, buf, fs, false, 0, 0, PANGO_ALIGN_LEFT);
            maxw = fmax(maxw, text_width(l));
            g_object_unref(l);
        }
        double px = fmax(lpad + lab_w + gap, maxw / 2), pw = fmax(w - px - maxw / 2 - 1, 1);
        double need = (double)((b1 - b0) / st) * (maxw + 0.8 * fs);
        step = st, a0 = b0, a1 = b1, plot_x = px, plot_w = pw;
        if (need <= pw) break;
    }
    if (a1 <= a0) a1 = a0 + step;
    int y0, y1, mo, d;
    days_civil(floor_to(a0, 1440) / 1440, &y0, &mo, &d);
    days_civil(floor_to(a1, 1440) / 1440, &y1, &mo, &d);
    bool days = floor_to(a0, 1440) != floor_to(a1 - 1, 1440), years = y0 != y1;
    double rows_top = top + axis_h, rows_h = row_h * (double)nt;
#define TX(t) (plot_x + (double)((t) - a0) / (double)(a1 - a0) * plot_w)

    /* stripes, then the grid and the axis over them */
    set_rgb(cr, STRIPE);
    for (size_t i = 1; i < nt; i += 2) cairo_rectangle(cr, 0, rows_top + (double)i * row_h, w, row_h);
    cairo_fill(cr);
    for (int64_t t = a0; t <= a1; t += step) {
        double x = TX(t);
        set_rgb(cr, p->grid);
        cairo_set_line_width(cr, GRID);
        cairo_move_to(cr, x, rows_top), cairo_line_to(cr, x, rows_top + rows_h);
        cairo_stroke(cr);
        set_rgb(cr, p->ink);
        cairo_set_line_width(cr, HAIR);
        cairo_move_to(cr, x, rows_top - tick), cairo_line_to(cr, x, rows_top);
        cairo_stroke(cr);
        time_label(buf, sizeof buf, t, step, t == a0, days, years);
        PangoLayout *l = text_new(p, buf, fs, false, 0, 0, PANGO_ALIGN_LEFT);
        double tw = text_width(l);
        text_at(p, l, fmin(fmax(x - tw / 2, 0), w - tw), top, p->ink);
        g_object_unref(l);
    }
    set_rgb(cr, p->ink);
    cairo_set_line_width(cr, HAIR);
    cairo_move_to(cr, plot_x, rows_top), cairo_line_to(cr, plot_x + plot_w, rows_top);
    cairo_stroke(cr);

    /* labels and bars */
    double bar_h = row_h * 0.56;
    for (size_t i = 0; i < nt; i++) {
        const Task *t = &c->tasks.v[i];
        double y = rows_top + (double)i * row_h, my = y + row_h / 2;
        if (labelled) {
            PangoLayout *l = text_new(p, t->label, rfs, false, lab_w, lines, PANGO_ALIGN_LEFT);
            double th;
            text_size(l, NULL, &th);
            text_at(p, l, lpad, my - th / 2, p->ink);
            g_object_unref(l);
        }
        set_rgb(cr, t->has_colour ? t->colour : PALETTE[0]);
        double x0 = TX(t->start), x1 = TX(t->end);
        if (t->end > t->start) {
            cairo_rectangle(cr, x0, my - bar_h / 2, fmax(x1 - x0, HAIR), bar_h);
        } else {
            /* a milestone: a diamond */
            double r = bar_h / 2;
            cairo_move_to(cr, x0, my - r), cairo_line_to(cr, x0 + r * 0.8, my);
            cairo_line_to(cr, x0, my + r), cairo_line_to(cr, x0 - r * 0.8, my);
            cairo_close_path(cr);
        }
        cairo_fill(cr);
    }
#undef TX
}

/* ---- dependency --------------------------------------------------------- */

/* Centres for the n items of a row, in order, as near as they can be to
 * the wanted ones (least squares), at least sep[i] apart between item i
 * and i + 1 (centre to centre) and with the row within lo..hi, given the
 * half width of the first and last. An isotonic regression by pooling
 * adjacent violators on the centres less their cumulative offsets. */
static void place_row(size_t n, const double *want, const double *sep, double half0, double half1, double lo,
                      double hi, double *out)
{
    double *off = xcalloc(n, sizeof *off), *sum = xcalloc(n, sizeof *sum);
    size_t *cnt = xcalloc(n, sizeof *cnt), nb = 0;
    for (size_t i = 1; i < n; i++) off[i] = off[i - 1] + sep[i - 1];
    for (size_t i = 0; i < n; i++) {
        sum[nb] = want[i] - off[i];
        cnt[nb++] = 1;
        while (nb > 1 && sum[nb - 2] / (double)cnt[nb - 2] > sum[nb - 1] / (double)cnt[nb - 1]) {
            sum[nb - 2] += sum[nb - 1];
            cnt[nb - 2] += cnt[nb - 1];
            nb--;
        }
    }
    double ymin = lo + half0, ymax = hi - half1 - off[n - 1];
    if (ymax < ymin) ymax = ymin;
    for (size_t b = 0, i = 0; b < nb; b++) {
        double y = fmin(fmax(sum[b] / (double)cnt[b], ymin), ymax);
        for (size_t k = 0; k < cnt[b]; k++, i++) out[i] = y + off[i];
    }
    free(off), free(sum), free(cnt);
}

/* The sizes of the boxes: the type size, and per node the wrap width,
 * the box's width and the label's height (points). */
typedef struct DepSize {
    double size;
    int lines; /* the most lines a label may take */
    double *wrap, *bw, *th;
} DepSize;

static double dep_hgap(double size) { return fmax(0.9 * size, 4); }

/* Centre to centre between neighbours a and b of a row: dummies take no
 * width and half a gap. */
static double dep_sep(const Chart *c, size_t a, size_t b, const double *bw, double size)
{
    bool da = c->verts.v[a].dummy, db = c->verts.v[b].dummy;
    double g = dep_hgap(size) * (da || db ? 0.5 : 1);
    return (da ? 0 : bw[a] / 2) + g + (db ? 0 : bw[b] / 2);
}

static double dep_pad(double size) { return 0.45 * size; }

/* Lay node i's label out at the size and its wrap; false when ellipsized. */
static bool dep_box(const Chart *c, const Pen *p, DepSize *d, size_t i, int *lines)
{
    PangoLayout *l = text_new(p, c->nodes.v[i].label, d->size, false, d->wrap[i], d->lines, PANGO_ALIGN_CENTER);
    double tw;
    text_size(l, &tw, &d->th[i]);
    bool ok = !pango_layout_is_ellipsized(l);
    if (lines) *lines = pango_layout_get_line_count(l);
    g_object_unref(l);
    d->bw[i] = tw + 2 * dep_pad(d->size);
    return ok;
}

static double dep_row_width(const Chart *c, size_t L, const double *bw, double size)
{
    const IdxVec *ly = &c->layers[L];
    double rw = 0;
    for (size_t i = 0; i < ly->n; i++) {
        size_t v = ly->v[i];
        if (i == 0 || i + 1 == ly->n) rw += c->verts.v[v].dummy ? 0 : bw[v] / 2;
        if (i + 1 < ly->n) rw += dep_sep(c, v, ly->v[i + 1], bw, size);
    }
    return rw;
}

/* The width of the widest row if every label took no width: less than or
 * equal to what dep_fit finds at that size. */
static double dep_least_width(const Chart *c, double size)
{
    double *bw = xcalloc(c->verts.n ? c->verts.n : 1, sizeof *bw), w = 0;
    for (size_t v = 0; v < c->verts.n; v++) bw[v] = 2 * dep_pad(size);
    for (size_t L = 0; L < c->nlayers; L++) w = fmax(w, dep_row_width(c, L, bw, size));
    free(bw);
    return w;
}

/* Fit layer L into aw points: the widest wrap, from one line down, at
 * which the row fits and no label is cut; failing that the narrowest that
 * cuts none (or none at all). Returns the row's width. */
static double dep_fit_layer(const Chart *c, const Pen *p, DepSize *d, size_t L, double aw)
{
    const IdxVec *ly = &c->layers[L];
    double natural = 0, ok_wrap = 0;
    for (size_t i = 0; i < ly->n; i++) {
        size_t v = ly->v[i];
        if (c->verts.v[v].dummy) continue;
        PangoLayout *l = text_new(p, c->nodes.v[v].label, d->size, false, 0, 0, PANGO_ALIGN_LEFT);
        natural = fmax(natural, text_width(l) + 1);
        g_object_unref(l);
    }
    for (double wrap = fmin(natural, fmax(aw - 2 * dep_pad(d->size), 2.5 * d->size)); wrap >= 2.5 * d->size;
         wrap *= 0.9) {
        bool cut = false;
        for (size_t i = 0; i < ly->n; i++) {
            size_t v = ly->v[i];
            if (c->verts.v[v].dummy) continue;
            d->wrap[v] = wrap;
            cut |= !dep_box(c, p, d, v, NULL);
        }
        if (cut) break;
        ok_wrap = wrap;
        double rw = dep_row_width(c, L, d->bw, d->size);
        if (rw <= aw) return rw;
    }
    for (size_t i = 0; i < ly->n; i++) {
        size_t v = ly->v[i];
        if (c->verts.v[v].dummy) continue;
        d->wrap[v] = ok_wrap > 0 ? ok_wrap : natural;
        dep_box(c, p, d, v, NULL);
    }
    return dep_row_width(c, L, d->bw, d->size);
}

/* Size every layer at d->size; returns the widest row and sets row_h and
 * *need_h, the least height with the least gaps between rows. */
static double dep_fit(const Chart *c, const Pen *p, DepSize *d, double aw, double *row_h, double *need_h)
{
    double need_w = 0, gap = fmax(1.3 * line_height(p, d->size), 10);
    *need_h = 0;
    for (size_t L = 0; L < c->nlayers; L++) {
        need_w = fmax(need_w, dep_fit_layer(c, p, d, L, aw));
        row_h[L] = 0;
        for (size_t i = 0; i < c->layers[L].n; i++) {
            size_t v = c->layers[L].v[i];
            if (!c->verts.v[v].dummy) row_h[L] = fmax(row_h[L], d->th[v] + 0.6 * d->size);
        }
        *need_h += row_h[L] + (L ? gap : 0);
    }
    return need_w;
}

/* Even out a wrapped label's lines: the narrowest wrap that keeps its
 * number of lines (so 互联网/接入 rather than 互联网接/入). */
static void dep_balance(const Chart *c, const Pen *p, DepSize *d, size_t i)
{
    int lines, k;
    double keep_w = d->wrap[i];
    dep_box(c, p, d, i, &lines);
    if (lines < 2) return;
    double lo = (d->bw[i] - 2 * dep_pad(d->size)) / lines * 0.9, hi = d->wrap[i];
    for (int it = 0; it < 10; it++) {
        d->wrap[i] = (lo + hi) / 2;
        if (dep_box(c, p, d, i, &k) && k <= lines) hi = d->wrap[i];
        else lo = d->wrap[i];
    }
    d->wrap[i] = hi < keep_w ? hi : keep_w;
    dep_box(c, p, d, i, NULL);
}

/* Where an edge leaves or meets a box: the links on one side of a box
 * spread over its middle in the order of their other ends. */
static double port_x(const Chart *c, size_t v, const IdxVec *side, size_t other, const double *x, const double *bw)
{
    if (c->verts.v[v].dummy || side->n < 2) return x[v];
    size_t rank = 0;
    for (size_t k = 0; k < side->n; k++)
        if (x[side->v[k]] < x[other] || (x[side->v[k]] == x[other] && side->v[k] < other)) rank++;
    double span = fmin(bw[v] * 0.8, (double)side->n * 7);
    return x[v] - span / 2 + span * ((double)rank + 0.5) / (double)side->n;
}

/* Dependency: boxes in the layers and order chart_read found, sized, then
 * placed in rows from the top, edges under them. */
static void draw_dependency(const Chart *c, const Pen *p)
{
    cairo_t *cr = p->cr;
    double top = draw_title(c, p), aw = c->width - 1, ah = c->height - top - 1;
    size_t nv = c->verts.n, nn = c->nodes.n, nl = c->nlayers;
    double *row_h = xcalloc(nl, sizeof *row_h);
    DepSize d = {p->size, 3, xcalloc(nv, sizeof(double)), xcalloc(nv, sizeof(double)), xcalloc(nv, sizeof(double))};
    double *bw = d.bw;

    /* the largest type at which every row fits, wrapping each layer only as
     * much as it needs; at the smallest, labels may take five lines, and
     * what still does not fit is scaled down as a whole */
    double smin = fmin(6, p->size), need_w = 0, need_h = 0;
    for (;; d.size = fmax(d.size - 0.5, smin)) {
        if (d.size <= smin) d.lines = 5;
        /* a size at which a row is too wide even with empty labels is
         * passed over without laying any label out: the fit below would
         * find it too wide, and the next size sets every box again */
        else if (dep_least_width(c, d.size) > aw) continue;
        need_w = dep_fit(c, p, &d, aw, row_h, &need_h);
        if ((need_w <= aw && need_h <= ah) || d.size <= smin) break;
    }
    for (size_t i = 0; i < nn; i++) dep_balance(c, p, &d, i);
    double sc = fmin(1, fmin(aw / need_w, ah / need_h));
    if (!(sc > 0)) sc = 1;
    double vw = aw / sc, vh = ah / sc, lh = line_height(p, d.size);

    /* rows from the top, the spare height shared out between them (up to
     * three lines a gap) and the diagram centred */
    double *row_y = xcalloc(nl, sizeof *row_y), sum_h = 0;
    for (size_t L = 0; L < nl; L++) sum_h += row_h[L];
    double vgap = nl > 1 ? fmin((vh - sum_h) / (double)(nl - 1), 3 * lh) : 0;
    vgap = fmax(vgap, fmax(1.3 * lh, 10));
    double total_h = sum_h + vgap * (double)(nl - 1), y = fmax((vh - total_h) / 2, 0);
    for (size_t L = 0; L < nl; L++) row_y[L] = y, y += row_h[L] + vgap;

    /* x: each row packed at the centre, then pulled towards its neighbours
     * in sweeps down and up, the last one towards both */
    double *x = xcalloc(nv, sizeof *x), *want = xcalloc(nv, sizeof *want), *sep = xcalloc(nv, sizeof *sep),
           *cx = xcalloc(nv, sizeof *cx);
    for (int pass = 0; pass < 8; pass++) {
        bool down = pass % 2 == 0, both = pass == 7;
        for (size_t k = 0; k < nl; k++) {
            size_t L = down || both ? k : nl - 1 - k;
            const IdxVec *ly = &c->layers[L];
            for (size_t i = 0; i < ly->n; i++) {
                const Vertex *v = &c->verts.v[ly->v[i]];
                double s = 0;
                size_t m = 0;
                if (pass > 0 && (down || both))
                    for (size_t j = 0; j < v->up.n; j++) s += x[v->up.v[j]], m++;
                if (pass > 0 && (!down || both))
                    for (size_t j = 0; j < v->down.n; j++) s += x[v->down.v[j]], m++;
                want[i] = m ? s / (double)m : pass > 0 ? x[ly->v[i]] : vw / 2;
                if (i + 1 < ly->n) sep[i] = dep_sep(c, ly->v[i], ly->v[i + 1], bw, d.size);
            }
            size_t first = ly->v[0], last = ly->v[ly->n - 1];
            place_row(ly->n, want, sep, c->verts.v[first].dummy ? 0 : bw[first] / 2,
                      c->verts.v[last].dummy ? 0 : bw[last] / 2, 0, vw, cx);
            for (size_t i = 0; i < ly->n; i++) x[ly->v[i]] = cx[i];
        }
    }
    /* centre the whole across the width */
    double minx = vw, maxx = 0;
    for (size_t i = 0; i < nv; i++) {
        double hw = c->verts.v[i].dummy ? 0 : bw[i] / 2;
        minx = fmin(minx, x[i] - hw), maxx = fmax(maxx, x[i] + hw);
    }
    double shift = (vw - (maxx - minx)) / 2 - minx;
    for (size_t i = 0; i < nv; i++) x[i] += shift;

    cairo_save(cr);
    cairo_translate(cr, 0.5, top);
    cairo_scale(cr, sc, sc);

    /* edges first: each a chain of curves from the top of `from` up to the
     * bottom of `to`, straight up through the rows it passes */
    double alen = fmax(0.45 * d.size, 3.5), awid = alen * 0.75;
    set_rgb(cr, mix(p->ink, WHITE, 0.25));
    cairo_set_line_width(cr, HAIR);
    for (size_t e = 0; e < c->edges.n; e++) {
        const Edge *ed = &c->edges.v[e];
        size_t a = ed->from, nd = c->verts.v[ed->from].layer - c->verts.v[ed->to].layer - 1;
        double x1 = 0, y1 = 0;
        for (size_t k = 0; k <= nd; k++) {
            size_t b = k < nd ? ed->dummy + k : ed->to;
            const Vertex *va = &c->verts.v[a], *vb = &c->verts.v[b];
            double xa = port_x(c, a, &va->up, b, x, bw), ya = row_y[va->layer];
            double xb = port_x(c, b, &vb->down, a, x, bw), yb = row_y[vb->layer] + row_h[vb->layer];
            if (k == 0) cairo_move_to(cr, xa, ya);
            else cairo_line_to(cr, xa, ya);
            double ye = k < nd ? yb : yb + alen, ym = (ya + ye) / 2;
            cairo_curve_to(cr, xa, ym, xb, ym, xb, ye);
            x1 = xb, y1 = yb;
            a = b;
        }
        cairo_stroke(cr);
        cairo_move_to(cr, x1, y1);
        cairo_line_to(cr, x1 + awid / 2, y1 + alen);
        cairo_line_to(cr, x1 - awid / 2, y1 + alen);
        cairo_close_path(cr);
        cairo_fill(cr);
    }

    /* boxes over them, as high as their row, the labels centred */
    double r = fmin(2, d.size * 0.25);
    for (size_t i = 0; i < nn; i++) {
        const Node *nd = &c->nodes.v[i];
        size_t L = c->verts.v[i].layer;
        double bx = x[i] - bw[i] / 2, by = row_y[L], bh = row_h[L];
        Rgb fill = nd->has_colour ? nd->colour : BOX;
        cairo_new_sub_path(cr);
        cairo_arc(cr, bx + bw[i] - r, by + r, r, -M_PI / 2, 0);
        cairo_arc(cr, bx + bw[i] - r, by + bh - r, r, 0, M_PI / 2);
        cairo_arc(cr, bx + r, by + bh - r, r, M_PI / 2, M_PI);
        cairo_arc(cr, bx + r, by + r, r, M_PI, 1.5 * M_PI);
        cairo_close_path(cr);
        set_rgb(cr, fill);
        cairo_fill_preserve(cr);
        set_rgb(cr, p->ink);
        cairo_set_line_width(cr, HAIR);
        cairo_stroke(cr);
        PangoLayout *l = text_new(p, nd->label, d.size, false, d.wrap[i], d.lines, PANGO_ALIGN_CENTER);
        text_centred(p, l, x[i], by + bh / 2, luma(fill) < 0.5 ? WHITE : p->ink);
        g_object_unref(l);
    }
    cairo_restore(cr);
    free(d.wrap), free(d.bw), free(d.th), free(row_h), free(row_y), free(x), free(want), free(sep), free(cx);
}

/* ---- drawing ------------------------------------------------------------ */

void chart_draw(const Chart *c, cairo_t *cr, PangoContext *pc, const ChartStyle *st, double x, double y)
{
    if (!c || !cr || !pc) return;
    Pen p = {cr, pc, "sans-serif", pango_attr_list_new(), 9, 1.2, {0, 0, 0}, {0, 0, 0}};
    const char *lang = "en";
    if (st) {
        if (st->font && *st->font) p.font = st->font;
        if (st->size > 0 && st->size < 200) p.size = st->size;
        p.ink = (Rgb){st->colour[0], st->colour[1], st->colour[2]};
        if (st->lang && *st->lang) lang = st->lang;
    }
    p.grid = mix(p.ink, WHITE, 0.8);
    pango_attr_list_insert(p.attrs, pango_attr_language_new(pango_language_from_string(lang)));
    /* the line height of the labels' font, for Chinese with a Han character */
    PangoLayout *l = text_new(&p, strncmp(lang, "zh", 2) == 0 ? "Ag\xe6\xb1\x89" : "Ag", 10, false, 0, 0,
                              PANGO_ALIGN_LEFT);
    double lh;
    text_size(l, NULL, &lh);
    g_object_unref(l);
    if (lh > 0) p.ratio = lh / 10;

    cairo_save(cr);
    cairo_new_path(cr);
    cairo_rectangle(cr, x, y, c->width, c->height);
    cairo_clip(cr); /* the box, as a last resort */
    cairo_translate(cr, x, y);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    switch (c->kind) {
    case KIND_LINE:
    case KIND_BAR:
    case KIND_STACKED: draw_xy(c, &p); break;
    case KIND_HEATMAP: draw_heatmap(c, &p); break;
    case KIND_GANTT: draw_gantt(c, &p); break;
    case KIND_DEPENDENCY: draw_dependency(c, &p); break;
    }
    cairo_restore(cr);
    pango_attr_list_unref(p.attrs);
}
