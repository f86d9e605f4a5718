"""``pelican-hexo check --against OLD``: every URL of the old Hexo site, looked up in the new build.

OLD is what the old site published: its ``public/`` folder, a checkout of the deployed
site, or its ``sitemap.xml``. Each old URL is a file path relative to the site's root
(``2024/03/01/hello/index.html``); a URL is found when the new build wrote that file.
What is missing is grouped by what the old URL was (posts, pages, tags, categories,
archives, feeds, assets, other), each with the likely cause, so the fix is one look away.
A missing URL whose page the new build has elsewhere (``x.html`` now ``x/index.html``)
names where, which ``import --redirects`` turns into a redirect page.
"""

from __future__ import annotations

import os
import posixpath
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from .config import HexoConfig

GROUPS = ("posts", "pages", "tags", "categories", "archives", "feeds", "assets", "other")
# Version-control folders of a deployed checkout: never URLs of the site.
_NOT_PUBLISHED = frozenset({".git", ".hg", ".svn"})
_FEED_NAMES = frozenset({"atom.xml", "rss.xml", "rss2.xml", "feed.xml", "index.xml", "feed.atom", "feed.rss"})
_SITEMAP = re.compile(r"(^|/)(baidu)?sitemap[\w.-]*\.(xml|xsl|txt)$|(^|/)robots\.txt$")
_SEARCH = re.compile(r"(^|/)[\w-]*search[\w-]*\.(xml|json)$|(^|/)content\.json$")
_ASSET_EXTENSIONS = frozenset(
    {"css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "bmp"}
    | {"woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "webm", "ogg", "pdf", "zip"}
)
_THEME_ASSET_FOLDERS = frozenset({"css", "js", "fonts", "font", "img", "images", "lib", "libs", "vendor", "assets"})
# Hexo's permalink placeholders; :title and :category may span folders.
_PERMALINK_TOKENS = {
    "year": r"\d{4}",
    "month": r"\d{2}",
    "i_month": r"\d{1,2}",
    "day": r"\d{2}",
    "i_day": r"\d{1,2}",
    "hour": r"\d{2}",
    "minute": r"\d{2}",
    "second": r"\d{2}",
    "title": r".+",
    "category": r".+",
}


@dataclass(frozen=True)
class Missing:
    """One old URL the new build lacks: its file path, group, likely cause, and new place if any."""

    path: str
    group: str
    cause: str
    moved_to: str | None = None


class OldSiteError(ValueError):
    """OLD is neither a folder nor a sitemap that can be read."""


def old_site_paths(old: Path, site_url: str = "", root: str = "/") -> list[str]:
    """The file paths (relative to the site's root) of every URL the old site had."""
    old = Path(old)
    if old.is_dir():
        return sorted(_published_files(old))
    if not old.is_file():
        raise OldSiteError(f"{old} not found")
    return sorted(set(sitemap_paths(old, site_url, root)))


def _published_files(folder: Path) -> Iterable[str]:
    for current, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if name not in _NOT_PUBLISHED]
        relative = Path(current).relative_to(folder).as_posix()
        for name in files:
            yield name if relative == "." else f"{relative}/{name}"


def sitemap_paths(sitemap: Path, site_url: str = "", root: str = "/") -> list[str]:
    """The file path of every ``<loc>`` of a sitemap (a sitemap index's own sitemaps read from beside it)."""
    try:
        # The user's own old sitemap; ElementTree resolves no external entity, and expat >= 2.4.1
        # refuses an entity-expansion bomb.
        tree = ElementTree.parse(sitemap)  # noqa: S314
    except (ElementTree.ParseError, OSError) as error:
        raise OldSiteError(f"cannot read {sitemap} as a sitemap: {error}") from None
    found: list[str] = []
    for element in tree.iter():
        if not element.tag.endswith("loc") or not (element.text or "").strip():
            continue
        url = element.text.strip()
        parent_is_index = tree.getroot().tag.endswith("sitemapindex")
        if parent_is_index:
            beside = sitemap.parent / posixpath.basename(urlsplit(url).path)
            if beside.is_file() and beside.resolve() != sitemap.resolve():
                found += sitemap_paths(beside, site_url, root)
            continue
        found.append(url_to_path(url, site_url, root))
    return found


def url_to_path(url: str, site_url: str = "", root: str = "/") -> str:
    """The file a URL of the site is served from: ``https://x.org/blog/a/`` → ``a/index.html``."""
    path = unquote(urlsplit(url).path)
    base = unquote(urlsplit(site_url).path).rstrip("/") or root.rstrip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base) :]
    path = path.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    if "." not in posixpath.basename(path):
        # Hexo writes a/index.html for a URL without extension (pretty_urls.trailing_index false).
        return path + "/index.html"
    return path


def built_files(output: Path) -> set[str]:
    """Every file a build wrote under ``output``, as paths relative to it."""
    return set(_published_files(Path(output)))


class Classifier:
    """What an old URL was, and why the new build may lack it, from the site's Hexo config."""

    def __init__(self, config: HexoConfig, packages: Iterable[str] = ()) -> None:
        self.packages = frozenset(packages)
        self.tag_dir = self._folder(config, "tag_dir", "tags")
        self.category_dir = self._folder(config, "category_dir", "categories")
        self.archive_dir = self._folder(config, "archive_dir", "archives")
        self.pagination = re.escape(self._folder(config, "pagination_dir", "page"))
        self.permalink = _permalink_pattern(str(config.get("permalink") or ":year/:month/:day/:title/"))
        feed = config.get("feed")
        feed_paths = feed.get("path") if isinstance(feed, Mapping) else None
        extra = feed_paths if isinstance(feed_paths, list) else [feed_paths] if isinstance(feed_paths, str) else []
        self.feed_paths = frozenset(str(item).strip("/") for item in extra)

    @staticmethod
    def _folder(config: HexoConfig, key: str, default: str) -> str:
        return str(config.get(key) or default).strip("/")

    def _installed(self, package: str) -> bool:
        return package in self.packages

    def _generator_cause(self, what: str, packages: tuple[str, ...]) -> str:
        installed = [package for package in packages if self._installed(package)]
        if installed:
            return f"{what} not generated: install/emulate {installed[0]} (the old site installed it)"
        return f"{what} not generated: made by {' or '.join(packages)}, or by the theme"

    def classify(self, path: str) -> tuple[str, str]:
        """The group of an old file path and the likely cause of its absence."""
        name = posixpath.basename(path)
        extension = name.rpartition(".")[2].lower() if "." in name else ""
        paged = re.search(rf"(^|/){self.pagination}/\d+/index\.html$", path) is not None
        if name in _FEED_NAMES or path in self.feed_paths:
            return "feeds", self._generator_cause("feed", ("hexo-generator-feed",))
        if _SITEMAP.search(path):
            packages = ("hexo-generator-sitemap", "hexo-generator-baidu-sitemap", "hexo-generator-seo-friendly-sitemap")
            return "feeds", self._generator_cause("sitemap", packages)
        if _SEARCH.search(path):
            packages = ("hexo-generator-search", "hexo-generator-searchdb", "hexo-generator-json-content")
            return "feeds", self._generator_cause("search index", packages)
        for folder, group, generator in (
            (self.tag_dir, "tags", "tag_generator"),
            (self.category_dir, "categories", "category_generator"),
        ):
            if path.startswith(folder + "/"):
                return group, self._list_cause(path, folder, group, generator, paged)
        if path.startswith(self.archive_dir + "/"):
            if paged:
                return "archives", "archives pagination (archive_generator.per_page)"
            if re.match(rf"{re.escape(self.archive_dir)}/\d{{4}}/\d{{2}}/\d{{2}}/", path):
                return "archives", "daily archive (archive_generator.daily)"
            return "archives", "archive page not generated (archive_generator.yearly, monthly)"
        if re.fullmatch(rf"{self.pagination}/\d+/index\.html", path):
            return "archives", "index pagination (index_generator.per_page, pagination_dir)"
        if extension in ("html", "htm") and self.permalink.fullmatch(_permalink_key(path)):
            return "posts", "post URL differs (permalink, or the post's permalink: front matter) or post not built"
        top = path.split("/", 1)[0] if "/" in path else ""
        if extension in ("html", "htm") and top in _THEME_ASSET_FOLDERS:
            # A theme's source/ is rendered too: its css/README.md becomes css/README.html.
            return "assets", "theme asset: the Hexo theme's source/ is not the Pelican theme's"
        if extension in _ASSET_EXTENSIONS:
            if "/" in path and self.permalink.fullmatch(posixpath.dirname(path)):
                return "assets", "post asset not copied (post_asset_folder)"
            if top in _THEME_ASSET_FOLDERS:
                return "assets", "theme asset: the Hexo theme's source/ is not the Pelican theme's"
            return "assets", "static file of source/ not copied (a hidden name, skip_render, an exclude)"
        if name == "404.html":
            return "pages", "404 page: source/404.md or the theme's own 404 generator"
        if extension in ("html", "htm"):
            return "pages", "page not built: a source/ page, a page moved by permalink:, or a theme's page"
        return "other", "file not copied: a static file of source/ or one the theme or a plugin writes"

    def _list_cause(self, path: str, folder: str, group: str, generator: str, paged: bool) -> str:
        if path == f"{folder}/index.html":
            return f"the theme's {group} index page (a theme layout Pelican's theme lacks)"
        if paged:
            return f"{group[:-1] if group == 'tags' else 'category'} pagination ({generator}.per_page)"
        if group == "categories" and path.count("/") > 2:
            return "category hierarchy: Hexo gives every level a page, Pelican a post one category"
        slug_keys = "tag_map" if group == "tags" else "category_map"
        return f"list page missing: slug differs (Hexo's slugize, {slug_keys}, filename_case)"


def _permalink_pattern(permalink: str) -> re.Pattern[str]:
    """A regex matching the file path keys (see ``_permalink_key``) of the site's post URLs."""
    key = _permalink_key(permalink.lstrip("/"))
    pattern, position = "", 0
    for token in re.finditer(r":(\w+)", key):
        pattern += re.escape(key[position : token.start()]) + _PERMALINK_TOKENS.get(token.group(1), r"[^/]+")
        position = token.end()
    return re.compile(pattern + re.escape(key[position:]))


def _permalink_key(path: str) -> str:
    """A post's path without what Hexo's router adds: ``a/index.html``, ``a.html`` and ``a/`` are all ``a``."""
    for ending in ("/index.html", "index.html", ".html", "/"):
        if path.endswith(ending):
            return path[: -len(ending)]
    return path


def moved_to(path: str, new: set[str]) -> str | None:
    """Where the new build has the page an old path served, when only its form changed.

    ``x.html`` ↔ ``x/index.html``, and a case change (Hexo's ``filename_case``, tag slugs).
    """
    key = _permalink_key(path)
    if not key or path.rpartition(".")[2].lower() not in ("html", "htm"):
        return None
    for candidate in (f"{key}/index.html", f"{key}.html"):
        if candidate != path and candidate in new:
            return candidate
    folded = {candidate.lower(): candidate for candidate in new}
    for candidate in (path, f"{key}/index.html", f"{key}.html"):
        if candidate.lower() in folded:
            return folded[candidate.lower()]
    return None


MOVED = "moved: the new build has the page at another path (import --redirects keeps the old URL working)"


def compare(old: Iterable[str], new: set[str], classifier: Classifier) -> list[Missing]:
    """Every old path the new build lacks, classified."""
    missing = []
    for path in sorted(set(old)):
        if path in new:
            continue
        group, cause = classifier.classify(path)
        where = moved_to(path, new)
        if where is not None:
            cause = MOVED
        missing.append(Missing(path, group, cause, where))
    return missing


def report_data(old: list[str], new: set[str], missing: list[Missing]) -> dict[str, Any]:
    """The comparison as ``--format json`` prints it."""
    groups: dict[str, dict[str, Any]] = {}
    for group in GROUPS:
        members = [item for item in missing if item.group == group]
        if members:
            groups[group] = {"missing": len(members), "causes": dict(Counter(item.cause for item in members))}
    return {
        "old": len(set(old)),
        "found": len(set(old)) - len(missing),
        "new": len(new),
        "missing": [asdict(item) for item in missing],
        "groups": groups,
    }


# A group with more missing files than this is cut short in the text report; JSON lists all.
TEXT_LIMIT = 50


def report_lines(data: Mapping[str, Any]) -> list[str]:
    """The comparison as text: totals, then each group with its causes and files."""
    lines = [f"{data['old']} old URLs: {data['found']} in the new build, {len(data['missing'])} missing"]
    for group, summary in data["groups"].items():
        lines += ["", f"{group} ({summary['missing']} missing)"]
        for cause, count in summary["causes"].items():
            lines.append(f"  {count:4d}  {cause}")
        members = [item for item in data["missing"] if item["group"] == group]
        for item in members[:TEXT_LIMIT]:
            where = f"  -> now {item['moved_to']}" if item["moved_to"] else ""
            lines.append(f"    {item['path']}{where}")
        if len(members) > TEXT_LIMIT:
            lines.append(f"    … and {len(members) - TEXT_LIMIT} more (--format json lists them all)")
    if not data["missing"]:
        lines.append("every old URL is in the new build")
    return lines


def page_url(path: str) -> str:
    """The URL path a file is served at, as Hexo links it: ``a/index.html`` → ``a/``."""
    return path[: -len("index.html")] if path == "index.html" or path.endswith("/index.html") else path


def redirect_page(old_path: str, new_path: str, site_url: str = "", root: str = "/") -> str:
    """A page for ``old_path`` that sends a visitor (and a search engine) on to ``new_path``.

    The refresh and the plain link are relative, so they work in a local preview and on the
    live site; the canonical link is absolute where the site's URL is known, as search
    engines want it.
    """
    target = quote(page_url(posixpath.relpath(new_path, posixpath.dirname(old_path) or ".")))
    if new_path.endswith("/index.html") and not target.endswith("/"):
        target += "/"
    served = quote(page_url(new_path))
    canonical = f"{site_url.rstrip('/')}/{served}" if site_url else f"/{root.strip('/')}/{served}".replace("//", "/")
    refresh, link = escape(target), escape(canonical)
    return (
        "<!DOCTYPE html>\n"
        '<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>Moved to {link}</title>\n"
        f'<link rel="canonical" href="{link}">\n'
        f'<meta http-equiv="refresh" content="0; url={refresh}">\n'
        "</head>\n<body>\n"
        f'<p>This page has moved to <a href="{refresh}">{link}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def redirects(missing: Iterable[Missing]) -> tuple[dict[str, str], list[Missing]]:
    """The old paths to redirect (old → new), and the moved ones left out.

    A move that only changes case is left out: on a case-insensitive disk (macOS, Windows) the
    redirect page would overwrite the page it points to.
    """
    kept, skipped = {}, []
    for item in missing:
        if item.moved_to is None:
            continue
        if item.moved_to.lower() == item.path.lower():
            skipped.append(item)
        else:
            kept[item.path] = item.moved_to
    return kept, skipped
