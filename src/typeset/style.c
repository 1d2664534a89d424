/*
 * style.c: named styles (built-in defaults per language, overridden by the
 * document's <style> elements), lengths and colours.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "typeset_int.h"

/* The built-in styles. Fonts: Chinese documents set body text in Noto
 * Serif CJK (Song style) and headings in Noto Sans CJK (Hei style), whose
 * own Latin glyphs match; English documents put DejaVu first and fall back
 * to Noto for Han characters. */
typedef struct {
    const char *name;
    bool sans, mono;
    double size, line_height;
    bool bold;
    int align;
    double indent_em, before, after;
    const char *colour, *bg;
} Builtin;

static const Builtin BUILTIN[] = {
    {"body", false, false, 10.5, 1.6, false, 3, 2, 0, 4, NULL, NULL},
    {"h1", true, false, 16, 1.3, true, 0, 0, 18, 10, NULL, NULL},
    {"h2", true, false, 13.5, 1.3, true, 0, 0, 14, 7, NULL, NULL},
    {"h3", true, false, 12, 1.3, true, 0, 0, 10, 5, NULL, NULL},
    {"h4", true, false, 10.5, 1.3, true, 0, 0, 8, 4, NULL, NULL},
    {"title", true, false, 24, 1.3, true, 1, 0, 0, 12, NULL, NULL},
    {"subtitle", true, false, 15, 1.4, false, 1, 0, 0, 8, NULL, NULL},
    {"table", true, false, 9, 1.35, false, 0, 0, 0, 0, NULL, NULL},
    {"table-header", true, false, 9, 1.35, true, 0, 0, 0, 0, NULL, "#E6ECF2"},
    {"caption", true, false, 9.5, 1.3, true, 0, 0, 8, 4, NULL, NULL},
    {"code", false, true, 8.5, 1.35, false, 0, 0, 4, 6, NULL, "#F3F3F3"},
    {"quote", false, false, 10, 1.5, false, 3, 0, 4, 6, "#404040", NULL},
    {"list", false, false, 10.5, 1.6, false, 3, 0, 2, 2, NULL, NULL},
    {"header", true, false, 8.5, 1.2, false, 0, 0, 0, 0, "#505050", NULL},
    {"footer", true, false, 8.5, 1.2, false, 0, 0, 0, 0, "#505050", NULL},
    {"toc", false, false, 10.5, 1.5, false, 0, 0, 0, 2, NULL, NULL},
    {"toc1", true, false, 10.5, 1.5, true, 0, 0, 4, 2, NULL, NULL},
    {"toc2", false, false, 10.5, 1.5, false, 0, 0, 0, 1, NULL, NULL},
    {"toc3", false, false, 10, 1.5, false, 0, 0, 0, 1, NULL, NULL},
    {"toc4", false, false, 10, 1.5, false, 0, 0, 0, 1, NULL, NULL},
    {"chart", true, false, 8, 1.2, false, 0, 0, 6, 8, "#303030", NULL},
    {"watermark", true, false, 72, 1.0, true, 1, 0, 0, 0, "#C00000", NULL},
};

bool colour_parse(const char *s, double rgb[3])
{
    if (!s || strlen(s) != 7 || s[0] != '#') return false;
    for (int i = 0; i < 3; i++) {
        char hex[3] = {s[1 + 2 * i], s[2 + 2 * i], 0};
        char *end;
        long v = strtol(hex, &end, 16);
        if (*end) return false;
        rgb[i] = v / 255.0;
    }
    return true;
}

bool length_parse(const char *s, double em, double *out)
{
    if (!s) return false;
    char *end;
    double v = strtod(s, &end);
    if (end == s) return false;
    if (strcmp(end, "mm") == 0) v *= MM;
    else if (strcmp(end, "cm") == 0) v *= 10 * MM;
    else if (strcmp(end, "in") == 0) v *= 72;
    else if (strcmp(end, "pt") == 0) ;
    else if (strcmp(end, "em") == 0) v *= em;
    else return false;
    if (!isfinite(v)) return false;
    *out = v;
    return true;
}

const char *attr_str(const xmlNode *n, const char *name)
{
    static char buf[4][1024];
    static int k;
    if (!n) return NULL;
    for (xmlAttr *a = n->properties; a; a = a->next)
        if (!a->ns && strcmp((const char *)a->name, name) == 0) {
            k = (k + 1) % 4;
            const char *v = a->children && a->children->content ? (const char *)a->children->content : "";
            snprintf(buf[k], sizeof buf[k], "%s", v);
            return buf[k];
        }
    return NULL;
}

double attr_length(const xmlNode *n, const char *name, double em, double dflt)
{
    double v;
    return length_parse(attr_str(n, name), em, &v) ? v : dflt;
}

bool attr_bool(const xmlNode *n, const char *name, bool dflt)
{
    const char *v = attr_str(n, name);
    if (!v) return dflt;
    return strcmp(v, "true") == 0;
}

static void builtin_style(Style *s, const Builtin *b, bool zh)
{
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", b->name);
    const char *font;
    if (b->mono) font = "DejaVu Sans Mono, Noto Sans Mono CJK SC";
    else if (zh) font = b->sans ? "Noto Sans CJK SC" : "Noto Serif CJK SC";
    else font = b->sans ? "DejaVu Sans, Noto Sans CJK SC" : "DejaVu Serif, Noto Serif CJK SC";
    snprintf(s->font, sizeof s->font, "%s", font);
    s->size = zh || b->size > 11 ? b->size : b->size - 0.5; /* English text sets a little smaller */
    s->line_height = zh ? b->line_height : (b->line_height > 1.4 ? b->line_height - 0.2 : b->line_height);
    s->bold = b->bold;
    s->align = b->align;
    s->indent = zh ? b->indent_em * s->size : 0;
    s->before = b->before;
    s->after = b->after;
    if (b->colour) colour_parse(b->colour, s->colour);
    if (b->bg) s->has_bg = colour_parse(b->bg, s->bg);
}

void styles_init(Pages *p)
{
    bool zh = !p->lang || strcmp(p->lang, "en") != 0;
    size_t nb = ARRAY_LEN(BUILTIN);
    /* count the document's extra names */
    int extra = 0;
    xmlNode *root = xmlDocGetRootElement(p->doc);
    for (xmlNode *c = root->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "style") == 0) extra++;
    p->styles = xcalloc(nb + (size_t)extra, sizeof *p->styles);
    for (size_t i = 0; i < nb; i++) builtin_style(&p->styles[i], &BUILTIN[i], zh);
    p->nstyles = (int)nb;
    for (xmlNode *c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "style") != 0) continue;
        const char *name = attr_str(c, "name");
        Style *s = (Style *)style_get(p, name);
        if (!s || strcmp(s->name, name) != 0) {
            /* a new name starts from body */
            s = &p->styles[p->nstyles++];
            *s = p->styles[0];
            snprintf(s->name, sizeof s->name, "%s", name);
        }
        const char *v;
        if ((v = attr_str(c, "font"))) snprintf(s->font, sizeof s->font, "%s", v);
        if ((v = attr_str(c, "size"))) {
            double sz = strtod(v, NULL);
            if (sz > 0 && sz < 400) {
                if (s->indent > 0) s->indent = s->indent / s->size * sz;
                s->size = sz;
            }
        }
        if ((v = attr_str(c, "bold"))) s->bold = strcmp(v, "true") == 0;
        if ((v = attr_str(c, "italic"))) s->italic = strcmp(v, "true") == 0;
        if ((v = attr_str(c, "colour"))) colour_parse(v, s->colour);
        if ((v = attr_str(c, "line-height"))) {
            double lh = strtod(v, NULL);
            if (lh > 0.5 && lh < 5) s->line_height = lh;
        }
        if ((v = attr_str(c, "align")))
            s->align = strcmp(v, "center") == 0 ? 1 : strcmp(v, "right") == 0 ? 2 : strcmp(v, "justify") == 0 ? 3 : 0;
        s->indent = attr_length(c, "indent", s->size, s->indent);
        s->before = attr_length(c, "space-before", s->size, s->before);
        s->after = attr_length(c, "space-after", s->size, s->after);
        if ((v = attr_str(c, "background"))) s->has_bg = colour_parse(v, s->bg);
    }
}

const Style *style_get(const Pages *p, const char *name)
{
    if (!name) return &p->styles[0];
    for (int i = p->nstyles; i-- > 0;)
        if (strcmp(p->styles[i].name, name) == 0) return &p->styles[i];
    return NULL;
}
