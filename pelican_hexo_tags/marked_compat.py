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
* :func:`fix_table_delimiters`: tables whose delimiter row starts ``- |``, which marked accepts.

Use: ``md.use(marked_compat_plugin)`` on a ``commonmark`` parser with ``breaks`` on and linkify,
typographer and the strikethrough rule off, then ``md.render(fix_table_delimiters(text))``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

__all__ = ["fix_table_delimiters", "marked_compat_plugin"]

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
# Where marked's `text` rule stops (so the next token, possibly `url`, is tried): before its special
# characters, before `http://`, `https://`, `ftp://` and `www.`, and before a run of e-mail characters
# followed by `@` that does not continue a longer such run.
_TEXT_STOP = re.compile(rf"[\\<!\[`*~_]|https?://|ftp://|www\.|(?<![{_EMAIL_CHARS}])(?=[{_EMAIL_CHARS}]+@)")
# Cheap test: could this text hold a marked autolink at all?
_MAYBE_URL = re.compile(r"@|://|www\.", re.IGNORECASE)


def _backpedal(url: str) -> str:
    """Trim trailing punctuation the way marked's `_backpedal` loop does."""
    while True:
        m = _BACKPEDAL.search(url)
        trimmed = m.group(0) if m else ""
        if trimmed == url:
            return url
        url = trimmed


def _find_urls(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, href) for each autolink marked's lexer would make in ``text``.

    ``text`` is one markdown-it text token; its start is a token boundary for marked too. Between
    boundaries this replays marked's ``text`` rule, so a URL glued to CJK text is found (the text rule
    stops before ``https://``), while ``a=b@c.com`` links only ``b@c.com``.
    """
    n = len(text)
    pos = 0
    while pos < n:
        m = _URL.match(text, pos)
        if m:
            if m.group(2) == "@":
                found, href = m.group(0), "mailto:" + m.group(0)
            else:
                found = _backpedal(m.group(0))
                href = "http://" + found if m.group(1) == "www." else found
            if found:
                yield pos, pos + len(found), href
                pos += len(found)
                continue
        # marked's `text` rule: one character (or a run of ` and ~), then up to the next stop.
        nxt = pos + 1
        if text[pos] in "`~":
            while nxt < n and text[nxt] in "`~":
                nxt += 1
        if nxt < n and _EMAIL_AHEAD.match(text, nxt):
            pos = nxt
            continue
        stop = _TEXT_STOP.search(text, nxt)
        pos = stop.start() if stop else n


def _link_tokens(state: StateCore, text: str, href: str, level: int) -> list[Token]:
    """link_open/text/link_close for one autolink, marked like markdown-it's linkify tokens."""
    url = state.md.normalizeLink(href)
    if not state.md.validateLink(url):
        token = Token("text", "", 0)
        token.content, token.level = text, level
        return [token]
    link_open = Token("link_open", "a", 1)
    link_open.attrs = {"href": url}
    link_open.markup, link_open.info, link_open.level = "linkify", "auto", level
    body = Token("text", "", 0)
    body.content, body.level = text, level + 1
    body.meta["marked_autolink"] = True
    link_close = Token("link_close", "a", -1)
    link_close.markup, link_close.info, link_close.level = "linkify", "auto", level
    return [link_open, body, link_close]


_A_OPEN = re.compile(r"^<a\s", re.IGNORECASE)
_A_CLOSE = re.compile(r"^</a\s*>", re.IGNORECASE)


def _autolink_rule(state: StateCore) -> None:
    """Core rule: turn bare URLs/e-mails in text tokens into links, as marked's GFM `url` rule does."""
    for block in state.tokens:
        if block.type != "inline" or not block.children or not _MAYBE_URL.search(block.content):
            continue
        children: list[Token] = []
        in_link = 0
        changed = False
        for token in block.children:
            if token.type == "link_open":
                in_link += 1
            elif token.type == "link_close":
                in_link -= 1
            elif token.type == "html_inline":
                # marked's `inLink` state: no autolinks between a raw <a ...> and </a>.
                if _A_OPEN.match(token.content):
                    in_link += 1
                elif _A_CLOSE.match(token.content):
                    in_link = max(0, in_link - 1)
            if token.type != "text" or in_link > 0 or not _MAYBE_URL.search(token.content):
                children.append(token)
                continue
            text, last = token.content, 0
            for start, end, href in _find_urls(text):
                if start > last:
                    children.append(_text_token(text[last:start], token.level))
                children.extend(_link_tokens(state, text[start:end], href, token.level))
                last = end
            if last == 0:
                children.append(token)
                continue
            changed = True
            if last < len(text):
                children.append(_text_token(text[last:], token.level))
        if changed:
            block.children = children


def _text_token(content: str, level: int) -> Token:
    token = Token("text", "", 0)
    token.content, token.level = content, level
    return token


# --------------------------------------------------------------------------------------------------
# Strikethrough (marked `inline.gfm.del`)
# --------------------------------------------------------------------------------------------------

_DEL = re.compile(r"(~~?)(?=[^\s~])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^\s~\\]))\1(?=[^~]|$)")


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

_OPEN_SINGLE = re.compile(r"(^|[-\u2014/(\[{\"" + _JS_SPACE + r"])'")
_OPEN_DOUBLE = re.compile(r"(^|[-\u2014/(\[{\u2018" + _JS_SPACE + r"])\"")


def smartypants(text: str) -> str:
    """hexo-renderer-marked's smartypants on one marked text token (``^`` is the token's start)."""
    text = text.replace("---", "\u2014").replace("--", "\u2013")
    text = _OPEN_SINGLE.sub("\\1\u2018", text).replace("'", "\u2019")
    text = _OPEN_DOUBLE.sub("\\1\u201c", text).replace('"', "\u201d")
    return text.replace("...", "\u2026")


def _smartypants_rule(state: StateCore) -> None:
    """Core rule, before `text_join`: smartypants each prose text token.

    Runs before `text_join` so backslash-escaped quotes (``text_special`` tokens) stay straight, as in
    marked where an escape is its own token. Text of bare-URL links is left alone, like marked's url
    tokens; code, raw HTML and image alt text are separate tokens and are never touched.
    """
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        autolink = 0
        for token in block.children:
            if token.type == "link_open" and token.info == "auto":
                autolink += 1
            elif token.type == "link_close" and token.info == "auto":
                autolink -= 1
            elif token.type == "text" and not autolink and not token.meta.get("marked_autolink"):
                content = token.content
                if "'" in content or '"' in content or "--" in content or "..." in content:
                    token.content = smartypants(content)


# --------------------------------------------------------------------------------------------------
# Description lists (hexo-renderer-marked `paragraph` override, `descriptionLists: true`)
# --------------------------------------------------------------------------------------------------

_DD_START = re.compile(r":[" + _JS_SPACE + r"]+")
_BR_HTML = re.compile(r"<br>\Z")


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
        if len(term_html.split("\n")[0]) >= 2 and not term_html[:1].isspace() and len(dd_html) >= 2:
            if not dd_html[:1].isspace():
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
        out.extend(
            [_block(f"{kind}_open", kind, 1, level + 1), part, _block(f"{kind}_close", kind, -1, level + 1)]
        )
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
        if not m or "|" not in header or not header.strip():
            continue
        if len(_split_cells(header)) != len(_split_cells("-" + m.group(2))):
            continue
        lines[i] = m.group(1) + "-" + m.group(2)
        changed = True
    return "\n".join(lines) if changed else text


# --------------------------------------------------------------------------------------------------
# The plugin
# --------------------------------------------------------------------------------------------------


def marked_compat_plugin(md: MarkdownIt) -> None:
    """Install marked's autolinks, strikethrough, smartypants and Hexo's description lists.

    markdown-it's own strikethrough rule is disabled (marked's has no flanking rules); linkify and
    the typographer must be left off by the caller, since these rules replace them.
    """
    md.disable(["strikethrough"], ignoreInvalid=True)
    md.inline.ruler.before("emphasis", "marked_del", _del_rule)
    md.core.ruler.after("inline", "marked_autolink", _autolink_rule)
    try:
        md.core.ruler.before("text_join", "marked_smartypants", _smartypants_rule)
    except KeyError:  # a parser without text_join: right after the autolinks is as good
        md.core.ruler.after("marked_autolink", "marked_smartypants", _smartypants_rule)
    md.core.ruler.push("marked_dl", _dl_rule)
