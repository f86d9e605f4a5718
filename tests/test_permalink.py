"""Slugs from post file names and URLs from permalink rules (hexo-pipeline.md §8)."""

from __future__ import annotations

import datetime as dt

import pytest

from pelican_hexo_tags.permalink import (
    build_permalink,
    filename_date,
    filename_extra_fields,
    parse_post_filename,
    post_hash,
    save_as_for,
)

# --- parse_post_filename -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "slug"),
    [
        ("hello-world.md", "hello-world"),
        ("My Post 中文.md", "My Post 中文"),
        ("中文标题.md", "中文标题"),
        ("Hello World.md", "Hello World"),
        ("sub/nested-file.md", "sub/nested-file"),
        ("a/b/Deep Post.md", "a/b/Deep Post"),
        ("v1.2.md", "v1.2"),
    ],
)
def test_title_rule_keeps_the_path_verbatim(path, slug):
    assert parse_post_filename(":title.md", path) == {"title": slug}


def test_dated_rule():
    fields = parse_post_filename(":year-:month-:day-:title.md", "2024-05-06-dated.md")
    assert fields == {"year": "2024", "month": "05", "day": "06", "title": "dated"}
    assert filename_date(fields) == dt.datetime(2024, 5, 6)
    assert filename_extra_fields(fields) == {}


def test_category_and_undotted_date_rule():
    fields = parse_post_filename(":category/:year-:i_month-:i_day-:title.md", "course/2023-2-7-DiscreteMath.md")
    assert fields["title"] == "DiscreteMath"
    assert fields["category"] == "course"
    assert filename_date(fields) == dt.datetime(2023, 2, 7)
    assert filename_extra_fields(fields) == {"category": "course"}


@pytest.mark.parametrize(
    ("rule", "path", "slug"),
    [
        (":year-:month-:day-:title.md", "My Post 中文.md", "My-Post-中文"),
        (":year-:month-:day-:title.md", "sub/nested file.md", "sub-nested-file"),
        (":year-:month-:day-:title.md", "24-05-06-short-year.md", "24-05-06-short-year"),
        (":category/:year-:i_month-:i_day-:title.md", "DiscreteMath.md", "DiscreteMath"),
    ],
)
def test_non_matching_names_fall_back_to_slugize(rule, path, slug):
    fields = parse_post_filename(rule, path)
    assert fields == {"title": slug}
    assert filename_date(fields) is None


def test_empty_rule_means_title_rule():
    assert parse_post_filename("", "My Post.md") == {"title": "My Post"}


def test_filename_date_rejects_impossible_dates():
    assert filename_date({"year": "2023", "month": "02", "day": "30"}) is None


# --- build_permalink -----------------------------------------------------------------------------

DATE = dt.datetime(2013, 7, 14, 17, 1, 34)


def permalink(rule, **overrides):
    kwargs = {
        "slug": "hello-world",
        "date": DATE,
        "title": "Hello World!",
        "category_slug": "diary/life",
        "metadata": {"abbrlink": "3f2a1b", "lang": "en"},
    }
    kwargs.update(overrides)
    return build_permalink(rule, **kwargs)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (":year/:month/:day/:title/", "2013/07/14/hello-world/"),
        ("news/:year/:month/:day/:title/", "news/2013/07/14/hello-world/"),
        (":year/:title/", "2013/hello-world/"),
        (":category/:title/", "diary/life/hello-world/"),
        ("posts/:abbrlink/", "posts/3f2a1b/"),
        (":title.html", "hello-world.html"),
        (":year/:i_month/:i_day/:title/", "2013/7/14/hello-world/"),
        (":post_title/", "hello-world/"),
        (":lang/:title/", "en/hello-world/"),
        (":hour-:minute-:second/", "17-01-34/"),
        (":timestamp/", "1373821294/"),
        ("/:title/", "hello-world/"),
        ("", "2013/07/14/hello-world/"),
    ],
)
def test_build_permalink(rule, expected):
    assert permalink(rule) == expected


def test_i_month_and_i_day_have_no_leading_zero():
    date = dt.datetime(2024, 1, 2, 3, 4, 5)
    assert permalink(":year/:i_month/:i_day/", date=date) == "2024/1/2/"
    assert permalink(":year/:month/:day/", date=date) == "2024/01/02/"


def test_title_is_the_slug_verbatim():
    assert permalink(":year/:title/", slug="sub/My Post 中文") == "2013/sub/My Post 中文/"


def test_name_is_the_last_slug_segment():
    assert permalink(":name/", slug="sub/nested-file") == "nested-file/"


def test_post_title_is_the_lower_cased_slugized_title():
    assert permalink(":post_title/", title="Hello, Big World!") == "hello-big-world/"


def test_hash_docs_example():
    assert permalink(":hash/") == "a2c8ac003b43/"
    assert post_hash("hello-world", DATE) == "a2c8ac003b43"
    assert post_hash("hello-world", DATE.replace(tzinfo=dt.timezone.utc)) == "a2c8ac003b43"


def test_front_matter_id():
    assert permalink("p/:id/", metadata={"id": 42}) == "p/42/"


def test_missing_key_is_undefined():
    assert permalink(":nokey/:title/") == "undefined/hello-world/"


def test_permalink_defaults_fill_missing_keys_and_front_matter_wins():
    assert permalink(":author/:title/", defaults={"author": "me"}) == "me/hello-world/"
    assert permalink(":lang/:title/", defaults={"lang": "zh"}) == "en/hello-world/"


@pytest.mark.parametrize(
    ("rule", "plain", "asset_folder"),
    [
        (":title", "hello-world", "hello-world/"),
        (":year/:title/", "2013/hello-world/", "2013/hello-world/"),
        (":title.html", "hello-world.html", "hello-world.html"),
        (":hash", "a2c8ac003b43", "a2c8ac003b43/"),
    ],
)
def test_asset_folder_adds_a_trailing_slash(rule, plain, asset_folder):
    assert permalink(rule) == plain
    assert permalink(rule, asset_folder=True) == asset_folder


# --- save_as_for ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "save_as"),
    [
        ("2013/07/14/hello-world/", "2013/07/14/hello-world/index.html"),
        ("hello-world.html", "hello-world.html"),
        ("my/custom/url", "my/custom/url"),
        ("", "index.html"),
    ],
)
def test_save_as_for(path, save_as):
    assert save_as_for(path) == save_as
