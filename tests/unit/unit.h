/*
 * unit.h: a tiny unit-test kit. Each test is a function registered with
 * TEST(name); CHECK* macros record failures and go on. The runner prints
 * one line per test, "PASS name" or "FAIL name: where: what", which
 * tests/run.sh counts.
 */
#ifndef DOSSIER_UNIT_H
#define DOSSIER_UNIT_H

#include <stdio.h>
#include <string.h>

typedef void (*TestFn)(void);
void unit_register(const char *name, TestFn fn);
void unit_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#define TEST(name)                                                                \
    static void test_##name(void);                                                \
    __attribute__((constructor)) static void reg_##name(void) { unit_register(#name, test_##name); } \
    static void test_##name(void)

#define CHECK(c)                                                                  \
    do {                                                                          \
        if (!(c)) unit_fail(__FILE__, __LINE__, "%s", #c);                        \
    } while (0)
#define CHECK_INT(a, b)                                                           \
    do {                                                                          \
        long long a_ = (long long)(a), b_ = (long long)(b);                       \
        if (a_ != b_) unit_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, a_, b_); \
    } while (0)
#define CHECK_STR(a, b)                                                           \
    do {                                                                          \
        const char *a_ = (a), *b_ = (b);                                          \
        if (!a_ || !b_ || strcmp(a_, b_) != 0)                                    \
            unit_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
    } while (0)
#define CHECK_DBL(a, b, eps)                                                      \
    do {                                                                          \
        double a_ = (a), b_ = (b);                                                \
        if (!(a_ - b_ <= (eps) && b_ - a_ <= (eps)))                              \
            unit_fail(__FILE__, __LINE__, "%s == %.12g, expected %.12g", #a, a_, b_); \
    } while (0)

#endif
