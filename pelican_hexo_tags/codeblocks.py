"""Fenced code blocks, cut out before Markdown as Hexo's ``backtick_code_block`` does.

Hexo never lets the Markdown engine see a fence: its own regex finds them
(also glued to list markers, inside blockquotes, with info strings holding
spaces) and puts highlighted HTML in their place. Doing the same keeps tags
inside code untouched and gives theme stylesheets Hexo's markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import highlight
from .html import escape_html
from .lexer import placeholder

_FENCE_BODY = (
    r"(`{3,}|~{3,})[^\S\r\n]*((?:.*?[^`\s])?)[^\S\r\n]*\n"
    r"((?:[\s\S]*?\n)?)(?:(?:[^\S\r\n]*>){0,3}[^\S\r\n]*)\2[^\S\r\n]?(\n+|$)"
)
# Hexo 8's rBacktick: a fence may also open a list item's line (`- ```js`).
FENCE_RE = re.compile(r"^((?:(?:[^\S\r\n]*>){0,3}|[-*+]|[0-9]+\.)[^\S\r\n]*)" + _FENCE_BODY, re.MULTILINE)
# Hexo 5 to 7's: only spaces and `>`s before the fence. One after a list marker is left to the Markdown
# engine, and the next fence line Hexo meets (that one's closing line) opens a block of its own.
FENCE_RE_BEFORE_HEXO_8 = re.compile(r"^((?:[^\S\r\n]*>){0,3}[^\S\r\n]*)" + _FENCE_BODY, re.MULTILINE)
_ALL_OPTIONS = re.compile(r"([^\s]+)\s+(.+?)\s+(https?://\S+|/\S+)\s*(.+)?")
_LANG_CAPTION = re.compile(r"([^\s]+)\s*(.+)?")
_OPTION = re.compile(r"\s*(line_number|line_threshold|first_line|wrap|mark|language_attr|highlight):(\S+)")


@dataclass
class CodeBlock:
    """A fenced block: its code, language, caption HTML and ``key:value`` options."""

    code: str
    lang: str = ""
    caption: str = ""
    options: dict[str, str] = field(default_factory=dict)
    removed_newlines: int = 0
    # The info string as written: where Hexo hands the fence to the Markdown engine, its lang is the first word.
    info: str = ""
    # Spaces before the opening fence, which marked takes off each code line when it renders the fence.
    indent: str = ""


def parse_info_string(info: str) -> tuple[str, str, dict[str, str]]:
    """``lang [caption] [url] [link text]`` plus Hexo's ``key:value`` options."""
    options = {m.group(1): m.group(2) for m in _OPTION.finditer(info)}
    info, equals, number = _OPTION.sub("", info).partition("=")
    # ``js=5`` numbers from 5 when the config says ``first_line_number: inline``.
    if equals:
        options["first_line_number"] = number.lstrip("+").strip() or "1"
    info = info.strip()
    if not info:
        return "", "", options
    match = _ALL_OPTIONS.match(info) or _LANG_CAPTION.match(info)
    lang, caption = match.group(1), ""
    if match.group(2):
        caption = f"<span>{match.group(2)}</span>"
        if match.re is _ALL_OPTIONS and match.group(3):
            caption += f'<a href="{match.group(3)}">{match.group(4) or "link"}</a>'
    return lang, caption, options


def _strip_quote_markers(code: str, start: str) -> str:
    depth = start.count(">")
    if not depth:
        return code
    return re.sub(rf"^([^\S\r\n]*>){{0,{depth}}}([^\S\r\n]|$)", "", code, flags=re.MULTILINE)


def cut_fences(text: str, hexo_version: tuple[int, ...] | None = None) -> tuple[str, list[CodeBlock]]:
    """Replace each fence by a code placeholder; returns the text and the blocks in order.

    ``hexo_version`` is the site's Hexo (None: the latest), whose regex finds the fences.
    """
    if "```" not in text and "~~~" not in text:
        return text, []
    blocks: list[CodeBlock] = []

    def replace(match: re.Match[str]) -> str:
        start, _fence, info, code, end = match.groups()
        # Hexo's ``/\n$/`` drops one newline; Python's ``$`` would also match before it and drop two,
        # losing a blank last line of the code (one gutter line fewer than Hexo).
        code = _strip_quote_markers(code.removesuffix("\n"), start)
        lang, caption, options = parse_info_string(info)
        removed = match.group(0).count("\n") - end.count("\n")
        indent = start if not start.strip() else ""
        blocks.append(CodeBlock(code, lang, caption, options, removed, info, indent))
        return start + placeholder("code", len(blocks) - 1) + end

    pattern = FENCE_RE_BEFORE_HEXO_8 if hexo_version and hexo_version[0] < 8 else FENCE_RE
    return pattern.sub(replace, text), blocks


def fences_hexo_takes(text: str, config: Mapping[str, Any]) -> tuple[str, list[CodeBlock]]:
    """:func:`cut_fences` as the site's Hexo runs ``backtick_code_block``.

    Without a highlighter Hexo's filter takes no fence at all and the Markdown renderer makes
    them. That is done so for hexo-renderer-markdown-it-plus, whose fence rule is its module's;
    for the others the cut fences are rendered as their renderer would (:func:`_engine_code_block`).
    """
    from .plugins.hexo_renderer_markdown_it_plus import renders as markdown_it_plus_renders

    if not highlight.highlighter_of(config) and markdown_it_plus_renders(config):
        return text, []
    return cut_fences(text, getattr(config, "hexo_version", None))


def escape_code(text: str) -> str:
    """Escape code text for HTML; braces too, as Hexo does so no tag runs inside."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
    )


def engine_keys(
    blocks: list[CodeBlock], config: Mapping[str, Any], key_of: Callable[..., Any] | None = None
) -> list[Any]:
    """What highlight.js (or, with ``key_of=highlight.prism_key``, Prism) will be asked for ``blocks``, in order."""
    if not config.get("syntax_highlighter"):
        return []
    key_of = key_of or highlight.engine_key
    keys = []
    for block in blocks:
        if block.options.get("highlight") != "false" and block.lang != "mermaid":
            options = highlight.options_from(block.options, block.code, block.lang, block.caption)
            key = key_of(block.code, options, config)
            if key is not None:
                keys.append(key)
    return keys


def prime_code_blocks(blocks: list[CodeBlock], config: Mapping[str, Any]) -> None:
    """Have highlight.js (or Prism) do all of a post's blocks in one call before they render one by one."""
    if not blocks:
        return
    if highlight.highlighter_of(config) == "prismjs":
        highlight.prime_prism_engine(engine_keys(blocks, config, highlight.prism_key))
    else:
        highlight.prime_highlight_engine(engine_keys(blocks, config))


def _engine_code_block(block: CodeBlock) -> str:
    """A fence Hexo left to the Markdown engine (no highlighter, or ``highlight:false``).

    marked names the language by the info string's first word (options included), and takes the
    fence's indentation off the code lines (a fence in a list item). The code keeps a blank last
    line; marked's one closing newline is left out, which a browser does not show.
    """
    words = block.info.split()
    # A block made without its info string (by a tag, not a fence) has only its parsed language.
    lang = words[0] if words else ("" if block.options.get("highlight") == "false" else block.lang)
    attribute = f' class="language-{escape_html(lang)}"' if lang else ""
    code = block.code
    if block.indent:
        # marked's indentCodeCompensation: only lines indented at least as far as the fence lose it.
        width = len(block.indent)
        code = "\n".join(line[width:] if len(line) - len(line.lstrip()) >= width else line for line in code.split("\n"))
    return f"<pre><code{attribute}>{escape_code(code)}</code></pre>"


def render_code_block(block: CodeBlock, config: Mapping[str, Any]) -> str:
    """The HTML Hexo puts in place of a fenced block, per the site's highlighter settings."""
    if block.options.get("highlight") == "false" or not config.get("syntax_highlighter"):
        return _engine_code_block(block)
    options = highlight.options_from(block.options, block.code, block.lang, block.caption)
    return highlight.escape_braces(highlight.highlight(block.code, options, config))
