"""`pelican-hexo import` and `pelican-hexo check` on a small Hexo site made here."""

from __future__ import annotations

import json
import logging
import textwrap
from pathlib import Path

import pytest
from conftest import build_site

from pelican_hexo_tags.cli import check_site, import_site, main

CONFIG = """\
title: Small Blog
subtitle: a test
author: Ada
language: [zh-CN, en]
timezone: Asia/Shanghai
url: https://small.example.com
root: /blog/
permalink: :year/:month/:day/:title/
post_asset_folder: true
per_page: 5
tag_dir: labels
category_dir: kinds
archive_dir: history
html_minifier:
  ignoreCustomComments: [ !!js/regexp /^\\s*more/]
"""


def make_hexo_site(root: Path) -> Path:
    files = {
        "_config.yml": CONFIG,
        "_config.next.yml": "note:\n  style: flat\n",
        "source/_posts/hello.md": (
            "---\ntitle: Hello\ndate: 2024-03-01 10:20:30\ntags: [Greeting, C++]\n---\nHi ![](pic.png)\n"
        ),
        "source/_posts/hello/pic.png": "PNG",
        "source/_posts/linked.md": "---\ntitle: Linked\ndate: 2024-03-02\n---\n{% mystery %}\n\n![](missing.png)\n",
        "source/_drafts/idea.md": "---\ntitle: Idea\n---\nNot yet.\n",
        "source/about/index.md": "---\ntitle: About\n---\nAbout me.\n",
        "source/about/me.jpg": "JPG",
        "source/CNAME": "small.example.com\n",
        "source/images/logo.svg": "<svg/>",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def hexo_site(tmp_path: Path) -> Path:
    return make_hexo_site(tmp_path / "hexo")


def test_import_writes_settings_from_the_hexo_config(hexo_site: Path, tmp_path: Path) -> None:
    report = import_site(hexo_site, tmp_path / "pelican")
    settings = (tmp_path / "pelican" / "pelicanconf.py").read_text(encoding="utf-8")
    namespace: dict = {}
    exec(compile(settings, "pelicanconf.py", "exec"), namespace)
    assert namespace["SITENAME"] == "Small Blog"
    assert namespace["AUTHOR"] == "Ada"
    assert namespace["SITEURL"] == "https://small.example.com/blog"
    assert namespace["TIMEZONE"] == "Asia/Shanghai"
    assert namespace["DEFAULT_LANG"] == "zh-CN"
    assert namespace["DEFAULT_PAGINATION"] == 5
    assert namespace["PLUGINS"] == ["pelican_hexo_tags"]
    assert namespace["HEXO_CONFIG"] == "_config.yml"
    assert namespace["TAG_URL"] == "labels/{slug}/"
    assert namespace["CATEGORY_SAVE_AS"] == "kinds/{slug}/index.html"
    assert namespace["ARCHIVES_SAVE_AS"] == "history/index.html"
    assert (tmp_path / "pelican" / "_config.next.yml").is_file()
    assert any(line.startswith("next: pelican -s") for line in report)


def test_imported_site_builds_every_url(hexo_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    build = build_site(site / "pelicanconf.py", site / "output")
    out = build.output
    assert build.messages(logging.ERROR) == []
    assert (out / "2024/03/01/hello/index.html").is_file()
    assert (out / "2024/03/01/hello/pic.png").read_text() == "PNG"
    assert 'src="/blog/2024/03/01/hello/pic.png"' in build.page("2024/03/01/hello/index.html")
    assert (out / "about/index.html").is_file()
    assert (out / "about/me.jpg").read_text() == "JPG"
    assert (out / "CNAME").is_file()
    assert (out / "images/logo.svg").is_file()
    assert (out / "labels/Greeting/index.html").is_file()
    assert (out / "labels/C/index.html").is_file()
    assert (out / "history/index.html").is_file()
    assert [d.title for d in build.drafts] == ["Idea"]


def test_reimport_keeps_what_is_there_unless_forced(hexo_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    (site / "pelicanconf.py").write_text("# mine\n", encoding="utf-8")
    (hexo_site / "source/_posts/hello.md").write_text("---\ntitle: Changed\n---\n", encoding="utf-8")
    report = import_site(hexo_site, site)
    assert (site / "pelicanconf.py").read_text() == "# mine\n"
    assert "Hello" in (site / "content/_posts/hello.md").read_text()
    assert any(line.startswith("kept") for line in report)
    import_site(hexo_site, site, force=True)
    assert "SITENAME" in (site / "pelicanconf.py").read_text()
    assert "Changed" in (site / "content/_posts/hello.md").read_text()


def test_import_with_link_symlinks(hexo_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "pelican"
    import_site(hexo_site, site, link=True)
    assert (site / "content/_posts").is_symlink()
    assert (site / "content/_posts/hello.md").read_text().startswith("---")


def test_import_refuses_a_folder_that_is_not_hexo(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match=r"not a Hexo site|not found"):
        import_site(tmp_path, tmp_path / "out")


def test_check_reports_problems_with_file_line_and_kind(hexo_site: Path) -> None:
    problems = check_site(hexo_site)
    found = {(p["file"], p["line"], p["kind"]) for p in problems}
    assert ("source/_posts/linked.md", 5, "unknown-tag") in found
    assert ("source/_posts/linked.md", 7, "missing-asset") in found
    assert all(p["file"] != "source/_posts/hello.md" for p in problems)


def test_check_json_and_exit_status(hexo_site: Path, tmp_path: Path, capsys) -> None:
    assert main(["check", str(hexo_site), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["totals"]["unknown-tag"] == 1
    clean = make_hexo_site(tmp_path / "clean")
    (clean / "source/_posts/linked.md").unlink()
    assert main(["check", str(clean)]) == 0
    assert "no problems found" in capsys.readouterr().out


def test_check_a_folder_of_posts(tmp_path: Path) -> None:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts/a.md").write_text(textwrap.dedent("---\ntitle: A\ndate: 2024-13-40\n---\nx\n"), encoding="utf-8")
    problems = check_site(tmp_path / "posts")
    assert [(p["file"], p["line"], p["kind"]) for p in problems] == [("a.md", 3, "front-matter")]


def test_check_names_both_posts_that_want_one_url(tmp_path: Path) -> None:
    (tmp_path / "posts").mkdir()
    for name in ("a.md", "b.md"):
        (tmp_path / "posts" / name).write_text(
            f"---\ntitle: {name}\ndate: 2024-01-01\npermalink: same/place/\n---\nx\n", encoding="utf-8"
        )
    problems = [p for p in check_site(tmp_path / "posts") if p["kind"] == "duplicate-url"]
    assert sorted(p["file"] for p in problems) == ["a.md", "b.md"]
    assert all("same/place/index.html" in p["message"] for p in problems)
    assert "written to same/place-2/index.html instead" in problems[1]["message"]


def test_a_duplicate_url_does_not_abort_the_build(tmp_path: Path) -> None:
    (tmp_path / "content/_posts").mkdir(parents=True)
    for name in ("a.md", "b.md"):
        (tmp_path / "content/_posts" / name).write_text(
            f"---\ntitle: {name}\ndate: 2024-01-01\npermalink: same/place/\n---\nbody of {name}\n", encoding="utf-8"
        )
    build = build_site(
        None,
        tmp_path / "output",
        PATH=str(tmp_path / "content"),
        PLUGINS=["pelican_hexo_tags"],
        ARTICLE_PATHS=["_posts"],
        READERS={"rst": None},
    )
    assert "body of a.md" in build.page("same/place/index.html")
    assert "body of b.md" in build.page("same/place-2/index.html")
