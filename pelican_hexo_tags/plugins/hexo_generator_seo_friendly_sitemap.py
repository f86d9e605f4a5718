"""hexo-generator-seo-friendly-sitemap 0.2: a sitemap index and one sitemap per kind, with an XSL stylesheet.

Its ``index.js`` merges ``sitemap: {path: sitemap.xml}`` under the site's
(a path without an extension gets ``.xml``); ``lib/generator.js`` writes:

- ``post-sitemap.xml``: the home page, then the posts without ``sitemap:
  false``, newest ``updated`` first, each with its ``photos`` as
  ``<image:image>``; with ``urlLimit: N`` they are cut into
  ``post-sitemap-1.xml``, ``-2.xml``, … of N posts each;
- ``page-sitemap.xml``: the home page, then the pages, newest first, but
  for those with ``sitemap: false`` or ``layout: false`` (and, in the
  template, ``sitemap_priority: 0``);
- ``category-sitemap.xml`` and ``tag-sitemap.xml``, each dated by its
  newest post (a post with ``sitemap: false`` counts), newest first
  (``category: false`` / ``tag: false`` leave them out);
- ``sitemap.xsl``, and the index at ``path`` naming each of those, with
  ``additionalUrl`` entries (``{filename, lastModification}``, or a list of
  them) after them.

Priorities are ``sitemap_priority`` in the front matter, else
``post_priority`` (0.6) / ``page_priority`` (0.8). The package's own EJS
templates (``templates/hexo_generator_seo_friendly_sitemap/``, MIT) are
rendered by :class:`EjsTemplate` with their exact whitespace, each JavaScript
expression in them written here in Python. The package knows no
``skip_render``: a file skipped is no page in Hexo, so it is none here.
Tags or categories whose newest posts share one ``updated`` come out in the
reverse of the order Hexo made them, which its concurrent load decides; here
the order the posts, by source path, first name them. ``sitemap.xsl`` loads
jQuery and tablesorter from ajax.googleapis.com and cdnjs, as the package's
does (the browser's view of a sitemap sorts its table with them).
``tests/fixtures/plugins/hexo-generator-seo-friendly-sitemap``, from the real
package.
"""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin as resolve_url

from ..extend import Extensions, Route
from ..generators import SiteLocals, SitePost, iso_utc, package_file
from ..nunjucks import to_string
from .hexo_generator_search import encode_uri
from .hexo_generator_sitemap import skipped

PACKAGE = "hexo-generator-seo-friendly-sitemap"
STATUS = "emulated"
LOSES = ""

logger = logging.getLogger(__name__)

_TEMPLATES = "hexo_generator_seo_friendly_sitemap"
_TAG = re.compile(r"<%([=-]?)(.*?)%>", re.DOTALL)
_FOR_EACH = re.compile(r"(.+)\.forEach\(function\((\w+)\)\{\Z")
_IF = re.compile(r"if\s*\((.*)\)\s*\{\Z")
_ELSE = re.compile(r"\}\s*else\s*\{\Z")
_INCLUDE = re.compile(r"include\s+(\S+)\Z")
# The scriptlet of encodeURLAndEscape.ejs defines a function the expressions below call as Python.
_DEFINITION = re.compile(r"encodeURLAndEscape\s*=\s*function")
_EJS_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}


def url_join(*parts: str) -> str:
    """url-join 4.0.0, which the package joins ``config.url`` and a path with."""
    components = list(parts)
    if re.match(r"[^/:]+:/*\Z", components[0]) and len(components) > 1:
        first = components.pop(0)
        components[0] = first + components[0]
    if re.match(r"^file:///", components[0]):
        components[0] = re.sub(r"^([^/:]+):/*", r"\1:///", components[0], count=1)
    else:
        components[0] = re.sub(r"^([^/:]+):/*", r"\1://", components[0], count=1)
    kept = []
    for index, component in enumerate(components):
        if component == "":
            continue
        if index > 0:
            component = re.sub(r"^/+", "", component, count=1)
        if index < len(components) - 1:
            component = re.sub(r"/+\Z", "", component, count=1)
        else:
            component = re.sub(r"/+\Z", "/", component, count=1)
        kept.append(component)
    joined = re.sub(r"/(\?|&|#[^!])", r"\1", "/".join(kept))
    head, *queries = joined.split("?")
    return head + ("?" if queries else "") + "&".join(queries)


def encode_url_and_escape(url: str) -> str:
    """``encodeURLAndEscape.ejs``: ``encodeURI``, then the first ``&``, ``<``, … of each kind replaced."""
    encoded = encode_uri(url)
    for char, replacement in (("&", "%26"), ("<", "%3C"), (">", "%3E"), ("'", "%27"), ('"', "%22")):
        encoded = encoded.replace(char, replacement, 1)
    return encoded


def _iso(value: Any) -> str:
    """``Date.toISOString()``; a date alone (a YAML ``2021-06-01``) is its UTC midnight."""
    if isinstance(value, dt.datetime):
        return iso_utc(value)
    return iso_utc(dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc))


def _or(*values: Any) -> Any:
    """JavaScript's ``a || b || c``."""
    for value in values:
        if value:
            return value
    return values[-1]


def _settings_value(scope: dict[str, Any], key: str) -> Any:
    return scope["config"]["sitemap"].get(key)


def _above_zero(value: Any) -> bool:
    try:
        return float(value) > 0
    except (TypeError, ValueError):
        return False


_EXPRESSIONS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "data.items": lambda s: s["data"]["items"],
    "encodeURLAndEscape(item.url)": lambda s: encode_url_and_escape(s["item"]["url"]),
    "item.lastModification != undefined": lambda s: s["item"]["lastModification"] is not None,
    "item.lastModification.toISOString()": lambda s: _iso(s["item"]["lastModification"]),
    "encodeURLAndEscape(config.url)": lambda s: encode_url_and_escape(str(s["config"]["url"])),
    "encodeURLAndEscape(data.urljoin(config.url, item.path))": lambda s: encode_url_and_escape(
        url_join(str(s["config"]["url"]), s["item"].path)
    ),
    "item.updated.toISOString() || item.date.toISOString()": lambda s: _iso(s["item"].updated or s["item"].date),
    "item.sitemap_priority || (config.sitemap && config.sitemap.post_priority) || 0.6": lambda s: _or(
        s["item"].get("sitemap_priority"), _settings_value(s, "post_priority"), 0.6
    ),
    "item.photos": lambda s: _photos(s["item"]),
    "photo.indexOf('http')<0": lambda s: "http" not in s["photo"],
    "encodeURLAndEscape(data.urljoin(config.url, photo))": lambda s: encode_url_and_escape(
        url_join(str(s["config"]["url"]), s["photo"])
    ),
    "encodeURLAndEscape(url.resolve(config.url, photo))": lambda s: encode_url_and_escape(
        resolve_url(str(s["config"]["url"]), s["photo"])
    ),
    "page.sitemap_priority == undefined || page.sitemap_priority > 0": lambda s: (
        s["page"].get("sitemap_priority") is None or _above_zero(s["page"].get("sitemap_priority"))
    ),
    "encodeURLAndEscape(page.permalink.replace('index.html', ''))": lambda s: encode_url_and_escape(
        s["page"].permalink.replace("index.html", "", 1)
    ),
    "page.updated.toISOString() || page.date.toISOString()": lambda s: _iso(s["page"].updated or s["page"].date),
    "page.sitemap_priority || (config.sitemap && config.sitemap.page_priority) || 0.8": lambda s: _or(
        s["page"].get("sitemap_priority"), _settings_value(s, "page_priority"), 0.8
    ),
    "encodeURLAndEscape(category.permalink)": lambda s: encode_url_and_escape(s["category"].permalink),
    "category.updated.toISOString()": lambda s: _iso(s["category"].updated),
    "tag.permalink": lambda s: s["tag"].permalink,
    "tag.updated.toISOString()": lambda s: _iso(s["tag"].updated),
    "data.indexSitemapUrl": lambda s: s["data"]["indexSitemapUrl"],
}


class EjsTemplate:
    """One of the package's EJS 2 templates: text as written, ``<%= %>`` escaped, ``<%- %>`` raw.

    Its scriptlets are only ``X.forEach(function(name){`` … ``})``, ``if (…) {`` …
    ``} else {`` … ``}`` and ``include``; each expression is looked up by its exact
    text in ``expressions`` (a ``KeyError`` for one the package never wrote).
    """

    def __init__(self, name: str, expressions: Mapping[str, Callable[[dict[str, Any]], Any]]) -> None:
        self.expressions = expressions
        self.body, end = self._parse(self._tokens(name), 0, ())
        if end is not None:
            raise ValueError(f"{name}: unbalanced template")

    def _tokens(self, name: str) -> list[tuple[str, str]]:
        source = package_file(_TEMPLATES, name if posixpath.splitext(name)[1] else f"{name}.ejs")
        tokens: list[tuple[str, str]] = []
        position = 0
        for match in _TAG.finditer(source):
            tokens.append(("text", source[position : match.start()]))
            kind, code = match.group(1), match.group(2).strip()
            include = _INCLUDE.match(code) if not kind else None
            if include:
                tokens.extend(self._tokens(include.group(1)))
            else:
                tokens.append((kind or "code", code))
            position = match.end()
        tokens.append(("text", source[position:]))
        return tokens

    def _parse(self, tokens: list[tuple[str, str]], index: int, ends: tuple[str, ...]) -> tuple[list[Any], Any]:
        nodes: list[Any] = []
        while index < len(tokens):
            kind, code = tokens[index]
            index += 1
            if kind == "text":
                if code:
                    nodes.append(("text", code))
            elif kind in ("=", "-"):
                nodes.append(("print", self.expressions[code], kind == "="))
            elif code in ends or (_ELSE.match(code) and "else" in ends):
                return nodes, (index, "else" if _ELSE.match(code) else code)
            elif for_each := _FOR_EACH.match(code):
                body, (index, _) = self._parse(tokens, index, ("})",))
                nodes.append(("for", for_each.group(2), self.expressions[for_each.group(1)], body))
            elif condition := _IF.match(code):
                then, (index, end) = self._parse(tokens, index, ("}", "else"))
                otherwise: list[Any] = []
                if end == "else":
                    otherwise, (index, _) = self._parse(tokens, index, ("}",))
                nodes.append(("if", self.expressions[condition.group(1)], then, otherwise))
            elif not _DEFINITION.match(code):
                raise KeyError(code)
        return nodes, None

    def render(self, scope: dict[str, Any]) -> str:
        out: list[str] = []
        self._render(self.body, dict(scope), out)
        return "".join(out)

    def _render(self, nodes: Sequence[Any], scope: dict[str, Any], out: list[str]) -> None:
        for node in nodes:
            if node[0] == "text":
                out.append(node[1])
            elif node[0] == "print":
                text = to_string(node[1](scope))
                out.append("".join(_EJS_ESCAPES.get(char, char) for char in text) if node[2] else text)
            elif node[0] == "for":
                for item in node[2](scope):
                    scope[node[1]] = item
                    self._render(node[3], scope, out)
            else:
                self._render(node[2] if node[1](scope) else node[3], scope, out)


@dataclass
class _Listed:
    """A tag or category as the package's templates see it: ``permalink`` and its newest post's ``updated``."""

    permalink: str
    updated: dt.datetime


def _photos(post: SitePost) -> list[str]:
    photos = post.get("photos") or post.get("photo") or []
    return [str(photo) for photo in (photos if isinstance(photos, list) else [photos])]


def _moment(post: SitePost) -> float:
    value = post.updated or post.date
    return value.timestamp() if value.tzinfo else value.replace(tzinfo=dt.timezone.utc).timestamp()


def _newest_first(posts: list[SitePost]) -> list[SitePost]:
    # lodash's orderBy(…, 'desc') is stable: posts updated at the same moment keep the site's order.
    return sorted(posts, key=_moment, reverse=True)


def _url_limit(value: Any) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def _taxa(posts: list[SitePost], taxa: Sequence[Any], of: Callable[[SitePost], Sequence[Any]]) -> list[_Listed]:
    """``common.setItemLastUpdate`` then ``sortBy('updated').reverse()``: ties come out in reverse order."""
    newest: dict[int, SitePost] = {}
    for post in posts:
        for taxon in of(post):
            if id(taxon) not in newest or _moment(post) > _moment(newest[id(taxon)]):
                newest[id(taxon)] = post
    listed = [(taxon, newest[id(taxon)]) for taxon in taxa if id(taxon) in newest]
    listed.sort(key=lambda pair: _moment(pair[1]))
    listed.reverse()
    return [_Listed(taxon.permalink, post.updated or post.date) for taxon, post in listed]


def _additional(settings: Mapping[str, Any]) -> list[dict[str, Any]]:
    given = settings.get("additionalUrl")
    if not given:
        return []
    entries = []
    for entry in given if isinstance(given, list) else [given]:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("filename"), str):
            logger.warning("_config.yml: sitemap.additionalUrl %r has no filename; left out of the index", entry)
            continue
        modified = entry.get("lastModification")
        if modified is not None and not isinstance(modified, dt.date):
            # toISOString() of a string throws in the package: Hexo writes no sitemap at all.
            logger.warning("_config.yml: sitemap.additionalUrl lastModification %r is no date; left out", modified)
            modified = None
        entries.append({"filename": entry["filename"], "lastModification": modified})
    return entries


def sitemap_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    """``hexo.config.sitemap`` as ``index.js`` leaves it."""
    given = config.get("sitemap")
    settings = {"path": "sitemap.xml", **(given if isinstance(given, Mapping) else {})}
    if not posixpath.splitext(str(settings["path"]))[1]:
        settings["path"] = f"{settings['path']}.xml"
    return settings


def render_sitemaps(site: SiteLocals, settings: Mapping[str, Any]) -> list[Route]:
    """``lib/generator.js``: each sitemap, the stylesheet, then the index."""
    config = {"url": str(site.config.get("url") or ""), "sitemap": settings}
    # A file under skip_render is copied as it is by Hexo, never one of its pages.
    patterns = skipped(site.config)
    pages = [page for page in site.pages if not any(p.match(page.source) for p in patterns)]
    sitemaps: list[dict[str, Any]] = []
    if site.posts:
        posts = _newest_first([post for post in site.posts if post.get("sitemap") is not False])
        limit = _url_limit(settings.get("urlLimit"))
        if limit > 0:
            chunks = [
                (f"post-sitemap-{n + 1}.xml", posts[i : i + limit]) for n, i in enumerate(range(0, len(posts), limit))
            ]
        else:
            chunks = [("post-sitemap.xml", posts)]
        for filename, chunk in chunks:
            sitemaps.append(_sitemap("post-sitemap.ejs", filename, chunk))
    if pages:
        listed = _newest_first([p for p in pages if p.get("sitemap") is not False and _has_layout(p)])
        sitemaps.append(_sitemap("page-sitemap.ejs", "page-sitemap.xml", listed))
    if settings.get("category") is not False and site.categories:
        listed = _taxa(site.posts, site.categories, lambda post: post.categories)
        sitemaps.append(_sitemap("category-sitemap.ejs", "category-sitemap.xml", listed))
    if settings.get("tag") is not False and site.tags:
        sitemaps.append(_sitemap("tag-sitemap.ejs", "tag-sitemap.xml", _taxa(site.posts, site.tags, lambda p: p.tags)))
    index_path = str(settings["path"])
    sitemaps.append(
        {"template": "sitemapXsl.ejs", "filename": "sitemap.xsl", "data": {"indexSitemapUrl": index_path}, "index": 0}
    )
    sitemaps += [{**entry, "index": 1} for entry in _additional(settings)]
    index_items = [
        {"url": url_join(config["url"], entry["filename"]), "lastModification": entry["lastModification"]}
        for entry in sitemaps
        if entry["index"]
    ]
    sitemaps.append({"template": "index-sitemap.ejs", "filename": index_path, "data": {"items": index_items}})
    return [
        Route(entry["filename"], EjsTemplate(entry["template"], _EXPRESSIONS).render({"config": config, **entry}))
        for entry in sitemaps
        if entry.get("template")
    ]


def _has_layout(page: SitePost) -> bool:
    layout = page.get("layout", "page")
    return layout is None or (bool(layout) and layout != "false")


def _sitemap(template: str, filename: str, items: list[Any]) -> dict[str, Any]:
    newest = items[0] if items else None
    modified = (newest.updated or newest.date) if isinstance(newest, SitePost) else getattr(newest, "updated", None)
    return {
        "template": template,
        "filename": filename,
        "data": {"items": items},
        "lastModification": modified,
        "index": 1,
    }


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    settings = sitemap_settings(config)
    if settings.get("beautify"):
        # lib/render.js assigns the beautified text to a const: the package throws, and Hexo writes no sitemap.
        logger.warning("_config.yml: sitemap.beautify makes the package fail in Hexo; the sitemaps are written as is")
    hexo.register_generator("sitemap", lambda site: render_sitemaps(site, settings))
