"""A post page's own CSS and JavaScript stay under 60 KB, as the browser fetches them.

Counted from Chromium's request log (the machinery of ``test_browser.py``: served on
127.0.0.1, every outside request aborted), not from a list of file names: every stylesheet
and script the page asks of its own site after loading and scrolling to the end, plus the
inline ``<script>`` and ``<style>`` of the page. KaTeX and MathJax (a blog's choice, loaded
only where a post has math) and fonts are left out. Two pages: the example site's Sora post,
and a post that pulls in everything the theme and the plugin can add to one (NexT tag CSS and
script, highlight.css, the reward/copyright/comments stylesheet and comments.js; the rail's
search field is a plain form with no file of its own).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import test_browser as shared
from test_browser import DESKTOP, SORA
from test_theme_post_furniture import _POST, GISCUS_CONFIG, build_small_site

browser = shared.browser
site_url = shared.site_url

BUDGET = 60 * 1024
FURNISHED = "/2024/01/02/everything/"
# Long enough that the comments sit below the first screen, as on a real post.
_BODY = "\n\n".join(
    [
        "{% note info %}A NexT note, so the theme's tag stylesheet and script load.{% endnote %}",
        "```python\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n```",
        *(f"Paragraph {n} of the post, before the comments." for n in range(60)),
    ]
)
_QR = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16"/></svg>'


def _is_excluded(path: str) -> bool:
    lowered = path.lower()
    return "katex" in lowered or "mathjax" in lowered


@dataclass
class Weighed:
    own: dict[str, int] = field(default_factory=dict)
    outside_on_load: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.own.values())

    def report(self) -> str:
        return "\n".join(f"{size:>7} {name}" for name, size in sorted(self.own.items())) + f"\n{self.total:>7} in all"


def _weigh(browser: Any, url: str) -> Weighed:
    weighed = Weighed()
    loaded = False
    context = browser.new_context(viewport=DESKTOP)

    def offline(route: Any) -> None:
        if shared._outside(route.request.url):
            if not loaded:
                weighed.outside_on_load.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    responses: list[Any] = []
    context.route("**/*", offline)
    page = context.new_page()
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(url, wait_until="networkidle")
        loaded = True
        # Whatever the page fetches lazily (the comments' loader, say) is part of the post too.
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_load_state("networkidle")
        for response in responses:
            path = urlsplit(response.url).path
            own_code = response.request.resource_type in ("stylesheet", "script") and not shared._outside(response.url)
            if own_code and response.ok and not _is_excluded(path):
                weighed.own[path] = len(response.body())
        weighed.own["inline <script> and <style>"] = page.evaluate(
            "[...document.querySelectorAll('script:not([src]), style')]"
            ".reduce((n, e) => n + new TextEncoder().encode(e.textContent).length, 0)"
        )
    finally:
        context.close()
    return weighed


@pytest.fixture(scope="module")
def furnished_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("budget-site")
    images = root / "content" / "images"
    images.mkdir(parents=True)
    for name in ("wechatpay.svg", "alipay.svg"):
        (images / name).write_text(_QR, encoding="utf-8")
    posts = {"everything.md": _POST.format(title="Everything", date="2024-01-02 10:00:00", extra="", body=_BODY)}
    build = build_small_site(root, GISCUS_CONFIG.replace(".png", ".svg"), posts)
    with shared.serve(build.output) as url:
        yield url


def test_sora_post_stays_under_budget(browser: Any, site_url: str) -> None:
    weighed = _weigh(browser, site_url + SORA)
    # The post's own bilibili and video embeds ask their hosts; the theme adds nothing to that.
    assert all("bilibili" in url or url.endswith(".mp4") for url in weighed.outside_on_load), weighed.outside_on_load
    assert {"/theme/css/theme.css", "/theme/js/theme.js"} <= set(weighed.own), weighed.report()
    assert weighed.total < BUDGET, weighed.report()


def test_fully_furnished_post_stays_under_budget(browser: Any, furnished_url: str) -> None:
    weighed = _weigh(browser, furnished_url + FURNISHED)
    # Nothing from another host until the reader reaches the comments.
    assert weighed.outside_on_load == []
    names = {Path(path).name for path in weighed.own}
    # The page really pulled in each kind of file the budget is about, so the sum covers them.
    expected = {"theme.css", "theme.js", "post-furniture.css", "comments.js", "highlight.css", "next-tags.css"}
    assert expected <= names, weighed.report()
    assert weighed.total < BUDGET, weighed.report()
