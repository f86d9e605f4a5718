"""Code highlighting in Hexo's markup: hexo-util's ``highlight`` (highlight.js) and ``prismHighlight``.

Hexo's themes style ``<figure class="highlight">`` tables and highlight.js
class names (or Prism's ``token`` spans), so the markup is reproduced
exactly. For highlight.js the tokens come from highlight.js 11.12 itself,
run in the embedded V8 (``js_runtime``): where a token starts and ends is
where a reader's copy of the code splits into words, and no mapping of
another tokenizer puts them in the same places. Prism's tokens come from
prismjs 1.30 (``static/prism/``), loading each language the first time a
block asks for it, as hexo-util does in Node. Pygments, mapped to the
JavaScript highlighters' class names (:data:`HLJS_CLASSES`,
:data:`PRISM_CLASSES`), stands in for both when the site asks for it
(``HEXO_HIGHLIGHT_ENGINE = "pygments"``) or mini-racer is missing: then for
highlight.js only token kinds it wraps get a span, and neighbouring tokens
of one class share it.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.token import Token, _TokenType
from pygments.util import ClassNotFound

from .assets import STATIC_ROOT
from .engine_cache import engine_namespace, keep_made, run_through_cache
from .js_runtime import js_call, read_static
from .lexer import strip_indent

# Pygments token type → highlight.js class. The most specific type listed wins;
# a type not covered by any entry (punctuation, operators, plain names) is left bare.
HLJS_CLASSES: dict[_TokenType, str] = {
    Token.Keyword: "keyword",
    Token.Keyword.Constant: "literal",
    Token.Keyword.Type: "type",
    Token.Operator.Word: "keyword",
    Token.Name.Builtin: "built_in",
    Token.Name.Builtin.Pseudo: "variable language_",
    Token.Name.Function: "title function_",
    Token.Name.Function.Magic: "title function_",
    Token.Name.Class: "title class_",
    Token.Name.Decorator: "meta",
    Token.Name.Tag: "name",
    Token.Name.Attribute: "attr",
    Token.Name.Property: "attribute",
    Token.Name.Variable: "variable",
    Token.Name.Label: "symbol",
    Token.Name.Entity: "symbol",
    Token.Literal.String: "string",
    Token.Literal.String.Regex: "regexp",
    Token.Literal.String.Interpol: "subst",
    Token.Literal.String.Symbol: "symbol",
    Token.Literal.Number: "number",
    Token.Literal.Date: "number",
    Token.Comment: "comment",
    Token.Comment.Preproc: "meta",
    Token.Comment.PreprocFile: "string",
    Token.Generic.Deleted: "deletion",
    Token.Generic.Inserted: "addition",
    Token.Generic.Heading: "section",
    Token.Generic.Subheading: "section",
    Token.Generic.Emph: "emphasis",
    Token.Generic.Strong: "strong",
    Token.Generic.Prompt: "meta",
}

# Pygments token type → Prism class (after ``token``). Prism wraps punctuation
# and operators too, so they are listed here.
PRISM_CLASSES: dict[_TokenType, str] = {
    Token.Keyword: "keyword",
    Token.Keyword.Constant: "boolean",
    Token.Keyword.Type: "keyword",
    Token.Operator: "operator",
    Token.Operator.Word: "keyword",
    Token.Punctuation: "punctuation",
    Token.Name.Builtin: "builtin",
    Token.Name.Function: "function",
    Token.Name.Class: "class-name",
    Token.Name.Decorator: "decorator",
    Token.Name.Tag: "tag",
    Token.Name.Attribute: "attr-name",
    Token.Name.Property: "property",
    Token.Name.Variable: "variable",
    Token.Literal.String: "string",
    Token.Literal.String.Regex: "regex",
    Token.Literal.Number: "number",
    Token.Comment: "comment",
    Token.Comment.Preproc: "directive",
    Token.Generic.Deleted: "deleted",
    Token.Generic.Inserted: "inserted",
}

# highlight.js and Prism mark calls (``name(``) as functions in these languages.
_JS_FAMILY = frozenset({"js", "javascript", "jsx", "mjs", "cjs", "ts", "typescript", "tsx"})
_CLIKE = _JS_FAMILY | {"c", "cpp", "c++", "java", "cs", "csharp", "go", "kotlin", "php", "swift", "rust", "dart"}
_XML_FAMILY = frozenset({"html", "xml", "xhtml", "svg", "vue", "rss", "atom", "xsl", "plist", "markup"})
_PLAIN_NAMES = frozenset({Token.Name, Token.Name.Other})
# Token kinds highlight.js leaves bare in a language although Pygments marks them.
_BARE_IN = dict.fromkeys(
    ("bash", "sh", "shell", "zsh", "console", "shell-session"), (Token.Literal.Number, Token.Literal.String.Escape)
)


@dataclass
class HighlightOptions:
    """What a code block asks of the highlighter (Hexo's ``HighlightOptions``)."""

    lang: str = ""
    caption: str = ""
    line_number: bool | None = None
    line_threshold: int | None = None
    first_line: int = 1
    mark: list[int] = field(default_factory=list)
    language_attr: bool | None = None
    lines_length: int = 0
    # ``first_line_number: inline``: a fence's ``js=5`` numbering, else None.
    first_line_number: int | None = None


def parse_mark(value: str) -> list[int]:
    """``mark:1,4-7,10`` → ``[1, 4, 5, 6, 7, 10]``; a reversed range is swapped, junk skipped."""
    marked: list[int] = []
    for part in value.split(","):
        if "-" in part:
            low, _, high = part.partition("-")
            if low.strip().isdigit() and high.strip().isdigit():
                a, b = sorted((int(low), int(high)))
                marked.extend(range(a, b + 1))
            continue
        if part.strip().isdigit():
            marked.append(int(part))
    return marked


def escape_hljs(text: str) -> str:
    """highlight.js's own escaping (``&#x27;`` for the apostrophe, unlike hexo-util)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


@lru_cache(maxsize=128)
def _lexer(lang: str) -> Lexer | None:
    if not lang or lang in ("plaintext", "none", "nohighlight"):
        return None
    try:
        # startinline: Prism highlights PHP without an opening `<?php`; Pygments needs telling (PHP lexer only).
        return get_lexer_by_name(lang, stripnl=False, ensurenl=False, startinline=True)
    except ClassNotFound:
        return None


def is_known_language(lang: str) -> bool:
    return _lexer(lang.lower()) is not None or lang.lower() in ("plaintext", "text", "txt")


def _class_for(token_type: _TokenType, table: Mapping[_TokenType, str]) -> str:
    while token_type is not Token:
        if token_type in table:
            return table[token_type]
        token_type = token_type.parent
    return ""


Piece = tuple[tuple[str, ...], str]
# A class name may carry ``_SAME`` + an id: only pieces with the same id share a span.
_SAME = "\x00"


def _tokens(code: str, lang: str) -> list[tuple[_TokenType, str]]:
    lexer = _lexer(lang)
    if lexer is None:
        return [(Token.Text, code)]
    return list(lexer.get_tokens(code))


def _next_significant(tokens: list[tuple[_TokenType, str]], index: int) -> str:
    for _type, value in tokens[index + 1 :]:
        if value.strip():
            return value
    return ""


def _previous_significant(tokens: list[tuple[_TokenType, str]], index: int) -> str:
    for _type, value in reversed(tokens[:index]):
        if value.strip():
            return value
    return ""


def _hljs_pieces(code: str, lang: str) -> list[Piece]:
    """Tokens as (nesting of highlight.js classes, text)."""
    tokens = _tokens(code, lang)
    js = lang in _JS_FAMILY
    xml = lang in _XML_FAMILY
    pieces: list[Piece] = []
    in_tag = False
    tags = 0
    bare = _BARE_IN.get(lang, ())
    for index, (token_type, value) in enumerate(tokens):
        cls = "" if any(token_type in kind for kind in bare) else _class_for(token_type, HLJS_CLASSES)
        if js and token_type in (Token.Keyword,) and value in ("this", "super"):
            cls = "variable language_"
        elif js and token_type in _PLAIN_NAMES:
            before = _previous_significant(tokens, index)
            after = _next_significant(tokens, index)
            if before in ("class", "extends"):
                cls = "title class_"
            elif before == "function" or (after.startswith("(") and before != "."):
                cls = "title function_"
            elif after.startswith(":") and not after.startswith("::") and before in ("{", ","):
                cls = "attr"
        path: tuple[str, ...] = (cls,) if cls else ()
        if xml:
            if token_type in Token.Punctuation and value.startswith("<"):
                in_tag = True
                tags += 1
            if in_tag:
                # Each tag is its own span, even right after another one.
                path = (f"tag{_SAME}{tags}", *path)
            if token_type in Token.Punctuation and value.endswith(">"):
                in_tag = False
        pieces.append((path, value))
    return pieces


def _prism_pieces(code: str, lang: str) -> list[Piece]:
    tokens = _tokens(code, lang)
    clike = lang in _CLIKE or lang in ("javascript", "typescript")
    pieces: list[Piece] = []
    for index, (token_type, value) in enumerate(tokens):
        cls = _class_for(token_type, PRISM_CLASSES)
        if clike and token_type in _PLAIN_NAMES and _next_significant(tokens, index).startswith("("):
            cls = "function"
        # Prism makes every token its own span, each punctuation character too.
        if token_type in Token.Punctuation and len(value) > 1:
            pieces.extend(((f"token {cls}{_SAME}{index}.{n}",), char) for n, char in enumerate(value))
        else:
            pieces.append(((f"token {cls}{_SAME}{index}",), value) if cls else ((), value))
    return pieces


def _render_line(pieces: Iterable[Piece]) -> str:
    """One line's pieces as nested spans; neighbours with a common class share the span."""
    out: list[str] = []
    stack: list[str] = []
    for path, text in pieces:
        if not text:
            continue
        common = 0
        while common < min(len(stack), len(path)) and stack[common] == path[common]:
            common += 1
        while len(stack) > common:
            stack.pop()
            out.append("</span>")
        for cls in path[common:]:
            stack.append(cls)
            out.append(f'<span class="{cls.split(_SAME)[0]}">')
        out.append(escape_hljs(text))
    out.extend("</span>" for _ in stack)
    return "".join(out)


def _split_lines(pieces: list[Piece]) -> list[list[Piece]]:
    """The pieces cut at each newline (highlight.js re-opens spans per line, as hexo-util's closeTags)."""
    lines: list[list[Piece]] = [[]]
    for path, text in pieces:
        parts = text.split("\n")
        for number, part in enumerate(parts):
            if number:
                lines.append([])
            if part:
                lines[-1].append((path, part))
    return lines


def _prefix(lines: list[str], prefix: str) -> list[str]:
    if not prefix:
        return lines
    return [
        re.sub(r"class=\"(?!token)([^\"]+)\"", lambda m: f'class="{_prefixed(m.group(1), prefix)}"', line)
        for line in lines
    ]


def _prefixed(classes: str, prefix: str) -> str:
    # highlight.js prefixes the scope (``hljs-title``), not its sub-scope suffixes (``function_``),
    # nor the ``language-bash`` of code in another language (its scopeToCSSClass).
    first, _, rest = classes.partition(" ")
    if first.startswith("language-"):
        return classes
    return f"{prefix}{first}" + (f" {rest}" if rest else "")


def _load_highlight_js(context: Any) -> None:
    context.eval(read_static("highlightjs", "highlight.min.js"))
    languages = os.path.join(STATIC_ROOT, "highlightjs", "languages")
    for name in sorted(os.listdir(languages)):
        context.eval(read_static("highlightjs", "languages", name))
    # The browser bundle registers its common languages first; Node registers all in lib/index.js's
    # order, and highlightAuto keeps the first of equally relevant languages, so it is given that order.
    listed = read_static("highlightjs", "registration-order.txt").splitlines()
    order = [line.strip() for line in listed if line.strip() and not line.startswith("#")]
    context.eval(
        f"var __hexoAutoLanguages = {json.dumps(order)}.filter(function (n) {{ return hljs.getLanguage(n); }});"
    )
    context.eval(
        "hljs.configure({classPrefix: ''});"
        # highlightAuto highlights the block in every language and keeps the most relevant: the HTML of
        # the other 188 is thrown away. They are run with an emitter that builds none (relevance is the
        # parser's, not the emitter's); the winner is then run alone, against plaintext as highlightAuto
        # would, for its HTML. 12% of the auto-detection time, same language and markup on 432 blocks.
        "function __HexoNoHtml() { this.root = {children: []}; }"
        "__HexoNoHtml.prototype.addText = function () {};"
        "__HexoNoHtml.prototype.startScope = function () {};"
        "__HexoNoHtml.prototype.endScope = function () {};"
        "__HexoNoHtml.prototype.openNode = function () {};"
        "__HexoNoHtml.prototype.closeNode = function () {};"
        "__HexoNoHtml.prototype.__addSublanguage = function () {};"
        "__HexoNoHtml.prototype.finalize = function () { return true; };"
        "__HexoNoHtml.prototype.toHTML = function () { return ''; };"
        "var __hexoHtmlEmitter = hljs.highlight('', {language: 'plaintext'})._emitter.constructor;"
        "function __hexoAuto(code) {"
        "  hljs.configure({__emitter: __HexoNoHtml});"
        "  var best;"
        "  try { best = hljs.highlightAuto(code, __hexoAutoLanguages); }"
        "  finally { hljs.configure({__emitter: __hexoHtmlEmitter}); }"
        "  return hljs.highlightAuto(code, best.language ? [best.language] : []);"
        "}"
        "function __hexoHighlight(code, lang, autoDetect) {"
        "  if (!lang && autoDetect) {"
        "    var found = __hexoAuto(code);"
        "    return JSON.stringify([found.language || 'plaintext', found.value]);"
        "  }"
        "  var language = lang && hljs.getLanguage(lang) ? lang : 'plaintext';"
        "  var result = hljs.highlight(code, {language: language, ignoreIllegals: true});"
        "  return JSON.stringify([language, result.value]);"
        "}"
        # One call for all of a post's blocks: a call into V8 costs more than highlighting most blocks.
        "function __hexoHighlightMany(requests) {"
        "  return '[' + JSON.parse(requests).map(function (r) {"
        "    return __hexoHighlight(r[0], r[1], r[2]);"
        "  }).join(',') + ']';"
        "}"
    )


_SPAN_EDGE = re.compile(r'<span class="(.*?)">|</span>')


def _close_tags(value: str) -> list[str]:
    """hexo-util's ``closeTags``: each line re-opens the spans a previous line left open.

    Kept as Hexo writes it, innermost span first, so the markup matches byte for byte.
    """
    stack: list[str] = []
    lines = []
    for line in value.split("\n"):
        prepend = "".join(f'<span class="{token}">' for token in stack)
        for match in _SPAN_EDGE.finditer(line):
            if match.group(1) is None:
                if stack:
                    stack.pop(0)
            else:
                stack.insert(0, match.group(1))
        lines.append(prepend + line + "</span>" * len(stack))
    return lines


EngineKey = tuple[str, str, bool]
_ENGINE_CACHE: dict[EngineKey, tuple[str, tuple[str, ...]]] = {}
_ENGINE_CACHE_SIZE = 4096


def _remember(key: EngineKey, language: str, value: str) -> tuple[str, tuple[str, ...]]:
    if len(_ENGINE_CACHE) >= _ENGINE_CACHE_SIZE:
        del _ENGINE_CACHE[next(iter(_ENGINE_CACHE))]
    found = _ENGINE_CACHE[key] = (language, tuple(_close_tags(value)))
    return found


# Another process's highlight.js to use instead of this one's (the read-ahead helper's, while it runs).
_engine_elsewhere: Callable[[list[EngineKey]], list[Any] | None] | None = None


def run_engine_elsewhere(call: Callable[[list[EngineKey]], list[Any] | None] | None) -> None:
    """Send highlight.js calls to ``call`` (None: back to this process's V8); when it returns None, run them here."""
    global _engine_elsewhere
    _engine_elsewhere = call


def _highlight_js_namespace() -> str:
    return engine_namespace("highlight.js", os.path.join(STATIC_ROOT, "highlightjs"))


def highlight_many(keys: list[EngineKey]) -> list[tuple[str, str]]:
    """(language, highlighted HTML) for each block: what the last build made of it, else from the engine."""
    results = run_through_cache(_highlight_js_namespace(), keys, _run_highlight_js)
    return [(language, value) for language, value in results]


def _run_highlight_js(keys: list[EngineKey]) -> list[tuple[str, str]]:
    if _engine_elsewhere is not None:
        answered = _engine_elsewhere(keys)
        if answered is not None:
            return [(language, value) for language, value in answered]
    found = js_call("highlight.js", _load_highlight_js, "__hexoHighlightMany", json.dumps(keys), stateless=True)
    return [(language, value) for language, value in json.loads(found)]


@lru_cache(maxsize=1024)
def hljs_highlight(code: str, lang: str, class_prefix: str = "hljs-") -> str | None:
    """``hljs.highlight(code, {language: lang, ignoreIllegals: true}).value``, as a renderer calls it
    itself (hexo-renderer-markdown-it-plus's ``highlight``), its classes prefixed with ``class_prefix``.

    The value as highlight.js returned it, without hexo-util's closeTags; None when highlight.js
    does not know ``lang``, or mini-racer is missing.
    """
    try:
        language, value = highlight_many([(code, lang, False)])[0]
    except ImportError:
        return None
    if language == "plaintext" and lang.lower() not in ("plaintext", "text", "txt"):
        return None
    return _prefix([value], class_prefix)[0]


def remember_highlighted(results: Iterable[tuple[EngineKey, tuple[str, str]]]) -> None:
    """Take in blocks highlight.js ran on elsewhere (the read-ahead helper), as ``(key, (language, value))``."""
    results = list(results)
    for key, (language, value) in results:
        _remember(key, language, value)
    keep_made(_highlight_js_namespace(), results)


def _prime(
    keys: Iterable[Any],
    cache: Mapping[Any, Any],
    many: Callable[[list[Any]], Sequence[Any]],
    remember: Callable[[Any, Any], None],
) -> None:
    """Run the blocks not in ``cache`` through ``many`` in one call into V8, and ``remember`` each result.

    One block alone is left to its own call: a batch of one saves nothing.
    """
    wanted = [key for key in dict.fromkeys(keys) if key not in cache]
    if len(wanted) < 2:
        return
    try:
        found = many(wanted)
    except ImportError:
        return
    for key, value in zip(wanted, found, strict=True):
        remember(key, value)


def prime_highlight_engine(keys: Iterable[EngineKey]) -> None:
    """Highlight many blocks in one call into the engine, for ``_hljs_engine_lines`` to find."""
    _prime(keys, _ENGINE_CACHE, highlight_many, lambda key, found: _remember(key, *found))


def _hljs_engine_lines(code: str, lang: str, auto_detect: bool = False) -> tuple[str, list[str]] | None:
    """highlight.js itself (the version Hexo 8 uses), run in the embedded engine.

    Token boundaries decide how a reader's copy of the code splits into words;
    only highlight.js puts them where Hexo did. None when mini-racer is missing.
    """
    key = (code, lang, auto_detect)
    found = _ENGINE_CACHE.get(key)
    if found is None:
        try:
            language, value = highlight_many([key])[0]
        except ImportError:
            return None
        found = _remember(key, language, value)
    return found[0], list(found[1])


def uses_highlight_engine(config: Mapping[str, Any]) -> bool:
    """Whether highlight.js-style code is highlighted by highlight.js itself (not Prism's, not Pygments)."""
    return highlighter_of(config) != "prismjs" and config.get("highlight_engine", "highlight.js") != "pygments"


def engine_key(code: str, options: HighlightOptions, config: Mapping[str, Any]) -> EngineKey | None:
    """What ``highlight`` will ask highlight.js for this block, or None when it will not ask."""
    if not uses_highlight_engine(config):
        return None
    settings = config.get("highlight") or {}
    if settings.get("strip_indent", True) is not False:
        code = strip_indent(code)
    return code, (options.lang or "").lower(), bool(settings.get("auto_detect", False))


def highlight_js(code: str, options: HighlightOptions, config: Mapping[str, Any]) -> str:
    """hexo-util ``highlight()`` as Hexo's highlight.js adapter calls it."""
    settings = config.get("highlight") or {}
    threshold = options.line_threshold or int(settings.get("line_threshold") or 0)
    use_numbers = settings.get("line_number", True) if options.line_number is None else options.line_number
    gutter = bool(use_numbers) and options.lines_length > threshold
    language_attr = settings.get("language_attr", False) if options.language_attr is None else options.language_attr
    wrap = settings.get("wrap", True) is not False
    use_hljs = bool(settings.get("hljs", False))
    first_line = options.first_line
    if settings.get("first_line_number") == "inline":
        if options.first_line_number is not None:
            first_line = options.first_line_number
        else:
            gutter = False
    lang = (options.lang or "").lower()
    if lang in (settings.get("exclude_languages") or []):
        wrap = gutter = False
    key = engine_key(code, options, config)
    if key is not None:
        code = key[0]  # indent already stripped as the settings say
    elif settings.get("strip_indent", True) is not False:
        code = strip_indent(code)
    engine_lines = _hljs_engine_lines(*key) if key is not None else None
    if engine_lines is not None:
        detected, lines = engine_lines
    else:
        detected = lang if lang and is_known_language(lang) else "plaintext"
        lines = [_render_line(line) for line in _split_lines(_hljs_pieces(code, detected))]
    name = options.lang or detected
    lines = _prefix(lines, "hljs-" if use_hljs else "")
    tab = settings.get("tab_replace")
    if tab:
        lines = [re.sub(r"\t+", lambda m: str(tab) * len(m.group(0)), line, count=1) for line in lines]
    if gutter and not wrap:
        wrap = True
    data_language = f' data-language="{name}"' if language_attr and name else ""
    classes = ("hljs" if use_hljs else "highlight") + (f" {name}" if name else "")
    caption = ""
    if options.caption:
        caption = (
            f"<figcaption>{options.caption}</figcaption>" if wrap else f'<div class="caption">{options.caption}</div>'
        )
    if not wrap:
        body = "\n".join(lines)
        return f'<pre>{caption}<code class="{classes}"{data_language}>{body}</code></pre>'
    marked = set(options.mark)
    content = []
    for number, line in enumerate(lines, start=first_line):
        if use_hljs:
            content.append(f"<mark>{line}</mark><br>" if number in marked else f"{line}<br>")
        else:
            cls = "line marked" if number in marked else "line"
            content.append(f'<span class="{cls}">{line}</span><br>')
    out = [f'<figure class="highlight {detected}"{data_language}>{caption}<table><tr>']
    if gutter:
        numbers = "".join(f'<span class="line">{first_line + i}</span><br>' for i in range(len(lines)))
        out.append(f'<td class="gutter"><pre>{numbers}</pre></td>')
    before, after = (
        (f'<pre><code class="{classes}"{data_language}>', "</code></pre>") if use_hljs else ("<pre>", "</pre>")
    )
    out.append(f'<td class="code">{before}{"".join(content)}{after}</td></tr></table></figure>')
    return "".join(out)


# hexo-util's ``prismHighlight`` and prismjs's ``components/index.js`` (``loadLanguages``), as Hexo
# runs them in Node: a language is loaded the first time a block asks for it, with what components.json
# says it requires, and the loaded languages that build on it are loaded again, so their grammars see it.
_PRISM_GLUE = """
var __prismAlias = Object.entries(components.languages).reduce(function (acc, entry) {
  var value = entry[1];
  if (value.alias) {
    if (Array.isArray(value.alias)) {
      value.alias.forEach(function (alias) { acc[alias] = entry[0]; });
    } else if (typeof value.alias === 'string') {
      acc[value.alias] = entry[0];
    }
  }
  return acc;
}, {});
// hexo-util 2.6 and older neither name a block by an alias's component nor load a language by its alias.
var __prismSupported = Object.keys(components.languages).concat(__hexoUtilAliases ? Object.keys(__prismAlias) : []);
var __prismLoaded = new Set();
function __prismLoadLanguages(languages) {
  var loaded = Array.from(__prismLoaded).concat(Object.keys(Prism.languages));
  getLoader(components, languages, loaded).load(function (lang) {
    if (!(lang in components.languages)) return;
    delete Prism.languages[lang];
    new Function(__prismSources[lang])();
    __prismLoaded.add(lang);
  });
}
// Where Node would throw (a component that will not load), the block is left as plain escaped text.
function __hexoPrism(code, language) {
  try {
    if (!Prism.languages[language] && __prismSupported.includes(language)) __prismLoadLanguages([language]);
    if (Prism.languages[language]) return Prism.highlight(code, Prism.languages[language], language);
  } catch (error) {}
  return null;
}
function __hexoPrismMany(requests) {
  return JSON.stringify(JSON.parse(requests).map(function (r) { return __hexoPrism(r[0], r[1]); }));
}
"""


# prismjs as released: 1.30.0 whole; the older releases sites' lockfiles pin as the files that differ from it
# (``static/prism/versions/``). 1.29.0 differs from 1.30.0 only in code a browser runs, so 1.30.0 stands for it;
# a lock pinning one older than 1.27.0 gets 1.27.0, the nearest shipped.
PRISM_RELEASE = "1.30.0"
_OLDER_PRISM = (((1, 28, 0), "1.27.0"), ((1, 29, 0), "1.28.0"))


@dataclass(frozen=True)
class PrismFlavour:
    """Which prismjs, and which hexo-util's way of naming languages, a site's Hexo ran."""

    release: str = PRISM_RELEASE
    # hexo-util 2.7 and later map an alias (``js``, ``yml``) to its component id (``javascript``).
    aliases: bool = True

    @property
    def engine(self) -> str:
        return f"prism {self.release}" + ("" if self.aliases else " without aliases")


def prism_flavour(config: Mapping[str, Any]) -> PrismFlavour:
    """The prismjs and hexo-util the site's lockfile installed; a fresh install's (1.30.0, 2.7+) without one."""
    package = getattr(config, "package", None)
    versions = package.versions if package is not None else {}
    prism, util = versions.get("prismjs"), versions.get("hexo-util")
    release = next((name for below, name in _OLDER_PRISM if prism and prism < below), PRISM_RELEASE)
    return PrismFlavour(release, not (util and util < (2, 7, 0)))


def _read_prism(release: str, *parts: str) -> str:
    if release != PRISM_RELEASE and os.path.exists(os.path.join(STATIC_ROOT, "prism", "versions", release, *parts)):
        return read_static("prism", "versions", release, *parts)
    return read_static("prism", *parts)


def _load_prism(flavour: PrismFlavour, context: Any) -> None:
    """prismjs as ``require('prismjs')`` leaves it (markup, css, clike, javascript), and every other component.

    The other components are kept as source text and compiled only when a block needs one (as a
    function body, as Node's ``require`` wraps a module): compiling all 297 would cost more than the
    blocks of most sites, and even declaring them as functions costs V8 twice the time of the strings.
    """
    release = flavour.release
    context.eval(_read_prism(release, "prism.js"))
    context.eval(_read_prism(release, "dependencies.js"))
    context.eval(f"var components = {_read_prism(release, 'components.json')};")
    folder = os.path.join(STATIC_ROOT, "prism", "components")
    sources = {
        name.removeprefix("prism-").removesuffix(".js"): _read_prism(release, "components", name)
        for name in sorted(os.listdir(folder))
    }
    context.eval(f"var __prismSources = {json.dumps(sources)};")
    context.eval(f"var __hexoUtilAliases = {json.dumps(flavour.aliases)};")
    context.eval(_PRISM_GLUE)


@lru_cache(maxsize=4)
def _prism_aliases(release: str) -> dict[str, str]:
    """Alias → component id, from prismjs's components.json, as hexo-util's ``prismAlias``."""
    languages = json.loads(_read_prism(release, "components.json"))["languages"]
    aliases: dict[str, str] = {}
    for name, entry in languages.items():
        alias = entry.get("alias") if isinstance(entry, dict) else None
        for each in [alias] if isinstance(alias, str) else alias or []:
            aliases[each] = name
    return aliases


def prism_language(lang: str, flavour: PrismFlavour = PrismFlavour()) -> str:
    """The Prism language hexo-util names a block by: ``none`` for plain text, an alias's component id."""
    language = "none" if lang in ("", "plaintext", "none") else lang
    return _prism_aliases(flavour.release).get(language, language) if flavour.aliases else language


# (code as hexo-util hands it to Prism, Prism language, which Prism)
PrismKey = tuple[str, str, PrismFlavour]
_PRISM_CACHE: dict[PrismKey, str | None] = {}


def _remember_prism(key: PrismKey, value: str | None) -> None:
    if len(_PRISM_CACHE) >= _ENGINE_CACHE_SIZE:
        del _PRISM_CACHE[next(iter(_PRISM_CACHE))]
    _PRISM_CACHE[key] = value


def _prism_code(code: str, settings: Mapping[str, Any]) -> str:
    """The code as hexo-util hands it to Prism: indent stripped, leading tabs replaced."""
    if not settings.get("disable_strip_indent") and settings.get("strip_indent", True) is not False:
        code = strip_indent(code)
    tab = settings.get("tab_replace")
    if tab:
        code = re.sub(r"^\t+", lambda m: str(tab) * len(m.group(0)), code, flags=re.MULTILINE)
    return code


def prism_key(code: str, options: HighlightOptions, config: Mapping[str, Any]) -> PrismKey | None:
    """What ``prism`` will ask Prism for this block, or None when it will not ask."""
    if highlighter_of(config) != "prismjs" or not _uses_prism_engine(config):
        return None
    settings = config.get("prismjs") or {}
    lang = options.lang or "none"
    flavour = prism_flavour(config)
    language = prism_language(lang, flavour)
    if lang in (settings.get("exclude_languages") or []) or language == "none" or settings.get("preprocess") is False:
        return None
    return _prism_code(code, settings), language, flavour


def prism_many(keys: list[PrismKey]) -> list[str | None]:
    """Prism's HTML for each block, None where Prism has no such language: what the last build made of it,
    else from the engine, in one call into V8 per flavour."""
    namespace = engine_namespace("prism", os.path.join(STATIC_ROOT, "prism"))
    stored = [[code, language, flavour.engine] for code, language, flavour in keys]
    return run_through_cache(namespace, keys, _run_prism, stored)


def _run_prism(keys: list[PrismKey]) -> list[str | None]:
    found: dict[PrismKey, str | None] = {}
    for flavour in dict.fromkeys(key[2] for key in keys):
        mine = [key for key in keys if key[2] == flavour]
        requests = json.dumps([[code, language] for code, language, _flavour in mine])
        found_json = js_call(flavour.engine, partial(_load_prism, flavour), "__hexoPrismMany", requests)
        found.update(zip(mine, json.loads(found_json), strict=True))
    return [found[key] for key in keys]


def prime_prism_engine(keys: Iterable[PrismKey]) -> None:
    """Highlight a post's blocks in one call into the engine, for ``prism`` to find."""
    _prime(keys, _PRISM_CACHE, prism_many, _remember_prism)


def _prism_engine(key: PrismKey) -> str | None:
    """Prism's HTML, None for a language Prism lacks; ImportError when mini-racer is missing."""
    if key not in _PRISM_CACHE:
        _remember_prism(key, prism_many([key])[0])
    return _PRISM_CACHE[key]


def _pygments_prism(code: str, lang: str) -> str | None:
    """Pygments mapped to Prism's classes: what stands in for Prism without mini-racer."""
    if _lexer(lang) is None:
        return None
    return "\n".join(_render_line(line) for line in _split_lines(_prism_pieces(code, lang)))


def _uses_prism_engine(config: Mapping[str, Any]) -> bool:
    return config.get("highlight_engine", "highlight.js") != "pygments"


def _prism_highlighted(key: PrismKey, lang: str, config: Mapping[str, Any]) -> str | None:
    """Prism's own HTML for the block; Pygments' stand-in when the site asks for it or V8 is missing."""
    if _uses_prism_engine(config):
        try:
            return _prism_engine(key)
        except ImportError:
            pass
    return _pygments_prism(key[0], lang.lower())


def prism(code: str, options: HighlightOptions, config: Mapping[str, Any]) -> str:
    """hexo-util ``prismHighlight()`` as Hexo's Prism adapter calls it."""
    from .html import escape_html

    settings = config.get("prismjs") or {}
    threshold = options.line_threshold or int(settings.get("line_threshold") or 0)
    use_numbers = settings.get("line_number", True) if options.line_number is None else options.line_number
    line_number = bool(use_numbers) and options.lines_length > threshold
    preprocess = settings.get("preprocess", True) is not False
    lang = options.lang or "none"
    if lang in (settings.get("exclude_languages") or []):
        return f'<pre><code class="{lang}">{escape_html(code)}</code></pre>'
    code = _prism_code(code, settings)
    flavour = prism_flavour(config)
    language = prism_language(lang, flavour)
    classes = (["line-numbers"] if line_number else []) + [f"language-{language}"]
    attrs = [f'data-language="{language}"'] if language != "none" else []
    if not preprocess:
        if line_number and options.first_line:
            attrs.append(f'data-start="{options.first_line}"')
        if options.mark:
            attrs.append(f'data-line="{",".join(str(n) for n in options.mark)}"')
            if options.first_line:
                attrs.append(f'data-line-offset="{options.first_line - 1}"')
    caption = f'<div class="caption">{options.caption}</div>' if options.caption else ""
    attr_text = (" " + " ".join(attrs)) if attrs else ""
    start = f'<pre class="{" ".join(classes)}"{attr_text}>{caption}<code class="language-{language}">'
    parsed: str | None = None
    if language != "none" and preprocess:
        parsed = _prism_highlighted((code, language, flavour), lang, config)
    if parsed is None:
        parsed = escape_html(code)
    if line_number and preprocess:
        rows = len(re.findall(r"\n(?!\Z)", parsed)) + 1
        parsed += f'<span aria-hidden="true" class="line-numbers-rows">{"<span></span>" * rows}</span>'
    return start + parsed + "</code></pre>"


def highlighter_of(config: Mapping[str, Any]) -> str:
    """``highlight.js``, ``prismjs`` or ``""`` (none), as the Hexo config chose."""
    value = config.get("syntax_highlighter")
    return value if value in ("highlight.js", "prismjs") else ""


def shared_hljs_class_prefix(config: Mapping[str, Any]) -> str:
    """The classPrefix a plugin's own highlight.js calls get under Node: the module is one for all, and
    hexo-util's highlight configures it on every block, ``hljs-`` with ``highlight.hljs``, else none."""
    if highlighter_of(config) != "highlight.js":
        return "hljs-"
    return "hljs-" if (config.get("highlight") or {}).get("hljs", False) else ""


def highlight(code: str, options: HighlightOptions, config: Mapping[str, Any]) -> str:
    """Run the site's highlighter (never called when it has none)."""
    if highlighter_of(config) == "prismjs":
        return prism(code, options, config)
    return highlight_js(code, options, config)


def _flag(value: str | None) -> bool | None:
    return None if value is None else value == "true"


def _number(value: str | None) -> int | None:
    try:
        return None if value is None else int(float(value))
    except ValueError:
        return None


def options_from(values: Mapping[str, str], code: str, lang: str = "", caption: str = "") -> HighlightOptions:
    """HighlightOptions from ``key:value`` strings (``line_number:false``, ``mark:1,3`` …), as Hexo reads them."""
    return HighlightOptions(
        lang=lang,
        caption=caption,
        line_number=_flag(values.get("line_number")),
        line_threshold=_number(values.get("line_threshold")),
        first_line=_number(values.get("first_line")) or 1,
        mark=parse_mark(values.get("mark", "")),
        language_attr=_flag(values.get("language_attr")),
        lines_length=len(code.split("\n")),
        first_line_number=_number(values.get("first_line_number")),
    )


def escape_braces(html: str) -> str:
    """Hexo entity-escapes braces in highlighted code so no tag can run inside it."""
    return html.replace("{", "&#123;").replace("}", "&#125;")
