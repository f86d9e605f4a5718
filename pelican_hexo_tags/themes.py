"""The Pelican theme that ships with the plugin, and what its templates are given.

``THEME = pelican_hexo_tags.themes.theme_path()`` in ``pelicanconf.py`` uses
it. Importing this module connects :func:`install_theme_helpers` to
``generator_init``, so each generator's Jinja environment gets the filters
(``hexo_toc``, ``hexo_wordcount``, ``hexo_min2read``) and the ``hexo_site``
global (menu, avatar, subtitle, footer) read from the Hexo theme config.
Templates test ``hexo_site is defined``, so the theme also renders without
them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from pelican import signals

from .config import hexo_config_from_settings, theme_settings
from .generators import HexoGenerators
from .theme_post_furniture import PostFurniture, post_furniture
from .theme_search import THEME_INDEX, THEME_INDEX_GENERATOR, package_index, theme_index

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


def count_words(html: str) -> tuple[int, int]:
    """(Han characters, other words) of a post's HTML, as hexo-wordcount's ``counter``."""
    text = _TAG.sub("", _COMMENT.sub("", html or ""))
    han = len(_HAN.findall(text))
    return han, len(_WORDS.findall(_HAN.sub("", text)))


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


class _Headings(HTMLParser):
    def __init__(self, levels: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.levels = levels
        self.entries: list[TocEntry] = []
        self._open: TocEntry | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.levels and self._open is None:
            ids = [value for name, value in attrs if name == "id" and value]
            if ids:
                self._open = TocEntry(int(tag[1]), ids[0], "")
                self._text = []

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == f"h{self._open.level}":
            self._open.text = " ".join("".join(self._text).split())
            self.entries.append(self._open)
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)


def headings(html: str, deepest: int = 4) -> list[TocEntry]:
    """The h2..h``deepest`` headings of a post body that carry an id, in order: what its TOC links."""
    parser = _Headings(frozenset(f"h{level}" for level in range(2, deepest + 1)))
    parser.feed(html or "")
    parser.close()
    return [entry for entry in parser.entries if entry.text]


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


def _text(value: Any) -> str:
    return "" if value is None or isinstance(value, (bool, Mapping, list)) else str(value)


def _avatar(settings: Mapping[str, Any]) -> str:
    avatar = settings.get("avatar")
    if isinstance(avatar, Mapping):
        # NexT: avatar.url; Butterfly: avatar.img.
        avatar = avatar.get("url") or avatar.get("img")
    return _site_path(_text(avatar))


def _footer(settings: Mapping[str, Any]) -> tuple[str, str]:
    footer = settings.get("footer") if isinstance(settings.get("footer"), Mapping) else {}
    owner = footer.get("owner") if isinstance(footer.get("owner"), Mapping) else {}
    since = _text(footer.get("since") or owner.get("since") or settings.get("since"))
    beian: Any = footer.get("beian") if "beian" in footer else settings.get("beian")
    if isinstance(beian, Mapping):
        # NexT: beian.icp; Fluid: beian.icp_text.
        beian = (beian.get("icp") or beian.get("icp_text") or "") if beian.get("enable", True) else ""
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
        subtitle=_text(settings.get("subtitle") or config.get("subtitle")),
        description=_text(settings.get("description") or config.get("description")),
        author=_text(config.get("author")),
        since=since,
        beian=beian,
        reward_text=_reward_text(settings),
        post=post_furniture(settings, config, language),
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
