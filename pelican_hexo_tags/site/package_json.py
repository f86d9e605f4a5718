"""What a Hexo site's ``package.json`` says: the Hexo version it runs and the plugins it loads.

Hexo itself records the version that last ran the site under ``"hexo":
{"version": …}`` in ``package.json``; a ``package-lock.json`` pins the
installed one; failing both, the ``hexo`` dependency's range names the
major version the site asked for.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_VERSION = re.compile(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?")

Version = tuple[int, int, int]


@dataclass(frozen=True)
class SitePackage:
    """The parts of ``package.json`` that change what a post becomes."""

    hexo_version: Version | None = None
    # Every dependency Hexo loads as a plugin (``hexo-*``, ``@scope/hexo-*``), in package.json order.
    plugins: tuple[str, ...] = ()


def parse_version(text: Any) -> Version | None:
    """The first ``MAJOR[.MINOR[.PATCH]]`` in a version or range: ``^5.4.0`` → (5, 4, 0); None for ``*``."""
    if not isinstance(text, str):
        return None
    match = _VERSION.search(text)
    if not match:
        return None
    return tuple(int(part or 0) for part in match.groups())  # type: ignore[return-value]


def _load_json(path: str) -> Any:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def _is_plugin(name: str) -> bool:
    # Hexo's load_plugins: hexo-* and @scope/hexo-*, but not themes or type packages.
    base = name.rsplit("/", 1)[-1]
    return base.startswith("hexo-") and not base.startswith("hexo-theme-") and not name.startswith("@types/")


def _locked_hexo(root: str) -> Version | None:
    lock = _load_json(os.path.join(root, "package-lock.json"))
    if not isinstance(lock, dict):
        return None
    packages = lock.get("packages")
    if isinstance(packages, dict) and isinstance(packages.get("node_modules/hexo"), dict):
        return parse_version(packages["node_modules/hexo"].get("version"))
    dependencies = lock.get("dependencies")
    if isinstance(dependencies, dict) and isinstance(dependencies.get("hexo"), dict):
        return parse_version(dependencies["hexo"].get("version"))
    return None


@lru_cache(maxsize=32)
def _read(root: str, _stamps: tuple[float, float]) -> SitePackage:
    data = _load_json(os.path.join(root, "package.json"))
    if not isinstance(data, dict):
        return SitePackage()
    dependencies: dict[str, Any] = {}
    for section in ("dependencies", "devDependencies"):
        if isinstance(data.get(section), dict):
            dependencies.update(data[section])
    recorded = data.get("hexo")
    version = parse_version(recorded.get("version")) if isinstance(recorded, dict) else None
    version = version or _locked_hexo(root) or parse_version(dependencies.get("hexo"))
    return SitePackage(version, tuple(name for name in dependencies if _is_plugin(str(name))))


def _stamp(path: str) -> float:
    try:
        return os.path.getmtime(path)
    except OSError:
        return -1.0


def read_site_package(root: str | None) -> SitePackage:
    """The ``package.json`` (and lock) in the Hexo site folder ``root``; empty when there is none."""
    if not root:
        return SitePackage()
    stamps = (_stamp(os.path.join(root, "package.json")), _stamp(os.path.join(root, "package-lock.json")))
    return _read(os.path.abspath(root), stamps)
