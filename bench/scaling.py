"""Time against size: one long post, one post with many tags, a site with many posts.

The site is what ``pelican-hexo import`` makes of a Hexo blog with the list, feed, sitemap and
search generators installed, so its build writes all of those too.

    python bench/scaling.py [--sites 1000,3000,10000]

Prints a table of seconds per size and the ratio time/size relative to the
smallest size (about 1.0 everywhere when the work is linear; a quadratic
step shows as a ratio that grows with the size), and each site build's peak
memory. The site builds run as ``pelican`` does, in a process of their own,
so their seconds include its start (about a second).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import subprocess
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


# The site's Hexo generators: every list page, the feed, the sitemap and the search index are
# written beside the posts, so a step that is quadratic in the posts shows here.
SITE_PACKAGE = {
    "dependencies": {
        "hexo": "^8.1.2",
        "hexo-generator-index": "^4.0.0",
        "hexo-generator-archive": "^2.0.0",
        "hexo-generator-tag": "^2.0.0",
        "hexo-generator-category": "^2.0.0",
        "hexo-generator-feed": "^3.0.0",
        "hexo-generator-sitemap": "^3.0.1",
        "hexo-generator-searchdb": "^1.4.1",
    }
}
SITE_CONFIG = (
    "title: Scale\nurl: https://example.com\npermalink: :year/:month/:day/:title/\nsearch:\n  path: search.json\n"
)


def _time_site(tmp: Path, posts: int) -> tuple[float, int, float]:
    """Seconds, files written and peak MiB of one cold build of a ``posts``-post imported site."""
    import json

    from pelican_hexo_tags.cli import import_site

    hexo = tmp / f"hexo{posts}"
    folder = hexo / "source" / "_posts"
    folder.mkdir(parents=True)
    (hexo / "_config.yml").write_text(SITE_CONFIG, encoding="utf-8")
    (hexo / "package.json").write_text(json.dumps(SITE_PACKAGE), encoding="utf-8")
    for i in range(posts):
        (folder / f"post-{i}.md").write_text(
            f"---\ntitle: Post {i}\ndate: 2024-{1 + i % 12:02d}-{1 + i % 28:02d} 00:{i % 60:02d}:00\n"
            f"tags: [t{i % 50}]\ncategories: [c{i % 7}]\n---\n" + PARAGRAPH * 5,
            encoding="utf-8",
        )
    site = tmp / f"site{posts}"
    with contextlib.redirect_stdout(io.StringIO()):
        import_site(hexo, site)
    # Its own process, as `pelican` runs: the peak memory of each size is its own (wait4 reports the
    # largest process of the build's tree: the reader, the read-ahead helper or a page writer).
    command = [str(Path(sys.executable).with_name("pelican")), "-s", "pelicanconf.py", "-q"]
    command += ["-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the {posts}-post site failed to build")
    written = sum(1 for path in (site / "output").rglob("*") if path.suffix in (".html", ".xml", ".json"))
    return elapsed, written, usage.ru_maxrss / 1024


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
        # The site builds first: a build's peak (wait4) counts what this process held when it forked it,
        # and the long post below grows it to ~470 MiB.
        posts = [int(n) for n in args.sites.split(",")]
        builds = [_time_site(tmp, n) for n in posts]
        _row("site build (posts)", posts, [elapsed for elapsed, _, _ in builds], "posts")
        # Posts, list pages, atom.xml, sitemap.xml and search.json: what the build wrote per size.
        print(
            "  files written: "
            + ", ".join(f"{n:,} posts: {written:,}" for n, (_, written, _) in zip(posts, builds, strict=True))
        )
        peaks = [f"{n:,} posts: {peak:.0f}" for n, (_, _, peak) in zip(posts, builds, strict=True)]
        print("  peak MiB: " + ", ".join(peaks))
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
