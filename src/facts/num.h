/*
 * num.h: numbers as text for facts and CSV: the shortest form that reads
 * back as the same double, so no figure is rounded before output.
 */
#ifndef DOSSIER_NUM_H
#define DOSSIER_NUM_H

/* buf must hold 32 bytes; returns buf */
char *num_format(double v, char *buf);

#endif
