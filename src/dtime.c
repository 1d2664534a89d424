/*
 * dtime.c: the civil calendar (Howard Hinnant's days_from_civil), strict
 * parsers for the source vocabulary's time values, and time zones through
 * GLib's GTimeZone.
 */
#include "dtime.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int64_t date_days(Date d) { return days_from_civil(d.y, d.m, d.d); }

int weekday_of_days(int64_t days)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0) */
    int64_t w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

int date_cmp(Date a, Date b)
{
    if (a.y != b.y) return a.y < b.y ? -1 : 1;
    if (a.m != b.m) return a.m < b.m ? -1 : 1;
    if (a.d != b.d) return a.d < b.d ? -1 : 1;
    return 0;
}

Date month_add(Date d, int n)
{
    int idx = d.y * 12 + (d.m - 1) + n;
    Date r = {idx / 12, idx % 12 + 1, 1};
    return r;
}

/* ---- parsers ------------------------------------------------------------ */

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

static const char *check_ymd(int y, int m, int d)
{
    if (y < YEAR_MIN || y > YEAR_MAX) return "year out of range (1900-2199)";
    if (m < 1 || m > 12) return "no such month";
    if (d < 1 || d > days_in_month(y, m)) return "no such day in that month";
    return NULL;
}

const char *date_parse(const char *s, Date *out)
{
    int y, m, d;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4, &y) || !digits(s + 5, 2, &m) ||
        !digits(s + 8, 2, &d))
        return "not a date (YYYY-MM-DD)";
    const char *e = check_ymd(y, m, d);
    if (e) return e;
    out->y = y, out->m = m, out->d = d;
    return NULL;
}

const char *month_parse(const char *s, Date *out)
{
    int y, m;
    if (strlen(s) != 7 || s[4] != '-' || !digits(s, 4, &y) || !digits(s + 5, 2, &m))
        return "not a month (YYYY-MM)";
    const char *e = check_ymd(y, m, 1);
    if (e) return e;
    out->y = y, out->m = m, out->d = 1;
    return NULL;
}

const char *clock_parse(const char *s, int *minutes)
{
    int h, m;
    if (strlen(s) != 5 || s[2] != ':' || !digits(s, 2, &h) || !digits(s + 3, 2, &m))
        return "not a time of day (HH:MM)";
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return "no such time of day";
    *minutes = h * 60 + m;
    return NULL;
}

const char *localtime_parse(const char *s, LocalTime *out)
{
    LocalTime t = {0};
    size_t n = strlen(s);
    if (n < 16 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || !digits(s, 4, &t.y) ||
        !digits(s + 5, 2, &t.mo) || !digits(s + 8, 2, &t.d) || !digits(s + 11, 2, &t.h) ||
        !digits(s + 14, 2, &t.mi))
        return "not a timestamp (YYYY-MM-DDTHH:MM[:SS][offset])";
    const char *p = s + 16;
    if (*p == ':') {
        if (!digits(p + 1, 2, &t.s)) return "not a timestamp (YYYY-MM-DDTHH:MM[:SS][offset])";
        p += 3;
    }
    if (*p == 'Z') {
        t.has_offset = true;
        p++;
    } else if (*p == '+' || *p == '-') {
        int oh, om;
        if (strlen(p) != 6 || p[3] != ':' || !digits(p + 1, 2, &oh) || !digits(p + 4, 2, &om))
            return "not a UTC offset (+HH:MM)";
        if (oh > 14 || om > 59) return "UTC offset out of range";
        t.has_offset = true;
        t.offset = (oh * 3600 + om * 60) * (*p == '-' ? -1 : 1);
        p += 6;
    }
    if (*p) return "not a timestamp (YYYY-MM-DDTHH:MM[:SS][offset])";
    const char *e = check_ymd(t.y, t.mo, t.d);
    if (e) return e;
    if (t.h > 23 || t.mi > 59 || t.s > 59) return "no such time of day";
    *out = t;
    return NULL;
}

const char *dur_parse(const char *s, Secs *out)
{
    static const struct {
        const char *unit;
        Secs secs;
    } units[] = {{"min", 60}, {"w", 604800}, {"d", 86400}, {"h", 3600}, {"s", 1}};
    const Secs max = (Secs)3660 * 86400; /* ten years */
    Secs total = 0;
    const char *p = s;
    if (!*p) return "empty duration";
    while (*p) {
        if (*p < '0' || *p > '9') return "not a duration (such as 30min, 4h, 1d, 1h30min)";
        Secs v = 0;
        while (*p >= '0' && *p <= '9') {
            v = v * 10 + (*p++ - '0');
            if (v > max) return "duration too long (over ten years)";
        }
        size_t i;
        for (i = 0; i < ARRAY_LEN(units); i++) {
            size_t ul = strlen(units[i].unit);
            if (strncmp(p, units[i].unit, ul) == 0) {
                p += ul;
                break;
            }
        }
        if (i == ARRAY_LEN(units)) return "not a duration (such as 30min, 4h, 1d, 1h30min)";
        total += v * units[i].secs;
        if (total > max) return "duration too long (over ten years)";
    }
    *out = total;
    return NULL;
}

/* ---- zones -------------------------------------------------------------- */

struct Zone {
    char *name;
    GTimeZone *tz;
};

static Zone **zones;
static size_t nzones;

Zone *zone_get(const char *name)
{
    for (size_t i = 0; i < nzones; i++)
        if (strcmp(zones[i]->name, name) == 0) return zones[i];
    /* only names that look like IANA names; never a path or a POSIX TZ rule */
    if (!*name || name[0] == '/' || strstr(name, "..") || strlen(name) > 64) return NULL;
    for (const char *p = name; *p; p++)
        if (!g_ascii_isalnum(*p) && !strchr("/_+-", *p)) return NULL;
    GTimeZone *tz = g_time_zone_new_identifier(name);
    if (!tz) return NULL;
    Zone *z = xmalloc(sizeof *z);
    z->name = xstrdup(name);
    z->tz = tz;
    zones = xrealloc(zones, (nzones + 1) * sizeof *zones);
    zones[nzones++] = z;
    return z;
}

const char *zone_name(const Zone *z) { return z->name; }

void zone_cache_free(void)
{
    for (size_t i = 0; i < nzones; i++) {
        g_time_zone_unref(zones[i]->tz);
        free(zones[i]->name);
        free(zones[i]);
    }
    free(zones);
    zones = NULL;
    nzones = 0;
}

LocalStatus zone_local_to_utc(const Zone *z, int64_t days, int sec_of_day, Instant *out)
{
    gint64 local = days * 86400 + sec_of_day;
    gint ia = g_time_zone_find_interval(z->tz, G_TIME_TYPE_DAYLIGHT, local);
    gint ib = g_time_zone_find_interval(z->tz, G_TIME_TYPE_STANDARD, local);
    if (ia < 0 && ib < 0) {
        /* in a gap: the offset before the jump puts it past the jump */
        gint64 probe = local;
        gint i = g_time_zone_adjust_time(z->tz, G_TIME_TYPE_STANDARD, &probe);
        gint32 off = g_time_zone_get_offset(z->tz, i > 0 ? i - 1 : i);
        *out = local - off;
        return LT_GAP;
    }
    if (ia >= 0 && ib >= 0 && ia != ib) {
        /* a fold: the earlier interval gives the first occurrence */
        gint first = ia < ib ? ia : ib;
        *out = local - g_time_zone_get_offset(z->tz, first);
        return LT_FOLD;
    }
    gint i = ia >= 0 ? ia : ib;
    *out = local - g_time_zone_get_offset(z->tz, i);
    return LT_OK;
}

LocalStatus localtime_to_utc(const LocalTime *lt, const Zone *z, Instant *out)
{
    int64_t days = days_from_civil(lt->y, lt->mo, lt->d);
    int sod = lt->h * 3600 + lt->mi * 60 + lt->s;
    if (lt->has_offset || !z) {
        *out = days * 86400 + sod - (lt->has_offset ? lt->offset : 0);
        return LT_OK;
    }
    return zone_local_to_utc(z, days, sod, out);
}

void zone_utc_to_local(const Zone *z, Instant t, int64_t *days, int *sec_of_day, int *offset)
{
    gint i = g_time_zone_find_interval(z->tz, G_TIME_TYPE_UNIVERSAL, t);
    gint32 off = g_time_zone_get_offset(z->tz, i);
    int64_t local = t + off;
    int64_t d = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    if (days) *days = d;
    if (sec_of_day) *sec_of_day = (int)(local - d * 86400);
    if (offset) *offset = off;
}

Instant zone_day_start(const Zone *z, int64_t days)
{
    Instant t;
    LocalStatus st = zone_local_to_utc(z, days, 0, &t);
    (void)st; /* in a gap, t is the first instant after the jump: the day's start */
    return t;
}

char *date_format(Date d, char buf[static 16])
{
    snprintf(buf, 16, "%04d-%02d-%02d", d.y, d.m, d.d);
    return buf;
}

char *instant_format(const Zone *z, Instant t, char buf[static 48])
{
    int64_t days;
    int sod, off = 0;
    if (z)
        zone_utc_to_local(z, t, &days, &sod, &off);
    else {
        days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
        sod = (int)(t - days * 86400);
    }
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    int ao = off < 0 ? -off : off;
    if (off == 0 && !z)
        snprintf(buf, 48, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, sod / 3600, sod / 60 % 60, sod % 60);
    else
        snprintf(buf, 48, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, d, sod / 3600, sod / 60 % 60,
                 sod % 60, off < 0 ? '-' : '+', ao / 3600, ao / 60 % 60);
    return buf;
}
