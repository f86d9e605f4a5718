"""The Markdown engine, set up like the Hexo site's own renderer.

Hexo's renderers are CommonMark engines, so markdown-it-py is configured to
be one of them:

* hexo-renderer-marked 7 (Hexo's default): GFM tables and ``~`` strikethrough,
  ``breaks``, marked's autolinks and smartypants, heading ids from Hexo's
  ``slugize`` with the empty ``<a class="headerlink">`` marked emits; with
  hexo-renderer-marked 5 or older in the site's package.json / lock, marked 4's
  ids, emphasis, entities and list items (``marked_compat.marked4_plugin``);
* hexo-renderer-markdown-it (when the Hexo config has a ``markdown:``
  section): its ``preset``, ``render`` options, ``anchors`` and ``plugins``;
* hexo-renderer-markdown-it-plus (when the site loads that package):
  ``plugins/hexo_renderer_markdown_it_plus.py``.

An engine is built once per configuration and reused for every post.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from .html import encode_url, escape_attribute, escape_html, strip_html, unescape_html, url_is_safe
from .slug import HeadingIds, slugize

logger = logging.getLogger(__name__)

RenderRule = Callable[[RendererHTML, Sequence[Token], int, OptionsDict, EnvType], str]

MARKED = "marked"
MARKDOWN_IT = "markdown-it"
MARKDOWN_IT_PLUS = "markdown-it-plus"


def _plugin_footnote(md: MarkdownIt) -> None:
    from mdit_py_plugins.footnote import footnote_plugin

    md.use(footnote_plugin)


def _plugin_sub(md: MarkdownIt) -> None:
    from mdit_py_plugins.subscript import sub_plugin

    md.use(sub_plugin)


def _plugin_sup(md: MarkdownIt) -> None:
    from mdit_py_plugins.superscript import superscript_plugin

    md.use(superscript_plugin)


def _plugin_deflist(md: MarkdownIt) -> None:
    from mdit_py_plugins.deflist import deflist_plugin

    md.use(deflist_plugin)


def _plugin_ins(md: MarkdownIt) -> None:
    from .inline_marks import ins_plugin

    md.use(ins_plugin)


def _plugin_mark(md: MarkdownIt) -> None:
    from .inline_marks import mark_plugin

    md.use(mark_plugin)


def _plugin_tasklists(md: MarkdownIt) -> None:
    from mdit_py_plugins.tasklists import tasklists_plugin

    md.use(tasklists_plugin)


# hexo-renderer-markdown-it plugin names → Python ports that need no module of their own. A plugin
# ported in plugins/ (``markdown-it-abbr`` → ``plugins/markdown_it_abbr.py``, its ``use``) comes first;
# see markdown_it_plugin. The others (markdown-it-attrs, ...) are skipped with a warning.
MARKDOWN_IT_PLUGINS: dict[str, Callable[[MarkdownIt], None]] = {
    "markdown-it-footnote": _plugin_footnote,
    "markdown-it-sub": _plugin_sub,
    "markdown-it-sup": _plugin_sup,
    "markdown-it-deflist": _plugin_deflist,
    "markdown-it-ins": _plugin_ins,
    "markdown-it-mark": _plugin_mark,
    "markdown-it-task-lists": _plugin_tasklists,
    "markdown-it-task-checkbox": _plugin_tasklists,
}


def markdown_it_plugin(name: str) -> Callable[[MarkdownIt, Any], None] | None:
    """The port of the markdown-it plugin ``name``, called as ``parser.use(plugin, options)``; None if none.

    Its module in ``plugins/`` when there is one (with ``use(md, options)``), else ``MARKDOWN_IT_PLUGINS``.
    """
    from .plugins import plugin_module

    use = getattr(plugin_module(name), "use", None)
    if use is not None:
        return use
    simple = MARKDOWN_IT_PLUGINS.get(name)
    return None if simple is None else lambda md, options=None: simple(md)


def _plugin_names(plugins: object) -> list[str]:
    return [name for name, _options in _plugin_entries(plugins)]


def _plugin_entries(plugins: object) -> list[tuple[str, str]]:
    """``markdown.plugins`` as (name, its ``options`` as JSON): a name alone, or ``{name, options}``."""
    entries = []
    for plugin in plugins if isinstance(plugins, list) else []:
        name = plugin.get("name") if isinstance(plugin, Mapping) else plugin
        options = plugin.get("options") if isinstance(plugin, Mapping) else None
        if isinstance(name, str):
            entries.append((name, json.dumps(options, sort_keys=True, default=str)))
    return entries


# Hexo's stand-ins for tags, code blocks and (in a post with tags) HTML comments; ours are ``<!--hexo…-->``.
_STAND_IN = re.compile(r"<!--hexo(?:tag|code)\ufffc\d+-->")
_COMMENT = re.compile(r"<!--[\s\S]*?-->")
# Hexo's ``rSwigTag``: a post where it matches has its tags and HTML comments escaped before Markdown.
_SWIG = re.compile(r"(\{\{.+?\}\})|(\{#.+?#\})|(\{%.+?%\})", re.DOTALL)


def placeholders_without_html(md: MarkdownIt) -> None:
    """``render.html: false`` escapes raw HTML, but not the stand-ins Hexo put in the text.

    Hexo's stand-ins are HTML comments, which markdown-it then escapes; Hexo's restore
    accepts the escaped ``&lt;!--`` form too, so a tag still renders, inside a ``<p>``, and
    an HTML comment of a post with tags (stashed and restored by Hexo) stays a comment.
    Where ``typographer`` is on, markdown-it turns the stand-in's ``--`` into an en dash and
    Hexo printed the stand-in as text; here the tag renders (docs/packages.md).
    """

    def stand_in(state: Any, silent: bool) -> bool:
        if state.src[state.pos] != "<":
            return False
        match = _STAND_IN.match(state.src, state.pos)
        if match is None and state.env.get("hexo_raw_comments"):
            match = _COMMENT.match(state.src, state.pos)
        if match is None:
            return False
        if not silent:
            token = state.push("html_inline", "", 0)
            token.content = match.group(0)
        state.pos = match.end()
        return True

    md.inline.ruler.before("html_inline", "hexo_stand_in", stand_in)


def comments_are_stashed(source: str, hexo_version: tuple[int, ...] | None) -> bool:
    """Whether Hexo stashed the post's HTML comments before Markdown.

    Hexo 8 does when any tag syntax is present; Hexo 7.3 left them in the text (both seen
    with hexo-oracle, ``tests/fixtures/plugins/hexo-renderer-markdown-it*``).
    """
    return (hexo_version is None or hexo_version >= (8,)) and _SWIG.search(source) is not None


def marked_generation(config: Mapping[str, Any]) -> int:
    """The major version of marked the site's hexo-renderer-marked bundles, where it changes HTML.

    4 for hexo-renderer-marked 5 and older (marked 4, checked on 5.0.0), else 15 (7's, the
    default when the site's package.json does not say).
    """
    package = getattr(config, "package", None)
    version = package.versions.get("hexo-renderer-marked") if package is not None else None
    return 4 if version and version[0] <= 5 else 15


class EngineSpec:
    """The renderer settings that change HTML, read from a Hexo config; hashable."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        from .plugins import hexo_renderer_markdown_it_plus as plus

        if plus.renders(config):
            # The package in the site's plugins is the renderer; its `markdown_it_plus:` section sets it up.
            self.flavour = MARKDOWN_IT_PLUS
            self.__dict__.update(plus.spec_fields(config))
            return
        markdown = config.get("markdown")
        self.flavour = MARKDOWN_IT if isinstance(markdown, Mapping) else MARKED
        if self.flavour == MARKDOWN_IT:
            render = {
                "html": True,
                "xhtmlOut": False,
                "breaks": True,
                "linkify": True,
                "typographer": True,
                "langPrefix": "language-",
            }
            render.update(markdown.get("render") or {})
            anchors = {"level": 2, "case": 0, "separator": "-", "permalink": False}
            anchors.update(markdown.get("anchors") or {})
            self.preset = str(markdown.get("preset") or "default")
            self.render = tuple(sorted((k, v) for k, v in render.items() if isinstance(v, (bool, str, int))))
            self.anchor_level = int(anchors.get("level") or 1)
            self.anchor_case = int(anchors.get("case") or 0)
            self.anchor_separator = str(anchors.get("separator") or "-")
            self.headerlink = bool(anchors.get("permalink"))
            self.first_duplicate = 2
            self.plugins = tuple(_plugin_names(markdown.get("plugins")))
            self.plugin_options = tuple(options for _name, options in _plugin_entries(markdown.get("plugins")))
        else:
            marked = config.get("marked") or {}
            self.preset = "commonmark"
            # hexo-renderer-marked's switches, each on unless the site turned it off.
            switches = ("breaks", "smartypants", "autolink", "descriptionLists")
            self.render = tuple((name, marked.get(name, True) is not False) for name in switches)
            self.anchor_level = 1 if marked.get("headerIds", True) else 7
            self.anchor_case = int(marked.get("modifyAnchors") or 0)
            self.anchor_separator = "-"
            self.headerlink = True
            self.first_duplicate = 1
            self.plugins = ()
            self.marked = marked_generation(config)
            from .local_scripts import local_scripts

            # The site's marked:renderer / marked:tokenizer scripts, and the methods they replace.
            scripts = local_scripts(config)
            self.local_scripts = scripts.engine_key() if scripts is not None else ()

    def key(self) -> tuple:
        return tuple(sorted(vars(self).items()))


_MATH_CLOSERS = {"$": "$", "$$": "$$", "\\(": "\\)", "\\[": "\\]"}


def _math_as_source(children: Sequence[Token]) -> list[Token]:
    """A heading's tokens with formulas as the TeX the author wrote.

    Hexo's renderers had no math: the id of ``## The $\\Gamma$ function`` was
    made from its source text, so old deep links need the same here.
    """
    out = []
    for child in children:
        if child.type.startswith("math"):
            text = Token("text", "", 0)
            text.content = child.markup + child.content + _MATH_CLOSERS.get(child.markup, child.markup)
            child = text
        out.append(child)
    return out


def _heading_open(
    spec: EngineSpec,
) -> Callable[[RendererHTML, Sequence[Token], int, OptionsDict, EnvType], str]:
    def render(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        level = int(token.tag[1:])
        if level < spec.anchor_level:
            return self.renderToken(tokens, idx, options, env)
        inline = tokens[idx + 1]
        children = _math_as_source(inline.children or [])
        if spec.flavour == MARKED and getattr(spec, "marked", 15) == 4:
            from .marked_compat import marked4_heading_text

            text = marked4_heading_text(children)
        elif spec.flavour == MARKED:
            text = strip_html(unescape_html(self.renderInline(children, options, env))).strip()
        else:
            text = strip_html("".join(child.content for child in children))
        ids = env.setdefault("heading_ids", HeadingIds(spec.first_duplicate))
        slug = ids.unique(slugize(text, spec.anchor_separator, spec.anchor_case))
        token.attrSet("id", slug)
        html = self.renderToken(tokens, idx, options, env)
        if spec.headerlink:
            title = escape_html(strip_html(self.renderInline(children, options, env)))
            html += f'<a href="#{slug}" class="headerlink" title="{title}"></a>'
        return html

    return render


def _image(spec: EngineSpec, default: Callable[[Sequence[Token], int, OptionsDict, EnvType], str]) -> RenderRule:
    def render(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        resolve = env.get("resolve_image")
        token = tokens[idx]
        src = token.attrGet("src")
        if resolve and isinstance(src, str):
            src = resolve(src)
            token.attrSet("src", src)
        if spec.flavour != MARKED:
            return default(tokens, idx, options, env)
        # hexo-renderer-marked leaves alt out when it is empty.
        alt = self.renderInlineAsText(token.children or [], options, env)
        title = token.attrGet("title")
        return (
            f'<img src="{escape_attribute(str(src))}"'
            + (f' alt="{escape_attribute(alt)}"' if alt else "")
            + (f' title="{escape_attribute(str(title))}"' if title else "")
            + ">"
        )

    return render


def _marked_link_open(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    # hexo-renderer-marked writes every href through encodeURL of its own hexo-util (3 in its 7.x,
    # 2 before): the query as written, the host in Unicode (hexo-oracle, Hexo 8).
    href = tokens[idx].attrGet("href")
    if isinstance(href, str):
        tokens[idx].attrSet("href", encode_url(href, query_as_params=False))
    return self.renderToken(tokens, idx, options, env)


# URLs the engine refused while parsing the current text; validateLink gets no env,
# so the pipeline collects them here to warn with a line.
refused_urls: ContextVar[list[str] | None] = ContextVar("refused_urls", default=None)


def _validate_link(url: str) -> bool:
    # The same rule as every tag's URLs (html.url_is_safe), not markdown-it's own list:
    # a refused link stays as its source text, and the pipeline reports it.
    if url_is_safe(url, image=True):
        return True
    found = refused_urls.get()
    if found is not None:
        found.append(url)
    return False


@lru_cache(maxsize=16)
def _build(spec_key: tuple) -> MarkdownIt:
    spec = dict(spec_key)
    flavour = spec["flavour"]
    render = dict(spec["render"])
    if flavour == MARKED:
        from .marked_compat import marked_compat_plugin

        md = MarkdownIt("commonmark", {"html": True, "xhtmlOut": False, "breaks": render.get("breaks", True)})
        md.enable(["table"])
        _plugin_tasklists(md)
        md.use(marked_compat_plugin)
        if spec.get("marked") == 4:
            from .marked_compat import marked4_plugin

            md.use(marked4_plugin)
        for switch, rule in (
            ("smartypants", "marked_smartypants"),
            ("autolink", "marked_url"),
            ("descriptionLists", "marked_dl"),
        ):
            if not render.get(switch, True):
                md.disable(rule)
    elif flavour == MARKDOWN_IT_PLUS:
        from .plugins.hexo_renderer_markdown_it_plus import build_engine

        md = build_engine(spec)
    else:
        preset = {"default": "js-default", "commonmark": "commonmark", "zero": "zero"}.get(spec["preset"], "js-default")
        options = {
            "html": bool(render.get("html", True)),
            "xhtmlOut": bool(render.get("xhtmlOut", False)),
            "breaks": bool(render.get("breaks", True)),
            "linkify": bool(render.get("linkify", True)),
            "typographer": bool(render.get("typographer", True)),
            "langPrefix": str(render.get("langPrefix", "language-")),
        }
        md = MarkdownIt(preset, options)
        if not options["html"]:
            md.use(placeholders_without_html)
        for name, options in zip(spec["plugins"], spec["plugin_options"], strict=True):
            use = markdown_it_plugin(name)
            if use is None:
                logger.warning("Markdown plugin %s has no Python port in pelican_hexo_tags; skipped", name)
                continue
            try:
                use(md, json.loads(options))
            except ImportError as error:
                logger.warning("Markdown plugin %s needs %s; skipped", name, error.name)
    md.validateLink = _validate_link
    from .math import math_plugin

    # Math is parsed on every site so Markdown never touches it; env["hexo_math"] decides its HTML.
    math_plugin(md)
    engine_spec = EngineSpec.__new__(EngineSpec)
    engine_spec.__dict__.update(spec)
    if flavour == MARKDOWN_IT_PLUS:
        from .plugins.hexo_renderer_markdown_it_plus import finish_engine

        finish_engine(md, spec)
    else:
        md.add_render_rule("heading_open", _heading_open(engine_spec))
    md.add_render_rule("image", _image(engine_spec, md.renderer.rules["image"]))
    if flavour == MARKED:
        md.add_render_rule("link_open", _marked_link_open)
        if spec.get("local_scripts"):
            from .local_scripts import marked_bridge_plugin

            # Last, so the script's methods wrap the rules above, which answer for the originals.
            marked_bridge_plugin(md, spec["local_scripts"], render.get("smartypants", True))
    return md


def markdown_engine(config: Mapping[str, Any]) -> tuple[MarkdownIt, EngineSpec]:
    """The (shared) engine for a Hexo config, and the spec it was built from."""
    spec = EngineSpec(config)
    return _build(spec.key()), spec
