"""Hexo's built-in tags (``hexo/lib/plugins/tag``, Hexo 8) and the Nunjucks ones posts use.

Each tag gives the bytes Hexo 8 gives (see tests/fixtures/hexo_tag_cases.json).
Where Hexo throws (and so fails the whole build) these raise :class:`TagError`:
the page shows the tag's source and the build reports the problem. Where Hexo
quietly renders nothing (a missing asset or include file) so do these, with a
warning.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .. import highlight
from ..html import encode_url, escape_attribute, escape_html, html_tag
from ..nunjucks import NunjucksError, evaluate, to_string, truthy
from ..paths import contained_path
from ..registry import TagContext, TagError, tag

# hexo's rUrl (img.ts, link.ts): unanchored, so anything with a scheme-like
# prefix, a ``www.`` or an ``@`` counts as a URL; ``/about/`` does not.
_URL_RE = re.compile(
    r"((([A-Za-z]{3,9}:(?://)?)(?:[-;:&=+$,\w]+@)?[A-Za-z0-9.-]+|(?:www.|[-;:&=+$,\w]+@)[A-Za-z0-9.-]+)"
    r"((?:/[+~%/.\w_-]*)?\??(?:[-+=&;%@.\w_]*)#?(?:[.!/\\w]*))?)"
)
_META_DOUBLE = r'"?([^"]+)?"?'
_META_SINGLE = r"'?([^']+)?'?"
_FULL_CITE_WITH_TITLE = re.compile(r"(\S.*)\s+(https?://\S+)\s+(.+)", re.IGNORECASE)
_FULL_CITE = re.compile(r"(\S.*)\s+(https?://\S+)", re.IGNORECASE)
_AUTHOR_TITLE = re.compile(r"([^,]+),\s*([^,]+)")
_CAPTION_URL_TITLE = re.compile(r"(\S[\S\s]*)\s+(https?://\S+)\s+(.+)", re.IGNORECASE)
_CAPTION_URL = re.compile(r"(\S[\S\s]*)\s+(https?://\S+)", re.IGNORECASE)
_CAPTION = re.compile(r"\S[\S\s]*")
_CODE_OPTIONS = frozenset({"lang", "line_number", "line_threshold", "first_line", "wrap", "mark", "language_attr"})

# post_link / post_path need every post, which one reader call cannot see: the
# tag leaves this marker and ``links.resolve_post_links`` replaces it once all
# content is read.
POST_LINK_MARKER = "<!--hexo-post-link:{}-->"
POST_LINK_RE = re.compile(r"<!--hexo-post-link:([^\s>]*)-->")


def _pretty(config: Mapping[str, Any], url: str) -> str:
    pretty = config.get("pretty_urls") or {}
    if pretty.get("trailing_index") is False:
        url = re.sub(r"(^|/)index\.html$", r"\1", url)
    if pretty.get("trailing_html") is False and not url.endswith("index.html"):
        url = re.sub(r"\.html$", "", url)
    return url


def url_for(config: Mapping[str, Any], path: str, relative: bool | None = None) -> str:
    """hexo-util ``url_for`` as tags call it (``this`` is the site, which has no page path)."""
    if re.match(r"^(#|//|https?:)", path):
        return path
    if relative is None:
        relative = bool(config.get("relative_link"))
    if relative:
        return _pretty(config, encode_url(path.lstrip("/")))
    root = str(config.get("root") or "/")
    return _pretty(config, encode_url(re.sub(r"/{2,}", "/", root + path)))


def full_url_for(config: Mapping[str, Any], path: str = "/") -> str:
    """hexo-util ``full_url_for``: the site's ``url`` in front of the path."""
    site = str(config.get("url") or "").rstrip("/")
    path = "/" + path
    return _pretty(config, encode_url(site + (re.sub(r"/{2,}", "/", path) if "//" in path else path)))


@tag("raw", "verbatim", ends=True)
def raw(args: list[str], body: str | None, ctx: TagContext) -> str:
    """Nunjucks ``raw``: the body exactly as written, neither Markdown nor tags."""
    return body or ""


@tag("blockquote", "quote", ends=True)
def blockquote(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% blockquote [author[, source]] [link] [source_link_title] %}`` (Octopress's, in Hexo).

    Author, source and title are inserted as written, as Hexo does.
    """
    text = " ".join(args)
    author = source = title = ""
    if match := _FULL_CITE_WITH_TITLE.search(text):
        author, source, title = match.groups()
    elif match := _FULL_CITE.search(text):
        author, source = match.groups()
    elif match := _AUTHOR_TITLE.search(text):
        author, title = match.groups()
    else:
        author = text
    author, source, title = escape_attribute(author), escape_attribute(source), escape_attribute(title)
    footer = f"<strong>{author}</strong>" if author else ""
    if source:
        shown = title or re.sub(r"^https?://|/(index.html?)?$", "", source)
        footer += f'<cite><a href="{source}">{shown}</a></cite>'
    elif title:
        footer += f"<cite>{title}</cite>"
    inner = ctx.markdown(body) if body else ""
    return f"<blockquote>{inner}" + (f"<footer>{footer}</footer>" if footer else "") + "</blockquote>"


@tag("pullquote", ends=True)
def pullquote(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% pullquote [class …] %}``: a blockquote with the classes ``pullquote …``."""
    inner = ctx.markdown(body) if body else ""
    return f'<blockquote class="{escape_attribute(" ".join(["pullquote", *args]))}">{inner}</blockquote>'


def _code_caption(words: list[str]) -> str:
    text = " ".join(words)
    if match := _CAPTION_URL_TITLE.search(text):
        return html_tag("span", {}, match.group(1)) + html_tag("a", {"href": match.group(2)}, match.group(3))
    if match := _CAPTION_URL.search(text):
        return html_tag("span", {}, match.group(1)) + html_tag("a", {"href": match.group(2)}, "link")
    if match := _CAPTION.search(text):
        return html_tag("span", {}, match.group(0))
    return ""


def _expressions(text: str, ctx: TagContext) -> str:
    """``{{ … }}`` in a block tag's body, evaluated as Nunjucks does before the tag sees it."""

    def value(match: re.Match[str]) -> str:
        try:
            return to_string(_evaluate(match.group(1), ctx))
        except TagError as error:
            ctx.warn(str(error))
            return match.group(0)

    return re.sub(r"\{\{(.*?)\}\}", value, text) if "{{" in text else text


@tag("codeblock", "code", ends=True)
def codeblock(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% codeblock [title] [lang:x] [url] [link text] [line_number:…] [mark:…] … %}``.

    ``wrap:`` is read and ignored, as in Hexo (only the config's ``highlight.wrap`` counts).
    """
    code = _expressions(body or "", ctx)
    if not highlight.highlighter_of(ctx.config):
        return f"<pre><code>{escape_html(code)}</code></pre>"
    if any(arg == "highlight:false" or (arg.startswith("highlight:") and arg != "highlight:true") for arg in args):
        return f"<pre><code>{escape_html(code)}</code></pre>"
    args = [arg for arg in args if not arg.startswith("highlight:")]
    values: dict[str, str] = {}
    words: list[str] = []
    for arg in args:
        key, colon, value = arg.partition(":")
        if colon and key in _CODE_OPTIONS:
            values[key] = value
        else:
            words.append(arg)
    options = highlight.options_from(values, code, values.get("lang", ""), _code_caption(words))
    ctx.require("highlight")
    return highlight.escape_braces(highlight.highlight(code, options, ctx.config))


@tag("iframe")
def iframe(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% iframe url [width] [height] %}``."""
    if not args:
        raise TagError("needs a URL")
    width = args[1] if len(args) > 1 and args[1] != "default" else "100%"
    height = args[2] if len(args) > 2 and args[2] != "default" else "300"
    attrs = {"src": args[0], "width": width, "height": height, "frameborder": "0", "loading": "lazy"}
    return html_tag("iframe", {**attrs, "allowfullscreen": True}, "")


def render_img(args: list[str], config: Mapping[str, Any]) -> str:
    """Hexo's ``img`` tag on already split arguments (``asset_img`` uses it too)."""
    args = list(args)
    classes: list[str] = []
    src = width = height = title = alt = None
    while args:
        item = args.pop(0)
        if _URL_RE.search(item) or item.startswith("/"):
            src = url_for(config, item)
            break
        classes.append(item)
    if args:
        if not re.search(r"\D", args[0]):
            width = args.pop(0)
            if args and not re.search(r"\D", args[0]):
                height = args.pop(0)
        meta = " ".join(args)
        title_re = _META_DOUBLE if meta.startswith('"') else _META_SINGLE
        alt_re = _META_DOUBLE if meta.endswith('"') else _META_SINGLE
        if match := re.search(title_re + r"\s*" + alt_re, meta):
            title, alt = match.group(1), match.group(2)
    attrs = {"src": src, "class": " ".join(classes), "width": width, "height": height, "title": title, "alt": alt}
    return html_tag("img", attrs)


@tag("img", "image")
def img(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% img [class names] /path/to/image [width] [height] ['"title" "alt"'] %}``."""
    if not args:
        raise TagError("needs an image URL")
    return render_img(args, ctx.config)


@tag("link", "a", "anchor")
def link(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% link text url [external] [title] %}``; a URL Hexo does not recognise gives ``href=""``."""
    if not args:
        raise TagError("needs link text and a URL")
    index = next((i for i, item in enumerate(args) if _URL_RE.search(item)), len(args))
    text = args[:index]
    url = args[index] if index < len(args) else ""
    rest = args[index + 1 :]
    external = False
    if rest and rest[0] in ("true", "false"):
        external = rest.pop(0) == "true"
    attrs = {"href": url, "title": " ".join(rest), "target": "_blank" if external else ""}
    return html_tag("a", attrs, " ".join(text))


def _code_file(ctx: TagContext, path: str) -> tuple[str, str] | None:
    """(file on disk, its path under the Hexo source folder) for ``include_code``, or None."""
    code_dir = str(ctx.config.get("code_dir") or "downloads/code").strip("/")
    relative = posixpath.normpath(posixpath.join(code_dir, path.lstrip("/")))
    if relative.startswith("../") or not relative.startswith(code_dir + "/"):
        # Hexo only includes files it loaded from source/, never outside it.
        return None
    roots = []
    source_root = getattr(ctx.config, "source_root", None)
    if source_root:
        roots.append(os.path.join(source_root, str(ctx.config.get("source_dir") or "source")))
    if ctx.settings.get("PATH"):
        # A site made by ``pelican-hexo import`` mirrors source/ into its content folder.
        roots.append(str(ctx.settings["PATH"]))
    for root in roots:
        candidate = contained_path(root, relative)
        if candidate is not None and os.path.isfile(candidate):
            return candidate, relative
    return None


@tag("include_code")
def include_code(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% include_code [title] [lang:x] [from:n] [to:n] path %}``: a file under ``code_dir``.

    The file is published at its Hexo URL for the "view raw" link.
    """
    text = " ".join(args)
    lang = ""
    first, last = 0, None
    if match := re.search(r"\s*lang:(\w+)", text, re.IGNORECASE):
        lang = match.group(1)
        text = text[: match.start()] + text[match.end() :]
    if match := re.search(r"\s*from:(\d+)", text, re.IGNORECASE):
        first = int(match.group(1)) - 1
        text = text[: match.start()] + text[match.end() :]
    if match := re.search(r"\s*to:(\d+)", text, re.IGNORECASE):
        last = int(match.group(1))
        text = text[: match.start()] + text[match.end() :]
    match = re.search(r"(.*)?(?:\s+|^)(/*\S+)", text)
    if not match:
        raise TagError("needs a file path")
    path = match.group(2)
    found = _code_file(ctx, path)
    if found is None:
        ctx.warn(f"no file {path!r} under the code_dir {ctx.config.get('code_dir')!r}; nothing shown")
        return ""
    filename, relative = found
    with open(filename, encoding="utf-8", errors="replace") as handle:
        content = handle.read().replace("\r\n", "\n")
    ctx.page_state.files[filename] = relative
    lines = content.split("\n")
    code = "\n".join(lines[max(first, 0) : last]).strip()
    title = match.group(1) or posixpath.basename(path)
    caption = html_tag("span", {}, title) + f'<a href="{url_for(ctx.config, relative)}">view raw</a>'
    if not highlight.highlighter_of(ctx.config):
        return f"<pre><code>{escape_html(code)}</code></pre>"
    lang = lang or posixpath.splitext(path)[1][1:]
    options = highlight.HighlightOptions(lang=lang, caption=caption, lines_length=len(lines))
    ctx.require("highlight")
    return highlight.highlight(code, options, ctx.config)


def _post_link_marker(kind: str, args: list[str], ctx: TagContext, source: str) -> str:
    slug = args[0]
    rest = args[1:]
    escape = True
    if rest and rest[-1] in ("true", "false"):
        escape = rest.pop() == "true"
    slug, _, anchor = slug.partition("#")
    payload = {
        "kind": kind,
        "slug": slug,
        "hash": f"#{anchor}" if anchor else "",
        "title": " ".join(rest) if rest else None,
        "escape": escape,
        "source": source,
        "file": ctx.source_path,
        "line": ctx.line,
    }
    return POST_LINK_MARKER.format(quote(json.dumps(payload, ensure_ascii=False), safe=""))


@tag("post_link")
def post_link(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% post_link slug-or-title[#hash] [title] [escape] %}``, resolved once every post is read."""
    if not args:
        raise TagError("needs the slug or title of a post")
    return _post_link_marker("link", args, ctx, "{% post_link " + " ".join(args) + " %}")


@tag("post_path")
def post_path(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% post_path slug-or-title %}``: the other post's URL (nothing when there is none, as in Hexo)."""
    if not args:
        ctx.warn("needs the slug or title of a post; nothing shown")
        return ""
    return _post_link_marker("path", args[:1], ctx, "{% post_path " + " ".join(args) + " %}")


def _asset(ctx: TagContext, slug: str) -> str | None:
    """The URL path of the post's asset ``slug``, or None when the asset folder has no such file."""
    if not ctx.asset_dir:
        return None
    candidate = contained_path(ctx.asset_dir, slug)
    if candidate is None or not os.path.isfile(candidate):
        return None
    return encode_url(ctx.asset_url + slug)


def _missing_asset(ctx: TagContext, slug: str) -> str:
    if not ctx.asset_dir:
        ctx.warn(f"{slug!r}: post_asset_folder is off, so the post has no assets; nothing shown")
    else:
        ctx.warn(f"no asset {slug!r} in {ctx.asset_dir}; nothing shown")
    return ""


@tag("asset_path")
def asset_path(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% asset_path filename %}``: the URL of a file in the post's asset folder."""
    if not args:
        raise TagError("needs a file name")
    url = _asset(ctx, args[0])
    return url if url is not None else _missing_asset(ctx, args[0])


@tag("asset_link")
def asset_link(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% asset_link filename [title] [escape] %}``."""
    if not args:
        raise TagError("needs a file name")
    slug, rest = args[0], args[1:]
    url = _asset(ctx, slug)
    if url is None:
        return _missing_asset(ctx, slug)
    escape = True
    if rest and rest[-1] in ("true", "false"):
        escape = rest.pop() == "true"
    title = " ".join(rest) if rest else slug
    attr_title = escape_html(title)
    return f'<a href="{url}" title="{attr_title}">{attr_title if escape else title}</a>'


@tag("asset_img", "asset_image")
def asset_img(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% asset_img [class names] filename [width] [height] ['"title" "alt"'] %}``."""
    if not args:
        raise TagError("needs a file name")
    for index, arg in enumerate(args):
        url = _asset(ctx, arg)
        if url is not None:
            return render_img([*args[:index], url, *args[index + 1 :]], {**ctx.config, "root": "/"})
    names = [a for a in args if not re.fullmatch(r"\d+", a)]
    return _missing_asset(ctx, names[0] if names else args[0])


@tag("url_for")
def url_for_tag(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% url_for text path [relative] %}``."""
    if not args:
        raise TagError("needs link text and a path")
    text, path = args[0], args[1] if len(args) > 1 else ""
    relative = None if len(args) < 3 else args[2] != "false"
    return html_tag("a", {"href": url_for(ctx.config, path, relative)}, text)


@tag("full_url_for")
def full_url_for_tag(args: list[str], body: str | None, ctx: TagContext) -> str:
    """``{% full_url_for text path %}``."""
    if not args:
        raise TagError("needs link text")
    return html_tag("a", {"href": full_url_for(ctx.config, args[1] if len(args) > 1 else "")}, args[0])


def _variables(ctx: TagContext) -> dict[str, Any]:
    return ctx.page_state.variables


def _evaluate(expression: str, ctx: TagContext) -> Any:
    variables = _variables(ctx)
    try:
        return evaluate(expression, lambda name: variables[name] if name in variables else ctx.metadata.get(name))
    except NunjucksError as error:
        raise TagError(f"cannot evaluate {expression!r}: {error}") from error


@tag("set")
def set_tag(args: list[str], body: str | None, ctx: TagContext) -> str:
    """Nunjucks ``{% set name = expression %}``: a variable for the rest of the page."""
    name, equals, expression = ctx.raw_args.partition("=")
    names = [n.strip() for n in name.split(",")]
    if not equals or not all(re.fullmatch(r"[A-Za-z_]\w*", n) for n in names):
        raise TagError("expects {% set name = value %}")
    value = _evaluate(expression, ctx)
    for each in names:
        _variables(ctx)[each] = value
    return ""


_BRANCH_RE = re.compile(r"\{%-?\s*(if|endif|elif|elseif|else)\b((?:[^%]|%(?!\}))*)-?%\}")


@tag("if", ends=True)
def if_tag(args: list[str], body: str | None, ctx: TagContext) -> str:
    """Nunjucks ``{% if %}…{% elif %}…{% else %}…{% endif %}``.

    Hexo renders the chosen branch as text, after Markdown: it is inserted as
    written, with its ``{{ … }}`` evaluated.
    """
    branches: list[tuple[str | None, str]] = []
    condition: str | None = ctx.raw_args
    depth, start = 0, 0
    text = body or ""
    for match in _BRANCH_RE.finditer(text):
        word = match.group(1)
        if word == "if":
            depth += 1
        elif word == "endif":
            depth -= 1
        elif depth == 0:
            branches.append((condition, text[start : match.start()]))
            condition = match.group(2).strip() if word != "else" else None
            start = match.end()
    branches.append((condition, text[start:]))
    for condition, branch in branches:
        if condition is None or truthy(_evaluate(condition, ctx)):
            return re.sub(r"\{\{(.*?)\}\}", lambda m: escape_html(to_string(_evaluate(m.group(1), ctx))), branch)
    return ""
