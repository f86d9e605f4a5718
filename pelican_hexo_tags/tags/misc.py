"""Non-media tag plugins: hexo-spoiler, codepen, kbd, hexo-tag-twitter, hexo-douban-card,
hexo-valkyr-url, hexo-tag-mdline, and a theme-neutral ``mermaid``.

Nothing here reaches the network while the site builds: tweets and Douban
items become cards that link to them (a Douban card is filled from a local
data file when one is set, see :func:`douban`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from ..html import element, escape_attribute
from ..math import mermaid_block
from ..registry import TagContext, TagError, tag
from ..yaml_loader import load_yaml

# --- hexo-spoiler 1.7.4 ------------------------------------------------------------------------------

_SPOILER_STYLE = (
    "<style>.spoiler .spoiler-blur{filter:blur(.5em);cursor:pointer;transition:filter .2s}"
    ".spoiler .spoiler-box{background:currentColor;cursor:pointer}"
    ".spoiler .spoiler-box>*,.spoiler .spoiler-box{color:transparent}"
    ".spoiler .spoiler-box{text-shadow:none}</style>"
)


@tag("spoiler")
def spoiler(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% spoiler [style:blur|box] [color:CSS] [p:…] text… %}``: hidden until clicked."""
    style, color, paragraph, words = "blur", "", False, []
    for arg in args:
        key, has_value, value = arg.partition(":")
        if has_value and key == "style" and value in ("blur", "box"):
            style = value
        elif has_value and key == "color":
            color = value
        elif has_value and key == "p":
            paragraph = True
        else:
            words.append(arg)
    inner = re.sub(r"^<p>|</p>\s*$", "", ctx.markdown(" ".join(words)).strip())
    classes = f"spoiler-{style}"
    head = ""
    if color:
        digest = hashlib.md5(color.encode(), usedforsecurity=False).hexdigest()[:5]
        classes += f" spoiler-{digest}"
        head = f"<style>.spoiler .spoiler-{digest}{{background:{escape_attribute(color)}}}</style>"
    outer = "p" if paragraph else "span"
    css = _SPOILER_STYLE if ctx.page_state.first_time("spoiler") else ""
    return (
        f'{css}{head}<{outer} class="spoiler" onclick="this.classList.toggle(\'spoiler\')">'
        f'<span class="{classes}">{inner}</span></{outer}>'
    )


# --- codepen -----------------------------------------------------------------------------------------


@tag("codepen")
def codepen(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% codepen user slug [theme] [tab] [height] [width] %}`` (hexo-codepen), or
    ``{% codepen slug_hash:… [user:…] [default_tab:…] [theme_id:…] %}``: CodePen's iframe embed.
    """
    options = dict(arg.split(":", 1) for arg in args if re.match(r"^[a-z_]+:", arg))
    positional = [arg for arg in args if not re.match(r"^[a-z_]+:", arg)]
    user = options.get("user") or (positional[0] if positional else "anon")
    slug = options.get("slug_hash") or (positional[1] if len(positional) > 1 else "")
    if not slug:
        raise TagError("needs a pen's slug hash")
    user = "anon" if user in ("anonymous", "anon") else user
    theme = options.get("theme_id") or (positional[2] if len(positional) > 2 else "")
    tab = options.get("default_tab") or (positional[3] if len(positional) > 3 else "result")
    height = positional[4] if len(positional) > 4 else "300"
    width = positional[5] if len(positional) > 5 else "100%"
    query = f"default-tab={tab}" + (f"&theme-id={theme}" if theme and theme != "0" else "")
    pen = f"https://codepen.io/{user}/pen/{slug}"
    link = element("a", {"href": pen}, f"See the Pen {escape_attribute(slug)} on CodePen")
    return element(
        "iframe",
        {
            "height": height,
            "style": f"width: {width};",
            "scrolling": "no",
            "title": slug,
            "src": f"https://codepen.io/{user}/embed/{slug}?{query}",
            "frameborder": "no",
            "loading": "lazy",
            "allowtransparency": "true",
            "allowfullscreen": "true",
        },
        link,
    )


# --- kbd ---------------------------------------------------------------------------------------------


@tag("kbd")
def kbd(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% kbd Ctrl + C %}``: each key in a ``<kbd>``, the ``+`` between them kept as text."""
    if not args:
        raise TagError("needs a key")
    keys = " ".join(args).split("+") if "+" in " ".join(args) and len(" ".join(args)) > 1 else [" ".join(args)]
    return " + ".join(f"<kbd>{escape_attribute(key.strip())}</kbd>" for key in keys if key.strip()) or (
        f"<kbd>{escape_attribute(' '.join(args))}</kbd>"
    )


# --- hexo-tag-twitter 1.0.3 --------------------------------------------------------------------------

_TWEET_URL = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/([^/]+)/status(?:es)?/(\d+)")


@tag("twitter", "tweet")
def twitter(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% twitter URL %}`` or ``{% twitter ID [USER] %}``: upstream's blockquote, linking the tweet.

    Twitter's widgets.js (loaded by the reader's browser) turns it into the
    embedded tweet; without it the link is still there. ``HEXO_TWITTER_SCRIPT =
    False`` leaves the script out.
    """
    if not args:
        return ""
    match = _TWEET_URL.match(args[0])
    if match:
        user, tweet = match.group(1), match.group(2)
    elif args[0].isdigit():
        tweet = args[0]
        user = args[1] if len(args) > 1 else str((ctx.config.get("tagTwitter") or {}).get("id") or "")
    else:
        ctx.warn(f"{args[0]!r} is not a tweet URL or id; left out as upstream does")
        return ""
    url = f"https://twitter.com/{user}/status/{tweet}" if user else f"https://twitter.com/i/status/{tweet}"
    url = escape_attribute(url)
    quote = f'<blockquote class="twitter-tweet"><a href="{url}">{url}</a></blockquote>'
    html = f'<div class="twitter-wrapper">{quote}</div>'
    if ctx.settings.get("HEXO_TWITTER_SCRIPT", True):
        html += '<script async defer src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
    return html


# --- hexo-douban-card 1.4.0 --------------------------------------------------------------------------

_DOUBAN_HOSTS = {"book": "book.douban.com", "movie": "movie.douban.com", "music": "music.douban.com"}
_DOUBAN_LABELS = {
    "book": [("title", "书名"), ("author", "作者"), ("publishDate", "出版年份"), ("rate", "评分")],
    "movie": [("title", "电影名"), ("director", "导演"), ("publishDate", "上映时间"), ("rate", "评分")],
    "music": [("title", "专辑名"), ("author", "表演者"), ("publishDate", "发行时间"), ("rate", "评分")],
}
_DOUBAN_STYLE = (
    "<style>.douban-card-block{display:flex;margin:1em 0}.douban-card{display:flex;position:relative;"
    "overflow:hidden;border-radius:8px;padding:12px;min-width:60%;color:inherit;text-decoration:none;"
    "box-shadow:0 1px 4px rgba(0,0,0,.2)}.douban-card-bgimg{position:absolute;inset:0;background-size:cover;"
    "filter:blur(20px) brightness(.9);opacity:.25}.douban-card-left{position:relative;margin-right:1em}"
    ".douban-card-img{width:90px;height:130px;background-size:cover;background-position:center}"
    ".douban-card-right{position:relative}.douban-card-status{text-align:center;font-size:.85em}</style>"
)


@lru_cache(maxsize=8)
def _read_douban(path: str, stamp: float) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    data = json.loads(text) if path.endswith(".json") else load_yaml(text)
    return data if isinstance(data, dict) else {}


def douban_data(settings: Mapping[str, Any], config: Mapping[str, Any]) -> dict[str, Any]:
    """The ``HEXO_DOUBAN_DATA`` file (YAML or JSON), relative to the Hexo site or the content folder."""
    path = settings.get("HEXO_DOUBAN_DATA")
    if not path:
        return {}
    candidates = [str(path)]
    for root in (getattr(config, "source_root", None), settings.get("PATH")):
        if root and not os.path.isabs(str(path)):
            candidates.insert(0, os.path.join(str(root), str(path)))
    for candidate in candidates:
        if os.path.isfile(candidate):
            return _read_douban(candidate, os.path.getmtime(candidate))
    return {}


@tag("douban")
def douban(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% douban book|movie|music ID %}`` (either order): upstream's card, linking the item.

    Upstream fetches title, author, rating and cover from douban.com while
    building; here they come from the ``HEXO_DOUBAN_DATA`` file when it has
    the item (``{book: {ID: {title, author, publishDate, rate, img, status}}}``),
    and the card otherwise shows the item's link only.
    """
    kind = next((a for a in args if a in _DOUBAN_HOSTS), None)
    item = next((a for a in args if a.isdigit()), None)
    if kind is None or item is None:
        raise TagError("needs book, movie or music and an id")
    url = f"https://{_DOUBAN_HOSTS[kind]}/subject/{item}/"
    try:
        data = (douban_data(ctx.settings, ctx.config).get(kind) or {}).get(item) or {}
    except (OSError, ValueError) as error:
        ctx.warn(f"cannot read HEXO_DOUBAN_DATA: {error}")
        data = {}
    if not isinstance(data, Mapping):
        data = {}
    if not data:
        ctx.warn(f"no data for {kind} {item} in HEXO_DOUBAN_DATA; the card shows its link only")
    img = escape_attribute(str(data.get("img") or ""))
    items = []
    for key, label in _DOUBAN_LABELS[kind]:
        value = data.get(key) if key != "title" else data.get("title") or url
        if value:
            tag_name = "strong" if key == "title" else "span"
            items.append(
                f'<div class="douban-card-item"><span>{label}: </span>'
                f"<{tag_name}>{escape_attribute(str(value))}</{tag_name}></div>"
            )
    style = _DOUBAN_STYLE if ctx.page_state.first_time("douban") else ""
    return (
        f'{style}<div class="douban-card-block"><a class="douban-card" href="{escape_attribute(url)}">'
        f'<div bg-lazy class="douban-card-bgimg" style="background-image: url(\'{img}\');"></div>'
        f'<div class="douban-card-left"><div bg-lazy class="douban-card-img" '
        f"style=\"background-image: url('{img}');\"></div>"
        f'<div class="douban-card-status">{escape_attribute(str(data.get("status") or ""))}</div></div>'
        f'<div class="douban-card-right" style="line-height: 1.7;">{"".join(items)}</div></a></div>'
    )


# --- hexo-valkyr-url 1.1.0 ---------------------------------------------------------------------------

_VALKYR_ARG = re.compile(r"\[([^=]+)=(.+)\]", re.DOTALL)
_VALKYR_STYLE = (
    "<style>.vkr-url-wrapper{display:flex;align-items:center;gap:1em;padding:.8em 1em;margin:1em 0;"
    "border:1px solid rgba(127,127,127,.3);border-radius:6px}.vkr-url-wrapper .avatar{width:64px;height:64px;"
    "object-fit:cover;border-radius:4px}.vkr-url-wrapper .desc-wrapper hr{margin:.3em 0}"
    ".vkr-url-wrapper .desc{font-size:.9em;opacity:.8}</style>"
)


@tag("valkyrurl")
def valkyrurl(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% valkyrurl [url=…] [title=…] [avatar=…] [desc=…] %}``: a link card."""
    fields = {}
    for arg in args:
        match = _VALKYR_ARG.match(arg)
        if match:
            fields[match.group(1).strip()] = match.group(2)
    url = fields.get("url")
    if not url:
        raise TagError("needs [url=…]")
    href = escape_attribute(url)
    avatar = ""
    if fields.get("avatar"):
        avatar = f'<a href="{href}"><img class="avatar" src="{escape_attribute(fields["avatar"])}" ></a>'
    return (
        f'<div class="vkr-url-wrapper">{_VALKYR_STYLE}{avatar}<div class="desc-wrapper">'
        f'<a href="{href}">{escape_attribute(fields.get("title") or url)}</a><hr />'
        f'<div class="desc">{escape_attribute(fields.get("desc") or "")}</div></div></div>'
    )


# --- hexo-tag-mdline 1.0.0 ---------------------------------------------------------------------------

_MDLINE_HEADING = re.compile(r"^#{2,3}\s*([^:：\n]+?)\s*[:：]\s*(.*)$", re.MULTILINE)


@tag("mdline", ends=True)
def mdline(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% mdline %}## YEAR: title\\nbody…{% endmdline %}``: a timeline, one entry per heading."""
    text = body or ""
    matches = list(_MDLINE_HEADING.finditer(text))
    if not matches:
        raise TagError("needs '## YEAR: title' headings")
    entries = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        content = ctx.markdown(text[match.end() : end].strip()) if text[match.end() : end].strip() else ""
        entries.append(
            '<div class="mdline-entry">'
            f'<div class="mdline-date">{escape_attribute(match.group(1))}</div>'
            f'<div class="mdline-body"><div class="mdline-title">{escape_attribute(match.group(2))}</div>'
            f"{content}</div></div>"
        )
    return f'<section class="mdline">{"".join(entries)}</section>'


# --- mermaid (theme-neutral) -------------------------------------------------------------------------


@tag("mermaid", ends=True)
def mermaid(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% mermaid [type] %}…{% endmermaid %}``: the same ``<pre class="mermaid">`` as a mermaid fence.

    Themes with their own mermaid markup (NexT, Butterfly, Fluid) register theirs under their dialect.
    """
    code = "\n".join(part for part in (" ".join(args), body or "") if part)
    return mermaid_block(code, ctx.page_state)
