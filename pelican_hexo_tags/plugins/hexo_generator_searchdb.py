"""hexo-generator-searchdb 1: NexT's (and other themes') local-search database, ``search.json`` or ``search.xml``.

Its ``index.js`` merges ``search: {path: search.json, field: post, content:
true, format: striptags}`` under the site's (a path without an extension
gets ``.json``) and registers the JSON or the XML generator by the path's
extension. ``lib/database.js`` takes the posts (``field: post``), the pages
(``page``) or both (``all``) in the order Hexo holds them (here, by source
path, which is the order the real package gave for the fixture), each with
its ``title``, ``url`` (``encodeURI(root + path)``), its ``content``
(``raw``: the Markdown source; ``html``: the rendered HTML; ``striptags``:
that without tags, highlight gutters dropped first) and a post's categories
and tags. The XML is the package's own ``templates/search.xml``.
``tests/fixtures/plugins/hexo-generator-searchdb``, from the real package.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping
from typing import Any

from ..extend import Extensions, Route
from ..generators import PackageTemplate, SiteLocals, SitePost, package_file
from .hexo_generator_search import encode_uri

PACKAGE = "hexo-generator-searchdb"
STATUS = "partly"
LOSES = "the rendered content carries what the site's after_render:html filters did to a post"

_GUTTER = re.compile(r'<td class="gutter">.*?</td>')
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def searchdb_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    given = config.get("search")
    settings = {"path": "search.json", "field": "post", "content": True, "format": "striptags"}
    settings.update(given if isinstance(given, Mapping) else {})
    if not posixpath.splitext(str(settings["path"]))[1]:
        settings["path"] = f"{settings['path']}.json"
    return settings


def strip_html(html: str) -> str:
    """hexo-util ``stripHTML``: the text without tags and comments (entities left as written)."""
    return _TAG.sub("", _COMMENT.sub("", html))


def _entry(post: SitePost, root: str, settings: Mapping[str, Any], is_post: bool) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if post.title:
        data["title"] = post.title
    if post.path:
        data["url"] = encode_uri(root + post.path)
    if settings.get("content") is not False:
        if settings.get("format") == "raw":
            data["content"] = post.raw
        else:
            content = _GUTTER.sub("", post.content)
            data["content"] = strip_html(content) if settings.get("format") == "striptags" else content
    else:
        data["content"] = ""
    if not is_post:
        return data
    if post.categories:
        data["categories"] = [category.name for category in post.categories]
    if post.tags:
        data["tags"] = [tag.name for tag in post.tags]
    return data


def database(site: SiteLocals, settings: Mapping[str, Any]) -> list[dict[str, Any]]:
    """``lib/database.js``."""
    field = settings.get("field")
    root = site.config.root
    entries = []
    if field in ("all", "post"):
        entries += [_entry(post, root, settings, True) for post in site.posts]
    if field in ("all", "page"):
        entries += [_entry(page, root, settings, False) for page in site.pages]
    return entries


_EXPRESSIONS = {
    "articles": lambda s: s["articles"],
    "article.title": lambda s: s["article"].get("title"),
    "article.url": lambda s: s["article"].get("url"),
    "article.content | safe": lambda s: s["article"].get("content"),
    "article.categories": lambda s: s["article"].get("categories"),
    "article.tags": lambda s: s["article"].get("tags"),
    "category": lambda s: s["category"],
    "tag": lambda s: s["tag"],
}


def render(site: SiteLocals, settings: Mapping[str, Any], extension: str) -> Route:
    entries = database(site, settings)
    if extension == ".json":
        return Route(str(settings["path"]), json.dumps(entries, ensure_ascii=False, separators=(",", ":")))
    template = PackageTemplate(package_file("hexo_generator_searchdb", "search.xml"), _EXPRESSIONS)
    return Route(str(settings["path"]), template.render({"articles": entries}))


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    settings = searchdb_settings(config)
    extension = posixpath.splitext(str(settings["path"]))[1]
    if extension in (".xml", ".json"):
        hexo.register_generator(extension.lstrip("."), lambda site: render(site, settings, extension))
