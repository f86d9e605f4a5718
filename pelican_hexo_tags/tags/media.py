"""Video, audio and document embeds: hexo-tag-bilibili, -videojs2, -dplayer, -aplayer, hexo-pdf, video."""

from __future__ import annotations

import hashlib
import json
import os
import re
import string
from urllib.parse import unquote

from ..html import element, escape_attribute
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


# --- hexo-pdf 1.1.1 ------------------------------------------------------------------------------


def _asset_relative(url: str, ctx: TagContext) -> str:
    """A bare file name is the post's asset when ``post_asset_folder`` is on."""
    if re.match(r"^(?:[a-z][\w+.-]*:|//|/|#)", url, re.IGNORECASE) or not ctx.config.get("post_asset_folder"):
        return url
    return ctx.asset_url + url.removeprefix("./")


def _relative_is_asset(ctx: TagContext) -> bool:
    """Whether a relative URL on the post's page already lands in its asset folder, as upstream relies on."""
    post_dir = ctx.post_path if ctx.post_path.endswith("/") else ctx.post_path.rsplit("/", 1)[0] + "/"
    return unquote(ctx.asset_url).strip("/").endswith(unquote(post_dir).strip("/"))


@tag("pdf")
def pdf(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% pdf URL %}`` (hexo-pdf): an ``<embed>`` for a PDF, an iframe for Google Drive or SlideShare.

    A relative file is the post's asset; it is written as upstream writes it
    unless the post's URL is not its asset folder (``:title.html`` permalinks).
    """
    if not args:
        raise TagError("needs a URL")
    url = args[0]
    if url.find("drive.google.com") > 0 and url.find(".pdf") <= 0:
        frame = element("iframe", {"src": url, "style": "width:100%; height:550px"}, "")
        return f'<div class="row">{frame}</div>'
    if url.find("www.slideshare.net") > 0 and url.find(".pdf") <= 0:
        # Upstream leaves its trailing <div> open; closed here so it cannot swallow the page.
        return (
            f'<iframe src="{escape_attribute(url)}" style="width:100%;height:550px" frameborder="0" '
            'marginwidth="0" marginheight="0" scrolling="no" style="border:1px solid #CCC; border-width:1px; '
            'margin-bottom:5px; max-width: 100%;" allowfullscreen> </iframe> <div style="margin-bottom:5px"></div>'
        )
    src = url if _relative_is_asset(ctx) else _asset_relative(url, ctx)
    embed = element("embed", {"src": src, "width": "100%", "height": "550", "type": "application/pdf"})
    return f'<div class="row">{embed}</div>'


# --- {% video %}: hexo-tag-video 0.0.2, or a plain URL -----------------------------------------------


@tag("video")
def video(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% video '<iframe …>' %}`` (hexo-tag-video) or ``{% video URL [poster] %}``.

    hexo-tag-video drops the size arguments and wraps the rest in a
    ``video-container``; a bare URL gives a native ``<video>`` as NexT's tag does.
    """
    if not args:
        raise TagError("needs a URL or an <iframe>")
    if args[0].lstrip().startswith("<"):
        kept = [a for a in args if not re.search(r"height|width|style", a)]
        return f'<div class="video-container">{" ".join(kept)}</div>'
    attrs = {
        "src": _asset_relative(args[0], ctx),
        "preload": "metadata",
        "controlslist": "nodownload",
        "controls": True,
        "playsinline": True,
        "poster": _asset_relative(args[1], ctx) if len(args) > 1 else None,
    }
    return element("video", attrs, "")


# --- hexo-tag-dplayer 0.3.3 --------------------------------------------------------------------------

_DPLAYER_BOOL = {"autoplay", "loop", "screenshot", "hotkey", "mutex", "dmunlimited"}
_DPLAYER_STRING = {
    "preload", "theme", "lang", "logo", "url", "pic", "thumbnails", "vidtype", "suburl", "subtype", "subbottom",
    "subcolor", "id", "api", "token", "addition", "dmuser", "width", "height", "code",
}  # fmt: skip
_DPLAYER_NUMBER = {"volume", "maximum"}
# DPlayer's options in upstream's order, each from the tag key that sets it.
_DPLAYER_LAYOUT: list[tuple[str, object]] = [
    ("autoplay", "autoplay"),
    ("theme", "theme"),
    ("loop", "loop"),
    ("lang", "lang"),
    ("screenshot", "screenshot"),
    ("hotkey", "hotkey"),
    ("preload", "preload"),
    ("logo", "logo"),
    ("volume", "volume"),
    ("mutex", "mutex"),
    ("video", [("url", "url"), ("pic", "pic"), ("thumbnails", "thumbnails"), ("type", "vidtype")]),
    (
        "subtitle",
        [
            ("url", "suburl"),
            ("type", "subtype"),
            ("fontSize", "subsize"),
            ("bottom", "subbottom"),
            ("color", "subcolor"),
        ],
    ),
    (
        "danmaku",
        [
            ("id", "id"),
            ("api", "api"),
            ("token", "token"),
            ("maximum", "maximum"),
            ("addition", ["addition"]),
            ("user", "dmuser"),
            ("unlimited", "dmunlimited"),
        ],
    ),
]


def _js_number(text: str) -> float | int | None:
    try:
        value = float(text)
    except ValueError:
        return None
    if value != value or value == 0:  # NaN and 0 are falsy: upstream drops them
        return None
    return int(value) if value.is_integer() else value


def _once(ctx: TagContext, key: str, html: str) -> str:
    """Player scripts are loaded once per page, before the first player that needs them."""
    loaded = ctx.page_state.loaded_assets
    if key in loaded:
        return ""
    loaded.add(key)
    return html


def _dplayer_options(opt: dict[str, object], defaults: dict[str, object]) -> dict[str, object]:
    def pick(source: object) -> object:
        if isinstance(source, str):
            value = opt.get(source) or defaults.get(source)
            return value if value not in ("", False, None) else None
        return [pick(item) for item in source]  # type: ignore[union-attr]

    out: dict[str, object] = {}
    for key, source in _DPLAYER_LAYOUT:
        if key == "subtitle" and not (opt.get("suburl") or defaults.get("suburl")):
            continue
        if key == "danmaku" and not (opt.get("api") or defaults.get("api")):
            continue
        if isinstance(source, list) and source and isinstance(source[0], tuple):
            inner = {}
            for inner_key, inner_source in source:
                if inner_key == "addition" and not (opt.get("addition") or defaults.get("addition")):
                    continue
                value = pick(inner_source)
                if value is not None:
                    inner[inner_key] = value
            out[key] = inner
            continue
        value = pick(source)
        if value is not None:
            out[key] = value
    return out


@tag("dplayer")
def dplayer(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% dplayer "url=…" "pic=…" "autoplay" … %}`` (hexo-tag-dplayer 0.3.3).

    Loads DPlayer from the files this package ships (``hexo-tags/dplayer/``).
    """
    config = ctx.config.get("hexo-tag-dplayer") or {}
    defaults = dict(config.get("default") or {}) if isinstance(config, dict) else {}
    number = ctx.next_id("dplayer") - 1
    element_id = f"dplayer{number}"
    opt: dict[str, object] = {}
    for arg in args:
        key, has_value, value = arg.partition("=")
        value = value if has_value else "true"
        if key in _DPLAYER_BOOL:
            opt[key] = value.lower() in ("true", "yes", "1", "y", "on", "")
        elif key in _DPLAYER_STRING:
            opt[key] = value
        elif key in _DPLAYER_NUMBER:
            opt[key] = _js_number(value)
    width, height = opt.get("width") or defaults.get("width"), opt.get("height") or defaults.get("height")
    style = "margin-bottom: 20px;" + (f" width:{width};" if width else "") + (f" height:{height};" if height else "")
    html = f'<div id="{element_id}" class="dplayer hexo-tag-dplayer-mark" style="{escape_attribute(style)}"></div>'
    url = opt.get("url") or defaults.get("url")
    if not url:
        return html + "<p>no url specified, no dplayer _(:3」∠)_</p>"
    if isinstance(url, str) and not re.match(r"^(https?://|/)", url) and ctx.config.get("post_asset_folder"):
        opt["url"] = ctx.asset_url + url
    options = json.dumps(
        {"container": "@container", **_dplayer_options(opt, defaults)}, ensure_ascii=False, separators=(",", ":")
    )
    options = options.replace('"@container"', f'document.getElementById("{element_id}")', 1)
    code = str(opt.get("code") or defaults.get("code") or "")
    loader = _once(ctx, "dplayer", f'<script src="{ctx.require("dplayer")}DPlayer.min.js"></script>')
    script = (
        f"<script>(function(){{var player = new DPlayer({_script_safe(options)});"
        f"window.dplayers||(window.dplayers=[]);window.dplayers.push(player);{code}}})()</script>"
    )
    return loader + html + script


def _script_safe(text: str) -> str:
    # JSON inside <script>: a literal "</script>" in a value must not end the element.
    return text.replace("</", "<\\/")


# --- hexo-tag-aplayer 3.0.4 --------------------------------------------------------------------------


def _aplayer_id(ctx: TagContext) -> str:
    """Upstream's ids are 8 random letters; these are stable across builds."""
    number = ctx.next_id("aplayer")
    digest = hashlib.sha1(f"{ctx.post_path}#{number}".encode(), usedforsecurity=False).digest()
    letters = string.ascii_uppercase + string.ascii_lowercase
    return "aplayer-" + "".join(letters[b % len(letters)] for b in digest[:8])


def _aplayer_assets(ctx: TagContext, meting: bool = False) -> str:
    base = ctx.require("aplayer")
    html = _once(
        ctx,
        "aplayer",
        f'<link rel="stylesheet" href="{base}APlayer.min.css"><script src="{base}APlayer.min.js"></script>',
    )
    if meting:
        html += _once(ctx, "meting", f'<script src="{ctx.require("meting")}Meting.min.js"></script>')
    return html


def _aplayer_url(url: str, ctx: TagContext) -> str:
    """Upstream's ``processUrl``: absolute and root-relative URLs stay, a bare name is a post asset."""
    if not url or re.match(r"^(https?://|/)", url):
        return url
    return ctx.asset_url + url


def _parse_player_args(args: list[str], ctx: TagContext, lyrics_option: bool) -> dict[str, object]:
    if len(args) < 3:
        raise TagError("needs a title, an author and a URL")
    settings: dict[str, object] = {"title": args[0], "author": args[1], "url": args[2], "pic": ""}
    settings.update(narrow=False, autoplay=False, width="", lrcOption=False, lrcPath="")
    for index, value in enumerate(args[3:]):
        if value == "narrow":
            settings["narrow"] = True
        elif value == "autoplay":
            settings["autoplay"] = True
        elif lyrics_option and value.startswith("lrc:"):
            settings["lrcOption"] = 1
            settings["lrcPath"] = value[value.index(":") + 1 :]
        elif value.startswith("width:"):
            settings["width"] = value + ";"
        elif index == 0:
            settings["pic"] = _aplayer_url(value, ctx)
        else:
            raise TagError(f"unrecognized argument ({index + 1}): {value}")
    if settings["narrow"]:
        settings["width"] = ""
    return settings


def _js(value: object) -> str:
    return _script_safe(json.dumps(value, ensure_ascii=False))


def _aplayer_html(element_id: str, settings: dict[str, object], lyrics: str, showlrc: object) -> str:
    style = escape_attribute(f"margin-bottom: 20px;{settings['width']}")
    music = [f"title: {_js(settings['title'])}", f"author: {_js(settings['author'])}"]
    music += [f"url: {_js(settings['url'])}", f"pic: {_js(settings['pic'])}"]
    if showlrc != 2:
        music.append(f"lrc: {_js(settings['lrcPath'])}")
    return (
        f'<div id="{element_id}" class="aplayer aplayer-tag-marker" style="{style}">'
        f'<pre class="aplayer-lrc-content">{escape_attribute(lyrics)}</pre></div>'
        f"<script>var ap = new APlayer({{element: document.getElementById({_js(element_id)}), "
        f"narrow: {_js(settings['narrow'])}, autoplay: {_js(settings['autoplay'])}, showlrc: {_js(showlrc)}, "
        f"music: {{{', '.join(music)}}}}});"
        "window.aplayers || (window.aplayers = []);window.aplayers.push(ap);</script>"
    )


@tag("aplayer")
def aplayer(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% aplayer title author url [pic] [narrow] [autoplay] [width:…] [lrc:file] %}``.

    A local ``lrc:`` file is read from the post's asset folder into the page, as upstream does.
    """
    settings = _parse_player_args(args, ctx, lyrics_option=True)
    lyrics, showlrc = "", settings["lrcOption"]
    if showlrc:
        path = str(settings["lrcPath"])
        if re.match(r"^https?", path):
            showlrc = 3
        else:
            showlrc = 2
            lyrics = _read_asset_text(path, ctx)
    return _aplayer_assets(ctx) + _aplayer_html(_aplayer_id(ctx), settings, lyrics, showlrc)


def _read_asset_text(name: str, ctx: TagContext) -> str:
    if not ctx.asset_dir:
        raise TagError(f"lrc:{name} needs post_asset_folder")
    path = os.path.join(ctx.asset_dir, name)
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError as error:
        raise TagError(f"cannot read {name} from the post's asset folder: {error.strerror}") from error


@tag("aplayerlrc", ends=True)
def aplayerlrc(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% aplayerlrc title author url [pic] [narrow] [autoplay] %}LRC{% endaplayerlrc %}``."""
    settings = _parse_player_args(args, ctx, lyrics_option=False)
    return _aplayer_assets(ctx) + _aplayer_html(_aplayer_id(ctx), settings, body or "", 2)


@tag("aplayerlist", ends=True)
def aplayerlist(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% aplayerlist %}{"music": [...], …}{% endaplayerlist %}``: APlayer options as JSON."""
    try:
        options = json.loads(body or "")
    except ValueError as error:
        raise TagError(f"the body is not JSON: {error}") from error
    if not isinstance(options, dict) or not isinstance(options.get("music"), list):
        raise TagError('the JSON needs a "music" list')
    settings = {"narrow": False, "autoplay": False, "showlrc": 0, **options}
    for info in settings["music"]:
        if isinstance(info, dict):
            info["url"] = _aplayer_url(str(info.get("url") or ""), ctx)
            info["pic"] = _aplayer_url(str(info["pic"]), ctx) if info.get("pic") else ""
    element_id = _aplayer_id(ctx)
    return (
        _aplayer_assets(ctx)
        + f'<div id="{element_id}" class="aplayer aplayer-tag-marker" style="margin-bottom: 20px;"></div>'
        f"<script>var options = {_js(settings)};options.element = document.getElementById({_js(element_id)});"
        "var ap = new APlayer(options);window.aplayers || (window.aplayers = []);window.aplayers.push(ap);</script>"
    )


_METING_FLAGS = {"autoplay", "fixed", "mini", "listfolded"}
_METING_VALUES = {"loop", "order", "volume", "lrctype", "storagename", "mutex", "mode", "listmaxheight", "preload"}


@tag("meting")
def meting(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% meting id server type [options] %}`` (hexo-tag-aplayer's MetingJS 1.2 markup)."""
    if len(args) < 3:
        raise TagError("needs an id, a server and a type")
    settings: dict[str, object] = {"id": args[0], "server": args[1], "type": args[2], "mode": "circulation"}
    settings.update(autoplay=False, mutex=True, listmaxheight="340px", preload="auto", theme="#ad7a86")
    for index, option in enumerate(args[3:]):
        key, _, value = option.partition(":")
        if option in _METING_FLAGS:
            settings[option] = True
        elif key == "mutex" and _:
            settings["mutex"] = value == "true"
        elif (key in _METING_VALUES or key == "theme") and _:
            settings[key] = value
        else:
            raise TagError(f"unrecognized argument ({index + 1}): {option}")
    data = "".join(
        f' data-{key}="{escape_attribute(str(value).lower() if isinstance(value, bool) else str(value))}"'
        for key, value in settings.items()
    )
    element_id = _aplayer_id(ctx)
    return (
        _aplayer_assets(ctx, meting=True)
        + f'<div id="{element_id}" class="aplayer aplayer-tag-marker meting-tag-marker"{data}></div>'
    )
