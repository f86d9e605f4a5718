"""hexo-generator-feed 3: ``atom.xml`` / ``rss2.xml`` from the site's posts, and the autodiscovery link.

Its ``index.js`` merges ``feed: {type: atom, limit: 20, hub: '', content:
true, content_limit: 140, content_limit_delim: '', order_by: -date,
autodiscovery: true, template: ''}`` under the site's ``feed:``, works out the
types and paths (``type: [rss2]`` alone is rss2; any two types are atom then
rss2; a path without an extension gets ``.xml``), and registers a generator
per type. ``lib/generator.js`` renders the package's own ``atom.xml`` /
``rss2.xml`` (kept unchanged in ``templates/hexo_generator_feed/``) with
the posts sorted by ``order_by``, drafts out, cut to ``limit``.
``lib/autodiscovery.js`` puts a ``<link rel="alternate">`` per feed in each
page's ``<head>`` unless the page has a feed link already
(``tests/fixtures/plugins/hexo-generator-feed``, from the real package).
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
import re
from collections.abc import Mapping
from typing import Any

from ..extend import Extensions, Route
from ..generators import PackageTemplate, SiteLocals, iso_utc, js_substring, package_file, sort_posts, utc_string
from ..html import encode_url
from ..tags.builtin import full_url_for, url_for

PACKAGE = "hexo-generator-feed"
STATUS = "partly"
LOSES = (
    "a custom `template:` (the package's own atom.xml/rss2.xml are used, with a warning); a post's content"
    " carries what the site's after_render:html filters did to it (Hexo's feed has the content before them)"
)

logger = logging.getLogger(__name__)

_DEFAULTS = {
    "type": "atom",
    "limit": 20,
    "hub": "",
    "content": True,
    "content_limit": 140,
    "content_limit_delim": "",
    "order_by": "-date",
    "autodiscovery": True,
    "template": "",
}
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_FEED_LINK = re.compile(r"""type=['|"]?application/(atom|rss)\+xml['|"]?""", re.IGNORECASE)
_HEAD = re.compile(r"<head>(?!</head>).+?</head>", re.DOTALL)


def feed_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    """``hexo.config.feed`` as the package's ``index.js`` leaves it: types, paths, template."""
    given = config.get("feed")
    settings = {**_DEFAULTS, **(given if isinstance(given, Mapping) else {})}
    kind = settings["type"]
    if not kind or not isinstance(kind, (str, list)):
        kind = "atom"
    if isinstance(kind, list):
        kind = kind[:2]
        if not kind or (len(kind) == 1 and kind[0] not in ("atom", "rss2")):
            kind = "atom"
        elif len(kind) == 2:
            # index.js compares arrays by identity, so any two types become these two.
            kind = ["atom", "rss2"]
    if isinstance(kind, str) and kind not in ("atom", "rss2"):
        kind = "atom"
    path = settings.get("path")
    if not path or isinstance(path, list) != isinstance(kind, list) or not isinstance(path, (str, list)):
        path = f"{kind}.xml" if isinstance(kind, str) else [f"{k}.xml" for k in kind]
    if isinstance(path, list):
        path = [str(p) for p in path]
        if len(path) != len(kind):
            if len(path) > len(kind):
                path = path[: len(kind)]
            else:
                path.append(f"{kind[1]}.xml")
        path = [p if posixpath.splitext(p)[1] else f"{p}.xml" for p in path]
    elif not posixpath.splitext(str(path))[1]:
        path = f"{path}.xml"
    settings["type"], settings["path"] = kind, path
    if not isinstance(settings["autodiscovery"], bool):
        settings["autodiscovery"] = True
    return settings


def _feeds(settings: Mapping[str, Any]) -> list[tuple[str, str]]:
    kind, path = settings["type"], settings["path"]
    return [(kind, str(path))] if isinstance(kind, str) else list(zip(kind, path, strict=True))


def gravatar(email: str) -> str:
    """hexo-util ``gravatar``."""
    return "https://www.gravatar.com/avatar/" + hashlib.md5(email.lower().encode("utf-8")).hexdigest()  # noqa: S324


def _truthy(value: Any) -> bool:
    return value not in (None, "", 0, False) and value == value


def _expressions(config: Mapping[str, Any]) -> dict[str, Any]:
    """Each expression of the package's atom.xml and rss2.xml, as its nunjucks environment computes it."""

    def dated(post: Any) -> Any:
        return post.updated or post.date

    def content(scope: dict[str, Any]) -> str:
        return _CONTROL.sub("", scope["post"].content)

    return {
        "config.title": lambda s: config.get("title"),
        "icon": lambda s: s["icon"],
        "config.subtitle": lambda s: config.get("subtitle"),
        "config.description": lambda s: config.get("description"),
        "feed_url | uriencode": lambda s: encode_url(s["feed_url"]),
        "config.feed.hub": lambda s: s["feed"]["hub"],
        "config.feed.hub | uriencode": lambda s: encode_url(str(s["feed"]["hub"])),
        "url | uriencode": lambda s: encode_url(s["url"]),
        "url": lambda s: s["url"],
        "posts.first().updated": lambda s: s["posts"][0].updated,
        "posts.first().updated.toISOString()": lambda s: iso_utc(s["posts"][0].updated),
        "posts.first().date.toISOString()": lambda s: iso_utc(s["posts"][0].date),
        "posts.first().updated.toDate().toUTCString()": lambda s: utc_string(s["posts"][0].updated),
        "posts.first().date.toDate().toUTCString()": lambda s: utc_string(s["posts"][0].date),
        "config.author": lambda s: config.get("author"),
        "config.email": lambda s: config.get("email"),
        "posts.toArray()": lambda s: s["posts"],
        "post.title": lambda s: s["post"].title,
        "post.permalink | uriencode": lambda s: encode_url(s["post"].permalink),
        "post.date.toISOString()": lambda s: iso_utc(s["post"].date),
        "post.date.toDate().toUTCString()": lambda s: utc_string(s["post"].date),
        "post.updated": lambda s: s["post"].updated,
        "post.updated.toISOString()": lambda s: iso_utc(dated(s["post"])),
        "config.feed.content and post.content": lambda s: s["feed"]["content"] and s["post"].content,
        "post.content | noControlChars | safe": content,
        "post.description": lambda s: s["post"].get("description"),
        "post.intro": lambda s: s["post"].get("intro"),
        "post.excerpt": lambda s: s["post"].excerpt,
        "post.content": lambda s: s["post"].content,
        "post.content.substring(0, config.feed.content_limit)": lambda s: js_substring(
            s["post"].content, 0, int(s["feed"]["content_limit"] or 0)
        ),
        "config.feed.content_limit_delim": lambda s: s["feed"]["content_limit_delim"],
        "short_content.lastIndexOf(config.feed.content_limit_delim)": lambda s: s["short_content"].rfind(
            str(s["feed"]["content_limit_delim"])
        ),
        "delim_pos > -1": lambda s: s["delim_pos"] > -1,
        "short_content.substring(0, delim_pos)": lambda s: s["short_content"][: s["delim_pos"]],
        "short_content": lambda s: s["short_content"],
        "post.image": lambda s: s["post"].get("image"),
        "post.image | formatUrl": lambda s: full_url_for(config, str(s["post"].get("image"))),
        "url + post.image | uriencode": lambda s: s["url"] + encode_url(str(s["post"].get("image"))),
        "post.categories.toArray()": lambda s: s["post"].categories,
        "post.tags.toArray()": lambda s: s["post"].tags,
        "category.name": lambda s: s["category"].name,
        "category.permalink": lambda s: s["category"].permalink,
        "tag.name": lambda s: s["tag"].name,
        "tag.permalink": lambda s: s["tag"].permalink,
        "url + category.path | uriencode": lambda s: s["url"] + encode_url(s["category"].path),
        "url + tag.path | uriencode": lambda s: s["url"] + encode_url(s["tag"].path),
        "post.comments": lambda s: s["post"].get("comments", True) is not False,
    }


def render_feed(site: SiteLocals, settings: Mapping[str, Any], kind: str, path: str) -> Route | None:
    """``lib/generator.js``: one feed, or None where the site has no post."""
    config = site.config
    posts = [post for post in sort_posts(site.posts, settings["order_by"] or "-date") if post.get("draft") is not True]
    if not posts:
        return None
    if _truthy(settings["limit"]):
        posts = posts[: int(settings["limit"])]
    url = str(config.get("url") or "")
    if not url.endswith("/"):
        url += "/"
    icon = ""
    if settings.get("icon"):
        icon = full_url_for(config, str(settings["icon"]))
    elif config.get("email"):
        icon = gravatar(str(config["email"]))
    template = PackageTemplate(package_file("hexo_generator_feed", f"{kind}.xml"), _expressions(config))
    scope = {"url": url, "icon": icon, "posts": posts, "feed_url": full_url_for(config, path), "feed": settings}
    return Route(path, template.render(scope))


def autodiscovery_links(config: Mapping[str, Any], settings: Mapping[str, Any]) -> str:
    """``lib/autodiscovery.js``'s tags, one per feed."""
    title = str(config.get("title") or "").replace('"', "&quot;")
    return "".join(
        f'<link rel="alternate" href="{url_for(config, path, relative=False)}" '
        f'title="{title}" type="application/{kind.removesuffix("2")}+xml">\n'
        for kind, path in _feeds(settings)
    )


def _has_feed_posts(page: Any) -> bool:
    """Whether the site has a post for a feed: with none, lib/generator.js writes none and turns autodiscovery off."""
    articles = page.get("articles") if isinstance(page, Mapping) else None
    if articles is None:
        return True
    # any() stops at the first post that is no draft: one step on nearly every page.
    return any(getattr(article, "metadata", {}).get("draft") is not True for article in articles)


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    settings = feed_settings(config)
    if settings.get("template"):
        logger.warning("feed.template %r: the package's own feed templates are used here", settings["template"])
    for kind, path in _feeds(settings):
        hexo.register_generator(kind, lambda site, kind=kind, path=path: render_feed(site, settings, kind, path))
    if settings["autodiscovery"] is True:
        links = autodiscovery_links(config, settings)

        def autodiscovery(html: str, page: Any) -> str | None:
            if _FEED_LINK.search(html) or not _has_feed_posts(page):
                return None
            return _HEAD.sub(lambda head: head.group(0).replace("</head>", f"{links}</head>", 1), html, count=1)

        hexo.register_page_filter(autodiscovery)
