"""Resolving time expressions to UTC and comparing them across zones, with pinned reference times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.times import extract_times
from factcheck.timeline import compatible_dates, resolve, weekday_shift, zone_for_places

# Monday 28 June 2021, 09:00 UTC: a morning-after publication time.
PUBLISHED = datetime(2021, 6, 28, 9, tzinfo=UTC)
NEW_YORK, BAGHDAD = "America/New_York", "Asia/Baghdad"


def ref(text: str):
    (only,) = extract_times(text)
    return only


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def test_timeline_us_evening_is_local_predawn_next_day():
    assert weekday_shift(ref("Sunday evening"), NEW_YORK, ref("before dawn on Monday"), BAGHDAD) == "zone"


def test_timeline_us_evening_and_local_predawn_resolve_to_overlapping_utc():
    evening = resolve(ref("Sunday evening"), NEW_YORK, PUBLISHED)
    predawn = resolve(ref("before dawn on Monday"), BAGHDAD, PUBLISHED)
    assert overlaps(evening, predawn)


def test_timeline_whole_days_a_zone_apart_can_overlap():
    assert weekday_shift(ref("Sunday"), NEW_YORK, ref("Monday"), BAGHDAD) == "zone"


def test_timeline_next_day_in_the_same_zone_is_a_conflict():
    assert weekday_shift(ref("Sunday"), NEW_YORK, ref("Monday"), NEW_YORK) == "conflict"


def test_timeline_two_days_apart_is_a_conflict_whatever_the_zones():
    assert weekday_shift(ref("Tuesday"), NEW_YORK, ref("Thursday"), BAGHDAD) == "conflict"
    assert weekday_shift(ref("Tuesday"), None, ref("Thursday"), BAGHDAD) == "conflict"


def test_timeline_days_only_an_unknown_zone_could_reconcile_are_unknown():
    assert weekday_shift(ref("Sunday"), None, ref("Monday"), BAGHDAD) == "unknown"


def test_timeline_morning_in_new_york_is_not_predawn_next_day_in_baghdad():
    assert weekday_shift(ref("Sunday morning"), NEW_YORK, ref("before dawn Monday"), BAGHDAD) == "conflict"


def test_timeline_same_weekday_is_same_and_missing_weekday_is_unknown():
    assert weekday_shift(ref("Friday night"), NEW_YORK, ref("early Friday"), BAGHDAD) == "same"
    assert weekday_shift(ref("in the morning"), NEW_YORK, ref("Friday"), BAGHDAD) == "unknown"


def test_timeline_full_date_gives_its_weekday():
    # 27 June 2021 was a Sunday.
    assert weekday_shift(ref("June 27, 2021"), NEW_YORK, ref("Sunday"), NEW_YORK) == "same"


def test_timeline_edt_and_gmt_name_the_same_instant():
    edt = resolve(ref("11 pm EDT Sunday"), None, PUBLISHED)
    gmt = resolve(ref("0300 GMT Monday"), None, PUBLISHED)
    assert edt[0] == gmt[0] == datetime(2021, 6, 28, 3, tzinfo=UTC)


def test_timeline_local_time_takes_the_event_zone():
    start, end = resolve(ref("around 1 a.m. local time on Monday"), BAGHDAD, PUBLISHED)
    assert start <= datetime(2021, 6, 27, 22, tzinfo=UTC) < end
    assert end - start == timedelta(hours=2)


def test_timeline_stated_zone_overrides_the_given_zone():
    assert resolve(ref("0600 GMT Monday"), BAGHDAD, PUBLISHED)[0] == datetime(2021, 6, 28, 6, tzinfo=UTC)


def test_timeline_weekday_without_reference_cannot_be_placed():
    assert resolve(ref("Sunday"), NEW_YORK) is None


def test_timeline_weekday_is_the_most_recent_one_before_publication():
    start, end = resolve(ref("Sunday"), "UTC", PUBLISHED)
    assert (start, end) == (datetime(2021, 6, 27, tzinfo=UTC), datetime(2021, 6, 28, tzinfo=UTC))


def test_timeline_unknown_zone_widens_to_every_offset():
    start, end = resolve(ref("Sunday"), None, PUBLISHED)
    assert end - start == timedelta(hours=24 + 26)


def test_timeline_relative_words_follow_the_reference():
    assert resolve(ref("yesterday"), "UTC", PUBLISHED)[0] == datetime(2021, 6, 27, tzinfo=UTC)
    assert resolve(ref("last week"), "UTC", PUBLISHED) == (
        datetime(2021, 6, 21, tzinfo=UTC),
        datetime(2021, 6, 28, tzinfo=UTC),
    )
    assert resolve(ref("last month"), "UTC", PUBLISHED)[0] == datetime(2021, 5, 1, tzinfo=UTC)


def test_timeline_date_without_year_takes_the_reference_year():
    assert resolve(ref("Feb. 25"), "UTC", PUBLISHED)[0] == datetime(2021, 2, 25, tzinfo=UTC)
    assert resolve(ref("December 30"), "UTC", PUBLISHED)[0] == datetime(2020, 12, 30, tzinfo=UTC)


def test_timeline_month_part_is_a_range_of_days():
    start, end = resolve(ref("late February 2021"), "UTC")
    assert (start.day, end.month, end.day) == (21, 3, 1)


def test_timeline_day_inside_a_month_part_is_compatible():
    assert compatible_dates(ref("February 25"), ref("late February"))
    assert not compatible_dates(ref("February 25"), ref("early February"))
    assert not compatible_dates(ref("in February"), ref("in March"))
    assert compatible_dates(ref("February 25, 2021"), ref("in February"))
    assert not compatible_dates(ref("June 27, 2021"), ref("June 27, 2020"))


def test_timeline_zone_for_places_takes_the_first_known_name():
    assert zone_for_places(["Atlantis", "Iraq", "Japan"]) == BAGHDAD
    assert zone_for_places(["the United States"]) == NEW_YORK
    assert zone_for_places(["japan"]) == "Asia/Tokyo"
    assert zone_for_places(["Atlantis"]) is None


ZONES = st.sampled_from([None, "UTC", NEW_YORK, BAGHDAD, "Asia/Kolkata", "Pacific/Auckland"])
PHRASES = st.sampled_from(
    ["Sunday", "Monday evening", "before dawn on Tuesday", "early Friday", "Saturday night", "3 p.m. on Wednesday"]
)


@settings(max_examples=200, deadline=None)
@given(a=PHRASES, zone_a=ZONES, b=PHRASES, zone_b=ZONES)
def test_timeline_weekday_shift_is_symmetric_and_agrees_with_resolve(a, zone_a, b, zone_b):
    ref_a, ref_b = ref(a), ref(b)
    shift = weekday_shift(ref_a, zone_a, ref_b, zone_b, PUBLISHED)
    assert shift == weekday_shift(ref_b, zone_b, ref_a, zone_a, PUBLISHED)
    span_a, span_b = resolve(ref_a, zone_a, PUBLISHED), resolve(ref_b, zone_b, PUBLISHED)
    if shift == "conflict":
        assert not overlaps(span_a, span_b)
