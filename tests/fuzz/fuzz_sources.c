/*
 * fuzz_sources.c: the sources. A small valid organisation (tests/bad/base)
 * is copied once; each input replaces one of its files, chosen by the
 * input's first byte (every kind of source and its Markdown), and is read:
 * loading, validation, cross-file checks, then, when it loads cleanly, the
 * compute stage and the facts document. The file is put back afterwards.
 * Built with -DFUZZ_ONLY=6 it is the Markdown harness: every input is the
 * plan's Markdown file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/compute/calc.h"
#include "../../src/diag.h"
#include "../../src/facts/facts.h"
#include "../../src/load/load.h"
#include "../../src/util.h"
#include "fuzz.h"

static const char *FILES[] = {"organisation.xml", "calendars.xml", "services.xml", "functions.xml",
                              "register.xml", "plans/drp.xml", "plans/drp/background.md",
                              "records/incidents.xml", "records/outages.xml"};
enum { NFILES = sizeof FILES / sizeof *FILES };
static char *root;
static Buf original[NFILES];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_setup();
    root = path_join(fuzz_scratch(), "in");
    char *base = path_join(fuzz_datadir(), "tests/bad/base");
    if (fuzz_copy_tree(base, root) != 0) {
        fprintf(stderr, "fuzz_sources: cannot copy %s\n", base);
        abort();
    }
    free(base);
    for (int i = 0; i < NFILES; i++) {
        char *p = path_join(root, FILES[i]);
        FILE *f = fopen(p, "rb");
        char chunk[8192];
        size_t n;
        while (f && (n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_put(&original[i], chunk, n);
        if (f) fclose(f);
        free(p);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef FUZZ_ONLY
    /* the Markdown harness: always the plan's Markdown, the whole input */
    int which = FUZZ_ONLY;
#else
    if (size < 1) return 0;
    int which = data[0] % NFILES;
    data++, size--;
#endif
    char *path = path_join(root, FILES[which]);
    fuzz_write(path, data, size);
    LoadOptions lo = {.input = root, .datadir = fuzz_datadir()};
    Model *m = load_model(&lo);
    if (m && !diag_error_count() && m->has_records) {
        Calc *c = calc_run(m, m->latest_month);
        FactsOptions fo = {.period = m->latest_month};
        xmlDoc *facts = facts_build(m, c, &fo);
        xmlFreeDoc(facts);
        calc_free(c);
    }
    model_free(m);
    diag_reset();
    fuzz_write(path, (const uint8_t *)original[which].s, original[which].len);
    free(path);
    return 0;
}
