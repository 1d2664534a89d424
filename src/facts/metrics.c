/*
 * metrics.c: the computed figures as JSON (json-glib) and CSV.
 */
#include "metrics.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

static void add_count(JsonBuilder *b, const char *name, size_t n)
{
    json_builder_set_member_name(b, name);
    json_builder_add_int_value(b, (gint64)n);
}

char *metrics_json(const Model *m, const FactsOptions *opt)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    char period[16];
    snprintf(period, sizeof period, "%04d-%02d", opt->period.y, opt->period.m);
    json_builder_set_member_name(b, "period");
    json_builder_add_string_value(b, period);
    json_builder_set_member_name(b, "counts");
    json_builder_begin_object(b);
    add_count(b, "services", m->services.n);
    add_count(b, "functions", m->functions.n);
    add_count(b, "risks", m->risks.n);
    add_count(b, "plans", m->plans.n);
    add_count(b, "drills", m->drills.n);
    add_count(b, "incidents", m->incidents.n);
    add_count(b, "outages", m->outages.n);
    add_count(b, "changes", m->changes.n);
    add_count(b, "kpis", m->kpis.n);
    add_count(b, "documents", m->documents.n);
    json_builder_end_object(b);
    json_builder_end_object(b);
    JsonGenerator *g = json_generator_new();
    json_generator_set_pretty(g, TRUE);
    JsonNode *root = json_builder_get_root(b);
    json_generator_set_root(g, root);
    gchar *s = json_generator_to_data(g, NULL);
    char *out = xasprintf("%s\n", s);
    g_free(s);
    json_node_unref(root);
    g_object_unref(g);
    g_object_unref(b);
    return out;
}

char *metrics_csv(const Model *m, const FactsOptions *opt)
{
    (void)opt;
    return xasprintf("kind,count\nservices,%zu\nincidents,%zu\noutages,%zu\n", m->services.n, m->incidents.n,
                     m->outages.n);
}
