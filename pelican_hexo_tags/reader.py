"""The Pelican reader for Hexo posts.

``read()`` is a pure function of the post file and the settings, and returns
only picklable values, so Pelican's content cache works. Problems are not
logged here but kept in the ``hexo_problems`` metadata and logged by a
signal that also runs on cache hits, so every build reports them.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import blinker
from pelican.readers import BaseReader, MarkdownReader
from pelican.utils import SafeDatetime

from .config import hexo_config_from_settings
from .frontmatter import normalize_source, parse_front_matter
from .metadata import build_post_info
from .pipeline import PostEnvironment, render_post
from .readahead import note_post_read
from .registry import registry_with_user_tags

logger = logging.getLogger(__name__)

_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.MULTILINE)
_POST_FOLDERS = ("_posts", "_drafts")


def _posix_relative(path: str, start: str) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def locate_post(source_path: str, settings: Mapping[str, Any]) -> tuple[str, bool, bool]:
    """(path under the posts folder, is a page, is a draft) for a content file.

    A file under ``_posts``/``_drafts`` is a post named by its path there, as in
    Hexo. Otherwise a file in ``PAGE_PATHS`` is a page and anything else a
    post named by its path under ``ARTICLE_PATHS``.
    """
    parts = Path(source_path).parts
    for folder in _POST_FOLDERS:
        if folder in parts:
            index = len(parts) - 1 - parts[::-1].index(folder)
            return "/".join(parts[index + 1 :]), False, folder == "_drafts"
    content_root = settings.get("PATH") or os.curdir
    relative = _posix_relative(source_path, content_root)
    for page_dir in settings.get("PAGE_PATHS") or []:
        page_dir = page_dir.strip("/")
        if not page_dir or relative.startswith(page_dir + "/"):
            return relative[len(page_dir) + 1 :] if page_dir else relative, True, False
    for article_dir in settings.get("ARTICLE_PATHS") or []:
        article_dir = article_dir.strip("/")
        if article_dir and relative.startswith(article_dir + "/"):
            return relative[len(article_dir) + 1 :], False, False
    return relative, False, False


def _key_lines(head: str) -> dict[str, int]:
    """Line of each top-level key in the front matter (a repeated key: the last, whose value YAML keeps)."""
    lines: dict[str, int] = {}
    line, counted = 1, 0
    for match in _KEY_LINE.finditer(head):
        # Counting from the previous key, not from the top, keeps this linear.
        line += head.count("\n", counted, match.start())
        counted = match.start()
        lines[match.group(1)] = line
    return lines


def _safe_datetime(value: Any) -> Any:
    if hasattr(value, "tzinfo") and not isinstance(value, SafeDatetime):
        return SafeDatetime(
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
            value.microsecond,
            tzinfo=value.tzinfo,
        )
    return value


class HexoReader(MarkdownReader):
    """Reads Hexo Markdown posts: front matter, tags, Markdown, permalinks.

    A subclass of ``MarkdownReader`` (not of ``BaseReader`` directly) so that
    merely importing this module does not replace Pelican's reader: only
    ``register()`` does. Python-Markdown itself is not used.
    """

    enabled = True
    file_extensions = MarkdownReader.file_extensions

    def __init__(self, settings: dict[str, Any]) -> None:
        BaseReader.__init__(self, settings)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        try:
            return self._read(source_path)
        finally:
            note_post_read()

    def _read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        config = hexo_config_from_settings(self.settings)
        with open(source_path, encoding="utf-8", errors="replace") as handle:
            text = normalize_source(handle.read())
        front = parse_front_matter(text)
        relative, is_page, is_draft = locate_post(source_path, self.settings)
        key_lines = _key_lines(text[: len(text) - len(front.body)])
        info = build_post_info(
            front.data,
            relative_path=relative,
            source_path=source_path,
            config=config,
            settings=self.settings,
            line_of_key=key_lines,
            is_page=is_page,
            is_draft=is_draft,
        )
        metadata = info.metadata
        problems = [(line, message, "front-matter") for line, message in front.problems] + info.problems
        env = PostEnvironment(
            source_path=source_path,
            config=config,
            settings=self.settings,
            registry=registry_with_user_tags(self.settings.get("HEXO_TAGS")),
            metadata=metadata,
            post_path=info.path,
            asset_url=info.asset_url,
            asset_dir=os.path.splitext(source_path)[0] if config.post_asset_folder else None,
            asset_prefix=info.asset_prefix,
            # A post may name its own dialect (``hexo_theme:``): one site can then show posts
            # written for several themes, as the example site does.
            dialect=str(
                front.data.get("hexo_theme") or self.settings.get("HEXO_THEME") or config.get("theme") or "next"
            ).lower(),
        )
        rendered = render_post(front.body, env, front.body_line)
        problems += [(p.line, p.message, p.kind) for p in rendered.problems]
        if rendered.summary is not None and "summary" not in metadata:
            metadata["summary"] = rendered.summary
        if is_draft:
            metadata["status"] = "draft"
        if metadata.get("status") == "draft":
            # A draft has no Hexo URL yet: Pelican writes it under DRAFT_URL.
            metadata.pop("url", None)
            metadata.pop("save_as", None)
        metadata["hexo_source"] = source_path
        # Lines inside tag bodies are estimates; a warning must still point into the file.
        last_line = text.count("\n") + 1
        metadata["hexo_problems"] = [(min(max(line, 1), last_line), message, kind) for line, message, kind in problems]
        if env.page_state.get("bundles"):
            metadata["hexo_bundles"] = sorted(env.page_state["bundles"])
        if env.page_state.get("files"):
            # Files a tag shows (include_code's "view raw"), published at their Hexo URL.
            metadata["hexo_files"] = dict(sorted(env.page_state["files"].items()))
        return rendered.content, self._to_pelican(metadata)

    def _to_pelican(self, metadata: dict[str, Any]) -> dict[str, Any]:
        """Turn the values Pelican gives meaning to into its types."""
        out = dict(metadata)
        for key in ("date", "modified"):
            if key in out:
                out[key] = _safe_datetime(out[key])
        out["tags"] = self.process_metadata("tags", out.get("tags") or [])
        if not out["tags"]:
            del out["tags"]
        if out.get("category"):
            out["category"] = self.process_metadata("category", out["category"])
        if out.get("authors"):
            out["authors"] = self.process_metadata("authors", out["authors"])
        return {k: v for k, v in out.items() if not _is_discard(v)}


def _is_discard(value: Any) -> bool:
    from pelican.readers import _DISCARD

    return value is _DISCARD


# Sent once per problem a build reports, as (source path, line, kind, message);
# ``pelican-hexo check`` listens to count what a real build finds.
problem_reported = blinker.signal("pelican_hexo_tags.problem_reported")


def _display_path(path: str) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def report_problems(source_path: str, metadata: Mapping[str, Any], strict: bool) -> None:
    """Log a post's problems as ``file:line: message``."""
    log = logger.error if strict else logger.warning
    shown = _display_path(source_path)
    for line, message, kind in metadata.get("hexo_problems") or ():
        log("%s:%d: %s", shown, line, message)
        problem_reported.send(source_path, line=line, kind=kind, message=message)
