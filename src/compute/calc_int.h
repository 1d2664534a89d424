/*
 * calc_int.h: the parts of the compute stage, for src/compute only.
 */
#ifndef DOSSIER_CALC_INT_H
#define DOSSIER_CALC_INT_H

#include "calc.h"

void calc_recovery(Calc *c);
void calc_incidents(Calc *c);
void calc_risks(Calc *c);
void calc_kpis(Calc *c);
void calc_drills(Calc *c);
void calc_operations(Calc *c);
void calc_quarters(Calc *c);
void calc_documents(Calc *c);

#endif
