"""Characters XML 1.0 cannot carry stay in the pages and leave the feeds; the build goes on."""

from __future__ import annotations

import json
import logging
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timezone
from pathlib import Path

import pytest
from conftest import build_site, shared_path, write_hexo_site
from feedgenerator import Atom1Feed, Rss201rev2Feed

from pelican_hexo_tags.cli import import_site
from pelican_hexo_tags.feeds import clean_feed

# Every C0 control character but tab, newline and CR, then the two non-characters XML 1.0 excludes.
CONTROLS = "".join(chr(code) for code in range(0x20) if chr(code) not in "\t\n\r")
NOT_XML = CONTROLS + "\ufffe\uffff"

FEEDS = """
SITEURL = "https://example.com"
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
TRANSLATION_FEED_ATOM = "feeds/all-{lang}.atom.xml"
"""

# The title and one tag carry control characters through YAML escapes, the body carries them as they are.
BAD_POST = f"""---
title: "Bad\\x05 title"
tags: ["to\\x07ols", shell]
date: 2024-01-01 10:00:00
---
Before{NOT_XML}After

```
begin{NOT_XML}end
```
"""
GOOD_POST = "---\ntitle: Good\ntags: [shell]\ndate: 2024-01-02 10:00:00\n---\nJust prose.\n"
# Where the first such character of BAD_POST is: the body's first line (the title's is an escape).
BAD_LINE = BAD_POST.split("\n").index(f"Before{NOT_XML}After") + 1


def _site(root: Path, settings: str = "") -> Path:
    posts = {"bad.md": BAD_POST, "good.md": GOOD_POST}
    return write_hexo_site(root, posts, "timezone: UTC\npermalink: :title/\n", FEEDS + settings)


def _feed_texts(output: Path) -> dict[str, str]:
    """Each feed's parsed text, all of its elements' text and attributes joined."""
    texts = {}
    for path in sorted((output / "feeds").rglob("*.xml")):
        root = ElementTree.parse(path).getroot()
        texts[path.relative_to(output).as_posix()] = " ".join(
            [text for element in root.iter() for text in (element.text, *element.attrib.values()) if text]
        )
    return texts


def _warnings_about_feeds(build: object) -> list[str]:
    return [m for m in build.messages(logging.WARNING) if "XML 1.0" in m]  # type: ignore[attr-defined]


def _check_build(build: object, output: Path) -> None:
    assert build.messages(logging.ERROR) == []  # type: ignore[attr-defined]
    feeds = _feed_texts(output)
    # The all/RSS, tag and translation feeds Pelican was asked for, and its default category feed.
    expected = {"feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/all-en.atom.xml", "feeds/tag/shell.atom.xml"}
    assert expected <= set(feeds)
    for name in expected:
        text = feeds[name]
        assert "Bad title" in text, name
        assert "beginend" in text, name
        assert "After" in text, name
        assert "Just prose." in text, name
        assert not any(character in text for character in NOT_XML), name
    assert "tools" in feeds["feeds/all.atom.xml"]
    page = (output / "bad" / "index.html").read_text(encoding="utf-8")
    # The code block carries every one of them into the page, as Hexo's page does.
    assert f"begin{NOT_XML}end" in page


@pytest.mark.parametrize("extra", ["", "FEED_APPEND_REF = True\n", "RELATIVE_URLS = True\n"])
def test_the_feeds_drop_them_the_page_keeps_them_and_one_warning_names_the_post(tmp_path: Path, extra: str) -> None:
    build = build_site(_site(tmp_path, extra), tmp_path / "output")
    _check_build(build, tmp_path / "output")
    # One warning for the post, though it is in five feeds; none for the good one.
    warnings = _warnings_about_feeds(build)
    assert len(warnings) == 1, warnings
    assert f"bad.md:{BAD_LINE}:" in warnings[0]


def test_a_cached_build_and_the_incremental_writer_clean_the_rewritten_feeds(tmp_path: Path) -> None:
    settings = _site(tmp_path, "CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\n")
    cache = str(tmp_path / "cache")
    build_site(settings, tmp_path / "output", CACHE_PATH=cache)
    # The good post changes, so every feed is written again, from the bad post as the cache kept it.
    good = tmp_path / "content" / "_posts" / "good.md"
    good.write_text(GOOD_POST + "\nMore prose.\n", encoding="utf-8")
    build = build_site(settings, tmp_path / "output", CACHE_PATH=cache)
    _check_build(build, tmp_path / "output")
    assert "More prose." in _feed_texts(tmp_path / "output")["feeds/all.atom.xml"]
    assert [w for w in _warnings_about_feeds(build) if f"bad.md:{BAD_LINE}:" in w]


@pytest.mark.parametrize("feed_class", [Atom1Feed, Rss201rev2Feed])
def test_every_string_of_the_feed_and_its_items_is_cleaned(feed_class: type, caplog: pytest.LogCaptureFixture) -> None:
    # A lone surrogate cannot come from a UTF-8 post (nor through libyaml's escapes); another plugin may add one.
    dirty = "\ud800" + NOT_XML + "\udfff"
    # Pelican's log filter shows a message once per process: one link per case.
    link = f"https://example.com/{feed_class.__name__}/"
    feed = feed_class(title=f"Site{dirty} - tag", link="https://example.com/", description=f"sub{dirty}title")
    feed.add_item(
        title=f"A{dirty}B",
        link=link,
        description=f"<p>C{dirty}D</p>",
        content=f"<p>E{dirty}F</p>",
        categories=[f"G{dirty}H", "plain"],
        author_name=f"I{dirty}J",
        pubdate=datetime(2024, 1, 1, tzinfo=timezone.utc),
    )
    with caplog.at_level(logging.WARNING):
        clean_feed({}, feed=feed)
    root = ElementTree.fromstring(feed.writeString("utf-8"))
    text = " ".join(t for e in root.iter() for t in (e.text, *e.attrib.values()) if t)
    # RSS has one element for the body: the description; Atom writes both.
    bodies = ("CD", "EF") if feed_class is Atom1Feed else ("CD",)
    for kept in ("Site - tag", "AB", *bodies, "GH", "plain", "IJ"):
        assert kept in text, kept
    assert not any(character in text for character in dirty)
    # Not one of this build's posts: the warning names the item's link.
    assert [r.getMessage() for r in caplog.records if link in r.getMessage()]


def test_a_clean_feed_is_left_alone(caplog: pytest.LogCaptureFixture) -> None:
    feed = Atom1Feed(title="Site", link="https://example.com/", description="")
    feed.add_item(title="Tab\tand newline\n", link="https://example.com/a/", description="<p>é ✓ 𝄞</p>")
    before = [dict(item) for item in feed.items]
    with caplog.at_level(logging.WARNING):
        clean_feed({}, feed=feed)
    assert feed.items == before
    assert caplog.records == []


def test_the_liluoao_blog_builds_with_every_hexo_url(tmp_path: Path) -> None:
    blog = shared_path("corpus", "liluoao__blog-source")
    site = tmp_path / "site"
    import_site(blog, site)
    # The import turns Pelican's feeds off (the blog had none at those URLs); a site that turns
    # them on must build too, and that is the build that failed.
    feeds_on = {
        "FEED_ALL_ATOM": "feeds/all.atom.xml",
        "FEED_ALL_RSS": "feeds/all.rss.xml",
        "TAG_FEED_ATOM": "feeds/tag/{slug}.atom.xml",
        "TRANSLATION_FEED_ATOM": "feeds/all-{lang}.atom.xml",
    }
    build = build_site(site / "pelicanconf.py", site / "output", **feeds_on)
    assert build.messages(logging.ERROR) == []
    written = sorted((site / "output" / "feeds").rglob("*.xml"))
    assert len(written) > len(feeds_on)  # a tag feed per tag besides the others
    for feed in written:
        ElementTree.parse(feed)
    # Its one post with a backspace in a code block is named, with the line.
    posts = sorted((blog / "source" / "_posts").glob("*.md"))
    with_controls = [p.name for p in posts if any(c in p.read_text(encoding="utf-8") for c in CONTROLS)]
    assert with_controls
    warnings = _warnings_about_feeds(build)
    assert sorted(name for name in with_controls if any(name in w for w in warnings)) == with_controls
    oracle = json.loads((blog / "hexo-oracle-site.json").read_text(encoding="utf-8"))
    paths = [entry["path"] for key, entry in oracle.items() if key != "_oracle" and "error" not in entry]
    assert paths
    missing = [p for p in paths if not (build.output / (p + "index.html" if p.endswith("/") else p)).is_file()]
    assert missing == []


def test_feed_content_is_hexos_post_content_with_post_links_resolved(tmp_path: Path) -> None:
    # external_link (after_render:html) changes the page, not post.content; post_link is resolved in both.
    posts = {
        "a.md": "---\ntitle: A\ndate: 2024-01-01\n---\nSee {% post_link b %} and [out](https://other.example/).\n",
        "b.md": "---\ntitle: B\ndate: 2024-01-02\n---\nB.\n",
    }
    settings = write_hexo_site(tmp_path, posts, "url: https://example.com\npermalink: :title/\n")
    (tmp_path / "package.json").write_text(
        json.dumps({"dependencies": {"hexo": "^8.1.2", "hexo-generator-feed": "^3.0.0"}}), encoding="utf-8"
    )
    build = build_site(settings, tmp_path / "output")
    page = build.page("a/index.html")
    assert 'target="_blank"' in page and 'href="/b/"' in page
    feed = (build.output / "atom.xml").read_text(encoding="utf-8")
    entry = feed[feed.index("<title>A</title>") :]
    assert 'href="/b/"' in entry.split("</entry>")[0]
    assert "hexo-post-link" not in feed and 'target="_blank"' not in feed


def test_not_xml_is_exactly_what_xml_1_0_cannot_carry() -> None:
    # XML 1.0's Char production, read as written in the specification.
    def is_char(point: int) -> bool:
        return point in (0x9, 0xA, 0xD) or 0x20 <= point <= 0xD7FF or 0xE000 <= point <= 0xFFFD or point >= 0x10000

    from pelican_hexo_tags.feeds import NOT_XML

    wrong = [point for point in range(0x110000) if bool(NOT_XML.fullmatch(chr(point))) == is_char(point)]
    assert wrong == []
