"""What a Hexo site's ``package.json`` says: the Hexo version it runs and the plugins it loads.

A ``package-lock.json`` pins the Hexo that ``npm ci`` installs, the one a
deploy ran; failing that, Hexo itself records the version that last ran the
site under ``"hexo": {"version": …}`` in ``package.json`` (liluoao's says
5.4.0 where its lock installs 6.2.0, and the oracle, installing from the
lock, ran 6.2.0); failing both, the ``hexo`` dependency's range names the
major version the site asked for. Each dependency's installed version is
read the same way (lock, else range), for plugins whose major version
changes their output (hexo-renderer-marked 5 bundles marked 4, 7 marked 15).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

_VERSION = re.compile(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?")

Version = tuple[int, int, int]
# Packages Hexo brings in itself, not named in package.json, whose installed version changes the markup:
# hexo-util's prismHighlight names languages differently before 2.7, and prismjs's grammars change.
_LOCKED_ONLY = ("hexo-util", "prismjs")


@dataclass(frozen=True)
class SitePackage:
    """The parts of ``package.json`` that change what a post becomes."""

    hexo_version: Version | None = None
    # Every dependency Hexo loads as a plugin (``hexo-*``, ``@scope/hexo-*``), in package.json order.
    plugins: tuple[str, ...] = ()
    # The installed version of each dependency (the lock's, else the lowest its range allows):
    # a renderer's major version decides how it writes some Markdown.
    versions: dict[str, Version] = field(default_factory=dict, hash=False)


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


def _locked_versions(root: str, names: Iterable[str]) -> dict[str, Version]:
    """What ``package-lock.json`` installed of each of ``names`` (lockfile v2/v3 ``packages``, v1 ``dependencies``)."""
    lock = _load_json(os.path.join(root, "package-lock.json"))
    if not isinstance(lock, dict):
        return {}
    packages = lock.get("packages") if isinstance(lock.get("packages"), dict) else {}
    dependencies = lock.get("dependencies") if isinstance(lock.get("dependencies"), dict) else {}
    found: dict[str, Version] = {}
    for name in names:
        entry = packages.get(f"node_modules/{name}")
        if not isinstance(entry, dict):
            entry = dependencies.get(name)
        version = parse_version(entry.get("version")) if isinstance(entry, dict) else None
        if version:
            found[name] = version
    return found


@lru_cache(maxsize=32)
def _read(root: str, _stamps: tuple[float, float]) -> SitePackage:
    data = _load_json(os.path.join(root, "package.json"))
    if not isinstance(data, dict):
        return SitePackage()
    dependencies: dict[str, Any] = {}
    for section in ("dependencies", "devDependencies"):
        if isinstance(data.get(section), dict):
            dependencies.update(data[section])
    names = [str(name) for name in dependencies]
    locked = _locked_versions(root, {"hexo", *_LOCKED_ONLY, *names})
    versions = {name: locked.get(name) or parse_version(dependencies[name]) for name in names}
    versions.update({name: locked[name] for name in _LOCKED_ONLY if name in locked and name not in versions})
    recorded = data.get("hexo")
    version = locked.get("hexo") or (parse_version(recorded.get("version")) if isinstance(recorded, dict) else None)
    version = version or parse_version(dependencies.get("hexo"))
    return SitePackage(
        version,
        tuple(name for name in names if _is_plugin(name)),
        {name: found for name, found in versions.items() if found},
    )


def _stamp(path: str) -> float:
    try:
        return os.path.getmtime(path)
    except OSError:
        return -1.0


def package_stamps(root: str | None) -> tuple[float, float]:
    """The modification times of ``package.json`` and its lock in ``root`` (-1 for a missing one)."""
    if not root:
        return (-1.0, -1.0)
    return (_stamp(os.path.join(root, "package.json")), _stamp(os.path.join(root, "package-lock.json")))


def read_site_package(root: str | None) -> SitePackage:
    """The ``package.json`` (and lock) in the Hexo site folder ``root``; empty when there is none."""
    if not root:
        return SitePackage()
    return _read(os.path.abspath(root), package_stamps(root))
