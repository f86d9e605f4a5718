"""The Hexo site configuration a post is rendered under.

Comes from the Hexo ``_config.yml`` named by the ``HEXO_CONFIG`` setting
(relative to the Pelican settings file), on top of Hexo 8's defaults; any
``HEXO_<KEY>`` setting then overrides the single key ``<key>``.
"""

from __future__ import annotations

import copy
import logging
import os
import sys
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import yaml

from .yaml_loader import load_yaml

logger = logging.getLogger(__name__)

# Settings of this plugin that are not Hexo config keys.
PLUGIN_SETTINGS = frozenset(
    {
        "HEXO_CONFIG",
        "HEXO_STRICT",
        "HEXO_TAGS",
        "HEXO_BILIBILI_STYLE",
        "HEXO_VIDEOJS",
        "HEXO_PIN_TOP",
        "HEXO_INJECT_ASSETS",
        "HEXO_YOUTUBE_NOCOOKIE",
        "HEXO_MATH",
        "HEXO_MATH_SCRIPT",
        "HEXO_KATEX_MACROS",
        "HEXO_MERMAID",
        "HEXO_MERMAID_URL",
        "HEXO_DOUBAN_DATA",
        "HEXO_TWITTER_SCRIPT",
        "HEXO_NUNJUCKS_VARIABLES",
        "HEXO_INCREMENTAL_WRITES",
        "HEXO_READ_AHEAD",
    }
)

# The subset of hexo/lib/hexo/default_config.ts that changes how posts render.
HEXO_DEFAULTS: dict[str, Any] = {
    "title": "Hexo",
    "author": "John Doe",
    "language": "en",
    "timezone": "",
    "url": "http://example.com",
    "root": "/",
    "permalink": ":year/:month/:day/:title/",
    "permalink_defaults": {},
    "pretty_urls": {"trailing_index": True, "trailing_html": True},
    "source_dir": "source",
    "tag_dir": "tags",
    "archive_dir": "archives",
    "category_dir": "categories",
    "code_dir": "downloads/code",
    "new_post_name": ":title.md",
    "default_layout": "post",
    "titlecase": False,
    "external_link": {"enable": True, "field": "site", "exclude": ""},
    "filename_case": 0,
    "render_drafts": False,
    "post_asset_folder": False,
    "relative_link": False,
    "future": True,
    "syntax_highlighter": "highlight.js",
    "highlight": {
        "line_number": True,
        "tab_replace": "",
        "wrap": True,
        "exclude_languages": [],
        "language_attr": False,
        "hljs": False,
        "line_threshold": 0,
        "first_line_number": "always1",
        "strip_indent": True,
    },
    "prismjs": {"preprocess": True, "line_number": True, "tab_replace": ""},
    "default_category": "uncategorized",
    "category_map": {},
    "tag_map": {},
    "date_format": "YYYY-MM-DD",
    "time_format": "HH:mm:ss",
    "updated_option": "mtime",
    "per_page": 10,
    "pagination_dir": "page",
    "marked": {},
    "theme": "landscape",
}


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Hexo deep-merges plain objects from the user config onto its defaults."""
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            base[key] = _merge(dict(base[key]), value)
        else:
            base[key] = value
    return base


def _legacy_highlighter(data: Mapping[str, Any]) -> str:
    """Configs from before Hexo 7 chose with ``highlight.enable`` / ``prismjs.enable``."""
    prismjs = data.get("prismjs")
    if isinstance(prismjs, Mapping) and prismjs.get("enable") is True:
        return "prismjs"
    highlight = data.get("highlight")
    if isinstance(highlight, Mapping) and highlight.get("enable") is False:
        return ""
    return "highlight.js"


def _mtimes(root: str, theme: str) -> tuple[float, ...]:
    stamps = []
    for path in (os.path.join(root, f"_config.{theme}.yml"), os.path.join(root, "themes", theme, "_config.yml")):
        try:
            stamps.append(os.path.getmtime(path))
        except OSError:
            stamps.append(-1.0)
    return tuple(stamps)


@lru_cache(maxsize=32)
def _read_theme_config(root: str, theme: str, stamps: tuple[float, ...] = ()) -> dict[str, Any]:
    # ``stamps`` is only part of the memo key: an --autoreload process then sees an edited theme config.
    for path in (os.path.join(root, f"_config.{theme}.yml"), os.path.join(root, "themes", theme, "_config.yml")):
        if not os.path.isfile(path):
            continue
        data, problems = read_config_file(path)
        for problem in problems:
            logger.warning("%s", problem)
        return data
    return {}


def theme_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    """The Hexo theme's settings: ``_config.<theme>.yml`` or the theme's own, then the site's ``theme_config:``."""
    root = getattr(config, "source_root", None)
    theme = str(config.get("theme") or "")
    data = dict(_read_theme_config(root, theme, _mtimes(root, theme))) if root else {}
    extra = config.get("theme_config")
    if isinstance(extra, Mapping):
        data = _merge(data, extra)
    return data


def _fluid_highlight(config: HexoConfig) -> None:
    """Fluid forces Hexo's highlight settings from its own ``code.highlight`` (scripts/events/lib/highlight.js)."""
    code = theme_settings(config).get("code")
    highlight = code.get("highlight") if isinstance(code, Mapping) else None
    highlight = highlight if isinstance(highlight, Mapping) else {}
    if highlight.get("enable", True) is False:
        return
    if str(highlight.get("lib") or "highlightjs") == "prismjs":
        config["syntax_highlighter"] = "prismjs"
        return
    config["syntax_highlighter"] = "highlight.js"
    config["highlight"] = _merge(
        dict(config.get("highlight") or {}),
        {"hljs": True, "wrap": False, "auto_detect": True, "line_number": bool(highlight.get("line_number", True))},
    )


class HexoConfig(dict):
    """A Hexo ``_config.yml`` merged over Hexo's defaults.

    ``source_root`` is the Hexo site's folder when one is known (for
    ``include_code`` and friends); ``problems`` holds what could not be read.
    """

    def __init__(self, data: Mapping[str, Any] | None = None, source_root: str | None = None):
        super().__init__(_merge(copy.deepcopy(HEXO_DEFAULTS), data or {}))
        if "syntax_highlighter" not in (data or {}):
            self["syntax_highlighter"] = _legacy_highlighter(data or {})
        self.source_root = source_root
        self.problems: list[str] = []
        if str(self.get("theme") or "").lower() == "fluid":
            _fluid_highlight(self)

    @property
    def uses_markdown_it(self) -> bool:
        """True when the site rendered with hexo-renderer-markdown-it.

        That renderer is configured under ``markdown:``; marked under ``marked:``.
        """
        return isinstance(self.get("markdown"), Mapping)

    @property
    def root(self) -> str:
        root = str(self.get("root") or "/")
        if not root.startswith("/"):
            root = "/" + root
        return root if root.endswith("/") else root + "/"

    @property
    def prepend_root(self) -> bool:
        """Whether the renderer puts ``root`` in front of image paths (marked does by default)."""
        if self.uses_markdown_it:
            return bool((self["markdown"].get("images") or {}).get("prepend_root", False))
        return bool((self.get("marked") or {}).get("prependRoot", True))

    @property
    def post_asset_folder(self) -> bool:
        return bool(self.get("post_asset_folder"))


def read_config_file(path: str) -> tuple[dict[str, Any], list[str]]:
    """Read a Hexo config file; a broken one yields ``{}`` and a problem, never an exception."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = load_yaml(handle.read().replace("\t", "  "))
    except OSError as error:
        return {}, [f"cannot read Hexo config {path}: {error.strerror}"]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        return {}, [f"{where}: invalid YAML in Hexo config: {getattr(error, 'problem', error)}"]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [f"{path}: Hexo config is not a mapping"]
    return data, []


def _settings_dir(settings: Mapping[str, Any]) -> str:
    """The folder of the settings file that set ``HEXO_CONFIG``.

    Pelican does not keep the settings file's path, but it loads the file as
    a module; that module is the one whose ``HEXO_CONFIG`` is this value.
    Without it, the settings file is assumed to sit beside the content folder.
    """
    wanted = settings.get("HEXO_CONFIG")
    # Scanning every module costs ~2 ms, once per post: remember the module found, and trust it
    # while it is still loaded under its name (a reloaded settings file replaces it there).
    found = _SETTINGS_MODULES.get(wanted) if isinstance(wanted, str) else None
    if found is not None and sys.modules.get(found.__name__) is found and getattr(found, "HEXO_CONFIG", None) == wanted:
        return os.path.dirname(os.path.abspath(found.__file__))
    for module in list(sys.modules.values()):
        module_file = getattr(module, "__file__", None) or ""
        is_settings_module = module_file.endswith(".py") and "pelican_hexo_tags" not in module_file
        if is_settings_module and isinstance(wanted, str) and getattr(module, "HEXO_CONFIG", None) == wanted:
            _SETTINGS_MODULES[wanted] = module
            return os.path.dirname(os.path.abspath(module_file))
    path = settings.get("PATH") or os.curdir
    return os.path.dirname(os.path.abspath(path))


_SETTINGS_MODULES: dict[str, Any] = {}


_CACHE: dict[tuple, HexoConfig] = {}


def hexo_config_from_settings(settings: Mapping[str, Any]) -> HexoConfig:
    """The Hexo config for a Pelican ``settings`` mapping (memoised per file and overrides)."""
    config_path = settings.get("HEXO_CONFIG")
    overrides = {
        key[len("HEXO_") :].lower(): value
        for key, value in settings.items()
        if key.startswith("HEXO_") and key not in PLUGIN_SETTINGS
    }
    resolved = None
    if config_path:
        resolved = config_path
        if not os.path.isabs(resolved):
            resolved = os.path.join(_settings_dir(settings), resolved)
        resolved = os.path.normpath(resolved)
    try:
        stamp = os.path.getmtime(resolved) if resolved else None
    except OSError:
        stamp = None
    key = (resolved, stamp, repr(sorted(overrides.items(), key=lambda kv: kv[0])))
    if key in _CACHE:
        return _CACHE[key]
    data: dict[str, Any] = {}
    problems: list[str] = []
    if resolved:
        data, problems = read_config_file(resolved)
        for problem in problems:
            logger.warning("%s", problem)
    config = HexoConfig(_merge(data, overrides), os.path.dirname(resolved) if resolved else None)
    config.problems = problems
    _CACHE[key] = config
    return config
