/*
 * num.c: shortest round-trip formatting of doubles, without exponents for
 * the magnitudes dossier's figures have.
 */
#include "num.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool num_fits(double v, int prec, bool plain, char *buf)
{
    snprintf(buf, 32, "%.*g", prec, v);
    if (plain && strchr(buf, 'e')) return false;
    return strtod(buf, NULL) == v;
}

char *num_format(double v, char *buf)
{
    double a = fabs(v);
    if (v == 0) {
        strcpy(buf, "0");
        return buf;
    }
    if (a < 1e15 && v == floor(v)) {
        snprintf(buf, 32, "%.0f", v);
        return buf;
    }
    bool plain = a >= 1e-6 && a < 1e15;
    /* the fewest significant digits that read back as v (and, for plain
     * magnitudes, print without an exponent): both hold for every
     * precision above the least one, so it is searched for by halving */
    int lo = 1, hi = 18; /* hi: 18 stands for "none up to 17" */
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (num_fits(v, mid, plain, buf)) hi = mid;
        else lo = mid + 1;
    }
    snprintf(buf, 32, "%.*g", lo <= 17 ? lo : 17, v);
    return buf;
}
