"""Reward, copyright and comments under a post, in a real browser: shown only where configured,
and the comment service asked for nothing until the reader scrolls to it.

Same machinery as ``test_browser.py`` (Debian's Chromium through Playwright, served on
127.0.0.1); here the route that blocks every outside request also records it, so the test
can tell when the page first asked another host.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import test_browser as shared
from conftest import Build
from test_browser import DESKTOP, Tab
from test_theme_post_furniture import _POST, GISCUS_CONFIG, build_small_site

browser = shared.browser
_outside = shared._outside

LONG = "2024/01/02/long-read/"
QUIET = "2024/01/01/quiet/"
# Enough text that the comments start well below the first screen (and the loader's 300 px margin).
BODY = "\n\n".join(f"Paragraph {n}: a line of text to read before the comments." for n in range(80))
POSTS = {
    "long-read.md": _POST.format(title="A long read", date="2024-01-02 10:00:00", extra="", body=BODY),
    "quiet.md": _POST.format(
        title="Quiet", date="2024-01-01 10:00:00", extra="comments: false\nreward: false\n", body=BODY
    ),
}
QR = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160">'
    '<rect width="160" height="160" fill="#000"/></svg>'
)


def _site(root: Path, theme_config: str | None) -> Build:
    images = root / "content" / "images"
    images.mkdir(parents=True)
    for name in ("wechatpay.svg", "alipay.svg"):
        (images / name).write_text(QR, encoding="utf-8")
    config = None if theme_config is None else theme_config.replace(".png", ".svg")
    return build_small_site(root, config, POSTS)


def _serve(folder: Path) -> Iterator[str]:
    with shared.serve(folder) as url:
        yield url + "/"


@pytest.fixture(scope="module")
def configured_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(_site(tmp_path_factory.mktemp("furniture-site"), GISCUS_CONFIG).output)


@pytest.fixture(scope="module")
def plain_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(_site(tmp_path_factory.mktemp("plain-site"), None).output)


class RecordingTab(Tab):
    """A tab whose blocked outside requests are kept, in the order the page made them."""

    outside: list[str]


def _tab(browser: Any, base: str) -> Iterator[RecordingTab]:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    found = RecordingTab(page, base.rstrip("/"))
    found.outside = []

    def offline(route: Any) -> None:
        if _outside(route.request.url):
            found.outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", offline)
    page.on("pageerror", lambda error: found.errors.append(f"uncaught: {error}"))
    page.on(
        "console",
        lambda message: (
            found.errors.append(message.text)
            if message.type == "error" and not _outside(message.location.get("url") or base)
            else None
        ),
    )
    page.on(
        "response",
        lambda response: found.errors.append(f"{response.status}: {response.url}") if response.status >= 400 else None,
    )
    yield found
    context.close()


@pytest.fixture
def tab(browser: Any, configured_url: str) -> Iterator[RecordingTab]:
    yield from _tab(browser, configured_url)


@pytest.fixture
def plain_tab(browser: Any, plain_url: str) -> Iterator[RecordingTab]:
    yield from _tab(browser, plain_url)


def test_reward_images_show_and_comments_wait_for_the_scroll(tab: RecordingTab) -> None:
    tab.open("/" + LONG)
    reward = tab.page.locator("aside.reward")
    assert reward.is_visible()
    images = reward.locator("img.reward-image")
    assert images.evaluate_all("images => images.map(i => i.alt)") == ["WeChat Pay", "Alipay"]
    assert tab.broken_images() == []
    assert images.first.evaluate("i => i.naturalWidth") == 160
    assert tab.page.locator(".post-copyright .post-copyright-license a").inner_text() == "CC BY-SA 4.0"

    comments = tab.page.locator("section.comments")
    assert comments.count() == 1 and comments.get_attribute("aria-label") == "Comments"
    assert not tab.in_viewport("section.comments")
    # Scroll a little, short of the comments: still nothing asked of another host.
    tab.page.mouse.wheel(0, 400)
    tab.page.wait_for_timeout(400)
    assert tab.outside == []
    assert tab.page.locator("[data-comments-loaded]").count() == 0
    assert tab.page.locator("section.comments script[src*='giscus']").count() == 0

    # The reader picks dark mode, then reaches the comments: giscus is asked for, in the dark theme.
    tab.page.click("button.theme-toggle")
    comments.scroll_into_view_if_needed()
    tab.page.wait_for_selector("section.comments [data-comments-loaded]", state="attached")
    tab.page.wait_for_function("() => document.querySelector('section.comments script[src*=\"giscus\"]')")
    script = tab.page.locator("section.comments .comments-giscus > script")
    assert script.get_attribute("data-repo") == "ann/blog"
    assert script.get_attribute("data-theme") == "dark"
    tab.page.wait_for_timeout(300)
    assert tab.outside and all(url.startswith("https://giscus.app/") for url in tab.outside), tab.outside
    assert tab.errors == []


def test_post_with_comments_false_shows_neither_and_asks_nothing(tab: RecordingTab) -> None:
    tab.open("/" + QUIET)
    assert tab.page.locator("aside.reward").count() == 0
    assert tab.page.locator("section.comments").count() == 0
    assert tab.page.locator(".post-copyright").is_visible()
    tab.page.locator("footer.site-footer").scroll_into_view_if_needed()
    tab.page.wait_for_timeout(400)
    assert tab.outside == []
    assert tab.errors == []


def test_unconfigured_site_shows_no_reward_no_notice_no_comments(plain_tab: RecordingTab) -> None:
    for path in (LONG, QUIET):
        plain_tab.open("/" + path)
        assert plain_tab.page.locator("aside.reward, .post-copyright, section.comments").count() == 0
        assert plain_tab.page.locator("link[href$='post-furniture.css']").count() == 0
        plain_tab.page.locator("footer.site-footer").scroll_into_view_if_needed()
        plain_tab.page.wait_for_timeout(200)
    assert plain_tab.outside == []
    assert plain_tab.errors == []
