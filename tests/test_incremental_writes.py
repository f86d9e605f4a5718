"""Rebuilds with the content cache keep the pages whose inputs did not change, and only those."""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

import pytest
from conftest import build_site, write_hexo_site


def _post(name: str, tags: str, day: int) -> str:
    front = f"---\ntitle: {name}\ndate: 2024-01-0{day}\ntags: [{tags}]\n---\n"
    return front + f"{name} intro.\n\n<!-- more -->\n\n{name} body.\n"


POSTS = {
    "alpha.md": _post("Alpha", "shared, a", 1),
    "beta.md": _post("Beta", "shared, b", 2),
    "gamma.md": _post("Gamma", "c", 3),
}


def _site(root: Path, extra: str = "") -> Path:
    settings = textwrap.dedent(
        """\
        STATIC_PATHS = []
        AUTHOR = "Someone"
        SITENAME = "Test"
        SITEURL = "https://example.com"
        FEED_ALL_ATOM = "feeds/all.atom.xml"
        CACHE_CONTENT = True
        LOAD_CONTENT_CACHE = True
        """
    )
    return write_hexo_site(root, POSTS, "timezone: UTC\npermalink: :title/\n", settings + extra)


def _stamps(output: Path) -> dict[str, int]:
    # Pages and feeds: the theme's static files are Pelican's to copy.
    return {
        str(p.relative_to(output)): p.stat().st_mtime_ns for p in output.rglob("*") if p.suffix in (".html", ".xml")
    }


def _build(settings: Path, root: Path, caplog: pytest.LogCaptureFixture) -> tuple[dict[str, int], int]:
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="pelican_hexo_tags.incremental"):
        build_site(settings, root / "output", CACHE_PATH=str(root / "cache"))
    kept = [m for m in caplog.messages if m.startswith("kept ")]
    return _stamps(root / "output"), int(kept[0].split()[1]) if kept else 0


def _rewritten(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, stamp in after.items() if before.get(name) != stamp}


def test_a_second_build_keeps_every_page_and_writes_the_same_bytes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = _site(tmp_path)
    first, kept = _build(settings, tmp_path, caplog)
    assert kept == 0
    contents = {name: (tmp_path / "output" / name).read_bytes() for name in first}
    second, kept = _build(settings, tmp_path, caplog)
    assert kept == len(first) > 10
    assert _rewritten(first, second) == set()
    assert {name: (tmp_path / "output" / name).read_bytes() for name in second} == contents


def test_editing_a_post_body_rewrites_the_pages_that_show_it(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = _site(tmp_path)
    first, _ = _build(settings, tmp_path, caplog)
    post = tmp_path / "content" / "_posts" / "alpha.md"
    post.write_text(POSTS["alpha.md"].replace("Alpha body.", "Alpha body, edited."), encoding="utf-8")
    second, _ = _build(settings, tmp_path, caplog)
    rewritten = _rewritten(first, second)
    # Its own page, the lists that show it in full, and the feed; not Beta's or Gamma's pages.
    assert "alpha/index.html" in rewritten and "feeds/all.atom.xml" in rewritten
    assert {"tag/a.html", "tag/shared.html", "index.html"} <= rewritten
    assert not rewritten & {"beta/index.html", "gamma/index.html", "tag/c.html"}
    assert "Alpha body, edited." in (tmp_path / "output" / "alpha/index.html").read_text(encoding="utf-8")


def test_a_new_title_rewrites_every_page(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # Titles are in menus, archives and "recent posts" on any page a theme likes. notmyidea's pages all
    # name `categories` (its menu), whose value holds every category's posts.
    settings = _site(tmp_path)
    first, _ = _build(settings, tmp_path, caplog)
    post = tmp_path / "content" / "_posts" / "alpha.md"
    post.write_text(POSTS["alpha.md"].replace("title: Alpha", "title: Alpha Prime"), encoding="utf-8")
    second, kept = _build(settings, tmp_path, caplog)
    assert kept == 0
    assert {"beta/index.html", "gamma/index.html", "tag/c.html"} <= _rewritten(first, second)


def test_a_page_changed_or_removed_on_disk_is_written_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = _site(tmp_path)
    _build(settings, tmp_path, caplog)
    output = tmp_path / "output"
    expected = (output / "beta/index.html").read_text(encoding="utf-8")
    (output / "beta/index.html").write_text("tampered", encoding="utf-8")
    (output / "gamma/index.html").unlink()
    _build(settings, tmp_path, caplog)
    assert (output / "beta/index.html").read_text(encoding="utf-8") == expected
    assert "Gamma body." in (output / "gamma/index.html").read_text(encoding="utf-8")


def test_a_settings_change_rewrites_every_page(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = _site(tmp_path)
    _build(settings, tmp_path, caplog)
    settings.write_text(settings.read_text(encoding="utf-8").replace('"Test"', '"Renamed"'), encoding="utf-8")
    _, kept = _build(settings, tmp_path, caplog)
    assert kept == 0
    assert "Renamed" in (tmp_path / "output" / "beta/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "extra", ["HEXO_INCREMENTAL_WRITES = False\n", "LOAD_CONTENT_CACHE = False\n"], ids=["setting", "no-cache"]
)
def test_turned_off_every_page_is_rendered(tmp_path: Path, caplog: pytest.LogCaptureFixture, extra: str) -> None:
    settings = _site(tmp_path, extra)
    first, _ = _build(settings, tmp_path, caplog)
    second, kept = _build(settings, tmp_path, caplog)
    assert kept == 0
    assert _rewritten(first, second) >= {name for name in first if name.endswith(".html")}


def _bench_like_post(number: int, day: int, tags: str) -> str:
    front = f"---\ntitle: Post {number}\ndate: 2024-02-{day:02d} 10:00:00\ntags: [{tags}]\ncategories: notes\n---\n"
    code = f"```python\nvalue = compute({number}, 'x')\n```\n"
    return (
        front
        + f"Intro {number}.\n\n<!-- more -->\n\n## Part\n\n{code}\n{{% note info %}}\nNote {number}.\n{{% endnote %}}\n"
    )


def _bench_like_site(root: Path) -> Path:
    """The kind of site bench/benchmark.py builds: Fluid, list pages, an Atom feed (its autodiscovery filter)."""
    import json

    from pelican_hexo_tags.themes import theme_path

    posts = {f"post-{n}.md": _bench_like_post(n, n + 1, "shared, t" + str(n % 3)) for n in range(6)}
    config = "title: T\nurl: http://example.com\ntimezone: UTC\npermalink: :year/:month/:day/:title/\ntheme: fluid\n"
    config += "feed:\n  type: atom\n  path: atom.xml\n  limit: 3\n"
    packages = ["hexo", "hexo-theme-fluid"]
    packages += [f"hexo-generator-{kind}" for kind in ("archive", "category", "feed", "index", "tag")]
    dependencies = dict.fromkeys(packages, "*")
    (root / "package.json").parent.mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(json.dumps({"dependencies": dependencies}), encoding="utf-8")
    settings = (
        f"THEME = {theme_path()!r}\nSTATIC_PATHS = []\nSITEURL = ''\nRELATIVE_URLS = True\nDEFAULT_PAGINATION = 2\n"
    )
    settings += "TAG_SAVE_AS = 'tags/{slug}/index.html'\nTAG_URL = 'tags/{slug}/'\n"
    settings += "CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\n"
    return write_hexo_site(root, posts, config, settings)


def _all_files(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def _cold_files(settings: Path, root: Path) -> dict[str, bytes]:
    import shutil

    shutil.rmtree(root / "cold", ignore_errors=True)
    build_site(settings, root / "cold", CACHE_PATH=str(root / "cold-cache"), LOAD_CONTENT_CACHE=False)
    shutil.rmtree(root / "cold-cache")
    return _all_files(root / "cold")


@pytest.mark.parametrize("change", ["edit", "add", "remove"])
def test_a_warm_rebuild_writes_what_a_cold_build_of_the_changed_site_writes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, change: str
) -> None:
    settings = _bench_like_site(tmp_path)
    posts = tmp_path / "content" / "_posts"
    before, _ = _build(settings, tmp_path, caplog)
    if change == "edit":
        (posts / "post-2.md").write_text(_bench_like_post(2, 3, "shared, t2") + "\nOne more line.\n", encoding="utf-8")
    elif change == "add":
        (posts / "post-9.md").write_text(_bench_like_post(9, 20, "shared, new"), encoding="utf-8")
    else:
        (posts / "post-4.md").unlink()
    after, kept = _build(settings, tmp_path, caplog)
    # The templates compiled by the first build were reused (integration.cache_compiled_templates).
    assert any((tmp_path / "cache" / "jinja-bytecode").iterdir())
    warm = _all_files(tmp_path / "output")
    assert any(name.endswith("atom.xml") for name in warm)
    # The feed's autodiscovery filter ran on the pages (a page-wide filter, which a kept page skips).
    assert b'type="application/atom+xml"' in warm["index.html"]
    cold = _cold_files(settings, tmp_path)
    if change == "remove":
        # Pelican leaves the last build's page of a removed post (DELETE_OUTPUT_DIRECTORY would not).
        stale = "2024/02/05/post-4/index.html"
        assert stale in warm and stale not in cold
        del warm[stale]
    assert sorted(warm) == sorted(cold)
    assert [name for name in cold if warm[name] != cold[name]] == []
    if change == "edit":
        # Most pages were kept, not rendered, so the comparison says something about keeping.
        assert kept > len([n for n in warm if n.endswith(".html")]) // 3
    if change == "add":
        # The new post is the newest: of the older posts' pages only its neighbour's (a link to it) changed.
        older = {f"2024/02/0{day}/post-{day - 1}/index.html" for day in range(1, 7)}
        assert _rewritten(before, after) & older == {"2024/02/06/post-5/index.html"}


def test_compiled_templates_are_keyed_by_the_environment_options() -> None:
    from jinja2 import Environment

    from pelican_hexo_tags.integration import _environment_key

    assert _environment_key(Environment()) == _environment_key(Environment())
    assert _environment_key(Environment(trim_blocks=True)) != _environment_key(Environment())
    assert _environment_key(Environment(extensions=["jinja2.ext.do"])) != _environment_key(Environment())


def test_a_post_linking_another_by_filename_follows_its_new_url(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # The bundled theme's post pages name no site-wide list; Pelican's {filename} link is made from the
    # other post's URL when the page is, so that URL is part of the linking post's fingerprint.
    settings = _bench_like_site(tmp_path)
    posts = tmp_path / "content" / "_posts"
    # Not post-0's neighbour (whose link to it as "older" would change anyway), nor in its tags: a post
    # written for Pelican beside the Hexo ones.
    linking = "Title: Post 4\nDate: 2024-02-05 10:00\nTags: t1\n\n[to zero]({filename}post-0.md)\n"
    (posts / "post-4.md").write_text(linking, encoding="utf-8")
    _build(settings, tmp_path, caplog)
    moved = _bench_like_post(0, 1, "shared, t0").replace("notes\n", "notes\npermalink: moved/\n")
    (posts / "post-0.md").write_text(moved, encoding="utf-8")
    _build(settings, tmp_path, caplog)
    page = (tmp_path / "output" / "post-4.html").read_text(encoding="utf-8")
    assert 'moved/">to zero' in page
    warm, cold = _all_files(tmp_path / "output"), _cold_files(settings, tmp_path)
    assert [name for name in cold if warm.get(name) != cold[name]] == []


def test_adding_a_post_leaves_the_lists_it_is_not_on(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = _bench_like_site(tmp_path)
    posts = tmp_path / "content" / "_posts"
    elsewhere = _bench_like_post(7, 1, "lonely").replace("categories: notes", "categories: life")
    (posts / "post-7.md").write_text(elsewhere, encoding="utf-8")
    before, _ = _build(settings, tmp_path, caplog)
    assert {"categories/life/index.html", "tags/lonely/index.html", "tags/shared/index.html"} <= set(before)
    (posts / "post-9.md").write_text(_bench_like_post(9, 20, "shared, new"), encoding="utf-8")
    after, _ = _build(settings, tmp_path, caplog)
    rewritten = _rewritten(before, after)
    assert {"tags/shared/index.html", "categories/notes/index.html", "index.html"} <= rewritten
    # hexo-generator-category and -tag pass every list page all the posts (all_articles), which these
    # templates do not show: a list the new post is not on is kept.
    assert not rewritten & {"categories/life/index.html", "tags/lonely/index.html"}
    # Its older neighbour's own page links to it; the lists showing that neighbour do not change.
    assert "2024/02/06/post-5/index.html" in rewritten
    assert "tags/t2/index.html" not in rewritten
