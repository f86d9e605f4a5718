"""The landscape media/admonition cases real Hexo rendered (tests/fixtures/media_tag_cases.json)."""

from __future__ import annotations

import sys

import pytest
from conftest import shared_path
from media_case_runner import load_cases, render_case

# Cases known to differ from Hexo, with why (docs/media-and-math.md lists them too).
KNOWN_UNFAITHFUL = {
    "two vjs2 tags in one post (counter)": "poster=key needs video.js's key.png, which is not shipped",
}
CASES = load_cases()


@pytest.fixture(scope="module")
def compare():
    sys.path.insert(0, str(shared_path("tools")))
    from htmlcompare import compare

    return compare


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case_is_faithful(case, compare):
    report = compare(case["expected"], render_case(case))
    if case["name"] in KNOWN_UNFAITHFUL:
        pytest.xfail(KNOWN_UNFAITHFUL[case["name"]])
    assert report["faithful"], report


def test_fixture_covers_every_landscape_group():
    groups = {c["group"] for c in CASES}
    assert {"bilibili", "vjs2", "dplayer", "aplayer", "pdf", "admonition"} <= groups
    assert len(CASES) == 28
