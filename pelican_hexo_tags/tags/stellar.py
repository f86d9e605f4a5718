"""Stellar theme tags (xaoxuu/hexo-theme-stellar ``scripts/tags``), dialect ``stellar``.

The set a real Stellar blog uses (the Duanyll corpus): the ``link`` card,
``box``, ``folding``, ``swiper``, ``frame`` and the inline ``note``. Stellar's
``link`` and ``note`` shadow Hexo's and NexT's, so they answer only to the
``stellar`` dialect (``theme: stellar`` in the Hexo config).

Stellar fills a link card's title and icon in the browser from a web
service; a build here never goes online, so a card shows the URL (or the
title the post gave) and a bundled icon.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from ..html import escape_attribute
from ..registry import TagContext, TagError, tag

DIALECT = "stellar"
_IMG = re.compile(r"<img(.*?)src=\"(.*?)\"(.*?)>", re.IGNORECASE)


def args_map(args: list[str], keys: list[str], positional: list[str] | None = None) -> dict[str, str]:
    """Stellar's ``ArgsMap``: ``key:value`` for the known keys, the rest filling ``positional`` in order.

    A bare URL (``https://x``) is positional; the last positional name takes
    every word left over, so titles need no quotes.
    """
    named: dict[str, str] = {}
    others: list[str] = []
    for arg in args:
        value = arg.strip()
        if "://" in value and len(value.split(":")) == 2:
            others.append(value)
            continue
        key, sep, rest = value.partition(":")
        if sep and key in keys:
            named[key] = rest
        else:
            others.append(value)
    if positional and others:
        for name in positional:
            if others:
                named[name] = others.pop(0)
        if others:
            last = positional[-1]
            named[last] = (named.get(last, "") + " " + " ".join(others)).strip()
    return named


def _attrs(values: dict[str, str], keys: list[str]) -> str:
    """Stellar's ``ArgsJoinTags``: ``key="value"`` for each key given."""
    return " ".join(f'{key}="{escape_attribute(values[key])}"' for key in keys if values.get(key))


def _full_url(ctx: TagContext, url: str) -> str:
    if re.match(r"^[a-z][\w+.-]*:|^//", url, re.IGNORECASE):
        return url
    return urljoin(str(ctx.config.get("url") or "").rstrip("/") + "/", ctx.url_for(url).lstrip("/"))


def _one_line(html: str) -> str:
    return "".join(html.split("\n"))


@tag("link", dialect=DIALECT)
def link(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% link url [title] [desc:true] [icon:src] %}``: a link card."""
    values = args_map(args, ["icon", "desc"], ["url", "title"])
    url = values.get("url")
    if not url:
        raise TagError("needs a URL")
    ctx.require(DIALECT)
    title = values.get("title", "")
    rich = bool(values.get("desc"))
    autofill = [name for name, missing in (("title", not title), ("icon", not values.get("icon"))) if missing]
    if rich:
        autofill.append("desc")
    external = ' target="_blank" rel="external nofollow noopener noreferrer"' if "://" in url else ""
    if values.get("icon"):
        icon = (
            f'<div class="lazy img" style="background-image:url(&quot;{escape_attribute(values["icon"])}&quot;)"></div>'
        )
    else:
        # Stellar's default icon comes from a CDN; the bundle's stylesheet supplies one offline.
        icon = '<div class="lazy img"></div>'
    title_html = f'<span class="title">{escape_attribute(title or url)}</span>'
    link_html = f'<span class="cap link footnote">{escape_attribute(_full_url(ctx, url))}</span>'
    if rich:
        inner = (
            f'<div class="top">{icon}{link_html}</div>'
            f'<div class="bottom">{title_html}<span class="cap desc footnote"></span></div>'
        )
    else:
        inner = f'<div class="left">{title_html}{link_html}</div><div class="right">{icon}</div>'
    card = f'class="link-card {"rich" if rich else "plain"}" title="{escape_attribute(title)}"'
    return (
        f'<div class="tag-plugin link dis-select"><a {card} href="{escape_attribute(url)}"{external} cardlink '
        f'autofill="{",".join(autofill)}">{inner}</a></div>'
    )


@tag("box", ends=True, dialect=DIALECT)
def box(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% box [color:x] [child:…] title %}…{% endbox %}``: a coloured callout with an optional title."""
    ctx.require(DIALECT)
    values = args_map(args, ["color", "child"], ["title"])
    attrs = _attrs(values, ["color", "child"])
    title = values.get("title", "")
    title_html = f'<div class="title"><strong>{ctx.markdown(title)}</strong></div>' if title else ""
    return (
        f'<div class="tag-plugin colorful note"{" " + attrs if attrs else ""}>{title_html}'
        f'<div class="body">{_one_line(ctx.markdown(body or ""))}</div></div>'
    )


@tag("note", dialect=DIALECT)
def note(args: list[str], body: str | None, ctx: TagContext) -> str:
    """Stellar's inline ``{% note [color:x] [title] content %}``."""
    ctx.require(DIALECT)
    values = args_map(args, ["color"], ["title", "content"])
    title, content = values.get("title", ""), values.get("content", "")
    if not content:
        title, content = "", title
    attrs = _attrs(values, ["color"])
    title_html = f'<div class="title">{title}</div>' if title else ""
    return (
        f'<div class="tag-plugin colorful note"{" " + attrs if attrs else ""}>{title_html}'
        f'<div class="body">{_one_line(ctx.markdown(content))}</div></div>'
    )


@tag("folding", ends=True, dialect=DIALECT)
def folding(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% folding [color:x] [open:true] title %}…{% endfolding %}``: a ``<details>``, so it opens without script."""
    ctx.require(DIALECT)
    values = args_map(args, ["color", "child", "open"], ["title"])
    attrs = _attrs(values, ["color", "child"])
    opened = " open" if values.get("open") == "true" else ""
    return (
        f'<details class="tag-plugin folding"{" " + attrs if attrs else ""}{opened}>'
        f"<summary><span>{values.get('title', '')}</span></summary>"
        f'<div class="body">{_one_line(ctx.markdown(body or ""))}</div></details>'
    )


@tag("swiper", ends=True, dialect=DIALECT)
def swiper(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% swiper [width:max] [effect:cards] %}`` + images: a slide strip (scroll-snap, no swiper.js)."""
    ctx.require(DIALECT)
    values = args_map(args, ["width", "effect"])
    attrs = _attrs(values, ["width", "effect"])
    slides = "".join(
        '<div class="swiper-slide">' + match.group(0).replace("<img src", "<img no-lazy src") + "</div>"
        for match in _IMG.finditer(ctx.markdown(body or ""))
    )
    return (
        f'<div class="tag-plugin swiper" id="swiper-api"{" " + attrs if attrs else ""}>'
        f'<div class="swiper-wrapper">{slides}</div><div class="swiper-pagination"></div>'
        '<div class="swiper-button-prev blur"></div><div class="swiper-button-next blur"></div></div>'
    )


@tag("frame", dialect=DIALECT)
def frame(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% frame device [img:src] [video:url] [focus:top|bottom] [alt] %}``: a screenshot in a device frame."""
    values = args_map(args, ["focus", "img", "video"], ["device", "alt"])
    image, movie, device = values.get("img", ""), values.get("video", ""), values.get("device", "")
    if not (image or movie) or not device:
        raise TagError("needs a device and an img: or video: source")
    ctx.require(DIALECT)
    alt = escape_attribute(values.get("alt", ""))
    focus = f' focus="{escape_attribute(values["focus"])}"' if values.get("focus") else ""
    opening = f'<div class="frame-wrap" id="{escape_attribute(device)}"{focus}>'
    if movie:
        poster = f' poster="{escape_attribute(image)}"' if image else ""
        return (
            f'<div class="tag-plugin video-wrap">{opening}<video{poster} playsinline="" muted="" loop="" autoplay="" '
            f'preload="metadata"><source src="{escape_attribute(movie)}" type="video/mp4"></video>'
            '<div class="frame"></div></div></div>'
        )
    alt_attr = f' alt="{escape_attribute(alt)}"' if alt else ""
    caption = f'<span class="image-caption">{alt}</span>' if alt else ""
    return (
        f'<div class="tag-plugin img-wrap">{opening}<img class="img" src="{escape_attribute(image)}"{alt_attr}/>'
        f'<div class="frame"></div></div>{caption}</div>'
    )
