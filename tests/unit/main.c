/*
 * main.c: the unit-test runner. Runs every registered test, or those whose
 * names contain argv[1].
 */
#include <stdarg.h>
#include <stdlib.h>

#include "../../src/load/xml.h"
#include "../../src/util.h"
#include "unit.h"

enum { MAX_TESTS = 512 };
static struct {
    const char *name;
    TestFn fn;
} tests[MAX_TESTS];
static int ntests, failed_now;
static char first_failure[512];

void unit_register(const char *name, TestFn fn)
{
    if (ntests < MAX_TESTS) {
        tests[ntests].name = name;
        tests[ntests].fn = fn;
        ntests++;
    }
}

void unit_fail(const char *file, int line, const char *fmt, ...)
{
    if (!failed_now++) {
        va_list ap;
        va_start(ap, fmt);
        int n = snprintf(first_failure, sizeof first_failure, "%s:%d: ", file, line);
        vsnprintf(first_failure + n, sizeof first_failure - (size_t)n, fmt, ap);
        va_end(ap);
    }
}

static int cmp_test(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv)
{
    xsort(tests, (size_t)ntests, sizeof tests[0], cmp_test);
    xml_init();
    int pass = 0, fail = 0;
    for (int i = 0; i < ntests; i++) {
        if (argc > 1 && !strstr(tests[i].name, argv[1])) continue;
        failed_now = 0;
        tests[i].fn();
        if (failed_now) {
            printf("FAIL unit/%s: %s%s\n", tests[i].name, first_failure,
                   failed_now > 1 ? " (and more)" : "");
            fail++;
        } else {
            printf("PASS unit/%s\n", tests[i].name);
            pass++;
        }
    }
    xml_cleanup();
    return fail ? 1 : 0;
}
