"""One module per npm package whose work on a post we do, named after it.

``hexo-filter-nofollow`` is ``plugins/hexo_filter_nofollow.py``; ``hexo.py``
is Hexo itself (its own filters, which every site has). A module says how
much of its package it does and what a post loses where it falls short:

    PACKAGE = "hexo-filter-nofollow"
    STATUS = "emulated"          # or "partly"
    LOSES = ""                   # what a post of a site using it lacks here
    def register(hexo: Extensions, config: HexoConfig) -> None: ...

``register`` is the package's ``index.js``: it reads the package's config
keys, with the package's defaults, and registers its filters. To support one
more package, add its module here and its fixtures under
``tests/fixtures/plugins/<package>/`` (a tiny site's ``hexo-oracle --site``
output); ``tests/test_plugins.py`` runs every fixture it finds.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from ..extend import Extensions

if TYPE_CHECKING:
    from ..config import HexoConfig

# What `hexo init` installs, for a site whose package.json is not at hand.
DEFAULT_PACKAGES = (
    "hexo-generator-archive",
    "hexo-generator-category",
    "hexo-generator-index",
    "hexo-generator-tag",
    "hexo-renderer-ejs",
    "hexo-renderer-marked",
    "hexo-renderer-stylus",
    "hexo-server",
)


@dataclass(frozen=True)
class PackageSupport:
    """How much of an npm package a build here does: ``emulated``, ``partly`` or ``not``."""

    package: str
    status: str
    loses: str = ""


def module_name(package: str) -> str:
    """``hexo-filter-nofollow`` → ``hexo_filter_nofollow``; ``@scope/hexo-x`` → ``scope__hexo_x``."""
    return package.lstrip("@").replace("/", "__").replace("-", "_").replace(".", "_")


def plugin_module(package: str) -> ModuleType | None:
    """The module emulating ``package``, or None when there is none."""
    try:
        return importlib.import_module(f"{__name__}.{module_name(package)}")
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{module_name(package)}":
            raise
        return None


# Packages whose work is done outside plugins/ (not yet moved into a module of their own), and what
# a build here does of it; docs/packages.md lists the same (tests/test_docs.py).
ELSEWHERE: dict[str, PackageSupport] = {
    support.package: support
    for support in (
        PackageSupport(
            "hexo-renderer-marked",
            "partly",
            "local scripts' marked:use / marked:extensions filters and marked methods other than the bridged ones",
        ),
        PackageSupport("hexo-renderer-markdown-it-katex", "partly", "nothing of its KaTeX markup"),
        PackageSupport("hexo-generator-index-pin-top", "emulated"),
    )
}
# Packages that change no post's HTML or URL here: Pelican does their part of the site.
NO_POST_CHANGE = frozenset(
    {"hexo-server", "hexo-deployer-git", "hexo-renderer-ejs", "hexo-renderer-stylus", "hexo-renderer-pug"}
    | {"hexo-render-pug", "hexo-renderer-jade", "hexo-renderer-sass", "hexo-renderer-less"}
    # Minifiers: the same words and links, less whitespace.
    | {"hexo-yam", "hexo-neat", "hexo-all-minifier", "hexo-html-minifier", "hexo-clean-css", "hexo-uglify"}
    # Helpers a theme calls for word counts and reading times (hexo-symbols-count-time's filter only sets
    # post.length); a Pelican theme has no such helpers, so its pages show none (docs/packages.md).
    | {"hexo-wordcount", "hexo-symbols-count-time"}
)


def support_of(package: str) -> PackageSupport:
    """How much of ``package`` a build here does (``not`` with what a post loses, when nothing)."""
    module = plugin_module(package)
    if module is not None:
        return PackageSupport(package, module.STATUS, module.LOSES)
    if package in ELSEWHERE:
        return ELSEWHERE[package]
    if package in NO_POST_CHANGE:
        return PackageSupport(package, "n/a")
    if package.startswith("hexo-generator-"):
        return PackageSupport(package, "not", "its own list pages (Pelican's generators write the lists)")
    return PackageSupport(package, "not", "whatever it changes in a post")


def site_packages(config: HexoConfig) -> tuple[str, ...]:
    """The plugins the site's Hexo loaded: its package.json's, else what ``hexo init`` installs."""
    return config.plugins or DEFAULT_PACKAGES


def load_extensions(config: HexoConfig) -> Extensions:
    """Hexo's own extensions, then those of every package the site loads that has a module, in Hexo's order.

    Hexo loads its built-in plugins first, then the site's packages in package.json order.
    ``HexoConfig.extensions`` calls this once per site.
    """
    extensions = Extensions()
    for package in ("hexo", *site_packages(config)):
        module = plugin_module(package)
        if module is not None and not package.startswith("hexo-theme-"):
            module.register(extensions, config)
    from ..local_scripts import register_local_scripts

    # Hexo loads the site's scripts/, then its theme's, after every plugin: the theme named by
    # `theme:`, from themes/NAME or node_modules/hexo-theme-NAME, never another one installed.
    register_local_scripts(extensions, config)
    theme = plugin_module(f"hexo-theme-{config.get('theme') or ''}") if config.get("theme") else None
    if theme is not None:
        theme.register(extensions, config)
    return extensions
