"""How fast posts render: every corpus post through the reader, and whole-site builds.

    python bench/speed.py [--passes N]

Prints the median of N passes (default 3) per blog, in posts per second, and
the wall time of a full Pelican build of each imported blog, cold and with
Pelican's content cache warm. Speed is measured here, never in the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def _reader_pass(blog: Path) -> tuple[int, float]:
    from pelican.settings import read_settings

    from pelican_hexo_tags.reader import HexoReader

    settings = read_settings(
        override={"PATH": str(blog / "source"), "HEXO_CONFIG": str(blog / "_config.yml"), "ARTICLE_PATHS": ["_posts"]}
    )
    reader = HexoReader(settings)
    posts = sorted((blog / "source" / "_posts").rglob("*.md"))
    start = time.perf_counter()
    for post in posts:
        reader.read(str(post))
    return len(posts), time.perf_counter() - start


def _build(site: Path, cached: bool) -> float:
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(site / "pelicanconf.py"),
        override={"CACHE_CONTENT": cached, "LOAD_CONTENT_CACHE": cached, "CACHE_PATH": str(site / "cache")},
    )
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        Pelican(settings).run()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        print(f"skipped: {corpus} not found")
        return 0
    logging.disable(logging.WARNING)
    from pelican_hexo_tags.cli import import_site

    for blog in sorted(p for p in corpus.iterdir() if (p / "_config.yml").exists()):
        _reader_pass(blog)  # warm-up: engine set-up, imports
        times = []
        for _ in range(args.passes):
            count, seconds = _reader_pass(blog)
            times.append(seconds)
        median = statistics.median(times)
        with tempfile.TemporaryDirectory() as scratch:
            site = Path(scratch) / "site"
            import_site(blog, site)
            cold = _build(site, cached=True)
            warm = _build(site, cached=True)
        print(
            f"{blog.name}: {count} posts, reader {median:.2f} s ({count / median:.0f} posts/s, "
            f"median of {args.passes}); build cold {cold:.2f} s, cached {warm:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
