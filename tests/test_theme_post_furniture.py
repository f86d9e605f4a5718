"""Reward, copyright notice and comments under a post: each theme family's keys, and the built pages."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import Build, build_site, write_hexo_site

from pelican_hexo_tags.theme_post_furniture import (
    GISCUS_JS,
    USED_KEYS,
    CommentsSettings,
    comments_settings,
    copyright_settings,
    license_deed,
    post_furniture,
    reward_settings,
)
from pelican_hexo_tags.themes import theme_path


def _config(text: str) -> dict[str, Any]:
    return yaml.safe_load(text)


def _post(**front_matter: Any) -> SimpleNamespace:
    front_matter.setdefault("url", "2024/01/01/a-post/")
    front_matter.setdefault("date", dt.datetime(2024, 1, 1, 10, 0))
    return SimpleNamespace(**front_matter)


# --- comments ---------------------------------------------------------------------------------


def test_next_enabled_blocks_with_comments_active_first() -> None:
    settings = comments_settings(
        _config("""
comments: {style: tabs, active: utterances}
disqus: {enable: true, shortname: my-blog, count: true}
utterances: {enable: true, repo: me/blog-comments, issue_term: title, theme: github-light}
gitalk: {enable: false, github_id: me, repo: r, client_id: a, client_secret: b}
giscus: {enable: false, repo: me/x, repo_id: R_1}
""")
    )
    assert [s.name for s in settings.services] == ["utterances", "disqus"]
    utterances, disqus = settings.services
    assert utterances.script == "https://utteranc.es/client.js"
    assert utterances.attributes == {"repo": "me/blog-comments", "issue-term": "title"}
    assert (utterances.theme_attribute, utterances.theme_light, utterances.theme_dark) == (
        "theme",
        "github-light",
        "github-dark",
    )
    assert disqus.script == "https://my-blog.disqus.com/embed.js"


def test_next_giscus_plugin_block_becomes_giscus_attributes() -> None:
    (giscus,) = comments_settings(
        _config("""
giscus:
  enable: true
  repo: me/blog
  repo_id: R_kgDOABC
  category: Announcements
  category_id: DIC_kwDOABC
  mapping: pathname
  reactions_enabled: 1
  emit_metadata: 0
  lang: en
  loading: lazy
""")
    ).services
    assert giscus.script == GISCUS_JS
    assert giscus.attributes == {
        "data-repo": "me/blog",
        "data-repo-id": "R_kgDOABC",
        "data-category": "Announcements",
        "data-category-id": "DIC_kwDOABC",
        "data-mapping": "pathname",
        "data-reactions-enabled": "1",
        "data-emit-metadata": "0",
        "data-lang": "en",
        "data-loading": "lazy",
    }
    assert (giscus.theme_light, giscus.theme_dark) == ("light", "dark")


def test_butterfly_use_names_up_to_two_services_without_enable() -> None:
    settings = comments_settings(
        _config("""
comments: {use: [Giscus, Twikoo, Waline], lazyload: false}
giscus:
  repo: me/blog
  repo_id: R_1
  category_id: DIC_1
  light_theme: light
  dark_theme: dark_dimmed
  option: {data-lang: zh-CN, data-mapping: title}
twikoo: {envId: https://twikoo.example.com, region: ap-shanghai, visitor: true, option: {lang: zh-CN}}
waline: {serverURL: https://waline.example.com}
""")
    )
    assert [s.name for s in settings.services] == ["giscus", "twikoo"]
    giscus, twikoo = settings.services
    assert giscus.attributes["data-lang"] == "zh-CN"
    assert giscus.attributes["data-mapping"] == "title"
    assert giscus.theme_dark == "dark_dimmed"
    # visitor is Butterfly's own page-view counter, not a Twikoo option.
    assert twikoo.options == {"envId": "https://twikoo.example.com", "region": "ap-shanghai", "lang": "zh-CN"}
    assert twikoo.script.startswith("https://cdn.jsdelivr.net/npm/twikoo@")
    # A comma-separated use: works too; a service Butterfly has but this theme does not is skipped.
    other = comments_settings(
        _config("comments: {use: 'Facebook Comments,Waline'}\nwaline: {serverURL: https://w.example}")
    )
    assert [s.name for s in other.services] == ["waline"]


def test_butterfly_valine_gitalk_and_waline_options() -> None:
    settings = comments_settings(
        _config("""
comments: {use: Valine}
valine: {appId: APP, appKey: KEY, avatar: monsterid, serverURLs: '', bg: '', visitor: false, option: {pageSize: 5}}
""")
    )
    (valine,) = settings.services
    assert valine.options == {"appId": "APP", "appKey": "KEY", "avatar": "monsterid", "pageSize": 5}
    (gitalk,) = comments_settings(
        _config("comments: {use: Gitalk}\ngitalk: {client_id: ID, client_secret: SECRET, repo: talk, owner: me}")
    ).services
    assert gitalk.options == {
        "clientID": "ID",
        "clientSecret": "SECRET",
        "repo": "talk",
        "owner": "me",
        "admin": ["me"],
    }
    assert gitalk.stylesheet.endswith("gitalk.css")


def test_fluid_post_comments_type_and_per_post_comment() -> None:
    config = _config("""
post:
  comments: {enable: true, type: giscus}
giscus:
  repo: me/blog
  repo-id: R_1
  category: General
  category-id: DIC_1
  theme-light: light
  theme-dark: dark
  mapping: pathname
  reactions-enabled: 1
  emit-metadata: 0
  input-position: top
  lang: zh-CN
waline: {serverURL: 'https://waline.example.com', path: window.location.pathname, lang: zh-CN, dark: 'html[x]'}
""")
    settings = comments_settings(config)
    (giscus,) = settings.services
    assert giscus.attributes["data-repo-id"] == "R_1"
    assert giscus.attributes["data-input-position"] == "top"
    # Fluid's per-post `comment: waline` picks another configured service.
    (waline,) = settings.for_post(_post(comment="waline"))
    assert waline.options == {"serverURL": "https://waline.example.com", "lang": "zh-CN"}
    assert settings.for_post(_post(comments=False)) == []
    off = comments_settings(
        _config("post:\n  comments: {enable: false, type: giscus}\n" + "giscus: {repo: a/b, repo-id: R}")
    )
    assert off.services == []


def test_stellar_service_block_under_comments_and_ayer_enable_flags() -> None:
    stellar = comments_settings(
        _config("""
comments:
  service: giscus
  giscus:
    data-repo: me/blog
    data-repo-id: R_1
    data-category-id: DIC_1
    data-theme: preferred_color_scheme
    crossorigin: anonymous
""")
    )
    (giscus,) = stellar.services
    assert giscus.attributes["data-repo"] == "me/blog"
    assert (giscus.theme_light, giscus.theme_dark) == ("preferred_color_scheme", "preferred_color_scheme")
    ayer = comments_settings(
        _config("""
leancloud: {enable: true, app_id: APP, app_key: KEY}
valine: {enable: true, avatar: mp, placeholder: Say something}
twikoo: {enable: false, envId: x}
""")
    )
    (valine,) = ayer.services
    assert valine.options == {"avatar": "mp", "placeholder": "Say something", "appId": "APP", "appKey": "KEY"}


def test_a_half_configured_service_is_left_out() -> None:
    assert comments_settings(_config("giscus: {enable: true, repo: me/blog}")).services == []
    assert comments_settings(_config("utterances: {enable: true, repo: not-a-repo}")).services == []
    assert comments_settings(_config("disqus: {enable: true, shortname: 'bad name'}")).services == []
    assert comments_settings({}).services == []
    assert CommentsSettings().for_post(_post()) == []


# --- reward -----------------------------------------------------------------------------------


def test_next_reward_settings_and_reward_images() -> None:
    settings = reward_settings(
        _config("""
reward_settings: {enable: true, comment: Buy me a tea}
reward: {wechatpay: /images/wechatpay.png, alipay: /images/alipay.png, ko-fi: https://ko-fi.example/qr.png}
"""),
        "en",
    )
    shown = settings.for_post(_post())
    assert shown is not None and shown.text == "Buy me a tea"
    assert [(m.label, m.image) for m in shown.methods] == [
        ("WeChat Pay", "images/wechatpay.png"),
        ("Alipay", "images/alipay.png"),
        ("ko-fi", "https://ko-fi.example/qr.png"),
    ]
    assert settings.for_post(_post(reward=False)) is None
    # NexT merges a post's reward_settings over the theme's.
    assert settings.for_post(_post(reward_settings={"enable": False})) is None
    zh = reward_settings(_config("reward_settings: {enable: true}\nreward: {wechatpay: /w.png}"), "zh-CN")
    assert [m.label for m in zh.methods] == ["微信支付"]
    off = reward_settings(_config("reward_settings: {enable: false}\nreward: {alipay: /a.png}"))
    assert off.for_post(_post()) is None
    assert off.for_post(_post(reward_settings={"enable": True})) is not None


def test_butterfly_reward_qr_codes() -> None:
    settings = reward_settings(
        _config("""
reward:
  enable: true
  text: 请我喝杯咖啡
  QR_code:
    - {img: /img/wechat.jpg, link: '', text: 微信}
    - {img: /img/alipay.jpg, link: https://pay.example/me, text: 支付宝}
""")
    )
    shown = settings.for_post(_post())
    assert shown is not None and shown.text == "请我喝杯咖啡"
    assert [(m.label, m.image, m.link) for m in shown.methods] == [
        ("微信", "img/wechat.jpg", ""),
        ("支付宝", "img/alipay.jpg", "https://pay.example/me"),
    ]
    older = reward_settings(_config("reward: {enable: true, QR: [{img: /q.png, text: wechat}]}"))
    assert [m.image for m in older.methods] == ["q.png"]
    assert reward_settings(_config("reward: {enable: false, QR_code: [{img: /q.png}]}")).for_post(_post()) is None


def test_ayer_reward_type_and_fluid_has_none() -> None:
    every = reward_settings(
        _config(
            "reward_type: 2\nreward_wording: 请我喝杯咖啡吧~\nalipay: /images/alipay.jpg\nweixin: /images/wechat.jpg"
        ),
        "zh-CN",
    )
    assert every.for_post(_post()) is not None
    assert [(m.label, m.image) for m in every.methods] == [
        ("支付宝", "images/alipay.jpg"),
        ("微信支付", "images/wechat.jpg"),
    ]
    assert every.for_post(_post(no_reward=True)) is None
    asking = reward_settings(_config("reward_type: 1\nalipay: /a.jpg"))
    assert asking.for_post(_post()) is None and asking.for_post(_post(reward=True)) is not None
    assert reward_settings(_config("reward_type: 0\nalipay: /a.jpg")).for_post(_post()) is None
    # Fluid has no reward keys: nothing, unless the post asks (then the text alone, with no images).
    fluid = reward_settings(_config("post: {copyright: {enable: true}}"))
    assert fluid.for_post(_post()) is None
    asked = fluid.for_post(_post(reward=True))
    assert asked is not None and asked.methods == []


# --- copyright --------------------------------------------------------------------------------


def test_license_deeds() -> None:
    assert license_deed("by-nc-sa") == ("CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/")
    assert license_deed("BY", "deed.zh") == ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.zh")
    assert license_deed("cc-zero") == ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/")
    assert license_deed("ZERO")[1] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert license_deed("CC BY-SA 4.0")[1] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert license_deed("All rights reserved") == ("All rights reserved", "")


def test_next_creative_commons_on_posts() -> None:
    settings = copyright_settings(
        _config("creative_commons: {license: by-nc-sa, post: true, language: deed.zh}"), "Ann", "https://blog.example"
    )
    notice = settings.for_post(_post(authors=["Bo"]))
    assert notice is not None
    assert (notice.author, notice.link) == ("Bo", "https://blog.example/2024/01/01/a-post/")
    assert (notice.license_name, notice.license_url) == (
        "CC BY-NC-SA 4.0",
        "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.zh",
    )
    assert settings.for_post(_post(copyright=False)) is None
    # An absolute SITEURL is where the post lives; a relative one leaves it to Hexo's url.
    assert settings.for_post(_post(), "https://mirror.example").link == "https://mirror.example/2024/01/01/a-post/"
    assert settings.for_post(_post(authors=[])).author == "Ann"
    assert copyright_settings(_config("creative_commons: {license: by, post: false}")).for_post(_post()) is None


def test_butterfly_post_copyright_and_fluid_copyright() -> None:
    butterfly = copyright_settings(
        _config("""
post_copyright:
  enable: true
  license: CC BY-NC-SA 4.0
  license_url: https://creativecommons.org/licenses/by-nc-sa/4.0/
  author_href: https://me.example
"""),
        "Ann",
        "https://blog.example",
    )
    notice = butterfly.for_post(_post())
    assert notice is not None and notice.author_url == "https://me.example"
    assert notice.license_name == "CC BY-NC-SA 4.0"
    fluid = copyright_settings(
        _config("""
post:
  copyright:
    enable: true
    license: 'BY'
    author: {enable: true}
    post_date: {enable: true, format: LL}
"""),
        "Ann",
        "https://blog.example",
    )
    notice = fluid.for_post(_post())
    assert notice is not None and (notice.license_name, notice.date) == ("CC BY 4.0", "2024-01-01")
    # Fluid: a post's copyright: (or license:) names its own licence.
    assert fluid.for_post(_post(copyright="BY-SA")).license_url == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert fluid.for_post(_post(license="ZERO")).license_name == "CC0 1.0"
    assert copyright_settings(_config("post: {copyright: {enable: false}}")).for_post(_post()) is None


def test_ayer_copyright_type_and_stellar_article_license() -> None:
    assert copyright_settings(_config("copyright_type: 2")).for_post(_post()) is not None
    asking = copyright_settings(_config("copyright_type: 1"))
    assert asking.for_post(_post()) is None and asking.for_post(_post(copyright=True)) is not None
    stellar = copyright_settings(
        _config(
            "article: {license: '本文采用[署名-非商业性使用-相同方式共享 4.0 国际](https://creativecommons.org/licenses/by-nc-sa/4.0/)许可协议'}"
        )
    )
    notice = stellar.for_post(_post())
    assert notice is not None
    assert (notice.license_name, notice.license_url) == (
        "署名-非商业性使用-相同方式共享 4.0 国际",
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    )
    assert copyright_settings({}).for_post(_post()) is None


def test_used_keys_are_dotted_names_of_what_is_read() -> None:
    assert len(USED_KEYS) == len(set(USED_KEYS))
    for key in (
        "comments.use",
        "post.comments.type",
        "reward_settings.enable",
        "creative_commons.license",
        "giscus.repo",
    ):
        assert key in USED_KEYS
    assert all(key and " " not in key for key in USED_KEYS)


def test_post_furniture_reads_the_hexo_config_author_and_url() -> None:
    furniture = post_furniture(
        _config("creative_commons: {license: by, post: true}"), {"author": "Ann", "url": "https://b.example/"}
    )
    assert furniture.any_for(_post())
    notice = furniture.copyright.for_post(_post())
    assert notice is not None and notice.link == "https://b.example/2024/01/01/a-post/"
    assert not post_furniture({}, {}).any_for(_post())


# --- built pages ------------------------------------------------------------------------------

_POST = "---\ntitle: {title}\ndate: {date}\n{extra}---\n{body}\n"
GISCUS_CONFIG = """\
comments: {active: giscus}
giscus:
  enable: true
  repo: ann/blog
  repo_id: R_kgDOTEST
  category: Comments
  category_id: DIC_kwDOTEST
  mapping: pathname
  lang: en
reward_settings: {enable: true, comment: Thanks for reading}
reward: {wechatpay: /images/wechatpay.png, alipay: /images/alipay.png}
creative_commons: {license: by-sa, post: true}
"""


def build_small_site(root: Path, theme_config: str | None, posts: dict[str, str] | None = None) -> Build:
    """A two-post NexT-configured site (``theme_config`` as ``_config.next.yml``; None: no theme config)."""
    posts = posts or {
        "with-comments.md": _POST.format(title="With comments", date="2024-01-02 10:00:00", extra="", body="Hello."),
        "no-comments.md": _POST.format(
            title="No comments", date="2024-01-01 10:00:00", extra="comments: false\nreward: false\n", body="Quiet."
        ),
    }
    settings = write_hexo_site(
        root,
        posts,
        "title: Small\nlanguage: en\ntheme: next\nauthor: Ann\nurl: https://ann.example\n",
        f"THEME = {theme_path()!r}\nSITENAME = 'Small'\nDEFAULT_LANG = 'en'\n",
    )
    if theme_config is not None:
        (root / "_config.next.yml").write_text(theme_config, encoding="utf-8")
    return build_site(settings, root / "output")


@pytest.fixture(scope="module")
def giscus_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_small_site(tmp_path_factory.mktemp("giscus-site"), GISCUS_CONFIG)


def _soup(build: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(path), "html.parser")


def test_configured_giscus_post_has_the_embed_with_the_configs_attributes(giscus_site: Build) -> None:
    soup = _soup(giscus_site, "2024/01/02/with-comments/index.html")
    section = soup.select_one("article.post section.comments")
    assert section is not None and section["aria-label"] == "Comments"
    embed = section.select_one("template.comments-embed")
    assert embed is not None
    script = embed.select_one(f'script[src="{GISCUS_JS}"]')
    assert script is not None
    assert {k: v for k, v in script.attrs.items() if k.startswith("data-")} == {
        "data-repo": "ann/blog",
        "data-repo-id": "R_kgDOTEST",
        "data-category": "Comments",
        "data-category-id": "DIC_kwDOTEST",
        "data-mapping": "pathname",
        "data-reactions-enabled": "1",
        "data-lang": "en",
        "data-theme": "light",
    }
    assert "async" in script.attrs and script["crossorigin"] == "anonymous"
    # Only the template holds the outside script: nothing outside it is loaded with the page.
    outside = [s["src"] for s in soup.find_all("script", src=True) if s.find_parent("template") is None]
    assert all(not src.startswith(("http:", "https:", "//")) for src in outside), outside
    assert soup.find("script", src="/theme/js/comments.js") is not None
    assert soup.find("link", href="/theme/css/post-furniture.css") is not None
    # NexT's order: reward, copyright, tags and navigation, comments.
    order = [el.get("class")[0] for el in soup.select("article.post > *")]
    assert order[-4:] == ["reward", "post-copyright", "post-footer", "comments"]
    reward = soup.select_one("aside.reward")
    assert reward.select_one(".reward-text").get_text() == "Thanks for reading"
    assert [(img["src"], img["alt"]) for img in reward.select("img")] == [
        ("/images/wechatpay.png", "WeChat Pay"),
        ("/images/alipay.png", "Alipay"),
    ]
    notice = soup.select_one(".post-copyright")
    assert notice.select_one(".post-copyright-link a")["href"] == "https://ann.example/2024/01/02/with-comments/"
    assert notice.select_one(".post-copyright-license a")["href"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert giscus_site.messages(logging.ERROR) == []


def test_post_with_comments_false_has_no_comments(giscus_site: Build) -> None:
    soup = _soup(giscus_site, "2024/01/01/no-comments/index.html")
    assert soup.select_one("section.comments") is None
    assert soup.find("script", src=GISCUS_JS) is None
    assert soup.find("script", src="/theme/js/comments.js") is None
    assert soup.select_one("aside.reward") is None  # reward: false
    assert soup.select_one(".post-copyright") is not None  # the licence still applies


def test_unconfigured_site_has_no_comments_no_reward_and_no_stylesheet(tmp_path: Path) -> None:
    build = build_small_site(tmp_path, None)
    for path in ("2024/01/02/with-comments/index.html", "2024/01/01/no-comments/index.html"):
        soup = _soup(build, path)
        assert soup.select_one("section.comments") is None
        assert soup.select_one("aside.reward") is None
        assert soup.select_one(".post-copyright") is None
        assert soup.find("link", href="/theme/css/post-furniture.css") is None


def test_init_style_services_write_their_options_as_json(tmp_path: Path) -> None:
    build = build_small_site(
        tmp_path,
        "comments: {use: [Waline]}\nwaline: {serverURL: 'https://w.example', lang: en, emoji: ['</script>']}\n",
    )
    soup = _soup(build, "2024/01/02/with-comments/index.html")
    embed = soup.select_one("section.comments .comments-waline template")
    assert embed.select_one('link[rel="stylesheet"]')["href"].endswith("/waline.css")
    code = embed.select_one('script[type="module"]').string
    assert "</script>" not in code  # tojson escapes it
    options = json.loads(code.split("Object.assign(", 1)[1].split(", { el:", 1)[0])
    assert options == {"serverURL": "https://w.example", "lang": "en", "emoji": ["</script>"]}


def test_disqus_embed_names_the_posts_full_url(tmp_path: Path) -> None:
    build = build_small_site(tmp_path, "disqus: {enable: true, shortname: ann-blog}\n")
    soup = _soup(build, "2024/01/02/with-comments/index.html")
    embed = soup.select_one("section.comments .comments-disqus template")
    assert embed.select_one("#disqus_thread") is not None
    assert embed.select_one('script[src="https://ann-blog.disqus.com/embed.js"]') is not None
    assert '"https://ann.example/2024/01/02/with-comments/"' in embed.select_one("script:not([src])").string
