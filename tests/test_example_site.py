"""The example site: the Sora article builds as its Hexo blog deployed it."""

from __future__ import annotations

import datetime as dt
import logging
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import Build, shared_path

SORA_PAGE = "2024/02/22/Sora-the-starlight-in-the-long-night-of-AGI/index.html"
SORA_TITLE = "Sora——AGI 漫漫长夜中的星光"


def _sora(build: Build):
    return next(a for a in build.articles if a.title == SORA_TITLE)


def _article_body(build: Build) -> str:
    soup = BeautifulSoup(build.page(SORA_PAGE), "html.parser")
    return soup.select_one("div.post-body").decode_contents()


def test_builds_without_errors(example_build: Build) -> None:
    assert example_build.messages(logging.ERROR) == []
    assert (example_build.output / SORA_PAGE).is_file()


def test_body_is_faithful_to_the_deployed_page(example_build: Build) -> None:
    expected = shared_path("reference", "sora", "expected-body.html").read_text(encoding="utf-8")
    sys.path.insert(0, str(shared_path("tools")))
    from htmlcompare import compare

    report = compare(expected, _article_body(example_build))
    assert report["text"] >= 0.995, report
    assert report["blocks"] >= 0.95, report
    assert report["links"] >= 0.98, report
    assert report["ids"] == 1.0, report


def test_every_root_relative_url_resolves_to_an_output_file(example_build: Build) -> None:
    soup = BeautifulSoup(_article_body(example_build), "html.parser")
    urls = [
        tag[attr]
        for tag in soup.find_all(True)
        for attr in ("src", "href", "poster")
        if tag.get(attr, "").startswith("/") and not tag[attr].startswith("//")
    ]
    assert len(urls) == 7  # five images and two posters
    for url in urls:
        assert (example_build.output / url.lstrip("/").split("#")[0]).is_file(), url


def test_the_videos_play_without_javascript(example_build: Build) -> None:
    soup = BeautifulSoup(_article_body(example_build), "html.parser")
    videos = soup.find_all("video")
    assert [v["id"] for v in videos] == ["videojs1", "videojs2"]
    first = videos[0]
    assert first.has_attr("controls") and first["autoplay"] == "autoplay" and first["preload"] == "auto"
    assert first["poster"] == "/2024/02/22/Sora-the-starlight-in-the-long-night-of-AGI/1.jpg"
    source = first.find("source")
    assert source["src"] == "https://cdn.openai.com/sora/videos/tokyo-walk.mp4"
    assert source["type"] == "video/mp4"
    assert soup.find_all("script") == []


def test_bilibili_is_the_responsive_box(example_build: Build) -> None:
    soup = BeautifulSoup(_article_body(example_build), "html.parser")
    frame = soup.select_one("div.bili_video > div > iframe")
    assert frame["src"] == "https://player.bilibili.com/player.html?aid=1950695804&page=1"
    assert "padding-bottom: 75%" in frame.parent["style"]


def test_article_metadata(example_build: Build) -> None:
    article = _sora(example_build)
    assert article.date.replace(tzinfo=None) == dt.datetime(2024, 2, 22, 9, 36, 9)
    assert str(article.date.tzinfo) == "Asia/Shanghai"
    assert [str(t) for t in article.tags] == ["TTV", "CG", "AGI", "文生视频"]
    assert str(article.category) == "LLM"
    assert article.reward is False
    assert article.top is False
    assert article.hexo_pinned == 0
    assert article.url == "2024/02/22/Sora-the-starlight-in-the-long-night-of-AGI/"
    assert article.save_as == SORA_PAGE
    # authors: is empty in the post, so Pelican's AUTHOR stands in.
    assert [str(a) for a in article.authors] == ["Example Author"]


def test_summary_is_the_html_before_more(example_build: Build) -> None:
    article = _sora(example_build)
    assert article.summary.startswith('<p><img src="/2024/02/22/Sora-the-starlight-in-the-long-night-of-AGI/1.jpg"')
    assert article.summary.endswith("<p>we’re pumped about pursuing AGI by simulating everything!</p>\n</blockquote>")
    assert "Sora 的流行趋势" not in article.summary
    assert '<span id="more"></span>' in article.content


def test_theme_shows_authors_and_no_reward_block(example_build: Build) -> None:
    page = example_build.page(SORA_PAGE)
    assert "Example Author" in page
    assert 'class="reward"' not in page
    index = example_build.page("index.html")
    assert re.search(r'<a href="/2024/02/22/Sora-the-starlight-in-the-long-night-of-AGI/"', index)


def test_example_config_is_like_the_sora_blogs() -> None:
    from pelican_hexo_tags.config import read_config_file

    data, problems = read_config_file(str(Path(__file__).parent.parent / "example_site" / "_config.yml"))
    assert problems == []
    assert data["post_asset_folder"] is True
    assert data["markdown"]["anchors"]["case"] == 1
    assert "markdown-it-footnote" in data["markdown"]["plugins"]
    assert data["external_link"]["enable"] is True


# --- the tag tour -------------------------------------------------------------------------------

TOUR_PAGE = "2024/03/01/hexo-tags-tour/index.html"


def _tour(build: Build) -> BeautifulSoup:
    soup = BeautifulSoup(build.page(TOUR_PAGE), "html.parser")
    return soup.select_one("div.post-body")


def test_tour_builds_without_plugin_warnings(example_build: Build) -> None:
    ours = [r.getMessage() for r in example_build.records if r.name.startswith("pelican_hexo_tags")]
    assert [m for m in ours if "hexo-tags-tour" in m] == []
    assert (example_build.output / TOUR_PAGE).is_file()


def test_tour_quotes(example_build: Build) -> None:
    body = _tour(example_build)
    quotes = body.find_all("blockquote", recursive=False)
    assert [q.get("class") for q in quotes] == [None, None, None, ["pullquote", "left"]]
    assert quotes[1].footer.decode_contents() == "<strong>David Levithan</strong><cite>Wide Awake</cite>"
    assert quotes[2].cite.a.string == "Welcome to Island Marketing"


def test_tour_code_is_highlighted_and_styled(example_build: Build) -> None:
    body = _tour(example_build)
    figures = body.find_all("figure", class_="highlight")
    assert [f["class"][1] for f in figures] == ["python", "js", "html", "python"]
    fence = figures[0]
    assert fence.figcaption.a["href"] == "https://example.com/fib.py"
    assert [s.get_text() for s in fence.select("td.code span.line.marked")] == ["    a, b = 0, 1", "    return a"]
    assert fence.select_one("span.keyword").string == "def"
    assert figures[1].select_one("td.gutter span.line").string == "10"
    assert figures[2].select_one("td.gutter") is None
    assert figures[3].figcaption.a["href"] == "/downloads/code/fib.py"
    assert (example_build.output / "downloads/code/fib.py").is_file()
    page = example_build.page(TOUR_PAGE)
    assert '<link rel="stylesheet" href="/hexo-tags/highlight/highlight.css">' in page
    assert (example_build.output / "hexo-tags/highlight/highlight.css").is_file()


def test_tour_links_resolve_to_real_pages(example_build: Build) -> None:
    body = _tour(example_build)
    post_links = [a for a in body.find_all("a") if a.get("href", "").startswith("/2024/02/22/")]
    assert [a.get_text() for a in post_links] == [SORA_TITLE, "the Sora article"]
    assert "/2024/02/22/Sora-the-starlight-in-the-long-night-of-AGI/" in body.get_text()
    asset_img = body.find("img", src="/2024/03/01/hexo-tags-tour/diagram.svg")
    assert (asset_img["width"], asset_img["title"], asset_img["alt"]) == ("240", "Hexo to Pelican", "A diagram")
    for tag in body.find_all(["a", "img"]):
        url = tag.get("href") or tag.get("src") or ""
        if url.startswith("/") and not url.startswith("//"):
            assert (
                example_build.output / url.lstrip("/").split("#")[0] / ("index.html" if url.endswith("/") else "")
            ).exists(), url


def test_tour_embeds_and_raw(example_build: Build) -> None:
    body = _tour(example_build)
    assert body.find("iframe", src="https://www.youtube.com/embed/lJIrF4YjHfQ") is not None
    assert body.find("iframe", src="https://example.com/")["height"] == "200"
    assert "{{ this stays as written }} {% and this %}" in body.get_text()


# --- the theme pack posts -------------------------------------------------------------------------


def test_each_theme_post_renders_in_its_own_dialect(example_build: Build) -> None:
    # The site's theme (ayer) would read every shared name as NexT's; each post names its own.
    ours = [r.getMessage() for r in example_build.records if r.name.startswith("pelican_hexo_tags")]
    assert [m for m in ours if "-theme-tags" in m] == []
    pages = {
        name: BeautifulSoup(example_build.page(f"2024/03/{day}/{name}-theme-tags/index.html"), "html.parser")
        for day, name in (("05", "next"), ("09", "butterfly"), ("12", "fluid"), ("15", "stellar"))
    }
    assert pages["next"].select_one("ul.nav-tabs li.tab.active a").string == "NexT 8"
    assert pages["butterfly"].select_one("div.nav-tabs button.tab.active").string == "Saturday"
    assert pages["fluid"].select_one("span.label.label-danger").string == "easy to forget"
    assert pages["stellar"].select_one("details.tag-plugin.folding[open] summary").get_text() == "天气与日历"
    for name, soup in pages.items():
        assert soup.find("script", src=re.compile(f"hexo-tags/{name}/{name}-tags.js$")) is not None, name


def test_index_pins_the_top_post_and_the_reward_post_names_its_authors(example_build: Build) -> None:
    titles = [a.title for a in example_build.articles]
    pinned = [a.title for a in example_build.articles if getattr(a, "hexo_pinned", 0)]
    assert pinned == ["Dark mode for the blog, written with NexT's tags"]
    index = BeautifulSoup(example_build.page("index.html"), "html.parser")
    first = index.select_one("article.post-summary")
    assert first.select_one(".pinned-badge") is not None
    assert first.h2.a.string == pinned[0]
    assert len(index.select(".pinned-badge")) == 1
    assert len(titles) == 6
    page = BeautifulSoup(example_build.page("2024/03/09/butterfly-theme-tags/index.html"), "html.parser")
    # Hexo has no author pages, nor does the example site (AUTHOR_SAVE_AS = ""): the names, unlinked.
    assert page.select_one(".post-meta .post-authors").get_text() == "Lin Yue, Sam Carter"
    assert page.select(".post-meta .post-authors a") == []
    assert page.select_one("aside.reward") is not None
