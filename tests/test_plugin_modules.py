"""Cases of the emulated packages that one fixture site cannot hold (a second permalink, a missing file)."""

from __future__ import annotations

from pathlib import Path

from conftest import build_site, write_hexo_site

from pelican_hexo_tags.plugins.hexo_asset_image import asset_relative


def test_asset_image_leaves_what_the_package_leaves() -> None:
    assert asset_relative("/./images/y.png") is None
    assert asset_relative("/uploads/y.png") is None
    assert asset_relative("https://other.example/x.png") is None
    assert asset_relative("data:image/png;base64,AAAA") is None
    assert asset_relative("/../x.png") == "x.png"
    assert asset_relative("/post/sub/x.png") == "sub/x.png"
    assert asset_relative("/x.png") == "x.png"


def test_asset_image_points_at_the_asset_where_1_0_0_broke_the_link(tmp_path: Path) -> None:
    # With a permalink ending in "/", 1.0.0 wrote /.example//x.png; the file is the post's asset.
    post = '---\ntitle: P\ndate: 2021-01-01\n---\n![a](../x.png) <img src="x.png">\n'
    settings = write_hexo_site(tmp_path, {"p.md": post}, "url: https://blog.example\npost_asset_folder: true\n")
    (tmp_path / "content" / "_posts" / "p").mkdir()
    (tmp_path / "content" / "_posts" / "p" / "x.png").write_bytes(b"")
    (tmp_path / "package.json").write_text('{"dependencies": {"hexo-asset-image": "^1.0.0"}}', encoding="utf-8")
    build = build_site(settings, tmp_path / "output")
    (article,) = build.articles
    assert article.content.count('src="/2021/01/01/p/x.png"') == 2, article.content
    assert not [r for r in build.records if "not in the post" in r.getMessage()]
