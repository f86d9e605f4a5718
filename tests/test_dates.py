"""``parse_hexo_date``: front-matter dates as the wall-clock digits Hexo uses (hexo-pipeline.md §5)."""

from __future__ import annotations

import datetime as dt

import pytest

from pelican_hexo_tags.dates import InvalidDate, get_timezone, localize, parse_hexo_date
from pelican_hexo_tags.yaml_loader import load_yaml


def test_yaml_datetime():
    value = load_yaml("date: 2024-02-22 09:36:09")["date"]
    assert isinstance(value, dt.datetime)
    assert parse_hexo_date(value) == dt.datetime(2024, 2, 22, 9, 36, 9)


def test_yaml_date():
    value = load_yaml("date: 2024-03-01")["date"]
    assert parse_hexo_date(value) == dt.datetime(2024, 3, 1, 0, 0, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-02-22 09:36:09", dt.datetime(2024, 2, 22, 9, 36, 9)),
        ("2016/10/21 13:27:53", dt.datetime(2016, 10, 21, 13, 27, 53)),
        ("2020/08/15", dt.datetime(2020, 8, 15)),
        ("2020年4月27日22:19:27", dt.datetime(2020, 4, 27, 22, 19, 27)),
        ("2020年4月27日 22:19:27", dt.datetime(2020, 4, 27, 22, 19, 27)),
        ("2019-10-14 15:40", dt.datetime(2019, 10, 14, 15, 40)),
        ("2024-3-1 8:05:09", dt.datetime(2024, 3, 1, 8, 5, 9)),
    ],
)
def test_date_strings(text, expected):
    parsed = parse_hexo_date(text)
    assert parsed == expected
    assert parsed.tzinfo is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-01T10:20:30Z", dt.datetime(2024, 3, 1, 10, 20, 30)),
        ("2024-03-01T10:20:30+08:00", dt.datetime(2024, 3, 1, 2, 20, 30)),
        ("2024-03-01T10:20:30-05:00", dt.datetime(2024, 3, 1, 15, 20, 30)),
        ("2024-03-01T02:00:00+08:00", dt.datetime(2024, 2, 29, 18, 0, 0)),
    ],
)
def test_iso_with_zone_reads_the_utc_digits(text, expected):
    parsed = parse_hexo_date(text)
    assert parsed == expected
    assert parsed.tzinfo is None


def test_yaml_iso_with_offset_reads_the_utc_digits():
    value = load_yaml("date: 2024-03-01T10:20:30+08:00")["date"]
    assert value.tzinfo is not None
    assert parse_hexo_date(value) == dt.datetime(2024, 3, 1, 2, 20, 30)


@pytest.mark.parametrize(
    ("millis", "expected"),
    [
        (0, dt.datetime(1970, 1, 1)),
        (1373821294000, dt.datetime(2013, 7, 14, 17, 1, 34)),
        (1700000000000, dt.datetime(2023, 11, 14, 22, 13, 20)),
    ],
)
def test_epoch_milliseconds(millis, expected):
    assert parse_hexo_date(millis) == expected


@pytest.mark.parametrize(
    "value",
    [
        "0000-00-00 00:00:00",
        "2020-09-06 22:010:17",
        "not a date",
        "",
        None,
        True,
    ],
)
def test_invalid_dates_raise(value):
    with pytest.raises(InvalidDate):
        parse_hexo_date(value)


def test_invalid_yaml_timestamp_stays_text_then_is_rejected():
    value = load_yaml("date: 0000-00-00 00:00:00")["date"]
    assert value == "0000-00-00 00:00:00"
    with pytest.raises(InvalidDate):
        parse_hexo_date(value)


def test_invalid_date_is_a_value_error():
    assert issubclass(InvalidDate, ValueError)


def test_localize_attaches_the_zone_to_the_digits():
    zone = get_timezone("Asia/Shanghai")
    local = localize(dt.datetime(2024, 3, 1, 10, 20, 30), zone)
    assert (local.hour, local.minute) == (10, 20)
    assert local.astimezone(dt.timezone.utc) == dt.datetime(2024, 3, 1, 2, 20, 30, tzinfo=dt.timezone.utc)


def test_localize_without_zone_stays_naive():
    naive = dt.datetime(2024, 3, 1, 10, 20, 30)
    assert localize(naive, None) is naive


@pytest.mark.parametrize("name", ["", None, "Not/AZone"])
def test_get_timezone_unknown_is_none(name):
    assert get_timezone(name) is None
