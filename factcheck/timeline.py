"""Place time expressions on the UTC line, and compare them across zones.

Two outlets rarely disagree on when something happened as often as they seem
to: a US desk writes the Eastern day ("Sunday evening"), a regional desk the
local day ("before dawn Monday"). Resolving both to UTC with real zone offsets
(zoneinfo) tells an editor which differences are only a time zone.

Intervals are half-open `[start, end)` in UTC. A time with no known zone may be
in any zone, UTC-12 to UTC+14, and its interval widens accordingly.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from factcheck.knowledge import load
from factcheck.types import TimeRef

_ANY_ZONE = (-12.0, 14.0)
"""The range of UTC offsets (hours) on Earth, used when the zone is unknown."""


def _zone_name(ref: TimeRef, zone: str | None) -> str | None:
    """The zone a ref is expressed in: its own stated zone, else the one given."""
    return zone if ref.zone in (None, "local") else ref.zone


def _offsets(zone: str | None, days: list[date]) -> list[tuple[float, float]]:
    """The UTC offset (hours) of a zone on each date, as a range: a point for a
    known zone, every offset on Earth for an unknown one."""
    if zone is None:
        return [_ANY_ZONE for _ in days]
    tz = ZoneInfo(zone)
    hours = (datetime(d.year, d.month, d.day, 12, tzinfo=tz).utcoffset().total_seconds() / 3600 for d in days)
    return [(h, h) for h in hours]


def _hours(ref: TimeRef) -> tuple[float, float]:
    """Local hours `[start, end)` of the named day a ref covers, widened when approximate.

    Hours may fall below 0 or past 24 when a day part spills into a neighbour day.
    """
    words = load("time_words")
    if ref.clock is not None:
        start = ref.clock / 60
        span = (start, start + (1 if ref.precision == "hour" else 1 / 60))
    elif ref.day_part:
        span = tuple(words["day_parts"][ref.day_part]["hours"])
    else:
        span = (0.0, 24.0)
    margins = words["approximation"]["margin_minutes"]
    precision = "odd_minute" if ref.clock is not None and ref.clock % 5 else ref.precision
    margin = margins.get(precision, margins["other"]) / 60 if ref.approximate else 0.0
    return span[0] - margin, span[1] + margin


def _infer_year(month: int, day: int, reference: date) -> int:
    """A date without a year is the most recent one, allowing a month of look-ahead."""
    year = reference.year
    return year - 1 if date(year, month, min(day, 28)) > reference + timedelta(days=31) else year


def _day(ref: TimeRef, today: date | None) -> date | None:
    """The calendar day a ref names, if it names one and can be placed."""
    relative = load("time_words")["relative"].get(ref.relative or "", {})
    if ref.month and ref.day:
        year = ref.year or (today and _infer_year(ref.month, ref.day, today))
        return date(year, ref.month, ref.day) if year else None
    if today is None:
        return None
    if "days" in relative:
        return today + timedelta(days=relative["days"])
    if ref.weekday is None:
        return None
    back = (today.weekday() - ref.weekday) % 7
    word = (ref.relative or "").split(" ")[0]
    if word == "next":
        return today + timedelta(days=(ref.weekday - today.weekday()) % 7 or 7)
    return today - timedelta(days=back or (7 if word == "last" else 0))


def _span(ref: TimeRef, today: date | None) -> tuple[datetime, datetime] | None:
    """The naive local interval a ref denotes."""
    day = _day(ref, today)
    if day is not None:
        start, end = _hours(ref)
        midnight = datetime(day.year, day.month, day.day)
        return midnight + timedelta(hours=start), midnight + timedelta(hours=end)
    relative = load("time_words")["relative"].get(ref.relative or "")
    if relative and today is not None:
        return _relative_span(relative, today)
    year = ref.year or (today.year if today else None)
    if year is None or ref.clock is not None or ref.day_part or ref.weekday is not None:
        return None
    if ref.month is None:
        return datetime(year, 1, 1), datetime(year + 1, 1, 1)
    last = calendar.monthrange(year, ref.month)[1]
    first_day, last_day = load("time_words")["month_parts"].get(ref.month_part or "", [1, last])
    start = datetime(year, ref.month, first_day)
    return start, datetime(year, ref.month, min(last_day, last)) + timedelta(days=1)


def _relative_span(relative: dict, today: date) -> tuple[datetime, datetime]:
    """Whole week/month/year `shift` units away, or the last `back_days` days."""
    base = datetime(today.year, today.month, today.day)
    if "back_days" in relative:
        return base - timedelta(days=relative["back_days"]), base + timedelta(days=1)
    shift, unit = relative["shift"], relative["unit"]
    if unit == "week":
        monday = base - timedelta(days=today.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(weeks=1)
    if unit == "month":
        index = today.year * 12 + today.month - 1 + shift
        start = datetime(index // 12, index % 12 + 1, 1)
        return start, datetime((index + 1) // 12, (index + 1) % 12 + 1, 1)
    return datetime(today.year + shift, 1, 1), datetime(today.year + shift + 1, 1, 1)


def resolve(ref: TimeRef, zone: str | None, reference: datetime | None = None) -> tuple[datetime, datetime] | None:
    """The UTC interval `[start, end)` a time expression can denote, or None if it cannot be placed.

    `zone` is where the expression is told (the outlet's zone, or the event's
    for "local time"); a zone stated in the text wins. `reference` (an aware
    publication time) places weekdays and relative words.
    """
    name = _zone_name(ref, zone)
    tz = ZoneInfo(name) if name else UTC
    today = reference.astimezone(tz).date() if reference else None
    span = _span(ref, today)
    if span is None:
        return None
    start, end = (t.replace(tzinfo=tz).astimezone(UTC) for t in span)
    if name is None:
        low, high = _ANY_ZONE
        start, end = start - timedelta(hours=high), end - timedelta(hours=low)
    return start, end


def _weekday(ref: TimeRef) -> int | None:
    if ref.weekday is not None:
        return ref.weekday
    if ref.year and ref.month and ref.day:
        return date(ref.year, ref.month, ref.day).weekday()
    return None


def weekday_shift(
    a: TimeRef, zone_a: str | None, b: TimeRef, zone_b: str | None, reference: datetime | None = None
) -> str:
    """How two named days relate: `same`, `zone`, `conflict` or `unknown`.

    `zone`: the days differ, but given the day parts and the zones' offsets one
    instant can fall on both (Sunday evening in New York is before dawn Monday
    in Baghdad). `conflict`: no instant fits both, in any zone the refs may be
    in. `unknown`: no weekday, or only an unknown zone could reconcile them.
    Offsets are taken on the reference date when given, else on a January and
    a July day.
    """
    day_a, day_b = _weekday(a), _weekday(b)
    if day_a is None or day_b is None:
        return "unknown"
    if day_a == day_b:
        return "same"
    apart = (day_b - day_a) % 7
    apart = apart - 7 if apart > 3 else apart
    # Offsets on the reference date, else on a winter and a summer day, so that
    # standard and daylight time are both tried (the two zones change together).
    year = (reference or datetime.now(UTC)).year
    days = [reference.date()] if reference else [date(year, 1, 15), date(year, 7, 15)]
    start_a, end_a = _hours(a)
    start_b, end_b = _hours(b)
    name_a, name_b = _zone_name(a, zone_a), _zone_name(b, zone_b)
    for (low_a, high_a), (low_b, high_b) in zip(_offsets(name_a, days), _offsets(name_b, days), strict=True):
        # UTC hours from midnight UTC of day a; each offset range widens its side.
        utc_a = (start_a - high_a, end_a - low_a)
        utc_b = (24 * apart + start_b - high_b, 24 * apart + end_b - low_b)
        if utc_a[0] < utc_b[1] and utc_b[0] < utc_a[1]:
            return "zone" if name_a and name_b else "unknown"
    return "conflict"


def compatible_dates(a: TimeRef, b: TimeRef) -> bool:
    """Whether two calendar references can name the same day.

    Different precision is no conflict: "February 25" lies in "late February";
    only stated fields are compared (weekdays are `weekday_shift`'s job).
    """
    if a.year and b.year and a.year != b.year:
        return False
    if a.month is None or b.month is None:
        return True
    if a.month != b.month:
        return False
    low_a, high_a = _days_of_month(a)
    low_b, high_b = _days_of_month(b)
    return low_a <= high_b and low_b <= high_a


def _days_of_month(ref: TimeRef) -> tuple[int, int]:
    if ref.day:
        return ref.day, ref.day
    return tuple(load("time_words")["month_parts"].get(ref.month_part or "", [1, 31]))


@cache
def _place_zones() -> dict[str, str]:
    return {name.lower(): zone for table in load("timezones").values() for name, zone in table.items()}


def zone_for_places(names: list[str]) -> str | None:
    """The IANA zone of the first name (country, region or city) the zone table knows."""
    zones = _place_zones()
    for name in names:
        key = name.strip().lower().removeprefix("the ")
        if key in zones:
            return zones[key]
    return None


def rounding(time: TimeRef) -> float:
    """Hours a clock time may have been rounded by: more on the hour than on the half hour."""
    tolerance = load("time_words")["approximation"]["clock_tolerance_minutes"]
    if time.clock % 60 == 0:
        return tolerance["hour"] / 60
    return tolerance["half_hour"] / 60 if time.clock % 30 == 0 else 0.0


def clock_shift(
    a: TimeRef, zone_a: str | None, b: TimeRef, zone_b: str | None, reference: datetime | None = None
) -> str:
    """How two clock times of one event relate: `same`, `zone`, `conflict` or `unknown`.

    Both are read as times of day (the days are the weekday rule's business), widened
    by their approximation (more for a looser precision) and once by
    `clock_tolerance_minutes`, since outlets round.
    `same`: they overlap told in one zone, or in the zones the text states; `zone`:
    only in the two zones given;
    `conflict`: in no way; `unknown`: a clock is missing or a zone unknown.
    """
    if a.clock is None or b.clock is None:
        return "unknown"
    # outlets round to the hour or half hour; two times stated to the minute are not rounded
    slack = max(rounding(t) for t in (a, b))
    year = (reference or datetime.now(UTC)).year
    days = [reference.date()] if reference else [date(year, 1, 15), date(year, 7, 15)]
    (start_a, end_a), (start_b, end_b) = _hours(a), _hours(b)
    name_a, name_b = _zone_name(a, zone_a), _zone_name(b, zone_b)
    if name_a is None or name_b is None:
        return "unknown"
    for (offset_a, _), (offset_b, _) in zip(_offsets(name_a, days), _offsets(name_b, days), strict=True):
        utc_a = (start_a - offset_a - slack, end_a - offset_a + slack)
        utc_b = (start_b - offset_b, end_b - offset_b)
        if any(utc_a[0] < utc_b[1] + k and utc_b[0] + k < utc_a[1] for k in (-24, 0, 24)):
            stated = a.zone not in (None, "local") and b.zone not in (None, "local")
            return "same" if name_a == name_b or stated else "zone"
    return "conflict"
