"""A forked child reads whole posts from the last one back: every post is read once, and the site is the same."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from pelican.urlwrappers import Tag
from test_readahead import _config, _files, _posts, _stop_timed, _varied_site

from pelican_hexo_tags import js_runtime, readahead
from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.read_behind import ReadBehind
from pelican_hexo_tags.registry import registry

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="the child is forked")
POSTS = 120


def _read_in_both(
    paths: list[str], read: Any, shared: list[Any] = ()
) -> tuple[dict[str, tuple[str, dict]], list[str], ReadBehind]:
    """Read ``paths`` as Pelican's reader does with the child behind it: (results, posts the parent read, child)."""
    progress = readahead.Progress(paths)
    progress.share_with_a_child()
    behind = ReadBehind(paths, read, progress, shared, lambda: None)
    results: dict[str, tuple[str, dict]] = {}
    read_here: list[str] = []
    try:
        for number, path in enumerate(paths):
            found = None if progress.reader_starts(path) else behind.take(number)
            if found is None:
                read_here.append(path)
                found = read(path)
            results[path] = found
    finally:
        behind.stop()
        progress.close()
    return results, read_here, behind


def _slow_read(path: str) -> tuple[str, dict[str, Any]]:
    # Slow enough that the child, forked meanwhile, gets a share of the posts.
    time.sleep(0.002)
    return f"<p>{path}</p>", {"title": path}


@needs_fork
def test_every_post_is_read_once_by_the_reader_or_the_child() -> None:
    paths = [f"/site/_posts/post-{number}.md" for number in range(POSTS)]
    results, read_here, behind = _read_in_both(paths, _slow_read)
    assert results == {path: _slow_read(path) for path in paths}
    # Both read, and no post twice: what the reader read and what it took add up to the posts.
    assert 0 < behind.read_by_child < POSTS
    assert len(read_here) + behind.read_by_child == POSTS
    # The child took them from the end: the reader's are the first ones.
    assert read_here == paths[: len(read_here)]


@needs_fork
def test_a_child_that_dies_leaves_the_rest_to_the_reader() -> None:
    parent = os.getpid()
    read_in_child = []

    def dying(path: str) -> tuple[str, dict[str, Any]]:
        if os.getpid() != parent:
            read_in_child.append(path)
            if len(read_in_child) == 5:
                os._exit(3)
        return _slow_read(path)

    results, read_here, behind = _read_in_both([f"/p/{number}.md" for number in range(POSTS)], dying)
    assert results == {path: _slow_read(path) for path in results} and len(results) == POSTS
    # The four it finished count; the one it died on, and all it never took, the reader read.
    assert behind.read_by_child == 4
    assert len(read_here) == POSTS - 4


@needs_fork
def test_the_tags_the_child_made_are_the_parents_settings_not_copies() -> None:
    settings = {"SLUGIFY_SOURCE": "title", "TAG_URL": "tag/{slug}.html", "TAG_SAVE_AS": "tag/{slug}.html"}

    def tagged(path: str) -> tuple[str, dict[str, Any]]:
        time.sleep(0.002)
        return "", {"tags": [Tag("python", settings)]}

    results, read_here, _behind = _read_in_both([f"/p/{n}.md" for n in range(POSTS)], tagged, [settings])
    from_child = [found for path, found in results.items() if path not in read_here]
    assert from_child
    assert all(found[1]["tags"][0].settings is settings for found in from_child)


@needs_fork
def test_what_the_child_logs_the_parent_shows(caplog: pytest.LogCaptureFixture) -> None:
    def warned(path: str) -> tuple[str, dict[str, Any]]:
        logging.getLogger("pelican_hexo_tags.test").warning("odd post %s", path)
        return _slow_read(path)

    with caplog.at_level(logging.WARNING):
        _results, _read_here, behind = _read_in_both([f"/p/{n}.md" for n in range(POSTS)], warned)
    shown = [record.getMessage() for record in caplog.records if record.name == "pelican_hexo_tags.test"]
    assert behind.read_by_child > 0
    assert sorted(shown) == sorted(f"odd post /p/{n}.md" for n in range(POSTS))


def test_no_child_once_v8_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    # Its threads would be missing in the child, which highlights in a V8 of its own.
    monkeypatch.setattr(js_runtime, "_started", False)
    assert readahead._may_fork_a_reader() is hasattr(os, "fork")
    monkeypatch.setattr(js_runtime, "_started", True)
    assert not readahead._may_fork_a_reader()


def test_a_child_dead_with_the_lock_costs_the_reader_one_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readahead, "_LOCK_WAIT", 0.1)
    paths = [f"/p/{number}.md" for number in range(6)]
    progress = readahead.Progress(paths)
    progress.share_with_a_child()
    assert [progress.child_takes() for _ in range(3)] == [5, 4, 3]
    progress._lock.acquire()  # as a child killed while it held the lock leaves it
    try:
        start = time.monotonic()
        # The reader reads every post itself from then on, the child's too: nothing more comes from it.
        assert all(progress.reader_starts(path) for path in paths)
        assert time.monotonic() - start < 1
    finally:
        progress.close()


def test_no_child_where_code_from_elsewhere_runs_on_each_post(monkeypatch: pytest.MonkeyPatch) -> None:
    config = HexoConfig({})
    assert readahead._reads_the_same_in_a_child({}, config)
    # A user's tag may keep something of each post for later, in the process that ran it.
    assert not readahead._reads_the_same_in_a_child({"HEXO_TAGS": {"mine": lambda context: ""}}, config)
    own = registry.copy()
    # The module, not the registry the package exports under the same name.
    monkeypatch.setattr(sys.modules["pelican_hexo_tags.registry"], "registry", own)
    own.register("mine", lambda context: "")
    assert not readahead._reads_the_same_in_a_child({}, config)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="looks at processes through /proc")
def test_the_helper_skips_the_posts_the_child_took(tmp_path: Path) -> None:
    paths = _posts(tmp_path, 6)
    progress = readahead.Progress(paths)
    progress.share_with_a_child()
    # The child has taken the last three (here, in this process).
    assert [progress.child_takes() for _ in range(3)] == [5, 4, 3]
    ahead = readahead.ReadAhead(paths, _config(), progress)
    try:
        assert progress.reader_starts(paths[2])
        assert [key[0] for key, _ in ahead.results_for_current_post()] == ["x = 2"]
        assert not progress.reader_starts(paths[3])
        assert ahead.results_for_current_post() == []
    finally:
        _stop_timed(ahead)
        progress.close()


_BUILD = """
import logging, sys
handler = logging.StreamHandler(sys.stderr)
behind = logging.getLogger("pelican_hexo_tags.read_behind")
behind.setLevel(logging.DEBUG)
behind.addHandler(handler)
from pelican import main
sys.argv = ["pelican", *sys.argv[1:]]
main()
"""


def _build(settings: Path, output: Path, cache: Path, *extra: str) -> str:
    """A build in a process of its own, as a user runs one (the child is forked only before V8 runs)."""
    command = [sys.executable, "-c", _BUILD, "-s", str(settings), "-o", str(output), "-q"]
    command += ["-e", f'CACHE_PATH="{cache}"', "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=false", *extra]
    done = subprocess.run(command, capture_output=True, text=True, cwd=settings.parent, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    return done.stderr


def _kept_blocks(cache: Path) -> set[tuple[bytes, str]]:
    with sqlite3.connect(cache / "pelican_hexo_tags-engines.sqlite") as connection:
        return {(bytes(key), value) for key, value in connection.execute("SELECT key, value FROM results")}


@needs_fork
@pytest.mark.skipif(readahead._cores() < 2, reason="the child reads on a second core")
def test_a_site_read_from_both_ends_is_the_same_bytes(tmp_path: Path) -> None:
    settings = _varied_site(tmp_path, readahead.MIN_POSTS + 40)
    # With the site's scripts, no child: a script's filter may keep what it saw of each post.
    assert "the child read" not in _build(settings, tmp_path / "scripted", tmp_path / "cache-scripted")
    shutil.rmtree(tmp_path / "scripts")
    both = _build(settings, tmp_path / "both", tmp_path / "cache-both")
    alone = _build(settings, tmp_path / "alone", tmp_path / "cache-alone", "HEXO_READ_AHEAD=false")
    taken = [line for line in both.splitlines() if "the child read" in line]
    assert taken and int(taken[0].split()[-2]) > 0, both
    assert [line for line in both.splitlines() if line not in taken] == alone.splitlines()
    with_child, without = _files(tmp_path / "both"), _files(tmp_path / "alone")
    assert with_child.keys() == without.keys()
    assert [name for name in with_child if with_child[name] != without[name]] == []
    # The blocks the child highlighted are kept for the next build, as the reader's own are.
    assert _kept_blocks(tmp_path / "cache-both") == _kept_blocks(tmp_path / "cache-alone")
