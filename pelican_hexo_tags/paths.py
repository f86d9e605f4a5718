"""Files a post may name: only those inside the folder they are looked up in."""

from __future__ import annotations

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
