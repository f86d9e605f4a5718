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
started Pelican). Only posts the content cache will not serve are sent. It
answers each post with one line, in order (``{"post": i, "r": [[key,
result], …]}``), skipping the ones the reader has passed, and stays at most
``LEAD`` posts ahead, so the results waiting in the reader stay few. Off with
``HEXO_READ_AHEAD = False``, and not started for fewer than ``MIN_POSTS``
posts, where starting it costs more than it saves, nor on a machine with one
core.

Which post the reader is on goes to the helper through an 8-byte counter
both map (``mmap``), not as a line on its stdin per post: writing to the
pipe let go of the GIL, and taking it back waited on the thread that
collects the helper's results, 4 ms a post; the counter costs no system call.

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
from typing import Any

from pelican.readers import MarkdownReader

logger = logging.getLogger(__name__)

LEAD = 400
MIN_POSTS = 40
# The index (in the helper's list) of the post the reader is on, in the progress file both processes map.
_COUNTER = struct.Struct("q")
# How long the helper waits for a request, LEAD posts ahead, before it looks at the reader's post again.
_PACE = 0.005
# How often a waiting reader looks whether the helper is still there (its pipe's end tells it at once).
_WAKE = 0.1
# The files HexoReader reads (it takes over Pelican's Markdown extensions).
_EXTENSIONS = tuple(f".{extension}" for extension in MarkdownReader.file_extensions)


class ReadAhead:
    """The reader's side: start the helper, tell it the post being read, take what it sends."""

    def __init__(self, paths: list[str], config: dict[str, Any]) -> None:
        handle, self._progress_path = tempfile.mkstemp(prefix="hexo-read-ahead-")
        with os.fdopen(handle, "r+b") as progress:
            progress.write(_COUNTER.pack(0))
            progress.flush()
            self._progress = mmap.mmap(progress.fileno(), _COUNTER.size)
        self._index: dict[str, int] = {}
        for number, path in enumerate(paths):
            self._index.setdefault(os.path.abspath(path), number)
        self._reading: int | None = None
        self._changed = threading.Condition()
        self._answered = -1  # the last post the helper has sent its line for; they come in order
        self._posts: dict[int, list[Any]] = {}
        self._answers: dict[int, list[Any] | None] = {}
        self._asked = 0
        self._ended = False
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
        self._collector = threading.Thread(target=self._collect, name="hexo-read-ahead", daemon=True)
        self._collector.start()
        self._send({"paths": paths, "config": config, "progress": self._progress_path})

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
        self._reading = self._index.get(os.path.abspath(path))
        if self._reading is not None:
            with contextlib.suppress(ValueError):  # stopped: the mapping is closed
                _COUNTER.pack_into(self._progress, 0, self._reading)

    def results_for_current_post(self) -> list[tuple[Any, Any]]:
        """What the helper highlighted of the post being read, waiting for it if the helper is not there yet."""
        number = self._reading
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
        with contextlib.suppress(ValueError, BufferError):
            self._progress.close()
        with contextlib.suppress(OSError):
            os.unlink(self._progress_path)
        # Its stdout is the collector's to close: the writer is gone, so the collector meets the end.


def _helper() -> None:
    """The helper process: a line for each post, in order, and an answer to each request in between."""
    from .codeblocks import cut_fences, engine_keys
    from .frontmatter import normalize_source, parse_front_matter
    from .highlight import highlight_many

    job = json.loads(sys.stdin.readline())
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

    for index, path in enumerate(job["paths"]):
        answer(0)
        while index - reading() > LEAD:
            answer(_PACE)
        if index < reading():
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
        # The generator layer keeps whole posts, by the path Pelican's generator walks them under.
        if getattr(generator, "_cache_data_policy", False) and generator.get_cached_data(relative, None) is not None:
            continue
        paths.append(path)
    if len(paths) < MIN_POSTS or _cores() < 2:
        return
    try:
        _current = ReadAhead(paths, json.loads(json.dumps(config, default=str)))
    except (OSError, ValueError) as error:
        logger.debug("no read-ahead: %s", error)
        return
    from . import highlight

    highlight.run_engine_elsewhere(_current.highlight)


def highlighted_ahead() -> list[tuple[Any, Any]]:
    """What the helper highlighted of the post being read (waiting for it, if it is not there yet)."""
    return _current.results_for_current_post() if _current is not None else []


def note_reading(path: str) -> None:
    """The reader starts on ``path``."""
    if _current is not None:
        _current.reading(path)


def stop_read_ahead(*_: Any) -> None:
    """``all_generators_finalized``: the posts and pages are read; the helper is done."""
    global _current
    if _current is not None:
        from . import highlight

        highlight.run_engine_elsewhere(None)
        _current.stop()
        _current = None


if __name__ == "__main__":
    _helper()
