"""The Pelican reader for Hexo posts.

``read()`` is a pure function of the post file and the settings, and returns
only picklable values, so Pelican's content cache works. Problems are not
logged here but kept in the ``hexo_problems`` metadata and logged by a
signal that also runs on cache hits, so every build reports them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import logging
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import blinker
from pelican.readers import BaseReader, MarkdownReader
from pelican.utils import SafeDatetime

from .config import HexoConfig, hexo_config_from_settings
from .dates import InvalidDate, get_timezone, parse_hexo_date
from .frontmatter import normalize_source, parse_front_matter
from .globs import micromatch
from .metadata import PostInfo, build_post_info, set_categories
from .pipeline import PLAIN_EXTENSIONS, PostEnvironment, Problem, RenderedPost, render_post
from .readahead import note_reading
from .registry import registry_with_user_tags
from .yaml_loader import key_lines_of

logger = logging.getLogger(__name__)

_POST_FOLDERS = ("_posts", "_drafts")
# The problem kind of a post the plugin failed on: shown, with less of Hexo in it.
_FAILED = "plugin-error"

try:
    import markdown as _python_markdown  # noqa: F401 - only whether Pelican's reader can run

    _PYTHON_MARKDOWN = True
except ImportError:
    _PYTHON_MARKDOWN = False

# Python-Markdown's meta extension, which Pelican's reader uses: ``Key: value`` lines, indented continuations.
_PELICAN_META_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")
_PELICAN_CONTINUATION = re.compile(r"^[ ]{4,}(.*)$")
_FRONT_MATTER_END = re.compile(r"^(?:-{3,}|;{3,})\s*$")
# A YAML line that is no `key:` of its own: indented, or a list item.
_YAML_INNER_LINE = re.compile(r"^(?:\s+\S|-\s)")


def is_pelican_markdown(text: str) -> bool:
    """Whether a Markdown file is a Pelican post: ``Title:`` header lines up to a blank line.

    Hexo front matter may also go without its opening ``---``, but then a
    ``---`` line closes it, with only YAML before it (blank lines too); a
    Pelican header ends at a blank line, has a ``Title``, and prose follows it
    (a ``---`` rule further down is the body's). A file with neither is a Hexo
    post without front matter.
    """
    lines = text.lstrip("\ufeff").split("\n", 40)
    header_end = next((number for number, line in enumerate(lines) if not line.strip()), None)
    if not header_end:
        return False
    keys: list[str] = []
    for line in lines[:header_end]:
        match = _PELICAN_META_LINE.match(line)
        if match:
            keys.append(match.group(1).lower())
        elif not (keys and _PELICAN_CONTINUATION.match(line)):
            return False
    if "title" not in keys:
        return False
    # hexo-front-matter takes everything up to a `---` (or `;;;`) line as front matter, opening dashes
    # or not: when only YAML-looking lines come before such a line, the file is Hexo's.
    for line in text.lstrip("\ufeff").split("\n"):
        if _FRONT_MATTER_END.match(line):
            return False
        if line.strip() and not (_PELICAN_META_LINE.match(line) or _YAML_INNER_LINE.match(line)):
            return True
    return True


def skip_render_matches(relative: str, config: Mapping[str, Any]) -> bool:
    """Whether Hexo's ``skip_render`` names this path under ``source/``: Hexo then copies the file as it is."""
    patterns = config.get("skip_render")
    patterns = patterns if isinstance(patterns, list) else [patterns] if isinstance(patterns, str) else []
    return any(micromatch(str(pattern)).match(relative) for pattern in patterns if pattern)


def is_html_source(source_path: str) -> bool:
    return os.path.splitext(source_path)[1].lstrip(".").lower() in PLAIN_EXTENSIONS


def copied_as_is(source_path: str, settings: Mapping[str, Any], config: HexoConfig) -> bool:
    """Whether Hexo copies this file of ``source/`` rather than rendering it.

    ``skip_render`` names it; or it is HTML under ``_posts``/``_drafts`` with ``post_asset_folder``,
    where Hexo renders only files of ``new_post_name``'s extension and the rest are post assets
    (``publish_asset_folders`` copies those of a post's folder).
    """
    if skip_render_matches(_posix_relative(source_path, settings.get("PATH") or os.curdir), config):
        return True
    in_post_folder = any(folder in Path(source_path).parts for folder in _POST_FOLDERS)
    return in_post_folder and config.post_asset_folder and is_html_source(source_path)


def _read_text(source_path: str) -> str:
    with open(source_path, encoding="utf-8", errors="replace") as handle:
        return normalize_source(handle.read())


def _failure(what: str, error: Exception, instead: str) -> str:
    detail = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
    name = type(error).__name__ + (f": {detail}" if detail else "")
    return f"pelican_hexo_tags failed on {what} ({name}); {instead}. Please report this post."


def _as_paragraphs(body: str) -> str:
    """The words of a body as escaped paragraphs: what a reader gets when no renderer could run."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", body) if block.strip()]
    return "\n".join(f"<p>{html.escape(block)}</p>" for block in blocks)


def _bare_post_info(front: Mapping[str, Any], source_path: str) -> PostInfo:
    """A title and a date for a post whose Hexo metadata could not be made; Pelican gives it a URL."""
    title = front.get("title")
    if not isinstance(title, (str, int, float)) or isinstance(title, bool) or not str(title).strip():
        title = os.path.splitext(os.path.basename(source_path))[0]
    try:
        date = parse_hexo_date(front.get("date"))
    except (InvalidDate, TypeError, ValueError, OverflowError):
        try:
            date = dt.datetime.fromtimestamp(os.path.getmtime(source_path))
        except OSError:
            date = dt.datetime.now()
    return PostInfo({"title": str(title), "date": date}, slug=str(title), path="", asset_url="/", asset_prefix="")


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
    ``register()`` does. Python-Markdown itself is not used. For a Hexo site
    it also reads ``.html``/``.htm`` files (``add_reader``), as Hexo renders
    them: front matter, tags and ``{{ }}``, the rest as written.
    """

    enabled = True
    file_extensions = MarkdownReader.file_extensions

    def __init__(self, settings: dict[str, Any]) -> None:
        BaseReader.__init__(self, settings)
        self._pelican_reader: MarkdownReader | None = None

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        read_elsewhere = note_reading(source_path)
        if read_elsewhere is not None:
            # Read whole by the child reading from the end (read_behind.py), as this reader reads it.
            return read_elsewhere
        try:
            if copied_as_is(source_path, self.settings, hexo_config_from_settings(self.settings)):
                # Pelican makes no page of it; the static generator copies it (STATIC_EXCLUDE_SOURCES
                # spares a file no generator took).
                return "", {"status": "skip"}
            text = _read_text(source_path)
            pelican_format = not is_html_source(source_path) and is_pelican_markdown(text)
            if self.settings.get("HEXO_PELICAN_POSTS", True) and pelican_format:
                return self._read_as_pelican(source_path)
            return self._read(source_path, text)
        except Exception as error:  # noqa: BLE001 - the last net: a post must not be lost to our bug
            return self._read_despite(source_path, error)

    def _read_as_pelican(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """A post written for Pelican (``Title:`` header lines) beside the Hexo ones: Pelican's own reader."""
        if not _PYTHON_MARKDOWN:
            raise RuntimeError("this post is in Pelican's format, and Pelican's reader needs `pip install markdown`")
        if self._pelican_reader is None:
            self._pelican_reader = MarkdownReader(self.settings)
        return self._pelican_reader.read(source_path)

    def _read(self, source_path: str, text: str) -> tuple[str, dict[str, Any]]:
        config = hexo_config_from_settings(self.settings)
        front = parse_front_matter(text)
        relative, is_page, is_draft = locate_post(source_path, self.settings)
        key_lines = key_lines_of(text[: len(text) - len(front.body)])
        problems = [(line, message, "front-matter") for line, message in front.problems]
        try:
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
        except Exception as error:  # noqa: BLE001 - the post keeps its words; Pelican's URL stands in for Hexo's
            info = _bare_post_info(front.data, source_path)
            problems.append(
                (1, _failure("its front matter", error, "Pelican's URL and the file's date are used"), _FAILED)
            )
        metadata = info.metadata
        problems += info.problems
        env = self._environment(source_path, config, info, front.data)
        try:
            rendered = render_post(front.body, env, front.body_line)
        except Exception as error:  # noqa: BLE001 - fall back to less of Hexo, never to no post
            rendered = self._render_plainer(front.body, front.body_line, env, error)
        problems += [(p.line, p.message, p.kind) for p in rendered.problems]
        if env.page_state.categories is not None:
            # A filter's data.setCategories (a site's script): Hexo's post then has those.
            set_categories(metadata, {"categories": env.page_state.categories}, config)
        if env.page_state.tags is not None:
            metadata["tags"] = env.page_state.tags
        if rendered.summary is not None and "summary" not in metadata:
            metadata["summary"] = rendered.summary
        if rendered.post_content is not None:
            # Only where a page filter changed the HTML: most posts store their HTML once.
            metadata["hexo_post_content"] = rendered.post_content
            if rendered.post_excerpt is not None:
                metadata["hexo_post_excerpt"] = rendered.post_excerpt
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
        if env.page_state.bundles:
            metadata["hexo_bundles"] = sorted(env.page_state.bundles)
        if env.page_state.heading_ids:
            # (slug, id) of each heading: some renderers number ids across posts (links.py).
            metadata["hexo_heading_ids"] = [list(pair) for pair in env.page_state.heading_ids]
        if env.page_state.looked_up:
            # Files outside the asset folder whose existence chose an image's URL (content_cache.py).
            metadata["hexo_looked_up"] = sorted(env.page_state.looked_up.items())
        if env.page_state.files:
            # Files a tag shows (include_code's "view raw"), published at their Hexo URL.
            metadata["hexo_files"] = dict(sorted(env.page_state.files.items()))
        return rendered.content, self._to_pelican(metadata)

    def _environment(
        self, source_path: str, config: HexoConfig, info: PostInfo, front: Mapping[str, Any]
    ) -> PostEnvironment:
        return PostEnvironment(
            source_path=source_path,
            config=config,
            settings=self.settings,
            registry=registry_with_user_tags(self.settings.get("HEXO_TAGS"), config.extensions.tags),
            metadata=info.metadata,
            post_path=info.path,
            asset_url=info.asset_url,
            asset_dir=os.path.splitext(source_path)[0] if config.post_asset_folder else None,
            asset_prefix=info.asset_prefix,
            # A post may name its own dialect (``hexo_theme:``): one site can then show posts
            # written for several themes, as the example site does.
            dialect=str(
                front.get("hexo_theme") or self.settings.get("HEXO_THEME") or config.get("theme") or "next"
            ).lower(),
        )

    def _render_plainer(self, body: str, body_line: int, env: PostEnvironment, error: Exception) -> RenderedPost:
        """The body when rendering it failed: Markdown with its tags as text, else the text itself."""
        plain_env = dataclasses.replace(env, metadata={**env.metadata, "disableNunjucks": True}, problems=[])
        try:
            rendered = render_post(body, plain_env, body_line)
            done = "its tags are shown as written"
        except Exception:  # noqa: BLE001 - the Markdown engine failed too: show the words as they are
            rendered = RenderedPost(_as_paragraphs(body), None)
            done = "its text is shown as written"
        rendered.problems.insert(0, Problem(body_line, _failure("its body", error, done), _FAILED))
        return rendered

    def _read_despite(self, source_path: str, error: Exception) -> tuple[str, dict[str, Any]]:
        """The post from its file alone, when reading it the Hexo way failed outside any one stage."""
        try:
            text = _read_text(source_path)
        except OSError:
            text = ""
        front = parse_front_matter(text)
        info = _bare_post_info(front.data, source_path)
        metadata = info.metadata
        metadata["hexo_source"] = source_path
        message = _failure("this post", error, "its text is shown as written, at Pelican's URL")
        metadata["hexo_problems"] = [(1, message, _FAILED), *info.problems]
        return _as_paragraphs(front.body), self._to_pelican(metadata)

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
        for key in [
            key for key in out if key.lower() in _pelican_attributes() and not _usable_by_pelican(key, out[key])
        ]:
            # Pelican makes every metadata key an attribute of the page: ``settings: x`` or
            # ``lang: [en]`` would break it, so such keys stay readable under hexo_<key>.
            out[f"hexo_{key}"] = out.pop(key)
        return {k: v for k, v in out.items() if not _is_discard(v)}


# Metadata this reader hands Pelican on purpose, already in Pelican's types.
_GIVEN_TO_PELICAN = frozenset({"title", "date", "modified", "tags", "category", "authors", "summary", "status"})
_GIVEN_TO_PELICAN |= {"url", "save_as", "slug", "template"}


@functools.lru_cache(maxsize=1)
def _pelican_attributes() -> frozenset[str]:
    """Names a Pelican page object uses itself: its methods and properties, and what its __init__ sets."""
    from pelican.contents import Article

    own = {name.lower() for name in dir(Article) if not name.startswith("__")}
    own |= {"settings", "metadata", "translations", "template", "author", "authors", "in_default_lang", "lang"}
    own |= {"source_path", "relative_source_path", "date_format", "locale_date", "locale_modified", "timezone"}
    own |= {"translation", "default_status", "status", "mandatory_properties"}
    return frozenset(own - _GIVEN_TO_PELICAN)


def _usable_by_pelican(key: str, value: Any) -> bool:
    """Whether Pelican can use this front-matter value under its own name (``lang: zh-CN``)."""
    key = key.lower()
    if key in ("lang", "date_format"):
        return isinstance(value, str) and bool(value)
    if key == "translation":
        return isinstance(value, (str, bool))
    return key == "timezone" and isinstance(value, str) and get_timezone(value) is not None


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
    problems = metadata.get("hexo_problems")
    if not problems:
        # Most posts have none; the relative path costs a getcwd() each, 0.03 s a rebuild of 1,000.
        return
    log = logger.error if strict else logger.warning
    shown = _display_path(source_path)
    for line, message, kind in problems:
        log("%s:%d: %s", shown, line, message)
        problem_reported.send(source_path, line=line, kind=kind, message=message)
