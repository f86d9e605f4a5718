"""The docs say what the code does: every plugin module is listed in docs/packages.md with its status."""

from __future__ import annotations

import pkgutil
import re
from pathlib import Path

import pelican_hexo_tags.plugins as plugins

PACKAGES_DOC = Path(__file__).resolve().parent.parent / "docs" / "packages.md"


def test_every_plugin_module_is_listed() -> None:
    text = PACKAGES_DOC.read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| (\S+) \| (emulated|partly) \|", text.split("## Elsewhere")[0], re.MULTILINE))
    modules = [plugins.plugin_module(info.name) for info in pkgutil.iter_modules(plugins.__path__)]
    assert {module.PACKAGE: module.STATUS for module in modules if module} == listed


def test_packages_handled_elsewhere_are_listed_with_their_status() -> None:
    text = PACKAGES_DOC.read_text(encoding="utf-8")
    elsewhere = text.split("## Elsewhere")[1].split("## Not emulated")[0]
    listed = dict(re.findall(r"^\| ([^|]+?) \| (emulated|partly) \|", elsewhere, re.MULTILINE))
    listed = {name.strip(): status for names, status in listed.items() for name in names.split(",")}
    assert {package: support.status for package, support in plugins.ELSEWHERE.items()}.items() <= listed.items()
