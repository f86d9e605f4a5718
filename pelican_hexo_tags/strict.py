"""``HEXO_STRICT = True``: a build that reported post problems fails, after reporting all of them.

Problems are logged as errors while the build goes on (so one run shows every
problem); when Pelican has finished, the build raises :class:`HexoStrictError`,
which makes the ``pelican`` command exit non-zero, so CI fails.
"""

from __future__ import annotations

from typing import Any

from .reader import problem_reported

_reported: list[tuple[str, int, str]] = []


class HexoStrictError(RuntimeError):
    """Raised at the end of a strict build that reported problems in posts."""

    exitcode = 1


def forget_problems(pelican: Any) -> None:
    """A new build starts with no problems counted."""
    _reported.clear()


def count_problem(source_path: str, line: int = 0, kind: str = "", message: str = "") -> None:
    _reported.append((str(source_path), line, message))


def fail_strict_build(pelican: Any) -> None:
    if not pelican.settings.get("HEXO_STRICT") or not _reported:
        return
    files = len({path for path, _line, _message in _reported})
    count = len(_reported)
    raise HexoStrictError(
        f"HEXO_STRICT: {count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''};"
        " see the errors above"
    )


problem_reported.connect(count_problem)
