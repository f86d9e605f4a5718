"""Files a post may name (only those inside the folder they are looked up in), and a folder's state."""

from __future__ import annotations

import hashlib
import os


def contained_path(folder: str, relative: str) -> str | None:
    """``folder/relative`` when it stays inside ``folder``, else None.

    Absolute paths, ``..`` that climbs out, and symlinks whose target lies
    outside the folder are all refused: a post can never make the build read
    (and publish) a file from elsewhere on the machine.
    """
    relative = str(relative).replace("\\", "/")
    if not relative or relative.startswith("/") or os.path.isabs(relative) or "\x00" in relative:
        return None
    root = os.path.realpath(folder)
    candidate = os.path.realpath(os.path.join(root, *relative.split("/")))
    if candidate != root and not candidate.startswith(root.rstrip(os.sep) + os.sep):
        return None
    return candidate


def folder_digest(folder: str) -> str:
    """A digest of the names, sizes and mtimes of the files under ``folder``, or ``""`` when it is no folder."""
    if not os.path.isdir(folder):
        return ""
    entries: list[str] = []
    for directory, subdirs, files in os.walk(folder):
        subdirs.sort()
        for name in sorted(files):
            path = os.path.join(directory, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            entries.append(f"{os.path.relpath(path, folder)}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(entries).encode("utf-8", "surrogatepass")).hexdigest()
