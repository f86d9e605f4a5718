"""Hexo front-matter dates to timezone-aware datetimes.

Hexo reads the digits of a date as wall-clock time in the site's
``timezone`` (or the build machine's), whatever the YAML says. We keep the
digits too, so permalinks built from ``:year/:month/:day`` come out as Hexo
built them, and attach the site's timezone.

A front-matter value that js-yaml did not already turn into a ``Date`` goes
through Hexo's ``toDate`` (``hexo:lib/plugins/processor/common.ts``): a falsy
value is no date, anything else is ``new Date(value)``, and a ``NaN`` result
is no date either. For a string that is V8's ``DateParser``
(``src/date/dateparser-inl.h``): the ES5 ISO form first, then the lenient
legacy reader, which is what puts ``2020-09-06 22:010:17`` and
``2023/08/22 12:42:33:16`` on their day. :func:`parse_hexo_date` follows that
reader step by step so it accepts and rejects exactly the strings Node does.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pelican.utils import SafeDatetime


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


def _to_milliseconds(value: dt.datetime) -> dt.datetime:
    # A JavaScript Date holds whole milliseconds; js-yaml keeps three fraction digits.
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


_EPOCH = dt.datetime(1970, 1, 1)
_MS_PER_DAY = 86_400_000
# ECMAScript's TimeClip: a Date is at most 10^8 days either side of the epoch.
_MAX_TIME_MS = 8_640_000_000_000_000


def _from_epoch_ms(ms: int, value: object) -> dt.datetime:
    if abs(ms) > _MAX_TIME_MS:
        raise InvalidDate(f"not a date: {value!r} (outside JavaScript's date range)")
    try:
        return _EPOCH + dt.timedelta(milliseconds=ms)
    except OverflowError as error:
        # Valid in JavaScript (years 0 and below, or past 9999) but not in Python.
        raise InvalidDate(f"not a date: {value!r} (year outside 1..9999)") from error


def parse_hexo_date(value: object) -> dt.datetime:
    """A naive wall-clock datetime for a front-matter date value.

    Accepts what Hexo 8 accepts: YAML dates and datetimes, epoch milliseconds,
    and any string V8's ``new Date(string)`` reads (``YYYY/MM/DD HH:mm:ss``,
    ``2020-9-6``, ``Sun Sep 06 2020 22:10:17 GMT+0800``, ``September 6,
    2020``, ISO with ``Z`` or an offset, ...), with out-of-range days rolled
    over as JavaScript does (``2020-02-30`` is 1 March). A string with an
    offset or zone gives its UTC digits, as Hexo's timezone shift does.
    Raises :class:`InvalidDate` where Hexo falls back to the file name date
    or the file's birth time.
    """
    if value is None or value is False:
        raise InvalidDate(f"not a date: {value!r}")
    if value is True:
        # new Date(true) is new Date(1): one millisecond past the epoch.
        return _from_epoch_ms(1, value)
    if isinstance(value, dt.datetime):
        return _to_milliseconds(_from_aware(value) if value.tzinfo else value)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)):
        # 0 and NaN are falsy, so toDate returns them untouched and Hexo sees no date.
        if not value or not math.isfinite(value):
            raise InvalidDate(f"not a date: {value!r}")
        if abs(value) > _MAX_TIME_MS:
            raise InvalidDate(f"not a date: {value!r} (outside JavaScript's date range)")
        return _from_epoch_ms(int(value), value)
    if isinstance(value, str):
        if not value:
            raise InvalidDate("not a date: ''")
        text = value
    elif isinstance(value, (list, tuple)):
        # new Date([2020, 9, 6]) parses the array's string, "2020,9,6".
        text = _js_string(value)
    else:
        raise InvalidDate(f"not a date: {value!r}")
    fields = _v8_parse(text) or _cjk_date(text)
    if fields is None:
        raise InvalidDate(f"not a date: {value!r}")
    year, month, day, hour, minute, second, millisecond, offset = fields
    ms = (_days_from_civil(year, month, 1) + day - 1) * _MS_PER_DAY
    ms += ((hour * 60 + minute) * 60 + second) * 1000 + millisecond
    if offset is not None:
        ms -= offset * 1000
    return _from_epoch_ms(ms, value)


# ``2020年4月27日22:19:27``. V8 reads 年 as a word and gives up, so Hexo dated such a post by the file's
# birth time on the machine that built it: a time no checkout keeps. The date the author wrote is the
# best guess at where the post stood, so it is read here, a deliberate departure from Hexo.
_CJK_DATE = re.compile(
    r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*"
    r"(?:(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})\s*秒?|\s*分)?)?\s*$"
)


def _cjk_date(text: str) -> tuple[int, int, int, int, int, int, int, int | None] | None:
    match = _CJK_DATE.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour <= 24 and minute <= 59 and second <= 59):
        return None
    return year, month, day, hour, minute, second, 0, None


_YAML_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
    r"(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?"
    r"(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?"
)


def js_yaml_timestamp(text: str) -> dt.datetime | None:
    """The wall-clock digits of js-yaml's ``Date`` for a YAML timestamp scalar, or ``None``.

    js-yaml builds the date with ``Date.UTC``, which rolls fields over instead
    of refusing them (``2020-13-01`` is 1 January 2021, ``22:10:60`` is
    22:11:00) and reads years 0-99 as 1900-1999, so an unquoted timestamp
    that PyYAML cannot build still has a day in Hexo. ``None`` where the text
    is not a YAML timestamp or the day is outside Python's years.
    """
    match = _YAML_TIMESTAMP.fullmatch(text)
    if not match or (match.group(4) is None and (len(match.group(2)) != 2 or len(match.group(3)) != 2)):
        return None
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    if year <= 99:
        year += 1900
    month -= 1
    year, month = year + month // 12, month % 12
    hour, minute, second = (int(match.group(i) or 0) for i in (4, 5, 6))
    millisecond = int((match.group(7) or "")[:3].ljust(3, "0"))
    ms = (_days_from_civil(year, month + 1, 1) + day - 1) * _MS_PER_DAY
    ms += ((hour * 60 + minute) * 60 + second) * 1000 + millisecond
    if match.group(9):
        delta = (int(match.group(10)) * 60 + int(match.group(11) or 0)) * 60_000
        ms -= delta if match.group(9) == "+" else -delta
    try:
        return _from_epoch_ms(ms, text)
    except InvalidDate:
        return None


def _js_string(value: object) -> str:
    """``String(value)`` for what YAML can put in a list."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(_js_string(item) for item in value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 in the proleptic Gregorian calendar, for any year."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468


# V8's DateParser, token by token. Names follow dateparser.h so the two can be read side by side.

_NONE = 2**31 - 1  # kNone
_MAX_SIGNIFICANT_DIGITS = 9

_INVALID_TOKEN, _UNKNOWN, _WHITESPACE, _NUMBER, _SYMBOL, _END = range(-6, 0)
_KW_INVALID, _MONTH_NAME, _TIME_ZONE_NAME, _TIME_SEPARATOR, _AM_PM = range(5)

_KEYWORDS: tuple[tuple[str, int, int], ...] = (
    ("jan", _MONTH_NAME, 1),
    ("feb", _MONTH_NAME, 2),
    ("mar", _MONTH_NAME, 3),
    ("apr", _MONTH_NAME, 4),
    ("may", _MONTH_NAME, 5),
    ("jun", _MONTH_NAME, 6),
    ("jul", _MONTH_NAME, 7),
    ("aug", _MONTH_NAME, 8),
    ("sep", _MONTH_NAME, 9),
    ("oct", _MONTH_NAME, 10),
    ("nov", _MONTH_NAME, 11),
    ("dec", _MONTH_NAME, 12),
    ("am\0", _AM_PM, 0),
    ("pm\0", _AM_PM, 12),
    ("ut\0", _TIME_ZONE_NAME, 0),
    ("utc", _TIME_ZONE_NAME, 0),
    ("z\0\0", _TIME_ZONE_NAME, 0),
    ("gmt", _TIME_ZONE_NAME, 0),
    ("cdt", _TIME_ZONE_NAME, -5),
    ("cst", _TIME_ZONE_NAME, -6),
    ("edt", _TIME_ZONE_NAME, -4),
    ("est", _TIME_ZONE_NAME, -5),
    ("mdt", _TIME_ZONE_NAME, -6),
    ("mst", _TIME_ZONE_NAME, -7),
    ("pdt", _TIME_ZONE_NAME, -7),
    ("pst", _TIME_ZONE_NAME, -8),
    ("t\0\0", _TIME_SEPARATOR, 0),
)


def _is_js_space(char: str) -> bool:
    """ECMAScript WhiteSpace (V8's IsWhiteSpace): not line terminators, so U+2028 is a word."""
    return char in "\t\v\f \ufeff" or unicodedata.category(char) == "Zs"


_DIGITS = frozenset("0123456789")


class _Token:
    __slots__ = ("length", "tag", "value")

    def __init__(self, tag: int, length: int, value: int) -> None:
        self.tag = tag  # one of the _INVALID_TOKEN.._END tags, or a keyword type (>= 0)
        self.length = length
        self.value = value

    def is_number(self) -> bool:
        return self.tag == _NUMBER

    def is_fixed_number(self, length: int) -> bool:
        return self.tag == _NUMBER and self.length == length

    def is_symbol(self, symbol: str) -> bool:
        return self.tag == _SYMBOL and self.value == ord(symbol)

    def is_sign(self) -> bool:
        return self.tag == _SYMBOL and self.value in (43, 45)

    def sign(self) -> int:
        return 44 - self.value  # '+' is 43, '-' is 45

    def is_keyword(self) -> bool:
        return self.tag >= 0

    def is_z(self) -> bool:
        return self.tag == _TIME_ZONE_NAME and self.length == 1 and self.value == 0


_END_TOKEN = _Token(_END, 0, -1)
_INVALID = _Token(_INVALID_TOKEN, 0, -1)


class _Scanner:
    """DateStringTokenizer over InputReader: one token of look-ahead."""

    def __init__(self, text: str) -> None:
        # InputReader reads a NUL character as the end of the input.
        self.text = text.split("\0", 1)[0]
        self.pos = 0
        self.next_token = self._scan()

    def next(self) -> _Token:
        token = self.next_token
        self.next_token = self._scan()
        return token

    def peek(self) -> _Token:
        return self.next_token

    def skip_symbol(self, symbol: str) -> bool:
        if self.next_token.is_symbol(symbol):
            self.next_token = self._scan()
            return True
        return False

    def _scan(self) -> _Token:
        text, start = self.text, self.pos
        if start >= len(text):
            return _END_TOKEN
        char = text[start]
        if char in _DIGITS:
            end = start
            while end < len(text) and text[end] in _DIGITS:
                end += 1
            self.pos = end
            # Leading zeros are skipped, then digits past the ninth are read but ignored.
            first = start
            while first < end and text[first] == "0":
                first += 1
            number = int(text[first : min(end, first + _MAX_SIGNIFICANT_DIGITS)] or "0")
            return _Token(_NUMBER, end - start, number)
        if char in ":-+.)":
            self.pos += 1
            return _Token(_SYMBOL, 1, ord(char))
        if char >= "A" and not _is_js_space(char):
            end = start
            while end < len(text) and text[end] >= "A" and not _is_js_space(text[end]):
                end += 1
            self.pos = end
            length = end - start
            # AsciiAlphaToLower is `c | 0x20`, applied to whatever the character is.
            prefix = "".join(chr(ord(c) | 0x20) for c in text[start : min(end, start + 3)]).ljust(3, "\0")
            for word, kind, value in _KEYWORDS:
                if word == prefix and (length <= 3 or kind == _MONTH_NAME):
                    return _Token(kind, length, value)
            return _Token(_KW_INVALID, length, 0)
        if char in "\n\r" or _is_js_space(char):
            self.pos += 1
            return _Token(_WHITESPACE, 1, -1)
        if char == "(":
            balance = 0
            pos = start
            while True:
                if text[pos] == ")":
                    balance -= 1
                elif text[pos] == "(":
                    balance += 1
                pos += 1
                if balance <= 0 or pos >= len(text):
                    break
            self.pos = pos
            return _Token(_UNKNOWN, 1, -1)
        self.pos += 1
        return _Token(_UNKNOWN, 1, -1)


def _is_month(n: int) -> bool:
    return 1 <= n <= 12


def _is_day(n: int) -> bool:
    return 1 <= n <= 31


def _is_hour(n: int) -> bool:
    return 0 <= n <= 23


def _is_minute(n: int) -> bool:
    return 0 <= n <= 59


class _TimeZone:
    def __init__(self) -> None:
        self.sign = _NONE
        self.hour = _NONE
        self.minute = _NONE

    def set(self, offset_in_hours: int) -> None:
        self.sign = -1 if offset_in_hours < 0 else 1
        self.hour = offset_in_hours * self.sign
        self.minute = 0

    def is_expecting(self, n: int) -> bool:
        return self.hour != _NONE and self.minute == _NONE and _is_minute(n)

    def is_utc(self) -> bool:
        return self.hour == 0 and self.minute == 0

    def is_empty(self) -> bool:
        return self.hour == _NONE

    def offset_seconds(self) -> int | bool | None:
        """The UTC offset, ``None`` for local time, ``False`` for an impossible one."""
        if self.sign == _NONE:
            return None
        hour = 0 if self.hour == _NONE else self.hour
        minute = 0 if self.minute == _NONE else self.minute
        # V8 sums in 32-bit unsigned arithmetic, then refuses more than Smi::kMaxValue.
        total = (hour * 3600 + minute * 60) % 2**32
        if total > 2**31 - 1:
            return False
        return -total if self.sign < 0 else total


class _Time:
    def __init__(self) -> None:
        self.comp: list[int] = []
        self.hour_offset = _NONE

    def is_empty(self) -> bool:
        return not self.comp

    def is_expecting(self, n: int) -> bool:
        index = len(self.comp)
        return (index == 1 and _is_minute(n)) or (index == 2 and _is_minute(n)) or (index == 3 and 0 <= n <= 999)

    def add(self, n: int) -> bool:
        if len(self.comp) >= 4:
            return False
        self.comp.append(n)
        return True

    def add_final(self, n: int) -> bool:
        if not self.add(n):
            return False
        self.comp.extend([0] * (4 - len(self.comp)))
        return True

    def write(self) -> tuple[int, int, int, int] | None:
        hour, minute, second, millisecond = self.comp + [0] * (4 - len(self.comp))
        if self.hour_offset != _NONE:
            if not 0 <= hour <= 12:
                return None
            hour = hour % 12 + self.hour_offset
        in_range = _is_hour(hour) and _is_minute(minute) and _is_minute(second) and 0 <= millisecond <= 999
        # 24:00:00.000 is the end of the day; nothing else past 23:59.
        if not in_range and (hour, minute, second, millisecond) != (24, 0, 0, 0):
            return None
        return hour, minute, second, millisecond


class _Day:
    def __init__(self) -> None:
        self.comp: list[int] = []
        self.named_month = _NONE
        self.is_iso_date = False

    def is_empty(self) -> bool:
        return not self.comp

    def add(self, n: int) -> bool:
        if len(self.comp) >= 3:
            return False
        self.comp.append(n)
        return True

    def write(self) -> tuple[int, int, int] | None:
        if not self.comp:
            return None
        # Missing fields are 1. V8 fills them in before it looks at how many were
        # given, so "0" is year 0 (2000) and "Sep 6" is 6 Sep 2001.
        comp = self.comp + [1] * (3 - len(self.comp))
        if self.named_month == _NONE:
            if self.is_iso_date or not _is_day(comp[0]):
                year, month, day = comp
            else:
                month, day, year = comp
        else:
            month = self.named_month
            if not _is_day(comp[0]):
                year, day = comp[0], comp[1]
            else:
                day, year = comp[0], comp[1]
        if not self.is_iso_date:
            if 0 <= year <= 49:
                year += 2000
            elif 50 <= year <= 99:
                year += 1900
        if not (_is_month(month) and _is_day(day)):
            return None
        return year, month, day


def _read_milliseconds(token: _Token) -> int:
    number, length = token.value, token.length
    if length == 1:
        return number * 100
    if length == 2:
        return number * 10
    if length > 3:
        return number // 10 ** (min(length, _MAX_SIGNIFICANT_DIGITS) - 3)
    return number


def _iso_minutes_follow(scanner: _Scanner, hour_is_24: bool) -> bool:
    """Whether two digits of minutes (or seconds) come next, and only zeros after hour 24."""
    token = scanner.peek()
    return token.is_fixed_number(2) and _is_minute(token.value) and not (hour_is_24 and token.value > 0)


def _parse_es5(scanner: _Scanner, day: _Day, time: _Time, tz: _TimeZone) -> _Token:
    """ParseES5DateTime: the token the legacy reader goes on with, _END_TOKEN, or _INVALID."""
    if scanner.peek().is_sign():
        sign_token = scanner.next()
        if not scanner.peek().is_fixed_number(6):
            return sign_token
        sign = sign_token.sign()
        year = scanner.next().value
        if sign < 0 and year == 0:
            return sign_token
        day.add(sign * year)
    elif scanner.peek().is_fixed_number(4):
        day.add(scanner.next().value)
    else:
        return scanner.next()
    if scanner.skip_symbol("-"):
        if not scanner.peek().is_fixed_number(2) or not _is_month(scanner.peek().value):
            return scanner.next()
        day.add(scanner.next().value)
        if scanner.skip_symbol("-"):
            if not scanner.peek().is_fixed_number(2) or not _is_day(scanner.peek().value):
                return scanner.next()
            day.add(scanner.next().value)
    if scanner.peek().tag != _TIME_SEPARATOR:
        if scanner.peek().tag != _END:
            return scanner.next()
    else:
        scanner.next()
        if not scanner.peek().is_fixed_number(2) or not 0 <= scanner.peek().value <= 24:
            return _INVALID
        hour_is_24 = scanner.peek().value == 24
        time.add(scanner.next().value)
        if not scanner.skip_symbol(":"):
            return _INVALID
        if not _iso_minutes_follow(scanner, hour_is_24):
            return _INVALID
        time.add(scanner.next().value)
        if scanner.skip_symbol(":"):
            if not _iso_minutes_follow(scanner, hour_is_24):
                return _INVALID
            time.add(scanner.next().value)
            if scanner.skip_symbol("."):
                if not scanner.peek().is_number() or (hour_is_24 and scanner.peek().value > 0):
                    return _INVALID
                time.add(_read_milliseconds(scanner.next()))
        if scanner.peek().is_z():
            scanner.next()
            tz.set(0)
        elif scanner.peek().is_sign():
            tz.sign = scanner.next().sign()
            if scanner.peek().is_fixed_number(4):
                hour, minute = divmod(scanner.next().value, 100)
                if not _is_hour(hour) or not _is_minute(minute):
                    return _INVALID
                tz.hour, tz.minute = hour, minute
            else:
                if not scanner.peek().is_fixed_number(2) or not _is_hour(scanner.peek().value):
                    return _INVALID
                tz.hour = scanner.next().value
                if not scanner.skip_symbol(":"):
                    return _INVALID
                if not scanner.peek().is_fixed_number(2) or not _is_minute(scanner.peek().value):
                    return _INVALID
                tz.minute = scanner.next().value
        if scanner.peek().tag != _END:
            return _INVALID
    # ES5: a date-only form without an offset is UTC, a date-time form local time.
    if tz.is_empty() and time.is_empty():
        tz.set(0)
    day.is_iso_date = True
    return _END_TOKEN


def _v8_parse(text: str) -> tuple[int, int, int, int, int, int, int, int | None] | None:
    """DateParser::Parse: (year, month, day, hour, minute, second, ms, UTC offset in s) or None."""
    scanner = _Scanner(text)
    tz, time, day = _TimeZone(), _Time(), _Day()
    token = _parse_es5(scanner, day, time, tz)
    if token.tag == _INVALID_TOKEN:
        return None
    has_read_number = not day.is_empty()
    while token.tag != _END:
        if token.is_number():
            has_read_number = True
            n = token.value
            if scanner.skip_symbol(":"):
                if scanner.skip_symbol(":"):
                    if not time.is_empty():
                        return None
                    time.add(n)
                    time.add(0)
                else:
                    if not time.add(n):
                        return None
                    if scanner.peek().is_symbol("."):
                        scanner.next()
            elif scanner.skip_symbol(".") and time.is_expecting(n):
                time.add(n)
                if not scanner.peek().is_number():
                    return None
                millisecond = _read_milliseconds(scanner.next())
                if millisecond < 0:
                    return None
                time.add_final(millisecond)
            elif tz.is_expecting(n):
                tz.minute = n
            elif time.is_expecting(n):
                time.add_final(n)
                # A finished time must be followed by the end, a space, "Z" or a sign.
                peek = scanner.peek()
                if not (peek.tag in (_END, _WHITESPACE) or peek.is_z() or peek.is_sign()):
                    return None
            else:
                if not day.add(n):
                    return None
                scanner.skip_symbol("-")
        elif token.is_keyword():
            kind, value = token.tag, token.value
            if kind == _AM_PM and not time.is_empty():
                time.hour_offset = value
            elif kind == _MONTH_NAME:
                day.named_month = value
                scanner.skip_symbol("-")
            elif kind == _TIME_ZONE_NAME and has_read_number:
                tz.set(value)
            else:
                # Words before the first number are ignored; after it they end the date.
                if has_read_number or scanner.peek().is_number():
                    return None
        elif token.is_sign() and (tz.is_utc() or not time.is_empty()):
            tz.sign = token.sign()
            n = length = 0
            if scanner.peek().is_number():
                number = scanner.next()
                n, length = number.value, number.length
            has_read_number = True
            if scanner.peek().is_symbol(":"):
                tz.hour, tz.minute = n, _NONE
            elif length in (1, 2):
                tz.hour, tz.minute = n, 0
            elif length in (3, 4):
                tz.hour, tz.minute = divmod(n, 100)
            else:
                return None
        elif (token.is_sign() or token.is_symbol(")")) and has_read_number:
            return None
        token = scanner.next()
    ymd = day.write()
    hms = time.write()
    offset = tz.offset_seconds()
    if ymd is None or hms is None or offset is False:
        return None
    return (*ymd, *hms, offset)


def localize(naive: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """Attach ``zone`` to a wall-clock datetime (naive stays naive without one)."""
    return naive.replace(tzinfo=zone) if zone else naive


__all__: Sequence[str] = ("InvalidDate", "get_timezone", "js_yaml_timestamp", "localize", "parse_hexo_date")


# Formats of text and the C89 directives only, which Pelican's strftime formats one by one (pelican.utils).
_WHOLE_FORMAT = re.compile(r"(?:[^%]|%[aAbBcdfGHIjmMpSUuVwWxXyYzZ%])*", re.DOTALL)
_WHOLE_FORMATS: dict[str, bool] = {}


def _formats_whole(date_format: str) -> bool:
    found = _WHOLE_FORMATS.get(date_format)
    if found is None:
        found = _WHOLE_FORMATS[date_format] = _WHOLE_FORMAT.fullmatch(date_format) is not None
    return found


class PelicanFormattedDate(SafeDatetime):
    """A ``SafeDatetime`` that formats as Pelican's does, in one call where that gives the same text.

    Pelican formats a date a directive at a time, in Python (``pelican.utils.strftime``, for
    ``%-d`` and for Python 2's byte strings): each post's ``locale_date`` and
    ``locale_modified``, 70 µs a post, 0.07 s of a warm rebuild of 1,000 posts. For a format of
    C89 directives and text only, that is what ``datetime.strftime`` gives at once.
    """

    def strftime(self, fmt: str, safe: bool = True) -> str:
        if safe and not _formats_whole(fmt):
            return super().strftime(fmt, safe)
        return dt.datetime.strftime(self, fmt)

    def __reduce_ex__(self, protocol: Any) -> Any:
        # Pickled (into Pelican's content cache, say) as Pelican's own, so that nothing stored needs this plugin.
        return SafeDatetime, super().__reduce_ex__(protocol)[1]


def format_dates_at_once(_sender: Any, metadata: dict[str, Any]) -> None:
    """``article_generator_context``, ``page_generator_context``: the post's dates made :class:`PelicanFormattedDate`.

    Sent for every post, cached or not, before Pelican makes the post (and formats its dates).
    """
    for name in ("date", "modified"):
        value = metadata.get(name)
        if type(value) is SafeDatetime:
            # Not combine(): for a subclass it drops the fold (the second 01:30 of a night clocks go back).
            fields = value.timetuple()[:6]
            metadata[name] = PelicanFormattedDate(*fields, value.microsecond, value.tzinfo, fold=value.fold)
