"""The long config fuzz run: random values in every config key the plugin reads, three posts built under each.

    python bench/fuzz_config.py [--examples 20000] [--jobs N] [--seed N]

Runs the property of tests/test_config_properties.py (every post read as
Pelican reads it, at a URL, with its words, and without the reader's last
net) and prints how many configs ran, how long it took and every distinct
failure (shrunk). Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes, each with its own seed")
    args = parser.parse_args()
    from fuzz import fan_out, run_batches

    if args.jobs > 1:
        return fan_out(args, __file__)
    logging.disable(logging.CRITICAL)
    from fuzz_configs import FuzzSite, configs
    from test_config_properties import check_every_post

    site = FuzzSite.create(Path(tempfile.mkdtemp(prefix="hexo-config-fuzz-")))
    counter = {"runs": 0}

    def check(config: dict) -> None:
        counter["runs"] += 1
        check_every_post(site, config)

    return 1 if run_batches(check, {"config": configs()}, args.examples, args.seed, counter) else 0


if __name__ == "__main__":
    sys.exit(main())
