"""Signal handlers that fit Hexo's notions into a Pelican build.

Defined at module level (blinker holds receivers weakly) and idempotent, so
registering the plugin twice in one process changes nothing.
"""

from __future__ import annotations

import gc
import logging
import os
from typing import Any

from pelican import signals
from pelican.contents import Page, Static
from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator

from .assets import FINISHED_PAGE, STATIC_ROOT
from .config import hexo_config_from_settings
from .incremental import KEPT_PAGE, PAGE_FILTERS, intrasite_link_start, site_page_filters
from .links import ASSET_OWNERS, all_contents
from .metadata import written_without_layout
from .pipeline import PLAIN_EXTENSIONS
from .reader import HexoReader, problem_reported, report_problems

logger = logging.getLogger(__name__)

# hexo_raw.html, the template of a page with `layout: false`, found whatever the theme.
TEMPLATE_OVERRIDES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "template_overrides")

_LAYOUT_PAGES = "hexo_layout_pages"
_BUNDLES = "hexo_bundles"
_FILES = "hexo_files"


def add_reader(readers: Any) -> None:
    """Markdown always; ``.html``/``.htm`` only for a Hexo site (``HEXO_CONFIG``), which Hexo renders as pages.

    A Pelican site's own HTML pages keep Pelican's HTMLReader. In a Hexo site a ``READERS`` entry
    of None for them is what ``pelican-hexo import`` once wrote, believing Hexo copies them; only a
    reader class of the site's own is kept.
    """
    for extension in HexoReader.file_extensions:
        readers.reader_classes[extension] = HexoReader
    settings = readers.settings or {}
    if not settings.get("HEXO_CONFIG"):
        return
    chosen = settings.get("READERS") or {}
    for extension in PLAIN_EXTENSIONS:
        if chosen.get(extension) is None:
            readers.reader_classes[extension] = HexoReader


def add_template_overrides(pelican: Any) -> None:
    """``initialized``: the plugin's templates after the site's own overrides, before any theme's."""
    overrides = [str(folder) for folder in pelican.settings.get("THEME_TEMPLATES_OVERRIDES") or []]
    if TEMPLATE_OVERRIDES not in overrides:
        # A new list: the default one is Pelican's DEFAULT_CONFIG's, shared by every build in the process.
        pelican.settings["THEME_TEMPLATES_OVERRIDES"] = [*overrides, TEMPLATE_OVERRIDES]
    # Connected here, by the build, as list_pages connects its own: blinker dedupes a second build's.
    signals.all_generators_finalized.connect(release_reading_engines)
    signals.generator_init.connect(cache_compiled_templates)


_frozen_by_us = False


def freeze_the_finished_build(_pelican: Any) -> None:
    """``finalized``, last: the build's objects go where the collector no longer looks.

    The interpreter's exit runs a full collection over every object a 1,000-post build made
    (the cache, the posts, their pages' contexts); frozen, they are skipped: 0.05 s of a 2 s
    rebuild (alternating runs, 8 each). ``--autoreload`` builds again in the same process:
    :func:`thaw_for_the_next_build` gives them back to the collector then, so nothing of an old
    build is kept.
    """
    global _frozen_by_us
    gc.freeze()
    _frozen_by_us = True


def thaw_for_the_next_build(_pelican: Any) -> None:
    """``get_generators``: a build starting in the process of the last one; its objects can go."""
    global _frozen_by_us
    if _frozen_by_us:
        gc.unfreeze()
        _frozen_by_us = False


# The collector's first threshold while a build runs: allocations between two young collections.
BUILD_GC_THRESHOLD = 50_000
_thresholds_before: list[tuple[int, int, int]] = []


def collect_less_while_building(_pelican: Any) -> None:
    """``get_generators``: the young generation collected every 50,000 allocations, not every 700.

    A build makes objects that live until it ends (posts, their metadata, the pages' contexts),
    few cycles among them: the default threshold ran ~200 young and ~16 middle collections in a
    1,000-post rebuild, 0.06 s of its 2 s, that freed next to nothing. :func:`collect_as_before`
    puts the thresholds back when the build ends.
    """
    if not _thresholds_before:
        _thresholds_before.append(gc.get_threshold())
    first, *older = _thresholds_before[0]
    gc.set_threshold(max(first, BUILD_GC_THRESHOLD), *older)


def collect_as_before(_pelican: Any) -> None:
    """``finalized``: the collector's thresholds as they were before the build."""
    if _thresholds_before:
        gc.set_threshold(*_thresholds_before.pop())


def release_reading_engines(_generators: Any) -> None:
    """``all_generators_finalized``: every post is read; close the V8 contexts only reading used.

    highlight.js held the largest heap of a 1,000-post build; the pages are written without it
    (a later call makes it again), and page-writing workers forked from here do not copy it.
    """
    from .js_runtime import release_stateless_contexts

    released = release_stateless_contexts()
    if released:
        logger.debug("closed the V8 contexts of %s: the posts are read", ", ".join(released))


def forget_disabled_markdown_reader(generator: Any) -> None:
    """Pelican warns that Python-Markdown is missing for every ``.md``; we read those."""
    readers = getattr(generator, "readers", None)
    if readers is not None and readers.reader_classes.get("md") is HexoReader:
        for extension in HexoReader.file_extensions:
            readers.disabled_readers.pop(extension, None)


def walk_the_content_once(generator: Any) -> None:
    """``generator_init``: a generator's walks of its content folders, made once a build.

    Pelican's articles generator walks its folders to read them and again to warn of files no
    reader takes; the read-ahead walks them first to see what the cache serves: three walks of a
    1,000-post blog, 0.045 s of a rebuild. A walk for no extension at all finds nothing, and is skipped.
    """
    walk = getattr(generator, "get_files", None)
    if walk is None or getattr(walk, "_walked_once", False):
        return
    walked: dict[str, set[str]] = {}

    def get_files(paths: Any, exclude: Any = None, extensions: Any = None) -> set[str]:
        if extensions is not None and extensions is not False and not extensions:
            return set()
        key = repr((paths, exclude, extensions if extensions in (None, False) else sorted(extensions)))
        if key not in walked:
            walked[key] = walk(paths, exclude, extensions)
        # A copy: a caller may change what it was given.
        return set(walked[key])

    get_files._walked_once = True  # type: ignore[attr-defined]
    generator.get_files = get_files


def _environment_key(environment: Any) -> str:
    """What a template's compiled code depends on besides its source: the Jinja version and the parser's options."""
    import jinja2

    autoescape = environment.autoescape
    options = (
        jinja2.__version__,
        sorted(environment.extensions),
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        environment.is_async,
        getattr(autoescape, "__qualname__", autoescape),
    )
    return repr(options)


def cache_compiled_templates(generator: Any) -> None:
    """``generator_init``: with the content cache on, keep the theme's compiled templates in ``CACHE_PATH``.

    Compiling the theme's templates was a tenth of a rebuild after editing one post (1,000 posts);
    Jinja's bytecode cache reuses them while their source is unchanged. Its own key is the template's
    name and source, so the environment's options are folded into the name (a changed
    ``JINJA_ENVIRONMENT`` compiles again).
    """
    settings = generator.settings
    environment = getattr(generator, "env", None)
    if environment is None or environment.bytecode_cache is not None:
        return
    if not (settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")):
        return
    from jinja2 import FileSystemBytecodeCache

    class EnvironmentBytecodeCache(FileSystemBytecodeCache):
        def get_bucket(self, environment: Any, name: str, filename: str | None, source: str) -> Any:
            return super().get_bucket(environment, f"{name}\0{_environment_key(environment)}", filename, source)

    folder = os.path.join(str(settings.get("CACHE_PATH") or "cache"), "jinja-bytecode")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        logger.debug("not caching compiled templates in %s: %s", folder, error)
        return
    environment.bytecode_cache = EnvironmentBytecodeCache(folder)


def report_config_notices(pelican: Any) -> None:
    """Say, on every build, what in the Hexo config could not be used as written (the config is memoised)."""
    strict = bool(pelican.settings.get("HEXO_STRICT"))
    log = logger.error if strict else logger.warning
    for notice in hexo_config_from_settings(pelican.settings).notices:
        log("%s:%d: %s", notice.path, notice.line, notice.message)
        problem_reported.send(notice.path, line=notice.line, kind="config", message=notice.message)


def _report(generator: Any, metadata: dict[str, Any]) -> None:
    source = metadata.get("hexo_source")
    if source:
        report_problems(source, metadata, bool(generator.settings.get("HEXO_STRICT")))


def report_article_problems(generator: ArticlesGenerator, metadata: dict[str, Any]) -> None:
    _report(generator, metadata)


def report_page_problems(generator: PagesGenerator, metadata: dict[str, Any]) -> None:
    _report(generator, metadata)


def _moved_aside(save_as: str, number: int) -> str:
    """``a/b/index.html`` → ``a/b-2/index.html``; ``a/b.html`` → ``a/b-2.html``."""
    if save_as.endswith("/index.html"):
        return f"{save_as[: -len('/index.html')]}-{number}/index.html"
    stem, dot, extension = save_as.rpartition(".")
    return f"{stem}-{number}.{extension}" if dot else f"{save_as}-{number}"


def warn_duplicate_urls(generators: list[Any]) -> None:
    """Two posts that want the same URL: Hexo keeps one silently, Pelican would abort.

    The first (by source path) keeps the URL; each other is written beside it
    with a ``-2``, ``-3`` suffix, and every one of them is named in a warning.
    """
    owners: dict[str, list[Any]] = {}
    for content in all_contents(generators):
        save_as = getattr(content, "save_as", None)
        if save_as and getattr(content, "hexo_source", None):
            owners.setdefault(save_as, []).append(content)
    taken = set(owners)
    strict = bool(generators and generators[0].settings.get("HEXO_STRICT"))
    for save_as, contents in sorted(owners.items()):
        if len(contents) < 2:
            continue
        contents.sort(key=lambda c: c.source_path)
        for number, content in enumerate(contents, start=1):
            others = ", ".join(os.path.basename(o.source_path) for o in contents if o is not content)
            message = f"wants the URL {save_as}, as does {others}"
            if number > 1:
                aside = _moved_aside(save_as, number)
                while aside in taken:
                    number += 1
                    aside = _moved_aside(save_as, number)
                taken.add(aside)
                content.override_save_as = aside
                content.override_url = aside.removesuffix("index.html")
                message += f"; written to {aside} instead"
            problem = (1, message, "duplicate-url")
            report_problems(content.source_path, {"hexo_problems": [problem]}, strict)


def move_layout_pages_out(generator: ArticlesGenerator) -> None:
    """Posts with ``layout: page`` become Pelican pages (kept at their Hexo URL)."""
    moved = [a for a in generator.articles if getattr(a, "hexo_layout", None) == "page"]
    if not moved:
        return
    generator.articles[:] = [a for a in generator.articles if a not in moved]
    generator.context[_LAYOUT_PAGES] = [
        Page(a._content, a.metadata, generator.settings, a.source_path, generator.context) for a in moved
    ]


def put_layout_pages_in(generator: PagesGenerator) -> None:
    moved = generator.context.pop(_LAYOUT_PAGES, None)
    if moved:
        generator.pages.extend(moved)
        generator.context["pages"] = generator.pages


def _pin_key(article: Any) -> tuple[int, float]:
    return (-int(getattr(article, "hexo_pinned", 0) or 0), -article.date.timestamp())


def pin_top_articles(generator: ArticlesGenerator) -> None:
    """hexo-generator-index-pin-top: pinned posts first (higher ``top`` first), then newest.

    Only the article list (index, feeds) changes; archives stay by date.
    """
    if generator.settings.get("HEXO_PIN_TOP", True) is False:
        return
    if any(getattr(a, "hexo_pinned", 0) for a in generator.articles):
        generator.articles.sort(key=_pin_key)


# Posts a taxon has, above which a set answers `in` faster than the list's own scan.
_LONG_TAXON = 16


class _PostsOfTaxon(list):
    """A tag's, category's or author's posts, answering ``post in posts`` from a set.

    Pelican's ``generate_tags`` (and categories, authors) finds each one's ``dates`` by asking, for
    every post of the site, whether it is in that list: posts x taxa scans of the list, 0.07 s of
    a warm rebuild at 1,000 posts. Pelican's posts compare by identity, so a set of ids answers
    the same; it is made again if the list changed length since. A short list is scanned faster
    in C than this is called from Python, so only long ones are made one (``_LONG_TAXON``).
    """

    __slots__ = ("_count", "_ids")

    def __contains__(self, item: object) -> bool:
        if getattr(self, "_ids", None) is None or self._count != len(self):
            self._ids = {id(post) for post in self}
            self._count = len(self)
        return id(item) in self._ids


def index_taxa_posts(generator: ArticlesGenerator) -> None:
    """``article_generator_finalized``: each tag's, category's and author's posts a :class:`_PostsOfTaxon`."""
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, posts in tags.items():
            if type(posts) is list and len(posts) > _LONG_TAXON:
                tags[tag] = _PostsOfTaxon(posts)
    for name in ("categories", "authors"):
        # Lists of (taxon, posts), the context's own objects: changed in place, the context sees the same.
        pairs = getattr(generator, name, None)
        if isinstance(pairs, list):
            for index, pair in enumerate(pairs):
                if isinstance(pair, tuple) and len(pair) == 2 and type(pair[1]) is list and len(pair[1]) > _LONG_TAXON:
                    pairs[index] = (pair[0], _PostsOfTaxon(pair[1]))


def link_neighbours(generator: ArticlesGenerator) -> None:
    """Hexo's ``post.prev`` and ``post.next`` as ``hexo_newer``/``hexo_older``; the first listed post's year.

    After ``pin_top_articles``: the year is that of the first post the index lists, pinned or not.
    ``dates`` runs newest first unless ``NEWEST_FIRST_ARCHIVES`` is off.
    """
    dates = list(getattr(generator, "dates", []) or [])
    newest_first = generator.settings.get("NEWEST_FIRST_ARCHIVES", True)
    for number, article in enumerate(dates):
        before = dates[number - 1] if number else None
        after = dates[number + 1] if number + 1 < len(dates) else None
        article.hexo_newer, article.hexo_older = (before, after) if newest_first else (after, before)
    articles = getattr(generator, "articles", None)
    generator.context["hexo_first_article_year"] = articles[0].date.year if articles else None


def remember_asset_owner(instance: Any) -> None:
    """Note each Hexo post whose asset folder (or tag bundles) must be published."""
    asset_path = getattr(instance, "hexo_asset_path", None)
    context = getattr(instance, "_context", None)
    source_path = getattr(instance, "source_path", None)
    if context is not None and getattr(instance, "hexo_bundles", None):
        context.setdefault(_BUNDLES, set()).update(instance.hexo_bundles)
    if context is not None and getattr(instance, "hexo_files", None):
        context.setdefault(_FILES, {}).update(instance.hexo_files)
    if asset_path is None or context is None or not source_path:
        return
    if getattr(instance, "hexo_is_page", False):
        folder = os.path.dirname(source_path)
    else:
        folder = os.path.splitext(source_path)[0]
    if os.path.isdir(folder):
        context.setdefault(ASSET_OWNERS, {})[folder] = asset_path


def take_in_cached_contents(generator: Any) -> None:
    """``article_generator_pretaxonomy`` and ``page_generator_finalized``, first: posts the generator-layer cache gave.

    With ``CONTENT_CACHING_LAYER = "generator"`` Pelican unpickles whole posts and neither makes
    them nor sends ``article_generator_context`` for them. Such a post holds the context of the
    build that read it, a copy: its ``{filename}`` links would look up that build's posts, and
    what this plugin notes for a post in the build's context when it is made (its asset folder,
    for the pages of other posts that show its images) would be missing. Each is given this
    build's context and settings and noted, and its problems are reported as the reader layer reports them,
    every build (a strict build fails on them).
    """
    context = getattr(generator, "context", None)
    if context is None or not getattr(generator, "_cache_data_policy", False):
        return
    kinds = ("articles", "translations", "drafts", "drafts_translations", "hidden_articles", "hidden_translations")
    kinds += ("pages", "hidden_pages", "draft_pages", "draft_translations")
    seen: set[int] = set()
    for kind in kinds:
        for content in getattr(generator, kind, None) or ():
            if id(content) in seen or getattr(content, "_context", context) is context:
                continue
            seen.add(id(content))
            content._context = context
            # Equal to its own copy (the cache is kept only for the same settings), and the same object
            # as a post made this build has: what looks at a post's settings by identity finds them.
            content.settings = generator.settings
            remember_asset_owner(content)
            _report(generator, content.metadata)


def scan_links_only_where_there_are_some(instance: Any) -> None:
    """``content_object_init``: Pelican's scan of a body for ``{static}`` links, skipped where it finds none.

    Pelican's regex tries every tag of the body (``<[^>]+`` then the attribute): 0.15 s of a warm
    rebuild of 1,000 posts, where a post with no attribute value opening with its link marker
    (``="{static}``, ``='|filename|``) is found in one pass. Pelican scans right after the post is
    made, from the same body; for such a post the scan is the builtin ``set``, which returns an
    empty set and pickles with the post (the generator cache layer keeps whole posts).
    """
    if not may_hold_intrasite_links(instance):
        instance.get_static_links = set


def may_hold_intrasite_links(content: Any) -> bool:
    """False where Pelican's intrasite-link regex cannot match the body: no attribute value opens as a link."""
    settings = getattr(content, "settings", None)
    marker = settings.get("INTRASITE_LINK_REGEX") if isinstance(settings, dict) else None
    body = getattr(content, "_content", None)
    if not isinstance(marker, str) or not isinstance(body, str):
        return True
    return intrasite_link_start(marker).search(body) is not None


def _add_static(generator: StaticGenerator, source: str, target: str) -> None:
    static = Static(
        content=None,
        metadata={"save_as": target, "url": target},
        settings=generator.settings,
        source_path=source,
        context=generator.context,
    )
    generator.staticfiles.append(static)
    generator.add_source_path(static, static=True)


def _files_under(folder: str) -> list[tuple[str, str]]:
    """(absolute path, path relative to ``folder``) of every file, in a stable order."""
    found = []
    for directory, subdirs, files in os.walk(folder):
        subdirs.sort()
        for name in sorted(files):
            source = os.path.join(directory, name)
            found.append((source, os.path.relpath(source, folder).replace(os.sep, "/")))
    return found


def _html_name(relative: str) -> str:
    return os.path.splitext(relative)[0] + ".html"


def _rendered_asset(generator: StaticGenerator, source: str) -> str:
    """A Markdown file of an asset folder as Hexo's asset generator writes it, in a cache file.

    Hexo renders the whole file, front matter as text, in no layout and with no tag plugin.
    """
    from .engine import markdown_engine

    with open(source, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    html = markdown_engine(hexo_config_from_settings(generator.settings))[0].render(text, {})
    # Absolute: Pelican joins a static file's source path to the content folder.
    cache = os.path.abspath(os.path.join(generator.settings.get("CACHE_PATH") or "cache", "hexo-rendered-assets"))
    target = os.path.join(cache, os.path.relpath(source, generator.path) + ".html")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    current = None
    if os.path.exists(target):
        with open(target, encoding="utf-8") as handle:
            current = handle.read()
    if current != html:
        # Written only when changed: Pelican copies a static file whose time is newer.
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(html)
    return target


def publish_asset_folders(generator: StaticGenerator) -> None:
    """Copy each post's asset folder to its Hexo URL, the files tags show and the tag bundles pages use."""
    owners = generator.context.get(ASSET_OWNERS) or {}
    already = {s.source_path for s in generator.staticfiles}
    reader_extensions = set(generator.readers.extensions)
    for folder, asset_path in sorted(owners.items()):
        # A post's folder is named like the post (a page's folder holds it: its Markdown files are pages).
        is_post_folder = any(os.path.isfile(f"{folder}.{extension}") for extension in reader_extensions)
        for source, relative in _files_under(folder):
            name = os.path.basename(source)
            extension = os.path.splitext(name)[1].lstrip(".").lower()
            if source in already or name.startswith("."):
                continue
            if extension in reader_extensions and extension not in PLAIN_EXTENSIONS:
                # HTML of a post's folder is an asset Hexo copies as it is (its reader skipped it).
                if is_post_folder:
                    # Hexo also renders a post asset it can render, beside the post (the file is a post too).
                    _add_static(generator, _rendered_asset(generator, source), asset_path + _html_name(relative))
            else:
                _add_static(generator, source, asset_path + relative)
            already.add(source)
    for source, target in sorted((generator.context.get(_FILES) or {}).items()):
        if source not in already and os.path.isfile(source):
            _add_static(generator, source, target)
            already.add(source)
    for bundle in sorted(generator.context.get(_BUNDLES) or ()):
        for source, relative in _files_under(os.path.join(STATIC_ROOT, bundle)):
            if source not in already:
                _add_static(generator, source, f"hexo-tags/{bundle}/{relative}")
                already.add(source)


def run_page_filters(path: str, context: Any) -> None:
    """``content_written``: the page-wide ``after_render:html`` filters (feed autodiscovery) on each HTML page."""
    if not context or context.get(FINISHED_PAGE):
        return
    filters = _page_filters_for(path, context)
    if not filters:
        return
    with open(path, encoding="utf-8") as handle:
        original = handle.read()
    html = _filtered(original, filters, context)
    if html != original:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(html)


def _page_filters_for(path: str, context: Any) -> list[Any]:
    if not str(path).endswith((".html", ".htm")) or not context:
        return []
    if context.get(KEPT_PAGE) or written_without_layout(context):
        return []
    filters = context.get(PAGE_FILTERS)
    return filters if filters is not None else site_page_filters(context)


def filtered_page(html: str, path: str, context: Any) -> str | None:
    """``html`` through the site's page-wide filters; None where none applies to this page."""
    filters = _page_filters_for(path, context)
    return _filtered(html, filters, context) if filters else None


def _filtered(html: str, filters: list[Any], context: Any) -> str:
    for page_filter in filters:
        result = page_filter(html, context)
        if result is not None:
            html = result
    return html
