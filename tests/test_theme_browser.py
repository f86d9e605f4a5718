"""The bundled theme in a real browser, on the example site: layout, TOC, dark mode, code blocks.

Same machinery as ``test_browser.py`` (Debian's Chromium through Playwright,
served on 127.0.0.1, every request to another host aborted); its fixtures are
reused here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import test_browser as shared
from test_browser import DESKTOP, PHONE, SORA, Tab

# The example site's server, the offline Chromium and the screenshot folder of test_browser.py, shared.
site_url = shared.site_url
browser = shared.browser
screenshots = shared.screenshots
tab = shared.tab
_offline = shared._offline
_outside = shared._outside

TOUR = "/2024/03/01/hexo-tags-tour/"
NEXT = "/2024/03/05/next-theme-tags/"
THEME_PAGES = {"index": "/", "sora": SORA, "tour": TOUR, "archives": "/archives/", "tags": "/tags/", "404": "/404.html"}
# The narrowest phone is 360 px wide.
WIDTHS = {"desktop": DESKTOP, "phone": PHONE, "small-phone": {"width": 360, "height": 740}}


def _new_tab(browser: Any, site_url: str, viewport: dict[str, int], **options: Any) -> Tab:
    context = browser.new_context(viewport=viewport, **options)
    context.route("**/*", _offline)
    page = context.new_page()
    found = Tab(page, site_url)
    page.on("pageerror", lambda error: found.errors.append(f"uncaught: {error}"))
    page.on(
        "console",
        lambda message: (
            found.errors.append(message.text)
            if message.type == "error" and not _outside(message.location.get("url") or site_url)
            else None
        ),
    )
    return found


@pytest.fixture
def phone_tab(browser: Any, site_url: str) -> Iterator[Tab]:
    found = _new_tab(browser, site_url, PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield found
    found.page.context.close()


def _no_sideways_scroll(tab: Tab) -> bool:
    return tab.page.evaluate("document.documentElement.scrollWidth <= innerWidth")


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(THEME_PAGES))
def test_no_horizontal_scroll(name: str, width: str, browser: Any, site_url: str, screenshots: Path) -> None:
    found = _new_tab(browser, site_url, WIDTHS[width])
    try:
        found.open(THEME_PAGES[name])
        assert _no_sideways_scroll(found), f"{name} scrolls sideways at {WIDTHS[width]['width']} px"
        found.page.screenshot(path=str(screenshots / f"theme-{name}-{width}.png"))
        assert found.errors == []
    finally:
        found.page.context.close()


def test_rail_beside_the_post_on_desktop_top_bar_on_phone(tab: Tab, phone_tab: Tab) -> None:
    tab.open(SORA)
    rail = tab.page.locator("header.rail").bounding_box()
    post = tab.page.locator("article.post").bounding_box()
    assert rail is not None and post is not None
    assert rail["x"] == 0 and rail["height"] >= DESKTOP["height"] - 1 and post["x"] >= rail["width"]
    assert tab.page.locator("nav.rail-menu a").all_inner_texts() == ["主页", "归档", "分类", "标签"]
    assert not tab.page.locator("button.menu-toggle").is_visible()

    phone_tab.open(SORA)
    bar = phone_tab.page.locator("header.rail").bounding_box()
    article = phone_tab.page.locator("article.post").bounding_box()
    assert bar is not None and article is not None
    assert bar["width"] == PHONE["width"] and bar["height"] < 200 and article["y"] >= bar["height"]
    menu = phone_tab.page.locator("nav.rail-menu")
    assert not menu.is_visible()
    phone_tab.page.click("button.menu-toggle")
    assert menu.is_visible()
    assert phone_tab.page.locator("button.menu-toggle").get_attribute("aria-expanded") == "true"
    assert phone_tab.page.locator("nav.rail-menu a").all_inner_texts() == ["主页", "归档", "分类", "标签"]
    assert phone_tab.errors == []


def _active_heading(tab: Tab) -> str | None:
    return tab.page.evaluate("(document.querySelector('#toc a.toc-link.active') || {}).dataset?.target || null")


def _scroll_to_heading(tab: Tab, heading_id: str) -> None:
    tab.page.evaluate("id => document.getElementById(id).scrollIntoView({block: 'start'})", heading_id)
    tab.page.wait_for_function("id => document.querySelector('#toc a.active')?.dataset.target === id", arg=heading_id)


def test_toc_floats_beside_the_post_and_follows_the_scroll(tab: Tab) -> None:
    tab.open(SORA)
    toc = tab.page.locator("#toc")
    assert toc.evaluate("e => e.open")
    assert toc.evaluate("e => getComputedStyle(e).position") == "fixed"
    post = tab.page.locator("article.post").bounding_box()
    box = toc.bounding_box()
    assert post is not None and box is not None and box["x"] >= post["x"] + post["width"]
    assert _active_heading(tab) is None
    for heading_id in ("sora-的能力", "更好的物理规律模拟能力", "sora-的不足"):
        _scroll_to_heading(tab, heading_id)
        assert tab.page.locator("#toc a.active").count() == 1
        assert tab.page.locator("#toc a.active").get_attribute("aria-current") == "location"
        box_after = toc.bounding_box()
        assert box_after is not None and box_after["y"] == box["y"]  # it stays put while the post scrolls
    # Clicking an entry jumps to its heading.
    tab.page.click("#toc a[data-target='sora-的思考']")
    tab.page.wait_for_function("decodeURIComponent(location.hash) === '#sora-的思考'")
    assert tab.in_viewport("#sora-的思考")
    assert tab.errors == []


def test_toc_folds_above_the_post_on_phone(phone_tab: Tab) -> None:
    phone_tab.open(SORA)
    toc = phone_tab.page.locator("#toc")
    assert not toc.evaluate("e => e.open")
    assert not phone_tab.page.locator("#toc a.toc-link").first.is_visible()
    phone_tab.page.click("#toc summary")
    assert phone_tab.page.locator("#toc a.toc-link").first.is_visible()
    _scroll_to_heading(phone_tab, "更高的时长")
    assert _no_sideways_scroll(phone_tab)


def _background(tab: Tab) -> str:
    return tab.page.evaluate("getComputedStyle(document.body).backgroundColor")


def _is_dark(colour: str) -> bool:
    red, green, blue = (int(part) for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3])
    return (red + green + blue) / 3 < 80


def test_dark_mode_toggles_and_persists(browser: Any, site_url: str) -> None:
    found = _new_tab(browser, site_url, DESKTOP, color_scheme="light")
    try:
        found.open(SORA)
        assert not _is_dark(_background(found))
        toggle = found.page.locator("button.theme-toggle")
        assert toggle.get_attribute("aria-pressed") == "false"
        toggle.click()
        assert found.page.evaluate("document.documentElement.dataset.theme") == "dark"
        assert _is_dark(_background(found)) and toggle.get_attribute("aria-pressed") == "true"
        found.page.reload(wait_until="load")
        assert found.page.evaluate("document.documentElement.dataset.theme") == "dark"
        assert _is_dark(_background(found))
        found.open("/")  # another page of the site keeps the choice
        assert _is_dark(_background(found))
        found.page.locator("button.theme-toggle").click()
        found.page.reload(wait_until="load")
        assert not _is_dark(_background(found))
        assert found.errors == []
    finally:
        found.page.context.close()


def test_dark_mode_follows_the_system_until_chosen(browser: Any, site_url: str) -> None:
    found = _new_tab(browser, site_url, PHONE, color_scheme="dark")
    try:
        found.open(SORA)
        assert found.page.evaluate("document.documentElement.dataset.theme") is None
        assert _is_dark(_background(found))
        assert found.page.locator("button.theme-toggle").get_attribute("aria-pressed") == "true"
        found.page.locator("button.theme-toggle").click()
        found.page.reload(wait_until="load")
        assert not _is_dark(_background(found))
        assert found.errors == []
    finally:
        found.page.context.close()


def test_code_is_upright_and_notes_are_not_floated(tab: Tab) -> None:
    tab.open(TOUR)
    styles = tab.page.locator("figure.highlight td.code").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c.querySelector('.line') || c).fontStyle)"
    )
    assert styles and set(styles) == {"normal"}
    assert tab.page.locator("figure.highlight").first.evaluate("e => getComputedStyle(e).overflowX") == "auto"
    tab.open(NEXT)
    floats = tab.page.locator("div.note").evaluate_all("notes => notes.map(n => getComputedStyle(n).float)")
    assert floats and set(floats) == {"none"}
    assert tab.errors == []


def test_code_copy_button_copies_the_code(browser: Any, site_url: str) -> None:
    found = _new_tab(browser, site_url, DESKTOP)
    try:
        found.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
        found.open(TOUR)
        figure = found.page.locator("figure.highlight").first
        button = figure.locator("button.code-copy")
        assert button.count() == 1
        figure.hover()
        button.click()
        found.page.wait_for_function("document.querySelector('figure.highlight .code-copy.copied') !== null")
        copied = found.page.evaluate("navigator.clipboard.readText()")
        lines = figure.locator("td.code .line").all_text_contents()
        assert copied == "\n".join(lines)
        assert "def fib" in copied
        assert found.errors == []
    finally:
        found.page.context.close()


def test_back_to_top(tab: Tab) -> None:
    tab.open(SORA)
    button = tab.page.locator("button.back-to-top")
    assert not button.is_visible()
    tab.page.evaluate("window.scrollTo(0, 2000)")
    tab.page.wait_for_function("!document.querySelector('.back-to-top').hidden")
    button.click()
    tab.page.wait_for_function("scrollY === 0")
    assert tab.errors == []


# --- one imported corpus blog: billhu's Fluid blog, with math, tables and long code -------------

BILLHU_PAGES = ["/", "/2022/13_probability/", "/2023/37_cs537/", "/2024/058_leetcode_basics/", "/archives/"]
FLUID_MENU = ["Home", "Archives", "Categories", "Tags", "About", "Portfolio"]


@pytest.fixture(scope="module")
def billhu_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """billhu's Fluid blog, imported as a user would and built with the plugin's theme, on 127.0.0.1."""
    from conftest import build_site, shared_path

    from pelican_hexo_tags.cli import main
    from pelican_hexo_tags.themes import theme_path

    source = shared_path("corpus", "billhu0__billhu-hexo-blog")
    site = tmp_path_factory.mktemp("billhu") / "site"
    assert main(["import", str(source), str(site), "--link"]) == 0
    build = build_site(site / "pelicanconf.py", site / "output", THEME=theme_path())
    with shared.serve(build.output) as url:
        yield url


@pytest.mark.parametrize("width", list(WIDTHS))
def test_corpus_blog_menu_and_no_sideways_scroll(width: str, browser: Any, billhu_url: str) -> None:
    found = _new_tab(browser, billhu_url, WIDTHS[width])
    try:
        for path in BILLHU_PAGES:
            found.open(path)
            assert _no_sideways_scroll(found), f"{path} scrolls sideways at {WIDTHS[width]['width']} px"
            menu = found.page.locator("nav.rail-menu a").evaluate_all("links => links.map(a => a.textContent)")
            assert menu == FLUID_MENU, path
        found.open("/2022/13_probability/")
        assert (
            found.page.locator("#toc a.toc-link").count()
            == found.page.locator(".post-body :is(h2, h3, h4)[id]").count()
        )
        assert found.errors == []
    finally:
        found.page.context.close()
