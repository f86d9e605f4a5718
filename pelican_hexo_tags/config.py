"""The Hexo site configuration a post is rendered under.

Comes from the Hexo ``_config.yml`` named by the ``HEXO_CONFIG`` setting
(relative to the Pelican settings file), on top of Hexo 8's defaults; any
``HEXO_<KEY>`` setting then overrides the single key ``<key>``.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from .extend import Extensions
from .site.config_keys import ConfigProblem, deep_merge, normalise_config
from .site.package_json import SitePackage, Version, package_stamps, read_site_package
from .yaml_loader import key_lines_of, load_yaml

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
        "HEXO_PELICAN_POSTS",
    }
)

# ``HexoConfig(hexo_version=...)`` unset: the version comes from the site's package.json.
_FROM_PACKAGE_JSON = object()


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
        data = deep_merge(data, extra)
    return data


def theme_name(theme: Any) -> str:
    """The ``theme:`` of a Hexo config as the theme's short name (``hexo-theme-fluid`` and ``Fluid`` are ``fluid``)."""
    return str(theme or "").strip().lower().removeprefix("hexo-theme-")


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
    config["highlight"] = deep_merge(
        dict(config.get("highlight") or {}),
        {"hljs": True, "wrap": False, "auto_detect": True, "line_number": bool(highlight.get("line_number", True))},
    )


@dataclass(frozen=True)
class ConfigNotice:
    """A config problem as a build reports it: the file, the line of the key, what was done instead."""

    path: str
    line: int
    message: str


class HexoConfig(dict):
    """A Hexo ``_config.yml`` merged over Hexo's defaults, every key the plugin reads in its one form.

    ``source_root`` is the Hexo site's folder when one is known (for
    ``include_code``, the theme config, ``package.json``); ``hexo_version``
    the Hexo the site runs (None: not known, and older forms keep their old
    meaning); ``problems`` what in the config could not be used as written,
    as ``(key, message)``.
    """

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        source_root: str | None = None,
        *,
        hexo_version: Version | object | None = _FROM_PACKAGE_JSON,
    ):
        package = read_site_package(source_root)
        version = package.hexo_version if hexo_version is _FROM_PACKAGE_JSON else hexo_version
        merged, problems = normalise_config(data or {}, version)  # type: ignore[arg-type]
        super().__init__(merged)
        self.source_root = source_root
        self.hexo_version: Version | None = version  # type: ignore[assignment]
        # package.json as read once for the site: the plugins it loads and their installed versions.
        self.package: SitePackage = package
        self.plugins = package.plugins
        self.problems: list[ConfigProblem] = problems
        self.notices: list[ConfigNotice] = []
        self._extensions: Extensions | None = None
        if str(self.get("theme") or "").lower() == "fluid":
            _fluid_highlight(self)

    @property
    def extensions(self) -> Extensions:
        """What Hexo and the site's plugins register (``plugins/``), loaded on first use."""
        if self._extensions is None:
            from .plugins import load_extensions

            self._extensions = load_extensions(self)
        return self._extensions

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
        from .plugins.hexo_renderer_markdown_it_plus import renders as markdown_it_plus_renders

        if markdown_it_plus_renders(self):
            # hexo-renderer-markdown-it-plus leaves image paths as written.
            return False
        if self.uses_markdown_it:
            return bool((self["markdown"].get("images") or {}).get("prepend_root", False))
        # hexo-renderer-marked skips its root prefixing for relative_link sites.
        return bool((self.get("marked") or {}).get("prependRoot", True)) and not self.get("relative_link")

    @property
    def post_asset_folder(self) -> bool:
        return bool(self.get("post_asset_folder"))


def _read_config(path: str) -> tuple[dict[str, Any], list[tuple[int, str]], str]:
    """(data, [(line, problem)], text) of a Hexo config file; never an exception."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read().replace("\t", "  ")
        data = load_yaml(text)
    except OSError as error:
        return {}, [(1, f"cannot read Hexo config: {error.strerror}")], ""
    except UnicodeDecodeError as error:
        return {}, [(1, f"Hexo config is not UTF-8 ({error.reason} at byte {error.start})")], ""
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return (
            {},
            [((mark.line + 1) if mark else 1, f"invalid YAML in Hexo config: {getattr(error, 'problem', error)}")],
            text,
        )
    if data is None:
        return {}, [], text
    if not isinstance(data, dict):
        return {}, [(1, "Hexo config is not a mapping; Hexo's defaults are used")], text
    return data, [], text


def read_config_file(path: str) -> tuple[dict[str, Any], list[str]]:
    """Read a Hexo config file; a broken one yields ``{}`` and a problem, never an exception."""
    data, problems, _text = _read_config(path)
    return data, [f"{path}:{line}: {message}" for line, message in problems]


def _settings_dir(settings: Mapping[str, Any]) -> str:
    """The folder of the settings file that set ``HEXO_CONFIG``.

    Pelican does not keep the settings file's path, but it loads the file as
    a module; that module is the one whose ``HEXO_CONFIG`` is this value.
    Without it, the settings file is assumed to sit beside the content folder.
    """
    wanted = settings.get("HEXO_CONFIG")
    content = settings.get("PATH")

    def is_this_sites(module: Any) -> bool:
        # Several sites' settings modules may be loaded in one process (a publishconf.py stays in
        # sys.modules after its build; so do other sites' in tests) and share HEXO_CONFIG =
        # "_config.yml": Pelican resolves PATH against the settings file's folder, so a relative
        # PATH that lands on this build's PATH names the module.
        if getattr(module, "HEXO_CONFIG", None) != wanted:
            return False
        own_path = getattr(module, "PATH", None)
        if not isinstance(own_path, str) or not isinstance(content, str) or os.path.isabs(own_path):
            return True
        folder = os.path.dirname(os.path.abspath(module.__file__))
        return os.path.normpath(os.path.join(folder, own_path)) == os.path.normpath(content)

    # Scanning every module costs ~2 ms, once per post: remember the module found, and trust it
    # while it is still loaded under its name (a reloaded settings file replaces it there).
    key = (wanted, content) if isinstance(wanted, str) else None
    found = _SETTINGS_MODULES.get(key) if key is not None else None
    if found is not None and sys.modules.get(found.__name__) is found and is_this_sites(found):
        return os.path.dirname(os.path.abspath(found.__file__))
    for module in list(sys.modules.values()):
        module_file = getattr(module, "__file__", None) or ""
        is_settings_module = module_file.endswith(".py") and "pelican_hexo_tags" not in module_file
        if is_settings_module and key is not None and is_this_sites(module):
            _SETTINGS_MODULES[key] = module
            return os.path.dirname(os.path.abspath(module_file))
    path = content or os.curdir
    return os.path.dirname(os.path.abspath(path))


_SETTINGS_MODULES: dict[tuple[str, Any], Any] = {}


_CACHE: dict[tuple, HexoConfig] = {}


def _config_path(settings: Mapping[str, Any]) -> tuple[str | None, list[ConfigNotice]]:
    config_path = settings.get("HEXO_CONFIG")
    if not config_path:
        return None, []
    if not isinstance(config_path, (str, os.PathLike)):
        return None, [
            ConfigNotice("pelicanconf.py", 1, f"HEXO_CONFIG is {config_path!r}, not a path; Hexo's defaults are used")
        ]
    resolved = os.fspath(config_path)
    if not os.path.isabs(resolved):
        resolved = os.path.join(_settings_dir(settings), resolved)
    return os.path.normpath(resolved), []


def hexo_config_from_settings(settings: Mapping[str, Any]) -> HexoConfig:
    """The Hexo config for a Pelican ``settings`` mapping (memoised per file and overrides).

    What could not be used as written is in its ``notices``, reported once
    per build by :func:`report_config_notices`.
    """
    overrides = {
        key[len("HEXO_") :].lower(): value
        for key, value in settings.items()
        if key.startswith("HEXO_") and key not in PLUGIN_SETTINGS
    }
    resolved, notices = _config_path(settings)
    try:
        stamp = os.path.getmtime(resolved) if resolved else None
    except OSError:
        stamp = None
    # package.json too: the Hexo version and plugins it names shape the config (an --autoreload sees an edit).
    package = package_stamps(os.path.dirname(resolved)) if resolved else None
    from .local_scripts import script_stamps

    # The site's scripts run in the build (local_scripts.py): an edited one needs a new config and its extensions.
    scripts = script_stamps(os.path.dirname(resolved)) if resolved else ()
    key = (resolved, stamp, package, scripts, repr(sorted(overrides.items(), key=lambda kv: kv[0])))
    if key in _CACHE:
        return _CACHE[key]
    data: dict[str, Any] = {}
    text = ""
    if resolved:
        data, problems, text = _read_config(resolved)
        notices += [ConfigNotice(resolved, line, message) for line, message in problems]
    config = HexoConfig(deep_merge(data, overrides), os.path.dirname(resolved) if resolved else None)
    lines = key_lines_of(text)
    for problem in config.problems:
        top = problem.key.split(".", 1)[0]
        if top in overrides:
            notices.append(ConfigNotice("pelicanconf.py", 1, f"HEXO_{top.upper()}: {problem.message}"))
        else:
            notices.append(ConfigNotice(resolved or "_config.yml", lines.get(top, 1), problem.message))
    config.notices = notices
    _CACHE[key] = config
    return config
