"""``.html`` files under ``source/`` and ``layout: false``, against what Hexo 8.1.2 wrote.

``fixtures/hexo_pages/site`` is a tiny Hexo site (theme ``mini``, whose page
layout is ``<div class="pagelayout">…</div>``) given to

    ../shared/tools/hexo-oracle/hexo-oracle --site tests/fixtures/hexo_pages/site \\
        --out oracle.json --public public --nearest

``public/`` holds every file Hexo wrote (the tool's marker left out). Hexo
renders an ``.html`` page as it renders Markdown but with its ``plain``
renderer: front matter off, tags and ``{{ }}`` evaluated, the rest as
written; in the page layout unless ``layout`` is false (``""``, ``"false"``,
and ``off`` for a page). ``skip_render`` files and HTML in a post's asset
folder are copied byte for byte; ``_partial.html`` is not published.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from conftest import Build, build_site, write_hexo_site
from pelican.readers import HTMLReader, Readers
from pelican.settings import read_settings

from pelican_hexo_tags.cli import import_site
from pelican_hexo_tags.reader import HexoReader, skip_render_matches

FIXTURE = Path(__file__).parent / "fixtures" / "hexo_pages"
HEXO_PUBLIC = FIXTURE / "public"
# Written by Hexo with no layout: the files must be Hexo's, byte for byte.
WITHOUT_LAYOUT = [
    "raw.html",
    "plain.html",
    "offpage.html",
    "emptypage.html",
    "2021/01/02/rawpost/index.html",
    "2021/01/04/falsestr/index.html",
]
# Copied by Hexo as they are (skip_render; an asset of a post's folder).
COPIED = ["verify.html", "2021/01/01/p/asset.html"]
# In the theme's page layout: Hexo's body is what its `pagelayout` div holds.
IN_PAGE_LAYOUT = ["bare.html", "sub/front.html", "about/index.html", "nulllayout.html"]
_PAGE_LAYOUT = re.compile(r'\A<div class="pagelayout">(.*)</div>\n\Z', re.DOTALL)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("hexo_pages")
    with contextlib.redirect_stdout(io.StringIO()):
        import_site(FIXTURE / "site", root / "site")
    return build_site(root / "site" / "pelicanconf.py", root / "output")


def _hexo_files() -> set[str]:
    return {path.relative_to(HEXO_PUBLIC).as_posix() for path in HEXO_PUBLIC.rglob("*") if path.is_file()}


def test_every_file_hexo_wrote_is_built(build: Build) -> None:
    built = {path.relative_to(build.output).as_posix() for path in build.output.rglob("*") if path.is_file()}
    assert _hexo_files() - built == set()
    assert "_partial.html" not in built


@pytest.mark.parametrize("path", WITHOUT_LAYOUT + COPIED)
def test_pages_without_layout_and_copies_are_hexos_bytes(build: Build, path: str) -> None:
    assert (build.output / path).read_bytes() == (HEXO_PUBLIC / path).read_bytes()


@pytest.mark.parametrize("path", IN_PAGE_LAYOUT)
def test_pages_with_layout_hold_hexos_body_in_the_theme(build: Build, path: str) -> None:
    match = _PAGE_LAYOUT.match((HEXO_PUBLIC / path).read_text(encoding="utf-8"))
    assert match, f"{path}: not in the mini theme's page layout"
    hexo_body = match.group(1)
    page = next(p for p in build.pages if p.save_as == path)
    assert page.content == hexo_body
    ours = build.page(path)
    assert ours.startswith("<!DOCTYPE html>")
    assert hexo_body.strip() in ours


def test_html_pages_keep_their_path(build: Build) -> None:
    urls = {Path(p.source_path).name: p.url for p in build.pages}
    assert urls["bare.html"] == "bare.html"
    assert urls["front.html"] == "sub/front.html"
    assert urls["index.md"] == "about/"


def test_skipped_files_are_no_pages_or_posts(build: Build) -> None:
    sources = {Path(c.source_path).name for c in [*build.pages, *build.articles]}
    assert not {"verify.html", "asset.html"} & sources


def test_html_of_a_plain_pelican_site_stays_pelicans(tmp_path: Path) -> None:
    """No HEXO_CONFIG: the plugin leaves .html to Pelican's HTMLReader (its <title>, its <body>)."""
    content = tmp_path / "content" / "pages"
    content.mkdir(parents=True)
    (content / "hello.html").write_text(
        "<html><head><title>Hello</title></head><body><p>Hi {{ 1 + 1 }}</p></body></html>\n", encoding="utf-8"
    )
    overrides = {"PATH": str(tmp_path / "content"), "PLUGINS": ["pelican_hexo_tags"], "ARTICLE_PATHS": ["posts"]}
    settings = read_settings(None, override=overrides)
    build = build_site(None, tmp_path / "output", **overrides)
    assert [(p.title, p.content.strip()) for p in build.pages] == [("Hello", "<p>Hi {{ 1 + 1 }}</p>")]
    readers = Readers(settings)
    assert readers.reader_classes["html"] is HTMLReader
    assert readers.reader_classes["md"] is HexoReader


def test_a_reader_the_site_names_for_html_is_kept(tmp_path: Path) -> None:
    class OwnReader(HTMLReader):
        pass

    settings = read_settings(
        None,
        override={
            "PATH": str(tmp_path),
            "PLUGINS": ["pelican_hexo_tags"],
            "HEXO_CONFIG": str(FIXTURE / "site" / "_config.yml"),
            "READERS": {"html": OwnReader},
        },
    )
    readers = Readers(settings)
    assert readers.reader_classes["html"] is OwnReader
    assert readers.reader_classes["htm"] is HexoReader


@pytest.mark.parametrize(
    ("path", "patterns", "matches"),
    [
        ("verify.html", ["verify.html"], True),
        ("sub/verify.html", ["verify.html"], False),
        ("raw/a/b.md", "raw/**", True),
        ("x/y/z.html", ["**/*.html"], True),
        ("z.html", ["**/*.html"], True),
        ("google1234.html", ["google*.html"], True),
        ("a/google1.html", ["google*.html"], False),
        ("b.txt", ["{a,b}.txt"], True),
        ("c.txt", ["{a,b}.txt"], False),
    ],
)
def test_skip_render_globs_as_micromatch(path: str, patterns: object, matches: bool) -> None:
    assert skip_render_matches(path, {"skip_render": patterns}) is matches


def test_nothing_is_injected_into_a_page_without_layout(tmp_path: Path) -> None:
    """Hexo sets a no-layout route as it is: no injector, no after_render:html; here no bundle either."""
    post = "---\ntitle: code\ndate: 2021-01-01\nlayout: false\n---\n```js\nlet a = 1;\n```\n"
    settings = write_hexo_site(tmp_path, {"code.md": post}, "url: https://blog.example\nhighlight:\n  enable: true\n")
    build = build_site(settings, tmp_path / "output")
    (article,) = build.articles
    assert article.template == "hexo_raw"
    # The code block asks for the highlight bundle: a page in a layout would get its <link>.
    assert article.hexo_bundles == ["highlight"]
    assert build.page(article.save_as) == article.content


def test_a_page_needs_no_title_but_a_post_is_warned(build: Build, tmp_path: Path) -> None:
    # bare.html has no front matter: Hexo gives a page an empty title without a word.
    assert not [m for m in build.messages() if "no title" in m and "bare.html" in m]
    settings = write_hexo_site(tmp_path, {"untitled.md": "---\ndate: 2021-01-01\n---\nHi\n"}, "title: t\n")
    post_build = build_site(settings, tmp_path / "output")
    assert [m for m in post_build.messages() if "untitled.md" in m and "no title" in m]
