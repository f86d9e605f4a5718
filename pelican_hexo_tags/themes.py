"""The Pelican theme that ships with the plugin, and what its templates are given.

``THEME = pelican_hexo_tags.themes.theme_path()`` in ``pelicanconf.py`` uses
it. Importing this module connects :func:`install_theme_helpers` to
``generator_init``, so each generator's Jinja environment gets the filters
(``hexo_toc``, ``hexo_wordcount``, ``hexo_min2read``) and the ``hexo_site``
global (menu, avatar, subtitle, footer, social links, favicons, the layout
family, the accent colour and dark mode) read from the Hexo theme config.
Templates test ``hexo_site is defined``, so the theme also renders without
them. :data:`USED_THEME_KEYS` lists the top-level keys read here and
elsewhere in the plugin; ``pelican-hexo check`` names the others.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

from pelican import signals

from .config import hexo_config_from_settings, theme_settings
from .config import theme_name as theme_name_of
from .generators import HexoGenerators
from .theme_post_furniture import PostFurniture, post_furniture
from .theme_search import THEME_INDEX, THEME_INDEX_GENERATOR, package_index, theme_index

logger = logging.getLogger(__name__)

THEME_DIR = Path(__file__).resolve().parent / "theme"


def theme_path() -> str:
    """The folder of the bundled theme, for Pelican's ``THEME`` setting."""
    return str(THEME_DIR)


# --- word count and reading time, as hexo-wordcount 6.0.1 (index.js) counts them ---------------

# hexo-wordcount counts each of these as one word on its own ...
_HAN = re.compile("[\u4e00-\u9fa5]")
# ... and, once they are gone, each run of these (its regex, alternative by alternative).
_WORDS = re.compile(
    "[a-zA-Z0-9_\u0392-\u03c9\u0400-\u04ff]+"
    "|[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\u3040-\u309f\uac00-\ud7af\u0400-\u04ff]+"
    "|[\u00e4\u00c4\u00e5\u00c5\u00f6\u00d6]+"
    "|[A-Za-z0-9_]+"
)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]*>")


# A post's page asks twice (its word count and its reading time), three regex passes over the body each.
@functools.lru_cache(maxsize=64)
def count_words(html: str) -> tuple[int, int]:
    """(Han characters, other words) of a post's HTML, as hexo-wordcount's ``counter``."""
    text = _TAG.sub("", _COMMENT.sub("", html or ""))
    # Each match is one character: what removing them took away is their count, without a list of them.
    without_han = _HAN.sub("", text)
    return len(text) - len(without_han), len(_WORDS.findall(without_han))


def wordcount(html: str) -> str:
    """hexo-wordcount's ``wordcount()``: the count, or thousands with one decimal (``1.2k``) from 1000."""
    count = sum(count_words(html))
    if count < 1000:
        return str(count)
    # Math.round(count / 100) / 10: half rounds up, and a whole number loses its ".0" as in JavaScript.
    tenths = int(count / 100 + 0.5)
    return f"{tenths // 10}k" if tenths % 10 == 0 else f"{tenths / 10}k"


def min2read(html: str, cn: int = 300, en: int = 160) -> int:
    """hexo-wordcount's ``min2read()``: minutes at ``cn`` Han characters and ``en`` words a minute, at least 1."""
    han, words = count_words(html)
    minutes = han / cn + words / en
    return 1 if minutes < 1 else int(minutes)


# --- table of contents ------------------------------------------------------------------------


@dataclass
class TocEntry:
    """One heading of a post: its level (2-4), its id and its text."""

    level: int
    id: str
    text: str


_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1\s*>", re.S | re.I)
_ID_ATTRIBUTE = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)


def headings(html: str, deepest: int = 4) -> list[TocEntry]:
    """The h2..h``deepest`` headings of a post body that carry an id, in order: what its TOC links.

    A regex over the heading elements alone, not an HTML parser over the whole body: the body is
    the renderer's well-formed HTML, and parsing all of it took 8.5 ms a post (1,000 posts: 8.5 s).
    """
    entries = []
    for match in _HEADING.finditer(html or ""):
        level = int(match.group(1))
        if not 2 <= level <= deepest:
            continue
        found = _ID_ATTRIBUTE.search(" " + match.group(2))
        if not found:
            continue
        heading_id = unescape(next(group for group in found.groups() if group is not None))
        text = " ".join(unescape(_TAG.sub("", _COMMENT.sub("", match.group(3)))).split())
        if heading_id and text:
            entries.append(TocEntry(level, heading_id, text))
    return entries


# --- site furniture from the Hexo theme config ---------------------------------------------------


@dataclass
class MenuItem:
    """A menu entry: its label, its URL (under the site root unless absolute), its icon class, any submenu."""

    name: str
    url: str
    icon: str = ""
    children: list[MenuItem] = field(default_factory=list)


@dataclass
class SiteFurniture:
    """What the theme shows around every page, from the Hexo theme config (``menu`` empty when it names none)."""

    theme: str = ""
    menu: list[MenuItem] = field(default_factory=list)
    avatar: str = ""
    subtitle: str = ""
    description: str = ""
    author: str = ""
    since: str = ""
    beian: str = ""
    reward_text: str = ""
    # Reward, copyright and comments under a post (theme_post_furniture).
    post: PostFurniture = field(default_factory=PostFurniture)
    social: list[SocialLink] = field(default_factory=list)
    favicons: list[Favicon] = field(default_factory=list)
    layout: str = "layout-left"
    banner: Banner | None = None
    accent_style: str = ""
    dark_mode: DarkMode = field(default_factory=lambda: DarkMode())


# NexT translates its menu keys; these are its languages' words for the keys a menu usually has.
_MENU_WORDS = {
    "zh": {
        "home": "首页",
        "archives": "归档",
        "archive": "归档",
        "categories": "分类",
        "category": "分类",
        "tags": "标签",
        "tag": "标签",
        "about": "关于",
        "search": "搜索",
        "links": "友链",
        "schedule": "日程表",
        "sitemap": "站点地图",
        "commonweal": "公益 404",
    },
    "en": {"archive": "Archives", "category": "Categories", "tag": "Tags", "commonweal": "Commonweal 404"},
}
# Fluid's menu names a key and takes its link from the key.
_FLUID_LINKS = {
    "home": "/",
    "archive": "/archives/",
    "category": "/categories/",
    "tag": "/tags/",
    "about": "/about/",
    "links": "/links/",
}


def _label(key: str, language: str) -> str:
    words = _MENU_WORDS["zh" if language.lower().startswith("zh") else "en"]
    return words.get(key.lower(), key[:1].upper() + key[1:] if key.islower() else key)


def _site_path(path: str) -> str:
    """A theme config's ``/path/`` as a path under the site root (Hexo's url_for prepends ``root``, Pelican SITEURL)."""
    path = path.strip()
    if path.startswith("/") and not path.startswith("//"):
        return path[1:]
    return path


def site_link(url: str, siteurl: str = "") -> str:
    """Where a menu or avatar URL points from a page: under SITEURL unless it names its own host or scheme."""
    if url.startswith(("//", "#")) or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url):
        return url
    return f"{siteurl}/{url}"


def _split(value: str) -> tuple[str, str]:
    """NexT and Butterfly write ``/path/ || fa fa-icon``; Ayer writes the path alone."""
    path, _, icon = str(value).partition("||")
    return path.strip(), icon.strip()


def menu_items(settings: Mapping[str, Any], language: str = "en") -> list[MenuItem]:
    """The menu of a NexT/Ayer/Butterfly (``menu:`` mapping) or Fluid (``navbar.menu:`` list) theme config."""
    items: list[MenuItem] = []
    navbar = settings.get("navbar")
    fluid = navbar.get("menu") if isinstance(navbar, Mapping) else None
    if isinstance(fluid, list):
        for entry in fluid:
            if not isinstance(entry, Mapping) or not (entry.get("key") or entry.get("name")):
                continue
            key = str(entry.get("key") or entry.get("name"))
            link = str(entry.get("link") or _FLUID_LINKS.get(key, f"/{key}/"))
            name = str(entry.get("name") or _label(key, language))
            items.append(MenuItem(name, _site_path(link), str(entry.get("icon") or "")))
        return items
    menu = settings.get("menu")
    sidebar = settings.get("sidebar")
    if not isinstance(menu, Mapping) and isinstance(sidebar, Mapping) and isinstance(sidebar.get("menu"), Mapping):
        return _stellar_menu(sidebar["menu"], language)
    if not isinstance(menu, Mapping):
        return items
    for key, value in menu.items():
        if value is None or value is False:
            continue
        name, _, key_icon = str(key).partition("||")
        if isinstance(value, Mapping):
            # Butterfly's submenu: ``List || fas fa-list: {Music: /music/ || fas fa-music}``.
            children = [
                MenuItem(_label(str(k).partition("||")[0].strip(), language), _site_path(_split(v)[0]), _split(v)[1])
                for k, v in value.items()
                if v
            ]
            items.append(MenuItem(_label(name.strip(), language), "", key_icon.strip(), children))
            continue
        path, icon = _split(str(value))
        items.append(MenuItem(_label(name.strip(), language), _site_path(path), icon or key_icon.strip()))
    return items


# Stellar writes ``key: '[label](/path/)'``, the label often a key of its language files.
_MARKDOWN_LINK = re.compile(r"^\s*\[(?P<label>[^\]]*)\]\((?P<url>[^)\s]*)\)\s*$")
_STELLAR_WORDS = {
    "zh": {"btn.home": "主页", "btn.blog": "文章", "btn.wiki": "项目", "btn.categories": "分类", "btn.tags": "标签"},
    "en": {
        "btn.home": "Home",
        "btn.blog": "Blog",
        "btn.wiki": "Wiki",
        "btn.categories": "Categories",
        "btn.tags": "Tags",
    },
}


def _stellar_menu(menu: Mapping[str, Any], language: str) -> list[MenuItem]:
    words = _STELLAR_WORDS["zh" if language.lower().startswith("zh") else "en"]
    items = []
    for key, value in menu.items():
        found = _MARKDOWN_LINK.match(str(value or ""))
        if not found:
            continue
        label = found["label"].strip()
        name = words.get(label, label) if label.startswith("btn.") else label or _label(str(key), language)
        items.append(MenuItem(name, _site_path(found["url"])))
    return items


def _text(value: Any) -> str:
    return "" if value is None or isinstance(value, (bool, Mapping, list)) else str(value)


def _avatar(settings: Mapping[str, Any]) -> str:
    avatar = settings.get("avatar")
    if isinstance(avatar, Mapping):
        # NexT: avatar.url; Butterfly: avatar.img.
        avatar = avatar.get("url") or avatar.get("img")
    # Ayer shows its ``logo`` where the others show an avatar.
    return _site_path(_text(avatar) or _text(settings.get("logo")))


def _subtitle_text(subtitle: Any) -> Any:
    # Ayer types its subtitle: subtitle: {enable, text, text2, ...}.
    return subtitle.get("text") if isinstance(subtitle, Mapping) else subtitle


def _footer(settings: Mapping[str, Any]) -> tuple[str, str]:
    footer = settings.get("footer") if isinstance(settings.get("footer"), Mapping) else {}
    owner = footer.get("owner") if isinstance(footer.get("owner"), Mapping) else {}
    since = _text(footer.get("since") or owner.get("since") or settings.get("since"))
    beian: Any = footer.get("beian") if "beian" in footer else settings.get("beian")
    if isinstance(beian, Mapping):
        # NexT: beian.icp; Fluid: beian.icp_text.
        beian = (beian.get("icp") or beian.get("icp_text") or "") if beian.get("enable", True) else ""
    icp = settings.get("icp")
    if not beian and isinstance(icp, Mapping) and icp.get("enable"):
        # Ayer: icp: {enable, text, url}.
        beian = icp.get("text")
    return since, _text(beian)


def _reward_text(settings: Mapping[str, Any]) -> str:
    # NexT: reward_settings.comment; Butterfly: reward.text.
    for key, field_name in (("reward_settings", "comment"), ("reward", "text")):
        block = settings.get(key)
        if isinstance(block, Mapping) and _text(block.get(field_name)):
            return _text(block.get(field_name))
    return ""


def site_furniture(pelican_settings: Mapping[str, Any]) -> SiteFurniture:
    """The menu, avatar, subtitle and footer of the site's Hexo theme config, for the theme's templates."""
    config = hexo_config_from_settings(pelican_settings)
    settings = theme_settings(config)
    language = str(config.get("language") or pelican_settings.get("DEFAULT_LANG") or "en")
    if isinstance(config.get("language"), list):
        language = str(config["language"][0])
    since, beian = _footer(settings)
    return SiteFurniture(
        theme=str(config.get("theme") or ""),
        menu=menu_items(settings, language),
        avatar=_avatar(settings),
        subtitle=_text(_subtitle_text(settings.get("subtitle")) or config.get("subtitle")),
        description=_text(settings.get("description") or config.get("description")),
        author=_text(config.get("author")),
        since=since,
        beian=beian,
        reward_text=_reward_text(settings),
        post=post_furniture(settings, config, language),
        **look(config, settings, pelican_settings),
    )


def install_theme_helpers(generator: Any) -> None:
    """Give a generator's Jinja environment the theme's filters and the ``hexo_site`` furniture."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    env.filters.setdefault("hexo_toc", headings)
    env.filters.setdefault("hexo_wordcount", wordcount)
    env.filters.setdefault("hexo_min2read", min2read)
    env.filters.setdefault("hexo_link", site_link)
    env.globals["hexo_site"] = site_furniture(generator.settings)
    env.globals["hexo_search_index"] = search_index(generator.settings)


# --- search ---------------------------------------------------------------------------------------


def uses_bundled_theme(settings: Mapping[str, Any]) -> bool:
    """Whether Pelican's ``THEME`` is this theme (what ``theme_path()`` gives, however it is written)."""
    theme = settings.get("THEME")
    return bool(theme) and Path(str(theme)).resolve() == THEME_DIR


def search_index(settings: Mapping[str, Any]) -> str:
    """The search index the theme's search page fetches, under the site root: the site's own, else the theme's."""
    return package_index(hexo_config_from_settings(settings)) or THEME_INDEX


def add_search_page(pelican: Any) -> None:
    """``initialized``: the theme's ``search`` direct template at Hexo themes' ``search/``, for a Hexo site.

    Only with this theme (another has no ``search.html``) and a Hexo config (whose generators
    write the index). A site's own ``SEARCH_SAVE_AS = ""`` turns the page off, as for any
    direct template; a page of its own at ``search/`` (``source/search/index.md``) is written
    over the theme's, as the reader gives each page its ``save_as``, which may override.
    """
    settings = pelican.settings
    if not settings.get("HEXO_CONFIG") or not uses_bundled_theme(settings):
        return
    templates = list(settings.get("DIRECT_TEMPLATES") or ())
    if "search" not in templates:
        # A new list: the default one is Pelican's DEFAULT_CONFIG's, shared by every build in the process.
        settings["DIRECT_TEMPLATES"] = [*templates, "search"]
    settings.setdefault("SEARCH_SAVE_AS", "search/index.html")
    settings.setdefault("SEARCH_URL", "search/")


def provide_search_index(generator: Any) -> None:
    """``generator_init``: register the theme's ``search.json`` writer when the site's packages write no index.

    The site's extensions are kept between builds of the same config, which may use another
    theme or another package list: each build registers or removes the writer afresh.
    """
    if not isinstance(generator, HexoGenerators):
        return
    config = hexo_config_from_settings(generator.settings)
    wanted = uses_bundled_theme(generator.settings) and generator.settings.get("SEARCH_SAVE_AS") != ""
    if wanted and not package_index(config):
        config.extensions.register_generator(THEME_INDEX_GENERATOR, theme_index)
    else:
        config.extensions.generators.pop(THEME_INDEX_GENERATOR, None)


signals.generator_init.connect(install_theme_helpers)
signals.generator_init.connect(provide_search_index)
signals.initialized.connect(add_search_page)


# --- the look: social links, favicons, layout family, accent colour, dark mode ---------------------


@dataclass
class SocialLink:
    """A link to the author elsewhere: its visible name, its URL and the service it names (``github``, ``rss`` …)."""

    name: str
    url: str
    kind: str = ""


@dataclass
class Favicon:
    """A ``<link>`` of the head: ``rel`` (``icon`` or ``apple-touch-icon``), its URL, ``sizes`` when the theme says."""

    rel: str
    url: str
    sizes: str = ""


@dataclass
class Banner:
    """The top banner of the banner family: its slogan, and the CSS ``background-image`` of its picture, if any."""

    slogan: str = ""
    background: str = ""


@dataclass
class DarkMode:
    """Whether the site has a dark mode, whether readers get a toggle, and what they see before they choose.

    ``default`` is ``auto`` (the system's preference), ``light`` or ``dark``; ``mode`` is the one word the
    head script reads: ``off`` when the theme turned dark mode off, else ``default``.
    """

    enabled: bool = True
    toggle: bool = True
    default: str = "auto"

    @property
    def mode(self) -> str:
        return self.default if self.enabled else "off"

    @property
    def has_toggle(self) -> bool:
        return self.enabled and self.toggle


# Top-level theme config keys something in the plugin reads; ``check`` names the others.
USED_THEME_KEYS = frozenset(
    {
        # site furniture (this module)
        *("menu", "navbar", "sidebar", "avatar", "logo", "subtitle", "description", "footer", "since", "beian"),
        *("icp", "reward_settings", "reward", "social", "about", "rss", "favicon"),
        *("apple_touch_icon", "scheme", "aside", "index", "theme_color", "color", "style"),
        *("darkmode", "dark_mode", "display_mode"),
        # config.py (Fluid's highlight), math.py, theme_search.py, plugins/hexo_theme_fluid.py and _yun.py
        *("code", "math", "post", "plugins", "search", "page404", "links", "lazyload"),
        # tag packs (tags/_theme.py theme_option)
        *("note", "pdf", "error_img"),
    }
)


def used_theme_keys() -> frozenset[str]:
    """Every top-level theme key read here, with the post furniture's when that module is present."""
    try:
        from . import theme_post_furniture
    except ImportError:
        return USED_THEME_KEYS
    # Its keys are dotted paths (``giscus.repo``): the first part is the top-level key.
    return USED_THEME_KEYS | frozenset(str(key).split(".")[0] for key in getattr(theme_post_furniture, "USED_KEYS", ()))


def unused_theme_keys(settings: Mapping[str, Any]) -> list[str]:
    """The top-level keys of a theme config that nothing here reads, sorted."""
    used = used_theme_keys()
    return sorted(str(key) for key in settings if str(key) not in used)


# --- social links

# What a URL or an icon class says about the service, for the link's class (the text is the name).
_SERVICES = (
    ("github", ("github",)),
    ("twitter", ("twitter", "x.com")),
    ("email", ("mailto:", "envelope", "email", "mail")),
    ("rss", ("rss", "atom.xml", "feed")),
    ("weibo", ("weibo",)),
    ("zhihu", ("zhihu",)),
    ("bilibili", ("bilibili", "b23.tv")),
)
_SERVICE_NAMES = {"github": "GitHub", "twitter": "Twitter", "email": "E-Mail", "rss": "RSS", "weibo": "Weibo"}
# Butterfly's keys are icon classes (``fab fa-github``); NexT's are names (``GitHub``, ``FB Page``).
_ICON_CLASS = re.compile(r"(?:^|\s)(?:fa|icon)-[a-z0-9-]+", re.I)
_ICON_NAME = re.compile(r"(?:fa|icon)-([a-z0-9]+(?:-[a-z0-9]+)*)", re.I)


def _service(*texts: str) -> str:
    haystack = " ".join(texts).lower()
    for kind, marks in _SERVICES:
        if any(mark in haystack for mark in marks):
            return kind
    return ""


def _icon_label(icon: str) -> str:
    """``fab fa-github`` or ``iconfont icon-github-fill``: the service's name, when nothing else names the link."""
    found = _ICON_NAME.findall(icon)
    words = [w for w in (found[-1].split("-") if found else []) if w not in ("fill", "alt", "square", "o")]
    name = "-".join(words)
    return _SERVICE_NAMES.get(_service(name), name.title()) if name else ""


def _social_link(name: str, url: str, icon: str = "") -> SocialLink | None:
    url = url.strip()
    # A theme's ``javascript:`` entry (Stellar's dark-mode switch) is a button there, no link here.
    if not url or url.lower().startswith("javascript:"):
        return None
    kind = _service(url, icon, name)
    name = name.strip() or _icon_label(icon) or _SERVICE_NAMES.get(kind, url)
    return SocialLink(name, _site_path(url), kind)


def social_links(settings: Mapping[str, Any]) -> list[SocialLink]:
    """The author's links of a NexT, Butterfly, Fluid, Stellar, Ayer or landscape theme config.

    NexT ``social: {Name: url || icon}``; Butterfly ``social: {icon: url || Name || colour}``; Fluid
    ``about.icons: [{class, link, tip}]`` (a ``qrcode`` entry has no link); Stellar ``footer.social:
    {name: {icon, url}}``; Ayer and landscape have none but their ``rss`` link.
    """
    found: list[SocialLink | None] = []
    social = settings.get("social")
    if isinstance(social, Mapping):
        for key, value in social.items():
            if not value or isinstance(value, (Mapping, list)):
                continue
            parts = [part.strip() for part in str(value).split("||")]
            if _ICON_CLASS.search(str(key)):
                found.append(_social_link(parts[1] if len(parts) > 1 else "", parts[0], str(key)))
            else:
                found.append(_social_link(str(key), parts[0], parts[1] if len(parts) > 1 else ""))
    about = settings.get("about")
    icons = about.get("icons") if isinstance(about, Mapping) else None
    for entry in icons if isinstance(icons, list) else []:
        if isinstance(entry, Mapping) and entry.get("link"):
            found.append(_social_link(_text(entry.get("tip")), _text(entry.get("link")), _text(entry.get("class"))))
    footer = settings.get("footer")
    stellar = footer.get("social") if isinstance(footer, Mapping) else None
    if isinstance(stellar, Mapping):
        for key, value in stellar.items():
            if isinstance(value, Mapping):
                found.append(_social_link(str(key), _text(value.get("url"))))
    rss = _text(settings.get("rss"))
    if rss and not any(link and link.kind == "rss" for link in found):
        found.append(_social_link("RSS", rss))
    return [link for link in found if link]


# --- favicons


def favicons(
    settings: Mapping[str, Any], config: Mapping[str, Any], pelican_settings: Mapping[str, Any] | None = None
) -> list[Favicon]:
    """NexT ``favicon: {small, medium, apple_touch_icon}``; the others' ``favicon`` (and Fluid's
    ``apple_touch_icon``); Stellar's is the site's own ``favicon:`` in ``_config.yml``.

    With ``pelican_settings``, a local icon the build does not publish is left out (a theme's
    default, ``/img/fluid.png``, is in the theme's folder): browsers ask for it on every page.
    """
    favicon = settings.get("favicon")
    wanted: list[tuple[str, str, str]] = []
    if isinstance(favicon, Mapping):
        for key, sizes in (("small", "16x16"), ("medium", "32x32")):
            wanted.append(("icon", _text(favicon.get(key)), sizes))
        wanted.append(("apple-touch-icon", _text(favicon.get("apple_touch_icon")), ""))
    else:
        wanted.append(("icon", _text(favicon) or _text(config.get("favicon")), ""))
        wanted.append(("apple-touch-icon", _text(settings.get("apple_touch_icon")), ""))
    icons = []
    for rel, url, sizes in wanted:
        path = _site_path(url)
        local = path and not path.startswith("//") and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", path)
        if path and (not local or pelican_settings is None or _published(path, pelican_settings)):
            icons.append(Favicon(rel, path, sizes))
    return icons


# --- layout family

LAYOUT_FAMILIES = ("layout-left", "layout-right", "layout-top", "layout-banner")


def layout_family(theme_name: str, settings: Mapping[str, Any]) -> str:
    """The ``<body>`` class that places the rail as the site's theme places its sidebar or header.

    NexT Pisces and Gemini keep a sidebar (``sidebar.position``, left by default), Muse and Mist a
    header across the top; Butterfly's aside is right (``aside.position``), none when turned off;
    Fluid and landscape open on a banner; Ayer and Stellar have a left sidebar, as the default rail.
    """
    name = theme_name_of(theme_name)
    if name == "next":
        scheme = str(settings.get("scheme") or "Muse").strip().lower()
        if scheme not in ("pisces", "gemini"):
            return "layout-top"
        sidebar = settings.get("sidebar")
        side = str(sidebar.get("position") or "left") if isinstance(sidebar, Mapping) else "left"
        return "layout-right" if side.lower() == "right" else "layout-left"
    if name == "butterfly":
        aside = settings.get("aside")
        aside = aside if isinstance(aside, Mapping) else {}
        if aside.get("enable") is False:
            return "layout-top"
        return "layout-left" if str(aside.get("position") or "right").lower() == "left" else "layout-right"
    if name in ("fluid", "landscape"):
        return "layout-banner"
    return "layout-left"


def _published(path: str, pelican_settings: Mapping[str, Any]) -> bool:
    """Whether a site path (``img/x.png``) is a file the build copies: under Pelican's ``PATH``, in ``STATIC_PATHS``.

    Fluid's own images (its ``/img/default.png`` banner) are in the theme's folder, which no build here
    publishes: a banner asking for one would be a broken request on every page.
    """
    content = pelican_settings.get("PATH")
    if not content:
        return True
    relative = path.split("?", 1)[0].split("#", 1)[0]
    statics = [str(folder).strip("/") for folder in pelican_settings.get("STATIC_PATHS", ["images"])]
    if not any(folder in ("", ".") or relative.startswith(folder + "/") for folder in statics):
        return False
    return (Path(str(content)) / relative).is_file()


def _css_url(url: str) -> str:
    """``url("…")`` for a style attribute: quotes, backslashes, brackets and line breaks percent-encoded."""
    for char, code in (("%", "%25"), ('"', "%22"), ("\\", "%5C"), ("\n", "%0A"), ("\r", "%0D"), ("(", "%28")):
        url = url.replace(char, code)
    return f'url("{url.replace(")", "%29")}")'


def banner(theme_name: str, settings: Mapping[str, Any], pelican_settings: Mapping[str, Any]) -> Banner | None:
    """Fluid's ``index.slogan`` and ``index.banner_img``, for the banner family (landscape's banner has no image).

    A local image is used when the build publishes it. An https (or protocol-relative) one is used
    as a CSS background too: nothing is fetched at build time, the reader's browser loads it as the
    page Hexo made does, and the banner keeps its plain colour when it does not load. Plain http is
    left out, as an https site's browser would block it.
    """
    name = theme_name_of(theme_name)
    if layout_family(theme_name, settings) != "layout-banner":
        return None
    index = settings.get("index") if name == "fluid" and isinstance(settings.get("index"), Mapping) else {}
    slogan_block = index.get("slogan")
    slogan = ""
    if isinstance(slogan_block, Mapping) and slogan_block.get("enable", True) is not False:
        slogan = _text(slogan_block.get("text"))
    image = _text(index.get("banner_img")).strip()
    background = ""
    if image.lower().startswith(("https://", "//")):
        background = _css_url(image)
    elif image and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", image):
        path = _site_path(image)
        if _published(path, pelican_settings):
            siteurl = str(pelican_settings.get("SITEURL") or "")
            background = _css_url(site_link(path, siteurl))
    return Banner(slogan, background)


# --- accent colour

_HEX = re.compile(r"^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$", re.I)
_FUNCTION = re.compile(r"^(rgba?|hsla?)\(\s*([^)]*)\)$", re.I)
# The backgrounds the accent is read on as link text: the page and the code background (light), the cards (dark).
_LIGHT_GROUNDS = ((0xF6, 0xF7, 0xF9), (0xFF, 0xFF, 0xFF), (0xF6, 0xF8, 0xFA))
_DARK_GROUNDS = ((0x1E, 0x22, 0x28), (0x16, 0x19, 0x1E), (0x16, 0x1B, 0x22))
AA_TEXT = 4.5


def parse_colour(text: str) -> tuple[int, int, int] | None:
    """A CSS colour as themes write it (``#rgb``, ``#rrggbb``, ``rgb()``, ``hsl()``), as RGB; None otherwise."""
    text = text.strip()
    found = _HEX.match(text)
    if found:
        digits = found.group(1)
        if len(digits) in (3, 4):
            digits = "".join(d * 2 for d in digits[:3])
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)
    found = _FUNCTION.match(text)
    if not found:
        return None
    parts = [p for p in re.split(r"[\s,/]+", found.group(2).strip()) if p]
    if len(parts) < 3:
        return None
    try:
        if found.group(1).lower().startswith("rgb"):
            rgb = [float(p[:-1]) * 2.55 if p.endswith("%") else float(p) for p in parts[:3]]
            return tuple(max(0, min(255, round(v))) for v in rgb)  # type: ignore[return-value]
        hue = float(re.sub(r"deg$", "", parts[0])) % 360
        saturation, lightness = (float(p.rstrip("%")) / 100 for p in parts[1:3])
    except ValueError:
        return None

    # CSS Color 4's hsl-to-rgb.
    def channel(n: int) -> int:
        k = (n + hue / 30) % 12
        a = saturation * min(lightness, 1 - lightness)
        return round(255 * (lightness - a * max(-1, min(k - 3, 9 - k, 1))))

    return channel(0), channel(8), channel(4)


def _luminance(rgb: tuple[int, int, int]) -> float:
    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """WCAG 2's contrast ratio of two colours."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def readable_on(rgb: tuple[int, int, int], grounds: tuple[tuple[int, int, int], ...]) -> tuple[int, int, int]:
    """The colour, mixed step by step toward black (light grounds) or white (dark), until AA text on every ground."""
    target = (0, 0, 0) if _luminance(grounds[0]) > 0.5 else (255, 255, 255)
    colour = rgb
    for step in range(41):
        colour = tuple(round(c + (t - c) * step / 40) for c, t in zip(rgb, target, strict=True))  # type: ignore[assignment]
        if all(contrast(colour, ground) >= AA_TEXT for ground in grounds):
            break
    return colour


def text_on(rgb: tuple[int, int, int]) -> str:
    """White or black, whichever reads better on the colour (one of them always passes AA)."""
    return "#ffffff" if contrast(rgb, (255, 255, 255)) >= contrast(rgb, (0, 0, 0)) else "#000000"


def _dig(settings: Mapping[str, Any], *path: str) -> str:
    value: Any = settings
    for key in path:
        value = value.get(key) if isinstance(value, Mapping) else None
    return _text(value).strip()


def accent_sources(theme_name: str, settings: Mapping[str, Any]) -> tuple[str, str, str]:
    """(light colour, dark colour, the key it came from) as the theme config writes them; empty for none.

    Butterfly ``theme_color.main`` (when ``theme_color.enable``); Fluid ``color.post_link_color`` (and
    ``_dark``): the bundled theme's accent colours links, and a post's links are the Fluid colour
    readers meet most (``navbar_bg_color`` is under the banner image until one scrolls, and
    ``link_hover_color`` shows under the pointer only); Stellar ``style.color.link``, else
    ``style.color.theme``. NexT's ``theme_color`` is the browser's toolbar colour, and Ayer and
    landscape have none: the bundled theme's own accent stays.
    """
    name = theme_name_of(theme_name)
    if name == "butterfly":
        block = settings.get("theme_color")
        if isinstance(block, Mapping) and block.get("enable", True) is not False and _dig(block, "main"):
            return _dig(block, "main"), "", "theme_color.main"
    elif name == "fluid":
        for key in ("post_link_color", "link_hover_color"):
            if _dig(settings, "color", key):
                return _dig(settings, "color", key), _dig(settings, "color", f"{key}_dark"), f"color.{key}"
    elif name == "stellar":
        for key in ("link", "theme"):
            if _dig(settings, "style", "color", key):
                return _dig(settings, "style", "color", key), "", f"style.color.{key}"
    return "", "", ""


def accent_style(theme_name: str, settings: Mapping[str, Any], config_file: str = "the theme config") -> str:
    """The ``style`` of ``<html>``: the accent for light and dark pages and the text on each, AA throughout.

    Set as ``--theme-accent*``, which ``theme.css`` reads into ``--accent`` for each colour scheme:
    an inline ``--accent`` would outrank the dark scheme's own.
    """
    light_text, dark_text, key = accent_sources(theme_name, settings)
    if not light_text:
        return ""
    light = parse_colour(light_text)
    if light is None:
        logger.warning("%s: %s %r is no colour the theme reads; its own accent is used", config_file, key, light_text)
        return ""
    # Without a dark colour of its own, the dark scheme starts from the light one as written, not as darkened.
    dark = readable_on((parse_colour(dark_text) if dark_text else None) or light, _DARK_GROUNDS)
    light = readable_on(light, _LIGHT_GROUNDS)
    return (
        f"--theme-accent:{_hex(light)};--theme-accent-fg:{text_on(light)};"
        f"--theme-accent-dark:{_hex(dark)};--theme-accent-dark-fg:{text_on(dark)}"
    )


# --- dark mode


def dark_mode(theme_name: str, settings: Mapping[str, Any]) -> DarkMode:
    """The theme config's dark mode: Fluid ``dark_mode.enable/default``; NexT ``darkmode``; Butterfly
    ``darkmode.enable/button/autoChangeMode`` and ``display_mode``; Ayer ``darkmode`` (its switch);
    Stellar ``style.darkmode`` (auto, always, switch or false). Others keep the theme's: both, toggled."""
    name = theme_name_of(theme_name)
    if name == "fluid":
        block = settings.get("dark_mode")
        if isinstance(block, Mapping):
            default = str(block.get("default") or "auto").lower()
            return DarkMode(
                block.get("enable", True) is not False, True, default if default in ("light", "dark") else "auto"
            )
        return DarkMode()
    if name in ("next", "ayer"):
        return DarkMode(enabled=settings.get("darkmode", True) is not False)
    if name == "butterfly":
        block = settings.get("darkmode")
        block = block if isinstance(block, Mapping) else {}
        if block.get("enable", True) is False:
            return DarkMode(enabled=False)
        display = str(settings.get("display_mode") or "light").lower()
        # autoChangeMode 1 follows the system; otherwise Butterfly opens on display_mode.
        default = "auto" if str(block.get("autoChangeMode")) == "1" else ("dark" if display == "dark" else "light")
        return DarkMode(True, block.get("button", True) is not False, default)
    if name == "stellar":
        setting = settings.get("style", {}).get("darkmode") if isinstance(settings.get("style"), Mapping) else None
        if setting is False or str(setting).lower() == "false":
            return DarkMode(enabled=False)
        if str(setting).lower() == "always":
            return DarkMode(True, False, "dark")
        return DarkMode(True, str(setting).lower() == "switch" or setting is None, "auto")
    return DarkMode()


def look(config: Any, settings: Mapping[str, Any], pelican_settings: Mapping[str, Any]) -> dict[str, Any]:
    """The furniture fields of the look, for :func:`site_furniture`."""
    theme = str(config.get("theme") or "")
    return {
        "social": social_links(settings),
        "favicons": favicons(settings, config, pelican_settings),
        "layout": layout_family(theme, settings),
        "banner": banner(theme, settings, pelican_settings),
        "accent_style": accent_style(theme, settings, f"_config.{theme}.yml" if theme else "the theme config"),
        "dark_mode": dark_mode(theme, settings),
    }
