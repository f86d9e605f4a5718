"""The bundled theme checked by axe-core: no serious or critical accessibility violation.

Pages of the example site and of one imported corpus blog (billhu's Fluid blog), at desktop
and phone widths, in Debian's Chromium (the machinery of ``test_browser.py``: served on
127.0.0.1, every outside request aborted). axe-core is the npm package, installed by name
once into ``~/.cache/pelican-hexo-tests/axe-core`` (``HEXO_AXE_CORE`` names another
``axe.min.js``) and injected into the page from that local file; without npm the tests
skip with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import test_browser as shared
import test_theme_browser as theme_browser
from test_browser import DESKTOP, PHONE, SORA

browser = shared.browser
site_url = shared.site_url
billhu_url = theme_browser.billhu_url

# Pinned: a newer axe adds rules, and a page that passed must not fail because the cache moved on.
AXE_VERSION = "4.14.1"
AXE_HOME = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pelican-hexo-tests" / "axe-core"
# Moderate and minor findings (a landmark missing around a banner, say) are advice; these two block readers.
BLOCKING = ("serious", "critical")
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}

EXAMPLE_PAGES = {
    "home": "/",
    "post-with-toc": SORA,
    "tag-tour": "/2024/03/01/hexo-tags-tour/",
    "archives": "/archives/",
    "tags": "/tags/",
    "categories": "/categories/",
    "search": "/search/",
    "404": "/404.html",
}
BILLHU_PAGES = {"home": "/", "post": "/2022/13_probability/", "links": "/links/"}


def _installed_axe() -> Path | None:
    script = AXE_HOME / "node_modules" / "axe-core" / "axe.min.js"
    package = AXE_HOME / "node_modules" / "axe-core" / "package.json"
    if script.exists() and f'"version": "{AXE_VERSION}"' in package.read_text(encoding="utf-8"):
        return script
    return None


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if os.environ.get("HEXO_AXE_CORE"):
        return Path(os.environ["HEXO_AXE_CORE"])
    script = _installed_axe()
    if script is not None:
        return script
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip(f"npm not found: axe-core {AXE_VERSION} is installed with it (or set HEXO_AXE_CORE)")
    AXE_HOME.mkdir(parents=True, exist_ok=True)
    command = [npm, "install", "--prefix", str(AXE_HOME), "--no-audit", "--no-fund", f"axe-core@{AXE_VERSION}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    script = _installed_axe()
    if script is None:
        pytest.skip(f"`{' '.join(command)}` failed: {done.stderr.strip()[-300:]}")
    return script


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def open_page(viewport: dict[str, int]) -> Any:
        context = browser.new_context(viewport=viewport)
        context.route("**/*", shared._offline)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def _blocking_violations(page: Any, url: str, axe_script: Path) -> list[str]:
    page.goto(url, wait_until="load")
    page.add_script_tag(path=str(axe_script))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in results["violations"]:
        if violation["impact"] in BLOCKING:
            targets = [" ".join(node["target"]) for node in violation["nodes"]]
            shown = ", ".join(targets[:5]) + (f" and {len(targets) - 5} more" if len(targets) > 5 else "")
            found.append(f"{violation['id']} ({violation['impact']}, {len(targets)}x): {shown}")
    return found


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(EXAMPLE_PAGES))
def test_example_site_page_has_no_serious_violation(
    name: str, width: str, new_page: Any, site_url: str, axe_script: Path
) -> None:
    url = site_url + EXAMPLE_PAGES[name]
    violations = _blocking_violations(new_page(WIDTHS[width]), url, axe_script)
    assert violations == [], f"{url} at {WIDTHS[width]['width']} px:\n" + "\n".join(violations)


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(BILLHU_PAGES))
def test_corpus_blog_page_has_no_serious_violation(
    name: str, width: str, new_page: Any, billhu_url: str, axe_script: Path
) -> None:
    url = billhu_url + BILLHU_PAGES[name]
    violations = _blocking_violations(new_page(WIDTHS[width]), url, axe_script)
    assert violations == [], f"{url} at {WIDTHS[width]['width']} px:\n" + "\n".join(violations)
