"""The bundled theme's search page in a real browser: a word of a post's body finds it, offline.

Same machinery as ``test_browser.py`` (Debian's Chromium through Playwright, served on 127.0.0.1,
every request to another host aborted); its fixtures, and ``test_theme_browser.py``'s billhu0
corpus build, are reused here. The example site has no search package, so its page reads the
``search.json`` the theme writes; billhu0's is Fluid's ``local-search.xml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import test_browser as shared
import test_theme_browser as theme_shared
from conftest import EXAMPLE_SITE, SHARED
from test_browser import DESKTOP, PHONE, Tab

site_url = shared.site_url
browser = shared.browser
billhu_url = theme_shared.billhu_url

STELLAR = "/2024/03/15/stellar-theme-tags/"
SORA = shared.SORA
CS181 = "/2022/33_cs181/"
NONSENSE = "qzxvkwplorb"


def _posts_mentioning(folder: Path, word: str) -> list[str]:
    return sorted(p.name for p in folder.glob("*.md") if word.lower() in p.read_text(encoding="utf-8").lower())


def _search_tab(browser: Any, base: str, viewport: dict[str, int], **options: Any) -> tuple[Tab, list[str]]:
    """A tab on ``base`` with every outside request aborted, and the list of those it tried."""
    context = browser.new_context(viewport=viewport, **options)
    context.route("**/*", shared._offline)
    page = context.new_page()
    found = Tab(page, base)
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if shared._outside(request.url) else None)
    page.on("pageerror", lambda error: found.errors.append(f"uncaught: {error}"))
    page.on(
        "response",
        lambda response: found.errors.append(f"{response.status}: {response.url}") if response.status >= 400 else None,
    )
    return found, outside


@pytest.fixture
def desktop(browser: Any, site_url: str) -> Iterator[tuple[Tab, list[str]]]:
    found = _search_tab(browser, site_url, DESKTOP)
    yield found
    found[0].page.context.close()


def _search(tab: Tab, words: str) -> str:
    """Type ``words`` into the search page's field as a reader would; the state the page settles in."""
    field = tab.page.locator("#search-input")
    field.fill("")
    field.press_sequentially(words, delay=20)
    tab.page.wait_for_function(
        "w => ['found', 'none', 'error'].includes(document.querySelector('.search-page').dataset.state)"
        " && new URL(location).searchParams.get('q') === w",
        arg=words,
    )
    return tab.page.locator(".search-page").get_attribute("data-state") or ""


def _result_paths(tab: Tab) -> list[str]:
    return tab.page.eval_on_selector_all("a.search-result-title", "links => links.map(a => new URL(a.href).pathname)")


@pytest.mark.parametrize(("word", "typed", "post"), [("halved", "HALVED", STELLAR), ("雨后春笋", "雨后春笋", SORA)])
def test_a_word_of_one_posts_body_finds_that_post(
    word: str, typed: str, post: str, desktop: tuple[Tab, list[str]]
) -> None:
    # The word is in one post's body, and not in any title.
    assert len(_posts_mentioning(EXAMPLE_SITE / "content" / "_posts", word)) == 1
    tab, outside = desktop
    tab.open("/search/")
    assert tab.page.locator(".search-page").get_attribute("data-state") in ("loading", "empty")
    tab.page.wait_for_selector('.search-page[data-state="empty"]')
    assert _search(tab, typed) == "found"
    assert _result_paths(tab) == [post]
    # The snippet is cut around the word, marked whatever its case.
    marks = tab.page.eval_on_selector_all(".search-result-snippet mark", "marks => marks.map(m => m.textContent)")
    assert marks and {mark.lower() for mark in marks} == {word.lower()}
    assert "找到 1 篇" in tab.page.locator("#search-status").inner_text()
    assert outside == [] and tab.errors == []


def test_a_nonsense_word_says_nothing_was_found(desktop: tuple[Tab, list[str]]) -> None:
    tab, outside = desktop
    tab.open("/search/")
    assert _search(tab, NONSENSE) == "none"
    assert _result_paths(tab) == []
    assert tab.page.locator("#search-status").inner_text() == f"没有找到与“{NONSENSE}”相关的文章。"
    assert outside == [] and tab.errors == []


def test_the_rail_field_leads_to_the_results_and_arrows_walk_them(desktop: tuple[Tab, list[str]]) -> None:
    tab, outside = desktop
    tab.open("/")
    tab.page.locator("nav.rail-menu .rail-search-input").fill("theme")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_selector('.search-page[data-state="found"]')
    assert tab.page.url.endswith("/search/?q=theme")
    assert tab.page.locator("#search-input").input_value() == "theme"
    assert len(_result_paths(tab)) > 1
    # From the field, down into the results and back up.
    tab.page.locator("#search-input").focus()
    tab.page.keyboard.press("ArrowDown")
    first = tab.page.evaluate("document.activeElement.classList.contains('search-result-title')")
    tab.page.keyboard.press("ArrowDown")
    second = tab.page.evaluate(
        "[...document.querySelectorAll('a.search-result-title')].indexOf(document.activeElement)"
    )
    tab.page.keyboard.press("ArrowUp")
    tab.page.keyboard.press("ArrowUp")
    back = tab.page.evaluate("document.activeElement.id")
    assert (first, second, back) == (True, 1, "search-input")
    assert outside == [] and tab.errors == []


def test_results_do_not_scroll_sideways_on_a_phone(browser: Any, site_url: str) -> None:
    tab, outside = _search_tab(browser, site_url, PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        tab.open("/search/?q=Sora")
        tab.page.wait_for_selector('.search-page[data-state="found"]')
        assert tab.page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        box = tab.page.locator("#search-input").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert outside == [] and tab.errors == []
    finally:
        tab.page.context.close()


def test_dark_mode_colours_the_page_from_the_theme(browser: Any, site_url: str) -> None:
    tab, _ = _search_tab(browser, site_url, DESKTOP, color_scheme="dark")
    try:
        tab.open("/search/?q=Sora")
        tab.page.wait_for_selector('.search-page[data-state="found"]')
        colours = tab.page.evaluate(
            "() => { const input = getComputedStyle(document.querySelector('#search-input'));"
            " return [input.color, input.backgroundColor]; }"
        )
        # --fg #d5dae1 and --bg #16191e of theme.css's dark palette.
        assert colours == ["rgb(213, 218, 225)", "rgb(22, 25, 30)"]
    finally:
        tab.page.context.close()


def test_the_corpus_blog_searches_fluids_local_search_xml(browser: Any, billhu_url: str) -> None:
    posts = SHARED / "corpus" / "billhu0__billhu-hexo-blog" / "source" / "_posts"
    assert _posts_mentioning(posts, "backtracking") == ["33_cs181.md"]
    tab, outside = _search_tab(browser, billhu_url, PHONE)
    try:
        tab.open("/search/")
        assert tab.page.locator(".search-page").get_attribute("data-index").endswith("local-search.xml")
        tab.page.wait_for_selector('.search-page[data-state="empty"]', timeout=30_000)
        assert _search(tab, "Backtracking") == "found"
        assert _result_paths(tab) == [CS181]
        assert _search(tab, NONSENSE) == "none"
        assert tab.page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        assert outside == [] and tab.errors == []
    finally:
        tab.page.context.close()
