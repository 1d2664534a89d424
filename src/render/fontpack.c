/*
 * fontpack.c: smaller embedded CJK fonts.
 *
 * cairo 1.16 subsets an OpenType/CFF font to the glyphs a document uses,
 * and is meant to keep only the subroutines those glyphs call. Its
 * charstring scanner loses count of the stem hints when a glyph calls a
 * subroutine another glyph has already scanned, gives up, and then keeps
 * every subroutine of every font dict: with Noto Sans CJK that is some
 * 870 KB of the ideographs' local subroutines in each face, whichever few
 * glyphs are used (a Latin "FI" beside one Chinese character is enough).
 *
 * Here HarfBuzz's subsetter (libharfbuzz-subset) takes each embedded
 * CID-keyed CFF font program (/FontFile3 of /Subtype /CIDFontType0C) and
 * subsets it again, keeping every glyph at its index (the outlines, the
 * CIDs and the widths stay as cairo wrote them) and only the subroutines
 * those glyphs call. The result replaces the stream only when it is
 * smaller; any failure leaves the font as cairo made it.
 *
 * Text is normally drawn from faces already cut down to the document
 * (typeset/subfont.c), whose embedded fonts hold no subroutines to drop;
 * this runs only when some text of a CFF face was drawn from the whole
 * face (or DOSSIER_SUBFONT=0).
 */
#include <hb-subset.h>
#include <hb.h>
#include <stdlib.h>
#include <string.h>

#include "fontpack.h"
#include "../util.h"

/* the number of glyphs of a CIDFontType0 from its /W array: cairo lists
 * every glyph of the subset, CIDs 0..n-1 ("c [w1 w2 ...]" or "c1 c2 w") */
static long glyph_count(qpdf_data q, qpdf_oh font)
{
    qpdf_oh w = qpdf_oh_get_key(q, font, "/W");
    long max = -1;
    if (qpdf_oh_is_array(q, w)) {
        int n = qpdf_oh_get_array_n_items(q, w);
        for (int i = 0; i < n;) {
            qpdf_oh a = qpdf_oh_get_array_item(q, w, i);
            qpdf_oh b = i + 1 < n ? qpdf_oh_get_array_item(q, w, i + 1) : 0;
            long first = qpdf_oh_is_integer(q, a) ? (long)qpdf_oh_get_int_value(q, a) : -1;
            if (first < 0 || !b) {
                max = -1;
                break;
            }
            if (qpdf_oh_is_array(q, b)) {
                long last = first + qpdf_oh_get_array_n_items(q, b) - 1;
                if (last > max) max = last;
                i += 2;
            } else if (qpdf_oh_is_integer(q, b) && i + 2 < n) {
                long last = (long)qpdf_oh_get_int_value(q, b);
                if (last > max) max = last;
                i += 3;
            } else {
                max = -1;
                break;
            }
        }
    }
    qpdf_oh_release(q, w);
    return max >= 0 && max < 65535 ? max + 1 : 0;
}

/* the CFF program subset again by HarfBuzz; NULL if that fails */
static hb_blob_t *resubset(const unsigned char *cff, size_t len, unsigned nglyphs)
{
    hb_blob_t *in = hb_blob_create((const char *)cff, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    /* a 'maxp' of version 0.5 gives the subsetter the glyph count */
    unsigned char maxp[6] = {0, 0, 0x50, 0, (unsigned char)(nglyphs >> 8), (unsigned char)(nglyphs & 0xFF)};
    hb_blob_t *mx = hb_blob_create((const char *)maxp, sizeof maxp, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *face = hb_face_builder_create();
    hb_face_builder_add_table(face, HB_TAG('C', 'F', 'F', ' '), in);
    hb_face_builder_add_table(face, HB_TAG('m', 'a', 'x', 'p'), mx);
    hb_blob_t *out = NULL;
    hb_subset_input_t *si = hb_subset_input_create_or_fail();
    if (si && hb_face_get_glyph_count(face) == nglyphs) {
        hb_set_add_range(hb_subset_input_glyph_set(si), 0, nglyphs - 1);
        hb_subset_input_set_flags(si, HB_SUBSET_FLAGS_RETAIN_GIDS);
        hb_face_t *sub = hb_subset_or_fail(face, si);
        if (sub) {
            out = hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' '));
            if (hb_blob_get_length(out) == 0) {
                hb_blob_destroy(out);
                out = NULL;
            }
            hb_face_destroy(sub);
        }
    }
    if (si) hb_subset_input_destroy(si);
    hb_face_destroy(face);
    hb_blob_destroy(mx);
    hb_blob_destroy(in);
    return out;
}

static void pack_font(qpdf_data q, qpdf_oh font)
{
    long n = glyph_count(q, font);
    qpdf_oh fd = qpdf_oh_get_key(q, font, "/FontDescriptor");
    qpdf_oh ff = qpdf_oh_get_key(q, fd, "/FontFile3");
    if (n > 0 && qpdf_oh_is_stream(q, ff)) {
        qpdf_oh dict = qpdf_oh_get_dict(q, ff);
        qpdf_oh sub = qpdf_oh_get_key(q, dict, "/Subtype");
        unsigned char *data = NULL;
        size_t len = 0;
        QPDF_BOOL filtered = QPDF_FALSE;
        if (qpdf_oh_is_name(q, sub) && strcmp(qpdf_oh_get_name(q, sub), "/CIDFontType0C") == 0 &&
            !(qpdf_oh_get_stream_data(q, ff, qpdf_dl_generalized, &filtered, &data, &len) & QPDF_ERRORS) && filtered) {
            hb_blob_t *out = resubset(data, len, (unsigned)n);
            unsigned olen = out ? hb_blob_get_length(out) : 0;
            if (out && olen < len) {
                qpdf_oh none = qpdf_oh_new_null(q);
                qpdf_oh_replace_stream_data(q, ff, (const unsigned char *)hb_blob_get_data(out, NULL), olen, none, none);
                qpdf_oh_release(q, none);
            }
            hb_blob_destroy(out);
        }
        free(data);
        qpdf_oh_release(q, sub);
        qpdf_oh_release(q, dict);
    }
    qpdf_oh_release(q, ff);
    qpdf_oh_release(q, fd);
}

/* the keys of a dictionary (qpdf's C API has one key iterator a qpdf_data,
 * so they are taken out before anything else is looked at) */
static char **dict_keys(qpdf_data q, qpdf_oh d, int *n)
{
    char **v = NULL;
    *n = 0;
    if (!qpdf_oh_is_dictionary(q, d)) return NULL;
    qpdf_oh_begin_dict_key_iter(q, d);
    while (qpdf_oh_dict_more_keys(q)) {
        v = xrealloc(v, (size_t)(*n + 1) * sizeof *v);
        v[(*n)++] = xstrdup(qpdf_oh_dict_next_key(q));
    }
    return v;
}

typedef struct {
    int *v;
    int n;
} Seen;

/* true the first time an object is met */
static bool first_time(qpdf_data q, qpdf_oh o, Seen *s)
{
    int id = qpdf_oh_get_object_id(q, o);
    if (id <= 0) return true; /* direct: met once */
    for (int i = 0; i < s->n; i++)
        if (s->v[i] == id) return false;
    s->v = xrealloc(s->v, (size_t)(s->n + 1) * sizeof *s->v);
    s->v[s->n++] = id;
    return true;
}

/* the CID fonts of a resource dictionary (Type 0 fonts' descendants), and
 * of the form XObjects it names, in turn */
static void pack_resources(qpdf_data q, qpdf_oh res, Seen *seen, int depth)
{
    if (depth > 16 || !qpdf_oh_is_dictionary(q, res)) return;
    const char *kinds[] = {"/Font", "/XObject"};
    for (int k = 0; k < 2; k++) {
        qpdf_oh d = qpdf_oh_get_key(q, res, kinds[k]);
        int n;
        char **keys = dict_keys(q, d, &n);
        for (int i = 0; i < n; i++) {
            qpdf_oh o = qpdf_oh_get_key(q, d, keys[i]);
            if (k == 0) {
                qpdf_oh desc = qpdf_oh_get_key(q, o, "/DescendantFonts");
                int nd = qpdf_oh_is_array(q, desc) ? qpdf_oh_get_array_n_items(q, desc) : 0;
                for (int j = 0; j < nd; j++) {
                    qpdf_oh f = qpdf_oh_get_array_item(q, desc, j);
                    if (qpdf_oh_is_dictionary_of_type(q, f, "/Font", "/CIDFontType0") && first_time(q, f, seen))
                        pack_font(q, f);
                    qpdf_oh_release(q, f);
                }
                qpdf_oh_release(q, desc);
            } else if (qpdf_oh_is_stream(q, o) && first_time(q, o, seen)) {
                qpdf_oh dict = qpdf_oh_get_dict(q, o);
                qpdf_oh sub = qpdf_oh_get_key(q, dict, "/Subtype");
                if (qpdf_oh_is_name_and_equals(q, sub, "/Form")) {
                    qpdf_oh r = qpdf_oh_get_key(q, dict, "/Resources");
                    pack_resources(q, r, seen, depth + 1);
                    qpdf_oh_release(q, r);
                }
                qpdf_oh_release(q, sub);
                qpdf_oh_release(q, dict);
            }
            qpdf_oh_release(q, o);
            free(keys[i]);
        }
        free(keys);
        qpdf_oh_release(q, d);
    }
}

/* The fonts are found from the pages' resources (inherited ones too),
 * not by reading every object of the file: looking each up by number made
 * libqpdf parse every stream's dictionary, out of order. */
void pdf_pack_fonts(qpdf_data q)
{
    Seen seen = {0};
    int np = qpdf_get_num_pages(q);
    for (int i = 0; i < np; i++) {
        qpdf_oh node = qpdf_get_page_n(q, (size_t)i);
        for (int up = 0; up < 32 && qpdf_oh_is_dictionary(q, node); up++) {
            qpdf_oh res = qpdf_oh_get_key(q, node, "/Resources");
            bool has = qpdf_oh_is_dictionary(q, res);
            if (has && first_time(q, res, &seen)) pack_resources(q, res, &seen, 0);
            qpdf_oh_release(q, res);
            if (has) break;
            qpdf_oh parent = qpdf_oh_get_key(q, node, "/Parent");
            qpdf_oh_release(q, node);
            node = parent;
        }
        qpdf_oh_release(q, node);
    }
    free(seen.v);
}
