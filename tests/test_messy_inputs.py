"""Posts as real Hexo blogs have them: every one of these was seen in the wild.

Each builds (nothing aborts), lands at the URL Hexo gave it, and whatever
cannot be used is a warning naming the file and line.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

import pytest
from conftest import Build, build_site

from pelican_hexo_tags.cli import import_site

POSTS = {
    "four-dashes.md": "----\ntitle: Four dashes\ndate: 2020-01-01\n----\nbody\n",
    "blank-line-first.md": "\n---\ntitle: Blank line first\ndate: 2020-01-02\n---\nbody\n",
    "no-front-matter.md": "# Just a heading\n\nAnd text.\n",
    "zero-bytes.md": "",
    "tab-indented.md": "---\ntitle:\tTab indented\ndate: 2020-01-03\ntags:\n\t- one\n\t- two\n---\nbody\n",
    "slash-date.md": "---\ntitle: Slash date\ndate: 2016/10/21 13:27:53\n---\n",
    "slash-day.md": "---\ntitle: Slash day\ndate: 2020/08/15\n---\n",
    "cjk-date.md": "---\ntitle: CJK date\ndate: 2020年4月27日22:19:27\n---\n",
    "minutes-date.md": "---\ntitle: Minutes date\ndate: 2019-10-14 15:40\n---\n",
    "iso-z.md": "---\ntitle: ISO Z\ndate: 2021-09-07T19:00:00Z\n---\n",
    "zero-date.md": "---\ntitle: Zero date\ndate: 0000-00-00 00:00:00\n---\nstill here\n",
    "bad-minutes.md": "---\ntitle: Bad minutes\ndate: 2020-09-06 22:010:17\n---\nstill here\n",
    "not-a-date.md": "---\ntitle: Not a date\ndate: someday soon\n---\nstill here\n",
    "string-tags.md": "---\ntitle: String tags\ndate: 2020-01-04\ntags: a, b\n---\n",
    "singular.md": "---\ntitle: Singular\ndate: 2020-01-05\ntag: solo\ncategory: Notes\n---\n",
    "jekyll.md": "---\nlayout: post\ntitle: Jekyll\ndate: 2020-01-06\n---\n",
    "crlf.md": "---\r\ntitle: CRLF\r\ndate: 2020-01-07\r\n---\r\nline one\r\nline two\r\n",
    "My Post 中文.md": "---\ntitle: Spaces and CJK\ndate: 2020-01-08\n---\n",
    'it\'s "quoted".md': "---\ntitle: Quotes\ndate: 2020-01-09\n---\n",
    "what?: a • b.md": "---\ntitle: Colon question bullet\ndate: 2020-01-10\n---\n",
    "한국어 [brackets].md": "---\ntitle: Korean and brackets\ndate: 2020-01-11\n---\n",
}
MTIME = 946684800  # 2000-01-01, for posts with no date anywhere


def _hexo_site(root: Path, config: str, posts: dict[str, str]) -> Path:
    (root / "source/_posts").mkdir(parents=True)
    (root / "_config.yml").write_text(config, encoding="utf-8")
    for name, text in posts.items():
        path = root / "source/_posts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        os.utime(path, (MTIME, MTIME))
    return root


def _build(tmp: Path, config: str, posts: dict[str, str], **overrides) -> Build:
    hexo = _hexo_site(tmp / "hexo", config, posts)
    site = tmp / "pelican"
    import_site(hexo, site)
    return build_site(site / "pelicanconf.py", site / "output", **overrides)


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _build(tmp_path_factory.mktemp("messy"), "timezone: UTC\n", POSTS)


def _by_source(build: Build) -> dict[str, object]:
    return {Path(a.source_path).name: a for a in build.articles + build.hidden + build.drafts}


def test_nothing_aborts_and_no_post_is_lost(messy: Build) -> None:
    assert messy.messages(logging.ERROR) == []
    assert set(_by_source(messy)) == set(POSTS)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("four-dashes.md", "Four dashes"),
        ("blank-line-first.md", "Blank line first"),
        ("tab-indented.md", "Tab indented"),
        ("crlf.md", "CRLF"),
        ("no-front-matter.md", "no-front-matter"),
        ("zero-bytes.md", "zero-bytes"),
    ],
)
def test_front_matter_variants(messy: Build, name: str, title: str) -> None:
    assert _by_source(messy)[name].title == title


def test_tab_indented_list_and_crlf_body(messy: Build) -> None:
    posts = _by_source(messy)
    assert [str(t) for t in posts["tab-indented.md"].tags] == ["one", "two"]
    assert posts["crlf.md"].content == "<p>line one<br>\nline two</p>\n"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("slash-date.md", dt.datetime(2016, 10, 21, 13, 27, 53)),
        ("slash-day.md", dt.datetime(2020, 8, 15)),
        ("cjk-date.md", dt.datetime(2020, 4, 27, 22, 19, 27)),
        ("minutes-date.md", dt.datetime(2019, 10, 14, 15, 40)),
        ("iso-z.md", dt.datetime(2021, 9, 7, 19, 0)),
        # js-yaml's Date.UTC rolls 0000-00-00 back to 1899-11-30, and V8 reads 22:010 as 22:10:
        # both as the oracle showed Hexo 8 date them.
        ("zero-date.md", dt.datetime(1899, 11, 30)),
        ("bad-minutes.md", dt.datetime(2020, 9, 6, 22, 10, 17)),
        ("not-a-date.md", dt.datetime(2000, 1, 1)),
        ("no-front-matter.md", dt.datetime(2000, 1, 1)),
    ],
)
def test_dates(messy: Build, name: str, expected: dt.datetime) -> None:
    assert _by_source(messy)[name].date.replace(tzinfo=None) == expected


@pytest.mark.parametrize(("name", "line"), [("not-a-date.md", 3)])
def test_invalid_dates_warn_with_file_and_line(messy: Build, name: str, line: int) -> None:
    assert any(f"{name}:{line}: invalid date" in m for m in messy.messages()), messy.messages()
    assert "still here" in _by_source(messy)[name].content


def test_taxonomy_spellings(messy: Build) -> None:
    posts = _by_source(messy)
    assert [str(t) for t in posts["string-tags.md"].tags] == ["a, b"]  # Hexo: one tag
    assert [str(t) for t in posts["singular.md"].tags] == ["solo"]
    assert str(posts["singular.md"].category) == "Notes"
    assert posts["jekyll.md"].save_as == "2020/01/06/jekyll/index.html"


@pytest.mark.parametrize(
    "name",
    ["My Post 中文.md", 'it\'s "quoted".md', "what?: a • b.md", "한국어 [brackets].md"],
)
def test_odd_file_names_keep_their_hexo_path(messy: Build, name: str) -> None:
    post = _by_source(messy)[name]
    stem = name[: -len(".md")]
    assert post.save_as.endswith(f"/{stem}/index.html")
    assert (messy.output / post.save_as).is_file()
    # The href is percent-encoded so `?`, `#` and spaces don't break the link.
    assert "?" not in post.url and " " not in post.url


@pytest.mark.parametrize(
    ("permalink", "expected"),
    [
        ("news/:year/:month/:day/:title/", "news/2020/01/05/singular/index.html"),
        (":year/:title/", "2020/singular/index.html"),
        (":category/:title/", "Notes/singular/index.html"),
        ("posts/:abbrlink/", "posts/7f3a/index.html"),
        (":title.html", "singular.html"),
    ],
)
def test_permalink_styles(tmp_path: Path, permalink: str, expected: str) -> None:
    posts = {"singular.md": POSTS["singular.md"].replace("---\n", "---\nabbrlink: 7f3a\n", 1)}
    build = _build(tmp_path, f"timezone: UTC\npermalink: {permalink}\n", posts)
    assert (build.output / expected).is_file()


def test_dates_and_categories_from_file_names(tmp_path: Path) -> None:
    config = (
        "timezone: UTC\nnew_post_name: :category/:year-:i_month-:i_day-:title.md\n"
        "permalink: :year/:i_month/:i_day/:title/\n"
    )
    posts = {"course/2023-2-7-DiscreteMath.md": "---\ntitle: Discrete math\n---\nbody\n"}
    build = _build(tmp_path, config, posts)
    (post,) = build.articles
    assert post.date.replace(tzinfo=None) == dt.datetime(2023, 2, 7)
    assert str(post.category) == "course"
    assert post.save_as == "2023/2/7/DiscreteMath/index.html"
