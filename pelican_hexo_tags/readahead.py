"""Highlight the code of the posts Pelican is about to read, in a helper process.

highlight.js is most of a cold build's reading time on a code-heavy blog
(a block without a language under ``auto_detect`` tries every grammar, as in
Hexo: 24 ms a block, 10 s of the 1,000-post benchmark). Pelican reads posts
one by one on one core; a helper process, with its own V8, goes through the
same posts in the same order and highlights their fenced blocks, and the
reader takes the results of the post it is reading before it highlights
anything itself (the pipeline hands them to ``highlight.remember_highlighted``).

The reader's V8 is then never wanted: while the helper runs, every block the
reader still has to highlight (a ``{% codeblock %}`` body, a page's fence)
goes to the helper as a request, answered before its next post. Highlighting
in two V8s was the worst of both: a reader that caught up with the helper
highlighted the same post the helper was on, and its own highlight.js heap
(116 MiB after 47 calls) was a third of a build's peak memory.

The helper is ``python -m pelican_hexo_tags.readahead`` talking JSON lines
over its stdin/stdout (multiprocessing's spawn would re-run the script that
started Pelican); its job (the posts' paths) is a file named on its command
line, as a line down its stdin it waited on the helper's start (0.3 s).
Only posts the content cache will not serve are sent. It
answers each post with one line, in order (``{"post": i, "r": [[key,
result], …]}``), skipping the ones the reader has passed, and stays at most
``LEAD`` posts ahead, so the results waiting in the reader stay few. Off with
``HEXO_READ_AHEAD = False``, and not started for fewer than ``MIN_POSTS``
posts, where starting it costs more than it saves, nor on a machine with one
core.

The helper alone left the reader waiting on it: highlight.js was 13.4 s of
CPU on the benchmark, the reader's own work 8.9 s. So a forked child also
reads whole posts, from the last one back, in a V8 of its own
(read_behind.py); the helper stops where the child's posts begin.

Which post the reader is on, and from which post on the child has taken
them, go between the three through two counters they map (``Progress``), not
as a line on the helper's stdin per post: writing to the pipe let go of the
GIL, and taking it back waited on the thread that collects the helper's
results, 4 ms a post; the counters cost no system call.

Once the posts and pages are read, nothing more is wanted, so ``stop()``
kills the helper and reaps it at once: waiting for it to finish would wait
on a post being highlighted, or on a write into a pipe nobody reads any more.
The helper itself leaves with ``os._exit`` when its stdin ends (the reader
stopped or died): a normal interpreter exit tears down mini-racer's V8
context from the garbage collector, which can deadlock. If the helper dies,
the reader stops waiting on it and highlights in its own V8, as without it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import mmap
import os
import queue
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping
from typing import Any

from pelican.readers import MarkdownReader

from .read_behind import ReadBehind

logger = logging.getLogger(__name__)

LEAD = 400
MIN_POSTS = 40
# In the progress file the processes map: the index (in the helper's list) of the post the reader is on,
# and of the first post the child reading from the end has taken (read_behind.py).
_COUNTER = struct.Struct("qq")
# How long the reader waits for the lock it shares with that child before it reads on without it.
_LOCK_WAIT = 5.0
# How long the helper waits for a request, LEAD posts ahead, before it looks at the reader's post again.
_PACE = 0.005
# How often a waiting reader looks whether the helper is still there (its pipe's end tells it at once).
_WAKE = 0.1
# The files HexoReader reads (it takes over Pelican's Markdown extensions).
_EXTENSIONS = tuple(f".{extension}" for extension in MarkdownReader.file_extensions)


class Progress:
    """Which post the reader is on, and from which post on the child reading from the end has taken them.

    Two counters in a file the reader, the helper and the child map: the helper goes at most ``LEAD``
    posts past the reader's and stops at the child's; the reader and the child take posts under one
    lock, so that they never both take the one they meet at.
    """

    def __init__(self, paths: list[str]) -> None:
        handle, self.path = tempfile.mkstemp(prefix="hexo-read-ahead-")
        with os.fdopen(handle, "r+b") as progress:
            progress.write(_COUNTER.pack(-1, len(paths)))
            progress.flush()
            self._map = mmap.mmap(progress.fileno(), _COUNTER.size)
        self._index: dict[str, int] = {}
        for number, path in enumerate(paths):
            self._index.setdefault(os.path.abspath(path), number)
        self.current: int | None = None
        self._lock: Any = None

    def share_with_a_child(self) -> None:
        """From now on the reader and a forked child take posts under a lock both see."""
        import multiprocessing

        self._lock = multiprocessing.get_context("fork").Lock()

    def reader_starts(self, path: str) -> bool:
        """The reader is on ``path``: True if it reads the post itself, False if the child has taken it."""
        self.current = number = self._index.get(os.path.abspath(path))
        if number is None:
            return True
        with contextlib.suppress(ValueError):  # stopped: the mapping is closed
            if self._lock is None:
                _COUNTER.pack_into(self._map, 0, number, _COUNTER.unpack_from(self._map, 0)[1])
                return True
            # Held by the child only between two reads of the map; a child stopped holding it is dead,
            # and the reader reads every post from here on itself.
            if not self._lock.acquire(timeout=_LOCK_WAIT):
                self._lock = None
                return True
            try:
                _, behind = _COUNTER.unpack_from(self._map, 0)
                if number >= behind:
                    return False
                _COUNTER.pack_into(self._map, 0, number, behind)
            finally:
                self._lock.release()
        return True

    def child_takes(self) -> int | None:
        """In the child: the last post nobody has taken, now the child's; None once it meets the reader."""
        with self._lock:
            reading, behind = _COUNTER.unpack_from(self._map, 0)
            if behind - 1 <= reading:
                return None
            _COUNTER.pack_into(self._map, 0, reading, behind - 1)
            return behind - 1

    def close(self) -> None:
        with contextlib.suppress(ValueError, BufferError):
            self._map.close()
        with contextlib.suppress(OSError):
            os.unlink(self.path)


class ReadAhead:
    """The reader's side: start the helper, tell it the post being read, take what it sends."""

    def __init__(self, paths: list[str], config: dict[str, Any], progress: Progress | None = None) -> None:
        # Its own, without a child reading from the end.
        self._owns_progress = progress is None
        self._progress = progress = progress or Progress(paths)
        self._changed = threading.Condition()
        self._answered = -1  # the last post the helper has sent its line for; they come in order
        self._posts: dict[int, list[Any]] = {}
        self._answers: dict[int, list[Any] | None] = {}
        self._asked = 0
        self._ended = False
        # The job goes in a file: written down the pipe, its 100 kB waited on the helper's start (0.3 s).
        handle, self._job_path = tempfile.mkstemp(prefix="hexo-read-ahead-job-")
        with os.fdopen(handle, "w", encoding="utf-8") as job:
            json.dump({"paths": paths, "config": config, "progress": progress.path}, job)
        try:
            self.process = subprocess.Popen(  # noqa: S603 - this interpreter, this module, our own file
                [sys.executable, "-m", "pelican_hexo_tags.readahead", self._job_path],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
            )
        except OSError:
            os.unlink(self._job_path)
            if self._owns_progress:
                progress.close()
            raise
        self._collector = threading.Thread(target=self._collect, name="hexo-read-ahead", daemon=True)
        self._collector.start()

    def _send(self, message: dict[str, Any]) -> bool:
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(json.dumps(message) + "\n")
            self.process.stdin.flush()
        except (OSError, ValueError):
            return False  # the helper is gone; the reader does the work
        return True

    def _collect(self) -> None:
        assert self.process.stdout is not None
        # Closed here, at the end, not by stop(): closing a pipe another thread reads waits for that read.
        # A helper killed mid-line may end the pipe inside a UTF-8 sequence (a ValueError).
        try:
            with self.process.stdout as results, contextlib.suppress(OSError, ValueError):
                for line in results:
                    try:
                        message = json.loads(line)
                    except ValueError:
                        continue
                    with self._changed:
                        if "post" in message:
                            self._answered = max(self._answered, message["post"])
                            if message.get("r"):
                                self._posts[message["post"]] = message["r"]
                        elif "id" in message:
                            self._answers[message["id"]] = message.get("r")
                        self._changed.notify_all()
        finally:
            with self._changed:
                self._ended = True
                self._changed.notify_all()

    def reading(self, path: str) -> None:
        """The reader starts on ``path``: the helper may go up to ``LEAD`` posts past it."""
        self._progress.reader_starts(path)

    def results_for_current_post(self) -> list[tuple[Any, Any]]:
        """What the helper highlighted of the post being read, waiting for it if the helper is not there yet."""
        number = self._progress.current
        if number is None:
            return []
        with self._changed:
            while self._answered < number and not self._ended:
                self._changed.wait(_WAKE)
            found = self._posts.pop(number, [])
            # Posts the reader passed without asking (no code in them) are not wanted any more.
            for passed in [key for key in self._posts if key < number]:
                del self._posts[passed]
        try:
            return [(tuple(key), tuple(result)) for key, result in found]
        except (TypeError, ValueError):
            return []

    def highlight(self, keys: list[Any]) -> list[Any] | None:
        """highlight.js on ``keys`` in the helper's V8, as ``highlight_many`` returns it; None if it cannot."""
        with self._changed:
            if self._ended:
                return None
            self._asked += 1
            asked = self._asked
        if not self._send({"id": asked, "keys": keys}):
            return None
        with self._changed:
            while asked not in self._answers and not self._ended:
                self._changed.wait(_WAKE)
            found = self._answers.pop(asked, None)
        if not isinstance(found, list) or len(found) != len(keys):
            return None
        return found

    def stop(self) -> None:
        """End the helper now, whatever it is doing, and reap it; nothing it still sends is wanted."""
        # Killed first: a helper blocked writing into a full pipe would never read the end of its stdin, and
        # closing our end of that stdin (a flush into it) could block us in turn. Reaped at once, so it
        # leaves no zombie; the collector thread then sees the pipe's end and finishes by itself, and no
        # longer reads would block.
        self.process.kill()  # nothing happens if it has exited by itself
        self.process.wait()
        if self.process.stdin is not None:
            with contextlib.suppress(OSError, ValueError):  # a flush into the dead helper's pipe
                self.process.stdin.close()
        with contextlib.suppress(OSError):
            os.unlink(self._job_path)
        if self._owns_progress:
            self._progress.close()
        # Its stdout is the collector's to close: the writer is gone, so the collector meets the end.


def _helper() -> None:
    """The helper process: a line for each post, in order, and an answer to each request in between."""
    from .codeblocks import cut_fences, engine_keys
    from .frontmatter import normalize_source, parse_front_matter
    from .highlight import highlight_many

    with open(sys.argv[1], encoding="utf-8") as handle:
        job = json.load(handle)
    requests: queue.SimpleQueue[dict[str, Any]] = queue.SimpleQueue()

    def listen_to_the_reader() -> None:
        for line in sys.stdin:
            with contextlib.suppress(ValueError):
                requests.put(json.loads(line))
        # The reader is done or gone: nothing more is wanted, even of the post under way.
        os._exit(0)

    def send(message: dict[str, Any]) -> None:
        print(json.dumps(message), flush=True)

    def answer(wait: float | None) -> None:
        """Answer the requests waiting (the reader is stopped on them), after up to ``wait`` s for one."""
        try:
            request = requests.get(timeout=wait) if wait != 0 else requests.get_nowait()
        except queue.Empty:
            return
        while True:
            try:
                send({"id": request["id"], "r": highlight_many([tuple(key) for key in request["keys"]])})
            except Exception:  # noqa: BLE001 - the reader highlights these itself
                send({"id": request.get("id"), "r": None})
            try:
                request = requests.get_nowait()
            except queue.Empty:
                return

    threading.Thread(target=listen_to_the_reader, daemon=True).start()
    with open(job["progress"], "rb") as progress:
        reader = mmap.mmap(progress.fileno(), _COUNTER.size, access=mmap.ACCESS_READ)

    def reading() -> int:
        return _COUNTER.unpack_from(reader, 0)[0]

    def read_behind_from() -> int:
        return _COUNTER.unpack_from(reader, 0)[1]

    for index, path in enumerate(job["paths"]):
        answer(0)
        while index - reading() > LEAD and index < read_behind_from():
            answer(_PACE)
        # Passed by the reader, or read whole by the child reading from the end.
        if index < reading() or index >= read_behind_from():
            send({"post": index})
            continue
        results: list[Any] = []
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                body = parse_front_matter(normalize_source(handle.read())).body
            keys = list(dict.fromkeys(engine_keys(cut_fences(body)[1], job["config"])))
            for group in _call_groups(keys):
                answer(0)
                results.extend(zip(group, highlight_many(group), strict=True))
        except Exception:  # noqa: BLE001 - the reader highlights this post itself
            results = []
        send({"post": index, "r": results})
    # The posts are done; the reader may still ask (pages are read after the posts) until it stops us.
    while True:
        answer(None)


def _call_groups(keys: list[Any]) -> list[list[Any]]:
    """A post's blocks in as few calls into V8 as leave a waiting request no long wait.

    A call costs more than highlighting most blocks, so blocks with a language go together; a block
    left to auto-detection tries every grammar (24 ms), so it has a call of its own, and a request
    that came meanwhile is answered before the next one.
    """
    groups: list[list[Any]] = []
    named: list[Any] = []
    for key in keys:
        if not key[1] and key[2]:
            groups.append([key])
        else:
            named.append(key)
    return ([named] if named else []) + groups


_current: ReadAhead | None = None
_progress: Progress | None = None
_behind: ReadBehind | None = None


def _cores() -> int:
    # On one core the helper would only take turns with the reader.
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _posts_to_read(generator: Any) -> list[str] | None:
    """The posts Pelican's ArticlesGenerator will read, in its order, but those the content cache serves."""
    settings = generator.settings
    readers = getattr(generator, "readers", None)
    try:
        # The same set, built the same way.
        files = list(generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]))
    except (KeyError, OSError, TypeError):
        return None
    paths = []
    for relative in files:
        if not relative.lower().endswith(_EXTENSIONS):
            continue
        path = os.path.abspath(os.path.join(generator.path, relative))
        if readers is not None and readers.get_cached_data(path, None) is not None:
            continue
        # The generator layer keeps whole posts, by the path Pelican's generator walks them under.
        if getattr(generator, "_cache_data_policy", False) and generator.get_cached_data(relative, None) is not None:
            continue
        paths.append(path)
    return paths


def _may_fork_a_reader() -> bool:
    from .js_runtime import v8_started

    # V8's threads do not survive a fork. Nor do other threads (Pelican's status line): the child
    # touches nothing of theirs, logging to a list, not to Pelican's console.
    return hasattr(os, "fork") and not v8_started()


def _reads_the_same_in_a_child(settings: Mapping[str, Any], config: Any) -> bool:
    """Whether a post read in a forked child leaves nothing behind that the build wants later.

    Not where code from outside this package runs on each post: a user's own tag (``HEXO_TAGS``, or
    ``@tag`` in pelicanconf.py) or the site's scripts may keep something across posts for later (a
    filter collecting posts for a generator), and what the child's copy kept would stay there.
    """
    from .local_scripts import script_stamps
    from .registry import registry

    if settings.get("HEXO_TAGS"):
        return False
    own = __name__.rpartition(".")[0]
    if any(not str(getattr(spec.function, "__module__", "")).startswith(own) for spec in registry.specs()):
        return False
    return not script_stamps(getattr(config, "source_root", None))


def _hexo_reader_of(generator: Any) -> tuple[Callable[[str], tuple[str, dict[str, Any]]], list[Any]]:
    """``read(path)`` as Pelican's readers would call it for a post (the plugin's reader of its extension),
    and the settings objects the posts it reads may point to."""
    from .reader import HexoReader

    pelican_readers = getattr(generator, "readers", None)
    readers = getattr(pelican_readers, "readers", {})

    def read(path: str) -> tuple[str, dict[str, Any]]:
        reader = readers.get(os.path.splitext(path)[1][1:])
        if not isinstance(reader, HexoReader):
            raise TypeError(f"{path} is not read by the plugin")
        return reader.read(path)

    shared = [generator.settings, getattr(pelican_readers, "settings", None)]
    shared += [getattr(reader, "settings", None) for reader in readers.values()]
    return read, [obj for obj in shared if obj is not None]


def _as_the_child() -> None:
    # The child reads alone: no reader to count, no helper to ask.
    global _current, _progress, _behind
    _current = _progress = _behind = None


def start_read_ahead(generator: Any) -> None:
    """``article_generator_init``: start reading the posts this build will read, on the other cores."""
    global _current, _progress, _behind
    stop_read_ahead()
    settings = generator.settings
    if not settings.get("HEXO_READ_AHEAD", True):
        return
    from .config import hexo_config_from_settings
    from .highlight import uses_highlight_engine

    config = hexo_config_from_settings(settings)
    paths = _posts_to_read(generator)
    if paths is None or len(paths) < MIN_POSTS or _cores() < 2:
        return
    try:
        _progress = Progress(paths)
        # First: the child is forked before the helper's thread starts here.
        if _may_fork_a_reader() and _reads_the_same_in_a_child(settings, config):
            _progress.share_with_a_child()
            read, shared = _hexo_reader_of(generator)
            _behind = ReadBehind(paths, read, _progress, shared, _as_the_child)
        if config.get("syntax_highlighter") and uses_highlight_engine(config):
            _current = ReadAhead(paths, json.loads(json.dumps(config, default=str)), _progress)
    except (OSError, ValueError) as error:
        logger.debug("no read-ahead: %s", error)
        return
    if _current is not None:
        from . import highlight

        highlight.run_engine_elsewhere(_current.highlight)


def highlighted_ahead() -> list[tuple[Any, Any]]:
    """What the helper highlighted of the post being read (waiting for it, if it is not there yet)."""
    return _current.results_for_current_post() if _current is not None else []


def note_reading(path: str) -> tuple[str, dict[str, Any]] | None:
    """The reader starts on ``path``: what the child reading from the end made of it, if the child took it."""
    if _progress is None or _progress.reader_starts(path) or _behind is None or _progress.current is None:
        return None
    return _behind.take(_progress.current)


def stop_read_ahead(*_: Any) -> None:
    """``all_generators_finalized``: the posts and pages are read; the helper and the child are done."""
    global _current, _progress, _behind
    if _current is not None:
        from . import highlight

        highlight.run_engine_elsewhere(None)
        _current.stop()
        _current = None
    if _behind is not None:
        _behind.stop()
        _behind = None
    if _progress is not None:
        _progress.close()
        _progress = None


if __name__ == "__main__":
    _helper()
