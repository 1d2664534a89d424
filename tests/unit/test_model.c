/*
 * test_model.c: exact decimals, versions, maps and diagnostics ordering.
 */
#include <stdlib.h>

#include "../../src/diag.h"
#include "../../src/model.h"
#include "unit.h"

TEST(decimal_parse_and_compare)
{
    Dec a, b;
    CHECK(dec_parse("99.9", &a) == NULL);
    CHECK_INT(a.num, 999);
    CHECK_INT(a.scale, 1);
    CHECK(dec_parse("99.90", &b) == NULL);
    CHECK_INT(dec_cmp(a, b), 0);
    CHECK(dec_parse("99.95", &b) == NULL);
    CHECK_INT(dec_cmp(a, b), -1);
    CHECK(dec_parse("-0.5", &a) == NULL);
    CHECK_INT(a.num, -5);
    CHECK(dec_parse("007", &a) == NULL && a.num == 7 && a.scale == 0);
    CHECK(dec_parse("1.", &a) != NULL);
    CHECK(dec_parse(".5", &a) == NULL && a.num == 5 && a.scale == 1);
    CHECK(dec_parse("1e5", &a) != NULL);
    CHECK(dec_parse("1234567890123456789", &a) != NULL);
    CHECK(dec_parse("0.1234567890123", &a) != NULL);
    char buf[40];
    CHECK(dec_parse("100.000", &a) == NULL);
    CHECK_STR(dec_format(a, buf), "100.000");
    CHECK(dec_parse("-0.05", &a) == NULL);
    CHECK_STR(dec_format(a, buf), "-0.05");
}

TEST(version_schemes)
{
    Version a, b;
    CHECK(version_parse("V1.2", &a) == NULL);
    CHECK(version_parse("V1.10", &b) == NULL);
    CHECK_INT(version_cmp(a, b), -1); /* 1.2 before 1.10: numbers, not text */
    CHECK(version_parse("V0.9", &a) == NULL && version_is_draft(a));
    CHECK(!version_is_draft(b));
    CHECK(version_parse("A/1", &a) == NULL);
    CHECK(version_parse("B/0", &b) == NULL);
    CHECK_INT(version_cmp(a, b), -1);
    CHECK(!version_is_draft(a));
    CHECK(version_parse("V1", &a) != NULL);
    CHECK(version_parse("1.2", &a) != NULL);
    CHECK(version_parse("a/1", &a) != NULL);
    CHECK(version_parse("V1.2x", &a) != NULL);
}

TEST(map_grows_and_refuses_duplicates)
{
    Map *m = map_new();
    char keys[1000][16];
    for (int i = 0; i < 1000; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        CHECK(map_put(m, keys[i], &keys[i]));
    }
    CHECK(!map_put(m, "k7", NULL));
    CHECK_INT(map_count(m), 1000);
    for (int i = 0; i < 1000; i += 37) CHECK(map_get(m, keys[i]) == &keys[i]);
    CHECK(map_get(m, "nope") == NULL);
    map_free(m);
}

TEST(diagnostics_sorted_and_weak_shadowed)
{
    diag_reset();
    FILE *f = tmpfile();
    diag_report(DIAG_ERROR, "b.xml", 3, 1, "third");
    diag_report(DIAG_WARNING, "a.xml", 9, 4, "second");
    diag_report(DIAG_ERROR, "a.xml", 2, 7, "first");
    diag_weak("a.xml", 9, 1, "generic words"); /* shadowed: a precise message shares line 9 */
    diag_weak("b.xml", 5, 1, "kept, nothing precise on line 5");
    CHECK_INT(diag_error_count(), 4);
    CHECK_INT(diag_exit_status(), EXIT_SOURCES);
    diag_flush(f);
    rewind(f);
    char out[1024] = {0};
    size_t n = fread(out, 1, sizeof out - 1, f);
    out[n] = 0;
    fclose(f);
    CHECK_STR(out, "a.xml:2:7: error: first\n"
                   "a.xml:9:4: warning: second\n"
                   "b.xml:3:1: error: third\n"
                   "b.xml:5:1: error: kept, nothing precise on line 5\n");
    diag_reset();
}
