"""Run the ``landscape:`` media/admonition cases of theme-tag-cases.md through the real pipeline.

Shared by ``tests/test_media_cases.py`` and ``bench/media_cases.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.pipeline import PostEnvironment, render_post
from pelican_hexo_tags.registry import registry_with_user_tags

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "media_tag_cases.json"
# The oracle ran upstream hexo-tag-bilibili; the plugin's default is the Sora blog's responsive patch.
GROUP_SETTINGS: dict[str, dict[str, Any]] = {"bilibili": {"HEXO_BILIBILI_STYLE": "fixed"}}
ORACLE_CONFIG = {
    "url": "http://example.com",
    "timezone": "UTC",
    "permalink": ":year/:month/:day/:title/",
    "post_asset_folder": True,
    "aplayer": {"asset_inject": False, "meting": True},
}


def load_cases() -> list[dict[str, str]]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]


def render_case(case: dict[str, str]) -> str:
    """A case's input as the body of the oracle's ``Hello world`` post, rendered under landscape."""
    env = PostEnvironment(
        source_path="source/_posts/Hello-world.md",
        config=HexoConfig({**ORACLE_CONFIG, "theme": "landscape"}),
        settings=GROUP_SETTINGS.get(case["group"], {}),
        registry=registry_with_user_tags(None),
        metadata={"title": "Hello world"},
        post_path="2024/01/01/Hello-world/",
        asset_url="/2024/01/01/Hello-world/",
        dialect="landscape",
    )
    return render_post(case["input"], env).content


def score_cases() -> list[tuple[dict[str, str], dict[str, Any], str]]:
    """(case, htmlcompare's report, our HTML) for every case; needs htmlcompare on ``sys.path``."""
    from htmlcompare import compare

    results = []
    for case in load_cases():
        actual = render_case(case)
        results.append((case, compare(case["expected"], actual), actual))
    return results
