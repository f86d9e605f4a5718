"""A site's ``hexo.extend``: what Hexo itself and the site's plugins register, at Hexo's own points.

In Hexo a plugin is a module that, when Hexo loads it, registers functions
into ``hexo.extend``: ``hexo.extend.filter.register(type, fn, priority)``
and its siblings for tags, renderers, generators and injectors (Hexo's
``lib/extend/``). Here a module per npm package (``plugins/``) registers into
an :class:`Extensions` the same way, and the site's ``package.json`` decides
which modules load (``plugins.load_extensions``).

Filters run as Hexo runs them: by priority, lowest first (10 when not
given), in registration order within a priority, each on what the one before
returned; a filter returning None leaves the value as it was. Hexo's
``after_post_render`` filters get the post and change ``post.content``, and
``after_render:html`` ones get a whole page; here both get the post's HTML and
the post being rendered, and return the new HTML. The page around the post is
Pelican's theme's, so a site-wide ``after_render:html`` filter is applied to
the post's body, which is where Hexo's and its plugins' filters make their
changes.

Renderers are Hexo's ``hexo.extend.renderer.register(ext, output, fn)``: the
Markdown renderer of a site is the one registered last for ``md`` (Hexo keeps
one function per extension, so a later registration replaces an earlier one).
A site none of whose modules registers one renders with the Markdown engine
its config picks (``engine.py``).

Generators are Hexo's ``hexo.extend.generator.register(name, fn)``: after
the posts are rendered, each gets the site's locals (``generators.SiteLocals``)
and returns routes, files of the site as ``(path, text)``, which
``generators.HexoGenerators`` writes into the output. Hexo keeps one function
per name, so a later registration under a name replaces the earlier one.
An ``after_render:html`` filter that edits a page's ``<head>`` (a feed's
autodiscovery link) registers as a page filter and runs on each HTML page
Pelican writes (``integration.run_page_filters``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

# The stages of a post's rendering a filter can register at, in the order a post passes them.
FILTER_STAGES = ("before_post_render", "after_post_render", "after_render:html")

Filter = Callable[[str, Any], "str | None"]

# hexo-renderer-marked's filter types, which get marked's objects rather than a post.
MARKED_STAGES = ("marked:renderer", "marked:tokenizer")


class MarkedHooks(Protocol):
    """What registers at ``marked:renderer`` / ``marked:tokenizer``: a source of method overrides."""

    # Hashable, and the same for the same overrides: the engine built for them is keyed on it.
    key: str

    def overridden(self, stage: str) -> tuple[str, ...]:
        """The names of the methods the filters at ``stage`` replace."""
        ...


@dataclass(frozen=True)
class RenderData:
    """Hexo's ``data`` for a renderer: the text, and ``path`` only when a whole post is rendered.

    Hexo gives ``path`` for a post and none for a tag's body, which is how a
    renderer tells the two apart (hexo-renderer-pandoc's ``standalone``).
    ``post`` is the ``PostEnvironment`` being rendered, for warnings.
    """

    text: str
    path: str | None
    post: Any


@dataclass(frozen=True)
class Route:
    """A file a generator makes: its path under the output (Hexo's ``route``) and its text.

    With a ``layout`` (Hexo's ``{path, layout, data}``, e.g. Fluid's ``404.html``) the route is a
    page of the theme rather than a text: ``layout`` names the layouts to try, first found wins,
    and ``data`` is then a mapping of the page's fields (``title``, ``content``, and whatever else
    the layout shows), which ``generators.HexoGenerators`` renders with the Pelican theme.
    """

    path: str
    data: str | Mapping[str, Any]
    layout: tuple[str, ...] = ()


# A generator gets the site's locals and returns its routes: one, several, or None for none.
Generator = Callable[[Any], "Route | list[Route] | None"]


# A renderer returns the HTML, or None when it could not render: the post then gets the default
# Markdown engine's HTML rather than none (Hexo would fail the build).
Renderer = Callable[[RenderData], "str | None"]


@dataclass(order=True)
class _Registered:
    priority: int
    order: int
    function: Filter = field(compare=False)


@dataclass
class Extensions:
    """The filters and renderers of one site, from Hexo itself and every plugin module its ``package.json`` loads."""

    _filters: dict[str, list[_Registered]] = field(default_factory=lambda: {stage: [] for stage in FILTER_STAGES})
    _count: int = 0
    # marked:renderer / marked:tokenizer: what registered there, in order (a later one wins a method).
    marked_hooks: list[MarkedHooks] = field(default_factory=list)
    # name → (function(args, body, ctx), ends): the site's own tags, over the built-in ones.
    tags: dict[str, tuple[Callable[..., str], bool]] = field(default_factory=dict)
    _renderers: dict[str, Renderer] = field(default_factory=dict)
    # name → function(locals): the site's generators, in registration order.
    generators: dict[str, Generator] = field(default_factory=dict)
    # after_render:html filters that need the whole written page (its <head>), not the post's body.
    page_filters: list[Filter] = field(default_factory=list)

    def register_filter(self, stage: str, function: Filter, priority: int = 10) -> None:
        """``hexo.extend.filter.register(stage, function, priority)``."""
        if stage not in self._filters:
            raise ValueError(f"no filter stage {stage!r}; the stages are {', '.join(FILTER_STAGES)}")
        self._count += 1
        bisect.insort(self._filters[stage], _Registered(int(priority), self._count, function))

    def register_marked(self, hooks: MarkedHooks) -> None:
        """``hexo.extend.filter.register('marked:renderer' | 'marked:tokenizer', ...)``, as one source of overrides."""
        self.marked_hooks.append(hooks)

    def register_tag(self, name: str, function: Callable[..., str], ends: bool = False) -> None:
        """``hexo.extend.tag.register(name, function, {ends})``."""
        self.tags[name] = (function, ends)

    def filters(self, stage: str) -> list[Filter]:
        return [registered.function for registered in self._filters[stage]]

    def run_filters(self, stage: str, html: str, post: Any) -> str:
        """Pass ``html`` through the filters of ``stage`` for ``post`` (a ``PostEnvironment``)."""
        for registered in self._filters[stage]:
            result = registered.function(html, post)
            if result is not None:
                html = result
        return html

    def register_renderer(self, extension: str, output: str, function: Renderer) -> None:
        """``hexo.extend.renderer.register(extension, output, function)``; only HTML output is rendered here."""
        if output == "html":
            self._renderers[extension.lstrip(".").lower()] = function

    def renderer(self, extension: str) -> Renderer | None:
        """The renderer registered last for ``extension``, or None when no module registered one."""
        return self._renderers.get(extension.lstrip(".").lower())

    def register_generator(self, name: str, function: Generator) -> None:
        """``hexo.extend.generator.register(name, function)``; a second one under ``name`` replaces the first."""
        self.generators[name] = function

    def register_page_filter(self, function: Filter) -> None:
        """An ``after_render:html`` filter that edits a page's ``<head>``: run on each written HTML page."""
        self.page_filters.append(function)
