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

Its ``scripts/generators/pages.js`` also makes two pages of its own, routes
with a layout that the Pelican theme renders (``404.html`` and ``links.html``
of the bundled theme, a theme's ``page.html`` elsewhere): ``404.html``
(``_404``, unless ``page404.enable`` is false), titled as Fluid's 404 layout
titles it (``page404.title``, else its language file's ``page404.title``),
going to the home page after ``page404.redirect_delay`` milliseconds as
Fluid's does; and ``links/index.html`` (``_links``, unless ``links.enable`` is
false), the ``links.items`` that have a title and a link, each with its intro
and its ``avatar`` or ``image``, then ``links.custom.content`` when
``links.custom.enable``. Fluid replaces, not merges, a list its user gives, so
the user's items are the whole list. Its ``_tags`` and ``_categories`` pages
are Pelican's own (``tags/index.html``, ``categories/index.html``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..config import theme_settings
from ..extend import Extensions, Route
from ..generators import SiteLocals, SitePost, nunjucks_escape, sort_posts
from ..html import encode_url, escape_attribute, escape_html
from ..tags.builtin import url_for
from .hexo_generator_search import encode_uri

PACKAGE = "hexo-theme-fluid"
STATUS = "partly"
LOSES = (
    "its layouts and helpers (the Pelican theme makes the pages, its 404 and links pages too); the demo links its"
    " own _config.yml lists when the site names none; banner images, links comments, source/_data overrides"
)

# The C0 control characters and DEL. In UTF-8 each is one byte that no other character's bytes contain.
_CONTROL_BYTES = bytes(range(0x20)) + b"\x7f"


def _without_control(text: str) -> str:
    """``text.replace(/[\x00-\x1f\x7f]/g, '')``, as Fluid's template strips a post for its index."""
    # Deleted from the UTF-8 bytes in one C pass: str.replace and a regex took 0.07 s over 1,000 posts, this 0.02.
    return text.encode("utf-8", "surrogatepass").translate(None, _CONTROL_BYTES).decode("utf-8", "surrogatepass")


def _url_join(base: str, relative: Any) -> str:
    return base.rstrip("/") + "/" + str(relative).lstrip("/") if relative else base


def _block(kind: str, names: list[str]) -> str:
    """A ``<categories>`` / ``<tags>`` block of the template, or nothing without names."""
    if not names:
        return ""
    items = "".join(f"\n      <{kind}>{nunjucks_escape(name)}</{kind}>\n      " for name in names)
    plural = "categories" if kind == "category" else "tags"
    return f"\n    <{plural}>\n      {items}\n    </{plural}>\n    "


def _post_entry_parts(post: SitePost, root: str, content: bool) -> list[str]:
    # In parts, joined once with the whole file's: a body is copied once, not once per `+=` (0.02 s a build).
    url = nunjucks_escape(encode_uri(_url_join(root, post.path)))
    parts = [f'\n  <entry>\n    <title>{nunjucks_escape(post.title)}</title>\n    <link href="{url}"/>\n']
    parts.append(f"    <url>{url}</url>\n    ")
    if content:
        parts += ('\n    <content type="html"><![CDATA[', _without_control(post.content), "]]></content>\n    ")
    parts += ("\n    ", _block("category", [c.name for c in post.categories]))
    parts += ("\n    ", _block("tag", [t.name for t in post.tags]), "\n  </entry>\n  ")
    return parts


def _page_entry(page: SitePost, root: str, content: bool) -> str:
    url = nunjucks_escape(encode_uri(_url_join(root, None)))
    text = f"\n  <entry>\n    <title>{nunjucks_escape(page.title)}</title>\n"
    text += f'    <link href="{url}"/>\n    <url>{url}</url>\n    '
    if content:
        text += f'\n    <content type="html"><![CDATA[{_without_control(page.content)}]]></content>\n    '
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
                out += _post_entry_parts(post, root, content)
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


# Fluid's languages/*.yml: (title, subtitle) of its 404 and links pages, by language file.
_PAGE_TITLES = {
    "de": {"page404": ("Die Seite wurde nicht gefunden",) * 2, "links": ("Weblinks", "Weblinks")},
    "en": {"page404": ("Page not found",) * 2, "links": ("Links", "Links")},
    "eo": {"page404": ("Paĝo ne trovita",) * 2, "links": ("Ligoj", "Ligoj")},
    "es": {"page404": ("Página no encontrada",) * 2, "links": ("Enlaces", "Enlaces")},
    "ja": {"page404": ("ページが見つかりませんでした",) * 2, "links": ("リンク", "リンク")},
    "ru": {"page404": ("Страница не найдена",) * 2, "links": ("Ссылки", "Ссылки")},
    "zh-CN": {"page404": ("页面不存在",) * 2, "links": ("友链", "友情链接")},
    "zh-HK": {"page404": ("頁面不存在",) * 2, "links": ("交換連結", "交換連結")},
    "zh-TW": {"page404": ("頁面不存在",) * 2, "links": ("交換連結", "交換連結")},
}


def fluid_language(config: Mapping[str, Any]) -> str:
    """The first of the site's ``language`` that Fluid has a file for, in any case; else English.

    Hexo matches the name exactly and, for a language Fluid lacks, falls back to another of its
    files; here ``zh-cn`` is Fluid's ``zh-CN`` and an unknown language reads as English.
    """
    given = config.get("language")
    for language in given if isinstance(given, list) else [given]:
        for name in _PAGE_TITLES:
            if name.lower() == str(language or "").strip().lower():
                return name
    return "en"


def _titles(block: Mapping[str, Any], key: str, language: str) -> tuple[str, str]:
    """A page's title and subtitle: the theme config's, else Fluid's words in the site's language."""
    title, subtitle = _PAGE_TITLES[language][key]
    return str(block.get("title") or title), str(block.get("subtitle") or subtitle)


def _theme_block(settings: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    block = settings.get(key)
    return block if isinstance(block, Mapping) else {}


def _text(value: Any) -> str:
    return "" if value is None or isinstance(value, (Mapping, list)) else str(value)


def _milliseconds(value: Any) -> int:
    """JavaScript's ``parseInt`` of ``redirect_delay``, 0 (no redirect) where it reads no number."""
    number = re.match(r"\s*[-+]?\d+", _text(value))
    return max(int(number.group(0)), 0) if number else 0


def _site_path(url: str) -> str:
    """A config's URL as the bundled theme's ``hexo_link`` filter takes it: a path under the site root, or as given."""
    if re.match(r"^(#|//|[a-zA-Z][a-zA-Z0-9+.-]*:)", url):
        return url
    return encode_url(url.lstrip("/"))


def page_404(config: Mapping[str, Any], settings: Mapping[str, Any]) -> Route:
    """Fluid's ``_404`` route: its title and subtitle, the home page's URL and the redirect delay."""
    block = _theme_block(settings, "page404")
    title, subtitle = _titles(block, "page404", fluid_language(config))
    # Fluid's own _config.yml waits 5000 ms; a site's page404 block may say otherwise, or 0 for never.
    delay = _milliseconds(block.get("redirect_delay", 5000))
    home = url_for(config, "/")
    content = f'<p><a href="{escape_attribute(home)}">{escape_html(_text(config.get("title")) or home)}</a></p>'
    if delay:
        content += f"<script>setTimeout(function(){{location.href={_js_string(home)}}},{delay})</script>"
    data = {"title": title, "subtitle": subtitle, "redirect_delay": delay, "home": home, "content": content}
    return Route("404.html", data, ("404",))


def _js_string(text: str) -> str:
    import json

    # Inside <script>, "</" must not close the element.
    return json.dumps(text).replace("</", "<\\/")


def link_items(links: Mapping[str, Any]) -> list[dict[str, str]]:
    """The ``links.items`` Fluid's layout shows (a title and a link), as given: title and intro are HTML."""
    items = links.get("items")
    shown = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, Mapping) or not item.get("title") or not item.get("link"):
            continue
        picture = _text(item.get("avatar") or item.get("image"))
        shown.append(
            {
                "title": _text(item["title"]),
                "intro": _text(item.get("intro")),
                "link": _text(item["link"]),
                "avatar": picture,
            }
        )
    return shown


def _links_content(config: Mapping[str, Any], items: list[dict[str, str]], custom: str) -> str:
    """The list as plain HTML, for a Pelican theme without a ``links`` template (its ``page.html`` shows it)."""
    out = ['<ul class="hexo-links">']
    for item in items:
        picture = ""
        if item["avatar"]:
            alt = escape_attribute(re.sub(r"<[^>]*>", "", item["title"]))
            src = escape_attribute(url_for(config, item["avatar"]))
            picture = f'<img src="{src}" alt="{alt}" width="64" height="64" loading="lazy"> '
        intro = f" — {item['intro']}" if item["intro"] else ""
        href = escape_attribute(url_for(config, item["link"]))
        out.append(f'<li><a href="{href}">{picture}{item["title"]}</a>{intro}</li>')
    out.append("</ul>")
    return "\n".join(out) + ("\n" + custom if custom else "")


def links_page(config: Mapping[str, Any], settings: Mapping[str, Any]) -> Route:
    """Fluid's ``_links`` route: the page's titles, its items and any custom HTML below them."""
    links = _theme_block(settings, "links")
    title, subtitle = _titles(links, "links", fluid_language(config))
    items = link_items(links)
    custom_block = _theme_block(links, "custom")
    custom = _text(custom_block.get("content")) if custom_block.get("enable") else ""
    data = {
        "title": title,
        "subtitle": subtitle,
        # The bundled theme's links.html: each URL as its hexo_link filter takes it.
        "links": [{**item, "link": _site_path(item["link"]), "avatar": _site_path(item["avatar"])} for item in items],
        "custom": custom,
        "content": _links_content(config, items, custom),
    }
    return Route("links/index.html", data, ("links",))


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    settings = theme_settings(config)
    given = settings.get("search")
    search = {"enable": True, "generate_path": "/local-search.xml", "field": "post", "content": True}
    search.update(given if isinstance(given, Mapping) else {})
    if search.get("enable"):
        hexo.register_generator("_hexo_generator_search", lambda site: local_search(site, search))
    # pages.js skips its 404 where source/404.html exists; here a site's own file or page at a theme
    # page's path is kept over it (generators.HexoGenerators), whichever source made it.
    if _theme_block(settings, "page404").get("enable") is not False:
        hexo.register_generator("_404", lambda site: page_404(site.config, settings))
    if _theme_block(settings, "links").get("enable") is not False:
        hexo.register_generator("_links", lambda site: links_page(site.config, settings))
