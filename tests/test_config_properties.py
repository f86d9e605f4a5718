"""Any value in any config key the plugin reads: every post is still built, at a URL, with its words.

The configs come from tests/fuzz_configs.py; CI runs 500 (``ci`` profile),
``HYPOTHESIS_PROFILE=dev`` 50, and bench/fuzz_config.py the long run.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fuzz_configs import WORDS, FuzzSite, configs
from hypothesis import HealthCheck, given, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]}
settings.register_profile("config-ci", max_examples=500, **_COMMON)
settings.register_profile("config-dev", max_examples=50, **_COMMON)
PROFILE = "config-dev" if os.environ.get("HYPOTHESIS_PROFILE") == "dev" else "config-ci"


def check_every_post(site: FuzzSite, config: dict[str, Any]) -> None:
    """The property, shared with bench/fuzz_config.py."""
    articles = site.read_all(config)
    for name, article in articles.items():
        assert article.url, name
        # Hexo writes a permalink without a slash or extension as a file of that name; so does Pelican.
        parts = PurePosixPath(article.save_as).parts
        assert parts and not article.save_as.startswith("/") and ".." not in parts, (name, article.save_as)
        text = BeautifulSoup(article.content, "html.parser").get_text(" ")
        for word in WORDS[name]:
            assert word in text, (name, word, article.content[:300])
        failed = [p for p in article.metadata.get("hexo_problems", []) if p[2] == "plugin-error"]
        assert not failed, (name, failed)


@pytest.fixture(scope="module")
def fuzz_site(tmp_path_factory: pytest.TempPathFactory) -> FuzzSite:
    return FuzzSite.create(tmp_path_factory.mktemp("config-fuzz"))


@settings(settings.get_profile(PROFILE))
@given(config=configs())
def test_any_config_value_keeps_every_post(fuzz_site: FuzzSite, config: dict[str, Any]) -> None:
    check_every_post(fuzz_site, config)


def test_the_fuzz_site_builds_under_hexo_defaults(tmp_path: Path) -> None:
    site = FuzzSite.create(tmp_path)
    articles = site.read_all({})
    assert articles["first-post.md"].url == "2021/03/04/first-post/"
    assert articles["nested/third.md"].url == "2020/01/02/nested/third/"
    check_every_post(site, {})
