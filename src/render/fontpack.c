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
 */
#include <hb-subset.h>
#include <hb.h>
#include <stdlib.h>
#include <string.h>

#include "fontpack.h"

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

void pdf_pack_fonts(qpdf_data q)
{
    qpdf_oh trailer = qpdf_get_trailer(q);
    qpdf_oh size = qpdf_oh_get_key(q, trailer, "/Size");
    int n = qpdf_oh_is_integer(q, size) ? qpdf_oh_get_int_value_as_int(q, size) : 0;
    for (int id = 1; id < n; id++) {
        qpdf_oh o = qpdf_get_object_by_id(q, id, 0);
        if (qpdf_oh_is_dictionary_of_type(q, o, "/Font", "/CIDFontType0")) pack_font(q, o);
        qpdf_oh_release(q, o);
    }
    qpdf_oh_release(q, size);
    qpdf_oh_release(q, trailer);
}
