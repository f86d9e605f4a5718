"""The landscape media/admonition cases (tests/fixtures/media_tag_cases.json) against real Hexo's output.

    python bench/media_cases.py [--show]

Prints the faithful share by htmlcompare's thresholds and, with ``--show``,
every unfaithful case with its scores. Needs ../shared/tools/htmlcompare.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    if not (SHARED / "tools" / "htmlcompare.py").exists():
        print(f"skipped: {SHARED}/tools/htmlcompare.py not found")
        return 0
    sys.path.insert(0, str(SHARED / "tools"))
    from media_case_runner import score_cases

    results = score_cases()
    faithful = [r for r in results if r[1]["faithful"]]
    print(f"media cases: faithful {len(faithful)}/{len(results)} ({100 * len(faithful) / len(results):.1f}%)")
    for case, report, actual in results:
        if not report["faithful"]:
            scores = {k: report[k] for k in ("text", "blocks", "links", "ids")}
            print(f"  {case['group']}: {case['name']} {scores}")
            if args.show:
                print(f"    missing={report.get('missing_links')} extra={report.get('extra_links')}")
                print(f"    ours: {actual[:300]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
