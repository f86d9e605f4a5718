"""Real Hexo blogs (../shared/corpus) imported and built: no post lost, every Hexo URL kept."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from conftest import build_site, shared_path

from pelican_hexo_tags.cli import import_site
from pelican_hexo_tags.extend import Extensions

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
DIFFERENCES = Path(__file__).parent.parent / "docs" / "fidelity.md"
BLOGS = [
    "hexojs__site",
    "billhu0__billhu-hexo-blog",
    "Duanyll__duanyll.com-hexo",
    "curbengh__curbengh.github.io",
    "seaoak__blog_with_hexo",
    "liluoao__blog-source",
]


def hexo_paths(blog: Path) -> dict[str, str]:
    """Each post's URL as the blog's own Hexo made it (hexo-oracle-site.json), else as Hexo 8 did.

    Duanyll's own Hexo refused 14 posts (Stellar tags, whose theme the snapshot lacks); their URLs
    come from the same posts with their bodies replaced, through the same oracle (a fixture).
    """
    site = json.loads((blog / "hexo-oracle-site.json").read_text(encoding="utf-8"))
    paths = {key: entry["path"] for key, entry in site.items() if "path" in entry}
    if blog.name == "Duanyll__duanyll.com-hexo":
        refused = json.loads((FIXTURES / "duanyll-refused-urls.json").read_text(encoding="utf-8"))
        paths.update({key: path for key, path in refused.items() if key.startswith("_posts/")})
    return paths


def known_differences() -> dict[str, set[str]]:
    """The posts docs/fidelity.md names as differing from the blog's own Hexo, by blog."""
    found: dict[str, set[str]] = {}
    blog = ""
    for line in DIFFERENCES.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            blog = line[4:].strip().strip("`")
        elif blog and line.startswith("- `_posts/"):
            found.setdefault(blog, set()).add(line[3 : line.index("`", 3)])
    return found


def _post_key(source_path: str) -> str:
    parts = Path(source_path).parts
    return "_posts/" + "/".join(parts[len(parts) - parts[::-1].index("_posts") :])


def _at_the_oracles_stage() -> Any:
    """Hexo's after_render:html filters change the page after ``post.content``, which the oracle holds."""
    run_filters = Extensions.run_filters

    def before_page_filters(self: Extensions, stage: str, html: str, post: Any) -> str:
        return html if stage == "after_render:html" else run_filters(self, stage, html, post)

    return mock.patch.object(Extensions, "run_filters", before_page_filters)


@pytest.mark.parametrize("blog_name", BLOGS)
def test_blog_builds_with_every_post_at_its_hexo_url(blog_name: str, tmp_path: Path) -> None:
    blog = shared_path("corpus", blog_name)
    site = tmp_path / "site"
    import_site(blog, site)
    with _at_the_oracles_stage():
        build = build_site(site / "pelicanconf.py", site / "output")

    assert build.messages(logging.ERROR) == []
    posts = sorted((blog / "source" / "_posts").rglob("*.md"))
    pages = [p for p in (blog / "source").rglob("*.md") if "_posts" not in p.parts]
    built_posts = [a for a in build.articles + build.hidden + build.drafts if "_posts" in Path(a.source_path).parts]
    assert len(built_posts) == len(posts)
    assert len(build.pages) == len(pages)

    paths = hexo_paths(blog)
    assert len(paths) == len(posts)
    missing = [
        path
        for path in paths.values()
        if not (build.output / (path + "index.html" if path.endswith("/") else path)).is_file()
    ]
    assert missing == []

    # The bodies: what the blog's own Hexo and plugins made of each post, by htmlcompare; every
    # post that differs is named in docs/fidelity.md with its reason, and no more than 5% do.
    from htmlcompare import compare

    site_oracle = json.loads((blog / "hexo-oracle-site.json").read_text(encoding="utf-8"))
    compared, differing = 0, set()
    for article in built_posts:
        expected = site_oracle.get(_post_key(article.source_path))
        if not expected or "content" not in expected:
            continue
        compared += 1
        if not compare(expected["content"], article.content)["faithful"]:
            differing.add(_post_key(article.source_path))
    assert differing == known_differences().get(blog_name, set())
    assert len(differing) <= 0.05 * compared

    # Every file the blog's own Hexo wrote (site-urls.json) is built at its path, but for what its
    # theme makes itself (docs/fidelity.md, "URLs").
    hexo_wrote = json.loads((blog / "site-urls.json").read_text(encoding="utf-8"))
    not_built = {url for url in hexo_wrote if not (build.output / url).is_file()}
    assert not_built == set(THEME_MADE.get(blog_name, {}))


# Files a blog's theme wrote, which a build here does not (docs/fidelity.md, "URLs").
THEME_MADE = {
    "billhu0__billhu-hexo-blog": {
        "xml/local-search.xml": "Fluid's source/ template, copied as it is",
    },
    "liluoao__blog-source": {"css/README.html": "hexo-theme-yun's source/css/README.md, rendered as a page"},
}


@pytest.mark.parametrize("blog_name", ["billhu0__billhu-hexo-blog"])
def test_post_asset_folders_are_published_at_hexo_asset_urls(blog_name: str, tmp_path: Path) -> None:
    blog = shared_path("corpus", blog_name)
    site = tmp_path / "site"
    import_site(blog, site)
    build = build_site(site / "pelicanconf.py", site / "output")
    oracle = json.loads((blog / "hexo-oracle.json").read_text(encoding="utf-8"))
    checked = 0
    for key, entry in oracle.items():
        folder = blog / "source" / key[: -len(".md")]
        if "error" in entry or not folder.is_dir():
            continue
        for asset in folder.rglob("*"):
            if asset.is_file():
                relative = asset.relative_to(folder).as_posix()
                assert (build.output / entry["path"] / relative).is_file(), (key, relative)
                checked += 1
    assert checked > 10


@pytest.mark.parametrize("blog_name", BLOGS)
def test_check_counts_match_what_the_build_warns_about(blog_name: str, tmp_path: Path) -> None:
    from collections import Counter

    from pelican_hexo_tags.cli import check_site
    from pelican_hexo_tags.reader import problem_reported

    blog = shared_path("corpus", blog_name)
    site = tmp_path / "site"
    import_site(blog, site)
    warned: list[tuple[str, int, str]] = []

    def collect(source: str, *, line: int, kind: str, message: str) -> None:
        warned.append((Path(source).name, line, kind))

    problem_reported.connect(collect)
    try:
        build_site(site / "pelicanconf.py", site / "output")
    finally:
        problem_reported.disconnect(collect)
    checked = [(Path(p["file"]).name, p["line"], p["kind"]) for p in check_site(blog)]
    assert Counter(checked) == Counter(warned)
