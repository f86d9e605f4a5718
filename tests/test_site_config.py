"""The site config as Hexo reads it: older forms by the site's Hexo version, odd values, package.json."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from conftest import build_site, write_hexo_site

from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.engine import markdown_engine
from pelican_hexo_tags.plugins.hexo import external_links
from pelican_hexo_tags.site.config_keys import js_truthy, normalise_config
from pelican_hexo_tags.site.package_json import parse_version, read_site_package

LINK = '<a href="https://example.org/x">link</a>'
OPENED = '<a target="_blank" rel="noopener" href="https://example.org/x">link</a>'


# Measured with hexo-oracle --site on a one-post site per version (hexo-renderer-marked, a layout
# printing page.content): Hexo 5.4 and 6.3 turn `external_link: true` into {enable: true}; 7.0
# no longer converts it, so `true.enable` is undefined and links stay as written.
@pytest.mark.parametrize(
    ("version", "value", "expected"),
    [
        (None, True, OPENED),
        ((3, 9, 0), True, OPENED),
        ((5, 4, 0), True, OPENED),
        ((6, 3, 0), True, OPENED),
        ((7, 0, 0), True, LINK),
        ((8, 1, 2), True, LINK),
        ((5, 4, 0), False, LINK),
        ((8, 1, 2), False, LINK),
    ],
)
def test_external_link_boolean_reads_as_the_sites_hexo_read_it(version, value, expected) -> None:
    config = HexoConfig({"external_link": value}, hexo_version=version)
    assert external_links(f"<p>{LINK}</p>", config) == f"<p>{expected}</p>"
    assert isinstance(config["external_link"], dict)


def test_external_link_boolean_on_hexo_7_says_it_is_ignored() -> None:
    config = HexoConfig({"external_link": True}, hexo_version=(7, 0, 0))
    assert [p.key for p in config.problems] == ["external_link"]
    assert "Hexo 7 ignores" in config.problems[0].message


# hexo-oracle (Hexo 8.1.2, hexo-renderer-marked 7.0.1) on `"quotes" -- dash... it's URL here.` and a
# `Term\n: Definition` paragraph, with each switch turned off in `marked:`.
MARKED_SOURCE = '"quotes" -- dash... it\'s https://example.org/x here.\n\nTerm\n: Definition\n'
MARKED_ORACLE = {
    "smartypants": '<p>&quot;quotes&quot; -- dash... it&#39;s <a href="https://example.org/x">https://example.org/x</a>'
    " here.</p>\n<dl><dt>Term</dt><dd>Definition</dd></dl>",
    "autolink": "<p>“quotes” – dash… it’s https://example.org/x here.</p>\n<dl><dt>Term</dt><dd>Definition</dd></dl>",
    "descriptionLists": '<p>“quotes” – dash… it’s <a href="https://example.org/x">https://example.org/x</a>'
    " here.</p>\n<p>Term<br>: Definition</p>",
}


@pytest.mark.parametrize("switch", sorted(MARKED_ORACLE))
def test_marked_switches_turned_off_render_as_hexo(switch: str) -> None:
    from htmlcompare import compare

    md, _spec = markdown_engine(HexoConfig({"marked": {switch: False}}))
    report = compare(MARKED_ORACLE[switch], md.render(MARKED_SOURCE))
    assert [report[axis] for axis in ("text", "blocks", "links", "ids")] == [1.0] * 4, report


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("external_link", "yes"),
        ("highlight", True),
        ("marked", "on"),
        ("pretty_urls", 3),
        ("prismjs", ["a"]),
        ("permalink", ["a"]),
        ("permalink", False),
        ("per_page", "many"),
        ("filename_case", 7),
        ("updated_option", "sometimes"),
    ],
)
def test_a_value_of_the_wrong_kind_falls_back_to_hexos_default_and_says_so(key: str, value) -> None:
    default = HexoConfig({})[key]
    config = HexoConfig({key: value})
    assert config[key] == default
    assert [p.key for p in config.problems] == [key]


def test_values_hexo_reads_by_javascripts_rules() -> None:
    config = HexoConfig({"per_page": "5", "post_asset_folder": "no", "tag_map": None, "title": 2024})
    assert config["per_page"] == 5
    # YAML 1.2 keeps `no` as text, and any text is true to Hexo: the post folder is on, with a word about it.
    assert config["post_asset_folder"] is True
    assert [p.key for p in config.problems] == ["post_asset_folder"]
    assert config["tag_map"] == {}
    assert config["title"] == "2024"
    assert [js_truthy(v) for v in ([], {}, "false", 0, "", None, float("nan"))] == [True] * 3 + [False] * 4


def test_older_renderer_and_highlight_forms() -> None:
    assert HexoConfig({"markdown": "commonmark"})["markdown"]["preset"] == "commonmark"
    assert HexoConfig({"highlight": {"enable": False}}, hexo_version=(6, 0, 0))["syntax_highlighter"] == ""
    # Hexo 7 chose with syntax_highlighter only.
    assert HexoConfig({"highlight": {"enable": False}}, hexo_version=(7, 0, 0))["syntax_highlighter"] == "highlight.js"
    assert HexoConfig({"syntax_highlighter": False})["syntax_highlighter"] == ""
    assert HexoConfig({"use_date_for_updated": True})["updated_option"] == "date"


def test_nested_fields_are_read_too() -> None:
    merged, problems = normalise_config({"highlight": {"line_threshold": "x", "exclude_languages": "bash"}})
    assert merged["highlight"]["line_threshold"] == 0
    assert merged["highlight"]["exclude_languages"] == ["bash"]
    assert [p.key for p in problems] == ["highlight.line_threshold"]


def test_the_hexo_version_comes_from_package_json(tmp_path: Path) -> None:
    assert parse_version("^5.4.0") == (5, 4, 0)
    assert parse_version("~6") == (6, 0, 0)
    assert parse_version("latest") is None
    (tmp_path / "package.json").write_text(
        json.dumps({"dependencies": {"hexo": "^6.3.0", "hexo-renderer-marked": "*"}})
    )
    assert read_site_package(str(tmp_path)).hexo_version == (6, 3, 0)
    assert read_site_package(str(tmp_path)).plugins == ("hexo-renderer-marked",)
    # Hexo records the version that last ran the site; that beats the range.
    (tmp_path / "package.json").write_text(json.dumps({"hexo": {"version": "7.1.1"}, "dependencies": {"hexo": "^6"}}))
    assert read_site_package(str(tmp_path)).hexo_version == (7, 1, 1)
    assert HexoConfig({}, source_root=str(tmp_path)).hexo_version == (7, 1, 1)
    # What the lock installs is what a deploy ran; that beats the record.
    lock = {"packages": {"node_modules/hexo": {"version": "6.2.0"}}}
    (tmp_path / "package-lock.json").write_text(json.dumps(lock))
    assert read_site_package(str(tmp_path)).hexo_version == (6, 2, 0)
    (tmp_path / "package-lock.json").unlink()
    (tmp_path / "package.json").write_text("{not json")
    assert read_site_package(str(tmp_path)).hexo_version is None


def test_corpus_blog_versions(tmp_path: Path) -> None:
    from conftest import shared_path

    # The Hexo each blog's own build ran (the oracle installs from the blog's lock, else its ranges).
    for blog in (path for path in shared_path("corpus").iterdir() if path.is_dir()):
        ran = json.loads((blog / "hexo-oracle-site.json").read_text(encoding="utf-8"))["_oracle"]["hexo_version"]
        assert read_site_package(str(blog)).hexo_version[0] == int(ran.split(".")[0]), blog.name


def test_a_build_reports_config_problems_with_file_and_line(tmp_path: Path) -> None:
    settings = write_hexo_site(
        tmp_path,
        {"a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nA [link](https://example.org/x).\n"},
        "title: Blog\nurl: https://blog.example\nexternal_link: true\nper_page: lots\n",
    )
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"hexo": "^5.4.0"}}))
    build = build_site(settings, tmp_path / "output")
    warnings = [m for m in build.messages(logging.WARNING) if "_config.yml" in m]
    assert any(":4: per_page is 'lots'" in m for m in warnings), warnings
    page = build.page("2020/01/01/a/index.html")
    # Hexo 5 read `external_link: true` as on.
    assert 'target="_blank"' in page


def test_markdown_it_plus_leaves_image_paths_as_written(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"hexo-renderer-markdown-it-plus": "^1"}}))
    assert HexoConfig({}, source_root=str(tmp_path)).prepend_root is False
    assert HexoConfig({}).prepend_root is True


def test_render_html_false_escapes_raw_html_and_the_tags_still_render(tmp_path: Path) -> None:
    # With `typographer` on, markdown-it turns the `--` of Hexo's own stand-ins into en dashes and
    # Hexo printed them as text (`&lt;!–swig￼2–&gt;`, seen with hexo-oracle); here the tag renders.
    # tests/fixtures/plugins/hexo-renderer-markdown-it holds the case where Hexo rendered it right.
    settings = write_hexo_site(
        tmp_path,
        {"a.md": "---\ntitle: a\ndate: 2021-01-01\n---\nSome <b>bold</b> -- and {% link site https://a.example %}\n"},
        "markdown:\n  render:\n    html: false\n",
    )
    (article,) = build_site(settings, tmp_path / "output").articles
    assert article.content.strip() == (
        '<p>Some &lt;b&gt;bold&lt;/b&gt; – and <a href="https://a.example/" title="" target="">site</a></p>'
    )


# hexo-oracle: Hexo 8.1.2 + hexo-renderer-marked 7 (single post) and Hexo 7.3 + hexo-renderer-marked 6.3 (--site).
ENCODE_POST = (
    "A [q](https://a.example/index.php?threads/x.1/post-2) and [u](https://例子.example/路径?x=中).\n\n"
    "{% link t https://a.example/index.php?threads/x.1/post-2 %}\n"
)
MARKED_LINKS = (
    '<p>A <a href="https://a.example/index.php?threads/x.1/post-2">q</a> and '
    '<a href="https://例子.example/%E8%B7%AF%E5%BE%84?x=%E4%B8%AD">u</a>.</p>\n'
)


@pytest.mark.parametrize(
    ("hexo", "link_tag"),
    [
        ("8.1.2", '<a href="https://a.example/index.php?threads%2Fx.1%2Fpost-2=" title="" target="">t</a>'),
        ("7.3.0", '<a href="https://a.example/index.php?threads/x.1/post-2" title="" target="">t</a>'),
    ],
)
def test_urls_are_encoded_by_the_hexo_util_the_site_ran(tmp_path: Path, hexo: str, link_tag: str) -> None:
    # Tags use Hexo's own hexo-util (4 from Hexo 8: the query through URLSearchParams); marked's
    # links its renderer's (3 or 2: the query as written, the host in Unicode).
    # external_link changes whole pages after the post.content the oracle holds.
    post = {"e.md": f"---\ntitle: e\ndate: 2021-01-01\n---\n{ENCODE_POST}"}
    settings = write_hexo_site(tmp_path, post, "external_link:\n  enable: false\n")
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"hexo": f"^{hexo}"}}), encoding="utf-8")
    (article,) = build_site(settings, tmp_path / "output").articles
    assert article.content == MARKED_LINKS + link_tag + "\n"
