/*
 * load_int.h: the reader kit, for the files of src/load only.
 *
 * Readers walk a parsed, schema-checked document and fill the model. They
 * check each value precisely and report with the record's name and the
 * offending value; a value that does not read leaves its field at a neutral
 * default, and the reader goes on.
 */
#ifndef DOSSIER_LOAD_INT_H
#define DOSSIER_LOAD_INT_H

#include <libxml/tree.h>
#include <string.h>

#include "../diag.h"
#include "../model.h"
#include "load.h"
#include "xml.h"

/* ---- elements ---- */
xmlNode *elem_first(const xmlNode *parent);
xmlNode *elem_next(const xmlNode *n);
bool elem_is(const xmlNode *n, const char *name);
xmlNode *elem_child(const xmlNode *parent, const char *name);
#define FOR_ELEMS(c, parent) for (xmlNode *c = elem_first(parent); c; c = elem_next(c))

/* "service 'core-db'", or "<depends-on> in service 'core-db'": names the
 * record a node belongs to, for messages. Returns a static buffer that the
 * next call overwrites. */
const char *label(const xmlNode *n);

/* Report unknown attributes: names is a space-separated list. */
void attrs_allow(const xmlNode *n, const char *names);

/* The attribute's value copied into the arena, or NULL. A missing required
 * attribute is reported. */
const char *rd_str(Model *m, const xmlNode *n, const char *attr, bool required);
/* Typed attributes: true when present and valid; invalid values are
 * reported with the value quoted. */
bool rd_date(Model *m, const xmlNode *n, const char *attr, bool required, Date *out);
bool rd_month(Model *m, const xmlNode *n, const char *attr, bool required, Date *out);
bool rd_dur(Model *m, const xmlNode *n, const char *attr, bool required, Secs *out);
bool rd_dec(Model *m, const xmlNode *n, const char *attr, bool required, Dec *out);
bool rd_int(Model *m, const xmlNode *n, const char *attr, bool required, int lo, int hi, int *out);
bool rd_bool(Model *m, const xmlNode *n, const char *attr, bool dflt);
bool rd_localtime(Model *m, const xmlNode *n, const char *attr, bool required, LocalTime *out);
/* A timestamp resolved in a zone (its offset wins if it has one); reports a
 * local time that does not exist in the zone (error) or happens twice
 * (warning). */
bool rd_instant(Model *m, const xmlNode *n, const char *attr, bool required, const struct Zone *z,
                Instant *out);
/* Percent in [0, 100]. */
bool rd_percent(Model *m, const xmlNode *n, const char *attr, bool required, Dec *out);
/* The trimmed text content, in the arena. */
const char *rd_text(Model *m, const xmlNode *n);
/* Names/titles: children called `child`, one per language. */
Text rd_names(Model *m, const xmlNode *parent, const char *child);

/* Register an id in a namespace; a duplicate is reported with where the
 * first one stands. `what` names the kind ("service"). */
bool reg_id(Model *m, int ns, const char *id, void *rec, const xmlNode *n, const char *what);
/* Resolve the id in attribute attr against ns; an unknown id is reported as
 * "<label>: unknown <what> '<id>'". NULL if absent or unknown. */
void *rd_ref(Model *m, const xmlNode *n, const char *attr, int ns, const char *what, bool required);
void *ref_id(Model *m, const xmlNode *n, const char *attr, const char *id, int ns, const char *what);

/* The record node registered for an id (for "first defined at"). */
const xmlNode *id_node(const Model *m, int ns, const char *id);

/* Markdown, read once per file through cmark; path relative to the
 * directory of the XML file that names it. */
MdDoc *md_load(Model *m, const xmlNode *n, const char *attr);
void md_free_all(Model *m);

/* The zone for local times of a service's records. */
const struct Zone *service_zone(const Model *m, const Service *s);

/* Weekdays: "mon" -> 0; "mon-fri sat" -> bit mask, bit 0 = Monday (0 if
 * malformed). */
int weekday_index(const char *s, size_t n);
uint8_t days_parse(const char *s);

/* Per-kind readers (one file each). */
void read_organisation(Model *m, Src *s);
void read_calendars(Model *m, Src *s);
void read_policies(Model *m, Src *s);
void read_policy_defaults(Model *m, Src *s);
void policies_finish(Model *m);
void read_services(Model *m, Src *s);
void services_finish(Model *m);
void read_functions(Model *m, Src *s);
void read_risks(Model *m, Src *s);
void read_plan(Model *m, Src *s);
void read_drill(Model *m, Src *s);
void read_incidents(Model *m, Src *s);
void read_outages(Model *m, Src *s);
void read_changes(Model *m, Src *s);
void read_workload(Model *m, Src *s);
void read_satisfaction(Model *m, Src *s);
void read_kpis(Model *m, Src *s);
void read_register(Model *m, Src *s);
/* Checks that span files, after everything is read. */
void link_model(Model *m);

#endif
