/*
 * fuzz_control.c: the release lock and the manifest readers. The input is
 * written as input/release.lock and as out/manifest.json (the first byte
 * chooses which), then read and, for the manifest, verified.
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "../../src/control/control.h"
#include "../../src/diag.h"
#include "../../src/util.h"
#include "fuzz.h"

static char *in, *out;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_setup();
    in = path_join(fuzz_scratch(), "input");
    out = path_join(fuzz_scratch(), "out");
    mkdir(in, 0755);
    mkdir(out, 0755);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    if (data[0] & 1) {
        char *p = path_join(in, "release.lock");
        fuzz_write(p, data + 1, size - 1);
        Lock *l = lock_read(in);
        lock_free(l);
        free(p);
    } else {
        char *p = path_join(out, "manifest.json");
        fuzz_write(p, data + 1, size - 1);
        Manifest *m = manifest_read(out, true);
        manifest_free(m);
        verify_dir(out, NULL);
        free(p);
    }
    diag_reset();
    return 0;
}
