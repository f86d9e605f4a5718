"""The read-ahead helper highlights posts before Pelican reads them: the files come out the same; it ends at once."""

from __future__ import annotations

import errno
import fcntl
import json
import logging
import os
import struct
import termios
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import build_site, write_hexo_site

import pelican_hexo_tags.highlight as highlight
from pelican_hexo_tags import readahead
from pelican_hexo_tags.config import HexoConfig

F_GETPIPE_SZ = getattr(fcntl, "F_GETPIPE_SZ", 1032)
needs_proc = pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="looks at processes through /proc")
# stop() comes once the posts are read: whatever the helper is doing then, it must end at once.
STOP_BOUND = 0.5

CODE = [
    ("python", "def f(x):\n    return x * 2\n"),
    ("", "SELECT a FROM b WHERE c = 1;\n"),
    ("js", "let a = [1, 2];\n"),
]


def _site(root: Path, posts: int) -> Path:
    texts = {}
    for number in range(posts):
        fences = "\n".join(f"```{lang}\n{code}# post {number}\n```\n" for lang, code in CODE)
        front = f"---\ntitle: Post {number}\ndate: 2024-01-01 00:{number % 60:02d}:00\n---\n"
        texts[f"post-{number:03d}.md"] = f"{front}Some prose.\n\n{fences}"
    # Fluid guesses the language of a block without one, as the slow case does.
    hexo_config = "timezone: UTC\npermalink: :title/\ntheme: fluid\n"
    return write_hexo_site(root, texts, hexo_config, "CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\n")


def _pages(output: Path) -> dict[str, str]:
    return {str(p.relative_to(output)): p.read_text(encoding="utf-8") for p in output.rglob("*.html")}


@pytest.fixture
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """highlight.js calls made by this process (the reader), not by the helper."""
    calls: list[str] = []
    original = highlight.js_call

    def counted(name: str, *args: object, **options: object) -> object:
        calls.append(name)
        return original(name, *args, **options)

    monkeypatch.setattr(highlight, "js_call", counted)
    highlight._ENGINE_CACHE.clear()
    return calls


def test_the_helper_does_the_highlighting_and_the_pages_are_the_same(tmp_path: Path, engine_calls: list[str]) -> None:
    settings = _site(tmp_path, readahead.MIN_POSTS + 5)
    build_site(settings, tmp_path / "ahead", CACHE_PATH=str(tmp_path / "cache-a"))
    ahead_calls = len(engine_calls)
    highlight._ENGINE_CACHE.clear()
    engine_calls.clear()
    build_site(settings, tmp_path / "alone", CACHE_PATH=str(tmp_path / "cache-b"), HEXO_READ_AHEAD=False)
    alone_calls = len(engine_calls)
    assert _pages(tmp_path / "ahead") == _pages(tmp_path / "alone")
    # One call per post without the helper; with it, the reader waits for the helper's results and
    # never starts a highlight.js of its own.
    assert alone_calls >= readahead.MIN_POSTS
    assert ahead_calls == 0, ahead_calls


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_no_helper_for_a_cached_build_or_a_small_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layer: str
) -> None:
    started: list[int] = []
    original = readahead.ReadAhead.__init__

    def record(self: readahead.ReadAhead, paths: list[str], config: dict, *progress: readahead.Progress) -> None:
        started.append(len(paths))
        original(self, paths, config, *progress)

    monkeypatch.setattr(readahead.ReadAhead, "__init__", record)
    settings = _site(tmp_path, readahead.MIN_POSTS + 5)
    cache = str(tmp_path / "cache")
    build_site(settings, tmp_path / "first", CACHE_PATH=cache, CONTENT_CACHING_LAYER=layer)
    build_site(settings, tmp_path / "second", CACHE_PATH=cache, CONTENT_CACHING_LAYER=layer)
    assert started == [readahead.MIN_POSTS + 5]
    small = tmp_path / "small"
    small.mkdir()
    build_site(_site(small, 3), small / "output")
    assert started == [readahead.MIN_POSTS + 5]
    assert readahead._current is None


def _config() -> dict:
    return json.loads(json.dumps(dict(HexoConfig({})), default=str))


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _gone(pid: int) -> bool:
    # Reaped, not a zombie: the pid has no /proc entry any more.
    return not Path(f"/proc/{pid}").exists()


def _stop_timed(ahead: readahead.ReadAhead) -> float:
    children = _children(ahead.process.pid)
    start = time.monotonic()
    ahead.stop()
    took = time.monotonic() - start
    assert ahead.process.returncode is not None
    assert _gone(ahead.process.pid)
    assert not [child for child in children if not _gone(child)]
    return took


def _wait_for(condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def _open_for_writing(fifo: Path, ahead: readahead.ReadAhead) -> int:
    """Once the helper has opened the post (a FIFO) to read it: the helper is mid-post until it ends."""
    found: list[int] = []

    def opened() -> bool:
        assert ahead.process.poll() is None, "the helper died"
        try:
            found.append(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError as error:
            if error.errno != errno.ENXIO:  # ENXIO: nobody has it open for reading yet
                raise
            return False
        return True

    _wait_for(opened, "the helper to open the post")
    return found[0]


@contextmanager
def _helper_mid_post(tmp_path: Path) -> Iterator[readahead.ReadAhead]:
    """A helper reading half a post that never ends, as it would highlight on a long post."""
    fifo = tmp_path / "slow-post.md"
    os.mkfifo(fifo)
    ahead = readahead.ReadAhead([str(fifo)], _config())
    writer = _open_for_writing(fifo, ahead)
    try:
        os.write(writer, b"---\ntitle: Slow\n---\n```python\nx = 1\n")
        yield ahead
    finally:
        os.close(writer)
        ahead.stop()


@needs_proc
def test_stop_ends_a_helper_in_the_middle_of_a_post(tmp_path: Path) -> None:
    with _helper_mid_post(tmp_path) as ahead:
        assert _stop_timed(ahead) < STOP_BOUND


@needs_proc
def test_stop_ends_a_helper_blocked_on_a_full_pipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The collector reads nothing until told: the helper's results fill the pipe and its next write blocks.
    reading = threading.Event()
    original = readahead.ReadAhead._collect

    def held(self: readahead.ReadAhead) -> None:
        reading.wait()
        original(self)

    monkeypatch.setattr(readahead.ReadAhead, "_collect", held)
    code = "".join(f"value_{n} = compute({n}, 'word')  # line {n}\n" for n in range(150))
    paths = []
    for number in range(readahead.MIN_POSTS):
        post = tmp_path / f"post-{number}.md"
        post.write_text(f"---\ntitle: P{number}\n---\n```python\n{code}# {number}\n```\n", encoding="utf-8")
        paths.append(str(post))
    ahead = readahead.ReadAhead(paths, _config())
    try:
        results = ahead.process.stdout.fileno()
        capacity = fcntl.fcntl(results, F_GETPIPE_SZ)

        def waiting() -> int:
            return struct.unpack("i", fcntl.ioctl(results, termios.FIONREAD, b"\0\0\0\0"))[0]

        _wait_for(lambda: waiting() >= capacity - 4096, "the helper to fill its stdout pipe")
        # Still there, with results it cannot write (it exits by itself once all are written).
        time.sleep(0.2)
        assert ahead.process.poll() is None
        assert _stop_timed(ahead) < STOP_BOUND
    finally:
        reading.set()


def _posts(tmp_path: Path, count: int) -> list[str]:
    paths = []
    for number in range(count):
        post = tmp_path / f"post-{number}.md"
        post.write_text(f"---\ntitle: P{number}\n---\n```python\nx = {number}\n```\n", encoding="utf-8")
        paths.append(str(post))
    return paths


@needs_proc
def test_the_helper_answers_each_post_then_each_request_until_stopped(tmp_path: Path) -> None:
    paths = _posts(tmp_path, 3)
    ahead = readahead.ReadAhead(paths, _config())
    try:
        for number, path in enumerate(paths):
            ahead.reading(path)
            assert [key[0] for key, _result in ahead.results_for_current_post()] == [f"x = {number}"]
        # Its posts done, it is still there for the reader's requests (the pages' code), in its V8.
        keys = [("SELECT 1;", "sql", False), ("a = [1]", "", True)]
        assert ahead.highlight(keys) == [list(found) for found in highlight.highlight_many(keys)]
        assert ahead.process.poll() is None
    finally:
        assert _stop_timed(ahead) < STOP_BOUND


@needs_proc
def test_a_reader_never_waits_on_a_dead_helper(tmp_path: Path) -> None:
    paths = _posts(tmp_path, 3)
    ahead = readahead.ReadAhead(paths, _config())
    ahead.process.kill()
    ahead.process.wait()
    ahead._collector.join(timeout=5)
    ahead.reading(paths[2])
    # Nothing comes, at once: the reader highlights in its own V8, as without the helper.
    assert ahead.results_for_current_post() == []
    assert ahead.highlight([("x = 1", "python", False)]) is None
    assert _stop_timed(ahead) < STOP_BOUND


@needs_proc
def test_a_reader_that_goes_back_to_a_post_the_helper_passed_does_not_wait(tmp_path: Path) -> None:
    paths = _posts(tmp_path, readahead.LEAD + 10)
    ahead = readahead.ReadAhead(paths, _config())
    try:
        ahead.reading(paths[-1])
        assert [key[0] for key, _ in ahead.results_for_current_post()] == [f"x = {len(paths) - 1}"]
        # The helper skipped the posts before it (the reader was past them) and said so, post by post.
        ahead.reading(paths[0])
        assert ahead.results_for_current_post() == []
    finally:
        _stop_timed(ahead)


@needs_proc
def test_a_helper_mid_post_leaves_when_the_reader_is_gone(tmp_path: Path) -> None:
    # A reader that dies without stop() closes the helper's stdin: the helper must not outlive it.
    with _helper_mid_post(tmp_path) as ahead:
        ahead.process.stdin.close()
        start = time.monotonic()
        ahead.process.wait(timeout=10)
        assert time.monotonic() - start < STOP_BOUND
        assert _gone(ahead.process.pid)


# Posts of each kind a page depends on other posts or on the site through: code, tags, math,
# headings, links to other posts, images in asset folders, a site's own filter and tag.
_SCRIPT = (
    "hexo.extend.filter.register('after_post_render', (data) => {\n"
    '  data.content += `<p class="stamped">${data.title}</p>`\n'
    "  return data\n"
    "})\n"
    "hexo.extend.tag.register('shout', (args) => `<b>${args.join(' ').toUpperCase()}</b>`)\n"
)


def _varied_post(number: int, posts: int) -> str:
    other = f"post-{(number + 7) % posts:03d}"
    front = (
        f"---\ntitle: Post {number}\ndate: 2024-01-{1 + number % 28:02d} 00:{number % 60:02d}:00\n"
        f"tags: [t{number % 5}, shared]\ncategories: [c{number % 3}]\nmath: true\n---\n"
    )
    return (
        f"{front}Intro with $x_{number} + y$ inline.\n\n<!-- more -->\n\n"
        f"## Heading {number % 4}\n\nSee {{% post_link {other} %}} and {{% shout post {number} %}}.\n\n"
        f"```python\ndef f(x):\n    return x * {number}\n```\n\n"
        f"```\nSELECT a FROM b WHERE c = {number};\n```\n\n"
        f"{{% note info %}}\nA **note** in post {number}.\n{{% endnote %}}\n\n"
        f"$$\n\\sum_{{i=0}}^{{{number}}} i\n$$\n\n"
        f"![a picture](pic.png)\n\n## Heading {number % 4}\n\nThe end.\n"
    )


def _varied_site(root: Path, posts: int) -> Path:
    texts = {f"post-{number:03d}.md": _varied_post(number, posts) for number in range(posts)}
    hexo_config = "timezone: UTC\npermalink: :title/\ntheme: fluid\npost_asset_folder: true\n"
    settings = write_hexo_site(root, texts, hexo_config)
    for number in range(0, posts, 3):
        folder = root / "content" / "_posts" / f"post-{number:03d}"
        folder.mkdir()
        (folder / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "scripts").mkdir()
    (root / "scripts" / "stamp.js").write_text(_SCRIPT, encoding="utf-8")
    return settings


def _files(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


@pytest.mark.skipif(readahead._cores() < 2, reason="the read-ahead needs a second core")
def test_every_file_is_the_same_bytes_with_the_read_ahead_or_without(tmp_path: Path, engine_calls: list[str]) -> None:
    posts = readahead.MIN_POSTS + 20
    settings = _varied_site(tmp_path, posts)
    ahead = build_site(settings, tmp_path / "ahead", CACHE_PATH=str(tmp_path / "cache-a"))
    ahead_calls = len(engine_calls)
    highlight._ENGINE_CACHE.clear()
    engine_calls.clear()
    alone = build_site(settings, tmp_path / "alone", CACHE_PATH=str(tmp_path / "cache-b"), HEXO_READ_AHEAD=False)
    # The helper did the highlighting: this was no build without it.
    assert ahead_calls == 0 < len(engine_calls), (ahead_calls, len(engine_calls))
    with_helper, without = _files(tmp_path / "ahead"), _files(tmp_path / "alone")
    assert with_helper.keys() == without.keys()
    assert [name for name in with_helper if with_helper[name] != without[name]] == []
    # The posts hold what the site carries on: the script ran, the tags and the link were made.
    page = with_helper["post-030/index.html"].decode("utf-8")
    assert 'class="stamped">Post 30<' in page and "<b>POST 30</b>" in page and 'href="/post-037/"' in page
    warnings = [[r.getMessage() for r in build.records if r.levelno >= logging.WARNING] for build in (ahead, alone)]
    assert warnings[0] == warnings[1]
