/*
 * test_dtime.c: the civil calendar, the parsers and time zones.
 * Expected values were worked out by hand or read from `date -u` / zdump.
 */
#include "../../src/dtime.h"
#include "unit.h"

TEST(civil_days_known_dates)
{
    CHECK_INT(days_from_civil(1970, 1, 1), 0);
    CHECK_INT(days_from_civil(2000, 3, 1), 11017); /* date -d 2000-03-01 +%s / 86400 */
    CHECK_INT(days_from_civil(2026, 8, 31), 20696);
    CHECK_INT(days_from_civil(1969, 12, 31), -1);
    int y, m, d;
    civil_from_days(20696, &y, &m, &d);
    CHECK_INT(y, 2026);
    CHECK_INT(m, 8);
    CHECK_INT(d, 31);
    /* round trip over four centuries, leap days included */
    for (int64_t z = days_from_civil(1900, 1, 1); z < days_from_civil(2300, 1, 1); z += 1) {
        civil_from_days(z, &y, &m, &d);
        if (days_from_civil(y, m, d) != z) {
            CHECK(!"round trip");
            break;
        }
    }
}

TEST(weekday)
{
    CHECK_INT(weekday_of_days(days_from_civil(2026, 11, 22)), 6); /* a Sunday */
    CHECK_INT(weekday_of_days(days_from_civil(2026, 9, 28)), 0);  /* a Monday */
    CHECK_INT(weekday_of_days(days_from_civil(1970, 1, 1)), 3);   /* a Thursday */
    CHECK_INT(weekday_of_days(-1), 2);
}

TEST(month_lengths)
{
    CHECK_INT(days_in_month(2024, 2), 29);
    CHECK_INT(days_in_month(2100, 2), 28);
    CHECK_INT(days_in_month(2000, 2), 29);
    CHECK_INT(days_in_month(2026, 4), 30);
    Date d = {2026, 11, 1};
    Date n = month_add(d, 2);
    CHECK_INT(n.y, 2027);
    CHECK_INT(n.m, 1);
    n = month_add(d, -11);
    CHECK_INT(n.y, 2025);
    CHECK_INT(n.m, 12);
}

TEST(date_parser)
{
    Date d;
    CHECK(date_parse("2026-02-28", &d) == NULL);
    CHECK(date_parse("2026-02-29", &d) != NULL);
    CHECK(date_parse("2024-02-29", &d) == NULL);
    CHECK(date_parse("0000-01-01", &d) != NULL);
    CHECK(date_parse("9999-12-31", &d) != NULL);
    CHECK(date_parse("2026-13-01", &d) != NULL);
    CHECK(date_parse("2026-1-01", &d) != NULL);
    CHECK(date_parse("2026-01-01x", &d) != NULL);
    CHECK(month_parse("2026-08", &d) == NULL && d.m == 8 && d.d == 1);
    CHECK(month_parse("2026-00", &d) != NULL);
}

TEST(clock_parser)
{
    int m;
    CHECK(clock_parse("08:30", &m) == NULL);
    CHECK_INT(m, 510);
    CHECK(clock_parse("24:00", &m) == NULL);
    CHECK_INT(m, 1440);
    CHECK(clock_parse("24:01", &m) != NULL);
    CHECK(clock_parse("12:60", &m) != NULL);
    CHECK(clock_parse("8:30", &m) != NULL);
}

TEST(duration_parser)
{
    Secs s;
    CHECK(dur_parse("30min", &s) == NULL);
    CHECK_INT(s, 1800);
    CHECK(dur_parse("1h30min", &s) == NULL);
    CHECK_INT(s, 5400);
    CHECK(dur_parse("1w2d", &s) == NULL);
    CHECK_INT(s, 9 * 86400);
    CHECK(dur_parse("45s", &s) == NULL);
    CHECK_INT(s, 45);
    CHECK(dur_parse("", &s) != NULL);
    CHECK(dur_parse("4", &s) != NULL);
    CHECK(dur_parse("4hours", &s) != NULL);
    CHECK(dur_parse("-4h", &s) != NULL);
    CHECK(dur_parse("99999999999h", &s) != NULL);
    CHECK(dur_parse("3661d", &s) != NULL); /* over ten years */
}

TEST(timestamp_parser)
{
    LocalTime t;
    CHECK(localtime_parse("2026-08-03T09:12", &t) == NULL);
    CHECK(!t.has_offset && t.h == 9 && t.mi == 12 && t.s == 0);
    CHECK(localtime_parse("2026-08-03T09:12:30+08:00", &t) == NULL);
    CHECK(t.has_offset && t.offset == 8 * 3600 && t.s == 30);
    CHECK(localtime_parse("2026-08-03T01:12Z", &t) == NULL);
    CHECK(t.has_offset && t.offset == 0);
    CHECK(localtime_parse("2026-08-03T01:12-03:30", &t) == NULL);
    CHECK_INT(t.offset, -(3 * 3600 + 1800));
    CHECK(localtime_parse("2026-08-03 09:12", &t) != NULL);
    CHECK(localtime_parse("2026-08-03T25:12", &t) != NULL);
    CHECK(localtime_parse("2026-08-03T09:12+8", &t) != NULL);
}

static Instant utc(int y, int mo, int d, int h, int mi)
{
    return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

TEST(zone_shanghai)
{
    Zone *z = zone_get("Asia/Shanghai");
    CHECK(z != NULL);
    if (!z) return;
    Instant t;
    CHECK_INT(zone_local_to_utc(z, days_from_civil(2026, 8, 3), 9 * 3600 + 12 * 60, &t), LT_OK);
    CHECK_INT(t, utc(2026, 8, 3, 1, 12));
    CHECK(zone_get("Mars/Olympus") == NULL);
    CHECK(zone_get("../etc/passwd") == NULL);
    CHECK(zone_get("/etc/localtime") == NULL);
}

/* Europe/Berlin: 2026-03-29 02:00 CET jumps to 03:00 CEST (a 23-hour day);
 * 2026-10-25 03:00 CEST falls back to 02:00 CET (a 25-hour day). */
TEST(zone_dst_gap_and_fold)
{
    Zone *z = zone_get("Europe/Berlin");
    CHECK(z != NULL);
    if (!z) return;
    Instant t;
    int64_t spring = days_from_civil(2026, 3, 29), autumn = days_from_civil(2026, 10, 25);
    CHECK_INT(zone_local_to_utc(z, spring, 2 * 3600 + 30 * 60, &t), LT_GAP);
    CHECK_INT(zone_local_to_utc(z, spring, 3 * 3600, &t), LT_OK);
    CHECK_INT(t, utc(2026, 3, 29, 1, 0));
    CHECK_INT(zone_local_to_utc(z, spring, 1 * 3600 + 59 * 60, &t), LT_OK);
    CHECK_INT(t, utc(2026, 3, 29, 0, 59));
    CHECK_INT(zone_local_to_utc(z, autumn, 2 * 3600 + 30 * 60, &t), LT_FOLD);
    CHECK_INT(t, utc(2026, 10, 25, 0, 30)); /* the first 02:30, still CEST */
    /* day lengths from midnight to midnight */
    CHECK_INT(zone_day_start(z, spring + 1) - zone_day_start(z, spring), 23 * 3600);
    CHECK_INT(zone_day_start(z, autumn + 1) - zone_day_start(z, autumn), 25 * 3600);
    CHECK_INT(zone_day_start(z, autumn + 2) - zone_day_start(z, autumn + 1), 24 * 3600);
    int64_t days;
    int sod, off;
    zone_utc_to_local(z, utc(2026, 10, 25, 1, 30), &days, &sod, &off);
    CHECK_INT(days, autumn);
    CHECK_INT(sod, 2 * 3600 + 30 * 60); /* the second 02:30, CET */
    CHECK_INT(off, 3600);
}

TEST(timestamp_offset_wins)
{
    Zone *z = zone_get("Europe/Berlin");
    LocalTime lt;
    CHECK(localtime_parse("2026-03-29T02:30+01:00", &lt) == NULL);
    Instant t;
    CHECK_INT(localtime_to_utc(&lt, z, &t), LT_OK);
    CHECK_INT(t, utc(2026, 3, 29, 1, 30));
}

TEST(instant_format)
{
    char buf[48];
    Zone *z = zone_get("Asia/Shanghai");
    CHECK_STR(instant_format(z, utc(2026, 8, 3, 1, 12), buf), "2026-08-03T09:12:00+08:00");
    CHECK_STR(instant_format(NULL, utc(2026, 8, 3, 1, 12), buf), "2026-08-03T01:12:00Z");
}
