"""``pelican-hexo``: move a Hexo site into a Pelican site.

    pelican-hexo import HEXO_SITE_DIR PELICAN_SITE_DIR [--link] [--force]

copies the posts (with their asset folders) and the Hexo config into the new
site and writes a ``pelicanconf.py`` that builds them at their Hexo URLs:
``pelican -s PELICAN_SITE_DIR/pelicanconf.py``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from .config import HexoConfig, read_config_file

_CONFIG_NAME = "_config.yml"


def _copy_tree(source: Path, target: Path, link: bool) -> int:
    """Copy (or symlink) ``source`` to ``target``; returns the number of files."""
    if link:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(source.resolve(), target_is_directory=True)
        return sum(len(files) for _, _, files in os.walk(source))
    shutil.copytree(source, target, symlinks=False)
    return sum(len(files) for _, _, files in os.walk(target))


def _python_literal(value: object) -> str:
    return repr(value)


def render_settings(config: HexoConfig) -> str:
    """The ``pelicanconf.py`` for an imported site."""
    language = config.get("language")
    if isinstance(language, list):
        language = language[0] if language else "en"
    url = str(config.get("url") or "").rstrip("/")
    root = config.root.rstrip("/")
    per_page = config.get("per_page")
    lines = [
        '"""Pelican settings written by `pelican-hexo import`; edit freely."""',
        "",
        f"SITENAME = {_python_literal(str(config.get('title') or 'My Blog'))}",
        f"AUTHOR = {_python_literal(str(config.get('author') or ''))}",
        f"SITEURL = {_python_literal(url + root)}",
        f"TIMEZONE = {_python_literal(str(config.get('timezone') or 'UTC'))}",
        f"DEFAULT_LANG = {_python_literal(str(language or 'en'))}",
        f"DEFAULT_PAGINATION = {_python_literal(int(per_page) if per_page else False)}",
        "",
        'PATH = "content"',
        'OUTPUT_PATH = "output"',
        'ARTICLE_PATHS = ["_posts"]',
        'PAGE_PATHS = ["pages"]',
        "STATIC_PATHS = []",
        "# Hexo sites have no reStructuredText.",
        'READERS = {"rst": None}',
        "",
        'PLUGINS = ["pelican_hexo_tags"]',
        f"HEXO_CONFIG = {_python_literal(_CONFIG_NAME)}",
        "",
        f'TAG_URL = "{config.get("tag_dir", "tags")}/{{slug}}/"',
        f'TAG_SAVE_AS = "{config.get("tag_dir", "tags")}/{{slug}}/index.html"',
        f'CATEGORY_URL = "{config.get("category_dir", "categories")}/{{slug}}/"',
        f'CATEGORY_SAVE_AS = "{config.get("category_dir", "categories")}/{{slug}}/index.html"',
        f'ARCHIVES_SAVE_AS = "{config.get("archive_dir", "archives")}/index.html"',
        "",
    ]
    return "\n".join(lines)


def import_site(hexo_dir: Path, pelican_dir: Path, link: bool = False, force: bool = False) -> list[str]:
    """Import ``hexo_dir`` into ``pelican_dir``; returns what was done, one line each."""
    report: list[str] = []
    config_path = hexo_dir / _CONFIG_NAME
    data, problems = read_config_file(str(config_path))
    report.extend(f"warning: {p}" for p in problems)
    config = HexoConfig(data)
    posts = hexo_dir / str(config.get("source_dir") or "source") / "_posts"
    if not posts.is_dir():
        raise SystemExit(f"error: {posts} not found: is {hexo_dir} a Hexo site?")
    content = pelican_dir / "content"
    target = content / "_posts"
    if target.exists() or target.is_symlink():
        if not force:
            raise SystemExit(f"error: {target} exists; pass --force to replace it")
        if target.is_symlink() or target.is_file():
            target.unlink()
        else:
            shutil.rmtree(target)
    count = _copy_tree(posts, target, link)
    report.append(f"{'linked' if link else 'copied'} {count} files from {posts} to {target}")
    pelican_dir.mkdir(parents=True, exist_ok=True)
    for theme_config in sorted(hexo_dir.glob("_config*.yml")):
        shutil.copy2(theme_config, pelican_dir / theme_config.name)
        report.append(f"copied {theme_config.name}")
    settings = pelican_dir / "pelicanconf.py"
    if settings.exists() and not force:
        report.append(f"kept the existing {settings} (pass --force to rewrite it)")
    else:
        settings.write_text(render_settings(config), encoding="utf-8")
        report.append(f"wrote {settings}")
    report.append(f"next: pelican -s {settings}")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pelican-hexo", description="Move a Hexo blog to Pelican.")
    commands = parser.add_subparsers(dest="command", required=True)
    importer = commands.add_parser("import", help="copy a Hexo site's posts and config into a Pelican site")
    importer.add_argument("hexo_site", type=Path)
    importer.add_argument("pelican_site", type=Path)
    importer.add_argument("--link", action="store_true", help="symlink the posts instead of copying them")
    importer.add_argument("--force", action="store_true", help="replace what an earlier import wrote")
    args = parser.parse_args(argv)
    if args.command == "import":
        for line in import_site(args.hexo_site, args.pelican_site, link=args.link, force=args.force):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
