"""Render and write a build's pages on every core: forked workers sharing the built context.

Pelican renders its ~2,000 pages (1,000 posts) one after another in one
process, rendering being most of the writing time. This writer records each
page Pelican and the plugin's generators ask for instead of rendering it:
the page's local context is made at once, as Pelican makes it (so it sees
the site as it was at that moment), and so is the decision whether the file
may be written (a second write without ``override_output`` fails at the call,
where the generators catch it). Before the static files are copied (the
static generator always runs last), the recorded pages are rendered and
written: by ``fork()``\\ ed workers that inherit the whole built site, no
pickling of live objects, each taking the next few pages until none are left,
the parent doing its share.

A file written more than once (``override_output``: hexo-generator-archive's
pages over Pelican's period archives) holds what its last write wrote, so only
that write is rendered. With the incremental writer, the pages the last build
left as they would be now are found in the parent before any writing worker
forks (a warm rebuild forks those only when enough pages changed); the
fingerprints it decides by are made by the parent and one forked child,
half each. A worker sends back what the
parent must know: its log records (shown by the parent's handlers), problems
reported while rendering (for ``HEXO_STRICT``), and the incremental writer's
page fingerprints. Whatever a worker did not finish (an error, a crash) is
written by the parent afterwards, the serial way, so an error in a template
fails the build as it would without workers.

``content_written`` runs in the worker that wrote the file. The plugin's own
receivers only edit that file; with any other receiver connected (another
plugin may collect state from it), pages are written in the parent, in order.
Off with ``HEXO_PARALLEL_WRITE = False``, where ``os.fork`` is missing, on one
core, and for fewer than ``MIN_WRITES`` pages, where forking costs more.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
import weakref
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pelican import signals
from pelican.paginator import Paginator
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .assets import finish_page
from .incremental import (
    KEPT_PAGE,
    PAGE_FILTERS,
    begin_fingerprints,
    incremental_writer,
    incremental_writes_enabled,
    site_page_filters,
    state_file,
    written_path,
)

logger = logging.getLogger(__name__)
# Pelican's own logger for "Writing ...", so the messages are the ones a serial build shows.
_pelican_writer_logger = logging.getLogger("pelican.writers")

MIN_WRITES = 200
# Pages to fingerprint, at least, before a second process shares the work (a fork costs ~0.01 s).
MIN_FINGERPRINTS = 400
MAX_WORKERS = 4
# Posts, at least, for their descriptions to be made in a child while the parent records the pages.
MIN_POSTS_AHEAD = 200
# What is sent between the generators' end and the pages' fingerprints: a receiver may change a post.
_BEFORE_FINGERPRINTS = (
    signals.all_generators_finalized,
    signals.get_writer,
    signals.article_generator_write_article,
    signals.page_generator_write_page,
    signals.article_writer_finalized,
    signals.page_writer_finalized,
    signals.feed_generated,
    signals.feed_written,
)
# Pages a worker takes at a time: small enough to even out, large enough to cost nothing.
_CHUNK = 4

_pending_writers: list[ParallelWrites] = []
_composed: dict[type[Writer], type[Writer]] = {}
# In a worker: the V8 contexts it inherited (never used there, V8's threads stayed in the parent, nor
# freed) and its problem receiver (blinker holds receivers weakly).
_kept_alive: list[Any] = []


def parallel_writes_enabled(settings: Mapping[str, Any]) -> bool:
    return bool(settings.get("HEXO_PARALLEL_WRITE", True)) and hasattr(os, "fork") and _cores() > 1


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@dataclass
class _Job:
    """One page as Pelican's ``_write_file`` would render it, with what it would see when it did."""

    template: Any
    context: dict[str, Any]
    localcontext: dict[str, Any]
    path: str
    override: bool
    # The shared context's ``localsiteurl`` at this page (Pelican sets it before each render).
    localsiteurl: Any
    written_before: bool
    overridden_before: bool


class ParallelWrites(Writer):
    """Pelican's writer, deferring each page until :meth:`write_pending` renders them all, in workers."""

    def __init__(self, output_path: str, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self._jobs: list[_Job] = []
        self._recording = True
        self._filters_for_pages: list[Any] | None = None
        self._receivers_are_own = False
        # A writer still holding pages belongs to a build that failed before writing them: not to be written now.
        for stale in _pending_writers:
            stale._jobs.clear()
        _pending_writers.clear()

    def write_file(
        self,
        name: Any,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool = False,
        paginated: dict[str, Any] | None = None,
        template_name: str | None = None,
        override_output: bool = False,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        if not self._recording:
            super().write_file(
                name, template, context, relative_urls, paginated, template_name, override_output, url, **kwargs
            )
            return
        # From here to the end, Pelican 4's Writer.write_file, recording where it renders.
        if not name:
            return

        def local_context(save_as: str, page_kwargs: dict[str, Any]) -> dict[str, Any]:
            localcontext = context.copy()
            localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
            if relative_urls:
                relative_url = _relative_site_url(save_as)
                localcontext["SITEURL"] = relative_url
                localcontext["localsiteurl"] = relative_url
            localcontext["output_file"] = save_as
            localcontext.update(page_kwargs)
            return localcontext

        if paginated is None:
            paginated = {key: val for key, val in kwargs.items() if key in {"articles", "dates"}}
        if paginated and template_name in self.settings["PAGINATED_TEMPLATES"]:
            per_page = self.settings["PAGINATED_TEMPLATES"][template_name] or self.settings["DEFAULT_PAGINATION"]
            paginators = {key: Paginator(name, url, val, self.settings, per_page) for key, val in paginated.items()}
            for page_num in range(next(iter(paginators.values())).num_pages):
                paginated_kwargs = kwargs.copy()
                for key, paginator in paginators.items():
                    page = paginator.page(page_num + 1)
                    paginated_kwargs.update(
                        {
                            f"{key}_paginator": paginator,
                            f"{key}_page": page,
                            f"{key}_previous_page": paginator.page(page_num) if page_num > 0 else None,
                            f"{key}_next_page": (
                                paginator.page(page_num + 2) if page_num + 1 < paginator.num_pages else None
                            ),
                        }
                    )
                self._record(
                    template, context, local_context(page.save_as, paginated_kwargs), page.save_as, override_output
                )
        else:
            self._record(template, context, local_context(name, kwargs), name, override_output)

    def _record(
        self, template: Any, context: dict[str, Any], localcontext: dict[str, Any], name: str, override: bool
    ) -> None:
        # What Pelican does to the shared context before rendering: the next page's context copies it.
        if localcontext["localsiteurl"]:
            context["localsiteurl"] = localcontext["localsiteurl"]
        path = sanitised_join(self.output_path, name)
        job = _Job(
            template,
            context,
            localcontext,
            path,
            override,
            context.get("localsiteurl"),
            path in self._written_files,
            path in self._overridden_files,
        )
        self._claim(path, override)
        if not self._jobs:
            _pending_writers.append(self)
        self._jobs.append(job)

    def _claim(self, path: str, override: bool) -> None:
        """Writer._open_w's bookkeeping, at the call: a refused write raises where the generator can catch it."""
        if path in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{path}" a second time (was previously overwritten)'
                )
        elif path in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{path}" as Pelican has already '
                "written to it previously (set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(path)
        self._written_files.add(path)

    def _write(self, job: _Job) -> None:
        """Pelican's ``_write_file`` for one recorded page, with the file's bookkeeping as it was at the call."""
        job.context["localsiteurl"] = job.localsiteurl
        output = job.template.render(job.localcontext)
        if job.localcontext.get(KEPT_PAGE):
            self._write_text(job, output)
            return
        if PAGE_FILTERS not in job.localcontext:
            # Found once for the build (the incremental writer leaves them in a rendered page's context):
            # looking them up from each page's settings looks at the config's files each time.
            if self._filters_for_pages is None:
                self._filters_for_pages = site_page_filters(self.settings)
            job.localcontext[PAGE_FILTERS] = self._filters_for_pages
        output = finish_page(output, job.path, job.localcontext)
        os.makedirs(os.path.dirname(job.path), exist_ok=True)
        self._write_text(job, output)

    def _write_text(self, job: _Job, output: str) -> None:
        for files, member in (
            (self._written_files, job.written_before),
            (self._overridden_files, job.overridden_before),
        ):
            if member:
                files.add(job.path)
            else:
                files.discard(job.path)
        with self._open_w(job.path, "utf-8", override=job.override) as handle:
            handle.write(output)
        _pelican_writer_logger.info('Writing "%s"', job.path)
        # The plugin's own receivers leave a kept page alone; another plugin's may count it.
        if not (job.localcontext.get(KEPT_PAGE) and self._receivers_are_own):
            signals.content_written.send(job.path, context=job.localcontext)

    def write_pending(self) -> None:
        """Render and write every recorded page; later calls write at once."""
        self._recording = False
        jobs, self._jobs = self._jobs, []
        if self in _pending_writers:
            _pending_writers.remove(self)
        if not jobs:
            return
        # A file written again with override_output (hexo-generator-archive's pages over Pelican's
        # period archives) holds what its last write wrote: the writes before it are not rendered.
        last_writes: dict[str, _Job] = {}
        for job in jobs:
            if job.path in last_writes:
                self._superseded_write(job.path)
            last_writes[job.path] = job
        written, overridden = set(self._written_files), set(self._overridden_files)
        contexts = {id(job.context): job.context for job in jobs}
        site_urls = {key: context.get("localsiteurl") for key, context in contexts.items()}
        self._receivers_are_own = not _foreign_receivers()
        try:
            # Pages the last build left as they would be now are kept here, before forking: a warm
            # rebuild then forks only for the pages that changed, and each post's fingerprint is made once.
            self._fingerprint_ahead(list(last_writes.values()))
            changed = []
            for job in last_writes.values():
                if _unchanged(job):
                    self._write(job)
                else:
                    changed.append(job)
            workers = self._workers(len(changed))
            if workers > 1:
                self._write_in_workers(changed, workers)
            else:
                for job in changed:
                    self._write(job)
        finally:
            # As after Pelican's own calls: every file claimed, the context as the last call left it.
            self._written_files, self._overridden_files = written, overridden
            for key, context in contexts.items():
                context["localsiteurl"] = site_urls[key]

    def _workers(self, count: int) -> int:
        if count < MIN_WRITES or not parallel_writes_enabled(self.settings):
            return 1
        foreign = _foreign_receivers()
        if foreign:
            logger.info("pages written in one process: content_written also goes to %s", ", ".join(foreign))
            return 1
        return min(_cores(), MAX_WORKERS)

    def _superseded_write(self, path: str) -> None:
        """Told that a write of ``path`` is dropped for a later one (the incremental writer counts it)."""

    def _fingerprint_ahead(self, jobs: list[_Job]) -> None:
        """The incremental writer's fingerprints of the pages it may keep, made in two processes.

        Fingerprinting every page of a warm rebuild was half a second of one core, the other idle.
        Unless a child described the posts while the pages were recorded (:func:`describe_posts_ahead`),
        a forked child describes half of them while the parent describes the others, and each sends
        the other what it made; then each fingerprints half the pages. The pages are settled after,
        in the parent and in order, as without it; a fingerprint the child did not send is made then.
        """
        share = getattr(self, "fingerprints_to_share", None)
        if share is None or not parallel_writes_enabled(self.settings):
            return
        pages = [job for job in jobs if hasattr(job.template, "fingerprint") and self.may_keep(job.path)]
        if not pages:
            return
        fingerprints, posts = share(pages[0].context)
        if len(pages) < MIN_FINGERPRINTS:
            return
        theirs_to_make = pages[1::2]
        from_parent, to_child = os.pipe()
        from_child, to_parent = os.pipe()
        try:
            pid = _fork(
                lambda: _fingerprint_as_child(fingerprints, posts[1::2], theirs_to_make, from_parent, to_parent),
                to_child,
                from_child,
            )
            os.close(from_parent)
            os.close(to_parent)
            try:
                made = fingerprints.describe_posts(posts[0::2])
                theirs = _receive(from_child)
                with contextlib.suppress(OSError):
                    _send(to_child, made)
                if isinstance(theirs, dict):
                    fingerprints.adopt(theirs)
                for job in pages[0::2]:
                    with contextlib.suppress(Exception):
                        self.made_ahead(job.localcontext, job.template.fingerprint(job.localcontext))
                digests = _receive(from_child)
            except BaseException:
                _kill(pid)
                raise
            finally:
                os.close(to_child)
                os.close(from_child)
                os.waitpid(pid, 0)
        finally:
            gc.unfreeze()
        if isinstance(digests, dict):
            for index, fingerprint in digests.items():
                self.made_ahead(theirs_to_make[index].localcontext, fingerprint)

    def _write_in_workers(self, jobs: list[_Job], workers: int) -> None:
        fork = multiprocessing.get_context("fork")
        taken = fork.Value("q", 0)
        children: list[tuple[int, int]] = []
        # Objects the workers inherit stay out of their collections: no copy-on-write of the whole heap.
        gc.freeze()
        try:
            for _ in range(workers - 1):
                read_end, write_end = os.pipe()
                pid = os.fork()
                if pid == 0:
                    os.close(read_end)
                    for _, other in children:
                        os.close(other)
                    self._work_as_child(jobs, taken, write_end)
                os.close(write_end)
                children.append((pid, read_end))
            done: set[int] = set()
            try:
                for index in _take(taken, len(jobs)):
                    self._write(jobs[index])
                    done.add(index)
            except BaseException:
                for pid, _ in children:
                    _kill(pid)
                raise
            finally:
                results = [_collect(pid, read_end) for pid, read_end in children]
        finally:
            gc.unfreeze()
        for result in results:
            self._merge(result)
            done.update(result.get("done", ()))
        missing = [index for index in range(len(jobs)) if index not in done]
        for index in missing:
            self._write(jobs[index])

    def _work_as_child(self, jobs: list[_Job], taken: Any, write_end: int) -> None:
        status = 0
        try:
            records, problems = _isolate_worker()
            kept = set(getattr(self, "_kept", ()))
            result: dict[str, Any] = {"done": []}
            paths: list[str] = []
            try:
                for index in _take(taken, len(jobs)):
                    self._write(jobs[index])
                    result["done"].append(index)
                    paths.append(jobs[index].path)
            except BaseException:  # noqa: BLE001 - the parent writes what is left, and meets the error itself
                result["failed"] = traceback.format_exc()
            result["logs"] = [portable_record(record) for record in records]
            result["problems"] = problems
            result["state"] = self._worker_state(paths, kept)
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
        except BaseException:  # noqa: BLE001 - no result: the parent writes this worker's pages again
            status = 1
        finally:
            # Not sys.exit: the parent's atexit handlers (V8's teardown) and buffered output are not ours.
            os._exit(status)

    def _worker_state(self, paths: list[str], kept_at_fork: set[str]) -> dict[str, Any]:
        """What the incremental writer learnt while the worker wrote (fingerprints, pages kept)."""
        state: dict[str, Any] = {}
        current = getattr(self, "_current", None)
        if isinstance(current, dict):
            written = set(paths)
            # Keyed by path, or by path and the number of a later write of it.
            state["_current"] = {key: value for key, value in current.items() if written_path(key) in written}
        kept = getattr(self, "_kept", None)
        if isinstance(kept, set):
            state["kept"] = sorted(kept - kept_at_fork)
        return state

    def _merge(self, result: Mapping[str, Any]) -> None:
        from .reader import problem_reported

        for record in result.get("logs", ()):
            replay_record(record)
        for sender, kwargs in result.get("problems", ()):
            problem_reported.send(sender, **kwargs)
        state = result.get("state") or {}
        if "_current" in state:
            self._current.update(state["_current"])
        if "kept" in state:
            self._kept.update(state["kept"])
        if "failed" in result:
            logger.info("a page-writing worker stopped; the parent writes its pages:\n%s", result["failed"])
        elif result.get("lost"):
            logger.warning(
                "a page-writing worker ended without a result (%s); the parent writes its pages", result["lost"]
            )


@functools.lru_cache(maxsize=4096)
def _relative_site_url_in(folder: str) -> str:
    return path_to_url(get_relative_path(f"{folder}/index.html" if folder else "index.html"))


def _relative_site_url(save_as: str) -> str:
    """Pelican's relative SITEURL for a page at ``save_as``: it depends on the folder alone, found once a folder.

    Pelican splits the whole path again for each of a site's ~2,000 pages (0.03 s of a rebuild).
    """
    folder, slash, name = save_as.rpartition("/")
    if not name or "\\" in save_as or "//" in save_as or folder.endswith("/"):
        return path_to_url(get_relative_path(save_as))
    return _relative_site_url_in(folder if slash else "")


def describe_posts_ahead(generators: list[Any]) -> None:
    """``all_generators_finalized``, last: the posts' descriptions begun in a child, for the page fingerprints.

    A warm rebuild's fingerprints start from a description of each post, a quarter of a second of
    one core; the parent meanwhile records the pages and runs Hexo's generators, which need as
    long. The child sends them when the writer first needs them (:meth:`ParallelWrites._fingerprint_ahead`).

    Only where nothing can change a post after this: with another plugin's receiver of a signal
    sent before the pages are fingerprinted (of this one, a receiver called after it), the posts
    are described then, as without it.
    """
    forget_posts_described_ahead()
    generator = next((g for g in generators if hasattr(g, "context") and hasattr(g, "settings")), None)
    if generator is None:
        return
    settings, context = generator.settings, generator.context
    if not (incremental_writes_enabled(settings) and parallel_writes_enabled(settings)):
        return
    # A cold build keeps no page: fingerprints are made where each page is rendered.
    if not os.path.exists(state_file(settings)) or any(
        _receivers_from_elsewhere(signal, after=describe_posts_ahead) for signal in _BEFORE_FINGERPRINTS
    ):
        return
    fingerprints, posts = begin_fingerprints(settings, context)
    if len(posts) < MIN_POSTS_AHEAD:
        return
    reading, writing = os.pipe()
    pid = _fork(lambda: _describe_as_child(fingerprints, posts, writing), reading)
    os.close(writing)
    _describing.append((pid, reading))

    def take() -> Any:
        if (pid, reading) not in _describing:
            return None
        _describing.remove((pid, reading))
        made = _receive(reading)
        os.close(reading)
        os.waitpid(pid, 0)
        gc.unfreeze()
        return made

    fingerprints.expect(take)


# The children describing posts (pid, the end their descriptions come from), until taken.
_describing: list[tuple[int, int]] = []


def forget_posts_described_ahead(*_: Any) -> None:
    """``finalized``, and before a build's: a child describing posts nobody took (none written, or a failed build)."""
    for pid, reading in _describing:
        _kill(pid)
        with contextlib.suppress(OSError):
            os.close(reading)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)
        gc.unfreeze()
    _describing.clear()


def _fork(work: Any, *not_the_childs: int) -> int:
    """A child that closes the pipe ends ``not_the_childs`` and does ``work``, which ends it; its pid.

    The objects already made are frozen (until the caller, the child done, unfreezes them): a
    collection in either process would touch, and so copy, the whole heap they share.
    """
    gc.freeze()
    pid = os.fork()
    if pid == 0:
        for end in not_the_childs:
            os.close(end)
        try:
            work()
        finally:
            os._exit(1)
    return pid


def _describe_as_child(fingerprints: Any, posts: list[Any], writing: int) -> None:
    """The child of :func:`describe_posts_ahead`: every post's descriptions, sent down ``writing``."""
    status = 0
    try:
        _isolate_worker()
        _send(writing, fingerprints.describe_posts(posts))
    except BaseException:  # noqa: BLE001 - the parent describes the posts itself
        status = 1
    finally:
        os._exit(status)


def _receivers_from_elsewhere(signal: Any, after: Any = None) -> list[Any]:
    """The receivers of ``signal`` another package connected; with ``after``, those it calls after that one.

    Pelican's signals call their receivers in the order they were connected.
    """
    functions = [r() if isinstance(r, weakref.ref) else r for r in list(signal.receivers.values())]
    if after in functions:
        functions = functions[functions.index(after) + 1 :]
    own = __name__.rpartition(".")[0]
    return [f for f in functions if f is not None and not getattr(f, "__module__", "").startswith(own)]


def _fingerprint_as_child(fingerprints: Any, posts: list[Any], pages: list[_Job], reading: int, writing: int) -> None:
    """The forked half of :meth:`ParallelWrites._fingerprint_ahead`: its posts, then its pages' fingerprints."""
    status = 0
    try:
        _isolate_worker()
        _send(writing, fingerprints.describe_posts(posts))
        theirs = _receive(reading)
        if isinstance(theirs, dict):
            fingerprints.adopt(theirs)
        digests = {}
        for index, job in enumerate(pages):
            with contextlib.suppress(Exception):
                digests[index] = job.template.fingerprint(job.localcontext)
        _send(writing, digests)
    except BaseException:  # noqa: BLE001 - the parent fingerprints what it was not sent
        status = 1
    finally:
        os._exit(status)


def _send(end: int, value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(8, "little") + data)
    while view:
        view = view[os.write(end, view) :]


def _receive(end: int) -> Any:
    """What :func:`_send` sent down ``end``; None if the other process ended first."""
    try:
        header = _read_exactly(end, 8)
        return pickle.loads(_read_exactly(end, int.from_bytes(header, "little")))  # noqa: S301 - our own child's
    except (OSError, EOFError, pickle.UnpicklingError):
        return None


def _read_exactly(end: int, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = os.read(end, min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _unchanged(job: _Job) -> bool:
    """Whether the incremental writer finds the page's file as the last build left it (decided once)."""
    settle = getattr(job.template, "settle", None)
    return bool(settle(job.localcontext, early=True)) if settle is not None else False


def _take(taken: Any, count: int) -> Iterator[int]:
    """The indexes of the pages this process writes: the next few not taken by another, until none are left."""
    while True:
        with taken.get_lock():
            start = taken.value
            taken.value = start + _CHUNK
        if start >= count:
            return
        yield from range(start, min(start + _CHUNK, count))


def _kill(pid: int) -> None:
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)


def _collect(pid: int, read_end: int) -> dict[str, Any]:
    chunks = []
    with os.fdopen(read_end, "rb") as pipe:
        while chunk := pipe.read(1 << 16):
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    try:
        result = pickle.loads(b"".join(chunks))  # noqa: S301 - our own worker's, over our own pipe
    except Exception:  # noqa: BLE001 - a worker that died mid-write sent nothing usable
        return {"done": [], "lost": f"exit status {code}"}
    return result if isinstance(result, dict) else {"done": [], "lost": f"exit status {code}"}


class _Collect(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__()
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def capture_log_records() -> list[logging.LogRecord]:
    """In a forked child: its log records, kept for the parent to show (:func:`replay_record`), not shown."""
    records: list[logging.LogRecord] = []
    logging.getLogger().handlers[:] = [_Collect(records)]
    return records


def _isolate_worker() -> tuple[list[logging.LogRecord], list[tuple[Any, dict[str, Any]]]]:
    """In a worker: log records and problems kept for the parent; V8 refused (its threads stayed in the parent)."""
    records = capture_log_records()
    problems: list[tuple[Any, dict[str, Any]]] = []
    from .reader import problem_reported

    def remember(sender: Any, **kwargs: Any) -> None:
        problems.append((sender, kwargs))

    _kept_alive.append(remember)
    problem_reported.connect(remember)
    js_runtime = sys.modules.get("pelican_hexo_tags.js_runtime")
    if js_runtime is not None:
        _kept_alive.append(dict(js_runtime._CONTEXTS))
        js_runtime._CONTEXTS.clear()
    mini_racer = sys.modules.get("py_mini_racer")
    if mini_racer is not None:
        mini_racer.MiniRacer = _no_v8_here
    return records, problems


def _no_v8_here(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("V8 is not usable in a forked page-writing worker")


def portable_record(record: logging.LogRecord) -> logging.LogRecord:
    """A record that pickles: its message made, its traceback as text."""
    with contextlib.suppress(Exception):
        record.msg = record.getMessage()
    record.args = None
    if record.exc_info:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
    try:
        pickle.dumps(record)
    except Exception:  # noqa: BLE001 - an extra attribute that does not pickle
        kept = ("name", "msg", "levelno", "levelname", "pathname", "lineno", "funcName", "created", "exc_text")
        return logging.makeLogRecord({key: getattr(record, key, None) for key in kept})
    return record


def replay_record(record: logging.LogRecord) -> None:
    target = logging.getLogger(record.name)
    if not target.isEnabledFor(record.levelno):
        return
    # Pelican's logger raises FilteredMessage to say it dropped a duplicate.
    with contextlib.suppress(Exception):
        target.handle(record)


def _own_receivers() -> set[Any]:
    from .assets import inject_bundles
    from .integration import run_page_filters

    return {inject_bundles, run_page_filters}


def _foreign_receivers() -> list[str]:
    own = _own_receivers()
    names = []
    for receiver in list(signals.content_written.receivers.values()):
        function = receiver() if isinstance(receiver, weakref.ref) else receiver
        if function is not None and function not in own:
            names.append(getattr(function, "__qualname__", repr(function)))
    return sorted(names)


def parallel_writer(pelican_object: Any) -> type[Writer] | None:
    """``get_writer``: the incremental writer's choice (or Pelican's own), writing in workers where it can."""
    base = incremental_writer(pelican_object) or Writer
    if not parallel_writes_enabled(pelican_object.settings):
        return None if base is Writer else base
    if base is Writer:
        return ParallelWrites
    if base not in _composed:
        _composed[base] = type(f"Parallel{base.__name__}", (base, ParallelWrites), {})
    return _composed[base]


def write_before_static_files(generator: Any) -> None:
    """``static_generator_init``: the recorded pages are written before the static files are copied.

    The static generator runs last, as in a serial build: a static file at a page's path replaces it.
    """
    copy_static_files = generator.generate_output

    def generate_output(writer: Any) -> Any:
        if isinstance(writer, ParallelWrites):
            writer.write_pending()
        return copy_static_files(writer)

    generator.generate_output = generate_output


def write_pending_pages(_pelican_object: Any) -> None:
    """``finalized``, before anything reads the output: pages still recorded (no static generator ran)."""
    for writer in list(_pending_writers):
        writer.write_pending()
