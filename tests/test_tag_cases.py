"""Hexo 8's 198 tag conformance cases through a real Pelican build (fixtures/hexo_tag_cases.json).

The fixture was converted once from ../shared/reference/hexo-tag-cases.md
(bench/convert_tag_cases.py); docs/tag-cases.md lists the cases we render
differently on purpose, and this test keeps that list honest.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tag_case_harness import CaseResult, load_cases, run_cases

DOCS = Path(__file__).resolve().parent.parent / "docs" / "tag-cases.md"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> list[CaseResult]:
    return run_cases(load_cases(), tmp_path_factory.mktemp("tag-cases"))


def test_every_case_is_there(results: list[CaseResult]) -> None:
    assert len(results) == 198
    assert sum(r.case["throws"] for r in results) == 10


def test_at_least_97_percent_are_faithful(results: list[CaseResult]) -> None:
    faithful = sum(r.faithful for r in results)
    assert faithful / len(results) >= 0.97, [r.case["id"] for r in results if not r.faithful]


def test_the_unfaithful_cases_are_the_documented_ones(results: list[CaseResult]) -> None:
    documented = {int(n) for n in re.findall(r"^\| #(\d+) ", DOCS.read_text(encoding="utf-8"), re.MULTILINE)}
    assert {r.case["id"] for r in results if not r.faithful} == documented


def test_where_hexo_fails_the_build_we_warn_with_file_and_line(results: list[CaseResult]) -> None:
    for result in results:
        if result.case["throws"] and result.faithful:
            assert all(re.search(r"foo\.md:\d+: ", w) for w in result.warnings), result.warnings
