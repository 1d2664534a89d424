/*
 * metrics.h: the computed figures for other programs: JSON (stable names,
 * docs/metrics.md) and CSV (one table per kind).
 */
#ifndef DOSSIER_METRICS_H
#define DOSSIER_METRICS_H

#include "../model.h"
#include "facts.h"

/* New strings, caller frees. */
char *metrics_json(const Model *m, const FactsOptions *opt);
char *metrics_csv(const Model *m, const FactsOptions *opt);

#endif
