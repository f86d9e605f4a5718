"""``pelican-hexo``: move a Hexo blog to Pelican, and check one before moving.

    pelican-hexo import HEXO_SITE_DIR PELICAN_SITE_DIR [--link] [--force]
    pelican-hexo check PATH [--format text|json] [--theme NAME]

``import`` mirrors the Hexo ``source/`` folder into the new site's content
(posts, drafts, pages and static files keep their paths, so every URL stays)
and writes a ``pelicanconf.py``; ``check`` builds into a scratch folder and
reports every problem a real build would warn about, by post and by kind.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from .config import HexoConfig, read_config_file

CONFIG_NAME = "_config.yml"
# Folders under source/ Hexo does not publish as they are.
_POSTS, _DRAFTS = "_posts", "_drafts"


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


def render_settings(config: HexoConfig, config_name: str = CONFIG_NAME) -> str:
    """The ``pelicanconf.py`` for a site imported from Hexo."""
    url = str(config.get("url") or "").rstrip("/")
    site_url = url + config.root.rstrip("/")
    tag_dir = str(config.get("tag_dir") or "tags").strip("/")
    category_dir = str(config.get("category_dir") or "categories").strip("/")
    archive_dir = str(config.get("archive_dir") or "archives").strip("/")
    pagination_dir = str(config.get("pagination_dir") or "page").strip("/")
    values = {
        "SITENAME": str(config.get("title") or "My Blog"),
        "SITESUBTITLE": str(config.get("subtitle") or ""),
        "AUTHOR": str(config.get("author") or ""),
        "SITEURL": site_url,
        "TIMEZONE": str(config.get("timezone") or "UTC"),
        "DEFAULT_LANG": _language(config),
        "DEFAULT_PAGINATION": _per_page(config),
    }
    lines = ['"""Pelican settings written by `pelican-hexo import`; edit freely."""', ""]
    lines += [f"{key} = {value!r}" for key, value in values.items()]
    lines += [
        "",
        "# The Hexo source/ folder, mirrored: posts, drafts, pages and files keep their paths.",
        'PATH = "content"',
        'OUTPUT_PATH = "output"',
        f"ARTICLE_PATHS = [{_POSTS!r}, {_DRAFTS!r}]",
        'PAGE_PATHS = [""]',
        f"PAGE_EXCLUDES = [{_POSTS!r}, {_DRAFTS!r}]",
        'STATIC_PATHS = [""]',
        f"STATIC_EXCLUDES = [{_POSTS!r}, {_DRAFTS!r}]",
        "STATIC_EXCLUDE_SOURCES = True",
        "# Hexo copies .html files under source/ as they are; there is no reStructuredText.",
        'READERS = {"rst": None, "html": None, "htm": None}',
        "",
        'PLUGINS = ["pelican_hexo_tags"]',
        f"HEXO_CONFIG = {config_name!r}",
        "",
        "# Hexo's URLs for the lists, so old links keep working.",
        f'TAG_URL = "{tag_dir}/{{slug}}/"',
        f'TAG_SAVE_AS = "{tag_dir}/{{slug}}/index.html"',
        f'TAGS_SAVE_AS = "{tag_dir}/index.html"',
        f'CATEGORY_URL = "{category_dir}/{{slug}}/"',
        f'CATEGORY_SAVE_AS = "{category_dir}/{{slug}}/index.html"',
        f'CATEGORIES_SAVE_AS = "{category_dir}/index.html"',
        f'ARCHIVES_SAVE_AS = "{archive_dir}/index.html"',
        f'YEAR_ARCHIVE_SAVE_AS = "{archive_dir}/{{date:%Y}}/index.html"',
        f'MONTH_ARCHIVE_SAVE_AS = "{archive_dir}/{{date:%Y}}/{{date:%m}}/index.html"',
        'AUTHOR_SAVE_AS = ""',
        'AUTHORS_SAVE_AS = ""',
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
        "FEED_ALL_ATOM = None",
        "CATEGORY_FEED_ATOM = None",
        "AUTHOR_FEED_ATOM = None",
        "AUTHOR_FEED_RSS = None",
        "",
    ]
    return "\n".join(lines)


def _remove(target: Path) -> None:
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)


def _place(source: Path, target: Path, link: bool) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if link:
        target.symlink_to(source.resolve(), target_is_directory=source.is_dir())
    elif source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copy2(source, target)


def _count_files(path: Path) -> int:
    if path.is_file():
        return 1
    return sum(len(files) for _, _, files in os.walk(path, followlinks=True))


def import_site(hexo_dir: Path, pelican_dir: Path, link: bool = False, force: bool = False) -> list[str]:
    """Import ``hexo_dir`` into ``pelican_dir``; returns what was done, one line each.

    Each top-level entry of ``source/`` is mirrored into ``content/``; an
    entry already there is kept unless ``force``, so re-running is safe.
    """
    hexo_dir, pelican_dir = Path(hexo_dir), Path(pelican_dir)
    config_path = hexo_dir / CONFIG_NAME
    if not config_path.is_file():
        raise SystemExit(f"error: {config_path} not found: is {hexo_dir} a Hexo site?")
    data, problems = read_config_file(str(config_path))
    report = [f"warning: {problem}" for problem in problems]
    config = HexoConfig(data)
    source = hexo_dir / str(config.get("source_dir") or "source")
    if not source.is_dir():
        raise SystemExit(f"error: {source} not found: is {hexo_dir} a Hexo site?")
    content = pelican_dir / "content"
    content.mkdir(parents=True, exist_ok=True)
    counts: Counter[str] = Counter()
    for entry in sorted(source.iterdir()):
        target = content / entry.name
        if target.exists() or target.is_symlink():
            if not force:
                report.append(f"kept {target} (it exists; --force replaces it)")
                continue
            _remove(target)
        _place(entry, target, link)
        kind = {"_posts": "posts", "_drafts": "drafts"}.get(entry.name, "pages and files")
        counts[kind] += _count_files(entry)
    verb = "linked" if link else "copied"
    for kind, count in counts.items():
        report.append(f"{verb} {count} files ({kind}) from {source} to {content}")
    for config_file in sorted(hexo_dir.glob("_config*.yml")):
        target = pelican_dir / config_file.name
        if target.exists() and not force:
            report.append(f"kept {target} (it exists; --force replaces it)")
            continue
        shutil.copy2(config_file, target)
        report.append(f"copied {config_file.name}")
    settings = pelican_dir / "pelicanconf.py"
    if settings.exists() and not force:
        report.append(f"kept {settings} (it exists; --force rewrites it)")
    else:
        settings.write_text(render_settings(config), encoding="utf-8")
        report.append(f"wrote {settings}")
    report.append(f"next: pelican -s {settings}   (then open {pelican_dir / 'output' / 'index.html'})")
    report.append(f"before that, `pelican-hexo check {hexo_dir}` lists every post that needs a look")
    return report


def _check_settings(path: Path, theme: str | None, output: Path) -> dict[str, Any]:
    """Pelican settings that build ``path`` (a Hexo site or a folder of posts) into ``output``."""
    from pelican.settings import read_settings

    overrides: dict[str, Any] = {
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output / ".cache"),
        "PLUGINS": ["pelican_hexo_tags"],
        "READERS": {"rst": None, "html": None, "htm": None},
        "STATIC_PATHS": [],
        "LOAD_CONTENT_CACHE": False,
        "CACHE_CONTENT": False,
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
    }
    if (path / CONFIG_NAME).is_file():
        data, _ = read_config_file(str(path / CONFIG_NAME))
        source = path / str(data.get("source_dir") or "source")
        overrides.update(
            PATH=str(source),
            HEXO_CONFIG=str(path / CONFIG_NAME),
            ARTICLE_PATHS=[_POSTS, _DRAFTS],
            PAGE_PATHS=[""],
            PAGE_EXCLUDES=[_POSTS, _DRAFTS, "node_modules"],
        )
    else:
        overrides.update(PATH=str(path), ARTICLE_PATHS=[""], PAGE_PATHS=[])
    if theme:
        overrides["HEXO_THEME"] = theme
    return read_settings(None, override=overrides)


def check_site(path: Path, theme: str | None = None, progress: bool = False) -> list[dict[str, Any]]:
    """Every problem a build of ``path`` reports: ``{"file", "line", "kind", "message"}``."""
    from pelican import Pelican, signals

    from .reader import problem_reported

    found: list[dict[str, Any]] = []

    def collect(source: str, *, line: int, kind: str, message: str) -> None:
        found.append({"file": source, "line": line, "kind": kind, "message": message})

    bar = _progress_bar(path) if progress else None

    def advance(_sender: Any, metadata: dict[str, Any] | None = None) -> None:
        if bar is not None:
            bar.update()

    problem_reported.connect(collect)
    signals.article_generator_context.connect(advance)
    signals.page_generator_context.connect(advance)
    try:
        # Pelican prints its summary on stdout, which belongs to the report (JSON).
        with tempfile.TemporaryDirectory(prefix="pelican-hexo-check-") as scratch, redirect_stdout(io.StringIO()):
            settings = _check_settings(Path(path), theme, Path(scratch))
            Pelican(settings).run()
    finally:
        problem_reported.disconnect(collect)
        signals.article_generator_context.disconnect(advance)
        signals.page_generator_context.disconnect(advance)
        if bar is not None:
            bar.close()
    root = str(Path(path).resolve())
    for problem in found:
        problem["file"] = (
            os.path.relpath(problem["file"], root) if problem["file"].startswith(root) else problem["file"]
        )
    return sorted(found, key=lambda p: (p["file"], p["line"], p["kind"]))


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


ERROR_KINDS = frozenset({"front-matter", "unknown-tag", "tag", "post-link", "missing-asset", "duplicate-url"})


def _print_report(problems: list[dict[str, Any]]) -> None:
    for problem in problems:
        print(f"{problem['file']}:{problem['line']}: [{problem['kind']}] {problem['message']}")
    totals = Counter(problem["kind"] for problem in problems)
    print()
    if not totals:
        print("no problems found")
    for kind, count in sorted(totals.items()):
        print(f"{count:6d}  {kind}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pelican-hexo", description="Move a Hexo blog to Pelican.")
    commands = parser.add_subparsers(dest="command", required=True)
    importer = commands.add_parser("import", help="mirror a Hexo site into a new Pelican site")
    importer.add_argument("hexo_site", type=Path)
    importer.add_argument("pelican_site", type=Path)
    importer.add_argument("--link", action="store_true", help="symlink instead of copying")
    importer.add_argument("--force", action="store_true", help="replace what is already there")
    checker = commands.add_parser("check", help="report what a Pelican build of a Hexo site would warn about")
    checker.add_argument("path", type=Path, help="a Hexo site, or a folder of posts")
    checker.add_argument("--format", choices=("text", "json"), default="text")
    checker.add_argument("--theme", help="tag dialect (next, butterfly, fluid, stellar …); default: the config's")
    args = parser.parse_args(argv)
    if args.command == "import":
        for line in import_site(args.hexo_site, args.pelican_site, link=args.link, force=args.force):
            print(line)
        return 0
    # The report says it all; Pelican's own log would repeat every line.
    root_logger = logging.getLogger()
    level = root_logger.level
    root_logger.setLevel(logging.CRITICAL)
    try:
        problems = check_site(args.path, args.theme, progress=args.format == "text")
    finally:
        root_logger.setLevel(level)
    if args.format == "json":
        totals = dict(Counter(problem["kind"] for problem in problems))
        print(json.dumps({"problems": problems, "totals": totals}, ensure_ascii=False, indent=1))
    else:
        _print_report(problems)
    return 1 if any(problem["kind"] in ERROR_KINDS for problem in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
