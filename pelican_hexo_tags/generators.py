"""Hexo's generators in a Pelican build: the files a site's plugins add beside its pages.

A Hexo plugin such as hexo-generator-feed registers a generator
(``hexo.extend.generator.register``, kept in ``Extensions.generators``); after
the posts are rendered Hexo calls each with the site's *locals* (posts,
pages, tags, categories) and writes the routes it returns: ``atom.xml``,
``sitemap.xml``, ``search.xml``. Here :class:`HexoGenerators`, a Pelican
generator joined through ``get_generators``, does the same once Pelican's
article and page generators have read and rendered everything: in
``generate_output`` (after ``all_generators_finalized``, so post links are
resolved), it builds :class:`SiteLocals` from their content and writes each
route through Pelican's writer, so the incremental writer keeps a file whose
text is what the last build wrote, and ``content_written`` is sent as for
any page. A route with a layout (a theme's own page, Fluid's ``404.html``) is
rendered with the Pelican theme's template of that name, else its ``page.html``.

Locals are built once per build, in one pass over the posts (a 10,000-post
site costs a few milliseconds here; the generators themselves are linear).
Hexo's ``locals.posts`` holds published posts in the order Hexo read them;
here that is source-path order, and each generator sorts as its package does
(:func:`sort_posts`, warehouse's ``sort('-date')``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pelican.generators import Generator, PelicanTemplateNotFound
from pelican.writers import FileOverwriteFailedError

from .config import HexoConfig, hexo_config_from_settings
from .extend import Route
from .nunjucks import to_string
from .tags.builtin import full_url_for

logger = logging.getLogger(__name__)

_UTC = dt.timezone.utc


@dataclass(frozen=True)
class Taxon:
    """A Hexo tag or category: its name, its path under the site root, its full URL."""

    name: str
    path: str
    permalink: str


@dataclass
class SitePost:
    """A post or page as Hexo's generators see it (``post.title``, ``post.permalink``, ...)."""

    title: str
    date: dt.datetime
    updated: dt.datetime | None
    path: str
    permalink: str
    content: str
    excerpt: str
    source: str
    front_matter: Mapping[str, Any]
    tags: list[Taxon]
    categories: list[Taxon]
    is_page: bool = False
    source_path: str = ""

    def get(self, key: str, default: Any = None) -> Any:
        """A front-matter field (``post.description``, ``post.sitemap``)."""
        return self.front_matter.get(key, default)

    @cached_property
    def raw(self) -> str:
        """Hexo's ``post._content``: the Markdown source after the front matter."""
        from .frontmatter import split_front_matter

        try:
            with open(self.source_path, encoding="utf-8-sig") as handle:
                text = handle.read()
        except OSError:
            return ""
        return split_front_matter(text.replace("\r\n", "\n"))[1]


@dataclass
class SiteLocals:
    """Hexo's ``locals``: ``posts``, ``pages``, ``tags``, ``categories``, and the site's config."""

    posts: list[SitePost]
    pages: list[SitePost]
    tags: list[Taxon]
    categories: list[Taxon]
    config: HexoConfig
    extra: dict[str, Any] = field(default_factory=dict)


def iso_utc(value: dt.datetime) -> str:
    """JavaScript's ``Date.toISOString()``: UTC, milliseconds, ``Z``."""
    moment = value.astimezone(_UTC) if value.tzinfo else value
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def utc_string(value: dt.datetime) -> str:
    """JavaScript's ``Date.toUTCString()``: ``Wed, 01 Jan 2020 00:00:00 GMT``."""
    moment = value.astimezone(_UTC) if value.tzinfo else value
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{days[moment.weekday()]}, {moment.day:02d} {months[moment.month - 1]} {moment:%Y %H:%M:%S} GMT"


def _sort_value(post: SitePost, key: str) -> Any:
    if key in ("date", "updated"):
        value = getattr(post, key) or post.date
        return value.timestamp() if value.tzinfo else value.replace(tzinfo=_UTC).timestamp()
    if key in ("title", "path", "source"):
        return str(getattr(post, key))
    value = post.get(key)
    return (value is not None, str(value) if value is not None else "")


def sort_posts(posts: Sequence[SitePost], order_by: Any) -> list[SitePost]:
    """Warehouse's ``query.sort('-date title')``: fields in order, ``-`` descending; stable."""
    from .list_pages import order_keys

    fields = order_keys(order_by)
    ordered = list(posts)
    # Python's sort is stable: sorting by the last field first gives the combined order.
    for spec in reversed([f for f in fields if f.strip("-")]):
        key = spec.lstrip("-")
        ordered.sort(key=lambda post: _sort_value(post, key), reverse=spec.startswith("-"))
    return ordered


class _Taxonomy:
    """Hexo's Tag and Category models: one entry per name (per parent chain), in creation order."""

    def __init__(self, config: HexoConfig) -> None:
        self.config = config
        self.found: dict[tuple[str, ...], Taxon] = {}

    def tag(self, name: str) -> Taxon:
        from .plugins.hexo_generator_tag import tag_slug

        key = ("tag", name)
        if key not in self.found:
            directory = str(self.config.get("tag_dir") or "tags").strip("/")
            path = f"{directory}/{tag_slug(self.config, name)}/"
            self.found[key] = Taxon(name, path, full_url_for(self.config, path))
        return self.found[key]

    def categories(self, hierarchy: Sequence[str]) -> list[Taxon]:
        from .plugins.hexo_generator_category import category_slug

        directory = str(self.config.get("category_dir") or "categories").strip("/")
        made = []
        for depth, name in enumerate(hierarchy):
            key = ("category", *hierarchy[: depth + 1])
            if key not in self.found:
                path = f"{directory}/{category_slug(self.config, [str(n) for n in hierarchy[: depth + 1]])}/"
                self.found[key] = Taxon(str(name), path, full_url_for(self.config, path))
            made.append(self.found[key])
        return made

    def of_kind(self, kind: str) -> list[Taxon]:
        return [taxon for key, taxon in self.found.items() if key[0] == kind]


def _source_of(content: Any, settings: Mapping[str, Any]) -> str:
    """Hexo's ``post.source``: the path under ``source/`` (``_posts/a.md``, ``about/index.md``)."""
    # Pelican's own, made as below when it made the post: two path walks less a post, each build.
    relative = getattr(content, "relative_source_path", None)
    if isinstance(relative, str) and relative and getattr(content, "settings", None) is settings:
        return relative.replace(os.sep, "/")
    base = os.path.abspath(str(settings.get("PATH") or "."))
    return os.path.relpath(os.path.abspath(content.source_path), base).replace(os.sep, "/")


def _site_post(content: Any, config: HexoConfig, taxonomy: _Taxonomy, settings: Mapping[str, Any], is_page: bool):
    metadata = content.metadata
    path = str(metadata.get("hexo_path") or content.url or "")
    front_matter = dict(metadata)
    tags = [taxonomy.tag(str(tag)) for tag in getattr(content, "tags", None) or ()]
    categories: list[Taxon] = []
    seen: set[int] = set()
    for hierarchy in metadata.get("hexo_categories") or ():
        for taxon in taxonomy.categories([str(name) for name in hierarchy]):
            if id(taxon) not in seen:
                seen.add(id(taxon))
                categories.append(taxon)
    given_excerpt = metadata.get("excerpt")
    if given_excerpt is not None:
        excerpt = str(given_excerpt)
    elif "summary" in metadata and not metadata.get("description"):
        # The reader sets a summary only for a post split by <!-- more --> (or given one).
        excerpt = str(metadata.get("hexo_post_excerpt") or metadata["summary"])
    else:
        excerpt = ""
    return SitePost(
        title=str(metadata.get("title") or ""),
        date=content.date,
        updated=getattr(content, "modified", None) or metadata.get("modified"),
        path=path,
        permalink=full_url_for(config, path),
        # Hexo's post.content: before the after_render:html filters, which change written pages only.
        content=str(metadata.get("hexo_post_content") or _content_html(content) or ""),
        excerpt=excerpt,
        source=_source_of(content, settings),
        front_matter=front_matter,
        tags=tags,
        categories=categories,
        is_page=is_page,
        source_path=content.source_path,
    )


def _content_html(content: Any) -> str:
    """``content.content``, without Pelican's link rewriting where the body has no link to rewrite."""
    from .integration import may_hold_intrasite_links

    body = getattr(content, "_content", None)
    # Pelican's rewriting tries its regex at every tag of the body, on every access.
    if isinstance(body, str) and not hasattr(content, "_get_content") and not may_hold_intrasite_links(content):
        return body
    return content.content


def _by_creation(posts: list[SitePost], taxonomy: _Taxonomy) -> None:
    # Hexo's post.tags / post.categories come back in the order the site first made each.
    order = {id(taxon): number for number, taxon in enumerate(taxonomy.found.values())}
    for post in posts:
        post.tags.sort(key=lambda taxon: order[id(taxon)])
        post.categories.sort(key=lambda taxon: order[id(taxon)])


def site_locals(articles: Iterable[Any], pages: Iterable[Any], settings: Mapping[str, Any]) -> SiteLocals:
    """The locals Hexo gives its generators, from Pelican's published articles and pages."""
    config = hexo_config_from_settings(settings)
    taxonomy = _Taxonomy(config)
    ordered_articles = sorted(articles, key=lambda content: content.source_path)
    posts = [_site_post(article, config, taxonomy, settings, False) for article in ordered_articles]
    site_pages = [
        _site_post(page, config, taxonomy, settings, True) for page in sorted(pages, key=lambda c: c.source_path)
    ]
    _by_creation(posts + site_pages, taxonomy)
    return SiteLocals(posts, site_pages, taxonomy.of_kind("tag"), taxonomy.of_kind("category"), config)


def routes_of(result: Any) -> list[Route]:
    """A generator's return value as routes: one, a list, or None."""
    if result is None:
        return []
    if isinstance(result, Route):
        return [result]
    return [route for route in result if isinstance(route, Route)]


class _Text:
    """A stand-in for a Jinja template, so a route's text goes through Pelican's writer."""

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name

    def render(self, _context: Mapping[str, Any]) -> str:
        return self.text


class RoutePage:
    """The ``page`` a theme template gets for a layout route: Pelican's page fields, then the route's data.

    ``title``, ``content``, ``url``, ``save_as``, ``slug`` and ``lang`` are what a Pelican
    ``page.html`` reads; any other field of the route's data (``subtitle``, Fluid's ``links``) is an
    attribute too, and a missing one is Jinja's undefined, as a Pelican page's would be.
    """

    def __init__(self, data: Mapping[str, Any], save_as: str, url: str, lang: str) -> None:
        self.metadata = dict(data)
        self.title = str(data.get("title") or "")
        self.content = str(data.get("content") or "")
        self.save_as = save_as
        self.url = url
        self.slug = os.path.splitext(os.path.basename(save_as.removesuffix("/index.html")))[0]
        self.lang = str(data.get("lang") or lang)

    def __repr__(self) -> str:
        return f"RoutePage({self.save_as!r}, {self.metadata!r})"

    def __getattr__(self, name: str) -> Any:
        # Only reached for names not set in __init__; Jinja turns the AttributeError into undefined.
        metadata = self.__dict__.get("metadata") or {}
        if name in metadata:
            return metadata[name]
        raise AttributeError(name)


# The Pelican context lists that hold what the site's own files publish, and where.
_CLAIMING_LISTS = ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages", "staticfiles")


class HexoGenerators(Generator):
    """A Pelican generator running the site's Hexo generators after the article and page generators.

    It is a Pelican ``Generator`` for its Jinja environment: a layout route is rendered with the
    theme's templates, given the same filters and globals as every other page (``generator_init``).
    """

    def generate_output(self, writer: Any) -> None:
        generators = hexo_config_from_settings(self.settings).extensions.generators
        if not generators:
            return
        pages = list(self.context.get("pages") or ())
        site = site_locals(self.context.get("articles") or (), pages, self.settings)
        for name, generate in generators.items():
            try:
                routes = routes_of(generate(site))
            except Exception as error:  # noqa: BLE001 - one broken generator must not stop the build
                logger.error("Hexo generator %s failed: %s", name, error)
                continue
            for route in routes:
                try:
                    if route.layout:
                        self._write_page(writer, route, name)
                    else:
                        self._write(writer, route, name)
                except FileOverwriteFailedError as error:
                    logger.warning("Hexo generator %s: %s not written: %s", name, route.path, error)

    @staticmethod
    def _target(route: Route) -> str:
        target = route.path.lstrip("/")
        if not target or target.endswith("/"):
            target += "index.html"
        return target

    def _write(self, writer: Any, route: Route, name: str) -> None:
        text = route.data if isinstance(route.data, str) else ""
        writer.write_file(self._target(route), _Text(text, f"hexo-generator:{name}"), self.context, hexo_route=text)

    def _claimed(self) -> set[str]:
        claimed: set[str] = set()
        for key in _CLAIMING_LISTS:
            for content in self.context.get(key) or ():
                save_as = getattr(content, "save_as", None)
                if save_as:
                    claimed.add(os.path.normpath(str(save_as)).replace(os.sep, "/"))
        return claimed

    def _layout_template(self, layouts: Sequence[str]) -> tuple[str, Any]:
        """The theme's template for the first of Hexo's layouts it has, else its ``page``."""
        for layout in layouts:
            try:
                return layout, self.get_template(layout)
            except PelicanTemplateNotFound:
                continue
        return "page", self.get_template("page")

    def _write_page(self, writer: Any, route: Route, name: str) -> None:
        target = self._target(route)
        # A theme's page at a path the site's own files publish (Fluid's 404.html beside a source/404.html
        # or a 404.md) yields to them: Fluid registers its 404 page only when the site has none, and
        # Pelican's writer would refuse the second file.
        if target in self._claimed():
            logger.info("Hexo generator %s: %s is the site's own page; the theme's is not written", name, target)
            return
        data = route.data if isinstance(route.data, Mapping) else {"content": str(route.data)}
        url = target.removesuffix("index.html")
        page = RoutePage(data, target, url, str(self.settings.get("DEFAULT_LANG") or ""))
        template_name, template = self._layout_template(route.layout)
        writer.write_file(
            target,
            template,
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            template_name=template_name,
            url=url,
            page=page,
            # What the incremental writer fingerprints, as a text route's text: an edited links list is written.
            hexo_route=dict(data),
        )


def hexo_generators(pelican_object: Any) -> type[HexoGenerators] | None:
    """``get_generators``: ours, for a site whose Hexo config names any (else nothing runs)."""
    return HexoGenerators if pelican_object.settings.get("HEXO_CONFIG") else None


_TEMPLATE_TOKEN = re.compile(r"(\{%-?.*?-?%\}|\{\{-?.*?-?\}\})", re.DOTALL)
_XML_ESCAPES = {"&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\\": "&#92;"}
_XML_ESCAPE = re.compile(r"[&\"'<>\\]")


def _xml_escape(match: re.Match[str]) -> str:
    return _XML_ESCAPES[match.group(0)]


def nunjucks_escape(value: Any) -> str:
    """Nunjucks' autoescape of a printed value."""
    # A text with nothing to escape (most titles, URLs and tag names) is given back after one scan.
    text = value if type(value) is str else to_string(value)
    return text if _XML_ESCAPE.search(text) is None else _XML_ESCAPE.sub(_xml_escape, text)


class PackageTemplate:
    """One of a package's Nunjucks templates, rendered with Nunjucks' whitespace, tags and autoescape.

    The template text is the package's own; each expression in it (``post.permalink | uriencode``)
    is looked up, by its exact text, in ``expressions``: a function of the scope giving its value.
    Only ``if``/``elif``/``else``, ``for … in …`` and ``set`` are understood, with ``{%-``/``-%}``
    trimming; an expression not in the table is a ``KeyError`` at parse time, so a template the
    package never shipped fails at once rather than printing something else.
    """

    def __init__(self, source: str, expressions: Mapping[str, Callable[[dict[str, Any]], Any]], escape: bool = True):
        self.escape = escape
        self.expressions = expressions
        tokens = _TEMPLATE_TOKEN.split(source)
        self.body, rest = self._parse(self._trimmed(tokens), 0, ())
        if rest != len(self._tokens):
            raise ValueError("unbalanced template")

    def _trimmed(self, tokens: list[str]) -> list[str]:
        for index, token in enumerate(tokens):
            if token.startswith(("{%-", "{{-")) and index > 0:
                tokens[index - 1] = tokens[index - 1].rstrip()
            if token.endswith(("-%}", "-}}")) and index + 1 < len(tokens):
                tokens[index + 1] = tokens[index + 1].lstrip()
        self._tokens = tokens
        return tokens

    def _expression(self, text: str) -> Callable[[dict[str, Any]], Any]:
        return self.expressions[text.strip()]

    def _parse(self, tokens: list[str], index: int, ends: tuple[str, ...]) -> tuple[list[Any], int]:
        nodes: list[Any] = []
        while index < len(tokens):
            token = tokens[index]
            if token.startswith("{{"):
                text = token.strip("{}-").strip()
                safe = text.endswith("| safe")
                nodes.append(("print", self._expression(text), safe))
                index += 1
            elif token.startswith("{%"):
                words = token.strip("{%}-").strip()
                keyword = words.split(None, 1)[0]
                if keyword in ends:
                    return nodes, index
                if keyword == "if":
                    branches, index = self._parse_if(tokens, index)
                    nodes.append(("if", branches))
                elif keyword == "for":
                    name, _, iterable = words[4:].partition(" in ")
                    body, index = self._parse(tokens, index + 1, ("endfor",))
                    nodes.append(("for", name.strip(), self._expression(iterable), body))
                    index += 1
                elif keyword == "set":
                    name, _, value = words[4:].partition("=")
                    nodes.append(("set", name.strip(), self._expression(value)))
                    index += 1
                else:
                    raise ValueError(f"unexpected {token}")
            else:
                if token:
                    nodes.append(("text", token))
                index += 1
        return nodes, index

    def _parse_if(self, tokens: list[str], index: int) -> tuple[list[Any], int]:
        branches = []
        condition: Callable[[dict[str, Any]], Any] | None = self._expression(tokens[index].strip("{%}-").strip()[3:])
        while True:
            body, index = self._parse(tokens, index + 1, ("elif", "else", "endif"))
            branches.append((condition, body))
            words = tokens[index].strip("{%}-").strip()
            if words.startswith("endif"):
                return branches, index + 1
            condition = self._expression(words[5:]) if words.startswith("elif") else None

    def render(self, scope: dict[str, Any]) -> str:
        out: list[str] = []
        self._render(self.body, dict(scope), out)
        return "".join(out)

    def _render(self, nodes: list[Any], scope: dict[str, Any], out: list[str]) -> None:
        from .nunjucks import to_string

        for node in nodes:
            kind = node[0]
            if kind == "text":
                out.append(node[1])
            elif kind == "print":
                value = node[1](scope)
                out.append(to_string(value) if node[2] or not self.escape else nunjucks_escape(value))
            elif kind == "if":
                for condition, body in node[1]:
                    if condition is None or condition(scope):
                        self._render(body, scope, out)
                        break
            elif kind == "for":
                for item in node[2](scope) or ():
                    scope[node[1]] = item
                    self._render(node[3], scope, out)
            else:
                scope[node[1]] = node[2](scope)


def js_substring(text: str, start: int, end: int | None = None) -> str:
    """JavaScript's ``substring`` on ``text``: positions count UTF-16 code units."""
    if text.isascii() or all(ord(char) < 0x10000 for char in text):
        return text[start:end]
    units = text.encode("utf-16-le", "surrogatepass")
    piece = units[start * 2 : None if end is None else end * 2]
    return piece.decode("utf-16-le", "ignore")


def package_file(package_module: str, name: str) -> str:
    """A data file kept beside a plugin module (``plugins/<module>/<name>``)."""
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins", "templates", package_module)
    with open(os.path.join(folder, name), encoding="utf-8") as handle:
        return handle.read()
