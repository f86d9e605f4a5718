"""The search index the bundled theme's search page reads: the site's own, else one written here.

A Hexo site gets client-side search from a package that writes an index
(hexo-generator-search's ``search.xml`` / ``search.json``,
hexo-generator-searchdb's ``search.json`` / ``search.xml``) or from its theme
(Fluid's ``local-search.xml``). :func:`package_index` says which of those the
site's config makes, so the search page fetches that one. A site with none of
them still gets search with the bundled theme: :func:`theme_index` writes
``search.json`` in hexo-generator-searchdb's JSON shape (``title``, ``url``,
``content`` as text, ``categories``, ``tags``), registered as a Hexo generator
(``themes.provide_search_index``) so ``generators.HexoGenerators`` writes it
with the site's other generated files.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping
from html import unescape
from typing import Any

from .config import HexoConfig, theme_settings
from .extend import Route
from .generators import SiteLocals, SitePost, sort_posts
from .plugins import site_packages
from .plugins.hexo_generator_search import encode_uri, search_settings
from .plugins.hexo_generator_searchdb import searchdb_settings

# Where the bundled theme's own index goes, and the name it registers under (no npm package has it).
THEME_INDEX = "search.json"
THEME_INDEX_GENERATOR = "pelican_hexo_tags:theme_search"

# The whole index is fetched when the search page opens, so one post's text is bounded: a pasted log
# or data dump would otherwise make every reader download it. The bound is above a long article:
# billhu0's 63 posts have a median of 3,949 characters of text and a longest of 46,153, all kept
# whole (526,036 characters in all); a word past the cap is not found.
POST_TEXT_CAP = 50_000

# What a reader does not read as text: scripts, styles, a code block's line numbers, comments.
_UNREAD = re.compile(
    r"<(script|style|template|noscript)\b[^>]*>.*?</\1\s*>|<td class=\"gutter\">.*?</td>|<!--.*?-->",
    re.DOTALL | re.IGNORECASE,
)
# Tags that end a block of text become a space, so that two paragraphs' words do not run together;
# the rest vanish, so a word split by inline markup (中<b>文</b>) is still one word.
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|hr|h[1-6]|li|ul|ol|dl|dt|dd|table|thead|tbody|tr|td|th|pre|blockquote|figure|figcaption"
    r"|section|article|aside|header|footer|details|summary|img)\b[^>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def post_text(html: str, cap: int = POST_TEXT_CAP) -> str:
    """A post's HTML as the text a reader reads: no tags or entities, whitespace collapsed, at most ``cap`` long."""
    text = _TAG.sub("", _BLOCK_TAG.sub(" ", _UNREAD.sub(" ", html or "")))
    text = _SPACE.sub(" ", unescape(text)).strip()
    return text[:cap].rstrip() if len(text) > cap else text


def _search_path(settings: Mapping[str, Any], extensions: tuple[str, ...] = (".xml", ".json")) -> str:
    path = str(settings.get("path") or "")
    return path if posixpath.splitext(path)[1] in extensions else ""


def package_index(config: HexoConfig) -> str:
    """The search index the site's Hexo theme or packages write, as the theme reads it (``""`` when none does).

    Fluid reads its own ``local-search.xml`` (``search.path``) when its ``search.enable`` is on;
    otherwise the last search package in package.json order whose path the package registers
    for (``.xml`` or ``.json``). A path under the site root loses its leading ``/``.
    """
    found = ""
    if str(config.get("theme") or "") == "fluid":
        given = theme_settings(config).get("search")
        fluid = {"enable": True, "path": "/local-search.xml", **(given if isinstance(given, Mapping) else {})}
        if fluid.get("enable"):
            found = str(fluid.get("path") or fluid.get("generate_path") or "/local-search.xml")
    if not found:
        for package in site_packages(config):
            if package == "hexo-generator-search":
                found = _search_path(search_settings(config)) or found
            elif package == "hexo-generator-searchdb":
                found = _search_path(searchdb_settings(config)) or found
    if found.startswith("/") and not found.startswith("//"):
        found = found[1:]
    return found


def _entry(post: SitePost, root: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "title": post.title,
        "url": encode_uri(root + post.path),
        "content": post_text(post.content),
    }
    if post.categories:
        entry["categories"] = [category.name for category in post.categories]
    if post.tags:
        entry["tags"] = [tag.name for tag in post.tags]
    return entry


def theme_entries(site: SiteLocals) -> list[dict[str, Any]]:
    """The theme's index: each post, newest first, as hexo-generator-searchdb's JSON has it."""
    root = site.config.root
    return [_entry(post, root) for post in sort_posts(site.posts, "-date")]


def theme_index(site: SiteLocals) -> Route:
    """``search.json`` for the bundled theme's search page, for a site no search package indexes."""
    return Route(THEME_INDEX, json.dumps(theme_entries(site), ensure_ascii=False, separators=(",", ":")))
