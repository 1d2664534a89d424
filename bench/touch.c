/* bench/touch.c: what this machine alone charges for memory.
 *
 *   touch MIB
 *
 * allocates MIB mebibytes with malloc in 64 KiB blocks (from the heap, as
 * libxml2's nodes are) and writes every byte once, then exits. It does no
 * other work, so its time is the kernel's: a page fault and a zeroed page
 * for every 4 KiB first touched. bench/e2e.sh runs it with the peak memory
 * of each size's build, beside the build, to tell the growth of dossier's
 * own work from the growth of what the machine charges for the pages.
 * Exit status: 0 done, 2 a bad argument or no memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    char *end = NULL;
    long mib = argc == 2 ? strtol(argv[1], &end, 10) : 0;
    if (argc != 2 || *end || mib <= 0) {
        fprintf(stderr, "usage: touch MIB\n");
        return 2;
    }
    const size_t block = 64 * 1024;
    size_t n = (size_t)mib * 1024 * 1024 / block;
    char **blocks = malloc(n * sizeof *blocks);
    if (!blocks) return 2;
    volatile unsigned long sum = 0; /* keeps the writes from being dropped */
    for (size_t i = 0; i < n; i++) {
        blocks[i] = malloc(block);
        if (!blocks[i]) return 2;
        memset(blocks[i], (int)(i & 0xff), block);
        sum += (unsigned char)blocks[i][i % block];
    }
    return 0;
}
