/*
 * fuzz_layout.c: the layout-tree reader and the typesetter. Each input is a
 * layout document: read safely, validated against schemas/layout.rng, laid
 * out and paginated, rendered to a PDF in memory.
 */
#include <stdlib.h>

#include "../../src/diag.h"
#include "../../src/render/render.h"
#include "../../src/typeset/typeset.h"
#include "../../src/util.h"
#include "fuzz.h"

static Typesetter *ts;
static char *file;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_setup();
    ts = typeset_new();
    file = path_join(fuzz_scratch(), "layout.xml");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(file, data, size);
    xmlDoc *doc = layout_read(file, fuzz_datadir());
    if (doc) {
        TypesetOptions to = {.image_root = fuzz_scratch()};
        Pages *p = typeset_document(ts, doc, &to);
        if (p && pages_count(p) <= 200) {
            Buf pdf = {0};
            render_pdf(p, &pdf);
            buf_free(&pdf);
        }
        pages_free(p);
        layout_free(doc);
    }
    diag_reset();
    return 0;
}
