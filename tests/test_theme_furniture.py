"""The bundled theme's site furniture from each theme family's config: social links, favicons,
layout family, accent colour, dark mode, and the keys ``check`` says the theme leaves unread."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import Build, build_site, shared_path, write_hexo_site

from pelican_hexo_tags.cli import _print_profile, site_profile
from pelican_hexo_tags.themes import (
    AA_TEXT,
    DarkMode,
    accent_style,
    banner,
    contrast,
    dark_mode,
    favicons,
    layout_family,
    menu_items,
    parse_colour,
    site_furniture,
    social_links,
    text_on,
    theme_path,
    unused_theme_keys,
)

# Tiny configs in each theme's own shape (the keys and value forms of its _config.yml).
NEXT = yaml.safe_load("""
scheme: Gemini
darkmode: false
favicon:
  small: /images/favicon-16x16.png
  medium: /images/favicon-32x32.png
  apple_touch_icon: /images/apple-touch-icon.png
social:
  GitHub: https://github.com/ann || fab fa-github
  E-Mail: mailto:ann@example.com || fa fa-envelope
  Weibo:
social_icons:
  enable: true
""")
BUTTERFLY = yaml.safe_load("""
favicon: /img/favicon.png
social:
  fab fa-github: https://github.com/bob || Github || '#24292e'
  fas fa-envelope: mailto:bob@example.com || Email || '#4a7dbe'
  fab fa-weibo: https://weibo.com/bob
theme_color:
  enable: true
  main: "#49B1F5"
darkmode:
  enable: true
  button: false
  autoChangeMode: 1
""")
FLUID = yaml.safe_load("""
favicon: /img/fluid.png
apple_touch_icon: /img/fluid-touch.png
dark_mode:
  enable: false
  default: dark
color:
  navbar_bg_color: "#2f4154"
  post_link_color: "#0366d6"
  post_link_color_dark: "#1589e9"
  link_hover_color: "#30a9de"
index:
  banner_img: https://example.com/banner.jpg
  slogan:
    enable: true
    text: A slogan
about:
  icons:
    - { class: "iconfont icon-github-fill", link: "https://github.com/cat", tip: "GitHub" }
    - { class: "iconfont icon-zhihu-fill", link: "https://www.zhihu.com/people/cat" }
    - { class: "iconfont icon-wechat-fill", qrcode: "/img/wechat.png" }
""")
AYER = yaml.safe_load("""
menu:
  主页: /
  归档: /archives
subtitle:
  enable: true
  text: 面朝大海，春暖花开
favicon: /favicon.ico
logo: /images/ayer-side.svg
rss: /atom.xml
darkmode: false
since: 2015
icp:
  enable: true
  url: "https://beian.miit.gov.cn/"
  text: "浙ICP备88888888"
""")
STELLAR = yaml.safe_load("""
sidebar:
  menu:
    post: '[btn.blog](/)'
    wiki: '[btn.wiki](/wiki/)'
    about: '[关于](/about/)'
footer:
  social:
    github:
      icon: '<img src="https://example.com/github.svg"/>'
      url: https://github.com/dan
    darkmode-switch:
      icon: '<img src="/img/half-moon.svg"/>'
      url: javascript:darkmode.next()
style:
  darkmode: always
  color:
    theme: 'hsl(192 98% 55%)'
    link: 'hsl(207 90% 54%)'
""")
LANDSCAPE = yaml.safe_load("""
menu:
  Home: /
  Archives: /archives
rss: /atom.xml
favicon: /favicon.png
sidebar: right
""")

LIGHT_GROUNDS = ("#f6f7f9", "#ffffff")
DARK_GROUNDS = ("#1e2228", "#16191e")


def _links(settings: dict) -> list[tuple[str, str, str]]:
    return [(link.name, link.url, link.kind) for link in social_links(settings)]


def _icons(settings: dict, config: dict | None = None) -> list[tuple[str, str, str]]:
    return [(icon.rel, icon.url, icon.sizes) for icon in favicons(settings, config or {})]


def _accent(theme: str, settings: dict) -> dict[str, str]:
    style = accent_style(theme, settings)
    return dict(part.split(":", 1) for part in style.split(";")) if style else {}


# --- social links -------------------------------------------------------------------------------


def test_next_social_is_name_url_icon() -> None:
    assert _links(NEXT) == [
        ("GitHub", "https://github.com/ann", "github"),
        ("E-Mail", "mailto:ann@example.com", "email"),
    ]
    # A name that starts like Font Awesome's prefixes is still a name.
    fab = {"social": {"Fab Lab": "https://fablab.example/ann || fa fa-flask"}}
    assert _links(fab) == [("Fab Lab", "https://fablab.example/ann", "")]


def test_butterfly_social_is_icon_url_name_and_names_a_nameless_one_from_its_icon() -> None:
    assert _links(BUTTERFLY) == [
        ("Github", "https://github.com/bob", "github"),
        ("Email", "mailto:bob@example.com", "email"),
        ("Weibo", "https://weibo.com/bob", "weibo"),
    ]


def test_fluid_about_icons_with_a_link_and_the_tip_or_icon_as_name() -> None:
    # The WeChat entry is a QR code without a link: nothing to link to.
    assert _links(FLUID) == [
        ("GitHub", "https://github.com/cat", "github"),
        ("Zhihu", "https://www.zhihu.com/people/cat", "zhihu"),
    ]


def test_stellar_footer_social_leaves_its_javascript_switch_out() -> None:
    assert _links(STELLAR) == [("github", "https://github.com/dan", "github")]


@pytest.mark.parametrize("settings", [AYER, LANDSCAPE], ids=["ayer", "landscape"])
def test_ayer_and_landscape_have_their_rss_link(settings: dict) -> None:
    assert _links(settings) == [("RSS", "atom.xml", "rss")]


# --- favicons -----------------------------------------------------------------------------------


def test_favicons_of_each_theme() -> None:
    assert _icons(NEXT) == [
        ("icon", "images/favicon-16x16.png", "16x16"),
        ("icon", "images/favicon-32x32.png", "32x32"),
        ("apple-touch-icon", "images/apple-touch-icon.png", ""),
    ]
    assert _icons(BUTTERFLY) == [("icon", "img/favicon.png", "")]
    assert _icons(FLUID) == [("icon", "img/fluid.png", ""), ("apple-touch-icon", "img/fluid-touch.png", "")]
    assert _icons(AYER) == [("icon", "favicon.ico", "")]
    assert _icons(LANDSCAPE) == [("icon", "favicon.png", "")]
    # Stellar reads the site's own favicon: in _config.yml.
    assert _icons(STELLAR, {"favicon": "https://cdn.example.com/favicon.ico"}) == [
        ("icon", "https://cdn.example.com/favicon.ico", "")
    ]
    assert _icons({}) == []


def test_a_local_favicon_the_build_does_not_publish_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "fluid.png").write_bytes(b"\x89PNG")
    published = {"PATH": str(tmp_path), "STATIC_PATHS": [""]}
    # Fluid's apple_touch_icon is not in the site: Fluid's own folder holds it.
    assert [(i.rel, i.url) for i in favicons(FLUID, {}, published)] == [("icon", "img/fluid.png")]
    assert favicons(FLUID, {}, {**published, "STATIC_PATHS": ["images"]}) == []
    remote = {"favicon": "https://cdn.example.com/favicon.ico"}
    assert [i.url for i in favicons(remote, {}, published)] == ["https://cdn.example.com/favicon.ico"]


# --- layout family ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("theme", "settings", "family"),
    [
        ("next", NEXT, "layout-left"),
        ("next", {"scheme": "Pisces", "sidebar": {"position": "right"}}, "layout-right"),
        ("next", {"scheme": "Mist"}, "layout-top"),
        ("next", {}, "layout-top"),  # NexT's default scheme is Muse
        ("hexo-theme-next", {"scheme": "Gemini"}, "layout-left"),
        ("butterfly", BUTTERFLY, "layout-right"),
        ("butterfly", {"aside": {"position": "left"}}, "layout-left"),
        ("butterfly", {"aside": {"enable": False}}, "layout-top"),
        ("fluid", FLUID, "layout-banner"),
        ("ayer", AYER, "layout-left"),
        ("stellar", STELLAR, "layout-left"),
        ("landscape", LANDSCAPE, "layout-banner"),
        ("yun", {}, "layout-left"),
        ("", {}, "layout-left"),
    ],
)
def test_layout_family_from_the_theme_name(theme: str, settings: dict, family: str) -> None:
    assert layout_family(theme, settings) == family


def test_fluid_banner_takes_an_https_image_and_its_slogan() -> None:
    found = banner("fluid", FLUID, {})
    assert found is not None
    assert (found.slogan, found.background) == ("A slogan", 'url("https://example.com/banner.jpg")')
    assert banner("next", NEXT, {}) is None
    # landscape's banner image is in the theme's own stylesheet: no picture, no slogan.
    assert banner("landscape", LANDSCAPE, {}) is not None
    plain_http = {"index": {"banner_img": "http://example.com/banner.jpg"}}
    assert banner("fluid", plain_http, {}).background == ""


def test_fluid_banner_takes_a_local_image_only_when_the_build_publishes_it(tmp_path: Path) -> None:
    (tmp_path / "content" / "img").mkdir(parents=True)
    settings = {"PATH": str(tmp_path / "content"), "STATIC_PATHS": ["img"], "SITEURL": "/blog"}
    local = {"index": {"banner_img": "/img/banner.jpg", "slogan": {"enable": False, "text": "hidden"}}}
    assert banner("fluid", local, settings).background == ""
    (tmp_path / "content" / "img" / "banner.jpg").write_bytes(b"\xff\xd8")
    found = banner("fluid", local, settings)
    assert (found.slogan, found.background) == ("", 'url("/blog/img/banner.jpg")')
    # Pelican's default STATIC_PATHS (images/) would not copy it.
    assert banner("fluid", local, {**settings, "STATIC_PATHS": ["images"]}).background == ""
    quoted = {"index": {"banner_img": 'https://example.com/a").b(\\.jpg'}}
    assert banner("fluid", quoted, settings).background == 'url("https://example.com/a%22%29.b%28%5C.jpg")'


# --- accent colour ------------------------------------------------------------------------------


def test_parse_colour_reads_the_forms_themes_write() -> None:
    assert parse_colour("#49B1F5") == (0x49, 0xB1, 0xF5)
    assert parse_colour("#fff") == (255, 255, 255)
    assert parse_colour("rgb(10, 20, 30)") == (10, 20, 30)
    assert parse_colour("rgba(10 20 30 / .5)") == (10, 20, 30)
    assert parse_colour("hsl(0 100% 50%)") == (255, 0, 0)
    assert parse_colour("hsl(120, 100%, 25%)") == (0, 128, 0)
    assert parse_colour("transparent") is None and parse_colour("#12") is None
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert text_on((255, 255, 0)) == "#000000" and text_on((0, 0, 128)) == "#ffffff"


@pytest.mark.parametrize(
    ("theme", "settings", "source"),
    [
        ("butterfly", BUTTERFLY, "#49B1F5"),
        ("fluid", FLUID, "#0366d6"),
        ("stellar", STELLAR, "hsl(207 90% 54%)"),
        ("stellar", {"style": {"color": {"theme": "#ffcc00"}}}, "#ffcc00"),
        ("butterfly", {"theme_color": {"main": "#fefefe"}}, "#fefefe"),
    ],
)
def test_accent_passes_aa_as_link_text_and_under_its_own_text(theme: str, settings: dict, source: str) -> None:
    accent = _accent(theme, settings)
    light, dark = parse_colour(accent["--theme-accent"]), parse_colour(accent["--theme-accent-dark"])
    for ground in LIGHT_GROUNDS:
        assert contrast(light, parse_colour(ground)) >= AA_TEXT
    for ground in DARK_GROUNDS:
        assert contrast(dark, parse_colour(ground)) >= AA_TEXT
    assert contrast(light, parse_colour(accent["--theme-accent-fg"])) >= AA_TEXT
    assert contrast(dark, parse_colour(accent["--theme-accent-dark-fg"])) >= AA_TEXT
    # A colour that already passes is kept as the theme wrote it.
    if contrast(parse_colour(source), (0xF6, 0xF7, 0xF9)) >= AA_TEXT:
        assert accent["--theme-accent"] == "#{:02x}{:02x}{:02x}".format(*parse_colour(source))


def test_fluid_dark_accent_is_its_own_dark_link_colour() -> None:
    accent = _accent("fluid", FLUID)
    # #1589e9 reads 4.40:1 on the dark cards (#1e2228): one step of 1/40 toward white gives 4.55:1.
    assert (accent["--theme-accent"], accent["--theme-accent-dark"]) == ("#0366d6", "#1b8cea")


@pytest.mark.parametrize(
    ("theme", "settings"),
    [
        ("next", {"theme_color": {"light": "#222", "dark": "#222"}}),
        ("ayer", AYER),
        ("landscape", LANDSCAPE),
        ("butterfly", {"theme_color": {"enable": False, "main": "#49B1F5"}}),
    ],
)
def test_themes_without_an_accent_keep_the_bundled_one(theme: str, settings: dict) -> None:
    assert accent_style(theme, settings) == ""


def test_an_unreadable_colour_is_a_warning_naming_the_file(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert accent_style("butterfly", {"theme_color": {"main": "bluish"}}, "_config.butterfly.yml") == ""
    assert "_config.butterfly.yml: theme_color.main 'bluish'" in caplog.text


# --- dark mode ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("theme", "settings", "expected"),
    [
        ("fluid", FLUID, DarkMode(False, True, "dark")),
        ("fluid", {"dark_mode": {"enable": True, "default": "light"}}, DarkMode(True, True, "light")),
        ("fluid", {}, DarkMode()),
        ("next", NEXT, DarkMode(enabled=False)),
        ("next", {"darkmode": True}, DarkMode()),
        ("butterfly", BUTTERFLY, DarkMode(True, False, "auto")),
        ("butterfly", {"darkmode": {"enable": False}}, DarkMode(enabled=False)),
        ("butterfly", {"darkmode": {"autoChangeMode": False}, "display_mode": "dark"}, DarkMode(True, True, "dark")),
        ("ayer", AYER, DarkMode(enabled=False)),
        ("stellar", STELLAR, DarkMode(True, False, "dark")),
        ("stellar", {"style": {"darkmode": False}}, DarkMode(enabled=False)),
        ("stellar", {"style": {"darkmode": "auto"}}, DarkMode(True, False, "auto")),
        ("stellar", {"style": {"darkmode": "switch"}}, DarkMode()),
        ("landscape", LANDSCAPE, DarkMode()),
    ],
)
def test_dark_mode_of_each_theme(theme: str, settings: dict, expected: DarkMode) -> None:
    found = dark_mode(theme, settings)
    assert found == expected
    assert found.has_toggle == (expected.enabled and expected.toggle)
    assert found.mode == (expected.default if expected.enabled else "off")


# --- menu, avatar, subtitle and footer of the two themes furniture read less of before ----------


def test_stellar_menu_is_its_sidebar_menu_of_markdown_links() -> None:
    assert [(m.name, m.url) for m in menu_items(STELLAR, "zh-CN")] == [
        ("文章", ""),
        ("项目", "wiki/"),
        ("关于", "about/"),
    ]
    assert [m.name for m in menu_items(STELLAR, "en")] == ["Blog", "Wiki", "关于"]


def test_ayer_logo_typed_subtitle_and_icp_line(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("theme: ayer\ntitle: T\n", encoding="utf-8")
    (tmp_path / "_config.ayer.yml").write_text(
        yaml.safe_dump(AYER, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    found = site_furniture({"HEXO_CONFIG": str(tmp_path / "_config.yml")})
    assert (found.avatar, found.subtitle, found.since, found.beian) == (
        "images/ayer-side.svg",
        "面朝大海，春暖花开",
        "2015",
        "浙ICP备88888888",
    )
    assert (found.layout, found.dark_mode.mode, [s.name for s in found.social]) == ("layout-left", "off", ["RSS"])


# --- check: the theme keys nothing here reads ---------------------------------------------------


def test_unused_theme_keys_are_the_top_level_keys_nothing_reads() -> None:
    settings = {**FLUID, "web_analytics": {}, "fun_features": {}, "menu": {}}
    assert unused_theme_keys(settings) == ["fun_features", "web_analytics"]
    # Fluid's banner: (parallax, random images) and NexT's social_icons: (icons only) change nothing here.
    assert unused_theme_keys({"banner": {"parallax": True}, "social_icons": {"enable": True}}) == [
        "banner",
        "social_icons",
    ]


def test_check_names_the_unused_theme_keys_after_the_theme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "_config.yml").write_text("theme: butterfly\n", encoding="utf-8")
    keys = {f"unused_{n:02}": True for n in range(33)}
    (tmp_path / "_config.butterfly.yml").write_text(yaml.safe_dump({**BUTTERFLY, **keys}), encoding="utf-8")
    profile = site_profile(tmp_path)
    assert profile is not None and profile["theme_keys_unused"] == sorted(keys)
    _print_profile(profile)
    lines = capsys.readouterr().out.splitlines()
    shown = ", ".join(sorted(keys)[:30])
    assert lines[1] == f"theme config keys the plugin's theme does not use (33): {shown} and 3 more"


# --- built pages --------------------------------------------------------------------------------


def _soup(build: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(path), "html.parser")


@pytest.fixture(scope="module")
def butterfly_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("butterfly-site")
    post = "---\ntitle: One\ndate: 2024-01-01 10:00:00\n---\nWords.\n"
    settings = write_hexo_site(
        root,
        {"one.md": post},
        "title: Small\nlanguage: en\ntheme: butterfly\nauthor: Bob\n",
        f"THEME = {theme_path()!r}\nSITENAME = 'Small'\nDEFAULT_LANG = 'en'\nSTATIC_PATHS = ['img']\n",
    )
    (root / "content" / "img").mkdir()
    (root / "content" / "img" / "favicon.png").write_bytes(b"\x89PNG")
    (root / "_config.butterfly.yml").write_text(yaml.safe_dump(BUTTERFLY, sort_keys=False), encoding="utf-8")
    return build_site(settings, root / "output")


def test_built_page_carries_the_look_of_its_theme_config(butterfly_site: Build) -> None:
    soup = _soup(butterfly_site, "2024/01/01/one/index.html")
    html = soup.select_one("html")
    assert html["data-dark-mode"] == "auto" and not html.has_attr("data-theme")
    assert html["style"].startswith("--theme-accent:#")
    assert "layout-right" in soup.select_one("body")["class"]
    assert [(link["rel"], link["href"]) for link in soup.select("head link[rel=icon]")] == [
        (["icon"], "/img/favicon.png")
    ]
    assert (butterfly_site.output / "img" / "favicon.png").is_file()
    assert [(a.get_text(), a["href"]) for a in soup.select("nav.rail-social a")] == [
        ("Github", "https://github.com/bob"),
        ("Email", "mailto:bob@example.com"),
        ("Weibo", "https://weibo.com/bob"),
    ]
    # darkmode.button: false: dark mode follows the system, with no button.
    assert soup.select_one("button.theme-toggle") is None
    assert soup.select_one(".banner") is None
    assert butterfly_site.messages(logging.ERROR) == []


@pytest.fixture(scope="module")
def billhu_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    from pelican_hexo_tags.cli import main

    source = shared_path("corpus", "billhu0__billhu-hexo-blog")
    site = tmp_path_factory.mktemp("billhu") / "site"
    assert main(["import", str(source), str(site), "--link"]) == 0
    # The corpus holds the blog's posts and pages, not its source/img/: its favicon, as the blog has one.
    (site / "content" / "img").mkdir()
    (site / "content" / "img" / "favicon.png").write_bytes(b"\x89PNG")
    return build_site(site / "pelicanconf.py", site / "output", THEME=theme_path())


def test_billhu0s_fluid_config_gives_its_social_links_favicon_and_banner(billhu_build: Build) -> None:
    """billhu0's _config.fluid.yml: two about.icons, /img/favicon.png, Fluid's banner with its slogan."""
    soup = _soup(billhu_build, "index.html")
    assert [(a.get_text(), a["href"]) for a in soup.select("nav.rail-social a")] == [
        ("GitHub", "https://github.com/billhu0"),
        ("Linkedin", "https://www.linkedin.com/in/billhu-cmu"),
    ]
    assert [(link["rel"], link["href"]) for link in soup.select("head link[rel]") if "icon" in link["rel"][-1]] == [
        (["icon"], "./img/favicon.png"),  # the import's relative SITEURL, for local work
        (["apple-touch-icon"], "./img/favicon.png"),
    ]
    assert "layout-banner" in soup.select_one("body")["class"]
    found = soup.select_one(".banner")
    assert found.select_one(".banner-slogan").get_text() == "!My heart is not in the work..."
    # Its banner_img /img/default.png is Fluid's own file, which the blog does not hold: no picture asked for.
    assert not found.has_attr("style")
    # dark_mode: enable true, default auto; post_link_color #0366d6 passes AA as written.
    html = soup.select_one("html")
    assert html["data-dark-mode"] == "auto" and soup.select_one("button.theme-toggle") is not None
    assert "--theme-accent:#0366d6;" in html["style"]
