"""NexT 8 theme tags (hexo-theme-next 8.29 ``scripts/tags``), dialect ``next``.

Names other themes also define (``note``, ``tabs``, ``label``, ``btn`` …) are
registered with ``dialect="next"``; NexT-only names (``gp``, ``lg``, ``cq`` …)
carry the dialect too, which still makes them available under every theme
because no other variant exists. The markup matches NexT byte for byte where
we could, so NexT's own stylesheet styles it; the ``next`` bundle is a small
offline stand-in for sites that do not use the NexT theme itself.
"""

from __future__ import annotations

import re

from ..html import escape_attribute, escape_html
from ..registry import TagContext, TagError, tag
from ._theme import comma_args, js_number, split_sections, theme_option

DIALECT = "next"
_NOTE_KEYWORDS = ("default", "primary", "info", "success", "warning", "danger", "no-icon")
# NexT needs a newline after the opening comment; a tab without one is not a tab.
TAB_BLOCK = re.compile(r"<!--\s*tab (.*?)\s*-->\n([\s\S]*?)<!--\s*endtab\s*-->")
_PICTURES = re.compile(r"<a[^>]*>(?:(?!</a)[\s\S])+</a>|<img[^>]+>")
_GROUP_LAYOUTS: dict[str, dict[str, list[int]]] = {
    "2": {"1": [1, 1], "2": [2]},
    "3": {"1": [1, 2], "2": [2, 1], "3": [3]},
    "4": {"1": [1, 2, 1], "2": [1, 3], "3": [2, 2], "4": [3, 1]},
    "5": {"1": [1, 2, 2], "2": [2, 1, 2], "3": [2, 3], "4": [3, 2]},
    "6": {"1": [1, 2, 3], "2": [1, 3, 2], "3": [2, 1, 3], "4": [2, 2, 2], "5": [3, 3]},
    "7": {"1": [1, 2, 2, 2], "2": [1, 3, 3], "3": [2, 2, 3], "4": [2, 3, 2], "5": [3, 2, 2]},
    "8": {
        "1": [1, 2, 2, 3],
        "2": [1, 2, 3, 2],
        "3": [1, 3, 2, 2],
        "4": [2, 2, 2, 2],
        "5": [2, 3, 3],
        "6": [3, 2, 3],
        "7": [3, 3, 2],
    },
    "9": {
        "1": [1, 2, 3, 3],
        "2": [1, 3, 2, 3],
        "3": [2, 2, 2, 3],
        "4": [2, 2, 3, 2],
        "5": [2, 3, 2, 2],
        "6": [3, 2, 2, 2],
        "7": [3, 3, 3],
    },
    "10": {
        "1": [1, 3, 3, 3],
        "2": [2, 2, 3, 3],
        "3": [2, 3, 2, 3],
        "4": [2, 3, 3, 2],
        "5": [3, 2, 2, 3],
        "6": [3, 2, 3, 2],
        "7": [3, 3, 2, 2],
    },
}


def fa_icon(icon: str) -> str:
    """NexT's icon argument: a bare name means ``fa fa-NAME``, a full class list is kept."""
    icon = icon.strip()
    if not icon:
        return ""
    if not icon.startswith("fa"):
        icon = "fa fa-" + icon
    return f'<i class="{escape_attribute(icon)}"></i>'


@tag("note", "subnote", ends=True, dialect=DIALECT)
def note(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% note [class] [no-icon] [summary…] %}``: a callout, or a ``<details>`` when a summary follows."""
    ctx.require(DIALECT)
    args = list(args)
    classes = []
    # NexT takes at most two leading keywords; anything after them is the summary.
    for _ in range(2):
        if args and args[0] in _NOTE_KEYWORDS:
            classes.append(args.pop(0))
    content = ctx.markdown(body or "")
    class_name = " ".join(classes)
    if not args:
        return f'<div class="note {class_name}">{content}</div>'
    summary = ctx.markdown(" ".join(args))
    return f'<details class="note {class_name}"><summary>{summary}</summary>\n{content}\n</details>'


def tab_id(name: str) -> str:
    return name.lower().replace(" ", "-")


@tag("tabs", "subtabs", "subsubtabs", ends=True, dialect=DIALECT)
def tabs(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% tabs Name[, active] %}`` with ``<!-- tab [caption][@icon] -->…<!-- endtab -->`` panes."""
    ctx.require(DIALECT)
    parts = comma_args(args)
    name = parts[0]
    active = js_number(parts[1]) if len(parts) > 1 else 0
    if not name:
        ctx.warn("tabs need a unique name")
    nav, panes = [], []
    for number, match in enumerate(split_sections(body or "", TAB_BLOCK), start=1):
        caption, _, icon = match.group(1).partition("@")
        content = ctx.markdown(match.group(2)).strip()
        abbr = f"{name} {number}"
        href = tab_id(abbr)
        caption = fa_icon(icon) + caption.strip()
        is_active = (active > 0 and active == number) or (active == 0 and number == 1)
        state = " active" if is_active else ""
        nav.append(f'<li class="tab{state}"><a href="#{escape_attribute(href)}">{caption or abbr}</a></li>')
        panes.append(f'<div class="tab-pane{state}" id="{escape_attribute(href)}">{content}</div>')
    return (
        f'<div class="tabs" id="{escape_attribute(tab_id(name))}"><ul class="nav-tabs">{"".join(nav)}</ul>'
        f'<div class="tab-content">{"".join(panes)}</div></div>'
    )


@tag("button", "btn", dialect=DIALECT)
def button(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% btn url, text, icon, title %}``."""
    ctx.require(DIALECT)
    parts = [*comma_args(args), "", "", ""]
    url, text, icon, title = parts[0], parts[1].strip(), parts[2], parts[3].strip()
    if not url:
        ctx.warn("the button has no URL")
    title_attr = f' title="{escape_attribute(title)}"' if title else ""
    return f'<a class="btn" href="{escape_attribute(url)}"{title_attr}>{fa_icon(icon)}{text}</a>'


@tag("label", dialect=DIALECT)
def label(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% label class@text %}``."""
    ctx.require(DIALECT)
    parts = " ".join(args).split("@")
    classes = parts[0]
    text = parts[1] if len(parts) > 1 else ""
    if not text:
        ctx.warn("the label has no text (write class@text)")
    return f'<mark class="label {escape_attribute(classes.strip())}">{text}</mark>'


@tag("video", dialect=DIALECT)
def video(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% video url [poster] %}``: a native player."""
    if not args:
        raise TagError("needs a video URL")
    poster = args[1] if len(args) > 1 else ""
    return (
        f'<video src="{escape_attribute(args[0])}" preload="metadata" controlslist="nodownload" controls playsinline '
        f'poster="{escape_attribute(poster)}"></video>'
    )


@tag("pdf", dialect=DIALECT)
def pdf(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% pdf url [height] %}``; NexT loads pdf.js for it, our bundle uses the browser's own viewer."""
    if not args:
        raise TagError("needs a PDF URL")
    ctx.require(DIALECT)
    height = args[1] if len(args) > 1 else theme_option(ctx, "pdf", "height", default="500px")
    target, height = escape_attribute(args[0]), escape_attribute(str(height))
    return f'<div class="pdf-container" data-target="{target}" data-height="{height}"></div>'


@tag("mermaid", ends=True, dialect=DIALECT)
def mermaid(args: list[str], body: str | None, ctx: TagContext) -> str:
    """The diagram source in ``<pre><code class="mermaid">``, as NexT leaves it for mermaid.js."""
    return f'<pre>\n<code class="mermaid">\n{" ".join(args)}\n{escape_html(body or "")}\n</code>\n</pre>'


@tag("wavedrom", ends=True, dialect=DIALECT)
def wavedrom(args: list[str], body: str | None, ctx: TagContext) -> str:
    return f'<div class="wavedrom"><script type="WaveDrom">\n{body or ""}\n</script></div>'


@tag("centerquote", "cq", ends=True, dialect=DIALECT)
def center_quote(args: list[str], body: str | None, ctx: TagContext) -> str:
    ctx.require(DIALECT)
    return f'<blockquote class="blockquote-center">\n{ctx.markdown(body or "")}\n</blockquote>'


def _rows(items: list[str], sizes: list[int]) -> list[list[str]]:
    rows = []
    for size in sizes:
        rows.append(items[:size])
        items = items[size:]
    return rows


def _grid(rows: list[list[str]], row_class: str, cell_class: str) -> str:
    return "".join(
        f'<div class="{row_class}">' + "".join(f'<div class="{cell_class}">{cell}</div>' for cell in row) + "</div>"
        for row in rows
    )


def rows_of_three(items: list[str]) -> list[list[str]]:
    return [items[i : i + 3] for i in range(0, len(items), 3)]


@tag("grouppicture", "gp", ends=True, dialect=DIALECT)
def group_picture(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% gp total-layout %}`` + images: rows laid out by NexT's layout table, else rows of three."""
    ctx.require(DIALECT)
    group, _, layout = (args[0] if args else "").partition("-")
    pictures = _PICTURES.findall(ctx.markdown(body or ""))
    sizes = _GROUP_LAYOUTS.get(group, {}).get(layout)
    rows = _rows(pictures, sizes) if sizes else rows_of_three(pictures)
    return f'<div class="group-picture">{_grid(rows, "group-picture-row", "group-picture-column")}</div>'


@tag("linkgrid", "lg", ends=True, dialect=DIALECT)
def link_grid(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% lg [image] [delimiter] [comment] %}`` + lines ``name | url | description | image``."""
    ctx.require(DIALECT)
    image = args[0] if args else "/images/avatar.gif"
    delimiter = args[1] if len(args) > 1 else "|"
    comment = args[2] if len(args) > 2 else "%"
    cards = []
    for line in (body or "").split("\n"):
        if not line.strip():
            continue
        item = [part.strip() for part in line.split(delimiter)]
        if item[0][:1] == comment:
            continue
        source = item[3] if len(item) > 3 and item[3] else image
        # NexT tells the browser the type when the URL has no extension to guess it from.
        kind = "" if re.search(r"\.[^/]+$", source) else 'type="image/jpeg" '
        url = item[1] if len(item) > 1 else ""
        description = item[2] if len(item) > 2 and item[2] else url
        cards.append(
            f'<div class="link-grid-container">\n<object class="link-grid-image" {kind}'
            f'data="{escape_attribute(source)}"></object>\n'
            f"<p>{item[0]}</p><p>{description}</p>\n"
            f'<a href="{escape_attribute(url)}"></a>\n</div>'
        )
    return f'<div class="link-grid">{"".join(cards)}</div>'


@tag("caniuse", "can", dialect=DIALECT)
def caniuse(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% caniuse feature@periods %}``: the caniuse embed (an online service, as in NexT)."""
    feature, _, periods = "".join(args).partition("@")
    if not feature:
        ctx.warn("needs a feature name")
        return ""
    periods = periods.split("@")[0] if _ else "current"
    feature, periods = escape_attribute(feature), escape_attribute(periods)
    return (
        f'<iframe data-feature="{feature}" src="https://caniuse.bitsofco.de/embed/index.html?feat={feature}'
        f'&periods={periods}&accessible-colours=false" frameborder="0" width="100%" height="400px"></iframe>'
    )
