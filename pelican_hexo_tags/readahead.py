"""Highlight the code of the posts Pelican is about to read, in a helper process.

highlight.js is most of a cold build's reading time on a code-heavy blog
(a block without a language under ``auto_detect`` tries every grammar, as in
Hexo). Pelican reads posts one by one on one core; a helper process, with its
own V8, goes through the same posts in the same order and highlights their
fenced blocks, and the reader finds the results waiting
(the pipeline hands them to ``highlight.remember_highlighted`` before
V8 is asked). A block the helper has not reached yet is highlighted by the
reader, as without it, so the pages are the same either way.

The helper is ``python -m pelican_hexo_tags.readahead`` talking JSON lines
over its stdin/stdout (multiprocessing's spawn would re-run the script that
started Pelican). Only posts the content cache will not serve are sent; the
helper stays at most ``LEAD`` posts ahead, so its results never push out of
the cache what the reader still needs. Off with ``HEXO_READ_AHEAD = False``,
and not started for fewer than ``MIN_POSTS`` posts, where starting it costs
more than it saves, nor on a machine with one core.

How far the reader has got goes to the helper through an 8-byte counter both
map (``mmap``), not as a line on its stdin per post: writing to the pipe
let go of the GIL, and taking it back waited on the thread that collects the
helper's results, 4 ms a post (4 s of a 1,000-post build's reading on a busy
machine); the counter costs no system call. The helper still watches its
stdin, for its end.

Once the posts are read, nothing the helper still has is wanted, so
``stop()`` kills it and reaps it at once: waiting for it to finish would wait
on a post being highlighted, or on a write into a pipe nobody reads any more.
The helper itself leaves with ``os._exit`` when its posts are done or its
stdin ends (the reader stopped or died): a normal interpreter exit tears
down mini-racer's V8 context from the garbage collector, which can deadlock
(about half of the builds, the helper sat there until killed).
"""

from __future__ import annotations

import contextlib
import json
import logging
import mmap
import os
import struct
import subprocess
import sys
import tempfile
import threading
import time
from typing import Any

from pelican.readers import MarkdownReader

logger = logging.getLogger(__name__)

LEAD = 40
MIN_POSTS = 40
# The number of posts the reader has read, in the progress file both processes map.
_COUNTER = struct.Struct("q")
# How long the helper sleeps, LEAD posts ahead, before it looks at the reader's count again.
_PACE = 0.005
# The files HexoReader reads (it takes over Pelican's Markdown extensions).
_EXTENSIONS = tuple(f".{extension}" for extension in MarkdownReader.file_extensions)


class ReadAhead:
    """The reader's side: start the helper, tell it each post read, collect what it sends."""

    def __init__(self, paths: list[str], config: dict[str, Any]) -> None:
        handle, self._progress_path = tempfile.mkstemp(prefix="hexo-read-ahead-")
        with os.fdopen(handle, "r+b") as progress:
            progress.write(_COUNTER.pack(0))
            progress.flush()
            self._progress = mmap.mmap(progress.fileno(), _COUNTER.size)
        self._read = 0
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "pelican_hexo_tags.readahead"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
            )
        except OSError:
            self._progress.close()
            os.unlink(self._progress_path)
            raise
        self._lines: list[str] = []
        self._lock = threading.Lock()
        self._collector = threading.Thread(target=self._collect, name="hexo-read-ahead", daemon=True)
        self._collector.start()
        self._send(json.dumps({"paths": paths, "config": config, "progress": self._progress_path}))

    def _send(self, line: str) -> None:
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(line + "\n")
            self.process.stdin.flush()
        except (OSError, ValueError):
            pass  # the helper is gone; the reader does the work

    def _collect(self) -> None:
        assert self.process.stdout is not None
        # Closed here, at the end, not by stop(): closing a pipe another thread reads waits for that read.
        # A helper killed mid-line may end the pipe inside a UTF-8 sequence (a ValueError).
        with self.process.stdout as results, contextlib.suppress(OSError, ValueError):
            for line in results:
                with self._lock:
                    self._lines.append(line)

    def drain(self) -> list[tuple[Any, Any]]:
        with self._lock:
            lines, self._lines = self._lines, []
        found: list[tuple[Any, Any]] = []
        for line in lines:
            try:
                found.extend((tuple(key), tuple(result)) for key, result in json.loads(line))
            except (ValueError, TypeError):
                continue
        return found

    def note_read(self) -> None:
        self._read += 1
        with contextlib.suppress(ValueError):  # stopped: the mapping is closed
            _COUNTER.pack_into(self._progress, 0, self._read)

    def stop(self) -> None:
        """End the helper now, whatever it is doing, and reap it; nothing it still sends is wanted."""
        # Killed before stdin is closed: closing flushes, and a flush into a helper that no
        # longer reads would block.
        self.process.kill()  # nothing happens if it has exited by itself
        self.process.wait()
        if self.process.stdin is not None:
            with contextlib.suppress(OSError, ValueError):  # a flush into the dead helper's pipe
                self.process.stdin.close()
        with contextlib.suppress(ValueError, BufferError):
            self._progress.close()
        with contextlib.suppress(OSError):
            os.unlink(self._progress_path)
        # Its stdout is the collector's to close: the writer is gone, so the collector meets the end.


def _helper() -> None:
    """The helper process: highlight each post's blocks and print them, post by post."""
    from .codeblocks import cut_fences, engine_keys
    from .frontmatter import normalize_source, parse_front_matter
    from .highlight import highlight_many

    job = json.loads(sys.stdin.readline())

    def leave_with_the_reader() -> None:
        for _ in sys.stdin:
            pass
        # The reader is done or gone: nothing more is wanted, even of the post under way.
        os._exit(0)

    threading.Thread(target=leave_with_the_reader, daemon=True).start()
    with open(job["progress"], "rb") as progress:
        read = mmap.mmap(progress.fileno(), _COUNTER.size, access=mmap.ACCESS_READ)
    for index, path in enumerate(job["paths"]):
        while index - _COUNTER.unpack_from(read, 0)[0] > LEAD:
            time.sleep(_PACE)
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                body = parse_front_matter(normalize_source(handle.read())).body
            keys = list(dict.fromkeys(engine_keys(cut_fences(body)[1], job["config"])))
            if keys:
                print(json.dumps(list(zip(keys, highlight_many(keys), strict=True))), flush=True)
        except Exception:  # noqa: BLE001, S112 - the reader highlights this post itself
            continue
    # What was printed stays in the pipe for the reader; skip the teardown that can deadlock.
    sys.stdout.flush()
    os._exit(0)


_current: ReadAhead | None = None


def _cores() -> int:
    # On one core the helper would only take turns with the reader.
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def start_read_ahead(generator: Any) -> None:
    """``article_generator_init``: start highlighting the posts this build will read."""
    global _current
    stop_read_ahead()
    settings = generator.settings
    if not settings.get("HEXO_READ_AHEAD", True):
        return
    from .config import hexo_config_from_settings
    from .highlight import uses_highlight_engine

    config = hexo_config_from_settings(settings)
    if not config.get("syntax_highlighter") or not uses_highlight_engine(config):
        return
    readers = getattr(generator, "readers", None)
    try:
        # The order Pelican's ArticlesGenerator reads them in: the same set, built the same way.
        files = list(generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]))
    except (KeyError, OSError, TypeError):
        return
    paths = []
    for relative in files:
        if not relative.lower().endswith(_EXTENSIONS):
            continue
        path = os.path.abspath(os.path.join(generator.path, relative))
        if readers is not None and readers.get_cached_data(path, None) is not None:
            continue
        paths.append(path)
    if len(paths) < MIN_POSTS or _cores() < 2:
        return
    try:
        _current = ReadAhead(paths, json.loads(json.dumps(config, default=str)))
    except (OSError, ValueError) as error:
        logger.debug("no read-ahead: %s", error)


def highlighted_ahead() -> list[tuple[Any, Any]]:
    """What the helper has highlighted since the last call."""
    return _current.drain() if _current is not None else []


def note_post_read() -> None:
    """The reader finished a post: the helper may go one further."""
    if _current is not None:
        _current.note_read()


def stop_read_ahead(*_: Any) -> None:
    """``article_generator_finalized``: the posts are read; the helper is done."""
    global _current
    if _current is not None:
        _current.stop()
        _current = None


if __name__ == "__main__":
    _helper()
