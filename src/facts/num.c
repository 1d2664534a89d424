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
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, 32, "%.*g", prec, v);
        if (plain && strchr(buf, 'e')) continue;
        if (strtod(buf, NULL) == v) return buf;
    }
    snprintf(buf, 32, "%.17g", v);
    return buf;
}
