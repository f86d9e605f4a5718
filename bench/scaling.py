"""Time against size: one long post, one post with many tags, a site with many posts.

    python bench/scaling.py [--sites 1000,3000,10000]

Prints a table of seconds per size and the ratio time/size relative to the
smallest size (about 1.0 everywhere when the work is linear; a quadratic
step shows as a ratio that grows with the size).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARAGRAPH = (
    "Some prose with `code`, **bold**, a [link](https://example.com) and {{ title }} and a {% kbd Ctrl %} key.\n\n"
)
TAG = '{% note info %}\nA note with {% label primary@text %}.\n{% endnote %}\n\n{% link "a" https://a.org %} x\n\n'


def _reader(tmp: Path):
    from pelican.settings import read_settings

    from pelican_hexo_tags.reader import HexoReader

    (tmp / "_posts").mkdir(exist_ok=True)
    return HexoReader(read_settings(override={"PATH": str(tmp), "ARTICLE_PATHS": ["_posts"]}))


def _time_post(reader, tmp: Path, text: str) -> float:
    path = tmp / "_posts" / "post.md"
    path.write_text("---\ntitle: t\ndate: 2024-01-01\n---\n" + text, encoding="utf-8")
    start = time.perf_counter()
    reader.read(str(path))
    return time.perf_counter() - start


def _time_site(tmp: Path, posts: int) -> float:
    from pelican import Pelican
    from pelican.settings import read_settings

    site = tmp / f"site{posts}"
    folder = site / "content" / "_posts"
    folder.mkdir(parents=True)
    for i in range(posts):
        (folder / f"post-{i}.md").write_text(
            f"---\ntitle: Post {i}\ndate: 2024-01-01 00:{i % 60:02d}:00\ntags: [t{i % 50}]\n---\n" + PARAGRAPH * 5,
            encoding="utf-8",
        )
    settings = read_settings(
        override={
            "PATH": str(site / "content"),
            "OUTPUT_PATH": str(site / "output"),
            "PLUGINS": ["pelican_hexo_tags"],
            "ARTICLE_PATHS": ["_posts"],
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "FEED_ALL_ATOM": None,
        }
    )
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        Pelican(settings).run()
    return time.perf_counter() - start


def _row(label: str, sizes: list[int], times: list[float], unit: str) -> None:
    base = times[0] / sizes[0]
    cells = "  ".join(f"{s:>9,} {unit}: {t:7.2f}s (x{(t / s) / base:4.2f})" for s, t in zip(sizes, times, strict=True))
    print(f"{label:<22} {cells}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sites", default="1000,3000,10000", help="post counts for the site builds")
    parser.add_argument("--megabytes", default="0.5,1.5,5")
    parser.add_argument("--tags", default="1000,3000,10000")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    print("size: seconds (x time-per-unit relative to the smallest size; ~1.0 = linear)")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        reader = _reader(tmp)
        _time_post(reader, tmp, PARAGRAPH * 10)  # warm the engines
        megabytes = [float(m) for m in args.megabytes.split(",")]
        sizes = [int(m * 1_000_000) for m in megabytes]
        times = [_time_post(reader, tmp, PARAGRAPH * (size // len(PARAGRAPH))) for size in sizes]
        _row("long post (bytes)", sizes, times, "B")
        counts = [int(n) for n in args.tags.split(",")]
        # TAG holds 3 tags.
        times = [_time_post(reader, tmp, TAG * (n // 3)) for n in counts]
        _row("tags in one post", counts, times, "tags")
        posts = [int(n) for n in args.sites.split(",")]
        times = [_time_site(tmp, n) for n in posts]
        _row("site build (posts)", posts, times, "posts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
