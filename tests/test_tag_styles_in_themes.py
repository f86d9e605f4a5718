"""The tag stylesheets inside other Pelican themes: no floats or italics leaking either way.

The example site is built four times, with the plugin's own theme, Pelican's ``simple`` and
``notmyidea``, and pelican-theme-reflex from PyPI, and each build is read in Chromium (as
tests/test_browser.py does: Debian's chromium, offline) at 1280 px:

* our side holds: notes fill their container and do not float, code is upright, one tab pane
  shows at a time, KaTeX sets math in its own fonts, no page scrolls sideways at 390 px;
* the host's side holds: every element outside the tags' markup has the same computed style
  with and without our stylesheets (notmyidea's title font, its paragraphs' margins...).

The example site has no math, so the copy built here gets one more post with some; the site
is otherwise the example site as it is. A full-page screenshot of each theme's tag tour post
(and of the theme-tag posts) goes to the ``screenshots`` folder.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import test_browser as shared
from conftest import EXAMPLE_SITE, build_site
from test_browser import DESKTOP, PHONE

# The offline Chromium, the screenshot folder and the quiet file server of test_browser.py, shared.
browser = shared.browser
screenshots = shared.screenshots
_offline = shared._offline
_QuietHandler = shared._QuietHandler

TOUR = "/2024/03/01/hexo-tags-tour/"
NEXT = "/2024/03/05/next-theme-tags/"
BUTTERFLY = "/2024/03/09/butterfly-theme-tags/"
FLUID = "/2024/03/12/fluid-theme-tags/"
STELLAR = "/2024/03/15/stellar-theme-tags/"
MATH = "/2024/03/20/math-in-other-themes/"
PAGES = {"tour": TOUR, "next": NEXT, "butterfly": BUTTERFLY, "fluid": FLUID, "stellar": STELLAR, "math": MATH}

MATH_POST = r"""---
title: Math in other themes
date: 2024-03-20 10:00:00
---

Inline $E = mc^2$ and `inline code`, then a display formula:

$$
\int_0^1 x\,dx = \frac{1}{2} \quad \text{(the area)}
$$
"""

# Pelican's own themes have no 404 template; the bundled theme does.
_PELICAN_TEMPLATES = ["index", "tags", "categories", "authors", "archives"]


def _reflex_path() -> str:
    reflex = pytest.importorskip(
        "pelican.themes.reflex", reason="pelican-theme-reflex is not installed: pip install -e '.[test]'"
    )
    return reflex.path()


def _theme_settings(theme: str) -> dict[str, Any]:
    if theme == "bundled":
        return {}
    if theme == "reflex":
        # Reflex reads CC_LICENSE['icon'] unguarded, and fetches Google's fonts unless told not to.
        return {
            "THEME": _reflex_path(),
            "USE_GOOGLE_FONTS": False,
            "CC_LICENSE": {},
            "DIRECT_TEMPLATES": _PELICAN_TEMPLATES,
        }
    return {"THEME": theme, "DIRECT_TEMPLATES": _PELICAN_TEMPLATES}


THEMES = ["bundled", "simple", "notmyidea", "reflex"]

# What the tags write: everything outside these is the host theme's (or plain Markdown's) to style.
TAG_MARKUP = ", ".join(
    [
        "figure.highlight",
        "pre[class*='language-']",
        ".note",
        ".tabs",
        "mark",
        ".label",
        "a.btn",
        "a.btn-beautify",
        ".hide-inline",
        ".hide-block",
        "details.toggle",
        ".gallery-container",
        ".gallery-group-main",
        ".timeline",
        ".flink",
        ".tag-plugin",
        ".fold",
        ".group-image-container",
        ".group-picture",
        ".link-grid",
        "blockquote.blockquote-center",
        ".katex",
        ".katex-display",
        ".checkbox",
        "img.inline-img",
    ]
)


class _Site:
    def __init__(self, theme: str, output: Path) -> None:
        self.theme = theme
        self.output = output
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(output)))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module", params=THEMES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Site]:
    theme = request.param
    settings = _theme_settings(theme)
    root = tmp_path_factory.mktemp(f"site-{theme}")
    shutil.copytree(EXAMPLE_SITE / "content", root / "content")
    for name in ("_config.yml", "pelicanconf.py"):
        shutil.copy(EXAMPLE_SITE / name, root / name)
    (root / "content" / "_posts" / "math-in-other-themes.md").write_text(MATH_POST, encoding="utf-8")
    build_site(root / "pelicanconf.py", root / "output", HEXO_MATH="server", **settings)
    served = _Site(theme, root / "output")
    yield served
    served.close()


@pytest.fixture(scope="module")
def page(browser: Any, site: _Site) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    context.route("**/*", _offline)
    opened = context.new_page()
    yield opened
    context.close()


def _open(page: Any, site: _Site, path: str) -> None:
    page.goto(site.url + path, wait_until="load")
    page.evaluate("document.fonts.ready")


# --- our side: the tags look right in any theme ----------------------------------------------------


@pytest.mark.parametrize("name", ["next", "butterfly", "fluid", "stellar"])
def test_notes_do_not_float_and_fill_their_container(page: Any, site: _Site, name: str) -> None:
    _open(page, site, PAGES[name])
    notes = page.evaluate(
        """() => [...document.querySelectorAll('.note')].filter(n => n.offsetParent).map(n => {
            const s = getComputedStyle(n), box = getComputedStyle(n.parentElement);
            const content = n.parentElement.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
            return {cls: n.className, float: s.float, clear: s.clear, width: n.getBoundingClientRect().width, content};
        })"""
    )
    assert notes, f"no note shown on {name}"
    for note in notes:
        assert note["float"] == "none", f"{site.theme}: .{note['cls']} floats {note['float']}"
        # Nor does it slide under the host's own floats (notmyidea's post-info box).
        assert note["clear"] == "both", f"{site.theme}: .{note['cls']} clears {note['clear']}"
        assert abs(note["width"] - note["content"]) <= 2, f"{site.theme}: .{note['cls']} is {note}"


@pytest.mark.parametrize("name", ["tour", "next", "math"])
def test_code_is_upright(page: Any, site: _Site, name: str) -> None:
    _open(page, site, PAGES[name])
    slanted = page.evaluate(
        """() => {
            const upright = 'figure.highlight td.code, figure.highlight td.code pre, figure.highlight td.gutter,'
                + ' figure.highlight .line, pre code, :not(pre) > code';
            const found = [...document.querySelectorAll(upright)];
            return {count: found.length, slanted: found.filter(e => getComputedStyle(e).fontStyle !== 'normal')
                .map(e => e.tagName.toLowerCase() + '.' + e.className)};
        }"""
    )
    assert slanted["count"] > 0, f"no code on {name}"
    assert slanted["slanted"] == [], f"{site.theme}: italic code on {name}"
    # The text between tokens is the block's own colour, not a comment's grey.
    greyed = page.evaluate(
        """() => [...document.querySelectorAll('figure.highlight td.code')].filter(cell => {
            const comment = cell.querySelector('.comment, .hljs-comment');
            return comment && getComputedStyle(comment).color === getComputedStyle(cell).color;
        }).length"""
    )
    assert greyed == 0, f"{site.theme}: code cells coloured as comments on {name}"


@pytest.mark.parametrize("name", ["next", "butterfly"])
def test_one_tab_pane_shows_and_clicks_switch_it(page: Any, site: _Site, name: str) -> None:
    _open(page, site, PAGES[name])
    tabs = page.locator(".tabs").first
    buttons = tabs.locator(":scope > .nav-tabs > .tab")
    panes = tabs.locator(":scope > .tab-content > .tab-pane, :scope > .tab-contents > .tab-item-content")
    assert buttons.count() >= 2

    def shown() -> list[int]:
        return [i for i in range(panes.count()) if panes.nth(i).is_visible()]

    assert len(shown()) == 1, f"{site.theme}: panes shown at first: {shown()}"
    for index in range(buttons.count()):
        buttons.nth(index).click()
        assert shown() == [index], f"{site.theme}: after a click on tab {index}, panes shown: {shown()}"


def test_math_is_set_in_katex_fonts(page: Any, site: _Site) -> None:
    _open(page, site, MATH)
    fonts = page.evaluate(
        """() => [...document.querySelectorAll('.katex')].map(k => {
            const s = getComputedStyle(k);
            const text = k.querySelector('.text');
            return {family: s.fontFamily, style: s.fontStyle, float: s.float,
                    text: text && getComputedStyle(text).fontStyle};
        })"""
    )
    assert len(fonts) == 2, f"{site.theme}: KaTeX spans {fonts}"
    for font in fonts:
        assert font["family"].startswith("KaTeX_Main"), f"{site.theme}: math font {font}"
        assert font["style"] == "normal" and font["float"] == "none", f"{site.theme}: math {font}"
    # \text{...} is upright: KaTeX's own italics are only for its variables.
    assert [f["text"] for f in fonts if f["text"]] == ["normal"]
    assert page.evaluate("document.fonts.check('1em KaTeX_Main')"), "KaTeX's fonts are not loaded"


@pytest.mark.parametrize("name", list(PAGES))
def test_no_sideways_scroll_on_a_phone(browser: Any, site: _Site, name: str) -> None:
    phone = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    try:
        phone.route("**/*", _offline)
        opened = phone.new_page()
        opened.goto(site.url + PAGES[name], wait_until="load")
        wide = opened.evaluate(
            "[document.documentElement.scrollWidth, innerWidth,"
            " [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)"
            ".slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)]"
        )
        assert wide[0] <= wide[1], f"{site.theme}: {name} scrolls sideways at 390 px: {wide}"
    finally:
        phone.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_full_page_screenshot(page: Any, site: _Site, name: str, screenshots: Path) -> None:
    _open(page, site, PAGES[name])
    shot = screenshots / f"themes-{site.theme}-{name}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0


# --- the host's side: our stylesheets leave the theme's own elements alone -----------------------


_HOST_STYLE = """(markup) => {
    const props = ['font-family', 'font-size', 'font-style', 'font-weight', 'line-height', 'color',
        'background-color', 'float', 'clear', 'display', 'position', 'list-style-type', 'text-align',
        'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
        'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
        'border-top-width', 'border-left-width', 'border-top-style', 'border-left-style'];
    const out = {};
    document.querySelectorAll('body *').forEach((e, i) => {
        if (e.closest(markup)) return;
        const s = getComputedStyle(e);
        out[i + ' ' + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className] =
            props.map(p => p + ':' + s.getPropertyValue(p)).join(';');
    });
    return out;
}"""

_OUR_SHEETS = "[...document.styleSheets].filter(s => s.href && s.href.includes('/hexo-tags/'))"


@pytest.mark.parametrize("name", list(PAGES))
def test_host_elements_keep_their_style(page: Any, site: _Site, name: str) -> None:
    _open(page, site, PAGES[name])
    assert page.evaluate(f"{_OUR_SHEETS}.length") >= 1, "the page links no tag stylesheet"
    with_ours = page.evaluate(_HOST_STYLE, TAG_MARKUP)
    page.evaluate(f"{_OUR_SHEETS}.forEach(s => s.disabled = true)")
    without = page.evaluate(_HOST_STYLE, TAG_MARKUP)
    changed = {key: (with_ours[key], without[key]) for key in with_ours if with_ours[key] != without.get(key)}
    restyled = {
        key: [a for a, b in zip(mine.split(";"), theirs.split(";"), strict=True) if a != b]
        for key, (mine, theirs) in changed.items()
    }
    assert restyled == {}, f"{site.theme}: our tag CSS restyles the theme's own elements on {name}"
    # The page title and a paragraph of the post were among those compared.
    keys = " ".join(with_ours)
    assert " h1" in keys and " p." in keys
