"""The bundled theme's layout families in a real browser: a tiny site per family at 1280 and 390 px.

Same machinery as ``test_browser.py`` (Debian's Chromium through Playwright, each site served on
127.0.0.1, every request to another host aborted); its ``browser`` fixture is reused here. Each
site's theme config is its theme's own shape: NexT Gemini (rail left), Butterfly (rail right, dark
mode off), Fluid (a banner, opening dark) and NexT Muse (a bar on top).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import test_browser as shared
import test_theme_browser
from conftest import build_site, write_hexo_site
from test_browser import DESKTOP, PHONE, Tab

from pelican_hexo_tags.themes import theme_path

browser = shared.browser
screenshots = shared.screenshots

SITES = {
    "left": (
        "next",
        "scheme: Gemini\nmenu:\n  home: /\n  archives: /archives/\n"
        "social:\n  GitHub: https://github.com/ann || fab fa-github\n",
    ),
    "right": (
        "butterfly",
        "menu:\n  Home: / || fas fa-home\n  Archives: /archives/ || fas fa-archive\n"
        "social:\n  fab fa-github: https://github.com/bob || Github\n"
        "favicon: /img/favicon.png\ntheme_color:\n  enable: true\n  main: '#49B1F5'\n"
        "darkmode:\n  enable: false\n",
    ),
    "banner": (
        "fluid",
        "favicon: /img/favicon.png\ndark_mode:\n  enable: true\n  default: dark\n"
        "color:\n  post_link_color: '#0366d6'\n  post_link_color_dark: '#1589e9'\n"
        "navbar:\n  menu:\n    - { key: home, link: / }\n    - { key: archive, link: /archives/ }\n"
        "index:\n  banner_img: /img/banner.svg\n  slogan:\n    enable: true\n    text: A slogan for the banner\n"
        "about:\n  icons:\n    - { class: 'iconfont icon-github-fill', link: 'https://github.com/cat', tip: GitHub }\n",
    ),
    "top": ("next", "scheme: Muse\ndarkmode: false\nmenu:\n  home: /\n  archives: /archives/\n"),
}
POST = "/2024/01/01/one/"
BANNER_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="600">'
    '<rect width="1600" height="600" fill="#3a6b8c"/></svg>'
)
FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><circle cx="16" cy="16" r="16"/></svg>'


@pytest.fixture(scope="module")
def family_urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    urls = {}
    words = "Words of a post, long enough to wrap a few times on a phone. " * 12
    body = "\n\n".join(f"## Heading {n}\n\n{words}\n\n{words}" for n in range(1, 4))
    post = f"---\ntitle: One\ndate: 2024-01-01 10:00:00\n---\n{body}\n"
    with contextlib.ExitStack() as stack:
        for family, (theme, theme_config) in SITES.items():
            root = tmp_path_factory.mktemp(f"family-{family}")
            settings = write_hexo_site(
                root,
                {"one.md": post},
                f"title: A {family} site\nsubtitle: Its subtitle\nlanguage: en\ntheme: {theme}\nauthor: Ann\n",
                f"THEME = {theme_path()!r}\nSITENAME = 'A {family} site'\n"
                "DEFAULT_LANG = 'en'\nSTATIC_PATHS = ['img']\n",
            )
            (root / f"_config.{theme}.yml").write_text(theme_config, encoding="utf-8")
            (root / "content" / "img").mkdir(parents=True)
            (root / "content" / "img" / "banner.svg").write_text(BANNER_SVG, encoding="utf-8")
            (root / "content" / "img" / "favicon.png").write_text(FAVICON_SVG, encoding="utf-8")
            build = build_site(settings, root / "output")
            urls[family] = stack.enter_context(shared.serve(build.output))
        yield urls


def _open(browser: Any, url: str, viewport: dict[str, int], **options: Any) -> Tab:
    context = browser.new_context(viewport=viewport, **options)
    context.route("**/*", shared._offline)
    page = context.new_page()
    found = Tab(page, url)
    page.on("pageerror", lambda error: found.errors.append(f"uncaught: {error}"))
    page.on(
        "response",
        lambda response: found.errors.append(f"{response.status}: {response.url}") if response.status >= 400 else None,
    )
    page.on(
        "console",
        lambda message: (
            found.errors.append(message.text)
            if message.type == "error" and not shared._outside(message.location.get("url") or url)
            else None
        ),
    )
    return found


def _box(tab: Tab, selector: str) -> dict[str, float]:
    box = tab.page.locator(selector).bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box


def _no_sideways_scroll(tab: Tab) -> bool:
    return tab.page.evaluate("document.documentElement.scrollWidth <= innerWidth")


@pytest.mark.parametrize("path", ["/", POST, "/archives/"])
@pytest.mark.parametrize("family", list(SITES))
def test_family_at_desktop_width(
    family: str, path: str, browser: Any, family_urls: dict[str, str], screenshots: Path
) -> None:
    tab = _open(browser, family_urls[family], DESKTOP)
    try:
        tab.open(path)
        assert _no_sideways_scroll(tab), f"{family} {path} scrolls sideways at 1280 px"
        assert f"layout-{family}" in tab.page.evaluate("document.body.className")
        rail, main = _box(tab, "header.rail"), _box(tab, "main#main")
        width = DESKTOP["width"]
        if family == "left":
            assert rail["x"] == 0 and rail["height"] >= DESKTOP["height"] - 1
            assert main["x"] >= rail["width"]
        elif family == "right":
            assert abs(rail["x"] + rail["width"] - width) <= 1 and rail["height"] >= DESKTOP["height"] - 1
            assert main["x"] + main["width"] <= rail["x"]
        else:
            # A bar across the top, the page under it.
            assert (rail["x"], rail["y"], rail["width"]) == (0, 0, width) and rail["height"] < 120
            assert main["y"] >= rail["height"]
            assert tab.page.locator(".rail-menu a").first.bounding_box()["y"] < rail["height"]
        if path == POST:
            # The TOC beside the post, clear of the bar and the banner, and still in view further down.
            toc, post = _box(tab, "#toc"), _box(tab, "article.post")
            assert toc["x"] >= post["x"] + post["width"] and toc["x"] + toc["width"] <= rail["x"] + (
                0 if family == "right" else width
            )
            header_bottom = _box(tab, ".banner" if family == "banner" else "header.rail")
            if family in ("top", "banner"):
                assert toc["y"] >= header_bottom["y"] + header_bottom["height"]
            tab.page.evaluate("window.scrollTo(0, 900)")
            tab.page.wait_for_function("scrollY === 900")
            assert 0 <= _box(tab, "#toc")["y"] <= 40
            tab.page.evaluate("window.scrollTo(0, 0)")
            tab.page.wait_for_function("scrollY === 0")
        if family == "banner":
            banner = _box(tab, ".banner")
            assert banner["y"] >= rail["height"] - 1 and banner["width"] == width and main["y"] >= banner["y"] + 100
            assert tab.page.locator(".banner-slogan").inner_text() == "A slogan for the banner"
            assert "banner.svg" in tab.page.locator(".banner").evaluate("e => getComputedStyle(e).backgroundImage")
        else:
            assert tab.page.locator(".banner").count() == 0
        tab.page.screenshot(
            path=str(screenshots / f"family-{family}-{path.strip('/').replace('/', '-') or 'index'}.png")
        )
        assert tab.errors == []
    finally:
        tab.page.context.close()


@pytest.mark.parametrize("family", list(SITES))
def test_family_is_the_top_bar_on_a_phone(
    family: str, browser: Any, family_urls: dict[str, str], screenshots: Path
) -> None:
    tab = _open(browser, family_urls[family], PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        for path in ("/", POST):
            tab.open(path)
            assert _no_sideways_scroll(tab), f"{family} {path} scrolls sideways at 390 px"
            rail = _box(tab, "header.rail")
            assert (rail["x"], rail["y"], rail["width"]) == (0, 0, PHONE["width"]) and rail["height"] < 100
            assert tab.page.locator("button.menu-toggle").is_visible()
            assert not tab.page.locator("nav.rail-menu").is_visible()
            assert _box(tab, "main#main")["y"] >= rail["height"]
        tab.page.locator("button.menu-toggle").click()
        assert tab.page.locator("nav.rail-menu a").first.is_visible()
        social = tab.page.locator("nav.rail-social a")
        assert all(social.nth(i).is_visible() for i in range(social.count()))
        assert _no_sideways_scroll(tab)
        tab.page.screenshot(path=str(screenshots / f"family-{family}-phone-menu.png"))
        assert tab.errors == []
    finally:
        tab.page.context.close()


def _background(tab: Tab) -> str:
    return tab.page.evaluate("getComputedStyle(document.body).backgroundColor")


def _accent(tab: Tab) -> str:
    return tab.page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()")


LIGHT_BG, DARK_BG = "rgb(246, 247, 249)", "rgb(22, 25, 30)"


@pytest.mark.parametrize("family", ["right", "top"])
def test_no_toggle_and_no_dark_pages_where_the_config_turns_dark_mode_off(
    family: str, browser: Any, family_urls: dict[str, str]
) -> None:
    # A reader whose system is dark, with a choice saved on another visit: the theme says light.
    tab = _open(browser, family_urls[family], DESKTOP, color_scheme="dark")
    try:
        tab.open("/")
        tab.page.evaluate("localStorage.setItem('hexo-theme-mode', 'dark')")
        tab.open(POST)
        assert tab.page.locator(".theme-toggle").count() == 0
        assert _background(tab) == LIGHT_BG
        assert tab.errors == []
    finally:
        tab.page.context.close()


def test_dark_mode_follows_the_system_and_the_toggle_where_the_config_keeps_it(
    browser: Any, family_urls: dict[str, str]
) -> None:
    tab = _open(browser, family_urls["left"], DESKTOP, color_scheme="dark")
    try:
        tab.open(POST)
        assert _background(tab) == DARK_BG
        tab.page.locator(".theme-toggle").click()
        assert _background(tab) == LIGHT_BG
        assert tab.errors == []
    finally:
        tab.page.context.close()


def test_fluid_opens_dark_by_its_default_with_its_own_accent_for_each_scheme(
    browser: Any, family_urls: dict[str, str]
) -> None:
    # dark_mode.default: dark, for a reader whose system is light; post_link_color(_dark) as the accent.
    tab = _open(browser, family_urls["banner"], DESKTOP, color_scheme="light")
    try:
        tab.open(POST)
        assert _background(tab) == DARK_BG
        # #1589e9 lightened a step for AA on the dark cards (themes.accent_style).
        assert _accent(tab) == "#1b8cea"
        tab.page.locator(".theme-toggle").click()
        assert _background(tab) == LIGHT_BG and _accent(tab) == "#0366d6"
        tab.open("/")
        assert _background(tab) == LIGHT_BG  # the reader's choice, kept
        assert tab.errors == []
    finally:
        tab.page.context.close()


# --- a corpus blog of the banner family: billhu's Fluid blog, imported as a user would -----------

billhu_url = test_theme_browser.billhu_url


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_billhu_is_a_banner_site_at_both_widths(viewport: dict[str, int], browser: Any, billhu_url: str) -> None:
    tab = _open(browser, billhu_url, viewport)
    try:
        for path in ("/", "/2022/13_probability/", "/archives/"):
            tab.open(path)
            assert _no_sideways_scroll(tab), f"{path} scrolls sideways at {viewport['width']} px"
            rail, banner = _box(tab, "header.rail"), _box(tab, ".banner")
            assert (rail["x"], rail["y"], rail["width"]) == (0, 0, viewport["width"])
            assert banner["y"] >= rail["height"] - 1 and banner["width"] == viewport["width"]
            assert tab.page.locator(".banner-slogan").inner_text() == "!My heart is not in the work..."
        names = tab.page.locator("nav.rail-social a").evaluate_all("links => links.map(a => a.textContent)")
        assert names == ["GitHub", "Linkedin"]
        # Fluid's own /img/default.png and the blog's /img/favicon.png are not in the corpus: nothing asks for them.
        assert tab.errors == []
    finally:
        tab.page.context.close()
