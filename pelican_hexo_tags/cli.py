"""``pelican-hexo``: move a Hexo blog to Pelican, and check one before moving.

    pelican-hexo import HEXO_SITE_DIR PELICAN_SITE_DIR [--link] [--force] [--redirects --against OLD]
    pelican-hexo check PATH [--format text|json] [--theme NAME]
    pelican-hexo check PATH --against OLD [--built OUTPUT] [--format text|json]

``import`` mirrors the Hexo ``source/`` folder into the new site's content
(posts, drafts, pages and static files keep their paths, so every URL stays;
copies keep their file times, which Hexo's ``updated`` comes from) and writes
a ``pelicanconf.py`` for local work and a ``publishconf.py`` to publish.
Re-running it merges: every file that appeared in the Hexo site since is
added, and every file already in the new site is kept (it may have been
edited) unless ``--force``. With ``--link`` a missing folder
becomes one symlink, and files missing from a real folder become symlinks.

``check`` builds into a scratch folder and reports every problem a real build
would warn about, by post and by kind. It also counts the Markdown files
Pelican reads under the article and page paths against the posts and pages
the build produced: each file found but not built is a ``lost-post``, and a
build that fails outright is a ``build-failed``. With ``--against OLD`` it
compares URLs instead: every file of the old site (``public/``, a deployed
checkout, a ``sitemap.xml``) missing from the new build, grouped, with the
likely cause (``compare_sites``); ``import --redirects --against OLD`` writes
a redirect page at each old URL whose page moved.

Exit status: 0 when nothing is wrong; 1 when ``check`` found an error (see
``ERROR_KINDS``: lost posts and failed builds are errors), ``check --against``
found an old URL missing, or ``import`` could
not copy some file; 2 when a path cannot be used (missing, a file where a
folder is needed, not a Hexo site, an unreadable ``_config.yml``, a target
inside the source) and when ``check`` finds no post at all, since a folder
without posts is a wrong path far more often than an empty blog. Each of
those prints one ``error: ...`` line on stderr.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from pelican.readers import MarkdownReader

from .config import HexoConfig, read_config_file

CONFIG_NAME = "_config.yml"
# Folders under source/ Hexo does not publish as they are.
_POSTS, _DRAFTS = "_posts", "_drafts"
# Every feed Pelican 4.12's DEFAULT_CONFIG turns on (the others default to None).
_FEEDS_OFF = dict.fromkeys(
    ("FEED_ALL_ATOM", "CATEGORY_FEED_ATOM", "AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS", "TRANSLATION_FEED_ATOM")
)


def _language(config: HexoConfig) -> str:
    language = config.get("language")
    if isinstance(language, list):
        language = next((item for item in language if item and item != "default"), None)
    return str(language or "en")


def _per_page(config: HexoConfig) -> int | bool:
    index = config.get("index_generator")
    value = index.get("per_page") if isinstance(index, dict) and "per_page" in index else config.get("per_page")
    try:
        return int(value) or False
    except (TypeError, ValueError):
        return False


def production_url(config: HexoConfig) -> str:
    """Where the built ``output/`` is served: Hexo's ``url``, with ``root`` when ``url`` lacks it.

    Hexo's docs have ``url`` name the subfolder too (``url: https://x.org/blog``, ``root: /blog/``);
    many blogs give only the host and let ``root`` say the folder.
    """
    url = str(config.get("url") or "").rstrip("/")
    root = config.root.rstrip("/")
    return url if not root or url.endswith(root) else url + root


def render_settings(config: HexoConfig, config_name: str = CONFIG_NAME, pelican_theme: bool = False) -> str:
    """The ``pelicanconf.py`` for a site imported from Hexo: for local work, relative URLs.

    The production URL is in ``publishconf.py`` (see ``render_publish_settings``), as
    ``pelican-quickstart`` splits them: a preview must not load its CSS from the live site.
    """
    tag_dir = str(config.get("tag_dir") or "tags").strip("/")
    category_dir = str(config.get("category_dir") or "categories").strip("/")
    archive_dir = str(config.get("archive_dir") or "archives").strip("/")
    pagination_dir = str(config.get("pagination_dir") or "page").strip("/")
    values = {
        "SITENAME": str(config.get("title") or "My Blog"),
        "SITESUBTITLE": str(config.get("subtitle") or ""),
        "AUTHOR": str(config.get("author") or ""),
        "SITEURL": "",
        "RELATIVE_URLS": True,
        "TIMEZONE": str(config.get("timezone") or "UTC"),
        "DEFAULT_LANG": _language(config),
        "DEFAULT_PAGINATION": _per_page(config),
    }
    lines = [
        '"""Pelican settings written by `pelican-hexo import`, for local work; edit freely.',
        "",
        "`pelican -s publishconf.py` builds the site to publish: these settings and the production URL.",
        '"""',
        "",
    ]
    lines += [f"{key} = {value!r}" for key, value in values.items()]
    lines += _preview_root(config)
    lines += [
        "",
        "# The Hexo source/ folder, mirrored: posts, drafts, pages and files keep their paths.",
        'PATH = "content"',
        'OUTPUT_PATH = "output"',
        f"ARTICLE_PATHS = [{_POSTS!r}, {_DRAFTS!r}]",
        'PAGE_PATHS = [""]',
        *_skip_render_comment(config),
        f"PAGE_EXCLUDES = {[_POSTS, _DRAFTS, *skip_render_folders(config)]!r}",
        'STATIC_PATHS = [""]',
        f"STATIC_EXCLUDES = [{_POSTS!r}, {_DRAFTS!r}]",
        "STATIC_EXCLUDE_SOURCES = True",
        "# Hexo skips files and folders whose name starts with _ or . (_posts and _drafts aside).",
        f"IGNORE_FILES = {_ignore_files(config)!r}",
        "# Hexo renders .html/.htm files under source/ as pages (front matter, tags, {{ }}, the rest as",
        "# written; skip_render ones are copied as they are): the plugin reads them. No reStructuredText.",
        'READERS = {"rst": None}',
        "# The plugin dates posts as Hexo does; Pelican's date from the file name only loses",
        "# a post whose name is no date (2019-02-29-x.md).",
        'FILENAME_METADATA = ""',
        "# With CACHE_CONTENT on, the cache is written uncompressed: gzip was 0.6 s of a 5 s",
        "# rebuild of 1,000 posts, for a file that only this machine reads.",
        "GZIP_CACHE = False",
        "# ... and holds whole posts (Pelican's generator layer), not what the reader returned: a rebuild",
        "# unpickles 1,000 posts instead of making each again, 0.2 s of a 2 s rebuild. The plugin gives",
        "# such posts this build's context and reports their problems again; another plugin that notes",
        '# something of each post as Pelican makes it, outside the post, wants "reader" here.',
        'CONTENT_CACHING_LAYER = "generator"',
        "# A static file (an image of a post's asset folder) is copied again only when it is newer than",
        "# its copy in the output: copying all of them took 0.2 s of a 4 s rebuild of 1,000 posts.",
        "STATIC_CHECK_IF_MODIFIED = True",
        "",
        'PLUGINS = ["pelican_hexo_tags"]',
        f"HEXO_CONFIG = {config_name!r}",
        *_theme_lines(config, pelican_theme),
        "",
        "# Hexo's URLs for the lists, so old links keep working.",
        f'TAG_URL = "{tag_dir}/{{slug}}/"',
        f'TAG_SAVE_AS = "{tag_dir}/{{slug}}/index.html"',
        f'TAGS_SAVE_AS = "{tag_dir}/index.html"',
        f'CATEGORY_URL = "{category_dir}/{{slug}}/"',
        "# hexo-generator-category's pages, every level of a hierarchy, are the plugin's (list_pages).",
        'CATEGORY_SAVE_AS = ""',
        f'CATEGORIES_SAVE_AS = "{category_dir}/index.html"',
        f'ARCHIVES_SAVE_AS = "{archive_dir}/index.html"',
        'AUTHOR_SAVE_AS = ""',
        'AUTHORS_SAVE_AS = ""',
        *_list_page_settings(config),
        "PAGINATION_PATTERNS = [",
        '    (1, "{url}", "{save_as}"),',
        f'    (2, "{{base_name}}/{pagination_dir}/{{number}}/",',
        f'     "{{base_name}}/{pagination_dir}/{{number}}/index.html"),',
        "]",
        "# Tag and category slugs as Hexo's slugize makes them: case and CJK kept.",
        "SLUGIFY_PRESERVE_CASE = True",
        "SLUGIFY_USE_UNICODE = True",
        'TAG_REGEX_SUBSTITUTIONS = [(r"""[\\s~`!@#$%^&*()\\-_+=\\[\\]{}|\\\\;:"\'<>,.?/]+""", "-"), (r"^-+|-+$", "")]',
        "CATEGORY_REGEX_SUBSTITUTIONS = TAG_REGEX_SUBSTITUTIONS",
        "",
        "# Every feed Pelican makes by default, off: none of them is at a URL the Hexo blog had.",
        *(f"{key} = None" for key in _FEEDS_OFF),
        "",
    ]
    return "\n".join(lines)


PUBLISH_SETTINGS_NAME = "publishconf.py"


def render_publish_settings(config: HexoConfig) -> str:
    """The ``publishconf.py`` for a site imported from Hexo: ``pelicanconf.py`` with the production URL."""
    deploy = config.get("deploy")
    deploys = deploy if isinstance(deploy, list) else [deploy] if isinstance(deploy, Mapping) else []
    deploy_notes = [
        f"# Hexo deployed with {item.get('type')!s}"
        + (f" to {item.get('repo') or item.get('repository')!s}" if item.get("repo") or item.get("repository") else "")
        + "; upload output/ the same way."
        for item in deploys
        if isinstance(item, Mapping) and item.get("type")
    ]
    lines = [
        '"""Pelican settings to publish, written by `pelican-hexo import`: `pelican -s publishconf.py`.',
        "",
        "Everything in pelicanconf.py, with the absolute URLs a deployed site needs.",
        '"""',
        "",
        "import os",
        "import sys",
        "",
        "# pelicanconf.py beside this file, read afresh: Python would hand back a `pelicanconf`",
        "# imported earlier in the same process (pelican --autoreload, another site's build).",
        "sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))",
        'sys.modules.pop("pelicanconf", None)',
        "from pelicanconf import *  # noqa: E402, F403",
        "",
        "# Hexo's url (and root): where output/ is served.",
        f"SITEURL = {production_url(config)!r}",
        "RELATIVE_URLS = False",
        *([f"HEXO_ROOT = {config.root!r}"] if config.root != "/" else []),
        "",
        "# A published build starts from an empty output/, so no file of an earlier build lingers;",
        "# a git checkout of the deployed site kept there survives.",
        "DELETE_OUTPUT_DIRECTORY = True",
        'OUTPUT_RETENTION = [".git"]',
        *deploy_notes,
        "",
    ]
    return "\n".join(lines)


def _theme_lines(config: HexoConfig, pelican_theme: bool) -> list[str]:
    """The plugin's own theme as Pelican's ``THEME``, unless the import was asked to keep Pelican's."""
    if pelican_theme:
        return ["# Pelican's own theme (imported with --pelican-theme); THEME = theme_path() is the plugin's."]
    hexo_theme = str(config.get("theme") or "").strip() or "the Hexo theme"
    return [
        "",
        f"# The theme that ships with the plugin: laid out after {hexo_theme}, reading its config",
        "# (menu, avatar, footer, comments). Remove these lines for Pelican's own, or name another.",
        "from pelican_hexo_tags.themes import theme_path  # noqa: E402",
        "",
        "THEME = theme_path()",
    ]


def _preview_root(config: HexoConfig) -> list[str]:
    """A preview's Hexo ``root``: ``/``, where ``pelican --listen`` serves output/, for a site deployed in a folder.

    Hexo's ``hexo server`` serves under ``root`` itself; Pelican's server has no such prefix, so
    links and images written ``/blog/...`` would miss in a preview. ``publishconf.py`` puts it back.
    """
    if config.root == "/":
        return []
    return [
        "",
        f"# Hexo's root is {config.root}, where the published site is served (publishconf.py keeps it);",
        "# a preview (`pelican --listen`) serves output/ at the server's root.",
        'HEXO_ROOT = "/"',
    ]


_ONE_PAGE = 10**9


def _list_page_settings(config: HexoConfig) -> list[str]:
    """The home page's path, the archives and each list's page size, as the site's generator packages read them.

    A list with ``per_page: 0`` is one page. Archives and category pages are paginated by the
    plugin (``list_pages``), at Hexo's paths.
    """
    from .plugins import hexo_generator_archive, hexo_generator_category, hexo_generator_index, hexo_generator_tag

    sizes = {
        "index": hexo_generator_index.per_page(config),
        "tag": hexo_generator_tag.per_page(config),
        "category": hexo_generator_category.per_page(config),
    }
    # Pelican pages these templates always (a theme's index.html wants articles_page); a size Pelican
    # reads as false falls back to DEFAULT_PAGINATION, so one page is a size no list reaches.
    one_page = None if not _per_page(config) else _ONE_PAGE
    paginated = {name: size or one_page for name, size in sizes.items()}
    lines = [f"PAGINATED_TEMPLATES = {paginated!r}"]
    archive_dir = str(config.get("archive_dir") or "archives").strip("/")
    periods = hexo_generator_archive.settings(config) or {"yearly": True, "monthly": True}
    if periods.get("yearly"):
        lines.append(f'YEAR_ARCHIVE_SAVE_AS = "{archive_dir}/{{date:%Y}}/index.html"')
        if periods.get("monthly"):
            lines.append(f'MONTH_ARCHIVE_SAVE_AS = "{archive_dir}/{{date:%Y}}/{{date:%m}}/index.html"')
        if periods.get("daily"):
            lines.append(f'DAY_ARCHIVE_SAVE_AS = "{archive_dir}/{{date:%Y}}/{{date:%m}}/{{date:%d}}/index.html"')
    index = hexo_generator_index.index_path(config)
    if index != "index.html":
        lines.append(f"INDEX_SAVE_AS = {index!r}")
    return lines


# A skip_render glob that takes a whole folder: ``raw/**``, ``raw/**/*``, ``raw/**/*.md``.
_WHOLE_FOLDER = re.compile(r"^/?(?P<folder>[^*?\[\]{}!]+?)/\*\*(/\*(\.\w+)?)?$")


def skip_render_folders(config: HexoConfig) -> list[str]:
    """The folders of ``source/`` Hexo's ``skip_render`` copies as they are, Markdown too.

    Pelican excludes folders from its page paths, not single files: a folder left out of
    ``PAGE_EXCLUDES`` is read by the static generator, which copies every file raw.
    """
    patterns = config.get("skip_render")
    patterns = patterns if isinstance(patterns, list) else [patterns] if isinstance(patterns, str) else []
    folders = []
    for pattern in patterns:
        match = _WHOLE_FOLDER.match(str(pattern).strip())
        if match and not match.group("folder").startswith(_POSTS):
            folders.append(match.group("folder").strip("/"))
    return folders


def _skip_render_comment(config: HexoConfig) -> list[str]:
    if not skip_render_folders(config):
        return []
    return ["# skip_render's folders: Hexo copies them as they are, Markdown too; so does the static generator."]


class CliError(Exception):
    """A path the command cannot work with; ``main`` prints it as one ``error:`` line and exits 2."""


def _ignore_files(config: Mapping[str, Any]) -> list[str]:
    """Pelican's ``IGNORE_FILES`` for Hexo's rule: a name starting with ``_`` or ``.`` is not published.

    Pelican matches these against every file and folder name; its ``ARTICLE_PATHS`` folders
    themselves (``_posts``) are walked all the same. Hexo's ``include:`` can bring a hidden
    file back (``.well-known``); Pelican cannot make one exception, so hidden names are then
    all kept.
    """
    include = config.get("include")
    includes = include if isinstance(include, list) else [include] if isinstance(include, str) else []
    hidden_kept = any(str(glob).startswith(".") or "/." in str(glob) for glob in includes)
    return ["_*", *(() if hidden_kept else (".*",)), ".#*"]


def _source_folder(site: Path, config_data: Mapping[str, Any]) -> Path:
    """The Hexo ``source_dir`` of ``site``; for a site ``import`` wrote, the content folder its settings name.

    ``import`` copies ``_config.yml`` beside ``pelicanconf.py`` and ``source/`` into ``content/``,
    so ``check`` on the Pelican site checks the same posts as on the Hexo site.
    """
    source = site / str(config_data.get("source_dir") or "source")
    settings = site / "pelicanconf.py"
    if source.is_dir() or not settings.is_file():
        return source
    from pelican.settings import read_settings

    try:
        path = read_settings(str(settings)).get("PATH")
    except Exception:  # noqa: BLE001 - a settings file that does not run: the Hexo folder is then the one to look for
        return source
    return Path(path) if path else source


def _hexo_source(hexo_dir: Path) -> tuple[HexoConfig, Path, list[str]]:
    """The config, ``source/`` folder and config warnings of the Hexo site at ``hexo_dir``."""
    if not hexo_dir.exists():
        raise CliError(f"{hexo_dir} not found")
    if not hexo_dir.is_dir():
        raise CliError(f"{hexo_dir} is a file, not a Hexo site folder")
    config_path = hexo_dir / CONFIG_NAME
    if not config_path.exists() and not config_path.is_symlink():
        raise CliError(f"{config_path} not found: is {hexo_dir} a Hexo site?")
    try:
        with open(config_path, "rb"):
            pass
    except OSError as error:
        # read_config_file would turn this into a warning and go on with Hexo's defaults,
        # which may name another source folder than the blog's.
        raise CliError(f"cannot read {config_path}: {error.strerror or error}") from None
    data, problems = read_config_file(str(config_path))
    config = HexoConfig(data)
    source = _source_folder(hexo_dir, data)
    if not source.is_dir():
        raise CliError(f"{source} not found: is {hexo_dir} a Hexo site?")
    return config, source, [f"warning: {problem}" for problem in problems]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_target(hexo_dir: Path, source: Path, pelican_dir: Path) -> None:
    if pelican_dir.exists() and not pelican_dir.is_dir():
        raise CliError(f"{pelican_dir} is a file: import needs a folder (new or existing) for the Pelican site")
    content = pelican_dir / "content"
    if content.exists() and not content.is_dir():
        raise CliError(f"{content} is a file: import mirrors {source} into a folder there")
    site, hexo, mirrored, into = pelican_dir.resolve(), hexo_dir.resolve(), source.resolve(), content.resolve()
    if site == hexo:
        raise CliError(f"{pelican_dir} is the Hexo site itself: import into a new folder")
    if _inside(into, mirrored) or _inside(mirrored, into):
        # Copying a folder into itself never ends; a content folder holding the Hexo source
        # would have Pelican read the Hexo site twice.
        raise CliError(f"{content} and {source} overlap: import into a folder outside the Hexo source")


def _count_files(path: Path) -> int:
    if not path.is_dir():
        return 1
    return sum(len(files) for _, _, files in os.walk(path, followlinks=True))


def _error_line(source: Path, error: OSError) -> str:
    return f"error: could not import {source}: {error.strerror or error}"


class _Merge:
    """Puts a source tree at a target, file by file, counting what it added, kept and replaced."""

    def __init__(self, link: bool, force: bool) -> None:
        self.link, self.force = link, force
        self.counts: Counter[str] = Counter()
        self.errors: list[str] = []

    def put(self, source: Path, target: Path, ancestors: frozenset[Path] = frozenset()) -> None:
        try:
            self._put(source, target, ancestors)
        except OSError as error:
            self.errors.append(_error_line(source, error))

    def _put(self, source: Path, target: Path, ancestors: frozenset[Path]) -> None:
        if not target.exists() and not target.is_symlink():
            self.counts["added"] += self._place(source, target, ancestors)
        elif target.exists() and os.path.samefile(source, target):
            # A link an earlier ``--link`` import made: it already shows every file, old and new.
            self.counts["kept"] += _count_files(source)
        elif source.is_dir() and target.is_dir() and not target.is_symlink():
            # A link to some other folder is the user's: merging (or --force) would write there.
            real = self._enter(source, ancestors)
            for child in sorted(source.iterdir()):
                self.put(child, target / child.name, real)
        elif self.force:
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            else:
                target.unlink()
            self.counts["replaced"] += self._place(source, target, ancestors)
        else:
            self.counts["kept"] += _count_files(source)

    @staticmethod
    def _enter(source: Path, ancestors: frozenset[Path]) -> frozenset[Path]:
        real = source.resolve()
        if real in ancestors:
            raise OSError(f"a symlink loops back to {real}")
        return ancestors | {real}

    def _place(self, source: Path, target: Path, ancestors: frozenset[Path]) -> int:
        """Copy or link ``source`` to the free ``target``; returns how many files it placed."""
        target.parent.mkdir(parents=True, exist_ok=True)
        if self.link:
            target.symlink_to(source.resolve(), target_is_directory=source.is_dir())
            return _count_files(source)
        if not source.is_dir():
            # copy2: Hexo's ``updated`` comes from the file's mtime.
            shutil.copy2(source, target)
            return 1
        inner = self._enter(source, ancestors)
        target.mkdir()
        placed = 0
        for child in sorted(source.iterdir()):
            try:
                placed += self._place(child, target / child.name, inner)
            except OSError as error:
                self.errors.append(_error_line(child, error))
        # Last: adding the files changed the folder's time.
        shutil.copystat(source, target)
        return placed


def _import_scripts(hexo_dir: Path, pelican_dir: Path, theme: str, force: bool) -> list[str]:
    """Copy the site's and the theme's ``scripts/`` beside the copied config: a build runs the plain ones."""
    from .local_scripts import script_paths, script_support_files

    copied, report = 0, []
    # The files beside them too: a generator script reads its template (chameleon's .atom.xml) with fs.
    for script in [*script_paths(hexo_dir, theme), *script_support_files(hexo_dir, theme)]:
        target = pelican_dir / script.relative_to(hexo_dir)
        if target.exists() and not force:
            report.append(f"kept {target} (it exists; --force replaces it)")
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(script, target)
        except OSError as error:
            report.append(f"error: could not copy {script}: {error.strerror or error}")
            continue
        copied += 1
    if copied:
        report.append(f"copied {copied} local scripts (scripts/, themes/{theme}/scripts/)")
    return report


def import_site(
    hexo_dir: Path,
    pelican_dir: Path,
    link: bool = False,
    force: bool = False,
    redirects_against: Path | None = None,
    pelican_theme: bool = False,
) -> list[str]:
    """Import ``hexo_dir`` into ``pelican_dir``; returns what was done, one line each.

    With ``redirects_against`` (the old site: see ``compare_sites``), each old URL the new
    build has at another path gets a redirect page in ``content/``, at the old path.

    ``source/`` is merged into ``content/`` file by file: a file not there yet
    is copied (or linked), one already there is kept unless ``force``, so
    re-running adds what the Hexo site gained since. A file that could not be
    imported is an ``error: ...`` line; a path that cannot be used raises
    ``CliError``.
    """
    hexo_dir, pelican_dir = Path(hexo_dir), Path(pelican_dir)
    config, source, report = _hexo_source(hexo_dir)
    _check_target(hexo_dir, source, pelican_dir)
    content = pelican_dir / "content"
    content.mkdir(parents=True, exist_ok=True)
    merges: dict[str, _Merge] = {}
    for entry in sorted(source.iterdir()):
        kind = {_POSTS: "posts", _DRAFTS: "drafts"}.get(entry.name, "pages and files")
        merge = merges.setdefault(kind, _Merge(link, force))
        merge.put(entry, content / entry.name)
    verb = "linked" if link else "copied"
    for kind, merge in merges.items():
        if merge.counts["added"] or not (merge.counts["kept"] or merge.counts["replaced"]):
            report.append(f"{verb} {merge.counts['added']} files ({kind}) from {source} to {content}")
        if merge.counts["replaced"]:
            report.append(f"replaced {merge.counts['replaced']} files ({kind}) in {content} (--force)")
        if merge.counts["kept"]:
            report.append(f"kept {merge.counts['kept']} files ({kind}) already in {content} (--force replaces them)")
        report += merge.errors
    # package.json names the Hexo the site ran, which decides how older config forms read.
    site_files = [hexo_dir / name for name in ("package.json", "package-lock.json") if (hexo_dir / name).is_file()]
    for config_file in sorted(hexo_dir.glob("_config*.yml")) + site_files:
        target = pelican_dir / config_file.name
        if target.exists() and not force:
            report.append(f"kept {target} (it exists; --force replaces it)")
            continue
        try:
            shutil.copy2(config_file, target)
        except OSError as error:
            report.append(f"error: could not copy {config_file}: {error.strerror or error}")
            continue
        report.append(f"copied {config_file.name}")
    report += _import_scripts(hexo_dir, pelican_dir, str(config.get("theme") or ""), force)
    settings = pelican_dir / "pelicanconf.py"
    publish = pelican_dir / PUBLISH_SETTINGS_NAME
    report += _write_settings(settings, render_settings(config, pelican_theme=pelican_theme), force)
    report += _write_settings(publish, render_publish_settings(config), force)
    output = pelican_dir / "output"
    report.append(f"next: pelican -s {settings} --autoreload --listen   (builds, serves http://127.0.0.1:8000/)")
    report.append(f"before that, `pelican-hexo check {hexo_dir}` lists every post that needs a look")
    report.append(f"to publish: pelican -s {publish}   (for {production_url(config) or 'the site'}; upload {output})")
    report.append(
        f"and `pelican-hexo check {pelican_dir} --against OLD_PUBLIC` lists every URL of the old site not built"
    )
    if redirects_against is not None:
        report += write_redirects(pelican_dir, redirects_against)
    return report


def _through_a_link(root: Path, target: Path) -> bool:
    """Whether a folder between ``root`` and ``target`` is a symlink."""
    folder = target.parent
    while folder != root and _inside(folder, root):
        if folder.is_symlink():
            return True
        folder = folder.parent
    return False


def write_redirects(pelican_dir: Path, old: Path) -> list[str]:
    """Build the site ``import`` wrote, and give each old URL it moved a redirect page in ``content/``.

    A redirect is a static file at the old path, so every later build (and ``check --against``)
    has it; one already there, the user's, is kept.
    """
    from .compare_sites import redirect_page, redirects

    pelican_dir = Path(pelican_dir)
    _old_paths, _new, missing, config = compare_with_old_site(pelican_dir, old)
    moved, case_only = redirects(missing)
    content = pelican_dir / "content"
    site_url = production_url(config)
    written, report = 0, []
    for old_path, new_path in sorted(moved.items()):
        target = content / old_path
        if target.exists() or target.is_symlink():
            continue
        if _through_a_link(content, target):
            # A folder ``--link`` made points into the Hexo site, which import never writes to.
            report.append(f"no redirect at {target}: its folder is a link into the Hexo site")
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(redirect_page(old_path, new_path, site_url, config.root), encoding="utf-8")
        except OSError as error:
            report.append(f"error: could not write {target}: {error.strerror or error}")
            continue
        written += 1
    report.append(f"wrote {written} redirect pages in {content} (old URLs the new build has at another path)")
    if case_only:
        report.append(f"no redirect for {len(case_only)} old URLs that differ only in case (e.g. {case_only[0].path})")
    left = len(missing) - len(moved) - len(case_only)
    if left:
        report.append(
            f"{left} old URLs are missing with no page to redirect to: `pelican-hexo check --against` lists them"
        )
    return report


def _write_settings(path: Path, text: str, force: bool) -> list[str]:
    """Write a settings file import makes, unless the user's is there (``--force`` rewrites it)."""
    if path.exists() and not force:
        return [f"kept {path} (it exists; --force rewrites it)"]
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        return [f"error: could not write {path}: {error.strerror or error}"]
    return [f"wrote {path}"]


def _check_settings(path: Path, theme: str | None, output: Path) -> dict[str, Any]:
    """Pelican settings that build ``path`` (a Hexo site or a folder of posts) into ``output``."""
    from pelican.settings import read_settings

    overrides: dict[str, Any] = {
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output / ".cache"),
        "PLUGINS": ["pelican_hexo_tags"],
        # A folder of posts is no Hexo site: its HTML files are not posts (a Hexo site's are read as pages).
        "READERS": {"rst": None, "html": None, "htm": None},
        "STATIC_PATHS": [],
        "LOAD_CONTENT_CACHE": False,
        "CACHE_CONTENT": False,
        "FILENAME_METADATA": "",
        **_FEEDS_OFF,
    }
    if (path / CONFIG_NAME).is_file():
        data, _ = read_config_file(str(path / CONFIG_NAME))
        source = _source_folder(path, data)
        overrides.update(
            PATH=str(source),
            HEXO_CONFIG=str(path / CONFIG_NAME),
            READERS={"rst": None},
            ARTICLE_PATHS=[_POSTS, _DRAFTS],
            PAGE_PATHS=[""],
            PAGE_EXCLUDES=[_POSTS, _DRAFTS, "node_modules"],
            IGNORE_FILES=_ignore_files(data),
        )
    else:
        overrides.update(PATH=str(path), ARTICLE_PATHS=[""], PAGE_PATHS=[])
    if theme:
        overrides["HEXO_THEME"] = theme
    return read_settings(None, override=overrides)


def _check_path(path: Path) -> None:
    """Raise ``CliError`` unless ``path`` is a readable Hexo site or folder of posts."""
    if not path.exists():
        raise CliError(f"{path} not found")
    if not path.is_dir():
        raise CliError(f"{path} is a file: check takes a Hexo site folder or a folder of posts")
    if (path / CONFIG_NAME).exists() or (path / CONFIG_NAME).is_symlink():
        _hexo_source(path)
    elif not os.access(path, os.R_OK | os.X_OK):
        raise CliError(f"cannot read {path}: permission denied")


# Pelican's own Markdown reader's extensions (the plugin's reader takes the same): every file it
# would hand to a reader as a post.
MARKDOWN_EXTENSIONS = tuple(MarkdownReader.file_extensions)
_ARTICLE_LISTS = ("articles", "translations", "drafts", "drafts_translations", "hidden_articles", "hidden_translations")
_PAGE_LISTS = ("pages", "translations", "hidden_pages", "hidden_translations", "draft_pages", "draft_translations")


class _Census:
    """The posts a build found (Markdown files under the article and page paths) and the ones it built."""

    def __init__(self) -> None:
        self.found: set[str] | None = None
        self.built: set[str] = set()

    def take(self, generators: list[Any]) -> None:
        # After every generator's context: ``layout: page`` posts have moved from the
        # articles to the pages by then.
        from pelican.generators import ArticlesGenerator, PagesGenerator

        from .config import hexo_config_from_settings
        from .reader import copied_as_is

        self.found = set()
        for generator in generators:
            if isinstance(generator, ArticlesGenerator):
                paths, excludes, lists = "ARTICLE_PATHS", "ARTICLE_EXCLUDES", _ARTICLE_LISTS
            elif isinstance(generator, PagesGenerator):
                paths, excludes, lists = "PAGE_PATHS", "PAGE_EXCLUDES", _PAGE_LISTS
            else:
                continue
            files = generator.get_files(
                generator.settings[paths], exclude=generator.settings[excludes], extensions=MARKDOWN_EXTENSIONS
            )
            config = hexo_config_from_settings(generator.settings)
            found = (os.path.normpath(os.path.join(generator.path, name)) for name in files)
            # What skip_render names is copied, not built: no post lost.
            self.found.update(path for path in found if not copied_as_is(path, generator.settings, config))
            for name in lists:
                self.built.update(
                    os.path.normpath(content.source_path) for content in getattr(generator, name, None) or ()
                )


class _SkipReasons(logging.Handler):
    """Pelican's errors about a source file, by file: why a post was not built."""

    def __init__(self, content_path: str) -> None:
        super().__init__(logging.ERROR)
        self.content_path = content_path
        self.reasons: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        # Pelican logs "Could not process" without the exception unless DEBUG, but from
        # inside the ``except`` block: the exception is still the one being handled.
        error = record.exc_info[1] if isinstance(record.exc_info, tuple) else sys.exc_info()[1]
        try:
            why = record.getMessage()
        except (TypeError, ValueError):
            self.handleError(record)
            return
        if error is not None and str(error) not in why:
            why += f": {type(error).__name__}: {error}"
        for arg in record.args if isinstance(record.args, tuple) else ():
            source = getattr(arg, "source_path", arg)
            if isinstance(source, str) and source:
                self.reasons.setdefault(os.path.normpath(os.path.join(self.content_path, source)), why)


def _run_check(path: Path, theme: str | None, progress: bool) -> tuple[list[dict[str, Any]], int, int]:
    """The problems of a build of ``path``, and how many posts it found and built."""
    from pelican import Pelican, signals

    from .reader import problem_reported

    _check_path(path)
    shown, path = str(path), path.resolve()
    found: list[dict[str, Any]] = []

    def collect(source: str, *, line: int, kind: str, message: str) -> None:
        found.append({"file": source, "line": line, "kind": kind, "message": message})

    bar = _progress_bar(path) if progress else None

    def advance(_sender: Any, metadata: dict[str, Any] | None = None) -> None:
        if bar is not None:
            bar.update()

    census = _Census()
    pelican_logger = logging.getLogger("pelican")
    level = pelican_logger.level
    reasons: _SkipReasons | None = None
    failed = False
    problem_reported.connect(collect)
    signals.article_generator_context.connect(advance)
    signals.page_generator_context.connect(advance)
    signals.all_generators_finalized.connect(census.take)
    try:
        # Pelican prints its summary on stdout, which belongs to the report (JSON).
        with tempfile.TemporaryDirectory(prefix="pelican-hexo-check-") as scratch, redirect_stdout(io.StringIO()):
            try:
                settings = _check_settings(path, theme, Path(scratch))
                reasons = _SkipReasons(settings["PATH"])
                pelican_logger.addHandler(reasons)
                if not pelican_logger.isEnabledFor(logging.ERROR):
                    # ``main`` quiets every logger; the reasons a post was skipped are still wanted.
                    pelican_logger.setLevel(logging.ERROR)
                Pelican(settings).run()
            except Exception as error:  # noqa: BLE001 - whatever Pelican raises is a problem to report, not a crash
                failed = True
                message = f"the build failed: {type(error).__name__}: {error}"
                found.append({"file": shown, "line": 1, "kind": "build-failed", "message": message})
    finally:
        problem_reported.disconnect(collect)
        signals.article_generator_context.disconnect(advance)
        signals.page_generator_context.disconnect(advance)
        signals.all_generators_finalized.disconnect(census.take)
        if reasons is not None:
            pelican_logger.removeHandler(reasons)
        pelican_logger.setLevel(level)
        if bar is not None:
            bar.close()
    posts = census.found or set()
    if not failed and not posts:
        raise CliError(
            f"no posts found in {shown}: no {' '.join('.' + e for e in MARKDOWN_EXTENSIONS)} file"
            " under the article or page paths; is it a Hexo site or a folder of posts?"
        )
    if not failed:
        for lost in sorted(posts - census.built):
            why = reasons.reasons.get(lost) if reasons is not None else None
            if why:
                why = why.replace(str(path) + os.sep, "")
            message = f"found but not built: {why}" if why else "found but not built (Pelican gave no reason)"
            found.append({"file": lost, "line": 1, "kind": "lost-post", "message": message})
    root = str(path)
    for problem in found:
        if problem["kind"] != "build-failed" and problem["file"].startswith(root):
            problem["file"] = os.path.relpath(problem["file"], root)
    problems = sorted(found, key=lambda p: (p["file"], p["line"], p["kind"]))
    return problems, len(posts), len(posts & census.built)


def check_site(path: Path, theme: str | None = None, progress: bool = False) -> list[dict[str, Any]]:
    """Every problem a build of ``path`` reports: ``{"file", "line", "kind", "message"}``.

    Posts found but not built are ``lost-post`` problems, a build that raises is
    one ``build-failed`` problem; a path that cannot be checked (or holds no post)
    raises ``CliError``.
    """
    return _run_check(Path(path), theme, progress)[0]


class _ProgressBar:
    """A rich progress bar over the posts of a site (rich ships with Pelican)."""

    def __init__(self, total: int) -> None:
        from rich.progress import Progress

        self._progress = Progress(transient=True)
        self._task = self._progress.add_task("checking posts", total=total)
        self._progress.start()

    def update(self) -> None:
        self._progress.advance(self._task)

    def close(self) -> None:
        self._progress.stop()


def _progress_bar(path: Path) -> _ProgressBar | None:
    total = sum(1 for _ in Path(path).rglob("*.md"))
    return _ProgressBar(total) if total >= 50 and sys.stderr.isatty() else None


ERROR_KINDS = frozenset(
    {"front-matter", "unknown-tag", "tag", "post-link", "missing-asset", "duplicate-url", "lost-post", "build-failed"}
    | {"plugin-error", "config"}
)


def _print_report(problems: list[dict[str, Any]], posts: int, built: int) -> None:
    for problem in problems:
        print(f"{problem['file']}:{problem['line']}: [{problem['kind']}] {problem['message']}")
    totals = Counter(problem["kind"] for problem in problems)
    print()
    print(f"{posts} posts found, {built} built")
    if not totals:
        print("no problems found")
    for kind, count in sorted(totals.items()):
        print(f"{count:6d}  {kind}")


def _import(args: argparse.Namespace) -> int:
    failed = False
    if args.redirects and args.against is None:
        raise CliError("--redirects needs --against OLD: the old site's public/ folder, checkout or sitemap.xml")
    if args.against is not None and not args.redirects:
        raise CliError("import takes --against with --redirects; `pelican-hexo check SITE --against OLD` compares")
    against = args.against if args.redirects else None
    if against is not None and not against.exists():
        # Before the import: the comparison runs last, after every file is copied.
        raise CliError(f"{against} not found: --against takes the old site's public/ folder, checkout or sitemap.xml")
    for line in import_site(
        args.hexo_site,
        args.pelican_site,
        link=args.link,
        force=args.force,
        redirects_against=against,
        pelican_theme=args.pelican_theme,
    ):
        failed |= line.startswith("error:")
        print(line, file=sys.stderr if line.startswith("error:") else sys.stdout)
    return 1 if failed else 0


_MARKDOWN_RENDERER = re.compile(r"mark|kramed|pandoc|md", re.IGNORECASE)


def site_profile(path: Path) -> dict[str, Any] | None:
    """What decides a Hexo site's HTML, as ``check`` prints it first; None for a plain folder of posts."""
    from .config import theme_settings
    from .plugins import site_packages, support_of
    from .themes import unused_theme_keys

    config_path = Path(path) / CONFIG_NAME
    if not config_path.is_file():
        return None
    data, _problems = read_config_file(str(config_path))
    config = HexoConfig(data, source_root=str(path))
    version = ".".join(str(part) for part in config.hexo_version) if config.hexo_version else "not named"
    theme = str(config.get("theme") or "")
    from .extend import Extensions
    from .local_scripts import LocalScripts

    # Loaded as a build loads them (one V8 context per site and script content), to say what ran.
    local = LocalScripts(config)
    local.register(Extensions())
    scripts = {
        name: {"registers": status.registers, "requires": status.requires, "run": status.run, "note": status.why}
        for name, status in local.statuses.items()
    }
    return {
        "hexo": version,
        # Hexo renders .md with the Markdown renderer the site installed; here, the engine the config picks.
        "renderers_installed": [
            p for p in site_packages(config) if p.startswith("hexo-renderer-") and _MARKDOWN_RENDERER.search(p)
        ],
        "renderer": _renderer_here(config),
        "theme": theme,
        "theme_config": _theme_config_files(Path(path), theme, data),
        "theme_keys_unused": unused_theme_keys(theme_settings(config)),
        "plugins": [vars(support_of(package)) for package in site_packages(config)],
        "plugins_from": "package.json" if config.plugins else "hexo init's default set (no package.json)",
        # Plain scripts run in V8 (local_scripts.py); one that needs Node modules is reported, not run.
        "scripts": scripts,
    }


def _renderer_here(config: HexoConfig) -> str:
    """The package whose Markdown a build here reproduces, as Hexo would pick it for the site."""
    from .plugins.hexo_renderer_markdown_it_plus import renders as markdown_it_plus_renders

    registered = config.extensions.renderer("md")
    if registered is not None:
        return getattr(sys.modules.get(registered.__module__), "PACKAGE", registered.__module__)
    if markdown_it_plus_renders(config):
        return "hexo-renderer-markdown-it-plus"
    return "hexo-renderer-markdown-it" if config.uses_markdown_it else "hexo-renderer-marked"


def _theme_config_files(site: Path, theme: str, data: Mapping[str, Any]) -> list[str]:
    """Where the theme's settings come from, in Hexo's order of precedence, lowest first."""
    found = [
        name for name in (f"themes/{theme}/_config.yml", f"_config.{theme}.yml") if theme and (site / name).is_file()
    ]
    if isinstance(data.get("theme_config"), Mapping):
        found.append("theme_config: in _config.yml")
    return found


# A theme's own _config.yml copied whole has a hundred keys or more: the first ones say enough.
_UNUSED_KEYS_SHOWN = 30


def _print_profile(profile: dict[str, Any]) -> None:
    installed = ", ".join(profile["renderers_installed"]) or "none named"
    theme_from = f" (settings: {', '.join(profile['theme_config'])})" if profile["theme_config"] else ""
    print(f"Hexo {profile['hexo']}, theme {profile['theme'] or '(none)'}{theme_from}")
    unused = profile["theme_keys_unused"]
    if unused:
        shown = ", ".join(unused[:_UNUSED_KEYS_SHOWN])
        more = f" and {len(unused) - _UNUSED_KEYS_SHOWN} more" if len(unused) > _UNUSED_KEYS_SHOWN else ""
        print(f"theme config keys the plugin's theme does not use ({len(unused)}): {shown}{more}")
    print(f"Markdown renderer installed: {installed}; rendered here as {profile['renderer']}")
    print(f"plugins, from {profile['plugins_from']}:")
    for plugin in profile["plugins"]:
        status = {"n/a": "changes no post"}.get(plugin["status"], plugin["status"])
        loses = f"; loses {plugin['loses']}" if plugin["loses"] else ""
        print(f"  {plugin['package']:<36} {status}{loses}")
    if profile["scripts"]:
        ran = sum(1 for report in profile["scripts"].values() if report["run"])
        print(f"local scripts ({len(profile['scripts'])}, {ran} run); a post loses what those not run register:")
        for name, report in profile["scripts"].items():
            registers = ", ".join(report["registers"]) or "nothing Hexo-visible"
            needs = f" (requires {', '.join(report['requires'])})" if report["requires"] else ""
            state = "run" if report["run"] else "not run"
            note = f": {report['note']}" if report["note"] else ""
            print(f"  {name}: {registers}{needs}; {state}{note}")
    print()


def _site_config(path: Path) -> HexoConfig:
    """The Hexo config of a Hexo site or of a site ``import`` wrote (its copied ``_config.yml``)."""
    config_path = Path(path) / CONFIG_NAME
    if not config_path.is_file():
        raise CliError(f"{config_path} not found: check --against takes a Hexo site or a site import wrote")
    data, _problems = read_config_file(str(config_path))
    return HexoConfig(data, source_root=str(path))


def build_for_comparison(path: Path, scratch: Path) -> Path:
    """Build ``path`` as it will be published, into ``scratch``; returns the output folder.

    A site ``import`` wrote is built with its own ``pelicanconf.py``; a Hexo site is imported
    into ``scratch`` first, so the comparison sees what a fresh import gives.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    path, scratch = Path(path), Path(scratch)
    settings_file = path / "pelicanconf.py"
    if not settings_file.is_file():
        import_site(path, scratch / "site")
        settings_file = scratch / "site" / "pelicanconf.py"
    output = scratch / "output"
    overrides = {"OUTPUT_PATH": str(output), "CACHE_PATH": str(scratch / "cache"), "DELETE_OUTPUT_DIRECTORY": False}
    with redirect_stdout(io.StringIO()):
        Pelican(read_settings(str(settings_file), override=overrides)).run()
    return output


def compare_with_old_site(
    path: Path, old: Path, built: Path | None = None
) -> tuple[list[str], set[str], list[Any], HexoConfig]:
    """The old site's paths, the new build's files and what of the old is missing from the new."""
    from .compare_sites import Classifier, OldSiteError, built_files, compare, old_site_paths
    from .plugins import site_packages

    config = _site_config(path)
    try:
        old_paths = old_site_paths(old, production_url(config), config.root)
    except OldSiteError as error:
        raise CliError(str(error)) from None
    if built is not None:
        if not Path(built).is_dir():
            raise CliError(f"{built} not found: --built takes the output folder of a build")
        new = built_files(built)
    else:
        with tempfile.TemporaryDirectory(prefix="pelican-hexo-against-") as scratch:
            new = built_files(build_for_comparison(path, Path(scratch)))
    return old_paths, new, compare(old_paths, new, Classifier(config, site_packages(config))), config


def _check_against(args: argparse.Namespace) -> int:
    from .compare_sites import report_data, report_lines

    root_logger = logging.getLogger()
    level = root_logger.level
    root_logger.setLevel(logging.CRITICAL)
    try:
        old_paths, new, missing, _config = compare_with_old_site(args.path, args.against, args.built)
    except CliError:
        raise
    except Exception as error:  # noqa: BLE001 - a build that fails is reported, not a traceback
        print(f"error: the build failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        root_logger.setLevel(level)
    data = report_data(old_paths, new, missing)
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print("\n".join(report_lines(data)))
    return 1 if missing else 0


def _check(args: argparse.Namespace) -> int:
    if args.against is not None:
        return _check_against(args)
    # The report says it all; Pelican's own log would repeat every line.
    root_logger = logging.getLogger()
    level = root_logger.level
    root_logger.setLevel(logging.CRITICAL)
    try:
        problems, posts, built = _run_check(args.path, args.theme, progress=args.format == "text")
    finally:
        root_logger.setLevel(level)
    profile = site_profile(args.path)
    if args.format == "json":
        totals = dict(Counter(problem["kind"] for problem in problems))
        report = {"profile": profile, "problems": problems, "totals": totals, "posts": {"found": posts, "built": built}}
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        if profile:
            _print_profile(profile)
        _print_report(problems, posts, built)
    return 1 if any(problem["kind"] in ERROR_KINDS for problem in problems) else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``pelican-hexo``; returns the exit status (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="pelican-hexo", description="Move a Hexo blog to Pelican.")
    commands = parser.add_subparsers(dest="command", required=True)
    importer = commands.add_parser("import", help="mirror a Hexo site into a new Pelican site")
    importer.add_argument("hexo_site", type=Path)
    importer.add_argument("pelican_site", type=Path)
    importer.add_argument("--link", action="store_true", help="symlink instead of copying")
    importer.add_argument("--force", action="store_true", help="replace what is already there")
    importer.add_argument(
        "--pelican-theme", action="store_true", help="keep Pelican's default theme, not the plugin's own"
    )
    importer.add_argument(
        "--redirects", action="store_true", help="with --against: a redirect page for each old URL that moved"
    )
    importer.add_argument(
        "--against", type=Path, metavar="OLD", help="the old site: its public/ folder, a checkout or a sitemap.xml"
    )
    checker = commands.add_parser("check", help="report what a Pelican build of a Hexo site would warn about")
    checker.add_argument(
        "path", type=Path, nargs="?", default=Path("."), help="a Hexo site, a site import wrote, or a folder of posts"
    )
    checker.add_argument("--format", choices=("text", "json"), default="text")
    checker.add_argument("--theme", help="tag dialect (next, butterfly, fluid, stellar …); default: the config's")
    checker.add_argument(
        "--against",
        type=Path,
        metavar="OLD",
        help="list every URL of the old site (its public/ folder, a deployed checkout or a sitemap.xml)"
        " the new build lacks, instead of the post problems",
    )
    checker.add_argument(
        "--built", type=Path, metavar="OUTPUT", help="with --against: compare this build's output, do not build"
    )
    args = parser.parse_args(argv)
    try:
        return _import(args) if args.command == "import" else _check(args)
    except CliError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        # A folder that vanished or turned unwritable halfway: still one line, not a traceback.
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: {where}{error.strerror or error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
