"""hexo-renderer-markdown-it-plus 1: markdown-it with its own options, plugins and heading anchors.

Its ``index.js`` registers the renderer for ``.md`` and the other Markdown
extensions whenever the package is loaded; the ``markdown_it_plus:`` section
only configures it. ``lib/renderer.js`` turns on ``html``, ``xhtmlOut``,
``breaks``, ``linkify`` and ``typographer`` unless the site sets them to
something other than true, an empty ``langPrefix``, and the plugins emoji,
sub, sup, deflist, abbr, footnote, ins, mark, ``@iktakahiro/markdown-it-katex``
and its own copy of markdown-it-toc-and-anchor, then the site's extra ones.
A site's ``plugins: [{plugin: {name, enable, options}}]`` entry replaces the
default of that name, and is off unless ``enable: true``.

The anchors are toc-and-anchor's, not mdit-py-plugins' ``anchors_plugin``:
that one slugs only text and code children, counts duplicates from ``-1``
and writes ``class="header-anchor"`` after the title; toc-and-anchor slugs
every child's content with ``uslug`` (``-2`` for the second), and writes
``<a class="markdownIt-Anchor" href="#id"></a>`` and a space before the
title, on every level (``tests/fixtures/plugins/hexo-renderer-markdown-it-plus``).

Its math is markdown-it-katex 4.0.1's, typeset by the KaTeX that one installs
(0.12.0, shipped in ``static/katex-0.12.0/``), whose markup is not today's.
Hexo takes most fences before the renderer runs; one it leaves (Hexo 7 takes
none that opens a list item's line) the renderer highlights with highlight.js
itself, with the class prefix hexo-util last gave the shared module.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from ..extend import Extensions

PACKAGE = "hexo-renderer-markdown-it-plus"
STATUS = "partly"
LOSES = "a tag inside a fence Hexo left to it shows its source, where Hexo showed its stand-in split by highlight.js"

# Packages that register a renderer for `.md`: the last one Hexo loads wins.
MARKDOWN_RENDERERS = (
    "hexo-renderer-marked",
    "hexo-renderer-markdown-it",
    "hexo-renderer-markdown-it-plus",
    "hexo-renderer-kramed",
    "hexo-renderer-pandoc",
    "hexo-renderer-markdown",
    "@hexo-renderer/markdown-it",
)

DEFAULT_PLUGINS = (
    "markdown-it-emoji",
    "markdown-it-sub",
    "markdown-it-sup",
    "markdown-it-deflist",
    "markdown-it-abbr",
    "markdown-it-footnote",
    "markdown-it-ins",
    "markdown-it-mark",
    "@iktakahiro/markdown-it-katex",
    "markdown-it-toc-and-anchor",
)
KATEX = "@iktakahiro/markdown-it-katex"
TOC_AND_ANCHOR = "markdown-it-toc-and-anchor"


def renders(config: Mapping[str, Any]) -> bool:
    """True when the site's `.md` renderer is this package: the last Markdown renderer it loads."""
    loaded = [name for name in getattr(config, "plugins", ()) or () if name in MARKDOWN_RENDERERS]
    return bool(loaded) and loaded[-1] == PACKAGE


def _section(config: Mapping[str, Any]) -> Mapping[str, Any]:
    section = config.get("markdown_it_plus")
    return section if isinstance(section, Mapping) else {}


def _js_true(value: Any) -> bool:
    """JavaScript's ``value == true``: true, 1 and the strings a number 1 reads from."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value == 1
    if isinstance(value, str):
        try:
            return float(value.strip() or "0") == 1
        except ValueError:
            return False
    return False


def options(config: Mapping[str, Any]) -> dict[str, Any]:
    """``checkConfig``: a switch is on when true or not given, off for anything else."""
    section = _section(config)
    result: dict[str, Any] = {}
    for key in ("highlight", "html", "xhtmlOut", "breaks", "linkify", "typographer"):
        value = section.get(key)
        result[key] = value is None or _js_true(value)
    result["langPrefix"] = str(section.get("langPrefix") or "")
    quotes = section.get("quotes")
    result["quotes"] = quotes if isinstance(quotes, str) and quotes else "“”‘’"
    result["pre_class"] = str(section.get("pre_class") or "highlight")
    return result


def plugins(config: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``checkPlugins``: the enabled plugins in the order they are used, as (name, options as JSON)."""
    given = _section(config).get("plugins")
    chosen: dict[str, Mapping[str, Any] | None] = dict.fromkeys(DEFAULT_PLUGINS)
    extra: list[Mapping[str, Any]] = []
    for entry in given if isinstance(given, list) else []:
        plugin = entry.get("plugin") if isinstance(entry, Mapping) else None
        if not isinstance(plugin, Mapping) or not plugin.get("name"):
            continue
        if plugin["name"] in chosen:
            chosen[plugin["name"]] = plugin
        else:
            extra.append(plugin)
    ordered: list[tuple[str, Mapping[str, Any] | None]] = [*chosen.items(), *((p["name"], p) for p in extra)]
    out = []
    for name, plugin in ordered:
        if plugin is not None and plugin.get("enable") is not True:
            continue
        given_options = plugin.get("options") if plugin is not None else None
        out.append((str(name), json.dumps(given_options, sort_keys=True, default=str)))
    return out


def enabled_plugin_names(config: Mapping[str, Any]) -> list[str]:
    """The markdown-it plugins the renderer uses on this site, or [] when it is not the site's renderer."""
    return [name for name, _options in plugins(config)] if renders(config) else []


# --- uslug 1.0.4 -------------------------------------------------------------------------------------

# uslug's L, N and M tables (letters, numbers, marks it keeps), as the BMP code point ranges
# they hold: they come from an old UnicodeData.txt that lists big blocks (CJK Extension A, ...)
# by their two ends only, so today's unicodedata would keep more.
_USLUG_KEEP_RANGES = (
    "0030-0039 0041-005a 0061-007a 00aa 00b2-00b3 00b5 00b9-00ba 00bc-00be 00c0-00d6 00d8-00f6 00f8-02c1 "
    "02c6-02d1 02e0-02e4 02ec 02ee 0300-0374 0376-0377 037a-037d 037f 0386 0388-038a 038c 038e-03a1 "
    "03a3-03f5 03f7-0481 0483-052f 0531-0556 0559 0561-0587 0591-05bd 05bf 05c1-05c2 05c4-05c5 05c7 "
    "05d0-05ea 05f0-05f2 0610-061a 0620-0669 066e-06d3 06d5-06dc 06df-06e8 06ea-06fc 06ff 0710-074a "
    "074d-07b1 07c0-07f5 07fa 0800-082d 0840-085b 08a0-08b4 08e3-0963 0966-096f 0971-0983 0985-098c "
    "098f-0990 0993-09a8 09aa-09b0 09b2 09b6-09b9 09bc-09c4 09c7-09c8 09cb-09ce 09d7 09dc-09dd 09df-09e3 "
    "09e6-09f1 09f4-09f9 0a01-0a03 0a05-0a0a 0a0f-0a10 0a13-0a28 0a2a-0a30 0a32-0a33 0a35-0a36 0a38-0a39 "
    "0a3c 0a3e-0a42 0a47-0a48 0a4b-0a4d 0a51 0a59-0a5c 0a5e 0a66-0a75 0a81-0a83 0a85-0a8d 0a8f-0a91 "
    "0a93-0aa8 0aaa-0ab0 0ab2-0ab3 0ab5-0ab9 0abc-0ac5 0ac7-0ac9 0acb-0acd 0ad0 0ae0-0ae3 0ae6-0aef 0af9 "
    "0b01-0b03 0b05-0b0c 0b0f-0b10 0b13-0b28 0b2a-0b30 0b32-0b33 0b35-0b39 0b3c-0b44 0b47-0b48 0b4b-0b4d "
    "0b56-0b57 0b5c-0b5d 0b5f-0b63 0b66-0b6f 0b71-0b77 0b82-0b83 0b85-0b8a 0b8e-0b90 0b92-0b95 0b99-0b9a "
    "0b9c 0b9e-0b9f 0ba3-0ba4 0ba8-0baa 0bae-0bb9 0bbe-0bc2 0bc6-0bc8 0bca-0bcd 0bd0 0bd7 0be6-0bf2 "
    "0c00-0c03 0c05-0c0c 0c0e-0c10 0c12-0c28 0c2a-0c39 0c3d-0c44 0c46-0c48 0c4a-0c4d 0c55-0c56 0c58-0c5a "
    "0c60-0c63 0c66-0c6f 0c78-0c7e 0c81-0c83 0c85-0c8c 0c8e-0c90 0c92-0ca8 0caa-0cb3 0cb5-0cb9 0cbc-0cc4 "
    "0cc6-0cc8 0cca-0ccd 0cd5-0cd6 0cde 0ce0-0ce3 0ce6-0cef 0cf1-0cf2 0d01-0d03 0d05-0d0c 0d0e-0d10 "
    "0d12-0d3a 0d3d-0d44 0d46-0d48 0d4a-0d4e 0d57 0d5f-0d63 0d66-0d75 0d7a-0d7f 0d82-0d83 0d85-0d96 "
    "0d9a-0db1 0db3-0dbb 0dbd 0dc0-0dc6 0dca 0dcf-0dd4 0dd6 0dd8-0ddf 0de6-0def 0df2-0df3 0e01-0e3a "
    "0e40-0e4e 0e50-0e59 0e81-0e82 0e84 0e87-0e88 0e8a 0e8d 0e94-0e97 0e99-0e9f 0ea1-0ea3 0ea5 0ea7 "
    "0eaa-0eab 0ead-0eb9 0ebb-0ebd 0ec0-0ec4 0ec6 0ec8-0ecd 0ed0-0ed9 0edc-0edf 0f00 0f18-0f19 0f20-0f33 "
    "0f35 0f37 0f39 0f3e-0f47 0f49-0f6c 0f71-0f84 0f86-0f97 0f99-0fbc 0fc6 1000-1049 1050-109d 10a0-10c5 "
    "10c7 10cd 10d0-10fa 10fc-1248 124a-124d 1250-1256 1258 125a-125d 1260-1288 128a-128d 1290-12b0 "
    "12b2-12b5 12b8-12be 12c0 12c2-12c5 12c8-12d6 12d8-1310 1312-1315 1318-135a 135d-135f 1369-137c "
    "1380-138f 13a0-13f5 13f8-13fd 1401-166c 166f-167f 1681-169a 16a0-16ea 16ee-16f8 1700-170c 170e-1714 "
    "1720-1734 1740-1753 1760-176c 176e-1770 1772-1773 1780-17d3 17d7 17dc-17dd 17e0-17e9 17f0-17f9 "
    "180b-180d 1810-1819 1820-1877 1880-18aa 18b0-18f5 1900-191e 1920-192b 1930-193b 1946-196d 1970-1974 "
    "1980-19ab 19b0-19c9 19d0-19da 1a00-1a1b 1a20-1a5e 1a60-1a7c 1a7f-1a89 1a90-1a99 1aa7 1ab0-1abe "
    "1b00-1b4b 1b50-1b59 1b6b-1b73 1b80-1bf3 1c00-1c37 1c40-1c49 1c4d-1c7d 1cd0-1cd2 1cd4-1cf6 1cf8-1cf9 "
    "1d00-1df5 1dfc-1f15 1f18-1f1d 1f20-1f45 1f48-1f4d 1f50-1f57 1f59 1f5b 1f5d 1f5f-1f7d 1f80-1fb4 "
    "1fb6-1fbc 1fbe 1fc2-1fc4 1fc6-1fcc 1fd0-1fd3 1fd6-1fdb 1fe0-1fec 1ff2-1ff4 1ff6-1ffc 2070-2071 "
    "2074-2079 207f-2089 2090-209c 20d0-20f0 2102 2107 210a-2113 2115 2119-211d 2124 2126 2128 212a-212d "
    "212f-2139 213c-213f 2145-2149 214e 2150-2189 2460-249b 24ea-24ff 2776-2793 2c00-2c2e 2c30-2c5e "
    "2c60-2ce4 2ceb-2cf3 2cfd 2d00-2d25 2d27 2d2d 2d30-2d67 2d6f 2d7f-2d96 2da0-2da6 2da8-2dae 2db0-2db6 "
    "2db8-2dbe 2dc0-2dc6 2dc8-2dce 2dd0-2dd6 2dd8-2dde 2de0-2dff 2e2f 3005-3007 3021-302f 3031-3035 "
    "3038-303c 3041-3096 3099-309a 309d-309f 30a1-30fa 30fc-30ff 3105-312d 3131-318e 3192-3195 31a0-31ba "
    "31f0-31ff 3220-3229 3248-324f 3251-325f 3280-3289 32b1-32bf 3400 4db5 4e00 9fd5 a000-a48c a4d0-a4fd "
    "a500-a60c a610-a62b a640-a672 a674-a67d a67f-a6f1 a717-a71f a722-a788 a78b-a7ad a7b0-a7b7 a7f7-a827 "
    "a830-a835 a840-a873 a880-a8c4 a8d0-a8d9 a8e0-a8f7 a8fb a8fd a900-a92d a930-a953 a960-a97c a980-a9c0 "
    "a9cf-a9d9 a9e0-a9fe aa00-aa36 aa40-aa4d aa50-aa59 aa60-aa76 aa7a-aac2 aadb-aadd aae0-aaef aaf2-aaf6 "
    "ab01-ab06 ab09-ab0e ab11-ab16 ab20-ab26 ab28-ab2e ab30-ab5a ab5c-ab65 ab70-abea abec-abed abf0-abf9 "
    "ac00 d7a3 d7b0-d7c6 d7cb-d7fb f900-fa6d fa70-fad9 fb00-fb06 fb13-fb17 fb1d-fb28 fb2a-fb36 fb38-fb3c "
    "fb3e fb40-fb41 fb43-fb44 fb46-fbb1 fbd3-fd3d fd50-fd8f fd92-fdc7 fdf0-fdfb fe00-fe0f fe20-fe2f "
    "fe70-fe74 fe76-fefc ff10-ff19 ff21-ff3a ff41-ff5a ff66-ffbe ffc2-ffc7 ffca-ffcf ffd2-ffd7 ffda-ffdc "
)
_USLUG_SPACES = frozenset((0x20, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000))


def _parse_ranges(text: str) -> tuple[tuple[int, int], ...]:
    ranges = []
    for part in text.split():
        low, _, high = part.partition("-")
        ranges.append((int(low, 16), int(high or low, 16)))
    return tuple(ranges)


_KEEP = _parse_ranges("".join(_USLUG_KEEP_RANGES))
_DASHES = re.compile(r"[ \-]+")
_KEPT = frozenset(code for low, high in _KEEP for code in range(low, high + 1))


def uslug(text: str) -> str:
    """uslug's slug, as toc-and-anchor calls it: NFKC, letters/numbers/marks kept, spaces to ``-``, lower case.

    It walks UTF-16 code units, so a character outside the BMP (an emoji) is dropped.
    """
    out = []
    for char in unicodedata.normalize("NFKC", text):
        code = ord(char)
        if 0x4E00 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7A3:
            out.append(char)
            continue
        if 0x3000 <= code <= 0x3002 or 0xFF01 <= code <= 0xFF02:
            out.append(" ")
        if char in "-_~" or code in _KEPT:
            out.append(char)
        elif code in _USLUG_SPACES:
            out.append(" ")
    # Only " " is white space here: trimmed, then every run of spaces and dashes is one "-".
    return _DASHES.sub("-", "".join(out).strip(" ")).lower()


# --- markdown-it-toc-and-anchor's anchors --------------------------------------------------------------


def _toc_markdown(headings: list[tuple[str, str, int]], first: int, last: int) -> str:
    """``generateTocMarkdownFromArray``: a nested ``*`` list, empty items where a level is skipped."""
    tree: dict[str, Any] = {"nodes": []}
    for content, anchor, level in headings:
        if level < first or level > last:
            continue
        item = tree
        for _ in range(1, level - first + 1):
            if not item["nodes"]:
                item["nodes"].append({"heading": None, "nodes": []})
            item = item["nodes"][-1]
        item["nodes"].append({"heading": (content, anchor), "nodes": []})

    def bullets(nodes: list[dict[str, Any]], indent: int) -> str:
        out = ""
        for node in nodes:
            out += "  " * indent + "*"
            heading = node["heading"]
            out += f" [{heading[0]}](#{heading[1]})\n" if heading and heading[0] else "\n"
            out += bullets(node["nodes"], indent + 1)
        return out

    return bullets(tree["nodes"], 0)


def _anchor_rule(settings: Mapping[str, Any], toc_html: Any) -> Any:
    class_name = str(settings.get("anchorClassName") or "markdownIt-Anchor")
    symbol = str(settings.get("anchorLinkSymbol") or "")
    symbol_class = settings.get("anchorLinkSymbolClassName")
    before = settings.get("anchorLinkBefore", True) is not False
    space = settings.get("anchorLinkSpace", True) is not False
    link = settings.get("anchorLink", True) is not False

    first_level = int(settings.get("tocFirstLevel") or 1)
    last_level = int(settings.get("tocLastLevel") or 6)

    def anchors(state: StateCore) -> None:
        counts: dict[str, int] = state.env.setdefault("markdown_it_plus_ids", {})
        tokens = state.tokens
        headings: list[tuple[str, str, int]] = []
        for index, token in enumerate(tokens):
            if token.type != "heading_close" or index == 0 or tokens[index - 1].type != "inline":
                continue
            inline = tokens[index - 1]
            children = inline.children or []
            if children and children[0].type == "link_open" and len(children) > 1:
                # A heading that opens with a link is named after the link's first text only.
                text = listed = children[1].content
            else:
                text = "".join(child.content for child in children)
                listed = inline.content
            key = uslug(text)
            counts[key] = counts.get(key, 0) + 1
            anchor = key + (f"-{counts[key]}" if counts[key] > 1 else "")
            tokens[index - 2].attrs["id"] = anchor
            headings.append((listed, anchor, int(tokens[index].tag[1:])))
            if not link:
                continue
            link_open = Token("link_open", "a", 1)
            link_open.attrs = {"class": class_name, "href": f"#{anchor}"}
            parts = [link_open]
            if symbol_class:
                span = Token("html_inline", "", 0)
                span.content = f'<span class="{symbol_class}">'
                parts += [span, _text(symbol), _html("</span>")]
            else:
                parts.append(_text(symbol))
            parts.append(Token("link_close", "a", -1))
            if space:
                parts = [*parts, _text(" ")] if before else [_text(" "), *parts]
            inline.children = [*parts, *children] if before else [*children, *parts]
        if state.env.get("markdown_it_plus_toc_wanted"):
            state.env["markdown_it_plus_toc"] = toc_html(_toc_markdown(headings, first_level, last_level), state.env)

    return anchors


_TOC = re.compile(r"^@\[toc\]", re.IGNORECASE | re.MULTILINE)


def _toc_inline(state: StateInline, silent: bool) -> bool:
    # Its `@[toc]` rule: found anywhere at a line start of the inline text, it takes the rest of that line.
    if state.src[state.pos : state.pos + 2] != "@[" or silent or not _TOC.search(state.src):
        return False
    opening = state.push("toc_open", "toc", 1)
    opening.markup = "@[toc]"
    state.push("toc_body", "", 0)
    state.push("toc_close", "toc", -1)
    state.env["markdown_it_plus_toc_wanted"] = True
    newline = state.src.find("\n")
    state.pos = state.pos + newline if newline != -1 else state.pos + state.posMax + 1
    return True


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _html(content: str) -> Token:
    token = Token("html_inline", "", 0)
    token.content = content
    return token


# --- @iktakahiro/markdown-it-katex 4's delimiters -------------------------------------------------------


def _valid_delimiter(state: StateInline, pos: int) -> tuple[bool, bool]:
    """(can open, can close) at a ``$``: no space after an opener, no space before or digit after a closer."""
    before = state.src[pos - 1] if pos > 0 else ""
    after = state.src[pos + 1] if pos + 1 <= state.posMax and pos + 1 < len(state.src) else ""
    return after not in (" ", "\t"), not (before in (" ", "\t") or "0" <= after <= "9")


def _katex_inline(state: StateInline, silent: bool) -> bool:
    # Its math_inline: `$$` is never inline math, an unmatched `$` is text.
    if state.src[state.pos] != "$":
        return False
    can_open, _ = _valid_delimiter(state, state.pos)
    if not can_open:
        if not silent:
            state.pending += "$"
        state.pos += 1
        return True
    start = match = state.pos + 1
    while (match := state.src.find("$", match)) != -1:
        back = match - 1
        while back >= 0 and state.src[back] == "\\":
            back -= 1
        if (match - back) % 2 == 1:
            break
        match += 1
    if match == -1:
        if not silent:
            state.pending += "$"
        state.pos = start
        return True
    if match == start:
        if not silent:
            state.pending += "$$"
        state.pos = start + 1
        return True
    _, can_close = _valid_delimiter(state, match)
    if not can_close:
        if not silent:
            state.pending += "$"
        state.pos = start
        return True
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.markup = "$"
        token.content = state.src[start:match]
    state.pos = match + 1
    return True


def _katex_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    # Its math_block: may interrupt a paragraph, holds blank lines, runs to the end when never closed.
    pos = state.bMarks[start] + state.tShift[start]
    maximum = state.eMarks[start]
    if pos + 2 > maximum or state.src[pos : pos + 2] != "$$":
        return False
    first = state.src[pos + 2 : maximum]
    if silent:
        return True
    found = False
    last = ""
    if first.strip()[-2:] == "$$":
        first = first.strip()[:-2]
        found = True
    line = start
    while not found:
        line += 1
        if line >= end:
            break
        pos = state.bMarks[line] + state.tShift[line]
        maximum = state.eMarks[line]
        if pos < maximum and state.tShift[line] < state.blkIndent:
            break
        if state.src[pos:maximum].strip()[-2:] == "$$":
            last = state.src[pos : state.src[:maximum].rfind("$$")]
            found = True
    state.line = line + 1
    token = state.push("math_block", "math", 0)
    token.block = True
    token.content = (
        (first + "\n" if first.strip() else "")
        + state.getLines(start + 1, line, state.tShift[start], True)
        + (last if last.strip() else "")
    )
    token.map = [start, state.line]
    token.markup = "$$"
    return True


# The KaTeX its markdown-it-katex 4.0.1 installs (katex ^0.12.0), whose markup is not today's.
KATEX_RELEASE = "0.12.0"


def _katex_render(block: bool, default: Any) -> Any:
    """markdown-it-katex's renderers: ``renderToString`` of the token's TeX as it stands, with KaTeX 0.12."""
    from ..math import SERVER, MathRenderer, _restore_tags, render_katex

    def render(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        renderer = env.get("hexo_math") if isinstance(env, dict) else None
        if not isinstance(renderer, MathRenderer) or renderer.mode != SERVER:
            # HEXO_MATH chose other math for the site: the engine's own rules make it.
            return str(default(tokens, idx, options, env))
        renderer.page_state.math = SERVER
        renderer.page_state.katex_release = KATEX_RELEASE
        html = render_katex(_restore_tags(tokens[idx].content, env), block, renderer.macros, KATEX_RELEASE)
        return f"<p class='katex-block'>{html}</p>\n" if block else html

    return render


# --- the engine ---------------------------------------------------------------------------------------


def spec_fields(config: Mapping[str, Any]) -> dict[str, Any]:
    """What of the site's config changes the HTML: part of the engine's cache key."""
    from ..highlight import shared_hljs_class_prefix

    return {
        "render": tuple(sorted(options(config).items())),
        "plugins": tuple(plugins(config)),
        "hljs_class_prefix": shared_hljs_class_prefix(config),
    }


# Our stand-in for a code block Hexo already took out, and Hexo's own spelling of it.
_OUR_CODE_STAND_IN = re.compile(r"<!--hexocode\ufffc(\d+)-->")
_HEXO_CODE_STAND_IN_ESCAPED = re.compile(r"&lt;!--code\ufffc(\d+)--&gt;")
_OUR_TAG_STAND_IN = re.compile(r"<!--hexotag\ufffc(\d+)-->")


def _fence(pre_class: str, highlight: bool, class_prefix: str) -> Any:
    from markdown_it.common.utils import escapeHtml, unescapeAll

    from ..highlight import hljs_highlight

    def render(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        """lib/renderer.js's ``highlight`` option: its own <pre class>, the bare language as the class.

        On (the default), highlight.js highlights a language it knows. This only sees a fence
        Hexo's backtick_code_block missed (one opening a list item's line, say), and that one's
        text can hold the stand-in of a block Hexo did take: Hexo restores a stand-in that is
        still whole, and one that highlight.js split (``<!--code￼<span>6</span>-->``) stays text.
        """
        token = tokens[idx]
        info = unescapeAll(token.info).strip() if token.info else ""
        lang = info.split(maxsplit=1)[0] if info else ""
        code = token.content
        restore_tag = env.get("tag_source") if isinstance(env, dict) else None
        if restore_tag is not None:
            # A tag in code is text; Hexo's stand-in for it would be text too, here its source is.
            code = _OUR_TAG_STAND_IN.sub(lambda m: restore_tag("tag", int(m.group(1))) or m.group(0), code)
        code = _OUR_CODE_STAND_IN.sub(lambda m: f"<!--code\ufffc{m.group(1)}-->", code)
        highlighted = hljs_highlight(code, lang, class_prefix) if highlight and lang else None
        body = highlighted if highlighted is not None else escapeHtml(code)
        body = _HEXO_CODE_STAND_IN_ESCAPED.sub(lambda m: f"<!--hexocode\ufffc{m.group(1)}-->", body)
        return f'<pre class="{pre_class}"><code class="{escapeHtml(lang)}">{body}</code></pre>\n'

    return render


def build_engine(spec: Mapping[str, Any]) -> MarkdownIt:
    """markdown-it as ``lib/renderer.js`` sets it up, with the plugins that have a Python port."""
    import logging

    from ..engine import markdown_it_plugin, placeholders_without_html

    render = dict(spec["render"])
    md = MarkdownIt(
        "js-default",
        {
            "html": render["html"],
            "xhtmlOut": render["xhtmlOut"],
            "breaks": render["breaks"],
            "linkify": render["linkify"],
            "typographer": render["typographer"],
            "langPrefix": render["langPrefix"],
            "quotes": render["quotes"],
        },
    )
    if not render["html"]:
        md.use(placeholders_without_html)
    md.add_render_rule("fence", _fence(render["pre_class"], render["highlight"], spec["hljs_class_prefix"]))
    for name, given in spec["plugins"]:
        if name in (KATEX, TOC_AND_ANCHOR):
            continue
        use = markdown_it_plugin(name)
        if use is None:
            logging.getLogger(__name__).warning(
                "Markdown plugin %s has no Python port in pelican_hexo_tags; skipped", name
            )
            continue
        try:
            use(md, json.loads(given))
        except ImportError as error:
            logging.getLogger(__name__).warning("Markdown plugin %s needs %s; skipped", name, error.name)
    return md


def finish_engine(md: MarkdownIt, spec: Mapping[str, Any]) -> None:
    """After the engine's math rules: only markdown-it-katex's delimiters, then the anchors last."""
    names = dict(spec["plugins"])
    # markdown-it-katex reads $…$ and $$…$$ only: \(…\), \[…\] and bare environments stay Markdown.
    md.disable(["math_inline_bracket", "math_display_bracket", "math_block_bracket", "amsmath"], True)
    if KATEX in names:
        md.inline.ruler.at("math_inline", _katex_inline)
        md.block.ruler.at("math_block", _katex_block, {"alt": ["paragraph", "reference", "blockquote", "list"]})
        md.add_render_rule("math_inline", _katex_render(False, md.renderer.rules["math_inline"]))
        md.add_render_rule("math_block", _katex_render(True, md.renderer.rules["math_block"]))
    else:
        md.disable(["math_inline", "math_block"], True)
    if TOC_AND_ANCHOR in names:
        given = json.loads(names[TOC_AND_ANCHOR]) or {}
        settings = {**(given if isinstance(given, Mapping) else {})}
        # lib/renderer.js: no symbol in the anchor link, the TOC from level 2.
        settings["anchorLinkSymbol"] = settings.get("anchorLinkSymbol") or ""
        settings["tocFirstLevel"] = settings.get("tocFirstLevel") or 2
        # The TOC's list is Markdown rendered by a copy of the engine as it was before this plugin.
        second = _second_instance(spec)
        class_name = str(settings.get("tocClassName") or "markdownIt-TOC")

        def toc_html(markdown: str, env: dict) -> str:
            tokens = second.parse(markdown, {})
            if tokens and tokens[0].type == "bullet_list_open":
                tokens[0].attrs["class"] = class_name
            return second.renderer.render(tokens, second.options, env)

        md.core.ruler.push("init_toc", _anchor_rule(settings, toc_html))
        md.inline.ruler.after("emphasis", "toc", _toc_inline)
        show = settings.get("toc", True) is not False
        md.add_render_rule("toc_open", lambda *args: "")
        md.add_render_rule("toc_close", lambda *args: "")
        md.add_render_rule(
            "toc_body", lambda self, tokens, idx, options, env: env.get("markdown_it_plus_toc", "") if show else ""
        )


def _second_instance(spec: Mapping[str, Any]) -> MarkdownIt:
    from ..math import math_plugin

    second = build_engine(spec)
    math_plugin(second)
    finish_engine(second, {**spec, "plugins": tuple(item for item in spec["plugins"] if item[0] != TOC_AND_ANCHOR)})
    return second


def register(hexo: Extensions, config: Mapping[str, Any]) -> None:
    """A renderer, not a filter: the engine (``engine.EngineSpec``) asks :func:`renders`."""
