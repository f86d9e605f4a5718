"""The bundled theme's search: which index its page reads, and the ``search.json`` it writes when no package does."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Build, build_site, write_hexo_site

from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.theme_search import POST_TEXT_CAP, package_index, post_text
from pelican_hexo_tags.themes import theme_path

_POST = "---\ntitle: {title}\ndate: {date}\ntags: [{tags}]\ncategories: [{category}]\n---\n{body}\n"
POSTS = {
    "old.md": _POST.format(
        title="Old & plain",
        date="2023-05-01 10:00:00",
        tags="a, b",
        category="Notes",
        body="First paragraph.\n\nSecond paragraph with **中**文 and `x < y`.\n\n<script>var hidden = 1;</script>\n",
    ),
    "new.md": _POST.format(
        title="New one",
        date="2024-06-01 10:00:00",
        tags="b",
        category="Diary",
        body="```python\nprint('hi')\n```\n\n" + "word " * (POST_TEXT_CAP // 4),
    ),
}


def _site(root: Path, package_json: str = "", theme: str = "") -> Path:
    settings = write_hexo_site(
        root, POSTS, "title: Small\nlanguage: en\n" + (f"theme: {theme}\n" if theme else ""), "SITENAME = 'Small'\n"
    )
    if package_json:
        (root / "package.json").write_text(package_json, encoding="utf-8")
    return settings


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("search-bundled")
    return build_site(_site(root), root / "output", THEME=theme_path())


def test_the_theme_writes_search_json_in_searchdb_shape(bundled: Build) -> None:
    entries = json.loads(bundled.page("search.json"))
    # Newest first, each with hexo-generator-searchdb's JSON fields.
    assert [entry["title"] for entry in entries] == ["New one", "Old & plain"]
    assert entries[1]["url"] == "/2023/05/01/old/"
    assert entries[1]["categories"] == ["Notes"]
    # As Hexo's post.tags: in the order the site first made each (new.md, read first, made b).
    assert entries[1]["tags"] == ["b", "a"]
    text = entries[1]["content"]
    # Text, not HTML: paragraphs kept apart, an inline tag inside a word gone, entities decoded, scripts dropped.
    assert text.startswith("First paragraph. Second paragraph with 中文 and x < y.")
    assert "<" not in text.replace("x < y", "") and "hidden" not in text
    # A long post is cut at the cap, the code block's text kept.
    assert entries[0]["content"].startswith("print('hi')")
    assert len(entries[0]["content"]) <= POST_TEXT_CAP


def test_the_search_page_and_the_rail_field_point_at_it(bundled: Build) -> None:
    page = BeautifulSoup(bundled.page("search/index.html"), "html.parser")
    assert page.select_one(".search-page")["data-index"] == "/search.json"
    assert page.select_one("#search-input").get("name") == "q"
    assert page.select_one('script[src$="/js/search.js"]') is not None
    assert page.select_one('link[href$="/css/search.css"]') is not None
    home = BeautifulSoup(bundled.page("index.html"), "html.parser")
    assert home.select_one("nav.rail-menu form.rail-search")["action"] == "/search/"
    # Only the search page loads its script and stylesheet.
    assert "search.js" not in bundled.page("index.html") and "search.css" not in bundled.page("index.html")


def test_a_site_with_a_search_package_keeps_its_index(tmp_path: Path) -> None:
    package = '{"dependencies": {"hexo": "^7.0.0", "hexo-generator-searchdb": "^1.4.0"}}'
    build = build_site(_site(tmp_path, package), tmp_path / "output", THEME=theme_path())
    page = BeautifulSoup(build.page("search/index.html"), "html.parser")
    assert page.select_one(".search-page")["data-index"] == "/search.json"
    # searchdb's own index (source-path order, entities left as stripHTML leaves them), not the theme's.
    entries = json.loads(build.page("search.json"))
    assert [entry["title"] for entry in entries] == ["New one", "Old & plain"]
    assert "x &lt; y" in entries[1]["content"]


def test_another_theme_gets_no_search_page_nor_index(tmp_path: Path) -> None:
    settings = _site(tmp_path)
    build_site(settings, tmp_path / "bundled", THEME=theme_path())
    # The same config a second time, with Pelican's own theme: the writer registered by the first build is gone.
    other = build_site(settings, tmp_path / "simple", THEME="simple")
    assert not (other.output / "search.json").exists()
    assert not (other.output / "search" / "index.html").exists()


def test_search_save_as_empty_turns_the_page_and_index_off(tmp_path: Path) -> None:
    build = build_site(_site(tmp_path), tmp_path / "output", THEME=theme_path(), SEARCH_SAVE_AS="")
    assert not (build.output / "search.json").exists()
    assert "rail-search" not in build.page("index.html")


@pytest.mark.parametrize(
    ("config", "packages", "expected"),
    [
        ({}, (), ""),
        ({}, ("hexo-generator-search",), "search.xml"),
        ({"search": {"path": "search.json"}}, ("hexo-generator-search",), "search.json"),
        ({"search": {"path": "db"}}, ("hexo-generator-searchdb",), "db.json"),
        # A path with an extension neither package writes: no index.
        ({"search": {"path": "search.txt"}}, ("hexo-generator-searchdb",), ""),
        ({"theme": "fluid"}, (), "local-search.xml"),
        ({"theme": "fluid", "theme_config": {"search": {"enable": False}}}, ("hexo-generator-search",), "search.xml"),
        (
            {"theme": "fluid", "theme_config": {"search": {"path": "https://cdn.example/s.xml"}}},
            (),
            "https://cdn.example/s.xml",
        ),
    ],
)
def test_package_index_is_what_the_site_config_makes(config: dict, packages: tuple[str, ...], expected: str) -> None:
    hexo = HexoConfig(config)
    hexo.plugins = packages
    assert package_index(hexo) == expected


def test_post_text_caps_and_keeps_cjk_words_whole() -> None:
    assert post_text("<p>一<em>屏</em>原则</p><p>next</p>") == "一屏原则 next"
    assert (
        post_text('<figure class="highlight"><table><tr><td class="gutter">1\n2</td><td>code</td></tr></table>')
        == "code"
    )
    assert post_text("a " * 10, cap=5) == "a a a"


def test_a_page_of_the_sites_own_at_search_keeps_its_path(tmp_path: Path) -> None:
    settings = _site(tmp_path)
    settings.write_text(
        settings.read_text(encoding="utf-8") + "PAGE_PATHS = ['']\nPAGE_EXCLUDES = ['_posts']\n", encoding="utf-8"
    )
    page = tmp_path / "content" / "search" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: Find things\n---\nMy own search page.\n", encoding="utf-8")
    build = build_site(settings, tmp_path / "output", THEME=theme_path())
    assert build.messages(logging.ERROR) == []
    assert "My own search page." in build.page("search/index.html")
    assert "search-page" not in build.page("search/index.html")


def test_fluids_index_strips_every_control_character_and_nothing_else() -> None:
    import re

    from pelican_hexo_tags.plugins.hexo_theme_fluid import _without_control

    # Fluid's template: content.replace(/[\x00-\x1F\x7F]/g, '').
    text = "".join(chr(code) for code in range(0x200)) + "中文\u2028\U0001f600 tab\tline\r\n\ud800end"
    assert _without_control(text) == re.sub("[\x00-\x1f\x7f]", "", text)
    assert _without_control("<p>一\n屏</p>\x0b") == "<p>一屏</p>"
