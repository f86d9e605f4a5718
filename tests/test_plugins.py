"""Each emulated npm package against what the real package made of a tiny site.

A fixture is ``tests/fixtures/plugins/<package>/``: ``site/`` (the
``_config.yml``, ``package.json`` and ``source/_posts`` given to
``hexo-oracle --site``) and ``expected.json`` (the body of each page that
real Hexo with the package wrote). Every fixture found is built here with
the plugin, and each page's body held against Hexo's: the same text and
blocks (htmlcompare) and the same attributes on every link and image.
"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import HEXO_SITE_SETTINGS, build_site

from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.extend import Extensions, RenderData
from pelican_hexo_tags.plugins import DEFAULT_PACKAGES, hexo_renderer_pandoc, load_extensions, module_name, support_of

FIXTURES = Path(__file__).parent / "fixtures" / "plugins"
PACKAGES = sorted(path.name for path in FIXTURES.glob("*") if (path / "expected.json").is_file())


class _StartTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, tuple[tuple[str, str], ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("a", "img"):
            self.tags.append((tag, tuple(sorted((name, value or "") for name, value in attrs))))


def start_tags(html: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    parser = _StartTags()
    parser.feed(html)
    return parser.tags


@pytest.mark.parametrize("package", PACKAGES)
def test_package_makes_what_the_real_package_made(package: str, tmp_path: Path) -> None:
    from htmlcompare import compare

    fixture = FIXTURES / package
    expected = json.loads((fixture / "expected.json").read_text(encoding="utf-8"))
    _skip_without_the_pandoc_of(expected)
    shutil.copytree(fixture / "site" / "source" / "_posts", tmp_path / "content" / "_posts")
    for name in ("_config.yml", "package.json"):
        shutil.copy(fixture / "site" / name, tmp_path / name)
    (tmp_path / "pelicanconf.py").write_text(HEXO_SITE_SETTINGS, encoding="utf-8")
    build = build_site(tmp_path / "pelicanconf.py", tmp_path / "output")

    assert support_of(package).status in ("emulated", "partly")
    for page, hexo_body in expected["pages"].items():
        # A post hexo-hide-posts hides is built at its URL, as one of Pelican's hidden articles.
        article = next(a for a in [*build.articles, *build.hidden] if a.save_as == page)
        report = compare(hexo_body, article.content)
        assert report["faithful"], report
        assert start_tags(article.content) == start_tags(hexo_body)


def test_packages_load_from_package_json_in_hexos_order(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text(
        json.dumps({"dependencies": {"hexo": "^8", "hexo-filter-nofollow": "^2", "hexo-not-emulated": "*"}})
    )
    config = HexoConfig({"url": "https://blog.example"}, source_root=str(tmp_path))
    assert config.plugins == ("hexo-filter-nofollow", "hexo-not-emulated")
    html = '<a href="https://other.example/">x</a>'
    # Hexo's external_link first, then the package's filter, both at after_render:html.
    assert config.extensions.run_filters("after_render:html", html, _Post(config)) == (
        '<a target="_blank" rel="noopener external nofollow noreferrer" href="https://other.example/">x</a>'
    )
    assert support_of("hexo-not-emulated").status == "not"


def test_a_site_without_package_json_loads_what_hexo_init_installs() -> None:
    config = HexoConfig({"url": "https://blog.example"})
    assert config.plugins == ()
    assert len(load_extensions(config).filters("after_render:html")) == 1
    assert "hexo-renderer-marked" in DEFAULT_PACKAGES


def test_module_names_follow_the_npm_name() -> None:
    assert module_name("hexo-filter-nofollow") == "hexo_filter_nofollow"
    assert module_name("@scope/hexo-x") == "scope__hexo_x"


class _Post:
    def __init__(self, config: HexoConfig) -> None:
        self.config = config


def test_markdown_it_6_numbers_heading_ids_across_posts(tmp_path: Path) -> None:
    # hexo-renderer-markdown-it 6's title store outlives a post (lib/anchors.js); 7 clears it per parse.
    posts = {
        "a-first.md": "---\ntitle: A\ndate: 2020-01-01\n---\n## Extra\n\n## Extra\n",
        "b-second.md": "---\ntitle: B\ndate: 2020-01-02\n---\n## Extra\n\n[to it](#Extra)\n",
    }
    for name, text in posts.items():
        (tmp_path / "content" / "_posts").mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / "_posts" / name).write_text(text, encoding="utf-8")
    (tmp_path / "_config.yml").write_text("markdown:\n  anchors:\n    level: 2\n", encoding="utf-8")
    (tmp_path / "pelicanconf.py").write_text(HEXO_SITE_SETTINGS, encoding="utf-8")
    for version, second in (("6.0.1", 'id="Extra-3"'), ("7.1.1", 'id="Extra"')):
        lock = {"packages": {"node_modules/hexo-renderer-markdown-it": {"version": version}}}
        (tmp_path / "package-lock.json").write_text(json.dumps(lock), encoding="utf-8")
        package = {"dependencies": {"hexo-renderer-markdown-it": version}}
        (tmp_path / "package.json").write_text(json.dumps(package), encoding="utf-8")
        build = build_site(tmp_path / "pelicanconf.py", tmp_path / f"output-{version}")
        first = next(a for a in build.articles if a.title == "A").content
        assert 'id="Extra"' in first and 'id="Extra-2"' in first
        other = next(a for a in build.articles if a.title == "B").content
        assert second in other, (version, other)
        # The author's own link is left as written, as Hexo left it.
        assert 'href="#Extra"' in other


def _pandoc_version(binary: str) -> str:
    import subprocess

    first_line = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False).stdout
    return first_line.split("\n")[0].split()[-1] if first_line else ""


def _skip_without_the_pandoc_of(expected: dict) -> None:
    """A fixture made with pandoc (``pandoc_version``) needs a pandoc here, and the same one."""
    wanted = expected.get("pandoc_version")
    if not wanted:
        return
    binary = hexo_renderer_pandoc.find_pandoc()
    if binary is None:
        pytest.skip("no pandoc here (pip install pypandoc-binary): hexo-renderer-pandoc runs pandoc")
    found = _pandoc_version(binary)
    if found.split(".")[:2] != wanted.split(".")[:2]:
        pytest.skip(f"pandoc {found} here; the fixture was rendered with pandoc {wanted}, whose HTML may differ")


PANDOC_FIXTURE = FIXTURES / "hexo-renderer-pandoc"


def _pandoc_site(tmp_path: Path, config_extra: str = "") -> Path:
    shutil.copytree(PANDOC_FIXTURE / "site" / "source" / "_posts", tmp_path / "content" / "_posts")
    (tmp_path / "content" / "_posts" / "second.md").write_text(
        "---\ntitle: Second\ndate: 2021-01-02\n---\n## Second *post*\n", encoding="utf-8"
    )
    shutil.copy(PANDOC_FIXTURE / "site" / "package.json", tmp_path / "package.json")
    config = (PANDOC_FIXTURE / "site" / "_config.yml").read_text(encoding="utf-8")
    (tmp_path / "_config.yml").write_text(config + config_extra, encoding="utf-8")
    (tmp_path / "pelicanconf.py").write_text(HEXO_SITE_SETTINGS, encoding="utf-8")
    return tmp_path / "pelicanconf.py"


def test_without_pandoc_the_build_warns_once_and_renders_with_the_default_renderer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hexo_renderer_pandoc, "find_pandoc", lambda configured="pandoc": None)
    monkeypatch.setattr(hexo_renderer_pandoc, "_reported_missing", set())
    build = build_site(_pandoc_site(tmp_path), tmp_path / "output")

    warnings = [message for message in build.messages() if "no pandoc found" in message]
    assert len(warnings) == 1, build.messages()
    assert "pypandoc-binary" in warnings[0]
    assert len(build.articles) == 2
    first = next(a for a in build.articles if a.title == "Pandoc").content
    # The default renderer's HTML: every word is there, with marked's heading ids, not pandoc's.
    assert 'id="A-Heading-Here"' in first and "<em>quoted</em>" in first
    second = next(a for a in build.articles if a.title == "Second").content
    assert "<em>post</em>" in second


def test_a_post_pandoc_fails_on_is_reported_and_still_rendered(tmp_path: Path) -> None:
    if hexo_renderer_pandoc.find_pandoc() is None:
        pytest.skip("no pandoc here (pip install pypandoc-binary)")
    build = build_site(_pandoc_site(tmp_path, "    - --no-such-pandoc-option\n"), tmp_path / "output")

    second = next(a for a in build.articles if a.title == "Second")
    assert "<em>post</em>" in second.content
    problems = second.metadata["hexo_problems"]
    assert [kind for _line, _message, kind in problems] == ["plugin-error"], problems
    assert "pandoc exited with code" in problems[0][1]


def test_pandoc_arguments_are_the_packages() -> None:
    settings = {"args": ["--mathjax", "", 5, "--template=t.html"]}
    # lib/parseArgs.js: an empty or non-string argument is dropped; a tag's body gets no template.
    assert hexo_renderer_pandoc.arguments(settings, True) == [
        *("-M", "pagetitle=dummy", "--mathjax", "--template=t.html", "-M", "standalone=True")
    ]
    assert hexo_renderer_pandoc.arguments(settings, False) == [
        *("-M", "pagetitle=dummy", "--mathjax", "-M", "standalone=False")
    ]
    assert hexo_renderer_pandoc.arguments({"args": "--wrap=none  --mathjax"}, True)[2:4] == ["--wrap=none", "--mathjax"]
    old = {"extensions": ["+emoji"], "filters": ["f"], "meta": [{"k": "v"}], "mathEngine": "katex"}
    assert hexo_renderer_pandoc.arguments_0_3(old, True) == [
        *("-f", "markdown-smart+emoji", "-t", "html-smart", "--katex", "--filter", "f"),
        *("-M", "pagetitle=dummy", "-M", "k=v", "-M", "standalone=True"),
    ]


def test_the_markdown_renderer_registered_last_wins() -> None:
    hexo = Extensions()
    assert hexo.renderer("md") is None
    hexo.register_renderer("md", "html", lambda data: "first")
    hexo.register_renderer("md", "html", lambda data: f"second: {data.text}")
    hexo.register_renderer("md", "css", lambda data: "not HTML")
    renderer = hexo.renderer(".MD")
    assert renderer is not None
    assert renderer(RenderData("x", None, None)) == "second: x"


def test_pandoc_math_is_typeset_where_the_site_typesets_math_on_the_server(tmp_path: Path) -> None:
    if hexo_renderer_pandoc.find_pandoc() is None:
        pytest.skip("no pandoc here (pip install pypandoc-binary)")
    # hexo-filter-mathjax's keys: the site's math is typeset when Hexo builds it.
    build = build_site(
        _pandoc_site(tmp_path, "mathjax:\n  every_page: true\n  single_dollars: true\n"), tmp_path / "out"
    )

    post = next(a for a in build.articles if a.title == "Pandoc").content
    assert '<span class="math inline"><span class="katex">' in post
    assert '<span class="math display"><span class="katex-display">' in post
    assert "\\(" not in post


def test_the_content_cache_sees_which_pandoc_renders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pelican.settings import read_settings

    from pelican_hexo_tags.content_cache import settings_fingerprint

    if hexo_renderer_pandoc.find_pandoc() is None:
        pytest.skip("no pandoc here (pip install pypandoc-binary)")
    settings = read_settings(str(_pandoc_site(tmp_path)))
    with_pandoc = settings_fingerprint(settings)
    monkeypatch.setattr(hexo_renderer_pandoc, "find_pandoc", lambda configured="pandoc": None)
    # Posts cached while no pandoc was found (the default renderer's HTML) are rendered again once one is.
    assert settings_fingerprint(settings) != with_pandoc


def test_pandoc_math_stays_for_the_browser_where_the_page_typesets_math_there(tmp_path: Path) -> None:
    if hexo_renderer_pandoc.find_pandoc() is None:
        pytest.skip("no pandoc here (pip install pypandoc-binary)")
    settings = _pandoc_site(tmp_path)
    settings.write_text(settings.read_text(encoding="utf-8") + 'HEXO_MATH = "client"\n', encoding="utf-8")
    build = build_site(settings, tmp_path / "out")

    post = next(a for a in build.articles if a.title == "Pandoc").content
    assert '<span class="math inline">\\(e^{i\\pi} + 1 = 0\\)</span>' in post
    assert "auto-render.min.js" in post


def test_the_theme_module_loads_for_the_theme_named_in_the_config_only(tmp_path: Path) -> None:
    # Hexo loads the theme `theme:` names (from themes/ or node_modules), never another one installed.
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"hexo": "^6", "hexo-theme-yun": "1.10.11"}}))
    html = '<p><img src="/a.png" alt="a"></p>'
    lazy = '<p><img src="/a.png" alt="a" loading="lazy"></p>'
    for theme, expected in (("yun", lazy), ("next", html)):
        config = HexoConfig({"theme": theme}, source_root=str(tmp_path))
        assert config.extensions.run_filters("after_post_render", html, _Post(config)) == expected
    (tmp_path / "_config.yun.yml").write_text("lazyload:\n  enable: false\n", encoding="utf-8")
    config = HexoConfig({"theme": "yun"}, source_root=str(tmp_path))
    assert config.extensions.run_filters("after_post_render", html, _Post(config)) == html
