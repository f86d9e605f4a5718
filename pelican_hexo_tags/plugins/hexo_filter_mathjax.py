"""hexo-filter-mathjax 0.11: a post's TeX typeset by MathJax 4 on the server, as SVG.

Its ``index.js`` merges ``mathjax: {tags: none, single_dollars: true,
cjk_width: 0.9, normal_width: 0.6, append_css: true, every_page: false,
extension_options: {}}`` under the site's ``mathjax:`` and registers an
``after_post_render`` filter at priority 5 that, for a post with ``mathjax:``
in its front matter (any value JavaScript calls true) or every post with
``every_page``, runs MathJax's HTML handler over the whole post with
liteDOM: ``\\(…\\)``, ``\\[…\\]``, ``$$…$$``, ``$…$`` with ``single_dollars``
and ``\\begin{env}…\\end{env}`` in the text, not in ``<pre>``, ``<code>`` and
the other tags MathJax skips; each becomes ``<mjx-container class="MathJax"
jax="SVG">`` with an ``<svg>`` (New Computer Modern glyphs, no font cache).
The post comes back as liteDOM writes it out, so its other HTML is
rewritten too (``&quot;`` in text as ``"``, for one).

Here the package's own code runs, with MathJax, in an embedded V8
(``static/mathjax/``, built from ``hexo-filter-mathjax@0.11.1``'s
dependencies by ``tools/build_mathjax.mjs``): the SVG, ids and equation
numbers are the ones Hexo wrote. The Markdown renderer before it reads no
math (``math.FILTER``), as the site's renderer read none. ``append_css``'s
stylesheet, which the package puts in each page's ``<head>`` as a
``<style>``, is linked there from ``static/hexo-filter-mathjax/``
(``tests/fixtures/plugins/hexo-filter-mathjax``, from the real package).

Hexo typesets posts concurrently, and MathJax's autoload is global: a post
using ``\\color`` while another was autoloading it got "Undefined control
sequence" there. Here posts are typeset one at a time, as in one Node run
of the filter over each post in turn.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping
from typing import Any

from ..extend import Extensions
from ..js_runtime import _LOCK, js_context, read_static

PACKAGE = "hexo-filter-mathjax"
STATUS = "partly"
LOSES = (
    "with hexo-renderer-marked, the `<br>` marked wrote with no line break after it (a display formula's "
    "`data-latex` has a blank line more); `append_css` is a `<link>` to the package's style.css, not a `<style>`"
)

logger = logging.getLogger(__name__)

_DEFAULTS: dict[str, Any] = {
    "tags": "none",
    "single_dollars": True,
    "cjk_width": 0.9,
    "normal_width": 0.6,
    "append_css": True,
    "every_page": False,
    "extension_options": {},
}
_TIMEOUT_SECONDS = 300
# static/hexo-filter-mathjax/: the package's style.css alone (static/mathjax/ holds the bundle).
CSS_BUNDLE = "hexo-filter-mathjax"
# What lib/filter.js reads of the settings; the rest only index.js does.
_FILTER_KEYS = ("tags", "single_dollars", "cjk_width", "normal_width", "packages", "extension_options")


def settings_of(config: Mapping[str, Any]) -> dict[str, Any]:
    """``Object.assign({defaults}, hexo.config.mathjax)``: a non-object ``mathjax:`` adds nothing."""
    given = config.get("mathjax")
    return {**_DEFAULTS, **(given if isinstance(given, Mapping) else {})}


def js_truthy(value: Any) -> bool:
    """``if (data.mathjax)``: JavaScript's truth, where ``"false"`` and ``[]`` are true."""
    if value is None or value is False:
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0 and not math.isnan(value)
    if isinstance(value, str):
        return value != ""
    return True


def _load_mathjax(context: Any) -> None:
    context.eval(read_static("mathjax", "mathjax-svg.min.js"))


def typeset(html: str, settings: Mapping[str, Any]) -> str:
    """The package's filter on one post's HTML; MathJax's own error when it fails."""
    options = json.dumps({key: settings.get(key) for key in _FILTER_KEYS}, sort_keys=True, default=str)
    context = js_context("mathjax", _load_mathjax)
    with _LOCK:
        # The promise settles on the context's own thread, as the next task after this call.
        promise = context.eval("hexoMathjax")(html, options)
        # A post MathJax takes minutes over is as good as lost; the build goes on without it.
        return str(promise.get(timeout=_TIMEOUT_SECONDS))


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    settings = settings_of(config)

    def mathjax(html: str, post: Any) -> str | None:
        if not js_truthy(post.metadata.get("mathjax")) and not settings.get("every_page"):
            return None
        try:
            typeset_html = typeset(html, settings)
        except Exception as error:  # noqa: BLE001 - Hexo stops the build; here the post keeps its TeX
            post.warn(1, f"hexo-filter-mathjax: MathJax failed: {str(error)[:500]}", "plugin-error")
            return None
        if settings.get("append_css"):
            # The package's style.css, in the <head> of each page showing the post.
            post.page_state.bundles.add(CSS_BUNDLE)
        return typeset_html

    hexo.register_filter("after_post_render", mathjax, 5)
