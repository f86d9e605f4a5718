"""markdown-it-py rules that make it render like Hexo's default renderer, hexo-renderer-marked 7.

Hexo feeds posts to marked 15 with ``gfm``, ``breaks``, ``smartypants`` and ``autolink`` on.
markdown-it-py already shares marked's CommonMark block and emphasis rules; what differs are marked's
GFM extras and hexo-renderer-marked's own overrides. Each of them is ported here from marked's
regexes (``src/rules.ts``, ``src/Tokenizer.ts``) and hexo-renderer-marked's ``lib/renderer.js``:

* bare URLs and e-mail addresses become links wherever marked's lexer would try its ``url`` rule,
  including URLs glued to CJK text, trimmed by marked's ``_backpedal`` (replaces linkify);
* ``~x~`` and ``~~x~~`` become ``<del>`` with marked's regex, i.e. without CommonMark flanking rules;
* hexo-renderer-marked's smartypants (curly quotes, en/em dashes, ellipsis) on prose text only;
* hexo-renderer-marked's description lists (``Term`` / ``: Definition`` paragraphs);
* :func:`fix_table_delimiters`: tables whose delimiter row starts ``- |``, which marked accepts;
* ATX headings whose ``#`` are followed by any JavaScript ``\\s`` (``###\u3000映射``, no-break space),
  where CommonMark asks for a space or tab.

For sites on hexo-renderer-marked 5 or older (marked 4), :func:`marked4_plugin` goes on top: heading
ids from the escaped heading, ASCII-only emphasis punctuation, hexo-util 2's entities, lazy lines in
list items (the engine picks it from the site's package.json / lock).

Use: ``md.use(marked_compat_plugin)`` on a ``commonmark`` parser with ``breaks`` on and linkify,
typographer and the strikethrough rule off, then ``md.render(fix_table_delimiters(text))``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import mdurl
from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

__all__ = ["fix_table_delimiters", "marked4_heading_text", "marked4_plugin", "marked_compat_plugin"]

# --------------------------------------------------------------------------------------------------
# GFM autolinks (marked `inline.gfm.url`, `_backpedal`, and the `text` rule that decides where the
# lexer tries `url` at all)
# --------------------------------------------------------------------------------------------------

# JavaScript's `\s` (the regexes below are JS regexes; Python's `\s` differs on a few code points).
_JS_SPACE = " \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# Characters marked's `text` rule treats as part of a possible e-mail address.
_EMAIL_CHARS = r"a-zA-Z0-9.!#$%&'*+/=?_`{|}~-"

# marked's url regex is case-insensitive ('i' flag); spelled out so Python's Unicode case folding
# (which would let `ſ` or the Kelvin sign match) does not apply.
_URL = re.compile(
    r"((?:[hH][tT][tT][pP][sS]?|[fF][tT][pP])://|[wW][wW][wW]\.)(?:[a-zA-Z0-9\-]+\.?)+[^" + _JS_SPACE + r"<]*"
    r"|[A-Za-z0-9._+-]+(@)[a-zA-Z0-9_-]+(?:\.[a-zA-Z0-9_-]*[a-zA-Z0-9])+(?![-_])"
)
_BACKPEDAL = re.compile(r"""(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;\Z)|[?!.,:;*_'"~)]+(?!\Z))+""")
_EMAIL_AHEAD = re.compile(f"[{_EMAIL_CHARS}]+@")
_EMAIL_SET = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?_`{|}~-")
_EMAIL_TAIL = re.compile(f"[{_EMAIL_CHARS}]+\\Z")
# marked's `text` rule stops before these (lower case only; the `url` rule itself ignores case).
_PROTO_STOP = re.compile(r"https?://|ftp://|www\.")
# After one of marked's special characters a new text token starts, so `url` is tried.
_SPECIAL = frozenset("\\<![`*~_")
_URL_END = re.compile(f"[{_JS_SPACE}<]")
_URL_FIRST = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")


def _backpedal(url: str) -> str:
    """Trim trailing punctuation the way marked's `_backpedal` loop does."""
    while True:
        m = _BACKPEDAL.search(url)
        trimmed = m.group(0) if m else ""
        if trimmed == url:
            return url
        url = trimmed


def _text_rule(state: StateInline, silent: bool) -> bool:
    """markdown-it's `text` rule, but also stopping where marked's `text` rule stops for `url`.

    marked's lexer ends a text token right before ``https://``, ``http://``, ``ftp://`` and ``www.``
    (even inside a word or glued to CJK text) and before a run of e-mail characters that reaches
    ``@``, so that its GFM `url` rule gets a chance there.
    """
    pos = state.pos
    src = state.src
    found = state.md.inline.terminator_re.search(src, pos, state.posMax)
    end = found.start() if found else state.posMax
    if end == pos:
        return False
    stop = _PROTO_STOP.search(src, pos + 1, min(end + 3, state.posMax))
    if stop and stop.start() < end:
        end = stop.start()
    elif found and (src[end] == "@" or src[end] in _EMAIL_SET):
        # An e-mail address may start inside this run: at its last run of e-mail characters.
        tail = _EMAIL_TAIL.search(src, pos + 1, end)
        at = tail.start() if tail else -1
        if tail and src[at - 1] not in _EMAIL_SET and _EMAIL_AHEAD.match(src, at, state.posMax):
            end = at
    if not silent:
        state.append_pending(src[pos:end])
    state.pos = end
    return True


def _open_markers(state: StateInline) -> set[str]:
    """Emphasis markers (``*``, ``_``) opened before this point of the scope and not closed yet."""
    count: dict[str, int] = {}
    for delim in state.delimiters:
        marker = delim.marker if isinstance(delim.marker, str) else chr(delim.marker)
        if marker not in "*_":
            continue
        if delim.close and count.get(marker):
            count[marker] -= 1
        elif delim.open:
            count[marker] = count.get(marker, 0) + 1
    return {marker for marker, n in count.items() if n}


def _is_punct(ch: str, gfm_tilde: bool) -> bool:
    if gfm_tilde and ch == "~":
        return False
    return unicodedata.category(ch)[0] in "PS"


def _can_close(marker: str, before: str, after: str) -> bool:
    """marked's right-delimiter test (emStrongRDelimAst/Und) for a marker run inside a URL."""
    tilde = marker == "*"
    b_punct = _is_punct(before, tilde)
    a_space = not after or after.isspace()
    a_punct = bool(after) and _is_punct(after, tilde)
    if b_punct:
        return a_space or a_punct
    return True if marker == "*" else (a_space or a_punct)


def _closer_limit(state: StateInline, pos: int) -> int:
    """Where marked's emphasis would have closed before a URL starting at ``pos`` could go on.

    marked matches ``**…**`` before it looks for URLs inside, so in ``**https://x.com**，`` the URL
    ends at the ``**``; markdown-it pairs emphasis afterwards, so the URL rule has to stop there.
    """
    end = state.posMax
    markers = _open_markers(state)
    if not markers:
        return end
    src = state.src
    stop = _URL_END.search(src, pos, end)
    stop_at = stop.start() if stop else end
    i = pos
    while i < stop_at:
        ch = src[i]
        if ch in markers:
            j = i
            while j < stop_at and src[j] == ch:
                j += 1
            if i > pos and _can_close(ch, src[i - 1], src[j] if j < end else ""):
                return i
            i = j
        else:
            i += 1
    return end


def _url_rule(state: StateInline, silent: bool) -> bool:
    """Inline rule: marked's GFM autolink (bare ``http(s)://``, ``ftp://``, ``www.``, e-mail).

    Tried only where marked's lexer would try its `url` rule (see :func:`_text_rule`); the URL is
    taken from the raw source up to whitespace or ``<``, so ``*``, ``_`` and ``~`` inside it are not
    emphasis, then trimmed by ``_backpedal``. Not inside links, like marked's ``inLink`` state.
    """
    pos = state.pos
    src = state.src
    if silent or src[pos] not in _URL_FIRST or state.linkLevel > 0:
        return False
    pending = state.pending
    if (
        pending
        and pending[-1] not in _SPECIAL
        and not _PROTO_STOP.match(src, pos)
        and (pending[-1] in _EMAIL_SET or not _EMAIL_AHEAD.match(src, pos, state.posMax))
    ):
        return False
    if src[pos] == "_" and state.scanDelims(pos, False).can_open:
        return False  # marked tries `_` emphasis before `url`
    limit = _closer_limit(state, pos)
    start = pos
    m = _URL.match(src, pos, limit)
    if not m:
        # Inside a run of e-mail characters before `@` marked tries `url` at every character.
        run = _EMAIL_AHEAD.match(src, pos, limit)
        if not run:
            return False
        for start in range(pos + 1, run.end() - 1):
            m = _URL.match(src, start, limit)
            if m:
                break
        else:
            return False
    if m.group(2) == "@":
        text = m.group(0)
        href = "mailto:" + text
    else:
        text = _backpedal(m.group(0))
        if not _URL.fullmatch(text):
            return False
        href = "http://" + text if m.group(1) == "www." else text
    url = mdurl.encode(href)
    if not state.md.validateLink(url):
        return False
    if start > pos:
        state.append_pending(src[pos:start])
    token = state.push("link_open", "a", 1)
    token.attrs = {"href": url}
    token.markup, token.info = "linkify", "auto"
    token = state.push("text", "", 0)
    token.content = text
    token = state.push("link_close", "a", -1)
    token.markup, token.info = "linkify", "auto"
    state.pos = start + len(text)
    return True


# --------------------------------------------------------------------------------------------------
# Strikethrough (marked `inline.gfm.del`)
# --------------------------------------------------------------------------------------------------

_DEL = re.compile(
    r"(~~?)(?=[^~" + _JS_SPACE + r"])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^~\\" + _JS_SPACE + r"]))\1(?=[^~]|\Z)"
)


def _del_rule(state: StateInline, silent: bool) -> bool:
    """Inline rule: marked's `~x~` / `~~x~~` strikethrough, which has no CommonMark flanking rules.

    marked strikes through ``4배~5배 … 20%~25%`` and ``~~`code`~~（`` where markdown-it's rule
    would not; Hexo authors' posts rely on marked's reading.
    """
    pos = state.pos
    if state.src[pos] != "~":
        return False
    pending = state.pending
    if pending and pending[-1] in "`~":
        # marked's `text` rule swallowed this tilde as part of a run of ` and ~ it started.
        return False
    m = _DEL.match(state.src, pos, state.posMax)
    if not m:
        return False
    if not silent:
        marker = m.group(1)
        old_max = state.posMax
        token = state.push("s_open", "del", 1)
        token.markup = marker
        state.pos = m.start(2)
        state.posMax = m.end(2)
        state.md.inline.tokenize(state)
        token = state.push("s_close", "del", -1)
        token.markup = marker
        state.posMax = old_max
    state.pos = m.end()
    return True


# --------------------------------------------------------------------------------------------------
# Smartypants (hexo-renderer-marked overrides marked's `inlineText` and applies its own regexes)
# --------------------------------------------------------------------------------------------------

_RAW_OPEN = re.compile(r"<(pre|code|kbd|script)(\s|>)", re.IGNORECASE)
_RAW_CLOSE = re.compile(r"</(pre|code|kbd|script)(\s|>)", re.IGNORECASE)
_OPEN_SINGLE = re.compile(r"(^|[-\u2014/(\[{\"" + _JS_SPACE + r"])'")
_OPEN_DOUBLE = re.compile(r"(^|[-\u2014/(\[{\u2018" + _JS_SPACE + r"])\"")


def _smartypants(text: str) -> str:
    """hexo-renderer-marked's smartypants on one marked text token (``^`` is the token's start)."""
    text = text.replace("---", "\u2014").replace("--", "\u2013")
    text = _OPEN_SINGLE.sub("\\1\u2018", text).replace("'", "\u2019")
    text = _OPEN_DOUBLE.sub("\\1\u201c", text).replace('"', "\u201d")
    return text.replace("...", "\u2026")


def marked_text_tokens(state: StateCore) -> Iterator[tuple[Token, bool]]:
    """The tokens marked's ``inlineText`` sees, each with whether it sits in a raw HTML element.

    Text of bare-URL links is left out, as marked's url tokens are not text; code, raw HTML and
    image alt text are other tokens. ``True`` is marked's ``inRawBlock``: inside a raw ``<pre>``,
    ``<code>``, ``<kbd>`` or ``<script>``.
    """
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        autolink = raw = 0
        for token in block.children:
            if token.type == "link_open" and token.info == "auto":
                autolink += 1
            elif token.type == "link_close" and token.info == "auto":
                autolink -= 1
            elif token.type == "html_inline":
                if _RAW_OPEN.match(token.content):
                    raw += 1
                elif _RAW_CLOSE.match(token.content):
                    raw = max(0, raw - 1)
            elif token.type == "text" and not autolink:
                yield token, bool(raw)


def _smartypants_rule(state: StateCore) -> None:
    """Core rule, before `text_join`: smartypants each prose text token outside raw HTML.

    Runs before `text_join` so backslash-escaped quotes (``text_special`` tokens) stay straight, as in
    marked where an escape is its own token.
    """
    for token, raw in marked_text_tokens(state):
        content = token.content
        if not raw and ("'" in content or '"' in content or "--" in content or "..." in content):
            token.content = _smartypants(content)


# --------------------------------------------------------------------------------------------------
# Description lists (hexo-renderer-marked `paragraph` override, `descriptionLists: true`)
# --------------------------------------------------------------------------------------------------

_DD_START = re.compile(r":[" + _JS_SPACE + r"]+")
_BR_HTML = re.compile(r"<br>\Z")


def _text_token(content: str, level: int) -> Token:
    token = Token("text", "", 0)
    token.content, token.level = content, level
    return token


def _is_break(token: Token) -> bool:
    """Tokens marked renders as the ``<br>`` its description-list regex looks for."""
    if token.type in ("softbreak", "hardbreak"):
        return True
    return token.type == "html_inline" and _BR_HTML.match(token.content) is not None


def _dl_split(state: StateCore, children: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """Where hexo-renderer-marked's ``/(?:^|\\s)(\\S.+)<br>:\\s+(\\S.+)/`` would split a paragraph.

    marked renders a paragraph's inline HTML on one line, so the greedy regex takes the *last*
    break that is followed by ``:`` and whitespace, with at least two characters of HTML on each
    side. Returns (term children, definition children) or None.
    """
    render = state.md.renderer.renderInline
    for i in range(len(children) - 2, 0, -1):
        nxt = children[i + 1]
        if not _is_break(children[i]) or nxt.type != "text":
            continue
        m = _DD_START.match(nxt.content)
        if not m:
            continue
        term = children[:i]
        rest = nxt.content[m.end() :]
        definition = ([_text_token(rest, nxt.level)] if rest else []) + children[i + 2 :]
        term_html = render(term, state.md.options, state.env)
        dd_html = render(definition, state.md.options, state.env).split("\n", 1)[0]
        term_ok = len(term_html.split("\n")[0]) >= 2 and not term_html[:1].isspace()
        if term_ok and len(dd_html) >= 2 and not dd_html[:1].isspace():
            return term, definition
    return None


def _dl_rule(state: StateCore) -> None:
    """Core rule: a paragraph ``Term`` / ``: Definition`` becomes ``<dl><dt>…</dt><dd>…</dd></dl>``.

    hexo-renderer-marked does this with a regex on each rendered paragraph (not on tight list items,
    which marked does not render as paragraphs); here it is done on tokens so later rules still see
    the inline content.
    """
    tokens = state.tokens
    i = 0
    out: list[Token] | None = None
    while i < len(tokens):
        token = tokens[i]
        if (
            token.type == "paragraph_open"
            and not token.hidden
            and i + 2 < len(tokens)
            and tokens[i + 1].type == "inline"
            and tokens[i + 2].type == "paragraph_close"
            and tokens[i + 1].children
        ):
            split = _dl_split(state, tokens[i + 1].children)
            if split is not None:
                if out is None:
                    out = tokens[:i]
                out.extend(_dl_tokens(token, tokens[i + 1], *split))
                i += 3
                continue
        if out is not None:
            out.append(token)
        i += 1
    if out is not None:
        state.tokens = out


def _dl_tokens(para: Token, inline: Token, term: list[Token], definition: list[Token]) -> list[Token]:
    """The dl/dt/dd token sequence; rendered inline (no newlines), as hexo-renderer-marked does."""
    out: list[Token] = []
    level = para.level
    for kind, children in (("dt", term), ("dd", definition)):
        part = Token("inline", "", 0)
        part.children, part.map, part.level = children, inline.map, level + 2
        part.content = "".join(t.content for t in children)
        out.extend([_block(f"{kind}_open", kind, 1, level + 1), part, _block(f"{kind}_close", kind, -1, level + 1)])
    out.insert(0, _block("dl_open", "dl", 1, level, para.map))
    out.append(_block("dl_close", "dl", -1, level))
    return out


def _block(ttype: str, tag: str, nesting: int, level: int, where: list[int] | None = None) -> Token:
    token = Token(ttype, tag, nesting)  # type: ignore[arg-type]
    token.level, token.map = level, where
    token.block = False  # no newlines between the tags, like hexo-renderer-marked's output
    return token


# --------------------------------------------------------------------------------------------------
# Tables whose delimiter row starts with `- |`
# --------------------------------------------------------------------------------------------------

# marked tries lists, block quotes and headings before tables: such a line is no table header.
_NOT_TABLE_HEADER = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^ {0,3}[>#]")
_FENCE_OPEN = re.compile(r"^ *(`{3,}|~{3,})")
_DELIM_ROW = re.compile(r"^( *)-[ \t]+(\|[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*)$")


def _split_cells(row: str) -> list[str]:
    """marked's splitCells: cells between unescaped pipes, without the outer empty ones."""
    cells = re.split(r"(?<!\\)\|", row.strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return cells


def fix_table_delimiters(text: str) -> str:
    """Rewrite a table delimiter row ``- | - | -`` to ``-| - | -``.

    markdown-it refuses a delimiter row that starts with ``-`` and a space (it could be a list
    item); marked takes it as a table when the header above has as many cells. Code fences are left
    untouched.
    """
    if "|" not in text or "-" not in text:
        return text
    lines = text.split("\n")
    fence: str | None = None
    changed = False
    for i, line in enumerate(lines):
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            continue
        m = _FENCE_OPEN.match(line)
        if m:
            fence = m.group(1)
            continue
        if i == 0 or not line.lstrip().startswith("-"):
            continue
        m = _DELIM_ROW.match(line)
        header = lines[i - 1]
        if not m or "|" not in header or not header.strip() or _NOT_TABLE_HEADER.match(header):
            continue
        if len(_split_cells(header)) != len(_split_cells("-" + m.group(2))):
            continue
        lines[i] = m.group(1) + "-" + m.group(2)
        changed = True
    return "\n".join(lines) if changed else text


# --------------------------------------------------------------------------------------------------
# ATX headings (marked `block.heading`: /^ {0,3}(#{1,6})(?=\s|$)(.*)(?:\n+|$)/ and Tokenizer.heading)
# --------------------------------------------------------------------------------------------------

_JS_SPACE_SET = frozenset(" \t\n\v\f\r\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)
# JavaScript's `.` stops at these, so marked's `(.*)` cannot reach the end of such a line.
_JS_LINE_BREAKS = ("\u2028", "\u2029")


def _js_trim(text: str) -> str:
    start, end = 0, len(text)
    while start < end and text[start] in _JS_SPACE_SET:
        start += 1
    while end > start and text[end - 1] in _JS_SPACE_SET:
        end -= 1
    return text[start:end]


def _heading_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: marked's ATX heading, which takes any JavaScript whitespace after the ``#``.

    CJK authors type an ideographic space (U+3000) there, and editors put a no-break space; marked
    (so Hexo) makes a heading of ``###\u3000映射`` where CommonMark wants a space or tab. The text
    is trimmed with JavaScript's ``trim`` and a closing ``#`` run is dropped only after a plain space
    (or when nothing else is left), as in marked's tokenizer.
    """
    if state.is_code_block(start_line):
        return False
    pos = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    src = state.src
    level = 0
    while pos + level < maximum and src[pos + level] == "#" and level < 7:
        level += 1
    if not 1 <= level <= 6:
        return False
    rest = src[pos + level : maximum]
    if rest and rest[0] not in _JS_SPACE_SET:
        return False
    if any(mark in rest for mark in _JS_LINE_BREAKS):
        return False
    if silent:
        return True
    text = _js_trim(rest)
    if text.endswith("#"):
        trimmed = text.rstrip("#")
        if not trimmed or trimmed.endswith(" "):
            text = _js_trim(trimmed)
    state.line = start_line + 1
    token = state.push("heading_open", f"h{level}", 1)
    token.markup = "#" * level
    token.map = [start_line, state.line]
    token = state.push("inline", "", 0)
    token.content = text
    token.map = [start_line, state.line]
    token.children = []
    token = state.push("heading_close", f"h{level}", -1)
    token.markup = "#" * level
    return True


# marked's inline link: `(href title)`, the destination greedy up to a space, then marked's title.
_MARKED_DESTINATION = re.compile(
    r"\(\s*([^ \t\n\x00-\x1f]*)"
    r"""(?:[ \t]*(?:\n[ \t]*)?("(?:\\"?|[^"\\])*"|'(?:\\'?|[^'\\])*'|\((?:\\\)?|[^)\\])*\)))?\s*\)"""
)


def _unbalanced_link_rule(state: StateInline, silent: bool) -> bool:
    """``[#36]((https://x/36)`` is a link to ``(https://x/36`` in marked, text in CommonMark.

    marked cuts a destination at its closing parenthesis only when it has one
    (``findClosingBracket`` returns -1 for a destination without ``)``), so an
    unmatched ``(`` stays in the URL. Runs after markdown-it's own link rule,
    which takes every destination with balanced parentheses.
    """
    if state.src[state.pos] != "[":
        return False
    label_end = state.md.helpers.parseLinkLabel(state, state.pos, True)
    if label_end < 0:
        return False
    match = _MARKED_DESTINATION.match(state.src, label_end + 1)
    if match is None or "(" not in match.group(1) or ")" in match.group(1):
        return False
    href = state.md.normalizeLink(match.group(1))
    if not state.md.validateLink(href):
        return False
    if not silent:
        maximum = state.posMax
        state.pos, state.posMax = state.pos + 1, label_end
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": href}
        if match.group(2):
            token.attrs["title"] = unescapeAll(match.group(2)[1:-1])
        state.linkLevel += 1
        state.md.inline.tokenize(state)
        state.linkLevel -= 1
        state.push("link_close", "a", -1)
        state.posMax = maximum
    state.pos = match.end()
    return True


# --------------------------------------------------------------------------------------------------
# The plugin
# --------------------------------------------------------------------------------------------------


def marked_compat_plugin(md: MarkdownIt) -> None:
    """Install marked's autolinks, strikethrough, headings, smartypants and Hexo's description lists.

    markdown-it's own strikethrough rule is disabled (marked's has no flanking rules); linkify and
    the typographer must be left off by the caller, since these rules replace them.
    """
    md.disable(["strikethrough"], ignoreInvalid=True)
    # In place of markdown-it's rule, so it keeps interrupting paragraphs, block quotes and list items.
    md.block.ruler.at("heading", _heading_rule, {"alt": ["paragraph", "reference", "blockquote"]})
    md.inline.ruler.before("emphasis", "marked_del", _del_rule)
    md.inline.ruler.at("text", _text_rule)
    md.inline.ruler.before("text", "marked_url", _url_rule)
    md.inline.ruler.after("link", "marked_unbalanced_link", _unbalanced_link_rule)
    try:
        md.core.ruler.before("text_join", "marked_smartypants", _smartypants_rule)
    except KeyError:  # a parser without text_join: right after inline parsing is as good
        md.core.ruler.after("inline", "marked_smartypants", _smartypants_rule)
    md.core.ruler.push("marked_dl", _dl_rule)


# --------------------------------------------------------------------------------------------------
# hexo-renderer-marked 5 and older: marked 4 (5.0.0 bundles marked 4.0.x), where it differs from 15.
# Each point was checked with hexo-oracle on Hexo 5.4 + hexo-renderer-marked 5.0.0 / marked 4.0.19
# against the same site with hexo-renderer-marked 7.0.1 (tests/test_marked_versions.py).
# --------------------------------------------------------------------------------------------------

# marked 4's `_punctuation`: ASCII only, so a CJK quote or full stop next to `*` counts as a letter
# and `**“引号”**呢` is bold there, though not in CommonMark or marked 15.
_MARKED4_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_LIST_ITEM = re.compile(r"([ \t]*)([*+-]|\d{1,9}[.)])(?:([ \t]+)|$)")
_HR = re.compile(r" {0,3}(?:(?:- *){3,}|(?:_ *){3,}|(?:\* *){3,})$")
_FENCE = re.compile(r" *(`{3,}|~{3,})")
_ITEM_ENDS = re.compile(r" *(?:`{3}|~{3}|#)")


def _marked4_scan(state: StateInline, start: int, can_split_word: bool) -> tuple[bool, bool, int]:
    """markdown-it's ``scanDelims`` with marked 4's ASCII-only idea of punctuation."""
    marker = state.src[start]
    pos = start
    while pos < state.posMax and state.src[pos] == marker:
        pos += 1
    last = state.src[start - 1] if start > 0 else " "
    after = state.src[pos] if pos < state.posMax else " "
    last_punct, next_punct = last in _MARKED4_PUNCT, after in _MARKED4_PUNCT
    last_space, next_space = _is_js_space(last), _is_js_space(after)
    left = not (next_space or (next_punct and not (last_space or last_punct)))
    right = not (last_space or (last_punct and not (next_space or next_punct)))
    can_open = left and (can_split_word or not right or last_punct)
    can_close = right and (can_split_word or not left or next_punct)
    return can_open, can_close, pos - start


def _is_js_space(ch: str) -> bool:
    return ch.isspace() or ch in _JS_SPACE


def _marked4_emphasis(state: StateInline, silent: bool) -> bool:
    from markdown_it.rules_inline.state_inline import Delimiter

    marker = state.src[state.pos]
    if silent or marker not in ("_", "*"):
        return False
    can_open, can_close, length = _marked4_scan(state, state.pos, marker == "*")
    for _ in range(length):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(Delimiter(ord(marker), length, len(state.tokens) - 1, -1, can_open, can_close))
    state.pos += length
    return True


def _columns(line: str) -> int:
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def marked4_lazy_lines(text: str) -> str:
    """Indent the lines marked 4 takes into a list item lazily but CommonMark would not.

    marked 4.0's list tokenizer keeps every line after an item's first, up to a blank line, unless
    it opens a fence, a heading, a new item or a rule; an HTML block (Hexo's code-block placeholder
    among them), a block quote or a setext underline right under ``1. text`` stays in that item.
    Indented to the item's content column, markdown-it reads them the same way.
    """
    if "\n" not in text:
        return text
    out: list[str] = []
    items: list[list] = []  # [content column, blank line seen] from the outermost item in
    fence = ""
    for line in text.split("\n"):
        if fence:
            if line.strip().startswith(fence):
                fence = ""
            out.append(line)
            continue
        if not line.strip():
            for item in items:
                item[1] = True
            out.append(line)
            continue
        indent = _columns(line)
        bullet = _LIST_ITEM.match(line)
        # A bullet indented past the enclosing item's content (or 4 columns at the top) is code.
        if bullet and not _HR.match(line) and indent < (items[-1][0] if items else 0) + 4:
            while items and items[-1][0] > indent:
                items.pop()
            spaces = len((bullet.group(3) or " ").expandtabs(4))
            items.append([indent + len(bullet.group(2)) + (1 if spaces > 4 else spaces), False])
            out.append(line)
            continue
        for depth, (column, blank) in enumerate(items):
            if indent < column and (blank or _ITEM_ENDS.match(line) or _HR.match(line)):
                del items[depth:]
                break
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)[:3]
        if items and indent < items[-1][0]:
            # Every lazy line, not only the HTML one: text after `<p>x</p>` continues its HTML block.
            line = " " * items[-1][0] + line.lstrip()
        out.append(line)
    return "\n".join(out)


def _marked4_lazy_rule(state: StateCore) -> None:
    state.src = marked4_lazy_lines(state.src)


def marked4_heading_text(children: list[Token]) -> str:
    """The text hexo-renderer-marked 5 makes a heading's id from.

    It slugs the heading's HTML with the tags stripped but the entities kept, so ``->`` gives
    ``-gt-`` and ``/`` gives ``-x2F-`` (hexo-util 2's ``escapeHTML`` on text, marked's ``escape``
    in code spans); hexo-renderer-marked 7 unescapes first.
    """
    from .html import strip_html

    parts = []
    for child in children:
        if child.type == "text":
            parts.append(hexo_util2_escape(child.content))
        elif child.type == "code_inline":
            parts.append(
                child.content.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace('"', "&quot;")
                .replace("'", "&#39;")
            )
        elif child.type in ("html_inline", "softbreak"):
            parts.append("\n" if child.type == "softbreak" else child.content)
    return strip_html("".join(parts)).strip()


# hexo-util 2's unescapeHTML knows these entities only; its escapeHTML, which hexo-renderer-marked 5
# runs on every piece of prose, turns them back into characters and escapes every other `&`.
_HEXO_UTIL2_ENTITIES = {
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
    "&quot;": '"',
    "&#39;": "'",
    "&#96;": "`",
    "&#x2F;": "/",
    "&#x3D;": "=",
}
_HEXO_UTIL2_UNESCAPE = re.compile("|".join(re.escape(name) for name in _HEXO_UTIL2_ENTITIES))
_HEXO_UTIL2_ESCAPE = {char: name for name, char in _HEXO_UTIL2_ENTITIES.items()}
_ENTITY = re.compile(r"&#?\w+;")


def hexo_util2_escape(text: str) -> str:
    """hexo-util 2's ``escapeHTML``: unescape its own eight entities, then escape everything."""
    text = _HEXO_UTIL2_UNESCAPE.sub(lambda m: _HEXO_UTIL2_ENTITIES[m.group(0)], text)
    return re.sub(r"[&<>\"'`/=]", lambda m: _HEXO_UTIL2_ESCAPE[m.group(0)], text)


def _marked4_entity(state: StateInline, silent: bool) -> bool:
    """``&copy;`` and ``&nbsp;`` stay as written (the reader sees ``&nbsp;``); ``&lt;`` and the rest
    of hexo-util 2's eight are characters, as with hexo-renderer-marked 5."""
    match = _ENTITY.match(state.src, state.pos) if state.src[state.pos] == "&" else None
    if not match:
        return False
    if not silent:
        token = state.push("text_special", "", 0)
        token.content = _HEXO_UTIL2_ENTITIES.get(match.group(0), match.group(0))
        token.markup = match.group(0)
        token.info = "entity"
    state.pos = match.end()
    return True


def marked4_plugin(md: MarkdownIt) -> None:
    """On top of :func:`marked_compat_plugin`: marked 4's emphasis, entities and lazy list lines."""
    md.inline.ruler.at("emphasis", _marked4_emphasis)
    md.inline.ruler.at("entity", _marked4_entity)
    md.core.ruler.before("block", "marked4_lazy_lines", _marked4_lazy_rule)
