/*
 * calendars.c: reads <calendars>. Editions of one calendar share an id and
 * a zone and differ in their effective dates.
 */
#include <stdlib.h>

#include "load_int.h"

static const char *DAY_NAMES[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

int weekday_index(const char *s, size_t n)
{
    for (int i = 0; i < 7; i++)
        if (n == 3 && memcmp(s, DAY_NAMES[i], 3) == 0) return i;
    return -1;
}

/* "mon-fri sat" -> bit mask (bit 0 = Monday); 0 if malformed */
uint8_t days_parse(const char *s)
{
    uint8_t mask = 0;
    const char *p = s;
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        int a = weekday_index(p, 3);
        if (a < 0) return 0;
        p += 3;
        int b = a;
        if (*p == '-') {
            b = weekday_index(p + 1, 3);
            if (b < 0) return 0;
            p += 4;
        }
        for (int d = a;; d = (d + 1) % 7) {
            mask |= (uint8_t)(1u << d);
            if (d == b) break;
        }
        if (*p && *p != ' ') return 0;
    }
    return mask;
}

static int cmp_edition(const void *a, const void *b)
{
    const CalEdition *x = *(CalEdition *const *)a, *y = *(CalEdition *const *)b;
    if (x->dated != y->dated) return x->dated ? 1 : -1;
    return date_cmp(x->effective, y->effective);
}

static void add_span(Model *m, CalEdition *e, const xmlNode *h, int day, int from, int to)
{
    DayHours *dh = &e->week[day];
    for (int i = 0; i < dh->n; i++)
        if (from < dh->span[i].to && dh->span[i].from < to) {
            diag_node(DIAG_ERROR, h, "days", "%s: hours on %s overlap another span of that day", label(h),
                      DAY_NAMES[day]);
            return;
        }
    if (dh->n == MAX_SPANS) {
        diag_node(DIAG_ERROR, h, NULL, "%s: over %d spans of hours on %s", label(h), MAX_SPANS, DAY_NAMES[day]);
        return;
    }
    /* keep spans sorted */
    int i = dh->n++;
    while (i > 0 && dh->span[i - 1].from > from) {
        dh->span[i] = dh->span[i - 1];
        i--;
    }
    dh->span[i].from = from;
    dh->span[i].to = to;
    (void)m;
}

void read_calendars(Model *m, Src *s)
{
    xmlNode *root = xmlDocGetRootElement(s->doc);
    attrs_allow(root, "");
    FOR_ELEMS(c, root) {
        if (!elem_is(c, "calendar")) continue;
        attrs_allow(c, "id zone effective");
        const char *id = rd_str(m, c, "id", true);
        const char *zname = rd_str(m, c, "zone", true);
        if (!id) continue;
        CalEdition *e = arena_alloc(m->arena, sizeof *e);
        e->node = c;
        e->dated = rd_date(m, c, "effective", false, &e->effective);
        Zone *z = NULL;
        if (zname && !(z = zone_get(zname)))
            diag_node(DIAG_ERROR, c, "zone", "calendar '%s': unknown time zone '%s' (an IANA name such as Asia/Shanghai)",
                      id, zname);
        Calendar *cal = model_lookup(m, NS_CALENDAR, id);
        if (!cal) {
            cal = arena_alloc(m->arena, sizeof *cal);
            cal->id = id;
            cal->zone = z;
            reg_id(m, NS_CALENDAR, id, cal, c, "calendar");
            vec_push(m->arena, &m->calendars, cal);
        } else {
            if (z && cal->zone && z != cal->zone)
                diag_node(DIAG_ERROR, c, "zone", "calendar '%s': zone '%s' differs from an earlier edition's '%s'",
                          id, zname, zone_name(cal->zone));
            for (size_t i = 0; i < cal->editions.n; i++) {
                CalEdition *o = cal->editions.v[i];
                if (o->dated == e->dated && (!o->dated || date_cmp(o->effective, e->effective) == 0)) {
                    int line, col;
                    src_locate(o->node, NULL, &line, &col);
                    diag_node(DIAG_ERROR, c, e->dated ? "effective" : "id",
                              "calendar '%s': two editions with the same effective date (the other at %s:%d)", id,
                              src_of(o->node)->path, line);
                }
            }
        }
        FOR_ELEMS(h, c) {
            if (elem_is(h, "always")) {
                attrs_allow(h, "");
                e->always = true;
            } else if (elem_is(h, "hours")) {
                attrs_allow(h, "days from to");
                const char *days = rd_str(m, h, "days", true);
                int from, to;
                const char *ef = NULL, *et = NULL;
                const char *fs = rd_str(m, h, "from", true), *ts = rd_str(m, h, "to", true);
                if (fs && (ef = clock_parse(fs, &from))) diag_node(DIAG_ERROR, h, "from", "%s: from '%s': %s", label(h), fs, ef);
                if (ts && (et = clock_parse(ts, &to))) diag_node(DIAG_ERROR, h, "to", "%s: to '%s': %s", label(h), ts, et);
                uint8_t mask = days ? days_parse(days) : 0;
                if (days && !mask) diag_node(DIAG_ERROR, h, "days", "%s: days '%s': not a list of weekdays", label(h), days);
                if (!fs || !ts || ef || et || !mask) continue;
                if (from >= to) {
                    diag_node(DIAG_ERROR, h, "to", "%s: hours end (%s) before they start (%s)", label(h), ts, fs);
                    continue;
                }
                for (int d = 0; d < 7; d++)
                    if (mask & (1u << d)) add_span(m, e, h, d, from, to);
            } else if (elem_is(h, "holiday")) {
                attrs_allow(h, "from to");
                Date f, t;
                if (!rd_date(m, h, "from", true, &f)) continue;
                if (!xmlHasProp(h, (const xmlChar *)"to")) t = f;
                else if (!rd_date(m, h, "to", false, &t)) continue;
                if (date_cmp(t, f) < 0) {
                    diag_node(DIAG_ERROR, h, "to", "%s: holiday ends before it starts", label(h));
                    continue;
                }
                Holiday *hd = vec_add(m->arena, &e->holidays);
                hd->first = date_days(f);
                hd->last = date_days(t);
                hd->node = h;
            } else if (elem_is(h, "workday")) {
                attrs_allow(h, "date as");
                Date d;
                const char *as = rd_str(m, h, "as", true);
                if (!rd_date(m, h, "date", true, &d) || !as) continue;
                int w = weekday_index(as, strlen(as));
                if (w < 0) {
                    diag_node(DIAG_ERROR, h, "as", "%s: as '%s': not a weekday", label(h), as);
                    continue;
                }
                Workday *wd = vec_add(m->arena, &e->workdays);
                wd->day = date_days(d);
                wd->as = w;
                wd->node = h;
            }
        }
        /* a working-day swap on a holiday contradicts itself */
        for (size_t i = 0; i < e->workdays.n; i++)
            for (size_t j = 0; j < e->holidays.n; j++)
                if (e->workdays.v[i].day >= e->holidays.v[j].first && e->workdays.v[i].day <= e->holidays.v[j].last)
                    diag_node(DIAG_ERROR, e->workdays.v[i].node, "date", "calendar '%s': working day %s falls in a holiday",
                              id, rd_str(m, e->workdays.v[i].node, "date", false));
        vec_push(m->arena, &cal->editions, e);
        xsort(cal->editions.v, cal->editions.n, sizeof *cal->editions.v, cmp_edition);
    }
}
