"""Render the posts Pelican is about to read in helper processes, on the other cores.

Pelican reads posts one by one on one core. Helper processes, each with its
own V8, render whole posts meanwhile: the helper builds the same
``HexoReader`` from the same settings and renders a post as ``read`` would
(``HexoReader.render_for_read_ahead``: the ``RenderedPost`` and what the
reader copies out of the page state), and sends it as JSON. The reader goes
through the posts in Pelican's order from the first; the helpers go through
them from the last, helper ``j`` of ``k`` taking every ``k``-th, and each
stops where the reader has got to, so no post is rendered twice except the
one where they meet. The reader takes a post's result when it is there and
was made from the same file (its stamp and its text), the same settings
(``content_cache.settings_fingerprint``) and the same metadata; otherwise it
renders the post itself, so the pages are the same either way. A helper
whose settings do not come out the same (a setting that cannot be sent, a
Python tag registered by the site's own code) renders nothing; it
highlights the posts' fenced blocks ahead instead, in the reader's order and
at most ``LEAD`` posts ahead (the pipeline hands those to
``highlight.remember_highlighted`` before V8 is asked), as before whole posts
were rendered ahead.

A rendered post is a file in a folder of the build's (``NUMBER.json``, made
whole by a rename), not a line on the helper's stdout: a pipe holds 64 KiB,
and the reader's thread that empties it runs only when the reader's rendering
lets go of the GIL, so a helper writing whole posts there waited on the
reader most of the time (50 ms a post instead of 10). Where the reader is
goes the other way through an 8-byte counter both map (``mmap``): the reader
sets it as it starts each post, without a system call.

Warnings a helper's rendering logs (a site's script failing on a post) are
sent with the post and logged by the reader, each once.

The helper is ``python -m pelican_hexo_tags.readahead`` talking JSON lines
over its stdin/stdout (multiprocessing's spawn would re-run the script that
started Pelican; a fork would copy a process whose V8 threads are running).
Only posts the content cache will not serve are sent. Off with
``HEXO_READ_AHEAD = False``, and not started for fewer than ``MIN_POSTS``
posts, where starting it costs more than it saves, nor on a machine with one
core.

Once the posts are read, nothing the helpers still have is wanted, so
``stop()`` kills each and reaps it at once: waiting for it to finish would
wait on a post being rendered, or on a write into a pipe nobody reads any
more. A helper itself leaves with ``os._exit`` when its posts are done or its
stdin ends (the reader stopped or died): a normal interpreter exit tears
down mini-racer's V8 context from the garbage collector, which can deadlock
(about half of the builds, the helper sat there until killed).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import logging
import mmap
import os
import pickle
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pelican.readers import MarkdownReader

if TYPE_CHECKING:
    from .page_state import PageState
    from .pipeline import PostEnvironment, RenderedPost

logger = logging.getLogger(__name__)

LEAD = 40
MIN_POSTS = 40
# More helpers than this fight over memory bandwidth and start-up (each starts its own V8).
MAX_HELPERS = 4
# The files HexoReader reads (it takes over Pelican's Markdown extensions).
_EXTENSIONS = tuple(f".{extension}" for extension in MarkdownReader.file_extensions)
_PACKAGE_LOGGER = __name__.rpartition(".")[0]
_SCALARS = (type(None), bool, int, float, complex, str, bytes, dt.date, dt.time, dt.timedelta)


class ReadAhead:
    """The reader's side of one helper: start it, tell it each post read, collect what it sends."""

    def __init__(self, paths: list[str], config: dict[str, Any], job: Mapping[str, Any] | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pelican_hexo_tags.readahead"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        self._lines: list[str] = []
        self._lock = threading.Lock()
        self._collector = threading.Thread(target=self._collect, name="hexo-read-ahead", daemon=True)
        self._collector.start()
        self._send(json.dumps({**(job or {}), "paths": paths, "config": config}))

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
        """The blocks highlighted since the last call."""
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
        self._send("read")

    def stop(self) -> None:
        """End the helper now, whatever it is doing, and reap it; nothing it still sends is wanted."""
        # Killed before stdin is closed: closing flushes, and a flush into a helper that no
        # longer reads would block.
        self.process.kill()  # nothing happens if it has exited by itself
        self.process.wait()
        if self.process.stdin is not None:
            with contextlib.suppress(OSError, ValueError):  # a flush into the dead helper's pipe
                self.process.stdin.close()
        # Its stdout is the collector's to close: the writer is gone, so the collector meets the end.


# ---------------------------------------------------------------- what the reader and a helper compare


def environment_digest(env: PostEnvironment, text: str) -> str:
    """A digest of a post's text and of everything its rendering starts from besides the settings."""
    metadata = sorted(((str(key), repr(value)) for key, value in env.metadata.items()), key=lambda item: item[0])
    described = (text, env.source_path, env.post_path, env.asset_url, env.asset_dir, env.asset_prefix, env.dialect)
    return hashlib.sha256(repr((described, metadata)).encode("utf-8", "surrogatepass")).hexdigest()


def _file_stamp(path: str) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_mtime_ns, stat.st_size]


def _plain(value: Any) -> bool:
    """Data a helper can rebuild exactly: no functions, modules or objects of the site's own code."""
    if isinstance(value, _SCALARS):
        return not isinstance(value, (dt.datetime, dt.time)) or value.tzinfo is None
    if isinstance(value, (list, tuple, set, frozenset)):
        return type(value) in (list, tuple, set, frozenset) and all(_plain(item) for item in value)
    if isinstance(value, dict):
        return type(value) is dict and all(_plain(k) and _plain(v) for k, v in value.items())
    return False


def _sendable_settings(settings: Mapping[str, Any]) -> str:
    plain = {key: value for key, value in settings.items() if _plain(value)}
    return base64.b64encode(pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)).decode("ascii")


def _registry_signature() -> list[str]:
    """The tags registered in this process, by name and function: the site's Python code may add some."""
    from .registry import registry

    return sorted(
        f"{name}|{dialect}|{spec.ends}|{getattr(spec.function, '__module__', '')}."
        f"{getattr(spec.function, '__qualname__', '')}"
        for name, variants in registry._tags.items()
        for dialect, spec in variants.items()
    )


# ---------------------------------------------------------------- the helper process


def _helper_settings(job: Mapping[str, Any]) -> dict[str, Any] | None:
    """The reader's settings rebuilt here, or None when they do not come out the same."""
    from pelican.settings import DEFAULT_CONFIG

    from .content_cache import settings_fingerprint

    try:
        sent = pickle.loads(base64.b64decode(job["settings"]))  # noqa: S301 - from the reader that started us
    except (KeyError, ValueError, TypeError, pickle.UnpicklingError):
        return None
    settings = {**DEFAULT_CONFIG, **sent}
    if settings_fingerprint(settings) != job.get("fingerprint") or _registry_signature() != job.get("registry"):
        return None
    return settings


def _rendered_json(path: str, fingerprint: str, reader: Any) -> str | None:
    """One post rendered as ``read`` renders it, with the warnings logged meanwhile, as a JSON line."""
    stamp = _file_stamp(path)
    heard = _Heard()
    package_logger = logging.getLogger(_PACKAGE_LOGGER)
    package_logger.addHandler(heard)
    try:
        made = reader.render_for_read_ahead(path)
    finally:
        package_logger.removeHandler(heard)
    if made is None or stamp is None or _file_stamp(path) != stamp:
        return None
    digest, rendered, state = made
    return json.dumps(
        {
            "path": path,
            "stamp": stamp,
            "fingerprint": fingerprint,
            "digest": digest,
            "content": rendered.content,
            "summary": rendered.summary,
            "problems": [[problem.line, problem.message, problem.kind] for problem in rendered.problems],
            "post_content": rendered.post_content,
            "post_excerpt": rendered.post_excerpt,
            "bundles": sorted(state.bundles),
            "heading_ids": [list(pair) for pair in state.heading_ids],
            "looked_up": state.looked_up,
            "files": state.files,
            "categories": state.categories,
            "tags": state.tags,
            "logs": heard.records,
        }
    )


def _render_posts(job: Mapping[str, Any], settings: dict[str, Any]) -> None:
    """Helper ``index`` of ``helpers``: its posts from the last, until it meets the reader."""
    from .reader import HexoReader

    reader = HexoReader(settings)
    paths = job["paths"]
    folder = job["results"]
    helpers = max(1, int(job.get("helpers", 1)))
    with (
        open(os.path.join(folder, _PROGRESS), "rb") as handle,
        mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as at,
    ):
        for number in range(len(paths) - 1 - int(job.get("index", 0)), -1, -helpers):
            if number <= _COUNTER.unpack_from(at, 0)[0]:
                break  # the reader is on this one or past it
            try:
                line = _rendered_json(paths[number], job["fingerprint"], reader)
            except Exception:  # noqa: BLE001, S112 - the reader renders this post itself
                continue
            if line is not None:
                part = os.path.join(folder, f"{number}.part")
                with open(part, "w", encoding="utf-8") as out:
                    out.write(line)
                os.replace(part, os.path.join(folder, f"{number}.json"))


def _highlight_posts(job: Mapping[str, Any], state: dict[str, int], progress: Any) -> None:
    """Highlight each post's fenced blocks, in the reader's order, at most ``LEAD`` ahead."""
    from .codeblocks import cut_fences, engine_keys
    from .frontmatter import normalize_source, parse_front_matter
    from .highlight import highlight_many

    for index, path in enumerate(job["paths"]):
        with progress:
            while index - state["read"] > LEAD:
                progress.wait()
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                body = parse_front_matter(normalize_source(handle.read())).body
            keys = list(dict.fromkeys(engine_keys(cut_fences(body)[1], job["config"])))
            if keys:
                print(json.dumps(list(zip(keys, highlight_many(keys), strict=True))), flush=True)
        except Exception:  # noqa: BLE001, S112 - the reader highlights this post itself
            continue


def _helper() -> None:
    """The helper process: render whole posts when its settings match the reader's, else highlight ahead."""
    job = json.loads(sys.stdin.readline())
    progress = threading.Condition()
    state = {"read": 0}

    def follow_the_reader() -> None:
        for _ in sys.stdin:
            with progress:
                state["read"] += 1
                progress.notify()
        # The reader is done or gone: nothing more is wanted, even of the post under way.
        os._exit(0)

    threading.Thread(target=follow_the_reader, daemon=True).start()
    settings = _helper_settings(job) if job.get("settings") and job.get("results") else None
    if settings is not None:
        _render_posts(job, settings)
    elif job.get("highlight", True) and int(job.get("index", 0)) == 0:
        _highlight_posts(job, state, progress)
    # What was printed stays in the pipe for the reader; skip the teardown that can deadlock.
    sys.stdout.flush()
    os._exit(0)


class _Heard(logging.Handler):
    """Warnings logged while a post renders, as (logger, level, message); in the reader, what it has said."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[list[Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):
            self.records.append([record.name, record.levelno, record.getMessage()])


# ---------------------------------------------------------------- the reader's side


_PROGRESS = "progress"
# The index of the post the reader is on (-1 before the first), in the shared progress file.
_COUNTER = struct.Struct("q")


class _Build:
    """What the reader keeps of this build's read-ahead: the helpers, their results folder, its progress."""

    def __init__(self, paths: list[str], fingerprint: str) -> None:
        self.helpers: list[ReadAhead] = []
        self.fingerprint = fingerprint
        self.index = {path: number for number, path in enumerate(paths)}
        self.folder = tempfile.mkdtemp(prefix="hexo-read-ahead-")
        progress = os.path.join(self.folder, _PROGRESS)
        with open(progress, "wb") as handle:
            handle.write(_COUNTER.pack(-1))
        with open(progress, "r+b") as handle:
            self.progress = mmap.mmap(handle.fileno(), 0)

    def reached(self, path: str) -> dict[str, Any] | None:
        """Tell the helpers the reader is on ``path``; what one of them sent for it, if any."""
        number = self.index.get(path)
        if number is None:
            return None
        _COUNTER.pack_into(self.progress, 0, number)
        result = os.path.join(self.folder, f"{number}.json")
        try:
            with open(result, encoding="utf-8") as handle:
                sent = json.load(handle)
            os.unlink(result)
        except (OSError, ValueError):
            return None
        return sent if isinstance(sent, dict) else None

    def stop(self) -> None:
        while self.helpers:
            self.helpers.pop().stop()
        with contextlib.suppress(ValueError, BufferError):
            self.progress.close()
        shutil.rmtree(self.folder, ignore_errors=True)


_helpers: list[ReadAhead] = []
_build: _Build | None = None
_said = _Heard()


def _cores() -> int:
    # On one core the helper would only take turns with the reader.
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def start_read_ahead(generator: Any) -> None:
    """``article_generator_init``: start rendering the posts this build will read."""
    global _build
    stop_read_ahead()
    settings = generator.settings
    if not settings.get("HEXO_READ_AHEAD", True):
        return
    from .config import hexo_config_from_settings
    from .content_cache import settings_fingerprint
    from .highlight import uses_highlight_engine

    config = hexo_config_from_settings(settings)
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
        _build = _Build(paths, settings_fingerprint(settings))
        helpers = min(MAX_HELPERS, _cores() - 1)
        job = {
            "settings": _sendable_settings(settings),
            "results": _build.folder,
            "fingerprint": _build.fingerprint,
            "registry": _registry_signature(),
            "highlight": bool(config.get("syntax_highlighter")) and uses_highlight_engine(config),
            "helpers": helpers,
        }
        sendable = json.loads(json.dumps(config, default=str))
        for index in range(helpers):
            _build.helpers.append(ReadAhead(paths, sendable, {**job, "index": index}))
        _helpers[:] = _build.helpers
    except (OSError, ValueError, TypeError, pickle.PicklingError) as error:
        logger.debug("no read-ahead: %s", error)
        stop_read_ahead()
        return
    logging.getLogger(_PACKAGE_LOGGER).addHandler(_said)


def rendered_ahead(env: PostEnvironment, text: str) -> tuple[RenderedPost, PageState] | None:
    """A helper's rendering of the post ``env`` is for, when it has one made from what the reader has now."""
    sent = _build.reached(env.source_path) if _build is not None else None
    if sent is None:
        return None
    if (
        sent.get("fingerprint") != _build.fingerprint
        or sent.get("stamp") != _file_stamp(env.source_path)
        or sent.get("digest") != environment_digest(env, text)
    ):
        return None
    from .page_state import PageState
    from .pipeline import Problem, RenderedPost

    try:
        rendered = RenderedPost(
            sent["content"],
            sent["summary"],
            [Problem(line, message, kind) for line, message, kind in sent["problems"]],
            sent["post_content"],
            sent["post_excerpt"],
        )
        state = PageState(
            bundles=set(sent["bundles"]),
            heading_ids=[tuple(pair) for pair in sent["heading_ids"]],
            looked_up=dict(sent["looked_up"]),
            files=dict(sent["files"]),
            categories=sent["categories"],
            tags=sent["tags"],
        )
    except (KeyError, TypeError, ValueError):
        return None
    _log_once(sent.get("logs") or [])
    return rendered, state


def _log_once(records: list[list[Any]]) -> None:
    """Log what the helper logged while rendering, unless this process has said it already."""
    from . import local_scripts

    for name, level, message in records:
        if name == local_scripts.logger.name:
            # Its warnings are said once per build, whichever process rendered the post.
            local_scripts._warn_once(message)
        elif [name, level, message] not in _said.records:
            logging.getLogger(name).log(level, "%s", message)


def highlighted_ahead() -> list[tuple[Any, Any]]:
    """What the helpers have highlighted since the last call."""
    found: list[tuple[Any, Any]] = []
    for helper in _helpers:
        found.extend(helper.drain())
    return found


def note_post_read() -> None:
    """The reader finished a post: the helpers know where it is."""
    for helper in _helpers:
        helper.note_read()


def stop_read_ahead(*_: Any) -> None:
    """``article_generator_finalized``: the posts are read; the helpers are done."""
    global _build
    if _build is not None:
        _build.stop()
        _build = None
    _helpers.clear()
    logging.getLogger(_PACKAGE_LOGGER).removeHandler(_said)
    _said.records.clear()


if __name__ == "__main__":
    _helper()
