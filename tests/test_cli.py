"""`pelican-hexo import` and `pelican-hexo check` on a small Hexo site made here."""

from __future__ import annotations

import json
import logging
import os
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from conftest import build_site
from pelican.settings import DEFAULT_CONFIG

from pelican_hexo_tags import reader
from pelican_hexo_tags.cli import (
    CliError,
    _check_settings,
    check_site,
    import_site,
    main,
    production_url,
    render_settings,
    skip_render_folders,
)
from pelican_hexo_tags.config import HexoConfig

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
    # For local work: the preview must not load its CSS and links from the live site.
    assert namespace["SITEURL"] == ""
    assert namespace["RELATIVE_URLS"] is True
    assert namespace["TIMEZONE"] == "Asia/Shanghai"
    assert namespace["DEFAULT_LANG"] == "zh-CN"
    assert namespace["DEFAULT_PAGINATION"] == 5
    assert namespace["PLUGINS"] == ["pelican_hexo_tags"]
    assert namespace["HEXO_CONFIG"] == "_config.yml"
    # The plugin's own theme, which reads the Hexo theme's config; --pelican-theme keeps Pelican's.
    from pelican_hexo_tags.themes import theme_path

    assert namespace["THEME"] == theme_path()
    assert namespace["TAG_URL"] == "labels/{slug}/"
    # Category pages, every level of a hierarchy, are the plugin's (list_pages); Pelican's one category is no page.
    assert namespace["CATEGORY_URL"] == "kinds/{slug}/"
    assert namespace["CATEGORY_SAVE_AS"] == ""
    assert namespace["ARCHIVES_SAVE_AS"] == "history/index.html"
    assert (tmp_path / "pelican" / "_config.next.yml").is_file()
    assert any(line.startswith("next: pelican -s") for line in report)
    assert any(line.startswith("to publish: pelican -s") and "publishconf.py" in line for line in report)


def test_imported_site_builds_every_url(hexo_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    build = build_site(site / "pelicanconf.py", site / "output")
    out = build.output
    assert build.messages(logging.ERROR) == []
    assert (out / "2024/03/01/hello/index.html").is_file()
    assert (out / "2024/03/01/hello/pic.png").read_text() == "PNG"
    # A preview is served at the server's root (root: /blog/ is publishconf.py's).
    assert 'src="/2024/03/01/hello/pic.png"' in build.page("2024/03/01/hello/index.html")
    assert (out / "about/index.html").is_file()
    assert (out / "about/me.jpg").read_text() == "JPG"
    assert (out / "CNAME").is_file()
    assert (out / "images/logo.svg").is_file()
    assert (out / "labels/Greeting/index.html").is_file()
    assert (out / "labels/C/index.html").is_file()
    assert (out / "history/index.html").is_file()
    assert [d.title for d in build.drafts] == ["Idea"]
    # The config names a language: Pelican's default TRANSLATION_FEED_ATOM would write feeds/all-zh-CN.atom.xml.
    assert not list(out.rglob("*.xml"))


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
    with pytest.raises(CliError, match=r"_config.yml not found: is .* a Hexo site"):
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
    (tmp_path / "posts/a.md").write_text(textwrap.dedent("---\ntitle: A\ndate: someday\n---\nx\n"), encoding="utf-8")
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


# --- bad paths: one `error:` line on stderr, exit status 2 -------------------------------------


def _bad_paths(root: Path) -> dict[str, tuple[list[str], str]]:
    """Each case: the argv, and what its error line must say."""
    site = make_hexo_site(root / "hexo")
    (root / "file.txt").write_text("x\n", encoding="utf-8")
    (root / "plain").mkdir()
    no_source = root / "no-source"
    no_source.mkdir()
    (no_source / "_config.yml").write_text("title: x\n", encoding="utf-8")
    config_dir = root / "config-dir"
    (config_dir / "_config.yml").mkdir(parents=True)
    (config_dir / "source/_posts").mkdir(parents=True)
    broken_config = root / "broken-config"
    (broken_config / "source/_posts").mkdir(parents=True)
    (broken_config / "_config.yml").symlink_to(root / "gone.yml")
    content_file = root / "content-file"
    content_file.mkdir()
    (content_file / "content").write_text("x\n", encoding="utf-8")
    return {
        "check a file": (["check", str(root / "file.txt")], "is a file"),
        "check a missing folder": (["check", str(root / "nonexistent")], "not found"),
        "check a Hexo site without source/": (["check", str(no_source)], "source not found"),
        "check a _config.yml that is a folder": (["check", str(config_dir)], "cannot read"),
        "check a _config.yml that is a broken link": (["check", str(broken_config)], "cannot read"),
        "import into a file": (["import", str(site), str(root / "file.txt")], "is a file"),
        "import from a missing folder": (["import", str(root / "nonexistent"), str(root / "out")], "not found"),
        "import from a file": (["import", str(root / "file.txt"), str(root / "out")], "is a file"),
        "import from a folder that is not Hexo": (["import", str(root / "plain"), str(root / "out")], "a Hexo site?"),
        "import without source/": (["import", str(no_source), str(root / "out")], "source not found"),
        "import a _config.yml that is a folder": (["import", str(config_dir), str(root / "out")], "cannot read"),
        "import a broken _config.yml link": (["import", str(broken_config), str(root / "out")], "cannot read"),
        "import into the source itself": (["import", str(site), str(site / "source")], "overlap"),
        "import under the source": (["import", str(site), str(site / "source/blog")], "overlap"),
        "import into the Hexo site itself": (["import", str(site), str(site)], "the Hexo site itself"),
        "import where content/ is a file": (["import", str(site), str(content_file)], "is a file"),
    }


def test_every_bad_path_is_one_error_line_and_exit_2(tmp_path: Path, capsys) -> None:
    cases = _bad_paths(tmp_path)
    capsys.readouterr()
    for name, (argv, says) in cases.items():
        assert main(argv) == 2, name
        captured = capsys.readouterr()
        lines = captured.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), (name, captured.err)
        assert says in lines[0], (name, lines[0])
        assert captured.out == "", name
    # Nothing was made where the import refused to go.
    assert not (tmp_path / "hexo/source/content").exists()
    assert not (tmp_path / "hexo/content").exists()
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_config_is_an_error(hexo_site: Path, tmp_path: Path, capsys) -> None:
    (hexo_site / "_config.yml").chmod(0)
    assert main(["import", str(hexo_site), str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.startswith("error: cannot read")


def test_check_of_a_folder_without_posts_says_so(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty/notes.txt").write_text("not a post\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "empty")]) == 2
    captured = capsys.readouterr()
    assert "no problems found" not in captured.out
    assert re.fullmatch(r"error: no posts found in .*empty: .*\n", captured.err)
    site = make_hexo_site(tmp_path / "hexo")
    for post in (site / "source").rglob("*.md"):
        post.unlink()
    assert main(["check", str(site), "--format", "json"]) == 2
    assert capsys.readouterr().err.startswith("error: no posts found")
    with pytest.raises(CliError, match="no posts found"):
        check_site(tmp_path / "empty")


# --- check: every post found must be built --------------------------------------------------


def test_check_counts_posts_found_and_built(hexo_site: Path, capsys) -> None:
    main(["check", str(hexo_site), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    # hello, linked, the draft idea and the page about/index.
    assert report["posts"] == {"found": 4, "built": 4}
    assert "lost-post" not in report["totals"]
    main(["check", str(hexo_site)])
    assert "4 posts found, 4 built" in capsys.readouterr().out


def test_a_post_the_reader_fails_on_is_a_lost_post(hexo_site: Path, monkeypatch, capsys) -> None:
    real_read = reader.HexoReader.read

    def read(self: reader.HexoReader, source_path: str):
        if source_path.endswith("hello.md"):
            raise ValueError("the reader choked here")
        return real_read(self, source_path)

    monkeypatch.setattr(reader.HexoReader, "read", read)
    lost = [p for p in check_site(hexo_site) if p["kind"] == "lost-post"]
    assert [(p["file"], p["line"]) for p in lost] == [("source/_posts/hello.md", 1)]
    assert "ValueError: the reader choked here" in lost[0]["message"]
    assert main(["check", str(hexo_site)]) == 1
    out = capsys.readouterr().out
    assert "source/_posts/hello.md:1: [lost-post] found but not built: Could not process _posts/hello.md" in out
    assert "4 posts found, 3 built" in out
    assert re.search(r"^ +1  lost-post$", out, re.MULTILINE)


def test_posts_pelican_skips_are_lost_posts(tmp_path: Path) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "fine.md").write_text("---\ntitle: Fine\ndate: 2024-01-01\n---\nx\n", encoding="utf-8")
    # Pelican refuses to write outside its output folder.
    (posts / "escape.mkd").write_text(
        "---\ntitle: Out\ndate: 2024-01-01\npermalink: ../../../../../../escaped/\n---\nx\n", encoding="utf-8"
    )
    lost = {p["file"]: p["message"] for p in check_site(posts) if p["kind"] == "lost-post"}
    assert set(lost) == {"escape.mkd"}
    assert "would be written outside output path" in lost["escape.mkd"]
    assert str(posts) not in lost["escape.mkd"]


def test_a_post_named_like_an_impossible_date_is_built(hexo_site: Path, tmp_path: Path) -> None:
    # Pelican's default FILENAME_METADATA reads 2019-02-29 as a date and drops the post ("not a
    # valid date"); Hexo dates it from its front matter.
    (hexo_site / "source/_posts/2019-02-29-leap.md").write_text(
        "---\ntitle: Leap\ndate: 2020-02-29\n---\nx\n", encoding="utf-8"
    )
    assert [p for p in check_site(hexo_site) if p["kind"] == "lost-post"] == []
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    build = build_site(site / "pelicanconf.py", site / "output")
    assert "Leap" in [a.title for a in build.articles]


def test_a_failing_build_is_a_problem_not_a_traceback(hexo_site: Path, monkeypatch, capsys) -> None:
    from pelican.generators import ArticlesGenerator

    def generate_output(self: ArticlesGenerator, writer: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ArticlesGenerator, "generate_output", generate_output)
    problems = check_site(hexo_site)
    failed = [p for p in problems if p["kind"] == "build-failed"]
    assert len(failed) == 1
    assert "OSError: [Errno 28] No space left on device" in failed[0]["message"]
    assert failed[0]["file"] == str(hexo_site)
    assert main(["check", str(hexo_site)]) == 1
    captured = capsys.readouterr()
    assert "[build-failed] the build failed: OSError" in captured.out
    assert "Traceback" not in captured.out + captured.err


# --- feeds -----------------------------------------------------------------------------------


def _feeds_on(settings: dict) -> dict[str, object]:
    feeds = {key for key in DEFAULT_CONFIG if re.fullmatch(r"\w*FEED\w*_(ATOM|RSS)", key)}
    assert "TRANSLATION_FEED_ATOM" in feeds and "FEED_ALL_ATOM" in feeds
    return {key: settings.get(key, DEFAULT_CONFIG[key]) for key in feeds if settings.get(key, DEFAULT_CONFIG[key])}


def test_no_feed_of_pelicans_defaults_is_left_on(tmp_path: Path) -> None:
    namespace: dict = {}
    exec(compile(render_settings(HexoConfig({"language": "de"})), "pelicanconf.py", "exec"), namespace)
    assert _feeds_on(namespace) == {}
    (tmp_path / "posts").mkdir()
    assert _feeds_on(_check_settings(tmp_path / "posts", None, tmp_path / "out")) == {}


# --- re-import merges -------------------------------------------------------------------------


def test_reimport_adds_what_the_hexo_site_gained(hexo_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    (site / "content/_posts/hello.md").write_text("---\ntitle: Edited in Pelican\n---\n", encoding="utf-8")
    (hexo_site / "source/_posts/new.md").write_text("---\ntitle: New\ndate: 2024-04-01\n---\nx\n", encoding="utf-8")
    (hexo_site / "source/_posts/new").mkdir()
    (hexo_site / "source/_posts/new/shot.png").write_text("PNG2", encoding="utf-8")
    (hexo_site / "source/_posts/hello/second.png").write_text("PNG3", encoding="utf-8")
    (hexo_site / "source/robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    report = import_site(hexo_site, site)
    assert (site / "content/_posts/new.md").read_text(encoding="utf-8").startswith("---\ntitle: New")
    assert (site / "content/_posts/new/shot.png").read_text() == "PNG2"
    assert (site / "content/_posts/hello/second.png").read_text() == "PNG3"
    assert (site / "content/robots.txt").is_file()
    assert "Edited in Pelican" in (site / "content/_posts/hello.md").read_text(encoding="utf-8")
    content = site / "content"
    assert f"copied 3 files (posts) from {hexo_site / 'source'} to {content}" in report
    assert f"kept 3 files (posts) already in {content} (--force replaces them)" in report
    assert f"copied 1 files (pages and files) from {hexo_site / 'source'} to {content}" in report
    # Nothing new the third time: only kept lines.
    again = import_site(hexo_site, site)
    assert not [line for line in again if line.startswith("copied") and "files" in line]
    forced = import_site(hexo_site, site, force=True)
    assert "Edited" not in (site / "content/_posts/hello.md").read_text(encoding="utf-8")
    assert f"replaced 6 files (posts) in {content} (--force)" in forced


def test_reimport_with_link_links_the_new_files(hexo_site: Path, tmp_path: Path) -> None:
    copied = tmp_path / "copied"
    import_site(hexo_site, copied)
    (hexo_site / "source/_posts/new.md").write_text("---\ntitle: New\n---\n", encoding="utf-8")
    report = import_site(hexo_site, copied, link=True)
    assert (copied / "content/_posts/new.md").is_symlink()
    assert not (copied / "content/_posts/hello.md").is_symlink()
    assert any(line.startswith("linked 1 files (posts)") for line in report)
    linked = tmp_path / "linked"
    import_site(hexo_site, linked, link=True)
    (hexo_site / "source/_posts/newer.md").write_text("---\ntitle: Newer\n---\n", encoding="utf-8")
    report = import_site(hexo_site, linked, link=True, force=True)
    # The folder link from the first run shows the new post already; --force must not unlink through it.
    assert (linked / "content/_posts").is_symlink()
    assert (hexo_site / "source/_posts/hello.md").is_file()
    assert (linked / "content/_posts/newer.md").read_text(encoding="utf-8").startswith("---")


def test_import_keeps_file_and_folder_times(hexo_site: Path, tmp_path: Path) -> None:
    source = hexo_site / "source"
    old = 1_500_000_000
    for number, path in enumerate(sorted(source.rglob("*"), key=lambda p: -len(p.parts))):
        os.utime(path, (old + number, old + number))
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    (source / "_posts/later.md").write_text("---\ntitle: Later\n---\n", encoding="utf-8")
    (source / "_posts/later").mkdir()
    (source / "_posts/later/a.png").write_text("PNG", encoding="utf-8")
    os.utime(source / "_posts/later/a.png", (old - 5, old - 5))
    os.utime(source / "_posts/later", (old - 6, old - 6))
    os.utime(source / "_posts/later.md", (old - 7, old - 7))
    import_site(hexo_site, site)
    checked = 0
    for path in source.rglob("*"):
        target = site / "content" / path.relative_to(source)
        if path.is_dir() and path.name in ("_posts", "source"):
            continue  # gained a file after the first import: its time is the merge's
        assert target.stat().st_mtime == path.stat().st_mtime, path
        checked += 1
    assert checked == len(list(source.rglob("*"))) - 1


def test_a_file_that_cannot_be_copied_is_reported_and_the_rest_copied(hexo_site: Path, tmp_path: Path, capsys) -> None:
    (hexo_site / "source/_posts/dangling.md").symlink_to(tmp_path / "nowhere.md")
    assert main(["import", str(hexo_site), str(tmp_path / "pelican")]) == 1
    captured = capsys.readouterr()
    assert re.fullmatch(r"error: could not import .*dangling\.md: No such file or directory\n", captured.err)
    assert (tmp_path / "pelican/content/_posts/hello.md").is_file()
    assert "wrote " in captured.out


def test_reimport_does_not_write_through_a_link_to_another_folder(hexo_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    elsewhere = tmp_path / "shared-images"
    elsewhere.mkdir()
    (elsewhere / "logo.svg").write_text("<svg>mine</svg>", encoding="utf-8")
    os.replace(site / "content/images", tmp_path / "old-images")
    (site / "content/images").symlink_to(elsewhere, target_is_directory=True)
    (hexo_site / "source/images/new.svg").write_text("<svg/>", encoding="utf-8")
    import_site(hexo_site, site)
    assert sorted(p.name for p in elsewhere.iterdir()) == ["logo.svg"]
    import_site(hexo_site, site, force=True)
    assert (elsewhere / "logo.svg").read_text(encoding="utf-8") == "<svg>mine</svg>"
    assert not (site / "content/images").is_symlink()
    assert (site / "content/images/new.svg").is_file()


def test_check_prints_the_site_profile_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site / "source" / "_posts").mkdir(parents=True)
    (site / "source" / "_posts" / "a.md").write_text("---\ntitle: A\ndate: 2024-01-01\n---\nx\n", encoding="utf-8")
    (site / "_config.yml").write_text("theme: next\n", encoding="utf-8")
    (site / "scripts").mkdir()
    (site / "scripts" / "tag.js").write_text("hexo.extend.tag.register('x', () => '')\n", encoding="utf-8")
    (site / "scripts" / "filter.js").write_text(
        "const { escapeHTML } = require('hexo-util')\nhexo.extend.filter.register('after_post_render', f)\n",
        encoding="utf-8",
    )
    dependencies = {"hexo": "^6.3.0", "hexo-renderer-marked": "^6", "hexo-filter-nofollow": "^2", "hexo-x": "1"}
    (site / "package.json").write_text(json.dumps({"dependencies": dependencies}), encoding="utf-8")
    assert main(["check", str(site)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Hexo 6.3.0, theme next\nMarkdown renderer installed: hexo-renderer-marked;")
    assert "hexo-filter-nofollow                 emulated\n" in out
    assert "hexo-x                               not; loses whatever it changes in a post" in out
    assert "local scripts (2, 1 run); a post loses what those not run register:\n" in out
    assert (
        "  scripts/filter.js: filter: after_post_render (requires hexo-util); not run: failed while loading:"
        " ReferenceError: f is not defined\n  scripts/tag.js: tag: x; run\n"
    ) in out
    assert main(["check", "--format", "json", str(site)]) == 0
    profile = json.loads(capsys.readouterr().out)["profile"]
    assert profile["plugins_from"] == "package.json"
    assert {p["package"]: p["status"] for p in profile["plugins"]}["hexo-renderer-marked"] == "partly"


def test_hexo_skips_names_starting_with_underscore_or_dot_and_so_does_the_import(
    hexo_site: Path, tmp_path: Path
) -> None:
    for name, text in {
        "source/_data/menu.yml": "home: /\n",
        "source/_partial/note.md": "---\ntitle: Partial\n---\nNot a page.\n",
        "source/.secret.md": "---\ntitle: Secret\n---\nNot a page.\n",
        "source/_posts/_unfinished.md": "---\ntitle: Unfinished\ndate: 2024-03-03\n---\nNot a post.\n",
    }.items():
        (hexo_site / name).parent.mkdir(parents=True, exist_ok=True)
        (hexo_site / name).write_text(text, encoding="utf-8")
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    build = build_site(site / "pelicanconf.py", site / "output")
    assert sorted(a.title for a in build.articles) == ["Hello", "Linked"]
    assert [p.title for p in build.pages] == ["About"]
    assert not (build.output / "_data").exists()


def test_check_runs_on_the_site_import_wrote(hexo_site: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    assert main(["check", "--format", "json", str(hexo_site)]) == 1
    on_hexo = json.loads(capsys.readouterr().out)
    monkeypatch.chdir(site)
    assert main(["check", "--format", "json"]) == 1
    on_pelican = json.loads(capsys.readouterr().out)
    assert on_pelican["posts"] == on_hexo["posts"]
    assert on_pelican["totals"] == on_hexo["totals"]


@pytest.fixture
def forget_publishconf():
    """Drop the settings modules a publishconf.py load leaves in ``sys.modules``.

    The plugin finds ``HEXO_CONFIG``'s folder from the loaded settings module that set it;
    a ``publishconf`` of this test's site left loaded would name its folder to later builds.
    """
    yield
    import sys

    for name in ("publishconf", "pelicanconf"):
        sys.modules.pop(name, None)


@pytest.mark.usefixtures("forget_publishconf")
def test_publishconf_is_pelicanconf_with_the_production_url(hexo_site: Path, tmp_path: Path) -> None:
    from pelican.settings import read_settings

    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    local = read_settings(str(site / "pelicanconf.py"))
    publish = read_settings(str(site / "publishconf.py"))
    assert publish["SITEURL"] == "https://small.example.com/blog"
    assert publish["RELATIVE_URLS"] is False
    assert publish["DELETE_OUTPUT_DIRECTORY"] is True
    # Everything else as for local work, paths resolved beside the settings file.
    for key in ("SITENAME", "PATH", "OUTPUT_PATH", "TAG_URL", "PLUGINS", "HEXO_CONFIG", "FEED_ALL_ATOM"):
        assert publish[key] == local[key], key
    assert publish["PATH"] == str(site / "content")


@pytest.mark.usefixtures("forget_publishconf")
def test_publishconf_reads_its_own_pelicanconf_not_one_imported_before(hexo_site: Path, tmp_path: Path) -> None:
    from pelican.settings import read_settings

    first, second = tmp_path / "first", tmp_path / "second"
    import_site(hexo_site, first)
    (hexo_site / "_config.yml").write_text(CONFIG.replace("Small Blog", "Other Blog"), encoding="utf-8")
    import_site(hexo_site, second)
    assert read_settings(str(first / "publishconf.py"))["SITENAME"] == "Small Blog"
    assert read_settings(str(second / "publishconf.py"))["SITENAME"] == "Other Blog"


@pytest.mark.usefixtures("forget_publishconf")
def test_a_published_build_links_the_production_url(hexo_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    local = build_site(site / "pelicanconf.py", site / "output").page("about/index.html")
    published = build_site(site / "publishconf.py", site / "public").page("about/index.html")
    assert "https://small.example.com" not in local
    # The theme's stylesheet, whichever theme: from the live site only when published.
    assert re.search(r'href="https://small\.example\.com/blog/[^"]+\.css"', published)
    assert re.search(r'href="(\.\./)*theme/[^"]+\.css"', local)


def test_reimport_keeps_an_edited_publishconf_unless_forced(hexo_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    (site / "publishconf.py").write_text("# mine\n", encoding="utf-8")
    report = import_site(hexo_site, site)
    assert (site / "publishconf.py").read_text() == "# mine\n"
    assert f"kept {site / 'publishconf.py'} (it exists; --force rewrites it)" in report
    import_site(hexo_site, site, force=True)
    assert "SITEURL" in (site / "publishconf.py").read_text()


def test_a_site_imported_before_publishconf_gains_one_on_reimport(hexo_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    (site / "publishconf.py").unlink()
    report = import_site(hexo_site, site)
    assert f"wrote {site / 'publishconf.py'}" in report
    assert f"kept {site / 'pelicanconf.py'} (it exists; --force rewrites it)" in report


@pytest.mark.parametrize(
    ("url", "root", "expected"),
    [
        ("https://a.example.com", "/", "https://a.example.com"),
        ("https://a.example.com/", "/blog/", "https://a.example.com/blog"),
        # Hexo's docs: url names the subfolder too.
        ("https://a.example.com/blog", "/blog/", "https://a.example.com/blog"),
        ("", "/", ""),
    ],
)
def test_production_url_from_url_and_root(url: str, root: str, expected: str) -> None:
    assert production_url(HexoConfig({"url": url, "root": root})) == expected


# --- check --against OLD ---------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def make_old_site(root: Path, paths: list[str]) -> Path:
    """A fake ``public/`` folder: an empty file at each path the old site served."""
    for name in paths:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
    return root


def test_url_to_path_as_hexo_serves_files() -> None:
    from pelican_hexo_tags.compare_sites import url_to_path

    site = "https://small.example.com/blog"
    assert url_to_path("https://small.example.com/blog/", site) == "index.html"
    assert url_to_path("https://small.example.com/blog/2024/03/01/hello/", site) == "2024/03/01/hello/index.html"
    assert url_to_path("https://small.example.com/blog/atom.xml", site) == "atom.xml"
    assert url_to_path("https://small.example.com/blog/about", site) == "about/index.html"
    assert url_to_path("https://x.org/tags/%E6%8A%80%E6%9C%AF/", "https://x.org") == "tags/技术/index.html"
    # A sitemap written for another host still names paths under the root.
    assert url_to_path("http://localhost:4000/blog/a.html", "", "/blog/") == "a.html"


def test_a_sitemap_and_a_sitemap_index_are_read_as_paths(tmp_path: Path) -> None:
    from pelican_hexo_tags.compare_sites import old_site_paths

    namespace = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    (tmp_path / "sitemap.xml").write_text(
        f'<?xml version="1.0"?><sitemapindex {namespace}>'
        "<sitemap><loc>https://x.org/post-sitemap.xml</loc></sitemap></sitemapindex>",
        encoding="utf-8",
    )
    (tmp_path / "post-sitemap.xml").write_text(
        f'<?xml version="1.0"?><urlset {namespace}><url><loc>https://x.org/a/</loc></url>'
        "<url><loc>https://x.org/b.html</loc></url></urlset>",
        encoding="utf-8",
    )
    assert old_site_paths(tmp_path / "sitemap.xml", "https://x.org") == ["a/index.html", "b.html"]
    (tmp_path / "broken.xml").write_text("<urlset", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cannot read .* as a sitemap"):
        old_site_paths(tmp_path / "broken.xml")


def test_a_deployed_checkout_has_no_git_folder_urls(tmp_path: Path) -> None:
    from pelican_hexo_tags.compare_sites import old_site_paths

    old = make_old_site(tmp_path / "deployed", ["index.html", ".git/HEAD", ".well-known/security.txt"])
    assert old_site_paths(old) == [".well-known/security.txt", "index.html"]


@pytest.mark.parametrize(
    ("path", "group", "cause"),
    [
        ("2024/03/01/gone/index.html", "posts", "post URL differs"),
        ("2024/03/01/gone/pic.png", "assets", "post asset"),
        ("css/style.css", "assets", "theme asset"),
        ("css/README.html", "assets", "theme asset"),
        ("labels/Greeting/page/2/index.html", "tags", "tag pagination (tag_generator.per_page)"),
        ("labels/index.html", "tags", "the theme's tags index page"),
        ("kinds/Code/git/index.html", "categories", "category hierarchy"),
        ("kinds/Code/page/3/index.html", "categories", "category pagination"),
        ("history/page/2/index.html", "archives", "archives pagination"),
        ("history/2024/03/01/index.html", "archives", "daily archive"),
        ("page/2/index.html", "archives", "index pagination"),
        ("atom.xml", "feeds", "feed not generated: install/emulate hexo-generator-feed"),
        ("sitemap.xml", "feeds", "sitemap not generated: made by hexo-generator-sitemap"),
        ("search.xml", "feeds", "search index not generated"),
        ("404.html", "pages", "404 page"),
        ("links/index.html", "pages", "page not built"),
        ("CNAME", "other", "file not copied"),
    ],
)
def test_each_missing_url_has_its_group_and_likely_cause(path: str, group: str, cause: str) -> None:
    import yaml

    from pelican_hexo_tags.compare_sites import Classifier

    classifier = Classifier(HexoConfig(yaml.safe_load(CONFIG.replace("!!js/regexp ", ""))), ["hexo-generator-feed"])
    assert classifier.classify(path)[0] == group
    assert cause in classifier.classify(path)[1]


def test_a_page_only_moved_is_named_where_it_is_now() -> None:
    from pelican_hexo_tags.compare_sites import moved_to

    new = {"2024/hello/index.html", "about.html", "tags/FFmpeg/index.html"}
    assert moved_to("2024/hello.html", new) == "2024/hello/index.html"
    assert moved_to("about/index.html", new) == "about.html"
    assert moved_to("tags/ffmpeg/index.html", new) == "tags/FFmpeg/index.html"
    assert moved_to("2024/other.html", new) is None
    assert moved_to("style.css", {"STYLE.css"}) is None


def test_check_against_lists_what_the_new_build_lacks(hexo_site: Path, tmp_path: Path, capsys) -> None:
    old = make_old_site(
        tmp_path / "public",
        ["2024/03/01/hello/index.html", "about/index.html", "atom.xml", "history/page/2/index.html", "CNAME"],
    )
    assert main(["check", str(hexo_site), "--against", str(old), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["old"], report["found"]) == (5, 3)
    assert {item["path"]: item["group"] for item in report["missing"]} == {
        "atom.xml": "feeds",
        "history/page/2/index.html": "archives",
    }
    assert report["groups"]["archives"] == {
        "missing": 1,
        "causes": {"archives pagination (archive_generator.per_page)": 1},
    }
    assert main(["check", str(hexo_site), "--against", str(old)]) == 1
    text = capsys.readouterr().out
    assert text.startswith("5 old URLs: 3 in the new build, 2 missing")
    assert "archives (1 missing)" in text and "    history/page/2/index.html" in text


def test_check_against_an_old_site_the_build_covers_exits_0(hexo_site: Path, tmp_path: Path, capsys) -> None:
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    old = make_old_site(tmp_path / "public", ["2024/03/01/hello/index.html", "2024/03/01/hello/pic.png"])
    # The site import wrote, built with its own pelicanconf.py.
    assert main(["check", str(site), "--against", str(old)]) == 0
    assert "every old URL is in the new build" in capsys.readouterr().out


def test_check_against_a_path_that_is_no_old_site_is_exit_2(hexo_site: Path, tmp_path: Path, capsys) -> None:
    assert main(["check", str(hexo_site), "--against", str(tmp_path / "nowhere")]) == 2
    assert "error:" in capsys.readouterr().err


def test_check_against_on_a_built_corpus_blog(tmp_path: Path, capsys) -> None:
    blog = CORPUS / "seaoak__blog_with_hexo"
    if not (blog / "site-urls.json").is_file():
        pytest.skip(f"the corpus is not here ({CORPUS})")
    old_urls = json.loads((blog / "site-urls.json").read_text(encoding="utf-8"))
    # Files the old site had that no build here makes, so the grouping is seen whatever generators exist.
    extra = ["archives/page/99/index.html", "tags/No-Such-Tag/page/7/index.html", "css/old-theme.css"]
    old = make_old_site(tmp_path / "public", [*old_urls, *extra])
    site = tmp_path / "site"
    import_site(blog, site)
    output = build_site(site / "pelicanconf.py", tmp_path / "output").output
    capsys.readouterr()  # Pelican's own summary of that build
    assert main(["check", str(site), "--against", str(old), "--built", str(output), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    built = {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}
    assert {item["path"] for item in report["missing"]} == set(old_urls + extra) - built
    assert report["found"] == len(set(old_urls) & built)
    groups = {item["path"]: (item["group"], item["cause"]) for item in report["missing"]}
    assert groups["archives/page/99/index.html"][0] == "archives"
    assert groups["tags/No-Such-Tag/page/7/index.html"] == ("tags", "tag pagination (tag_generator.per_page)")
    assert groups["css/old-theme.css"][0] == "assets"
    # Almost every URL of the blog's own Hexo is built (issue 13 measured 98.96%).
    assert report["found"] >= 0.95 * len(old_urls)


# --- import --redirects --against OLD --------------------------------------------------------


def test_redirect_page_sends_the_old_url_on() -> None:
    from pelican_hexo_tags.compare_sites import redirect_page

    page = redirect_page("2024/hello.html", "2024/hello/index.html", "https://x.org/blog")
    assert '<meta http-equiv="refresh" content="0; url=hello/">' in page
    assert '<link rel="canonical" href="https://x.org/blog/2024/hello/">' in page
    assert '<a href="hello/">https://x.org/blog/2024/hello/</a>' in page
    page = redirect_page("about/index.html", "关于.html", "", "/blog/")
    assert 'url=../%E5%85%B3%E4%BA%8E.html"' in page
    assert 'href="/blog/%E5%85%B3%E4%BA%8E.html"' in page


def test_import_redirects_every_old_url_that_moved(hexo_site: Path, tmp_path: Path, capsys) -> None:
    old = make_old_site(
        tmp_path / "public",
        [
            "2024/03/01/hello.html",
            "about.html",
            "2024/03/01/hello/index.html",
            "atom.xml",
            "LABELS/greeting/index.html",
        ],
    )
    site = tmp_path / "pelican"
    argv = ["import", str(hexo_site), str(site), "--redirects", "--against", str(old)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert f"wrote 2 redirect pages in {site / 'content'}" in out
    assert "no redirect for 1 old URLs that differ only in case (e.g. LABELS/greeting/index.html)" in out
    assert "1 old URLs are missing with no page to redirect to" in out
    page = (site / "content/2024/03/01/hello.html").read_text(encoding="utf-8")
    assert 'content="0; url=hello/"' in page
    assert 'href="https://small.example.com/blog/2024/03/01/hello/"' in page
    assert 'url=about/"' in (site / "content/about.html").read_text(encoding="utf-8")
    # Built, the redirects are at the old URLs: only the feed is still missing.
    assert main(["check", str(site), "--against", str(old), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert {item["path"] for item in report["missing"]} == {"atom.xml", "LABELS/greeting/index.html"}
    # A re-import keeps a redirect the user edited.
    (site / "content/about.html").write_text("mine", encoding="utf-8")
    assert main(argv) == 0
    assert (site / "content/about.html").read_text(encoding="utf-8") == "mine"


def test_import_redirects_needs_the_old_site(hexo_site: Path, tmp_path: Path, capsys) -> None:
    assert main(["import", str(hexo_site), str(tmp_path / "a"), "--redirects"]) == 2
    assert "--redirects needs --against OLD" in capsys.readouterr().err
    assert main(["import", str(hexo_site), str(tmp_path / "b"), "--redirects", "--against", str(tmp_path / "no")]) == 2
    assert "not found" in capsys.readouterr().err
    assert not (tmp_path / "b").exists()


# --- source/ files as Hexo treats them -------------------------------------------------------

SOURCE_FILES = Path(__file__).parent / "fixtures" / "source-files"
# What Hexo writes that a build here does not, and why.
HEXO_ONLY: set[str] = set()


def test_source_files_land_where_hexo_puts_them(tmp_path: Path) -> None:
    hexo_files = set(json.loads((SOURCE_FILES / "hexo-public-files.json").read_text(encoding="utf-8")))
    site = tmp_path / "pelican"
    import_site(SOURCE_FILES / "site", site)
    output = build_site(site / "pelicanconf.py", tmp_path / "output").output
    built = {path.relative_to(output).as_posix() for path in output.rglob("*") if path.is_file()}
    assert hexo_files - built == HEXO_ONLY
    source = SOURCE_FILES / "site" / "source"
    # skip_render: copied as they are, Markdown too, and no page made of them.
    for raw in ("raw/raw.md", "raw/raw.html", "verify.html"):
        assert (output / raw).read_bytes() == (source / raw).read_bytes(), raw
    assert "Gone" in (output / "404.html").read_text(encoding="utf-8")
    # A page's permalink: front matter is its path, as Hexo's asset processor makes it.
    assert "moved page" in (output / "elsewhere/index.html").read_text(encoding="utf-8")
    assert not (output / "docs/moved.html").exists()
    # Hexo reads a Markdown file in a post's asset folder twice: as a post (2024/01/03/p1/note/) and
    # as an asset, rendered beside the post with its front matter as text, in no layout.
    from htmlcompare import compare

    hexo_asset = (SOURCE_FILES / "hexo-2024-01-02-p1-note.html").read_text(encoding="utf-8")
    assert compare(hexo_asset, (output / "2024/01/02/p1/note.html").read_text(encoding="utf-8"))["faithful"]


@pytest.mark.parametrize(
    ("skip_render", "folders"),
    [
        (["raw/**", "verify.html", "docs/**/*", "/demo/**/*.md"], ["raw", "docs", "demo"]),
        ("raw/**", ["raw"]),
        # A file pattern, a glob in the folder, or _posts (never a page anyway): no folder to exclude.
        (["*.md", "a*/**", "_posts/**/*.html"], []),
        (None, []),
    ],
)
def test_skip_render_folders_are_no_pages(skip_render: Any, folders: list[str]) -> None:
    assert skip_render_folders(HexoConfig({"skip_render": skip_render})) == folders


def test_the_sitemap_real_hexo_wrote_is_read_as_the_site_files(tmp_path: Path) -> None:
    from pelican_hexo_tags.compare_sites import old_site_paths

    # hexo-generator-sitemap's own output for its fixture site (url http://example.com/blog, root /blog/).
    generated = Path(__file__).parent / "fixtures/plugins/hexo-generator-sitemap/generated-site.json"
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(json.loads(generated.read_text(encoding="utf-8"))["files"]["sitemap.xml"], encoding="utf-8")
    paths = old_site_paths(sitemap, "http://example.com/blog", "/blog/")
    assert "index.html" in paths
    assert "2021/01/01/hello/index.html" in paths
    assert "tags/标签/index.html" in paths
    assert all(not path.startswith(("blog/", "/")) for path in paths)


def test_a_markdown_page_beside_an_index_page_stays_a_page(hexo_site: Path, tmp_path: Path) -> None:
    # about/index.md publishes its folder; about/more.md there is a page of its own, not an asset.
    (hexo_site / "source/about/more.md").write_text("---\ntitle: More\n---\nMore of me.\n", encoding="utf-8")
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    page = build_site(site / "pelicanconf.py", site / "output").page("about/more.html")
    assert "<html" in page and "More of me." in page


def test_redirects_never_write_through_a_link_into_the_hexo_site(hexo_site: Path, tmp_path: Path, capsys) -> None:
    # about/ was linked: a redirect for about/old.html would land in the Hexo source.
    (hexo_site / "source/about/more.md").write_text("---\ntitle: More\n---\nMore.\n", encoding="utf-8")
    old = make_old_site(tmp_path / "public", ["about/more/index.html", "2024/03/01/hello.html"])
    site = tmp_path / "pelican"
    argv = ["import", str(hexo_site), str(site), "--link", "--redirects", "--against", str(old)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert f"no redirect at {site / 'content/about/more/index.html'}: its folder is a link into the Hexo site" in out
    assert not (hexo_site / "source/about/more").exists()
    assert (site / "content/2024/03/01/hello.html").is_file()


@pytest.mark.usefixtures("forget_publishconf")
def test_a_preview_of_a_site_served_in_a_folder_links_its_own_files(hexo_site: Path, tmp_path: Path) -> None:
    # root: /blog/ — Hexo writes /blog/... into bodies; `pelican --listen` serves output/ at /.
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    preview = build_site(site / "pelicanconf.py", site / "output")
    published = build_site(site / "publishconf.py", site / "public")
    page = "2024/03/01/hello/index.html"
    local_images = re.findall(r'<img src="([^"]+)"', preview.page(page))
    assert local_images == ["/2024/03/01/hello/pic.png"]
    assert (preview.output / local_images[0].lstrip("/")).is_file()
    assert re.findall(r'<img src="([^"]+)"', published.page(page)) == ["/blog/2024/03/01/hello/pic.png"]


def test_import_keeps_pelicans_theme_when_asked(hexo_site: Path, tmp_path: Path) -> None:
    import_site(hexo_site, tmp_path / "pelican", pelican_theme=True)
    namespace: dict = {}
    exec(
        compile((tmp_path / "pelican" / "pelicanconf.py").read_text(encoding="utf-8"), "pelicanconf.py", "exec"),
        namespace,
    )
    assert "THEME" not in namespace
    assert main(["import", str(hexo_site), str(tmp_path / "cli"), "--pelican-theme"]) == 0
    assert "\nTHEME =" not in (tmp_path / "cli" / "pelicanconf.py").read_text(encoding="utf-8")


@pytest.mark.usefixtures("forget_publishconf")
def test_a_published_build_does_not_lend_its_config_to_the_next_site_built(hexo_site: Path, tmp_path: Path) -> None:
    # publishconf.py stays in sys.modules after its build, with HEXO_CONFIG = "_config.yml" as every
    # imported site has: the next site's "_config.yml" must still be its own (its permalink here).
    site = tmp_path / "pelican"
    import_site(hexo_site, site)
    build_site(site / "publishconf.py", site / "public")
    other = tmp_path / "other"
    (other / "source" / "_posts").mkdir(parents=True)
    (other / "_config.yml").write_text("title: Other\npermalink: :title/\n", encoding="utf-8")
    (other / "source" / "_posts" / "solo.md").write_text(
        "---\ntitle: Solo\ndate: 2024-01-01\n---\nHi\n", encoding="utf-8"
    )
    import_site(other, tmp_path / "other-pelican")
    build = build_site(tmp_path / "other-pelican" / "pelicanconf.py", tmp_path / "other-output")
    assert [a.url for a in build.articles] == ["solo/"]
