"""Fluid theme tags (hexo-theme-fluid 1.9.9 ``scripts/tags``), dialect ``fluid``."""

from __future__ import annotations

import hashlib
import re

from ..html import attribute_words, escape_attribute
from ..registry import TagContext, tag
from ._theme import comma_args, theme_option

DIALECT = "fluid"
_GROUP_LAYOUTS = {
    2: [1, 1],
    3: [2, 1],
    4: [2, 2],
    5: [3, 2],
    6: [3, 3],
    7: [3, 2, 2],
    8: [3, 2, 3],
    9: [3, 3, 3],
    10: [3, 2, 2, 3],
}
_IMG = re.compile(r"<img[\s\S]*?>")


def _one_line(html: str) -> str:
    # Fluid joins the rendered body onto one line; code blocks are put back later, so they keep theirs.
    return " ".join(html.split("\n"))


@tag("note", ends=True, dialect=DIALECT)
def note(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% note class %}``; no class or ``default`` means the theme's ``post.updated.note_class``."""
    ctx.require(DIALECT)
    if not args or not args[0] or args[0].lower() == "default":
        args = [str(theme_option(ctx, "post", "updated", "note_class", default="info"))]
    return (
        f'<div class="note note-{escape_attribute(" ".join(args))}">\n'
        f"            {_one_line(ctx.markdown(body or ''))}\n          </div>"
    )


@tag("label", dialect=DIALECT)
def label(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% label class @text %}``."""
    ctx.require(DIALECT)
    parts = " ".join(args).split("@")
    classes = parts[0] or "default"
    text = parts[1] if len(parts) > 1 else ""
    if not text:
        ctx.warn("the label has no text (write class @text)")
    return f'<span class="label label-{escape_attribute(classes.strip())}">{text}</span>'


@tag("checkbox", "cb", dialect=DIALECT)
def checkbox(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% cb text, checked?, inline?, disabled? %}``, or ``{% cb checked|true|false %}`` alone."""
    ctx.require(DIALECT)
    if args and args[0] == ",":
        args = args[1:]
    parts = [*comma_args(args), "", "", ""]
    text = parts[0].strip()
    if not text:
        ctx.warn("the checkbox has no text")
    if text in ("checked", "true", "false"):
        state = 'checked="checked"' if text in ("checked", "true") else ""
        return f'<input type="checkbox" disabled {state}>'

    def flag(value: str) -> bool:
        return len(value) > 0 and value.strip() != "false"

    checked, inline, disabled = flag(parts[1]), flag(parts[2]), flag(parts[3])
    content = re.sub(r"(<p>)|(</p>)", "", ctx.markdown(text)).replace("<br>", "")
    opening, closing = ("", "") if inline else ("<div>", "</div>")
    state = 'checked="checked"' if checked else ""
    return (
        f'{opening}\n            <input type="checkbox" {"disabled" if disabled else ""} {state}>{content}\n'
        f"          {closing}"
    )


@tag("button", "btn", dialect=DIALECT)
def button(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% btn url, text, title %}``: opens in a new tab, as in Fluid."""
    ctx.require(DIALECT)
    parts = [*comma_args(args), "", ""]
    url, text, title = parts[0].strip(), parts[1].strip(), parts[2].strip()
    if not url:
        ctx.warn("the button has no URL")
    title_attr = f' title="{escape_attribute(title)}"' if title else ""
    return f'<a class="btn" href="{escape_attribute(url)}" {title_attr} target="_blank">{text}</a>'


def _js_int(text: str) -> int | None:
    match = re.match(r"\s*([+-]?\d+)", text or "")
    return int(match.group(1)) if match else None


@tag("groupimage", "gi", ends=True, dialect=DIALECT)
def group_image(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% gi total [n1-n2-…] %}`` + images: rows as given when they add up to ``total``, else Fluid's defaults."""
    ctx.require(DIALECT)
    total = _js_int(args[0]) if args else None
    layout = [_js_int(v) for v in args[1].split("-")] if len(args) > 1 and args[1] else None
    images = _IMG.findall(ctx.markdown(body or ""))
    valid = layout and None not in layout and sum(layout) == total
    sizes = layout if valid else _GROUP_LAYOUTS.get(total or 0)
    rows: list[list[str]] = []
    if sizes:
        rest = images
        for size in sizes:
            rows.append(rest[:size])
            rest = rest[size:]
    else:
        rows = [images[i : i + 3] for i in range(0, len(images), 3)]
    grid = "".join(
        '<div class="group-image-row">' + "".join(f'<div class="group-image-wrap">{i}</div>' for i in row) + "</div>"
        for row in rows
    )
    return f'<div class="group-image-container">{grid}</div>'


@tag("fold", ends=True, dialect=DIALECT)
def fold(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% fold [class] @title %}``: a panel that opens on click (Bootstrap's collapse in Fluid, our bundle here)."""
    ctx.require(DIALECT)
    parts = " ".join(args).split("@")
    classes = parts[0] or "default"
    text = parts[1] if len(parts) > 1 else ""
    # Fluid names the panel by the body's MD5, so the id is stable across builds.
    panel = "collapse-" + hashlib.md5((body or "").encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return (
        '\n    <div class="fold">\n'
        f'      <div class="fold-title fold-{escape_attribute(classes.strip())} collapsed" data-toggle="collapse" '
        f'href="#{panel}" '
        f'role="button" aria-expanded="false" aria-controls="{panel}">\n'
        f'        <div class="fold-arrow">▶</div>{text}\n      </div>\n'
        f'      <div class="fold-collapse collapse" id="{panel}">\n        <div class="fold-content">\n'
        f"          {_one_line(ctx.markdown(body or ''))}\n        </div>\n      </div>\n    </div>"
    )


@tag("mermaid", ends=True, dialect=DIALECT)
def mermaid(args: list[str], body: str | None, ctx: TagContext) -> str:
    """The diagram source for mermaid.js; Fluid passes the body unescaped and so do we.

    Fluid writes the arguments into the ``<code>`` tag as attributes
    (``{% mermaid style=text-align:center %}``); a word that is no attribute
    is left out, with a warning, so it cannot end the tag.
    """
    attributes, dropped = attribute_words(args)
    if dropped:
        ctx.warn(f"left out {' '.join(dropped)!r}: not an attribute for the <code> tag")
    return f'\n<pre>\n<code class="mermaid" {attributes}>\n{body or ""}\n</code>\n</pre>'
