"""hexo-lazyload-image 1.1.3: images load when scrolled to, a placeholder until then.

Its ``index.js`` does nothing unless ``lazyload: {enable: true}``. Then
``lib/process.js`` rewrites every ``<img … src="URL" …>`` (its own
expression, any case) to ``src="LOADING" data-original="URL"``, leaving
those with ``data-original`` already, a ``src="data:image…`` or ``no-lazy``
anywhere in the tag. ``LOADING`` is ``lazyload.loadingImg``, else the
package's animated SVG (``lib/default-image.json``). With ``onlypost: true``
it runs at ``after_post_render`` on post bodies, skipping a post whose front
matter says ``lazyimage: no``; otherwise at ``after_render:html`` on every
page (``lazyimage`` is then not read). ``lib/addscripts.js`` puts a
``[bg-lazy]`` style, ``window.imageLazyLoadSetting = {isSPA, preloadRatio}``
and the package's two scripts, minified, before ``</body>`` of every page
(``tests/fixtures/plugins/hexo-lazyload-image``, from the real package).

Here the body gets the same ``<img>``; the style and scripts are the
package's own files, unminified, in ``static/lazyload/`` (``SOURCE.txt``),
loaded from the page's ``<head>`` with ``defer`` (so, like scripts at the
end of ``<body>``, after the images are parsed) by each page that shows a
lazy image. A site's own ``isSPA`` or ``preloadRatio`` is written inline at
the top of the post, before the bundle runs; the bundle's setting file holds
the package's defaults. Nothing is fetched from elsewhere.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from ..extend import Extensions

PACKAGE = "hexo-lazyload-image"
STATUS = "emulated"
LOSES = ""

BUNDLE = "lazyload"
# lib/default-image.json: three dots scaling in turn.
DEFAULT_LOADING_IMAGE = (
    "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI0OCIgaGVpZ2h0PSI0OCIg"
    "dmlld0JveD0iMCAwIDI0IDI0Ij48Y2lyY2xlIGN4PSI0IiBjeT0iMTIiIHI9IjMiIGZpbGw9ImN1cnJlbnRDb2xvciI+PGFuaW1hdGUgaWQ9"
    "InN2Z1NwaW5uZXJzM0RvdHNTY2FsZTAiIGF0dHJpYnV0ZU5hbWU9InIiIGJlZ2luPSIwO3N2Z1NwaW5uZXJzM0RvdHNTY2FsZTEuZW5kLTAu"
    "MjVzIiBkdXI9IjAuNzVzIiB2YWx1ZXM9IjM7LjI7MyIvPjwvY2lyY2xlPjxjaXJjbGUgY3g9IjEyIiBjeT0iMTIiIHI9IjMiIGZpbGw9ImN1"
    "cnJlbnRDb2xvciI+PGFuaW1hdGUgYXR0cmlidXRlTmFtZT0iciIgYmVnaW49InN2Z1NwaW5uZXJzM0RvdHNTY2FsZTAuZW5kLTAuNnMiIGR1"
    "cj0iMC43NXMiIHZhbHVlcz0iMzsuMjszIi8+PC9jaXJjbGU+PGNpcmNsZSBjeD0iMjAiIGN5PSIxMiIgcj0iMyIgZmlsbD0iY3VycmVudENv"
    "bG9yIj48YW5pbWF0ZSBpZD0ic3ZnU3Bpbm5lcnMzRG90c1NjYWxlMSIgYXR0cmlidXRlTmFtZT0iciIgYmVnaW49InN2Z1NwaW5uZXJzM0Rv"
    "dHNTY2FsZTAuZW5kLTAuNDVzIiBkdXI9IjAuNzVzIiB2YWx1ZXM9IjM7LjI7MyIvPjwvY2lyY2xlPjwvc3ZnPg=="
)

# lib/process.js's expressions, as there: non-greedy, case-insensitive.
_IMG = re.compile(r'<img(.*?)src="(.*?)"(.*?)>', re.IGNORECASE | re.DOTALL)
_LEFT_ALONE = re.compile(r'data-original|src="data:image|no-lazy', re.IGNORECASE)


def lazy_images(html: str, loading_image: str) -> str:
    """``lazyProcess``: each ``<img>`` shows ``loading_image`` until the script swaps ``data-original`` in."""

    def defer(match: re.Match[str]) -> str:
        tag = match.group(0)
        if _LEFT_ALONE.search(tag):
            return tag
        # String.replace with a string: the first occurrence of the src in the tag.
        return tag.replace(match.group(2), f'{loading_image}" data-original="{match.group(2)}', 1)

    return _IMG.sub(defer, html)


def _js_number(value: Any) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def setting_script(settings: Mapping[str, Any]) -> str:
    """The inline ``imageLazyLoadSetting`` for a site whose values are not the bundle's defaults."""
    is_spa = bool(settings.get("isSPA"))
    try:
        ratio = _js_number(settings.get("preloadRatio") or 1)
    except (TypeError, ValueError):
        # JavaScript's `x || 1` keeps a string; the script then multiplies by it.
        ratio = json.dumps(str(settings.get("preloadRatio")))
    if not is_spa and ratio == "1":
        return ""
    return (
        f"<script>window.imageLazyLoadSetting = {{isSPA: {json.dumps(is_spa)}, "
        f"preloadRatio: {ratio}, processImages: null}};</script>"
    )


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    settings = config.get("lazyload")
    if not isinstance(settings, Mapping) or not settings.get("enable"):
        return
    loading_image = str(settings.get("loadingImg") or DEFAULT_LOADING_IMAGE)
    only_post = bool(settings.get("onlypost"))
    setting = setting_script(settings)

    def process(html: str, post: Any) -> str:
        if only_post and post.metadata.get("lazyimage") == "no":
            return html
        html = lazy_images(html, loading_image)
        if "data-original" in html or "bg-lazy" in html:
            post.page_state.bundles.add(BUNDLE)
            html = setting + html
        return html

    hexo.register_filter("after_post_render" if only_post else "after_render:html", process)
