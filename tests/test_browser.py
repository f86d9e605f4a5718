"""The example site in a real browser: what a reader sees and can click.

Drives the Chromium the machine already has (Debian's ``chromium``) through
Playwright; no browser is ever downloaded. The built site is served on
127.0.0.1 and every request to another host is aborted, so the pages are
checked offline, as CI runs them. Screenshots of each page at desktop and phone
widths go to ``$HEXO_SCREENSHOTS`` (else a pytest temporary folder), named in
the run's summary.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from conftest import SCREENSHOTS_KEY, Build

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed: pip install -e '.[test]' (no browser download needed)"
)

# Debian's package; HEXO_CHROMIUM points elsewhere (another distribution's chromium, a Chrome).
CHROMIUM = os.environ.get("HEXO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags Chromium phones home at start-up, which a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

SORA = "/2024/02/22/Sora-the-starlight-in-the-long-night-of-AGI/"
NEXT = "/2024/03/05/next-theme-tags/"
BUTTERFLY = "/2024/03/09/butterfly-theme-tags/"
FLUID = "/2024/03/12/fluid-theme-tags/"
STELLAR = "/2024/03/15/stellar-theme-tags/"
PAGES = {"index": "/", "sora": SORA, "next": NEXT, "butterfly": BUTTERFLY, "fluid": FLUID, "stellar": STELLAR}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path | str) -> Iterator[str]:
    """A built site's folder on 127.0.0.1 for the length of the block; gives its URL (no trailing slash)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def site_url(example_build: Build) -> Iterator[str]:
    with serve(example_build.output) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install -y chromium (or set HEXO_CHROMIUM)")
    try:
        playwright = sync_api.sync_playwright().start()
    except Exception as error:  # noqa: BLE001 - any failure of Playwright's own driver means no browser here
        pytest.skip(f"Playwright's driver does not start: {error}")
    try:
        try:
            # Playwright gives each launch a fresh temporary --user-data-dir and adds --headless.
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except sync_api.Error as error:
            pytest.skip(f"Chromium at {CHROMIUM} does not start under Playwright: {error.message.splitlines()[0]}")
        yield launched
        launched.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def screenshots(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ["HEXO_SCREENSHOTS"]) if os.environ.get("HEXO_SCREENSHOTS") else None
    if folder is None:
        folder = tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    request.config.stash[SCREENSHOTS_KEY] = folder
    return folder


@dataclass
class Tab:
    """A page of the served site, with what went wrong in it."""

    page: Any
    base: str
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        self.page.goto(self.base + path, wait_until="load")

    def broken_images(self) -> list[str]:
        # Lazy images load only near the viewport; ask for all of them now.
        self.page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
        self.page.wait_for_function("[...document.images].every(i => i.complete)")
        return self.page.evaluate("[...document.images].filter(i => i.naturalWidth === 0).map(i => i.src)")

    def in_viewport(self, selector: str) -> bool:
        return self.page.locator(selector).evaluate(
            "e => { const r = e.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight; }"
        )

    def scroll_y(self) -> float:
        return self.page.evaluate("scrollY")


def _outside(url: str) -> bool:
    return urlsplit(url).hostname not in ("127.0.0.1", None) and not url.startswith(("data:", "blob:"))


def _offline(route: Any) -> None:
    if _outside(route.request.url):
        route.abort()
    else:
        route.continue_()


@pytest.fixture
def tab(browser: Any, site_url: str) -> Iterator[Tab]:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    found = Tab(page, site_url)

    def console(message: Any) -> None:
        # An aborted request to another host is reported as a console error at that host's URL.
        if message.type == "error" and not _outside(message.location.get("url") or site_url):
            found.errors.append(f"{message.text} at {message.location}")

    context.route("**/*", _offline)
    page.on("console", console)
    page.on("pageerror", lambda error: found.errors.append(f"uncaught: {error}"))
    page.on(
        "requestfailed",
        lambda request: None if _outside(request.url) else found.errors.append(f"failed: {request.url}"),
    )
    page.on(
        "response",
        lambda response: found.errors.append(f"{response.status}: {response.url}") if response.status >= 400 else None,
    )
    yield found
    context.close()


def _visible(tab: Tab, selector: str) -> list[bool]:
    return [tab.page.locator(selector).nth(i).is_visible() for i in range(tab.page.locator(selector).count())]


# --- every page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_cleanly_and_is_screenshotted(name: str, tab: Tab, browser: Any, screenshots: Path) -> None:
    tab.open(PAGES[name])
    assert tab.page.locator("article").count() >= 1
    assert tab.broken_images() == []
    assert tab.page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways"
    tab.page.screenshot(path=str(screenshots / f"{name}-desktop.png"), full_page=True)
    assert tab.errors == []
    phone = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        phone.route("**/*", _offline)
        page = phone.new_page()
        page.goto(tab.base + PAGES[name], wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "the phone page scrolls sideways"
        page.screenshot(path=str(screenshots / f"{name}-phone.png"), full_page=True)
    finally:
        phone.close()
    assert (screenshots / f"{name}-desktop.png").stat().st_size > 0
    assert (screenshots / f"{name}-phone.png").stat().st_size > 0


# --- the Sora article ---------------------------------------------------------------------------


def test_sora_images_and_video_posters_load(tab: Tab) -> None:
    tab.open(SORA)
    assert tab.page.locator("div.post-body img").count() == 5
    assert tab.broken_images() == []
    videos = tab.page.locator("video")
    assert videos.count() == 2
    for i in range(2):
        video = videos.nth(i)
        assert video.evaluate("v => v.controls")
        box = video.bounding_box()
        assert box is not None and box["height"] > 100 and abs(box["width"] / box["height"] - 16 / 9) < 0.02
    poster_widths = tab.page.evaluate(
        """() => Promise.all([...document.querySelectorAll('video')].map(v => new Promise(done => {
            const image = new Image();
            image.onload = () => done(image.naturalWidth);
            image.onerror = () => done(0);
            image.src = v.poster;
        })))"""
    )
    assert len(poster_widths) == 2 and all(width > 0 for width in poster_widths)
    assert tab.errors == []


@pytest.mark.parametrize("width", [1280, 390])
def test_sora_bilibili_keeps_four_by_three(width: int, tab: Tab) -> None:
    tab.page.set_viewport_size({"width": width, "height": 800})
    tab.open(SORA)
    box = tab.page.locator("div.bili_video iframe").bounding_box()
    assert box is not None and box["width"] > 0.8 * min(width, 46 * 16) - 40
    assert abs(box["width"] / box["height"] - 4 / 3) < 0.01
    assert tab.errors == []


def test_sora_footnote_jumps_to_its_note_and_back(tab: Tab) -> None:
    tab.open(SORA)
    tab.page.click("sup.footnote-ref a[href='#fn1']")
    tab.page.wait_for_function("location.hash === '#fn1'")
    assert tab.in_viewport("#fn1")
    assert tab.scroll_y() > 1000
    tab.page.click("#fn1 a.footnote-backref")
    tab.page.wait_for_function("location.hash === '#fnref1'")
    assert tab.in_viewport("#fnref1")
    assert not tab.in_viewport("#fn1")
    assert tab.errors == []


def test_sora_heading_anchor_scrolls_to_the_heading(tab: Tab) -> None:
    tab.open(SORA + "#" + quote("sora-的能力"))
    heading = tab.page.locator("h2", has_text="Sora 的能力")
    assert heading.get_attribute("id") == "sora-的能力"
    top = heading.evaluate("e => e.getBoundingClientRect().top")
    assert abs(top) < 2
    assert tab.scroll_y() > 500
    assert tab.errors == []


def test_sora_shows_its_author_and_no_reward(tab: Tab) -> None:
    tab.open(SORA)
    assert tab.page.locator("article .post-meta .post-authors").all_inner_texts() == ["Example Author"]
    assert tab.page.locator(".reward").count() == 0


# --- the index ----------------------------------------------------------------------------------


def test_index_lists_the_pinned_post_first_with_a_badge(tab: Tab) -> None:
    tab.open("/")
    titles = tab.page.locator("article.post-summary h2 a").all_inner_texts()
    assert titles[0] == "Dark mode for the blog, written with NexT's tags"
    assert len(titles) == 6
    badges = tab.page.locator("article.post-summary .pinned-badge")
    assert badges.count() == 1
    assert badges.first.is_visible()
    assert badges.first.evaluate("e => e.closest('article') === document.querySelector('article.post-summary')")
    # The rest stay newest first.
    dates = tab.page.locator("article.post-summary time").evaluate_all("ts => ts.map(t => t.dateTime)")
    assert dates[1:] == sorted(dates[1:], reverse=True)
    assert tab.errors == []


# --- NexT -----------------------------------------------------------------------------------------


def test_next_tabs_switch_panes(tab: Tab) -> None:
    tab.open(NEXT)
    panes = "#versions .tab-pane"
    assert _visible(tab, panes) == [False, True, False]
    tab.page.click("#versions .nav-tabs >> text=NexT 7")
    assert _visible(tab, panes) == [True, False, False]
    assert tab.page.locator("#versions .nav-tabs li.active").inner_text() == "NexT 7"
    tab.page.click("#versions .nav-tabs >> text=Custom")
    assert _visible(tab, panes) == [False, False, True]
    # The tab's link switches panes instead of jumping.
    assert tab.page.evaluate("location.hash") == ""
    assert tab.errors == []


def test_next_note_label_button_and_in_page_link(tab: Tab) -> None:
    tab.open(NEXT)
    assert tab.page.locator("div.note.info").is_visible()
    colour = tab.page.locator("div.note.info").evaluate("e => getComputedStyle(e).borderLeftColor")
    assert colour not in ("rgb(0, 0, 0)", "rgba(0, 0, 0, 0)")
    assert tab.page.locator("mark.label.primary").inner_text() == "toggle"
    details = tab.page.locator("details.note.warning")
    body = details.locator("p", has_text="hard-coded")
    assert not body.is_visible()
    details.locator("summary").click()
    assert body.is_visible()
    button = tab.page.locator("a.btn")
    assert button.get_attribute("href") == "https://theme-next.js.org/docs/theme-settings/"
    assert button.is_visible()
    tab.page.click("a[href='#turning-it-on']")
    tab.page.wait_for_function("location.hash === '#turning-it-on'")
    assert tab.in_viewport("#turning-it-on")
    assert tab.scroll_y() > 0
    assert tab.errors == []


# --- Butterfly --------------------------------------------------------------------------------------


def test_butterfly_tabs_hide_toggle_and_gallery(tab: Tab) -> None:
    tab.open(BUTTERFLY)
    panes = ".tabs .tab-item-content"
    assert _visible(tab, panes) == [True, False]
    tab.page.click(".tabs .nav-tabs button.tab >> text=Sunday")
    assert _visible(tab, panes) == [False, True]
    assert tab.page.locator(".tabs .nav-tabs button.tab.active").inner_text() == "Sunday"
    answer = tab.page.locator("details.toggle .toggle-content")
    assert not answer.is_visible()
    tab.page.click("details.toggle summary")
    assert answer.is_visible()
    assert "217" in answer.inner_text()
    gallery = tab.page.locator(".gallery-container .gallery-items img")
    gallery.first.wait_for()
    assert gallery.count() == 3
    assert tab.broken_images() == []
    assert gallery.evaluate_all("images => images.map(i => i.alt)") == ["The harbour", "The old town", "The lighthouse"]
    assert tab.page.locator("div.note.blue i.note-icon").count() == 1
    assert tab.errors == []


def test_butterfly_post_shows_its_authors_and_reward(tab: Tab) -> None:
    tab.open(BUTTERFLY)
    authors = tab.page.locator("article .post-meta .post-authors").all_inner_texts()
    assert authors == ["Lin Yue, Sam Carter"]
    reward = tab.page.locator("aside.reward")
    assert reward.is_visible()
    assert "coffee" in reward.inner_text()
    # The reward block follows the post, before its tags.
    assert reward.evaluate("e => e.previousElementSibling.classList.contains('post-body')")


# --- Fluid --------------------------------------------------------------------------------------------


def test_fluid_fold_checkboxes_and_labels(tab: Tab) -> None:
    tab.open(FLUID)
    content = tab.page.locator(".fold .fold-content")
    assert not content.is_visible()
    title = tab.page.locator(".fold .fold-title")
    title.click()
    assert content.is_visible()
    assert title.get_attribute("aria-expanded") == "true"
    title.click()
    assert not content.is_visible()
    boxes = tab.page.locator("div.post-body input[type=checkbox]")
    assert boxes.evaluate_all("bs => bs.map(b => b.checked)") == [True, False, True]
    # Fluid's list is the reader's to tick.
    boxes.nth(1).check()
    assert boxes.nth(1).is_checked()
    assert tab.page.locator("span.label.label-danger").inner_text() == "easy to forget"
    assert tab.page.locator("div.note.note-success").is_visible()
    assert tab.errors == []


# --- Stellar --------------------------------------------------------------------------------------


def test_stellar_box_foldings_frame_and_link_card(tab: Tab) -> None:
    tab.open(STELLAR)
    box = tab.page.locator(".tag-plugin.note[color=green]")
    assert box.is_visible()
    assert "一屏原则" in box.locator(".title").inner_text()
    foldings = tab.page.locator("details.tag-plugin.folding")
    assert foldings.evaluate_all("ds => ds.map(d => d.open)") == [False, True]
    first = foldings.first.locator(".body")
    assert not first.is_visible()
    foldings.first.locator("summary").click()
    assert first.is_visible()
    assert tab.broken_images() == []
    assert tab.page.locator(".frame-wrap img").evaluate("i => i.naturalWidth") == 200
    card = tab.page.locator("a.link-card")
    assert card.get_attribute("href") == "https://xaoxuu.com/wiki/stellar/"
    assert card.is_visible()
    assert card.evaluate("a => getComputedStyle(a).display") == "flex"
    assert tab.errors == []
