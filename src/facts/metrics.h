/*
 * metrics.h: the computed figures for other programs: JSON (stable names,
 * docs/metrics.md) and CSV (one table per kind).
 */
#ifndef DOSSIER_METRICS_H
#define DOSSIER_METRICS_H

#include "../compute/calc.h"
#include "../model.h"
#include "facts.h"

/* New strings, caller frees. */
char *metrics_json(const Model *m, const Calc *c);
char *metrics_csv(const Model *m, const Calc *c);

#endif
