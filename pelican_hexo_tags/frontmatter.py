"""Split and parse a Hexo post's front matter as hexo-front-matter 4.2 does.

A post with broken YAML is not dropped (Hexo skips it with an error): every
top-level key that can still be read is kept, and the problem is reported
with its line so the author can fix it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .yaml_loader import load_yaml

_FRONT_MATTER = re.compile(r"^(-{3,}|;{3,})\n([\s\S]+?)\n\1\n?([\s\S]*)")
_PREFIX_SEPARATOR = re.compile(r"^(-{3,}|;{3,})")
_FRONT_MATTER_NO_PREFIX = re.compile(r"^([\s\S]+?)\n(-{3,}|;{3,})\n?([\s\S]*)")
_LEADING_TABS = re.compile(r"\n(\t+)")
# js-yaml (YAML 1.2) accepts a tab after `key:` or `-`; PyYAML does not.
_TAB_SEPARATOR = re.compile(r"^(\s*(?:-|[^\s#'\"][^:\n]*:))\t+(?=\S)", re.MULTILINE)
_TOP_LEVEL_KEY = re.compile(r"^[^\s#\-][^:]*:(\s|$)")


@dataclass
class FrontMatter:
    """What a post file holds: its metadata, its body, and where the body starts."""

    data: dict[str, Any]
    body: str
    body_line: int = 1
    problems: list[tuple[int, str]] = field(default_factory=list)
    has_front_matter: bool = False


def normalize_source(text: str) -> str:
    """Hexo reads posts as UTF-8 with the BOM stripped and CRLF turned into LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str) -> tuple[str | None, str, str | None, int]:
    """Return ``(raw, body, separator, first_line_of_raw)``; ``raw`` is None without front matter."""
    match = _FRONT_MATTER.match(text)
    if match:
        return match.group(2), match.group(3) or "", match.group(1), 2
    if _PREFIX_SEPARATOR.match(text):
        return None, text, None, 1
    match = _FRONT_MATTER_NO_PREFIX.match(text)
    if match:
        return match.group(1), match.group(3) or "", match.group(2), 1
    return None, text, None, 1


def _body_line(text: str, body: str) -> int:
    return text[: len(text) - len(body)].count("\n") + 1 if body else text.count("\n") + 1


def _expand_tabs(raw: str) -> str:
    # hexo-front-matter turns each leading tab into two spaces before js-yaml.
    raw = _LEADING_TABS.sub(lambda m: "\n" + "  " * len(m.group(1)), "\n" + raw)[1:]
    return _TAB_SEPARATOR.sub(r"\1 ", raw)


def _yaml_error(error: yaml.YAMLError, first_line: int, raw: str) -> tuple[int, str]:
    mark = getattr(error, "problem_mark", None)
    # An error found at the end of the stream belongs to the last line that has anything on it
    # (libyaml puts the end one line further down than PyYAML's own parser does).
    last_line = first_line + len(raw.rstrip().split("\n")) - 1
    line = min(first_line + mark.line, last_line) if mark else first_line
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    message = f"invalid YAML in front matter: {problem}" + (f" ({context})" if context else "")
    return line, message


def _salvage(raw: str, first_line: int) -> tuple[dict[str, Any], list[tuple[int, str]]]:
    """Read what can be read of broken YAML, one top-level key at a time."""
    lines = raw.split("\n")
    starts = [i for i, line in enumerate(lines) if _TOP_LEVEL_KEY.match(line)]
    data: dict[str, Any] = {}
    problems: list[tuple[int, str]] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        chunk = "\n".join(lines[start:end])
        try:
            value = load_yaml(chunk)
        except yaml.YAMLError as error:
            problems.append(_yaml_error(error, first_line + start, chunk))
            # The key's own line may still be readable (`title: x` above a broken continuation).
            try:
                value = load_yaml(lines[start])
            except yaml.YAMLError:
                continue
            if not isinstance(value, dict) or None in value.values():
                continue
        if isinstance(value, dict):
            data.update(value)
    return data, problems


def parse_front_matter(text: str) -> FrontMatter:
    """Parse a whole post file (already normalised) into front matter and body."""
    raw, body, separator, first_line = split_front_matter(text)
    if raw is None or separator is None:
        return FrontMatter({}, text, 1)
    body_line = _body_line(text, body)
    if separator.startswith(";"):
        try:
            data = json.loads("{" + raw + "}")
        except ValueError as error:
            line = first_line + raw[: getattr(error, "pos", 0)].count("\n")
            return FrontMatter({}, body, body_line, [(line, f"invalid JSON front matter: {error}")], True)
        return FrontMatter(data, body, body_line, has_front_matter=True)
    raw = _expand_tabs(raw)
    try:
        data = load_yaml(raw)
    except yaml.YAMLError as error:
        salvaged, problems = _salvage(raw, first_line)
        if not salvaged and not _PREFIX_SEPARATOR.match(text):
            # Text above a `---` line that is no YAML at all is the post, not broken front matter.
            return FrontMatter({}, text, 1)
        problems = problems or [_yaml_error(error, first_line, raw)]
        if not salvaged:
            # Nothing in it could be read as YAML: show it with the post rather than lose its words.
            return FrontMatter({}, text, 1, problems, True)
        return FrontMatter(salvaged, body, body_line, problems, True)
    if not isinstance(data, dict):
        # Not front matter after all: `Some text\n---\nmore` is all body.
        return FrontMatter({}, text, 1)
    return FrontMatter(data, body, body_line, has_front_matter=True)
