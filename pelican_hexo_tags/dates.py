"""Hexo front-matter dates to timezone-aware datetimes.

Hexo reads the digits of a date as wall-clock time in the site's
``timezone`` (or the build machine's), whatever the YAML says. We keep the
digits too, so permalinks built from ``:year/:month/:day`` come out as Hexo
built them, and attach the site's timezone.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_DATE_TEXT = re.compile(
    r"""^\s*(?P<year>\d{4})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?
    (?:(?:[T\s]+|(?<=日))(?P<hour>\d{1,2})\s*[:时]\s*(?P<minute>\d{1,2})
        (?:\s*[:分]\s*(?P<second>\d{1,2})(?:\.(?P<fraction>\d+))?\s*秒?)?)?
    \s*(?P<zone>Z|[+-]\d{2}:?\d{2})?\s*$""",
    re.VERBOSE,
)


class InvalidDate(ValueError):
    """A date Hexo could not have used either."""


def get_timezone(name: str | None) -> dt.tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _from_aware(value: dt.datetime) -> dt.datetime:
    # hexo-front-matter reads an explicit offset's UTC digits as local time.
    return value.astimezone(dt.timezone.utc).replace(tzinfo=None)


def parse_hexo_date(value: object) -> dt.datetime:
    """A naive wall-clock datetime for a front-matter date value.

    Accepts what Hexo accepts: YAML dates and datetimes, ``YYYY/MM/DD HH:mm:ss``,
    ``YYYY-MM-DD HH:mm``, ``2020年4月27日22:19:27``, ISO with ``Z`` or an
    offset, and epoch milliseconds. Raises :class:`InvalidDate` otherwise.
    """
    if isinstance(value, bool) or value is None:
        raise InvalidDate(f"not a date: {value!r}")
    if isinstance(value, dt.datetime):
        return _from_aware(value) if value.tzinfo else value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)):
        try:
            return _from_aware(dt.datetime.fromtimestamp(value / 1000, dt.timezone.utc))
        except (OverflowError, OSError, ValueError) as error:
            # `date: 1e999` or NaN: no moment a clock can show.
            raise InvalidDate(f"not a date: {value!r}") from error
    match = _DATE_TEXT.match(str(value))
    if not match:
        raise InvalidDate(f"not a date: {value!r}")
    parts = {k: int(v) for k, v in match.groupdict().items() if v and k not in ("zone", "fraction")}
    try:
        parsed = dt.datetime(
            parts["year"],
            parts["month"],
            parts["day"],
            parts.get("hour", 0),
            parts.get("minute", 0),
            parts.get("second", 0),
        )
    except ValueError as error:
        raise InvalidDate(f"not a date: {value!r} ({error})") from error
    zone = match.group("zone")
    if zone:
        offset = dt.timedelta(0)
        if zone != "Z":
            sign = 1 if zone[0] == "+" else -1
            digits = zone[1:].replace(":", "")
            offset = sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        parsed = _from_aware(parsed.replace(tzinfo=dt.timezone(offset)))
    return parsed


def localize(naive: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """Attach ``zone`` to a wall-clock datetime (naive stays naive without one)."""
    return naive.replace(tzinfo=zone) if zone else naive
