/*
 * dtime.h: dates, clock times, timestamps, durations and time zones.
 *
 * Units: an Instant is seconds since 1970-01-01T00:00:00Z (UTC); a Secs is
 * a duration in seconds; a day number counts days since 1970-01-01 in the
 * proleptic Gregorian calendar. Zones are IANA names read from the system's
 * tz database through GLib's GTimeZone (daylight-saving included).
 */
#ifndef DOSSIER_DTIME_H
#define DOSSIER_DTIME_H

#include <stdbool.h>
#include <stdint.h>

typedef int64_t Instant; /* seconds since the Unix epoch, UTC */
typedef int64_t Secs;    /* a duration, seconds */

/* Years dossier accepts in any date: a date outside is an error. */
enum { YEAR_MIN = 1900, YEAR_MAX = 2199 };

typedef struct Date {
    int y, m, d;
} Date;

/* A timestamp as written: local fields, and an offset if one was given. */
typedef struct LocalTime {
    int y, mo, d, h, mi, s;
    bool has_offset;
    int offset; /* seconds east of UTC */
} LocalTime;

/* Parsers return NULL on success or a static phrase saying what is wrong. */
const char *date_parse(const char *s, Date *out);      /* 2026-08-31 */
const char *month_parse(const char *s, Date *out);     /* 2026-08 -> day 1 */
const char *clock_parse(const char *s, int *minutes);  /* 08:00, 24:00 -> minutes of day */
const char *localtime_parse(const char *s, LocalTime *out);
/* 1h30min -> seconds; max 10 years */
const char *dur_parse(const char *s, Secs *out);

int64_t days_from_civil(int y, int m, int d);
void civil_from_days(int64_t z, int *y, int *m, int *d);
int64_t date_days(Date d);
int weekday_of_days(int64_t days); /* 0 = Monday .. 6 = Sunday */
int days_in_month(int y, int m);
int date_cmp(Date a, Date b);
/* Month arithmetic: the first day of the month n months after d's month. */
Date month_add(Date d, int n);

/* Time zones, cached for the run. zone_get returns NULL for an unknown name. */
typedef struct Zone Zone;
Zone *zone_get(const char *name);
const char *zone_name(const Zone *z);
void zone_cache_free(void);

typedef enum { LT_OK, LT_GAP, LT_FOLD } LocalStatus;
/* Local wall-clock time in zone -> instant. In a gap (a time that does not
 * exist, such as 02:30 on a spring-forward day) returns LT_GAP and the
 * instant of the same wall time shifted by the jump; in a fold (a time that
 * happens twice) returns LT_FOLD and the first of the two. */
LocalStatus zone_local_to_utc(const Zone *z, int64_t days, int sec_of_day, Instant *out);
/* Timestamp -> instant: with an offset the zone is not consulted. */
LocalStatus localtime_to_utc(const LocalTime *lt, const Zone *z, Instant *out);
/* Instant -> local day number and seconds of day in zone. */
void zone_utc_to_local(const Zone *z, Instant t, int64_t *days, int *sec_of_day, int *offset);
/* The instant local midnight starts day `days` in zone (the first instant of
 * that date, even when midnight itself falls in a gap). */
Instant zone_day_start(const Zone *z, int64_t days);

/* Formatting into a caller's buffer; returns buf. */
char *date_format(Date d, char buf[static 16]);
/* RFC 3339 in the zone's offset: 2026-08-03T09:12:00+08:00 */
char *instant_format(const Zone *z, Instant t, char buf[static 48]);

#endif
