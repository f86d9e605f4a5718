"""Make Pelican's content cache see what a Hexo post's rendering depends on besides its own file.

Pelican keys a cached post on the post file's stamp (mtime or hash) only. A
Hexo post also depends on the Hexo config (permalink, renderer, asset
folders …), the theme config, the plugin's settings and its asset folder
(which images exist decides the missing-asset warnings). So a Hexo post's
cache stamp becomes ``(the file's own stamp, a fingerprint of those inputs,
a fingerprint of its asset folder)``.

Why the stamp, rather than a stamp file in ``CACHE_PATH`` that turns
``LOAD_CONTENT_CACHE`` off for a run: the stamp is checked per post by
Pelican itself, on both caching layers (``CONTENT_CACHING_LAYER`` ``reader``
and ``generator``), on every run of an ``--autoreload`` process (which builds
new generators, and so reloads the cache, each time), and it cannot drift
from the cache it describes. Only posts the plugin reads are touched; other
files keep Pelican's stamp.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import logging
import os
import re
from collections.abc import Callable, Mapping
from importlib import metadata as _metadata
from typing import Any

from .config import hexo_config_from_settings
from .paths import folder_digest
from .reader import HexoReader

logger = logging.getLogger(__name__)

_MARK = "hexo"
# Pelican settings a post's rendering reads, besides every ``HEXO_*`` one.
_PELICAN_SETTINGS = ("PATH", "ARTICLE_PATHS", "PAGE_PATHS", "TIMEZONE")
# Fingerprints already announced in this process: one info line per change, not one per generator.
_announced: set[tuple[str, str]] = set()

try:
    _VERSION = _metadata.version("pelican_hexo_tags")
except _metadata.PackageNotFoundError:
    _VERSION = "unknown"


def _stable(value: Any) -> str:
    """A repr that is the same in every process (functions in ``HEXO_TAGS`` by name, not address)."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_stable(k)}: {_stable(v)}" for k, v in sorted(value.items(), key=str)) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return "[" + ", ".join(_stable(v) for v in items) + "]"
    return repr(value)


def _file_digest(path: str) -> str:
    # Content, not mtime: a config saved twice within the file system's mtime granularity still counts.
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return "-"


def _input_files(settings: Mapping[str, Any]) -> list[str]:
    """The Hexo config, every theme config beside it, the theme's own, package.json and its lock, the douban data."""
    config = hexo_config_from_settings(settings)
    root = config.source_root
    files: list[str] = []
    if root:
        files += sorted(glob.glob(os.path.join(glob.escape(root), "_config*.yml")))
        files.append(os.path.join(root, "themes", str(config.get("theme") or ""), "_config.yml"))
        # The Hexo version they name decides how older config forms read (site/config_keys.py).
        files += [os.path.join(root, "package.json"), os.path.join(root, "package-lock.json")]
        from .local_scripts import script_files

        # Local scripts change posts (local_scripts.py): editing one re-reads every post.
        files += script_files(root, str(config.get("theme") or ""))
    douban = settings.get("HEXO_DOUBAN_DATA")
    if douban:
        for base in (root, settings.get("PATH")):
            if base and not os.path.isabs(str(douban)):
                files.append(os.path.join(str(base), str(douban)))
        files.append(str(douban))
    return files


def _code_folders(settings: Mapping[str, Any]) -> list[str]:
    """Hexo's ``code_dir`` under the Hexo source folder and under the content folder, as ``include_code`` looks."""
    config = hexo_config_from_settings(settings)
    code_dir = str(config.get("code_dir") or "downloads/code").strip("/")
    roots = [str(settings["PATH"])] if settings.get("PATH") else []
    if config.source_root:
        roots.insert(0, os.path.join(config.source_root, str(config.get("source_dir") or "source")))
    return [os.path.join(root, code_dir) for root in roots]


def _plugin_stamps(settings: Mapping[str, Any]) -> list[str]:
    """What a plugin module's output depends on outside the site (hexo-renderer-pandoc: which pandoc runs)."""
    from .plugins import plugin_module

    config = hexo_config_from_settings(settings)
    stamps = []
    for package in config.plugins:
        stamp = getattr(plugin_module(package), "cache_stamp", None)
        if stamp is not None:
            stamps.append(f"{package}:{stamp(config)}")
    return stamps


def settings_fingerprint(settings: Mapping[str, Any]) -> str:
    """A digest of everything outside a post file that its reading depends on."""
    parts = [_VERSION]
    for key in sorted(settings):
        if key.startswith("HEXO_") or key in _PELICAN_SETTINGS:
            parts.append(f"{key}={_stable(settings[key])}")
    for path in _input_files(settings):
        parts.append(f"{path}:{_file_digest(path) if os.path.isfile(path) else '-'}")
    for folder in _code_folders(settings):
        # ``include_code`` shows these files; any post may name any of them.
        parts.append(f"{folder}:{folder_digest(folder)}")
    parts += _plugin_stamps(settings)
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def asset_folder_stamp(source_path: str) -> str:
    """A digest of the files in the post's asset folder (``NAME/`` beside ``NAME.md``), or ``""`` when none."""
    return folder_digest(os.path.splitext(source_path)[0])


def _metadata_of(data: Any) -> Mapping[str, Any]:
    """The metadata in a cache entry: the reader layer keeps ``(content, metadata)``, the generator layer the page."""
    if isinstance(data, tuple) and len(data) == 2 and isinstance(data[1], Mapping):
        return data[1]
    found = getattr(data, "metadata", None)
    return found if isinstance(found, Mapping) else {}


def lookups_stamp(metadata: Mapping[str, Any]) -> str:
    """Which of the files a post looked up outside its asset folder exist now (``hexo_looked_up``).

    An image's URL may depend on whether ``source/images/x.png`` or another
    post's asset exists; the post is read again when one of them appears or goes.
    """
    looked_up = metadata.get("hexo_looked_up") or ()
    return "".join("1" if os.path.isfile(path) else "0" for path, _existed in looked_up)


def _wrap(cacher: Any, fingerprint: str, is_hexo: Callable[[str], bool], every_file: str | None = None) -> None:
    original = getattr(cacher, "_filestamp_func", None)
    if original is None or getattr(original, "_hexo_wrapped", False):
        return
    # The data being stored, while cache_data computes its stamp: its lookups, not the old entry's.
    storing: dict[str, Any] = {}
    # The file's own stamp and its asset folder's, once a build (a cacher is made for each build): the
    # read-ahead asks which posts are cached before the generator does, 1,000 walks of asset folders each.
    stamped: dict[str, tuple[Any, str]] = {}

    def stamp(filename: str) -> Any:
        if filename not in stamped:
            stamped[filename] = (original(filename), asset_folder_stamp(filename) if is_hexo(filename) else "")
        own, folder = stamped[filename]
        if not is_hexo(filename):
            return own if every_file is None else (own, every_file)
        # The generator layer keys its entries by the path under its own folder, and stamps the full path.
        names = [filename]
        if getattr(cacher, "path", None):
            names.append(os.path.relpath(filename, cacher.path))
        entries = getattr(cacher, "_cache", None) or {}
        metadata: Mapping[str, Any] = {}
        for name in names:
            if name in storing:
                metadata = _metadata_of(storing[name])
                break
            entry = entries.get(name)
            if isinstance(entry, tuple) and len(entry) == 2:
                metadata = _metadata_of(entry[1])
                break
        return (_MARK, own, fingerprint, folder, lookups_stamp(metadata))

    original_cache_data = cacher.cache_data

    def cache_data(filename: str, data: Any) -> None:
        storing[filename] = data
        try:
            original_cache_data(filename, data)
        finally:
            storing.pop(filename, None)

    stamp._hexo_wrapped = True  # type: ignore[attr-defined]
    cacher._filestamp_func = stamp
    cacher.cache_data = cache_data


def _announce_if_stale(cacher: Any, fingerprint: str, cache_path: str) -> None:
    for entry in (getattr(cacher, "_cache", None) or {}).values():
        stamp = entry[0] if isinstance(entry, tuple) and entry else None
        if isinstance(stamp, tuple) and len(stamp) == 5 and stamp[0] == _MARK and stamp[2] != fingerprint:
            if (cache_path, fingerprint) not in _announced:
                _announced.add((cache_path, fingerprint))
                logger.info(
                    "Hexo config or settings changed since the content cache was written: reading every post again"
                )
            return


def cover_hexo_inputs(generator: Any) -> None:
    """Fold the Hexo inputs into the cache stamp of every post this plugin reads (articles and pages)."""
    settings = generator.settings
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    readers = generator.readers
    extensions = {ext for ext, cls in readers.reader_classes.items() if cls is HexoReader}
    if not extensions:
        return

    def is_hexo(filename: str) -> bool:
        return os.path.splitext(filename)[1].lstrip(".") in extensions

    fingerprint = settings_fingerprint(settings)
    # ``readers`` is the reader-layer cache; a CachingGenerator is itself the generator-layer one.
    for cacher in (c for c in (readers, generator) if hasattr(c, "_filestamp_func")):
        if not getattr(cacher, "_cache_data_policy", True) and not cacher._cache:
            # The other layer caches: this one's lookups answer "not cached" whatever the stamp, yet
            # Pelican (and the read-ahead) stamp each file for them, 1,000-2,000 stamps a build.
            cacher._filestamp_func = _no_stamp
            continue
        layer_fingerprint, every_file = fingerprint, None
        if cacher is generator:
            # Whole posts: made with the settings of their build (their URLs, dates, author, summary
            # length), so any setting changed makes them again, for every file of the layer.
            every_file = whole_settings_fingerprint(settings)
            layer_fingerprint = hashlib.sha256(f"{fingerprint}\n{every_file}".encode()).hexdigest()
        _announce_if_stale(cacher, layer_fingerprint, str(settings.get("CACHE_PATH")))
        _wrap(cacher, layer_fingerprint, is_hexo, every_file)


# Settings no content object is made from: where the build writes and whether it caches.
_NOT_READ_BY_CONTENT = frozenset(
    {"OUTPUT_PATH", "CACHE_PATH", "CACHE_CONTENT", "LOAD_CONTENT_CACHE", "DELETE_OUTPUT_DIRECTORY", "WRITE_SELECTED"}
)
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def whole_settings_fingerprint(settings: Mapping[str, Any]) -> str:
    """A digest of every setting a content object may be made from (an object's address left out)."""
    parts = [f"{key}={_stable(settings[key])}" for key in sorted(settings) if key not in _NOT_READ_BY_CONTENT]
    text = _ADDRESS.sub("", "\n".join(parts))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _no_stamp(_filename: str) -> str:
    return ""


# The children saving a content cache: (pid, the cacher, Pelican's own save of it), until reaped.
_saving: list[tuple[int, Any, Callable[[], None]]] = []


def save_in_the_background(generator: Any) -> None:
    """``article_generator_init``: the content cache is written by a forked child, on either layer.

    Pelican writes the whole cache at the end of reading, every build: a 17 MB pickle at 1,000
    posts, 0.06 s (the reader layer) to 0.09 s (the generator layer, whole posts) of the one core
    a warm rebuild has busy. A child holds the cache as it was at the fork, writes it to a file
    beside the cache, and renames it over the cache, so a build reading it meets the last cache or
    this one, never half of one. ``finalized`` reaps the child; where it failed, the parent saves
    the cache itself, as Pelican would have.
    """
    settings = generator.settings
    if not settings.get("CACHE_PATH"):
        return
    from .parallel_write import parallel_writes_enabled

    if not parallel_writes_enabled(settings):
        return
    # The reader layer's cache is the readers'; the generator layer's is the generator itself.
    for cacher in (getattr(generator, "readers", None), generator):
        if cacher is not None and getattr(cacher, "_cache_data_policy", False) and "save_cache" not in vars(cacher):
            _save_in_a_child(cacher, settings)


def _save_in_a_child(cacher: Any, settings: Mapping[str, Any]) -> None:
    pelicans_save = cacher.save_cache

    def save_cache() -> None:
        wait_for_cache_saves()
        try:
            os.makedirs(str(settings["CACHE_PATH"]), exist_ok=True)
            pid = os.fork()
        except OSError:
            pelicans_save()
            return
        if pid == 0:
            _write_as_child(cacher)
        _saving.append((pid, cacher, pelicans_save))

    cacher.save_cache = save_cache


def _write_as_child(cacher: Any) -> None:
    import gc
    import pickle

    # Collecting would touch, and so copy, every object of the parent's heap.
    gc.disable()
    status = 1
    path = str(getattr(cacher, "_cache_path", ""))
    partial = f"{path}.{os.getpid()}.partial"
    try:
        with cacher._cache_open(partial, "wb") as handle:
            pickle.dump(cacher._cache, handle)
        os.replace(partial, path)
        status = 0
    except BaseException:  # noqa: BLE001 - the parent saves the cache itself
        with contextlib.suppress(OSError):
            os.remove(partial)
    finally:
        os._exit(status)


def wait_for_cache_saves(*_: Any) -> None:
    """``finalized`` (and before another save): the children saving the cache are done; a failed one's save is made."""
    while _saving:
        pid, _cacher, pelicans_save = _saving.pop(0)
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            status = 1
        if status != 0:
            logger.debug("the content cache was not saved in the background; saving it here")
            pelicans_save()
