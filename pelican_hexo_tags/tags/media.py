"""Video and audio embeds: hexo-tag-bilibili, hexo-tag-videojs2."""

from __future__ import annotations

import os
import re

from ..html import element
from ..registry import TagContext, TagError, tag

_BILIBILI_PLAYER = "https://player.bilibili.com/player.html"
# The Sora blog's patched bilibili-embed-convert: a 4:3 box that scales with the page.
_RESPONSIVE_BOX = "position: relative; width: 100%; height: 0; padding-bottom: 75%;"
_RESPONSIVE_FRAME = "position: absolute; width: 100%; height: 100%; left: 0; top: 0;"
_VIDEO_TYPES = {
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".ogv": "video/ogg",
    ".ogg": "video/ogg",
    ".mov": "video/quicktime",
    ".m3u8": "application/x-mpegURL",
}


def _bilibili_query(video_id: str, page: str) -> str:
    if re.fullmatch(r"BV[0-9A-Za-z]{10}", video_id):
        return f"bvid={video_id}&page={page}"
    match = re.fullmatch(r"(?:av)?(\d+)", video_id, re.IGNORECASE)
    if not match:
        raise TagError(f"{video_id!r} is neither an av number nor a BV id")
    return f"aid={match.group(1)}&page={page}"


@tag("bilibili")
def bilibili(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% bilibili aid|BVid [page] %}`` (hexo-tag-bilibili 0.3).

    By default the responsive box the Sora blog deployed; with
    ``HEXO_BILIBILI_STYLE = "fixed"`` upstream's fixed-size iframe (whose
    ``bilibili.width``/``height`` config is swapped, as upstream swaps it).
    """
    if not args:
        raise TagError("needs a video id")
    page = args[1] if len(args) > 1 and args[1].isdigit() else "1"
    src = f"{_BILIBILI_PLAYER}?{_bilibili_query(args[0], page)}"
    frame = {"src": src, "scrolling": "no", "border": "0", "frameborder": "no", "framespacing": "0"}
    if ctx.settings.get("HEXO_BILIBILI_STYLE") == "fixed":
        size = ctx.config.get("bilibili") or {}
        frame.update(width=str(size.get("height", 544)), height=str(size.get("width", 452)))
        frame["allowfullscreen"] = "true"
        return f'<div class="bili_video">{_iframe(frame)}</div>'
    frame.update(allowfullscreen="true", style=_RESPONSIVE_FRAME)
    return f'<div class="bili_video"><div style="{_RESPONSIVE_BOX}">{_iframe(frame)}</div></div>'


def _iframe(attrs: dict[str, str]) -> str:
    # Upstream puts a space inside the iframe; kept as upstream has it.
    return element("iframe", attrs, " ")


def _source_type(url: str) -> str:
    extension = os.path.splitext(url.split("?", 1)[0].split("#", 1)[0])[1].lower()
    return _VIDEO_TYPES.get(extension, "video/mp4")


@tag("vjs2")
def vjs2(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% vjs2 "video=URL" "poster=URL" "autoplay" … %}`` (hexo-tag-videojs2 0.7/0.8).

    A native ``<video>`` with the plugin's id, classes and attributes, so the
    video plays without JavaScript; ``HEXO_VIDEOJS = True`` adds the video.js
    player on top, from files this package ships (never a CDN).
    """
    number = ctx.next_id("videojs")
    front: list[tuple[str, str]] = []
    children: list[str] = []
    ratio = "16-9"
    pending_track: dict[str, str] | None = None
    for arg in args:
        key, _, value = arg.partition("=")
        key = key.lower()
        if not _:
            if "loop" in key:
                front.insert(0, ("loop", "loop"))
            if "autoplay" in key:
                front.insert(0, ("autoplay", "autoplay"))
            if "muted" in key:
                front.insert(0, ("muted", "muted"))
            continue
        if key == "video":
            children.append(element("source", {"src": value, "type": _source_type(value)}))
        elif key == "audio":
            children.append(element("source", {"src": value, "type": "audio/mpeg"}))
        elif key in ("subtitles", "captions"):
            pending_track = {"src": value, "kind": key, "srclang": "", "label": key}
        elif key == "label" and pending_track is not None:
            pending_track["label"] = value
        elif key == "chapters":
            children.append(element("track", {"src": value, "kind": "chapters", "label": "chapters"}))
        elif key == "aspect-ratio":
            ratio = value
        elif key in ("width", "height"):
            front.insert(0, (key, value))
        elif key == "poster":
            if value == "key":
                ctx.warn("poster=key needs video.js's key.png, which is not shipped; no poster")
                continue
            front.insert(0, ("poster", value))
        else:
            children.append(element("source", {"src": value}))
        if pending_track is not None and key == "label":
            track = {k: v for k, v in pending_track.items() if v}
            children.append(element("track", {**track, "default": True}))
            pending_track = None
    if not children:
        raise TagError('needs a "video=URL" (or "audio=URL") argument')
    attrs = dict(front)
    attrs.update(
        {
            "id": f"videojs{number}",
            "class": f"video-js vjs-{ratio}",
            "controls": True,
            "preload": "auto",
        }
    )
    video = element("video", attrs, "".join(children))
    if ctx.settings.get("HEXO_VIDEOJS"):
        video += _videojs_loader(number, ctx)
    return video


def _videojs_loader(number: int, ctx: TagContext) -> str:
    base = ctx.require("videojs")
    script = f"videojs('videojs{number}',{{responsive:true,playbackRates:[0.5,0.75,1,1.25,1.5,2]}});"
    return (
        f'<link href="{base}video-js.min.css" rel="stylesheet">'
        f'<script src="{base}video.min.js"></script>'
        f"<script>{script}</script>"
    )
