"""hexo-generator-sitemap 2 and 3: ``sitemap.xml`` (and 3's ``sitemap.txt``) of every post, page, tag and category.

Its ``index.js`` merges ``sitemap: {path, rel: false, tags: true,
categories: true}`` under the site's (``path`` is ``sitemap.xml`` in 2,
``[sitemap.xml, sitemap.txt]`` in 3; a string without an extension gets
``.xml``). ``lib/generator.js`` lists the posts and pages, those with
``sitemap: false`` or whose source matches ``skip_render`` (or ``**/*.js``,
``**/*.css``) left out, newest ``updated`` first, and renders the package's
own templates (``templates/hexo_generator_sitemap/``). ``rel: true`` puts
``<link rel="sitemap">`` in each page's head, its ``href`` ``url_for`` of the
path as given (a list prints joined by commas, as in the package).
``tests/fixtures/plugins/hexo-generator-sitemap``, from the real package.

Written here rather than left to the pelican-sitemap plugin: that one writes
its own file (every Pelican output with its changefreq and priority, no tag
or category entries unless configured, no ``sitemap: false`` front matter, no
``skip_render``, no ``sitemap.txt``) at its own settings, while a migrated
site's search-console entry and robots.txt expect the file Hexo wrote.
"""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
import re
from collections.abc import Mapping
from typing import Any

from ..extend import Extensions, Route
from ..generators import PackageTemplate, SiteLocals, package_file
from ..globs import micromatch
from ..html import encode_url
from ..tags.builtin import url_for

PACKAGE = "hexo-generator-sitemap"
STATUS = "partly"
LOSES = "custom `template:` / `template_txt:` (the package's own templates are used, with a warning)"

logger = logging.getLogger(__name__)

_SITEMAP_LINK = re.compile(r"""rel=['|"]?sitemap['|"]?""", re.IGNORECASE)
_HEAD = re.compile(r"<head>(?!</head>).+?</head>")


def sitemap_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    """``hexo.config.sitemap`` as the installed version's ``index.js`` leaves it."""
    package = getattr(config, "package", None)
    version = package.versions.get(PACKAGE) if package is not None else None
    path: Any = "sitemap.xml" if version is not None and version[0] < 3 else ["sitemap.xml", "sitemap.txt"]
    given = config.get("sitemap")
    settings = {"path": path, "rel": False, "tags": True, "categories": True}
    settings.update(given if isinstance(given, Mapping) else {})
    if isinstance(settings["path"], str) and not posixpath.splitext(settings["path"])[1]:
        settings["path"] += ".xml"
    return settings


def skipped(config: Mapping[str, Any]) -> list[re.Pattern[str]]:
    patterns = ["**/*.js", "**/*.css"]
    skip_render = config.get("skip_render")
    if isinstance(skip_render, list):
        patterns += [str(p) for p in skip_render]
    elif isinstance(skip_render, str) and skip_render:
        patterns.append(skip_render)
    return [micromatch(p) for p in patterns]


def utc_day(value: dt.datetime) -> str:
    """The sitemaps' ``formatDate``: Moment's ``YYYY-MM-DD``, of the UTC day where the date has a zone.

    Not strftime, which Pelican's dates do piece by piece in Python (0.03 s a sitemap).
    """
    moment = value.astimezone(dt.timezone.utc) if value.tzinfo else value
    return moment.date().isoformat()


def _timestamp(value: dt.datetime | None) -> float:
    if value is None:
        return 0.0
    return value.timestamp() if value.tzinfo else value.replace(tzinfo=dt.timezone.utc).timestamp()


_EXPRESSIONS = {
    "posts": lambda s: s["posts"],
    "tags": lambda s: s["tags"],
    "categories": lambda s: s["categories"],
    "post.permalink | uriencode": lambda s: encode_url(s["post"].permalink),
    "post.updated": lambda s: s["post"].updated,
    "post.updated | formatDate": lambda s: utc_day(s["post"].updated),
    "post.date": lambda s: s["post"].date,
    "post.date | formatDate": lambda s: utc_day(s["post"].date),
    "config.url | uriencode": lambda s: encode_url(str(s["config"].get("url") or "")),
    "sNow | formatDate": lambda s: utc_day(s["now"]),
    "tag.permalink | uriencode": lambda s: encode_url(s["tag"].permalink),
    "cat.permalink | uriencode": lambda s: encode_url(s["cat"].permalink),
}


def render_sitemaps(site: SiteLocals, settings: Mapping[str, Any], now: dt.datetime | None = None) -> list[Route]:
    """``lib/generator.js``: each sitemap file, or none where the site has no post or page."""
    patterns = skipped(site.config)
    posts = [
        post
        for post in [*site.posts, *site.pages]
        if post.get("sitemap") is not False and not any(p.match(post.source) for p in patterns)
    ]
    if not posts:
        return []
    posts.sort(key=lambda post: _timestamp(post.updated), reverse=True)
    scope = {
        "config": site.config,
        "posts": posts,
        "now": now or dt.datetime.now(dt.timezone.utc),
        "tags": site.tags if settings["tags"] else [],
        "categories": site.categories if settings["categories"] else [],
    }
    paths = settings["path"] if isinstance(settings["path"], list) else [settings["path"]]
    routes = []
    for path in (str(p) for p in paths):
        extension = posixpath.splitext(path)[1]
        if extension not in (".xml", ".txt"):
            continue
        template = PackageTemplate(package_file("hexo_generator_sitemap", f"sitemap{extension}"), _EXPRESSIONS, False)
        routes.append(Route(path, template.render(scope)))
    return routes


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    settings = sitemap_settings(config)
    for key in ("template", "template_txt"):
        if settings.get(key):
            logger.warning("sitemap.%s %r: the package's own sitemap templates are used here", key, settings[key])
    hexo.register_generator("sitemap", lambda site: render_sitemaps(site, settings))
    if settings["rel"] is True:
        path = settings["path"]
        joined = ",".join(str(p) for p in path) if isinstance(path, list) else str(path)
        href = url_for(config, joined, relative=False)
        link = f'<link rel="sitemap" type="application/xml" title="Sitemap" href="{href}">'

        def rel_sitemap(html: str, _page: Any) -> str | None:
            if _SITEMAP_LINK.search(html):
                return None
            return _HEAD.sub(lambda head: head.group(0).replace("</head>", f"{link}</head>", 1), html, count=1)

        hexo.register_page_filter(rel_sitemap)
