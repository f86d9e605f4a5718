"""hexo-filter-mathjax: the package's filter in V8 against what the real package wrote.

``filter_cases.json`` is the real filter (hexo-filter-mathjax 0.11.1 in Node,
``filter_cases.js``) on small posts' HTML; the bundle in ``static/mathjax/``
must give the same bytes. The whole-site fixture beside it is run by
``test_plugins.py``; here its math page is held byte for byte too.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import HEXO_SITE_SETTINGS, build_site

from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.math import FILTER, SERVER, math_mode
from pelican_hexo_tags.page_state import PageState
from pelican_hexo_tags.plugins import hexo_filter_mathjax
from pelican_hexo_tags.plugins.hexo_filter_mathjax import js_truthy, settings_of, typeset

FIXTURE = Path(__file__).parent / "fixtures" / "plugins" / "hexo-filter-mathjax"
CASES = json.loads((FIXTURE / "filter_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[str(index) for index in range(len(CASES))])
def test_the_filter_writes_the_bytes_the_real_package_wrote(case: dict) -> None:
    settings = settings_of({"mathjax": case["settings"]})
    assert typeset(case["html"], settings) == case["hexo"]


def test_settings_are_the_packages_defaults_under_the_sites() -> None:
    assert settings_of({}) == {
        "tags": "none",
        "single_dollars": True,
        "cjk_width": 0.9,
        "normal_width": 0.6,
        "append_css": True,
        "every_page": False,
        "extension_options": {},
    }
    assert settings_of({"mathjax": True})["tags"] == "none"
    assert settings_of({"mathjax": {"tags": "all", "every_page": True}})["tags"] == "all"


def test_front_matter_mathjax_is_true_as_javascript_has_it() -> None:
    assert [js_truthy(value) for value in (True, "false", "yes", 1, [], {})] == [True] * 6
    assert [js_truthy(value) for value in (None, False, 0, "", float("nan"))] == [False] * 5


class _Post:
    def __init__(self, metadata: dict) -> None:
        self.metadata = metadata
        self.problems: list[str] = []
        self.page_state = PageState()

    def warn(self, line: int, message: str, kind: str = "tag") -> None:
        self.problems.append(message)


def test_only_posts_asking_are_typeset_unless_every_page() -> None:
    from pelican_hexo_tags.extend import Extensions

    html = "<p>$x$</p>"
    for every_page, metadata, typeset_expected in (
        (False, {}, False),
        (False, {"mathjax": True}, True),
        (False, {"mathjax": False}, False),
        (True, {}, True),
    ):
        hexo = Extensions()
        hexo_filter_mathjax.register(hexo, {"mathjax": {"every_page": every_page, "append_css": False}})
        out = hexo.run_filters("after_post_render", html, _Post(metadata))
        assert ("<mjx-container" in out) is typeset_expected, (every_page, metadata)


def test_the_stylesheet_comes_with_the_typeset_post() -> None:
    from pelican_hexo_tags.assets import bundle_files
    from pelican_hexo_tags.extend import Extensions

    hexo = Extensions()
    hexo_filter_mathjax.register(hexo, {"mathjax": {"every_page": True}})
    post = _Post({})
    hexo.run_filters("after_post_render", "<p>$x$</p>", post)
    # The page links the package's own style.css, and no script: the page needs none.
    assert post.page_state.bundles == {"hexo-filter-mathjax"}
    assert bundle_files("hexo-filter-mathjax") == ["style.css"]
    without = _Post({})
    hexo = Extensions()
    hexo_filter_mathjax.register(hexo, {"mathjax": {"every_page": True, "append_css": False}})
    hexo.run_filters("after_post_render", "<p>$x$</p>", without)
    assert not without.page_state.bundles


def test_markdown_leaves_math_to_the_filter_where_the_site_loads_it(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"hexo": "^8", "hexo-filter-mathjax": "^0.9"}}))
    config = HexoConfig({"mathjax": {"every_page": True}}, source_root=str(tmp_path))
    assert math_mode(config, {}, {}) == FILTER
    # Without the package, its keys alone still have the math typeset on the server (KaTeX).
    assert math_mode(HexoConfig({"mathjax": {"every_page": True}}), {}, {}) == SERVER


def test_the_fixture_post_is_the_page_hexo_wrote(tmp_path: Path) -> None:
    expected = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))["pages"]
    shutil.copytree(FIXTURE / "site" / "source" / "_posts", tmp_path / "content" / "_posts")
    for name in ("_config.yml", "package.json"):
        shutil.copy(FIXTURE / "site" / name, tmp_path / name)
    (tmp_path / "pelicanconf.py").write_text(HEXO_SITE_SETTINGS, encoding="utf-8")
    build = build_site(tmp_path / "pelicanconf.py", tmp_path / "output")
    article = next(a for a in build.articles if a.save_as == "2021/01/01/inline/index.html")
    body = article.content

    def blocks(html: str) -> str:
        # marked's blank line after a code block is not this package's.
        return re.sub(r">\n+<", ">\n<", html.strip())

    # `$5 and 6 dollars, and code `$x$`` stays text, the TeX is marked's (`\\(` is `\(`), the SVG MathJax's.
    assert blocks(body) == blocks(expected["2021/01/01/inline/index.html"])
    assert "hexo-filter-mathjax" in article.hexo_bundles
