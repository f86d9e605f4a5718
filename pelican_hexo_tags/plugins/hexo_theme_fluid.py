"""hexo-theme-fluid 1.9: the theme's own local-search index, ``local-search.xml``.

Fluid does not use hexo-generator-search: its ``scripts/generators/local-search.js``
registers a generator (``_hexo_generator_search``) that, with the theme's
``search.enable``, renders the theme's ``source/xml/local-search.xml`` to
``search.generate_path`` (``/local-search.xml``) from the posts (``field:
post``, newest first), the pages (``page``) or both, each entry's URL
``urlJoin(root, path)``; in the pages' loop the template joins ``post.path``,
undefined there, so every page's URL is the root, as Fluid writes it. The
theme is GPL-3.0: its template is not copied here; :func:`local_search`
writes the same text (``tests/fixtures/plugins/hexo-theme-fluid``, from the
real theme). The theme's layouts are the Pelican theme's; Fluid's highlight
settings are read in ``config.py``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..config import theme_settings
from ..extend import Extensions, Route
from ..generators import SiteLocals, SitePost, nunjucks_escape, sort_posts
from .hexo_generator_search import encode_uri

PACKAGE = "hexo-theme-fluid"
STATUS = "partly"
LOSES = "its layouts, helpers and other generators (the Pelican theme makes the pages); only local-search.xml is made"

_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _url_join(base: str, relative: Any) -> str:
    return base.rstrip("/") + "/" + str(relative).lstrip("/") if relative else base


def _block(kind: str, names: list[str]) -> str:
    """A ``<categories>`` / ``<tags>`` block of the template, or nothing without names."""
    if not names:
        return ""
    items = "".join(f"\n      <{kind}>{nunjucks_escape(name)}</{kind}>\n      " for name in names)
    plural = "categories" if kind == "category" else "tags"
    return f"\n    <{plural}>\n      {items}\n    </{plural}>\n    "


def _post_entry(post: SitePost, root: str, content: bool) -> str:
    url = nunjucks_escape(encode_uri(_url_join(root, post.path)))
    text = f"\n  <entry>\n    <title>{nunjucks_escape(post.title)}</title>\n"
    text += f'    <link href="{url}"/>\n    <url>{url}</url>\n    '
    if content:
        text += f'\n    <content type="html"><![CDATA[{_CONTROL.sub("", post.content)}]]></content>\n    '
    text += "\n    " + _block("category", [c.name for c in post.categories])
    text += "\n    " + _block("tag", [t.name for t in post.tags])
    return text + "\n  </entry>\n  "


def _page_entry(page: SitePost, root: str, content: bool) -> str:
    url = nunjucks_escape(encode_uri(_url_join(root, None)))
    text = f"\n  <entry>\n    <title>{nunjucks_escape(page.title)}</title>\n"
    text += f'    <link href="{url}"/>\n    <url>{url}</url>\n    '
    if content:
        text += f'\n    <content type="html"><![CDATA[{_CONTROL.sub("", page.content)}]]></content>\n    '
    return text + "\n  </entry>\n  "


def _indexed(post: SitePost) -> bool:
    indexing = post.get("indexing")
    return indexing is None or bool(indexing)


def local_search(site: SiteLocals, search: Mapping[str, Any]) -> Route:
    """What Fluid's generator writes: its template's text for the chosen posts and pages."""
    field = str(search.get("field") or "").strip()
    posts = None if field == "page" else sort_posts(site.posts, "-date")
    pages = site.pages if field not in ("post", "") else None
    content = bool(search.get("content"))
    root = str(site.config.get("root") or "/")
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<search>\n  ']
    if posts:
        out.append("\n  ")
        for post in posts:
            out.append("\n  ")
            if _indexed(post):
                out.append(_post_entry(post, root, content))
            out.append("\n  ")
        out.append("\n  ")
    out.append("\n  ")
    if pages:
        out.append("\n  ")
        for page in pages:
            out.append("\n  " + _page_entry(page, root, content) + "\n  ")
        out.append("\n  ")
    out.append("\n</search>\n")
    return Route(str(search.get("generate_path") or "/local-search.xml"), "".join(out))


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    given = theme_settings(config).get("search")
    search = {"enable": True, "generate_path": "/local-search.xml", "field": "post", "content": True}
    search.update(given if isinstance(given, Mapping) else {})
    if search.get("enable"):
        hexo.register_generator("_hexo_generator_search", lambda site: local_search(site, search))
