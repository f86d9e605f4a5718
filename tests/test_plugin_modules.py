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


def test_lazyload_on_every_page_loads_its_own_scripts_from_the_site(tmp_path: Path) -> None:
    from test_plugins import start_tags

    from pelican_hexo_tags.plugins.hexo_lazyload_image import DEFAULT_LOADING_IMAGE

    # Without onlypost the package rewrites whole pages, and `lazyimage: no` is not read.
    post = "---\ntitle: Eager\ndate: 2021-01-02\nlazyimage: no\n---\nNot lazy: ![a](/img/a.png).\n"
    config = "url: https://blog.example\nlazyload:\n  enable: true\n  isSPA: true\n  preloadRatio: 3\n"
    settings = write_hexo_site(tmp_path, {"eager.md": post}, config)
    (tmp_path / "package.json").write_text('{"dependencies": {"hexo-lazyload-image": "^1.1.3"}}', encoding="utf-8")
    build = build_site(settings, tmp_path / "output")
    (article,) = build.articles
    # What hexo-lazyload-image 1.1.3 wrote in that page's body (hexo-oracle --site).
    hexo = f'<p>Not lazy: <img src="{DEFAULT_LOADING_IMAGE}" data-original="/img/a.png" alt="a">.</p>'
    assert start_tags(article.content) == start_tags(hexo)
    assert "isSPA: true, preloadRatio: 3" in article.content
    page = (tmp_path / "output" / article.save_as).read_text(encoding="utf-8")
    head = page.split("</head>")[0]
    scripts = [name for name in ("1-setting.js", "2-third-party-fix.js", "3-simple-lazyload.js") if name in head]
    assert scripts == ["1-setting.js", "2-third-party-fix.js", "3-simple-lazyload.js"]
    assert (tmp_path / "output" / "hexo-tags" / "lazyload" / "3-simple-lazyload.js").is_file()
    assert "lazyload.css" in head and "://" not in "".join(line for line in head.split("<") if "lazyload" in line)


def test_hide_posts_builds_a_hidden_post_at_its_url_and_lists_it_nowhere(tmp_path: Path) -> None:
    posts = {
        "secret.md": "---\ntitle: Secret\ndate: 2021-01-01\nsecret: true\n---\nOnly by its URL.\n",
        "public.md": "---\ntitle: Public\ndate: 2021-01-02\n---\nListed.\n",
        "plain.md": "---\ntitle: Plain\ndate: 2021-01-03\nsecret: yes\n---\nListed too.\n",
    }
    settings = write_hexo_site(tmp_path, posts, "url: https://blog.example\nhide_posts:\n  filter: secret\n")
    (tmp_path / "package.json").write_text('{"dependencies": {"hexo-hide-posts": "^0.4.3"}}', encoding="utf-8")
    build = build_site(settings, tmp_path / "output")
    (hidden,) = build.hidden
    assert hidden.title == "Secret"
    assert hidden.content.endswith("<!-- flag of hidden posts -->")
    assert (tmp_path / "output" / hidden.save_as).is_file()
    assert sorted(a.title for a in build.articles) == ["Plain", "Public"]
    # The package's flag follows JavaScript truthiness; its list query wants `true` itself.
    assert next(a for a in build.articles if a.title == "Plain").content.endswith("<!-- flag of hidden posts -->")
    index = (tmp_path / "output" / "index.html").read_text(encoding="utf-8")
    assert "Public" in index and "Secret" not in index


def test_without_hide_posts_its_field_is_an_ordinary_key(tmp_path: Path) -> None:
    post = "---\ntitle: Secret\ndate: 2021-01-01\nsecret: true\n---\nListed.\n"
    settings = write_hexo_site(tmp_path, {"secret.md": post}, "hide_posts:\n  filter: secret\n")
    build = build_site(settings, tmp_path / "output")
    assert [a.title for a in build.articles] == ["Secret"] and not build.hidden
    assert "flag of hidden" not in build.articles[0].content
