"""HTML helpers with hexo-util's byte-level behaviour.

Tag packs build their markup with :func:`html_tag` so that attribute order,
escaping and URL encoding match what Hexo emits, and theme stylesheets and
old scripts keep finding what they expect.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from urllib.parse import quote, quote_plus, unquote, unquote_plus, urlsplit, urlunsplit

_ESCAPE_MAP = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "`": "&#96;",
    "/": "&#x2F;",
    "=": "&#x3D;",
}
# hexo-util leaves an `&` alone when it already starts an entity.
_ESCAPE_RE = re.compile(r"&(?!#?\w+;)|[<>\"'`/=]")
_UNESCAPE_MAP = {v: k for k, v in _ESCAPE_MAP.items()}
_UNESCAPE_RE = re.compile("|".join(re.escape(k) for k in _UNESCAPE_MAP))
_TAG_RE = re.compile(r"<[^>]*>")
_URL_ATTR_RE = re.compile(r"(href|src|cite|download|url)$", re.IGNORECASE)
# encodeURI() leaves these unescaped; everything else is percent-encoded.
_ENCODE_URI_SAFE = ";,/?:@&=+$-_.!~*'()#"


def escape_html(text: str) -> str:
    """hexo-util ``escapeHTML``: escape markup characters, keep existing entities."""
    return _ESCAPE_RE.sub(lambda m: _ESCAPE_MAP[m.group(0)], str(text))


def unescape_html(text: str) -> str:
    """hexo-util ``unescapeHTML``: the inverse of :func:`escape_html`."""
    return _UNESCAPE_RE.sub(lambda m: _UNESCAPE_MAP[m.group(0)], text)


def strip_html(text: str) -> str:
    return _TAG_RE.sub("", text)


def encode_uri(text: str) -> str:
    """JavaScript ``encodeURI(decodeURI(text))``: idempotent percent-encoding."""
    return quote(unquote(text), safe=_ENCODE_URI_SAFE)


# Whether encodeURL writes the query back through URLSearchParams, as hexo-util 4 (Hexo 8) does;
# hexo-util 2 and 3 (Hexo 5-7, and hexo-renderer-marked 7's own copy) keep it as written.
_QUERY_AS_PARAMS: ContextVar[bool] = ContextVar("query_as_params", default=True)


@contextlib.contextmanager
def hexo_util_release(major: int) -> Iterator[None]:
    """Encode URLs as the hexo-util of that major release does, inside the block."""
    token = _QUERY_AS_PARAMS.set(major >= 4)
    try:
        yield
    finally:
        _QUERY_AS_PARAMS.reset(token)


def _unicode_host(host: str) -> str:
    """``url.format(u, {unicode: true})``: the host as Unicode, punycode labels decoded."""
    labels = []
    for label in unquote(host).lower().split("."):
        if label.startswith("xn--"):
            with contextlib.suppress(UnicodeError):
                label = label.encode("ascii").decode("idna")
        labels.append(label)
    return ".".join(labels)


# An absolute URL every step below leaves as it is: a lower-case scheme and host, a path of characters
# encodeURI keeps, no query, fragment or escape. A site's permalinks mostly are; parsing each was
# 0.05 s of a rebuild (the sitemap and the site's posts, 2,500 URLs).
_ALREADY_ENCODED = re.compile(r"[a-z][a-z0-9+.-]*://[a-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9;,/:@&=+$\-_.!~*'()]*")


def encode_url(url: str, query_as_params: bool | None = None) -> str:
    """hexo-util ``encodeURL``: percent-encode a URL the way Hexo's tags do.

    Absolute URLs are normalised like WHATWG ``new URL`` (an empty path
    becomes ``/``); ``data:`` and ``mailto:`` are left alone. hexo-util 4
    writes the query back through ``URLSearchParams`` (``?a/b`` becomes
    ``?a%2Fb=``); before 4 it is ``encodeURI``'d and the host stays Unicode.
    ``query_as_params`` None: as the hexo-util of the post being rendered.
    """
    url = str(url)
    # (A punycode host is written back in Unicode before hexo-util 4.)
    if _ALREADY_ENCODED.fullmatch(url) and "xn--" not in url:
        return url
    parts = urlsplit(url) if "://" in url or url.startswith("//") else None
    if parts is None or not parts.netloc:
        if re.match(r"^(data|mailto|javascript|tel):", url, re.IGNORECASE):
            return url
        return encode_uri(url)
    path = encode_uri(parts.path) or "/"
    if query_as_params is None:
        query_as_params = _QUERY_AS_PARAMS.get()
    if not query_as_params:
        # The URL's query setter also encodes `'`, which encodeURI leaves, for http(s) and ws(s).
        query = encode_uri(parts.query).replace("'", "%27")
        userinfo, at, host_port = parts.netloc.rpartition("@")
        host, colon, port = host_port.partition(":")
        netloc = userinfo + at + _unicode_host(host) + colon + port
        return urlunsplit((parts.scheme.lower(), netloc, path, query, encode_uri(parts.fragment)))
    query = _search_params(parts.query) if parts.scheme else encode_uri(parts.query)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, encode_uri(parts.fragment)))


def _search_params(query: str) -> str:
    """The query as WHATWG ``URLSearchParams`` writes it back (hexo-util 4 does this).

    ``?threads/x`` becomes ``?threads%2Fx=``; spaces become ``+``.
    """
    if not query:
        return ""
    pairs = []
    for field in query.split("&"):
        if not field:
            continue
        name, _, value = field.partition("=")
        pairs.append(f"{_form_encode(name)}={_form_encode(value)}")
    return "&".join(pairs)


def _form_encode(text: str) -> str:
    return quote_plus(unquote_plus(text), safe="*").replace("~", "%7E")


def html_tag(
    tag: str,
    attrs: Mapping[str, object] | None = None,
    text: str | None = None,
    escape: bool = True,
) -> str:
    """hexo-util ``htmlTag``.

    Attributes keep their insertion order; ``None`` drops one, ``True``
    makes it bare, empty strings are kept. ``text=None`` gives a void
    element, ``text=""`` an empty element with its closing tag.
    """
    out = [f"<{tag}"]
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        if value is True:
            out.append(f" {name}")
            continue
        value = str(value)
        value = encode_url(value) if _URL_ATTR_RE.search(name) else escape_html(value)
        out.append(f' {name}="{value}"')
    if text is None:
        out.append(">")
    else:
        out.append(">" + (escape_html(text) if escape else text) + f"</{tag}>")
    return "".join(out)


def escape_attribute(value: str) -> str:
    """Escape only what an attribute value must escape (``& < > "``)."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def escape_single_quoted(value: str) -> str:
    """:func:`escape_attribute` for a value a theme writes between single quotes (``src='…'``): ``'`` too."""
    return escape_attribute(value).replace("'", "&#39;")


_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_:][-\w:.]*")
_UNQUOTED_VALUE = re.compile(r"[^\s\"'=<>`]+")


def attribute_words(words: list[str]) -> tuple[str, list[str]]:
    """Words a theme writes into a start tag as attributes (``style=x``, ``hidden``), made safe.

    A word that is an attribute keeps its bytes (``style=text-align:center``);
    a value an unquoted attribute cannot hold is quoted and escaped. Words
    that are no attribute, and event handlers (``on…``), are left out and
    returned second, so the caller can warn.
    """
    kept: list[str] = []
    dropped: list[str] = []
    for word in words:
        name, equals, value = word.partition("=")
        if not _ATTRIBUTE_NAME.fullmatch(name) or name.lower().startswith("on"):
            dropped.append(word)
        elif not equals:
            kept.append(name)
        elif _UNQUOTED_VALUE.fullmatch(value):
            kept.append(word)
        else:
            kept.append(f'{name}="{escape_attribute(value)}"')
    return " ".join(kept), dropped


def element(tag: str, attrs: Mapping[str, object] | None = None, inner: str | None = None) -> str:
    """Plain markup for plugins that build HTML by string concatenation rather than ``htmlTag``.

    Attributes keep their order; ``None``/``False`` drop one, ``True`` makes
    it bare. ``inner`` is inserted as is; ``None`` gives a void element.
    """
    rendered = []
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        rendered.append(f" {name}" if value is True else f' {name}="{escape_attribute(str(value))}"')
    opening = f"<{tag}{''.join(rendered)}>"
    return opening if inner is None else f"{opening}{inner}</{tag}>"


# Browsers drop these before reading a URL's scheme (WHATWG URL parser), so
# "java\tscript:" and " javascript:" must be judged as "javascript:".
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# The schemes a browser runs script from (or, for file:, reads the reader's disk): what
# markdown-it's validateLink refuses, plus the old script aliases. Any other scheme (chrome://,
# about:, ftp:, magnet:, steam://…) is a link the author meant and Hexo kept.
_UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "mocha", "file", "data"})
_IMAGE_DATA_RE = re.compile(r"^data:image/[a-z0-9.+-]+[;,]", re.IGNORECASE)


def url_is_safe(url: str, image: bool = False) -> bool:
    """Whether a URL may go into an ``href``/``src``: no script can run from it.

    ``javascript:``, ``vbscript:``, ``file:`` and ``data:`` are refused, except
    ``data:image/…`` where the URL is an image (``image``); every other URL
    passes, as in markdown-it's ``validateLink``. Entities are decoded first,
    as the browser decodes them in an attribute.
    """
    import html as _html

    text = _URL_IGNORED.sub("", _html.unescape(str(url)))
    match = _SCHEME_RE.match(text)
    if not match:
        return True
    scheme = match.group(1).lower()
    if scheme not in _UNSAFE_SCHEMES:
        return True
    return image and scheme == "data" and bool(_IMAGE_DATA_RE.match(text))


# URL-valued attributes in a tag's output, whatever quoting the tag used.
_URL_ATTRIBUTE_RE = re.compile(
    r"""(\s(?:href|src|action|formaction|poster|data|xlink:href|background|cite|srcset|manifest)\s*=\s*)"""
    r"""("[^"]*"|'[^']*'|[^\s"'>]+)""",
    re.IGNORECASE,
)


def refuse_unsafe_urls(markup: str) -> tuple[str, list[str]]:
    """``markup`` with every unsafe URL attribute emptied, and the URLs refused.

    Run over each tag's HTML, so no tag (the package's or a site's own) can
    write a ``javascript:`` link, whatever way it builds its markup.
    """
    if "=" not in markup:
        return markup, []
    refused: list[str] = []

    def check(match: re.Match[str]) -> str:
        value = match.group(2)
        url = value[1:-1] if value[:1] in "\"'" else value
        name = match.group(1).strip().split("=")[0].strip().lower()
        if url_is_safe(url, image=name in ("src", "poster", "srcset", "background", "data")):
            return match.group(0)
        refused.append(url)
        return match.group(1) + '""'

    return _URL_ATTRIBUTE_RE.sub(check, markup), refused
