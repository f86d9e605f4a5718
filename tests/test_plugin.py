"""The plugin inside a real Pelican build: registration, cache, drafts, pages, pinning, bad posts."""

from __future__ import annotations

import logging
import os
import textwrap
from pathlib import Path

import pytest
from conftest import build_site

import pelican_hexo_tags
from pelican_hexo_tags.reader import HexoReader

POSTS = {
    "hello-world.md": """\
        ---
        title: Hello World
        date: 2024-03-01 10:20:30
        tags: single-tag
        categories:
          - [Diary, PlayStation]
          - [Life]
        reward: true
        ---
        Hello.

        ## Section
        """,
    "pinned.md": """\
        ---
        title: Pinned
        date: 2020-01-01
        top: 3
        ---
        Old but pinned.
        """,
    "newest.md": """\
        ---
        title: Newest
        date: 2025-01-01
        ---
        New.
        """,
    "secret.md": """\
        ---
        title: Secret
        date: 2024-01-01
        published: false
        ---
        Not yet.
        """,
    "about-me.md": """\
        ---
        title: About me
        date: 2024-01-02
        layout: page
        ---
        A page in the posts folder.
        """,
    "custom.md": """\
        ---
        title: Custom
        date: 2024-01-03
        permalink: my/custom/url/
        ---
        Custom URL.
        """,
    "broken-yaml.md": """\
        ---
        title: Broken YAML
        date: 2024-01-04
        tags: [a, b
        ---
        The body still shows.
        """,
    "unknown-tag.md": """\
        ---
        title: Unknown tag
        date: 2024-01-05
        ---
        Before.

        {% mystery arg %}

        After.
        """,
    "no-front-matter.md": "Just text, no front matter.\n",
    "empty.md": "",
}


def _write_site(root: Path, extra_settings: str = "") -> Path:
    posts = root / "content" / "_posts"
    posts.mkdir(parents=True)
    for name, text in POSTS.items():
        (posts / name).write_text(textwrap.dedent(text), encoding="utf-8")
    # Posts without a date take the file's modification time.
    for name in ("no-front-matter.md", "empty.md"):
        os.utime(posts / name, (946684800, 946684800))  # 2000-01-01
    (root / "_config.yml").write_text("timezone: UTC\npost_asset_folder: true\n", encoding="utf-8")
    (root / "pelicanconf.py").write_text(
        textwrap.dedent(
            """\
            PATH = "content"
            PLUGINS = ["pelican_hexo_tags"]
            HEXO_CONFIG = "_config.yml"
            ARTICLE_PATHS = ["_posts"]
            PAGE_PATHS = ["pages"]
            STATIC_PATHS = []
            READERS = {"rst": None}
            TIMEZONE = "UTC"
            AUTHOR = "Someone"
            SITENAME = "Test"
            FEED_ALL_ATOM = None
            CATEGORY_FEED_ATOM = None
            AUTHOR_FEED_ATOM = None
            AUTHOR_FEED_RSS = None
            """
        )
        + extra_settings,
        encoding="utf-8",
    )
    return root / "pelicanconf.py"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("site")
    return build_site(_write_site(root), root / "output")


def test_no_post_is_lost(site) -> None:
    titles = {a.title for a in site.articles} | {p.title for p in site.pages} | {d.title for d in site.drafts}
    assert titles == {
        "Hello World",
        "Pinned",
        "Newest",
        "Secret",
        "About me",
        "Custom",
        "Broken YAML",
        "Unknown tag",
        "no-front-matter",
        "empty",
    }
    assert site.messages(logging.ERROR) == []


def test_hexo_urls(site) -> None:
    by_title = {a.title: a for a in site.articles}
    assert by_title["Hello World"].save_as == "2024/03/01/hello-world/index.html"
    assert (site.output / "2024/03/01/hello-world/index.html").is_file()
    assert (site.output / "my/custom/url/index.html").is_file()


def test_types_and_taxonomies(site) -> None:
    post = next(a for a in site.articles if a.title == "Hello World")
    assert [str(t) for t in post.tags] == ["single-tag"]
    assert str(post.category) == "Diary"
    assert post.hexo_categories == [["Diary", "PlayStation"], ["Life"]]
    assert post.reward is True


def test_draft_and_layout_page(site) -> None:
    assert [d.title for d in site.drafts] == ["Secret"]
    assert "About me" not in {a.title for a in site.articles}
    page = next(p for p in site.pages if p.title == "About me")
    assert (site.output / page.save_as).is_file()


def test_pinned_posts_come_first_archives_stay_by_date(site) -> None:
    assert site.articles[0].title == "Pinned"
    assert site.articles[1].title == "Newest"
    archives = (site.output / "archives.html").read_text(encoding="utf-8")
    assert archives.index("Newest") < archives.index("Pinned")


def test_bad_posts_warn_with_file_and_line_and_still_show(site) -> None:
    warnings = site.messages()
    assert any("broken-yaml.md:4:" in w and "YAML" in w for w in warnings), warnings
    assert any("unknown-tag.md:7:" in w and "mystery" in w for w in warnings), warnings
    broken = next(a for a in site.articles if a.title == "Broken YAML")
    assert "The body still shows." in broken.content
    unknown = next(a for a in site.articles if a.title == "Unknown tag")
    assert "{% mystery arg %}" in unknown.content.replace("&#x2F;", "/")
    assert "After." in unknown.content


def test_register_twice_processes_each_post_once(tmp_path: Path, monkeypatch) -> None:
    pelican_hexo_tags.register()
    pelican_hexo_tags.register()
    calls: list[str] = []
    original = HexoReader.read

    def counting_read(self, source_path):
        calls.append(source_path)
        return original(self, source_path)

    monkeypatch.setattr(HexoReader, "read", counting_read)
    build = build_site(_write_site(tmp_path), tmp_path / "output")
    assert len(calls) == len(POSTS) == len(set(calls))
    assert len([r for r in build.messages() if "mystery" in r]) == 1


def test_content_cache_skips_reading_and_still_reports(tmp_path: Path, monkeypatch) -> None:
    settings = _write_site(tmp_path, 'CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\nCACHE_PATH = "cache"\n')
    first = build_site(settings, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"))
    calls: list[str] = []
    original = HexoReader.read

    def counting_read(self, source_path):
        calls.append(source_path)
        return original(self, source_path)

    monkeypatch.setattr(HexoReader, "read", counting_read)
    second = build_site(settings, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"))
    assert calls == []
    assert {a.title for a in second.articles} == {a.title for a in first.articles}
    assert any("mystery" in w for w in second.messages())


def test_videojs_option_publishes_the_shipped_player(tmp_path: Path) -> None:
    settings = _write_site(tmp_path, "HEXO_VIDEOJS = True\n")
    (tmp_path / "content" / "_posts" / "video.md").write_text(
        '---\ntitle: Video\ndate: 2024-02-02\n---\n{% vjs2 "video=https://a.example/v.webm" "loop" %}\n',
        encoding="utf-8",
    )
    build = build_site(settings, tmp_path / "output")
    page = build.page("2024/02/02/video/index.html")
    assert '<source src="https://a.example/v.webm" type="video/webm">' in page
    assert '<script src="/hexo-tags/videojs/video.min.js"></script>' in page
    assert (build.output / "hexo-tags/videojs/video.min.js").stat().st_size > 100_000
    assert (build.output / "hexo-tags/videojs/video-js.min.css").is_file()


def test_an_image_in_another_posts_asset_folder_points_at_it(tmp_path: Path) -> None:
    # billhu0 copied `![](056_cmu_14740/ocp-example.png)` from one post into the next.
    settings = _write_site(tmp_path)
    posts = tmp_path / "content" / "_posts"
    (posts / "hello-world").mkdir(exist_ok=True)
    (posts / "hello-world" / "cat.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (posts / "citing.md").write_text(
        "---\ntitle: Citing\ndate: 2024-06-01\n---\n![a cat](hello-world/cat.png)\n\n![gone](hello-world/dog.png)\n",
        encoding="utf-8",
    )
    build = build_site(settings, tmp_path / "output")
    citing = next(a for a in build.articles if a.title == "Citing")
    owner = next(a for a in build.articles if a.source_path.endswith("hello-world.md"))
    assert f'src="/{owner.url}cat.png"' in citing.content
    assert (tmp_path / "output" / owner.url / "cat.png").is_file()
    missing = [m for m in build.messages() if "citing.md" in m and "not in the post's asset folder" in m]
    assert len(missing) == 1 and "dog.png" in missing[0]
