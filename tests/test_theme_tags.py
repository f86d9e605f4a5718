"""Theme tag packs (NexT, Butterfly, Fluid, Stellar): output, dialect choice, bundles in pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_site
from theme_case_harness import load_cases, run_cases

from pelican_hexo_tags.assets import asset_markup, bundle_files
from pelican_hexo_tags.config import HexoConfig
from pelican_hexo_tags.pipeline import PostEnvironment, render_post
from pelican_hexo_tags.registry import registry, registry_with_user_tags
from pelican_hexo_tags.tags._theme import mask_nested_blocks
from pelican_hexo_tags.tags.stellar import args_map


def render(body: str, dialect: str | None = "next", config: dict | None = None, metadata: dict | None = None):
    env = PostEnvironment(
        source_path="source/_posts/post.md",
        config=HexoConfig(config or {}),
        settings={},
        registry=registry_with_user_tags(None),
        metadata=metadata if metadata is not None else {"title": "Hello"},
        dialect=dialect,
    )
    rendered = render_post(body, env)
    return rendered.content, [p.message for p in rendered.problems], env.page_state.bundles


# --- the oracle's cases: every next/butterfly/fluid case in theme-tag-cases.md --------------------

_CASES = load_cases()


@pytest.fixture(scope="module")
def case_results(tmp_path_factory: pytest.TempPathFactory) -> dict[int, object]:
    results = run_cases(_CASES, tmp_path_factory.mktemp("theme-cases"))
    return dict(enumerate(results))


@pytest.mark.parametrize("number", range(len(_CASES)), ids=[f"{c['theme']}-{c['name']}" for c in _CASES])
def test_theme_case_is_faithful_to_hexo(case_results, number):
    result = case_results[number]
    assert result.faithful, (result.report, result.html)
    assert not [p for p in result.problems if "unknown tag" in p]


def test_fixture_covers_every_theme_group():
    groups = {(c["theme"], c["group"]) for c in _CASES}
    assert len(_CASES) == 108  # 105 from theme-tag-cases.md, 3 nesting cases from the oracle
    assert {"next", "butterfly", "fluid"} == {theme for theme, _ in groups}
    assert ("butterfly", "flink") in groups and ("fluid", "fold") in groups and ("next", "link-grid") in groups


# --- dialect resolution ------------------------------------------------------------------------------

NOTE = "{% note info %}\nBody.\n{% endnote %}"


def test_note_means_what_the_theme_means():
    assert render(NOTE, "next")[0] == '<div class="note info"><p>Body.</p>\n</div>'
    assert render(NOTE, "butterfly")[0] == '<div class="note info flat"><p>Body.</p>\n</div>'
    assert render(NOTE, "fluid")[0].startswith('<div class="note note-info">\n            <p>Body.</p>')


def test_theme_without_the_tag_falls_back_to_next():
    # Hexo's default theme (landscape) has no note; NexT's meaning is the most common one.
    assert render(NOTE, "landscape")[0] == render(NOTE, "next")[0]
    assert render(NOTE, None)[0] == render(NOTE, "next")[0]


def test_butterfly_fork_uses_butterfly_tags():
    assert 'class="note info flat"' in render(NOTE, "anzhiyu")[0]


def test_theme_only_tags_work_under_any_theme():
    html, problems, _ = render("{% hideToggle Spoiler %}\nHidden.\n{% endhideToggle %}", "next")
    assert html.startswith('<details class="toggle" ><summary class="toggle-button" style="">Spoiler</summary>')
    assert problems == []
    assert render("{% cq %}\nQuote.\n{% endcq %}", "fluid")[0].startswith('<blockquote class="blockquote-center">')
    assert 'class="fold"' in render("{% fold @More %}\nx\n{% endfold %}", "butterfly")[0]


def test_stellar_link_is_a_card_only_under_stellar():
    source = "{% link https://example.org/page %}"
    card, problems, bundles = render(source, "stellar")
    assert card.startswith('<div class="tag-plugin link dis-select"><a class="link-card plain" title="" ')
    assert 'href="https://example.org/page" target="_blank" rel="external nofollow noopener noreferrer"' in card
    assert '<span class="title">https://example.org/page</span>' in card
    assert problems == [] and bundles == {"stellar"}
    plain = render(source, "next")[0]
    assert "tag-plugin" not in plain and 'href="https://example.org/page"' in plain


def test_resolution_table_in_registry():
    for name in ("note", "tabs", "label", "btn", "mermaid"):
        assert registry.lookup(name, "next").dialect == "next"
        assert registry.lookup(name, "butterfly").dialect == "butterfly"
    assert registry.lookup("fold", "next").dialect == "fluid"
    assert registry.lookup("folding", "next").dialect == "stellar"
    assert registry.lookup("link", "stellar").dialect == "stellar"
    assert registry.lookup("link", "butterfly").dialect is None
    assert registry.lookup("note", "stellar").ends is False  # Stellar's note is inline


@pytest.mark.parametrize("dialect", ["next", "butterfly", "fluid", "stellar"])
def test_note_inside_a_fence_stays_text(dialect):
    html, problems, bundles = render("```\n{% note info %}\nText\n{% endnote %}\n```", dialect)
    assert "{% note info %}" in html.replace("&#123;", "{").replace("&#125;", "}")
    assert 'class="note' not in html and "tag-plugin" not in html
    assert problems == [] and not bundles & {"next", "butterfly", "fluid", "stellar"}


def test_unknown_tag_still_warns_and_shows_its_source():
    html, problems, _ = render("Before {% nosuchtag a b %} after.", "butterfly")
    assert "hexo-tag-unrendered" in html and "nosuchtag" in html
    assert problems == ["unknown tag {% nosuchtag %}"]


# --- NexT ---------------------------------------------------------------------------------------------


def test_next_note_with_summary_is_details():
    html = render("{% note danger no-icon Careful **now** %}\nText.\n{% endnote %}")[0]
    assert html.startswith('<details class="note danger no-icon"><summary><p>Careful <strong>now</strong></p>')
    assert html.endswith("<p>Text.</p>\n\n</details>")


def test_next_tabs_ids_active_and_icons():
    body = (
        "{% tabs My Tabs, 2 %}\n<!-- tab One@home -->\nA\n<!-- endtab -->\n"
        "<!-- tab -->\nB\n<!-- endtab -->\n{% endtabs %}"
    )
    html, _, bundles = render(body)
    assert '<div class="tabs" id="my-tabs">' in html
    assert '<li class="tab"><a href="#my-tabs-1"><i class="fa fa-home"></i>One</a></li>' in html
    assert '<li class="tab active"><a href="#my-tabs-2">My Tabs 2</a></li>' in html
    assert '<div class="tab-pane active" id="my-tabs-2"><p>B</p></div>' in html
    assert bundles == {"next"}


def test_next_tab_holding_a_fenced_block_renders_its_code():
    # The fence is cut out of the whole post first, so the tab's body holds only its placeholder.
    body = "{% tabs Config %}\n<!-- tab YAML -->\n```yaml\nkey: true\n```\nText.\n<!-- endtab -->\n{% endtabs %}"
    html, problems, _ = render(body)
    assert problems == []
    assert '<div class="tab-pane active" id="config-1"><figure class="highlight yaml">' in html
    assert "<p>Text.</p>" in html


def test_next_nested_subtabs_keep_their_own_panes():
    body = (
        "{% tabs outer %}\n<!-- tab O1 -->\n{% subtabs inner %}\n<!-- tab I1 -->\nx\n<!-- endtab -->\n"
        "<!-- tab I2 -->\ny\n<!-- endtab -->\n{% endsubtabs %}\n<!-- endtab -->\n<!-- tab O2 -->\nz\n<!-- endtab -->\n"
        "{% endtabs %}"
    )
    html, problems, _ = render(body)
    assert problems == []
    assert html.count('class="tabs"') == 2
    assert re.findall(r'<a href="#([^"]+)">', html) == ["outer-1", "outer-2", "inner-1", "inner-2"]


def test_next_button_label_video_pdf_caniuse():
    assert render("{% btn /a/, Go, fab fa-github, Tip %}")[0] == (
        '<a class="btn" href="/a/" title="Tip"><i class="fab fa-github"></i>Go</a>'
    )
    assert render("{% label warning@Hot %}")[0] == '<mark class="label warning">Hot</mark>'
    assert 'poster="/p.jpg"' in render("{% video /v.mp4 /p.jpg %}")[0]
    assert (
        render("{% pdf /a.pdf 80vh %}")[0]
        == '<div class="pdf-container" data-target="/a.pdf" data-height="80vh"></div>'
    )
    pdf = render("{% pdf /a.pdf %}", config={"theme_config": {"pdf": {"height": "300px"}}})[0]
    assert 'data-height="300px"' in pdf
    assert "feat=grid&periods=current&" in render("{% can grid %}")[0]


def test_next_group_picture_without_layout_is_rows_of_three():
    body = "{% gp %}\n" + "\n".join(f"![](/{i}.png)" for i in range(4)) + "\n{% endgp %}"
    html = render(body)[0]
    assert html.count('<div class="group-picture-row">') == 2
    assert html.count('<div class="group-picture-column">') == 4


# --- Butterfly ----------------------------------------------------------------------------------------


def test_butterfly_note_style_from_theme_config_and_icon():
    html = render(
        "{% note red 'fas fa-fire' %}\nHot.\n{% endnote %}",
        "butterfly",
        {"theme_config": {"note": {"style": "simple"}}},
    )[0]
    assert html.startswith('<div class="note red icon-padding simple"><i class="note-icon fas fa-fire"></i><p>Hot.</p>')


def test_butterfly_hide_inline_and_block_and_label():
    assert render("{% hideInline secret %}", "butterfly")[0] == (
        '<span class="hide-inline"><button type="button" class="hide-button" style="">Click</button>'
        '<span class="hide-content">secret</span></span>'
    )
    block = render("{% hideBlock Show,red %}\nx\n{% endhideBlock %}", "butterfly")[0]
    assert 'style="background-color: red;"' in block and '<div class="hide-content"><p>x</p>' in block
    assert render("{% label hi green %}", "butterfly")[0] == '<mark class="hl-label green">hi</mark>'


def test_butterfly_flink_rejects_bad_yaml_with_a_warning():
    html, problems, _ = render("{% flink %}\n- [unclosed\n{% endflink %}", "butterfly")
    assert "hexo-tag-unrendered" in html
    assert problems and "flink" in problems[0]


def test_butterfly_series_without_a_name_is_empty_with_a_warning():
    html, problems, _ = render("{% series %}", "butterfly")
    assert html == ""
    assert problems == ["{% series %}: no series named, and the post has no `series:` front matter"]
    assert render("{% series %}", "butterfly", metadata={"series": "S"})[0] == "<!--hexo-series:S-->"


# --- Fluid --------------------------------------------------------------------------------------------


def test_fluid_fold_id_is_the_body_md5_and_needs_the_bundle():
    html, _, bundles = render("{% fold info @Open me %}\nFolded **content**.\n{% endfold %}", "fluid")
    assert 'href="#collapse-6cd15b35"' in html and 'id="collapse-6cd15b35"' in html
    assert '<div class="fold-arrow">▶</div>Open me' in html
    assert bundles == {"fluid"}


def test_fluid_checkbox_label_button():
    assert render("{% cb true %}", "fluid")[0] == '<input type="checkbox" disabled checked="checked">'
    assert render("{% label danger @Bad %}", "fluid")[0] == '<span class="label label-danger">Bad</span>'
    assert render("{% btn /x/, X %}", "fluid")[0] == '<a class="btn" href="/x/"  target="_blank">X</a>'


def test_fluid_note_default_class_from_theme_config():
    config = {"theme_config": {"post": {"updated": {"note_class": "warning"}}}}
    assert render("{% note %}\nx\n{% endnote %}", "fluid", config)[0].startswith('<div class="note note-warning">')


# --- Stellar (the Duanyll blog's tags) ----------------------------------------------------------------


def test_stellar_args_map():
    assert args_map(["https://a.b/c", "desc:true"], ["icon", "desc"], ["url", "title"]) == {
        "desc": "true",
        "url": "https://a.b/c",
    }
    assert args_map(["注意", "color:yellow", "more", "words"], ["color"], ["title"]) == {
        "color": "yellow",
        "title": "注意 more words",
    }


def test_stellar_rich_link_card_and_icon():
    html = render("{% link https://example.org/ Example desc:true icon:/i.png %}", "stellar")[0]
    assert '<a class="link-card rich" title="Example" href="https://example.org/"' in html
    assert 'autofill="desc"' in html
    assert 'style="background-image:url(&quot;/i.png&quot;)"' in html
    assert '<div class="bottom"><span class="title">Example</span><span class="cap desc footnote"></span></div>' in html


def test_stellar_box_and_folding():
    box = render("{% box 注意 color:yellow %}\nBody *text*.\n{% endbox %}", "stellar")[0]
    assert box == (
        '<div class="tag-plugin colorful note" color="yellow"><div class="title"><strong><p>注意</p>\n</strong></div>'
        '<div class="body"><p>Body <em>text</em>.</p></div></div>'
    )
    fold = render("{% folding open:true 说明 %}\nHidden.\n{% endfolding %}", "stellar")[0]
    assert fold == (
        '<details class="tag-plugin folding" open><summary><span>说明</span></summary>'
        '<div class="body"><p>Hidden.</p></div></details>'
    )


def test_stellar_swiper_frame_and_inline_note():
    swiper = render("{% swiper width:max %}\n\n![a](/a.png)\n\n![b](/b.png)\n\n{% endswiper %}", "stellar")[0]
    assert swiper.startswith('<div class="tag-plugin swiper" id="swiper-api" width="max"><div class="swiper-wrapper">')
    assert swiper.count('<div class="swiper-slide"><img no-lazy src="/') == 2
    frame = render("{% frame iphone11 img:/s.png Home %}", "stellar")[0]
    assert frame == (
        '<div class="tag-plugin img-wrap"><div class="frame-wrap" id="iphone11">'
        '<img class="img" src="/s.png" alt="Home"/><div class="frame"></div></div>'
        '<span class="image-caption">Home</span></div>'
    )
    note = render("{% note color:red Title Body text %}", "stellar")[0]
    assert note == (
        '<div class="tag-plugin colorful note" color="red"><div class="title">Title</div>'
        '<div class="body"><p>Body text</p></div></div>'
    )


def test_mask_nested_blocks_keeps_unclosed_tags_as_text():
    masked, pieces = mask_nested_blocks("a {% x %} b {% y %}c{% endy %} d")
    assert masked == "a {% x %} b \x000\x00 d"
    assert pieces == ["{% y %}c{% endy %}"]


# --- bundles: published files and the <head> of pages that use them ------------------------------------


def test_every_bundle_ships_css_and_js():
    for bundle in ("next", "butterfly", "fluid", "stellar"):
        files = bundle_files(bundle)
        assert any(f.endswith(".css") for f in files) and any(f.endswith(".js") for f in files), bundle


def test_asset_markup_is_relative_and_skips_bundles_the_page_loads_itself(tmp_path):
    page = tmp_path / "2024" / "01" / "post" / "index.html"
    markup = asset_markup(["fluid"], str(page), str(tmp_path))
    assert markup == (
        '<link rel="stylesheet" href="../../../hexo-tags/fluid/fluid-tags.css">'
        '<script src="../../../hexo-tags/fluid/fluid-tags.js" defer></script>'
    )
    assert asset_markup(["fluid"], str(page), str(tmp_path), '<link href="/hexo-tags/fluid/x.css">') == ""


def _write_site(root: Path) -> Path:
    posts = root / "source" / "_posts"
    posts.mkdir(parents=True)
    (posts / "tabbed.md").write_text(
        "---\ntitle: Tabbed\ndate: 2024-01-02 00:00:00\n---\n"
        "{% tabs Demo %}\n<!-- tab A -->\nAlpha\n<!-- endtab -->\n"
        "<!-- tab B -->\nBeta\n<!-- endtab -->\n{% endtabs %}\n",
        encoding="utf-8",
    )
    (posts / "plain.md").write_text("---\ntitle: Plain\ndate: 2024-01-01 00:00:00\n---\nNothing special.\n")
    (posts / "s1.md").write_text("---\ntitle: Part one\ndate: 2024-01-03 00:00:00\nseries: Guide\n---\n{% series %}\n")
    (posts / "s2.md").write_text("---\ntitle: Part two\ndate: 2024-01-04 00:00:00\nseries: Guide\n---\nTwo.\n")
    config = root / "_config.yml"
    config.write_text("url: http://example.com\npermalink: :title/\ntheme: butterfly\n", encoding="utf-8")
    return config


def _build(tmp_path: Path, **settings):
    config = _write_site(tmp_path / "site")
    return build_site(
        None,
        tmp_path / "output",
        PATH=str(tmp_path / "site" / "source"),
        PLUGINS=["pelican_hexo_tags"],
        HEXO_CONFIG=str(config),
        ARTICLE_PATHS=["_posts"],
        PAGE_PATHS=[],
        TIMEZONE="UTC",
        FEED_ALL_ATOM=None,
        CATEGORY_FEED_ATOM=None,
        **settings,
    )


def test_pages_using_a_bundle_get_it_in_head(tmp_path):
    build = _build(tmp_path)
    css = build.output / "hexo-tags" / "butterfly" / "butterfly-tags.css"
    js = build.output / "hexo-tags" / "butterfly" / "butterfly-tags.js"
    assert css.is_file() and js.is_file()
    assert "tab-item-content" in css.read_text(encoding="utf-8")
    page = build.page("tabbed/index.html")
    head = page[: page.lower().index("</head>")]
    assert '<link rel="stylesheet" href="../hexo-tags/butterfly/butterfly-tags.css">' in head
    assert '<script src="../hexo-tags/butterfly/butterfly-tags.js" defer></script>' in head
    assert '<button type="button" class="tab active">A</button>' in page
    assert "hexo-tags/" not in build.page("plain/index.html")
    # The index shows the tabbed post too, so it needs the bundle as well.
    assert 'href="hexo-tags/butterfly/butterfly-tags.css"' in build.page("index.html")


def test_injection_can_be_turned_off(tmp_path):
    build = _build(tmp_path, HEXO_INJECT_ASSETS=False)
    assert "hexo-tags/" not in build.page("tabbed/index.html")
    # The files are still published for sites that link them themselves.
    assert (build.output / "hexo-tags" / "butterfly" / "butterfly-tags.js").is_file()


def test_series_lists_the_posts_of_the_series(tmp_path):
    build = _build(tmp_path)
    page = build.page("s1/index.html")
    assert (
        '<ul class="series-items"><li><a href="/s1/" title="Part one">Part one</a></li>'
        '<li><a href="/s2/" title="Part two">Part two</a></li></ul>'
    ) in page


@pytest.mark.parametrize(
    ("dialect", "html"),
    [
        ("fluid", '<div class="note note-success">\n<p>a note written as HTML</p>\n</div>'),
        ("next", "<div class='note info'><p>x</p></div>"),
        ("butterfly", '<div class="tabs" id="t"><p>x</p></div>'),
        ("stellar", '<div class="tag-plugin note"><p>x</p></div>'),
    ],
)
def test_theme_markup_written_as_html_gets_the_themes_stylesheet(dialect: str, html: str) -> None:
    # billhu0's Fluid posts write `<div class="note note-success">` themselves: Fluid styled it on every page.
    _, problems, bundles = render(html + "\n", dialect=dialect)
    assert problems == []
    assert dialect in bundles


def test_a_class_that_only_starts_like_theme_markup_needs_no_stylesheet() -> None:
    _, _, bundles = render('<div class="notes">x</div>\n\n<p class="label-free">y</p>\n', dialect="fluid")
    assert "fluid" not in bundles
