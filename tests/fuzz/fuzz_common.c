/*
 * fuzz_common.c: helpers of the fuzz harnesses (fuzz.h).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/load/xml.h"
#include "../../src/util.h"
#include "fuzz.h"

static char *datadir, *scratch;

const char *fuzz_datadir(void)
{
    if (!datadir) {
        const char *e = getenv("DOSSIER_DATA");
        datadir = realpath(e && *e ? e : ".", NULL);
        if (!datadir) datadir = xstrdup(".");
    }
    return datadir;
}

const char *fuzz_scratch(void)
{
    if (!scratch) {
        char tmpl[] = "/tmp/dossier-fuzz.XXXXXX";
        char *d = mkdtemp(tmpl);
        if (!d) {
            perror("mkdtemp");
            abort();
        }
        scratch = xstrdup(d);
    }
    return scratch;
}

int fuzz_write(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    size_t n = size ? fwrite(data, 1, size, f) : 0;
    int bad = fclose(f) != 0 || n != size;
    return bad ? -1 : 0;
}

int fuzz_copy_tree(const char *from, const char *to)
{
    if (mkdir(to, 0755) != 0 && errno != EEXIST) return -1;
    DIR *d = opendir(from);
    if (!d) return -1;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) && rc == 0) {
        if (e->d_name[0] == '.') continue;
        char *a = path_join(from, e->d_name), *b = path_join(to, e->d_name);
        struct stat st;
        if (stat(a, &st) != 0) rc = -1;
        else if (S_ISDIR(st.st_mode)) rc = fuzz_copy_tree(a, b);
        else {
            FILE *in = fopen(a, "rb");
            Buf buf = {0};
            char chunk[8192];
            size_t n;
            while (in && (n = fread(chunk, 1, sizeof chunk, in)) > 0) buf_put(&buf, chunk, n);
            if (in) fclose(in);
            rc = in ? fuzz_write(b, (const uint8_t *)buf.s, buf.len) : -1;
            buf_free(&buf);
        }
        free(a);
        free(b);
    }
    closedir(d);
    return rc;
}

void fuzz_setup(void)
{
    static int done;
    if (done) return;
    done = 1;
    alloc_seam_init();
    xml_init();
    xml_allow_root(fuzz_datadir());
    xml_allow_root(fuzz_scratch());
}
