"""hexo-generator-search 2: the search index themes' local search reads, ``search.xml`` or ``search.json``.

Its ``index.js`` merges ``search: {path: search.xml, field: post}`` under
the site's (a path without an extension gets ``.xml``) and registers the
XML or the JSON generator by the path's extension. ``field`` is ``post``
(posts, newest first), ``page`` or anything else (``all``: posts, then
pages); a post with ``indexing: false`` is left out. The XML is the
package's own ``templates/search.xml`` with each post's rendered HTML
(``content: false`` drops it); the JSON has each post's Markdown source
(``_content``), its tags and categories, as ``lib/json_generator.js`` writes
them (a page keeps only its last tag, as there).
``tests/fixtures/plugins/hexo-generator-search``, from the real package.
"""

from __future__ import annotations

import json
import logging
import posixpath
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from ..extend import Extensions, Route
from ..generators import PackageTemplate, SiteLocals, SitePost, package_file, sort_posts

PACKAGE = "hexo-generator-search"
STATUS = "partly"
LOSES = (
    "a custom `template:` (the package's own search.xml is used, with a warning); the XML's content carries what"
    " the site's after_render:html filters did to a post"
)

logger = logging.getLogger(__name__)

_CONTROL = re.compile("[\x00-\x1f\x7f]")
# JavaScript's encodeURI leaves these as they are.
_ENCODE_URI_SAFE = ";,/?:@&=+$-_.!~*'()#"


def encode_uri(text: str) -> str:
    """JavaScript's ``encodeURI`` (no decoding first, unlike hexo-util's)."""
    return quote(text, safe=_ENCODE_URI_SAFE)


def search_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    given = config.get("search")
    settings = {"path": "search.xml", "field": "post", **(given if isinstance(given, Mapping) else {})}
    if not settings["path"]:
        settings["path"] = "search.xml"
    if not posixpath.splitext(str(settings["path"]))[1]:
        settings["path"] = f"{settings['path']}.xml"
    return settings


def _chosen(site: SiteLocals, field: Any) -> tuple[list[SitePost] | None, list[SitePost] | None]:
    """The posts and pages ``field`` indexes, as both generators pick them."""
    field = str(field or "").strip()
    if field == "page":
        return None, site.pages
    posts = sort_posts(site.posts, "-date")
    return (posts, None) if field in ("post", "") else (posts, site.pages)


def _indexed(post: SitePost) -> bool:
    indexing = post.get("indexing")
    return indexing is None or bool(indexing)


def _expressions(root: str, with_content: bool) -> dict[str, Any]:
    def body(name: str):
        return lambda s: _CONTROL.sub("", s[name].content or "")

    return {
        "posts": lambda s: s["posts"],
        "pages": lambda s: s["pages"],
        "posts.toArray()": lambda s: s["posts"],
        "pages.toArray()": lambda s: s["pages"],
        # The pages' loop asks about ``post``, which is undefined there: every page is indexed.
        "post.indexing == undefined or post.indexing": lambda s: "post" not in s or _indexed(s["post"]),
        "post.title": lambda s: s["post"].title,
        "page.title": lambda s: s["page"].title,
        "(url + post.path) | uriencode": lambda s: encode_uri(root + s["post"].path),
        "(url + page.path) | uriencode": lambda s: encode_uri(root + s["page"].path),
        "content": lambda s: with_content,
        "post.content | noControlChars | safe": body("post"),
        "page.content | noControlChars | safe": body("page"),
        "post.categories and post.categories.length>0": lambda s: bool(s["post"].categories),
        "post.categories.toArray()": lambda s: s["post"].categories,
        "cate.name": lambda s: s["cate"].name,
        "post.tags and post.tags.length>0": lambda s: bool(s["post"].tags),
        "post.tags.toArray()": lambda s: s["post"].tags,
        "tag.name": lambda s: s["tag"].name,
    }


def render_xml(site: SiteLocals, settings: Mapping[str, Any]) -> Route:
    """``lib/xml_generator.js``."""
    posts, pages = _chosen(site, settings["field"])
    content = settings.get("content")
    with_content = True if content is None else bool(content)
    template = PackageTemplate(
        package_file("hexo_generator_search", "search.xml"), _expressions(site.config.root, with_content)
    )
    # The post loop leaves ``post`` unset once it ends (Nunjucks scopes it to the loop).
    scope: dict[str, Any] = {"posts": posts, "pages": pages}
    text = template.render(scope)
    return Route(str(settings["path"]), text)


def _entry(post: SitePost, root: str, content: Any, is_page: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    if post.title:
        entry["title"] = post.title
    if post.path:
        entry["url"] = root + post.path
    if content is not False and post.raw:
        entry["content"] = post.raw
    if post.tags:
        entry["tags"] = [post.tags[-1].name] if is_page else [tag.name for tag in post.tags]
    if post.categories and not is_page:
        entry["categories"] = [category.name for category in post.categories]
    return entry


def render_json(site: SiteLocals, settings: Mapping[str, Any]) -> Route:
    """``lib/json_generator.js``."""
    posts, pages = _chosen(site, settings["field"])
    root = site.config.root
    content = settings.get("content")
    entries = [_entry(p, root, content, False) for p in posts or () if _indexed(p)]
    entries += [_entry(p, root, content, True) for p in pages or () if _indexed(p)]
    return Route(str(settings["path"]), json.dumps(entries, ensure_ascii=False, separators=(",", ":")))


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    settings = search_settings(config)
    extension = posixpath.splitext(str(settings["path"]))[1]
    if settings.get("template"):
        logger.warning("search.template %r: the package's own search.xml is used here", settings["template"])
    if extension == ".xml":
        hexo.register_generator("xml", lambda site: render_xml(site, settings))
    elif extension == ".json":
        hexo.register_generator("json", lambda site: render_json(site, settings))
