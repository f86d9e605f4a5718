"""hexo-asset-image 1.0.0: an ``<img>`` with a relative path points into the post's asset folder.

The npm package (1.0.0, the fork of CodeFalling's original that npm serves
and most sites install) registers one ``after_post_render`` filter, active
with ``post_asset_folder: true``. With cheerio it takes every ``<img src>``
of the post and, unless the src holds ``http`` or ``//``, starts with
white space and ``/``, or holds ``images/`` (or starts with ``/uploads``),
drops the ``.`` and empty segments, drops the first segment when more than
one is left (``pics/x.png``, ``../x.png`` → ``x.png``) and makes it
``root + <the post's URL folder> + rest``. It sees marked's output, so a
Markdown image's src is ``root + src`` there: ``/abs.png`` is rewritten too
(``tests/fixtures/plugins/hexo-asset-image``, from the real package).

Here the post's URL folder is the post's asset URL (``PostEnvironment.asset_url``)
and the rest goes through ``PostEnvironment.resolve_image``, so the file is
found where the pipeline finds post assets; this module only decides which
srcs the package rewrites and to what path. Markdown images are resolved while
the Markdown renders, so the module wraps the post's ``resolve_image`` before
rendering (``before_post_render``); ``<img>`` written as HTML is rewritten
after (``after_post_render``), as the package does.

Where 1.0.0's arithmetic fails, the image points at the asset instead:
for a permalink ending in ``/`` it cuts the folder at the last ``.`` of the
whole URL and writes ``/.io//x.png`` (its best-known bug), and an ``<img>``
already in the asset folder (``{% asset_img %}``) gets its date path twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ..extend import Extensions

PACKAGE = "hexo-asset-image"
STATUS = "partly"
LOSES = (
    "where 1.0.0 broke a link (`/.io//x.png` for a permalink ending in `/`, the date path twice on an "
    "`{% asset_img %}` image) the image points at the post's asset instead"
)

# The package's own tests (index.js), in its order.
_REMOTE = re.compile(r"http[s]*.*|//.*")
_SPACED_ROOT = re.compile(r"^\s+/")
_UPLOADS_OR_IMAGES = re.compile(r"^\s*/uploads|images/")
_IMG_SRC = re.compile(r"""(<img\b[^>]*?\ssrc\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
# Where the module keeps, per post, the srcs it already made of Markdown images.
_DONE = "hexo_asset_image_srcs"


def asset_relative(src: str) -> str | None:
    """The path in the post's asset folder the package makes of ``src``, or None when it leaves it alone."""
    src = src.replace("\\", "/", 1)
    # A data: URI the package would cut at its first "/"; kept whole here.
    if src[:5].lower() == "data:" or _REMOTE.search(src) or _SPACED_ROOT.search(src) or _UPLOADS_OR_IMAGES.search(src):
        return None
    segments = [segment for segment in src.split("/") if segment not in ("", ".")]
    if len(segments) > 1:
        segments = segments[1:]
    return "/".join(segments)


def _in_asset_folder(post: Any, relative: str) -> str:
    """``relative`` under the post's asset URL, found as the pipeline finds a post's assets."""
    missing = len(post.missing_assets)
    resolved = post.resolve_image(relative) if relative else post.asset_url
    del post.missing_assets[missing:]
    return resolved


def _wrap_resolver(post: Any) -> None:
    original: Callable[[str], str] = post.resolve_image
    if getattr(original, "hexo_asset_image", False):
        # Rendered again with the same environment: wrapping twice would cut a second segment.
        return
    done: set[str] = post.page_state.plugins.setdefault(_DONE, set())

    def resolve(src: str) -> str:
        # A Markdown image reaches the package as marked wrote it: root + src for a relative path.
        as_marked = src if re.match(r"^(/|#|[a-zA-Z][\w+.-]*:)", src) else "/" + src
        relative = asset_relative(as_marked)
        if relative is None:
            return original(src)
        missing = len(post.missing_assets)
        resolved = original(relative) if relative else post.asset_url
        if len(post.missing_assets) > missing:
            post.missing_assets[missing:] = [src]
        done.add(resolved)
        return resolved

    resolve.hexo_asset_image = True  # type: ignore[attr-defined]
    post.resolve_image = resolve


def rewrite_html_images(html: str, post: Any) -> str:
    """The package's filter on the ``<img>`` the Markdown engine did not write."""
    done: set[str] = post.page_state.plugins.get(_DONE) or set()

    def point(match: re.Match[str]) -> str:
        src = match.group(3)
        in_folder = post.asset_url not in ("", "/") and src.startswith(post.asset_url)
        if src in done or in_folder:
            return match.group(0)
        relative = asset_relative(src)
        if relative is None:
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{_in_asset_folder(post, relative)}{match.group(2)}"

    return _IMG_SRC.sub(point, html) if "<img" in html.lower() else html


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    if not config.get("post_asset_folder"):
        return

    def before(markdown: str, post: Any) -> None:
        _wrap_resolver(post)

    hexo.register_filter("before_post_render", before)
    hexo.register_filter("after_post_render", rewrite_html_images)
