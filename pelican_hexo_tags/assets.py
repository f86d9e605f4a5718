"""Theme tag stylesheets and scripts in the pages that need them, and site-wide tag output.

A tag asks for a bundle with ``ctx.require("next")``; the reader records it in
the post's ``hexo_bundles`` metadata and ``integration.publish_asset_folders``
copies ``static/<bundle>/`` to ``hexo-tags/<bundle>/`` in the output. Here each
written page whose content used a bundle gets the bundle's ``<link>`` and
``<script>`` in its ``<head>``.

The head is edited after Pelican writes the page (``content_written``), not
through the template or the content:

* any theme works unchanged: no template has to know about us;
* the content stays clean, so feeds and summaries carry no ``<script>``;
* it is driven by metadata, so a cached build (content read from Pelican's
  cache) injects exactly what a fresh one does.

``HEXO_INJECT_ASSETS = False`` turns it off for sites that style the tags
themselves (the files are still published).
"""

from __future__ import annotations

import logging
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from .config import hexo_config_from_settings

logger = logging.getLogger(__name__)

STATIC_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_BODY_START = re.compile(r"<body[\s>]", re.IGNORECASE)
_SERIES_MARK = re.compile(r"<!--hexo-series:(.*?)-->")


def bundle_files(bundle: str) -> list[str]:
    """The stylesheets, then the scripts, at the top of a bundle's folder."""
    folder = os.path.join(STATIC_ROOT, bundle)
    if not os.path.isdir(folder):
        return []
    names = sorted(os.listdir(folder))
    return [n for n in names if n.endswith(".css")] + [n for n in names if n.endswith(".js")]


def _contents_on_page(context: Mapping[str, Any]) -> Iterable[Any]:
    for key in ("article", "page"):
        if context.get(key) is not None:
            yield context[key]
    # Index, tag, category and author pages show their articles through the paginator;
    # ``articles`` is in every page's context (the whole site), so it says nothing here.
    listing = context.get("articles_page")
    if listing is not None:
        yield from listing.object_list


def bundles_on_page(context: Mapping[str, Any]) -> list[str]:
    """Bundles asked for by the content objects a written page shows."""
    found: set[str] = set()
    for content in _contents_on_page(context):
        found.update(getattr(content, "hexo_bundles", None) or ())
    return sorted(found)


def asset_markup(bundles: Iterable[str], page_path: str, output_path: str, html: str = "") -> str:
    """``<link>``/``<script>`` for ``bundles``, by paths relative to the page so file:// browsing works too.

    A bundle the page already loads from somewhere is left alone: tags that
    write their own loader (hexo-tag-videojs2, KaTeX for math) know which of
    its files they need.
    """
    out = []
    page_dir = os.path.dirname(os.path.abspath(page_path))
    for bundle in bundles:
        if f"hexo-tags/{bundle}/" in html:
            continue
        for name in bundle_files(bundle):
            target = os.path.join(os.path.abspath(output_path), "hexo-tags", bundle, name)
            href = escape(os.path.relpath(target, page_dir).replace(os.sep, "/"))
            if name.endswith(".css"):
                out.append(f'<link rel="stylesheet" href="{href}">')
            else:
                out.append(f'<script src="{href}" defer></script>')
    return "".join(out)


# Set in a page's local context once the receivers' work is done on its HTML before it was written
# (parallel_write renders there): the content_written receivers then leave the file alone.
FINISHED_PAGE = "hexo_finished_page"


def inject_bundles(path: str, context: Mapping[str, Any]) -> None:
    """``content_written``: put the page's bundles into its ``<head>``."""
    if context.get(FINISHED_PAGE) or not _wants_bundles(path, context):
        return
    with open(path, encoding="utf-8") as handle:
        html = handle.read()
    injected = with_bundles(html, path, context)
    if injected is not None:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(injected)


def _wants_bundles(path: str, context: Mapping[str, Any]) -> bool:
    if context.get("HEXO_INJECT_ASSETS", True) is False or not str(path).endswith((".html", ".htm")):
        return False
    from .incremental import KEPT_PAGE
    from .metadata import written_without_layout

    # A kept page is the last build's file, its bundles already in; `layout: false` is the body alone.
    return not context.get(KEPT_PAGE) and not written_without_layout(context)


def with_bundles(html: str, path: str, context: Mapping[str, Any]) -> str | None:
    """``html`` of the page at ``path`` with its bundles in its ``<head>``; None when none is missing."""
    bundles = bundles_on_page(context)
    if not bundles:
        return None
    markup = asset_markup(bundles, path, str(context.get("OUTPUT_PATH") or os.path.dirname(path)), html)
    if not markup:
        return None
    head_end = _HEAD_END.search(html)
    if head_end:
        return html[: head_end.start()] + markup + html[head_end.start() :]
    # A theme without <head>: browsers accept these at the top of <body> too.
    body = _BODY_START.search(html)
    position = html.index(">", body.start()) + 1 if body else 0
    return html[:position] + markup + html[position:]


def finish_page(html: str, path: str, context: dict[str, Any]) -> str:
    """What the ``content_written`` receivers do to the file at ``path``, done on ``html`` before it is written.

    The same functions on the same text, read as the receivers read the file (universal newlines),
    and kept as rendered where they would not have rewritten it: the bytes are those of the write,
    read back, edited and written again, without the two round trips (11,000 opens at 1,000 posts).
    """
    from .integration import filtered_page

    as_read = html.replace("\r\n", "\n").replace("\r", "\n") if "\r" in html else html
    if _wants_bundles(path, context):
        injected = with_bundles(as_read, path, context)
        if injected is not None:
            html = as_read = injected
    filtered = filtered_page(as_read, path, context)
    if filtered is not None and filtered != as_read:
        html = filtered
    context[FINISHED_PAGE] = True
    return html


def fill_series(generator: Any) -> None:
    """Butterfly's ``{% series %}`` lists every post of a series, known only once all are read."""
    articles = list(getattr(generator, "articles", []))
    marked = [a for a in articles if "<!--hexo-series:" in (a._content or "")]
    if not marked:
        return
    groups: dict[str, list[Any]] = defaultdict(list)
    for article in articles:
        name = getattr(article, "series", None)
        if name:
            groups[str(name)].append(article)
    root = hexo_config_from_settings(generator.settings).root

    def listing(match: re.Match[str]) -> str:
        from .html import unescape_html

        name = unescape_html(match.group(1))
        members = sorted(groups.get(name, []), key=lambda a: a.date)
        if not members:
            logger.warning("{%% series %%}: there is no series named %r", name)
            return ""
        items = "".join(
            f'<li><a href="{escape(root + a.url)}" title="{escape(a.title)}">{escape(a.title)}</a></li>'
            for a in members
        )
        return f'<ul class="series-items">{items}</ul>'

    for article in marked:
        article._content = _SERIES_MARK.sub(listing, article._content)
