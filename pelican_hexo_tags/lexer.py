"""Find Hexo tags in a post and stand placeholders in for them.

Like Hexo's ``PostRenderEscape``, this runs before Markdown so that tag
arguments and block bodies are never seen by the Markdown engine: each
``{% tag %}``, ``{% tag %}…{% endtag %}`` and ``{{ expr }}`` becomes one
HTML comment. Inline code spans and HTML comments are copied untouched (a
tag inside them is text, not a tag); ``{# … #}`` disappears.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

PLACEHOLDER_MARK = "\ufffc"
# Rendered Markdown holds a placeholder either as a raw comment or, where the
# engine escaped it (code spans, indented code), as text.
PLACEHOLDER_RE = re.compile(r"(?:<|&lt;)!--hexo(tag|code)\ufffc(\d+)--(?:>|&gt;)")

_WHITESPACE = " \t\n\r\f\v\u00a0"
# Nunjucks' delimiters: a quote right after one of these opens a string.
_NUNJUCKS_DELIMITERS = "()[]{}%*-+~/#,:|.<>=!"
_STRING_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}
_SPECIAL = re.compile(r"`|<!--|\{[{%#]")
_RAW_IN_CODE = re.compile(r"\{%-?\s*(raw|verbatim)\s*-?%\}([\s\S]*?)\{%-?\s*end\1\s*-?%\}")
_TAG_NAME = re.compile(r"[^\s%]+")


@dataclass(frozen=True)
class TagNames:
    """What the lexer knows of tag names: which known tags take a body.

    A name it does not know takes one when the text holds its end tag anywhere,
    as Hexo's ``escapeAllSwigTags`` decides (``end<name>`` in the document).
    """

    with_body: frozenset[str] = frozenset()
    known: frozenset[str] = frozenset()

    def takes_body(self, name: str, text: str) -> bool:
        if name in self.known:
            return name in self.with_body
        return f"end{name}" in text


@dataclass(frozen=True)
class LineIndex:
    """Where a text's lines start, so a tag gets the line of the source file it is on.

    ``cuts`` are the places where the text holds a stand-in for lines it no longer has
    (a fenced code block cut out before the lexer): ``(position, lines removed)``.
    """

    newlines: tuple[int, ...]
    first_line: int = 1
    cut_at: tuple[int, ...] = ()
    removed_before: tuple[int, ...] = (0,)

    @classmethod
    def of(cls, text: str, first_line: int = 1, cuts: Iterable[tuple[int, int]] = ()) -> LineIndex:
        # Bisecting newline offsets, not counting per tag: a post with 10,000 tags stays linear.
        newlines = tuple(m.start() for m in re.finditer("\n", text))
        cut_at, removed = [], [0]
        for position, lines in cuts:
            cut_at.append(position)
            removed.append(removed[-1] + lines)
        return cls(newlines, first_line, tuple(cut_at), tuple(removed))

    def line(self, position: int) -> int:
        return (
            self.first_line
            + bisect.bisect_left(self.newlines, position)
            + self.removed_before[bisect.bisect_left(self.cut_at, position)]
        )


_NO_LINES = LineIndex((), 0)


def placeholder(kind: str, index: int) -> str:
    return f"<!--hexo{kind}{PLACEHOLDER_MARK}{index}-->"


def split_args(text: str) -> list[str]:
    """Split tag arguments as Hexo does with the Nunjucks lexer.

    Whitespace (newlines and NBSP too) separates arguments; a quoted string
    is one argument without its quotes and with ``\\`` escapes; a quote in
    the middle of a word is literal; an empty quoted string disappears.
    """
    args: list[str] = []
    current: list[str] = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char in _WHITESPACE:
            if current:
                args.append("".join(current))
                current = []
            index += 1
            continue
        opens_string = char in "\"'" and (not current or current[-1] in _NUNJUCKS_DELIMITERS)
        if not opens_string:
            current.append(char)
            index += 1
            continue
        end = index + 1
        value: list[str] = []
        while end < length and text[end] != char:
            if text[end] == "\\" and end + 1 < length:
                end += 1
                value.append(_STRING_ESCAPES.get(text[end], text[end]))
            else:
                value.append(text[end])
            end += 1
        if end >= length:
            # An unterminated string: Hexo's tag breaks; keep the text as it is.
            current.append(text[index:])
            break
        current.extend(value)
        index = end + 1
    if current:
        args.append("".join(current))
    return [arg for arg in args if arg != ""]


@dataclass
class TagCall:
    """One tag found in a post, with what a tag function needs to render it."""

    name: str
    args: list[str]
    body: str | None
    source: str
    line: int
    raw_args: str = ""
    # Nunjucks whitespace control ({%- / -%}) trims the rendered HTML around the tag.
    trim_left: bool = False
    trim_right: bool = False

    @property
    def is_block(self) -> bool:
        return self.body is not None


@dataclass
class LexResult:
    text: str
    tags: list[TagCall]
    problems: list[tuple[int, str]]


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BACKTICKS = re.compile(r"`+")


def _find_inline_code_end(text: str, start: int, ticks: int, limit: int) -> int:
    """Index after the closing backtick run of a code span that ends before ``limit``, or -1."""
    run = "`" * ticks
    search = start + ticks
    while True:
        found = text.find(run, search, limit)
        if found < 0:
            return -1
        end = found + ticks
        if (found > 0 and text[found - 1] == "`") or (end < len(text) and text[end] == "`"):
            search = end
            while search < len(text) and text[search] == "`":
                search += 1
            continue
        return end


def _find_expression_end(text: str, start: int, stop: int) -> int:
    """Index of the ``}}`` closing a ``{{`` expression before ``stop``; quoted strings may hold ``}}``."""
    quote = ""
    index = start
    while index < stop - 1:
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "}" and text[index + 1] == "}":
            return index
        index += 1
    return -1


def _parse_tag_open(text: str, start: int, last_close: int) -> tuple[int, str, bool, bool] | None:
    """For ``{%`` at ``start``: (end index, inner text, trims-left, trims-right), or None."""
    # ``last_close`` (the last ``%}`` in the text) answers "no close" without a scan per stray ``{%``.
    close = text.find("%}", start + 2) if start + 2 <= last_close else -1
    if close < 0:
        return None
    inner = text[start + 2 : close]
    trim_left = inner.startswith("-")
    trim_right = inner.endswith("-") and len(inner) > 1
    inner = inner[1 if trim_left else 0 : len(inner) - 1 if trim_right else len(inner)]
    return close + 2, inner, trim_left, trim_right


def _tag_name(inner: str) -> str:
    match = _TAG_NAME.search(inner)
    return match.group(0) if match else ""


def _find_block_end(
    text: str, name: str, search: int, unclosed: dict[str, int] | None = None
) -> tuple[int, int] | None:
    """(start, end) of the ``{% endNAME %}`` closing a block, nesting respected.

    ``unclosed`` remembers, per name, a position from which no end was found:
    a later search from further on cannot find one either, so a post with
    thousands of unclosed tags is not scanned to its end once per tag.
    """
    if unclosed is not None and search >= unclosed.get(name, len(text) + 1):
        return None
    pattern = re.compile(r"\{%-?\s*(end)?" + re.escape(name) + r"(?=[\s%-])[^%]*?%\}")
    depth = 1
    for match in pattern.finditer(text, search):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.start(), match.end()
    if unclosed is not None:
        unclosed[name] = search
    return None


def strip_indent(text: str) -> str:
    """The npm ``strip-indent`` Hexo uses: remove the smallest indent of the non-blank lines."""
    lines = text.split("\n")
    indents = [len(line) - len(line.lstrip(" \t")) for line in lines if line.strip()]
    indent = min(indents) if indents else 0
    return "\n".join(line[indent:] for line in lines) if indent else text


def _strip_block_body(body: str) -> str:
    """Hexo gives a block tag its body de-indented, minus one newline each side."""
    return strip_indent(body).removeprefix("\n").removesuffix("\n")


def lex(text: str, names: TagNames, lines: LineIndex = _NO_LINES) -> LexResult:
    """Replace every tag in ``text`` by a placeholder.

    ``names`` says which tags take a body; ``lines`` gives each tag its line in the source file.
    """
    if "{" not in text:
        return LexResult(text, [], [])
    line_of = lines.line
    takes_body: dict[str, bool] = {}

    def is_block_tag(name: str, source: str) -> bool:
        # Memoised: an unknown name would otherwise search the whole post once per use.
        if name not in takes_body:
            takes_body[name] = names.takes_body(name, source)
        return takes_body[name]

    out: list[str] = []
    tags: list[TagCall] = []
    problems: list[tuple[int, str]] = []
    last_tag_close = text.rfind("%}")
    last_comment_close = text.rfind("#}")
    unclosed: dict[str, int] = {}
    blank = [-1, -1]

    def next_blank(at: int) -> int:
        # Code spans and expressions never cross a blank line: bounding their
        # searches there (found once per paragraph) keeps stray openers linear.
        if blank[0] < at:
            found = _BLANK_LINE.search(text, at)
            blank[0] = found.start() if found else len(text)
        return blank[0]

    pos = 0
    while True:
        match = _SPECIAL.search(text, pos)
        if not match:
            out.append(text[pos:])
            break
        start = match.start()
        out.append(text[pos:start])
        opener = match.group(0)
        if opener == "`":
            # Matched in place: slicing text[start:] per backtick made a long post quadratic.
            ticks = _BACKTICKS.match(text, start).end() - start
            escaped = start > 0 and text[start - 1] == "\\"
            end = -1 if escaped else _find_inline_code_end(text, start, ticks, next_blank(start))
            if end < 0:
                out.append("`" * ticks)
                pos = start + ticks
                continue
            # Hexo lets {% raw %} through inside a code span, and nothing else.
            out.append(_RAW_IN_CODE.sub(lambda m: m.group(2), text[start:end]))
            pos = end
            continue
        if opener == "<!--":
            end = text.find("-->", start + 4)
            end = len(text) if end < 0 else end + 3
            out.append(text[start:end])
            pos = end
            continue
        if opener == "{#":
            end = text.find("#}", start + 2) if start + 2 <= last_comment_close else -1
            if end < 0:
                out.append(opener)
                pos = start + 2
                continue
            pos = end + 2
            continue
        if opener == "{{":
            end = _find_expression_end(text, start + 2, next_blank(start))
            if end < 0:
                out.append(opener)
                pos = start + 2
                continue
            source = text[start : end + 2]
            tags.append(TagCall("{{", [text[start + 2 : end].strip()], None, source, line_of(start)))
            out.append(placeholder("tag", len(tags) - 1))
            pos = end + 2
            continue
        opened = _parse_tag_open(text, start, last_tag_close)
        if opened is None:
            out.append(opener)
            pos = start + 2
            continue
        end, inner, trim_left, trim_right = opened
        name = _tag_name(inner)
        raw_args = inner.strip()[len(name) :].strip()
        body = None
        if name and not name.startswith("end") and is_block_tag(name, text):
            closing = _find_block_end(text, name, end, unclosed)
            if closing is None:
                problems.append((line_of(start), f"{{% {name} %}} has no {{% end{name} %}}"))
            else:
                raw_body = text[end : closing[0]]
                body = raw_body if name in ("raw", "verbatim") else _strip_block_body(raw_body)
                closing_inner = text[closing[0] : closing[1]]
                trim_right = closing_inner.rstrip("}").rstrip("%").endswith("-")
                end = closing[1]
        args = [] if name in ("raw", "verbatim") else split_args(raw_args)
        tags.append(TagCall(name, args, body, text[start:end], line_of(start), raw_args, trim_left, trim_right))
        out.append(placeholder("tag", len(tags) - 1))
        pos = end
    return LexResult("".join(out), tags, problems)
