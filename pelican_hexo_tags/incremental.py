"""Skip re-rendering pages whose inputs are the same as in the last build.

With the content cache on, reading a 1,000-post blog again takes a second;
rendering and writing its ~1,200 pages takes most of the rest, though one
edited post changes a handful of them. This writer fingerprints what each page
is made of before rendering it, and when the page's fingerprint, and its file
on disk, are what the last build left, the file is kept as it is.

A page's fingerprint covers:

* the site as its template can see it: all settings, the theme's template
  files, the versions of Pelican and this plugin, and each site-wide value the
  template (with the templates it extends, includes and imports) names, such
  as ``articles`` or ``tags``; of the posts in such a list, each one's URL,
  status, title, date, category, tags, authors and language (what menus,
  archives and "recent posts" show). Which names a template uses is read
  from its source with Jinja's own ``meta`` module; a template that names
  another by an expression, or a site with a page filter of its own scripts
  (which may read any post), is given the whole site;
* the page's own objects in full: the article or page it shows (and the
  newer and older post it links to), the posts listed on it (a tag page, a
  page of the index), with all their metadata, summaries and bodies.

So adding a post renders again the pages that list it and its neighbours' own pages,
not every page, unless the theme's pages all name a site-wide list (the
bundled theme's name none outside the list pages). What it cannot see is a
template showing, on a page that does not list a post, more of that post
than the above (its summary or its updated date in a sidebar on every page).
For such a theme set ``HEXO_INCREMENTAL_WRITES = False``; ``--ignore-cache``
also renders every page.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import operator
import os
import pickle
import re
from collections.abc import Callable, Mapping
from itertools import compress, repeat
from typing import Any

import pelican
from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import URLWrapper
from pelican.utils import sanitised_join
from pelican.writers import Writer

logger = logging.getLogger(__name__)

_STATE_FILE = "pelican_hexo_tags-pages.pickle"
_STATE_VERSION = 1
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
# Texts longer than this are described by their digest.
_LONG_TEXT = 256
# Pelican's intrasite links ({filename}x.md, |static|y.png): INTRASITE_LINK_REGEX's default, with its kinds.
_INTRASITE_KINDS = ("filename", "static", "attach", "category", "tag", "author", "index")
_INTRASITE_LINK = re.compile(rf"[{{|](?:{'|'.join(_INTRASITE_KINDS)})[|}}]")
_PELICANS_LINK_REGEX = DEFAULT_CONFIG["INTRASITE_LINK_REGEX"]
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_SCALARS = frozenset({int, float, bool, type(None)})
# Lists up to this long are described in place; longer ones (a tag's posts) once, by their digest.
_SHORT_LIST = 16
# Keys of the site context that differ from page to page without being the page's own.
_PER_PAGE_KEYS = frozenset({"localsiteurl"})

# The context's lists of content objects: what an intrasite link may point to.
_CONTENT_KEYS = ("articles", "hidden_articles", "drafts", "pages", "hidden_pages", "draft_pages", "staticfiles")

# The metadata of a post that pages not listing it commonly show.
_LISTED_METADATA = ("title", "date", "category", "tags", "author", "authors", "lang", "slug", "hexo_pinned")

_MISSING = object()

_active_writers: list[IncrementalWriter] = []
# Fingerprints begun before the build's writer exists (parallel_write.describe_posts_ahead), with its settings.
_begun: list[tuple[Mapping[str, Any], _Fingerprints]] = []

# Left in a page's local context for the ``content_written`` receivers (integration.run_page_filters):
# the file is the last build's, its page filters already run, so nothing need read it back;
KEPT_PAGE = "hexo_kept_page"
# and the site's page filters, found once per build rather than once per page.
PAGE_FILTERS = "hexo_page_filters"
# Whether the page was found unchanged, once that is decided (before the fork, or at its render).
_SETTLED = "hexo_page_settled"
# Between a file's path and the number of a later write of it, in the state's keys (no path holds it).
_NTH_WRITE = "\0"


def site_page_filters(settings: Mapping[str, Any]) -> list[Any]:
    """The site's page-wide ``after_render:html`` filters (none without a Hexo config), found once a build."""
    if not settings.get("HEXO_CONFIG"):
        return []
    from .config import hexo_config_from_settings

    return list(hexo_config_from_settings(settings).extensions.page_filters)


def incremental_writes_enabled(settings: Mapping[str, Any]) -> bool:
    """On where the site already trusts its cache, unless ``HEXO_INCREMENTAL_WRITES`` says otherwise."""
    default = bool(settings.get("CACHE_CONTENT")) and bool(settings.get("LOAD_CONTENT_CACHE"))
    return bool(settings.get("HEXO_INCREMENTAL_WRITES", default))


class _Fingerprints:
    """Stable descriptions of the objects a page is rendered from, memoised for one build."""

    def __init__(self) -> None:
        self._shallow: dict[int, str] = {}
        self._full: dict[int, str] = {}
        self._lists: dict[tuple[int, int, bool], str] = {}
        self._wrappers: dict[int, tuple[str, str, str]] = {}
        self._pages: dict[tuple[int, bool], str] = {}
        # Memoised by id(): the objects must outlive the build, so they are kept here too.
        self._alive: list[Any] = []
        self._contents: list[Any] | None = None
        self._urls: str | None = None
        # What another process is describing for this build (parallel_write.describe_posts_ahead).
        self._coming: Callable[[], Any] | None = None

    def keep_alive(self, value: Any) -> None:
        """Hold ``value`` for the build: a description memoised by its id must not meet another object there."""
        self._alive.append(value)

    def describe(self, value: Any, deep: bool = False) -> Any:
        # The common exact types first: a build describes ~140,000 values, most of them these.
        kind = type(value)
        if kind is str:
            return ("text", _digest(value)) if len(value) > _LONG_TEXT else value
        if kind in _SCALARS:
            return value
        # A post already described: the memo holds only posts kept alive, so its id is this post's.
        found = (self._full if deep else self._shallow).get(id(value))
        if found is not None:
            return found
        if (kind is list or kind is tuple) and len(value) <= _SHORT_LIST:
            return [self.describe(item, deep) for item in value]
        return self._describe_other(value, deep)

    def _describe_other(self, value: Any, deep: bool) -> Any:
        if isinstance(value, str) and len(value) > _LONG_TEXT:
            # A body stands in a page's description by its digest: repr() of a description holding
            # whole bodies escaped and copied them again for every page that lists the post.
            return ("text", _digest(value))
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        if isinstance(value, Content):
            return self._content(value, deep)
        if isinstance(value, URLWrapper):
            # Its url is made from the settings on each access; a post's tags are described on many pages.
            wrapper = self._wrappers.get(id(value))
            if wrapper is None:
                self._alive.append(value)
                wrapper = self._wrappers[id(value)] = (type(value).__name__, value.name, value.url)
            return wrapper
        if isinstance(value, (datetime.date, datetime.time)):
            return value.isoformat()
        if isinstance(value, Page):
            # Pelican's paginated writes pass the same page as articles_page and as the next page's previous.
            key = (id(value), deep)
            page = self._pages.get(key)
            if page is None:
                self._alive.append(value)
                posts = [self.describe(o, deep) for o in value.object_list]
                page = self._pages[key] = _digest(("page", value.number, value.paginator.num_pages, posts))
            return page
        if isinstance(value, Paginator):
            return ("paginator", value.num_pages, value.per_page, value.name, value.url, len(value.object_list))
        if isinstance(value, Mapping):
            return sorted(((str(key), self.describe(item, deep)) for key, item in value.items()), key=lambda kv: kv[0])
        if isinstance(value, (list, tuple)):
            # Tag and category pages pass the same lists again and again.
            key = (id(value), len(value), deep)
            found = self._lists.get(key)
            if found is None:
                self._alive.append(value)
                found = self._lists[key] = _digest([self.describe(item, deep) for item in value])
            return found
        if isinstance(value, (set, frozenset)):
            return sorted(repr(self.describe(item, deep)) for item in value)
        return (type(value).__qualname__, _ADDRESS.sub("", repr(value)))

    def _content(self, content: Content, deep: bool) -> Any:
        key = id(content)
        shallow = self._shallow.get(key)
        if shallow is None:
            self._alive.append(content)
            metadata = content.metadata
            # What themes show of posts a page does not list: menus, archives, "recent posts".
            description = (
                type(content).__name__,
                content.url,
                content.save_as,
                str(getattr(content, "status", "")),
                [self.describe(metadata.get(name)) for name in _LISTED_METADATA],
                [t.url for t in getattr(content, "translations", [])],
            )
            # A digest, not the tuple: a tag page lists hundreds of posts, and each page is described.
            shallow = self._shallow[key] = _digest(description)
        if not deep:
            return shallow
        full = self._full.get(key)
        if full is None:
            body = content._content if isinstance(content._content, str) else ""
            # The summary Pelican shows is the summary metadata (in the metadata) or the body cut at
            # SUMMARY_MAX_LENGTH (a setting): both are here without making it (0.2 s a rebuild).
            # Pelican's {filename}/{static} links become other objects' URLs when the page is made.
            linking = _has_intrasite_link(body, content.metadata.get("summary"), getattr(content, "settings", None))
            urls = self._site_urls() if linking else ""
            own_summary = getattr(content, "_summary", None)
            parts = (self._metadata(content.metadata), self.describe(own_summary), _digest(body), urls)
            full = self._full[key] = _digest((shallow, *parts))
        return full

    def _metadata(self, metadata: Any) -> str:
        """A post's metadata by its digest: its JSON where it has one, the plain values read in C.

        Half the fingerprinting time of a rebuild was describing metadata value by value in Python;
        what JSON cannot hold (dates, tags, other objects) is described as ``describe`` does.
        """
        try:
            text = json.dumps(
                metadata, default=self._described, sort_keys=True, ensure_ascii=False, check_circular=False
            )
        except (TypeError, ValueError, RecursionError):
            return _digest(self.describe(metadata))
        return _digest(text)

    def _described(self, value: Any) -> Any:
        # JSON asks only for what it cannot write itself; describe() never gives such a value back.
        return self.describe(value)

    def neighbours(self, content: Any) -> list[Any]:
        """The posts a post's own page links to as newer and older (integration.link_neighbours)."""
        return [self.describe(getattr(content, name, None)) for name in ("hexo_newer", "hexo_older")]

    def use_site_of(self, context: Mapping[str, Any]) -> None:
        """Every content object of the build's ``context``, whose URLs a {filename} link may take; taken once."""
        if self._contents is None:
            self._contents = [c for key in _CONTENT_KEYS for c in context.get(key) or ()]
            self._alive.extend(self._contents)

    def describe_posts(self, posts: list[Any]) -> dict[str, dict[int, str]]:
        """The descriptions of ``posts`` by id, for another process of the build to :meth:`adopt`.

        Made once in the process that forked, the ids are the same objects in both.
        """
        for post in posts:
            try:
                self._content(post, deep=True)
            except Exception as error:  # noqa: BLE001 - the page showing it is fingerprinted, or written, anyway
                logger.debug("not describing %s: %s", getattr(post, "source_path", post), error)
        keys = [id(post) for post in posts]
        return {
            "shallow": {key: self._shallow[key] for key in keys if key in self._shallow},
            "full": {key: self._full[key] for key in keys if key in self._full},
        }

    def expect(self, coming: Callable[[], Any]) -> None:
        """``coming()`` will give what :meth:`describe_posts` makes in another process, for :meth:`adopt`."""
        self._coming = coming

    def take_what_came(self) -> bool:
        """Adopt what another process described, waiting for it; whether every post came so."""
        coming, self._coming = self._coming, None
        made = coming() if coming is not None else None
        if isinstance(made, dict):
            self.adopt(made)
            return True
        return False

    def adopt(self, made: Mapping[str, Mapping[int, str]]) -> None:
        """Take the descriptions :meth:`describe_posts` made in another process (of posts :meth:`use_site_of` holds)."""
        self._shallow.update(made.get("shallow", {}))
        self._full.update(made.get("full", {}))

    def _site_urls(self) -> str:
        if self._urls is None:
            contents = self._contents or []
            pairs = sorted((str(getattr(c, "source_path", "")), str(getattr(c, "url", ""))) for c in contents)
            self._urls = _digest(pairs)
        return self._urls


def begin_fingerprints(settings: Mapping[str, Any], context: Mapping[str, Any]) -> tuple[_Fingerprints, list[Any]]:
    """The fingerprints the writer of this build will use, begun now; and the posts their pages show.

    For the posts to be described before the writer exists (in a child, while the pages are recorded).
    """
    fingerprints = _Fingerprints()
    fingerprints.use_site_of(context)
    _begun[:] = [(settings, fingerprints)]
    return fingerprints, _posts_of(context)


def _posts_of(context: Mapping[str, Any]) -> list[Any]:
    # The articles and pages of every status; not the static files, which no page shows in full.
    return [c for key in _CONTENT_KEYS if key != "staticfiles" for c in context.get(key) or ()]


def _begun_for(settings: Mapping[str, Any]) -> _Fingerprints:
    begun = [fingerprints for owner, fingerprints in _begun if owner is settings]
    _begun.clear()
    return begun[0] if begun else _Fingerprints()


def state_file(settings: Mapping[str, Any]) -> str:
    """Where the page fingerprints of the last build are kept."""
    return os.path.join(str(settings.get("CACHE_PATH") or "cache"), _STATE_FILE)


def _names_used(
    environment: Any, name: str, parsed: dict[str, Any], known: dict[str, Any] | None = None
) -> frozenset[str] | None:
    """What Jinja's ``meta`` finds undeclared in ``name`` and every template it names; None if one is not a literal.

    ``parsed`` keeps each file's findings for the build: every page kind's templates share base.html.
    ``known`` keeps them between builds, by the template's text (parsing the theme's took 0.1 s a build).
    """
    found: set[str] = set()
    pending, seen = [name], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        if current not in parsed:
            parsed[current] = _names_of_one(environment, current, {} if known is None else known)
        if parsed[current] is None:
            return None
        names, referenced = parsed[current]
        if None in referenced:
            return None
        found |= names
        pending.extend(referenced)
    return frozenset(found)


def _names_of_one(
    environment: Any, name: str, known: dict[str, Any]
) -> tuple[frozenset[str], tuple[str | None, ...]] | None:
    from jinja2 import TemplateError, meta

    try:
        source = environment.loader.get_source(environment, name)[0]
    except (TemplateError, OSError):
        return None
    # The text as this environment reads it: its delimiters and extensions change what it parses to.
    syntax = (environment.block_start_string, environment.variable_start_string, sorted(environment.extensions))
    key = _digest((syntax, source))
    if key not in known:
        try:
            tree = environment.parse(source)
            # Compiles the tree: a filter the environment lacks is an error here too.
            undeclared = meta.find_undeclared_variables(tree)
        except TemplateError:
            return None
        known[key] = (frozenset(undeclared), tuple(meta.find_referenced_templates(tree)))
    return known[key]


def intrasite_link_start(marker: str) -> re.Pattern[str]:
    """Where Pelican's link regex made from ``marker`` (``INTRASITE_LINK_REGEX``) can match: a value opening with it.

    Pelican's pattern from the attribute's ``=`` on, read as Pelican reads it (``re.X``).
    """
    found = _LINK_STARTS.get(marker)
    if found is None:
        found = _LINK_STARTS[marker] = re.compile(rf"""=\s*["']{marker}""", re.X)
    return found


_LINK_STARTS: dict[str, re.Pattern[str]] = {}


def _has_intrasite_link(body: str, summary: Any, settings: Any = None) -> bool:
    """Whether Pelican may make a link to another object in ``body`` or ``summary``, by the post's marker."""
    texts = (body, summary if isinstance(summary, str) else str(summary or ""))
    marker = settings.get("INTRASITE_LINK_REGEX") if isinstance(settings, Mapping) else None
    if not isinstance(marker, str) or marker == _PELICANS_LINK_REGEX:
        # Most bodies hold neither `{` nor `|`, found at memchr speed; the regex alone took 0.09 s a build.
        return any(("{" in text or "|" in text) and _INTRASITE_LINK.search(text) is not None for text in texts)
    try:
        start = intrasite_link_start(marker)
    except re.error:
        return True
    return any(start.search(text) is not None for text in texts)


def _digest(description: Any) -> str:
    text = description if isinstance(description, str) else repr(description)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _write_key(path: str, count: int) -> str:
    """The state's key for the write of ``path`` after ``count`` others in one build."""
    return f"{path}{_NTH_WRITE}{count}" if count else path


def written_path(key: str) -> str:
    """The file a key of the page state is about."""
    return key.partition(_NTH_WRITE)[0]


def _tree_state(folders: list[str]) -> list[tuple[str, int, int]]:
    found = []
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            # Python's compiled files come and go with the interpreter's settings, not with the code.
            dirs[:] = [name for name in dirs if name != "__pycache__"]
            for name in files:
                path = os.path.join(root, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                found.append((path, stat.st_size, stat.st_mtime_ns))
    return sorted(found)


class IncrementalWriter(Writer):
    """Pelican's writer, keeping a page's file when nothing it is made of has changed."""

    def __init__(self, output_path: str, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self._state_path = state_file(self.settings)
        self._previous = self._load_state()
        self._current: dict[str, str] = {}
        self._keep: set[str] = set()
        self._fingerprints = _begun_for(self.settings)
        self._site_base: Any = None
        self._sites: dict[tuple[int, frozenset[str] | None], str] = {}
        self._site_keys: dict[int, str] | None = None
        self._template_names: dict[str, frozenset[str] | None] = {}
        self._parsed_templates: dict[str, Any] = {}
        # What the templates name, by their text: this build's, started from the last build's.
        self._known_templates: dict[str, Any] = dict(self._previous_templates)
        self._page_filters: list[Any] | None = None
        # How often each file was fingerprinted: a file written again (override_output) has a state per write.
        self._writes: dict[str, int] = {}
        self._kept: set[str] = set()
        # Fingerprints made before the pages are settled (in two processes), by id of the page's local context.
        self._made_ahead: dict[int, str] = {}
        self._paths_written_before = {written_path(key) for key in self._previous}
        _active_writers.append(self)

    def _load_state(self) -> dict[str, tuple[str, int, int]]:
        self._previous_templates: dict[str, Any] = {}
        try:
            with open(self._state_path, "rb") as handle:
                state = pickle.load(handle)  # noqa: S301 - our own cache file, like Pelican's
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return {}
        if not isinstance(state, dict) or state.get("version") != _STATE_VERSION:
            return {}
        templates = state.get("templates")
        self._previous_templates = templates if isinstance(templates, dict) else {}
        return state.get("pages", {})

    def save_state(self) -> None:
        pages = {}
        for key, fingerprint in self._current.items():
            try:
                stat = os.stat(written_path(key))
            except OSError:
                continue
            pages[key] = (fingerprint, stat.st_size, stat.st_mtime_ns)
        try:
            os.makedirs(os.path.dirname(self._state_path) or ".", exist_ok=True)
            with open(self._state_path, "wb") as handle:
                # The templates this build read: a theme's older versions are not kept.
                templates = {key: self._known_templates[key] for key in self._used_template_keys()}
                pickle.dump({"version": _STATE_VERSION, "pages": pages, "templates": templates}, handle)
        except OSError as error:
            logger.warning("could not save the page fingerprints to %s: %s", self._state_path, error)

    def _used_template_keys(self) -> list[str]:
        used = {id(found) for found in self._parsed_templates.values() if found is not None}
        return [key for key, found in self._known_templates.items() if id(found) in used]

    def _site_fingerprint(self, context: Mapping[str, Any], names: frozenset[str] | None = None) -> str:
        """The site as a page sees it: settings, code, templates, and the site-wide ``names`` (None: all)."""
        # By context too: Pelican gives each period archive a copy of the site's, with its own `period`.
        memo = (id(context), names)
        found = self._sites.get(memo)
        if found is None:
            self._fingerprints.keep_alive(context)
            if self._site_base is None:
                settings = self.settings
                folders = [os.path.join(str(settings.get("THEME", "")), "templates")]
                folders += [str(f) for f in settings.get("THEME_TEMPLATES_OVERRIDES", []) or []]
                every_setting = {key: value for key, value in context.items() if key.isupper()}
                self._site_base = (
                    pelican.__version__,
                    _tree_state([_PACKAGE_DIR]),
                    _tree_state(folders),
                    self._fingerprints.describe(every_setting),
                )
            site = {
                key: value
                for key, value in context.items()
                if key not in _PER_PAGE_KEYS and not key.isupper() and (names is None or key in names)
            }
            found = self._sites[memo] = _digest((self._site_base, self._fingerprints.describe(site)))
        return found

    def _site_key_of(self, context: Mapping[str, Any]) -> dict[int, str]:
        """The site-wide lists and mappings by id: a page may pass one under another name (``all_articles``)."""
        if self._site_keys is None:
            lists = {key: value for key, value in context.items() if isinstance(value, (list, dict))}
            self._site_keys = {id(value): key for key, value in lists.items() if not key.isupper()}
        return self._site_keys

    def _names_used(self, template: Any) -> frozenset[str] | None:
        """The names ``template`` and the templates it extends, includes or imports take from outside; None: any."""
        name = getattr(template, "name", None)
        environment = getattr(template, "environment", None)
        if name is None or environment is None or environment.loader is None:
            return None
        if name not in self._template_names:
            self._template_names[name] = _names_used(environment, name, self._parsed_templates, self._known_templates)
        return self._template_names[name]

    def _page_description(self, template: Any, localcontext: Mapping[str, Any], context: Mapping[str, Any]) -> Any:
        # The values that are not the site context's own objects, compared in C: a page's local context
        # is a copy of ~200 site-wide keys, and a Python loop over them was 0.08 s a build.
        keys = list(localcontext)
        differs = map(operator.is_not, localcontext.values(), map(context.get, keys, repeat(_MISSING)))
        own = {key: localcontext[key] for key in compress(keys, differs)}
        own.update((key, localcontext[key]) for key in _PER_PAGE_KEYS if key in localcontext)
        describe = self._fingerprints.describe
        self._fingerprints.use_site_of(context)
        # A paginated page shows its slice in full; the whole list behind it only as a list.
        whole_lists = {f"{key}_page": key for key in ("articles", "dates")}
        shallow = {whole_lists[key] for key in own if key in whole_lists}
        # The pages before and after it: their links, not their posts' bodies.
        shallow |= {key for key in own if key.endswith(("_previous_page", "_next_page"))}
        site_keys = self._site_key_of(context)
        names = None if self._filters_read_the_site() else self._names_used(template)
        if names is not None:
            # What the page passes itself shadows the site's value of that name (a tag page's `articles`);
            # a site-wide value it passes under another name the template uses (`all_articles`) is
            # described with the site's. One the template does not use is not: list_pages passes
            # all_articles to every list page, and it changes with every post added.
            aliases = {site_keys[id(value)] for key, value in own.items() if id(value) in site_keys and key in names}
            names = frozenset((names - own.keys()) | aliases)
        # A post's own page links to its neighbours; a list showing the post does not.
        shown = [own.get(key) for key in ("article", "page")]
        return (
            self._site_fingerprint(context, names),
            getattr(template, "name", None),
            sorted(
                (key, "site" if id(value) in site_keys else describe(value, deep=key not in shallow))
                for key, value in own.items()
            ),
            [self._fingerprints.neighbours(content) for content in shown if isinstance(content, Content)],
        )

    def _filters_read_the_site(self) -> bool:
        # A site's own after_render:html filter runs in V8 with the whole site at hand.
        return any(getattr(f, "__module__", "").endswith(".local_scripts") for f in self.page_filters)

    @property
    def page_filters(self) -> list[Any]:
        """The site's page-wide ``after_render:html`` filters (none without a Hexo config)."""
        if self._page_filters is None:
            self._page_filters = site_page_filters(self.settings)
        return self._page_filters

    def fingerprints_to_share(self, context: Mapping[str, Any]) -> tuple[_Fingerprints, list[Any]]:
        """The build's fingerprints, ready to be made in two processes, and the posts still to describe first.

        What the pages' descriptions look up once for the build (the site's objects, the page filters)
        is found here, before a fork, so that both processes find the same.
        """
        self._fingerprints.use_site_of(context)
        _ = self.page_filters
        self._site_key_of(context)
        # Described while the pages were recorded: none left to describe.
        described = self._fingerprints.take_what_came()
        return self._fingerprints, [] if described else _posts_of(context)

    def may_keep(self, path: str) -> bool:
        """Whether the last build wrote ``path`` at all: only such a page is worth fingerprinting ahead."""
        return path in self._paths_written_before

    def made_ahead(self, localcontext: Mapping[str, Any], fingerprint: str) -> None:
        """The fingerprint of the page of ``localcontext``, made before the page is settled (elsewhere)."""
        self._made_ahead[id(localcontext)] = fingerprint

    def page_fingerprint(self, template: Any, localcontext: Mapping[str, Any], context: Mapping[str, Any]) -> str:
        """What :meth:`can_keep` compares for a page: its description's digest."""
        return _digest(self._page_description(template, localcontext, context))

    def can_keep(self, path: str, describe: Callable[[], Any], fingerprint: str | None = None) -> bool:
        """Whether ``path`` is as the last build wrote it from the same inputs; notes them for the next build.

        ``fingerprint``: the digest of ``describe()``, made ahead.
        """
        key = self._state_key(path)
        if fingerprint is None:
            try:
                fingerprint = _digest(describe())
            except Exception as error:  # noqa: BLE001 - what we cannot describe is simply written
                logger.debug("not fingerprinting %s: %s", path, error)
                return False
        self._current[key] = fingerprint
        previous = self._previous.get(key)
        if previous is None or previous[0] != fingerprint:
            return False
        try:
            stat = os.stat(path)
        except OSError:
            return False
        # Edited or replaced since we wrote it: write it again.
        return (stat.st_size, stat.st_mtime_ns) == previous[1:]

    def _state_key(self, path: str) -> str:
        count = self._writes.get(path, 0)
        self._writes[path] = count + 1
        return _write_key(path, count)

    def wrote_before(self, path: str) -> bool:
        """Whether the last build left a fingerprint for the next write of ``path``."""
        return _write_key(path, self._writes.get(path, 0)) in self._previous

    def _superseded_write(self, path: str) -> None:
        """A write of ``path`` is not made, a later write replacing it (the parallel writer's): its key is spent."""
        self._state_key(path)

    @property
    def kept(self) -> int:
        """How many files were kept as the last build left them."""
        return len(self._kept)

    def write_file(self, name: Any, template: Any, context: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        if name:
            # Read here, where the parallel writer records the page: its forked workers inherit it.
            self._names_used(template)
            template = _CheckedTemplate(template, self, context)
        super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, elements: Any, context: dict[str, Any], path: Any = None, *args: Any, **kwargs: Any) -> Any:
        if path:
            complete_path = sanitised_join(self.output_path, path)
            shown = elements[: self.settings["FEED_MAX_ITEMS"]]

            def describe() -> Any:
                items = [self._fingerprints.describe(element, deep=True) for element in shown]
                # A feed is its settings and its items: no site-wide list of the context.
                return (self._site_fingerprint(context, frozenset()), repr(args), repr(sorted(kwargs.items())), items)

            if self.can_keep(complete_path, describe) and complete_path not in self._written_files:
                self._written_files.add(complete_path)
                self._kept.add(complete_path)
                return None
        return super().write_feed(elements, context, path, *args, **kwargs)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        if filename in self._keep and filename not in self._overridden_files:
            self._keep.discard(filename)
            self._written_files.add(filename)
            if override:
                self._overridden_files.add(filename)
            self._kept.add(filename)
            return _Discard()
        return super()._open_w(filename, encoding, override)


class _Discard:
    """What a kept page is "written" to: not even /dev/null (2,000 opens at 1,000 posts)."""

    def __enter__(self) -> _Discard:
        return self

    def __exit__(self, *_: Any) -> None:
        return None

    def write(self, text: str) -> int:
        return len(text)


class _CheckedTemplate:
    """Stands in for the Jinja template of one ``write_file`` call; renders only a changed page."""

    def __init__(self, template: Any, writer: IncrementalWriter, context: Mapping[str, Any]) -> None:
        self._template = template
        self._writer = writer
        self._context = context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)

    def settle(self, localcontext: dict[str, Any], early: bool = False) -> bool:
        """Whether the page is the file the last build left, decided once for the page.

        ``early`` (the parallel writer, before it forks): decided only for a file the last build
        wrote; for another, False is returned and nothing is decided, the fingerprint being made where
        the page is rendered.
        """
        settled = localcontext.get(_SETTLED)
        if settled is not None:
            return settled
        writer = self._writer
        path = sanitised_join(writer.output_path, localcontext["output_file"])
        if early and not writer.wrote_before(path):
            return False
        kept = writer.can_keep(
            path,
            lambda: writer._page_description(self._template, localcontext, self._context),
            writer._made_ahead.pop(id(localcontext), None),
        )
        localcontext[_SETTLED] = kept
        if kept:
            writer._keep.add(path)
            localcontext[KEPT_PAGE] = True
        return kept

    def fingerprint(self, localcontext: Mapping[str, Any]) -> str:
        """The page's fingerprint, for :meth:`IncrementalWriter.made_ahead` (a process may make it for another)."""
        return self._writer.page_fingerprint(self._template, localcontext, self._context)

    def render(self, localcontext: dict[str, Any]) -> str:
        if self.settle(localcontext):
            return ""
        html = self._template.render(localcontext)
        # After rendering and fingerprinting: the template never sees it, the receivers do.
        localcontext[PAGE_FILTERS] = self._writer.page_filters
        return html


def incremental_writer(pelican_object: Any) -> type[Writer] | None:
    """``get_writer``: our writer where incremental writes are on."""
    return IncrementalWriter if incremental_writes_enabled(pelican_object.settings) else None


def save_page_fingerprints(pelican_object: Any) -> None:
    """``finalized``: remember what each written page was made of, for the next build."""
    if not _active_writers:
        return
    # The last writer is this build's; any older one belongs to a build that failed before it finished.
    writer = _active_writers[-1]
    _active_writers.clear()
    writer.save_state()
    if writer.kept:
        logger.info("kept %d unchanged pages as they were", writer.kept)
