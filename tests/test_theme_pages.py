"""A Hexo theme's own pages (routes with a layout), rendered with the Pelican theme: Fluid's 404 and links pages.

``tests/fixtures/plugins/hexo-theme-fluid/site-pages`` is a Fluid site with links items; real Hexo
with hexo-theme-fluid 1.9.9 built it (``hexo-oracle --site --public``), and
``pages-site-pages.json`` keeps the facts of what Fluid wrote (its markup is GPL-3.0 and is not
kept): each page's title and subtitle, the 404 page's redirect, the links' cards and the custom
HTML below them. Each build here is held to those facts, with the bundled theme and with
Pelican's ``simple``, which has neither a ``404`` nor a ``links`` template.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import Build, build_site, shared_path

from pelican_hexo_tags.cli import import_site
from pelican_hexo_tags.config import HexoConfig, hexo_config_from_settings, theme_settings
from pelican_hexo_tags.plugins.hexo_theme_fluid import fluid_language, link_items, links_page, page_404
from pelican_hexo_tags.themes import theme_path

FIXTURE = Path(__file__).parent / "fixtures" / "plugins" / "hexo-theme-fluid"
FLUID_WROTE = json.loads((FIXTURE / "pages-site-pages.json").read_text(encoding="utf-8"))
# Where Hexo served the site: the links' URLs resolve against it on both sides.
SITE = "http://example.com/blog/"


def _build(tmp_path: Path, theme: str, edit_site: dict[str, str] | None = None) -> Build:
    hexo_site = tmp_path / "hexo"
    shutil.copytree(FIXTURE / "site-pages", hexo_site)
    for relative, text in (edit_site or {}).items():
        (hexo_site / relative).parent.mkdir(parents=True, exist_ok=True)
        (hexo_site / relative).write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    import_site(hexo_site, site)
    return build_site(site / "publishconf.py", site / "output", THEME=theme)


def _soup(build: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(path), "html.parser")


def _text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _build(tmp_path_factory.mktemp("fluid-pages"), theme_path())


def test_fluid_pages_are_built(bundled: Build) -> None:
    assert bundled.messages(logging.ERROR) == []
    for path in FLUID_WROTE["files"]:
        assert (bundled.output / path).is_file(), path


def test_404_page_is_fluids_with_the_bundled_theme(bundled: Build) -> None:
    fluid = FLUID_WROTE["404.html"]
    soup = _soup(bundled, "404.html")
    assert soup.title.get_text().startswith(f"{fluid['title']} | ")
    assert soup.select_one(".not-found-title").get_text() == fluid["title"]
    # The site's menu and footer are around it, as around every page.
    assert [a["href"] for a in soup.select(".rail-menu a")] == [SITE, SITE + "links/"]
    assert soup.select_one(".site-footer") is not None
    home = soup.select_one(".not-found a")
    assert home["href"] == fluid["home"]
    script = soup.select_one(".not-found script").get_text()
    assert f'location.href="{fluid["home"]}"' in script and f",{fluid['redirect_delay']});" in script
    assert soup.select_one(".not-found-redirect").get_text() == "5 秒后回到首页。"


def test_links_page_lists_the_config_items_as_fluid_does(bundled: Build) -> None:
    fluid = FLUID_WROTE["links/index.html"]
    soup = _soup(bundled, "links/index.html")
    page_url = SITE + "links/"
    assert soup.title.get_text().startswith(f"{fluid['title']} | ")
    assert soup.select_one(".post-title").get_text() == fluid["title"]
    assert soup.select_one(".post-subtitle").get_text() == fluid["subtitle"]
    cards = soup.select("ul.link-list > li")
    assert len(cards) == len(fluid["items"])
    for card, expected in zip(cards, fluid["items"], strict=True):
        link = card.select_one("a")
        assert urljoin(page_url, link["href"]) == urljoin(page_url, expected["href"])
        assert " ".join(card.select_one(".link-title").get_text().split()) == _text(expected["title"])
        intro = card.select_one(".link-intro")
        assert (intro.get_text() if intro else "") == _text(expected["intro"])
        image = card.select_one("img")
        if expected["avatar"] is None:
            assert image is None
            continue
        assert urljoin(page_url, image["src"]) == urljoin(page_url, expected["avatar"])
        # Fluid's alt is the title's HTML escaped; here it is the title's text, what a reader hears.
        assert image["alt"] == _text(expected["alt"])
        assert image["loading"] == "lazy"
    custom = soup.select_one(".links-custom").decode_contents().strip()
    assert custom == fluid["custom"]


def test_links_page_markup_needs_nothing_from_outside(bundled: Build) -> None:
    html = bundled.page("links/index.html")
    # The avatars are the config's own URLs; no other host is named by the page's own markup.
    hosts = set(re.findall(r'(?:src|href)="(https?://[^/"]+)', html))
    assert hosts <= {"http://example.com", "https://alice.example", "https://bob.example"} | {
        "https://carol.example",
        "https://dave.example",
        "https://getpelican.com",
        "https://beian.miit.gov.cn",
    }
    css = (bundled.output / "theme" / "css" / "theme.css").read_text(encoding="utf-8")
    assert ".link-list" in css and "http" not in css.split(".link-list", 1)[1].split("/* ---", 1)[0]


def test_a_theme_without_those_templates_writes_plain_pages(tmp_path: Path) -> None:
    build = _build(tmp_path, "simple")
    assert build.messages(logging.ERROR) == []
    fluid = FLUID_WROTE["links/index.html"]
    soup = _soup(build, "links/index.html")
    assert fluid["title"] in soup.title.get_text()
    items = soup.select("ul.hexo-links > li")
    assert [" ".join(li.a.get_text().split()) for li in items] == [_text(i["title"]) for i in fluid["items"]]
    assert [li.a["href"] for li in items] == [i["href"] for i in fluid["items"]]
    assert [li.img["src"] if li.img else None for li in items] == [i["avatar"] for i in fluid["items"]]
    assert "Write to me" in soup.get_text()
    not_found = _soup(build, "404.html")
    assert FLUID_WROTE["404.html"]["title"] in not_found.title.get_text()
    assert not_found.find("a", href=FLUID_WROTE["404.html"]["home"]) is not None


def test_disabled_pages_and_the_sites_own_404_are_not_overwritten(tmp_path: Path) -> None:
    config = (FIXTURE / "site-pages" / "_config.fluid.yml").read_text(encoding="utf-8")
    own_404 = "<!DOCTYPE html><title>My own 404</title>"
    build = _build(
        tmp_path,
        theme_path(),
        {
            "_config.fluid.yml": config.replace("links:\n  enable: true", "links:\n  enable: false"),
            "source/404.html": own_404,
        },
    )
    assert build.messages(logging.ERROR) == []
    assert not (build.output / "links" / "index.html").exists()
    # The site's own file is published at 404.html (as it is, or as a page of its own), not Fluid's page.
    written = (build.output / "404.html").read_text(encoding="utf-8")
    assert "My own 404" in written and "not-found-title" not in written


def test_page404_enable_false_writes_no_404(tmp_path: Path) -> None:
    build = _build(
        tmp_path, theme_path(), {"_config.fluid.yml": "page404:\n  enable: false\nlinks:\n  enable: false\n"}
    )
    assert not (build.output / "404.html").exists()
    assert not (build.output / "links" / "index.html").exists()


@pytest.mark.parametrize(
    ("language", "fluids"),
    [("zh-CN", "zh-CN"), ("zh-tw", "zh-TW"), (["fr", "ja"], "ja"), ("fr", "en"), (None, "en")],
)
def test_fluid_language_is_the_first_fluid_has(language: object, fluids: str) -> None:
    assert fluid_language(HexoConfig({"language": language})) == fluids


def test_link_items_are_those_with_a_title_and_a_link() -> None:
    items = [
        {"title": "A", "link": "https://a.example/", "image": "/img/a.png"},
        {"title": "No link"},
        {"link": "https://untitled.example/"},
        "not an item",
        {"title": 7, "link": "/b/", "avatar": "/img/b.png", "image": "/img/ignored.png", "intro": None},
    ]
    assert link_items({"items": items}) == [
        {"title": "A", "intro": "", "link": "https://a.example/", "avatar": "/img/a.png"},
        {"title": "7", "intro": "", "link": "/b/", "avatar": "/img/b.png"},
    ]
    assert link_items({"items": "none"}) == []


def test_billhu0s_links_are_its_fluid_configs() -> None:
    """The corpus blog's pages (its build is tests/test_corpus.py's): English titles, its five friends."""
    blog = shared_path("corpus", "billhu0__billhu-hexo-blog")
    config = hexo_config_from_settings({"HEXO_CONFIG": str(blog / "_config.yml")})
    assert {"_404", "_links"} <= set(config.extensions.generators)
    settings = theme_settings(config)
    assert page_404(config, settings).data["title"] == "Page not found"
    links = links_page(config, settings).data
    assert links["title"] == "Links" and links["custom"] == ""
    given = settings["links"]["items"]
    assert [(item["title"], item["link"]) for item in links["links"]] == [(i["title"], i["link"]) for i in given]
    assert [item["avatar"] for item in links["links"]] == [i["avatar"].lstrip("/") for i in given]
