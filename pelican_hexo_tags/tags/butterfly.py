"""Butterfly 5 theme tags (hexo-theme-butterfly 5.7 ``scripts/tag``), dialect ``butterfly``.

``note``, ``tabs``, ``btn``, ``label``, ``gallery``, ``timeline`` and
``mermaid`` collide with other themes and answer to the ``butterfly`` dialect
(forks such as AnZhiYu map to it); ``hideToggle``, ``galleryGroup``,
``inlineImg``, ``flink``, ``chartjs``, ``score`` exist only here and so work
under any theme.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..html import escape_attribute, escape_html, escape_single_quoted
from ..registry import TagContext, TagError, tag
from ..yaml_loader import load_yaml
from ._theme import comma_args, js_number, split_sections, theme_option

DIALECT = "butterfly"
_NOTE_STYLES = ("flat", "modern", "simple", "disabled")
_TAB_BLOCK = re.compile(r"<!--\s*tab (.*?)\s*-->\n([\s\S]*?)<!--\s*endtab\s*-->")
_TIMELINE_BLOCK = re.compile(r"<!--\s*timeline\s*(.*?)\s*-->\n([\s\S]*?)<!--\s*endtimeline\s*-->")
_IMAGE = re.compile(r"""!\[(.*?)\]\(([^\s]*)\s*(?:["'](.*?)["']?)?\s*\)""")
_CHART = re.compile(r"<!--\s*chart\s*-->\n([\s\S]*?)<!--\s*endchart\s*-->")
_CHART_DESC = re.compile(r"<!--\s*desc\s*-->\n([\s\S]*?)<!--\s*enddesc\s*-->")
_TO_TOP = (
    '<div class="tab-to-top"><button type="button" aria-label="scroll to top">'
    '<i class="fas fa-arrow-up"></i></button></div>'
)


def _trimmed(args: list[str], count: int) -> list[str | None]:
    """Comma-split, trimmed arguments padded with ``None`` (JavaScript's undefined) to ``count``."""
    parts: list[str | None] = [part.strip() for part in comma_args(args)]
    return parts + [None] * (count - len(parts))


@tag("note", "subnote", ends=True, dialect=DIALECT)
def note(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% note [class|colour] ['fa… icon'] [flat|modern|simple|disabled] %}``.

    Both of Butterfly's syntaxes go through here: NexT's class names and
    Butterfly's colours are just classes; an ``fa…`` word before the style
    becomes the icon.
    """
    ctx.require(DIALECT)
    args = list(args)
    if not args or args[-1] not in _NOTE_STYLES:
        args.append(str(theme_option(ctx, "note", "style", default="flat")))
    icon = ""
    if len(args) >= 2 and args[-2].startswith("fa"):
        icon = f'<i class="note-icon {escape_attribute(args[-2])}"></i>'
        args[-2] = "icon-padding"
    return f'<div class="note {escape_attribute(" ".join(args))}">{icon}{ctx.markdown(body or "")}</div>'


@tag("tabs", "subtabs", "subsubtabs", ends=True, dialect=DIALECT)
def tabs(args: list[str], body: str | None, ctx: TagContext) -> str:
    """NexT's tab syntax with Butterfly's buttons; an ``@icon`` is a full class list."""
    ctx.require(DIALECT)
    parts = comma_args(args)
    name = parts[0] or "tab"
    active = js_number(parts[1]) if len(parts) > 1 else 0
    nav, panes = [], []
    no_default = True
    for number, match in enumerate(split_sections(body or "", _TAB_BLOCK), start=1):
        caption, _, icon = match.group(1).partition("@")
        content = ctx.markdown(match.group(2)).strip()
        if not (caption or icon):
            caption = f"{name} {number}"
        icon_html = f'<i class="{escape_attribute(icon.strip())}"></i>' if icon else ""
        is_active = (active > 0 and active == number) or (active == 0 and number == 1)
        no_default = no_default and not is_active
        state = " active" if is_active else ""
        nav.append(f'<button type="button" class="tab{state}">{icon_html}{caption.strip()}</button>')
        panes.append(f'<div class="tab-item-content{state}">{content}</div>')
    return (
        f'<div class="tabs"><div class="nav-tabs{" no-default" if no_default else ""}">{"".join(nav)}</div>'
        f'<div class="tab-contents">{"".join(panes)}</div>{_TO_TOP}</div>'
    )


@tag("btn", dialect=DIALECT)
def btn(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% btn url,text,icon,options %}`` (options: colour, ``outline``, ``center``, ``block``, ``larger``)."""
    ctx.require(DIALECT)
    url, text, icon, option = (part or "" for part in _trimmed(args, 4)[:4])
    icon_html = f'<i class="{escape_html(icon)}"></i>' if icon else ""
    text_html = f"<span>{escape_html(text)}</span>" if text else ""
    return (
        f'<a class="btn-beautify {escape_html(option)}" href="{escape_attribute(ctx.url_for(url))}" '
        f'title="{escape_html(text)}">'
        f"{icon_html}{text_html}</a>"
    )


@tag("label", dialect=DIALECT)
def label(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% label text [colour] %}``: split on spaces, unlike NexT's ``class@text``."""
    ctx.require(DIALECT)
    text = args[0] if args else ""
    colour = args[1] if len(args) > 1 else "default"
    return f'<mark class="hl-label {escape_attribute(colour)}">{text}</mark>'


def _hide_style(background: str | None, colour: str | None) -> str:
    style = f"background-color: {background};" if background else ""
    style += f"color: {colour}" if colour else ""
    return f'style="{escape_attribute(style)}"'


@tag("hideInline", dialect=DIALECT)
def hide_inline(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% hideInline content,button text,background,colour %}``: text revealed by a click."""
    ctx.require(DIALECT)
    content, display, background, colour = _trimmed(args, 4)[:4]
    display = "Click" if display is None else display
    return (
        f'<span class="hide-inline"><button type="button" class="hide-button" {_hide_style(background, colour)}>'
        f'{display}</button><span class="hide-content">{content}</span></span>'
    )


@tag("hideBlock", ends=True, dialect=DIALECT)
def hide_block(args: list[str], body: str | None, ctx: TagContext) -> str:
    ctx.require(DIALECT)
    display, background, colour = _trimmed(args, 3)[:3]
    display = "Click" if display is None else display
    return (
        f'<div class="hide-block"><button type="button" class="hide-button" {_hide_style(background, colour)}>'
        f'{display}</button><div class="hide-content">{ctx.markdown(body or "")}</div></div>'
    )


@tag("hideToggle", ends=True, dialect=DIALECT)
def hide_toggle(args: list[str], body: str | None, ctx: TagContext) -> str:
    """A ``<details>`` fold: opens without any script."""
    ctx.require(DIALECT)
    display, background, colour = _trimmed(args, 3)[:3]
    border = f'style="border: 1px solid {escape_attribute(background)}"' if background else ""
    return (
        f'<details class="toggle" {border}><summary class="toggle-button" {_hide_style(background, colour)}>'
        f'{display or ""}</summary><div class="toggle-content">{ctx.markdown(body or "")}</div></details>'
    )


@tag("inlineImg", dialect=DIALECT)
def inline_img(args: list[str], body: str | None, ctx: TagContext) -> str:
    if not args:
        raise TagError("needs an image URL")
    ctx.require(DIALECT)
    height = f'style="height:{escape_attribute(args[1])}"' if len(args) > 1 and args[1] else ""
    return f'<img class="inline-img" src="{escape_attribute(ctx.url_for(args[0]))}" {height} />'


def _gallery_html(kind: str, items: str, button: Any, limit: Any, first: Any) -> str:
    return (
        f'<div class="gallery-container" data-type="{escape_attribute(kind)}" '
        f'data-button="{escape_attribute(str(button))}" data-limit="{escape_attribute(str(limit))}" '
        f'data-first="{escape_attribute(str(first))}">\n    <div class="gallery-items">{items}</div>\n  </div>'
    )


def _js_value(value: str | None, default: str) -> str:
    return default if value is None else value


@tag("gallery", ends=True, dialect=DIALECT)
def gallery(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% gallery [button],[limit],[first] %}`` + Markdown images, or ``{% gallery url,JSON-URL,… %}``.

    The images travel as JSON, as in Butterfly; the bundle's script lays them out.
    """
    ctx.require(DIALECT)
    parts = [part.strip() for part in comma_args(args)]
    if parts[0] == "url":
        values = parts[1:] + [None] * 4
        data_url = ctx.url_for(values[0] or "")
        return _gallery_html(
            "url", data_url, _js_value(values[1], "false"), _js_value(values[2], "10"), _js_value(values[3], "10")
        )
    values = parts + [None] * 3
    images = [
        {"url": match.group(2), "alt": match.group(1) or "", "title": match.group(3) or ""}
        for match in _IMAGE.finditer(body or "")
    ]
    items = json.dumps(images, ensure_ascii=False, separators=(",", ":"))
    return _gallery_html(
        "data", items, _js_value(values[0], "false"), _js_value(values[1], "10"), _js_value(values[2], "10")
    )


@tag("galleryGroup", dialect=DIALECT)
def gallery_group(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% galleryGroup name description url image %}`` (space-separated; quote multi-word values)."""
    ctx.require(DIALECT)
    name, description, url, image = ([arg.strip() for arg in args] + ["", "", "", ""])[:4]
    return (
        f'<figure class="gallery-group">\n    <img class="gallery-group-img no-lightbox" '
        f"src='{escape_single_quoted(ctx.url_for(image))}' "
        f'alt="Group Image Gallery">\n    <figcaption>\n      <div class="gallery-group-name">{name}</div>\n'
        f"      <p>{description}</p>\n      <a href='{escape_single_quoted(ctx.url_for(url))}'></a>\n"
        "    </figcaption>\n  </figure>"
    )


@tag("timeline", ends=True, dialect=DIALECT)
def timeline(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% timeline [headline],[colour] %}`` + ``<!-- timeline title -->…<!-- endtimeline -->`` items."""
    ctx.require(DIALECT)
    parts = comma_args(args) if args else []
    headline_text = parts[0] if parts else ""
    colour = parts[1] if len(parts) > 1 else ""
    headline = ""
    if headline_text:
        headline = (
            "<div class='timeline-item headline'>\n        <div class='timeline-item-title'>\n"
            f"          <div class='item-circle'>{ctx.markdown(headline_text)}</div>\n        </div>\n      </div>"
        )
    items = "".join(
        "<div class='timeline-item'>\n        <div class='timeline-item-title'>\n"
        f"          <div class='item-circle'>{ctx.markdown(match.group(1))}</div>\n        </div>\n"
        f"        <div class='timeline-item-content'>{ctx.markdown(match.group(2))}</div>\n      </div>"
        for match in split_sections(body or "", _TIMELINE_BLOCK)
    )
    return f'<div class="timeline {escape_attribute(colour)}">{headline}{items}</div>'


def _text(value: Any) -> str:
    return escape_html("" if value is None else str(value))


@tag("flink", ends=True, dialect=DIALECT)
def flink(args: list[str], body: str | None, ctx: TagContext) -> str:
    """A friend-link list written as YAML: ``- class_name, class_desc, link_list: [{name, link, avatar, descr}]``."""
    ctx.require(DIALECT)
    try:
        data = load_yaml(body or "") or []
    except Exception as error:
        raise TagError(f"the link list is not valid YAML: {error}") from error
    if not isinstance(data, list):
        raise TagError("the link list must be a YAML list")
    fallback = ctx.url_for(str(theme_option(ctx, "error_img", "flink", default="/img/friend_404.gif")))
    out = []
    for group in data:
        if not isinstance(group, dict):
            raise TagError("each entry of the link list must be a mapping")
        name = f'<div class="flink-name">{_text(group["class_name"])}</div>' if group.get("class_name") else ""
        desc = f'<div class="flink-desc">{_text(group["class_desc"])}</div>' if group.get("class_desc") else ""
        links = "".join(
            f'\n      <div class="flink-list-item">\n        <a href="{_text(link.get("link"))}" '
            f'title="{_text(link.get("name"))}" target="_blank">\n          <div class="flink-item-icon">\n'
            f'            <img class="no-lightbox" src="{_text(link.get("avatar"))}" '
            f'onerror=\'this.onerror=null;this.src="{fallback}"\' alt="{_text(link.get("name"))}" />\n'
            f'          </div>\n          <div class="flink-item-name">{_text(link.get("name"))}</div>\n'
            f'          <div class="flink-item-desc" title="{_text(link.get("descr"))}">{_text(link.get("descr"))}'
            "</div>\n        </a>\n      </div>"
            for link in group.get("link_list") or []
            if isinstance(link, dict)
        )
        out.append(f'{name}{desc}<div class="flink-list">{links}</div>')
    return f'<div class="flink">{"".join(out)}</div>'


@tag("mermaid", ends=True, dialect=DIALECT)
def mermaid(args: list[str], body: str | None, ctx: TagContext) -> str:
    """The diagram source, hidden for mermaid.js; without it the bundle shows the source instead."""
    ctx.require(DIALECT)
    config = args[0] if args else "{}"
    return (
        f'<div class="mermaid-wrap"><pre class="mermaid-src" data-config="{escape_html(config)}" hidden>\n'
        f"    {escape_html(body or '')}\n  </pre></div>"
    )


@tag("chartjs", ends=True, dialect=DIALECT)
def chartjs(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% chartjs [width, abreast, id] %}`` + ``<!-- chart -->JSON<!-- endchart -->`` [+ ``<!-- desc -->``]."""
    if not body:
        return ""
    chart = _CHART.search(body)
    if not chart:
        raise TagError("needs a <!-- chart -->…<!-- endchart --> section")
    ctx.require(DIALECT)
    width, layout, chart_id = (part or "" for part in _trimmed([" ".join(args).strip()], 3)[:3])
    desc_match = _CHART_DESC.search(body)
    desc = ctx.markdown(desc_match.group(1)).strip() if desc_match and desc_match.group(1) else ""
    desc_html = f'<div class="chartjs-desc">{desc}</div>' if desc else ""
    abreast = " chartjs-abreast" if layout else ""
    width_attr = f'data-width="{escape_attribute(width)}%"' if width else ""
    return (
        f'<div class="chartjs-container{abreast}" data-chartjs-id="{escape_attribute(chart_id)}" {width_attr}>\n'
        f'            <pre class="chartjs-src" hidden>{escape_html(chart.group(1))}</pre>\n'
        f"            {desc_html}\n          </div>"
    )


def _score_escape(text: str) -> str:
    return escape_html(text).replace("{", "&#123;").replace("}", "&#125;")


@tag("score", ends=True, dialect=DIALECT)
def score(args: list[str], body: str | None, ctx: TagContext) -> str:
    """ABC music notation for abcjs, optionally after JSON parameters and a ``------`` line."""
    ctx.require(DIALECT)
    text = (body or "").strip()
    parts = text.split("------")
    if len(parts) < 2:
        return f'<div class="abc-music-sheet">{_score_escape(text)}</div>'
    try:
        params = json.loads(parts[0].strip())
    except ValueError:
        ctx.warn("the score parameters are not valid JSON")
        params = {}
    music = "------".join(parts[1:]).strip()
    data = json.dumps(params, ensure_ascii=False, separators=(",", ":"))
    return f'<div class="abc-music-sheet" data-params="{_score_escape(data)}">\n    {_score_escape(music)}\n  </div>'


@tag("series", dialect=DIALECT)
def series(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% series [name] %}``: the list of posts in a series.

    Needs every post of the site, which a reader does not see; the list is
    left as a marker that ``integration.fill_series`` replaces once all
    articles are known.
    """
    name = args[0] if args else ctx.metadata.get("series")
    if not name:
        ctx.warn("no series named, and the post has no `series:` front matter")
        return ""
    return f"<!--hexo-series:{escape_html(str(name))}-->"
