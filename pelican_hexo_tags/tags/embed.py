"""hexo-tag-embed 1.0.0: ``youtube``, ``vimeo``, ``gist``, ``jsfiddle`` (Hexo's own tags until 7.0).

The markup is the plugin's, quirks included, so old posts render as they did:
arguments are strings, so ``{% youtube id false %}`` asks for a playlist and
the third (cookie) argument never switches cookies off. Set
``HEXO_YOUTUBE_NOCOOKIE = True`` for YouTube's privacy-enhanced player
(``youtube-nocookie.com``) everywhere.
"""

from __future__ import annotations

from ..html import escape_attribute, html_tag
from ..registry import TagContext, TagError, tag


def _video_container(src: str) -> str:
    frame = html_tag("iframe", {"src": src, "frameborder": "0", "loading": "lazy", "allowfullscreen": True}, "")
    return f'<div class="video-container">{frame}</div>'


@tag("youtube")
def youtube(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% youtube id [video|playlist] [cookie] %}``."""
    if not args:
        raise TagError("needs a video or playlist id")
    video_id = args[0]
    kind = args[1] if len(args) > 1 else "video"
    host = (
        "https://www.youtube-nocookie.com" if ctx.settings.get("HEXO_YOUTUBE_NOCOOKIE") else "https://www.youtube.com"
    )
    if kind == "video":
        return _video_container(f"{host}/embed/{video_id}")
    return _video_container(f"{host}/embed/videoseries?list={video_id}")


@tag("vimeo")
def vimeo(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% vimeo id %}``; extra arguments end up in the URL joined by commas, as the plugin does."""
    if not args:
        raise TagError("needs a video id")
    return _video_container(f"https://player.vimeo.com/video/{','.join(args)}")


@tag("gist")
def gist(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% gist user/id [filename] %}``: GitHub's embed script (it needs the network in the browser)."""
    if not args:
        raise TagError("needs a gist id")
    query = f"?file={args[1]}" if len(args) > 1 and args[1] else ""
    return f'<script src="{escape_attribute(f"//gist.github.com/{args[0]}.js{query}")}"></script>'


@tag("jsfiddle")
def jsfiddle(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% jsfiddle shorttag [tabs] [skin] [width] [height] %}``."""
    if not args:
        raise TagError("needs a fiddle id")

    def arg(index: int, default: str) -> str:
        return args[index] if len(args) > index and args[index] != "default" else default

    tabs, skin = arg(1, "js,resources,html,css,result"), arg(2, "light")
    attrs = {
        "scrolling": "no",
        "width": arg(3, "100%"),
        "height": arg(4, "300"),
        "src": f"https://jsfiddle.net/{args[0]}/embedded/{tabs}/{skin}",
        "frameborder": "0",
        "loading": "lazy",
        "allowfullscreen": True,
    }
    return html_tag("iframe", attrs, "")
