"""Every Hexo config key the plugin reads, brought into the one form the rest of the code relies on.

Hexo deep-merges ``_config.yml`` over its defaults and its code then reads
each key with JavaScript's rules: any value is true or false, ``String(x)``
makes text of a number. Configs in the wild hold older forms
(``external_link: true``, ``markdown: commonmark``), YAML that meant
something else (``per_page: "10"``, ``tag_map:`` left empty) and values of
the wrong kind. Each key's shape below reads such a value as Hexo's code
would have, or falls back to Hexo's default and says why, so that no value
in a config can make a post fail later.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..nunjucks import to_string
from .hexo_defaults import hexo_defaults
from .package_json import Version

_ABSENT = object()


@dataclass
class ConfigProblem:
    """What was wrong with one key (``marked.smartypants``) and what is used instead."""

    key: str
    message: str


def js_truthy(value: Any) -> bool:
    """JavaScript's truthiness: ``[]``, ``{}`` and ``"false"`` are true; ``0``, ``""``, null and NaN false."""
    if value is None or value is False or value == "":
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0 and not math.isnan(value)
    return True


def js_string(value: Any) -> str:
    """``String(value)`` for a scalar: ``true``, ``1`` for 1.0, ``1.5``."""
    return to_string(value)


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    return repr(value)


class Shape:
    """How one key's value is read; ``read`` returns the value to use and the problems found."""

    def read(self, value: Any, default: Any, key: str) -> tuple[Any, list[ConfigProblem]]:
        raise NotImplementedError

    @staticmethod
    def fallback(value: Any, default: Any, key: str, wanted: str) -> tuple[Any, list[ConfigProblem]]:
        used = "the key is ignored" if default is _ABSENT else f"Hexo's default {default!r} is used"
        return default, [ConfigProblem(key, f"{key} is {_describe(value)}, not {wanted}; {used}")]


@dataclass
class Text(Shape):
    """A string; a number or boolean as JavaScript's ``String()`` writes it.

    A ``path`` (a URL pattern, a folder) is never a boolean or empty: ``permalink: false``
    would make every post's URL ``false``; the author meant Hexo's default.
    """

    path: bool = False
    # A pattern that means nothing when empty (``permalink:``); an empty folder is the site's top.
    required: bool = False

    def read(self, value: Any, default: Any, key: str) -> tuple[Any, list[ConfigProblem]]:
        if value is None:
            # ``description:`` with nothing after it: no value, not a mistake.
            return ("" if default is _ABSENT else default), []
        if self.path and isinstance(value, bool):
            return self.fallback(value, default, key, "a path")
        if self.required and isinstance(value, str) and not value.strip():
            return self.fallback(value, default, key, "a pattern")
        if isinstance(value, str):
            return value, []
        if isinstance(value, (bool, int, float)):
            return js_string(value), []
        return self.fallback(value, default, key, "text")


class Flag(Shape):
    """On or off, by JavaScript's truthiness; a word that reads differently in Hexo is pointed out."""

    def read(self, value: Any, default: Any, key: str) -> tuple[Any, list[ConfigProblem]]:
        if isinstance(value, bool):
            return value, []
        if value is None:
            # ``post_asset_folder:`` left empty is null, which Hexo reads as false.
            return False, []
        truthy = js_truthy(value)
        if isinstance(value, str) and value.strip().lower() in ("false", "no", "off", "0", "n"):
            # YAML 1.2 (js-yaml) reads these as text, and any text is true to Hexo.
            return truthy, [ConfigProblem(key, f"{key} is the text {value!r}, which Hexo reads as true")]
        return truthy, []


@dataclass
class Integer(Shape):
    """A whole number; numeric text is read as its number, as ``+value`` or ``parseInt`` would."""

    minimum: int | None = None
    maximum: int | None = None

    def read(self, value: Any, default: Any, key: str) -> tuple[Any, list[ConfigProblem]]:
        number: int | None = None
        if isinstance(value, bool):
            number = None
        elif isinstance(value, int):
            number = value
        elif isinstance(value, float) and math.isfinite(value):
            number = int(value)
        elif isinstance(value, str):
            try:
                number = int(float(value.strip()))
            except (ValueError, OverflowError):
                number = None
        if number is None or (self.minimum is not None and number < self.minimum):
            return self.fallback(value, default, key, "a whole number" + self._range())
        if self.maximum is not None and number > self.maximum:
            return self.fallback(value, default, key, "a whole number" + self._range())
        return number, []

    def _range(self) -> str:
        if self.minimum is not None and self.maximum is not None:
            return f" from {self.minimum} to {self.maximum}"
        return f" of at least {self.minimum}" if self.minimum is not None else ""


class TextList(Shape):
    """A list of strings; one string is a list of one (Hexo splits neither)."""

    def read(self, value: Any, default: Any, key: str) -> tuple[Any, list[ConfigProblem]]:
        if value is None:
            return [], []
        if isinstance(value, str):
            return ([value] if value else []), []
        if isinstance(value, (bool, int, float)):
            return [js_string(value)], []
        if isinstance(value, (list, tuple)):
            kept = [item if isinstance(item, str) else js_string(item) for item in value if _is_scalar(item)]
            if len(kept) < len(value):
                return kept, [ConfigProblem(key, f"{key} holds items that are not text; they are ignored")]
            return kept, []
        return self.fallback(value, default, key, "a list of text")


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, bool, int, float))


@dataclass
class OneOf(Shape):
    """Text from a fixed set; anything else is Hexo's default."""

    choices: tuple[str, ...]

    def read(self, value: Any, default: Any, key: str) -> tuple[Any, list[ConfigProblem]]:
        text = js_string(value) if _is_scalar(value) else None
        if text in self.choices:
            return text, []
        return self.fallback(value, default, key, "one of " + ", ".join(repr(c) for c in self.choices))


class TextOrList(Shape):
    """``language: en`` or ``language: [zh-CN, en]``: kept as written, with non-text items dropped."""

    def read(self, value: Any, default: Any, key: str) -> tuple[Any, list[ConfigProblem]]:
        if isinstance(value, (list, tuple)):
            return TextList().read(value, default, key)
        return Text().read(value, default, key)


@dataclass
class Section(Shape):
    """A mapping whose known fields have shapes of their own; fields the plugin does not read are kept.

    ``legacy`` reads a non-mapping value that an older Hexo or plugin
    accepted (``external_link: true``); it returns None when the value is no
    such form.
    """

    fields: dict[str, Shape] = field(default_factory=dict)
    legacy: Callable[[Any], Mapping[str, Any] | None] | None = None

    def read(self, value: Any, default: Any, key: str) -> tuple[Any, list[ConfigProblem]]:
        problems: list[ConfigProblem] = []
        if not isinstance(value, Mapping):
            converted = self.legacy(value) if self.legacy else None
            if converted is None:
                if value is None:
                    # ``tag_map:`` with nothing after it: the author meant "none", not a mistake.
                    return ({} if default is _ABSENT else copy.deepcopy(default)), []
                value, problems = self.fallback(value, default, key, "a mapping")
                if value is _ABSENT:
                    return value, problems
            else:
                value = deep_merge(copy.deepcopy(dict(default)) if isinstance(default, Mapping) else {}, converted)
        out = {str(name): item for name, item in value.items()}
        problems += read_fields(self.fields, out, default if isinstance(default, Mapping) else {}, f"{key}.")
        return out, problems


def read_fields(
    fields: Mapping[str, Shape], values: dict[str, Any], defaults: Mapping[str, Any], prefix: str
) -> list[ConfigProblem]:
    """Bring each field of ``values`` that has a shape into it, in place; a field with no usable value goes."""
    problems: list[ConfigProblem] = []
    for name, shape in fields.items():
        if name not in values:
            continue
        read, found = shape.read(values[name], defaults.get(name, _ABSENT), prefix + name)
        problems += found
        if read is _ABSENT:
            del values[name]
        else:
            values[name] = read
    return problems


def deep_merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """hexo-util's ``deepMerge``: plain objects merge, anything else replaces."""
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            base[key] = deep_merge(dict(base[key]), value)
        else:
            base[key] = value
    return base


def _markdown_preset(value: Any) -> Mapping[str, Any] | None:
    # hexo-renderer-markdown-it before 4 took the preset's name alone: ``markdown: commonmark``.
    return {"preset": value} if isinstance(value, str) and value else None


class PluginList(Shape):
    """hexo-renderer-markdown-it's ``plugins``: names, or ``{name, options}`` mappings."""

    def read(self, value: Any, default: Any, key: str) -> tuple[Any, list[ConfigProblem]]:
        if value is None:
            return [], []
        if isinstance(value, str):
            return [value], []
        if not isinstance(value, (list, tuple)):
            return self.fallback(value, default, key, "a list of plugins")
        kept = [
            item
            for item in value
            if isinstance(item, str) or isinstance(item.get("name") if isinstance(item, Mapping) else None, str)
        ]
        if len(kept) < len(value):
            return kept, [ConfigProblem(key, f"{key} holds entries without a plugin name; they are ignored")]
        return kept, []


_HIGHLIGHT_FIELDS: dict[str, Shape] = {
    "enable": Flag(),
    "line_number": Flag(),
    "auto_detect": Flag(),
    "tab_replace": Text(),
    "wrap": Flag(),
    "exclude_languages": TextList(),
    "language_attr": Flag(),
    "hljs": Flag(),
    "line_threshold": Integer(minimum=0),
    "first_line_number": Text(),
    "strip_indent": Flag(),
}

_PRISM_FIELDS: dict[str, Shape] = {
    "enable": Flag(),
    "preprocess": Flag(),
    "line_number": Flag(),
    "tab_replace": Text(),
    "line_threshold": Integer(minimum=0),
    "exclude_languages": TextList(),
}

# hexo-renderer-marked's options that change a post's HTML.
_MARKED_FIELDS: dict[str, Shape] = {
    "gfm": Flag(),
    "breaks": Flag(),
    "smartypants": Flag(),
    "autolink": Flag(),
    "headerIds": Flag(),
    "modifyAnchors": Integer(minimum=0, maximum=2),
    "prependRoot": Flag(),
    "postAsset": Flag(),
    "lazyload": Flag(),
    "figcaption": Flag(),
    "descriptionLists": Flag(),
    "disableNunjucks": Flag(),
}

# hexo-renderer-markdown-it's.
_MARKDOWN_FIELDS: dict[str, Shape] = {
    "preset": OneOf(("default", "commonmark", "zero")),
    "render": Section(
        {
            "html": Flag(),
            "xhtmlOut": Flag(),
            "breaks": Flag(),
            "linkify": Flag(),
            "typographer": Flag(),
            "langPrefix": Text(),
        }
    ),
    "anchors": Section(
        {
            "level": Integer(minimum=1, maximum=6),
            "case": Integer(minimum=0, maximum=2),
            "separator": Text(),
            "permalink": Flag(),
            "permalinkClass": Text(),
            "permalinkSymbol": Text(),
            "permalinkBefore": Flag(),
        }
    ),
    "plugins": PluginList(),
    "images": Section({"lazyload": Flag(), "prepend_root": Flag(), "post_asset": Flag()}),
    "disableNunjucks": Flag(),
}

# Sections that other plugins and themes read, whose fields we read defensively where used.
_OPEN_SECTIONS = ("permalink_defaults", "category_map", "tag_map", "theme_config", "math", "katex", "mathjax")
_OPEN_SECTIONS += ("bilibili", "tagTwitter", "hexo-tag-dplayer", "archive_generator", "tag_generator")
_OPEN_SECTIONS += ("category_generator", "feed", "sitemap", "search")


def _schema() -> dict[str, Shape]:
    schema: dict[str, Shape] = {}
    for key in ("title", "subtitle", "description", "author", "timezone", "url", "theme"):
        schema[key] = Text()
    for key in ("default_layout", "default_category", "date_format", "time_format"):
        schema[key] = Text()
    for key in ("root", "permalink", "new_post_name", "pagination_dir"):
        schema[key] = Text(path=True, required=True)
    for key in ("source_dir", "tag_dir", "archive_dir", "category_dir", "code_dir"):
        schema[key] = Text(path=True)
    for key in ("titlecase", "render_drafts", "post_asset_folder", "relative_link", "future"):
        schema[key] = Flag()
    schema["language"] = TextOrList()
    schema["filename_case"] = Integer(minimum=0, maximum=2)
    schema["per_page"] = Integer(minimum=0)
    schema["updated_option"] = OneOf(("mtime", "date", "empty"))
    schema["pretty_urls"] = Section({"trailing_index": Flag(), "trailing_html": Flag()})
    schema["external_link"] = Section(
        {"enable": Flag(), "field": OneOf(("site", "post")), "exclude": TextList()},
        legacy=lambda value: {"enable": value} if isinstance(value, bool) else None,
    )
    schema["syntax_highlighter"] = Text()
    schema["highlight"] = Section(_HIGHLIGHT_FIELDS)
    schema["prismjs"] = Section(_PRISM_FIELDS)
    schema["marked"] = Section(_MARKED_FIELDS)
    schema["markdown"] = Section(_MARKDOWN_FIELDS, legacy=_markdown_preset)
    schema["index_generator"] = Section({"per_page": Integer(minimum=0), "path": Text(), "order_by": Text()})
    schema["highlight_engine"] = OneOf(("highlight.js", "pygments"))
    # hexo-filter-nofollow's section.
    schema["nofollow"] = Section({"enable": Flag(), "field": OneOf(("site", "post")), "exclude": TextList()})
    for key in _OPEN_SECTIONS:
        schema[key] = Section()
    return schema


SCHEMA: dict[str, Shape] = _schema()


def _legacy_highlighter(user: Mapping[str, Any]) -> str:
    """Before Hexo 7, ``highlight.enable`` / ``prismjs.enable`` chose the highlighter."""
    prismjs = user.get("prismjs")
    if isinstance(prismjs, Mapping) and js_truthy(prismjs.get("enable")):
        return "prismjs"
    highlight = user.get("highlight")
    if isinstance(highlight, Mapping) and "enable" in highlight and not js_truthy(highlight.get("enable")):
        return ""
    return "highlight.js"


def _before_hexo(version: Version | None, major: int) -> bool:
    """Whether a site's Hexo is older than ``major``; a site that names none keeps older forms' meaning."""
    return version is None or version[0] < major


def _apply_version_rules(user: dict[str, Any], version: Version | None, problems: list[ConfigProblem]) -> None:
    """Forms whose meaning depends on the Hexo version, read before the merge over the defaults."""
    link = user.get("external_link")
    if isinstance(link, bool) and not _before_hexo(version, 7):
        # Hexo 7 dropped the conversion: ``true.enable`` is undefined, so the filter stays off.
        problems.append(
            ConfigProblem(
                "external_link",
                f"external_link: {js_string(link)} is an old form that Hexo {version[0]} ignores"  # type: ignore[index]
                " (it reads external_link.enable): external links are left as they are, as that Hexo left them",
            )
        )
        user["external_link"] = {"enable": False}
    if "syntax_highlighter" not in user:
        user["syntax_highlighter"] = _legacy_highlighter(user) if _before_hexo(version, 7) else "highlight.js"
    elif user["syntax_highlighter"] in (None, False):
        # Hexo 7's documented way to turn highlighting off.
        user["syntax_highlighter"] = ""
    if "updated_option" not in user and user.get("use_date_for_updated") is True:
        # Hexo 4's flag, before updated_option existed.
        user["updated_option"] = "date"


def normalise_config(
    user: Mapping[str, Any], version: Version | None = None
) -> tuple[dict[str, Any], list[ConfigProblem]]:
    """The config Hexo ``version`` would run with, from the user's ``_config.yml`` data, and what was off in it."""
    problems: list[ConfigProblem] = []
    user = {str(key): value for key, value in user.items()}
    _apply_version_rules(user, version, problems)
    defaults = hexo_defaults()
    merged = deep_merge(copy.deepcopy(defaults), user)
    problems += read_fields(SCHEMA, merged, defaults, "")
    return merged, problems
