"""Pelican's ``{static}`` links still work where the plugin skips Pelican's scan of bodies without any."""

from __future__ import annotations

import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import build_site, write_hexo_site

from pelican_hexo_tags.integration import may_hold_intrasite_links

# A post in Pelican's own format (read by Pelican's Markdown reader, which keeps `{static}` as written).
LINKED = "Title: Linked\nDate: 2024-01-02\n\n![a picture]({static}/images/a.png)\n"
PLAIN = "---\ntitle: Plain\ndate: 2024-01-03\n---\nNo links here, only `{code}` and a | pipe.\n"


def test_a_static_link_is_published_and_a_post_without_one_is_not_scanned(tmp_path: Path) -> None:
    settings = write_hexo_site(
        tmp_path,
        {"linked.md": LINKED, "plain.md": PLAIN},
        "timezone: UTC\n",
        'STATIC_PATHS = ["images"]\n',
    )
    images = tmp_path / "content" / "images"
    images.mkdir()
    (images / "a.png").write_bytes(b"\x89PNG picture")
    build = build_site(settings, tmp_path / "output")
    linked = next(a for a in build.articles if a.title == "Linked")
    plain = next(a for a in build.articles if a.title == "Plain")
    assert linked.get_static_links() == {"images/a.png"}
    # Pelican's scan is skipped for this one: the builtin set stands in, pickling with the post.
    assert plain.get_static_links is set
    assert (build.output / "images" / "a.png").read_bytes() == b"\x89PNG picture"
    assert 'src="/images/a.png"' in (build.output / linked.save_as).read_text(encoding="utf-8")


def _content(body: str, marker: str = r"[{|](?P<what>.*?)[|}]") -> SimpleNamespace:
    return SimpleNamespace(settings={"INTRASITE_LINK_REGEX": marker}, _content=body)


def test_the_check_matches_wherever_pelicans_regex_may() -> None:
    assert may_hold_intrasite_links(_content('<a href="{filename}/x.md">x</a>'))
    assert may_hold_intrasite_links(_content("<img src = '|static|/a.png'>"))
    assert not may_hold_intrasite_links(_content("<p>a {b} | c</p><a href='/x'>"))
    # A site's own marker, read as Pelican reads it (verbose: its spaces do not count).
    assert may_hold_intrasite_links(_content('<a href="@@filename@@x.md">', marker=r"@@ (?P<what>\w+) @@"))
    assert not may_hold_intrasite_links(_content('<a href="{filename}x.md">', marker=r"@@ (?P<what>\w+) @@"))
    # Without the setting or a body, Pelican's own scan decides.
    assert may_hold_intrasite_links(SimpleNamespace(settings={}, _content="x"))


@pytest.mark.parametrize(
    ("marker", "href"),
    [(None, "{filename}/b.md"), (r"@@(?P<what>\w+)@@", "@@filename@@/b.md")],
    ids=["pelicans-marker", "the-sites-own-marker"],
)
def test_a_post_linking_another_is_described_with_the_sites_urls(marker: str | None, href: str) -> None:
    # Pelican makes the link from the other post's URL when the page is rendered: that URL is part of
    # the linking post's description, whatever marker the site's INTRASITE_LINK_REGEX names.
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    from pelican_hexo_tags.incremental import _Fingerprints

    settings = {**DEFAULT_CONFIG, **({"INTRASITE_LINK_REGEX": marker} if marker else {})}

    def article(body: str, slug: str) -> Article:
        metadata = {"title": slug, "slug": slug, "date": datetime.datetime(2024, 1, 2)}
        return Article(body, metadata, settings=settings, source_path=f"/site/{slug}.md", context={})

    def description(linked_url: str) -> str:
        linking, linked = article(f'<p><a href="{href}">b</a></p>', "a"), article("<p>b</p>", "b")
        linked.override_url = linked_url
        fingerprints = _Fingerprints()
        fingerprints.use_site_of({"articles": [linking, linked]})
        return fingerprints.describe(linking, deep=True)

    assert description("b/") != description("moved/")
    # A post without a link is described without them.
    plain = article("<p>no link, a {b} and a | c</p>", "c")
    fingerprints = _Fingerprints()
    fingerprints.use_site_of({"articles": [plain]})
    first = fingerprints.describe(plain, deep=True)
    fingerprints = _Fingerprints()
    fingerprints.use_site_of({"articles": [plain, article("<p>d</p>", "d")]})
    assert fingerprints.describe(plain, deep=True) == first
