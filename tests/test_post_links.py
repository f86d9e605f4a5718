"""post_link / post_path across posts, and HEXO_STRICT failing a build, in real Pelican builds."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import build_site, write_hexo_site

from pelican_hexo_tags import HexoStrictError

SETTINGS = """\
STATIC_PATHS = []
READERS = {"rst": None}
SITENAME = "Test"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""

POSTS = {
    # "a-first" is read before the posts it links to.
    "a-first.md": """\
        ---
        title: First
        date: 2024-01-01
        ---
        See {% post_link later/zed#part %} and {% post_link 'A later post' 'the later one' %}.

        <!-- more -->

        Path: {% post_path later/zed %}. Draft: {% post_link wip %}.
        """,
    "later/zed.md": """\
        ---
        title: A later post
        date: 2024-01-02
        ---
        Back to {% post_link a-first %}.
        """,
    "wip.md": """\
        ---
        title: Work <in> progress
        date: 2024-01-03
        published: false
        ---
        Soon.
        """,
    "broken.md": """\
        ---
        title: Broken
        date: 2024-01-04
        ---
        Text.

        {% post_link nowhere %} and {% asset_img missing.png %}
        """,
}


def _site(root: Path, extra: str = "", posts: dict[str, str] = POSTS) -> Path:
    texts = {name: textwrap.dedent(text) for name, text in posts.items()}
    return write_hexo_site(root, texts, "permalink: :year/:title/\nroot: /blog/\n", SETTINGS + extra)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("links")
    return build_site(_site(root), root / "output")


def _by_title(build, title: str):
    return next(a for a in build.articles + build.drafts if a.title == title)


def test_post_link_resolves_posts_read_later(build) -> None:
    first = _by_title(build, "First")
    assert '<a href="/blog/2024/later/zed/#part" title="A later post">A later post</a>' in first.content
    assert '<a href="/blog/2024/later/zed/" title="A later post">the later one</a>' in first.content
    assert "Path: /blog/2024/later/zed/." in first.content
    back = _by_title(build, "A later post")
    assert '<a href="/blog/2024/a-first/" title="First">First</a>' in back.content
    page = (build.output / "2024/a-first/index.html").read_text(encoding="utf-8")
    assert 'href="/blog/2024/later/zed/#part"' in page


def test_post_link_to_a_draft_uses_its_draft_url_and_escapes_the_title(build) -> None:
    first = _by_title(build, "First")
    assert (
        '<a href="/blog/drafts/wip.html" title="Work &lt;in&gt; progress">Work &lt;in&gt; progress</a>' in first.content
    )


def test_summary_markers_are_resolved_too(build) -> None:
    first = _by_title(build, "First")
    assert "hexo-post-link" not in first.summary
    assert 'href="/blog/2024/later/zed/#part"' in first.summary
    assert "hexo-post-link" not in (build.output / "index.html").read_text(encoding="utf-8")


def test_unknown_target_warns_with_file_and_line_and_shows_the_source(build) -> None:
    warnings = build.messages()
    assert any("broken.md:7:" in w and "nowhere" in w for w in warnings), warnings
    assert any("broken.md:7:" in w and "missing.png" in w for w in warnings), warnings
    broken = _by_title(build, "Broken")
    assert '<code class="hexo-tag-unrendered">{% post_link nowhere %}</code>' in broken.content.replace("&#x2F;", "/")
    assert build.messages(logging.ERROR) == []


def test_strict_build_reports_everything_then_fails(tmp_path: Path) -> None:
    settings = _site(tmp_path, "HEXO_STRICT = True\n")
    with pytest.raises(HexoStrictError, match="2 problems in 1 file"):
        build_site(settings, tmp_path / "output")


def test_strict_pelican_command_exits_non_zero(tmp_path: Path) -> None:
    settings = _site(tmp_path, "HEXO_STRICT = True\n")
    run = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(settings), "-o", str(tmp_path / "output")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    log = run.stdout + run.stderr
    assert "nowhere" in log and "missing.png" in log and "HEXO_STRICT" in log


def test_clean_strict_build_passes(tmp_path: Path) -> None:
    posts = {name: text for name, text in POSTS.items() if name != "broken.md"}
    build = build_site(_site(tmp_path, "HEXO_STRICT = True\n", posts), tmp_path / "output")
    assert build.messages(logging.ERROR) == []
