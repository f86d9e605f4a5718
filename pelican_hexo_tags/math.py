"""TeX math: kept away from Markdown, then rendered the way the Hexo site rendered it.

Markdown never sees math: markdown-it-py parses ``$…$``, ``$$…$$``, ``\\(…\\)``,
``\\[…\\]`` and top-level ``\\begin{env}…\\end{env}`` as math tokens, so an
``_`` in a formula never becomes ``<em>``. What a token turns into depends on
how the site's Hexo made math (:func:`math_mode`):

* ``server``: the site rendered math at build time (hexo-renderer-markdown-it
  with a KaTeX plugin, hexo-filter-mathjax, hexo-math, a theme whose KaTeX
  option needs a server renderer). KaTeX's own JavaScript runs here in an
  embedded V8 (mini-racer) and gives its HTML+MathML; pages need only the
  shipped stylesheet, no script.
* ``client``: a theme script typeset math in the browser (NexT/Butterfly
  MathJax, ``mathjax: true`` in front matter). Math is kept as TeX between
  ``\\(…\\)``/``\\[…\\]`` in ``<span class="math …">`` (pandoc's markup, which
  MathJax and KaTeX auto-render both find) and the page gets a script.
* ``text``: no math set-up: the TeX is shown as written, untouched by Markdown.
* ``filter``: the site loads hexo-filter-mathjax, which typesets the post's HTML after Markdown
  (``plugins/hexo_filter_mathjax.py``). Markdown reads no math, as the site's renderer read
  none: TeX is text to it (``\\\\`` is ``\\``, ``*a*`` emphasis), and the filter finds what is left.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from .config import theme_settings
from .html import escape_attribute
from .js_runtime import js_call, read_static
from .page_state import PageState

logger = logging.getLogger(__name__)

SERVER = "server"
CLIENT = "client"
TEXT = "text"
FILTER = "filter"

# hexo-renderer-markdown-it plugins that typeset math while Hexo builds.
_SERVER_PLUGINS = re.compile(r"katex|texmath|mathjax|markdown-it-math", re.IGNORECASE)
# hexo-filter-mathjax's own keys, which tell its `mathjax:` section from a theme's.
_FILTER_MATHJAX_KEYS = {"single_dollars", "every_page", "cjk_width", "normal_width", "append_css", "extension_options"}
_TRUE = {True, "true", "yes", "on"}


# --- which mode a page is in -------------------------------------------------------------------------


def _truthy(value: Any) -> bool:
    # Front matter can hold any YAML (a list is unhashable): only scalars can be "true".
    if not isinstance(value, (bool, int, float, str)):
        return False
    return value in _TRUE or (isinstance(value, str) and value.lower() in {"true", "yes", "on", "1"})


def _markdown_plugins(config: Mapping[str, Any]) -> list[str]:
    from .plugins.hexo_renderer_markdown_it_plus import enabled_plugin_names

    # hexo-renderer-markdown-it-plus uses its KaTeX plugin unless the site turns it off.
    names = enabled_plugin_names(config)
    for key in ("markdown", "markdown_it_plus"):
        section = config.get(key)
        plugins = section.get("plugins") if isinstance(section, Mapping) else None
        for plugin in plugins if isinstance(plugins, list) else []:
            name = plugin.get("name") if isinstance(plugin, Mapping) else plugin
            if isinstance(name, str):
                names.append(name)
    return names


def _enabled(section: Any) -> bool:
    if isinstance(section, Mapping):
        return _truthy(section.get("enable", section.get("enabled", False)))
    return _truthy(section)


def _theme_math(theme: Mapping[str, Any]) -> tuple[str, bool] | None:
    """(engine, on every page) when the theme config turns math on, else None.

    NexT ``math: {every_page, mathjax/katex: {enable}}``, Butterfly ``math: {use, per_page}``,
    Fluid ``post: {math: {enable, specific, engine}}``, Stellar ``plugins: {mathjax/katex: {enable}}``.
    """
    math = theme.get("math")
    if isinstance(math, Mapping):
        for engine in ("mathjax", "katex"):
            if _enabled(math.get(engine)):
                return engine, _truthy(math.get("every_page", True))
        if isinstance(math.get("use"), str) and math["use"]:
            return str(math["use"]).lower(), _truthy(math.get("per_page", True))
    post = theme.get("post")
    fluid = post.get("math") if isinstance(post, Mapping) else None
    if isinstance(fluid, Mapping) and _enabled(fluid):
        return str(fluid.get("engine") or "mathjax").lower(), not _truthy(fluid.get("specific", False))
    plugins = theme.get("plugins")
    if isinstance(plugins, Mapping):
        for engine in ("mathjax", "katex"):
            if _enabled(plugins.get(engine)):
                return engine, False
    return None


def _loads_filter_mathjax(config: Mapping[str, Any]) -> bool:
    # The site's package.json (HexoConfig.plugins); `hexo init`'s packages do not include it.
    return "hexo-filter-mathjax" in (getattr(config, "plugins", None) or ())


def math_mode(config: Mapping[str, Any], metadata: Mapping[str, Any], settings: Mapping[str, Any]) -> str:
    """``server``, ``client`` or ``text`` for one page; ``HEXO_MATH`` overrides the guess."""
    forced = settings.get("HEXO_MATH", "auto")
    if forced is False or forced in ("text", "off", "none"):
        return TEXT
    if forced in ("server", "katex"):
        return SERVER
    if forced == "client":
        return CLIENT
    page_asks = any(_truthy(metadata.get(key)) for key in ("mathjax", "katex", "math"))
    if any(_SERVER_PLUGINS.search(name) for name in _markdown_plugins(config)):
        return SERVER
    if _loads_filter_mathjax(config):
        return FILTER
    filter_mathjax = config.get("mathjax")
    if isinstance(filter_mathjax, Mapping) and _FILTER_MATHJAX_KEYS & set(filter_mathjax):
        # hexo-filter-mathjax typesets pages that ask, or all with every_page.
        return SERVER if page_asks or _truthy(filter_mathjax.get("every_page")) else TEXT
    hexo_math = config.get("math") or config.get("katex")
    if isinstance(hexo_math, Mapping) and ({"katex", "mathjax", "options", "css"} & set(hexo_math)):
        return SERVER
    themed = _theme_math(theme_settings(config))
    if themed:
        engine, every_page = themed
        if every_page or page_asks:
            # Themes' KaTeX options only add the stylesheet: a server renderer made the HTML.
            return SERVER if engine == "katex" else CLIENT
        return TEXT
    return CLIENT if page_asks else TEXT


def katex_macros(config: Mapping[str, Any], settings: Mapping[str, Any]) -> dict[str, str]:
    """Macros for KaTeX: hexo-filter-mathjax's ``extension_options.macros`` plus ``HEXO_KATEX_MACROS``."""
    macros: dict[str, str] = {}
    filter_mathjax = config.get("mathjax")
    if isinstance(filter_mathjax, Mapping):
        options = filter_mathjax.get("extension_options")
        found = options.get("macros") if isinstance(options, Mapping) else None
        for name, value in (found or {}).items():
            # MathJax writes a macro with arguments as [body, count]; KaTeX counts #n itself.
            body = value[0] if isinstance(value, list) and value else value
            macros["\\" + str(name).lstrip("\\")] = str(body)
    for name, value in (settings.get("HEXO_KATEX_MACROS") or {}).items():
        macros["\\" + str(name).lstrip("\\")] = str(value)
    return macros


# --- KaTeX in an embedded engine ---------------------------------------------------------------------


# Older KaTeX releases shipped beside static/katex/, for renderers that pinned one: KaTeX's
# markup changes between releases (0.12 writes \mathrm{ab} as one span per letter, 0.16 as one).
KATEX_RELEASES = ("0.12.0",)


def _katex_folder(release: str | None) -> str:
    if release is None:
        return "katex"
    if release not in KATEX_RELEASES:
        raise ValueError(f"no KaTeX {release} shipped; there are {', '.join(KATEX_RELEASES)}")
    return f"katex-{release}"


def _katex_loader(folder: str) -> Callable[[Any], None]:
    def load(context: Any) -> None:
        context.eval(read_static(folder, "katex.min.js"))
        context.eval("function __hexoKatex(tex, options) { return katex.renderToString(tex, JSON.parse(options)); }")

    return load


@lru_cache(maxsize=8192)
def _render_katex_cached(tex: str, display: bool, macros_json: str, release: str | None) -> str:
    options = {"displayMode": display, "throwOnError": False, "output": "htmlAndMathml", "strict": "ignore"}
    options["macros"] = json.loads(macros_json)
    folder = _katex_folder(release)
    return str(js_call(folder, _katex_loader(folder), "__hexoKatex", tex, json.dumps(options)))


def render_katex(
    tex: str, display: bool = False, macros: Mapping[str, str] | None = None, release: str | None = None
) -> str:
    """KaTeX's ``renderToString``: HTML+MathML; a TeX error gives KaTeX's red error span.

    ``release`` is one of :data:`KATEX_RELEASES`, for a renderer that typeset with that KaTeX;
    None is the current KaTeX of ``static/katex/``.
    """
    return _render_katex_cached(tex, display, json.dumps(dict(macros or {}), sort_keys=True), release)


# --- tokens to HTML ----------------------------------------------------------------------------------


class MathRenderer:
    """Turns one math token into HTML for a page, and notes that the page has math."""

    def __init__(self, mode: str, macros: Mapping[str, str] | None = None, page_state: PageState | None = None) -> None:
        self.mode = mode
        self.macros = dict(macros or {})
        self.page_state = page_state if page_state is not None else PageState()

    def render(self, tex: str, display: bool, block: bool, source: str, environment: bool = False) -> str:
        if self.mode == SERVER:
            self.page_state.math = SERVER
            html = render_katex(tex, display, self.macros)
            return f'<p class="katex-block">{html}</p>\n' if block else html
        if self.mode == CLIENT:
            self.page_state.math = CLIENT
            delimited = f"\\[{tex}\\]" if display else f"\\({tex}\\)"
            text = tex if environment else delimited
            kind = "display" if display else "inline"
            if block:
                return f'<div class="math {kind}">{escapeHtml(text)}</div>\n'
            return f'<span class="math {kind}">{escapeHtml(text)}</span>'
        return f"<p>{escapeHtml(source)}</p>\n" if block else escapeHtml(source)


def _renderer(env: EnvType) -> MathRenderer:
    found = env.get("hexo_math") if isinstance(env, dict) else None
    return found if isinstance(found, MathRenderer) else MathRenderer(TEXT)


def _restore_tags(text: str, env: EnvType) -> str:
    """A tag placeholder inside math is TeX (``{{a}}``): put its source back."""
    restore = env.get("tag_source") if isinstance(env, dict) else None
    if restore is None or "<!--hexo" not in text:
        return text
    from .lexer import PLACEHOLDER_RE

    return PLACEHOLDER_RE.sub(lambda m: restore(m.group(1), int(m.group(2))) or m.group(0), text)


def _rule(display: bool, block: bool, opener: str, closer: str, environment: bool = False) -> Callable:
    def render(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        content = _restore_tags(tokens[idx].content, env)
        tex = content.strip() if block else content
        if environment:
            source = content
        elif opener.startswith("\\") and _renderer(env).mode == TEXT:
            # Without math, Markdown reads \( and \[ as escaped brackets.
            source = f"{opener[1:]}{content}{closer[1:]}"
        else:
            source = f"{opener}{content}{closer}"
        return _renderer(env).render(tex, display, block, source, environment)

    return render


def _bracket_rules(md: MarkdownIt) -> None:
    from mdit_py_plugins.texmath.index import make_block_func, make_inline_func

    inline = {"name": "math_inline_bracket", "rex": re.compile(r"^\\\((.+?)\\\)", re.DOTALL), "tmpl": "", "tag": "\\("}
    inline_display = {
        "name": "math_display_bracket",
        "rex": re.compile(r"^\\\[(.+?)\\\]", re.DOTALL),
        "tmpl": "",
        "tag": "\\[",
    }
    block = {
        "name": "math_block_bracket",
        "rex": re.compile(r"^\\\[([\s\S]+?)\\\]", re.MULTILINE),
        "tmpl": "",
        "tag": "\\[",
    }
    md.inline.ruler.before("escape", "math_inline_bracket", make_inline_func(inline))
    md.inline.ruler.before("escape", "math_display_bracket", make_inline_func(inline_display))
    md.block.ruler.before("fence", "math_block_bracket", make_block_func(block), {"alt": ["paragraph"]})


def math_plugin(md: MarkdownIt) -> None:
    """Parse every TeX delimiter Hexo math set-ups know; render through ``env["hexo_math"]``."""
    from mdit_py_plugins.amsmath import amsmath_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    # markdown-it-katex's and pandoc's rule: no space inside the dollars, no digit after the closing one.
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True, allow_labels=False)
    md.use(amsmath_plugin)
    _bracket_rules(md)
    md.add_render_rule("math_inline", _rule(False, False, "$", "$"))
    md.add_render_rule("math_inline_double", _rule(True, False, "$$", "$$"))
    md.add_render_rule("math_block", _rule(True, True, "$$", "$$"))
    md.add_render_rule("amsmath", _rule(True, True, "", "", environment=True))
    md.add_render_rule("math_inline_bracket", _rule(False, False, "\\(", "\\)"))
    md.add_render_rule("math_display_bracket", _rule(True, False, "\\[", "\\]"))
    md.add_render_rule("math_block_bracket", _rule(True, True, "\\[", "\\]"))
    for ruler in (md.inline.ruler, md.block.ruler):
        for rule in ruler.__rules__:
            if rule.name in _MATH_RULES:
                ruler.at(rule.name, _unless_filtered(rule.fn, _INLINE_OPENERS.get(rule.name)), {"alt": list(rule.alt)})


_MATH_RULES = {"math_inline", "math_block", "amsmath", "math_inline_bracket", "math_display_bracket"}
_MATH_RULES |= {"math_block_bracket"}
# The character an inline rule's delimiter starts with: markdown-it tries each inline rule at every
# position no earlier rule took, 414,000 times over the 1,000-post benchmark site.
_INLINE_OPENERS = {"math_inline": "$", "math_inline_bracket": "\\", "math_display_bracket": "\\"}


def _unless_filtered(rule: Callable[..., bool], opener: str | None = None) -> Callable[..., bool]:
    def parse(state: Any, *args: Any) -> bool:
        if opener is not None and state.src[state.pos] != opener:
            return False
        # A math filter reads the HTML after Markdown, and a site with no math set-up has none:
        # either way the Markdown renderer knew no math, and `$PATH … $PATH` is plain text.
        if _renderer(state.env).mode in (FILTER, TEXT):
            return False
        return rule(state, *args)

    return parse


def mermaid_block(code: str, page_state: PageState) -> str:
    """A diagram as mermaid.js finds it (``<pre class="mermaid">``); the page then loads mermaid."""
    page_state.mermaid = True
    return f'<pre class="mermaid">{escapeHtml(code)}</pre>'


# --- what a page with math or diagrams needs -----------------------------------------------------------

DEFAULT_MERMAID_URL = "https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.min.js"
_AUTO_RENDER_OPTIONS = (
    "{delimiters:["
    "{left:'$$',right:'$$',display:true},{left:'\\\\[',right:'\\\\]',display:true},"
    "{left:'\\\\(',right:'\\\\)',display:false}"
    "],throwOnError:false}"
)


def page_assets(page_state: PageState, settings: Mapping[str, Any], url_for: Callable[[str], str]) -> str:
    """The ``<link>``/``<script>`` a page's math and diagrams need, or ``""``.

    Server math needs KaTeX's stylesheet; client math the typesetting script
    (``HEXO_MATH_SCRIPT``, else the shipped KaTeX auto-render); diagrams
    mermaid.js from ``HEXO_MERMAID_URL``.
    """
    out = []
    math = page_state.math
    if math:
        # Markup from an older KaTeX (KATEX_RELEASES) needs that release's stylesheet and fonts:
        # class names change between releases (0.12's .base is 0.19's .katex-base).
        folder = _katex_folder(page_state.katex_release if math == SERVER else None)
        page_state.bundles.add(folder)
        base = url_for(f"hexo-tags/{folder}/")
    if math == SERVER or (math == CLIENT and not settings.get("HEXO_MATH_SCRIPT")):
        out.append(f'<link rel="stylesheet" href="{base}katex.min.css">')
    if math == CLIENT:
        script = settings.get("HEXO_MATH_SCRIPT")
        if script:
            out.append(f'<script defer src="{escape_attribute(str(script))}"></script>')
        else:
            out.append(f'<script defer src="{base}katex.min.js"></script>')
            out.append(
                f'<script defer src="{base}contrib/auto-render.min.js" '
                f'onload="renderMathInElement(document.body,{_AUTO_RENDER_OPTIONS})"></script>'
            )
    if page_state.mermaid:
        url = settings.get("HEXO_MERMAID_URL") or DEFAULT_MERMAID_URL
        out.append(
            f'<script defer src="{escape_attribute(str(url))}" '
            'onload="mermaid.initialize({startOnLoad:true})"></script>'
        )
    return "".join(out)
