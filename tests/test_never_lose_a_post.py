"""A post is never lost: whatever fails inside the plugin, the post is built and the problem named.

Also: posts in Pelican's own format beside Hexo ones, and front-matter keys
that Pelican would take for its own attributes.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import build_site, write_hexo_site

import pelican_hexo_tags.reader as reader_module
from pelican_hexo_tags.reader import is_pelican_markdown
from pelican_hexo_tags.strict import HexoStrictError

CONFIG = "url: https://blog.example\n"
POST = (
    "---\ntitle: Kept\ndate: 2022-05-06 07:08:09\n---\n"
    "First words.\n\n{% note %}Inside a tag{% endnote %}\n\n<b>bold</b>\n"
)
OTHER = "---\ntitle: Other\ndate: 2022-05-07\n---\nOther words.\n"


def _site(tmp_path: Path, settings: str = "") -> Path:
    return write_hexo_site(tmp_path, {"kept.md": POST, "other.md": OTHER}, CONFIG, settings)


class Boom(RuntimeError):
    pass


def _boom(*_args, **_kwargs):
    raise Boom("a bug in the plugin")


def _failures(build) -> list[str]:
    return [m for m in build.messages(logging.WARNING) if "pelican_hexo_tags failed" in m]


def test_a_failing_render_falls_back_to_markdown_with_tags_as_text(tmp_path: Path, monkeypatch) -> None:
    real = reader_module.render_post
    calls = []

    def fail_once(body, env, first_line=1):
        calls.append(env.metadata.get("disableNunjucks"))
        if not env.metadata.get("disableNunjucks"):
            raise Boom("a bug in a tag")
        return real(body, env, first_line)

    monkeypatch.setattr(reader_module, "render_post", fail_once)
    build = build_site(_site(tmp_path), tmp_path / "output")
    page = build.page("2022/05/06/kept/index.html")
    assert "First words." in page and "<b>bold</b>" in page
    # The tag is shown as the author wrote it.
    assert "{% note %}Inside a tag{% endnote %}" in page
    failures = _failures(build)
    assert len(failures) == 2, failures
    assert any("kept.md:5: pelican_hexo_tags failed on its body (Boom: a bug in a tag)" in m for m in failures)
    assert "Other words." in build.page("2022/05/07/other/index.html")


def test_when_no_renderer_runs_the_text_is_shown_escaped(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(reader_module, "render_post", _boom)
    build = build_site(_site(tmp_path), tmp_path / "output")
    page = build.page("2022/05/06/kept/index.html")
    assert "<p>First words.</p>" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert any("its text is shown as written" in m for m in _failures(build))


def test_failing_front_matter_keeps_the_post_at_pelicans_url(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(reader_module, "build_post_info", _boom)
    build = build_site(_site(tmp_path), tmp_path / "output")
    titles = sorted(article.title for article in build.articles)
    assert titles == ["Kept", "Other"]
    kept = next(article for article in build.articles if article.title == "Kept")
    assert "First words." in kept.content
    assert kept.date.year == 2022
    assert (tmp_path / "output" / kept.save_as).is_file()


def test_a_failure_outside_any_stage_still_builds_the_post(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(reader_module, "hexo_config_from_settings", _boom)
    build = build_site(_site(tmp_path), tmp_path / "output")
    assert sorted(article.title for article in build.articles) == ["Kept", "Other"]
    assert not [m for m in build.messages(logging.ERROR) if "Could not process" in m]
    assert len(_failures(build)) == 2


def test_strict_builds_fail_after_building_every_post(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(reader_module, "render_post", _boom)
    with pytest.raises(HexoStrictError):
        build_site(_site(tmp_path, "HEXO_STRICT = True\n"), tmp_path / "output")
    assert (tmp_path / "output" / "2022" / "05" / "06" / "kept" / "index.html").is_file()


PELICAN_POST = "Title: Written for Pelican\nDate: 2019-02-03 10:20\nSlug: for-pelican\nTags: a, b\n\nThe *body*.\n"


def test_posts_in_pelicans_format_build_as_pelican_builds_them(tmp_path: Path) -> None:
    settings = write_hexo_site(tmp_path, {"pelican.md": PELICAN_POST, "other.md": OTHER}, CONFIG)
    build = build_site(settings, tmp_path / "output")
    article = next(a for a in build.articles if a.title == "Written for Pelican")
    assert article.slug == "for-pelican"
    assert article.url == "for-pelican.html"
    assert article.date.year == 2019
    assert [str(tag) for tag in article.tags] == ["a", "b"]
    assert article.content == "<p>The <em>body</em>.</p>"
    assert "Other words." in build.page("2022/05/07/other/index.html")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PELICAN_POST, True),
        ("title: Hexo without the opening dashes\ndate: 2020-01-01\n---\nbody\n", False),
        ("title: x\n\n---\nbody\n", False),
        ("---\nTitle: front matter\n---\nbody\n", False),
        ("Note: a Hexo post with no front matter\n\nbody\n", False),
        ("Title: Pelican\n    continued title\nAuthor: me\n\nbody", True),
        ("Title: only a header", False),
        # Hexo front matter with a blank line inside and no opening dashes (found by the property test).
        ("title: \n\ntitle: Hello\n---\nzqa", False),
        ("Title: Pelican\n\nsome prose\n\n---\n\nafter a rule\n", True),
        ("", False),
    ],
)
def test_which_files_are_pelican_posts(text: str, expected: bool) -> None:
    assert is_pelican_markdown(text) is expected


def test_pelican_post_detection_can_be_turned_off(tmp_path: Path) -> None:
    settings = write_hexo_site(tmp_path, {"pelican.md": PELICAN_POST}, CONFIG, "HEXO_PELICAN_POSTS = False\n")
    build = build_site(settings, tmp_path / "output")
    assert [a.title for a in build.articles] == ["pelican"]


@pytest.mark.parametrize(
    "front",
    [
        "settings: 1",
        "metadata: [1, 2]",
        "lang: [en, zh]",
        "timezone: Mars/Olympus",
        "date_format: [1]",
        "translations: yes",
        "source_path: /etc/passwd",
        "get_content: 3",
        "in_default_lang: {}",
        "translation: [1]",
        "filename: x",
    ],
)
def test_front_matter_keys_pelican_uses_itself_do_not_break_the_post(tmp_path: Path, front: str) -> None:
    post = f"---\ntitle: Odd\ndate: 2021-01-01\n{front}\n---\nOdd words.\n"
    settings = write_hexo_site(tmp_path, {"odd.md": post}, CONFIG)
    build = build_site(settings, tmp_path / "output")
    assert "Odd words." in build.page("2021/01/01/odd/index.html")
    key = front.split(":")[0]
    assert f"hexo_{key}" in build.articles[0].metadata


def test_a_usable_lang_stays_pelicans(tmp_path: Path) -> None:
    post = "---\ntitle: Lang\ndate: 2021-01-01\nlang: zh-CN\n---\nWords.\n"
    build = build_site(write_hexo_site(tmp_path, {"lang.md": post}, CONFIG), tmp_path / "output")
    assert build.articles[0].lang == "zh-CN"


def test_external_link_true_on_old_configs_no_longer_drops_posts(tmp_path: Path) -> None:
    post = "---\ntitle: Link\ndate: 2021-01-01\n---\nA [link](https://example.org/x).\n"
    settings = write_hexo_site(tmp_path, {"link.md": post}, "url: https://blog.example\nexternal_link: true\n")
    build = build_site(settings, tmp_path / "output")
    assert 'href="https://example.org/x"' in build.page("2021/01/01/link/index.html")
    assert not _failures(build)
