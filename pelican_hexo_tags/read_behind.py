"""Read whole posts in a forked child, from the last one back, while Pelican reads from the first.

A cold build's reading is two kinds of work: Python's (front matter, tags,
markdown-it-py) in the reader, and highlight.js's in the read-ahead
helper's V8 (readahead.py). On the 1,000-post benchmark they were 8.9 s and
13.4 s of CPU, so on two cores the reader waited on the helper for a third
of the reading, and the helper's V8 is a single thread. A third process that
does both kinds for a share of the posts evens them out, and it needs no
share to be chosen beforehand: the child takes the last post not yet taken,
the reader the first, until they meet. A site without highlight.js (no
helper at all) gets half its Markdown read on the second core.

The child is ``fork()``\\ ed when the articles generator starts (Pelican's
readers, settings and the site's extensions are there, nothing to pickle on
the way in), before this process has threads of its own or has set up V8,
whose threads a fork does not copy: the child makes its own. It is not
started once V8 runs here (the pages of an ``--autoreload`` build before),
nor where code from outside this package runs on each post (a user's tag, the
site's scripts), which may keep something of each post for later. Nor are
other threads copied (Pelican's status line): the child logs to a list for
the parent, and touches nothing of theirs.

What the child reads comes back as ``HexoReader.read`` returns it, so the
reader hands it to Pelican as it hands a reader-layer cache entry: one
file of pickles, read once the reader reaches the child's first post, which
(reading backwards) is the last one it finished. The settings its tags and
categories point to are pickled as a reference to the parent's own.

A post the child did not send (it died, or the post did not pickle) is read
by the reader, as without the child. Its log records are shown by the
parent, and its highlighted blocks are kept in the engine cache by the
parent (engine_cache.py).
"""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import os
import pickle
import signal
import tempfile
from collections.abc import Callable, Iterable
from typing import Any, Protocol

logger = logging.getLogger(__name__)

ReadResult = tuple[str, dict[str, Any]]


class Claims(Protocol):
    """Who reads which post: the reader from the first, the child from the last (readahead.Progress)."""

    def child_takes(self) -> int | None: ...


class _Pickler(pickle.Pickler):
    def __init__(self, file: Any, shared: dict[int, Any]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._shared = shared

    def persistent_id(self, obj: Any) -> Any:
        # The same object in both processes (the child is a fork): sent as its address, not as a copy.
        return id(obj) if id(obj) in self._shared else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: Any, shared: dict[int, Any]) -> None:
        super().__init__(file)
        self._shared = shared

    def persistent_load(self, pid: Any) -> Any:
        return self._shared[pid]


class ReadBehind:
    """The parent's side: fork the child, and take what it read when the reader gets there."""

    def __init__(
        self,
        paths: list[str],
        read: Callable[[str], ReadResult],
        claims: Claims,
        shared: Iterable[Any],
        in_child: Callable[[], None],
    ) -> None:
        handle, self._results_path = tempfile.mkstemp(prefix="hexo-read-behind-")
        os.close(handle)
        self._shared = {id(obj): obj for obj in shared}
        self._taken: dict[int, ReadResult] | None = None
        self.read_by_child = 0
        self.pid = os.fork()
        if self.pid == 0:
            _read_as_child(paths, read, claims, self._results_path, self._shared, in_child)

    def take(self, number: int) -> ReadResult | None:
        """What the child read of post ``number`` (it has finished by then), or None: the reader reads it."""
        if self._taken is None:
            self._taken = self._collect()
        return self._taken.pop(number, None)

    def _collect(self) -> dict[int, ReadResult]:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        self.pid = 0
        taken: dict[int, ReadResult] = {}
        try:
            # Read as a stream, record by record: the whole file at once was that much more memory at the peak.
            with open(self._results_path, "rb") as results:
                while True:
                    try:
                        record = _Unpickler(results, self._shared).load()
                    except Exception:  # noqa: BLE001 - the end, or a record cut short: the rest is read here
                        break
                    if record[0] == "end":
                        _take_in_child_state(*record[1:])
                    else:
                        number, content, metadata = record
                        taken[number] = (content, metadata)
        except OSError:
            return taken
        finally:
            with contextlib.suppress(OSError):
                os.unlink(self._results_path)
        self.read_by_child = len(taken)
        logger.debug("read_behind: the child read %d posts", len(taken))
        return taken

    def stop(self) -> None:
        """The posts are read: a child still running is not wanted (nobody reads its posts)."""
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.pid = 0
        with contextlib.suppress(OSError):
            os.unlink(self._results_path)


def _read_as_child(
    paths: list[str],
    read: Callable[[str], ReadResult],
    claims: Claims,
    results_path: str,
    shared: dict[int, Any],
    in_child: Callable[[], None],
) -> None:
    status = 0
    try:
        # What the parent made stays out of this process's collections: no copying of the heap they share.
        gc.freeze()
        in_child()
        from . import engine_cache
        from .parallel_write import capture_log_records, portable_record

        records = capture_log_records()
        engine_cache.look_up_in_forked_child()
        with open(results_path, "wb") as results:
            while (number := claims.child_takes()) is not None:
                try:
                    content, metadata = read(paths[number])
                    buffer = io.BytesIO()
                    _Pickler(buffer, shared).dump((number, content, metadata))
                except Exception as error:  # noqa: BLE001 - the reader reads this post itself
                    logger.debug("read_behind: %s is left to the reader: %s", paths[number], error)
                    continue
                results.write(buffer.getvalue())
                # Each post as it is done: a child that dies later still leaves it.
                results.flush()
            made, used = engine_cache.made_in_this_process()
            buffer = io.BytesIO()
            _Pickler(buffer, shared).dump(("end", [portable_record(record) for record in records], made, used))
            results.write(buffer.getvalue())
    except BaseException:  # noqa: BLE001 - what was sent stands; the reader reads the rest
        status = 1
    finally:
        # Not sys.exit: the parent's atexit handlers (V8's teardown) and buffered output are not ours.
        os._exit(status)


def _take_in_child_state(records: list[logging.LogRecord], made: dict[bytes, str], used: set[bytes]) -> None:
    from . import engine_cache
    from .parallel_write import replay_record

    for record in records:
        replay_record(record)
    engine_cache.take_from_child(made, used)
