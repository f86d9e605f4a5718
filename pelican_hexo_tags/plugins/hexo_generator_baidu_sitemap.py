"""hexo-generator-baidu-sitemap 0.1: ``baidusitemap.xml``, the posts for Baidu's crawler.

Its ``index.js`` merges ``baidusitemap: {path: baidusitemap.xml}`` under the
site's; ``lib/generator.js`` renders ``baidusitemap.ejs`` (reproduced here,
whitespace and all) with the posts and pages, those with ``baidusitemap:
false`` left out, newest ``updated`` first. The template lists only what has
``categories``, which every post has and no page; each ``<loc>`` is
``encodeURI(url + root + path)``, so a site under a sub-path (``url:
http://host/blog``, ``root: /blog/``) gets ``/blog/blog/`` there, as the
package wrote it (``baidusitemap.url`` replaces ``url``).
``tests/fixtures/plugins/hexo-generator-baidu-sitemap``, from the real package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape
from typing import Any

from ..extend import Extensions, Route
from ..generators import SiteLocals
from .hexo_generator_search import encode_uri
from .hexo_generator_sitemap import utc_day

PACKAGE = "hexo-generator-baidu-sitemap"
STATUS = "emulated"
LOSES = ""


def _timestamp(value: dt.datetime) -> float:
    return value.timestamp() if value.tzinfo else value.replace(tzinfo=dt.timezone.utc).timestamp()


def render(site: SiteLocals, settings: Mapping[str, Any]) -> Route:
    config = site.config
    base = str(settings.get("url") or config.get("url") or "") + str(config.get("root") or "/")
    listed = [post for post in [*site.posts, *site.pages] if post.get("baidusitemap") is not False]
    listed.sort(key=lambda post: _timestamp(post.updated or post.date), reverse=True)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for post in listed:
        # A page has no ``categories`` in Hexo's model: the template's test leaves pages out.
        if post.is_page:
            continue
        lastmod = escape(utc_day(post.updated or post.date))
        out.append(
            f"  <url>\n    <loc>{encode_uri(base + post.path)}</loc>\n    <lastmod>{lastmod}</lastmod>\n  </url>\n"
        )
    out.append("</urlset> ")
    return Route(str(settings["path"]), "".join(out))


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    given = config.get("baidusitemap")
    settings = {"path": "baidusitemap.xml", **(given if isinstance(given, Mapping) else {})}
    if "." not in str(settings["path"]).rsplit("/", 1)[-1]:
        settings["path"] = f"{settings['path']}.xml"
    hexo.register_generator("baidusitemap", lambda site: render(site, settings))
