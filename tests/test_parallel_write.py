"""Pages written by forked workers are the bytes one process writes, cold, warm and when a worker fails."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import logging
import os
import pickle
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import Build, build_site

from pelican_hexo_tags import incremental, parallel_write

if not hasattr(os, "fork"):
    pytest.skip("no os.fork here: pages are always written in one process", allow_module_level=True)


def _scaling_site_package() -> dict[str, Any]:
    """bench/scaling.py's site's package.json: every list page, the feed, the sitemap and a search index."""
    path = Path(__file__).resolve().parent.parent / "bench" / "scaling.py"
    spec = importlib.util.spec_from_file_location("bench_scaling", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SITE_PACKAGE


# The site bench/scaling.py builds, at a test's size.
SITE_PACKAGE = _scaling_site_package()
SITE_CONFIG = (
    "title: Parallel\nurl: https://example.com\npermalink: :year/:month/:day/:title/\nsearch:\n  path: search.json\n"
)
POSTS = 160


def _post(number: int, extra: str = "") -> str:
    front = (
        f"---\ntitle: Post {number}\ndate: 2024-{1 + number % 12:02d}-{1 + number % 28:02d} 00:{number % 60:02d}:00\n"
        f"tags: [t{number % 40}, shared]\ncategories: [c{number % 5}, sub{number % 3}]\n---\n"
    )
    body = f"Post {number} starts with `code` and a [link](/2024/01/01/post-{number}/).\n\n<!-- more -->\n\n"
    return front + body + "## A heading\n\nMore **text**.\n\n{% note info %}\nA note.\n{% endnote %}\n" + extra


def _site(root: Path, hexo_config: str = SITE_CONFIG) -> Path:
    from pelican_hexo_tags.cli import import_site

    hexo = root / "hexo"
    posts = hexo / "source" / "_posts"
    posts.mkdir(parents=True)
    (hexo / "_config.yml").write_text(hexo_config, encoding="utf-8")
    (hexo / "package.json").write_text(json.dumps(SITE_PACKAGE), encoding="utf-8")
    for number in range(POSTS):
        (posts / f"post-{number}.md").write_text(_post(number), encoding="utf-8")
    site = root / "site"
    with contextlib.redirect_stdout(io.StringIO()):
        import_site(hexo, site)
    return site / "pelicanconf.py"


def _files(output: Path) -> dict[str, bytes]:
    return {str(path.relative_to(output)): path.read_bytes() for path in sorted(output.rglob("*")) if path.is_file()}


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The writer's children, three workers a build whatever the machine has (two children and the parent)."""
    forked: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        # The writer's: not the child saving the content cache (content_cache.save_in_the_background).
        caller = sys._getframe(1).f_globals.get("__name__")
        pid = real_fork()
        if pid and caller == parallel_write.__name__:
            forked.append(pid)
        return pid

    monkeypatch.setattr(parallel_write, "_cores", lambda: 3)
    monkeypatch.setattr(os, "fork", fork)
    return forked


def _build(settings: Path, output: Path, parallel: bool, **overrides: Any) -> Build:
    overrides.setdefault("CACHE_CONTENT", False)
    overrides.setdefault("LOAD_CONTENT_CACHE", False)
    with contextlib.redirect_stdout(io.StringIO()):
        return build_site(settings, output, HEXO_PARALLEL_WRITE=parallel, **overrides)


# pelicanconf.py's relative URLs (each page its own SITEURL), and the absolute ones of a published site.
@pytest.mark.parametrize("urls", [{}, {"SITEURL": "https://example.com", "RELATIVE_URLS": False}])
def test_every_file_is_the_same_bytes_written_in_workers(
    tmp_path: Path, forks: list[int], urls: dict[str, Any]
) -> None:
    settings = _site(tmp_path)
    serial = _build(settings, tmp_path / "serial", parallel=False, **urls)
    assert forks == []
    parallel = _build(settings, tmp_path / "parallel", parallel=True, **urls)
    assert len(forks) == 2
    expected = _files(serial.output)
    # Posts, the index's and every list's pages, the feed, the sitemap, the search index.
    assert len([name for name in expected if name.endswith(".html")]) > POSTS + 60
    assert {"atom.xml", "sitemap.xml", "search.json"} <= set(expected)
    assert _files(parallel.output) == expected
    warnings = sorted(r.getMessage() for r in serial.records if r.levelno >= logging.WARNING)
    assert sorted(r.getMessage() for r in parallel.records if r.levelno >= logging.WARNING) == warnings


def test_a_warm_rebuild_in_workers_keeps_what_a_serial_one_keeps(
    tmp_path: Path, forks: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    settings = _site(tmp_path)
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}

    def build(name: str, parallel: bool) -> tuple[dict[str, bytes], int]:
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="pelican_hexo_tags.incremental"):
            _build(settings, tmp_path / name, parallel, CACHE_PATH=str(tmp_path / f"cache-{name}"), **cached)
        kept = [m for m in caplog.messages if m.startswith("kept ")]
        return _files(tmp_path / name), int(kept[0].split()[1]) if kept else 0

    build("serial", parallel=False)
    build("parallel", parallel=True)
    assert len(forks) == 2
    post = settings.parent / "content" / "_posts" / "post-7.md"
    post.write_text(_post(7, "\nAn edit between two builds.\n"), encoding="utf-8")
    serial, kept_serially = build("serial", parallel=False)
    parallel, kept_in_workers = build("parallel", parallel=True)
    # The workers' fingerprints reached the state file: the second build kept the pages they wrote.
    # It may keep more than one process does: that one writes Pelican's period archive of the edited
    # post before hexo-generator-archive's page replaces it, so the file changed and is rendered again.
    assert kept_in_workers >= kept_serially > POSTS
    assert parallel == serial
    assert "An edit between two builds." in serial["2024/08/08/post-7/index.html"].decode()
    # The few pages the edit changed were found before forking, and rendered in the parent.
    assert len(forks) == 2


def test_pages_a_warm_build_renders_in_workers_are_kept_by_the_next(
    tmp_path: Path, forks: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    settings = _site(tmp_path)
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache")}
    output = tmp_path / "output"
    _build(settings, output, parallel=True, **cached)
    # A setting every page's fingerprint holds: each page changed, each rendered again in workers,
    # from the fingerprint made before the fork.
    changed = {**cached, "SITESUBTITLE": "Another subtitle"}
    _build(settings, output, parallel=True, **changed)
    assert len(forks) == 4
    pages = [name for name in _files(output) if name.endswith(".html")]
    assert "Another subtitle" in (output / "index.html").read_text(encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="pelican_hexo_tags.incremental"):
        _build(settings, output, parallel=True, **changed)
    kept = [m for m in caplog.messages if m.startswith("kept ")]
    assert kept and int(kept[0].split()[1]) >= len(pages)
    assert len(forks) == 4


def test_a_second_write_of_a_file_is_refused_at_the_call_as_in_one_process(tmp_path: Path, forks: list[int]) -> None:
    # hexo-generator-sitemap asked to write over hexo-generator-feed's file: the generator's warning, the feed kept.
    settings = _site(tmp_path, SITE_CONFIG + "sitemap:\n  path: atom.xml\n")
    messages = {}
    outputs = {}
    for parallel in (False, True):
        build = _build(settings, tmp_path / f"out-{parallel}", parallel)
        messages[parallel] = [r.getMessage() for r in build.records if r.levelno >= logging.WARNING]
        outputs[parallel] = _files(build.output)
    assert len(forks) == 2
    refused = [m for m in messages[False] if "atom.xml not written" in m and "already written" in m]
    assert refused, messages[False]
    assert [m.replace("out-False", "") for m in refused] == [
        m.replace("out-True", "") for m in messages[True] if "atom.xml not written" in m
    ]
    assert outputs[True] == outputs[False]
    assert b"<feed" in outputs[True]["atom.xml"]


def test_what_a_failed_worker_leaves_the_parent_writes(
    tmp_path: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    settings = _site(tmp_path)
    serial = _build(settings, tmp_path / "serial", parallel=False)
    parent = os.getpid()
    write = parallel_write.ParallelWrites._write
    pages = {"written": 0}

    def failing_in_workers(self: Any, job: Any) -> None:
        pages["written"] += 1
        if os.getpid() != parent and pages["written"] == 3:
            # The first worker (it sees no other forked yet) dies; the second meets an error.
            if not forks:
                os._exit(3)
            raise RuntimeError("a worker's page failed")
        write(self, job)

    monkeypatch.setattr(parallel_write.ParallelWrites, "_write", failing_in_workers)
    with caplog.at_level(logging.INFO, logger="pelican_hexo_tags.parallel_write"):
        parallel = _build(settings, tmp_path / "parallel", parallel=True)
    assert len(forks) == 2
    assert _files(parallel.output) == _files(serial.output)
    said = sorted(r.getMessage() for r in caplog.records if r.name == "pelican_hexo_tags.parallel_write")
    assert len(said) == 2, said
    assert said[0].startswith("a page-writing worker ended without a result (exit status 3)")
    assert said[1].startswith("a page-writing worker stopped") and "a worker's page failed" in said[1]


def test_an_error_in_a_template_fails_the_build_in_workers_too(
    tmp_path: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _site(tmp_path)
    write = parallel_write.ParallelWrites._write

    def broken_on_one_post(self: Any, job: Any) -> None:
        if job.path.endswith("post-99/index.html"):
            raise ValueError("the theme broke on post 99")
        write(self, job)

    monkeypatch.setattr(parallel_write.ParallelWrites, "_write", broken_on_one_post)
    with pytest.raises(ValueError, match="post 99"):
        _build(settings, tmp_path / "parallel", parallel=True)
    assert len(forks) == 2


def test_another_plugins_content_written_receiver_keeps_the_pages_in_one_process(
    tmp_path: Path, forks: list[int]
) -> None:
    from pelican import signals

    seen: list[str] = []

    def collect(path: str, context: Any) -> None:
        seen.append(path)

    signals.content_written.connect(collect)
    try:
        settings = _site(tmp_path)
        build = _build(settings, tmp_path / "out", parallel=True)
    finally:
        signals.content_written.disconnect(collect)
    assert forks == []
    # The receiver saw every page, in the one process it can collect in.
    pages = {name for name in _files(build.output) if name.endswith((".html", ".xml", ".json"))}
    assert pages <= {os.path.relpath(path, build.output) for path in seen}


def _page_state(cache: Path, output: Path) -> dict[str, str]:
    """The incremental writer's fingerprint of each page, by its path in the output."""
    with open(cache / "pelican_hexo_tags-pages.pickle", "rb") as handle:
        state = pickle.load(handle)
    return {os.path.relpath(key, output): value[0] for key, value in state["pages"].items()}


@pytest.mark.parametrize("child", ["fingerprints", "dies", "describes ahead", "dies describing"])
def test_fingerprints_made_in_two_processes_are_the_ones_one_process_makes(
    tmp_path: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, child: str
) -> None:
    settings = _site(tmp_path)
    cache, output = tmp_path / "cache", tmp_path / "output"

    def build(split: bool) -> tuple[dict[str, bytes], int, dict[str, str]]:
        monkeypatch.setattr(parallel_write, "MIN_FINGERPRINTS", 1 if split else 10**9)
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="pelican_hexo_tags.incremental"):
            _build(settings, output, True, CACHE_PATH=str(cache), CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True)
        kept = [m for m in caplog.messages if m.startswith("kept ")]
        return _files(output), int(kept[0].split()[1]) if kept else 0, _page_state(cache, output)

    build(split=True)
    # A cold build: nothing to fingerprint ahead, only the writing workers forked.
    assert len(forks) == 2
    # The last build's output and state, the same for both rebuilds (copied with their files' times).
    shutil.copytree(tmp_path, tmp_path.parent / f"{tmp_path.name}-cold")
    post = settings.parent / "content" / "_posts" / "post-7.md"
    post.write_text(_post(7, "\nAn edit between two builds.\n"), encoding="utf-8")
    in_one = build(split=False)
    assert len(forks) == 2
    for folder in (cache, output):
        shutil.rmtree(folder)
        shutil.copytree(tmp_path.parent / f"{tmp_path.name}-cold" / folder.name, folder)
    if child == "dies":
        monkeypatch.setattr(parallel_write, "_fingerprint_as_child", lambda *_: os._exit(1))
    if child != "fingerprints" and child != "dies":
        # The posts described in a child while the pages are recorded (a site of 200 posts or more).
        monkeypatch.setattr(parallel_write, "MIN_POSTS_AHEAD", 1)
    if child == "dies describing":
        parent, describe = os.getpid(), incremental._Fingerprints.describe_posts
        monkeypatch.setattr(
            incremental._Fingerprints,
            "describe_posts",
            lambda self, posts: describe(self, posts) if os.getpid() == parent else os._exit(1),
        )
    in_two = build(split=True)
    # A fork more, the process that shared the fingerprints, and one that described the posts ahead;
    # the few changed pages are written in the parent.
    assert len(forks) == (3 if child in ("fingerprints", "dies") else 4)
    assert in_one[1] > POSTS
    assert "An edit between two builds." in in_two[0]["2024/08/08/post-7/index.html"].decode()
    assert in_two == in_one


def test_a_post_another_plugin_changes_before_it_is_written_is_described_after(
    tmp_path: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pelican import signals

    settings = _site(tmp_path)
    monkeypatch.setattr(parallel_write, "MIN_FINGERPRINTS", 1)
    monkeypatch.setattr(parallel_write, "MIN_POSTS_AHEAD", 1)
    stamp = {"build": 0}

    def stamp_the_post(generator: Any, content: Any) -> None:
        if content.source_path.endswith("post-7.md"):
            content._content += f"<p>Stamped in build {stamp['build']}.</p>"

    signals.article_generator_write_article.connect(stamp_the_post)
    try:
        for build in (1, 2, 3):
            stamp["build"] = build
            output = _build(settings, tmp_path / "output", True, CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True).output
    finally:
        signals.article_generator_write_article.disconnect(stamp_the_post)
    # No child described the posts before the receiver changed one: its page was fingerprinted as changed.
    assert "Stamped in build 3." in (output / "2024/08/08/post-7/index.html").read_text(encoding="utf-8")
    # The cold build's two writing workers, and each warm build's fingerprinting child.
    assert len(forks) == 4
