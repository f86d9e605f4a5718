"""Hexo's tag conformance cases through the real pipeline: the faithful share.

    python bench/tag_cases.py [--show] [--case ID ...]

Builds each case of tests/fixtures/hexo_tag_cases.json as a post of a small
Hexo-shaped site with Pelican and compares it with what Hexo 8 rendered
(htmlcompare). ``--show`` prints every unfaithful case with both outputs.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def main() -> int:
    from tag_case_harness import load_cases, run_cases

    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--case", type=int, nargs="*")
    args = parser.parse_args()
    logging.getLogger("pelican").setLevel(logging.CRITICAL)
    logging.getLogger("pelican_hexo_tags").propagate = True
    cases = load_cases()
    if args.case:
        cases = [c for c in cases if c["id"] in args.case]
    # Pelican prints a "Done: …" line per build; 198 of them would bury the report.
    with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(io.StringIO()):
        results = run_cases(cases, Path(tmp))
    faithful = [r for r in results if r.faithful]
    for result in results:
        if result.faithful:
            continue
        case = result.case
        print(f"#{case['id']} [{case['section']}] {case['name']}: {result.report or 'no warning'}")
        if args.show:
            print("  input:    ", repr(case["input"]))
            print("  expected: ", repr(case["expected"]))
            print("  actual:   ", repr(result.html))
            print("  warnings: ", result.warnings)
    share = 100 * len(faithful) / max(len(results), 1)
    print(f"faithful {len(faithful)}/{len(results)} ({share:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
