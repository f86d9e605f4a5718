"""``parse_hexo_date``: front-matter dates as the wall-clock digits Hexo uses (hexo-pipeline.md §5)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelican_hexo_tags.dates import InvalidDate, get_timezone, js_yaml_timestamp, localize, parse_hexo_date
from pelican_hexo_tags.yaml_loader import load_yaml

FIXTURES = Path(__file__).parent / "fixtures" / "dates"


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
        ("2019-10-14 15:40", dt.datetime(2019, 10, 14, 15, 40)),
        ("2024-3-1 8:05:09", dt.datetime(2024, 3, 1, 8, 5, 9)),
        # Real blogs' typos that V8's legacy reader still places on their day.
        ("2020-09-06 22:010:17", dt.datetime(2020, 9, 6, 22, 10, 17)),
        ("2023/08/22 12:42:33:16", dt.datetime(2023, 8, 22, 12, 42, 33, 16000)),
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
    # js-yaml's Date is the UTC instant; Hexo then reads its UTC digits as wall-clock time.
    value = load_yaml("date: 2024-03-01T10:20:30+08:00")["date"]
    assert value == dt.datetime(2024, 3, 1, 2, 20, 30)
    assert parse_hexo_date(value) == dt.datetime(2024, 3, 1, 2, 20, 30)


@pytest.mark.parametrize(
    ("millis", "expected"),
    [
        (1, dt.datetime(1970, 1, 1, 0, 0, 0, 1000)),
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
        "not a date",
        "",
        None,
        False,
        0,  # falsy, so Hexo's toDate never calls new Date on it
        float("nan"),
    ],
)
def test_invalid_dates_raise(value):
    with pytest.raises(InvalidDate):
        parse_hexo_date(value)


def test_yaml_timestamps_roll_over_as_js_yaml_builds_them():
    # Date.UTC(0, -1, 0) is 1899-11-30 (a two-digit year is 1900+), and the oracle dated the post so.
    assert load_yaml("date: 0000-00-00 00:00:00")["date"] == dt.datetime(1899, 11, 30)
    assert load_yaml("date: 2020-13-01")["date"] == dt.datetime(2021, 1, 1)


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


# The tables below are from Hexo 8.1.2 via hexo-oracle (/work/shared/tools/hexo-oracle): each input
# written as a post's `date:` both quoted and plain, built once with `timezone: UTC` and once with
# `timezone: Asia/Shanghai` on a UTC machine. `date` null means Hexo gave up and used the file's
# birth time, so the post landed on the build day.
ORACLE = json.loads((FIXTURES / "hexo_oracle_dates.json").read_text(encoding="utf-8"))["cases"]
_YAML_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
    r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"
)


def _hexo_wall_clock(iso: str) -> dt.datetime | None:
    """Hexo's date as naive UTC digits; None where Python has no such year (0, negative, > 9999)."""
    if not re.match(r"\d{4}-", iso):
        return None
    if iso.startswith("0000"):
        return None
    return dt.datetime.fromisoformat(iso.replace("Z", ""))


_EPOCH = dt.datetime(1970, 1, 1)


def _case_id(case: dict) -> str:
    return f"{case['yaml']}:{case['text']!r}"


def _parsed_or_invalid(value: object) -> dt.datetime | None:
    try:
        return parse_hexo_date(value)
    except InvalidDate:
        return None


@pytest.mark.parametrize("case", [c for c in ORACLE if c["yaml"] == "quoted"], ids=_case_id)
def test_quoted_strings_match_hexo(case: dict) -> None:
    # A quoted date is always a string to Hexo, so this is new Date(text) alone.
    expected = case["date"] and _hexo_wall_clock(case["date"])
    expected = _DEPARTURES.get(case["text"], expected)
    assert _parsed_or_invalid(case["text"]) == expected


# Where we read a date Hexo did not: Hexo dated these posts by the file's birth time on the machine
# that built the site, which no checkout keeps, so the date the author wrote is the better guess.
_DEPARTURES = {
    "2020年4月27日22:19:27": dt.datetime(2020, 4, 27, 22, 19, 27),
    "2020年4月27日 22:19:27": dt.datetime(2020, 4, 27, 22, 19, 27),
    "2020年04月27日": dt.datetime(2020, 4, 27),
}


@pytest.mark.parametrize("case", [c for c in ORACLE if c["yaml"] == "plain"], ids=_case_id)
def test_plain_values_match_hexo(case: dict) -> None:
    expected = case["date"] and _hexo_wall_clock(case["date"])
    expected = _DEPARTURES.get(case["text"], expected)
    if _YAML_TIMESTAMP.fullmatch(case["text"]):
        # js-yaml makes the Date; yaml_loader is expected to hand over js_yaml_timestamp's result.
        built = js_yaml_timestamp(case["text"])
        assert built == expected
        assert built is None or parse_hexo_date(built) == expected
    else:
        assert _parsed_or_invalid(load_yaml(f"date: {case['text']}")["date"]) == expected


@pytest.mark.parametrize(
    "case",
    # Year 1 in Shanghai is year 0 in UTC, which Python cannot hold.
    [
        c
        for c in ORACLE
        if c["yaml"] == "quoted" and c["date"] and (_hexo_wall_clock(c["date"]) or dt.datetime.min).year > 1
    ],
    ids=_case_id,
)
def test_permalink_day_and_site_timezone_match_hexo(case: dict) -> None:
    parsed = parse_hexo_date(case["text"])
    assert case["path"].startswith(f"{parsed.year:04d}/{parsed.month:02d}/{parsed.day:02d}/")
    # With `timezone: Asia/Shanghai` Hexo keeps the digits and reads them as Shanghai time.
    shanghai = localize(parsed, get_timezone("Asia/Shanghai")).astimezone(dt.timezone.utc)
    assert shanghai.replace(tzinfo=None) == dt.datetime.fromisoformat(case["date_in_asia_shanghai"].replace("Z", ""))


def test_oracle_table_covers_the_brief() -> None:
    texts = {c["text"] for c in ORACLE}
    for text in ("2020-09-06 22:010:17", "2023/08/22 12:42:33:16", "2020-9-6", "Sun Sep 06 2020 22:10:17"):
        assert text in texts
    assert sum(c["date"] is None for c in ORACLE) >= 40  # rejections are tested as much as acceptances


V8 = json.loads((FIXTURES / "v8_new_date.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize(("text", "millis"), V8)
def test_matches_v8_new_date(text: str, millis: int | None) -> None:
    # `new Date(text).getTime()` in Node 20 (TZ=UTC) for generated strings; null is NaN.
    try:
        expected = None if millis is None else _EPOCH + dt.timedelta(milliseconds=millis)
    except OverflowError:
        expected = None  # a JavaScript year Python cannot hold: refused rather than misplaced
    assert _parsed_or_invalid(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0000-00-00 00:00:00", dt.datetime(1899, 11, 30)),
        ("2020-13-01", dt.datetime(2021, 1, 1)),
        ("2020-09-06 22:10:60", dt.datetime(2020, 9, 6, 22, 11)),
        ("0099-01-01", dt.datetime(1999, 1, 1)),
        ("2020-09-06 22:10:17.123456 +8", dt.datetime(2020, 9, 6, 14, 10, 17, 123000)),
        ("2020-9-6", None),  # a date alone needs two-digit month and day to be a YAML timestamp
        ("9999-99-99 99:99:99", None),  # js-yaml's year 10007
    ],
)
def test_js_yaml_timestamp_rolls_fields_over(text: str, expected: dt.datetime | None) -> None:
    # Values from js-yaml 4 (Hexo 8.1.2's) `load("date: " + text)` in Node.
    assert js_yaml_timestamp(text) == expected


def test_long_inputs_are_read_in_one_pass() -> None:
    # An unclosed parenthesis swallows the rest, as in V8; long digit runs keep nine digits.
    assert _parsed_or_invalid("(" * 200_000 + "2020-09-06") is None
    assert parse_hexo_date("2020-09-06 " + " " * 200_000 + "22:10") == dt.datetime(2020, 9, 6, 22, 10)
    assert parse_hexo_date("0" * 200_000 + "2020-09-06") == dt.datetime(2020, 9, 6)


@given(st.one_of(st.text(), st.text(alphabet="0123456789-/:.+ TZzapmSepGMT()年月日,\x00\u3000")))
def test_never_raises_anything_but_invalid_date(text: str) -> None:
    try:
        result = parse_hexo_date(text)
    except InvalidDate:
        return
    assert isinstance(result, dt.datetime)
    assert result.tzinfo is None


_FORMATS = [
    "%a %d %B %Y",
    "%Y-%m-%d %H:%M:%S.%f %z %Z",
    "%-d %B",
    "100%% sure %d",
    "%%%d",
    "%e %k",
    "%",
    "%d%",
    "x%\n",
    "%c %x %X %j %U %W %G %V %u %p %I",
    "%Y年%m月%d日",
]


@given(
    st.datetimes(min_value=dt.datetime(1000, 1, 1), timezones=st.sampled_from([None, dt.timezone.utc])),
    st.sampled_from(_FORMATS) | st.text(alphabet="%-aBdeYmzZ年 \n", max_size=8),
)
def test_a_post_date_formats_as_pelicans_does(moment: dt.datetime, date_format: str) -> None:
    from pelican.utils import SafeDatetime

    from pelican_hexo_tags.dates import PelicanFormattedDate

    fields = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second, moment.microsecond)
    ours, pelicans = PelicanFormattedDate(*fields, moment.tzinfo), SafeDatetime(*fields, moment.tzinfo)

    def formatted(date: dt.datetime) -> str:
        try:
            return date.strftime(date_format)
        except (TypeError, ValueError) as error:
            return type(error).__name__

    assert formatted(ours) == formatted(pelicans)


def test_post_dates_pickle_as_pelicans_own(tmp_path: Path) -> None:
    import pickle

    from conftest import build_site
    from pelican.utils import SafeDatetime
    from test_plugin import _write_site

    from pelican_hexo_tags.dates import PelicanFormattedDate

    build = build_site(_write_site(tmp_path), tmp_path / "output")
    article = build.articles[0]
    assert type(article.date) is PelicanFormattedDate
    assert article.locale_date == SafeDatetime.strftime(article.date, article.date_format)
    # A cache or another plugin storing the post stores Pelican's class: reading it back needs no plugin.
    stored = pickle.loads(pickle.dumps(article.date))
    assert type(stored) is SafeDatetime and stored == article.date


def test_a_post_date_keeps_its_zone_and_fold() -> None:
    from zoneinfo import ZoneInfo

    from pelican.utils import SafeDatetime

    from pelican_hexo_tags.dates import PelicanFormattedDate, format_dates_at_once

    # The second 01:30 of the night New York's clocks go back: fold 1, an hour after the first.
    second = SafeDatetime(2021, 11, 7, 1, 30, 5, 7, ZoneInfo("America/New_York"), fold=1)
    metadata = {"date": second, "modified": second.replace(fold=0), "title": "x"}
    format_dates_at_once(None, metadata)
    assert type(metadata["date"]) is PelicanFormattedDate
    assert (metadata["date"].fold, metadata["date"].utcoffset()) == (1, second.utcoffset())
    assert metadata["date"] == second and metadata["modified"].fold == 0
