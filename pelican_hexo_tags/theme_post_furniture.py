"""What the bundled theme shows under a post: reward, copyright notice, comments.

Each read from the keys the Hexo theme families put them under (NexT,
Butterfly, Fluid, Ayer, Stellar) into plain dataclasses the templates print
(``hexo_site.post``). Nothing here fetches anything: the comment services'
embeds are written into the page and loaded by the reader's browser, when the
comments come near the viewport (``static/js/comments.js``).

A post's front matter has the last word, as in the themes: ``comments: false``,
``reward: false`` (``no_reward: true`` in Ayer, ``reward_settings.enable`` in
NexT), ``copyright: false``; ``reward: true`` and ``copyright: true`` ask for
the block on a post the theme config does not give it to (Ayer's type 1).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# The theme config keys read here, dotted, for ``check`` to know them.
USED_KEYS: tuple[str, ...] = (
    # comments: which service
    "comments.active",
    "comments.use",
    "comments.service",
    "post.comments.enable",
    "post.comments.type",
    # comments: each service's block (top level; Stellar's under comments.<service>)
    *(
        f"{service}.{key}"
        for service in ("giscus", "utterances", "gitalk", "waline", "valine", "twikoo", "disqus")
        for key in ("enable", "js", "css", "option")
    ),
    "giscus.repo",
    "giscus.repo_id",
    "giscus.category",
    "giscus.category_id",
    "giscus.mapping",
    "giscus.theme",
    "giscus.light_theme",
    "giscus.dark_theme",
    "giscus.lang",
    "utterances.repo",
    "utterances.issue_term",
    "utterances.label",
    "utterances.theme",
    "utterances.light_theme",
    "utterances.dark_theme",
    "utterances.theme_dark",
    "gitalk.client_id",
    "gitalk.client_secret",
    "gitalk.clientID",
    "gitalk.clientSecret",
    "gitalk.github_id",
    "gitalk.owner",
    "gitalk.repo",
    "gitalk.admin",
    "gitalk.admin_user",
    "gitalk.language",
    "gitalk.proxy",
    "waline.serverURL",
    "waline.lang",
    "valine.appId",
    "valine.appKey",
    "valine.avatar",
    "valine.placeholder",
    "leancloud.app_id",
    "leancloud.app_key",
    "twikoo.envId",
    "twikoo.region",
    "disqus.shortname",
    "comments.giscus",
    "comments.utterances",
    "comments.twikoo",
    "comments.waline",
    # reward
    "reward_settings.enable",
    "reward_settings.comment",
    "reward",
    "reward.enable",
    "reward.text",
    "reward.QR_code",
    "reward.QR",
    "reward_type",
    "reward_wording",
    "alipay",
    "weixin",
    # copyright
    "creative_commons.license",
    "creative_commons.post",
    "creative_commons.language",
    "post_copyright.enable",
    "post_copyright.license",
    "post_copyright.license_url",
    "post_copyright.author_href",
    "post.copyright.enable",
    "post.copyright.license",
    "post.copyright.author.enable",
    "post.copyright.post_date.enable",
    "copyright_type",
    "article.license",
)

SERVICES = ("giscus", "utterances", "gitalk", "waline", "valine", "twikoo", "disqus")

# Where each service's own documentation loads its client from.
GISCUS_JS = "https://giscus.app/client.js"
UTTERANCES_JS = "https://utteranc.es/client.js"
GITALK_JS = "https://unpkg.com/gitalk@1/dist/gitalk.min.js"
GITALK_CSS = "https://unpkg.com/gitalk@1/dist/gitalk.css"
WALINE_JS = "https://unpkg.com/@waline/client@v3/dist/waline.js"
WALINE_CSS = "https://unpkg.com/@waline/client@v3/dist/waline.css"
VALINE_JS = "https://unpkg.com/valine/dist/Valine.min.js"
TWIKOO_JS = "https://cdn.jsdelivr.net/npm/twikoo@1/dist/twikoo.all.min.js"

_LABELS = {
    "giscus": "giscus",
    "utterances": "utterances",
    "gitalk": "Gitalk",
    "waline": "Waline",
    "valine": "Valine",
    "twikoo": "Twikoo",
    "disqus": "Disqus",
}

# giscus's own attributes (https://giscus.app), without their ``data-`` prefix.
_GISCUS_ATTRIBUTES = (
    "repo",
    "repo-id",
    "category",
    "category-id",
    "mapping",
    "term",
    "strict",
    "reactions-enabled",
    "emit-metadata",
    "input-position",
    "lang",
    "loading",
)
# Keys the themes keep for themselves in a service's block, not the service's options.
_THEME_ONLY = frozenset(
    {
        "enable", "js", "css", "option", "bg", "count", "visitor", "pageview", "path", "el", "dark",
        "light_theme", "dark_theme", "theme_light", "theme_dark", "theme-light", "theme-dark", "serverurls_js",
    }
)  # fmt: skip


# --- comments ---------------------------------------------------------------------------------


@dataclass
class CommentService:
    """One comment service's embed: the client it loads and what it is given.

    ``attributes`` are the client script's own attributes (giscus, utterances);
    ``options`` the object handed to its init call (the others). ``theme_attribute``
    names the attribute that gets ``theme_light`` or ``theme_dark`` as the page is shown.
    """

    name: str
    label: str
    script: str
    stylesheet: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    theme_attribute: str = ""
    theme_light: str = ""
    theme_dark: str = ""


@dataclass
class CommentsSettings:
    """The comment services a theme config turns on, in the order the theme shows them."""

    services: list[CommentService] = field(default_factory=list)
    # Every service the config can build, for Fluid's per-post ``comment: <type>``.
    available: dict[str, CommentService] = field(default_factory=dict)

    def for_post(self, post: Any) -> list[CommentService]:
        """The services shown under ``post``: none when its front matter says ``comments: false``."""
        if _meta(post, "comments") is False:
            return []
        chosen = _meta(post, "comment")
        if isinstance(chosen, str) and chosen.strip().lower() in self.available:
            return [self.available[chosen.strip().lower()]]
        return list(self.services)


def _text(value: Any) -> str:
    return "" if value is None or isinstance(value, (bool, Mapping, list)) else str(value).strip()


def _block(settings: Mapping[str, Any], *path: str) -> Mapping[str, Any]:
    value: Any = settings
    for key in path:
        value = value.get(key) if isinstance(value, Mapping) else None
    return value if isinstance(value, Mapping) else {}


def _json_safe(value: Any) -> Any:
    """A YAML value as JSON can hold it (a date as its ISO text); None for what it cannot."""
    if isinstance(value, (str, bool, int, float)) or value is None:
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items() if _json_safe(v) is not None}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value if _json_safe(v) is not None]
    return None


def _options(block: Mapping[str, Any], renames: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A service's init options: its block's keys (as the service names them), then Butterfly's ``option:``."""
    renames = renames or {}
    options: dict[str, Any] = {}
    for key, value in block.items():
        key = str(key)
        if key in _THEME_ONLY or value is None or value == "":
            continue
        safe = _json_safe(value)
        if safe is not None:
            options[renames.get(key, key)] = safe
    extra = block.get("option")
    if isinstance(extra, Mapping):
        options.update(_json_safe(extra))
    return options


def _first(block: Mapping[str, Any], *keys: str) -> str:
    for key in keys:
        if _text(block.get(key)):
            return _text(block.get(key))
    return ""


def _giscus(block: Mapping[str, Any]) -> CommentService | None:
    # NexT's plugin and Butterfly write repo_id, Fluid repo-id, Stellar data-repo-id: one name for each.
    given: dict[str, str] = {}
    extra = block.get("option") if isinstance(block.get("option"), Mapping) else {}
    for key, value in [*block.items(), *extra.items()]:
        name = str(key).removeprefix("data-").replace("_", "-")
        if _text(value) or isinstance(value, bool):
            given[name] = str(value).lower() if isinstance(value, bool) else _text(value)
    if not (given.get("repo") and given.get("repo-id")):
        return None
    attributes = {"data-" + name: given[name] for name in _GISCUS_ATTRIBUTES if name in given}
    attributes.setdefault("data-mapping", "pathname")
    attributes.setdefault("data-reactions-enabled", "1")
    light = given.get("light-theme") or given.get("theme-light") or given.get("theme") or "light"
    dark = given.get("dark-theme") or given.get("theme-dark") or ("dark" if light == "light" else light)
    return CommentService(
        "giscus",
        _LABELS["giscus"],
        _first(block, "js") or GISCUS_JS,
        attributes=attributes,
        theme_attribute="data-theme",
        theme_light=light,
        theme_dark=dark,
    )


def _utterances(block: Mapping[str, Any]) -> CommentService | None:
    repo = _text(block.get("repo"))
    if not repo or "/" not in repo:
        return None
    attributes = {"repo": repo, "issue-term": _first(block, "issue_term", "issue-term") or "pathname"}
    if _first(block, "issue-number", "issue_number"):
        attributes = {"repo": repo, "issue-number": _first(block, "issue-number", "issue_number")}
    if _text(block.get("label")):
        attributes["label"] = _text(block.get("label"))
    light = _first(block, "light_theme", "theme") or "github-light"
    dark = _first(block, "dark_theme", "theme_dark") or ("github-dark" if light == "github-light" else light)
    return CommentService(
        "utterances",
        _LABELS["utterances"],
        _first(block, "js") or UTTERANCES_JS,
        attributes=attributes,
        theme_attribute="theme",
        theme_light=light,
        theme_dark=dark,
    )


_GITALK_NAMES = {
    "client_id": "clientID",
    "client_secret": "clientSecret",
    "github_id": "owner",
    "admin_user": "admin",
    "distraction_free_mode": "distractionFreeMode",
    "create_issue_manually": "createIssueManually",
    "per_page": "perPage",
    "pager_direction": "pagerDirection",
}


def _gitalk(block: Mapping[str, Any]) -> CommentService | None:
    options = _options(block, _GITALK_NAMES)
    options.pop("body", None)  # NexT's ${...} template, its own
    if not all(_text(options.get(key)) for key in ("clientID", "clientSecret", "repo", "owner")):
        return None
    admin = options.get("admin") or options["owner"]
    options["admin"] = [str(a) for a in admin] if isinstance(admin, list) else [str(admin)]
    return CommentService(
        "gitalk",
        _LABELS["gitalk"],
        _first(block, "js") or GITALK_JS,
        _first(block, "css") or GITALK_CSS,
        options=options,
    )


def _waline(block: Mapping[str, Any]) -> CommentService | None:
    options = _options(block)
    if not _text(options.get("serverURL")):
        return None
    return CommentService(
        "waline",
        _LABELS["waline"],
        _first(block, "js") or WALINE_JS,
        _first(block, "css") or WALINE_CSS,
        options=options,
    )


def _valine(block: Mapping[str, Any], leancloud: Mapping[str, Any]) -> CommentService | None:
    options = _options(block, {"app_id": "appId", "app_key": "appKey"})
    # Ayer keeps Valine's LeanCloud app under leancloud:.
    options.setdefault("appId", _text(leancloud.get("app_id")))
    options.setdefault("appKey", _text(leancloud.get("app_key")))
    options.pop("verify", None)
    options.pop("notify", None)
    if not (_text(options.get("appId")) and _text(options.get("appKey"))):
        return None
    return CommentService("valine", _LABELS["valine"], _first(block, "js") or VALINE_JS, options=options)


def _twikoo(block: Mapping[str, Any]) -> CommentService | None:
    options = _options(block)
    if not _text(options.get("envId")):
        return None
    return CommentService("twikoo", _LABELS["twikoo"], _first(block, "js") or TWIKOO_JS, options=options)


def _disqus(block: Mapping[str, Any]) -> CommentService | None:
    shortname = _text(block.get("shortname"))
    if not re.fullmatch(r"[A-Za-z0-9-]+", shortname):
        return None
    return CommentService(
        "disqus", _LABELS["disqus"], f"https://{shortname}.disqus.com/embed.js", options={"shortname": shortname}
    )


def _service(name: str, settings: Mapping[str, Any], under_comments: bool = False) -> CommentService | None:
    block = _block(settings, "comments", name) if under_comments else {}
    block = block or _block(settings, name)
    if name == "giscus":
        return _giscus(block)
    if name == "utterances":
        return _utterances(block)
    if name == "gitalk":
        return _gitalk(block)
    if name == "waline":
        return _waline(block)
    if name == "valine":
        return _valine(block, _block(settings, "leancloud"))
    if name == "twikoo":
        return _twikoo(block)
    if name == "disqus":
        return _disqus(block)
    return None


def _names(value: Any) -> list[str]:
    """Butterfly's ``use: Giscus,Waline`` or ``use: [Giscus, Waline]``, lower-cased."""
    items = value if isinstance(value, list) else str(value or "").split(",")
    return [str(item).strip().lower() for item in items if str(item).strip()]


def comments_settings(settings: Mapping[str, Any]) -> CommentsSettings:
    """The comment services of a theme config, by the rule of the theme family whose keys it has."""
    comments = _block(settings, "comments")
    fluid = _block(settings, "post", "comments")
    stellar = _text(comments.get("service"))
    if comments.get("use"):
        # Butterfly: up to two, the first shown first; their blocks need no enable.
        wanted, under_comments = _names(comments.get("use"))[:2], False
    elif stellar:
        wanted, under_comments = [stellar.lower()], True
    elif fluid:
        # Fluid: one service, named by post.comments.type; off unless post.comments.enable.
        if fluid.get("enable") is not True:
            return CommentsSettings(available=_available(settings))
        wanted, under_comments = [_text(fluid.get("type")).lower() or "disqus"], False
    else:
        # NexT and Ayer: each service whose block says enable: true, comments.active's first.
        wanted = [name for name in SERVICES if _block(settings, name).get("enable") is True]
        active = _text(comments.get("active")).lower()
        if active in wanted:
            wanted.remove(active)
            wanted.insert(0, active)
        under_comments = False
    services = [s for s in (_service(name, settings, under_comments) for name in wanted) if s is not None]
    available = _available(settings) if fluid else {}
    return CommentsSettings(services=services, available=available)


def _available(settings: Mapping[str, Any]) -> dict[str, CommentService]:
    built = {name: _service(name, settings) for name in SERVICES}
    return {name: service for name, service in built.items() if service is not None}


# --- reward -----------------------------------------------------------------------------------


@dataclass
class RewardMethod:
    """One way to pay the author: its name, its QR code image, and where a click on it goes."""

    label: str
    image: str
    link: str = ""


@dataclass
class PostReward:
    """The reward block of one post."""

    text: str
    methods: list[RewardMethod] = field(default_factory=list)


@dataclass
class RewardSettings:
    """A theme config's reward block: on every post (``enabled``), or only on posts asking (``opt_in``)."""

    enabled: bool = False
    opt_in: bool = False
    text: str = ""
    methods: list[RewardMethod] = field(default_factory=list)

    def for_post(self, post: Any) -> PostReward | None:
        """The block under ``post``, or None: its front matter first, then the theme config."""
        asked = _meta(post, "reward")
        nexts = _meta(post, "reward_settings")
        if asked is False or _meta(post, "no_reward") is True:
            return None
        if isinstance(nexts, Mapping) and isinstance(nexts.get("enable"), bool):
            asked = nexts["enable"]
            if asked is False:
                return None
        if asked is True or (self.enabled and not self.opt_in):
            return PostReward(self.text, list(self.methods))
        return None


_PAYMENT_NAMES = {
    "en": {
        "wechatpay": "WeChat Pay",
        "weixin": "WeChat Pay",
        "alipay": "Alipay",
        "paypal": "PayPal",
        "bitcoin": "Bitcoin",
    },
    "zh": {"wechatpay": "微信支付", "weixin": "微信支付", "alipay": "支付宝", "paypal": "PayPal", "bitcoin": "比特币"},
}


def _under_root(path: str) -> str:
    """A theme config's ``/images/x.png`` as a path under the site root; a URL with a host stays as it is."""
    path = path.strip()
    return path[1:] if path.startswith("/") and not path.startswith("//") else path


def reward_settings(settings: Mapping[str, Any], language: str = "en") -> RewardSettings:
    """The reward of a NexT (``reward_settings`` + ``reward``), Butterfly (``reward.QR_code``) or Ayer config."""
    words = _PAYMENT_NAMES["zh" if language.lower().startswith("zh") else "en"]
    next_settings = _block(settings, "reward_settings")
    reward = _block(settings, "reward")
    if next_settings:
        methods = [
            RewardMethod(words.get(str(name).lower(), str(name)), _under_root(_text(image)))
            for name, image in reward.items()
            if _text(image)
        ]
        return RewardSettings(next_settings.get("enable") is True, False, _text(next_settings.get("comment")), methods)
    codes = reward.get("QR_code") or reward.get("QR")
    if reward and isinstance(codes, list):
        methods = [
            RewardMethod(
                _text(item.get("text")) or f"QR code {number}",
                _under_root(_text(item.get("img"))),
                _under_root(_text(item.get("link"))),
            )
            for number, item in enumerate(codes, 1)
            if isinstance(item, Mapping) and _text(item.get("img"))
        ]
        return RewardSettings(reward.get("enable") is True and bool(methods), False, _text(reward.get("text")), methods)
    if "reward_type" in settings:
        # Ayer: 0 none, 1 only posts with reward: true, 2 every post.
        kind = settings.get("reward_type")
        methods = [
            RewardMethod(words[key], _under_root(_text(settings.get(key))))
            for key in ("alipay", "weixin")
            if _text(settings.get(key))
        ]
        return RewardSettings(kind in (1, 2), kind == 1, _text(settings.get("reward_wording")), methods)
    return RewardSettings(text=_text(reward.get("text")) if reward else "")


# --- copyright --------------------------------------------------------------------------------


@dataclass
class PostCopyright:
    """The copyright notice of one post: who wrote it, where it lives, under which licence."""

    author: str
    author_url: str
    link: str
    license_name: str
    license_url: str
    date: str = ""


_CC_CODES = ("by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd")


_CC_NAME = re.compile(r"^(?:cc[\s-]*)?(by(?:-(?:nc|nd|sa))*|zero|0)(?:\s+\d\.\d)?$")


def license_deed(code: str, language: str = "") -> tuple[str, str]:
    """A Creative Commons licence (``by-nc-sa``, ``BY``, ``cc-zero``, ``CC BY-SA 4.0``) as its name and deed URL.

    Anything else is a licence name of its own, with no URL.
    """
    found = _CC_NAME.match(code.strip().lower())
    key = found.group(1) if found else ""
    suffix = language.strip().lstrip("/")
    if key in ("zero", "0", "cc0"):
        return "CC0 1.0", f"https://creativecommons.org/publicdomain/zero/1.0/{suffix}"
    if key in _CC_CODES:
        return f"CC {key.upper()} 4.0", f"https://creativecommons.org/licenses/{key}/4.0/{suffix}"
    return code.strip(), ""


_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


@dataclass
class CopyrightSettings:
    """A theme config's copyright notice: on every post (``enabled``) or only posts asking (``opt_in``)."""

    enabled: bool = False
    opt_in: bool = False
    license_name: str = ""
    license_url: str = ""
    author: str = ""
    author_url: str = ""
    show_author: bool = True
    show_date: bool = False
    site_url: str = ""

    def for_post(self, post: Any, siteurl: str = "") -> PostCopyright | None:
        """The notice under ``post`` (whose link is under ``siteurl``, else the Hexo ``url``), or None."""
        asked = _meta(post, "copyright")
        opted_in = self.opt_in and (asked is True or isinstance(asked, str))
        if asked is False or not (self.enabled or opted_in):
            return None
        name, url = self.license_name, self.license_url
        # Fluid: copyright: BY-SA (or license: BY-SA) names another licence for the post.
        own = asked if isinstance(asked, str) and asked.strip() else _meta(post, "license")
        if isinstance(own, str) and own.strip():
            name, url = license_deed(own)
        if not name:
            return None
        authors = [str(a) for a in (_meta(post, "authors") or []) if str(a)]
        author = ", ".join(authors) or self.author
        link = post_link(post, siteurl, self.site_url)
        date = getattr(post, "date", None)
        shown_date = date.strftime("%Y-%m-%d") if self.show_date and hasattr(date, "strftime") else ""
        return PostCopyright(author if self.show_author else "", self.author_url, link, name, url, shown_date)


def post_link(post: Any, siteurl: str, site_url: str) -> str:
    """Where ``post`` lives: under an absolute SITEURL, else under the Hexo ``url`` (a local build's is relative)."""
    base = siteurl if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", siteurl or "") else site_url
    return f"{(base or '').rstrip('/')}/{getattr(post, 'url', '')}"


def copyright_settings(settings: Mapping[str, Any], author: str = "", site_url: str = "") -> CopyrightSettings:
    """The copyright notice of a NexT, Butterfly, Fluid, Ayer or Stellar theme config."""
    common = {"author": author, "site_url": site_url}
    cc = _block(settings, "creative_commons")
    butterfly = _block(settings, "post_copyright")
    fluid = _block(settings, "post", "copyright")
    article = _block(settings, "article")
    if butterfly:
        name = _text(butterfly.get("license")) or "CC BY-NC-SA 4.0"
        url = _text(butterfly.get("license_url"))
        url = url or license_deed(name)[1]
        return CopyrightSettings(
            butterfly.get("enable") is True, False, name, url, author_url=_text(butterfly.get("author_href")), **common
        )
    if fluid:
        name, url = license_deed(_text(fluid.get("license")) or "BY")
        return CopyrightSettings(
            fluid.get("enable") is True,
            False,
            name,
            url,
            show_author=_block(fluid, "author").get("enable", True) is not False,
            show_date=_block(fluid, "post_date").get("enable", True) is not False,
            **common,
        )
    if cc:
        name, url = license_deed(_text(cc.get("license")) or "by-nc-sa", _text(cc.get("language")))
        return CopyrightSettings(bool(_text(cc.get("license"))) and cc.get("post") is True, False, name, url, **common)
    if _text(article.get("license")):
        # Stellar: a Markdown sentence; its link names the licence.
        found = _MARKDOWN_LINK.search(_text(article.get("license")))
        name, url = (found.group(1), found.group(2)) if found else (_MARKDOWN_LINK.sub(r"\1", article["license"]), "")
        return CopyrightSettings(True, False, name, url, **common)
    if "copyright_type" in settings:
        # Ayer: 0 none, 1 posts with copyright: true, 2 every post; its notice is CC BY-NC-SA 4.0.
        kind = settings.get("copyright_type")
        name, url = license_deed("by-nc-sa")
        return CopyrightSettings(kind == 2, kind == 1, name, url, **common)
    return CopyrightSettings(**common)


# --- all three --------------------------------------------------------------------------------


@dataclass
class PostFurniture:
    """Reward, copyright and comments of a theme config, each asked ``for_post(article)`` by the post page."""

    reward: RewardSettings = field(default_factory=RewardSettings)
    copyright: CopyrightSettings = field(default_factory=CopyrightSettings)
    comments: CommentsSettings = field(default_factory=CommentsSettings)

    def permalink(self, post: Any, siteurl: str = "") -> str:
        """The post's full URL, as Disqus and the copyright notice name it."""
        return post_link(post, siteurl, self.copyright.site_url)

    def any_for(self, post: Any) -> bool:
        """Whether ``post`` shows any of the three (its page then links the stylesheet for them)."""
        return bool(self.reward.for_post(post) or self.copyright.for_post(post) or self.comments.for_post(post))


def post_furniture(settings: Mapping[str, Any], config: Mapping[str, Any], language: str = "en") -> PostFurniture:
    """The post furniture of a merged theme config (``settings``) and the site's Hexo ``config``."""
    return PostFurniture(
        reward=reward_settings(settings, language),
        copyright=copyright_settings(settings, _text(config.get("author")), _text(config.get("url"))),
        comments=comments_settings(settings),
    )


def _meta(post: Any, key: str) -> Any:
    """A post's front matter key (Pelican keeps it as an attribute; a test may pass a mapping)."""
    if isinstance(post, Mapping):
        return post.get(key)
    return getattr(post, key, None)
