"""The long fuzz run: many generated posts through the reader, failures shrunk and saved.

    python bench/fuzz.py [--examples 100000] [--jobs N] [--seed N] [--out fuzz-failures.txt]

Runs the property of tests/test_properties.py (no exception, every problem
with a line in the file, every prose word in the HTML) with Hypothesis'
generators, and prints how many posts ran, how long it took and every
distinct failure (shrunk). Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--out", default=None, help="write failing posts (repr) here")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes, each with its own seed")
    args = parser.parse_args()
    if args.jobs > 1:
        return fan_out(args, __file__)

    import logging

    from pelican.settings import read_settings

    logging.disable(logging.CRITICAL)
    from fuzz_posts import posts
    from test_properties import KINDS, _text

    from pelican_hexo_tags.reader import HexoReader

    root = Path(tempfile.mkdtemp(prefix="hexo-fuzz-"))
    (root / "_posts" / "post").mkdir(parents=True)
    (root / "_posts" / "post" / "1.jpg").write_bytes(b"jpg")
    (root / "_config.yml").write_text("post_asset_folder: true\nurl: https://example.com\n", encoding="utf-8")
    base = read_settings(
        override={"PATH": str(root), "HEXO_CONFIG": str(root / "_config.yml"), "ARTICLE_PATHS": ["_posts"]}
    )
    readers = {theme: HexoReader({**base, "HEXO_THEME": theme}) for theme in ("next", "butterfly", "fluid", "stellar")}
    # {{ }} evaluated too, as a site that opts in has it.
    readers["next+variables"] = HexoReader({**base, "HEXO_THEME": "next", "HEXO_NUNJUCKS_VARIABLES": True})
    path = root / "_posts" / "post.md"
    counter = {"runs": 0}
    failures: dict[str, str] = {}

    def check(post, theme) -> None:
        counter["runs"] += 1
        path.write_bytes(post.text.encode("utf-8", "surrogatepass"))
        html, metadata = readers[theme].read(str(path))
        text = _text(html)
        missing = [w for w in post.words if w not in text]
        assert not missing, f"prose lost: {missing}"
        total = post.text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        for line, message, kind in metadata["hexo_problems"]:
            assert kind in KINDS and message and 1 <= line <= total, (line, total, kind, message)

    from hypothesis import strategies as st

    failures = run_batches(
        check, {"post": posts(), "theme": st.sampled_from(sorted(readers))}, args.examples, args.seed, counter
    )
    if args.out and failures:
        Path(args.out).write_text("\n\n".join(failures.values()), encoding="utf-8")
    os.environ.pop("_", None)
    return 1 if failures else 0


def run_batches(
    check: Callable[..., None], strategies: dict[str, Any], examples: int, base_seed: int | None, counter: dict
) -> dict[str, str]:
    """Run ``check`` on ``examples`` drawn from ``strategies`` in batches; print progress and every distinct failure.

    ``counter["runs"]`` is counted up by ``check`` (shrinking runs it more often than ``examples``).
    """
    from hypothesis import HealthCheck, Phase, given, seed, settings

    batch = 5_000
    failures: dict[str, str] = {}
    start = time.perf_counter()
    done = 0
    batch_index = 0
    while done < examples:
        size = min(batch, examples - done)

        @settings(
            max_examples=size,
            deadline=None,
            database=None,
            phases=[Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            report_multiple_bugs=True,
        )
        @given(**strategies)
        def run(**drawn: Any) -> None:
            check(**drawn)

        if base_seed is not None:
            run = seed(base_seed + batch_index)(run)
        try:
            run()
        except BaseException as error:  # noqa: BLE001 - collect, report, keep fuzzing
            key = f"{type(error).__name__}: {str(error)[:300]}"
            failures.setdefault(key, "".join(traceback.format_exception(error))[-3000:])
        done += size
        batch_index += 1
        elapsed = time.perf_counter() - start
        print(f"{done:>8} batches' examples, {counter['runs']:>8} runs, {elapsed:7.1f}s, {len(failures)} failures")
        sys.stdout.flush()
    elapsed = time.perf_counter() - start
    print(f"\nruns: {counter['runs']} (incl. shrinking) in {elapsed:.1f}s ({counter['runs'] / elapsed:.0f}/s)")
    print(f"distinct failures: {len(failures)}")
    for key, trace in failures.items():
        print("-" * 72)
        print(key)
        print(trace)
    return failures


def fan_out(args: argparse.Namespace, script: str) -> int:
    """Run ``script`` in ``args.jobs`` worker processes, each with its own seed and share of the examples."""
    import re
    import subprocess

    share = -(-args.examples // args.jobs)
    base_seed = args.seed if args.seed is not None else int(time.time())
    start = time.perf_counter()
    workers = [
        subprocess.Popen(
            [sys.executable, script, "--examples", str(share), "--seed", str(base_seed + 100_000 * i)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for i in range(args.jobs)
    ]
    reads = failures = 0
    status = 0
    for worker in workers:
        output, _ = worker.communicate()
        status |= worker.returncode
        reads += int(re.search(r"runs: (\d+)", output).group(1))
        failures += int(re.search(r"distinct failures: (\d+)", output).group(1))
        if worker.returncode:
            print(output[output.find("distinct failures") :])
    elapsed = time.perf_counter() - start
    print(f"{args.jobs} workers, {share} examples each: {reads} runs in {elapsed:.1f}s, {failures} failures")
    return status


if __name__ == "__main__":
    sys.exit(main())
