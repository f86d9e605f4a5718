"""The theme that ships with the plugin: its pages, its helpers, and what it reads from the Hexo theme config."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from conftest import Build, build_site, write_hexo_site

from pelican_hexo_tags.themes import (
    THEME_DIR,
    count_words,
    headings,
    menu_items,
    min2read,
    site_link,
    theme_path,
    wordcount,
)

SORA_PAGE = "2024/02/22/Sora-the-starlight-in-the-long-night-of-AGI/index.html"
TOUR_PAGE = "2024/03/01/hexo-tags-tour/index.html"


def _soup(build: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(path), "html.parser")


# --- hexo-wordcount's numbers -------------------------------------------------------------------

# What hexo-wordcount 6.0.1's counter, wordcount() and min2read() give (node, with hexo-util 3's stripHTML).
WORDCOUNT_CASES = [
    ("Hello, world! 你好世界 foo_bar 123", (4, 4), "8", 1),
    ("<p>Über straße ÄÖå ḿ こんにちは 한국어 Привет мир</p><!-- hidden words -->", (0, 8), "8", 1),
    ("<code>a&amp;b</code> x", (0, 4), "4", 1),
]


@pytest.mark.parametrize(("html", "counts", "words", "minutes"), WORDCOUNT_CASES)
def test_word_count_is_hexo_wordcounts(html: str, counts: tuple[int, int], words: str, minutes: int) -> None:
    assert count_words(html) == counts
    assert wordcount(html) == words
    assert min2read(html) == minutes


def test_word_count_thousands_and_reading_time() -> None:
    assert wordcount("字" * 999) == "999"
    assert wordcount("字" * 1000) == "1k"
    assert wordcount("字" * 1950) == "2k"
    assert wordcount("字" * 1949) == "1.9k"
    # 600 Han characters at 300 a minute and 320 words at 160 a minute.
    assert min2read("字" * 600 + " word" * 320) == 4
    assert min2read("字" * 600, cn=100) == 6


def test_sora_meta_line_counts_as_its_hexo_blog(example_build: Build) -> None:
    # hexo-wordcount on the Sora body in node: [1750 Han, 137 words] -> "1.9k", 6 minutes.
    meta = _soup(example_build, SORA_PAGE).select_one("article .post-meta")
    assert meta.select_one(".post-wordcount").get_text(" ", strip=True) == "字数 1.9k"
    assert meta.select_one(".post-readtime").get_text(" ", strip=True) == "阅读时长 6 分钟"
    assert meta.select_one("time")["datetime"] == "2024-02-22T09:36:09+08:00"


# --- table of contents --------------------------------------------------------------------------


def test_headings_reads_ids_and_text() -> None:
    html = (
        '<h2 id="a">One <a class="headerlink" href="#a">#</a></h2><h3>no id</h3>'
        '<h4 id="b&amp;c">Two&amp;</h4><h5 id="d">x</h5>'
    )
    assert [(e.level, e.id, e.text) for e in headings(html)] == [(2, "a", "One #"), (4, "b&c", "Two&")]


@pytest.mark.parametrize("path", [SORA_PAGE, TOUR_PAGE])
def test_toc_links_every_heading_of_the_body(example_build: Build, path: str) -> None:
    soup = _soup(example_build, path)
    ids = [h["id"] for h in soup.select_one("div.post-body").find_all(["h2", "h3", "h4"]) if h.get("id")]
    assert ids
    links = soup.select("#toc a.toc-link")
    assert [unquote(a["href"][1:]) for a in links] == ids
    assert [a["data-target"] for a in links] == ids


def test_sora_toc_has_its_levels(example_build: Build) -> None:
    items = _soup(example_build, SORA_PAGE).select("#toc li.toc-item")
    assert [i["class"][1] for i in items][:5] == [
        "toc-level-2",
        "toc-level-2",
        "toc-level-3",
        "toc-level-3",
        "toc-level-3",
    ]
    assert items[2].get_text(strip=True) == "更高的时长"


def test_a_post_without_headings_has_no_toc(theme_site: Build) -> None:
    assert _soup(theme_site, "2024/01/01/first/index.html").select_one("#toc") is None


# --- the frame ----------------------------------------------------------------------------------


def test_example_menu_is_its_ayer_config(example_build: Build) -> None:
    soup = _soup(example_build, SORA_PAGE)
    links = soup.select("nav.rail-menu a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("主页", "/"),
        ("归档", "/archives/"),
        ("分类", "/categories/"),
        ("标签", "/tags/"),
    ]
    for a in links:
        assert (example_build.output / a["href"].lstrip("/") / "index.html").is_file(), a["href"]
    assert soup.select_one(".rail-avatar img")["src"] == "/images/avatar.svg"
    assert (example_build.output / "images/avatar.svg").is_file()
    assert soup.select_one(".site-subtitle").get_text() == "用 Pelican 构建的 Hexo 博客"


def test_dark_mode_toggle_and_early_script(example_build: Build) -> None:
    soup = _soup(example_build, SORA_PAGE)
    toggle = soup.select_one("button.theme-toggle")
    assert toggle is not None and toggle["aria-pressed"] == "false"
    early = soup.head.find("script", src=False)
    assert "localStorage" in early.string and "data-theme" in early.string
    # The saved choice is applied before the stylesheet loads, so the first frame is already dark.
    assert str(soup.head).index("localStorage") < str(soup.head).index("theme.css")


def test_post_furniture(example_build: Build) -> None:
    soup = _soup(example_build, SORA_PAGE)
    assert [a.get_text() for a in soup.select(".post-tags a")] == ["#TTV", "#CG", "#AGI", "#文生视频"]
    for a in soup.select(".post-tags a") + soup.select(".post-meta a"):
        target = example_build.output / unquote(a["href"]).lstrip("/")
        assert target.is_file() or (target / "index.html").is_file(), a["href"]
    newer = soup.select_one(".post-nav a.post-nav-newer")
    assert newer["href"] == "/2024/03/01/hexo-tags-tour/"
    assert soup.select_one(".post-nav a.post-nav-older") is None  # the oldest post
    assert soup.select_one("button.back-to-top") is not None
    assert soup.find("script", src="/theme/js/theme.js") is not None


def test_list_pages_use_the_theme(example_build: Build) -> None:
    archives = _soup(example_build, "archives/index.html")
    assert [h.contents[0].strip() for h in archives.select(".timeline-heading")] == ["2024"]
    assert len(archives.select(".timeline-list li")) == 6
    tags = _soup(example_build, "tags/index.html")
    cloud = {li.a.get_text(): li.select_one(".count").get_text() for li in tags.select(".tag-cloud li")}
    assert cloud["AGI"] == "1" and len(cloud) >= 4
    categories = _soup(example_build, "categories/index.html")
    assert "LLM" in [li.a.get_text() for li in categories.select(".category-list li")]
    assert _soup(example_build, "404.html").select_one("h1").get_text() == "404"


# --- the page's own CSS and JavaScript ----------------------------------------------------------

_OUTSIDE = re.compile(r"https?://|url\(\s*['\"]?//|@import")


def _own_assets(build: Build, path: str) -> dict[str, str]:
    soup = _soup(build, path)
    own = [link["href"] for link in soup.find_all("link", rel="stylesheet") if link["href"].startswith("/theme/")]
    own += [script["src"] for script in soup.find_all("script", src=True) if script["src"].startswith("/theme/")]
    assets = {url: (build.output / url.lstrip("/")).read_text(encoding="utf-8") for url in own}
    assets["inline"] = "".join(s.string or "" for s in soup.find_all("script", src=False) if s.parent.name == "head")
    return assets


# Their weight (under 60 KB with the tag CSS, highlight.css and the post furniture) is measured
# from what Chromium fetches, in test_theme_budget_browser.py.
def test_theme_css_and_js_stay_local(example_build: Build) -> None:
    assets = _own_assets(example_build, SORA_PAGE)
    assert set(assets) == {"/theme/css/theme.css", "/theme/js/theme.js", "inline"}
    for name, text in assets.items():
        assert _OUTSIDE.search(text) is None, name


def test_code_and_tag_markup_are_laid_out_not_restyled() -> None:
    css = re.sub(r"/\*.*?\*/", "", (THEME_DIR / "static/css/theme.css").read_text(encoding="utf-8"), flags=re.S)
    # highlight.css's `.highlight .code` is italic and matches Hexo's td.code; the theme undoes that.
    assert re.search(r"figure\.highlight td\.gutter, figure\.highlight td\.code \{ font-style: normal; \}", css)
    for tag_class in (".note", ".tabs", ".tab-pane", ".label", ".btn"):
        assert re.search(re.escape(tag_class) + r"\b", css) is None, tag_class
    assert re.search(r"text-align:\s*justify", css) is None
    assert "line-height: 1.8" in css or "16px/1.8" in css


# --- a small site with a NexT theme config ------------------------------------------------------

_POST = "---\ntitle: {title}\ndate: {date}\ntags: [{tag}]\ncategories: [Notes]\n---\n{body}\n"
_NEXT_CONFIG = """\
menu:
  home: / || fa fa-home
  archives: /archives/ || fa fa-archive
  about: /about/ || fa fa-user
  commonweal: false
avatar:
  url: /images/me.png
footer:
  since: 2019
  beian:
    enable: true
    icp: 京ICP备12345678号
reward_settings:
  comment: Thanks for reading!
"""


@pytest.fixture(scope="module")
def theme_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("theme-site")
    posts = {
        "first.md": _POST.format(title="First", date="2024-01-01 10:00:00", tag="a", body="Just words."),
        "second.md": _POST.format(
            title="Second", date="2024-02-01 10:00:00", tag="b", body="## Part one\n\ntext\n\n### Detail\n\nmore"
        ),
        "third.md": _POST.format(title="Third", date="2025-03-01 10:00:00", tag="a", body="Intro\n<!-- more -->\nRest"),
    }
    settings = write_hexo_site(
        root,
        posts,
        "title: Small\nlanguage: en\ntheme: next\nauthor: Ann\n",
        f"THEME = {theme_path()!r}\nDEFAULT_PAGINATION = 1\nSITENAME = 'Small'\nDEFAULT_LANG = 'en'\n"
        "PAGE_PATHS = ['pages']\n",
    )
    (root / "content" / "pages").mkdir()
    (root / "content" / "pages" / "about.md").write_text("---\ntitle: About me\n---\nHello.\n", encoding="utf-8")
    (root / "_config.next.yml").write_text(_NEXT_CONFIG, encoding="utf-8")
    return build_site(settings, root / "output")


def test_small_site_menu_is_the_next_config(theme_site: Build) -> None:
    soup = _soup(theme_site, "2024/02/01/second/index.html")
    assert [(a.get_text(), a["href"]) for a in soup.select("nav.rail-menu a")] == [
        ("Home", "/"),
        ("Archives", "/archives/"),
        ("About", "/about/"),
    ]
    assert soup.select_one(".rail-avatar img")["src"] == "/images/me.png"
    # Pelican's page list would add "About me": the theme config's menu is the whole menu.
    assert theme_site.pages and "About me" not in soup.select_one("nav.rail-menu").get_text()
    footer = soup.select_one("footer.site-footer").get_text(" ", strip=True)
    assert "2019 – 2025 Ann" in footer
    assert "京ICP备12345678号" in footer
    assert theme_site.messages(logging.ERROR) == []


def test_small_site_index_pages_and_summaries(theme_site: Build) -> None:
    first = _soup(theme_site, "index.html")
    assert [a.get_text() for a in first.select("article.post-summary h2.post-title > a")] == ["Third"]
    assert first.select_one(".post-excerpt").get_text(strip=True) == "Intro"
    pagination = first.select_one("nav.pagination")
    assert pagination.select_one(".current").get_text() == "1"
    assert [a.get_text() for a in pagination.select("a.page-number")] == ["2", "3"]
    assert pagination.select_one("a.page-next") is not None and pagination.select_one("a.page-prev") is None
    second = theme_site.output / pagination.select_one("a.page-next")["href"].lstrip("/")
    page_two = BeautifulSoup(
        (second / "index.html" if second.is_dir() else second).read_text(encoding="utf-8"), "html.parser"
    )
    assert [a.get_text() for a in page_two.select("article.post-summary h2.post-title > a")] == ["Second"]


def test_small_site_reward_text_and_english_meta(theme_site: Build) -> None:
    soup = _soup(theme_site, "2024/02/01/second/index.html")
    assert soup.select_one(".post-wordcount").get_text(" ", strip=True) == "Words 5"
    assert [a["data-target"] for a in soup.select("#toc a")] == ["Part-one", "Detail"]
    assert soup.select_one("aside.reward") is None  # reward: is not set in the post
    post = _soup(theme_site, "2025/03/01/third/index.html")
    assert post.select_one(".post-nav-older")["href"] == "/2024/02/01/second/"


# --- menu shapes --------------------------------------------------------------------------------


def test_menu_shapes_of_next_butterfly_fluid_and_ayer() -> None:
    next_menu = menu_items({"menu": {"home": "/ || fa fa-home", "tags": "/tags/ || fa fa-tags"}}, "zh-CN")
    assert [(m.name, m.url, m.icon) for m in next_menu] == [
        ("首页", "", "fa fa-home"),
        ("标签", "tags/", "fa fa-tags"),
    ]
    butterfly = menu_items(
        {"menu": {"Home": "/ || fas fa-home", "List||fas fa-list": {"Music": "/music/ || fas fa-music"}}}
    )
    assert [(m.name, m.url) for m in butterfly] == [("Home", ""), ("List", "")]
    assert butterfly[1].icon == "fas fa-list"
    assert [(c.name, c.url, c.icon) for c in butterfly[1].children] == [("Music", "music/", "fas fa-music")]
    fluid = menu_items(
        {"navbar": {"menu": [{"key": "home", "icon": "iconfont icon-home-fill"}, {"key": "links", "name": "Friends"}]}},
        "en",
    )
    assert [(m.name, m.url) for m in fluid] == [("Home", ""), ("Friends", "links/")]
    ayer = menu_items({"menu": {"主页": "/", "外链": "https://example.com/"}}, "zh-CN")
    assert [(m.name, m.url) for m in ayer] == [("主页", ""), ("外链", "https://example.com/")]
    assert menu_items({}) == []


def test_site_link_keeps_absolute_urls_and_puts_the_rest_under_siteurl() -> None:
    assert site_link("archives/", "") == "/archives/"
    assert site_link("", "..") == "../"
    assert site_link("archives/", "https://blog.example.com/sub") == "https://blog.example.com/sub/archives/"
    for absolute in ("https://example.com/", "//cdn.example.com/a.png", "mailto:me@example.com", "#top"):
        assert site_link(absolute, "..") == absolute


def test_theme_path_is_the_packaged_folder() -> None:
    path = Path(theme_path())
    assert (path / "templates" / "base.html").is_file()
    assert (path / "static" / "css" / "theme.css").is_file()
    for template in ("article", "index", "page", "archives", "period_archives", "tags", "tag", "categories"):
        assert (path / "templates" / f"{template}.html").is_file(), template
