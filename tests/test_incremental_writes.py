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
    # Titles are in menus, archives and "recent posts" on any page a theme likes.
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
